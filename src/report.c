#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t cc_number_text(char *buf, size_t cap, double v)
{
    if (!isfinite(v)) {
        return (size_t)snprintf(buf, cap, "no limit");
    }
    if (v != floor(v) || fabs(v) >= 1e15) {
        return (size_t)snprintf(buf, cap, "%.10g", v);
    }
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t o = 0;
    if (v < 0 && o + 1 < cap) {
        buf[o++] = '-';
    }
    for (int i = 0; i < n && o + 1 < cap; i++) {
        if (i && (n - i) % 3 == 0 && o + 2 < cap) {
            buf[o++] = ',';
        }
        buf[o++] = digits[i];
    }
    if (cap) {
        buf[o < cap ? o : cap - 1] = '\0';
    }
    return o;
}

static const char *qualifier_words(cc_qualifier q)
{
    static const char *const words[] = { "", "about ", "at least ", "more than ", "nearly ", "up to ", "fewer than ", "" };
    return (unsigned)q < sizeof words / sizeof *words ? words[q] : "";
}

size_t cc_figure_text(char *buf, size_t cap, const cc_article *a, const cc_claim *cl)
{
    if (cl->amount >= a->amounts.n) {
        return (size_t)snprintf(buf, cap, "?");
    }
    const cc_amount *m = &a->amounts.v[cl->amount];
    if (m->vague.len || !m->has_value) {
        int len = m->vague.len < 64 ? (int)m->vague.len : 64;
        return (size_t)snprintf(buf, cap, "%.*s", len, m->vague.len ? m->vague.p : "some");
    }
    char lo[32], hi[32];
    cc_number_text(lo, sizeof lo, m->is_range ? m->low : m->value);
    size_t n;
    if (m->is_range) {
        cc_number_text(hi, sizeof hi, m->high);
        n = (size_t)snprintf(buf, cap, "%s%s\xe2\x80\x93%s", qualifier_words((cc_qualifier)m->qualifier), lo, hi);
    } else {
        n = (size_t)snprintf(buf, cap, "%s%s", qualifier_words((cc_qualifier)m->qualifier), lo);
    }
    return n < cap ? n : cap - 1;
}

static const cc_amount *amount_of(const cc_cluster *c, const cc_claim_ref *r)
{
    const cc_article *a = c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    return cl->amount < a->amounts.n ? &a->amounts.v[cl->amount] : NULL;
}

size_t cc_group_range_text(char *buf, size_t cap, const cc_cluster *c, const cc_group *g)
{
    if (isfinite(g->low) && isfinite(g->high)) {
        int precise = 0;
        for (size_t k = 0; k < g->members.n; k++) {
            const cc_amount *m = amount_of(c, &g->members.v[k]);
            precise |= m && !m->vague.len;
        }
        if (precise) {
            char lo[32], hi[32];
            cc_number_text(lo, sizeof lo, g->low);
            cc_number_text(hi, sizeof hi, g->high);
            return (size_t)snprintf(buf, cap, g->low == g->high ? "%s" : "%s\xe2\x80\x93%s", lo, hi);
        }
    }
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < g->members.n && n + 1 < cap; k++) {
        const cc_amount *m = amount_of(c, &g->members.v[k]);
        if (!m || !m->vague.len) {
            continue;
        }
        int seen = 0;
        for (size_t j = 0; j < k; j++) {
            const cc_amount *o = amount_of(c, &g->members.v[j]);
            seen |= o && o->vague.len == m->vague.len && memcmp(o->vague.p, m->vague.p, m->vague.len) == 0;
        }
        if (!seen) {
            int w = snprintf(buf + n, cap - n, "%s%.*s", n ? ", " : "", (int)m->vague.len, m->vague.p);
            n = w > 0 && n + (size_t)w < cap ? n + (size_t)w : cap - 1;
        }
    }
    return n;
}

