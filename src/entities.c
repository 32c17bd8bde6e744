/* People, organisations and places: runs of capitalised words, typed by dictionaries (places from
 * Debian's iso-codes and tzdata, organisations and title words written for the project) and by context
 * (a title before a name, "in" before a place, a reporting verb after a speaker). A surname alone takes
 * the fullest name the article gives; across articles, one entity per normalised name. */
#include "entities.h"

#include <stdlib.h>

#include "bytes8.h"
#include "lexicon_table.h" /* cc_lexset_find_folded */
#include "stages.h"
#include "words.h"

enum { TYPE_UNKNOWN = 255 };

typedef struct run {
    uint32_t first, last;   /* tokens of the name, inclusive */
    uint32_t sentence;
    uint8_t type;           /* cc_entity_type or TYPE_UNKNOWN */
    uint8_t locative;       /* after "in", "near", "eastern"… */
    cc_str text;            /* the name as written, possessive dropped (set after the scan, see set_name) */
    uint64_t text_key, surname_key; /* its keys in the name table */
    uint64_t bare_key;      /* the key of the text without a final s, 0 if it has none (apostrophe_lost) */
} run;

/* The article's runs: on the caller's stack (small) until they outgrow it, then on the heap. */
typedef struct run_vec {
    run *v;
    size_t n, cap;
    run *small;
} run_vec;

/* The class bits of token i of a sentence: words.h's cc_tok_class, without the test for an index past
 * the article's last token, which the scan never asks about. */
static inline unsigned class_of(const cc_article *a, uint32_t i)
{
    const cc_token *t = &a->tokens.v[i];
    return t->kind == CC_TOK_WORD ? t->classes : 0;
}

static inline int has_class(const cc_article *a, uint32_t i, unsigned cls)
{
    return (class_of(a, i) & cls) != 0;
}

/* Joins tokens [first, last] folded as lexicon keys are (ASCII lower case, one space between words: no
 * token holds a space), possessive dropped from the last, eight bytes at a time (the text's zero padding
 * makes reading past a token safe); 0 when longer than buf, which is longer than any key. */
static size_t folded_phrase(const cc_article *a, uint32_t first, uint32_t last, char *buf, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = first; i <= last; i++) {
        uint32_t len = i == last ? cc_tok_stem_len(a, i) : cc_tok_len(a, i);
        if (n + len + 8 >= cap) {
            return 0;
        }
        if (i > first) {
            buf[n++] = ' ';
        }
        const char *s = cc_tok_text(a, i);
        for (uint32_t k = 0; k < len; k += 8) {
            cc_copy_lower8(buf + n + k, s + k);
        }
        n += len;
    }
    return n;
}

static const cc_lexentry *find_phrase(const cc_article *a, uint32_t first, uint32_t last, const cc_lexset *set)
{
    if (first == last) {
        return cc_tok_find(a, first, set);
    }
    char buf[128];
    size_t n = folded_phrase(a, first, last, buf, sizeof buf);
    return n ? cc_lexset_find_folded(set, buf, n) : NULL;
}

/* Is [first, last] a known organisation (CC_W_ORG) or place (CC_W_PLACE)? One word asks its class bits;
 * several build the phrase, only when the first word can start an entry. */
static inline int known_as(const cc_article *a, uint32_t first, uint32_t last, unsigned bit)
{
    if (first == last) {
        return has_class(a, first, bit);
    }
    if (bit == CC_W_PLACE) {
        return has_class(a, first, CC_W_PLACE_HEAD) && find_phrase(a, first, last, cc_words()->places) != NULL;
    }
    return has_class(a, first, CC_W_ORG_PHRASE_HEAD) && find_phrase(a, first, last, cc_words()->orgs) != NULL;
}

static inline int is_title(const cc_article *a, uint32_t i)
{
    return has_class(a, i, CC_W_TITLE | CC_W_HONORIFIC);
}

/* An organisation head word ("Council") makes a name an organisation; a domain word ("Rights",
 * "Affairs") only ends a name. */
static inline int org_head(const cc_article *a, uint32_t i)
{
    return has_class(a, i, CC_W_ORG_HEAD);
}

static inline int org_word(const cc_article *a, uint32_t i)
{
    return has_class(a, i, CC_W_ORG_HEAD | CC_W_DOMAIN);
}

static inline int is_acronym(const cc_article *a, uint32_t i)
{
    if (!(cc_tok(a, i)->flags & CC_TF_ALLCAPS)) {
        return 0;
    }
    uint32_t n = cc_tok_stem_len(a, i);
    return n >= 2 && n <= 6;
}

static inline int locative_before(const cc_article *a, uint32_t i, uint32_t sent_first)
{
    if (i <= sent_first) {
        return 0;
    }
    if (i >= sent_first + 2 && cc_tok_is(a, i - 1, "of") && has_class(a, i - 2, CC_W_LOCATIVE)) {
        return 1; /* "the city of Homs" */
    }
    return !cc_tok_cap(a, i - 1) && has_class(a, i - 1, CC_W_LOCATIVE);
}

static inline int verb_after(const cc_article *a, uint32_t i, uint32_t end)
{
    return i + 1 < end && cc_tok_reporting_verb(a, i + 1, i);
}

/* "East Aleppo", "Northern Syria" */
static int is_direction(const cc_article *a, uint32_t first, uint32_t last)
{
    static const char *const words[] = { "east", "west", "north", "south", "eastern", "western", "northern",
                                         "southern", "central", "greater", "upper", "lower", "old" };
    for (uint32_t i = first; i <= last; i++) {
        if (!cc_tok_is_any(a, i, words, CC_COUNT(words))) {
            return 0;
        }
    }
    return 1;
}

