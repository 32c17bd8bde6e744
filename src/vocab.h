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

#include "node.h"

/* A generation takes no new article past this many spellings (a table of 32 MB). */
enum { CC_VOCAB_FULL = 1 << 20 };

/* Sets the classes and term of each word and number token of a segmented article, and the generation
 * their stem numbers belong to. Thread-safe. */
void cc_vocab_intern(cc_article *a);
/* Puts every article of a cluster in one generation, so that their stem numbers compare. */
void cc_vocab_unify(cc_article *const *articles, size_t n);

#endif
