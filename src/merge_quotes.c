/* The same utterance carried by several outlets becomes one merged quote: the speakers agree (or one
 * outlet names nobody), and most words are shared, so trims, fragments and small edits still match. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "stages.h"

typedef struct posting {
    uint64_t h;
    uint32_t quote;
} posting;

typedef struct qwords {
    uint64_t *h;         /* sorted, distinct hashes of the lower-cased words */
    uint32_t n;
    cc_str surname;
} qwords;

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static cc_str last_word(cc_str s)
{
    uint32_t end = s.len, start;
    while (end && !is_word_byte((unsigned char)s.p[end - 1])) {
        end--;
    }
    for (start = end; start && is_word_byte((unsigned char)s.p[start - 1]); start--) {
    }
    return cc_str_of(s.p + start, end - start);
}

static int by_hash(const void *pa, const void *pb)
{
    const posting *a = pa, *b = pb;
    return a->h < b->h ? -1 : a->h > b->h ? 1 : (a->quote > b->quote) - (a->quote < b->quote);
}

/* Appends a posting (word hash, quote) for every word of the quotation. */
static void read_words(cc_str text, uint32_t quote, posting *post, size_t *m)
{
    for (uint32_t i = 0; i < text.len;) {
        if (!is_word_byte((unsigned char)text.p[i])) {
            i++;
            continue;
        }
        char buf[64];
        uint32_t n = 0;
        for (; i < text.len && is_word_byte((unsigned char)text.p[i]); i++) {
            char c = text.p[i];
            if (n < sizeof buf) {
                buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        }
        post[(*m)++] = (posting){ XXH3_64bits(buf, n), quote };
    }
}

/* Sorts the postings by word, drops a word repeated within a quote, and gives each quote its words in
 * hash order (for counting shared words by merging). Returns the postings left. */
static size_t index_words(posting *post, size_t m, qwords *w, cc_arena *scratch)
{
    qsort(post, m, sizeof *post, by_hash);
    size_t u = 0;
    for (size_t i = 0; i < m; i++) {
        if (!u || post[u - 1].h != post[i].h || post[u - 1].quote != post[i].quote) {
            post[u++] = post[i];
            w[post[i].quote].n++;
        }
    }
    for (size_t q = 0, total = 0; total < u; q++) {
        w[q].h = cc_arena_alloc(scratch, (w[q].n ? w[q].n : 1) * sizeof *w[q].h);
        total += w[q].n;
        w[q].n = 0;
    }
    for (size_t i = 0; i < u; i++) {
        qwords *q = &w[post[i].quote];
        q->h[q->n++] = post[i].h;
    }
    return u;
}

static uint32_t shared(const qwords *a, const qwords *b)
{
    uint32_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) {
            n++, i++, j++;
        } else if (a->h[i] < b->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

static int same_name(cc_str a, cc_str b)
{
    if (a.len != b.len) {
        return 0;
    }
    for (uint32_t i = 0; i < a.len; i++) {
        char x = a.p[i], y = b.p[i];
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y)) {
            return 0;
        }
    }
    return 1;
}

/* Short quotes ("slaughter") match only word for word and from a named speaker; longer ones when most
 * words of the shorter are in the longer; an outlet that names nobody needs a closer match. */
static int same_utterance(const qwords *a, const qwords *b)
{
    uint32_t common = shared(a, b), small = a->n < b->n ? a->n : b->n;
    if (!small) {
        return 0;
    }
    int named = a->surname.len && b->surname.len;
    if (named && !same_name(a->surname, b->surname)) {
        return 0;
    }
    if (common == a->n && common == b->n && named) {
        return 1;
    }
    if (!a->surname.len || !b->surname.len) {
        return common >= 6 && common * 10 >= small * 8;
    }
    return common >= 4 && common * 10 >= small * 7;
}

static uint32_t find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* A word in more quotes than this says little about which of them repeat one another. */
enum { RARE_WORD_QUOTES = 12 };

/* Puts quotes i and j in one set when they are one utterance; each set keeps the surname it has taken
 * on, so an unattributed copy cannot chain two speakers. */
static void join(uint32_t *parent, cc_str *named, const qwords *w, uint32_t i, uint32_t j)
{
    if (!same_utterance(&w[i], &w[j])) {
        return;
    }
    uint32_t ri = find(parent, i), rj = find(parent, j);
    if (ri == rj || (named[ri].len && named[rj].len && !same_name(named[ri], named[rj]))) {
        return;
    }
    uint32_t root = ri < rj ? ri : rj, other = ri + rj - root;
    parent[other] = root;
    named[root] = named[root].len ? named[root] : named[other];
}

static void reset(cc_cluster *c)
{
    for (size_t i = 0; i < c->merged_quotes.n; i++) {
        CC_VEC_FREE(c->merged_quotes.v[i].members);
    }
    c->merged_quotes.n = 0;
}

