/* The cited extractive summary: concept coverage maximisation (Gillick & Favre 2009) solved greedily
 * with a cost-scaled step (Lin & Bilmes 2010), plus a lead-position prior, since news puts the story in
 * its first sentences.
 *
 * Concepts are stemmed content words and word bigrams; a concept's weight grows with the number of
 * articles that carry it, so what several outlets report outweighs what one does, and a sentence whose
 * concepts are already covered gains nothing: the same fact from two outlets is said once. Sentences
 * that cannot stand alone (headings, captions, fragments, a dangling "He said…") are never picked. Each
 * chosen sentence cites every article with a sentence of the same content. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "stages.h"
#include "terms.h"

typedef struct tune {
    double min_words, max_words, pos_power, prior, len_power, uni, bi, low_df, red, cite, lead_w, ctx;
} tune;

static tune T = { 8, 60, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.5, 0.5, 0.0, 1 };

static void load_tune(void)
{
    const char *s = getenv("CC_SUMM");
    if (!s) {
        return;
    }
    static const struct { const char *k; size_t off; } keys[] = {
        { "min", offsetof(tune, min_words) }, { "max", offsetof(tune, max_words) },
        { "pp", offsetof(tune, pos_power) }, { "prior", offsetof(tune, prior) },
        { "lp", offsetof(tune, len_power) }, { "uni", offsetof(tune, uni) }, { "bi", offsetof(tune, bi) },
        { "low", offsetof(tune, low_df) }, { "red", offsetof(tune, red) }, { "cite", offsetof(tune, cite) },
        { "lead", offsetof(tune, lead_w) }, { "ctx", offsetof(tune, ctx) },
    };
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        char *eq = strchr(tok, '=');
        if (!eq) {
            continue;
        }
        *eq = 0;
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
            if (!strcmp(keys[i].k, tok)) {
                *(double *)((char *)&T + keys[i].off) = atof(eq + 1);
            }
        }
    }
}

/* A sentence as summary material. */
typedef struct unit {
    uint32_t article, sentence;
    uint32_t words;             /* white-space separated words with a letter or digit */
    uint32_t rank;              /* position among the article's body sentences, 0 = lead */
    uint32_t concept_first, concept_count;
    uint32_t term_first, term_count; /* distinct content terms, sorted */
    uint8_t ok;                 /* can stand in a summary */
    uint8_t needs_context;      /* opens by pointing back at an earlier sentence */
    uint8_t chosen;
} unit;

typedef struct concept {
    double weight;
    uint32_t df;                /* articles carrying it */
    uint32_t last_article;      /* +1; 0 = none yet */
    uint32_t last_unit;         /* +1, to count a concept once per sentence */
    double lead;                /* sum over articles of the position weight of its first occurrence */
} concept;

typedef struct summarizer {
    cc_cluster *cluster;
    cc_terms *terms;
    const cc_lexset *openers;
    CC_VEC(unit) units;
    CC_VEC(uint32_t) concept_ids;
    CC_VEC(uint32_t) term_ids;
    CC_VEC(concept) concepts;
    cc_idmap concept_map;
    uint8_t *covered;
    uint32_t *stamp;            /* per term: unit index + 1 last marked */
} summarizer;

static int is_wordlike(const cc_token *t)
{
    return t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER;
}

/* Words as a reader counts them: runs of tokens without space between, holding a letter or digit. */
static uint32_t count_words(const cc_article *a, const cc_sentence *s)
{
    uint32_t words = 0, prev_end = UINT32_MAX;
    int counted = 0;
    for (uint32_t k = 0; k < s->tok_count; k++) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (t->start != prev_end) {
            counted = 0;
        }
        if (!counted && is_wordlike(t)) {
            words++;
            counted = 1;
        }
        prev_end = t->end;
    }
    return words;
}

static uint32_t concept_of(summarizer *z, uint64_t key)
{
    int added;
    uint32_t id = cc_idmap_put(&z->concept_map, key, (uint32_t)z->concepts.n, &added);
    if (added) {
        concept c = { 0 };
        CC_VEC_PUSH(z->concepts, c);
    }
    return id;
}

