/* Every quantity in the text: the figure (digits, words, vague amounts), what qualifies it ("at least",
 * "an estimated"), whether it is a change ("rose 5%"), its unit or currency, and ranges ("15 to 22 mph").
 * Years, dates, clock times, ordinals, scores, labels ("Game 7", "S&P 500") and addresses are read only to
 * be skipped. Work starts only at a digit, a number word or a vague amount word. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount_read.h"
#include "dates.h"
#include "numbers.h"
#include "phrase.h"
#include "stages.h"
#include "words.h"

static const cc_lexset *qualifiers, *qualifiers_after, *units, *currencies, *change_words, *change_by_verbs,
    *clock_words, *identifier_words, *street_words, *year_words, *stop_words, *people_nouns, *starters, *metre_context;

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;

static void load_lexicons(void)
{
    qualifiers_after = cc_lexset_get("qualifiers_after");
    units = cc_lexset_get("units");
    currencies = cc_lexset_get("currencies");
    change_words = cc_lexset_get("change_words");
    change_by_verbs = cc_lexset_get("change_by_verbs");
    clock_words = cc_lexset_get("clock_words");
    identifier_words = cc_lexset_get("identifier_words");
    street_words = cc_lexset_get("street_words");
    year_words = cc_lexset_get("year_words");
    stop_words = cc_lexset_get("stop_words");
    people_nouns = cc_lexset_get("people_nouns");
    starters = cc_lexset_get("sentence_starters");
    metre_context = cc_lexset_get("metre_context");
    qualifiers = cc_lexset_get("qualifiers");
}

/* Once per process, whichever thread comes first. */
static void init(void)
{
    pthread_once(&lexicons_loaded, load_lexicons);
}

static cc_qualifier qualifier_of(const cc_lexentry *e)
{
    static const char *const names[] = { "exact", "approx", "at_least", "more_than", "nearly", "up_to",
                                         "less_than", "vague" };
    for (int q = 0; q < 8; q++) {
        if (strlen(names[q]) == e->value_len && memcmp(names[q], e->value, e->value_len) == 0) {
            return (cc_qualifier)q;
        }
    }
    return CC_Q_EXACT;
}

static int value_is(const cc_lexentry *e, const char *v)
{
    return e && e->value_len == strlen(v) && memcmp(e->value, v, e->value_len) == 0;
}

/* ---- context tests: what stands around a figure ---- */

/* Word token j is a stop word. A word without the class bit starts none, so most are told without a call. */
static inline int stop_word(const amount_ctx *c, size_t j)
{
    size_t n;
    return (c->tok[j].classes & CC_W_STOP_START) && cc_phrase_at(stop_words, c->a, j, c->end, 1, &n);
}

/* The class bit CC_W_TIME_WORD, set for every capitalised month spelling, turns most words away before
 * their text is read. */
static int is_month(const amount_ctx *c, size_t i)
{
    if (i < c->first || i >= c->end || !(c->tok[i].classes & CC_W_TIME_WORD) || c->tok[i].kind != CC_TOK_WORD ||
        !(c->tok[i].flags & CC_TF_CAP)) {
        return 0;
    }
    cc_str w = cc_tok_str(c->a, i);
    if (w.len && w.p[w.len - 1] == '.') {
        w.len--;
    }
    /* a month's name or a prefix of it of three letters or more ("Sept", "Dec."); "Augusta" is none */
    return w.len >= 3 && w.len <= 9 && cc_month_number(w.p, w.len) != 0;
}

/* The longest unit of at most max (up to 4) tokens at token j (< c->end). The year, label and unit tests
 * of a figure all ask at the token after it, so the answer for four tokens is kept for the token asked
 * about last. */
static const cc_lexentry *unit_at(amount_ctx *c, size_t j, int max, size_t *n)
{
    if (c->unit_token != j) {
        c->unit_token = j;
        c->unit = amt_phrase_at(c, units, j, 4, &c->unit_tokens);
    }
    if (c->unit && c->unit_tokens > (size_t)max) {
        return amt_phrase_at(c, units, j, max, n); /* a shorter one, if any, is asked for */
    }
    *n = c->unit_tokens;
    return c->unit;
}

static int clock_follows(const amount_ctx *c, const figure *f)
{
    size_t j = f->last + 1, n;
    if (j + 1 < c->end && amt_punct(c, j, ':') && amt_touches(c, j) && c->tok[j + 1].kind == CC_TOK_NUMBER &&
        amt_touches(c, j + 1)) {
        return 1;
    }
    if (f->first > c->first + 1 && amt_punct(c, f->first - 1, ':') && amt_touches(c, f->first) &&
        amt_touches(c, f->first - 1)) {
        return 1; /* the minutes of 4:39, the seconds of 1:36.6 */
    }
    return j < c->end && amt_phrase_at(c, clock_words, j, 2, &n) != NULL;
}

