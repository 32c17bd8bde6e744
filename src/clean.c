#include "clean.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dates.h"
#include "keyshape.h"
#include "lexicon.h"

typedef struct line {
    uint32_t start, end;   /* trimmed of surrounding white space */
} line;

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Bit k set when byte k of the 16 at p is c. The text is zero-padded (CC_TEXT_PADDING), so a line's
 * bytes are read 16 at a time without a bounds check; callers drop the bits past its end. */
static unsigned equal16(const char *p, char c)
{
#ifdef __SSE2__
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
#else
    unsigned bits = 0;
    for (unsigned k = 0; k < 16; k++) {
        bits |= (unsigned)(p[k] == c) << k;
    }
    return bits;
#endif
}

/* The 16 bits of the bytes from i that are still in the line. */
static unsigned in_line16(line l, uint32_t i)
{
    return l.end - i >= 16 ? 0xFFFFu : (1u << (l.end - i)) - 1;
}

/* The line from *pos, trimmed (empty ones too: start == end); *pos moves past its newline, so
 * *pos < a->len says another line follows. The text is zero-padded, so leading blanks stop at its end
 * and newlines are looked for 32 bytes at a time. */
static line next_line(const cc_article *a, uint32_t *pos)
{
    uint32_t s = *pos;
    while (is_space((unsigned char)a->text[s])) {
        s++;
    }
    if (a->text[s] == '\n') { /* the blank line between paragraphs (often one space): half of all lines */
        *pos = s + 1;
        return (line){ s, s };
    }
    uint32_t e = s;
    unsigned nl;
    while (!(nl = equal16(a->text + e, '\n') | equal16(a->text + e + 16, '\n') << 16) && e + 32 < a->len) {
        e += 32;
    }
    e = nl ? e + (uint32_t)__builtin_ctz(nl) : a->len;
    *pos = e + 1;
    while (e > s && is_space((unsigned char)a->text[e - 1])) {
        e--;
    }
    return (line){ s, e };
}

static size_t line_len(line l)
{
    return l.end - l.start;
}

/* A closing quotation mark at byte i, then a dash and a few words to the end of the line. */
static int signed_at(const cc_article *a, line l, uint32_t i)
{
    static const char *const dashes[] = { "\xE2\x80\x95", "\xE2\x80\x94", "\xE2\x80\x93", "--", "-" };
    const char *p = a->text + i;
    int close = !memcmp(p, "\xE2\x80\x9D", 3) ? 3 : (*p == '"' && i > l.start && p[-1] != ' ') ? 1 : 0;
    if (!close) {
        return 0;
    }
    const char *q = p + close;
    const char *end = a->text + l.end;
    while (q < end && *q == ' ') {
        q++;
    }
    for (size_t d = 0; d < sizeof dashes / sizeof *dashes; d++) {
        size_t n = strlen(dashes[d]);
        if ((size_t)(end - q) > n && !memcmp(q, dashes[d], n) && memchr(q + n, '"', (size_t)(end - q - n)) == NULL &&
            end - q < 60) {
            return 1;
        }
    }
    return 0;
}

/* A quotation signed with its speaker's name ("…in it.” ― Maria Lopez"). The dash and name take under
 * 60 bytes after the spaces that follow the mark, so the mark ends at most three bytes before the first
 * of those spaces: only the line's tail is searched, for the bytes that can start a mark. Out of line, so
 * ends_sentence, asked of every line and mostly answered by the last byte, needs no stack frame. */
static __attribute__((noinline)) int signed_quotation(const cc_article *a, line l)
{
    uint32_t from = l.end - l.start > 59 ? l.end - 59 : l.start;
    while (from > l.start && a->text[from - 1] == ' ') {
        from--;
    }
    line tail = { from - l.start > 3 ? from - 3 : l.start, l.end > 3 ? l.end - 3 : 0 }; /* where a mark may be */
    for (uint32_t b = tail.start; b < tail.end; b += 16) {
        const char *p = a->text + b;
        for (unsigned m = (equal16(p, '"') | equal16(p, '\xE2')) & in_line16(tail, b); m; m &= m - 1) {
            if (signed_at(a, l, b + (uint32_t)__builtin_ctz(m))) {
                return 1;
            }
        }
    }
    return 0;
}

