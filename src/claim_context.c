/* Where and when a figure holds, from its sentence: place phrases ("in eastern Aleppo", "in four different
 * neighbourhoods", "fled rebel districts") and time phrases ("on Monday", "since November 15", "the last 27
 * days", "yesterday evening"), the time resolved to dates from the article's publication date. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims_internal.h"
#include "dates.h"
#include "first_tokens.h"
#include "lexicon.h"
#include "phrase.h"
#include "words.h"

static const cc_lexset *place_nouns, *time_words, *stop_words, *units, *reporting, *attributing, *photo_credits,
    *places;

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;

static void load_lexicons(void)
{
    time_words = cc_lexset_get("time_words");
    stop_words = cc_lexset_get("stop_words");
    units = cc_lexset_get("units");
    reporting = cc_lexset_get("reporting_verbs");
    attributing = cc_lexset_get("attribution_verbs");
    photo_credits = cc_lexset_get("photo_credits");
    places = cc_lexset_get("places");
    place_nouns = cc_lexset_get("place_nouns");
}

/* Once per process, whichever thread comes first. */
static void init(void)
{
    pthread_once(&lexicons_loaded, load_lexicons);
}

/* Is c a capital letter of the set (bit c - 'A')? Capitalised words ask by the hundred, and a table is
 * cheaper than a search of a string. */
static inline int capital_in(char c, uint32_t letters)
{
    unsigned d = (unsigned)((unsigned char)c - 'A');
    return d < 26 && ((letters >> d) & 1);
}

#define CAPITAL(c) (1u << ((c) - 'A'))
enum {
    MONTH_INITIALS = CAPITAL('J') | CAPITAL('F') | CAPITAL('M') | CAPITAL('A') | CAPITAL('S') | CAPITAL('O') |
                     CAPITAL('N') | CAPITAL('D'),
    WEEKDAY_INITIALS = CAPITAL('M') | CAPITAL('T') | CAPITAL('W') | CAPITAL('F') | CAPITAL('S')
};

/* A month or weekday by its spelling alone ("November", "Dec.", "Sept", "Monday"): capitalised. */
static int month_spelling(const char *s, size_t n)
{
    if (n && s[n - 1] == '.') {
        n--;
    }
    return n >= 3 && n <= 9 && capital_in(s[0], MONTH_INITIALS) && cc_month_number(s, n);
}

static int weekday_spelling(const char *s, size_t n)
{
    return n >= 6 && n <= 9 && capital_in(s[0], WEEKDAY_INITIALS) && cc_weekday_number(s, n) >= 0;
}

/* Is the spelling one of the words read_timex reads at a phrase's start ("the last 27 days", "since", "late
 * on", "on Monday", "last Friday", "in 2016")? By its length and first letter (folded, low five bits)
 * before the words themselves. */
static int time_opener(const char *s, size_t n)
{
    static const uint8_t lengths[32] = { ['t' & 31] = 1 << 3, ['s' & 31] = 1 << 5, ['l' & 31] = 1 << 4,
                                         ['e' & 31] = 1 << 5, ['o' & 31] = 1 << 2, ['i' & 31] = 1 << 2 };
    static const char *const words[] = { "the", "since", "late", "early", "on", "last", "in", NULL };
    if (n > 5 || !((lengths[((unsigned char)s[0] | 0x20u) & 31u] >> n) & 1)) {
        return 0;
    }
    return cc_same_folded_any(s, n, words);
}

int cc_claim_time_word(const char *s, size_t n)
{
    return month_spelling(s, n) || weekday_spelling(s, n) || time_opener(s, n);
}

/* The class bit, set for every month and weekday, turns most words away before their text is read. */
static int is_month(const cc_article *a, size_t i)
{
    const cc_token *t = tok(a, i);
    return (t->classes & CC_W_TIME_WORD) && t->kind == CC_TOK_WORD && (t->flags & CC_TF_CAP) &&
           month_spelling(a->text + t->start, t->end - t->start);
}

static int is_weekday(const cc_article *a, size_t i)
{
    const cc_token *t = tok(a, i);
    return (t->classes & CC_W_TIME_WORD) && t->kind == CC_TOK_WORD && (t->flags & CC_TF_CAP) &&
           weekday_spelling(a->text + t->start, t->end - t->start);
}

/* ---- where ---- */

typedef cc_place_phrase place;

static int place_noun(const cc_article *a, size_t j)
{
    size_t n;
    /* the keys are plain words, so the phrase filter, which turns most words away before they are folded and
     * hashed, answers as a lookup of the token would */
    const cc_lexentry *e = cc_phrase_at(place_nouns, a, j, j + 1, 1, &n);
    return e ? (e->value_len && e->value[0] == '2' ? 2 : 1) : 0;
}

/* A place phrase at token k: "[the] [eastern] Aleppo", "four different neighbourhoods", "Aleppo's few
 * remaining opposition-held neighborhoods", "the regime-held parts of the city", "some 8.6 square
 * kilometers of eastern Aleppo". */
