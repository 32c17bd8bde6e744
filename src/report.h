/* The words people read, shared by the cross-check's reasons and by the text, Markdown and HTML
 * reports: a figure as news writes it, numbers with thousands separators, the order groups are shown
 * in, and word differences between versions of one quotation. */
#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "node.h"

/* "nearly 200", "some 100,000", "dozens", "250-300"; returns the length written. */
size_t cc_figure_text(char *buf, size_t cap, const cc_article *a, const cc_claim *claim);
/* 100000 -> "100,000"; infinity -> "no limit". */
size_t cc_number_text(char *buf, size_t cap, double v);

/* "41–90", "3,000", or the vague amounts when no figure is precise ("dozens"). */
size_t cc_group_range_text(char *buf, size_t cap, const cc_cluster *c, const cc_group *g);
/* A quotation's words without the comma or space that ends it before the attribution. */
cc_str cc_quote_text(const cc_article *a, const cc_quote *q);

/* Group indices in reading order: conflicts first, then within range, agree and single; bigger groups
 * first within each. order must hold cluster->groups.n entries. */
void cc_group_order(const cc_cluster *c, uint32_t *order);

/* One word of a quotation compared with another version of it. */
typedef struct cc_diff_word {
    cc_span span;        /* byte span in its own text */
    uint8_t op;          /* CC_DIFF_SAME, CC_DIFF_ADDED (only in this version), CC_DIFF_REMOVED (only in the other) */
} cc_diff_word;
enum { CC_DIFF_SAME, CC_DIFF_ADDED, CC_DIFF_REMOVED };

/* Word diff of text b against text a: the words of b marked same or added, with a's removed words
 * interleaved where they were. Returns the count, or 0 when either is longer than the diff handles
 * (then show both versions whole). out holds at least words(a) + words(b) entries. */
size_t cc_word_diff(cc_str a, cc_str b, cc_diff_word *out, size_t cap);

/* Calls fn for each group of quotes by one speaker: merged quotes once, the rest as they come. */
typedef struct cc_speaker_quote {
    int32_t merged;      /* merged-quote index, or -1 */
    uint32_t article, quote;
} cc_speaker_quote;
/* Every quote to show, grouped by speaker (most quoted first, the unattributed last), in a malloc'd
 * array the caller frees; *count gets its length. */
cc_speaker_quote *cc_quotes_by_speaker(const cc_cluster *c, size_t *count);
/* The speaker shown for an entry (merged speaker, else the quote's own); empty when none. */
cc_str cc_entry_speaker(const cc_cluster *c, const cc_speaker_quote *q);
/* The entries from `first` that share a speaker, as cc_quotes_by_speaker orders them: returns the end
 * of the run, with the fullest name and the first role any of them gives. */
size_t cc_speaker_run(const cc_cluster *c, const cc_speaker_quote *list, size_t n, size_t first, cc_str *name,
                      cc_str *role);

#endif
