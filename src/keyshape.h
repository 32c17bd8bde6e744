/* A lexicon's keys, or their first words, by shape: length, first and last byte. Most words have a shape
 * no key has, so they are ruled out with one bit test, before a lookup folds and hashes them. Bytes are
 * taken & 31, which ignores ASCII case as the lookups do; a word with a blank in it folds to another
 * length, so it must be looked up whatever its shape. */
#ifndef CC_KEYSHAPE_H
#define CC_KEYSHAPE_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

typedef struct cc_keyshapes {
    uint64_t bits[16 * 32 * 32 / 64];
} cc_keyshapes;

static inline unsigned cc_keyshape(const char *w, size_t n)
{
    return (unsigned)(n & 15) << 10 | ((unsigned char)w[0] & 31u) << 5 | ((unsigned char)w[n - 1] & 31u);
}

/* Whether some key may be the n > 0 bytes at w, which have no space or tab. */
static inline int cc_keyshapes_may_have(const cc_keyshapes *k, const char *w, size_t n)
{
    unsigned shape = cc_keyshape(w, n);
    return k->bits[shape >> 6] >> (shape & 63) & 1;
}

/* Adds the shape of the n > 0 bytes at w. */
static inline void cc_keyshapes_mark(cc_keyshapes *k, const char *w, size_t n)
{
    unsigned shape = cc_keyshape(w, n);
    k->bits[shape >> 6] |= 1ull << (shape & 63);
}

/* Adds the shapes of set's keys, or with first_word of their first words. */
static inline void cc_keyshapes_add(cc_keyshapes *k, const cc_lexset *set, int first_word)
{
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        size_t n = e->key_len;
        if (first_word) {
            for (n = 0; n < e->key_len && e->key[n] != ' '; n++) {
            }
        }
        if (n) {
            cc_keyshapes_mark(k, e->key, n);
        }
    }
}

#endif