/* "01-02-2015", "12/13/2016", "2019-09-01": numbers joined by two hyphens or slashes. */
static int numeric_date(const amount_ctx *c, const figure *f)
{
    size_t j = f->last + 1;
    if (f->words || f->decimals || f->grouped || j + 3 >= c->end) {
        return 0;
    }
    int slash = amt_punct(c, j, '/');
    if (!(slash || amt_punct(c, j, '-')) || !amt_touches(c, j) || c->tok[j + 1].kind != CC_TOK_NUMBER ||
        !amt_touches(c, j + 1) || !amt_punct(c, j + 2, slash ? '/' : '-') || !amt_touches(c, j + 2) ||
        c->tok[j + 3].kind != CC_TOK_NUMBER || !amt_touches(c, j + 3)) {
        return 0;
    }
    return 1;
}

static int is_date(const amount_ctx *c, const figure *f)
{
    if (numeric_date(c, f)) {
        return 1;
    }
    if (f->words || f->decimals || f->grouped || f->value < 1 || f->value > 31) {
        return 0;
    }
    size_t j = f->last + 1;
    if (j < c->end && c->tok[j].kind == CC_TOK_WORD && amt_touches(c, j)) {
        j++; /* 15th */
    }
    return is_month(c, f->first - 1) || is_month(c, j) || (amt_word(c, j, "of") && is_month(c, j + 1));
}

static int is_year(amount_ctx *c, const figure *f, size_t left)
{
    if (f->words || f->grouped || f->decimals || f->scaled || f->int_digits != 4 || f->unit.len) {
        return 0;
    }
    size_t n;
    size_t j = f->last + 1;
    if (j < c->end && (unit_at(c, j, 3, &n) || amt_phrase_at(c, people_nouns, j, 2, &n))) {
        return 0;
    }
    if (left > c->first && is_month(c, left - 1)) {
        return 1;
    }
    if (f->value >= 1900 && f->value <= 2150) {
        return 1;
    }
    return f->value >= 1000 && f->value < 1900 && left > c->first &&
           cc_phrase_before(year_words, c->a, c->first, left, 2, &n) != NULL;
}

/* A word that names a product, team or index: capitalised inside a sentence ("Game", "Stoxx"), or with
 * capitals inside it ("iPhone"), or capitalised at the start when it is no ordinary opening word. */
static int is_name_word(const amount_ctx *c, size_t p)
{
    const cc_token *t = &c->tok[p];
    size_t n;
    if (t->kind != CC_TOK_WORD || c->heading) {
        return 0;
    }
    int inner_cap = 0; /* asked only of a word with no capital first */
    for (uint32_t k = t->start + 1; !(t->flags & CC_TF_CAP) && k < t->end; k++) {
        inner_cap |= c->text[k] >= 'A' && c->text[k] <= 'Z';
    }
    if ((!(t->flags & CC_TF_CAP) && !inner_cap) || stop_word(c, p)) {
        return 0; /* "James Lipman With 275 pound-feet": title case */
    }
    if (is_month(c, p) || (strchr("MTWFS", c->text[t->start]) && cc_weekday_number(c->text + t->start, t->end - t->start) >= 0)) {
        return 0;
    }
    const cc_lexentry *e = amt_phrase_at(c, currencies, p, 1, &n);
    if (e && !value_is(e, "after")) {
        return 0;
    }
    if (p == c->first || (t->flags & CC_TF_SENT_START)) {
        /* no stop word, as tested above */
        return !amt_phrase_at(c, qualifiers, p, 1, &n) && !amt_phrase_at(c, change_words, p, 1, &n) &&
               !cc_phrase_at(starters, c->a, p, c->end, 1, &n);
    }
    return 1;
}

/* "Game 7", "S&P 500", "iPhone 11", "page 5", "ID.3", "BBC One", "the 737 Max": named by what stands around
 * it, before any unit is asked about. */
static int label_shape(const amount_ctx *c, const figure *f, size_t left)
{
    size_t n, j = f->last + 1;
    if (!f->words && f->int_digits >= 3 && j < c->end && (c->tok[j].flags & CC_TF_CAP) && !c->heading &&
        c->tok[j].kind == CC_TOK_WORD && c->text[c->tok[j].end - 1] != 's' &&
        !amt_phrase_at(c, people_nouns, j + 1, 1, &n) && !amt_phrase_at(c, people_nouns, j + 2, 1, &n)) {
        return 1; /* "the 90049 ZIP Code", "787 Dreamliner" */
    }
    if (left <= c->first) {
        return 0;
    }
    size_t p = left - 1;
    if (cc_phrase_before(identifier_words, c->a, c->first, left, 2, &n)) {
        return 1;
    }
    if (amt_punct(c, p, '(') && amt_punct(c, f->last + 1, ')') && !f->words) {
        return 1; /* "(4)": a list marker or shirt number */
    }
    if (amt_punct(c, p, '.') && amt_touches(c, left) && amt_touches(c, p) && p > c->first &&
        c->tok[p - 1].kind == CC_TOK_WORD) {
        return 1; /* "ID.3" */
    }
    return is_name_word(c, p);
}

