/* Reading the speaker phrase beside a reporting verb. News attribution is formulaic: a noun phrase
 * before the verb (`X said`, `X, role, said`, `role X said`), after it (`said X, role`), or after
 * "according to". The phrase is then read against the article's mentions: a person (with the rest of
 * the phrase as the role), an organisation or place, a pronoun, or a description kept as written. */
#include "speakers.h"

#include <pthread.h>

#include "bytes8.h"
#include "entities.h"
#include "words.h"

enum { NP_MAX = 14, ROLE_MAX = 16 };

/* A fixed list of words with what all its words have in common, so that a few bit tests turn most tokens
 * away before the list is read: the class bits every word of it carries (vocab.h), the lengths and the
 * first letters among them. The words of up to eight letters are kept lower-cased in a register each, in
 * a small hash table, and a token is compared with them as one register. Worked out from the words, once
 * per process. */
enum { KEY_SLOTS = 64 }; /* at most half full */

typedef struct word_list {
    const char *const *words;
    size_t n;
    unsigned classes;
    uint32_t lengths, letters;
    uint64_t keys[KEY_SLOTS]; /* 0 for none */
} word_list;

#define WORD_LIST(array) { array, CC_COUNT(array), 0, 0, 0, { 0 } }

static const char *const determiner_words[] = { "the", "a", "an", "his", "her", "its", "their", "our", "this",
                                                "these", "those", "another" };
static const char *const connector_words[] = { "of", "for", "at", "with", "to", "from", "on", "in" };
/* between a subject and its verb, belonging to neither: "Ayrault later said" */
static const char *const adverb_words[] = { "later", "also", "earlier", "then", "again", "previously", "once",
                                            "further", "has", "had", "have", "would", "will", "is", "was", "are",
                                            "were", "subsequently", "first", "last", "recently", "today",
                                            "yesterday", "tonight" };
static word_list determiners = WORD_LIST(determiner_words), connectors = WORD_LIST(connector_words),
                 adverbs = WORD_LIST(adverb_words);
_Static_assert(CC_COUNT(determiner_words) <= KEY_SLOTS / 2 && CC_COUNT(connector_words) <= KEY_SLOTS / 2 &&
                   CC_COUNT(adverb_words) <= KEY_SLOTS / 2,
               "a word list's table is at most half full");

/* The first n (at most 8) bytes at p, lower-cased, in one register; the text is padded (CC_TEXT_PADDING). */
static uint64_t key8(const char *p, size_t n)
{
    return cc_lower8(cc_load8(p) & (~0ULL >> (64 - 8 * n)));
}

static size_t key_slot(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 58); /* the top six bits: KEY_SLOTS */
}

static void learn_list(word_list *l)
{
    l->classes = ~0u;
    for (size_t k = 0; k < l->n; k++) {
        size_t len = strlen(l->words[k]);
        char padded[8] = { 0 };
        if (len <= 8) {
            memcpy(padded, l->words[k], len);
            size_t slot = key_slot(key8(padded, len));
            while (l->keys[slot]) {
                slot = (slot + 1) % KEY_SLOTS;
            }
            l->keys[slot] = key8(padded, len);
        }
        l->classes &= cc_word_classes(l->words[k], len);
        l->lengths |= 1u << len;
        l->letters |= 1u << (l->words[k][0] - 'a');
    }
}

static pthread_once_t lists_learnt = PTHREAD_ONCE_INIT;

static void learn_lists(void)
{
    learn_list(&determiners);
    learn_list(&connectors);
    learn_list(&adverbs);
}

/* Token i (of len bytes, a word) compared with the list's words. */
static int list_has(const cc_article *a, uint32_t i, uint32_t len, const word_list *l)
{
    if (len > 8) {
        return cc_tok_is_any(a, i, l->words, l->n);
    }
    uint64_t key = key8(cc_tok_text(a, i), len);
    for (size_t slot = key_slot(key); l->keys[slot]; slot = (slot + 1) % KEY_SLOTS) {
        if (l->keys[slot] == key) {
            return 1;
        }
    }
    return 0;
}

