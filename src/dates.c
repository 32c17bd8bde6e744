#include "dates.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static const char *const month_names[12] = { "january", "february", "march", "april", "may", "june", "july",
                                             "august", "september", "october", "november", "december" };
static const char *const weekday_names[7] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                              "saturday", "sunday" };

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

#define INITIAL(c) (1u << ((c) - 'a'))
enum {
    MONTH_INITIALS = INITIAL('j') | INITIAL('f') | INITIAL('m') | INITIAL('a') | INITIAL('s') | INITIAL('o') |
                     INITIAL('n') | INITIAL('d'),
    WEEKDAY_INITIALS = INITIAL('m') | INITIAL('t') | INITIAL('w') | INITIAL('f') | INITIAL('s')
};

/* Full name, or a prefix of at least three letters ("Sept" and "Tues" included). initials: the names'
 * first letters, as bits, which turn most words away before the names are read (every line of an article
 * and every capitalised word near a figure asks). */
static int name_index(const char *s, size_t len, const char *const *names, int count, uint32_t initials)
{
    if (len < 3) {
        return -1; /* before any byte is read: a caller may pass an empty word at the text's end */
    }
    unsigned first = (unsigned)(((unsigned char)s[0] | 0x20u) - 'a');
    if (first >= 26 || !((initials >> first) & 1)) {
        return -1;
    }
    for (int i = 0; i < count; i++) {
        if ((s[0] | 0x20) != names[i][0] || (s[1] | 0x20) != names[i][1]) {
            continue; /* capitalised words come here by the hundred: most differ in their first two letters */
        }
        size_t k = 2;
        while (k < len && (s[k] | 0x20) == names[i][k]) { /* names are lower case: ends at their NUL */
            k++;
        }
        if (k == len) {
            return i;
        }
    }
    return -1;
}

int cc_month_number(const char *s, size_t len)
{
    return name_index(s, len, month_names, 12, MONTH_INITIALS) + 1;
}

int cc_weekday_number(const char *s, size_t len)
{
    return name_index(s, len, weekday_names, 7, WEEKDAY_INITIALS);
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : days[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static cc_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    cc_date r;
    r.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int)(yoe + era * 400 + (r.month <= 2));
    return r;
}

int cc_date_weekday(cc_date d)
{
    long z = days_from_civil(d.year, d.month, d.day);
    /* 1970-01-01 was a Thursday (3) */
    return (int)(((z % 7) + 7 + 3) % 7);
}

long cc_date_days(cc_date d)
{
    return days_from_civil(d.year, d.month, d.day);
}

cc_date cc_date_add_days(cc_date d, int days)
{
    return civil_from_days(days_from_civil(d.year, d.month, d.day) + days);
}

typedef struct scan {
    const char *s;
    size_t len, pos;
} scan;

static void skip_separators(scan *sc)
{
    while (sc->pos < sc->len && strchr(" ,.\t", sc->s[sc->pos]) && sc->s[sc->pos]) {
        sc->pos++;
    }
}

static int read_number(scan *sc, int max_digits, int *out)
{
    size_t start = sc->pos;
    int v = 0;
    while (sc->pos < sc->len && is_digit(sc->s[sc->pos]) && (int)(sc->pos - start) < max_digits) {
        v = v * 10 + (sc->s[sc->pos++] - '0');
    }
    if (sc->pos == start || (sc->pos < sc->len && is_digit(sc->s[sc->pos]))) {
        sc->pos = start;
        return 0;
    }
    *out = v;
    return 1;
}

static size_t word_length(const scan *sc)
{
    size_t n = 0;
    while (sc->pos + n < sc->len && is_alpha(sc->s[sc->pos + n])) {
        n++;
    }
    return n;
}

static int read_month_name(scan *sc, int *month)
{
    size_t n = word_length(sc);
    int m = n ? cc_month_number(sc->s + sc->pos, n) : 0;
    if (!m) {
        return 0;
    }
    sc->pos += n;
    *month = m;
    return 1;
}

static void skip_ordinal_suffix(scan *sc)
{
    size_t n = word_length(sc);
    if (n == 2) {
        const char *w = sc->s + sc->pos;
        if (!strncasecmp(w, "st", 2) || !strncasecmp(w, "nd", 2) || !strncasecmp(w, "rd", 2) ||
            !strncasecmp(w, "th", 2)) {
            sc->pos += 2;
        }
    }
}

