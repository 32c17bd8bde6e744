/* The same utterance carried by several outlets becomes one merged quote: the speakers agree (or one
 * outlet names nobody), and most words are shared, so trims, fragments and small edits still match.
 * Words are interned in a hash table, so finding candidates and counting shared words needs no sort. */
#include <stdlib.h>
#include <string.h>

#include "bytes8.h"
#include "stages.h"

static int is_word_byte(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c >= 0x80;
}

typedef struct qwords {
    const uint32_t *word; /* distinct word ids */
    uint32_t n;
    cc_str surname;
} qwords;

typedef struct word_info {
    uint32_t quotes_using; /* how many quotes use the word */
    uint32_t first;        /* its latest use */
    uint32_t stamp;        /* the last quote (+1) that marked it */
} word_info;

typedef struct word_use {
    uint32_t quote, next; /* the quote, and the word's use before it (UINT32_MAX: none) */
} word_use;

/* Distinct words of the cluster's quotes: hash -> dense id, each with the quotes that use it. Everything
 * grows with the words met: sizing for the worst case (every other byte starting a word) made each
 * cluster fault in fresh pages for a table mostly never touched. */
typedef struct words {
    uint64_t *key;       /* open addressing on the word hash; slot holds id + 1 in ids */
    uint32_t *ids, mask;
    CC_VEC(word_info) info;    /* per id */
    CC_VEC(uint32_t) use_word; /* per use (a distinct word of a quote), the quotes' words in turn */
    CC_VEC(word_use) uses;
} words;

/* Each of eight bytes that is part of a word: an ASCII letter or digit, or UTF-8. */
static uint64_t word_bytes(uint64_t v)
{
    uint64_t v7 = v & ~CC_BYTES_80;
    uint64_t digits = cc_at_least8(v7, '0') & ~cc_at_least8(v7, '9' + 1) & ~v;
    return cc_letters8(v) | digits | (v & CC_BYTES_80);
}

static void table_alloc(words *t, uint32_t cap)
{
    t->mask = cap - 1;
    t->key = malloc(cap * sizeof *t->key);
    t->ids = calloc(cap, sizeof *t->ids);
    if (!t->key || !t->ids) {
        abort();
    }
}

static uint32_t slot_of(const words *t, uint64_t h)
{
    uint32_t slot = (uint32_t)h & t->mask;
    while (t->ids[slot] && t->key[slot] != h) {
        slot = (slot + 1) & t->mask;
    }
    return slot;
}

/* Doubles the table, keeping ids: they are dense in the order words were met. */
static void grow(words *t)
{
    uint64_t *key = t->key;
    uint32_t *ids = t->ids, cap = t->mask + 1;
    table_alloc(t, 2 * cap);
    for (uint32_t i = 0; i < cap; i++) {
        if (ids[i]) {
            uint32_t slot = slot_of(t, key[i]);
            t->key[slot] = key[i];
            t->ids[slot] = ids[i];
        }
    }
    free(key);
    free(ids);
}

static uint32_t intern(words *t, uint64_t h)
{
    uint32_t slot = slot_of(t, h);
    if (t->ids[slot]) {
        return t->ids[slot] - 1;
    }
    if (2 * (t->info.n + 1) > t->mask + 1) {
        grow(t);
        slot = slot_of(t, h);
    }
    t->key[slot] = h;
    word_info fresh = { 0, UINT32_MAX, 0 };
    CC_VEC_PUSH(t->info, fresh);
    t->ids[slot] = (uint32_t)t->info.n;
    return (uint32_t)t->info.n - 1;
}

/* The key of the word starting at text[*i]: its first 64 bytes, lower-cased, eight at a time mixed in
 * turn; words are found and lower-cased eight bytes at a time (the article text's zero padding makes
 * reading past the quote safe). */
static uint64_t word_key(cc_str text, uint32_t *i)
{
    uint64_t key = 0;
    for (uint32_t start = *i, k = start;;) {
        uint64_t v = cc_load8(text.p + k);
        uint64_t stop = ~word_bytes(v) & CC_BYTES_80;
        if (text.len - k < 8) {
            stop |= CC_BYTES_80 << (8 * (text.len - k)); /* the quote ends here */
        }
        uint32_t n = stop ? (uint32_t)__builtin_ctzll(stop) / 8 : 8; /* the bytes load little-endian */
        if (n && k - start < 64) {
            uint64_t lower = cc_lower8(v);
            key = cc_mix64(key ^ (n == 8 ? lower : lower & ((1ULL << (8 * n)) - 1)));
        }
        k += n;
        if (n < 8) {
            *i = k;
            return key;
        }
    }
}