static inline int in_list(const cc_article *a, uint32_t i, const word_list *l)
{
    if (i >= a->tokens.n) {
        return 0;
    }
    const cc_token *t = cc_tok(a, i);
    uint32_t len = t->end - t->start, letter = ((unsigned char)a->text[t->start] | 0x20u) - 'a';
    return t->kind == CC_TOK_WORD && (t->classes & l->classes) == l->classes && len < 32 && (l->lengths >> len & 1) &&
           letter < 26 && (l->letters >> letter & 1) && list_has(a, i, len, l);
}

static int is_determiner(const cc_article *a, uint32_t i)
{
    return in_list(a, i, &determiners);
}

static int is_connector(const cc_article *a, uint32_t i)
{
    return in_list(a, i, &connectors);
}

static int is_adverb(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_WORD || (t->flags & CC_TF_CAP)) {
        return 0;
    }
    uint32_t n = cc_tok_len(a, i);
    const char *s = cc_tok_text(a, i);
    return (n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y') || in_list(a, i, &adverbs);
}

/* A word that can sit inside a speaker phrase. */
static int np_word(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_WORD) {
        return 0;
    }
    /* no name, but a plural in lower case is the noun of a speaker phrase: "the sources said" */
    uint32_t len = cc_tok_len(a, i);
    int plural = !(t->flags & (CC_TF_CAP | CC_TF_ALLCAPS)) && len > 4 && cc_tok_text(a, i)[len - 1] == 's';
    if (cc_tok_has(a, i, CC_W_NOT_NAME) && !cc_tok_is(a, i, "tv") && !plural) {
        return 0;
    }
    if ((t->flags & CC_TF_SENT_START) && cc_tok_has(a, i, CC_W_FUNCTION | CC_W_STARTER)) {
        return 0; /* "When", "But" opening the sentence */
    }
    if (!(t->flags & (CC_TF_CAP | CC_TF_ALLCAPS))) {
        if (cc_tok_has(a, i, CC_W_FUNCTION) || cc_tok_reporting_verb(a, i, i)) {
            return 0;
        }
        uint32_t n = cc_tok_len(a, i);
        const char *s = cc_tok_text(a, i);
        if (n > 4 && s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g') {
            return 0; /* "speaking", "adding" */
        }
    }
    return 1;
}

int cc_is_role_word(const cc_article *a, uint32_t i)
{
    return cc_tok_has(a, i, CC_W_TITLE);
}

static cc_str tok_span(const cc_article *a, uint32_t first, uint32_t last)
{
    uint32_t s = cc_tok(a, first)->start, e = cc_tok(a, last)->end;
    return cc_str_of(a->text + s, e - s);
}

static int is_honorific(const cc_article *a, uint32_t i)
{
    return cc_tok_has(a, i, CC_W_HONORIFIC);
}

/* The role is what precedes the name in the phrase, without articles or courtesy titles ("Dr"). */
static cc_str role_before(const cc_article *a, uint32_t first, uint32_t last, uint32_t name_start)
{
    uint32_t rf = first;
    while (rf <= last && is_determiner(a, rf)) {
        rf++;
    }
    int32_t rl = -1;
    for (uint32_t i = rf; i <= last && cc_tok(a, i)->end <= name_start; i++) {
        rl = (int32_t)i;
    }
    while (rl >= (int32_t)rf && (is_honorific(a, (uint32_t)rl) || cc_tok_punct(a, (uint32_t)rl, ','))) {
        rl--;
    }
    if (rl < (int32_t)rf) {
        return cc_str_of("", 0);
    }
    return tok_span(a, rf, (uint32_t)rl);
}

static int32_t person_in(const cc_article *a, uint32_t first, uint32_t last);

enum { PERSON_UNKNOWN = -2 }; /* person_in not asked yet */

/* Fills name/role/kind from the phrase [first, last] (and an appositive role, if any), given its person_in
 * when the caller has asked already. */