/* After a place, a word that begins the next thing rather than going on with the place: an agency or
 * credit glued on by a lost line break ("…on northern Syria AFP Wednesday", "…in Aleppo Monitor AFP"),
 * or an acronym that is no place ("…in eastern Syria UNICEF said"). */
static int credit_after_place(const cc_article *a, size_t j)
{
    const cc_token *t = tok(a, j);
    if (cc_tok_has(a, (uint32_t)j, CC_W_PLACE)) {
        return 0;
    }
    if ((t->flags & CC_TF_ALLCAPS) && t->end - t->start >= 2) {
        return 1;
    }
    return cc_lexset_has(photo_credits, a->text + t->start, t->end - t->start) || cc_tok_is(a, j, "monitor");
}

static int read_place(const cc_article *a, size_t k, size_t end, place *p)
{
    size_t n;
    if (k < end && (cc_tok_is(a, k, "the") || cc_tok_is(a, k, "their") || cc_tok_is(a, k, "its") ||
                    cc_tok_is(a, k, "some"))) {
        k++;
    }
    p->start = k;
    p->named = 0;
    p->rank = 0;
    size_t last = SIZE_MAX;
    for (size_t j = k; j < end && j < k + 7; j++) {
        const cc_token *t = tok(a, j);
        if (t->kind == CC_TOK_NUMBER) {
            continue;
        }
        if (t->kind != CC_TOK_WORD) {
            break;
        }
        int rank = place_noun(a, j);
        /* "Port Veldra", "Lake Chad": a capitalised place noun before a name is part of the name */
        if (rank && (t->flags & CC_TF_CAP) && j + 1 < end && tok(a, j + 1)->kind == CC_TOK_WORD &&
            (tok(a, j + 1)->flags & CC_TF_CAP) && !is_month(a, j + 1) && !is_weekday(a, j + 1)) {
            rank = 0;
        }
        if (rank) {
            last = j;
            p->rank = rank;
            /* "parts of the city" */
            if (j + 3 < end && cc_tok_is(a, j + 1, "of") && cc_tok_is(a, j + 2, "the") && place_noun(a, j + 3)) {
                last = j + 3;
            }
            break;
        }
        if (t->flags & CC_TF_CAP) {
            if (is_month(a, j) || is_weekday(a, j) || (p->named && credit_after_place(a, j))) {
                break;
            }
            p->named = 1;
            last = j;
            continue;
        }
        if (p->named && last + 1 == j && !cc_tok_is(a, j, "of") && !cc_claim_phrase_at(stop_words, CC_W_STOP_START, a, j, end, 1, &n) &&
            !cc_tok_is(a, j, "late") && !cc_tok_is(a, j, "early") &&
            !cc_claim_phrase_at(time_words, CC_W_TIME_START, a, j, end, 3, &n)) {
            /* "the Hamas attack", "the Aleppo offensive": a name qualifying something that is no place,
             * unless a place noun follows ("Aleppo's few remaining opposition-held neighborhoods") */
            size_t q = j;
            while (q < end && q < j + 4 && tok(a, q)->kind == CC_TOK_WORD && !place_noun(a, q) &&
                   !cc_claim_phrase_at(stop_words, CC_W_STOP_START, a, q, end, 1, &n)) {
                q++;
            }
            if (q >= end || !place_noun(a, q)) {
                return 0;
            }
        }
        if (cc_tok_is(a, j, "of") && j + 1 < end && (tok(a, j + 1)->flags & CC_TF_CAP || cc_tok_is(a, j + 1, "eastern") ||
                                                      cc_tok_is(a, j + 1, "western") || cc_tok_is(a, j + 1, "northern") ||
                                                      cc_tok_is(a, j + 1, "southern") || cc_tok_is(a, j + 1, "central"))) {
            p->start = j + 1; /* "8.6 square kilometers of eastern Aleppo": the place is after "of" */
            continue;
        }
        if (cc_claim_phrase_at(stop_words, CC_W_STOP_START, a, j, end, 1, &n)) {
            break;
        }
        if (cc_phrase_at(units, a, j, end, 1, &n) && !p->named) {
            continue; /* "some 8.6 square kilometers of…" */
        }
        /* lower-case words qualify a place noun to come ("few remaining opposition-held neighborhoods") */
    }
    if (last == SIZE_MAX || last < p->start) {
        return 0;
    }
    p->end = last + 1;
    return 1;
}

int cc_claim_place_word(const char *s, size_t n)
{
    /* every new spelling comes here: the lengths of the words by first letter (folded, low five bits) turn
     * most away before any comparison */
    static const uint16_t lengths[32] = { ['a' & 31] = 1 << 2 | 1 << 6, ['f' & 31] = 1 << 4 | 1 << 7,
                                          ['i' & 31] = 1 << 2 | 1 << 4 | 1 << 6, ['n' & 31] = 1 << 4,
                                          ['o' & 31] = 1 << 2 | 1 << 3 | 1 << 7, ['t' & 31] = 1 << 2 | 1 << 10 };
    static const char *const words[] = { "in",   "at",   "near", "across",  "outside", "inside", "throughout",
                                         "into", "off",  "fled", "flee",    "fleeing", "on",     "to", NULL };
    if (n > 10 || !((lengths[((unsigned char)s[0] | 0x20u) & 31u] >> n) & 1)) {
        return 0;
    }
    return cc_same_folded_any(s, n, words);
}