cc_str cc_quote_text(const cc_article *a, const cc_quote *q)
{
    if (q->text.len) {
        return q->text;
    }
    cc_str s = cc_str_span(a, q->span);
    while (s.len && (s.p[s.len - 1] == ',' || s.p[s.len - 1] == ' ' || s.p[s.len - 1] == '\n')) {
        s.len--;
    }
    return s;
}

static int verdict_rank(uint8_t v)
{
    switch (v) {
    case CC_VERDICT_CONFLICT: return 0;
    case CC_VERDICT_WITHIN_RANGE: return 1;
    case CC_VERDICT_AGREE: return 2;
    default: return 3;
    }
}

/* A group with what orders it, so the comparison needs no context. */
typedef struct ordered_group {
    int rank;
    size_t members;
    uint32_t index;
} ordered_group;

static int by_reading_order(const void *pa, const void *pb)
{
    const ordered_group *x = pa, *y = pb;
    if (x->rank != y->rank) {
        return x->rank - y->rank;
    }
    if (x->members != y->members) {
        return x->members > y->members ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

void cc_group_order(const cc_cluster *c, uint32_t *order)
{
    ordered_group *g = malloc((c->groups.n + 1) * sizeof *g);
    if (!g) {
        abort();
    }
    for (size_t i = 0; i < c->groups.n; i++) {
        g[i] = (ordered_group){ verdict_rank(c->groups.v[i].verdict), c->groups.v[i].members.n, (uint32_t)i };
    }
    qsort(g, c->groups.n, sizeof *g, by_reading_order);
    for (size_t i = 0; i < c->groups.n; i++) {
        order[i] = g[i].index;
    }
    free(g);
}

/* ---- word diff ---- */

enum { CC_DIFF_MAX_WORDS = 400 };

static size_t split_words(cc_str s, cc_span *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = 0; i < s.len;) {
        if (!cc_word_byte((unsigned char)s.p[i])) {
            i++;
            continue;
        }
        uint32_t start = i;
        while (i < s.len && cc_word_byte((unsigned char)s.p[i])) {
            i++;
        }
        if (n == cap) {
            return cap + 1;
        }
        out[n++] = (cc_span){ start, i };
    }
    return n;
}

static int same_word(cc_str a, cc_span x, cc_str b, cc_span y)
{
    if (x.end - x.start != y.end - y.start) {
        return 0;
    }
    for (uint32_t i = 0; i < x.end - x.start; i++) {
        char p = a.p[x.start + i], q = b.p[y.start + i];
        if ((p >= 'A' && p <= 'Z' ? p + 32 : p) != (q >= 'A' && q <= 'Z' ? q + 32 : q)) {
            return 0;
        }
    }
    return 1;
}

size_t cc_word_diff(cc_str a, cc_str b, cc_diff_word *out, size_t cap)
{
    cc_span wa[CC_DIFF_MAX_WORDS], wb[CC_DIFF_MAX_WORDS];
    size_t na = split_words(a, wa, CC_DIFF_MAX_WORDS), nb = split_words(b, wb, CC_DIFF_MAX_WORDS);
    if (na > CC_DIFF_MAX_WORDS || nb > CC_DIFF_MAX_WORDS || na + nb > cap) {
        return 0;
    }
    /* lcs[i][j]: longest common subsequence of a's words from i and b's words from j */
    uint16_t *lcs = calloc((na + 1) * (nb + 1), sizeof *lcs);
    for (size_t i = na; i-- > 0;) {
        for (size_t j = nb; j-- > 0;) {
            uint16_t *cell = &lcs[i * (nb + 1) + j];
            if (same_word(a, wa[i], b, wb[j])) {
                *cell = (uint16_t)(lcs[(i + 1) * (nb + 1) + j + 1] + 1);
            } else {
                uint16_t down = lcs[(i + 1) * (nb + 1) + j], right = lcs[i * (nb + 1) + j + 1];
                *cell = down > right ? down : right;
            }
        }
    }
    size_t i = 0, j = 0, n = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && same_word(a, wa[i], b, wb[j])) {
            out[n++] = (cc_diff_word){ wb[j++], CC_DIFF_SAME };
            i++;
        } else if (j < nb && (i == na || lcs[i * (nb + 1) + j + 1] >= lcs[(i + 1) * (nb + 1) + j])) {
            out[n++] = (cc_diff_word){ wb[j++], CC_DIFF_ADDED };
        } else {
            out[n++] = (cc_diff_word){ wa[i++], CC_DIFF_REMOVED };
        }
    }
    free(lcs);
    return n;
}