static void add_concept(summarizer *z, uint32_t unit_index, uint64_t key, double lead)
{
    uint32_t id = concept_of(z, key);
    concept *c = &z->concepts.v[id];
    const unit *u = &z->units.v[unit_index];
    if (c->last_unit == unit_index + 1) {
        return;
    }
    c->last_unit = unit_index + 1;
    if (c->last_article != u->article + 1) {
        c->last_article = u->article + 1;
        c->df++;
        c->lead += lead;
    }
    CC_VEC_PUSH(z->concept_ids, id);
}

static int contains(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *q = p; q + k <= p + n && (q = memchr(q, needle[0], (size_t)(p + n - q))) != NULL; q++) {
        if (q + k <= p + n && !memcmp(q, needle, k)) {
            return 1;
        }
    }
    return 0;
}

/* A sentence fit to stand alone ends like one, and is no link, handle or list fragment. */
static int stands_alone(const cc_article *a, const cc_sentence *s)
{
    const cc_token *first = &a->tokens.v[s->tok_first];
    if (first->kind == CC_TOK_WORD && !(first->flags & CC_TF_CAP) && !(first->flags & CC_TF_NONASCII)) {
        return 0;
    }
    for (uint32_t k = s->tok_count; k-- > 0;) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (t->kind == CC_TOK_QUOTE || (t->kind == CC_TOK_PUNCT && a->text[t->start] == ')')) {
            continue;
        }
        char c = a->text[t->end - 1];
        if (t->kind != CC_TOK_PUNCT || (c != '.' && c != '!' && c != '?')) {
            if (!(t->flags & CC_TF_ABBREV)) {
                return 0;
            }
        }
        break;
    }
    const char *p = a->text + s->start;
    size_t n = s->end - s->start;
    return !memchr(p, '@', n) && !memchr(p, '|', n) && !contains(p, n, "://") && !contains(p, n, "www.");
}

/* The first words, joined by single spaces and folded, looked up as one, two, three and four words. */
static int opens_with_context(const summarizer *z, const cc_article *a, const cc_sentence *s)
{
    char buf[64];
    size_t n = 0;
    int words = 0;
    for (uint32_t k = 0; k < s->tok_count && words < 4; k++) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (t->kind == CC_TOK_QUOTE && k == 0) {
            continue;
        }
        if (t->kind != CC_TOK_WORD) {
            break;
        }
        size_t len = t->end - t->start;
        if (n + len + 1 >= sizeof buf) {
            break;
        }
        if (n) {
            buf[n++] = ' ';
        }
        memcpy(buf + n, a->text + t->start, len);
        n += len;
        words++;
        if (cc_lexset_find(z->openers, buf, n)) {
            return 1;
        }
    }
    return 0;
}

static void add_sentence(summarizer *z, uint32_t ai, uint32_t si, uint32_t rank)
{
    const cc_article *a = z->cluster->articles.v[ai];
    const cc_sentence *s = &a->sentences.v[si];
    const cc_paragraph *p = &a->paragraphs.v[s->para];
    unit u = { .article = ai, .sentence = si, .rank = rank };
    u.words = count_words(a, s);
    u.concept_first = (uint32_t)z->concept_ids.n;
    u.term_first = (uint32_t)z->term_ids.n;
    int body = !(p->flags & (CC_PF_TITLE | CC_PF_HEADING));
    u.ok = body && s->tok_count && u.words >= T.min_words && u.words <= T.max_words && stands_alone(a, s);
    u.needs_context = s->tok_count && opens_with_context(z, a, s);
    CC_VEC_PUSH(z->units, u);
    uint32_t ui = (uint32_t)z->units.n - 1;
    double lead = 1.0 / pow(rank + 1.0, T.pos_power);
    uint32_t prev = UINT32_MAX;
    int prev_stop = 1;
    for (uint32_t k = 0; k < s->tok_count; k++) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (!is_wordlike(t)) {
            continue;
        }
        int stop;
        uint32_t id = cc_terms_id(z->terms, a->text + t->start, t->end - t->start, &stop);
        if (!stop) {
            add_concept(z, ui, (uint64_t)id + 1, lead);
            CC_VEC_PUSH(z->term_ids, id);
        }
        if (prev != UINT32_MAX && !(stop && prev_stop)) {
            add_concept(z, ui, ((uint64_t)prev + 1) << 32 | ((uint64_t)id + 1), lead);
        }
        prev = id;
        prev_stop = stop;
    }
    unit *w = &z->units.v[ui];
    w->concept_count = (uint32_t)z->concept_ids.n - w->concept_first;
    w->term_count = (uint32_t)z->term_ids.n - w->term_first;
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Distinct sorted terms per sentence, for the overlap measure. */
static void dedupe_terms(summarizer *z)
{
    for (size_t i = 0; i < z->units.n; i++) {
        unit *u = &z->units.v[i];
        uint32_t *t = z->term_ids.v + u->term_first;
        qsort(t, u->term_count, sizeof *t, compare_u32);
        uint32_t n = 0;
        for (uint32_t k = 0; k < u->term_count; k++) {
            if (!n || t[n - 1] != t[k]) {
                t[n++] = t[k];
            }
        }
        u->term_count = n;
    }
}

