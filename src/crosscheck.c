/* Cross-checking figures: claims from different articles that count the same people (same category,
 * compatible people, place and time frame) become one group, with the range the figures span, which
 * of them repeat one original source, and a verdict from the intervals the figures assert. */
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "facets.h"
#include "report.h"
#include "stages.h"

/* Two figures a factor of this apart are not counts of the same thing (a day's toll and a war's). */
#define CC_MAX_FACTOR 50.0

typedef struct fig {
    cc_facets f;
    uint32_t article, claim, start;
    uint8_t category;
    int32_t group;
} fig;

/* "inner lies in outer", as some article says of two places the claims name. */
typedef struct place_link {
    cc_str inner, outer; /* normalised place keys */
} place_link;

typedef struct work {
    cc_cluster *c;
    fig *figs;
    size_t n;
    size_t *base;        /* first fig of each article */
    CC_VEC(place_link) links;
    cc_arena scratch;
} work;

static const fig *fig_of(const work *w, const cc_claim_ref *r)
{
    return &w->figs[w->base[r->article] + r->claim];
}

static long article_day(const cc_article *a)
{
    if (!a->pub_year || !a->pub_month) {
        return 0;
    }
    cc_date d = { a->pub_year, a->pub_month, a->pub_day ? a->pub_day : 1 };
    return cc_date_days(d);
}

static int groupable(const cc_claim *cl)
{
    return cl->category != CC_CAT_OTHER && !(cl->flags & (CC_CF_HYPOTHETICAL | CC_CF_NEGATED));
}

static uint32_t paragraph_of(const cc_article *a, const cc_claim *cl)
{
    return cl->sentence < a->sentences.n ? a->sentences.v[cl->sentence].para : UINT32_MAX;
}

/* News states a time frame once and lets the next sentences of the paragraph lean on it ("since
 * November 15 ... The victims included around 70 civilians"): a figure of the same kind without a
 * time phrase takes the frame of the one before it in its paragraph. */
static void carry_frames(work *w, size_t article)
{
    const cc_article *a = w->c->articles.v[article];
    fig *figs = &w->figs[w->base[article]];
    for (size_t k = 1; k < a->claims.n; k++) {
        if (figs[k].f.time.kind != CC_FRAME_NONE || !groupable(&a->claims.v[k])) {
            continue;
        }
        for (size_t j = k; j-- > 0;) {
            if (paragraph_of(a, &a->claims.v[j]) != paragraph_of(a, &a->claims.v[k])) {
                break;
            }
            if (figs[j].category == figs[k].category && figs[j].f.time.kind != CC_FRAME_NONE) {
                figs[k].f.time = figs[j].f.time;
                break;
            }
        }
    }
}

static void read_figs(work *w)
{
    cc_cluster *c = w->c;
    long latest = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        long d = article_day(c->articles.v[i]);
        latest = d > latest ? d : latest;
    }
    w->base = malloc((c->articles.n + 1) * sizeof *w->base);
    for (size_t i = 0; i < c->articles.n; i++) {
        w->base[i] = w->n;
        w->n += c->articles.v[i]->claims.n;
    }
    w->figs = calloc(w->n ? w->n : 1, sizeof *w->figs);
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_article *a = c->articles.v[i];
        long anchor = article_day(a) ? article_day(a) : latest;
        for (size_t k = 0; k < a->claims.n; k++) {
            fig *x = &w->figs[w->base[i] + k];
            cc_claim *cl = &a->claims.v[k];
            cl->group = -1;
            x->article = (uint32_t)i;
            x->claim = (uint32_t)k;
            x->start = cl->span.start;
            x->category = cl->category;
            x->group = -1;
            if (groupable(cl)) {
                cc_facets_read(&x->f, a, cl, anchor, &w->scratch);
            }
        }
        carry_frames(w, i);
    }
}

static int same_key(cc_str a, cc_str b)
{
    return a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}

