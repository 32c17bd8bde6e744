#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes8.h"
#include "ingest.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

void cc_write_raw(FILE *out, const char *s, size_t len)
{
    fwrite(s, 1, len, out);
}

static int is_space_byte(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* What JSON output does with each byte: copy it, treat it as white space (folded or escaped), or
 * escape it. */
enum { JSON_PLAIN, JSON_SPACE, JSON_ESCAPE };

static unsigned char json_class(unsigned char c)
{
    if (c > '"' && c != '\\') {
        return JSON_PLAIN; /* most bytes: one test */
    }
    if (is_space_byte((char)c)) {
        return JSON_SPACE;
    }
    return c < 0x20 || c == '"' || c == '\\' ? JSON_ESCAPE : JSON_PLAIN;
}

static size_t json_escape(char *out, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    out[0] = '\\';
    switch (c) {
    case '"': out[1] = '"'; return 2;
    case '\\': out[1] = '\\'; return 2;
    case '\n': out[1] = 'n'; return 2;
    case '\r': out[1] = 'r'; return 2;
    case '\t': out[1] = 't'; return 2;
    default:
        memcpy(out + 1, "u00", 3);
        out[4] = hex[c >> 4];
        out[5] = hex[c & 15];
        return 6;
    }
}

/* c as it goes in a JSON string. */
static size_t json_byte(char *out, unsigned char c)
{
    if (json_class(c) == JSON_PLAIN || c == ' ') {
        *out = (char)c;
        return 1;
    }
    return json_escape(out, c);
}

/* Eight bytes at a time, without a branch per byte. below(v, n) sets the high bit of (at least) every
 * byte of v under n (n <= 0x80); its false positives only ever send a word to the byte loop. */
static uint64_t below(uint64_t v, unsigned n)
{
    return (v - CC_BYTES_1 * n) & ~v & CC_BYTES_80;
}

/* Whether the eight bytes at p go out as they are: no control byte, '"' or '\\', and no white space
 * byte next to another (p[8] included, so a space ending the word is never the first of a run). */
static int plain8(const char *p)
{
    uint64_t v = cc_load8(p);
    uint64_t special = below(v, 0x20) | below(v ^ (CC_BYTES_1 * '"'), 1) | below(v ^ (CC_BYTES_1 * '\\'), 1);
    return !(special | (below(v, 0x21) & below(cc_load8(p + 1), 0x21)));
}

#ifdef __SSE2__
/* Of sixteen bytes at p, those that do not go out as they are (plain8's test), as a bit mask. */
static unsigned special16(const char *p)
{
    const __m128i controls = _mm_set1_epi8(0x1f), blanks = _mm_set1_epi8(0x20);
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i escaped = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, controls), x),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
    __m128i blank_run = _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, blanks), x),
                                      _mm_cmpeq_epi8(_mm_min_epu8(next, blanks), next));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(escaped, blank_run));
}
#endif

/* Copies to out the bytes of s[0, len) that go out as they are, up to the first that does not (or a
 * little before it), and returns how many: sixteen at a time where the CPU allows, then eight. s[len]
 * is read too. */
static size_t copy_plain(char *out, const char *s, size_t len)
{
    size_t i = 0;
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) {
        unsigned special = special16(s + i);
        memcpy(out + i, s + i, 16); /* with special, the bytes from the first are written over */
        if (special) {
            return i + (size_t)__builtin_ctz(special);
        }
    }
#endif
    for (; i + 8 <= len && plain8(s + i); i += 8) {
        memcpy(out + i, s + i, 8);
    }
    return i;
}

/* One pass, escaping and collapsing white space straight into the output buffer: reports write every
 * sentence of every article this way, so this is a hot loop. Input goes in chunks whose room is made
 * first for the case every byte needs escaping, so the byte loop has no room check. Runs of plain text
 * are copied whole, only where no space is pending and none is leading, so the run's bytes are exactly
 * what the byte loop would write. */
