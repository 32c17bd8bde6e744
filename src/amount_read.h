/* Internal to the amount extractor: reading one figure at a trigger token ("100,000", "1.5 million",
 * "twenty-eight thousand", "two-thirds", "tens of thousands", "RM3.06mil", "minus-5"), before its context
 * (qualifier, unit, range) is read by amounts.c. */
#ifndef CC_AMOUNT_READ_H
#define CC_AMOUNT_READ_H

#include <string.h>
#include <strings.h>

#include "node.h"
#include "phrase.h" /* cc_same_folded, cc_phrase_at */
#include "words.h"  /* CC_W_FIGURE_START */

typedef struct amount_ctx {
    cc_article *a;
    const char *text;
    const cc_token *tok;
    size_t first, end;     /* the sentence's tokens */
    uint32_t sentence;
    int heading;           /* title or heading: capitalised words are not names there */
    size_t skipped_last;   /* last token of the last figure skipped as a year, date or label */
    size_t last_right;     /* last token of the last amount recorded in the sentence, and its qualifier */
    uint8_t last_qualifier, last_change;
    size_t unit_token;     /* the token the units lexicon was last asked about (amounts.c's unit_at) */
    const cc_lexentry *unit;
    size_t unit_tokens;
} amount_ctx;

typedef struct figure {
    double value;
    double scale;          /* what a scale word or suffix multiplied by; 1 for none */
    size_t first, last;    /* tokens, inclusive */
    uint8_t words;         /* written in words */
    uint8_t grouped;       /* thousands separators */
    uint8_t int_digits, decimals;
    uint8_t scaled, fraction, vague, negative;
    uint8_t nonquantity;   /* an ordinal, decade or clock time: read only to be skipped */
    uint8_t ambiguous_m;   /* a glued "m": million or metres, decided by what follows */
    uint8_t qualifier;     /* from a joined prefix: "sub-300" */
    double vague_low;      /* vague amounts: lower bound of the range, 0 for none */
    cc_str vague_name;
    cc_str unit;           /* glued after the digits ("GB"), or the currency glued before ("RM") */
    cc_str ambiguous_m_str;
    const char *kind;      /* when the figure itself fixes it: money, multiple */
} figure;

/* A currency code glued to digits, by its shape: "RM79", "US55", "EUR50m". */
static inline int amt_glued_digits(const char *w, size_t n)
{
    return n >= 2 && ((w[1] >= '0' && w[1] <= '9') || (n > 2 && w[2] >= '0' && w[2] <= '9') ||
                      (n > 3 && w[3] >= '0' && w[3] <= '9'));
}

/* Bit b set: an entry of a lexicon read through amt_phrase_at begins with the ASCII byte b ("%", "$", "~");
 * a new lexicon asked so joins amount_read.c's list. Made by amt_init. */
extern uint64_t amt_punct_starts[2];
/* The figure readers' once-only set-up; before any other call here. */
void amt_init(void);

/* Might token i start a figure? Cheap: digits, number words, vague amounts, "RM79", "minus-5". */
int amt_is_trigger(const amount_ctx *c, size_t i);
/* Might a token spelled so start a figure, whatever its kind and flags (a superset of amt_is_trigger)?
 * For the vocabulary's CC_W_FIGURE_TRIGGER bit (words.h); after cc_numbers_init. */
int amt_spelling_may_trigger(const char *s, size_t n);
/* Reads the figure starting at token i; 0 when there is none. */
int amt_read_figure(const amount_ctx *c, size_t i, figure *f);
/* Token i is a word like "to-260" that ends a range ("200,000 to-260,000"). */
int amt_word_prefix_range(const amount_ctx *c, size_t i);
/* Reads a figure and its context at token i, records it when it is a quantity; returns the next token. */
size_t amt_read_amount(amount_ctx *c, size_t i);

static inline int amt_in(const amount_ctx *c, size_t i)
{
    return i >= c->first && i < c->end;
}

/* Token i starts where token i-1 ends. */
static inline int amt_touches(const amount_ctx *c, size_t i)
{
    return i > 0 && c->tok[i].start == c->tok[i - 1].end;
}

static inline int amt_is(const amount_ctx *c, size_t i, const char *s)
{
    size_t n = strlen(s);
    return amt_in(c, i) && c->tok[i].end - c->tok[i].start == n && memcmp(c->text + c->tok[i].start, s, n) == 0;
}

static inline int amt_punct(const amount_ctx *c, size_t i, char ch)
{
    return amt_in(c, i) && c->tok[i].kind == CC_TOK_PUNCT && c->tok[i].end - c->tok[i].start == 1 &&
           c->text[c->tok[i].start] == ch;
}

static inline int amt_word(const amount_ctx *c, size_t i, const char *w)
{
    size_t n = strlen(w);
    return amt_in(c, i) && c->tok[i].kind == CC_TOK_WORD && c->tok[i].end - c->tok[i].start == n &&
           cc_same_folded(c->text + c->tok[i].start, w, n);
}

/* cc_phrase_at for a lexicon read around a figure (phrase.c's CC_W_FIGURE_START group: qualifiers, units,
 * currencies, people nouns, vague amounts…): a word token without that class bit starts none of their
 * entries, so it is turned away here, without the call (most tokens next to a figure are such words). */
static inline const cc_lexentry *amt_phrase_at(const amount_ctx *c, const cc_lexset *set, size_t j, int max,
                                               size_t *n)
{
    if (j >= c->end || (c->tok[j].kind == CC_TOK_WORD && !(c->tok[j].classes & CC_W_FIGURE_START))) {
        return NULL;
    }
    /* nor does a comma or a full stop, the most common tokens after a figure */
    unsigned char b = (unsigned char)c->text[c->tok[j].start];
    if (c->tok[j].kind == CC_TOK_PUNCT && b < 128 && !((amt_punct_starts[b >> 6] >> (b & 63)) & 1)) {
        return NULL;
    }
    return cc_phrase_at(set, c->a, j, c->end, max, n);
}

/* A hyphen or en dash. */
static inline int amt_dash(const amount_ctx *c, size_t i)
{
    return amt_punct(c, i, '-') || amt_is(c, i, "\xe2\x80\x93");
}

#endif
