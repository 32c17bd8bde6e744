/* Knowledge as data: lexicons are plain text under data/, one entry a line, "#" comments, an optional
 * value after a TAB. tools/lexgen.c turns them into ready hash tables at build time, so they cost the
 * program nothing at start-up. */
#ifndef CC_LEXICON_H
#define CC_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct cc_lexentry {
    const char *key;     /* lower-cased (ASCII) phrase, words separated by one space */
    uint32_t key_len;
    const char *value;   /* text after the TAB, or "" */
    uint32_t value_len;
    uint8_t words;       /* number of words in key */
} cc_lexentry;

typedef struct cc_lexset cc_lexset;

/* The set for data/NAME.txt; NULL when no such lexicon exists. */
const cc_lexset *cc_lexset_get(const char *name);
/* Case-insensitive (ASCII) exact lookup of a phrase. */
const cc_lexentry *cc_lexset_find(const cc_lexset *set, const char *s, size_t len);
/* The same, when only whether it is there matters: cheaper for a large list. */
int cc_lexset_has(const cc_lexset *set, const char *s, size_t len);
/* Whether some entry's first word is this word: lets a scan for multi-word phrases stop after one
 * lookup at most positions. */
int cc_lexset_starts_entry(const cc_lexset *set, const char *word, size_t len);
/* Longest entry, in words, so callers know how far to look ahead for multi-word phrases. */
int cc_lexset_max_words(const cc_lexset *set);
size_t cc_lexset_size(const cc_lexset *set);
const cc_lexentry *cc_lexset_entry(const cc_lexset *set, size_t i);

#endif
