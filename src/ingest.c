#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "node.h"
#include "readability.h"

void cc_error_set(cc_error *err, const char *file, long line, long offset, const char *fmt, ...)
{
    if (!err) {
        return;
    }
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->byte_offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes there are not valid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF included). Those are ruled out by the range of
 * the second byte, as Unicode's table of well-formed sequences gives it, so no code point is assembled. */
static inline int utf8_valid_length(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        return 1;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || (size_t)n > avail) {
        return 0;
    }
    unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < low || s[1] > high) {
        return 0;
    }
    for (int i = 2; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

static long line_of(const char *text, size_t offset)
{
    long line = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + offset - p))) != NULL; p++) {
        line++;
    }
    return line;
}

/* The bytes validation must look at one by one: UTF-8 (0x80 and up) and control characters. Newlines
 * are not among them: plain text is full of them, and they are valid and not junk. */
static int needs_a_look(unsigned char c)
{
    return c >= 0x80 || (c < 0x20 && c != '\n');
}

/* Whether none of the eight bytes at s needs a look (exact per byte: no borrow crosses a byte). */
static int plain8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t high = w & 0x8080808080808080ull;
    uint64_t below_space = ~((w | 0x8080808080808080ull) - 0x2020202020202020ull) & 0x8080808080808080ull;
    uint64_t nl = w ^ 0x0A0A0A0A0A0A0A0Aull;
    uint64_t newline = ~(((nl & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | nl | 0x7F7F7F7F7F7F7F7Full);
    return (high | (below_space & ~newline)) == 0;
}

#ifdef __SSE2__
/* Which of the 16 bytes at s need a look, a bit each (as signed bytes, those of 0x80 and up are below
 * the space too). */
static unsigned needs_a_look16(const unsigned char *s)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i low = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), low));
}
#endif

/* How many of the n bytes at s, from the first, need no look, eight at a time (the tail of a text, or
 * all of it without SSE2). */
static size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n && plain8(s + i)) {
        i += 8;
    }
    while (i < n && !needs_a_look(s[i])) {
        i++;
    }
    return i;
}

static int is_junk_control(unsigned char c)
{
    return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
}

/* Whether any byte of s is more than a space (UTF-8 included): asked once, it stops at the first. */
static int shows_a_character(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] > 0x20) {
            return 1;
        }
    }
    return 0;
}

/* Reports the byte at s[i] that makes the text unreadable (a NUL, or bytes that are not UTF-8); 0. */
static __attribute__((noinline)) size_t unreadable(const unsigned char *s, size_t i, cc_error *err)
{
    long line = line_of((const char *)s, i);
    if (s[i] == 0) {
        cc_error_set(err, NULL, line, (long)i, "NUL byte: binary data, not text");
    } else {
        cc_error_set(err, NULL, line, (long)i, "invalid UTF-8 (byte 0x%02X)", s[i]);
    }
    return 0;
}

/* The byte at s[i] that needs a look: the length of its UTF-8 sequence or control character, or 0 (with
 * err set) when it makes the text unreadable. */
static inline size_t look_at(const unsigned char *s, size_t i, size_t len, size_t *controls, cc_error *err)
{
    int n = s[i] ? utf8_valid_length(s + i, len - i) : 0;
    if (n == 0) {
        return unreadable(s, i, err);
    }
    *controls += is_junk_control(s[i]);
    return (size_t)n;
}

