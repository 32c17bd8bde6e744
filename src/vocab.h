/* The vocabulary: every distinct word spelling read so far, with what the stages ask about a word worked
 * out once per spelling instead of once per token and stage: its lexicon classes (words.h), whether it
 * is a common English word, its stem and whether it is a stop word. Segmentation copies a spelling's
 * record into each of its tokens (cc_token.classes, .term): one hash probe per word token in all, where
 * each stage used to fold, hash and probe the same word again, and the stages then read only the token.
 *
 * Process-wide, so that stem numbers from articles read by different threads compare. A generation
 * holds at most CC_VOCAB_FULL spellings; when it is full the next article starts a new one, so memory
 * stays flat on an endless stream. */
#ifndef CC_VOCAB_H
#define CC_VOCAB_H

#include <xxhash.h>

#include "bytes8.h"
#include "node.h"

/* A generation takes no new article past this many spellings (a table of 32 MB). */
enum { CC_VOCAB_FULL = 1 << 20 };

/* Fibonacci hashing: a bijection (an odd factor, then a rotation) that brings the product's top bits,
 * which depend on every byte, down to the low bits the table is indexed by. */
static inline uint64_t cc_vocab_mix(uint64_t x)
{
    x *= 0x9E3779B97F4A7C15ULL;
    return x >> 40 | x << 24;
}

/* A spelling's key in the vocabulary, never 0. Most words fit in eight bytes, and words hold no NUL, so
 * their bytes read as one number are the word: mixed, they hash without any collision. Longer words mix
 * two overlapping loads or go to XXH3. The text is padded with zeros (CC_TEXT_PADDING), so a load may run
 * past the word's end. */
static inline uint64_t cc_vocab_hash(const char *s, uint32_t len)
{
    uint64_t head = cc_load8(s);
    if (len <= 8) {
        return cc_vocab_mix(head & (~0ULL >> (64 - 8 * len))); /* never 0: the word is not */
    }
    uint64_t h = len <= 16 ? cc_mix64(head ^ cc_mix64(cc_load8(s + len - 8) + len)) : XXH3_64bits(s, len);
    return h ? h : 1;
}

/* Segmentation keeps a word or number token's key in the fields its record will fill (classes: the low
 * half, term: the high half), while the bytes are at hand; interning reads it back, so the tokens are
 * walked once more, not the text. */
static inline uint32_t cc_vocab_key_low(uint64_t key)
{
    return (uint32_t)key;
}

static inline uint32_t cc_vocab_key_high(uint64_t key)
{
    return (uint32_t)(key >> 32);
}

/* Sets the classes and term of each word and number token of a segmented article (whose keys
 * segmentation noted), and the generation their stem numbers belong to. Thread-safe. */
void cc_vocab_intern(cc_article *a);
/* Puts every article of a cluster in one generation, so that their stem numbers compare. */
void cc_vocab_unify(cc_article *const *articles, size_t n);

#endif