static void weigh_concepts(summarizer *z)
{
    size_t articles = z->cluster->articles.n;
    uint32_t min_df = articles >= 2 ? 2 : 1;
    for (size_t i = 0; i < z->concept_map.cap; i++) {
        uint64_t key = z->concept_map.keys[i];
        if (!key) {
            continue;
        }
        concept *c = &z->concepts.v[z->concept_map.values[i]];
        double w = c->df >= min_df ? c->df : T.low_df * c->df;
        w += T.lead_w * c->lead;
        c->weight = w * (key >> 32 ? T.bi : T.uni);
    }
}

/* Cosine of two sentences' distinct content terms; the first is marked in stamp. */
static double overlap(const summarizer *z, uint32_t marked, const unit *u, const unit *v)
{
    if (!u->term_count || !v->term_count) {
        return 0;
    }
    uint32_t shared = 0;
    for (uint32_t k = 0; k < v->term_count; k++) {
        shared += z->stamp[z->term_ids.v[v->term_first + k]] == marked + 1;
    }
    return shared / sqrt((double)u->term_count * v->term_count);
}

static void mark_terms(summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    for (uint32_t k = 0; k < u->term_count; k++) {
        z->stamp[z->term_ids.v[u->term_first + k]] = ui + 1;
    }
}

static int redundant(summarizer *z, uint32_t ui, const uint32_t *chosen, size_t n)
{
    mark_terms(z, ui);
    for (size_t i = 0; i < n; i++) {
        if (overlap(z, ui, &z->units.v[ui], &z->units.v[chosen[i]]) >= T.red) {
            return 1;
        }
    }
    return 0;
}

static double gain(const summarizer *z, const unit *u)
{
    double g = 0;
    for (uint32_t k = 0; k < u->concept_count; k++) {
        uint32_t id = z->concept_ids.v[u->concept_first + k];
        if (!z->covered[id]) {
            g += z->concepts.v[id].weight;
        }
    }
    return g;
}

/* A sentence that points back may follow its own predecessor, never stand elsewhere. */
static int placeable(const summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    if (!u->ok) {
        return 0;
    }
    if (!u->needs_context || !T.ctx) {
        return 1;
    }
    return ui > 0 && z->units.v[ui - 1].article == u->article && z->units.v[ui - 1].chosen;
}

static size_t select_units(summarizer *z, int budget, uint32_t *chosen)
{
    size_t n = 0;
    int left = budget;
    double mean_gain = 0;
    size_t counted = 0;
    for (size_t i = 0; i < z->units.n; i++) {
        if (z->units.v[i].ok) {
            mean_gain += gain(z, &z->units.v[i]) / z->units.v[i].words;
            counted++;
        }
    }
    mean_gain = counted ? mean_gain / counted : 1;
    for (;;) {
        double best = 0;
        uint32_t pick = UINT32_MAX;
        for (uint32_t i = 0; i < z->units.n; i++) {
            const unit *u = &z->units.v[i];
            if (u->chosen || (int)u->words > left || !placeable(z, i)) {
                continue;
            }
            double prior = T.prior * mean_gain * u->words / pow(u->rank + 1.0, T.pos_power);
            double score = (gain(z, u) + prior) / pow(u->words, T.len_power);
            if (score > best && !redundant(z, i, chosen, n)) {
                best = score;
                pick = i;
            }
        }
        if (pick == UINT32_MAX) {
            break;
        }
        unit *u = &z->units.v[pick];
        u->chosen = 1;
        chosen[n++] = pick;
        left -= (int)u->words;
        for (uint32_t k = 0; k < u->concept_count; k++) {
            z->covered[z->concept_ids.v[u->concept_first + k]] = 1;
        }
    }
    return n;
}

