/* People, organisations and places, as the quote stage needs them: which mention covers a token, and
 * whether two names share a surname. A person mention's name is already the fullest the article gives. */
#ifndef CC_ENTITIES_H
#define CC_ENTITIES_H

#include "node.h"

CC_DEFINE_FIRST_ENDING_AFTER(cc_first_mention_ending_after, cc_mention, span.end)

/* The first mention that ends after byte pos (mentions.n when none). Mentions are disjoint and in order
 * (entities.c), so from it a walk over a phrase's tokens finds the mention of each without searching
 * again. */
static inline size_t cc_mention_from(const cc_article *a, uint32_t pos)
{
    return cc_first_mention_ending_after(a->mentions.v, a->mentions.n, pos);
}

/* Index of the mention whose span contains byte offset pos, or -1: the first to end after pos, if it
 * starts at or before it. */
static inline int32_t cc_mention_at(const cc_article *a, uint32_t pos)
{
    size_t k = cc_mention_from(a, pos);
    return k < a->mentions.n && a->mentions.v[k].span.start <= pos ? (int32_t)k : -1;
}

/* Compares two names' surnames, ignoring case, possessives and "al-" prefixes. */
int cc_same_surname(cc_str x, cc_str y);

/* For the vocabulary's CC_W_NAME_BREAK bit (words.h): a capitalised spelling that a name never runs
 * through, a hyphenated modifier ("Russia-backed") or a contracted function word ("We're"); classes: the
 * spelling's other bits. */
int cc_name_break(const char *s, uint32_t n, unsigned classes);

#endif