static int place_preposition(const cc_article *a, size_t k)
{
    if (!(tok(a, k)->classes & CC_W_PLACE_PREP)) {
        return 0;
    }
    /* "fled to the regime-held parts of the city" */
    return !cc_tok_is(a, k, "to") ||
           (k > 0 && (cc_tok_is(a, k - 1, "fled") || cc_tok_is(a, k - 1, "flee") || cc_tok_is(a, k - 1, "fleeing") ||
                      cc_tok_is(a, k - 1, "evacuated") || cc_tok_is(a, k - 1, "moved")));
}

/* A reporting verb between tokens x and y: what stands beyond it belongs to the attribution ("After
 * meeting Merkel in Berlin on Tuesday, Hollande said that 120,000 people…"), not to the figure. */
static int verb_between(const cc_article *a, size_t x, size_t y)
{
    size_t n;
    for (size_t k = x + 1; k < y; k++) {
        /* the class bits (one-word entries of both lexicons) turn away the other words before any lookup */
        if (cc_tok_has(a, (uint32_t)k, CC_W_VERB | CC_W_ATTRIBUTING) && !(tok(a, k)->flags & CC_TF_CAP) &&
            (cc_phrase_at(reporting, a, k, k + 1, 1, &n) || cc_phrase_at(attributing, a, k, k + 1, 1, &n))) {
            return 1;
        }
    }
    return 0;
}

cc_sentence_phrases *cc_claim_memo_sentence(cc_claim_memo *m, const cc_article *a, uint32_t s)
{
    /* a long article has many sentences, few of them searched: an entry is cleared when first asked for,
     * and the others cost a bit each */
    if (m->sentences.n < a->sentences.n) {
        size_t words = (a->sentences.n + 63) / 64;
        CC_VEC_RESERVE(m->sentences, a->sentences.n);
        CC_VEC_RESERVE(m->cleared, words);
        memset(m->cleared.v, 0, words * sizeof *m->cleared.v);
        m->sentences.n = a->sentences.n;
        m->cleared.n = words;
    }
    if (!((m->cleared.v[s / 64] >> (s % 64)) & 1)) {
        m->cleared.v[s / 64] |= 1ull << (s % 64);
        memset(&m->sentences.v[s], 0, sizeof m->sentences.v[s]);
    }
    return &m->sentences.v[s];
}

/* The place phrases of sentence s, each after a place preposition: read once, for every figure that asks.
 * Returns the index of the first in m->places and sets *n. */
static size_t places_of(cc_claim_memo *m, const cc_article *a, uint32_t s, size_t *n)
{
    cc_sentence_phrases *sp = cc_claim_memo_sentence(m, a, s);
    if (!sp->places) {
        size_t first = cc_sent_first(a, s), end = cc_sent_end(a, s);
        sp->places = (uint32_t)m->places.n + 1;
        const cc_token *t = a->tokens.v;
        for (size_t k = first; k + 1 < end; k++) {
            while (k + 3 < end && !((t[k].classes | t[k + 1].classes) & CC_W_PLACE_PREP)) {
                k += 2; /* two tokens a step, by their bits alone */
            }
            place p;
            if (place_preposition(a, k) && read_place(a, k + 1, end, &p)) {
                CC_VEC_PUSH(m->places, p);
            }
        }
        sp->n_places = (uint32_t)m->places.n + 1 - sp->places;
    }
    *n = sp->n_places;
    return sp->places - 1;
}

static int place_in(const cc_article *a, uint32_t s, size_t t0, size_t t1, cc_claim_memo *m, place *best)
{
    size_t n, first = places_of(m, a, s, &n);
    long best_score = -1;
    for (size_t i = first; i < first + n; i++) {
        const place *p = &m->places.v[i];
        if ((p->start <= t0 && t0 < p->end) || (p->end <= t0 && verb_between(a, p->end, t0)) ||
            (p->start > t1 && verb_between(a, t1, p->start))) {
            continue;
        }
        size_t dist = p->start > t1 ? p->start - t1 : t0 - p->end;
        long score = (p->named ? 1000 : 0) + 300 * p->rank + (p->start > t1 ? 100 : 0) - (long)dist;
        if (score > best_score) {
            best_score = score;
            *best = *p;
        }
    }
    return best_score >= 0;
}

/* Is token t, a place preposition (CC_W_PLACE_PREP), "in", "at", "near" or "across"? By its length and first
 * two letters, bitwise; the text is padded, so a one-byte token has a second byte to read. */
static int place_preposition_shape(const cc_article *a, const cc_token *t)
{
    const unsigned char *p = (const unsigned char *)a->text + t->start;
    uint32_t key = (t->end - t->start) << 16 | (p[0] | 0x20u) << 8 | (p[1] | 0x20u);
    return (key == (2u << 16 | 'i' << 8 | 'n')) | (key == (2u << 16 | 'a' << 8 | 't')) |
           (key == (4u << 16 | 'n' << 8 | 'e')) | (key == (6u << 16 | 'a' << 8 | 'c'));
}