/* A figure that names rather than counts. A unit after it ("MacBook Pro 16 inch") makes it a quantity
 * again: asked last, as most figures have no label's shape. */
static int is_label(amount_ctx *c, const figure *f, size_t left)
{
    size_t n, j = f->last + 1;
    if (f->grouped || f->decimals || f->scaled || f->vague || f->unit.len || f->ambiguous_m ||
        !label_shape(c, f, left)) {
        return 0;
    }
    return !(j < c->end && (unit_at(c, j, 3, &n) || amt_phrase_at(c, currencies, j, 2, &n)));
}

static int is_address(const amount_ctx *c, size_t last)
{
    size_t n;
    for (size_t j = last + 1; j < c->end && j <= last + 5; j++) {
        const cc_token *t = &c->tok[j];
        if (t->kind == CC_TOK_WORD && (t->flags & CC_TF_CAP) && amt_phrase_at(c, street_words, j, 1, &n) &&
            (j > last + 1 || j + 1 < c->end)) {
            return 1;
        }
        if (!(t->kind == CC_TOK_NUMBER || (t->kind == CC_TOK_WORD && ((t->flags & CC_TF_CAP) || amt_touches(c, j))))) {
            return 0;
        }
    }
    return 0;
}

/* "1." or "2)" opening a line: list numbering. */
static int is_list_number(const amount_ctx *c, const figure *f, size_t left)
{
    if (left != c->first || f->words || f->decimals || f->value > 99) {
        return 0;
    }
    return f->last + 1 >= c->end || amt_punct(c, f->last + 1, ')') ||
           (amt_punct(c, f->last + 1, '.') && f->last + 2 >= c->end);
}

/* A figure joined by "-", "and" or "to" to a year or date just skipped: "Sept. 20-24", "2014-15". */
static int continues_skipped(const amount_ctx *c, const figure *f)
{
    if (c->skipped_last == SIZE_MAX || f->first < c->first + 2 || f->words || f->decimals || f->grouped) {
        return 0;
    }
    size_t p = f->first - 1;
    return c->skipped_last == p - 1 && (amt_dash(c, p) || amt_punct(c, p, '/') || amt_word(c, p, "and") || amt_word(c, p, "to"));
}

/* ---- left context ---- */

static cc_str currency_before(const amount_ctx *c, const figure *f, size_t *left)
{
    size_t n;
    if (*left <= c->first) {
        return cc_str_of("", 0);
    }
    const cc_lexentry *e = cc_phrase_before(currencies, c->a, c->first, *left, 2, &n);
    if (!e || value_is(e, "after") || (value_is(e, "weak") && !f->decimals && !f->grouped && !f->scaled)) {
        return cc_str_of("", 0);
    }
    size_t start = *left - n, last = *left - 1;
    /* "US $58.24", "HK $5.4m", "C $6": a short country code before the sign */
    if (n == 1 && c->tok[start].kind == CC_TOK_PUNCT && start > c->first) {
        const cc_token *p = &c->tok[start - 1];
        if (p->kind == CC_TOK_WORD && (p->flags & CC_TF_CAP) && p->end - p->start <= 3 &&
            ((p->flags & CC_TF_ALLCAPS) || p->end - p->start == 1) && c->tok[start].start - p->end <= 1) {
            start--;
        }
    }
    *left = start;
    return cc_str_of(c->text + c->tok[start].start, c->tok[last].end - c->tok[start].start);
}

/* ---- the amount ---- */

typedef struct reading {
    figure f, g;        /* g: the far end of a range */
    int range;
    size_t left, right; /* whole phrase, tokens inclusive */
    cc_qualifier qualifier;
    cc_change change;
    cc_change signed_change; /* "+0.2%", "-1.3%": a change when the figure is a percentage */
    cc_str unit;
    const char *kind;
} reading;

static const char *unit_kind(const cc_lexentry *e)
{
    static const char *const kinds[] = { "percent", "duration", "age", "measure", "multiple" };
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        if (value_is(e, kinds[k])) {
            return kinds[k];
        }
    }
    return "measure";
}

