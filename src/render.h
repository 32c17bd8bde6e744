/* Renderers: one file per format, all over the same cluster model. */
#ifndef CC_RENDER_H
#define CC_RENDER_H

#include <stdio.h>
#include "node.h"

void cc_render_json(const cc_cluster *cluster, FILE *out);
/* {"crosscheck": version, "summary": [...]}: what `crosscheck summarize` writes. */
void cc_render_json_summary(const cc_cluster *cluster, FILE *out);
void cc_render_text(const cc_cluster *cluster, const cc_options *options, FILE *out);
void cc_render_markdown(const cc_cluster *cluster, FILE *out);
void cc_render_html(const cc_cluster *cluster, FILE *out);

/* Shared helpers for renderers. */
void cc_write_json_string(FILE *out, const char *s, size_t len);
/* A JSON string of the article text of a span, runs of white space folded to one space. */
void cc_write_json_folded(FILE *out, const char *s, size_t len);
void cc_write_escaped_html(FILE *out, const char *s, size_t len);
/* Writes a number without a trailing ".0" for integers ("100000", "8.6"). */
void cc_write_number(FILE *out, double v);
/* Without printf's format parsing: reports write many offsets. */
void cc_write_uint(FILE *out, unsigned long long v);
/* The article text of a span with runs of white space (newlines included) folded to one space. */
void cc_write_folded(FILE *out, const char *s, size_t len, void (*write)(FILE *, const char *, size_t));
void cc_write_raw(FILE *out, const char *s, size_t len);

#endif
