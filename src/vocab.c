#include "vocab.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "amount_read.h"
#include "bytes8.h"
#include "lexicon.h"
#include "numbers.h"
#include "phrase.h"
#include "terms.h"
#include "words.h"

/* A spelling is known by its 64-bit hash: two of a generation's million spellings share one with a
 * chance of about 1 in 30 million, and comparing hashes alone keeps a probe within one cache line, the
 * record beside it. */
typedef struct slot {
    uint64_t hash; /* 0: empty */
    uint32_t classes;
    uint32_t term;
} slot;

typedef struct generation {
    uint64_t number;
    uint32_t count;          /* spellings */
    slot *slots;
    uint32_t mask;
    cc_idmap stems;          /* hash of a stem -> its number */
    uint32_t stem_count;
    CC_VEC(uint64_t) hashes; /* scratch: the hash of each token of the article being interned */
} generation;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static generation current;
static struct sb_stemmer *stemmer;
static const cc_lexset *stopwords, *common_words;

static void *must(void *p)
{
    if (!p) {
        abort();
    }
    return p;
}

/* Forgets every spelling: the next ones get new stem numbers, in a new generation. */
static void start_generation(generation *g)
{
    free(g->slots);
    g->mask = 4095;
    g->slots = must(calloc((size_t)g->mask + 1, sizeof *g->slots));
    g->count = 0;
    cc_idmap_clear(&g->stems);
    g->stem_count = 0;
    g->number++;
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
static uint32_t term_of(generation *g, const char *s, uint32_t len)
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
    uint32_t number = cc_idmap_put(&g->stems, XXH3_64bits(stem, stem_len), g->stem_count, &added);
    g->stem_count += (uint32_t)added;
    int stop = whole && cc_lexset_has(stopwords, folded, n);
    return number << 1 | (uint32_t)stop;
}

/* The record of a spelling met for the first time. */
static slot learn(generation *g, uint64_t hash, const char *s, uint32_t len)
{
    uint32_t bare = cc_possessive_stem_len(s, len);
    unsigned classes = cc_word_classes(s, bare);
    if (cc_lexset_has(common_words, s, bare)) {
        classes |= CC_W_COMMON;
    }
    classes |= (cc_numword_prefix(s, len) ? CC_W_NUMBER_START : 0) |
               (cc_maybe_number_word(s, len) ? CC_W_NUMBER_LIKE : 0) |
               (amt_glued_digits(s, len) ? CC_W_GLUED_DIGITS : 0) | cc_phrase_start_classes(s, len);
    return (slot){ hash, classes, term_of(g, s, len) };
}

static void grow_slots(generation *g)
{
    uint32_t mask = g->mask * 2 + 1;
    slot *slots = must(calloc((size_t)mask + 1, sizeof *slots));
    for (uint32_t k = 0; k <= g->mask; k++) {
        if (g->slots[k].hash) {
            uint32_t to = (uint32_t)g->slots[k].hash & mask;
            while (slots[to].hash) {
                to = (to + 1) & mask;
            }
            slots[to] = g->slots[k];
        }
    }
    free(g->slots);
    g->slots = slots;
    g->mask = mask;
}

/* Fibonacci hashing: a bijection (an odd factor, then a rotation) that brings the product's top bits,
 * which depend on every byte, down to the low bits the table is indexed by. */
static uint64_t quick_mix(uint64_t x)
{
    x *= 0x9E3779B97F4A7C15ULL;
    return x >> 40 | x << 24;
}

/* Most words fit in eight bytes, and words hold no NUL, so their bytes read as one number are the word:
 * mixed, they hash without any collision. Longer words mix two overlapping loads or go to XXH3. The text
 * is padded with zeros (CC_TEXT_PADDING), so a load may run past the word's end. */
static uint64_t hash_of(const char *s, uint32_t len)
{
    uint64_t head = cc_load8(s);
    if (len <= 8) {
        return quick_mix(head & (~0ULL >> (64 - 8 * len))); /* never 0, the empty slot: the word is not */
    }
    uint64_t h;
    if (len <= 16) {
        h = cc_mix64(head ^ cc_mix64(cc_load8(s + len - 8) + len));
    } else {
        h = XXH3_64bits(s, len);
    }
    return h ? h : 1;
}

static void set_record(generation *g, cc_token *t, const char *text, uint64_t hash)
{
    for (uint32_t k = (uint32_t)hash & g->mask;; k = (k + 1) & g->mask) {
        slot *sl = &g->slots[k];
        if (sl->hash == hash) {
            t->classes = sl->classes;
            t->term = sl->term;
            return;
        }
        if (!sl->hash) {
            *sl = learn(g, hash, text + t->start, t->end - t->start);
            t->classes = sl->classes;
            t->term = sl->term;
            if (++g->count * 4 > (g->mask + 1) * 3) { /* a load of 3/4: a smaller table, fewer cache misses */
                grow_slots(g);
            }
            return;
        }
    }
}

/* A word's slot is fetched a few words ahead of its probe: rare words miss the cache, and their misses
 * then overlap. hashes[i + AHEAD] is token i's hash, 0 for a token without a record (punctuation). */
static void intern_tokens(generation *g, cc_article *a)
{
    enum { AHEAD = 32 };
    size_t n = a->tokens.n;
    CC_VEC_RESERVE(g->hashes, n + AHEAD);
    uint64_t *hashes = g->hashes.v;
    memset(hashes, 0, AHEAD * sizeof *hashes);
    cc_token *tokens = a->tokens.v;
    for (size_t i = 0; i < n + AHEAD; i++) {
        if (i < n) {
            const cc_token *t = &tokens[i];
            uint64_t hash = 0;
            if (t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER) {
                hash = hash_of(a->text + t->start, t->end - t->start);
                __builtin_prefetch(&g->slots[(uint32_t)hash & g->mask]);
            }
            hashes[i + AHEAD] = hash;
        }
        if (hashes[i]) {
            set_record(g, &tokens[i - AHEAD], a->text, hashes[i]);
        }
    }
}

/* Takes the lock; the generation new articles go to, a new one when the current is full. */
static generation *lock_generation(void)
{
    pthread_mutex_lock(&lock);
    if (!stemmer) {
        stemmer = sb_stemmer_new("english", NULL);
        stopwords = cc_lexset_get("stopwords");
        common_words = cc_words()->common;
        cc_numbers_init();
    }
    if (!current.slots || current.count >= CC_VOCAB_FULL) {
        start_generation(&current);
    }
    return &current;
}

static void intern_into(generation *g, cc_article *a)
{
    intern_tokens(g, a);
    a->vocab_generation = g->number;
}

void cc_vocab_intern(cc_article *a)
{
    intern_into(lock_generation(), a);
    pthread_mutex_unlock(&lock);
}

/* The generation is chosen once for all the articles: even when they fill it, they end in one. */
void cc_vocab_unify(cc_article *const *articles, size_t n)
{
    int mixed = 0;
    for (size_t i = 1; i < n; i++) {
        mixed |= articles[i]->vocab_generation != articles[0]->vocab_generation;
    }
    if (!mixed) {
        return;
    }
    generation *g = lock_generation();
    for (size_t i = 0; i < n; i++) {
        if (articles[i]->vocab_generation != g->number) {
            intern_into(g, articles[i]);
        }
    }
    pthread_mutex_unlock(&lock);
}