/* Does token i open a clause, where any word is capitalised: the sentence's first word, the first word
 * inside a quotation, after a colon or a bullet dash? */
static int clause_start(const cc_article *a, uint32_t i, uint32_t sent_first)
{
    if (i == sent_first) {
        return 1;
    }
    const cc_token *p = cc_tok(a, i - 1);
    if (p->kind == CC_TOK_QUOTE || cc_tok_punct(a, i - 1, ':') || cc_tok_punct(a, i - 1, '(')) {
        return 1;
    }
    return i - 1 == sent_first && p->kind == CC_TOK_PUNCT;
}

/* Where the first apostrophe after the first byte is: ' or a ’ with more after it; n if none. */
static uint32_t apostrophe_in(const char *s, uint32_t n)
{
    for (uint32_t k = 1; k < n; k++) {
        const unsigned char *c = (const unsigned char *)s + k;
        if (c[0] == '\'' || (c[0] == 0xE2 && k + 2 < n && c[1] == 0x80 && c[2] == 0x99)) {
            return k;
        }
    }
    return n;
}

/* "We're", "They’ve", "Don't": a function word with a contraction. classes: the spelling's. */
static int contracted_function_word(const char *s, uint32_t n, unsigned classes)
{
    uint32_t k = apostrophe_in(s, n);
    if (k == n) {
        return 0;
    }
    /* before a possessive ending, the word is the spelling as its class bits know it ("It's") */
    const cc_wordlists *w = cc_words();
    int listed = k == cc_possessive_stem_len(s, n) ? (classes & (CC_W_FUNCTION | CC_W_STARTER)) != 0
                                                   : cc_lexset_find(w->function_words, s, k) || cc_lexset_find(w->starters, s, k);
    return listed ||
           (k == 3 && strncasecmp(s, "don", 3) == 0) || (k == 4 && strncasecmp(s, "didn", 4) == 0) ||
           (k == 4 && strncasecmp(s, "what", 4) == 0);
}

/* "Russia-backed", "Iran-affiliated", "Pro-government": capitalised, but a modifier, not a name
 * ("Ki-moon" is a name: its tail is no participle). */
static int hyphen_modifier(const char *s, uint32_t n)
{
    if (!memchr(s, '-', n)) {
        return 0;
    }
    if (n > 5 && (strncasecmp(s, "pro-", 4) == 0 || strncasecmp(s, "anti-", 5) == 0)) {
        return 1;
    }
    uint32_t k = n;
    while (k > 0 && s[k - 1] != '-') {
        k--;
    }
    if (k >= n || s[k] < 'a' || s[k] > 'z') {
        return 0;
    }
    static const char *const tails[] = { "born", "run", "held", "made", "style", "era", "wide", "like", "free",
                                         "friendly", "bound", NULL };
    if (n - k > 2 && s[n - 2] == 'e' && s[n - 1] == 'd') {
        return 1;
    }
    for (int t = 0; tails[t]; t++) {
        if (n - k == strlen(tails[t]) && strncmp(s + k, tails[t], n - k) == 0) {
            return 1;
        }
    }
    return 0;
}

int cc_name_break(const char *s, uint32_t n, unsigned classes)
{
    return s[0] >= 'A' && s[0] <= 'Z' && (hyphen_modifier(s, n) || contracted_function_word(s, n, classes));
}

/* Fields written one by one: a run built whole and copied in was stored in pieces and reloaded in wide
 * loads, which the store buffer cannot forward. text and keys are set after the scan (set_name). */
static inline void add_run(run_vec *runs, uint32_t first, uint32_t last, uint32_t sentence, uint8_t type,
                           uint8_t locative)
{
    if (runs->n == runs->cap) {
        runs->v = cc_vec_grow_small(runs->v, runs->n, &runs->cap, sizeof *runs->v, runs->small);
    }
    run *r = &runs->v[runs->n++];
    r->first = first;
    r->last = last;
    r->sentence = sentence;
    r->type = type;
    r->locative = locative;
}

static inline void push_run(run_vec *runs, uint32_t first, uint32_t last, uint32_t sentence, uint8_t type)
{
    add_run(runs, first, last, sentence, type, 0);
}

/* Classifies a run with no title in it: dictionary, head word, acronym, else a person if it is long
 * enough to be a full name, else undecided until the whole article is read. any: the class bits of the
 * run's words, or more: a loop over the run looking for a class is skipped when no word has it. */
