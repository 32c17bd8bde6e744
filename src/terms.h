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

/* Room for n keys without growing. */
void cc_idmap_reserve(cc_idmap *m, size_t n);

/* The slot a key's probe starts at (murmur3's finaliser: keys are made of small ids). */
static inline size_t cc_idmap_index(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

/* The value for key, inserting value when absent; *added tells which happened. Inline: a summary looks up
 * every word pair of its cluster. The load stays at most 1/2. */
static inline uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added)
{
    if ((m->n + 1) * 2 > m->cap) {
        cc_idmap_reserve(m, m->n + 1);
    }
    cc_idslot *slots = m->slots;
    size_t s = cc_idmap_index(key, m->cap);
    while (slots[s].use == m->use && slots[s].key != key) {
        s = (s + 1) & (m->cap - 1);
    }
    *added = slots[s].use != m->use;
    if (*added) {
        slots[s] = (cc_idslot){ key, value, m->use };
        m->n++;
    }
    return slots[s].value;
}
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
/* The id + 1 of a stem met for the first time in this use. */
uint32_t cc_terms_meet(cc_terms *t, uint32_t stem);

/* The id << 1 (| 1 for a stop word) of a vocabulary term (cc_token.term: stem number << 1 | stop),
 * numbering stems in the order they are met. Inline: it is asked of every word of a cluster. */
static inline uint32_t cc_terms_id(cc_terms *t, uint32_t term)
{
    uint32_t stem = term >> 1;
    uint32_t id = stem < t->ids.n ? t->ids.v[stem] : 0;
    if (!id) {
        id = cc_terms_meet(t, stem);
    }
    return (id - 1) << 1 | (term & 1);
}
/* The number of ids handed out since cc_terms_begin. */
uint32_t cc_terms_count(const cc_terms *t);

#endif
