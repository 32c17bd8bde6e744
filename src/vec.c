#include "vec.h"

#include <string.h>

void *cc_vec_grow(void *items, size_t *cap, size_t need, size_t item_size)
{
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        c *= 2;
    }
    void *p = realloc(items, c * item_size);
    if (!p) {
        abort(); /* out of memory */
    }
    *cap = c;
    return p;
}

void *cc_vec_grow_small(void *items, size_t n, size_t *cap, size_t item_size, const void *small)
{
    void *p = items == small ? malloc(*cap * 2 * item_size) : realloc(items, *cap * 2 * item_size);
    if (!p) {
        abort(); /* out of memory */
    }
    if (items == small) {
        memcpy(p, small, n * item_size);
    }
    *cap *= 2;
    return p;
}