static int linked(const work *w, cc_str inner, cc_str outer)
{
    for (size_t i = 0; i < w->links.n; i++) {
        if (same_key(w->links.v[i].inner, inner) && same_key(w->links.v[i].outer, outer)) {
            return 1;
        }
    }
    return 0;
}

static const char *find_name(const char *p, const char *end, cc_str name)
{
    while ((size_t)(end - p) >= name.len && (p = memchr(p, name.p[0], (size_t)(end - p) - name.len + 1)) != NULL) {
        if (memcmp(p, name.p, name.len) == 0) {
            return p;
        }
        p++;
    }
    return NULL;
}

/* Places the claims name are looked up in the articles themselves: "Khan Sheikhoun in Idlib province"
 * makes a figure for Khan Sheikhoun part of one for Idlib. */
static void find_place_links(work *w)
{
    CC_VEC(const fig *) names = { 0 };
    for (size_t i = 0; i < w->n; i++) {
        const fig *x = &w->figs[i];
        int seen = !x->f.place_name.len;
        for (size_t k = 0; k < names.n && !seen; k++) {
            seen = same_key(names.v[k]->f.place, x->f.place);
        }
        if (!seen) {
            CC_VEC_PUSH(names, x);
        }
    }
    for (size_t i = 0; i < names.n && names.n > 1; i++) {
        cc_str inner = names.v[i]->f.place_name;
        for (size_t a = 0; a < w->c->articles.n; a++) {
            const cc_article *art = w->c->articles.v[a];
            const char *end = art->text + art->len;
            for (const char *p = art->text; (p = find_name(p, end, inner)) != NULL; p++) {
                cc_place_context around;
                if (!cc_place_context_at(&around, art->text, p, end, inner)) {
                    continue;
                }
                for (size_t j = 0; j < names.n; j++) {
                    if (j != i && !linked(w, names.v[i]->f.place, names.v[j]->f.place) &&
                        cc_place_context_names(&around, names.v[j]->f.place_name)) {
                        place_link l = { names.v[i]->f.place, names.v[j]->f.place };
                        CC_VEC_PUSH(w->links, l);
                    }
                }
            }
        }
    }
    CC_VEC_FREE(names);
}

static int place_relation(const work *w, const fig *x, const fig *m)
{
    int r = cc_place_relation(&x->f, &m->f);
    if (r == CC_REL_NONE && linked(w, x->f.place, m->f.place)) {
        return CC_REL_NARROWER;
    }
    if (r == CC_REL_NONE && linked(w, m->f.place, x->f.place)) {
        return CC_REL_BROADER;
    }
    return r;
}

static int same_figure(const cc_facets *a, const cc_facets *b)
{
    return a->vague == b->vague && fabs(a->fig_lo - b->fig_lo) <= 0.01 * fabs(a->fig_lo) &&
           fabs(a->fig_hi - b->fig_hi) <= 0.01 * fabs(a->fig_hi);
}

/* The largest count a figure makes likely: an open vague amount ("many", "numerous") reaches well past
 * its floor, though not to a war's toll. */
static double likely_max(const cc_facets *f)
{
    double hi = f->vague && !isfinite(f->hi) ? 100 * f->fig_lo : f->fig_hi;
    return hi > 1 ? hi : 1;
}

/* How far apart two figures are in size, for breaking ties between groups. */
static double size_gap(const cc_facets *a, const cc_facets *b)
{
    return fabs(log((a->fig_lo > 1 ? a->fig_lo : 1) / (b->fig_lo > 1 ? b->fig_lo : 1)));
}

static int plausible(const cc_facets *a, const cc_facets *b)
{
    double ahi = likely_max(a), bhi = likely_max(b);
    return a->fig_lo <= CC_MAX_FACTOR * bhi && b->fig_lo <= CC_MAX_FACTOR * ahi;
}