static void classify_plain(const cc_article *a, run_vec *runs, uint32_t first, uint32_t last, uint32_t sentence,
                           uint32_t sent_first, unsigned any)
{
    while (first <= last && has_class(a, first, CC_W_DEMONYM) && !known_as(a, first, last, CC_W_ORG) &&
           !known_as(a, first, last, CC_W_PLACE)) {
        int has_org_word = 0;
        for (uint32_t i = first; i <= last && (any & CC_W_ORG_HEAD); i++) {
            has_org_word |= org_head(a, i);
        }
        if (has_org_word) {
            break; /* "Syrian Observatory for Human Rights" is a name as a whole */
        }
        first++;
    }
    if (first > last) {
        return;
    }
    if (known_as(a, first, last, CC_W_ORG)) {
        push_run(runs, first, last, sentence, CC_ENT_ORG);
        return;
    }
    if (known_as(a, first, last, CC_W_PLACE) ||
        (first < last && has_class(a, last, CC_W_PLACE) && is_direction(a, first, last - 1))) {
        push_run(runs, first, last, sentence, CC_ENT_PLACE);
        return;
    }
    if (first == last && org_head(a, first) && clause_start(a, first, sent_first)) {
        return; /* "Regime forces are…" */
    }
    for (uint32_t i = first; i <= last && (any & CC_W_ORG_HEAD); i++) {
        if (org_head(a, i) && (i > first || first == last || i == last || cc_tok_is(a, i + 1, "of"))) {
            push_run(runs, first, last, sentence, CC_ENT_ORG);
            return;
        }
    }
    for (uint32_t i = first; i <= last && (any & CC_W_PLACE_WORD); i++) {
        if (has_class(a, i, CC_W_PLACE_WORD) && (i > first || cc_tok_is(a, i, "lake") || cc_tok_is(a, i, "mount"))) {
            push_run(runs, first, last, sentence, CC_ENT_PLACE); /* "Indio Avenue", "Lake Chad" */
            return;
        }
    }
    if (first == last && is_acronym(a, first)) {
        push_run(runs, first, last, sentence, CC_ENT_ORG);
        return;
    }
    /* ordinary words in capitals are no name: "Follow Tanya Lewis", "Jay Leno Celebrates", "Tonight Show";
     * a surname may be one ("Miriam Diamond") unless it reads as a verb or plural */
    while ((any & CC_W_COMMON) && first < last && has_class(a, first, CC_W_COMMON)) {
        first++;
    }
    while ((any & CC_W_COMMON) && last >= first + 2 && has_class(a, last, CC_W_COMMON)) {
        last--; /* "Jay Leno Celebrates"; but "Bernie Sanders" */
    }
    for (uint32_t i = first; i < last && (any & CC_W_COMMON); i++) {
        if (has_class(a, i, CC_W_COMMON)) {
            return;
        }
    }
    int loc = locative_before(a, first, sent_first);
    if (first < last && !loc) {
        if (last - first < 4) {
            push_run(runs, first, last, sentence, CC_ENT_PERSON); /* longer runs are headline capitals */
        }
        return;
    }
    if (first == last && is_acronym(a, first)) {
        push_run(runs, first, last, sentence, CC_ENT_ORG);
        return;
    }
    /* a single word is typed when the whole article is read (resolve_unknown) */
    add_run(runs, first, last, sentence, first < last ? CC_ENT_PLACE : TYPE_UNKNOWN, (uint8_t)loc);
}

/* "UN High Commissioner for Human Rights Zeid Ra'ad al-Hussein": the role ends at the last title or
 * organisation word, the name is what follows (at most four words). any: as for classify_plain. */
static void classify_run(const cc_article *a, run_vec *runs, uint32_t first, uint32_t last, uint32_t sentence,
                         uint32_t sent_first, unsigned any)
{
    int32_t title = -1;
    for (uint32_t i = first; i <= last && (any & (CC_W_TITLE | CC_W_HONORIFIC)); i++) {
        /* "Mr. King", "Ms. Bishop": after a courtesy title, a title word is a surname */
        if (is_title(a, i) && !(i > first && has_class(a, i - 1, CC_W_HONORIFIC) && i == last)) {
            title = (int32_t)i;
        }
    }
    if (title >= 0) {
        uint32_t name = (uint32_t)title + 1;
        int domain = 0;
        /* after "Ms." everything is the name, even a word that is also a place ("Ms. Gao") */
        for (uint32_t i = name; i <= last && !has_class(a, (uint32_t)title, CC_W_HONORIFIC); i++) {
            int connector = cc_tok_is(a, i, "of") || cc_tok_is(a, i, "for") || cc_tok_is(a, i, "the");
            if (org_word(a, i) || connector || has_class(a, i, CC_W_PLACE) || has_class(a, i, CC_W_DEMONYM)) {
                name = i + 1;
                domain = !connector;
            }
        }
        /* "Commissioner for Crisis Management Dimitra Kallis": when no known word closes the domain, the
         * name is the last two words (three with a particle) */
        if (!domain && name > (uint32_t)title + 1 && last + 1 - name >= 4) {
            name = last - 1;
            if (name > first && cc_tok_particle(a, name - 1)) {
                name--;
            }
        }
        /* "Senator John McCain of Arizona": a plain name between the title and "of" is the person */
        uint32_t k = (uint32_t)title + 1;
        while (k <= last && !cc_tok_is(a, k, "of") && !cc_tok_is(a, k, "for") && !org_word(a, k) &&
               !has_class(a, k, CC_W_PLACE | CC_W_DEMONYM | CC_W_TITLE)) {
            k++;
        }
        int32_t place = -1; /* "of Arizona" */
        if (k <= last && k >= (uint32_t)title + 3 && (cc_tok_is(a, k, "of") || cc_tok_is(a, k, "for"))) {
            name = (uint32_t)title + 1;
            place = has_class(a, last, CC_W_PLACE) ? (int32_t)last : -1;
            last = k - 1;
        }
        if (name <= last && last - name < 4) {
            for (uint32_t i = first; i < name; i++) {
                if (cc_tok_cap(a, i) && (has_class(a, i, CC_W_ORG) || is_acronym(a, i)) && !is_title(a, i)) {
                    push_run(runs, i, i, sentence, CC_ENT_ORG);
                }
            }
            push_run(runs, name, last, sentence, CC_ENT_PERSON);
        }
        if (place >= 0) {
            push_run(runs, (uint32_t)place, (uint32_t)place, sentence, CC_ENT_PLACE);
        }
        return;
    }
    if (first > sent_first && is_title(a, first - 1)) {
        push_run(runs, first, last, sentence, CC_ENT_PERSON); /* spokesman Stephane Dujarric */
        return;
    }
    classify_plain(a, runs, first, last, sentence, sent_first, any);
}