static void read_phrase_of(const cc_article *a, uint32_t first, uint32_t last, int32_t person, cc_attribution *out)
{
    out->first = first;
    out->last = last;
    if (first == last && cc_is_pronoun(a, first)) {
        int he = cc_tok_is(a, first, "he") || cc_tok_is(a, first, "she");
        out->kind = he ? CC_SPK_HE : cc_tok_is(a, first, "it") ? CC_SPK_IT : CC_SPK_THEY;
        return;
    }
    if (person == PERSON_UNKNOWN) {
        person = person_in(a, first, last);
    }
    if (person >= 0) {
        const cc_mention *m = &a->mentions.v[person];
        out->kind = CC_SPK_PERSON;
        out->name = m->name;
        cc_str before = role_before(a, first, last, m->span.start);
        if (before.len) {
            out->role = before;
        }
        return;
    }
    out->name = tok_span(a, first, last);
    out->kind = cc_mention_at(a, cc_tok(a, last)->start) >= 0 ? CC_SPK_ORG : CC_SPK_DESC;
    out->role.len = 0;
}

static void read_phrase(const cc_article *a, uint32_t first, uint32_t last, cc_attribution *out)
{
    read_phrase_of(a, first, last, PERSON_UNKNOWN, out);
}

/* The noun phrase that ends at token j, reading left no further than lo. */
static int np_ending_at(const cc_article *a, uint32_t lo, uint32_t j, uint32_t *first)
{
    if (j < lo || !np_word(a, j)) {
        return 0;
    }
    uint32_t i = j;
    while (i > lo && j - i < NP_MAX) {
        uint32_t p = i - 1;
        if (is_determiner(a, p)) {
            i = p;
            break;
        }
        if (np_word(a, p) && !(cc_tok(a, p)->flags & CC_TF_SENT_START && cc_tok_has(a, p, CC_W_STARTER))) {
            i = p;
            continue;
        }
        if (is_connector(a, p) && p > lo && np_word(a, p - 1)) {
            i = p;
            continue;
        }
        if (cc_tok_is(a, p, "and") && p > lo && cc_tok_cap(a, p - 1) && cc_tok_cap(a, i)) {
            i = p; /* "Mark Blumenthal and Jon Cohen" */
            continue;
        }
        break;
    }
    while (i < j && is_connector(a, i)) {
        i++;
    }
    *first = i;
    return 1;
}

static int is_relative(const cc_article *a, uint32_t i)
{
    return cc_tok_is(a, i, "who") || cc_tok_is(a, i, "which") || cc_tok_is(a, i, "whose") ||
           cc_tok_is(a, i, "where");
}

/* "Merkel's spokesman": a person named in the possessive is not the speaker. */
static int possessive_mention(const cc_article *a, const cc_mention *m)
{
    const unsigned char *p = (const unsigned char *)a->text + m->span.end;
    return m->span.end < a->len && (p[0] == '\'' || (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99));
}

/* The mention holding byte pos, -1 for none; *from is a mention_from of pos or of an earlier byte, and
 * moves on to pos. */
static int32_t mention_of(const cc_article *a, size_t *from, uint32_t pos)
{
    while (*from < a->mentions.n && a->mentions.v[*from].span.end <= pos) {
        ++*from;
    }
    return *from < a->mentions.n && a->mentions.v[*from].span.start <= pos ? (int32_t)*from : -1;
}

static int32_t person_in(const cc_article *a, uint32_t first, uint32_t last)
{
    if (first > last) {
        return -1;
    }
    size_t from = cc_mention_from(a, cc_tok(a, first)->start);
    for (uint32_t i = first; i <= last; i++) {
        int32_t m = mention_of(a, &from, cc_tok(a, i)->start);
        if (m >= 0 && a->mentions.v[m].type == CC_ENT_PERSON && !possessive_mention(a, &a->mentions.v[m])) {
            return m;
        }
    }
    return -1;
}

static int has_person(const cc_article *a, uint32_t first, uint32_t last)
{
    return person_in(a, first, last) >= 0;
}

