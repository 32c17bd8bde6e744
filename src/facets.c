#include "facets.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* ---- words of a short phrase ---- */

typedef struct words {
    const char *p, *end;
} words;

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
           c >= 0x80;
}

/* Length of an apostrophe or curly quote mark at p (' ‘ ’ “ ”), else 0. */
static size_t mark_len(const char *p, const char *end)
{
    if (p < end && *p == '\'') {
        return 1;
    }
    if (end - p >= 3 && (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
        (unsigned char)p[2] >= 0x98 && (unsigned char)p[2] <= 0x9d) {
        return 3;
    }
    return 0;
}

/* Next word, without a possessive "'s" and without quote marks glued to it. */
static int next_word(words *it, cc_str *w)
{
    for (;;) {
        while (it->p < it->end && !word_byte((unsigned char)*it->p)) {
            it->p++;
        }
        if (it->p >= it->end) {
            return 0;
        }
        const char *s = it->p;
        while (it->p < it->end && word_byte((unsigned char)*it->p)) {
            it->p++;
        }
        const char *e = it->p;
        for (size_t k; s < e && (k = mark_len(s, e)) > 0;) {
            s += k;
        }
        for (const char *q = s; q < e; q++) {
            size_t k = mark_len(q, e);
            if (k && q + k + 1 == e && (q[k] == 's' || q[k] == 'S')) {
                e = q;
                break;
            }
        }
        while (e > s && (e[-1] == '-' || mark_len(e - 1, e) || (e - s >= 3 && mark_len(e - 3, e) == 3))) {
            e -= mark_len(e - 1, e) ? 1 : e[-1] == '-' ? 1 : 3;
        }
        if (e > s) {
            *w = cc_str_of(s, (size_t)(e - s));
            return 1;
        }
    }
}

static words words_of(cc_str s)
{
    words it = { s.p, s.p + s.len };
    return it;
}

typedef enum lexicon { LEX_PEOPLE, LEX_VAGUE, LEX_PLACE, LEX_TIME, LEX_ROLES, LEX_COUNT } lexicon;

static const cc_lexset *sets[LEX_COUNT];
static pthread_once_t sets_read = PTHREAD_ONCE_INIT;

static void read_sets(void)
{
    static const char *const names[LEX_COUNT] = { "people_classes", "vague_amounts", "place_parts", "time_frames",
                                                  "source_roles" };
    for (int i = 0; i < LEX_COUNT; i++) {
        sets[i] = cc_lexset_get(names[i]);
    }
}

/* The sets are looked up by name once per process, not at every word. */
static const cc_lexentry *lookup(lexicon which, const char *s, size_t len)
{
    pthread_once(&sets_read, read_sets);
    return cc_lexset_find(sets[which], s, len);
}

static int value_is(const cc_lexentry *e, const char *v)
{
    size_t n = strlen(v);
    return e && e->value_len >= n && memcmp(e->value, v, n) == 0 && (e->value_len == n || e->value[n] == ' ');
}

static int is_cap(cc_str w)
{
    return w.len && ((w.p[0] >= 'A' && w.p[0] <= 'Z') || (unsigned char)w.p[0] >= 0xc3);
}

/* Appends a lower-cased word to a space-separated key. */
static void key_add(char *buf, size_t cap, size_t *n, cc_str w)
{
    if (*n + w.len + 2 > cap) {
        return;
    }
    if (*n) {
        buf[(*n)++] = ' ';
    }
    for (uint32_t i = 0; i < w.len; i++) {
        char c = w.p[i];
        buf[(*n)++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
}

static cc_str key_keep(cc_arena *scratch, const char *buf, size_t n)
{
    return n ? cc_str_of(cc_arena_strndup(scratch, buf, n), n) : cc_str_of("", 0);
}

/* ---- the interval a figure asserts ---- */

static void read_vague(cc_facets *f, cc_str vague)
{
    const cc_lexentry *e = lookup(LEX_VAGUE, vague.p, vague.len);
    double lo = 2, hi = INFINITY;
    if (e) {
        char *rest;
        lo = strtod(e->value, &rest);
        hi = strtod(rest, NULL);
    }
    f->vague = 1;
    f->lo = f->fig_lo = lo;
    f->hi = hi;
    f->fig_hi = isfinite(hi) ? hi : lo;
}

/* People are counted in whole numbers, so "more than 750" starts at 751 and "nearly 200" ends at 199;
 * for small or fractional figures the open end stays where it is. */
static double step(double v)
{
    return v >= 10 && v == floor(v) ? 1 : 0;
}

/* A bound derived from a whole-number figure is a whole number (990 less 10% is 891, not 891.0000001). */
static double whole(double bound, double figure)
{
    return figure == floor(figure) ? round(bound) : bound;
}

static void read_interval(cc_facets *f, const cc_amount *m)
{
    if (m->vague.len || !m->has_value) {
        read_vague(f, m->vague);
        return;
    }
    double lo = m->is_range ? m->low : m->value, hi = m->is_range ? m->high : m->value;
    f->fig_lo = lo;
    f->fig_hi = hi;
    switch ((cc_qualifier)m->qualifier) {
    case CC_Q_APPROX: lo = whole(lo * 0.9, lo); hi = whole(hi * 1.1, hi); break;
    case CC_Q_AT_LEAST: hi = INFINITY; break;
    case CC_Q_MORE_THAN: lo += step(lo); hi = INFINITY; break;
    case CC_Q_NEARLY: lo = whole(lo * 0.9, lo); hi -= step(hi); break;
    case CC_Q_UP_TO: lo = 0; break;
    case CC_Q_LESS_THAN: lo = 0; hi -= step(hi); break;
    default: break;
    }
    f->lo = lo;
    f->hi = hi < lo ? lo : hi;
}

/* ---- who: a class in data/people_classes.txt ---- */

static const cc_lexentry *canonical(const cc_lexentry *e)
{
    for (int guard = 0; e && e->value_len && e->value[0] == '=' && guard < 8; guard++) {
        e = lookup(LEX_PEOPLE, e->value + 1, e->value_len - 1);
    }
    return e;
}

static const cc_lexentry *parent(const cc_lexentry *e)
{
    if (!e || !e->value_len || e->value[0] == '=' || value_is(e, "stop")) {
        return NULL;
    }
    int loose = e->value[0] == '~';
    return canonical(lookup(LEX_PEOPLE, e->value + loose, e->value_len - (uint32_t)loose));
}

/* b is reached from a through parents that news uses interchangeably with their child. */
static int loosely_same(const cc_lexentry *a, const cc_lexentry *b)
{
    for (int depth = 0; a && a->value_len && a->value[0] == '~' && depth < 16; depth++) {
        a = parent(a);
        if (a == b) {
            return 1;
        }
    }
    return 0;
}

static int is_ancestor(const cc_lexentry *up, const cc_lexentry *e)
{
    for (int depth = 0; e && depth < 16; depth++, e = parent(e)) {
        if (e == up) {
            return 1;
        }
    }
    return 0;
}

int cc_who_relation(const cc_lexentry *a, const cc_lexentry *b)
{
    if (!a || !b || a == b || loosely_same(a, b) || loosely_same(b, a)) {
        return CC_REL_SAME;
    }
    if (is_ancestor(b, a)) {
        return CC_REL_NARROWER;
    }
    return is_ancestor(a, b) ? CC_REL_BROADER : CC_REL_NONE;
}

/* The class that covers every class named ("men, women and children" are people). */
static const cc_lexentry *common_class(const cc_lexentry *a, const cc_lexentry *b)
{
    if (!a || !b) {
        return a ? a : b;
    }
    for (const cc_lexentry *up = a; up; up = parent(up)) {
        if (is_ancestor(up, b)) {
            return up;
        }
    }
    return NULL;
}

static const cc_lexentry *read_who(cc_str who)
{
    words it = words_of(who);
    cc_str w, prev = { NULL, 0 };
    const cc_lexentry *cls = NULL;
    while (next_word(&it, &w)) {
        const cc_lexentry *e = NULL;
        if (prev.len) {
            e = lookup(LEX_PEOPLE, prev.p, (size_t)(w.p + w.len - prev.p));
        }
        if (!e) {
            e = lookup(LEX_PEOPLE, w.p, w.len);
        }
        if (value_is(e, "stop")) {
            break;
        }
        if (e) {
            cls = cls ? common_class(cls, canonical(e)) : canonical(e);
        }
        prev = w;
    }
    return cls;
}

/* ---- where ---- */

static void read_place(cc_facets *f, cc_str where, cc_arena *scratch)
{
    char buf[128];
    size_t n = 0;
    words it = words_of(where);
    cc_str w;
    const char *name = NULL, *name_end = NULL;
    while (next_word(&it, &w)) {
        const cc_lexentry *e = lookup(LEX_PLACE, w.p, w.len);
        if (value_is(e, "part")) {
            f->place_part = 1;
        } else if (!e && is_cap(w)) {
            key_add(buf, sizeof buf, &n, w);
            name = name ? name : w.p;
            name_end = w.p + w.len;
        }
    }
    f->place = key_keep(scratch, buf, n);
    f->place_name = name ? cc_str_of(name, (size_t)(name_end - name)) : cc_str_of("", 0);
}

static int name_at(const char *p, const char *end, cc_str name)
{
    return (size_t)(end - p) >= name.len && memcmp(p, name.p, name.len) == 0 &&
           (p + name.len == end || !word_byte((unsigned char)p[name.len]) || p[name.len] == '\'');
}

/* Length of a possessive "'s" or "’s" ending at q, else 0. */
static size_t possessive_before(const char *start, const char *q)
{
    if (q - start < 2 || (q[-1] != 's' && q[-1] != 'S')) {
        return 0;
    }
    if (q[-2] == '\'') {
        return 2;
    }
    return q - start >= 4 && memcmp(q - 4, "\xe2\x80\x99", 3) == 0 ? 4 : 0;
}

/* "outer's inner", with up to two part words between ("Syria's northern Idlib province"): where the
 * possessors' names would end. */
static void find_owners(cc_place_context *ctx, const char *p)
{
    const char *start = ctx->start;
    for (int hops = 0; hops < 3; hops++) {
        const char *q = p;
        while (q > start && q[-1] == ' ') {
            q--;
        }
        size_t k = possessive_before(start, q);
        if (k) {
            ctx->owner[ctx->n_owner++] = q - k;
        }
        const char *w = q;
        while (w > start && word_byte((unsigned char)w[-1])) {
            w--;
        }
        if (w == q || !value_is(lookup(LEX_PLACE, w, (size_t)(q - w)), "part")) {
            return;
        }
        p = w;
    }
}

/* "inner in outer", "inner, outer", "inner district of the outer": where the holding place's name would
 * start, past link, part and whole words. */
static void find_holders(cc_place_context *ctx, const char *p)
{
    const char *end = ctx->end;
    for (int hops = 0; p < end && hops < 4; hops++) {
        while (p < end && (*p == ' ' || *p == ',' || *p == '(')) {
            p++;
        }
        ctx->after[ctx->n_after++] = p;
        const char *s = p;
        while (p < end && word_byte((unsigned char)*p) && *p != '\'') {
            p++;
        }
        const cc_lexentry *e = p > s && !is_cap(cc_str_of(s, (size_t)(p - s))) ? lookup(LEX_PLACE, s, (size_t)(p - s)) : NULL;
        if (!value_is(e, "link") && !value_is(e, "part") && !value_is(e, "whole")) {
            return;
        }
    }
}

int cc_place_context_at(cc_place_context *ctx, const char *start, const char *p, const char *end, cc_str inner)
{
    if (!name_at(p, end, inner)) {
        return 0;
    }
    ctx->start = start;
    ctx->end = end;
    ctx->n_owner = ctx->n_after = 0;
    find_owners(ctx, p);
    find_holders(ctx, p + inner.len);
    return 1;
}

int cc_place_context_names(const cc_place_context *ctx, cc_str outer)
{
    for (int k = 0; k < ctx->n_after; k++) {
        if (name_at(ctx->after[k], ctx->end, outer)) {
            return 1;
        }
    }
    for (int k = 0; k < ctx->n_owner; k++) {
        const char *o = ctx->owner[k];
        if ((size_t)(o - ctx->start) >= outer.len && memcmp(o - outer.len, outer.p, outer.len) == 0 &&
            (o - outer.len == ctx->start || !word_byte((unsigned char)o[-(long)outer.len - 1]))) {
            return 1;
        }
    }
    return 0;
}

static int has_word(cc_str key, const char *w, size_t len)
{
    for (const char *p = key.p, *end = key.p + key.len; p < end;) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        const char *we = sp ? sp : end;
        if ((size_t)(we - p) == len && memcmp(p, w, len) == 0) {
            return 1;
        }
        p = we + 1;
    }
    return 0;
}

/* Every word of a is in b: "aleppo" within "aleppo province". */
static int words_within(cc_str a, cc_str b)
{
    for (const char *p = a.p, *end = a.p + a.len; p < end;) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        const char *we = sp ? sp : end;
        if (!has_word(b, p, (size_t)(we - p))) {
            return 0;
        }
        p = we + 1;
    }
    return 1;
}

int cc_place_relation(const cc_facets *a, const cc_facets *b)
{
    if (a->place.len && b->place.len && !words_within(a->place, b->place) && !words_within(b->place, a->place)) {
        return CC_REL_NONE;
    }
    if (a->place_part != b->place_part) {
        return a->place_part ? CC_REL_NARROWER : CC_REL_BROADER;
    }
    return CC_REL_SAME;
}

/* ---- when ---- */

/* The last such weekday on or before the anchor; without one, a day within the past week. */
static long since_weekday(int weekday, long anchor)
{
    if (!anchor) {
        return -6;
    }
    cc_date ref = cc_date_add_days((cc_date){ 1970, 1, 1 }, (int)anchor);
    int back = (cc_date_weekday(ref) - weekday + 7) % 7;
    return anchor - back;
}

/* The first day of "since November 15", "since mid-July", "since 2011", "since Monday"; 0 when the
 * phrase names no date, negative (days before the unknown anchor) when only its length is known. */
static long parse_since(words *it, long anchor)
{
    cc_str w;
    int month = 0, day = 0, year = 0;
    for (int k = 0; k < 5 && next_word(it, &w); k++) {
        const char *p = w.p;
        size_t len = w.len;
        if (value_is(lookup(LEX_TIME, p, len), "vague")) {
            continue;
        }
        const char *dash = memchr(p, '-', len);
        if (dash) { /* "mid-July", "early-November" */
            len -= (size_t)(dash + 1 - p);
            p = dash + 1;
        }
        int m = cc_month_number(p, len);
        long v = (len && p[0] >= '0' && p[0] <= '9') ? strtol(p, NULL, 10) : 0;
        if (!month && !year && cc_weekday_number(p, len) >= 0) {
            return since_weekday(cc_weekday_number(p, len), anchor);
        }
        if (m) {
            month = m;
        } else if (v >= 1900 && v <= 2100) {
            year = (int)v;
        } else if (v >= 1 && v <= 31) {
            day = (int)v;
        } else {
            break;
        }
    }
    if (!month && !year) {
        return 0;
    }
    cc_date ref = { 1970, 1, 1 };
    if (anchor) {
        ref = cc_date_add_days(ref, (int)anchor);
    }
    if (!year) {
        if (!anchor) {
            return 0;
        }
        year = ref.year - (month > ref.month);
    }
    cc_date start = { year, month ? month : 1, day ? day : 1 };
    return cc_date_days(start);
}

/* "on December 12" is a day, "in November" a month, "in 2015" a year; returns the length in days and,
 * where the year is known, sets the days. */
static long calendar_frame(cc_frame *fr, int month, int mday, int year, long anchor)
{
    if (!month) {
        fr->d0 = cc_date_days((cc_date){ year, 1, 1 });
        fr->d1 = fr->d0 + 364;
        return 365;
    }
    if (!anchor && !year) {
        return mday ? 1 : 30;
    }
    cc_date ref = cc_date_add_days((cc_date){ 1970, 1, 1 }, (int)anchor);
    int y = year ? year : ref.year - (month > ref.month);
    fr->d0 = cc_date_days((cc_date){ y, month, mday ? mday : 1 });
    fr->d1 = mday ? fr->d0 : cc_date_days((cc_date){ y + (month == 12), month % 12 + 1, 1 }) - 1;
    return fr->d1 - fr->d0 + 1;
}

/* Reads "the last 27 days", "on Monday", "since November 15" into a length and, with an anchor, days. */
static cc_frame frame_of_phrase(cc_str when, long anchor)
{
    cc_frame fr = { CC_FRAME_SHORT, 0, 0, 0 };
    words it = words_of(when);
    cc_str w;
    long count = 0, days = 0, year = 0, day = 0;
    int month = 0;
    while (next_word(&it, &w)) {
        const cc_lexentry *e = lookup(LEX_TIME, w.p, w.len);
        if (w.p[0] >= '0' && w.p[0] <= '9') {
            count = strtol(w.p, NULL, 10);
            year = count >= 1900 && count <= 2100 ? count : year;
        } else if (cc_month_number(w.p, w.len)) {
            month = cc_month_number(w.p, w.len);
        } else if (value_is(e, "number") || value_is(e, "count")) {
            count = strtol(strchr(e->value, ' ') + 1, NULL, 10);
        } else if (value_is(e, "unit")) {
            long unit = strtol(e->value + 5, NULL, 10);
            days = (count ? count : 1) * unit;
            count = 0;
        } else if (value_is(e, "span")) {
            char *rest;
            long n = strtol(e->value + 5, &rest, 10);
            int weekday = cc_weekday_number(w.p, w.len);
            days = days > 1 ? days : n;
            if (anchor && weekday >= 0) {
                day = since_weekday(weekday, anchor);
            } else if (anchor && strncmp(rest, " ago ", 5) == 0) {
                day = anchor - strtol(rest + 5, NULL, 10);
            }
        } else if (value_is(e, "since")) {
            long start = parse_since(&it, anchor);
            if (start < 0) {
                days = 1 - start;
            } else if (start && anchor && anchor >= start) {
                fr.d0 = start;
                fr.d1 = anchor;
                days = anchor - start + 1;
            } else {
                days = 0;
                fr.kind = CC_FRAME_LONG;
            }
            break;
        }
    }
    if (!days && (month || year)) {
        days = calendar_frame(&fr, month, count >= 1 && count <= 31 ? (int)count : 0, (int)year, anchor);
    }
    if (day > 0 && days <= 7 && !fr.d0) { /* "on Saturday", "yesterday": that day */
        fr.d0 = day;
        fr.d1 = day + days - 1;
    }
    if (days) {
        fr.kind = days <= 7 ? CC_FRAME_SHORT : CC_FRAME_LONG;
        fr.days = days;
        if (anchor && !fr.d0) {
            fr.d0 = anchor - days + 1;
            fr.d1 = anchor;
        }
    }
    return fr;
}

static long day_of(int y, int m, int d)
{
    cc_date date = { y, m ? m : 1, d ? d : 1 };
    return cc_date_days(date);
}

static cc_frame read_frame(const cc_claim *cl, long anchor)
{
    if (!cl->when.len) {
        cc_frame none = { CC_FRAME_NONE, 0, 0, 0 };
        return none;
    }
    cc_frame fr = frame_of_phrase(cl->when, anchor);
    const cc_date_range *r = &cl->when_resolved;
    if (!r->y0 || !r->m0) {
        return fr;
    }
    long d0 = day_of(r->y0, r->m0, r->d0), d1;
    if (r->y1 && r->m1) {
        d1 = day_of(r->y1, r->m1, r->d1 ? r->d1 : 28);
    } else if (fr.kind == CC_FRAME_LONG) { /* "since early 2011": it runs to publication */
        d1 = anchor > d0 ? anchor : 0;
    } else {
        d1 = d0 + (r->d0 ? 0 : 27);
    }
    if (!d1) {
        fr.days = 0;
        return fr;
    }
    fr.d0 = d0;
    fr.d1 = d1;
    fr.days = d1 - d0 + 1;
    fr.kind = fr.days <= 7 ? CC_FRAME_SHORT : CC_FRAME_LONG;
    return fr;
}

int cc_frame_relation(const cc_frame *a, const cc_frame *b)
{
    int a_long = a->kind == CC_FRAME_LONG, b_long = b->kind == CC_FRAME_LONG;
    if (a_long != b_long) {
        return CC_REL_NONE;
    }
    int anchored = a->d0 && b->d0;
    if (!a_long) {
        if (anchored && (a->d0 > b->d1 + 7 || b->d0 > a->d1 + 7)) {
            return CC_REL_NONE;
        }
        if (a->kind == CC_FRAME_NONE || b->kind == CC_FRAME_NONE || a->days == b->days) {
            return CC_REL_SAME;
        }
        return a->days < b->days ? CC_REL_NARROWER : CC_REL_BROADER;
    }
    /* long frames count the same thing when of like length (27 days, "since November 15") and, where
     * dates are known, overlapping for at least half the shorter */
    long big = a->days > b->days ? a->days : b->days, small = a->days + b->days - big;
    if (a->days && b->days && 2 * big > 5 * small) {
        return CC_REL_NONE;
    }
    if (anchored) {
        long lo = a->d0 > b->d0 ? a->d0 : b->d0, hi = a->d1 < b->d1 ? a->d1 : b->d1;
        return 2 * (hi - lo + 1) >= small ? CC_REL_SAME : CC_REL_NONE;
    }
    return CC_REL_SAME;
}

/* ---- source ---- */

static void read_source(cc_facets *f, cc_str source, cc_arena *scratch)
{
    char buf[192];
    size_t n = 0;
    int kept = 0, cap = 0;
    words it = words_of(source);
    cc_str w;
    while (next_word(&it, &w)) {
        const cc_lexentry *e = lookup(LEX_ROLES, w.p, w.len);
        if (e && !value_is(e, "join")) {
            continue;
        }
        key_add(buf, sizeof buf, &n, w);
        kept++;
        cap = is_cap(w);
    }
    f->source = key_keep(scratch, buf, n);
    f->source_name = kept == 1 && cap;
}

/* The initials of a normalised name, joiners skipped: "united nations" -> "un". */
static size_t initials(cc_str s, char *out, size_t cap)
{
    size_t n = 0, count = 0;
    for (const char *p = s.p, *end = s.p + s.len; p < end && n < cap; count++) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        const char *we = sp ? sp : end;
        if (!value_is(lookup(LEX_ROLES, p, (size_t)(we - p)), "join")) {
            out[n++] = *p;
        }
        p = we + 1;
    }
    return count >= 2 ? n : 0;
}