static const unsigned char sentence_end_marks[256] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [';'] = 1,
                                                        ['"'] = 1, ['\''] = 1, [')'] = 1 };

/* Whether the line ends as a sentence does, trailing no-break spaces aside ("…loudly.\u00a0"), or as a
 * quotation signed with a dash ("…in it.” ― Maria Lopez"). */
static int ends_sentence(const cc_article *a, line l)
{
    while (l.end - l.start >= 2 && (unsigned char)a->text[l.end - 2] == 0xC2 && (unsigned char)a->text[l.end - 1] == 0xA0) {
        l.end -= 2;
    }
    if (l.end == l.start) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)a->text + l.end;
    unsigned char c = p[-1];
    if (sentence_end_marks[c]) {
        return 1;
    }
    /* closing curly quote or ellipsis (3-byte UTF-8) */
    if (l.end - l.start >= 3 && p[-3] == 0xE2 && p[-2] == 0x80 && (p[-1] == 0x9D || p[-1] == 0x99 || p[-1] == 0xA6)) {
        return 1;
    }
    return line_len(l) < 300 && signed_quotation(a, l);
}

static void add_furniture(cc_article *a, line l)
{
    cc_span s = { l.start, l.end };
    CC_VEC_PUSH(a->furniture, s);
}

/* The lists, read once per process by cc_clean before it tests any line. */
static const cc_lexset *furniture;
static cc_keyshapes furniture_first_words; /* most lines start with a word no entry starts with */
static cc_keyshapes furniture_keys;        /* and most openings that do are no entry */
static const cc_lexset *photo_credits;
static uint64_t credit_ends[4]; /* the last bytes of the credits (lower case), as a bit set */
static pthread_once_t lists_read = PTHREAD_ONCE_INIT;

static void read_lists(void)
{
    furniture = cc_lexset_get("furniture");
    cc_keyshapes_add(&furniture_first_words, furniture, 1);
    cc_keyshapes_add(&furniture_keys, furniture, 0);
    photo_credits = cc_lexset_get("photo_credits");
    for (size_t k = 0; k < cc_lexset_size(photo_credits); k++) {
        const cc_lexentry *e = cc_lexset_entry(photo_credits, k);
        unsigned char c = (unsigned char)e->key[e->key_len - 1];
        credit_ends[c >> 6] |= 1ull << (c & 63);
    }
}

/* The length of the word at p (n bytes) up to a space; *tab says whether a tab is in it. Most words end
 * at a space among the first 16 bytes, found by one look at them. */
static size_t word_length(const char *p, size_t n, int *tab)
{
    unsigned blank = equal16(p, ' ') | equal16(p, '\t');
    size_t k = blank ? (size_t)__builtin_ctz(blank) : 16;
    *tab = 0;
    if (k < n && p[k] == ' ') {
        return k;
    }
    if (k >= n && n <= 16) {
        return n;
    }
    for (k = 0; k < n && p[k] != ' '; k++) {
        *tab |= p[k] == '\t';
    }
    return k;
}

