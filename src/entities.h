/* People, organisations and places, as the quote stage needs them: which mention covers a token, and
 * the fullest name an article gives a person. */
#ifndef CC_ENTITIES_H
#define CC_ENTITIES_H

#include "node.h"

/* Index of the mention whose span contains byte offset pos, or -1. Mentions are sorted by position. */
int32_t cc_mention_at(const cc_article *a, uint32_t pos);

/* The fullest name of the person called `name` in this article ("Colville" -> "Rupert Colville"), or
 * `name` itself when the article gives no fuller one. */
cc_str cc_person_fullest(const cc_article *a, cc_str name);

/* Compares two names' surnames, ignoring case, possessives and "al-" prefixes. */
int cc_same_surname(cc_str x, cc_str y);

#endif