int cc_validate_text(const char *text, size_t len, cc_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t controls = 0, i = 0;
#ifdef __SSE2__
    /* 32 bytes a step; the bytes that need a look in them (curly quotes and dashes, in most news) are
     * taken in order from the step's mask, which goes on past each valid sequence */
    while (i + 32 <= len) {
        unsigned look = needs_a_look16(s + i) | needs_a_look16(s + i + 16) << 16;
        size_t next = 32;
        for (; look; look &= ~0u << next) {
            size_t at = (size_t)__builtin_ctz(look), n = look_at(s, i + at, len, &controls, err);
            if (n == 0) {
                return -1;
            }
            next = at + n;
            if (next >= 32) {
                break; /* a sequence across the step's end: the next step starts after it */
            }
        }
        i += look ? next : 32;
    }
#endif
    for (i += plain_run(s + i, len - i); i < len; i += plain_run(s + i, len - i)) {
        size_t n = look_at(s, i, len, &controls, err);
        if (n == 0) {
            return -1;
        }
        i += n;
    }
    if (controls * 20 > len) {
        cc_error_set(err, NULL, 0, -1, "binary data: %zu control characters in %zu bytes", controls, len);
        return -1;
    }
    if (!shows_a_character(s, len)) {
        cc_error_set(err, NULL, 0, -1, "empty article: no text");
        return -1;
    }
    return 0;
}

/* ---- reading ---- */

typedef struct reader {
    cc_cluster *cluster;
    int strict;
    cc_error_fn on_error;
    void *user;
    long added;
    int failed;          /* a bad article under --strict */
} reader;

static void report(reader *r, const cc_error *e)
{
    if (r->on_error) {
        r->on_error(e, r->user);
    }
    if (r->strict) {
        r->failed = 1;
    }
}

static void id_from_path(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    snprintf(out, size, "%s", base);
    char *dot = strrchr(out, '.');
    if (dot && dot != out) {
        *dot = '\0';
    }
}

static char *read_stream(FILE *f, const char *name, size_t *len, cc_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        abort();
    }
    for (;;) {
        if (n == cap) {
            if (cap > CC_MAX_ARTICLE_BYTES * 8) {
                free(buf);
                cc_error_set(err, name, 0, -1, "input larger than %zu MB", CC_MAX_ARTICLE_BYTES * 8 >> 20);
                return NULL;
            }
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                abort();
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(buf);
        cc_error_set(err, name, 0, -1, "read error: %s", strerror(errno));
        return NULL;
    }
    *len = n;
    return buf;
}

static int add_article(reader *r, const char *file, long line, const char *id, const char *text, size_t len,
                       const cc_article_meta *meta)
{
    cc_error e;
    if (cc_cluster_add(r->cluster, id, text, len, meta, &e) != 0) {
        snprintf(e.file, sizeof e.file, "%s", file);
        if (line > 0 && e.line > 0 && e.byte_offset >= 0) {
            /* the position is inside one record's text: report the record's line and the offset in its text */
            snprintf(e.message + strlen(e.message), sizeof e.message - strlen(e.message),
                     " (in the text of the record, byte %ld)", e.byte_offset);
            e.byte_offset = -1;
        }
        if (line > 0) {
            e.line = line;
        }
        report(r, &e);
        return -1;
    }
    r->added++;
    return 0;
}

/* A page whatever its name says: markup from its first visible byte ("<!DOCTYPE html", "<html"). */
static int looks_like_html(const char *buf, size_t len)
{
    size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')) {
        i++;
    }
    return (len - i >= 14 && !strncasecmp(buf + i, "<!doctype html", 14)) ||
           (len - i >= 5 && !strncasecmp(buf + i, "<html", 5));
}

/* An HTML page: the article's text is extracted and analysed, so report offsets are into that text. What
 * the caller knows of it (a JSON record's fields) wins over what the page says of itself. */
static void add_html_article(reader *r, const char *file, long line, const char *id, const char *buf, size_t len,
                             const cc_article_meta *known)
{
    cc_html_page page;
    cc_error e;
    if (cc_html_extract(buf, len, &page, &e) != 0) {
        snprintf(e.file, sizeof e.file, "%s", file);
        e.line = line;
        report(r, &e);
        cc_html_page_free(&page);
        return;
    }
    cc_article_meta meta = page.meta;
    if (known) {
        meta.title = known->title ? known->title : meta.title;
        meta.url = known->url ? known->url : meta.url;
        meta.source = known->source ? known->source : meta.source;
        meta.published = known->published ? known->published : meta.published;
    }
    add_article(r, file, line, id, page.text, page.len, &meta);
    cc_html_page_free(&page);
}

