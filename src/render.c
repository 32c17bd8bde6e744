#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"

void cc_write_raw(FILE *out, const char *s, size_t len)
{
    fwrite(s, 1, len, out);
}

void cc_write_json_string(FILE *out, const char *s, size_t len)
{
    putc('"', out);
    cc_write_json_chars(out, s, len);
    putc('"', out);
}

void cc_write_json_chars(FILE *out, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        run = i + 1;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default: fprintf(out, "\\u%04x", c); break;
        }
    }
    fwrite(s + run, 1, len - run, out);
}

void cc_write_escaped_html(FILE *out, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            fwrite(s + run, 1, i - run, out);
            fputs(rep, out);
            run = i + 1;
        }
    }
    fwrite(s + run, 1, len - run, out);
}

void cc_write_number(FILE *out, double v)
{
    if (isfinite(v) && fabs(v) < 1e15 && v == floor(v)) {
        fprintf(out, "%.0f", v);
    } else if (isfinite(v)) {
        fprintf(out, "%.10g", v);
    } else {
        fputs("null", out);
    }
}

void cc_write_folded(FILE *out, const char *s, size_t len, void (*write)(FILE *, const char *, size_t))
{
    char buf[512];
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && n) {
            buf[n++] = ' ';
        }
        space = 0;
        buf[n++] = c;
        if (n >= sizeof buf - 2) {
            write(out, buf, n);
            n = 0;
        }
    }
    write(out, buf, n);
}


int cc_render(const cc_cluster *cluster, cc_format format, const cc_options *options, FILE *out, cc_error *err)
{
    cc_options defaults = { 0 };
    if (!options) {
        options = &defaults;
    }
    switch (format) {
    case CC_FORMAT_JSON:
        if (options->summary_only) {
            cc_render_json_summary(cluster, out);
        } else {
            cc_render_json(cluster, out);
        }
        break;
    case CC_FORMAT_TEXT:
        cc_render_text(cluster, options, out);
        break;
    case CC_FORMAT_MARKDOWN:
        cc_render_markdown(cluster, out);
        break;
    case CC_FORMAT_HTML:
        cc_render_html(cluster, out);
        break;
    default:
        cc_error_set(err, NULL, 0, -1, "unknown output format");
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        cc_error_set(err, NULL, 0, -1, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int cc_render_file(const cc_cluster *cluster, cc_format format, const cc_options *options, const char *path,
                   cc_error *err)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        cc_error_set(err, path, 0, -1, "cannot write: %s", strerror(errno));
        free(tmp);
        return -1;
    }
    int rc = cc_render(cluster, format, options, f, err);
    if (fclose(f) != 0 && rc == 0) {
        cc_error_set(err, path, 0, -1, "write error: %s", strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        cc_error_set(err, path, 0, -1, "cannot rename into place: %s", strerror(errno));
        rc = -1;
    }
    if (rc != 0) {
        unlink(tmp);
        snprintf(err->file, sizeof err->file, "%s", path);
    }
    free(tmp);
    return rc;
}