/* How well x fits beside member m as a count of the same thing; -1 when it cannot be. */
static int fit(const work *w, const fig *x, const fig *m)
{
    if (x->category != m->category || !plausible(&x->f, &m->f)) {
        return -1;
    }
    int who = cc_who_relation(x->f.who, m->f.who);
    int place = place_relation(w, x, m);
    int time = cc_frame_relation(&x->f.time, &m->f.time);
    if (who == CC_REL_NONE || place == CC_REL_NONE || time == CC_REL_NONE) {
        return -1;
    }
    /* two points for a facet both state alike, one where one of them leaves it open or names a part */
    int score = 0;
    score += who == CC_REL_SAME && x->f.who && m->f.who ? 2 : 1;
    score += place == CC_REL_SAME && x->f.place.len && m->f.place.len ? 2 : 1;
    score += time == CC_REL_SAME && x->f.time.kind != CC_FRAME_NONE && m->f.time.kind != CC_FRAME_NONE ? 2 : 1;
    score += cc_same_source(&x->f, &m->f);
    score += same_figure(&x->f, &m->f) * 2;
    return score;
}

/* An article gives one precise figure for a quantity and perhaps a loose restatement ("scores"); a
 * second precise figure in the same article is most often a different quantity (a subset, an earlier
 * toll), so a group takes at most one of each per article. */
static int slot_taken(const work *w, const cc_group *g, const fig *x)
{
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *m = fig_of(w, &g->members.v[k]);
        if (m->article == x->article && m->f.vague == x->f.vague) {
            return 1;
        }
    }
    return 0;
}

/* A claim joins a group only if it fits beside every member, and is drawn to the group whose closest
 * member fits best: big groups gather varied wording, so an average would favour small ones. gap gets
 * the size gap to the nearest member. */
static int group_fit(const work *w, const cc_group *g, const fig *x, double *gap)
{
    if (g->category != x->category || slot_taken(w, g, x)) {
        return -1;
    }
    int best = 0;
    *gap = INFINITY;
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *m = fig_of(w, &g->members.v[k]);
        int s = fit(w, x, m);
        if (s < 0) {
            return -1;
        }
        best = s > best ? s : best;
        *gap = fmin(*gap, size_gap(&x->f, &m->f));
    }
    return best;
}

static void add_member(cc_group *g, const fig *x)
{
    cc_claim_ref r = { x->article, x->claim, x->f.lo, x->f.hi, x->f.fig_lo, x->f.fig_hi, -1 };
    CC_VEC_PUSH(g->members, r);
}

static int by_position(const void *pa, const void *pb)
{
    const fig *a = *(const fig *const *)pa, *b = *(const fig *const *)pb;
    if (a->article != b->article) {
        return a->article < b->article ? -1 : 1;
    }
    return a->start < b->start ? -1 : a->start > b->start;
}

static void assign_groups(work *w)
{
    fig **order = malloc((w->n ? w->n : 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < w->n; i++) {
        const cc_claim *cl = &w->c->articles.v[w->figs[i].article]->claims.v[w->figs[i].claim];
        if (groupable(cl)) {
            order[n++] = &w->figs[i];
        }
    }
    qsort(order, n, sizeof *order, by_position);
    for (size_t i = 0; i < n; i++) {
        fig *x = order[i];
        int best = -1;
        double best_gap = INFINITY;
        for (size_t g = 0; g < w->c->groups.n; g++) {
            double gap;
            int s = group_fit(w, &w->c->groups.v[g], x, &gap);
            if (s < 0 || s < best) {
                continue;
            }
            /* on a tie the bigger group (most often the event's main count), then the nearer in size */
            size_t size = w->c->groups.v[g].members.n, held = best >= 0 ? w->c->groups.v[x->group].members.n : 0;
            if (s > best || size > held || (size == held && gap < best_gap)) {
                best = s;
                best_gap = gap;
                x->group = (int32_t)g;
            }
        }
        if (x->group < 0) {
            cc_group fresh = { 0 };
            fresh.category = x->category;
            fresh.conflict_low = fresh.conflict_high = -1;
            CC_VEC_PUSH(w->c->groups, fresh);
            x->group = (int32_t)(w->c->groups.n - 1);
        }
        add_member(&w->c->groups.v[x->group], x);
        w->c->articles.v[x->article]->claims.v[x->claim].group = x->group;
    }
    free(order);
}

/* ---- per group: evidence, verdict, range, label ---- */

static int intervals_meet(const cc_facets *a, const cc_facets *b)
{
    return a->lo <= b->hi && b->lo <= a->hi;
}

/* A figure from the source an earlier member already gave, and compatible with it, counts once. */
static void mark_repeats(const work *w, cc_group *g)
{
    g->evidence = 0;
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *x = fig_of(w, &g->members.v[k]);
        for (size_t j = 0; j < k && g->members.v[k].repeat_of < 0; j++) {
            const fig *y = fig_of(w, &g->members.v[j]);
            if (g->members.v[j].repeat_of < 0 && cc_same_source(&x->f, &y->f) && intervals_meet(&x->f, &y->f)) {
                g->members.v[k].repeat_of = (int32_t)j;
            }
        }
        g->evidence += g->members.v[k].repeat_of < 0;
    }
}

