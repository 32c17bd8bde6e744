/* Internal to the claim extractor: the parts of a claim read from its sentence and article besides the
 * figure itself: on whose word (claim_source.c), where and when (claim_context.c). */
#ifndef CC_CLAIMS_INTERNAL_H
#define CC_CLAIMS_INTERNAL_H

#include "node.h"
#include "phrase.h"

static inline const cc_token *tok(const cc_article *a, size_t i)
{
    return &a->tokens.v[i];
}

/* cc_phrase_at for a lexicon whose first words have a class bit of their own (phrase.c's start groups):
 * a word without it starts no entry, so it is turned away here, without the call. */
static inline const cc_lexentry *cc_claim_phrase_at(const cc_lexset *set, unsigned bit, const cc_article *a,
                                                    size_t k, size_t end, int max, size_t *n)
{
    if (k < end && tok(a, k)->kind == CC_TOK_WORD && !(tok(a, k)->classes & bit)) {
        return NULL;
    }
    return cc_phrase_at(set, a, k, end, max, n);
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

/* A place phrase of a sentence: "eastern Aleppo", "four different neighbourhoods". */
typedef struct cc_place_phrase {
    size_t start, end; /* tokens */
    int named;         /* holds a proper name */
    int rank;          /* 2 an area, 1 a spot (place_nouns.txt), 0 a name alone */
} cc_place_phrase;

/* A time phrase of a sentence ("on Monday", "since November 15"), resolved to dates when it can be. */
typedef struct cc_time_phrase {
    size_t start, end;   /* tokens */
    cc_date_range range; /* 0 when unknown */
} cc_time_phrase;

/* A reporting verb of a sentence and its subject ("The UN said"); empty for a verb in -ing, whose subject
 * is read only when it is the verb after the figure. */
typedef struct cc_reporting_verb {
    size_t at; /* token */
    cc_str who;
    int ing;
    int known; /* who is read: a subject is read only when a figure asks for it */
} cc_reporting_verb;

/* Where a sentence's phrases stand in the memo, and what it says of a source. */
typedef struct cc_sentence_phrases {
    uint32_t places, times, verbs; /* index + 1 of the sentence's first of each kind; 0 until searched */
    uint32_t n_places, n_times, n_verbs;
    cc_str according; /* "according to X" */
    int blocked;      /* "reportedly": someone unnamed */
} cc_sentence_phrases;

/* What the claims of one article share, each part read once when first needed: the place and the country
 * the article names most often, and the place and time phrases of each sentence searched (a sentence often
 * holds several figures, a figure without a place searches the sentences before it, and one without a source
 * the sentence before). */
typedef struct cc_claim_memo {
    cc_str place, country;
    int known, country_known;
    CC_VEC(cc_place_phrase) places;
    CC_VEC(cc_time_phrase) times;
    CC_VEC(cc_reporting_verb) verbs;
    CC_VEC(cc_sentence_phrases) sentences; /* one per sentence of the article, once one is searched */
    CC_VEC(uint64_t) cleared;              /* a bit per sentence: its entry is cleared, when first asked for */
} cc_claim_memo;

void cc_claim_memo_free(cc_claim_memo *m);

/* Is the spelling a word after which a claim's place is read ("in", "near", "fled")? Asked once per spelling
 * by the vocabulary (CC_W_PLACE_PREP), so the scans for places test one class bit a token. */
int cc_claim_place_word(const char *s, size_t n);

/* May the capitalised spelling be the first token of a place of several tokens ("United" of "United
 * States", "St" of "St. Petersburg")? Asked once per spelling by the vocabulary (CC_W_PLACE_PHRASE_START), so the country
 * test joins and looks up the tokens after a capitalised word only when it may begin one. */
int cc_claim_place_phrase_start(const char *s, size_t n);

/* Is the spelling a month, a weekday ("Nov.", "Monday"), or a word a time phrase opens with ("since",
 * "on")? Asked once per spelling by the vocabulary (CC_W_TIME_WORD), so the time scan of a claim's sentence
 * and the tests for dates turn other words away by one class bit. */
int cc_claim_time_word(const char *s, size_t n);

/* Is the spelling a word the source scans read besides the reporting verbs ("according", "reportedly",
 * "allegedly", "put")? Asked once per spelling by the vocabulary (CC_W_SOURCE_CUE). */
int cc_claim_source_cue(const char *s, size_t n);

/* Sentence s's entry in the memo; the entries are made at the first search. */
cc_sentence_phrases *cc_claim_memo_sentence(cc_claim_memo *m, const cc_article *a, uint32_t s);

/* Who the article gives the figure at token t of sentence s on the word of: "according to X", "X said",
 * ", X reported", the speaker of the quotation holding it, or the reporting frame of its paragraph. Empty
 * when the article states it on its own authority. *in_quote is set when the figure is quoted. */
cc_str cc_claim_source(const cc_article *a, uint32_t s, size_t t, int *in_quote, cc_claim_memo *memo);

/* The place given for a figure spanning tokens [t0, t1] of sentence s ("eastern Aleppo", "four different
 * neighbourhoods"), or the nearest place named before it in its paragraph, or the article's main place;
 * for a national figure (national: a war's whole toll, millions displaced) the country the article names
 * most rather than the city it is about. */
cc_str cc_claim_where(const cc_article *a, uint32_t s, size_t t0, size_t t1, int national, cc_claim_memo *memo);

/* The time phrase nearest the figure in its sentence ("on Monday", "since November 15", "the last 27
 * days"), resolved against the publication date when the article has one. */
cc_str cc_claim_when(cc_article *a, uint32_t s, size_t t0, size_t t1, cc_date_range *resolved, cc_claim_memo *memo);

#endif