/* Skips back over a parenthesis ending at token j ("Rep. Gwen Moore (D-Wis.) said"). */
static uint32_t skip_parenthesis(const cc_article *a, uint32_t lo, uint32_t j)
{
    if (!cc_tok_punct(a, j, ')')) {
        return j;
    }
    for (uint32_t k = j; k > lo && j - k < 12; k--) {
        if (cc_tok_punct(a, k - 1, '(')) {
            return k - 1 > lo ? k - 2 : j;
        }
    }
    return j;
}

/* A comma-separated piece may hold abbreviations ("R-Ky.,"), but no sentence stop. */
static int piece_stop(const cc_article *a, uint32_t k)
{
    const cc_token *t = cc_tok(a, k);
    if (t->kind != CC_TOK_PUNCT || t->end - t->start != 1) {
        return t->kind == CC_TOK_QUOTE;
    }
    const char c = a->text[t->start];
    return c == ':' || c == ';' ||
           (c == '.' && !(k + 1 < a->tokens.n && (cc_tok_punct(a, k + 1, ',') || cc_tok_punct(a, k + 1, ')'))));
}

enum { MAX_PIECES = 4 };

/* `X, role, said`, `X, role, another role, said`, `role, X, said`, `X, who …, said`: the commas before
 * the verb at comma j cut the phrase into pieces; the speaker is the furthest piece that names a
 * person (its role the piece after it), else a person named in the piece next to the verb, else the
 * furthest plain noun phrase. */
static int subject_with_commas(const cc_article *a, uint32_t lo, uint32_t j, cc_attribution *out)
{
    uint32_t commas[MAX_PIECES + 1];
    int n = 0;
    commas[n++] = j;
    for (uint32_t k = j; k-- > lo && j - k < 40 && n <= MAX_PIECES;) {
        if (piece_stop(a, k)) {
            break;
        }
        if (cc_tok_punct(a, k, ',')) {
            commas[n++] = k;
        }
    }
    uint32_t first;
    int32_t fallback = -1;
    for (int i = n - 1; i >= 1; i--) {
        uint32_t c = commas[i];
        if (c == lo || !np_ending_at(a, lo, skip_parenthesis(a, lo, c - 1), &first)) {
            continue;
        }
        if (first > lo && !cc_tok_punct(a, first - 1, ',') && cc_tok(a, first - 1)->kind != CC_TOK_QUOTE &&
            !is_determiner(a, first) && !(cc_tok(a, first)->flags & CC_TF_CAP)) {
            continue;
        }
        uint32_t next_first = c + 1, next_last = commas[i - 1] - 1;
        if (next_first == next_last && cc_tok(a, next_first)->kind == CC_TOK_NUMBER && i >= 2) {
            next_first = commas[i - 1] + 1; /* "Cecelia Purner, 67, a retired teacher," */
            next_last = commas[i - 2] - 1;
        }
        int32_t person = person_in(a, first, c - 1);
        if (person >= 0) {
            if (next_first <= next_last && !is_relative(a, next_first) && !has_person(a, next_first, next_last)) {
                out->role = tok_span(a, next_first, next_last);
            }
            read_phrase_of(a, first, c - 1, person, out);
            return 1;
        }
        if (fallback < 0) {
            fallback = i;
        }
    }
    int32_t named = n >= 2 && commas[1] + 1 < j ? person_in(a, commas[1] + 1, j - 1) : -1;
    if (named >= 0) {
        if (np_ending_at(a, lo, commas[1] - 1, &first)) {
            out->role = tok_span(a, first, commas[1] - 1);
        }
        read_phrase_of(a, commas[1] + 1, j - 1, named, out);
        return 1;
    }
    if (fallback < 0 || !np_ending_at(a, lo, commas[fallback] - 1, &first)) {
        return 0;
    }
    read_phrase(a, first, commas[fallback] - 1, out);
    return 1;
}

