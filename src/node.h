/* The one document model every stage reads and extends. Everything an extraction reports points back
 * into its article's text by byte span, so any output can be traced and highlighted. */
#ifndef CC_NODE_H
#define CC_NODE_H

#include <stdint.h>
#include <stddef.h>
#include "crosscheck.h"
#include "arena.h"
#include "vec.h"

/* A string view: either into an article's text or into an arena. Never owned. */
typedef struct cc_str {
    const char *p;
    uint32_t len;
} cc_str;

typedef struct cc_span {
    uint32_t start, end; /* byte offsets into the article text, end exclusive */
} cc_span;

/* ---- segmentation ---- */

typedef enum cc_token_kind {
    CC_TOK_WORD,    /* letters, with inner apostrophes/hyphens/periods (U.S., Ra'ad, Ki-moon) */
    CC_TOK_NUMBER,  /* digits with separators and decimals (100,000  8.6  1700) */
    CC_TOK_PUNCT,   /* any other non-space character: . , ; : ( ) - – — … */
    CC_TOK_QUOTE    /* a quotation mark: " “ ” ' ‘ ’ « » when not an apostrophe */
} cc_token_kind;

enum cc_token_flags {
    CC_TF_CAP = 1 << 0,      /* starts with an upper-case letter */
    CC_TF_ALLCAPS = 1 << 1,  /* every letter upper-case (UN, GMT) */
    CC_TF_ABBREV = 1 << 2,   /* ends with a period that belongs to it (Dr. U.S. Jan.) */
    CC_TF_QOPEN = 1 << 3,    /* quote mark that opens (by shape or by context) */
    CC_TF_QCLOSE = 1 << 4,   /* quote mark that closes */
    CC_TF_SENT_START = 1 << 5,
    CC_TF_NONASCII = 1 << 6,
    CC_TF_HYPHEN = 1 << 7    /* word contains a hyphen (Ki-moon, well-known) */
};

typedef struct cc_token {
    uint32_t start, end;
    uint8_t kind;   /* cc_token_kind */
    uint8_t flags;  /* cc_token_flags */
    /* words and numbers, from the vocabulary (vocab.h): */
    uint32_t classes; /* cc_word_class bits (words.h) */
    uint32_t term;    /* stem number << 1, | 1 for a stop word */
} cc_token;

typedef struct cc_sentence {
    uint32_t start, end;
    uint32_t tok_first, tok_count;
    uint32_t para;
} cc_sentence;

enum cc_paragraph_flags {
    CC_PF_TITLE = 1 << 0,    /* the headline */
    CC_PF_HEADING = 1 << 1   /* a sub-heading or standfirst line without sentence punctuation */
};

typedef struct cc_paragraph {
    uint32_t start, end;
    uint32_t sent_first, sent_count;
    uint32_t flags;          /* cc_paragraph_flags */
} cc_paragraph;

/* ---- extraction ---- */

typedef enum cc_qualifier {
    CC_Q_EXACT, CC_Q_APPROX, CC_Q_AT_LEAST, CC_Q_MORE_THAN, CC_Q_NEARLY, CC_Q_UP_TO,
    CC_Q_LESS_THAN, CC_Q_VAGUE
} cc_qualifier;

typedef enum cc_change { CC_CHANGE_NONE, CC_CHANGE_UP, CC_CHANGE_DOWN } cc_change;

/* Every quantity in the text, people or not. */
typedef struct cc_amount {
    cc_span span;        /* the whole quantity phrase, qualifier included */
    double value;        /* when !is_range and !vague */
    double low, high;    /* when is_range */
    uint8_t is_range;
    uint8_t has_value;   /* 0 for vague amounts */
    uint8_t qualifier;   /* cc_qualifier */
    uint8_t change;      /* cc_change */
    cc_str vague;        /* normalised vague amount ("dozens"), or empty */
    cc_str unit;         /* unit or thing counted ("%", "$", "km2", "airstrikes", "people") */
    cc_str kind;         /* what sort of number: count, money, percent, year, date, time, duration,
                            ordinal, age, measure … */
    uint32_t sentence;
} cc_amount;

typedef enum cc_category {
    CC_CAT_KILLED, CC_CAT_INJURED, CC_CAT_TRAPPED, CC_CAT_DISPLACED, CC_CAT_DETAINED,
    CC_CAT_MISSING, CC_CAT_OTHER
} cc_category;

enum cc_claim_flags {
    CC_CF_HYPOTHETICAL = 1 << 0,
    CC_CF_NEGATED = 1 << 1,
    CC_CF_IN_QUOTE = 1 << 2
};

/* A calendar date or range resolved from a time phrase; 0 fields mean unknown. */
typedef struct cc_date_range {
    int16_t y0; int8_t m0, d0;
    int16_t y1; int8_t m1, d1;
} cc_date_range;

/* A figure about people, with what happened to them and on whose word. */
typedef struct cc_claim {
    cc_span span;
    uint32_t amount;     /* index into the article's amounts */
    uint32_t sentence;
    uint8_t category;    /* cc_category */
    uint8_t flags;       /* cc_claim_flags */
    cc_str who, where, when, source;
    cc_date_range when_resolved;
    int32_t group;       /* cross-article group index, -1 until crosscheck */
} cc_claim;