/* A country (data/places.txt, from iso-codes): a report that places an event in a country names where it
 * happened, not a nationwide count. */
static const cc_lexset *places;
static pthread_once_t places_read = PTHREAD_ONCE_INIT;

static void read_places(void)
{
    places = cc_lexset_get("places");
}

static int is_country(cc_str name)
{
    pthread_once(&places_read, read_places);
    const cc_lexentry *e = name.len ? cc_lexset_find(places, name.p, name.len) : NULL;
    return e && e->value_len == 7 && memcmp(e->value, "country", 7) == 0;
}

/* A figure about a part of the people counted (children among civilians), or about a named place the
 * articles put inside a town or province (a district of the city), only says the group's count is at
 * least that much. Other places and time frames are not read that way: the group already holds figures
 * of like frame, and "eastern Aleppo" and "Aleppo", or "Syria's Idlib province" and "Syria", name the
 * place of one event in most reports of it. */
static void widen_narrower(const work *w, cc_group *g)
{
    const fig *who = fig_of(w, &g->members.v[0]);
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *x = fig_of(w, &g->members.v[k]);
        if (!who->f.who || cc_who_relation(x->f.who, who->f.who) == CC_REL_BROADER) {
            who = x;
        }
    }
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *x = fig_of(w, &g->members.v[k]);
        int part = cc_who_relation(x->f.who, who->f.who) == CC_REL_NARROWER;
        for (size_t j = 0; j < g->members.n && !part; j++) {
            const fig *y = fig_of(w, &g->members.v[j]);
            part = linked(w, x->f.place, y->f.place) && !is_country(y->f.place_name);
        }
        g->members.v[k].low = x->f.lo;
        g->members.v[k].high = part ? INFINITY : x->f.hi;
    }
}

/* The members whose intervals leave the least room: the highest floor and the lowest ceiling. */
static void tightest(const work *w, const cc_group *g, int precise_only, int32_t *lo_at, int32_t *hi_at)
{
    *lo_at = *hi_at = -1;
    for (size_t k = 0; k < g->members.n; k++) {
        const cc_claim_ref *r = &g->members.v[k];
        if (r->repeat_of >= 0 || (precise_only && fig_of(w, r)->f.vague)) {
            continue;
        }
        if (*lo_at < 0 || r->low > g->members.v[*lo_at].low) {
            *lo_at = (int32_t)k;
        }
        if (*hi_at < 0 || r->high < g->members.v[*hi_at].high) {
            *hi_at = (int32_t)k;
        }
    }
}

static int conflicting(const cc_group *g, int32_t lo_at, int32_t hi_at)
{
    return lo_at >= 0 && hi_at >= 0 && g->members.v[lo_at].low > g->members.v[hi_at].high * (1 + 1e-9);
}

/* The length of cut text without the part of a character the cut left at its end. */
static size_t whole_characters(const char *buf, size_t n)
{
    size_t k = n, continuations = 0;
    while (k > 0 && continuations < 3 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) {
        k--;
        continuations++;
    }
    if (k == 0) {
        return n;
    }
    unsigned char lead = (unsigned char)buf[k - 1];
    size_t len = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return continuations + 1 < len ? k - 1 : n;
}

