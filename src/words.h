/* Small word-level questions the quote and entity stages both ask about tokens: is this token a given
 * word, in a given lexicon, a name-like capitalised word? Inline and allocation-free: they run on the
 * hot path, but only where a trigger (a quote mark, a capitalised word) already is. */
#ifndef CC_WORDS_H
#define CC_WORDS_H

#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "node.h"
#include "phrase.h" /* cc_tok_is */

/* The lexicons both stages read, loaded once. */
typedef struct cc_wordlists {
    const cc_lexset *verbs, *titles, *org_words, *orgs, *places, *not_names, *demonyms, *function_words,
        *starters, *place_words, *common, *attributing;
} cc_wordlists;

const cc_wordlists *cc_words(void);

static inline const cc_token *cc_tok(const cc_article *a, uint32_t i)
{
    return &a->tokens.v[i];
}

static inline uint32_t cc_tok_len(const cc_article *a, uint32_t i)
{
    return a->tokens.v[i].end - a->tokens.v[i].start;
}

static inline const char *cc_tok_text(const cc_article *a, uint32_t i)
{
    return a->text + a->tokens.v[i].start;
}

/* A dash between words: "-", "--", an en or em dash. */
static inline int cc_tok_dash(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    const char *p = a->text + t->start;
    uint32_t n = t->end - t->start;
    return t->kind == CC_TOK_PUNCT && ((n <= 2 && p[0] == '-' && p[n - 1] == '-') ||
                                       (n == 3 && !memcmp(p, "\xE2\x80", 2) && (p[2] == '\x94' || p[2] == '\x93')));
}

static inline int cc_tok_punct(const cc_article *a, uint32_t i, char c)
{
    const cc_token *t = cc_tok(a, i);
    return t->kind == CC_TOK_PUNCT && t->end - t->start == 1 && a->text[t->start] == c;
}

/* The class bits of a spelling, as the vocabulary keeps them (vocab.h). */
enum cc_word_class {
    CC_W_TITLE = 1 << 0,      /* role word: "spokesman", "President" */
    CC_W_HONORIFIC = 1 << 1,  /* courtesy title: "Mr", "Dr" */
    CC_W_ORG_HEAD = 1 << 2,   /* "Council", "Ministry" */
    CC_W_DOMAIN = 1 << 3,     /* ends a role's domain: "Rights", "Affairs" */
    CC_W_ORG = 1 << 4,        /* a one-word organisation: "Hezbollah" */
    CC_W_PLACE = 1 << 5,
    CC_W_NOT_NAME = 1 << 6,   /* "Tuesday", "GMT" */
    CC_W_DEMONYM = 1 << 7,
    CC_W_FUNCTION = 1 << 8,
    CC_W_STARTER = 1 << 9,
    CC_W_VERB = 1 << 10,      /* reporting verb */
    CC_W_PARTICLE = 1 << 11,  /* inside names: bin, de, van (lower case) */
    CC_W_LOCATIVE = 1 << 12,  /* before a place: in, near, eastern, province */
    CC_W_PLACE_HEAD = 1 << 13, /* first word of a several-word place ("New" of "New York") */
    CC_W_ORG_PHRASE_HEAD = 1 << 14, /* first word of a several-word organisation ("Red" of "Red Cross") */
    CC_W_PLACE_WORD = 1 << 15, /* head of a place name: "Avenue", "River", "Airport" */
    CC_W_ATTRIBUTING = 1 << 16, /* attributes a figure beyond speech: "reported", "counted", "cited" */
    CC_W_COMMON = 1 << 17,    /* an ordinary English word (Debian's word list) */
    /* the amount scanner's cheap tests (numbers.h, amount_read.h), answered once per spelling */
    CC_W_NUMBER_START = 1 << 18, /* has the first letters and length of a figure's first word */
    CC_W_NUMBER_LIKE = 1 << 19,  /* may be a number word, fraction or vague amount */
    CC_W_GLUED_DIGITS = 1 << 20, /* digits within its first four bytes: "RM79", "US55" */
    /* may be the first token of a lexicon entry, so phrase lookups (phrase.h) turn other words away */
    CC_W_PREDICATE_START = 1 << 21, /* of a casualty predicate: "killed", "shot" of "shot dead" */
    CC_W_FIGURE_START = 1 << 22,    /* of a lexicon read around a figure: "more" of "more than", "per" */
    CC_W_TIME_START = 1 << 23,      /* of a time phrase (time_words): "last" of "last week" */
    CC_W_STOP_START = 1 << 24,      /* of a stop word (stop_words): "the", "according" */
    /* may start a figure as a token of any kind and case (amount_read.h): digits, number words, "RM79",
     * "minus-5"; the amount scan turns other tokens away by this one bit */
    CC_W_FIGURE_TRIGGER = 1 << 25,
    CC_W_PLACE_PREP = 1 << 26,      /* a place may follow in a claim's sentence: "in", "near", "fled" (claims) */
    CC_W_PLACE_PHRASE_START = 1 << 27, /* capitalised, may begin a place of several tokens: "United" (claims) */
    CC_W_TIME_WORD = 1 << 28,       /* a month, a weekday, or a word a time phrase opens with: "since" (claims) */
    CC_W_SOURCE_CUE = 1 << 29,      /* "according", "reportedly", "put": read by the claims' source scans */
    CC_W_NAME_BREAK = 1 << 30       /* a capitalised word no name runs through (entities.h cc_name_break) */
};

