/* Whether a sentence can be lifted out of its article into a summary: what a reader needs from the
 * sentences around it. */
#ifndef CC_STANDALONE_H
#define CC_STANDALONE_H

#include "node.h"

/* Not prose at all: a headline, sub-heading, photo caption, link, handle or a fragment that does not
 * start and end like a sentence. */
int cc_sentence_is_fragment(const cc_article *article, const cc_sentence *sentence);

/* Prose that points back: it opens with a pronoun or connective ("He said…", "However,…"), names its
 * speaker by a pronoun ("…," she added), ends a quotation begun before it, or opens one it neither closes
 * nor attributes. */
int cc_sentence_leans_back(const cc_article *article, const cc_sentence *sentence);

/* Where the sentence's own words start: after a dateline the cleaner left in ("FLORENCE, Italy, Feb. 25
 * (UPI) -- …"), else at its start. */
uint32_t cc_sentence_text_start(const cc_article *article, const cc_sentence *sentence);

/* Opens with a quotation mark. */
int cc_sentence_opens_quote(const cc_article *article, const cc_sentence *sentence);

#endif