/* A name particle ("bin", "al-Assad"): the class bit and the hyphen flag turn most words away before the
 * call, from the token alone. */
static inline int particle(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    return ((t->classes & CC_W_PARTICLE) || (t->flags & CC_TF_HYPHEN)) && cc_tok_particle(a, i);
}

/* A possessive ends a name ("Obama's Kenya"). after_cap: token j - 1 was taken in as a capitalised word,
 * whose possessive is read only when the run could go on past it. */
static inline int ends_at_possessive(const cc_article *a, uint32_t j, int after_cap)
{
    return after_cap && cc_tok_possessive(a, j - 1);
}

/* Where a name run that starts at token i ends (exclusive). Connectors (of, for, the, and) join only
 * organisation-like names: "Committee of the Red Cross", "Ministry of Defence". any: the class bits of
 * the run's tokens; caps: how many capitalised words lie before the end. */
static uint32_t run_end(const cc_article *a, uint32_t i, uint32_t end, unsigned *any, uint32_t *caps)
{
    uint32_t j = i;
    int orgish = 0, after_cap = 0;
    while (j < end) {
        if (cc_tok_cap(a, j)) {
            unsigned c = cc_tok(a, j)->classes;
            if ((c & (CC_W_NOT_NAME | CC_W_NAME_BREAK)) || (j > i && (c & CC_W_FUNCTION)) ||
                ends_at_possessive(a, j, after_cap)) {
                break; /* "… Ted Cruz With George Wallace": a headline's capitals */
            }
            orgish |= (c & (CC_W_ORG_HEAD | CC_W_DOMAIN | CC_W_TITLE | CC_W_HONORIFIC)) != 0; /* org_word, is_title */
            *any |= c;
            ++*caps;
            j++;
            after_cap = 1;
            continue;
        }
        /* "al-Assad" ends the name, "bin Laden" goes on */
        if (j > i && particle(a, j) &&
            ((j + 1 < end && (cc_tok_cap(a, j + 1) || particle(a, j + 1))) || cc_tok_text(a, j)[2] == '-') &&
            !ends_at_possessive(a, j, after_cap)) {
            *any |= class_of(a, j);
            j++;
            after_cap = 0;
            continue;
        }
        if (orgish && j > i && j + 1 < end && (cc_tok_is(a, j, "of") || cc_tok_is(a, j, "for"))) {
            uint32_t k = j + 1;
            if (cc_tok_is(a, k, "the") && k + 1 < end) {
                k++;
            }
            if (cc_tok_cap(a, k) && !has_class(a, k, CC_W_NOT_NAME) && !ends_at_possessive(a, j, after_cap)) {
                *any |= class_of(a, j) | class_of(a, k - 1);
                *caps += k > j + 1 && cc_tok_cap(a, j + 1); /* "of The" */
                j = k;
                after_cap = 0;
                continue;
            }
        }
        /* "Foreign Affairs and Trade", "AT & T": "and" joins only a domain word */
        if (orgish && j > i && j + 1 < end && (cc_tok_is(a, j, "and") || cc_tok_punct(a, j, '&')) &&
            cc_tok_cap(a, j + 1) && (cc_tok_punct(a, j, '&') || has_class(a, j + 1, CC_W_DOMAIN)) &&
            !ends_at_possessive(a, j, after_cap)) {
            *any |= class_of(a, j);
            j++;
            after_cap = 0;
            continue;
        }
        break;
    }
    return j;
}

/* A sentence opener or function word is not part of the name ("The", "But", "In"). */
static inline int opener(const cc_article *a, uint32_t i, uint32_t sent_first)
{
    unsigned c = class_of(a, i);
    return (c & (CC_W_FUNCTION | CC_W_NOT_NAME)) || ((c & CC_W_STARTER) && clause_start(a, i, sent_first));
}

/* The indexes of the article's capitalised words, in order, then UINT32_MAX; caps: room for one a
 * token and one more. A capital every few tokens is a branch no predictor guesses, so the loop has none.
 * Only a word has letters, so only a word has CC_TF_CAP, which every capitalised word has (the
 * segmenter sets CC_TF_ALLCAPS with it). */
static void cap_words(const cc_article *a, uint32_t *caps)
{
    const cc_token *t = a->tokens.v;
    size_t n = 0;
    for (uint32_t i = 0; i < a->tokens.n; i++) {
        caps[n] = i;
        n += (t[i].flags & CC_TF_CAP) != 0;
    }
    caps[n] = UINT32_MAX;
}

/* cap: the first of the article's capitalised words (cap_words) not yet read; left past the sentence. */
static void scan_sentence(const cc_article *a, run_vec *runs, uint32_t si, const uint32_t **cap)
{
    const cc_sentence *s = &a->sentences.v[si];
    uint32_t end = s->tok_first + s->tok_count;
    const uint32_t *c = *cap;
    while (*c < s->tok_first) {
        c++; /* a headline's */
    }
    while (*c < end) {
        uint32_t i = *c, taken = 0;
        unsigned any = 0; /* of the run's words, the openers dropped below with them */
        uint32_t j = run_end(a, i, end, &any, &taken);
        c += taken ? taken : 1;
        uint32_t first = i;
        while (first < j && opener(a, first, s->tok_first)) {
            first++;
        }
        if (first < j) {
            classify_run(a, runs, first, j - 1, si, s->tok_first, any);
        }
    }
    *cap = c;
}