typedef struct cc_quote {
    cc_span span;        /* the quoted words, without the quote marks (the first piece, when interrupted) */
    uint32_t sentence;
    uint8_t partial;
    cc_str speaker;      /* fullest name the article gives, or empty for none */
    cc_str role;         /* "UN High Commissioner for Human Rights", or empty */
    int32_t merged;      /* cross-article merged-quote index, -1 until crosscheck */
    cc_str text;         /* with whole utterances asked for, an utterance interrupted by its attribution
                            ("X," he said, "Y"), its pieces joined (article arena); else empty */
    uint8_t continues;   /* carries on the utterance of the quote before it, past its attribution */
} cc_quote;

typedef enum cc_entity_type { CC_ENT_PERSON, CC_ENT_ORG, CC_ENT_PLACE } cc_entity_type;

typedef struct cc_mention {
    cc_span span;
    uint32_t sentence;
    uint8_t type;        /* cc_entity_type */
    int32_t entity;      /* index into the cluster's entities */
    cc_str name;         /* canonical name within the article ("Rupert Colville" for "Colville") */
} cc_mention;

typedef struct cc_entity {
    cc_str name;         /* canonical name */
    uint8_t type;
    uint32_t mentions;   /* across the cluster */
    uint32_t articles;   /* how many articles mention it */
} cc_entity;

#define CC_TEXT_PADDING 32

typedef struct cc_article {
    char *id;
    cc_str title, url, source, published; /* as given or as found in the text */
    int16_t pub_year; int8_t pub_month, pub_day; /* 0 when unknown */
    char *text;          /* owned, followed by CC_TEXT_PADDING zero bytes */
    uint32_t len;
    cc_span title_span, dateline_span;  /* {0,0} when absent */
    CC_VEC(cc_span) furniture;          /* page furniture kept out of the analysis, sorted */
    CC_VEC(cc_span) headings;           /* sub-headings: analysed, but not summary material */
    CC_VEC(cc_paragraph) paragraphs;
    CC_VEC(cc_sentence) sentences;
    CC_VEC(cc_token) tokens;
    CC_VEC(cc_amount) amounts;
    CC_VEC(cc_claim) claims;
    CC_VEC(cc_quote) quotes;
    CC_VEC(cc_mention) mentions;
    cc_arena arena;      /* strings made by extraction (normalised names, labels) */
    uint64_t vocab_generation; /* of the tokens' stem numbers */
} cc_article;

/* ---- cross-checking ---- */

typedef enum cc_verdict { CC_VERDICT_SINGLE, CC_VERDICT_AGREE, CC_VERDICT_WITHIN_RANGE, CC_VERDICT_CONFLICT } cc_verdict;

typedef struct cc_claim_ref {
    uint32_t article, claim;
    double low, high;    /* what the figure asserts about the group's quantity (high may be INFINITY) */
    double figure_low, figure_high; /* the figure as stated: a number, a range, a vague amount's bounds */
    int32_t repeat_of;   /* member index whose original source this repeats (counts once), or -1 */
} cc_claim_ref;

typedef struct cc_group {
    cc_str label;
    uint8_t category;
    uint8_t verdict;     /* cc_verdict */
    double low, high;    /* minimum and maximum credible figure */
    cc_str reason;
    CC_VEC(cc_claim_ref) members;
    uint32_t evidence;   /* members that are independent evidence (not repeats of one source) */
    int32_t conflict_low, conflict_high; /* members whose figures cannot both be true, or -1 */
} cc_group;

typedef struct cc_quote_ref { uint32_t article, quote; } cc_quote_ref;

typedef struct cc_merged_quote {
    cc_str speaker;
    CC_VEC(cc_quote_ref) members;
} cc_merged_quote;

typedef struct cc_summary_sentence {
    uint32_t article, sentence;
    cc_span span;
    CC_VEC(uint32_t) articles;  /* every article carrying the same content, first the cited one */
} cc_summary_sentence;

struct cc_cluster {
    CC_VEC(cc_article *) articles;
    CC_VEC(cc_entity) entities;
    CC_VEC(cc_group) groups;
    CC_VEC(cc_merged_quote) merged_quotes;
    CC_VEC(cc_summary_sentence) summary;
    cc_options options;
    cc_arena arena;      /* cluster-level strings (labels, reasons, canonical names) */
};

static inline cc_str cc_str_span(const cc_article *a, cc_span s)
{
    cc_str r = { a->text + s.start, s.end - s.start };
    return r;
}

static inline cc_str cc_str_of(const char *p, size_t len)
{
    cc_str r = { p, (uint32_t)len };
    return r;
}

/* A letter, digit, apostrophe or byte of a non-ASCII character: what names and words are made of. */
static inline int cc_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
}

/* The last word of a phrase ("Colville" of "Rupert Colville,", "children" of "women and children"); empty
 * for an empty phrase. */
static inline cc_str cc_str_last_word(cc_str s)
{
    if (!s.len) {
        return cc_str_of("", 0);
    }
    uint32_t end = s.len, start;
    while (end && !cc_word_byte((unsigned char)s.p[end - 1])) {
        end--;
    }
    for (start = end; start && cc_word_byte((unsigned char)s.p[start - 1]); start--) {
    }
    return cc_str_of(s.p + start, end - start);
}

const char *cc_qualifier_name(cc_qualifier q);
const char *cc_category_name(cc_category c);
const char *cc_entity_type_name(cc_entity_type t);
const char *cc_verdict_name(cc_verdict v);

#endif
