#include "amount_read.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "numbers.h"
#include "phrase.h"
#include "words.h"

static const cc_lexset *vague_amounts, *currencies, *units, *clock_words, *prefixes, *stop_words, *ordinal_words;

/* The low end and the name of each vague amount ("10 tens"), parsed once by entry index, not at every
 * reading. */
typedef struct vague_value {
    double low;
    const char *name;
} vague_value;

static vague_value *vague_value_of;

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;
static atomic_int lexicons_ready;

static void parse_vague_values(void)
{
    vague_value_of = calloc(cc_lexset_size(vague_amounts) + 1, sizeof *vague_value_of);
    if (!vague_value_of) {
        abort();
    }
    for (size_t k = 0; k < cc_lexset_size(vague_amounts); k++) {
        char *rest;
        vague_value_of[k].low = strtod(cc_lexset_entry(vague_amounts, k)->value, &rest);
        while (*rest == ' ') {
            rest++;
        }
        vague_value_of[k].name = rest;
    }
}

uint64_t amt_punct_starts[2];

/* The first bytes of the keys of every lexicon amt_phrase_at is asked about (amounts.c and this file). */
static void find_punct_starts(void)
{
    static const char *const around_figure[] = { "units",          "currencies",      "people_nouns",  "qualifiers",
                                                 "qualifiers_after", "change_words",  "change_by_verbs", "clock_words",
                                                 "metre_context",  "ordinal_words",   "street_words",  "vague_figures" };
    for (size_t k = 0; k < CC_COUNT(around_figure); k++) {
        const cc_lexset *set = cc_lexset_get(around_figure[k]);
        for (size_t i = 0; i < cc_lexset_size(set); i++) {
            unsigned char b = (unsigned char)cc_lexset_entry(set, i)->key[0];
            if (b < 128) {
                amt_punct_starts[b >> 6] |= 1ull << (b & 63);
            }
        }
    }
}

static void load_lexicons(void)
{
    currencies = cc_lexset_get("currencies");
    units = cc_lexset_get("units");
    clock_words = cc_lexset_get("clock_words");
    prefixes = cc_lexset_get("number_prefixes");
    stop_words = cc_lexset_get("stop_words");
    ordinal_words = cc_lexset_get("ordinal_words");
    vague_amounts = cc_lexset_get("vague_figures");
    parse_vague_values();
    find_punct_starts();
    atomic_store_explicit(&lexicons_ready, 1, memory_order_release);
}

