/* Growable arrays of plain structs. They grow geometrically, so appending is amortised O(1) and an
 * article's tokens cost a handful of reallocs, not one malloc each. */
#ifndef CC_VEC_H
#define CC_VEC_H

#include <stddef.h>
#include <stdlib.h>

#define CC_VEC(T) struct { T *v; size_t n, cap; }

void *cc_vec_grow(void *items, size_t *cap, size_t need, size_t item_size);

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
