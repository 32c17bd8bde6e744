/* How cross-checking reads one claim: the interval its figure asserts, whom it counts, where, over what
 * time, and on whose word, each normalised so claims from different outlets can be compared. */
#ifndef CC_FACETS_H
#define CC_FACETS_H

#include "lexicon.h"
#include "node.h"

typedef enum cc_frame_kind {
    CC_FRAME_NONE,   /* no time phrase: read as the event being reported, i.e. recent */
    CC_FRAME_SHORT,  /* a day or a few days */
    CC_FRAME_LONG    /* weeks, months, a war */
} cc_frame_kind;

typedef struct cc_frame {
    uint8_t kind;
    long days;       /* length in days, 0 when unknown */
    long d0, d1;     /* first and last day (days since 1970), both 0 when not anchored */
} cc_frame;

typedef struct cc_facets {
    double lo, hi;             /* what the figure asserts: the count lies in [lo, hi]; hi may be INFINITY */
    double fig_lo, fig_hi;     /* the figure as stated: one number, a range, or a vague amount's bounds */
    uint8_t vague;
    const cc_lexentry *who;    /* canonical people class, NULL when unsaid or unknown */
    cc_str place;              /* lower-cased place name without parts ("aleppo"), empty when none */
    cc_str place_name;         /* the name as written ("Aleppo"), for finding it in the articles */
    uint8_t place_part;        /* the phrase names part of a place, or an unnamed district */
    cc_frame time;
    cc_str source;             /* lower-cased source without roles and articles, empty when none */
    uint8_t source_name;       /* the source is a single capitalised word (a surname, an acronym) */
} cc_facets;

/* Relations between two facets of the same kind. */
enum { CC_REL_NONE = -2, CC_REL_NARROWER = -1, CC_REL_SAME = 0, CC_REL_BROADER = 1 };

/* anchor: the article's publication day (days since 1970), or the cluster's latest, or 0. Normalised
 * strings go in scratch. */
void cc_facets_read(cc_facets *f, const cc_article *a, const cc_claim *claim, long anchor, cc_arena *scratch);

int cc_who_relation(const cc_lexentry *a, const cc_lexentry *b);
int cc_place_relation(const cc_facets *a, const cc_facets *b);
/* Where the text around a place name could name a place holding it: "inner in outer", "inner, outer",
 * "inner district of the outer", "outer's (northern) inner". The positions do not depend on the other
 * place, so they are found once for each time a name is written and tried for every other name. */
typedef struct cc_place_context {
    const char *start, *end; /* the article text */
    const char *after[4];    /* where a holding place's name may start */
    const char *owner[3];    /* where a holding place's name followed by "'s" may end */
    uint8_t n_after, n_owner;
} cc_place_context;

/* Reads the context of the place named inner written at p; 0 when p does not start the whole name. */
int cc_place_context_at(cc_place_context *ctx, const char *start, const char *p, const char *end, cc_str inner);
/* The context says its place lies in the place named outer. */
int cc_place_context_names(const cc_place_context *ctx, cc_str outer);
int cc_frame_relation(const cc_frame *a, const cc_frame *b);
/* Same original source: equal after normalising, a surname of a full name, or an acronym of a name. */
int cc_same_source(const cc_facets *a, const cc_facets *b);

#endif