/* The surname in a name's last word: without possessive or an "al-" prefix. */
static inline cc_str surname_in_word(cc_str s)
{
    if (s.len > 3 && (s.p[0] == 'a' || s.p[0] == 'e') && s.p[1] == 'l' && s.p[2] == '-') {
        s.p += 3;
        s.len -= 3;
    }
    if (s.len > 2 && s.p[s.len - 1] == 's' && s.p[s.len - 2] == '\'') {
        s.len -= 2;
    } else if (s.len > 4 && s.p[s.len - 1] == 's' && memcmp(s.p + s.len - 4, "\xE2\x80\x99", 3) == 0) {
        s.len -= 4;
    }
    return s;
}

/* Surname key: the last word without possessive or an "al-" prefix. */
static cc_str surname_of(cc_str name)
{
    uint32_t start = name.len;
    while (start > 0 && name.p[start - 1] != ' ') {
        start--;
    }
    return surname_in_word(cc_str_of(name.p + start, name.len - start));
}

int cc_same_surname(cc_str x, cc_str y)
{
    cc_str a = surname_of(x), b = surname_of(y);
    return a.len == b.len && a.len > 0 && strncasecmp(a.p, b.p, a.len) == 0;
}

/* ---- what the article says about a name: a small hash from name keys to runs ---- */

enum { KEY_SURNAME = 1, KEY_TEXT = 2 };

/* The seed goes through a step of its own: XOR-ed into the start alone, it made two names whose first
 * bytes differ by the XOR of their seeds the same key ("S.I.P" as a person was "RIP" as an
 * organisation; the surname "bush" was the text "aush"). */
static uint64_t ci_start(uint64_t seed)
{
    return (1469598103934665603ULL ^ seed) * 1099511628211ULL;
}

/* h with byte c hashed in, ASCII lower-cased. */
static uint64_t ci_step(uint64_t h, unsigned char c)
{
    return (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211ULL;
}

static uint64_t ci_add(uint64_t h, const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) {
        h = ci_step(h, (unsigned char)s[i]);
    }
    return h;
}

static uint64_t ci_end(uint64_t h)
{
    return h ? h : 1;
}

static uint64_t ci_hash(cc_str s, uint64_t seed)
{
    return ci_end(ci_add(ci_start(seed), s.p, s.len));
}

/* Hash of a name inside the article's text, eight bytes at a time: the text's zero padding
 * (CC_TEXT_PADDING) makes reading past the name safe, and cc_load8 puts its first byte lowest. */
static inline uint64_t text_hash(const char *s, uint32_t n)
{
    uint64_t h = n;
    for (;; s += 8, n -= 8) {
        uint64_t v = cc_lower8(cc_load8(s));
        if (n < 8) {
            h = cc_mix64(h ^ (v & ((1ULL << (8 * n)) - 1)));
            break;
        }
        h = cc_mix64(h ^ v);
    }
    return h;
}

/* A key of the name table: a hash salted with what it names (KEY_TEXT or KEY_SURNAME), never 0. */
static inline uint64_t table_key(uint64_t hash, uint64_t what)
{
    uint64_t k = hash ^ what * 0x9E3779B97F4A7C15ULL;
    return k ? k : 1;
}

/* A run's text and keys, worked out once: the table below is asked about each run several times. No
 * token holds a space, so when a space comes before the last token the surname is read from it alone. */
static void set_name(const cc_article *a, run *r)
{
    const cc_token *last = cc_tok(a, r->last);
    uint32_t start = cc_tok(a, r->first)->start;
    uint32_t end = last->start + cc_tok_stem_len(a, r->last);
    r->text = cc_str_of(a->text + start, end - start);
    int spaced = last->start > start && a->text[last->start - 1] == ' ';
    cc_str last_word = cc_str_of(a->text + last->start, end - last->start);
    cc_str surname = spaced || r->first == r->last ? surname_in_word(last_word) : surname_of(r->text);
    uint64_t h = text_hash(r->text.p, r->text.len);
    r->text_key = table_key(h, KEY_TEXT);
    r->surname_key = table_key(surname.len == r->text.len ? h : text_hash(surname.p, surname.len), KEY_SURNAME);
    /* "Syrias", "EUs": the name without a final s, for a possessive that lost its apostrophe */
    int bare = r->text.len > 3 && r->text.p[r->text.len - 1] == 's' && end == last->end;
    r->bare_key = bare ? table_key(text_hash(r->text.p, r->text.len - 1), KEY_TEXT) : 0;
}

/* Keys and runs apart: only the keys need clearing, and a probe reads keys alone. runs[i] is the run
 * noted for keys[i]: for surnames, the person run with the longest name; for texts, a typed run. */
typedef struct name_table {
    uint64_t *keys;     /* 0: empty */
    int32_t *runs;      /* set when its key is added */
    size_t cap;
} name_table;

static int32_t *name_slot_for(name_table *t, uint64_t key)
{
    size_t i = (size_t)key & (t->cap - 1);
    while (t->keys[i] && t->keys[i] != key) {
        i = (i + 1) & (t->cap - 1);
    }
    if (!t->keys[i]) {
        t->keys[i] = key;
        t->runs[i] = -1;
    }
    return &t->runs[i];
}

/* The run noted for key, or -1; unlike name_slot_for, adds nothing. */
static int32_t name_run(const name_table *t, uint64_t key)
{
    for (size_t i = (size_t)key & (t->cap - 1); t->keys[i]; i = (i + 1) & (t->cap - 1)) {
        if (t->keys[i] == key) {
            return t->runs[i];
        }
    }
    return -1;
}

static int same_ci(cc_str x, cc_str y)
{
    return x.len == y.len && strncasecmp(x.p, y.p, x.len) == 0;
}