/* Unit or currency after token j-1: "per cent", "km/h", "-year-old", "yuan". Returns the token after it. */
static size_t unit_after(amount_ctx *c, size_t j, cc_str *unit, const char **kind)
{
    size_t n;
    if (j >= c->end) {
        return j;
    }
    size_t k = j;
    if (amt_dash(c, k) && amt_touches(c, k) && k + 1 < c->end && amt_touches(c, k + 1) &&
        c->tok[k + 1].kind == CC_TOK_WORD && !amt_word_prefix_range(c, k + 1)) {
        k++; /* 65-year-old, 84-yard */
    }
    const cc_lexentry *e = unit_at(c, k, 4, &n);
    if (e) {
        *unit = cc_str_of(c->text + c->tok[k].start, c->tok[k + n - 1].end - c->tok[k].start);
        *kind = unit_kind(e);
        return k + n;
    }
    e = amt_phrase_at(c, currencies, k, 2, &n);
    if (e && !value_is(e, "before") && !value_is(e, "weak")) {
        *unit = cc_str_of(c->text + c->tok[k].start, c->tok[k + n - 1].end - c->tok[k].start);
        *kind = "money";
        return k + n;
    }
    if (k == j + 1 && c->tok[k].kind == CC_TOK_WORD) {
        /* any hyphen-joined word: "a 12-page document", "three-bed apartment" */
        *unit = cc_tok_str(c->a, k);
        *kind = "measure";
        return k + 1;
    }
    return j;
}

/* The thing counted, for counts: "990 civilians", "dozens of children", "4 different bosses". */
static cc_str counted_noun(const amount_ctx *c, size_t j)
{
    size_t n;
    if (amt_word(c, j, "more") || amt_word(c, j, "other")) {
        j++;
    }
    if (amt_word(c, j, "of")) {
        j++;
        if (amt_word(c, j, "the") || amt_word(c, j, "those") || amt_word(c, j, "them")) {
            return cc_str_of("", 0);
        }
    }
    size_t start = j, last = j;
    int words = 0;
    for (; j < c->end && words < 3; j++) {
        const cc_token *t = &c->tok[j];
        if (t->kind != CC_TOK_WORD || stop_word(c, j)) {
            break;
        }
        last = j, words++;
        if (amt_phrase_at(c, people_nouns, j, 2, &n)) {
            last = j + n - 1;
            break;
        }
        size_t len = t->end - t->start;
        const char *w = c->text + t->start;
        if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's') {
            break; /* a plural ends the noun */
        }
    }
    if (!words) {
        return cc_str_of("", 0);
    }
    return cc_str_of(c->text + c->tok[start].start, c->tok[last].end - c->tok[start].start);
}

/* A glued "m" is million ("2.7m combined sales", "35m of its devices", "PS6m") unless what follows speaks
 * of length ("37m (121ft)-long", "the 100m sprint", "2m high") or nothing follows. */
static int m_is_million(const amount_ctx *c, const figure *f, int money)
{
    size_t j = f->last + 1, n;
    if (money) {
        return 1;
    }
    if (j >= c->end || c->tok[j].kind != CC_TOK_WORD) {
        return 0;
    }
    return !amt_phrase_at(c, metre_context, j, 1, &n);
}

static cc_change change_of(const cc_lexentry *e)
{
    return value_is(e, "up") ? CC_CHANGE_UP : value_is(e, "down") ? CC_CHANGE_DOWN : CC_CHANGE_NONE;
}

/* "rose 5%", "increased by 5%", and with the object between: "cut its costs by 5%". */
static cc_change change_before(const amount_ctx *c, size_t left)
{
    size_t n, p = left;
    const cc_lexentry *e;
    if (p <= c->first) {
        return CC_CHANGE_NONE;
    }
    int by = amt_word(c, p - 1, "by");
    p -= by;
    if (p > c->first && (e = cc_phrase_before(change_words, c->a, c->first, p, 2, &n))) {
        return change_of(e);
    }
    for (size_t q = p; by && q > c->first && q + 4 > p && c->tok[q - 1].kind == CC_TOK_WORD; q--) {
        if ((e = amt_phrase_at(c, change_by_verbs, q - 1, 1, &n))) {
            return change_of(e);
        }
    }
    return CC_CHANGE_NONE;
}

static void left_context(const amount_ctx *c, reading *r)
{
    size_t n;
    const cc_lexentry *e;
    if (r->left > c->first && amt_word(c, r->left - 1, "minus")) {
        r->f.value = -r->f.value;
        r->left--;
    }
    if (r->left > c->first && (e = cc_phrase_before(qualifiers, c->a, c->first, r->left, 4, &n)) && !value_is(e, "none")) {
        r->qualifier = qualifier_of(e);
        r->left -= n;
    }
    if (r->left > c->first && (amt_word(c, r->left - 1, "aged") || amt_word(c, r->left - 1, "ages"))) {
        r->kind = "age";
    }
}