static size_t member_text(const work *w, const cc_claim_ref *r, char *buf, size_t cap)
{
    const cc_article *a = w->c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    size_t n = cc_figure_text(buf, cap, a, cl);
    if (cl->source.len && n + 8 < cap) {
        n += (size_t)snprintf(buf + n, cap - n, " (");
        uint32_t i = 0;
        for (; i < cl->source.len && n + 2 < cap; i++) {
            char ch = cl->source.p[i];
            buf[n++] = ch == '\n' || ch == '\t' || ch == '\r' ? ' ' : ch;
        }
        n = i < cl->source.len ? whole_characters(buf, n) : n;
        n += (size_t)snprintf(buf + n, cap - n, ")");
    }
    return n < cap ? n : cap - 1;
}

static size_t bound_text(char *buf, size_t cap, double lo, double hi)
{
    char a[32], b[32];
    cc_number_text(a, sizeof a, lo);
    cc_number_text(b, sizeof b, hi);
    if (!isfinite(hi)) {
        return (size_t)snprintf(buf, cap, "at least %s", a);
    }
    return lo == hi ? (size_t)snprintf(buf, cap, "%s", a) : (size_t)snprintf(buf, cap, "%s to %s", a, b);
}

static cc_str keep(cc_cluster *c, const char *s, size_t n)
{
    return cc_str_of(cc_arena_strndup(&c->arena, s, n), n);
}

static void judge(const work *w, cc_group *g)
{
    char reason[512], a[160], b[160], ia[96], ib[96];
    int32_t lo_at, hi_at;
    tightest(w, g, 1, &lo_at, &hi_at);
    if (!conflicting(g, lo_at, hi_at)) {
        tightest(w, g, 0, &lo_at, &hi_at);
    }
    size_t n;
    if (g->evidence < 2) {
        g->verdict = CC_VERDICT_SINGLE;
        n = (size_t)snprintf(reason, sizeof reason, g->members.n > 1 ? "one source, reported %zu times" : "one report",
                             g->members.n);
    } else if (conflicting(g, lo_at, hi_at)) {
        const cc_claim_ref *low = &g->members.v[hi_at], *high = &g->members.v[lo_at];
        g->verdict = CC_VERDICT_CONFLICT;
        g->conflict_low = hi_at;
        g->conflict_high = lo_at;
        member_text(w, low, a, sizeof a);
        member_text(w, high, b, sizeof b);
        bound_text(ia, sizeof ia, low->low, low->high);
        bound_text(ib, sizeof ib, high->low, high->high);
        n = (size_t)snprintf(reason, sizeof reason, "%s and %s cannot both be true: %s against %s", a, b, ia, ib);
    } else {
        int all_same = 1;
        const fig *first = NULL;
        for (size_t k = 0; k < g->members.n; k++) {
            const fig *x = fig_of(w, &g->members.v[k]);
            all_same &= !first || same_figure(&x->f, &first->f);
            first = first ? first : x;
        }
        g->verdict = all_same ? CC_VERDICT_AGREE : CC_VERDICT_WITHIN_RANGE;
        bound_text(ia, sizeof ia, g->members.v[lo_at].low, g->members.v[hi_at].high);
        n = all_same ? (size_t)snprintf(reason, sizeof reason, "%u independent sources give the same figure", g->evidence)
                     : (size_t)snprintf(reason, sizeof reason, "%u independent sources; all can be true for %s",
                                        g->evidence, ia);
    }
    g->reason = keep(w->c, reason, n < sizeof reason ? n : whole_characters(reason, sizeof reason - 1));
}

/* Casualty recorders keep the smallest and largest figure reported; vague amounts count only when no
 * figure is precise. */