static const char *json_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void add_json_record(reader *r, const char *file, long line, json_t *rec, long ordinal)
{
    cc_error e;
    if (!json_is_object(rec)) {
        cc_error_set(&e, file, line, -1, "expected a JSON object with a \"text\" field");
        report(r, &e);
        return;
    }
    json_t *text = json_object_get(rec, "text");
    json_t *html = json_object_get(rec, "html");
    if (!json_is_string(text) && !json_is_string(html)) {
        cc_error_set(&e, file, line, -1, "record has no \"text\" or \"html\" string");
        report(r, &e);
        return;
    }
    char idbuf[64];
    const char *id = json_str(rec, "id");
    json_t *idnum = json_object_get(rec, "id");
    if (!id && json_is_integer(idnum)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(idnum));
        id = idbuf;
    }
    if (!id) {
        char base[256];
        id_from_path(strcmp(file, "<stdin>") ? file : "stdin", base, sizeof base);
        snprintf(idbuf, sizeof idbuf, "%.40s-%ld", base, ordinal);
        id = idbuf;
    }
    cc_article_meta meta = { json_str(rec, "title"), json_str(rec, "url"), json_str(rec, "source"),
                             json_str(rec, "published") };
    if (!meta.published) {
        meta.published = json_str(rec, "date");
    }
    if (!json_is_string(text) || looks_like_html(json_string_value(text), json_string_length(text))) {
        json_t *page = json_is_string(text) ? text : html;
        add_html_article(r, file, line, id, json_string_value(page), json_string_length(page), &meta);
    } else {
        add_article(r, file, line, id, json_string_value(text), json_string_length(text), &meta);
    }
}

/* JSON Lines: one record a line, read as a stream so a big file costs one line of memory at a time. */
static void read_jsonl(reader *r, FILE *f, const char *file)
{
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, records = 0;
    ssize_t n;
    while (!r->failed && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ')) {
            len--;
        }
        if (len == 0) {
            continue;
        }
        cc_error e;
        if ((size_t)n > CC_MAX_ARTICLE_BYTES) {
            cc_error_set(&e, file, lineno, -1, "record of %zu MB is larger than the %zu MB limit for one article",
                         (size_t)n >> 20, CC_MAX_ARTICLE_BYTES >> 20);
            report(r, &e);
            continue;
        }
        json_error_t jerr;
        json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!rec) {
            cc_error_set(&e, file, lineno, -1, "malformed JSON at column %d: %s", jerr.column, jerr.text);
            report(r, &e);
            continue;
        }
        add_json_record(r, file, lineno, rec, ++records);
        json_decref(rec);
    }
    free(line);
}