static void skip_clock_time(scan *sc)
{
    size_t save = sc->pos;
    while (sc->pos < sc->len && (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == ',')) {
        sc->pos++;
    }
    int h, m;
    if (read_number(sc, 2, &h) && sc->pos < sc->len && sc->s[sc->pos] == ':') {
        sc->pos++;
        if (read_number(sc, 2, &m)) {
            return;
        }
    }
    sc->pos = save;
}

static int valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* 2016-12-13 */
static int parse_iso(scan *sc, cc_date *out)
{
    int y, m, d;
    if (read_number(sc, 4, &y) && sc->pos < sc->len && sc->s[sc->pos] == '-' && (++sc->pos, read_number(sc, 2, &m)) &&
        sc->pos < sc->len && sc->s[sc->pos] == '-' && (++sc->pos, read_number(sc, 2, &d)) && valid(y, m, d)) {
        *out = (cc_date){ y, m, d };
        return 1;
    }
    return 0;
}

/* 12/13/2016 (US order, as US outlets write it), or 13.12.2016 and 13-12-2016 (day first, as the rest of
 * the world writes it with those marks); the other order when the first cannot be a date. */
static int parse_numeric(scan *sc, cc_date *out)
{
    int a, b, y;
    if (!read_number(sc, 2, &a) || sc->pos >= sc->len || !strchr("/.-", sc->s[sc->pos]) || !sc->s[sc->pos]) {
        return 0;
    }
    char mark = sc->s[sc->pos++];
    if (!read_number(sc, 2, &b) || sc->pos >= sc->len || sc->s[sc->pos] != mark || (++sc->pos, !read_number(sc, 4, &y))) {
        return 0;
    }
    int month_first = mark == '/';
    int m = month_first ? a : b, d = month_first ? b : a;
    if (valid(y, m, d)) {
        *out = (cc_date){ y, m, d };
        return 1;
    }
    if (valid(y, d, m)) {
        *out = (cc_date){ y, d, m };
        return 1;
    }
    return 0;
}

/* "13 December 2016", "13th Dec. 2016", "December 13, 2016", "Dec 13 2016" */
static int parse_words(scan *sc, cc_date *out)
{
    int d, m, y;
    size_t start = sc->pos;
    if (read_number(sc, 2, &d)) {
        skip_ordinal_suffix(sc);
        skip_separators(sc);
        if (sc->pos + 3 <= sc->len && !strncasecmp(sc->s + sc->pos, "of ", 3)) {
            sc->pos += 3;
        }
        if (read_month_name(sc, &m)) {
            skip_separators(sc);
            if (read_number(sc, 4, &y) && valid(y, m, d)) {
                *out = (cc_date){ y, m, d };
                return 1;
            }
        }
    }
    sc->pos = start;
    if (read_month_name(sc, &m)) {
        skip_separators(sc);
        if (read_number(sc, 2, &d)) {
            skip_ordinal_suffix(sc);
            skip_separators(sc);
            if (read_number(sc, 4, &y) && valid(y, m, d)) {
                *out = (cc_date){ y, m, d };
                return 1;
            }
        }
    }
    sc->pos = start;
    return 0;
}

/* Whether a date can start at byte c: a digit, or the initial of a name among initials. */
static int may_open(char c, uint32_t initials)
{
    unsigned first = (unsigned)(((unsigned char)c | 0x20u) - 'a');
    return is_digit(c) || (is_alpha(c) && ((initials >> first) & 1));
}

size_t cc_date_parse(const char *s, size_t len, cc_date *out)
{
    /* every line start of an article asks: most open with a word no weekday or month starts like */
    if (!len || !may_open(s[0], MONTH_INITIALS | WEEKDAY_INITIALS)) {
        return 0;
    }
    scan sc = { s, len, 0 };
    size_t n = word_length(&sc);
    if (n && cc_weekday_number(s, n) >= 0) {
        sc.pos += n;
        skip_separators(&sc);
    }
    size_t start = sc.pos;
    if (start >= len || !may_open(s[start], MONTH_INITIALS)) {
        return 0;
    }
    cc_date d;
    if (parse_iso(&sc, &d) || (sc.pos = start, parse_numeric(&sc, &d)) || (sc.pos = start, parse_words(&sc, &d))) {
        skip_clock_time(&sc);
        *out = d;
        return sc.pos;
    }
    return 0;
}