/* "Maria Santos" and "Maria Elena Santos" may be one person; "Maria Santos" and "Pedro Santos" not. */
static int same_first_word(cc_str x, cc_str y)
{
    uint32_t n = 0;
    while (n < x.len && n < y.len && x.p[n] != ' ' && y.p[n] != ' ') {
        n++;
    }
    return n < x.len && n < y.len && x.p[n] == ' ' && y.p[n] == ' ' && strncasecmp(x.p, y.p, n) == 0;
}

static inline void note_run(name_table *t, const run_vec *runs, int32_t k)
{
    const run *r = &runs->v[k];
    cc_str text = r->text;
    if (r->type == CC_ENT_PERSON) {
        /* the longest name with this surname; -2 once two different full names share it */
        int32_t *s = name_slot_for(t, r->surname_key);
        if (*s == -1) {
            *s = k;
        } else if (*s >= 0) {
            cc_str have = runs->v[*s].text;
            int both_full = r->first < r->last && runs->v[*s].first < runs->v[*s].last;
            if (both_full && !same_first_word(have, text) && !same_ci(have, text)) {
                *s = -2;
            } else if (have.len < text.len) {
                *s = k;
            }
        }
    } else if (r->type != TYPE_UNKNOWN) {
        int32_t *s = name_slot_for(t, r->text_key);
        if (*s < 0) {
            *s = k;
        }
    }
}

/* "Syrias", "EUs": the run noted for the name without a final s, when the s is a possessive's that lost
 * its apostrophe; else -1. */
static int32_t apostrophe_lost(const name_table *t, const run *r)
{
    return r->bare_key ? name_run(t, r->bare_key) : -1;
}

/* Types an undecided single word from the typed runs: a surname of a person, or the same word typed
 * as an organisation or place. */
static int type_from_table(const name_table *t, const run_vec *runs, run *r)
{
    if (name_run(t, r->surname_key) != -1) {
        r->type = CC_ENT_PERSON;
        return 1;
    }
    int32_t same = name_run(t, r->text_key);
    if (same >= 0) {
        r->type = runs->v[same].type;
        return 1;
    }
    int32_t bare = apostrophe_lost(t, r);
    if (bare >= 0) {
        r->type = runs->v[bare].type; /* "Kenyas government" where the article names Kenya */
        return 1;
    }
    return 0;
}

/* What its context says of an undecided word: after "in", a place; before a reporting verb, a person; but
 * a single ordinary word ("Sanders", "Show") is a name only if the article names it fully elsewhere. The
 * verb and the common-word list are asked only of words the rest of the article left undecided. */
static uint8_t type_from_context(const cc_article *a, const run *r)
{
    const cc_sentence *s = &a->sentences.v[r->sentence];
    int speaks = !r->locative && verb_after(a, r->last, s->tok_first + s->tok_count);
    if (!(r->locative || speaks) || (r->first == r->last && has_class(a, r->first, CC_W_COMMON))) {
        return TYPE_UNKNOWN;
    }
    return r->locative ? CC_ENT_PLACE : CC_ENT_PERSON;
}

/* Single capitalised words are typed by what the rest of the article says about them, then by their
 * own context; what context typed once types the same word elsewhere. undecided: room for an index a
 * run, to list the undecided runs in, so the rounds read only those. */
static void resolve_unknown(const cc_article *a, run_vec *runs, name_table *t, uint32_t *undecided)
{
    size_t n = 0;
    for (size_t k = 0; k < runs->n; k++) {
        note_run(t, runs, (int32_t)k);
        undecided[n] = (uint32_t)k;
        n += runs->v[k].type == TYPE_UNKNOWN;
    }
    for (int round = 0, noted = 1; round < 2 && noted; round++) {
        noted = 0; /* the second round only reads what the first noted */
        for (size_t u = 0; u < n; u++) {
            run *r = &runs->v[undecided[u]];
            if (r->type != TYPE_UNKNOWN || type_from_table(t, runs, r) || round == 1) {
                continue;
            }
            if (has_class(a, r->first, CC_W_PLACE)) {
                r->type = CC_ENT_PLACE;
            } else if (has_class(a, r->first, CC_W_DEMONYM) || has_class(a, r->first, CC_W_TITLE | CC_W_HONORIFIC)) {
                continue;
            } else {
                r->type = type_from_context(a, r);
            }
            if (r->type != TYPE_UNKNOWN) {
                note_run(t, runs, (int32_t)undecided[u]);
                noted = 1;
            }
        }
    }
}

/* "Khan Sheikhoun" read as a person's name where nothing said otherwise is the place the article names
 * with "in Khan Sheikhoun" elsewhere. The table holds texts of organisations and places only, whose
 * types are settled. */
static uint8_t final_type(const name_table *t, const run_vec *runs, const run *r)
{
    int32_t same = r->type == CC_ENT_PERSON ? name_run(t, r->text_key) : -1;
    return same >= 0 && runs->v[same].type == CC_ENT_PLACE ? CC_ENT_PLACE : r->type;
}

