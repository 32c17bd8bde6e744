/* Numbers as news writes them: digit literals ("100,000", "8.6", ".500"), number words ("twenty-eight",
 * "hundred", "dozen"), fractions ("thirds") and abbreviated scales ("bn", "25k"). Pure functions over
 * text; the lexicons behind them are data/number_words.txt, fractions.txt and number_suffixes.txt. */
#ifndef CC_NUMBERS_H
#define CC_NUMBERS_H

#include <stddef.h>

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

/* Cheap test on the hot path: may this word (or the part before its first hyphen) be a number word, a
 * fraction or a vague amount? False positives are fine, false negatives are not. */
int cc_maybe_number_word(const char *s, size_t len);

#endif
