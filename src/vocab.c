#include "vocab.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "amount_read.h"
#include "claims_internal.h"
#include "entities.h"
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
    cc_idmap folded;         /* hash of a case-folded spelling -> its index in folded_terms */
    CC_VEC(uint32_t) folded_terms;
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
    cc_idmap_clear(&g->folded);
    g->folded_terms.n = 0;
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
static uint32_t term_of_folded(generation *g, const char *folded, size_t n)
{
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

/* Spellings that differ only in case ("The", "the", "THE") share a term, stemmed once. */
static uint32_t term_of(generation *g, const char *s, uint32_t len)
{
    char folded[72] = { 0 }; /* zero-padded past the 64 bytes kept: the key's loads may read on */
    size_t n = fold(s, len, folded, 64);
    int added;
    uint32_t index = cc_idmap_put(&g->folded, cc_vocab_hash(folded, (uint32_t)n), (uint32_t)g->folded_terms.n, &added);
    if (added) {
        CC_VEC_PUSH(g->folded_terms, term_of_folded(g, folded, n));
    }
    return g->folded_terms.v[index];
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
    classes |= cc_name_break(s, len, classes) ? CC_W_NAME_BREAK : 0;
    classes |= amt_spelling_may_trigger(s, len) ? CC_W_FIGURE_TRIGGER : 0;
    classes |= cc_claim_place_word(s, len) ? CC_W_PLACE_PREP : 0;
    classes |= cc_claim_place_phrase_start(s, len) ? CC_W_PLACE_PHRASE_START : 0;
    classes |= cc_claim_time_word(s, len) ? CC_W_TIME_WORD : 0;
    classes |= cc_claim_source_cue(s, len) ? CC_W_SOURCE_CUE : 0;
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

/* A spelling met for the first time, at the empty slot its probe ended on. */
static void add_spelling(generation *g, slot *empty, cc_token *t, const char *text, uint64_t key)
{
    *empty = learn(g, key, text + t->start, t->end - t->start);
    t->classes = empty->classes;
    t->term = empty->term;
    if (++g->count * 4 > (g->mask + 1) * 3) { /* a load of 3/4: a smaller table, fewer cache misses */
        grow_slots(g);
    }
}

static uint64_t noted_key(const cc_token *t)
{
    return (uint64_t)t->term << 32 | t->classes;
}

/* A word's slot is fetched a few tokens ahead of its probe: rare words miss the cache, and their misses
 * then overlap. A token without a record (punctuation) has key 0, and fetches slot 0 for nothing. The
 * table is held in locals (token stores could alias it), and read again only when a spelling is added. */
static void intern_tokens(generation *g, cc_article *a)
{
    enum { AHEAD = 32 };
    size_t n = a->tokens.n;
    cc_token *tokens = a->tokens.v;
    slot *slots = g->slots;
    uint32_t mask = g->mask;
    for (size_t i = 0; i < n && i < AHEAD; i++) {
        __builtin_prefetch(&slots[(uint32_t)noted_key(&tokens[i]) & mask]);
    }
    for (size_t i = 0; i < n; i++) {
        cc_token *t = &tokens[i];
        if (i + AHEAD < n) {
            __builtin_prefetch(&slots[(uint32_t)noted_key(t + AHEAD) & mask]);
        }
        uint64_t key = noted_key(t);
        if (!key) {
            continue;
        }
        uint32_t k = (uint32_t)key & mask;
        while (slots[k].hash != key && slots[k].hash) {
            k = (k + 1) & mask;
        }
        if (slots[k].hash) {
            t->classes = slots[k].classes;
            t->term = slots[k].term;
        } else {
            add_spelling(g, &slots[k], t, a->text, key);
            slots = g->slots;
            mask = g->mask;
        }
    }
}

/* An article interned in an older generation has records in place of its keys. */
static void renote_keys(cc_article *a)
{
    for (size_t i = 0; i < a->tokens.n; i++) {
        cc_token *t = &a->tokens.v[i];
        if (t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER) {
            uint64_t key = cc_vocab_hash(a->text + t->start, t->end - t->start);
            t->classes = cc_vocab_key_low(key);
            t->term = cc_vocab_key_high(key);
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
            renote_keys(articles[i]);
            intern_into(g, articles[i]);
        }
    }
    pthread_mutex_unlock(&lock);
}
