/* Renderers: one file per format, all over the same cluster model. */
#ifndef CC_RENDER_H
#define CC_RENDER_H

#include <stdio.h>
#include <string.h>
#include "node.h"

void cc_render_json(const cc_cluster *cluster, FILE *out);
/* {"crosscheck": version, "summary": [...]}: what `crosscheck summarize` writes. */
void cc_render_json_summary(const cc_cluster *cluster, FILE *out);
void cc_render_text(const cc_cluster *cluster, const cc_options *options, FILE *out);
void cc_render_markdown(const cc_cluster *cluster, FILE *out);
void cc_render_html(const cc_cluster *cluster, FILE *out);

/* A buffer in front of a report's stream, for reports of a great many short pieces (JSON): stdio's cost
 * per call came to more than their bytes. Nothing reaches the stream before cc_out_flush. */
typedef struct cc_out {
    FILE *file;
    size_t n;
    char buf[1 << 14];
} cc_out;

static inline void cc_out_start(cc_out *o, FILE *file)
{
    o->file = file;
    o->n = 0;
}

void cc_out_flush(cc_out *o);
/* What does not fit in the buffer's room: flushes, then buffers or writes s. */
void cc_out_spill(cc_out *o, const char *s, size_t len);

/* Room for need bytes at the buffer's end (need no more than its size); the caller adds what it wrote
 * there to n. */
static inline char *cc_out_room(cc_out *o, size_t need)
{
    if (need > sizeof o->buf - o->n) {
        cc_out_flush(o);
    }
    return o->buf + o->n;
}

static inline void cc_out_write(cc_out *o, const char *s, size_t len)
{
    if (len <= sizeof o->buf - o->n) {
        memcpy(o->buf + o->n, s, len);
        o->n += len;
    } else {
        cc_out_spill(o, s, len);
    }
}

static inline void cc_out_puts(cc_out *o, const char *s)
{
    cc_out_write(o, s, strlen(s));
}

static inline void cc_out_putc(cc_out *o, char c)
{
    cc_out_write(o, &c, 1);
}

/* Without printf's format parsing: reports write many offsets. */
void cc_out_uint(cc_out *o, unsigned long long v);
/* Writes a number without a trailing ".0" for integers ("100000", "8.6"). */
void cc_out_number(cc_out *o, double v);
/* s as a JSON string, quotes included, into out (room for 6 * len + 2 bytes); returns its length. For
 * strings a report writes many times, escaped once. */
size_t cc_json_quoted(char *out, const char *s, size_t len);
/* A JSON string of the article text of a span, runs of white space folded to one space. */
void cc_out_json_folded(cc_out *o, const char *s, size_t len);

/* Shared helpers for renderers. */
void cc_write_escaped_html(FILE *out, const char *s, size_t len);
/* The article text of a span with runs of white space (newlines included) folded to one space. */
void cc_write_folded(FILE *out, const char *s, size_t len, void (*write)(FILE *, const char *, size_t));
void cc_write_raw(FILE *out, const char *s, size_t len);

#endif
