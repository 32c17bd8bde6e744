/* Term ids: the vocabulary numbers each stem once per process (vocab.c); a use renumbers the stems it
 * meets from 0, so that its arrays by term stay as small as its text. */
#include <stdlib.h>
#include <string.h>

#include "terms.h"

static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static void idmap_grow(cc_idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    cc_idslot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].use == m->use) {
            size_t s = slot_of(m->slots[i].key, cap);
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

uint32_t *cc_idmap_slot(cc_idmap *m, uint64_t key, int *added)
{
    cc_idmap_reserve(m, m->n + 1);
    size_t s = slot_of(key, m->cap);
    while (m->slots[s].use == m->use && m->slots[s].key != key) {
        s = (s + 1) & (m->cap - 1);
    }
    *added = m->slots[s].use != m->use;
    if (*added) {
        m->slots[s].key = key;
        m->slots[s].use = m->use;
        m->n++;
    }
    return &m->slots[s].value;
}

uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added)
{
    uint32_t *slot = cc_idmap_slot(m, key, added);
    if (*added) {
        *slot = value;
    }
    return *slot;
}

/* A map far larger than its last use gives its memory back: one large cluster would otherwise make
 * every later use probe a table of its size. Slots are wiped only when the use number wraps. */
void cc_idmap_clear(cc_idmap *m)
{
    if (m->cap > 4096 && m->n * 16 < m->cap) {
        cc_idmap_free(m);
    } else if (++m->use == 0) {
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

uint32_t cc_terms_id(cc_terms *t, uint32_t term)
{
    uint32_t stem = term >> 1;
    if (stem >= t->ids.n) {
        CC_VEC_RESERVE(t->ids, (size_t)stem + 1);
        memset(t->ids.v + t->ids.n, 0, ((size_t)stem + 1 - t->ids.n) * sizeof *t->ids.v);
        t->ids.n = (size_t)stem + 1;
    }
    if (!t->ids.v[stem]) {
        CC_VEC_PUSH(t->used, stem);
        t->ids.v[stem] = (uint32_t)t->used.n;
    }
    return (t->ids.v[stem] - 1) << 1 | (term & 1);
}

uint32_t cc_terms_count(const cc_terms *t)
{
    return (uint32_t)t->used.n;
}