/* Subject of the verb at v: `X said`, `X (D-Wis.) said`, or one of the comma forms above. */
/* Without commas a phrase runs into the name that is the subject ("…foam coming out of their mouths SOHR
 * said"): when only plain words stand before the name that ends it, the name alone. */
static uint32_t trim_to_name(const cc_article *a, uint32_t first, uint32_t last)
{
    int32_t m = cc_mention_at(a, cc_tok(a, last)->start);
    if (m < 0) {
        return first;
    }
    uint32_t start = last; /* the mention's first token: it holds last, and names are a few tokens long */
    while (start > first && cc_tok(a, start - 1)->end > a->mentions.v[m].span.start) {
        start--;
    }
    if (start == first) {
        return first;
    }
    for (uint32_t k = first; k < start; k++) {
        if (cc_tok_cap(a, k) || cc_is_role_word(a, k) || cc_tok_has(a, k, CC_W_TITLE | CC_W_HONORIFIC) ||
            cc_tok(a, k)->kind != CC_TOK_WORD || cc_tok_particle(a, k)) {
            return first;
        }
    }
    return start;
}

/* "this week", "last month": a time phrase ending at token j (two tokens). */
static int time_noun_after(const cc_article *a, uint32_t j)
{
    static const char *const nouns[] = { "week", "weekend", "month", "year", "morning", "evening", "night" };
    if (j == 0 || !(cc_tok_is(a, j - 1, "this") || cc_tok_is(a, j - 1, "last") || cc_tok_is(a, j - 1, "next"))) {
        return 0;
    }
    return cc_tok_is_any(a, j, nouns, CC_COUNT(nouns));
}

static int sentence_subject(const cc_article *a, uint32_t lo, uint32_t v, cc_attribution *out);

static int subject_of(const cc_article *a, uint32_t lo, uint32_t v, cc_attribution *out)
{
    if (v <= lo) {
        return 0;
    }
    uint32_t j = v - 1;
    /* "Ayrault later said", "Ayrault on Tuesday said", "Priebus later Thursday told", "OBrien this week said" */
    while (j > lo && (is_adverb(a, j) || (cc_tok_has(a, j, CC_W_NOT_NAME) && cc_tok_cap(a, j)) ||
                      (is_connector(a, j) && cc_tok_has(a, j + 1, CC_W_NOT_NAME)) ||
                      (j > lo + 1 && time_noun_after(a, j)))) {
        j -= j > lo + 1 && time_noun_after(a, j) ? 2 : 1;
    }
    j = skip_parenthesis(a, lo, j);
    /* "Ms. Sherry smiled and said" */
    if (j > lo + 2 && cc_tok_is(a, j, "and") && cc_tok(a, j - 1)->kind == CC_TOK_WORD &&
        !(cc_tok(a, j - 1)->flags & CC_TF_CAP) && !cc_tok_has(a, j - 1, CC_W_FUNCTION) &&
        (cc_tok_cap(a, j - 2) || cc_is_pronoun(a, j - 2))) {
        j -= 2;
    }
    if (cc_tok_punct(a, j, ',') && j > lo) {
        return subject_with_commas(a, lo, j, out);
    }
    if (j >= lo && cc_is_pronoun(a, j)) {
        read_phrase(a, j, j, out);
        return 1;
    }
    uint32_t first;
    if (!np_ending_at(a, lo, j, &first)) {
        return 0;
    }
    /* "Pope Francis in an Easter message also condemned…", "A government source in the city told…": the
     * phrase is the preposition's; the subject stands before it */
    uint32_t head;
    if (first > lo + 1 && (cc_tok_is(a, first - 1, "in") || cc_tok_is(a, first - 1, "during")) &&
        np_ending_at(a, lo, first - 2, &head)) {
        read_phrase(a, head, first - 2, out);
        return 1;
    }
    /* "Johnson the former mayor known for his many public gaffes said": the name that opens the sentence */
    if (first > lo && cc_tok_is(a, first - 1, "for") && person_in(a, first, j) < 0 && sentence_subject(a, lo, v, out)) {
        return 1;
    }
    read_phrase(a, trim_to_name(a, first, j), j, out);
    return 1;
}

