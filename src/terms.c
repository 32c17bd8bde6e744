/* Term ids: the vocabulary numbers each stem once per process (vocab.c); a use renumbers the stems it
 * meets from 0, so that its arrays by term stay as small as its text. */
#include <stdlib.h>
#include <string.h>

#include "terms.h"

static void idmap_grow(cc_idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    cc_idslot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].use == m->use) {
            size_t s = cc_idmap_index(m->slots[i].key, cap);
            while (slots[s].use == m->use) {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = m->slots[i];
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void cc_idmap_reserve(cc_idmap *m, size_t n)
{
    if (!m->use) {
        m->use = 1;
    }
    while (n * 2 > m->cap) {
        idmap_grow(m);
    }
}

/* Slots are wiped only when the use number wraps. The memory is kept: its owner frees a map grown far
 * larger than its uses need (a summary, after one huge cluster). */
void cc_idmap_clear(cc_idmap *m)
{
    if (++m->use == 0) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
        m->use = 1;
    }
    m->n = 0;
}

void cc_idmap_free(cc_idmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

void cc_terms_begin(cc_terms *t)
{
    for (size_t i = 0; i < t->used.n; i++) {
        t->ids.v[t->used.v[i]] = 0;
    }
    t->used.n = 0;
}

void cc_terms_free(cc_terms *t)
{
    CC_VEC_FREE(t->ids);
    CC_VEC_FREE(t->used);
}

uint32_t cc_terms_meet(cc_terms *t, uint32_t stem)
{
    if (stem >= t->ids.n) {
        CC_VEC_RESERVE(t->ids, (size_t)stem + 1);
        memset(t->ids.v + t->ids.n, 0, ((size_t)stem + 1 - t->ids.n) * sizeof *t->ids.v);
        t->ids.n = (size_t)stem + 1;
    }
    CC_VEC_PUSH(t->used, stem);
    t->ids.v[stem] = (uint32_t)t->used.n;
    return t->ids.v[stem];
}

uint32_t cc_terms_count(const cc_terms *t)
{
    return (uint32_t)t->used.n;
}