static int starts_with_furniture(const cc_article *a, line l)
{
    const cc_lexset *set = furniture;
    const char *p = a->text + l.start;
    size_t n = line_len(l);
    while (n && (*p == '*' || *p == '-' || *p == ' ' || (unsigned char)*p == 0xE2)) {
        if ((unsigned char)*p == 0xE2) { /* bullet U+2022 */
            if (n < 3 || (unsigned char)p[1] != 0x80 || (unsigned char)p[2] != 0xA2) {
                break;
            }
            p += 2, n -= 2;
        }
        p++, n--;
    }
    int tab;
    size_t first = word_length(p, n, &tab);
    if ((first && !tab && !cc_keyshapes_may_have(&furniture_first_words, p, first)) ||
        !cc_lexset_starts_entry(set, p, first)) {
        return 0;
    }
    /* try prefixes of one to five words against the list; a prefix with a tab or a run of spaces in it
     * folds to another length, so only one without is turned away by its shape */
    size_t end = 0;
    int blanks = 0;
    for (int words = 0; words < 5 && end < n; words++) {
        while (end < n && p[end] != ' ') {
            blanks |= p[end] == '\t';
            end++;
        }
        if ((blanks || cc_keyshapes_may_have(&furniture_keys, p, end)) && cc_lexset_find(set, p, end)) {
            return 1;
        }
        /* "Photo: Reuters" has its colon glued to the word */
        size_t gap = end;
        while (end < n && p[end] == ' ') {
            end++;
        }
        blanks |= end - gap > 1;
    }
    return 0;
}

/* "…of the cityReuters": a caption whose credit is glued to its last word, or "… (Photo: AFP)". A credit
 * ends the line, so a line ending in a byte no credit ends in ("…on Monday.") is none: most lines. */
static int is_credited_caption(const cc_article *a, line l)
{
    size_t n = line_len(l);
    const char *p = a->text + l.start;
    unsigned char last = n ? (unsigned char)p[n - 1] : 0; /* lines are trimmed: no space ends one */
    if (last >= 'A' && last <= 'Z') {
        last = (unsigned char)(last + 32);
    }
    if (!(credit_ends[last >> 6] >> (last & 63) & 1)) {
        return 0;
    }
    if (cc_lexset_find(photo_credits, p, n)) {
        return 1; /* a credit on a line of its own */
    }
    for (size_t i = n > 32 ? n - 32 : 1; i + 1 < n; i++) {
        unsigned char prev = (unsigned char)p[i - 1], c = (unsigned char)p[i];
        int glued = (prev >= 'a' && prev <= 'z') && (c >= 'A' && c <= 'Z');
        if (glued && cc_lexset_find(photo_credits, p + i, n - i)) {
            return 1;
        }
    }
    return 0;
}