/* The phrase after a verb: `said X`, `said X, role`, `according to X`. */
static int object_phrase(const cc_article *a, uint32_t i, uint32_t limit, cc_attribution *out)
{
    if (i >= limit) {
        return 0;
    }
    if (cc_is_pronoun(a, i)) {
        read_phrase(a, i, i, out);
        return 1;
    }
    uint32_t j = i;
    if (is_determiner(a, j)) {
        j++;
    }
    uint32_t last = j;
    int any = 0;
    while (j < limit && j - i < NP_MAX) {
        if (np_word(a, j)) {
            last = j++;
            any = 1;
            continue;
        }
        if (any && (cc_tok_is(a, j, "of") || cc_tok_is(a, j, "for")) && j + 1 < limit &&
            (cc_tok_cap(a, j + 1) || cc_tok_is(a, j + 1, "the"))) {
            j++;
            continue;
        }
        if (any && cc_tok_punct(a, j, '.') && j + 1 < limit && cc_tok_cap(a, j + 1) &&
            cc_tok_has(a, j - 1, CC_W_TITLE | CC_W_HONORIFIC)) {
            j++; /* "said Del. Stacey Plaskett": a title's full stop the segmenter took for a sentence end */
            continue;
        }
        break;
    }
    if (!any) {
        return 0;
    }
    /* the appositive role after a name: ", director of the Syrian Observatory for Human Rights." */
    int32_t person = PERSON_UNKNOWN;
    if (last + 2 < limit && cc_tok_punct(a, last + 1, ',') && (person = person_in(a, i, last)) >= 0 &&
        (is_determiner(a, last + 2) || np_word(a, last + 2)) && !cc_is_pronoun(a, last + 2)) {
        uint32_t r = last + 2, rl = r;
        while (r < limit && r - last < ROLE_MAX && cc_tok(a, r)->kind != CC_TOK_QUOTE &&
               !(cc_tok(a, r)->kind == CC_TOK_PUNCT && !cc_tok_punct(a, r, '-') && !cc_tok_punct(a, r, '&'))) {
            rl = r++;
        }
        if (r - last < ROLE_MAX) {
            out->role = tok_span(a, last + 2, rl);
        }
    }
    read_phrase_of(a, i, last, person, out);
    return 1;
}

static int is_dash(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_PUNCT) {
        return 0;
    }
    const char *s = cc_tok_text(a, i);
    uint32_t n = cc_tok_len(a, i);
    return (n == 1 && (s[0] == ',' || s[0] == '-')) || (n == 2 && s[0] == '-') ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] >= 0x93 && (unsigned char)s[2] <= 0x95)); /* – — ― */
}

/* Only a word with the verb class bit or of three or four letters can be a reporting verb
 * (cc_tok_reporting_verb), and "according" has nine: a walk over a sentence passes other tokens by this
 * test alone. */
static int may_attribute(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    uint32_t len = t->end - t->start;
    return t->kind == CC_TOK_WORD && ((t->classes & CC_W_VERB) || len - 3 <= 1 || len == 9);
}

static int according_to(const cc_article *a, uint32_t i, uint32_t limit)
{
    return i + 1 < limit && cc_tok_is(a, i, "according") && cc_tok_is(a, i + 1, "to");
}

static int clause_between(const cc_article *a, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        if (cc_tok_has(a, i, CC_W_FUNCTION) && !is_connector(a, i)) {
            return 1;
        }
    }
    return 0;
}

