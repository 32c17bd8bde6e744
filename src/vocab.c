#include "vocab.h"

#include <libstemmer.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
/* inlined: the vocabulary hashes every word token */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "lexicon.h"
#include "terms.h"
#include "words.h"

enum { CHUNK = 1 << CC_VOCAB_CHUNK_BITS };

/* A spelling is known by its 64-bit hash: two of a generation's million spellings share one with a
 * chance near 1 in 10^7, and comparing hashes alone keeps a probe within one cache line. */
typedef struct slot {
    uint64_t hash; /* 0: empty */
    uint32_t id;
} slot;

/* A generation's interning state. */
struct cc_vocab_index {
    atomic_uint users;   /* articles pinning it, and 1 while it is the current generation */
    uint32_t count;      /* ids handed out, 0 (no type) included */
    slot *slots;
    uint32_t mask;
    CC_VEC(uint64_t) hashes; /* scratch: the hash of each token of the article being interned */
    cc_idmap stems;      /* hash of a stem -> its number */
    uint32_t stem_count;
};

static mtx_t lock;
static once_flag lock_made = ONCE_FLAG_INIT;
static struct cc_vocab *current;
static struct sb_stemmer *stemmer;
static const cc_lexset *stopwords, *common_words;

static void make_lock(void)
{
    if (mtx_init(&lock, mtx_plain) != thrd_success) {
        abort();
    }
}

static void *must(void *p)
{
    if (!p) {
        abort();
    }
    return p;
}

static void add_chunk(struct cc_vocab *v, uint32_t id)
{
    v->types[id / CHUNK] = must(calloc(CHUNK, sizeof(cc_wordtype)));
}

static struct cc_vocab *vocab_new(void)
{
    struct cc_vocab *v = must(calloc(1, sizeof *v));
    v->index = must(calloc(1, sizeof *v->index));
    atomic_init(&v->index->users, 1);
    v->index->mask = 4095;
    v->index->slots = must(calloc(v->index->mask + 1, sizeof(slot)));
    add_chunk(v, 0);
    v->index->count = 1; /* id 0 is the zero record of tokens that are no word */
    return v;
}

static void vocab_free(struct cc_vocab *v)
{
    struct cc_vocab_index *ix = v->index;
    for (uint32_t c = 0; c * CHUNK < ix->count; c++) {
        free(v->types[c]);
    }
    cc_idmap_free(&ix->stems);
    CC_VEC_FREE(ix->hashes);
    free(ix->slots);
    free(ix);
    free(v);
}