/* A place preposition before a name or an "eastern": where the article may give a place by name. */
static inline int may_name_place(const cc_token *t)
{
    return (t[0].classes & CC_W_PLACE_PREP) && ((t[1].flags & CC_TF_CAP) || (t[1].classes & CC_W_LOCATIVE));
}

/* The proper name the article most often gives as a place, by the last word of a capitalised run after
 * "in", "at", "near" or "across" ("in Aleppo", "in eastern Aleppo"); at least twice. */
static cc_str article_place(const cc_article *a)
{
    enum { MAX = 32 };
    cc_str heads[MAX];
    int count[MAX];
    size_t n = 0;
    const cc_token *tok = a->tokens.v;
    for (size_t k = 0; k + 2 < a->tokens.n; k++) {
        /* the preposition's class bit turns most words away, in a loop of their own (four tokens a step),
         * before the next token's bits and the text are read */
        while (k + 5 < a->tokens.n &&
               !((tok[k].classes | tok[k + 1].classes | tok[k + 2].classes | tok[k + 3].classes) & CC_W_PLACE_PREP)) {
            k += 4;
        }
        if (k + 2 >= a->tokens.n || !may_name_place(&tok[k]) || !place_preposition_shape(a, &tok[k])) {
            continue;
        }
        size_t j = k + 1;
        if (cc_tok_is(a, j, "eastern") || cc_tok_is(a, j, "western") || cc_tok_is(a, j, "northern") ||
            cc_tok_is(a, j, "southern") || cc_tok_is(a, j, "central")) {
            j++;
        }
        size_t last = j;
        while (last < a->tokens.n && a->tokens.v[last].kind == CC_TOK_WORD && (a->tokens.v[last].flags & CC_TF_CAP) &&
               !is_month(a, last) && !is_weekday(a, last)) {
            last++;
        }
        if (last == j || (last < a->tokens.n && a->tokens.v[last].kind == CC_TOK_WORD &&
                          !(a->tokens.v[last].flags & CC_TF_CAP) && !place_noun(a, last) &&
                          !cc_lexset_find(stop_words, a->text + a->tokens.v[last].start,
                                          a->tokens.v[last].end - a->tokens.v[last].start))) {
            continue; /* nothing named, or a name qualifying a thing ("in Hamas attacks") */
        }
        if (cc_tok_common_word(a, (uint32_t)(last - 1)) && !cc_tok_has(a, (uint32_t)(last - 1), CC_W_PLACE)) {
            k = last - 1;
            continue; /* "in the Chemical Attack": an ordinary word in capitals names no place */
        }
        cc_str head = cc_tok_str(a, last - 1);
        size_t i;
        for (i = 0; i < n && !(heads[i].len == head.len && !memcmp(heads[i].p, head.p, head.len)); i++) {
        }
        if (i == n && n < MAX) {
            heads[n] = head, count[n] = 0, n++;
        }
        if (i < n) {
            count[i]++;
        }
        k = last - 1;
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (count[i] >= 2 && (best == SIZE_MAX || count[i] > count[best])) {
            best = i;
        }
    }
    return best == SIZE_MAX ? cc_str_of("", 0) : heads[best];
}

static cc_str main_place_of(const cc_article *a, cc_claim_memo *m)
{
    if (!m->known) {
        m->place = article_place(a);
        m->known = 1;
    }
    return m->place;
}

/* The spellings that may be the first token of a places entry of several tokens: each prefix of a key
 * that ends where the tokenizer may cut, which is anywhere but between two letters (a superset: a prefix
 * too many only lets a lookup through). */
static cc_first_tokens place_starts;
static pthread_once_t place_starts_made = PTHREAD_ONCE_INIT;

static int ascii_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

static void make_place_starts(void)
{
    const cc_lexset *set = cc_lexset_get("places");
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        for (size_t n = 1; n < e->key_len; n++) {
            if (e->key[n - 1] != ' ' && !(ascii_letter(e->key[n - 1]) && ascii_letter(e->key[n]))) {
                cc_first_tokens_add(&place_starts, e->key, n, 1);
            }
        }
    }
}

int cc_claim_place_phrase_start(const char *s, size_t n)
{
    if (s[0] < 'A' || s[0] > 'Z') {
        return 0; /* the country test asks only of capitalised words (CC_TF_CAP: an ASCII capital first) */
    }
    pthread_once(&place_starts_made, make_place_starts);
    return cc_first_tokens_bits(&place_starts, s, n) != 0;
}

/* The country an adjective of nationality names ("Syrian", "Iraqi", "Iranian"), by the places lexicon. */
static const cc_lexentry *country_of_adjective(const char *w, size_t n)
{
    static const char *const endings[] = { "ian", "n", "i" };
    for (size_t e = 0; e < sizeof endings / sizeof *endings; e++) {
        size_t el = strlen(endings[e]);
        if (n > el + 2 && !memcmp(w + n - el, endings[e], el)) {
            const cc_lexentry *c = cc_lexset_find(places, w, n - el);
            if (c && strcmp(c->value, "country") == 0) {
                return c;
            }
        }
    }
    return NULL;
}

