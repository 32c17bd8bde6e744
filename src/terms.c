/* Term ids: each distinct spelling is case folded and stemmed once per thread, then found again by
 * hash, so a cluster's thousands of word tokens cost a hash probe each and almost no stemmer calls. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "lexicon.h"
#include "terms.h"
#include "vec.h"

static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static void idmap_grow(cc_idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    cc_idslot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key) {
            size_t s = slot_of(m->slots[i].key, cap);
            while (slots[s].key) {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = m->slots[i];
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void cc_idmap_reserve(cc_idmap *m, size_t n)
{
    while (n * 2 > m->cap) {
        idmap_grow(m);
    }
}

uint32_t *cc_idmap_slot(cc_idmap *m, uint64_t key, int *added)
{
    if ((m->n + 1) * 2 > m->cap) {
        idmap_grow(m);
    }
    size_t s = slot_of(key, m->cap);
    while (m->slots[s].key && m->slots[s].key != key) {
        s = (s + 1) & (m->cap - 1);
    }
    *added = !m->slots[s].key;
    if (*added) {
        m->slots[s].key = key;
        m->n++;
    }
    return &m->slots[s].value;
}

uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added)
{
    uint32_t *slot = cc_idmap_slot(m, key, added);
    if (*added) {
        *slot = value;
    }
    return *slot;
}

static uint32_t idmap_get(const cc_idmap *m, uint64_t key)
{
    if (!m->cap) {
        return UINT32_MAX;
    }
    for (size_t s = slot_of(key, m->cap); m->slots[s].key; s = (s + 1) & (m->cap - 1)) {
        if (m->slots[s].key == key) {
            return m->slots[s].value;
        }
    }
    return UINT32_MAX;
}

/* A map far larger than its last use gives its memory back: one large cluster would otherwise make
 * every later clear cost its size. */
void cc_idmap_clear(cc_idmap *m)
{
    if (m->cap > 4096 && m->n * 16 < m->cap) {
        cc_idmap_free(m);
    } else if (m->cap) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    }
    m->n = 0;
}

void cc_idmap_free(cc_idmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

struct cc_terms {
    struct sb_stemmer *stemmer;
    const cc_lexset *stopwords;
    /* The spellings met since cc_terms_begin -> id << 1 | stop: the thread-wide map below grows to
     * megabytes and each probe there misses the cache, while one use's few thousand spellings stay in it. */
    cc_idmap recent;
    cc_idmap spellings; /* hash of the folded spelling -> stem number << 1 | stop */
    cc_idmap stems;     /* hash of the stem -> stem number */
    cc_idmap stem_ids;  /* stem number + 1 -> id, in this use: small, unlike a table per stem number */
    uint32_t stem_count;
    uint32_t count;
    CC_VEC(uint64_t) keys; /* cc_terms_ids' scratch */
};

/* Enough for any news vocabulary; past it the memo starts over rather than grow without end. */
enum { MAX_STEMS = 1 << 20 };

static _Thread_local cc_terms memo;

cc_terms *cc_terms_begin(void)
{
    cc_terms *t = &memo;
    if (!t->stemmer) {
        t->stemmer = sb_stemmer_new("english", NULL);
        t->stopwords = cc_lexset_get("stopwords");
    }
    if (t->stem_count >= MAX_STEMS) {
        cc_idmap_clear(&t->spellings);
        cc_idmap_clear(&t->stems);
        t->stem_count = 0;
    }
    t->count = 0;
    cc_idmap_clear(&t->recent);
    cc_idmap_clear(&t->stem_ids);
    return t;
}

/* Lower-cases ASCII and reads ’ as '; stops at max bytes. */
static size_t fold(const char *word, size_t len, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)word[i + 1] == 0x80 && (unsigned char)word[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c += 32;
        }
        out[n++] = (char)c;
    }
    return n;
}

/* Eight bytes at a time over the folded spelling (zero padded); never 0, the map's empty key. A word
 * longer than the buffer is told apart from its prefix by its length. */