/* Once per process, whichever thread comes first; after that a load, without a call. */
void amt_init(void)
{
    if (!atomic_load_explicit(&lexicons_ready, memory_order_acquire)) {
        pthread_once(&lexicons_loaded, load_lexicons);
    }
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int value_is(const cc_lexentry *e, const char *v)
{
    return e && e->value_len == strlen(v) && memcmp(e->value, v, e->value_len) == 0;
}

/* Last token that starts before byte e, from token i on; it may lie past the sentence when a full stop
 * was read inside the figure ("RM23.50"). */
static size_t last_before(const amount_ctx *c, size_t i, uint32_t e)
{
    while (i + 1 < c->a->tokens.n && c->tok[i + 1].start < e) {
        i++;
    }
    return i;
}

/* Position of the first digit in word token i, or 0 when it has none. Only the first bytes are looked at:
 * a currency code ("RM79", "$US55") or a joined word ("minus-5", "sub-300") is short. */
static uint32_t digit_in_word(const amount_ctx *c, size_t i)
{
    uint32_t end = c->tok[i].end < c->tok[i].start + 8 ? c->tok[i].end : c->tok[i].start + 8;
    for (uint32_t p = c->tok[i].start + 1; p < end; p++) {
        if (is_digit(c->text[p])) {
            return p;
        }
    }
    return 0;
}

int amt_is_trigger(const amount_ctx *c, size_t i)
{
    const cc_token *t = &c->tok[i];
    if (t->kind == CC_TOK_NUMBER) {
        return 1;
    }
    if (t->kind != CC_TOK_WORD) {
        return 0;
    }
    const char *w = c->text + t->start;
    size_t n = t->end - t->start;
    if (t->flags & CC_TF_HYPHEN) {
        const char *hy = memchr(w, '-', n);
        /* "twenty-eight", "two-thirds"; "minus-5", "sub-300" */
        return hy && (cc_maybe_number_word(w, (size_t)(hy - w)) || (hy + 1 < w + n && is_digit(hy[1])));
    }
    return (t->classes & CC_W_NUMBER_LIKE) || ((t->flags & CC_TF_CAP) && (t->classes & CC_W_GLUED_DIGITS));
}

int amt_spelling_may_trigger(const char *s, size_t n)
{
    if (!n) {
        return 0;
    }
    const char *hy = memchr(s, '-', n);
    int joined = hy && (cc_maybe_number_word(s, (size_t)(hy - s)) || (hy + 1 < s + n && is_digit(hy[1])));
    return is_digit(s[0]) || joined || cc_maybe_number_word(s, n) || amt_glued_digits(s, n);
}

/* Letters glued after the digits: a scale ("bn"), a unit ("GB"), or a sign that it is no quantity. */
static uint32_t glued_suffix(const amount_ctx *c, uint32_t e, figure *f)
{
    uint32_t len = 0;
    while (e + len < c->a->len && is_alpha(c->text[e + len])) {
        len++;
    }
    if (!len) {
        return e;
    }
    const char *s = c->text + e;
    size_t n;
    double scale;
    if (!f->decimals && len == 2 &&
        (!strncasecmp(s, "st", 2) || !strncasecmp(s, "nd", 2) || !strncasecmp(s, "rd", 2) || !strncasecmp(s, "th", 2))) {
        f->nonquantity = 1; /* 22nd */
    } else if (len == 1 && s[0] == 's') {
        f->nonquantity = 1; /* the 1990s */
    } else if (cc_lexset_find(clock_words, s, len)) {
        f->nonquantity = 1; /* 5am, 10.45pm */
    } else if (len == 1 && s[0] == 'm') {
        f->ambiguous_m = 1;
        f->ambiguous_m_str = cc_str_of(s, 1);
    } else if ((scale = cc_scale_suffix(s, len)) > 0) {
        f->value *= scale;
        f->scale = scale;
        f->scaled = 1;
    } else if (len >= 3 && s[0] >= 'a' && s[0] <= 'z' && !cc_lexset_find(units, s, len) &&
               !cc_lexset_find(currencies, s, len)) {
        f->nonquantity = 1; /* "the 49ers" */
    } else {
        f->unit = cc_str_of(s, len);
        const cc_lexentry *u = cc_lexset_find(units, s, len);
        const cc_lexentry *cur = cc_lexset_find(currencies, s, len);
        if (cur && (value_is(cur, "after") || value_is(cur, "both"))) {
            f->kind = "money"; /* 164p, 50USD */
        } else if (u && value_is(u, "percent")) {
            f->kind = "percent";
        } else if (u && value_is(u, "duration")) {
            f->kind = "duration";
        } else {
            f->kind = "measure";
        }
    }
    (void)n;
    return e + len;
}

/* Scale words after a figure: "1.5 million", "4 hundred million", "8 B people". A lone "m" or "k" is left
 * alone: it is more often metres or a name. */
static void spaced_scales(const amount_ctx *c, figure *f)
{
    for (size_t j = f->last + 1; j < c->end && c->tok[j].kind == CC_TOK_WORD; j++) {
        const char *w = c->text + c->tok[j].start;
        size_t len = c->tok[j].end - c->tok[j].start;
        const char *hy = c->tok[j].flags & CC_TF_HYPHEN ? memchr(w, '-', len) : NULL;
        size_t n = hy ? (size_t)(hy - w) : len;
        double v;
        /* a whole word without the class bit is no number word: most words after a figure ask nothing more */
        int maybe = hy || (c->tok[j].classes & CC_W_NUMBER_LIKE);
        if (!maybe || cc_number_word(w, n, &v) != CC_NW_SCALE) {
            v = cc_scale_suffix(w, n);
            if (v <= 0 || hy || (n == 1 && (!(w[0] >= 'A' && w[0] <= 'Z') || j + 1 >= c->end ||
                                            c->tok[j + 1].kind != CC_TOK_WORD))) {
                return;
            }
        }
        f->value *= v;
        f->scale *= v;
        f->scaled = 1;
        f->last = j;
        if (hy) {
            f->unit = cc_str_of(hy + 1, len - n - 1); /* "million-year-old" */
            return;
        }
    }
}

/* "1.99×10−30", "2.998x10^-8" */
static uint32_t exponent(const amount_ctx *c, uint32_t e, figure *f)
{
    const char *s = c->text + e;
    size_t left = c->a->len - e, k;
    if (left > 4 && (unsigned char)s[0] == 0xC3 && (unsigned char)s[1] == 0x97) {
        k = 2;
    } else if (left > 3 && (s[0] == 'x' || s[0] == 'X')) {
        k = 1;
    } else {
        return e;
    }
    if (k + 2 > left || s[k] != '1' || s[k + 1] != '0') {
        return e;
    }
    k += 2;
    if (k < left && s[k] == '^') {
        k++;
    }
    int neg = 0;
    if (k + 3 <= left && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x88 && (unsigned char)s[k + 2] == 0x92) {
        neg = 1, k += 3;
    } else if (k < left && s[k] == '-') {
        neg = 1, k++;
    }
    int p = 0, digits = 0;
    while (k < left && is_digit(s[k]) && digits < 3) {
        p = p * 10 + (s[k++] - '0');
        digits++;
    }
    if (!digits) {
        return e;
    }
    f->value *= pow(10, neg ? -p : p);
    f->decimals = 1;
    return e + (uint32_t)k;
}

static int read_digits(const amount_ctx *c, size_t i, uint32_t byte, figure *f)
{
    int grouped, id, dec;
    double v;
    uint32_t start = byte;
    if (byte > 1 && c->text[byte - 1] == '.' && (c->text[byte - 2] == ' ' || c->text[byte - 2] == '(')) {
        start = byte - 1; /* ".500 record" */
    }
    size_t n = cc_parse_digits(c->text + start, c->a->len - start, &v, &grouped, &id, &dec);
    if (!n) {
        return 0;
    }
    f->value = v;
    f->grouped = (uint8_t)grouped;
    f->int_digits = (uint8_t)id;
    f->decimals = (uint8_t)dec;
    uint32_t e = start + (uint32_t)n;
    /* "1/2 pound", "1/16 of a pint": a proper fraction */
    if (!dec && e + 1 < c->a->len && (c->text[e] == '/' || (unsigned char)c->text[e] == 0xE2)) {
        uint32_t d = c->text[e] == '/' ? e + 1 : e + 3;
        double den;
        int g2, id2, dec2;
        size_t m = d < c->a->len ? cc_parse_digits(c->text + d, c->a->len - d, &den, &g2, &id2, &dec2) : 0;
        if (m && !dec2 && den > v && den <= 1000 && (c->text[e] == '/' || !memcmp(c->text + e, "\xe2\x81\x84", 3)) &&
            (d + m >= c->a->len || c->text[d + m] != '/')) {
            f->value = v / den;
            f->fraction = 1;
            f->decimals = 1;
            e = d + (uint32_t)m;
        }
    }
    e = exponent(c, e, f);
    e = glued_suffix(c, e, f);
    f->last = last_before(c, i, e);
    if (!f->nonquantity && !f->ambiguous_m && !f->unit.len) {
        spaced_scales(c, f);
    }
    return 1;
}

/* "RM79", "USD10m", "$US55,931,000", "minus-5", "sub-300", "now-18". */
static int read_joined(const amount_ctx *c, size_t i, figure *f)
{
    uint32_t d = digit_in_word(c, i);
    if (!d) {
        return 0;
    }
    uint32_t s = c->tok[i].start;
    if (c->text[d - 1] == '-') {
        const cc_lexentry *e = cc_lexset_find(prefixes, c->text + s, d - 1 - s);
        if (!e || !read_digits(c, i, d, f)) {
            return 0;
        }
        if (value_is(e, "negative")) {
            f->value = -f->value;
            f->negative = 1;
        } else if (value_is(e, "less_than")) {
            f->qualifier = CC_Q_LESS_THAN;
        }
        return 1;
    }
    for (uint32_t p = s; p < d; p++) {
        if (!is_alpha(c->text[p])) {
            return 0;
        }
    }
    const cc_lexentry *e = cc_lexset_find(currencies, c->text + s, d - s);
    int after_sign = i > c->first && c->tok[i - 1].kind == CC_TOK_PUNCT && c->tok[i - 1].end == s &&
                     cc_lexset_find(currencies, c->text + c->tok[i - 1].start, s - c->tok[i - 1].start) &&
                     d - s <= 3 && (c->tok[i].flags & CC_TF_CAP);
    if (!after_sign && (!e || value_is(e, "after"))) {
        return 0;
    }
    if (!read_digits(c, i, d, f)) {
        return 0;
    }
    if (value_is(e, "weak") && !after_sign && !f->decimals && !f->grouped && !f->scaled && !f->ambiguous_m) {
        return 0;
    }
    uint32_t us = after_sign ? c->tok[i - 1].start : s;
    f->unit = cc_str_of(c->text + us, d - us);
    f->kind = "money";
    if (after_sign) {
        f->first = i - 1;
    }
    return 1;
}

/* ---- number words ---- */

typedef struct compose {
    double total, cur;
    cc_numword_role last;
    int atoms;
} compose;

static int compose_add(compose *k, cc_numword_role role, double v)
{
    switch (role) {
    case CC_NW_PLAIN:
        if (k->last == CC_NW_PLAIN || (k->last == CC_NW_TENS && v >= 10)) {
            return 0;
        }
        k->cur += v;
        break;
    case CC_NW_TENS:
        if (k->last == CC_NW_PLAIN || k->last == CC_NW_TENS) {
            return 0;
        }
        k->cur += v;
        break;
    case CC_NW_SCALE:
        if (v < 1000) {
            k->cur = (k->cur ? k->cur : 1) * v;
        } else {
            k->total = (k->total + (k->cur ? k->cur : 1)) * v;
            k->cur = 0;
        }
        break;
    case CC_NW_DOZEN:
        k->cur = (k->cur ? k->cur : 1) * v;
        break;
    default:
        return 0;
    }
    k->last = role;
    k->atoms++;
    return 1;
}

static double compose_value(const compose *k)
{
    return k->total + k->cur;
}

/* "one" as a pronoun ("each one", "the same one", "one another") counts nothing. */
static int pronoun_one(const amount_ctx *c, size_t i)
{
    static const char *const before[] = { "each", "every", "no", "any", "the", "same", "this", "that", "which",
                                          "another", "only", "everyone", "someone" };
    static const char *const after[] = { "another", "who", "whom", "that", "which", "day", "time", "way", "thing" };
    if (i + 1 >= c->end || c->tok[i + 1].kind != CC_TOK_WORD) {
        return 1;
    }
    if ((i > c->first && cc_tok_is_any(c->a, i - 1, before, CC_COUNT(before))) ||
        cc_tok_is_any(c->a, i + 1, after, CC_COUNT(after))) {
        return 1; /* the words are letters alone, so only a word token spells one */
    }
    size_t n;
    /* "on one in order to": a function word after it, unless "one of", "one per cent", "one to two" */
    return !amt_word(c, i + 1, "of") && !(c->tok[i + 1].flags & CC_TF_CAP) &&
           cc_phrase_at(stop_words, c->a, i + 1, c->end, 1, &n) && !amt_phrase_at(c, units, i + 1, 2, &n) &&
           !(i + 2 < c->end && amt_is_trigger(c, i + 2));
}

/* What "half" or a fraction word makes of the count before it: -1 no figure (an ordinal: "the third",
 * "first quarter"), 1 a figure, 2 a figure whose count is the article before it ("a third"). */
static int fraction_atom(const amount_ctx *c, figure *f, const compose *k, int den, int article, size_t j,
                         size_t *last)
{
    double v;
    size_t n;
    if (den == 2 && !k->atoms && j > c->first && amt_phrase_at(c, ordinal_words, j - 1, 1, &n)) {
        return -1; /* "the second half", "the other half" */
    }
    if (den == 2 && !k->atoms) {
        if ((amt_word(c, j + 1, "a") || amt_word(c, j + 1, "an")) && j + 2 < c->end &&
            cc_number_word(c->text + c->tok[j + 2].start, c->tok[j + 2].end - c->tok[j + 2].start, &v) >= CC_NW_SCALE) {
            f->value = 0.5 * v; /* "half a million", "half a dozen" */
            *last = j + 2;
            return 1;
        }
        if (amt_word(c, j + 1, "of") || amt_word(c, j + 1, "the") || amt_word(c, j + 1, "their") ||
            amt_word(c, j + 1, "its")) {
            f->value = 0.5;
            f->fraction = 1;
            *last = j;
            return 1;
        }
        return -1;
    }
    double count = k->atoms ? compose_value(k) : article ? 1 : 0;
    if (count <= 0) {
        return -1;
    }
    f->value = count / den;
    f->fraction = 1;
    *last = j;
    return k->atoms ? 1 : 2;
}

static int read_words(const amount_ctx *c, size_t i, figure *f)
{
    compose k = { 0 };
    size_t last = i;
    int article = i > c->first && (amt_word(c, i - 1, "a") || amt_word(c, i - 1, "an"));
    int done = 0;
    double v;
    f->words = 1;
    for (size_t j = i; j < c->end && !done && c->tok[j].kind == CC_TOK_WORD; j++) {
        if (k.atoms && amt_word(c, j, "and")) {
            if (amt_word(c, j + 1, "a") && amt_word(c, j + 2, "half")) {
                k.cur += 0.5; /* "two and a half million" */
                last = j = j + 2;
                continue;
            }
            if (k.last == CC_NW_SCALE && j + 1 < c->end &&
                cc_number_word(c->text + c->tok[j + 1].start, c->tok[j + 1].end - c->tok[j + 1].start, &v) != CC_NW_NONE &&
                v < 100) {
                continue; /* "two hundred and twenty" */
            }
            break;
        }
        const char *w = c->text + c->tok[j].start;
        const char *wend = c->text + c->tok[j].end;
        while (w < wend && !done) {
            const char *hy = c->tok[j].flags & CC_TF_HYPHEN ? memchr(w, '-', (size_t)(wend - w)) : NULL;
            size_t n = hy ? (size_t)(hy - w) : (size_t)(wend - w);
            /* one filter answers for the number words and the fractions: the word after a figure is mostly
             * neither, and is turned away before either lexicon is asked */
            int maybe = cc_maybe_number_word(w, n);
            cc_numword_role role = maybe ? cc_number_word(w, n, &v) : CC_NW_NONE;
            int den;
            if (role != CC_NW_NONE && ((role != CC_NW_SCALE && role != CC_NW_DOZEN) || k.atoms || article) &&
                compose_add(&k, role, v)) {
                last = j;
                if (role == CC_NW_SCALE && v > f->scale) {
                    f->scale = v;
                }
            } else if (role == CC_NW_NONE && maybe && (den = cc_fraction_word(w, n)) != 0) {
                if (hy) {
                    return 0; /* "third-party", "quarter-final", "half-time" */
                }
                int r = fraction_atom(c, f, &k, den, article, j, &last);
                if (r < 0) {
                    return 0;
                }
                f->first = r == 2 ? i - 1 : i;
                f->last = last;
                return 1;
            } else if (role == CC_NW_NONE && n > 4 && !memcmp(w + n - 4, "fold", 4) &&
                       (role = cc_number_word(w, n - 4, &v)) != CC_NW_NONE && compose_add(&k, role, v)) {
                f->kind = "multiple"; /* sixfold */
                f->unit = cc_str_of(w + n - 4, 4);
                last = j;
                done = 1;
            } else {
                if (k.atoms && j == last && w > c->text + c->tok[j].start) {
                    /* "a five-year deal", "a six-speed gearbox": a kind of thing, not an amount of it */
                    f->unit = cc_str_of(w, (size_t)(wend - w));
                    const cc_lexentry *u = cc_lexset_find(units, w, (size_t)(wend - w));
                    f->nonquantity = !(u && value_is(u, "age"));
                }
                done = 1;
            }
            w = hy ? hy + 1 : wend;
        }
        if (j != last) {
            done = 1;
        }
    }
    if (!k.atoms) {
        return 0;
    }
    f->value = compose_value(&k);
    f->first = i;
    f->last = last;
    if (article && (k.total > 0 || k.last == CC_NW_SCALE || k.last == CC_NW_DOZEN)) {
        f->first = i - 1; /* "a dozen", "a hundred", "a million dollar house" */
    }
    return !(f->value == 1 && k.atoms == 1 && !f->unit.len && pronoun_one(c, i));
}

/* "dozens", "tens of thousands", "scores of", "several hundred". */
static int read_vague(const amount_ctx *c, size_t i, figure *f)
{
    size_t n;
    const cc_lexentry *e = amt_phrase_at(c, vague_amounts, i, 3, &n);
    if (!e) {
        return 0;
    }
    const vague_value *vv = &vague_value_of[e - cc_lexset_entry(vague_amounts, 0)];
    double low = vv->low;
    const char *rest = vv->name;
    int of_next = amt_word(c, i + n, "of");
    /* "Scores were injured", "Scores more died": as the sentence's subject it counts people, not points */
    int scores_subject = !strcmp(e->key, "scores") && i == c->first &&
                         (amt_word(c, i + 1, "were") || amt_word(c, i + 1, "more") || amt_word(c, i + 1, "have") ||
                          amt_word(c, i + 1, "had") || amt_word(c, i + 1, "are"));
    if ((!strcmp(e->key, "scores") || !strcmp(e->key, "tens")) && !of_next && !scores_subject) {
        return 0;
    }
    if (low == 0) {
        /* "as many as" qualifies a figure; "how many", "so many" ask or exclaim */
        static const char *const not_before[] = { "as", "how", "so", "too", "not", "very" };
        if (i > c->first && cc_tok_is_any(c->a, i - 1, not_before, CC_COUNT(not_before))) {
            return 0;
        }
        if (amt_word(c, i + n, "as") || amt_word(c, i + n, "times") || i + n >= c->end ||
            c->tok[i + n].kind != CC_TOK_WORD) {
            return 0;
        }
        double v;
        size_t m;
        const char *w = c->text + c->tok[i + n].start;
        if (cc_number_word(w, c->tok[i + n].end - c->tok[i + n].start, &v) >= CC_NW_SCALE) {
            /* "several hundred" reads as "hundreds", without a range */
            char plural[32];
            size_t len = c->tok[i + n].end - c->tok[i + n].start;
            if (len + 1 < sizeof plural) {
                memcpy(plural, w, len);
                plural[len] = 's';
                const cc_lexentry *p = cc_lexset_find(vague_amounts, plural, len + 1);
                if (p) {
                    e = p;
                    rest = strchr(p->value, ' ');
                    rest = rest ? rest + 1 : p->value;
                    n++;
                }
            }
            (void)m;
        }
        low = 0;
    }
    f->vague = 1;
    f->vague_low = low;
    f->vague_name = cc_str_of(rest, strlen(rest));
    f->first = i;
    f->last = i + n - 1;
    if (amt_word(c, f->last + 1, "more")) {
        f->last++; /* "thousands more people" */
    }
    return 1;
}

int amt_word_prefix_range(const amount_ctx *c, size_t i)
{
    if (!amt_in(c, i) || c->tok[i].kind != CC_TOK_WORD) {
        return 0;
    }
    const char *w = c->text + c->tok[i].start;
    return c->tok[i].end - c->tok[i].start > 3 && cc_same_folded(w, "to-", 3) && is_digit(w[3]);
}

int amt_read_figure(const amount_ctx *c, size_t i, figure *f)
{
    memset(f, 0, sizeof *f);
    f->scale = 1;
    f->first = i;
    f->qualifier = CC_Q_EXACT;
    const cc_token *t = &c->tok[i];
    if (t->kind == CC_TOK_NUMBER) {
        return read_digits(c, i, t->start, f);
    }
    if (t->kind != CC_TOK_WORD) {
        return 0;
    }
    if ((t->flags & (CC_TF_CAP | CC_TF_HYPHEN)) && digit_in_word(c, i)) {
        return read_joined(c, i, f);
    }
    return read_vague(c, i, f) || read_words(c, i, f);
}