/* The country named at token k ("Syria", "Syria's", "United States"), with its length in tokens; with
 * adjectives, also one named by its nationality ("the Syrian conflict"), *direct then cleared. */
static const cc_lexentry *country_named_at(const cc_article *a, size_t k, int adjectives, size_t *len, int *direct)
{
    const cc_token *t = tok(a, k);
    /* an entry of one token found here would be replaced below, so only a word that may begin a longer
     * one is looked up with the tokens after it */
    const cc_lexentry *e =
        (t->classes & CC_W_PLACE_PHRASE_START) ? cc_phrase_at(places, a, k, a->tokens.n, 3, len) : NULL;
    if (!e || *len == 1) {
        e = (t->classes & CC_W_PLACE) ? cc_tok_find(a, (uint32_t)k, places) : NULL; /* the bit: a one-word place */
        *len = 1;
    }
    uint32_t n = cc_tok_stem_len(a, (uint32_t)k);
    if (!e && n > 4 && a->text[t->start + n - 1] == 's') {
        e = cc_lexset_find(places, a->text + t->start, n - 1); /* "Syrias war": a possessive that lost its apostrophe */
    }
    *direct = 1;
    if ((!e || strcmp(e->value, "country") != 0) && adjectives) {
        e = country_of_adjective(a->text + t->start, n);
        *direct = 0;
    }
    return e && strcmp(e->value, "country") == 0 ? e : NULL;
}

/* country_named_at for a capitalised word: the whole-article scans ask at every token, and the test inline
 * turns most away without a call. */
static inline const cc_lexentry *country_at(const cc_article *a, size_t k, int adjectives, size_t *len, int *direct)
{
    const cc_token *t = tok(a, k);
    return t->kind == CC_TOK_WORD && (t->flags & CC_TF_CAP) ? country_named_at(a, k, adjectives, len, direct) : NULL;
}

/* How the article writes the country of entry e, at its first mention by name; empty when it names it
 * only by nationality. */
static cc_str country_text(const cc_article *a, const cc_lexentry *e)
{
    for (size_t k = 0; k < a->tokens.n; k++) {
        size_t len;
        int direct;
        if (country_at(a, k, 0, &len, &direct) != e) {
            continue;
        }
        if (len > 1) {
            return span(a, k, k + len);
        }
        uint32_t n = cc_tok_stem_len(a, (uint32_t)k);
        if (!cc_lexset_has(places, a->text + tok(a, k)->start, n)) {
            n--; /* "Syrias" */
        }
        return cc_str_of(a->text + tok(a, k)->start, n);
    }
    return cc_str_of("", 0);
}

/* The first country tokens [from, to) name, by name or nationality, as the article writes it. */
static cc_str country_in(const cc_article *a, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        size_t len;
        int direct;
        const cc_lexentry *e = country_at(a, k, 1, &len, &direct);
        cc_str name = e ? country_text(a, e) : cc_str_of("", 0);
        if (name.len) {
            return name;
        }
    }
    return cc_str_of("", 0);
}

/* The country the article names most often, by name or nationality (at least twice). */
static cc_str article_country(const cc_article *a)
{
    enum { MAX = 16 };
    const cc_lexentry *seen[MAX];
    int count[MAX];
    size_t n = 0, best = SIZE_MAX;
    for (size_t k = 0; k < a->tokens.n; k++) {
        size_t len;
        int direct;
        const cc_lexentry *e = country_at(a, k, 1, &len, &direct);
        if (!e) {
            continue;
        }
        size_t i;
        for (i = 0; i < n && seen[i] != e; i++) {
        }
        if (i == n && n < MAX) {
            seen[n] = e, count[n] = 0, n++;
        }
        if (i < n && ++count[i] >= 2 && (best == SIZE_MAX || count[i] > count[best])) {
            best = i;
        }
        k += len - 1;
    }
    return best == SIZE_MAX ? cc_str_of("", 0) : country_text(a, seen[best]);
}

/* The country a national figure (a war's whole toll) belongs to: one named in its own sentence ("since
 * Syria's war began", "the Syrian conflict"), else in the sentence before ("Syria has been at war since
 * 2011. Since then, hundreds of thousands…"), else the one the article names most, else the last named
 * within five sentences. */
static cc_str country_of_figure(const cc_article *a, uint32_t s, size_t t0, cc_claim_memo *memo)
{
    cc_str c = country_in(a, cc_sent_first(a, s), cc_sent_end(a, s));
    if (!c.len && s > 0) {
        c = country_in(a, cc_sent_first(a, s - 1), cc_sent_end(a, s - 1));
    }
    if (c.len) {
        return c;
    }
    if (!memo->country_known) {
        memo->country = article_country(a);
        memo->country_known = 1;
    }
    if (memo->country.len) {
        return memo->country;
    }
    for (size_t k = t0, stop = cc_sent_first(a, s > 5 ? s - 5 : 0); k-- > stop;) {
        size_t len;
        int direct;
        const cc_lexentry *e = country_at(a, k, 0, &len, &direct);
        if (e) {
            return country_text(a, e);
        }
    }
    return cc_str_of("", 0);
}