/* Turns each set of two or more quotes that spans several articles into a merged quote. Members are
 * chained under their set's root in index order, so each set is walked once. */
static void emit(cc_cluster *c, const cc_quote_ref *refs, uint32_t *parent, size_t n, cc_arena *scratch)
{
    uint32_t *next = cc_arena_alloc(scratch, n * sizeof *next), *last = cc_arena_alloc(scratch, n * sizeof *last);
    for (size_t k = 0; k < n; k++) {
        uint32_t r = find(parent, (uint32_t)k);
        next[k] = UINT32_MAX;
        if (r != k) {
            next[last[r]] = (uint32_t)k;
        }
        last[r] = (uint32_t)k;
    }
    for (size_t i = 0; i < n; i++) {
        if (parent[i] != i || next[i] == UINT32_MAX) {
            continue;
        }
        cc_merged_quote m = { 0 };
        int articles = 0;
        for (uint32_t k = (uint32_t)i; k != UINT32_MAX; k = next[k]) {
            articles += !m.members.n || m.members.v[m.members.n - 1].article != refs[k].article;
            const cc_quote *q = &c->articles.v[refs[k].article]->quotes.v[refs[k].quote];
            m.speaker = q->speaker.len > m.speaker.len ? q->speaker : m.speaker;
            CC_VEC_PUSH(m.members, refs[k]);
        }
        if (articles < 2) {
            CC_VEC_FREE(m.members);
            continue;
        }
        for (size_t k = 0; k < m.members.n; k++) {
            c->articles.v[m.members.v[k].article]->quotes.v[m.members.v[k].quote].merged = (int32_t)c->merged_quotes.n;
        }
        CC_VEC_PUSH(c->merged_quotes, m);
    }
}

void cc_merge_quotes(cc_cluster *c)
{
    reset(c);
    size_t n = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        n += c->articles.v[i]->quotes.n;
    }
    if (n < 2) {
        return;
    }
    cc_arena scratch = { 0 };
    qwords *w = cc_arena_alloc(&scratch, n * sizeof *w);
    cc_quote_ref *refs = cc_arena_alloc(&scratch, n * sizeof *refs);
    uint32_t *parent = cc_arena_alloc(&scratch, n * sizeof *parent);
    size_t k = 0, words = 0, m = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t j = 0; j < a->quotes.n; j++) {
            words += (a->quotes.v[j].span.end - a->quotes.v[j].span.start) / 2 + 1;
        }
    }
    posting *post = cc_arena_alloc(&scratch, words * sizeof *post);
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_article *a = c->articles.v[i];
        for (size_t j = 0; j < a->quotes.n; j++, k++) {
            a->quotes.v[j].merged = -1;
            refs[k] = (cc_quote_ref){ (uint32_t)i, (uint32_t)j };
            parent[k] = (uint32_t)k;
            read_words(cc_str_span(a, a->quotes.v[j].span), (uint32_t)k, post, &m);
            w[k].surname = last_word(a->quotes.v[j].speaker);
            w[k].n = 0;
        }
    }
    m = index_words(post, m, w, &scratch);
    cc_str *named = cc_arena_alloc(&scratch, n * sizeof *named);
    for (size_t i = 0; i < n; i++) {
        named[i] = w[i].surname;
    }
    /* candidates: quotes from other articles that share a word few quotes use, each pair once */
    uint32_t *run_end = cc_arena_alloc(&scratch, (m ? m : 1) * sizeof *run_end);
    uint32_t *seen = cc_arena_alloc(&scratch, n * sizeof *seen);
    uint32_t **rare = cc_arena_alloc(&scratch, n * sizeof *rare), *rare_n = cc_arena_alloc(&scratch, n * sizeof *rare_n);
    for (size_t i = 0; i < n; i++) {
        seen[i] = UINT32_MAX;
        rare[i] = cc_arena_alloc(&scratch, (w[i].n ? w[i].n : 1) * sizeof **rare);
        rare_n[i] = 0;
    }
    for (size_t s = 0, e; s < m; s = e) {
        for (e = s + 1; e < m && post[e].h == post[s].h; e++) {
        }
        for (size_t x = s; e - s > 1 && e - s <= RARE_WORD_QUOTES && x < e; x++) {
            run_end[x] = (uint32_t)e;
            rare[post[x].quote][rare_n[post[x].quote]++] = (uint32_t)x;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t r = 0; r < rare_n[i]; r++) {
            for (uint32_t y = rare[i][r] + 1; y < run_end[rare[i][r]]; y++) {
                uint32_t j = post[y].quote;
                if (seen[j] != i && refs[j].article != refs[i].article) {
                    seen[j] = i;
                    join(parent, named, w, i, j);
                }
            }
        }
    }
    emit(c, refs, parent, n, &scratch);
    cc_arena_free(&scratch);
}