/* Every article with a sentence of the same content, the cited one first. */
static void cite(summarizer *z, uint32_t ui, cc_summary_sentence *out)
{
    const unit *u = &z->units.v[ui];
    size_t articles = z->cluster->articles.n;
    CC_VEC_PUSH(out->articles, u->article);
    mark_terms(z, ui);
    for (uint32_t b = 0; b < articles; b++) {
        if (b == u->article) {
            continue;
        }
        for (size_t i = 0; i < z->units.n; i++) {
            const unit *v = &z->units.v[i];
            if (v->article == b && overlap(z, ui, u, v) >= T.cite) {
                CC_VEC_PUSH(out->articles, b);
                break;
            }
        }
    }
}

/* Reading order: each article's sentences together and in its order; articles by their earliest
 * chosen sentence, so the summary opens on a lead. */
typedef struct order_key {
    uint32_t first_rank, article, sentence, unit;
} order_key;

static int compare_order(const void *x, const void *y)
{
    const order_key *a = x, *b = y;
    if (a->first_rank != b->first_rank) {
        return a->first_rank < b->first_rank ? -1 : 1;
    }
    if (a->article != b->article) {
        return a->article < b->article ? -1 : 1;
    }
    return (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

static void order(const summarizer *z, uint32_t *chosen, size_t n)
{
    order_key *keys = malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const unit *u = &z->units.v[chosen[i]];
        uint32_t first = u->rank;
        for (size_t k = 0; k < n; k++) {
            const unit *v = &z->units.v[chosen[k]];
            if (v->article == u->article && v->rank < first) {
                first = v->rank;
            }
        }
        keys[i] = (order_key){ first, u->article, u->sentence, chosen[i] };
    }
    qsort(keys, n, sizeof *keys, compare_order);
    for (size_t i = 0; i < n; i++) {
        chosen[i] = keys[i].unit;
    }
    free(keys);
}

static void summarizer_free(summarizer *z)
{
    cc_terms_free(z->terms);
    CC_VEC_FREE(z->units);
    CC_VEC_FREE(z->concept_ids);
    CC_VEC_FREE(z->term_ids);
    CC_VEC_FREE(z->concepts);
    cc_idmap_free(&z->concept_map);
    free(z->covered);
    free(z->stamp);
}

void cc_summarize(cc_cluster *cluster, int words)
{
    load_tune();
    summarizer z = { .cluster = cluster };
    z.terms = cc_terms_new();
    z.openers = cc_lexset_get("context_openers");
    for (uint32_t ai = 0; ai < cluster->articles.n; ai++) {
        const cc_article *a = cluster->articles.v[ai];
        uint32_t rank = 0;
        for (uint32_t si = 0; si < a->sentences.n; si++) {
            const cc_paragraph *p = &a->paragraphs.v[a->sentences.v[si].para];
            add_sentence(&z, ai, si, rank);
            rank += !(p->flags & (CC_PF_TITLE | CC_PF_HEADING));
        }
    }
    dedupe_terms(&z);
    weigh_concepts(&z);
    z.covered = calloc(z.concepts.n + 1, 1);
    z.stamp = calloc(cc_terms_count(z.terms) + 1, sizeof *z.stamp);
    uint32_t *chosen = malloc((z.units.n + 1) * sizeof *chosen);
    size_t n = select_units(&z, words, chosen);
    order(&z, chosen, n);
    for (size_t i = 0; i < n; i++) {
        const unit *u = &z.units.v[chosen[i]];
        const cc_sentence *s = &cluster->articles.v[u->article]->sentences.v[u->sentence];
        cc_summary_sentence out = { .article = u->article, .sentence = u->sentence, .span = { s->start, s->end } };
        cite(&z, chosen[i], &out);
        CC_VEC_PUSH(cluster->summary, out);
    }
    free(chosen);
    summarizer_free(&z);
}