/* A .json file: one record, or an array of records. */
static void read_json(reader *r, const char *file, const char *buf, size_t len)
{
    json_error_t jerr;
    json_t *doc = json_loadb(buf, len, 0, &jerr);
    if (!doc) {
        cc_error e;
        cc_error_set(&e, file, jerr.line, jerr.position, "malformed JSON at line %d column %d: %s", jerr.line,
                     jerr.column, jerr.text);
        report(r, &e);
        return;
    }
    if (json_is_array(doc)) {
        size_t i;
        json_t *rec;
        json_array_foreach(doc, i, rec) {
            add_json_record(r, file, 0, rec, (long)i + 1);
        }
    } else {
        add_json_record(r, file, 0, doc, 1);
    }
    json_decref(doc);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void read_text_buffer(reader *r, const char *file, const char *buf, size_t len, int html)
{
    char id[256];
    id_from_path(file, id, sizeof id);
    if (html || looks_like_html(buf, len)) {
        add_html_article(r, file, 0, id, buf, len, NULL);
    } else {
        add_article(r, file, 0, id, buf, len, NULL);
    }
}

static int is_html_name(const char *name)
{
    return has_suffix(name, ".html") || has_suffix(name, ".htm") || has_suffix(name, ".HTML") ||
           has_suffix(name, ".HTM");
}

static void read_file(reader *r, const char *path)
{
    cc_error e;
    FILE *f = fopen(path, "rb");
    if (!f) {
        cc_error_set(&e, path, 0, -1, "cannot open: %s", strerror(errno));
        report(r, &e);
        return;
    }
    if (has_suffix(path, ".jsonl")) {
        read_jsonl(r, f, path);
        fclose(f);
        return;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && (size_t)st.st_size > CC_MAX_ARTICLE_BYTES) {
        cc_error_set(&e, path, 0, -1, "file of %lld MB is larger than the %zu MB limit for one article",
                     (long long)st.st_size >> 20, CC_MAX_ARTICLE_BYTES >> 20);
        fclose(f);
        report(r, &e);
        return;
    }
    size_t len;
    char *buf = read_stream(f, path, &len, &e);
    fclose(f);
    if (!buf) {
        report(r, &e);
        return;
    }
    if (has_suffix(path, ".json")) {
        read_json(r, path, buf, len);
    } else {
        read_text_buffer(r, path, buf, len, is_html_name(path));
    }
    free(buf);
}

static int is_article_file(const char *name)
{
    return name[0] != '.' && (has_suffix(name, ".txt") || has_suffix(name, ".json") || has_suffix(name, ".jsonl") ||
                              is_html_name(name));
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_folder(reader *r, const char *path)
{
    cc_error e;
    DIR *d = opendir(path);
    if (!d) {
        cc_error_set(&e, path, 0, -1, "cannot open folder: %s", strerror(errno));
        report(r, &e);
        return;
    }
    CC_VEC(char *) names = { 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (is_article_file(de->d_name)) {
            CC_VEC_PUSH(names, strdup(de->d_name));
        }
    }
    closedir(d);
    if (names.n == 0) {
        cc_error_set(&e, path, 0, -1, "folder has no *.txt, *.json, *.jsonl or *.html files");
        report(r, &e);
    }
    if (names.n > 1) {
        qsort(names.v, names.n, sizeof *names.v, compare_names);
    }
    for (size_t i = 0; i < names.n && !r->failed; i++) {
        size_t len = strlen(path) + strlen(names.v[i]) + 2;
        char *full = malloc(len);
        snprintf(full, len, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", names.v[i]);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
            read_file(r, full);
        }
        free(full);
    }
    for (size_t i = 0; i < names.n; i++) {
        free(names.v[i]);
    }
    CC_VEC_FREE(names);
}

static void read_stdin(reader *r)
{
    cc_error e;
    size_t len;
    char *buf = read_stream(stdin, "<stdin>", &len, &e);
    if (!buf) {
        report(r, &e);
        return;
    }
    /* stdin is JSON Lines when its first visible byte opens an object, an HTML page when it opens markup,
     * else one plain-text article */
    size_t i = 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')) {
        i++;
    }
    if (i < len && buf[i] == '{') {
        FILE *mem = fmemopen(buf, len, "rb");
        if (mem) {
            read_jsonl(r, mem, "<stdin>");
            fclose(mem);
        }
    } else if (looks_like_html(buf, len)) {
        add_html_article(r, "<stdin>", 0, "stdin", buf, len, NULL);
    } else {
        add_article(r, "<stdin>", 0, "stdin", buf, len, NULL);
    }
    free(buf);
}

long cc_cluster_add_path(cc_cluster *cluster, const char *path, int strict, cc_error_fn on_error, void *user,
                         cc_error *err)
{
    reader r = { cluster, strict, on_error, user, 0, 0 };
    struct stat st;
    if (strcmp(path, "-") == 0) {
        read_stdin(&r);
    } else if (stat(path, &st) != 0) {
        cc_error_set(err, path, 0, -1, "no such file or folder");
        return -1;
    } else if (S_ISDIR(st.st_mode)) {
        read_folder(&r, path);
    } else {
        read_file(&r, path);
    }
    if (r.failed) {
        cc_error_set(err, path, 0, -1, "stopped at the first bad article (--strict)");
        return -1;
    }
    return r.added;
}