void cc_out_json_folded(cc_out *o, const char *s, size_t len)
{
    enum { CHUNK = 512 };
    int space = 0, written = 0;
    cc_out_putc(o, '"');
    for (size_t from = 0; from < len; from += CHUNK) {
        size_t to = len - from < CHUNK ? len : from + CHUNK;
        char *buf = cc_out_room(o, 6 * (to - from) + 1); /* + a space pending from the chunk before */
        size_t n = 0, limit = to == len ? len - 1 : to; /* copy_plain reads s[limit] */
        for (size_t i = from; i < to; i++) {
            if (i + 8 <= limit && (written ? !space : !is_space_byte(s[i]))) {
                size_t run = copy_plain(buf + n, s + i, limit - i);
                i += run;
                n += run;
                written |= run > 0;
                if (i == to) {
                    break;
                }
            }
            unsigned char c = (unsigned char)s[i];
            if (json_class(c) == JSON_SPACE) {
                space = written;
                continue;
            }
            if (space) {
                buf[n++] = ' ';
                space = 0;
            }
            n += json_byte(buf + n, c);
            written = 1;
        }
        o->n += n;
    }
    cc_out_putc(o, '"');
}

size_t cc_json_quoted(char *out, const char *s, size_t len)
{
    size_t n = 0;
    out[n++] = '"';
    for (size_t i = 0; i < len; i++) {
        n += json_byte(out + n, (unsigned char)s[i]);
    }
    out[n++] = '"';
    return n;
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

void cc_out_number(cc_out *o, double v)
{
    char buf[32];
    if (isfinite(v) && fabs(v) < 1e15 && v == floor(v) && !signbit(v)) {
        cc_out_uint(o, (unsigned long long)v); /* what "%.0f" writes, without printf */
    } else if (isfinite(v) && fabs(v) < 1e15 && v == floor(v)) {
        cc_out_write(o, buf, (size_t)snprintf(buf, sizeof buf, "%.0f", v));
    } else if (isfinite(v)) {
        cc_out_write(o, buf, (size_t)snprintf(buf, sizeof buf, "%.10g", v));
    } else {
        cc_out_puts(o, "null");
    }
}

/* Runs of non-space bytes are copied whole: this writes every sentence of a JSON report. */
void cc_write_folded(FILE *out, const char *s, size_t len, void (*write)(FILE *, const char *, size_t))
{
    char buf[1024];
    size_t n = 0, i = 0;
    int written = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && is_space_byte(s[j])) {
            j++;
        }
        if (j > i) {
            if (written && j < len) {
                buf[n++] = ' ';
            }
            i = j;
            continue;
        }
        while (j < len && !is_space_byte(s[j])) {
            j++;
        }
        if (n + (j - i) + 1 > sizeof buf) {
            write(out, buf, n);
            n = 0;
        }
        if (j - i + 1 > sizeof buf) {
            write(out, s + i, j - i);
        } else {
            memcpy(buf + n, s + i, j - i);
            n += j - i;
        }
        written = 1;
        i = j;
    }
    write(out, buf, n);
}

/* From v's bit length (1233 / 4096 is just over log10(2)), one short or right; v | 1 so 0 has a digit. */
static size_t decimal_digits(unsigned long long v)
{
    static const unsigned long long powers[] = { 1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
                                                 10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
                                                 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
                                                 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
                                                 100000000000000000ULL, 1000000000000000000ULL,
                                                 10000000000000000000ULL };
    size_t t = (size_t)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
    return t + ((v | 1) >= powers[t]);
}

/* Digits go straight to the buffer, last first, two at a time from a table of pairs: copying them from
 * a scratch array just written stalled on the reload, and a division per digit was most of the cost. */
void cc_out_uint(cc_out *o, unsigned long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    size_t len = decimal_digits(v);
    char *p = cc_out_room(o, len) + len;
    o->n += len;
    for (; v >= 100; v /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (v % 100), 2);
    }
    if (v >= 10) {
        memcpy(p - 2, pairs + 2 * v, 2);
    } else {
        p[-1] = (char)('0' + v);
    }
}

void cc_out_flush(cc_out *o)
{
    fwrite(o->buf, 1, o->n, o->file);
    o->n = 0;
}

void cc_out_spill(cc_out *o, const char *s, size_t len)
{
    cc_out_flush(o);
    if (len > sizeof o->buf) {
        fwrite(s, 1, len, o->file);
    } else {
        memcpy(o->buf, s, len);
        o->n = len;
    }
}

int cc_render(const cc_cluster *cluster, cc_format format, const cc_options *options, FILE *out, cc_error *err)
{
    cc_options defaults = { 0 };
    if (!options) {
        options = &defaults;
    }
    flockfile(out); /* once, not at each of the report's many small writes */
    int known = 1;
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
        known = 0;
        break;
    }
    funlockfile(out);
    if (!known) {
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