static int is_date_line(const cc_article *a, line l, cc_date *d)
{
    size_t n = line_len(l);
    size_t used = n ? cc_date_parse(a->text + l.start, n, d) : 0;
    if (!used) {
        return 0;
    }
    /* allow a trailing zone: "18:10 GMT" */
    const char *rest = a->text + l.start + used;
    size_t left = n - used;
    while (left && *rest == ' ') {
        rest++, left--;
    }
    return left == 0 || (left <= 5 && strspn(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ+0123456789") >= left);
}

static size_t skip_spaces(const char *s, size_t i, size_t n)
{
    while (i < n && s[i] == ' ') {
        i++;
    }
    return i;
}

/* A clock time and zone after a date: "at 2354", "1849 UTC+3", "GMT". Returns the bytes it takes. */
static size_t clock_after_date(const char *s, size_t n)
{
    size_t i = skip_spaces(s, 0, n), j;
    if (i + 3 < n && !strncmp(s + i, "at ", 3)) {
        i += 3;
    }
    for (j = i; j < n && s[j] >= '0' && s[j] <= '9'; j++) {
    }
    int digits = (int)(j - i);
    size_t k = skip_spaces(s, j, n);
    int zone = k + 3 <= n && (!strncmp(s + k, "UTC", 3) || !strncmp(s + k, "GMT", 3));
    if (zone) {
        for (k += 3; k < n && (s[k] == '+' || s[k] == '-' || (s[k] >= '0' && s[k] <= '9')); k++) {
        }
        return k;
    }
    return (digits == 4 && i > skip_spaces(s, 0, n)) ? j : 0; /* "at 2354" */
}

/* A date glued to the start of the text after the headline, as scraped pages leave it: "Published
 * November 26 2017 Assad regime air strikes…", "Wednesday 21 August 2013 Security Council seeks…",
 * "21.08.2013Get short URL…". Returns the bytes the date (and its clock) takes. */
static size_t glued_date(const cc_article *a, line l, cc_date *d)
{
    static const char *const openers[] = { "Published on ", "Published: ", "Published ", "Posted on ", "Posted: ",
                                           "Posted ", "Updated: ", "Updated ", "Date of publication: ",
                                           "Date of publication ", "(updated " };
    const char *s = a->text + l.start;
    size_t n = line_len(l), at = 0;
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++) {
        if (s[0] != openers[k][0]) {
            continue; /* most lines: no call made */
        }
        size_t len = strlen(openers[k]);
        if (n > len && !strncmp(s, openers[k], len)) {
            at = len;
            break;
        }
    }
    int bracket = at > 0 && s[0] == '(';
    if (bracket) {
        size_t t = at; /* "(updated 1935 05.10.2017)": a clock first */
        while (t < n && ((s[t] >= '0' && s[t] <= '9') || s[t] == ':')) {
            t++;
        }
        at = t > at && t < n && s[t] == ' ' ? skip_spaces(s, t, n) : at;
    }
    size_t used = cc_date_parse(s + at, n - at, d);
    if (!used) {
        return 0;
    }
    at += used;
    at += clock_after_date(s + at, n - at);
    if (bracket) {
        at = skip_spaces(s, at, n);
        if (at >= n || s[at] != ')') {
            return 0;
        }
        at++;
    }
    /* "Get short URL 101": a share widget's text */
    size_t g = skip_spaces(s, at, n);
    if (n - g > 13 && !strncmp(s + g, "Get short URL", 13)) {
        at = g + 13;
        while (at < n && (s[at] == ' ' || (s[at] >= '0' && s[at] <= '9'))) {
            at++;
        }
    }
    return at;
}

/* The headline again at byte at of line l, and a full stop after it: the bytes they take, or 0. */
static size_t repeated_title(const cc_article *a, line l, size_t at, const line *title)
{
    size_t tn = title ? line_len(*title) : 0, n = line_len(l);
    if (!tn || n - at <= tn || memcmp(a->text + l.start + at, a->text + title->start, tn) != 0) {
        return 0;
    }
    size_t end = skip_spaces(a->text + l.start, at + tn, n);
    if (end < n && a->text[l.start + end] == '.') {
        end = skip_spaces(a->text + l.start, end + 1, n);
    }
    return end - at;
}

/* An agency or "Monitor" credit word at byte at ("…kills 30 Monitor AFP Wednesday…"): the bytes it
 * takes with the spaces after it, or 0. */
static size_t credit_word(const cc_article *a, line l, size_t at)
{
    const char *s = a->text + l.start;
    size_t n = line_len(l), e = at;
    while (e < n && s[e] != ' ') {
        e++;
    }
    if (e == at || !(cc_lexset_has(photo_credits, s + at, e - at) || (e - at == 7 && !strncmp(s + at, "Monitor", 7)))) {
        return 0;
    }
    return skip_spaces(s, e, n) - at;
}

/* What scraped pages glue in front of the first paragraph: the headline again, credit words, a date
 * ("17-08-2013 17 Killed as Qaeda Attacks Syria Kurd Town. Al-Qaeda loyalists…", "IS attack kills 30
 * Monitor AFP Wednesday 29 Oct 2014 Islamic State…"). Returns the bytes to leave out (0 for none); d gets
 * the date when there is one. Credits are only taken when a date follows them. */
static size_t glued_opening(const cc_article *a, line l, const line *title, cc_date *d)
{
    size_t at = repeated_title(a, l, 0, title), credits = 0, c, used;
    while ((c = credit_word(a, l, at + credits)) != 0 && credits < 40) {
        credits += c;
    }
    if ((used = glued_date(a, (line){ l.start + (uint32_t)(at + credits), l.end }, d)) != 0) {
        at += credits + used;
        at = skip_spaces(a->text + l.start, at, line_len(l));
        at += repeated_title(a, l, at, title);
    } else if (credits && at + credits < line_len(l) && a->text[l.start + at + credits] >= 'A' &&
               a->text[l.start + at + credits] <= 'Z') {
        at += credits; /* "AFP A barrage of rocket fire…": an agency's name before the first sentence */
    }
    return at < line_len(l) ? at : 0;
}

/* "Home Media Center Coalition News <title>": navigation words in front of the headline (the caller has
 * seen that the line does not end as a sentence does). */
static int is_breadcrumb(const cc_article *a, line l, line title)
{
    size_t tn = line_len(title), n = line_len(l);
    if (tn < 12 || n <= tn || l.start == title.start) {
        return 0;
    }
    return memcmp(a->text + l.end - tn, a->text + title.start, tn) == 0;
}

/* "Home > World > Middle East", "News | Syria" (no sentence ending, as for breadcrumbs). */
static int is_separator_trail(const cc_article *a, line l)
{
    if (line_len(l) < 3) {
        return 0;
    }
    int seps = 0;
    line marks = { l.start + 1, l.end - 1 }; /* a mark needs a byte on each side */
    for (uint32_t b = marks.start; b < marks.end; b += 16) {
        const char *q = a->text + b;
        unsigned m = equal16(q, '>') | equal16(q, '|') | equal16(q, '/') | equal16(q, '\xBB');
        for (m &= in_line16(marks, b); m; m &= m - 1) {
            const char *p = q + __builtin_ctz(m) - 1;
            unsigned char mark = (unsigned char)p[1];
            seps += (p[0] == ' ' && p[2] == ' ' && mark != 0xBB) || ((unsigned char)p[0] == 0xC2 && mark == 0xBB);
        }
    }
    return seps >= 2;
}

static void set_published(cc_article *a, cc_date d)
{
    if (!a->pub_year) {
        a->pub_year = (int16_t)d.year;
        a->pub_month = (int8_t)d.month;
        a->pub_day = (int8_t)d.day;
    }
}

/* Words are counted where a byte other than a space follows a space or starts the line, 16 bytes at a
 * time (callers ask only of short lines). */
static int word_count(const cc_article *a, line l)
{
    int words = 0;
    unsigned in = 0; /* whether the byte before the block is in a word */
    for (uint32_t i = l.start; i < l.end; i += 16) {
        unsigned word = ~equal16(a->text + i, ' ') & in_line16(l, i);
        words += __builtin_popcount(word & ~(word << 1 | in));
        in = word >> 15;
    }
    return words;
}

/* The first text line is a headline when it is short, has no sentence punctuation, and body follows. */
static int find_title(cc_article *a, line *title, size_t *index)
{
    uint32_t pos = 0;
    for (size_t i = 0; pos < a->len && i < 6; i++) {
        line l = next_line(a, &pos);
        cc_date d;
        if (line_len(l) == 0 || is_date_line(a, l, &d) || starts_with_furniture(a, l)) {
            continue;
        }
        if (line_len(l) > 250) {
            return 0;
        }
        int words = word_count(a, l);
        if (words >= 2 && words <= 30 && !ends_sentence(a, l) && pos < a->len) {
            *title = l;
            a->title_span = (cc_span){ l.start, l.end };
            if (!a->title.len) {
                a->title = cc_str_span(a, a->title_span);
            }
            *index = i;
            return 1;
        }
        return 0;
    }
    return 0;
}

static pcre2_code *dateline_re;
static pthread_once_t dateline_made = PTHREAD_ONCE_INIT;

static void make_dateline_pattern(void)
{
    int code;
    PCRE2_SIZE off;
    /* ALEPPO, Syria (Reuters) -   BEIRUT (AP) —   (CNN) -- */
    const char *pattern =
        "^(?:[A-Z][A-Z.'\\x{2019} -]{1,40}(?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,3})?[ ]*)?"
        "(?:\\([A-Za-z][A-Za-z .&'-]{0,40}\\)[ ]*)?(?:-{1,2}|\\x{2013}|\\x{2014}|:)[ ]+";
    dateline_re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &off, NULL);
    if (dateline_re) {
        pcre2_jit_compile(dateline_re, PCRE2_JIT_COMPLETE);
    }
}