static void unpin(struct cc_vocab *v)
{
    if (v && atomic_fetch_sub(&v->index->users, 1) == 1) {
        vocab_free(v);
    }
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

/* Snowball English stem of the case-folded spelling (numbers and over-long words as they are), numbered
 * in this generation, and whether it is a stop word. */
static uint32_t term_of(struct cc_vocab_index *ix, const char *s, uint32_t len)
{
    char folded[72] = { 0 };
    size_t n = fold(s, len, folded, 64);
    int whole = n < 64;
    const char *stem = folded;
    size_t stem_len = n;
    if (stemmer && whole && (folded[0] < '0' || folded[0] > '9')) {
        const sb_symbol *st = sb_stemmer_stem(stemmer, (const sb_symbol *)folded, (int)n);
        if (st) {
            stem = (const char *)st;
            stem_len = (size_t)sb_stemmer_length(stemmer);
        }
    }
    int added;
    uint32_t number = cc_idmap_put(&ix->stems, XXH3_64bits(stem, stem_len) | 1, ix->stem_count, &added);
    ix->stem_count += (uint32_t)added;
    int stop = whole && cc_lexset_has(stopwords, folded, n);
    return number << 1 | (uint32_t)stop;
}

static cc_wordtype type_of(struct cc_vocab_index *ix, const char *s, uint32_t len)
{
    uint32_t bare = cc_possessive_stem_len(s, len);
    unsigned classes = cc_word_classes(s, bare);
    if (cc_lexset_has(common_words, s, bare)) {
        classes |= CC_W_COMMON;
    }
    return (cc_wordtype){ classes, term_of(ix, s, len) };
}

static void grow_slots(struct cc_vocab_index *ix)
{
    uint32_t mask = ix->mask * 2 + 1;
    slot *slots = must(calloc((size_t)mask + 1, sizeof *slots));
    for (uint32_t k = 0; k <= ix->mask; k++) {
        if (ix->slots[k].hash) {
            uint32_t to = (uint32_t)ix->slots[k].hash & mask;
            while (slots[to].hash) {
                to = (to + 1) & mask;
            }
            slots[to] = ix->slots[k];
        }
    }
    free(ix->slots);
    ix->slots = slots;
    ix->mask = mask;
}

static uint32_t add_type(struct cc_vocab *v, slot *empty, uint64_t hash, const char *s, uint32_t len)
{
    struct cc_vocab_index *ix = v->index;
    uint32_t id = ix->count++;
    if (id % CHUNK == 0) {
        add_chunk(v, id);
    }
    v->types[id / CHUNK][id % CHUNK] = type_of(ix, s, len);
    *empty = (slot){ hash, id };
    if (ix->count * 2 > ix->mask) {
        grow_slots(ix);
    }
    return id;
}

static uint64_t hash_of(const char *s, uint32_t len)
{
    return XXH3_64bits(s, len) | 1;
}

static uint32_t id_of(struct cc_vocab *v, const char *s, uint32_t len, uint64_t hash)
{
    struct cc_vocab_index *ix = v->index;
    for (uint32_t k = (uint32_t)hash & ix->mask;; k = (k + 1) & ix->mask) {
        slot *sl = &ix->slots[k];
        if (sl->hash == hash) {
            return sl->id;
        }
        if (!sl->hash) {
            return add_type(v, sl, hash, s, len);
        }
    }
}

static int has_type(const cc_token *t)
{
    return t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER;
}

/* A word's slot is fetched a few words ahead of its probe: rare words miss the cache, and their misses
 * then overlap. */
static void intern_tokens(struct cc_vocab *v, cc_article *a)
{
    enum { AHEAD = 8 };
    CC_VEC_RESERVE(v->index->hashes, a->tokens.n);
    uint64_t *hashes = v->index->hashes.v;
    for (size_t i = 0; i < a->tokens.n + AHEAD; i++) {
        if (i < a->tokens.n) {
            const cc_token *t = &a->tokens.v[i];
            if (has_type(t)) {
                uint64_t h = hashes[i] = hash_of(a->text + t->start, t->end - t->start);
                __builtin_prefetch(&v->index->slots[(uint32_t)h & v->index->mask]);
            }
        }
        if (i >= AHEAD) {
            cc_token *t = &a->tokens.v[i - AHEAD];
            t->type = has_type(t) ? id_of(v, a->text + t->start, t->end - t->start, hashes[i - AHEAD]) : 0;
        }
    }
}

/* The generation new articles go to, starting a new one when the current is full. Under the lock. */
static struct cc_vocab *current_generation(void)
{
    if (!current || current->index->count >= CC_VOCAB_FULL) {
        unpin(current);
        current = vocab_new();
    }
    if (!stemmer) {
        stemmer = sb_stemmer_new("english", NULL);
        stopwords = cc_lexset_get("stopwords");
        common_words = cc_words()->common;
    }
    return current;
}

void cc_vocab_intern(cc_article *a)
{
    call_once(&lock_made, make_lock);
    mtx_lock(&lock);
    struct cc_vocab *v = current_generation();
    if (a->vocab != v) {
        unpin(a->vocab);
        atomic_fetch_add(&v->index->users, 1);
        a->vocab = v;
    }
    intern_tokens(v, a);
    mtx_unlock(&lock);
}

void cc_vocab_release(cc_article *a)
{
    if (a->vocab) {
        call_once(&lock_made, make_lock);
        mtx_lock(&lock);
        unpin(a->vocab);
        mtx_unlock(&lock);
        a->vocab = NULL;
    }
}

void cc_vocab_unify(cc_article *const *articles, size_t n)
{
    for (int settled = 0; !settled;) {
        settled = 1;
        for (size_t i = 1; i < n; i++) {
            if (articles[i]->vocab != articles[0]->vocab) {
                settled = 0;
            }
        }
        for (size_t i = 0; !settled && i < n; i++) {
            cc_vocab_intern(articles[i]);
        }
    }
}