static int first_or_last_word(cc_str name, cc_str full)
{
    if (name.len >= full.len) {
        return 0;
    }
    int first = full.p[name.len] == ' ' && memcmp(full.p, name.p, name.len) == 0;
    int last = full.p[full.len - name.len - 1] == ' ' && memcmp(full.p + full.len - name.len, name.p, name.len) == 0;
    return first || last;
}

static int name_matches(cc_str name, cc_str full)
{
    char ini[32];
    size_t n = initials(full, ini, sizeof ini);
    if (n && n == name.len && memcmp(ini, name.p, n) == 0) {
        return 1;
    }
    return first_or_last_word(name, full);
}

int cc_same_source(const cc_facets *a, const cc_facets *b)
{
    if (!a->source.len || !b->source.len) {
        return 0;
    }
    if (a->source.len == b->source.len && memcmp(a->source.p, b->source.p, a->source.len) == 0) {
        return 1;
    }
    if (a->source_name && name_matches(a->source, b->source)) {
        return 1;
    }
    if (b->source_name && name_matches(b->source, a->source)) {
        return 1;
    }
    /* an acronym leading a longer name stands for the other's whole name ("un human rights office") */
    char ini[32];
    const cc_facets *longer[2] = { a, b };
    for (int k = 0; k < 2; k++) {
        const cc_facets *x = longer[k], *y = longer[1 - k];
        const char *sp = memchr(x->source.p, ' ', x->source.len);
        size_t first = sp ? (size_t)(sp - x->source.p) : x->source.len;
        size_t n = initials(y->source, ini, sizeof ini);
        if (n && n == first && memcmp(ini, x->source.p, n) == 0) {
            return 1;
        }
    }
    return 0;
}

void cc_facets_read(cc_facets *f, const cc_article *a, const cc_claim *cl, long anchor, cc_arena *scratch)
{
    memset(f, 0, sizeof *f);
    if (cl->amount < a->amounts.n) {
        read_interval(f, &a->amounts.v[cl->amount]);
    } else {
        read_vague(f, cc_str_of("", 0));
    }
    f->who = read_who(cl->who);
    read_place(f, cl->where, scratch);
    f->time = read_frame(cl, anchor);
    read_source(f, cl->source, scratch);
}
