/* The same utterance carried by several outlets becomes one merged quote: the speakers agree (or one
 * outlet names nobody), and most words are shared, so trims, fragments and small edits still match.
 * Words are interned in a hash table, so finding candidates and counting shared words needs no sort. */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

typedef struct qwords {
    uint32_t *word;      /* distinct word ids */
    uint32_t n;
    cc_str surname;
} qwords;

/* Distinct words of the cluster's quotes: hash -> dense id, each with the quotes that use it. */
typedef struct words {
    uint64_t *key;       /* open addressing on the word hash; slot holds id + 1 in ids */
    uint32_t *ids, mask, count;
    uint32_t *quotes_using, *first, *next_use; /* per id: how many quotes, first use; per use: next */
    uint32_t *use_quote, uses;
    uint32_t *stamp;     /* per id: last quote (+1) that marked it */
} words;

static int is_word_byte(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c >= 0x80;
}

/* A bijection (murmur3's finaliser): a word of up to eight bytes keys as its bytes mixed, so two short
 * words never share a key. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

static uint32_t intern(words *t, uint64_t h)
{
    uint32_t slot = (uint32_t)h & t->mask;
    while (t->ids[slot]) {
        if (t->key[slot] == h) {
            return t->ids[slot] - 1;
        }
        slot = (slot + 1) & t->mask;
    }
    t->key[slot] = h;
    t->ids[slot] = ++t->count;
    t->first[t->count - 1] = UINT32_MAX;
    t->quotes_using[t->count - 1] = 0;
    t->stamp[t->count - 1] = 0;
    return t->count - 1;
}

/* Reads quote q's distinct words into t and q's word list. */
static void read_words(words *t, qwords *q, uint32_t quote, cc_str text, cc_arena *scratch)
{
    q->word = cc_arena_alloc(scratch, (text.len / 2 + 1) * sizeof *q->word);
    q->n = 0;
    for (uint32_t i = 0; i < text.len;) {
        if (!is_word_byte((unsigned char)text.p[i])) {
            i++;
            continue;
        }
        /* the key: the word's first 64 bytes, lower-cased, packed eight to a register and mixed in turn
         * (no byte buffer: hashing bytes just stored one by one stalls on the reload) */
        uint64_t key = 0, pack = 0;
        uint32_t n = 0;
        for (; i < text.len && is_word_byte((unsigned char)text.p[i]); i++) {
            unsigned char c = (unsigned char)text.p[i];
            if (n < 64) {
                pack |= (uint64_t)(c >= 'A' && c <= 'Z' ? c + 32 : c) << (8 * (n & 7));
                if ((++n & 7) == 0) {
                    key = mix(key ^ pack);
                    pack = 0;
                }
            }
        }
        uint32_t id = intern(t, pack ? mix(key ^ pack) : key);
        if (t->stamp[id] == quote + 1) {
            continue;
        }
        t->stamp[id] = quote + 1;
        q->word[q->n++] = id;
        t->quotes_using[id]++;
        t->use_quote[t->uses] = quote;
        t->next_use[t->uses] = t->first[id];
        t->first[id] = t->uses++;
    }
}

/* Words of b that quote a marked in the table's stamps (set by mark()). */
static uint32_t shared(const words *t, uint32_t a, const qwords *b)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < b->n; k++) {
        n += t->stamp[b->word[k]] == a + 1;
    }
    return n;
}

static void mark(words *t, uint32_t quote, const qwords *q)
{
    for (uint32_t k = 0; k < q->n; k++) {
        t->stamp[q->word[k]] = quote + 1;
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
    size_t n = 0, total = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        n += a->quotes.n;
        for (size_t j = 0; j < a->quotes.n; j++) {
            total += (a->quotes.v[j].span.end - a->quotes.v[j].span.start) / 2 + 1;
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
    words t = { 0 };
    uint32_t cap = 16;
    while (cap < 2 * total) {
        cap *= 2;
    }
    t.mask = cap - 1;
    t.key = cc_arena_alloc(&scratch, cap * sizeof *t.key);
    t.ids = memset(cc_arena_alloc(&scratch, cap * sizeof *t.ids), 0, cap * sizeof *t.ids);
    t.quotes_using = cc_arena_alloc(&scratch, total * sizeof *t.quotes_using);
    t.stamp = cc_arena_alloc(&scratch, total * sizeof *t.stamp);
    t.first = cc_arena_alloc(&scratch, total * sizeof *t.first);
    t.next_use = cc_arena_alloc(&scratch, total * sizeof *t.next_use);
    t.use_quote = cc_arena_alloc(&scratch, total * sizeof *t.use_quote);
    size_t k = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_article *a = c->articles.v[i];
        for (size_t j = 0; j < a->quotes.n; j++, k++) {
            a->quotes.v[j].merged = -1;
            refs[k] = (cc_quote_ref){ (uint32_t)i, (uint32_t)j };
            parent[k] = (uint32_t)k;
            seen[k] = UINT32_MAX;
            w[k].surname = named[k] = cc_str_last_word(a->quotes.v[j].speaker);
            read_words(&t, &w[k], (uint32_t)k, cc_str_span(a, a->quotes.v[j].span), &scratch);
        }
    }
    /* candidates: quotes from other articles that share a word few quotes use, each pair once */
    for (uint32_t i = 0; i < n; i++) {
        mark(&t, i, &w[i]);
        for (uint32_t r = 0; r < w[i].n; r++) {
            uint32_t id = w[i].word[r];
            if (t.quotes_using[id] < 2 || t.quotes_using[id] > RARE_WORD_QUOTES) {
                continue;
            }
            /* a word's uses run from the latest quote back, so the later quotes come first */
            for (uint32_t u = t.first[id]; u != UINT32_MAX && t.use_quote[u] > i; u = t.next_use[u]) {
                uint32_t j = t.use_quote[u];
                if (seen[j] != i && refs[j].article != refs[i].article) {
                    seen[j] = i;
                    join(&t, parent, named, w, i, j);
                }
            }
        }
    }
    emit(c, refs, parent, n, &scratch);
    cc_arena_free(&scratch);
}