/* Signs written against the figure: "-1.3%", "+0.2%", "$-50.8bn". */
static void sign(const amount_ctx *c, reading *r)
{
    size_t p = r->left;
    if (p <= c->first || !amt_touches(c, p)) {
        return;
    }
    int minus = amt_dash(c, p - 1) || amt_is(c, p - 1, "\xe2\x88\x92");
    int plus = amt_punct(c, p - 1, '+');
    if (!minus && !plus) {
        return;
    }
    /* a joining hyphen ("20-24") touches something on its left; a sign does not, unless a currency */
    if (p - 1 > c->first && amt_touches(c, p - 1) && c->tok[p - 2].kind != CC_TOK_PUNCT) {
        return;
    }
    if (minus) {
        r->f.value = -r->f.value;
    }
    r->signed_change = minus ? CC_CHANGE_DOWN : CC_CHANGE_UP;
    r->left--;
}

static void right_context(const amount_ctx *c, reading *r, size_t *j)
{
    size_t n;
    const cc_lexentry *e = amt_phrase_at(c, qualifiers_after, *j, 2, &n);
    if (!e && amt_dash(c, *j) && amt_touches(c, *j)) {
        e = amt_phrase_at(c, qualifiers_after, *j + 1, 1, &n);
        n += e ? 1 : 0;
    }
    if (e && r->qualifier == CC_Q_EXACT) {
        r->qualifier = qualifier_of(e);
        *j += n;
    }
}

/* "one out of three Germans", "one in five children": a share. */
static size_t ratio(amount_ctx *c, reading *r, size_t j)
{
    size_t k = amt_word(c, j, "out") && amt_word(c, j + 1, "of") ? j + 2 : amt_word(c, j, "in") ? j + 1 : 0;
    figure g;
    if (!k || k >= c->end || r->unit.len || r->f.vague || r->f.decimals || !amt_is_trigger(c, k) || !amt_read_figure(c, k, &g) ||
        g.nonquantity || g.vague || g.decimals || g.unit.len || g.value <= r->f.value || g.value > 1000) {
        return j;
    }
    size_t n;
    if (g.last + 1 < c->end && unit_at(c, g.last + 1, 2, &n)) {
        return j; /* "3 in 10 days" */
    }
    r->f.value /= g.value;
    r->f.fraction = 1;
    r->kind = "fraction";
    return g.last + 1;
}

static int units_clash(cc_str u1, cc_str u2)
{
    if (!u1.len || !u2.len) {
        return 0;
    }
    return u1.len != u2.len || strncasecmp(u1.p, u2.p, u1.len) != 0;
}

/* "15 to 22", "between 5% and 6%", "4-5", "four to five thousand", "200,000 to-260,000". from: after
 * "from"; 2 when words stand between the ends ("from $75 a barrel in October to $45.88"). */
static int read_range(amount_ctx *c, reading *r, size_t *j, int between, int from)
{
    size_t k = *j;
    if (k >= c->end) {
        return 0;
    }
    size_t second = k + 1;
    int joined = amt_word_prefix_range(c, k);
    if (joined) {
        second = k;
    } else if (amt_dash(c, k) && k + 1 < c->end && amt_word_prefix_range(c, k + 1) && amt_touches(c, k + 1)) {
        second = k + 1;
    } else if (from && amt_word(c, k, "up") && amt_word(c, k + 1, "to")) {
        second = k + 2; /* "from 450 sq ft up to 900 sq ft" */
    } else if (!(amt_word(c, k, "to") || amt_dash(c, k) || amt_word(c, k, "through") ||
                 (between && amt_word(c, k, "and")))) {
        return 0;
    }
    size_t gl = second;
    while (gl < c->end && c->tok[gl].kind == CC_TOK_PUNCT && !amt_dash(c, gl) && gl < second + 2 &&
           !amt_punct(c, gl, '(') && !amt_punct(c, gl, ',')) {
        gl++; /* a currency sign: "$3 billion to $5 billion" */
    }
    if (gl >= c->end || !amt_read_figure(c, gl, &r->g) || r->g.nonquantity || r->g.vague) {
        return 0;
    }
    if (amt_dash(c, k) && !joined && !r->f.decimals && !r->g.decimals && !r->unit.len && fabs(r->f.value) <= 200 &&
        r->g.value <= 200 && fabs(r->f.value) >= r->g.value && !r->f.words) {
        return -1; /* a score: 2-1, 89-89 */
    }
    cc_str unit2 = r->g.unit;
    const char *kind2 = r->g.kind;
    size_t after = unit_after(c, r->g.last + 1, &unit2, &kind2);
    /* across a gap the same measure may be written two ways: "20 miles per gallon in 2008 to 29 mpg" */
    if (units_clash(r->unit, unit2) && !(from > 1 && r->kind && kind2 && !strcmp(r->kind, kind2))) {
        return 0;
    }
    /* after "rose 0.4 per cent", "to 13176" is the new level: only "by 1 to 1.5 degrees" is a range */
    if (r->change != CC_CHANGE_NONE && !from && !between && r->unit.len && !unit2.len) {
        return 0;
    }
    if (r->g.scale > 1 && r->f.scale <= 1 && fabs(r->f.value) < r->g.value / r->g.scale) {
        r->f.value *= r->g.scale; /* "four to five thousand", "$10 to $15 billion" */
    }
    if (!r->unit.len) {
        r->unit = unit2;
        r->kind = kind2 ? kind2 : r->kind;
    }
    *j = after;
    r->range = 1;
    return 1;
}