cc_str cc_claim_where(const cc_article *a, uint32_t s, size_t t0, size_t t1, int national, cc_claim_memo *memo)
{
    init();
    place p;
    int found = place_in(a, s, t0, t1, memo, &p);
    if (national && !found) {
        cc_str country = country_of_figure(a, s, t0, memo);
        if (country.len) {
            return country;
        }
    }
    if (found) {
        /* "the city", "the town": the place the article is about */
        if (p.end == p.start + 1 && p.start > 0 && cc_tok_is(a, p.start - 1, "the") && p.rank == 2) {
            cc_str main = main_place_of(a, memo);
            if (main.len) {
                return main;
            }
        }
        return span(a, p.start, p.end);
    }
    /* the nearest named place before it in the paragraph, else the one the article names most */
    const cc_paragraph *para = &a->paragraphs.v[a->sentences.v[s].para];
    for (uint32_t k = s; k-- > para->sent_first;) {
        size_t e = cc_sent_end(a, k);
        if (place_in(a, k, e, e, memo, &p) && p.named) {
            return span(a, p.start, p.end);
        }
    }
    return main_place_of(a, memo);
}

/* ---- when ---- */

typedef cc_time_phrase timex;

static cc_date pub_date(const cc_article *a)
{
    cc_date d = { a->pub_year, a->pub_month, a->pub_day };
    return d;
}

static void set_range(cc_date_range *r, cc_date from, cc_date to)
{
    r->y0 = (int16_t)from.year, r->m0 = (int8_t)from.month, r->d0 = (int8_t)from.day;
    r->y1 = (int16_t)to.year, r->m1 = (int8_t)to.month, r->d1 = (int8_t)to.day;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : days[m - 1];
}

/* "yesterday", "last week", "in recent days": a calendar unit back from the publication date. */
static void resolve_relative(const cc_lexentry *e, cc_date pub, cc_date_range *r)
{
    if (!pub.year) {
        return;
    }
    char *rest;
    const char *v = e->value;
    const char *sp = strchr(v, ' ');
    if (!sp) {
        return;
    }
    long back = strtol(sp + 1, &rest, 10);
    size_t unit = (size_t)(sp - v);
    cc_date from = pub, to = pub;
    if (unit == 3 && !strncmp(v, "day", 3)) {
        from = to = cc_date_add_days(pub, (int)back);
    } else if (unit == 4 && !strncmp(v, "days", 4)) {
        from = cc_date_add_days(pub, (int)back);
    } else if (unit == 4 && !strncmp(v, "week", 4)) {
        cc_date monday = cc_date_add_days(pub, -cc_date_weekday(pub));
        from = cc_date_add_days(monday, 7 * (int)back);
        to = back ? cc_date_add_days(from, 6) : pub;
    } else if (unit == 5 && !strncmp(v, "month", 5)) {
        from.day = 1;
        if (back) {
            from.month = pub.month == 1 ? 12 : pub.month - 1;
            from.year = pub.month == 1 ? pub.year - 1 : pub.year;
            to = from;
            to.day = days_in_month(to.year, to.month);
        }
    } else if (unit == 4 && !strncmp(v, "year", 4)) {
        from.year = pub.year + (int)back, from.month = 1, from.day = 1;
        if (back) {
            to.year = from.year, to.month = 12, to.day = 31;
        }
    }
    set_range(r, from, to);
}

/* A day and month at token k ("November 15", "15 November", "Dec. 13, 2016"); returns tokens read. */
static size_t read_date(const cc_article *a, size_t k, size_t end, cc_date pub, cc_date *d)
{
    size_t j = k;
    int day = 0, month = 0, year = 0;
    if (is_month(a, j)) {
        const cc_token *t = tok(a, j);
        month = cc_month_number(a->text + t->start, t->end - t->start - (a->text[t->end - 1] == '.'));
        j++;
        if (j < end && tok(a, j)->kind == CC_TOK_NUMBER && tok(a, j)->end - tok(a, j)->start <= 2) {
            day = atoi(a->text + tok(a, j)->start);
            j++;
        }
    } else if (tok(a, j)->kind == CC_TOK_NUMBER && tok(a, j)->end - tok(a, j)->start <= 2 && j + 1 < end &&
               is_month(a, j + 1)) {
        day = atoi(a->text + tok(a, j)->start);
        month = cc_month_number(a->text + tok(a, j + 1)->start, tok(a, j + 1)->end - tok(a, j + 1)->start);
        j += 2;
    } else {
        return 0;
    }
    if (j + 1 < end && a->text[tok(a, j)->start] == ',' && tok(a, j + 1)->kind == CC_TOK_NUMBER &&
        tok(a, j + 1)->end - tok(a, j + 1)->start == 4) {
        j++;
    }
    if (j < end && tok(a, j)->kind == CC_TOK_NUMBER && tok(a, j)->end - tok(a, j)->start == 4) {
        year = atoi(a->text + tok(a, j)->start);
        j++;
    }
    if (!year && pub.year) {
        /* a date after the publication date is last year's */
        year = month > pub.month || (month == pub.month && day > pub.day) ? pub.year - 1 : pub.year;
    }
    d->year = year, d->month = month, d->day = day;
    return j - k;
}

