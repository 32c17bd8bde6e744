/* The spellings that may be the first token of a lexicon's keys of several tokens, by the hash of their
 * folded spelling, each with bits saying which lists its keys are in. Stages ask it once per spelling
 * (vocabulary learning) to set a class bit that turns a word away before any phrase is joined. Made once
 * per process, then only read; a hash collision only lets a word through to the lookup. */
#ifndef CC_FIRST_TOKENS_H
#define CC_FIRST_TOKENS_H

#include <stddef.h>
#include <stdint.h>

typedef struct cc_first_token {
    uint64_t hash; /* 0: empty */
    unsigned bits;
} cc_first_token;

typedef struct cc_first_tokens {
    cc_first_token *slots;
    size_t mask, count, longest;
} cc_first_tokens;

/* Adds bits to the folded spelling s (n bytes), which is the first token of some key. */
void cc_first_tokens_add(cc_first_tokens *set, const char *s, size_t n, unsigned bits);
/* The bits of a spelling as the text writes it (ASCII capitals are folded), 0 when it starts no key. */
unsigned cc_first_tokens_bits(const cc_first_tokens *set, const char *s, size_t n);

#endif