static cc_str canonical(cc_article *a, name_table *t, const run_vec *runs, const run *r)
{
    cc_str text = r->text;
    int32_t bare = apostrophe_lost(t, r);
    if (bare >= 0) {
        return runs->v[bare].text;
    }
    if (r->type == CC_ENT_ORG) {
        /* the class bits say which words and phrase heads the list can hold */
        int one_word_org = has_class(a, r->first, CC_W_ORG);
        const cc_lexentry *e = r->first == r->last ? (one_word_org ? cc_tok_find(a, r->first, cc_words()->orgs) : NULL)
                               : has_class(a, r->first, CC_W_ORG_PHRASE_HEAD)
                                   ? find_phrase(a, r->first, r->last, cc_words()->orgs)
                                   : NULL;
        if (e && e->value_len) {
            return cc_str_of(e->value, e->value_len);
        }
        /* "UN Security Council" is the "United Nations Security Council" */
        e = r->first < r->last && one_word_org ? cc_tok_find(a, r->first, cc_words()->orgs) : NULL;
        if (e && e->value_len && !cc_tok_possessive(a, r->first)) {
            uint32_t rest = cc_tok(a, r->first)->end;
            uint32_t rest_len = (uint32_t)(text.p + text.len - (a->text + rest));
            char *p = cc_arena_alloc(&a->arena, e->value_len + rest_len + 1);
            memcpy(p, e->value, e->value_len);
            memcpy(p + e->value_len, a->text + rest, rest_len);
            p[e->value_len + rest_len] = '\0';
            return cc_str_of(p, e->value_len + rest_len);
        }
    }
    if (r->type == CC_ENT_PERSON && r->first == r->last) {
        int32_t full = name_run(t, r->surname_key);
        if (full >= 0) {
            return runs->v[full].text;
        }
    }
    return text;
}

static int by_position(const void *x, const void *y)
{
    const cc_mention *m = x, *n = y;
    return (m->span.start > n->span.start) - (m->span.start < n->span.start);
}

void cc_extract_mentions(cc_article *a)
{
    a->mentions.n = 0;
    run small[256];
    run_vec runs = { small, 0, CC_COUNT(small), small };
    uint32_t small_caps[2048];
    uint32_t *caps = a->tokens.n < CC_COUNT(small_caps) ? small_caps : malloc((a->tokens.n + 1) * sizeof *caps);
    if (!caps) {
        abort();
    }
    cap_words(a, caps);
    const uint32_t *cap = caps;
    for (uint32_t si = 0; si < a->sentences.n; si++) {
        const cc_paragraph *p = &a->paragraphs.v[a->sentences.v[si].para];
        if (!(p->flags & (CC_PF_TITLE | CC_PF_HEADING))) {
            scan_sentence(a, &runs, si, &cap);
        }
    }
    if (caps != small_caps) {
        free(caps);
    }
    for (size_t k = 0; k < runs.n; k++) {
        set_name(a, &runs.v[k]);
    }
    /* a run notes one key at most, so the table stays at most a quarter full: most probes end at their
     * first slot, where the branch that ends them is guessed; most articles' fit on the stack, with the
     * list of undecided runs */
    uint64_t small_keys[512];
    int32_t small_runs[512];
    uint32_t small_undecided[128];
    name_table t = { small_keys, small_runs, 32 };
    uint32_t *undecided = small_undecided;
    while (t.cap < runs.n * 4) {
        t.cap *= 2;
    }
    if (t.cap > CC_COUNT(small_keys)) {
        t.keys = malloc(t.cap * (sizeof *t.keys + sizeof *t.runs) + runs.n * sizeof *undecided);
        if (!t.keys) {
            abort();
        }
        t.runs = (int32_t *)(t.keys + t.cap);
        undecided = (uint32_t *)(t.runs + t.cap);
    }
    memset(t.keys, 0, t.cap * sizeof *t.keys);
    resolve_unknown(a, &runs, &t, undecided);
    CC_VEC_RESERVE(a->mentions, runs.n);
    for (size_t k = 0; k < runs.n; k++) {
        run *r = &runs.v[k];
        if (r->type == TYPE_UNKNOWN) {
            continue;
        }
        r->type = final_type(&t, &runs, r);
        /* reserved above; written field by field, as runs are (add_run) */
        cc_mention *m = &a->mentions.v[a->mentions.n++];
        m->span.start = (uint32_t)(r->text.p - a->text);
        m->span.end = m->span.start + r->text.len;
        m->sentence = r->sentence;
        m->type = r->type;
        m->entity = -1;
        m->name = canonical(a, &t, &runs, r);
    }
    if (t.keys != small_keys) {
        free(t.keys);
    }
    if (runs.v != small) {
        free(runs.v);
    }
    for (size_t k = 1; k < a->mentions.n; k++) {
        if (a->mentions.v[k].span.start < a->mentions.v[k - 1].span.start) {
            qsort(a->mentions.v, a->mentions.n, sizeof *a->mentions.v, by_position); /* cc_mention_at searches */
            break;
        }
    }
}

/* ---- across articles ---- */

/* A mention's keys: under its own type, and under place, which agree_places asks of every name. */
typedef struct mention_keys {
    uint64_t own, place;
} mention_keys;

/* Normalised key: letters and digits only, ASCII lower-cased ("Ki-Moon" = "Ki-moon", "al Hussein" =
 * "al-Hussein", "Ra’ad" = "Ra'ad"), seeded with the type. Both keys come from one pass over the name:
 * the normalising is the work, the second hash rides along. */
static mention_keys name_keys(cc_str s, uint8_t type)
{
    uint64_t h = ci_start(type), hp = ci_start(CC_ENT_PLACE);
    for (uint32_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.p[i];
        if (c == ' ' || c == '-' || c == '\'' || c == '.') {
            continue;
        }
        if (c == 0xE2 && i + 2 < s.len && (unsigned char)s.p[i + 1] == 0x80 &&
            ((unsigned char)s.p[i + 2] == 0x99 || (unsigned char)s.p[i + 2] == 0x98)) {
            i += 2;
            continue;
        }
        h = ci_step(h, c);
        hp = ci_step(hp, c);
    }
    mention_keys k = { ci_end(h), ci_end(hp) };
    return k;
}

typedef struct slot {
    uint64_t key;
    int32_t entity;
} slot;

