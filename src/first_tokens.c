#include "first_tokens.h"

#include <stdlib.h>
#include <xxhash.h>

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = XXH3_64bits(s, n);
    return h ? h : 1;
}

static cc_first_token *slot_of(const cc_first_tokens *set, uint64_t hash)
{
    size_t k = hash & set->mask;
    while (set->slots[k].hash && set->slots[k].hash != hash) {
        k = (k + 1) & set->mask;
    }
    return &set->slots[k];
}

/* A load of at most 1/2. */
static void grow(cc_first_tokens *set)
{
    cc_first_tokens bigger = { NULL, set->mask ? set->mask * 2 + 1 : 255, set->count, set->longest };
    bigger.slots = calloc(bigger.mask + 1, sizeof *bigger.slots);
    if (!bigger.slots) {
        abort(); /* out of memory */
    }
    for (size_t k = 0; set->slots && k <= set->mask; k++) {
        if (set->slots[k].hash) {
            *slot_of(&bigger, set->slots[k].hash) = set->slots[k];
        }
    }
    free(set->slots);
    *set = bigger;
}

void cc_first_tokens_add(cc_first_tokens *set, const char *s, size_t n, unsigned bits)
{
    if ((set->count + 1) * 2 > set->mask + 1) {
        grow(set);
    }
    uint64_t hash = hash_of(s, n);
    cc_first_token *slot = slot_of(set, hash);
    set->count += !slot->hash;
    slot->hash = hash;
    slot->bits |= bits;
    set->longest = n > set->longest ? n : set->longest;
}

unsigned cc_first_tokens_bits(const cc_first_tokens *set, const char *s, size_t n)
{
    char folded[128];
    if (!set->slots || n > set->longest || n > sizeof folded) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        folded[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
    return slot_of(set, hash_of(folded, n))->bits;
}
