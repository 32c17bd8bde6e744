/* People, organisations and places, as the quote stage needs them: which mention covers a token, and
 * whether two names share a surname. A person mention's name is already the fullest the article gives. */
#ifndef CC_ENTITIES_H
#define CC_ENTITIES_H

#include "node.h"

/* Index of the mention whose span contains byte offset pos, or -1. Mentions are sorted by position. */
int32_t cc_mention_at(const cc_article *a, uint32_t pos);

/* Compares two names' surnames, ignoring case, possessives and "al-" prefixes. */
int cc_same_surname(cc_str x, cc_str y);

/* For the vocabulary's CC_W_NAME_BREAK bit (words.h): a capitalised spelling that a name never runs
 * through, a hyphenated modifier ("Russia-backed") or a contracted function word ("We're"); classes: the
 * spelling's other bits. */
int cc_name_break(const char *s, uint32_t n, unsigned classes);

#endif