/* "from $36,040 at 10.45pm last night to $34,935": the far end of a "from" range after a short phrase of
 * words (a time, a place, the rest of a unit) in the same clause. */
static int range_across(amount_ctx *c, reading *r, size_t *j)
{
    for (size_t k = *j; k < c->end && k < *j + 7; k++) {
        const cc_token *t = &c->tok[k];
        if (amt_word(c, k, "to")) {
            return k > *j && read_range(c, r, &k, 0, 2) > 0 ? (*j = k, 1) : 0;
        }
        int inside = amt_punct(c, k, '.') || (amt_touches(c, k) && k + 1 < c->end && amt_touches(c, k + 1)); /* "A/cm2" */
        if (t->kind == CC_TOK_QUOTE || (t->kind == CC_TOK_PUNCT && !inside) || amt_word(c, k, "and") ||
            amt_word(c, k, "but") || amt_word(c, k, "from")) {
            return 0;
        }
    }
    return 0;
}

/* "1.3 A/cm2 to 0.03 A/cm2": a unit the lexicon lacks, written after both ends of a range; its length in
 * tokens, or 0. */
static size_t unit_repeated(const amount_ctx *c, size_t j)
{
    size_t k = j;
    while (k < c->end && k < j + 4 && !amt_word(c, k, "to") && (c->tok[k].kind != CC_TOK_NUMBER || amt_touches(c, k))) {
        k++;
    }
    figure g;
    if (k == j || !amt_word(c, k, "to") || k + 1 >= c->end || !amt_is_trigger(c, k + 1) ||
        !amt_read_figure(c, k + 1, &g) || g.last + (k - j) >= c->end) {
        return 0;
    }
    uint32_t len = c->tok[k - 1].end - c->tok[j].start, at = c->tok[g.last + 1].start;
    int same = c->tok[g.last + k - j].end - at == len && strncasecmp(c->text + c->tok[j].start, c->text + at, len) == 0;
    return same ? k - j : 0;
}

static void push(amount_ctx *c, const reading *r)
{
    cc_amount m;
    memset(&m, 0, sizeof m);
    m.span.start = c->tok[r->left].start;
    m.span.end = c->tok[r->right].end;
    m.sentence = c->sentence;
    m.qualifier = (uint8_t)r->qualifier;
    m.change = (uint8_t)r->change;
    m.unit = r->unit;
    const char *kind = r->kind ? r->kind : r->f.fraction ? "fraction" : "count";
    m.kind = cc_str_of(kind, strlen(kind));
    if (r->f.vague) {
        m.vague = r->f.vague_name; /* the qualifier stays what is written: "dozens" is 12 to 120, as said */
        if (r->f.vague_low > 0) {
            m.is_range = 1;
            m.low = r->f.vague_low;
            m.high = r->f.vague_low * 10;
        }
    } else if (r->range) {
        m.is_range = m.has_value = 1;
        m.low = r->f.value;
        m.high = r->g.value;
        m.value = r->f.value;
    } else {
        m.has_value = 1;
        m.value = r->f.value;
    }
    CC_VEC_PUSH(c->a->amounts, m);
}

/* "Senard, 65, now faces…": a person's age between commas. */
static int appositive_age(const amount_ctx *c, const reading *r)
{
    const figure *f = &r->f;
    return !f->words && !f->decimals && !f->grouped && !f->unit.len && f->value < 120 && r->left > c->first + 1 &&
           amt_punct(c, r->left - 1, ',') && amt_punct(c, f->last + 1, ',') &&
           (c->tok[r->left - 2].flags & CC_TF_CAP) && c->tok[r->left - 2].kind == CC_TOK_WORD;
}

/* A verb left out in a list: "Ross was down 2.3%, Burlington by 2.6%", "and the FTSE by 1%". */
static int gapped(const amount_ctx *c, const reading *r)
{
    size_t by = r->left - 1;
    if (c->last_change == CC_CHANGE_NONE || !amt_word(c, by, "by") || by < c->last_right + 3 ||
        by > c->last_right + 6 || !(amt_punct(c, c->last_right + 1, ',') || amt_word(c, c->last_right + 1, "and"))) {
        return 0;
    }
    size_t k = c->last_right + 2;
    k += amt_word(c, k, "and") || amt_word(c, k, "the");
    k += amt_word(c, k, "the");
    for (; k < by; k++) {
        if (c->tok[k].kind != CC_TOK_WORD || !(c->tok[k].flags & CC_TF_CAP)) {
            return 0; /* the new subject is a name */
        }
    }
    return 1;
}