/* ---- quotes by speaker ---- */

cc_str cc_entry_speaker(const cc_cluster *c, const cc_speaker_quote *q)
{
    if (q->merged >= 0) {
        return c->merged_quotes.v[q->merged].speaker;
    }
    return c->articles.v[q->article]->quotes.v[q->quote].speaker;
}

static int same_surname(cc_str a, cc_str b)
{
    cc_str x = cc_str_last_word(a), y = cc_str_last_word(b);
    return x.len && x.len == y.len && same_word(x, (cc_span){ 0, x.len }, y, (cc_span){ 0, y.len });
}

size_t cc_speaker_run(const cc_cluster *c, const cc_speaker_quote *list, size_t n, size_t first, cc_str *name,
                      cc_str *role)
{
    cc_str lead = cc_entry_speaker(c, &list[first]);
    *name = lead;
    *role = cc_str_of("", 0);
    size_t i = first;
    for (; i < n; i++) {
        cc_str sp = cc_entry_speaker(c, &list[i]);
        if (i > first && (lead.len ? !same_surname(lead, sp) : sp.len > 0)) {
            break;
        }
        const cc_quote *q = &c->articles.v[list[i].article]->quotes.v[list[i].quote];
        *name = sp.len > name->len ? sp : *name;
        *role = role->len ? *role : q->role;
    }
    return i;
}

typedef struct speaker_key {
    cc_speaker_quote entry;
    uint32_t index, first, count;
    uint8_t unnamed;
} speaker_key;

/* Most quoted speakers first, each speaker's quotes together in article order, the unattributed last. */
static int by_speaker(const void *pa, const void *pb)
{
    const speaker_key *a = pa, *b = pb;
    if (a->unnamed != b->unnamed) {
        return a->unnamed - b->unnamed;
    }
    if (a->count != b->count) {
        return a->count > b->count ? -1 : 1;
    }
    if (a->first != b->first) {
        return a->first < b->first ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

cc_speaker_quote *cc_quotes_by_speaker(const cc_cluster *c, size_t *count)
{
    size_t cap = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        cap += c->articles.v[i]->quotes.n;
    }
    cc_speaker_quote *out = malloc((cap ? cap : 1) * sizeof *out);
    if (!out) {
        abort();
    }
    size_t n = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->quotes.n && n < cap; k++) {
            const cc_quote *q = &a->quotes.v[k];
            const cc_merged_quote *m = q->merged >= 0 ? &c->merged_quotes.v[q->merged] : NULL;
            if (m && (m->members.v[0].article != i || m->members.v[0].quote != k)) {
                continue; /* shown once, with its first carrier */
            }
            out[n++] = (cc_speaker_quote){ q->merged, (uint32_t)i, (uint32_t)k };
        }
    }
    /* each entry's speaker is named by the first entry with that surname */
    speaker_key *keys = malloc((n ? n : 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        cc_str si = cc_entry_speaker(c, &out[i]);
        keys[i] = (speaker_key){ out[i], (uint32_t)i, (uint32_t)i, 0, si.len == 0 };
        for (size_t k = 0; k < i && si.len; k++) {
            if (same_surname(si, cc_entry_speaker(c, &out[k]))) {
                keys[i].first = keys[k].first;
                break;
            }
        }
        keys[keys[i].first].count++;
    }
    for (size_t i = 0; i < n; i++) {
        keys[i].count = keys[keys[i].first].count;
    }
    qsort(keys, n, sizeof *keys, by_speaker);
    for (size_t i = 0; i < n; i++) {
        out[i] = keys[i].entry;
    }
    free(keys);
    *count = n;
    return out;
}
