/* The vocabulary: every distinct word spelling read so far, with what the stages ask about a word worked
 * out once per spelling instead of once per token and stage: its lexicon classes (words.h), whether it
 * is a common English word, its stem and whether it is a stop word. Segmentation gives each word and
 * number token the id of its spelling (cc_token.type), and the stages then read that record: one hash
 * probe per token in all, where each stage used to fold, hash and probe the same word again.
 *
 * Process-wide, so that ids (and stem numbers) from articles read by different threads compare. A
 * generation holds at most MAX_TYPES spellings; when it is full the next article starts a new one, and
 * the old one is freed with the last article that uses it, so memory stays flat on an endless stream. */
#ifndef CC_VOCAB_H
#define CC_VOCAB_H

#include <stdint.h>

#include "node.h"

enum {
    CC_VOCAB_CHUNK_BITS = 14,
    /* A generation takes no new article past this many spellings (~50 MB)... */
    CC_VOCAB_FULL = 1 << 20,
    /* ...but grows to this within one: enough for any article's distinct spellings (ingest.h) */
    CC_VOCAB_MAX_TYPES = 1 << 25
};

typedef struct cc_wordtype {
    uint32_t classes; /* cc_word_class bits of the spelling without its possessive, and CC_W_COMMON */
    uint32_t term;    /* stem number << 1, | 1 for a stop word */
} cc_wordtype;

/* One generation. Records sit in chunks that never move, so readers need no lock; the rest is the
 * interning state, touched only under the vocabulary's lock. */
struct cc_vocab {
    cc_wordtype *types[CC_VOCAB_MAX_TYPES >> CC_VOCAB_CHUNK_BITS];
    struct cc_vocab_index *index;
};

/* Gives each word and number token of a segmented article the id of its spelling, and pins the
 * vocabulary generation those ids belong to in a->vocab. Thread-safe. */
void cc_vocab_intern(cc_article *a);
/* Unpins the article's generation (freeing it when it was the last user and is no longer current). */
void cc_vocab_release(cc_article *a);
/* Puts every article of a cluster in one generation, so that their stem numbers compare. */
void cc_vocab_unify(cc_article *const *articles, size_t n);
/* The record of token i of an interned article (a zero record for punctuation and quote marks). */
static inline const cc_wordtype *cc_vocab_type_of(const cc_article *a, uint32_t i)
{
    uint32_t id = a->tokens.v[i].type;
    return &a->vocab->types[id >> CC_VOCAB_CHUNK_BITS][id & ((1u << CC_VOCAB_CHUNK_BITS) - 1)];
}

#endif
