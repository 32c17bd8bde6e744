/* Internal to the claim extractor: the parts of a claim read from its sentence and article besides the
 * figure itself: on whose word (claim_source.c), where and when (claim_context.c). */
#ifndef CC_CLAIMS_INTERNAL_H
#define CC_CLAIMS_INTERNAL_H

#include "node.h"

static inline const cc_token *tok(const cc_article *a, size_t i)
{
    return &a->tokens.v[i];
}

/* The text of tokens [from, to), empty when there are none. */
static inline cc_str span(const cc_article *a, size_t from, size_t to)
{
    return to > from ? cc_str_of(a->text + tok(a, from)->start, tok(a, to - 1)->end - tok(a, from)->start)
                     : cc_str_of("", 0);
}

/* Tokens of sentence s: [first, end). */
static inline size_t cc_sent_first(const cc_article *a, uint32_t s)
{
    return a->sentences.v[s].tok_first;
}

static inline size_t cc_sent_end(const cc_article *a, uint32_t s)
{
    return a->sentences.v[s].tok_first + a->sentences.v[s].tok_count;
}

/* Who the article gives the figure at token t of sentence s on the word of: "according to X", "X said",
 * ", X reported", the speaker of the quotation holding it, or the reporting frame of its paragraph. Empty
 * when the article states it on its own authority. *in_quote is set when the figure is quoted. */
cc_str cc_claim_source(const cc_article *a, uint32_t s, size_t t, int *in_quote);

/* The place the article names most often, and the country it names most often, each found once per
 * article when first needed. */
typedef struct cc_main_place {
    cc_str place, country;
    int known, country_known;
} cc_main_place;

/* The place given for a figure spanning tokens [t0, t1] of sentence s ("eastern Aleppo", "four different
 * neighbourhoods"), or the nearest place named before it in its paragraph, or the article's main place;
 * for a national figure (national: a war's whole toll, millions displaced) the country the article names
 * most rather than the city it is about. */
cc_str cc_claim_where(const cc_article *a, uint32_t s, size_t t0, size_t t1, int national, cc_main_place *main_place);

/* The time phrase nearest the figure in its sentence ("on Monday", "since November 15", "the last 27
 * days"), resolved against the publication date when the article has one. */
cc_str cc_claim_when(cc_article *a, uint32_t s, size_t t0, size_t t1, cc_date_range *resolved);

#endif