int cc_attribution_after(const cc_article *a, uint32_t close, uint32_t limit, cc_attribution *out)
{
    pthread_once(&lists_learnt, learn_lists);
    *out = (cc_attribution){ 0 };
    uint32_t j = close + 1;
    int dash = 0;
    while (j < limit && (is_dash(a, j) || (cc_tok(a, j)->kind == CC_TOK_QUOTE && cc_tok(a, j)->start == cc_tok(a, j - 1)->end))) {
        dash |= cc_tok(a, j)->kind == CC_TOK_PUNCT && !cc_tok_punct(a, j, ',');
        j++;
    }
    if (j >= limit || cc_tok(a, j)->kind == CC_TOK_QUOTE) {
        return 0;
    }
    if (cc_tok_reporting_verb(a, j, close)) {
        out->verb = j;
        return object_phrase(a, j + 1, limit, out);
    }
    if (according_to(a, j, limit)) {
        out->verb = j + 1;
        return object_phrase(a, j + 2, limit, out);
    }
    for (uint32_t v = j + 1; v < limit && v < j + 32; v++) {
        if (cc_tok(a, v)->kind != CC_TOK_WORD) {
            if (piece_stop(a, v)) {
                break;
            }
            continue;
        }
        if (!cc_tok_reporting_verb(a, v, j)) {
            continue;
        }
        out->verb = v;
        if (v + 1 < limit && cc_tok_is(a, v + 1, "by") && !cc_tok_cap(a, v - 1) && !cc_is_pronoun(a, v - 1)) {
            return object_phrase(a, v + 2, limit, out); /* "slogans shouted by the protesters", not "Gao said by phone" */
        }
        /* the speaker phrase follows the quote: no new clause ("when Clinton blasted him") in between */
        return subject_of(a, j, v, out) && !clause_between(a, j, out->first);
    }
    /* `"…" ― Francisco Herrero`: a dash and a name closing the paragraph */
    *out = (cc_attribution){ 0 };
    return dash && object_phrase(a, j, limit, out) && (out->kind == CC_SPK_PERSON || out->kind == CC_SPK_ORG) &&
           (out->last + 1 >= limit || piece_stop(a, out->last + 1) || cc_tok_punct(a, out->last + 1, ','));
}

int cc_attribution_final(const cc_article *a, uint32_t close, uint32_t sent_end, cc_attribution *out)
{
    pthread_once(&lists_learnt, learn_lists);
    *out = (cc_attribution){ 0 };
    uint32_t end = sent_end;
    while (end > close + 1 && cc_tok(a, end - 1)->kind == CC_TOK_PUNCT) {
        end--;
    }
    for (uint32_t v = end; v-- > close + 2;) {
        if (cc_tok(a, v)->kind == CC_TOK_QUOTE) {
            return 0;
        }
        if (!cc_tok_reporting_verb(a, v, close)) {
            continue;
        }
        if (cc_tok_punct(a, v - 1, ',') && object_phrase(a, v + 1, end, out) &&
            (out->kind == CC_SPK_PERSON || out->kind == CC_SPK_ORG)) {
            out->verb = v; /* `"…" if she lost, said David Wasserman, an analyst.` */
            return 1;
        }
        *out = (cc_attribution){ 0 };
        for (uint32_t t = v + 1; t < end; t++) {
            if (!cc_tok_has(a, t, CC_W_NOT_NAME) && !is_adverb(a, t) && !is_connector(a, t)) {
                return 0; /* the verb must end the sentence: `, he said on Monday.` */
            }
        }
        out->verb = v;
        return subject_of(a, close + 1, v, out) && out->first > close + 1 && cc_tok_punct(a, out->first - 1, ',');
    }
    return 0;
}

static int participle(const cc_article *a, uint32_t v)
{
    uint32_t n = cc_tok_len(a, v);
    const char *t = cc_tok_text(a, v);
    return n > 4 && t[n - 3] == 'i' && t[n - 2] == 'n' && t[n - 1] == 'g';
}

/* The subject of the clause a participle hangs on: the first name that opens the sentence or follows a
 * comma ("Mr. Putin also veered close…, saying", "During the speech, Trump attacked…, saying"). */
