/* Growable arrays of plain structs. They grow geometrically, so appending is amortised O(1) and an
 * article's tokens cost a handful of reallocs, not one malloc each. */
#ifndef CC_VEC_H
#define CC_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define CC_VEC(T) struct { T *v; size_t n, cap; }

void *cc_vec_grow(void *items, size_t *cap, size_t need, size_t item_size);
/* For an array of n items that starts in a caller's buffer (small) and is full: twice the room, on the
 * heap, the items copied out of small the first time. Most articles never leave their small buffers. */
void *cc_vec_grow_small(void *items, size_t n, size_t *cap, size_t item_size, const void *small);

/* Defines `static inline size_t NAME(const T *v, size_t n, uint32_t pos)`: the index of the first of
 * v[0..n), which are in order and disjoint, whose FIELD (an end offset) is past pos; n when none. Its
 * steps move by a conditional move, not a branch to guess: the quote stage searches often. */
#define CC_DEFINE_FIRST_ENDING_AFTER(NAME, T, FIELD)                    \
    static inline size_t NAME(const T *v, size_t n, uint32_t pos)       \
    {                                                                   \
        size_t base = 0;                                                \
        if (n == 0) {                                                   \
            return 0;                                                   \
        }                                                               \
        while (n > 1) {                                                 \
            size_t half = n / 2;                                        \
            base = v[base + half].FIELD <= pos ? base + half : base;    \
            n -= half;                                                  \
        }                                                               \
        return base + (v[base].FIELD <= pos);                           \
    }

#define CC_VEC_PUSH(vec, item)                                                                     \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            (vec).v = cc_vec_grow((vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v);              \
        }                                                                                          \
        (vec).v[(vec).n++] = (item);                                                               \
    } while (0)

#define CC_VEC_RESERVE(vec, need)                                                                  \
    do {                                                                                           \
        if ((need) > (vec).cap) {                                                                  \
            (vec).v = cc_vec_grow((vec).v, &(vec).cap, (need), sizeof *(vec).v);                   \
        }                                                                                          \
    } while (0)

#define CC_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

#endif
