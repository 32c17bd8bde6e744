/* Lexicon phrases over tokens: the stages look up multi-token phrases ("more than", "per cent",
 * "km/h", "according to") at a trigger, forwards or backwards. Tokens that touch in the text are
 * joined without a space, others with one, so keys are written as the text writes them. */
#ifndef CC_PHRASE_H
#define CC_PHRASE_H

#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "node.h"

/* Longest entry of set made of tokens [i, i+k) with k <= max_tokens and i+k <= end; sets *ntok. */
const cc_lexentry *cc_phrase_at(const cc_lexset *set, const cc_article *a, size_t i, size_t end, int max_tokens,
                                size_t *ntok);
/* Longest entry made of tokens [i-k, i) with i-k >= first; sets *ntok. */
const cc_lexentry *cc_phrase_before(const cc_lexset *set, const cc_article *a, size_t first, size_t i,
                                    int max_tokens, size_t *ntok);
/* The CC_W_*_START class bits (words.h) of a spelling: the lexicons it may begin an entry of as a word
 * token, so that a lookup turns away most words by their token alone. For the vocabulary (vocab.c). */
unsigned cc_phrase_start_classes(const char *s, size_t len);
static inline char cc_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}
/* The n bytes at s and at word are equal but for ASCII case: strncasecmp without the library call, which
 * for the few bytes of a word costs more than the comparison. */
static inline int cc_same_folded(const char *s, const char *word, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (cc_ascii_lower(s[k]) != cc_ascii_lower(word[k])) {
            return 0;
        }
    }
    return 1;
}
/* The n bytes at s spell one of words (lower case; NULL ends the list), ignoring ASCII case. Most words
 * differ at their first letter, which is compared before any length is measured. */
static inline int cc_same_folded_any(const char *s, size_t n, const char *const *words)
{
    for (; n && *words; words++) {
        if ((*words)[0] == cc_ascii_lower(s[0]) && strlen(*words) == n && cc_same_folded(s, *words, n)) {
            return 1;
        }
    }
    return 0;
}
/* Token i spells word (ASCII case-insensitive). Inline, so the length of a literal folds away and most
 * calls end at the length or first-letter test. */
static inline int cc_tok_is(const cc_article *a, size_t i, const char *word)
{
    size_t n = strlen(word);
    if (i >= a->tokens.n || a->tokens.v[i].end - a->tokens.v[i].start != n) {
        return 0;
    }
    return cc_same_folded(a->text + a->tokens.v[i].start, word, n);
}
/* Token i spells one of the n words. The words' lengths are not known at compile time here, so each is
 * measured only when its first letter matches. */
static inline int cc_tok_is_any(const cc_article *a, size_t i, const char *const *words, size_t n)
{
    if (i >= a->tokens.n) {
        return 0;
    }
    const char *t = a->text + a->tokens.v[i].start;
    size_t len = a->tokens.v[i].end - a->tokens.v[i].start;
    for (size_t k = 0; k < n; k++) {
        if ((t[0] | 0x20) == (words[k][0] | 0x20) && strlen(words[k]) == len && cc_same_folded(t, words[k], len)) {
            return 1;
        }
    }
    return 0;
}
#define CC_COUNT(array) (sizeof(array) / sizeof *(array))
/* Token i's text. */
static inline cc_str cc_tok_str(const cc_article *a, size_t i)
{
    return cc_str_of(a->text + a->tokens.v[i].start, a->tokens.v[i].end - a->tokens.v[i].start);
}

#endif