/* Compiled once per process, whichever thread comes first. */
static pcre2_code *dateline_pattern(void)
{
    pthread_once(&dateline_made, make_dateline_pattern);
    return dateline_re;
}

/* Whether the pattern can find a dateline the caller keeps (capitals or an agency): that takes an agency
 * in brackets or a capital followed by a capital, a space or a mark of a place's name ("ST. LOUIS"). Most
 * first paragraphs open otherwise and need no match. */
static int may_open_dateline(const char *p)
{
    unsigned char c1 = (unsigned char)p[1];
    return p[0] == '(' || (p[0] >= 'A' && p[0] <= 'Z' && ((c1 >= 'A' && c1 <= 'Z') || c1 == '.' || c1 == '\'' ||
                                                          c1 == ' ' || c1 == '-' || c1 == 0xE2));
}

static void find_dateline(cc_article *a, line body)
{
    if (line_len(body) < 20 || !may_open_dateline(a->text + body.start)) {
        return;
    }
    pcre2_code *re = dateline_pattern();
    if (!re) {
        return;
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)(a->text + body.start), line_len(body), 0, 0, md, NULL);
    if (rc > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        /* a bare "Word:" or "-" opening is not a dateline; it needs capitals or an agency */
        const char *p = a->text + body.start;
        int caps = ov[1] >= 4 && p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z';
        int agency = memchr(p, '(', ov[1]) != NULL;
        if ((caps || agency) && ov[1] < line_len(body)) {
            a->dateline_span = (cc_span){ body.start, body.start + (uint32_t)ov[1] };
            CC_VEC_PUSH(a->furniture, a->dateline_span);
        }
    }
    pcre2_match_data_free(md);
}