static int four_digit_year(const cc_article *a, size_t k)
{
    const cc_token *t = tok(a, k);
    if (t->kind != CC_TOK_NUMBER || t->end - t->start != 4) {
        return 0;
    }
    int y = atoi(a->text + t->start);
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* A date or a year as a period: a day, a month, or a year. */
static void period(cc_date d, cc_date *from, cc_date *to)
{
    *from = *to = d;
    if (!d.day) {
        from->day = 1;
        to->day = d.month ? days_in_month(d.year, d.month) : 31;
        if (!d.month) {
            from->month = 1, to->month = 12;
        }
    }
}

/* The time phrase starting at token k, if any. */
/* The date of the weekday named at token j: the publication day or the last such day before it. */
static cc_date weekday_before(const cc_article *a, size_t j, cc_date pub)
{
    int w = cc_weekday_number(a->text + tok(a, j)->start, tok(a, j)->end - tok(a, j)->start);
    return cc_date_add_days(pub, -((cc_date_weekday(pub) - w + 7) % 7));
}

static int read_timex(const cc_article *a, uint32_t s, size_t k, size_t end, timex *x)
{
    size_t n;
    cc_date pub = pub_date(a), d, from, to;
    memset(&x->range, 0, sizeof x->range);
    x->start = k;
    const cc_lexentry *e =
        tok(a, k)->kind == CC_TOK_WORD ? cc_claim_phrase_at(time_words, CC_W_TIME_START, a, k, end, 4, &n) : NULL;
    if (e) {
        x->end = k + n;
        resolve_relative(e, pub, &x->range);
        return 1;
    }
    /* "the last 27 days", "the past two weeks" */
    if (cc_tok_is(a, k, "the") && k + 3 < end && (cc_tok_is(a, k + 1, "last") || cc_tok_is(a, k + 1, "past"))) {
        size_t j = k + 2;
        double count = 0;
        if (tok(a, j)->kind == CC_TOK_NUMBER) {
            count = atof(a->text + tok(a, j)->start);
            j++;
        } else if (cc_tok_is(a, j, "few") || cc_tok_is(a, j, "several")) {
            count = 7;
            j++;
        }
        const cc_token *u = tok(a, j);
        size_t ul = u->end - u->start;
        int per = !strncasecmp(a->text + u->start, "day", 3) ? 1 : !strncasecmp(a->text + u->start, "week", 4) ? 7
                  : !strncasecmp(a->text + u->start, "month", 5) ? 30 : !strncasecmp(a->text + u->start, "year", 4) ? 365 : 0;
        if (per && ul <= 6) {
            x->end = j + 1;
            if (pub.year && count > 0) {
                set_range(&x->range, cc_date_add_days(pub, -(int)(count * per)), pub);
            }
            return 1;
        }
        return 0;
    }
    /* "since November 15", "since 2011", "since early 2011", "since mid-July" */
    if (cc_tok_is(a, k, "since") && k + 1 < end) {
        size_t j = k + 1;
        if (cc_tok_is(a, j, "early") || cc_tok_is(a, j, "late") || cc_tok_is(a, j, "mid")) {
            j++;
        }
        int y;
        if ((n = read_date(a, j, end, pub, &d)) != 0) {
            x->end = j + n;
            period(d, &from, &to);
            set_range(&x->range, from, pub.year ? pub : to);
            if (!pub.year) {
                x->range.y1 = 0;
            }
            return 1;
        }
        if ((y = four_digit_year(a, j)) != 0) {
            x->end = j + 1;
            cc_date start = { y, 1, 1 };
            set_range(&x->range, start, pub);
            return 1;
        }
        if ((tok(a, j)->kind == CC_TOK_WORD && (tok(a, j)->flags & CC_TF_HYPHEN)) || cc_tok_is(a, j, "then")) {
            x->end = j + 1; /* since mid-July; since then */
            return 1;
        }
        if (is_weekday(a, j)) {
            x->end = j + 1; /* since Friday */
            if (pub.year) {
                set_range(&x->range, weekday_before(a, j, pub), pub);
            }
            return 1;
        }
        return 0;
    }
    /* "on Monday", "late Monday", "Monday night" */
    size_t j = k;
    if ((cc_tok_is(a, j, "late") || cc_tok_is(a, j, "early")) && j + 2 < end && cc_tok_is(a, j + 1, "on")) {
        j++; /* "late on Saturday" */
    }
    if ((cc_tok_is(a, j, "on") || cc_tok_is(a, j, "late") || cc_tok_is(a, j, "early") || cc_tok_is(a, j, "last")) &&
        j + 1 < end && is_weekday(a, j + 1)) {
        j++;
    }
    if (is_weekday(a, j)) {
        x->end = j + 1;
        if (x->end < end && (cc_tok_is(a, x->end, "night") || cc_tok_is(a, x->end, "morning") ||
                             cc_tok_is(a, x->end, "evening") || cc_tok_is(a, x->end, "afternoon"))) {
            x->end++;
        }
        if (pub.year) {
            cc_date day = weekday_before(a, j, pub);
            set_range(&x->range, day, day);
        }
        return 1;
    }
    /* "on December 13", "in November", "in 2016" */
    j = k;
    if ((cc_tok_is(a, j, "on") || cc_tok_is(a, j, "in")) && j + 1 < end) {
        j++;
    }
    if ((n = read_date(a, j, end, pub, &d)) != 0 && (j > k || n > 1)) {
        x->end = j + n;
        if (d.year) {
            period(d, &from, &to);
            set_range(&x->range, from, to);
        }
        return 1;
    }
    int y;
    if (j > k && cc_tok_is(a, k, "in") && (y = four_digit_year(a, j)) != 0) {
        x->end = j + 1;
        cc_date f = { y, 1, 1 }, t = { y, 12, 31 };
        set_range(&x->range, f, t);
        return 1;
    }
    (void)s;
    return 0;
}

/* Can token k open a time phrase (read_timex)? Every token of a sentence with a claim comes here. A word
 * opens one only as the first word of an entry of time_words, a weekday or a month, or a word read_timex
 * reads first: two class bits. */
static int may_open_timex(const cc_article *a, size_t k)
{
    const cc_token *t = tok(a, k);
    if (t->kind == CC_TOK_NUMBER) {
        return t->end - t->start <= 2; /* "15 November" */
    }
    return t->kind == CC_TOK_WORD && (t->classes & (CC_W_TIME_START | CC_W_TIME_WORD));
}

/* The time phrases of sentence s, read once from left to right, for every figure that asks. Returns the
 * index of the first in m->times and sets *n. */
static size_t times_of(cc_claim_memo *m, const cc_article *a, uint32_t s, size_t *n)
{
    cc_sentence_phrases *sp = cc_claim_memo_sentence(m, a, s);
    if (!sp->times) {
        size_t first = cc_sent_first(a, s), end = cc_sent_end(a, s);
        sp->times = (uint32_t)m->times.n + 1;
        for (size_t k = first; k < end; k++) {
            timex x;
            if (may_open_timex(a, k) && read_timex(a, s, k, end, &x)) {
                CC_VEC_PUSH(m->times, x);
                k = x.end - 1;
            }
        }
        sp->n_times = (uint32_t)m->times.n + 1 - sp->times;
    }
    *n = sp->n_times;
    return sp->times - 1;
}

static int timex_in(const cc_article *a, uint32_t s, size_t t0, size_t t1, cc_claim_memo *m, timex *best)
{
    size_t n, from = times_of(m, a, s, &n), first = cc_sent_first(a, s);
    size_t best_dist = SIZE_MAX;
    for (size_t i = from; i < from + n; i++) {
        const timex *x = &m->times.v[i];
        /* a time opening the sentence frames all of it ("On Sunday alone, SANA said, 8,000 people fled") */
        int opening = x->start <= first + 1;
        if ((x->start <= t1 && t0 < x->end) || (x->end <= t0 && !opening && verb_between(a, x->end - 1, t0)) ||
            (x->start > t1 && verb_between(a, t1, x->start))) {
            continue;
        }
        size_t dist = x->start > t1 ? x->start - t1 : t0 - x->end + 1;
        if (dist < best_dist) {
            best_dist = dist;
            *best = *x;
        }
    }
    return best_dist != SIZE_MAX;
}

cc_str cc_claim_when(cc_article *a, uint32_t s, size_t t0, size_t t1, cc_date_range *resolved, cc_claim_memo *memo)
{
    init();
    timex x = { 0, 0, { 0, 0, 0, 0, 0, 0 } };
    memset(resolved, 0, sizeof *resolved);
    if (!timex_in(a, s, t0, t1, memo, &x)) {
        return cc_str_of("", 0);
    }
    /* "Since then": the period the article opened just before */
    if (x.end == x.start + 2 && cc_tok_is(a, x.start, "since") && cc_tok_is(a, x.start + 1, "then")) {
        for (uint32_t k = s; k-- > 0 && k + 3 >= s;) {
            size_t first = cc_sent_first(a, k), end = cc_sent_end(a, k);
            for (size_t i = first; i < end; i++) {
                timex y;
                if (cc_tok_is(a, i, "since") && read_timex(a, k, i, end, &y)) {
                    *resolved = y.range;
                    return span(a, y.start, y.end);
                }
            }
        }
    }
    *resolved = x.range;
    return span(a, x.start, x.end);
}

void cc_claim_memo_free(cc_claim_memo *m)
{
    CC_VEC_FREE(m->places);
    CC_VEC_FREE(m->times);
    CC_VEC_FREE(m->verbs);
    CC_VEC_FREE(m->sentences);
    CC_VEC_FREE(m->cleared);
}