static uint64_t spelling_key(const char *folded, size_t n, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ len;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t k;
        memcpy(&k, folded + i, 8);
        h = (h ^ k) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    return h ? h : 1;
}

/* Stems a spelling seen for the first time: the only place the Snowball stemmer runs. */
static uint32_t learn(cc_terms *t, const char *folded, size_t n, int whole, uint64_t key)
{
    const char *stem = folded;
    size_t stem_len = n;
    if (t->stemmer && whole && (folded[0] < '0' || folded[0] > '9')) {
        const sb_symbol *s = sb_stemmer_stem(t->stemmer, (const sb_symbol *)folded, (int)n);
        if (s) {
            stem = (const char *)s;
            stem_len = (size_t)sb_stemmer_length(t->stemmer);
        }
    }
    int added;
    uint32_t number = cc_idmap_put(&t->stems, XXH3_64bits(stem, stem_len) | 1, t->stem_count, &added);
    t->stem_count += (uint32_t)added;
    int stop = whole && t->stopwords && cc_lexset_find(t->stopwords, folded, n) != NULL;
    return cc_idmap_put(&t->spellings, key, number << 1 | (uint32_t)stop, &added);
}

/* The stem number << 1 | stop of a spelling, learning it when new. */
static uint32_t stem_number(cc_terms *t, const char *word, size_t len, uint64_t key)
{
    uint32_t found = idmap_get(&t->spellings, key);
    if (found == UINT32_MAX) {
        char folded[72] = { 0 };
        size_t n = fold(word, len, folded, 64);
        found = learn(t, folded, n, n < 64, key);
    }
    return found;
}

/* Eight bytes lower-cased at once (ASCII letters only, as fold does). */
static uint64_t lower8(uint64_t x)
{
    const uint64_t high = 0x8080808080808080ULL;
    uint64_t seven = x & ~high;
    uint64_t upper = ~x & high & ((seven + 0x3f3f3f3f3f3f3f3fULL) ^ (seven + 0x2525252525252525ULL));
    return x | upper >> 2;
}

/* spelling_key of the folded word; a word with a ’ (or too long for the buffer) is folded first. */
static uint64_t word_key(const char *word, size_t len)
{
    if (len >= 64 || memchr(word, 0xE2, len)) {
        char folded[72] = { 0 };
        return spelling_key(folded, fold(word, len, folded, 64), len);
    }
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ len;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t k = 0;
        memcpy(&k, word + i, len - i < 8 ? len - i : 8);
        h = (h ^ lower8(k)) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    return h ? h : 1;
}

/* The id << 1 | stop of a spelling already in recent or just added there (slot). */
static uint32_t id_of_new_spelling(cc_terms *t, const char *word, size_t len, uint64_t key)
{
    uint32_t found = stem_number(t, word, len, key);
    int added;
    uint32_t id = cc_idmap_put(&t->stem_ids, (found >> 1) + 1, t->count, &added);
    t->count += (uint32_t)added;
    return id << 1 | (found & 1);
}

/* Spellings new to this use are first all looked for in recent, with the slot each will need in the
 * thread-wide map fetched ahead, so those cache misses overlap instead of coming one after another. */
void cc_terms_ids(cc_terms *t, const char *const *words, const uint32_t *lens, size_t n, uint32_t *ids)
{
    const uint32_t PENDING = UINT32_MAX;
    CC_VEC_RESERVE(t->keys, n);
    uint64_t *keys = t->keys.v;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = keys[i] = word_key(words[i], lens[i]);
        uint32_t found = idmap_get(&t->recent, key);
        ids[i] = found;
        if (found == PENDING && t->spellings.cap) {
            __builtin_prefetch(&t->spellings.slots[slot_of(key, t->spellings.cap)]);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (ids[i] == PENDING) {
            uint64_t key = keys[i];
            int added;
            uint32_t *recent = cc_idmap_slot(&t->recent, key, &added);
            if (added) {
                *recent = id_of_new_spelling(t, words[i], lens[i], key);
            }
            ids[i] = *recent;
        }
    }
}

uint32_t cc_terms_count(const cc_terms *t)
{
    return t->count;
}
