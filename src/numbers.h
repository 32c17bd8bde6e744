/* Numbers as news writes them: digit literals ("100,000", "8.6", ".500"), number words ("twenty-eight",
 * "hundred", "dozen"), fractions ("thirds") and abbreviated scales ("bn", "25k"). Pure functions over
 * text; the lexicons behind them are data/number_words.txt, fractions.txt and number_suffixes.txt. */
#ifndef CC_NUMBERS_H
#define CC_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

typedef enum cc_numword_role {
    CC_NW_NONE,
    CC_NW_PLAIN,  /* one … nineteen: adds */
    CC_NW_TENS,   /* twenty … ninety: adds, may take a unit after it */
    CC_NW_SCALE,  /* hundred, thousand, million: multiplies */
    CC_NW_DOZEN   /* twelve of what comes before */
} cc_numword_role;

/* Digit literal at s: digits with thousands separators and one decimal point, or a leading point
 * (".500"). Returns the bytes read, 0 if s does not start with one. grouped: separators were used;
 * int_digits: digits before the point; decimals: digits after it. */
size_t cc_parse_digits(const char *s, size_t len, double *value, int *grouped, int *int_digits, int *decimals);

/* Number word and its role; CC_NW_NONE (value untouched) when the word is not one. */
cc_numword_role cc_number_word(const char *s, size_t len, double *value);
/* Denominator of a fraction word ("third" 3, "halves" 2), or 0. */
int cc_fraction_word(const char *s, size_t len);
/* Multiplier of a scale written after a figure ("bn", "m", "million", "lakh"), or 0. */
double cc_scale_suffix(const char *s, size_t len);

/* Builds the tables below (once; cheap to call again). */
void cc_numbers_init(void);

/* A one-hash Bloom filter over the words that can start a figure (number words, fractions, vague amounts),
 * keyed by length and five letters folded to lower case: constant time, where hashing every byte of
 * every word would cost as much as reading it. */
extern uint64_t cc_numword_bloom[1024];

static inline uint32_t cc_numword_hash(const char *s, size_t n)
{
    uint32_t h = (uint32_t)n * 0x9E3779B1u;
    h ^= ((unsigned char)s[0] | 0x20u) ^ (((unsigned char)s[1] | 0x20u) << 7) ^ (((unsigned char)s[2] | 0x20u) << 14) ^
         (((unsigned char)s[n - 2] | 0x20u) << 21) ^ (((unsigned char)s[n - 1] | 0x20u) << 25);
    h *= 0x85EBCA6Bu;
    return (h ^ (h >> 16)) & 0xFFFF;
}

/* Lengths of the first words of figures (and of "sixfold"), by their first two letters folded to lower case.
 * Exact where the filter below is not: a word it turns away can start no figure, so the amount scan calls
 * nothing for it. */
extern uint16_t cc_numword_lengths[1024];

static inline int cc_numword_prefix(const char *s, size_t len)
{
    if (len < 3 || len > 15) {
        return 0;
    }
    unsigned slot = (((unsigned char)s[0] | 0x20u) & 31u) << 5 | (((unsigned char)s[1] | 0x20u) & 31u);
    return (cc_numword_lengths[slot] >> len) & 1;
}

/* Cheap test on the hot path (after cc_numbers_init): may this word (a hyphenated word's first part) be a
 * number word, a fraction or a vague amount? False positives are fine, false negatives are not. */
static inline int cc_maybe_number_word(const char *s, size_t len)
{
    if (len < 3 || len > 12) {
        return 0; /* the longest number word is short ("seventeen", "thousands", "countless") */
    }
    uint32_t h = cc_numword_hash(s, len);
    if (cc_numword_bloom[h >> 6] & (1ull << (h & 63))) {
        return 1;
    }
    return len > 4 && s[len - 4] == 'f' && s[len - 3] == 'o' && s[len - 2] == 'l' && s[len - 1] == 'd'; /* sixfold */
}

#endif