typedef struct table {
    slot *slots;
    size_t cap;
} table;

static table table_new(size_t keys)
{
    table t = { NULL, 16 };
    while (t.cap < keys * 2) {
        t.cap *= 2;
    }
    t.slots = calloc(t.cap, sizeof *t.slots);
    if (!t.slots) {
        abort();
    }
    return t;
}

/* The entity noted for key, or -1; unlike table_get, adds nothing. */
static int32_t table_find(const table *t, uint64_t key)
{
    for (size_t i = (size_t)key & (t->cap - 1); t->slots[i].key; i = (i + 1) & (t->cap - 1)) {
        if (t->slots[i].key == key) {
            return t->slots[i].entity;
        }
    }
    return -1;
}

static int32_t *table_get(table *t, uint64_t key)
{
    size_t i = (size_t)key & (t->cap - 1);
    while (t->slots[i].key && t->slots[i].key != key) {
        i = (i + 1) & (t->cap - 1);
    }
    if (!t->slots[i].key) {
        t->slots[i].key = key;
        t->slots[i].entity = -1;
    }
    return &t->slots[i].entity;
}

static int is_single_word(cc_str s)
{
    return !memchr(s.p, ' ', s.len);
}

/* A surname alone joins the one full-named person in the cluster with that surname, if there is one:
 * surnames maps each surname to that entity, or to -2 when two different people share it. */
static table index_surnames(const cc_cluster *c)
{
    size_t persons = 0;
    for (size_t e = 0; e < c->entities.n; e++) {
        persons += c->entities.v[e].type == CC_ENT_PERSON;
    }
    table surnames = table_new(persons);
    for (size_t e = 0; e < c->entities.n; e++) {
        const cc_entity *x = &c->entities.v[e];
        if (x->type != CC_ENT_PERSON || is_single_word(x->name)) {
            continue;
        }
        int32_t *slot_entity = table_get(&surnames, ci_hash(surname_of(x->name), KEY_SURNAME));
        *slot_entity = *slot_entity == -1 ? (int32_t)e : -2;
    }
    return surnames;
}

/* keys: each mention's, mentions of all articles in turn */
static void link_pass(cc_cluster *c, const mention_keys *keys, table *t, const table *surnames,
                      int32_t *last_article)
{
    for (size_t ai = 0, g = 0; ai < c->articles.n; ai++) {
        cc_article *a = c->articles.v[ai];
        for (size_t k = 0; k < a->mentions.n; k++, g++) {
            cc_mention *m = &a->mentions.v[k];
            int single = m->type == CC_ENT_PERSON && is_single_word(m->name);
            if (single != (surnames != NULL) || m->entity >= 0) {
                continue;
            }
            int32_t *slot_entity = table_get(t, keys[g].own);
            if (*slot_entity < 0 && single) {
                int32_t e = table_find(surnames, ci_hash(surname_of(m->name), KEY_SURNAME));
                *slot_entity = e >= 0 ? e : -1;
            }
            if (*slot_entity < 0) {
                cc_entity e = { m->name, m->type, 0, 0 };
                CC_VEC_PUSH(c->entities, e);
                *slot_entity = (int32_t)c->entities.n - 1;
            }
            m->entity = *slot_entity;
            cc_entity *e = &c->entities.v[m->entity];
            e->mentions++;
            if (last_article[m->entity] != (int32_t)ai) {
                last_article[m->entity] = (int32_t)ai;
                e->articles++;
            }
        }
    }
}

/* A name some article reads as a place ("in Khan Sheikhoun") is the place in the articles that read it as
 * a person's only for want of context: two capitalised words. */
static void agree_places(cc_cluster *c, mention_keys *keys, size_t places)
{
    table t = table_new(places);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t ai = 0, g = 0; ai < c->articles.n; ai++) {
            cc_article *a = c->articles.v[ai];
            for (size_t k = 0; k < a->mentions.n; k++, g++) {
                cc_mention *m = &a->mentions.v[k];
                if (pass == 0 && m->type == CC_ENT_PLACE) {
                    *table_get(&t, keys[g].place) = 1;
                } else if (pass == 1 && m->type == CC_ENT_PERSON && !is_single_word(m->name) &&
                           table_find(&t, keys[g].place) == 1) {
                    m->type = CC_ENT_PLACE;
                    keys[g].own = keys[g].place;
                }
            }
        }
    }
    free(t.slots);
}

void cc_link_entities(cc_cluster *c)
{
    size_t total = 0, places = 0;
    for (size_t ai = 0; ai < c->articles.n; ai++) {
        total += c->articles.v[ai]->mentions.n;
    }
    mention_keys *keys = malloc((total + 1) * sizeof *keys);
    int32_t *last_article = malloc((total + 1) * sizeof *last_article);
    if (!keys || !last_article) {
        abort();
    }
    for (size_t ai = 0, g = 0; ai < c->articles.n; ai++) {
        for (size_t k = 0; k < c->articles.v[ai]->mentions.n; k++, g++) {
            cc_mention *m = &c->articles.v[ai]->mentions.v[k];
            m->entity = -1;
            keys[g] = name_keys(m->name, m->type);
            places += m->type == CC_ENT_PLACE;
        }
    }
    for (size_t i = 0; i <= total; i++) {
        last_article[i] = -1;
    }
    c->entities.n = 0;
    agree_places(c, keys, places);
    table t = table_new(total);
    link_pass(c, keys, &t, NULL, last_article);
    table surnames = index_surnames(c);
    link_pass(c, keys, &t, &surnames, last_article);
    free(surnames.slots);
    free(t.slots);
    free(last_article);
    free(keys);
}
