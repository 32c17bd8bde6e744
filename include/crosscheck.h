/* crosscheck: cross-check figures, quotes and sources across news reports of one event.
 *
 * A cluster owns its articles; cc_analyze runs every pipeline stage over them; cc_render writes a
 * report in one of several formats. Results can also be read through the accessors below without
 * going through JSON. */
#ifndef CROSSCHECK_H
#define CROSSCHECK_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CC_VERSION "0.1.0"

typedef struct cc_cluster cc_cluster;

/* Errors are values: a failing call fills one of these and returns non-zero. */
typedef struct cc_error {
    char file[512];      /* input file, or "<stdin>"; empty when not about a file */
    long line;           /* 1-based line (JSON Lines record or text line); 0 when unknown */
    long byte_offset;    /* byte offset into the file; -1 when unknown */
    char message[512];
} cc_error;

typedef enum cc_format {
    CC_FORMAT_TEXT,
    CC_FORMAT_JSON,
    CC_FORMAT_MARKDOWN,
    CC_FORMAT_HTML
} cc_format;

typedef struct cc_options {
    int summary_words;   /* word budget for the summary; 0 = default (120) */
    int color;           /* text format: use ANSI colours */
    int strict;          /* stop at the first bad article instead of skipping it */
    int summary_only;    /* text and JSON: render the cited summary alone */
    int whole_utterances; /* a quotation interrupted by its attribution ("X," he said, "Y") is one quote,
                             its pieces joined, instead of two (the default, as GUIDELINES count them) */
} cc_options;

/* Metadata that a JSON Lines record (or the caller) may supply alongside the text. Any field may be NULL. */
typedef struct cc_article_meta {
    const char *title;
    const char *url;
    const char *source;
    const char *published;
} cc_article_meta;

cc_cluster *cc_cluster_new(void);
void cc_cluster_free(cc_cluster *cluster);

/* Copies the text. Rejects empty text, invalid UTF-8, NUL bytes and binary junk, naming the position. */
int cc_cluster_add(cc_cluster *cluster, const char *id, const char *text, size_t len,
                   const cc_article_meta *meta, cc_error *err);

/* Reads a file, a folder (*.txt, *.json, *.jsonl, *.html inside, sorted) or "-" for stdin.
 * A bad article is reported through on_error and skipped unless strict; returns the number of
 * articles added, or -1 on a fatal error (err filled). */
typedef void (*cc_error_fn)(const cc_error *err, void *user);
long cc_cluster_add_path(cc_cluster *cluster, const char *path, int strict, cc_error_fn on_error,
                         void *user, cc_error *err);

int cc_analyze(cc_cluster *cluster, const cc_options *options, cc_error *err);
int cc_render(const cc_cluster *cluster, cc_format format, const cc_options *options, FILE *out,
              cc_error *err);
/* Renders to a temporary file beside path, then renames it into place. */
int cc_render_file(const cc_cluster *cluster, cc_format format, const cc_options *options,
                   const char *path, cc_error *err);

/* Accessors. */
size_t cc_cluster_article_count(const cc_cluster *cluster);
const char *cc_article_id(const cc_cluster *cluster, size_t article);
size_t cc_article_sentence_count(const cc_cluster *cluster, size_t article);
size_t cc_article_claim_count(const cc_cluster *cluster, size_t article);
size_t cc_article_quote_count(const cc_cluster *cluster, size_t article);
size_t cc_article_amount_count(const cc_cluster *cluster, size_t article);

#ifdef __cplusplus
}
#endif
#endif
