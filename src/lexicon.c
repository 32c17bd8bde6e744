#include "lexicon.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_table.h"

/* A generated table, and its entries with pointers, made from the records' offsets the first time an
 * entry of it is asked for (a set only tested for membership, such as the 63,000 common words, never
 * needs them). */
struct cc_lexset {
    const cc_lextable *table;
    cc_lexentry *entries;
    atomic_int ready;
};

static cc_lexset *sets;
static pthread_mutex_t making = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t sets_made = PTHREAD_ONCE_INIT;

static void make_sets(void)
{
    sets = calloc(cc_lexicon_table_count ? cc_lexicon_table_count : 1, sizeof *sets);
    if (!sets) {
        abort();
    }
    for (size_t i = 0; i < cc_lexicon_table_count; i++) {
        sets[i].table = &cc_lexicon_tables[i];
    }
}

static __attribute__((noinline)) const cc_lexentry *make_entries(cc_lexset *set)
{
    pthread_mutex_lock(&making);
    if (!atomic_load_explicit(&set->ready, memory_order_relaxed)) {
        const cc_lextable *t = set->table;
        set->entries = malloc((t->count ? t->count : 1) * sizeof *set->entries);
        if (!set->entries) {
            abort();
        }
        for (size_t k = 0; k < t->count; k++) {
            const cc_lexrecord *r = &t->records[k];
            set->entries[k] = (cc_lexentry){ t->text + r->key, r->key_len, t->text + r->value, r->value_len, r->words };
        }
        atomic_store_explicit(&set->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&making);
    return set->entries;
}

/* Inline, as every lookup that finds its entry comes here; the entries are made out of line, once. */
static inline const cc_lexentry *entries_of(cc_lexset *set)
{
    return atomic_load_explicit(&set->ready, memory_order_acquire) ? set->entries : make_entries(set);
}

/* The index of the record whose key (in first_slots, whose key's first word) hashes so, or -1. */
static long probe(const cc_lextable *t, const cc_lexslot *slots, uint64_t hash)
{
    for (size_t h = hash & t->mask; slots[h].entry; h = (h + 1) & t->mask) {
        if (slots[h].hash == hash) {
            return (long)slots[h].entry - 1;
        }
    }
    return -1;
}

/* Whether a space or tab is among the eight bytes (an exact zero-byte test of each, xored with the blank). */
static uint64_t blanks8(uint64_t v)
{
    uint64_t sp = v ^ (CC_BYTES_1 * ' '), tab = v ^ (CC_BYTES_1 * '\t');
    return (((sp - CC_BYTES_1) & ~sp) | ((tab - CC_BYTES_1) & ~tab)) & CC_BYTES_80;
}

/* The hash of a phrase with doubled or outer blanks, which fold away. Out of line, with its buffer: most
 * phrases have none. */
static __attribute__((noinline)) uint64_t folded_hash(const char *s, size_t len)
{
    char buf[128];
    return cc_lexicon_hash(buf, cc_lexicon_fold(buf, s, len));
}

/* The record of the phrase s, or -1. A phrase without blanks (most are one word) folds to itself
 * lower-cased, so it is hashed as it lies, lower-cased piece by piece. */
static long record_of(const cc_lexset *set, const char *s, size_t len, int first_word)
{
    /* a phrase with doubled spaces folds shorter, so allow some slack over the longest key */
    if (!set || len == 0 || len >= 128 || len > set->table->max_key_len + (first_word ? 0 : 8)) {
        return -1;
    }
    uint64_t hash = cc_lexicon_seed(len), blanks = 0;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t piece = cc_lexicon_piece(s, len, i);
        blanks |= blanks8(piece);
        hash = cc_lexicon_mix(hash, cc_lower8(piece));
    }
    if (blanks) {
        hash = folded_hash(s, len);
    }
    const cc_lextable *t = set->table;
    return probe(t, first_word ? t->first_slots : t->slots, hash);
}

const cc_lexset *cc_lexset_get(const char *name)
{
    pthread_once(&sets_made, make_sets);
    size_t lo = 0, hi = cc_lexicon_table_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(cc_lexicon_tables[mid].name, name);
        if (cmp == 0) {
            return &sets[mid];
        }
        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

const cc_lexentry *cc_lexset_find(const cc_lexset *set, const char *s, size_t len)
{
    long r = record_of(set, s, len, 0);
    return r < 0 ? NULL : &entries_of((cc_lexset *)set)[r];
}

const cc_lexentry *cc_lexset_find_folded(const cc_lexset *set, const char *key, size_t n)
{
    if (!set || n == 0 || n > set->table->max_key_len) {
        return NULL;
    }
    long r = probe(set->table, set->table->slots, cc_lexicon_hash(key, n));
    return r < 0 ? NULL : &entries_of((cc_lexset *)set)[r];
}

int cc_lexset_has(const cc_lexset *set, const char *s, size_t len)
{
    return record_of(set, s, len, 0) >= 0;
}

int cc_lexset_starts_entry(const cc_lexset *set, const char *word, size_t len)
{
    return record_of(set, word, len, 1) >= 0;
}

int cc_lexset_max_words(const cc_lexset *set)
{
    return set ? set->table->max_words : 0;
}

size_t cc_lexset_size(const cc_lexset *set)
{
    return set ? set->table->count : 0;
}

const cc_lexentry *cc_lexset_entry(const cc_lexset *set, size_t i)
{
    return set && i < set->table->count ? &entries_of((cc_lexset *)set)[i] : NULL;
}
