/* Term ids: each distinct spelling is case folded and stemmed once, then found again by hash, so a
 * cluster's thousands of word tokens cost a few hundred stemmer calls. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "lexicon.h"
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
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *values = malloc(cap * sizeof *values);
    if (!keys || !values) {
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t s = slot_of(m->keys[i], cap);
            while (keys[s]) {
                s = (s + 1) & (cap - 1);
            }
            keys[s] = m->keys[i];
            values[s] = m->values[i];
        }
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
}

uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added)
{
    if ((m->n + 1) * 2 > m->cap) {
        idmap_grow(m);
    }
    size_t s = slot_of(key, m->cap);
    while (m->keys[s] && m->keys[s] != key) {
        s = (s + 1) & (m->cap - 1);
    }
    *added = !m->keys[s];
    if (*added) {
        m->keys[s] = key;
        m->values[s] = value;
        m->n++;
    }
    return m->values[s];
}

uint32_t cc_idmap_get(const cc_idmap *m, uint64_t key)
{
    if (!m->cap) {
        return UINT32_MAX;
    }
    size_t s = slot_of(key, m->cap);
    while (m->keys[s]) {
        if (m->keys[s] == key) {
            return m->values[s];
        }
        s = (s + 1) & (m->cap - 1);
    }
    return UINT32_MAX;
}

void cc_idmap_free(cc_idmap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

struct cc_terms {
    struct sb_stemmer *stemmer;
    const cc_lexset *stopwords;
    cc_idmap spellings; /* hash of the folded spelling -> id << 1 | stop */
    cc_idmap stems;     /* hash of the stem -> id */
    uint32_t count;
};

cc_terms *cc_terms_new(void)
{
    cc_terms *t = calloc(1, sizeof *t);
    if (!t) {
        abort();
    }
    t->stemmer = sb_stemmer_new("english", NULL);
    t->stopwords = cc_lexset_get("stopwords");
    return t;
}

void cc_terms_free(cc_terms *t)
{
    if (!t) {
        return;
    }
    if (t->stemmer) {
        sb_stemmer_delete(t->stemmer);
    }
    cc_idmap_free(&t->spellings);
    cc_idmap_free(&t->stems);
    free(t);
}

/* A hash is never 0, the map's empty key. */
static uint64_t key_of(const char *p, size_t len)
{
    uint64_t h = XXH3_64bits(p, len);
    return h ? h : 1;
}

/* Lower-cases ASCII and reads the typographic apostrophe as ', so "Obama’s" meets "obama's". */
static size_t fold(const char *word, size_t len, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)word[i + 1] == 0x80 &&
            (unsigned char)word[i + 2] == 0x99) {
            out[n++] = '\'';
            i += 2;
        } else {
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return n;
}

static uint32_t stem_id(cc_terms *t, const char *folded, size_t len)
{
    const char *stem = folded;
    size_t stem_len = len;
    if (t->stemmer && (folded[0] < '0' || folded[0] > '9')) {
        const sb_symbol *s = sb_stemmer_stem(t->stemmer, (const sb_symbol *)folded, (int)len);
        if (s) {
            stem = (const char *)s;
            stem_len = (size_t)sb_stemmer_length(t->stemmer);
        }
    }
    int added;
    uint32_t id = cc_idmap_put(&t->stems, key_of(stem, stem_len), t->count, &added);
    t->count += (uint32_t)added;
    return id;
}

uint32_t cc_terms_id(cc_terms *t, const char *word, size_t len, int *stop)
{
    char folded[64];
    size_t n = fold(word, len, folded, sizeof folded);
    uint64_t key = key_of(folded, n);
    uint32_t found = cc_idmap_get(&t->spellings, key);
    if (found == UINT32_MAX) {
        int is_stop = t->stopwords && cc_lexset_find(t->stopwords, folded, n) != NULL;
        int added;
        found = cc_idmap_put(&t->spellings, key, stem_id(t, folded, n) << 1 | (uint32_t)is_stop, &added);
    }
    *stop = (int)(found & 1);
    return found >> 1;
}

uint32_t cc_terms_count(const cc_terms *t)
{
    return t->count;
}