/* The same amount said again in other units takes its qualifier and change: "more than 100 kilometers
 * (60 miles)", "just under 296 hp (224 kW / 300 PS)", "lost 190 points, or 0.6%". */
static void inherit(const amount_ctx *c, reading *r)
{
    if (c->last_right == SIZE_MAX || r->qualifier != CC_Q_EXACT || r->change != CC_CHANGE_NONE || r->f.vague ||
        r->left < c->first + 2 || c->last_right < c->first) {
        return;
    }
    size_t p = r->left - 1, gap = p - c->last_right;
    /* the unit may run on past what was read as one: "1.5 degrees Celsius (2.7 F)", "7.5 million Danish crowns" */
    int restate = (amt_punct(c, p, '(') && gap <= 3) || (amt_punct(c, p, '/') && gap == 1);
    for (size_t k = c->last_right + 1; restate && k < p; k++) {
        restate = c->tok[k].kind == CC_TOK_WORD && !stop_word(c, k);
    }
    int alternative = amt_word(c, p, "or") && gap <= 3; /* "lost 190 points, or 0.6%"; "around 25k or 40k" */
    for (size_t k = c->last_right + 1; alternative && k < p; k++) {
        alternative = c->tok[k].kind == CC_TOK_WORD || amt_punct(c, k, ',');
    }
    if (restate) {
        r->qualifier = (cc_qualifier)c->last_qualifier;
    }
    if (restate || alternative || gapped(c, r)) {
        r->change = (cc_change)c->last_change;
    }
}

/* Decides whether a digit figure is a quantity at all; 0 = skip it. */
static int quantity(amount_ctx *c, const reading *r, int money)
{
    const figure *f = &r->f;
    if (f->words || f->vague) {
        return !(f->first > c->first && is_label(c, f, r->left) && !f->vague);
    }
    if (money) {
        return 1;
    }
    /* each test alone turns the figure away; a year, the most common, is asked about first */
    int qualified = r->qualifier != CC_Q_EXACT;
    if ((!qualified && is_year(c, f, r->left)) || clock_follows(c, f) || is_date(c, f) || continues_skipped(c, f)) {
        return 0;
    }
    if (!qualified && (is_label(c, f, r->left) || is_list_number(c, f, r->left))) {
        return 0;
    }
    return !is_address(c, f->last);
}

size_t amt_read_amount(amount_ctx *c, size_t i)
{
    reading r; /* the figures are read in whole, the rest is set below: no clearing of the lot */
    r.range = 0;
    r.change = r.signed_change = CC_CHANGE_NONE;
    if (!amt_read_figure(c, i, &r.f)) {
        return i + 1;
    }
    if (r.f.nonquantity) {
        c->skipped_last = r.f.last;
        return r.f.last + 1;
    }
    r.left = r.f.first;
    r.unit = r.f.unit;
    r.kind = r.f.kind;
    r.qualifier = r.f.qualifier;
    int money = r.f.kind && strcmp(r.f.kind, "money") == 0;
    if (!r.f.words && !r.f.vague) {
        sign(c, &r);
        cc_str cur = currency_before(c, &r.f, &r.left);
        if (cur.len) {
            money = 1;
            r.unit = cur;
            r.kind = "money";
            sign(c, &r);
        }
    }
    left_context(c, &r);
    if (r.f.ambiguous_m) {
        if (m_is_million(c, &r.f, money)) {
            r.f.value *= 1e6;
            r.f.scale = 1e6;
            r.f.scaled = 1;
        } else {
            r.unit = r.f.ambiguous_m_str;
            r.kind = "measure";
        }
    }
    if (!quantity(c, &r, money) || (r.kind && !strcmp(r.kind, "age")) || appositive_age(c, &r)) {
        c->skipped_last = r.f.last;
        return r.f.last + 1;
    }
    if (!r.f.vague) {
        r.change = change_before(c, r.left); /* read only for a quantity: no test above asks */
    }
    size_t j = r.f.last + 1;
    if (!r.unit.len && !r.f.vague) {
        j = unit_after(c, j, &r.unit, &r.kind);
    }
    right_context(c, &r, &j);
    j = ratio(c, &r, j);
    size_t n;
    int between = r.left > c->first && amt_word(c, r.left - 1, "between");
    int from = r.left > c->first && amt_word(c, r.left - 1, "from");
    if (!r.f.vague) {
        int rr = read_range(c, &r, &j, between, from);
        size_t rep = 0, at = j;
        if (!rr && (from || (rep = unit_repeated(c, j)) > 0)) {
            rr = range_across(c, &r, &j);
        }
        if (rr > 0 && rep && !r.unit.len && j == r.g.last + 1) {
            r.unit = cc_str_of(c->text + c->tok[at].start, c->tok[at + rep - 1].end - c->tok[at].start);
            j += rep;
        }
        if (rr < 0) {
            c->skipped_last = r.g.last;
            return r.g.last + 1;
        }
    }
    if (!r.range && r.f.int_digits == 4 && !money && !r.unit.len && is_year(c, &r.f, r.left) &&
        r.qualifier == CC_Q_EXACT) {
        c->skipped_last = r.f.last;
        return r.f.last + 1;
    }
    if (r.range && is_address(c, j - 1)) {
        return j;
    }
    if ((!r.kind || strcmp(r.kind, "count") == 0) && !r.unit.len) {
        r.unit = counted_noun(c, j);
    }
    if (!r.kind && r.left > c->first + 1 && amt_punct(c, r.left - 1, ',') && amt_punct(c, j, ',') &&
        (c->tok[r.left - 2].flags & CC_TF_CAP) && !r.f.words && !r.f.decimals && r.f.value < 120 && !r.unit.len) {
        r.kind = "age"; /* "Senard, 65, now faces…" */
    }
    (void)n;
    r.right = j - 1;
    if (r.signed_change != CC_CHANGE_NONE && r.change == CC_CHANGE_NONE && r.kind && !strcmp(r.kind, "percent")) {
        r.change = r.signed_change;
    }
    inherit(c, &r);
    push(c, &r);
    c->last_right = r.right;
    c->last_qualifier = r.qualifier;
    c->last_change = r.change;
    return j;
}