static int sentence_subject(const cc_article *a, uint32_t lo, uint32_t v, cc_attribution *out)
{
    if (lo >= v) {
        return 0;
    }
    size_t from = cc_mention_from(a, cc_tok(a, lo)->start);
    for (uint32_t i = lo; i < v; i++) {
        int32_t m = mention_of(a, &from, cc_tok(a, i)->start);
        if (m < 0 || cc_tok(a, i)->start != a->mentions.v[m].span.start) {
            continue;
        }
        uint32_t b = i;
        while (b > lo && cc_tok_has(a, b - 1, CC_W_TITLE | CC_W_HONORIFIC)) {
            b--;
        }
        if (b > lo && !cc_tok_punct(a, b - 1, ',') && cc_tok(a, b - 1)->kind != CC_TOK_QUOTE) {
            continue;
        }
        if (a->mentions.v[m].type != CC_ENT_PLACE && !possessive_mention(a, &a->mentions.v[m])) {
            uint32_t last = i;
            while (last + 1 < v && cc_tok(a, last + 1)->start < a->mentions.v[m].span.end) {
                last++;
            }
            read_phrase(a, i, last, out);
            return 1;
        }
    }
    return 0;
}

int cc_attribution_before(const cc_article *a, uint32_t open, uint32_t lo, cc_skip_fn skip, const void *ctx,
                          cc_attribution *out)
{
    pthread_once(&lists_learnt, learn_lists);
    *out = (cc_attribution){ 0 };
    uint32_t v = open;
    while (v > lo) {
        if (cc_tok(a, v - 1)->kind == CC_TOK_QUOTE) {
            v = skip(ctx, v - 1); /* a quotation ends at a mark */
            if (v < lo || v == UINT32_MAX) {
                break;
            }
        } else if (!may_attribute(a, --v)) {
            continue;
        }
        if (according_to(a, v, open) && object_phrase(a, v + 2, open, out)) {
            return 1;
        }
        if (cc_tok_reporting_verb(a, v, lo)) {
            out->verb = v;
            if (v > lo && cc_tok_punct(a, v - 1, ',') && participle(a, v)) {
                /* "Spicer said, adding, "…"": the verb before the participle has the subject */
                if (v > lo + 2 && cc_tok_reporting_verb(a, v - 2, lo) && subject_of(a, lo, v - 2, out)) {
                    return 1;
                }
                *out = (cc_attribution){ 0 };
                if (sentence_subject(a, lo, v, out)) {
                    return 1; /* "Putin …, saying, "…"" */
                }
            }
            /* "Johnson also condemned the attack saying…": without its comma too, a participle's subject
             * is the clause's */
            if (participle(a, v) && v > lo && !cc_tok_cap(a, v - 1) && sentence_subject(a, lo, v, out)) {
                return 1;
            }
            *out = (cc_attribution){ 0 };
            out->verb = v;
            if (subject_of(a, lo, v, out)) {
                return 1;
            }
            *out = (cc_attribution){ 0 };
            if (v + 1 < open && cc_tok_cap(a, v + 1) && object_phrase(a, v + 1, open, out) && out->last + 2 >= open) {
                return 1; /* "Said Trump: …" */
            }
            *out = (cc_attribution){ 0 };
        }
    }
    /* "Caddell: "…", "Rep. Trey Gowdy (R-S.C.): "…"" — a name and a colon */
    uint32_t first;
    if (open >= lo + 2 && cc_tok_punct(a, open - 1, ':')) {
        uint32_t end = skip_parenthesis(a, lo, open - 2);
        if (np_ending_at(a, lo, end, &first) && (first == lo || cc_tok(a, first - 1)->kind == CC_TOK_PUNCT)) {
            read_phrase(a, first, end, out);
            if (out->kind == CC_SPK_PERSON || out->kind == CC_SPK_ORG || (out->kind == CC_SPK_DESC && cc_tok_cap(a, end))) {
                return 1; /* "- More from Jones: "…"", "Pew Research: "…"" */
            }
        }
        /* "Clinton has since apologized for what happened: "…"" */
        *out = (cc_attribution){ 0 };
        return sentence_subject(a, lo, open, out) && out->kind == CC_SPK_PERSON;
    }
    return 0;
}