static void set_range(const work *w, cc_group *g)
{
    int precise = 0;
    for (size_t k = 0; k < g->members.n; k++) {
        precise |= !fig_of(w, &g->members.v[k])->f.vague;
    }
    g->low = INFINITY;
    g->high = -INFINITY;
    for (size_t k = 0; k < g->members.n; k++) {
        const cc_facets *f = &fig_of(w, &g->members.v[k])->f;
        if (precise && f->vague) {
            continue;
        }
        g->low = f->fig_lo < g->low ? f->fig_lo : g->low;
        g->high = (precise ? f->fig_hi : f->fig_lo) > g->high ? (precise ? f->fig_hi : f->fig_lo) : g->high;
    }
}

/* A label is built in a buffer of cap bytes: what does not fit is cut, at a whole UTF-8 character, and
 * n stays below cap. */
static size_t append_text(char *buf, size_t n, size_t cap, const char *s)
{
    while (*s && n + 1 < cap) {
        buf[n++] = *s++;
    }
    return *s ? whole_characters(buf, n) : n;
}

/* s with each run of white space as one space. */
static size_t append_folded(char *buf, size_t n, size_t cap, cc_str s)
{
    int space = 0;
    uint32_t i = 0;
    for (; i < s.len && n + 2 < cap; i++) {
        char ch = s.p[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = 1;
            continue;
        }
        if (space) {
            buf[n++] = ' ';
        }
        space = 0;
        buf[n++] = ch;
    }
    return i < s.len ? whole_characters(buf, n) : n;
}

/* "civilians killed in eastern Aleppo, the last 27 days": the broadest people, the place a named
 * member gives, and the longest time frame. */
static int place_rank(const fig *x, const cc_claim *cl)
{
    return !cl->where.len ? -1 : !x->f.place.len ? 0 : x->f.place_part ? 1 : 2;
}

static void set_label(const work *w, cc_group *g)
{
    const fig *who = NULL, *where = NULL, *when = NULL;
    int where_rank = 0;
    for (size_t k = 0; k < g->members.n; k++) {
        const fig *x = fig_of(w, &g->members.v[k]);
        const cc_claim *cl = &w->c->articles.v[x->article]->claims.v[x->claim];
        if (x->f.who && (!who || cc_who_relation(x->f.who, who->f.who) == CC_REL_BROADER)) {
            who = x;
        }
        if (place_rank(x, cl) >= 0 && (!where || place_rank(x, cl) > where_rank)) {
            where = x;
            where_rank = place_rank(x, cl);
        }
        if (cl->when.len && (!when || x->f.time.days > when->f.time.days)) {
            when = x;
        }
    }
    char buf[256];
    size_t n = append_text(buf, 0, sizeof buf, who ? who->f.who->key : "people");
    n = append_text(buf, append_text(buf, n, sizeof buf, " "), sizeof buf, cc_category_name((cc_category)g->category));
    if (where) {
        const cc_claim *cl = &w->c->articles.v[where->article]->claims.v[where->claim];
        n = append_folded(buf, append_text(buf, n, sizeof buf, " in "), sizeof buf, cl->where);
    }
    if (when) {
        const cc_claim *cl = &w->c->articles.v[when->article]->claims.v[when->claim];
        n = append_folded(buf, append_text(buf, n, sizeof buf, ", "), sizeof buf, cl->when);
    }
    g->label = keep(w->c, buf, n);
}

static void reset(cc_cluster *c)
{
    for (size_t i = 0; i < c->groups.n; i++) {
        CC_VEC_FREE(c->groups.v[i].members);
    }
    c->groups.n = 0;
}

void cc_crosscheck(cc_cluster *c)
{
    work w = { 0 };
    w.c = c;
    reset(c);
    read_figs(&w);
    find_place_links(&w);
    assign_groups(&w);
    for (size_t g = 0; g < c->groups.n; g++) {
        cc_group *gr = &c->groups.v[g];
        mark_repeats(&w, gr);
        widen_narrower(&w, gr);
        judge(&w, gr);
        set_range(&w, gr);
        set_label(&w, gr);
    }
    free(w.figs);
    free(w.base);
    CC_VEC_FREE(w.links);
    cc_arena_free(&w.scratch);
    cc_merge_quotes(c);
}
