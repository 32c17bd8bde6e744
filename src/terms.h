/* Stemmed term ids for comparing sentences: "Killed", "killing" and "kills" are one term, stop words
 * are marked, and every id is a small integer so callers can use dense arrays indexed by term. */
#ifndef CC_TERMS_H
#define CC_TERMS_H

#include <stddef.h>
#include <stdint.h>

/* A u64 -> u32 hash map (open addressing, grows); keys must not be 0. */
typedef struct cc_idmap {
    uint64_t *keys;
    uint32_t *values;
    size_t n, cap;
} cc_idmap;

/* The slot value for key, inserting value when absent; *added tells which happened. */
uint32_t cc_idmap_put(cc_idmap *m, uint64_t key, uint32_t value, int *added);
/* UINT32_MAX when absent. */
uint32_t cc_idmap_get(const cc_idmap *m, uint64_t key);
void cc_idmap_free(cc_idmap *m);

typedef struct cc_terms cc_terms;

cc_terms *cc_terms_new(void);
void cc_terms_free(cc_terms *t);
/* The id of the word's stem (Snowball English, case folded, ’ read as '); *stop is set for stop words
 * (data/stopwords.txt). Numbers are their own terms, unstemmed. */
uint32_t cc_terms_id(cc_terms *t, const char *word, size_t len, int *stop);
/* One more than the largest id handed out so far. */
uint32_t cc_terms_count(const cc_terms *t);

#endif