/* Reads quote q's distinct words into t; returns how many. */
static uint32_t read_words(words *t, uint32_t quote, cc_str text)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < text.len;) {
        if (!is_word_byte((unsigned char)text.p[i])) {
            i++;
            continue;
        }
        uint32_t id = intern(t, word_key(text, &i));
        word_info *w = &t->info.v[id];
        if (w->stamp == quote + 1) {
            continue;
        }
        w->stamp = quote + 1;
        w->quotes_using++;
        word_use u = { quote, w->first };
        w->first = (uint32_t)t->uses.n;
        CC_VEC_PUSH(t->uses, u);
        CC_VEC_PUSH(t->use_word, id);
        n++;
    }
    return n;
}

/* Words of b that quote a marked in the table's stamps (set by mark()). */
static uint32_t shared(const words *t, uint32_t a, const qwords *b)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < b->n; k++) {
        n += t->info.v[b->word[k]].stamp == a + 1;
    }
    return n;
}

static void mark(words *t, uint32_t quote, const qwords *q)
{
    for (uint32_t k = 0; k < q->n; k++) {
        t->info.v[q->word[k]].stamp = quote + 1;
    }
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
 * words of the shorter are in the longer; an outlet that names nobody needs a closer match. Words are
 * counted only once the speakers agree: quote a (marked in t) against b. */
static int same_utterance(const words *t, uint32_t ai, const qwords *a, const qwords *b)
{
    uint32_t small = a->n < b->n ? a->n : b->n;
    if (!small) {
        return 0;
    }
    int named = a->surname.len && b->surname.len;
    if (named && !same_name(a->surname, b->surname)) {
        return 0;
    }
    uint32_t common = shared(t, ai, b);
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
static void join(const words *t, uint32_t *parent, cc_str *named, const qwords *w, uint32_t i, uint32_t j)
{
    if (!same_utterance(t, i, &w[i], &w[j])) {
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
    size_t n = 0, bytes = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        n += a->quotes.n;
        for (size_t j = 0; j < a->quotes.n; j++) {
            bytes += a->quotes.v[j].span.end - a->quotes.v[j].span.start;
        }
    }
    if (n < 2) {
        return;
    }
    cc_arena scratch = { 0 };
    qwords *w = cc_arena_alloc(&scratch, n * sizeof *w);
    cc_quote_ref *refs = cc_arena_alloc(&scratch, n * sizeof *refs);
    uint32_t *parent = cc_arena_alloc(&scratch, n * sizeof *parent);
    cc_str *named = cc_arena_alloc(&scratch, n * sizeof *named);
    uint32_t *seen = cc_arena_alloc(&scratch, n * sizeof *seen);
    /* news quotes run about seven bytes a word and repeat about half their words: a table this size is
     * rarely grown and rarely a quarter full */
    words t = { 0 };
    uint32_t cap = 16;
    while (cap < bytes / 4) {
        cap *= 2;
    }
    table_alloc(&t, cap);
    /* (never empty: the word lists below point into use_word even when no quote has a word) */
    CC_VEC_RESERVE(t.uses, bytes / 6 + 1);
    CC_VEC_RESERVE(t.use_word, bytes / 6 + 1);
    size_t k = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_article *a = c->articles.v[i];
        for (size_t j = 0; j < a->quotes.n; j++, k++) {
            a->quotes.v[j].merged = -1;
            refs[k] = (cc_quote_ref){ (uint32_t)i, (uint32_t)j };
            parent[k] = (uint32_t)k;
            seen[k] = UINT32_MAX;
            w[k].surname = named[k] = cc_str_last_word(a->quotes.v[j].speaker);
            w[k].n = read_words(&t, (uint32_t)k, cc_str_span(a, a->quotes.v[j].span));
        }
    }
    for (size_t q = 0, first = 0; q < n; first += w[q++].n) {
        w[q].word = t.use_word.v + first; /* the list is complete: it no longer moves */
    }
    /* candidates: quotes from other articles that share a word few quotes use, each pair once */
    for (uint32_t i = 0; i < n; i++) {
        mark(&t, i, &w[i]);
        for (uint32_t r = 0; r < w[i].n; r++) {
            uint32_t id = w[i].word[r];
            if (t.info.v[id].quotes_using < 2 || t.info.v[id].quotes_using > RARE_WORD_QUOTES) {
                continue;
            }
            /* a word's uses run from the latest quote back, so the later quotes come first */
            for (uint32_t u = t.info.v[id].first; u != UINT32_MAX && t.uses.v[u].quote > i; u = t.uses.v[u].next) {
                uint32_t j = t.uses.v[u].quote;
                if (seen[j] != i && refs[j].article != refs[i].article) {
                    seen[j] = i;
                    join(&t, parent, named, w, i, j);
                }
            }
        }
    }
    emit(c, refs, parent, n, &scratch);
    free(t.key);
    free(t.ids);
    CC_VEC_FREE(t.info);
    CC_VEC_FREE(t.uses);
    CC_VEC_FREE(t.use_word);
    cc_arena_free(&scratch);
}