/* The cc_word_class bits (but CC_W_COMMON) of a spelling, from every one-word entry of the lexicons
 * above, gathered in one table so that a word costs one lookup for all of them. */
unsigned cc_word_classes(const char *s, size_t n);

/* The cc_word_class bits of token i (possessive ignored: "Russia's" is a place); 0 for no word. */
static inline unsigned cc_tok_class(const cc_article *a, uint32_t i)
{
    return i < a->tokens.n && a->tokens.v[i].kind == CC_TOK_WORD ? a->tokens.v[i].classes : 0;
}

/* A capitalised word that is an ordinary English word and no name ("Follow", "Guide"). */
static inline int cc_tok_common_word(const cc_article *a, uint32_t i)
{
    return (cc_tok_class(a, i) & CC_W_COMMON) != 0;
}

/* Lexicon lookup of a token, ignoring a trailing possessive ("Russia's" finds "russia"). */
const cc_lexentry *cc_tok_find(const cc_article *a, uint32_t i, const cc_lexset *set);

/* Length of a word without a possessive "'s" / "’s" / "s'" ending. */
uint32_t cc_possessive_stem_len(const char *s, uint32_t n);
/* Inline, the last byte rules out most words before the call: every ending above ends in s or '. */
static inline uint32_t cc_tok_stem_len(const cc_article *a, uint32_t i)
{
    uint32_t n = cc_tok_len(a, i);
    char last = cc_tok_text(a, i)[n - 1];
    return last == 's' || last == '\'' ? cc_possessive_stem_len(cc_tok_text(a, i), n) : n;
}

static inline int cc_tok_possessive(const cc_article *a, uint32_t i)
{
    return cc_tok_stem_len(a, i) != cc_tok_len(a, i);
}

CC_DEFINE_FIRST_ENDING_AFTER(cc_first_token_ending_after, cc_token, end)

/* The first token that ends after byte offset pos (the quote stage asks for the first token of every
 * person mentioned). */
static inline uint32_t cc_token_at(const cc_article *a, uint32_t pos)
{
    return (uint32_t)cc_first_token_ending_after(a->tokens.v, a->tokens.n, pos);
}

/* A capitalised word (or an all-capitals acronym) that could be part of a name. */
static inline int cc_tok_cap(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    return t->kind == CC_TOK_WORD && (t->flags & (CC_TF_CAP | CC_TF_ALLCAPS));
}

static inline int cc_tok_has(const cc_article *a, uint32_t i, unsigned cls)
{
    return (cc_tok_class(a, i) & cls) != 0;
}

/* A lower-case name particle that sits inside names: al-Assad, bin, de Mistura, van. */
int cc_tok_particle(const cc_article *a, uint32_t i);

/* he, she, it, they, we, I (and their capitalised forms). */
int cc_is_pronoun(const cc_article *a, uint32_t i);

int cc_tok_reporting_verb_slow(const cc_article *a, uint32_t i, uint32_t lo);

/* Reporting verb ("said", "told", "tweeted"); plural-looking forms that are also nouns ("reports",
 * "claims") count only after a name or pronoun. Inline, the test that turns away almost every token:
 * not a word, capitalised inside a sentence, or neither in the verb list nor shaped like "put", "shot",
 * "went" (of "put it", "shot back", "went on": three or four letters, p, s or w first, t last; "was",
 * "with" and "were" are turned away here). */
static inline int cc_tok_reporting_verb(const cc_article *a, uint32_t i, uint32_t lo)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_WORD || (t->flags & CC_TF_CAP && !(t->flags & CC_TF_SENT_START))) {
        return 0;
    }
    if (!(t->classes & CC_W_VERB)) {
        uint32_t len = t->end - t->start;
        char first = (char)(a->text[t->start] | 0x20), last = (char)(a->text[t->end - 1] | 0x20);
        if (len < 3 || len > 4 || last != 't' || (first != 'p' && first != 's' && first != 'w')) {
            return 0;
        }
    }
    return cc_tok_reporting_verb_slow(a, i, lo);
}

#endif