/* The exact test before a figure is read: a number, or a word that may start one by its class bits. */
static inline int may_start_figure(const cc_token *t)
{
    unsigned glued = (t->flags & CC_TF_CAP) ? CC_W_GLUED_DIGITS : 0;
    int wordish = ((t->flags & CC_TF_HYPHEN) != 0) | ((t->classes & (CC_W_NUMBER_START | glued)) != 0);
    return (t->kind == CC_TOK_NUMBER) | ((t->kind == CC_TOK_WORD) & wordish);
}

/* The figure scan's state starts afresh at each sentence a figure may start in. */
static void enter_sentence(amount_ctx *c, cc_article *a, size_t s)
{
    const cc_sentence *sent = &a->sentences.v[s];
    memset(c, 0, sizeof *c);
    c->a = a;
    c->text = a->text;
    c->tok = a->tokens.v;
    c->first = sent->tok_first;
    c->end = sent->tok_first + sent->tok_count;
    c->sentence = (uint32_t)s;
    c->skipped_last = SIZE_MAX;
    c->last_right = SIZE_MAX;
    c->unit_token = SIZE_MAX;
    c->heading = sent->para < a->paragraphs.n &&
                 (a->paragraphs.v[sent->para].flags & (CC_PF_TITLE | CC_PF_HEADING)) != 0;
}

/* One pass over the article's tokens: a token whose spelling can start no figure (most words, all
 * punctuation) is turned away by one class bit, before its sentence is even looked at. A figure may run
 * past a sentence end put inside it ("RM23.50"): the scan goes on after it. */
void cc_extract_amounts(cc_article *a)
{
    init();
    amt_init();
    cc_numbers_init();
    a->amounts.n = 0;
    const cc_token *tok = a->tokens.v;
    size_t n = a->tokens.n, s = 0, i = 0;
    amount_ctx c;
    c.sentence = UINT32_MAX;
    for (;;) {
        while (i + 7 < n && !((tok[i].classes | tok[i + 1].classes | tok[i + 2].classes | tok[i + 3].classes |
                               tok[i + 4].classes | tok[i + 5].classes | tok[i + 6].classes | tok[i + 7].classes) &
                              CC_W_FIGURE_TRIGGER)) {
            i += 8; /* eight tokens a step: most runs without a figure are long */
        }
        while (i < n && !(tok[i].classes & CC_W_FIGURE_TRIGGER)) {
            i++;
        }
        while (s < a->sentences.n && a->sentences.v[s].tok_first + a->sentences.v[s].tok_count <= i) {
            s++;
        }
        if (i >= n || s >= a->sentences.n) {
            break;
        }
        if (i < a->sentences.v[s].tok_first) {
            i = a->sentences.v[s].tok_first; /* between sentences */
            continue;
        }
        if (c.sentence != s) {
            enter_sentence(&c, a, s);
        }
        /* a number starts a figure: only a word is asked further, out of line */
        int starts = tok[i].kind == CC_TOK_NUMBER || (may_start_figure(&tok[i]) && amt_is_trigger(&c, i));
        i = starts ? amt_read_amount(&c, i) : i + 1;
    }
}
