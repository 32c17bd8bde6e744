/* Stemmed term ids for comparing sentences: "Killed", "killing" and "kills" are one term (stemmed once
 * per spelling by the vocabulary, vocab.h), stop words are marked, and ids are small integers counted
 * from 0 for each use, so callers index dense arrays by term. Also the u64 -> u32 map the stages use. */
#ifndef CC_TERMS_H
#define CC_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "vec.h"

/* A u64 -> u32 hash map (open addressing, grows). A slot belongs to the map's current use only when it
 * carries its number, so emptying the map for the next use costs nothing. */
typedef struct cc_idslot {
    uint64_t key;
    uint32_t value;
    uint32_t use;
} cc_idslot;

typedef struct cc_idmap {
    cc_idslot *slots;
    size_t n, cap;
    uint32_t use;
} cc_idmap;

/* The value for key, inserting value when absent; *added tells which happened. */
uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added);
/* The value slot for key, made (its value left for the caller to set) when absent. */
uint32_t *cc_idmap_slot(cc_idmap *m, uint64_t key, int *added);
/* Room for n keys without growing. */
void cc_idmap_reserve(cc_idmap *m, size_t n);
/* Empties the map, keeping its memory. */
void cc_idmap_clear(cc_idmap *m);
void cc_idmap_free(cc_idmap *m);

/* A numbering of terms, kept by its user (one per thread) so that its memory serves use after use. */
typedef struct cc_terms {
    CC_VEC(uint32_t) ids;  /* stem number -> id + 1 in this use, 0 for none yet */
    CC_VEC(uint32_t) used; /* stem numbers given an id, to forget them at the next use */
} cc_terms;

/* Starts the numbering again at 0. */
void cc_terms_begin(cc_terms *t);
void cc_terms_free(cc_terms *t);
/* The id << 1 (| 1 for a stop word) of a vocabulary term (cc_token.term: stem number << 1 | stop),
 * numbering stems in the order they are met. */
uint32_t cc_terms_id(cc_terms *t, uint32_t term);
/* The number of ids handed out since cc_terms_begin. */
uint32_t cc_terms_count(const cc_terms *t);

#endif
