#include "vec.h"

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