/* Short lines without sentence punctuation (the caller's test) between paragraphs: sub-headings
 * ("Civilian Evacuation"). */
static int is_heading(const cc_article *a, line l)
{
    if (line_len(l) > 100) {
        return 0;
    }
    int words = word_count(a, l);
    return words >= 1 && words <= 12;
}

static int compare_spans(const void *x, const void *y)
{
    const cc_span *a = x, *b = y;
    return (a->start > b->start) - (a->start < b->start);
}

void cc_clean(cc_article *a)
{
    pthread_once(&lists_read, read_lists);
    size_t title_index = (size_t)-1;
    line title = { 0, 0 };
    int has_title = find_title(a, &title, &title_index);
    int body_seen = 0;
    uint32_t pos = 0;
    for (size_t i = 0; pos < a->len; i++) {
        line l = next_line(a, &pos);
        cc_date d;
        if (line_len(l) == 0 || i == title_index) {
            continue;
        }
        size_t glued;
        d = (cc_date){ 0, 0, 0 };
        if (i < 8 && !body_seen && is_date_line(a, l, &d)) {
            set_published(a, d);
            add_furniture(a, l);
        } else if (i < 8 && !body_seen && (glued = glued_opening(a, l, has_title ? &title : NULL, &d)) != 0) {
            if (d.year) {
                set_published(a, d);
            }
            add_furniture(a, (line){ l.start, l.start + (uint32_t)glued });
            body_seen = 1;
        } else {
            int sentence = ends_sentence(a, l); /* once: the tests below would each ask */
            if (starts_with_furniture(a, l) || is_credited_caption(a, l) ||
                (!sentence && (is_separator_trail(a, l) || (has_title && is_breadcrumb(a, l, title))))) {
                add_furniture(a, l);
            } else if (!sentence && is_heading(a, l) && pos < a->len) {
                cc_span s = { l.start, l.end };
                CC_VEC_PUSH(a->headings, s);
            } else if (!body_seen) {
                body_seen = 1;
                find_dateline(a, l);
            }
        }
    }
    if (a->furniture.n > 1) {
        qsort(a->furniture.v, a->furniture.n, sizeof *a->furniture.v, compare_spans);
    }
}
