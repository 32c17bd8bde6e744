#include "words.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct class_slot {
    const char *key;    /* lower-case, from the lexicon */
    uint64_t hash;
    uint32_t len;
    unsigned bits;
} class_slot;

static class_slot *classes;
static size_t class_cap;
/* One bit per hash value's low bits: most capitalised words are in no lexicon, and this small map
 * (it stays in the first-level cache) says so without touching the big table. */
enum { FILTER_BITS = 1 << 16 };
static uint64_t filter[FILTER_BITS / 64];

static uint64_t lower_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        h = (h ^ c) * 1099511628211ULL;
    }
    return h;
}

/* key is lower case already */
static int same_lower(const char *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        if (c != (unsigned char)key[i]) {
            return 0;
        }
    }
    return 1;
}

static class_slot *class_find(const char *s, size_t n, int insert)
{
    uint64_t h = lower_hash(s, n);
    uint32_t f = (uint32_t)(h >> 40) & (FILTER_BITS - 1);
    if (!insert && !(filter[f / 64] >> (f % 64) & 1)) {
        return NULL;
    }
    size_t i = (size_t)h & (class_cap - 1);
    while (classes[i].key) {
        if (classes[i].hash == h && classes[i].len == n && same_lower(classes[i].key, s, n)) {
            return &classes[i];
        }
        i = (i + 1) & (class_cap - 1);
    }
    if (!insert) {
        return NULL; /* a lookup writes nothing: threads look words up at once, outside any lock */
    }
    filter[f / 64] |= 1ULL << (f % 64);
    classes[i].key = s;
    classes[i].hash = h;
    classes[i].len = (uint32_t)n;
    return &classes[i];
}

static void add_class(const cc_lexset *set, unsigned bits, unsigned valued_bits)
{
    for (size_t k = 0; k < cc_lexset_size(set); k++) {
        const cc_lexentry *e = cc_lexset_entry(set, k);
        if (e->words == 1) {
            class_find(e->key, e->key_len, 1)->bits |= e->value_len ? valued_bits : bits;
        }
    }
}

/* Marks the first word of each several-word entry, so a phrase is looked up only when it can match. */
static void add_heads(const cc_lexset *set, unsigned bit)
{
    for (size_t k = 0; k < cc_lexset_size(set); k++) {
        const cc_lexentry *e = cc_lexset_entry(set, k);
        if (e->words > 1) {
            const char *sp = memchr(e->key, ' ', e->key_len);
            class_find(e->key, (size_t)(sp - e->key), 1)->bits |= bit;
        }
    }
}

static void build_classes(const cc_wordlists *w)
{
    size_t total = 0;
    const cc_lexset *sets[] = { w->titles, w->org_words, w->orgs, w->places, w->not_names, w->demonyms,
                                w->function_words, w->starters, w->verbs, w->place_words, w->attributing };
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        total += cc_lexset_size(sets[k]);
    }
    class_cap = 64;
    while (class_cap < total * 2) {
        class_cap *= 2;
    }
    class_cap *= 2; /* room for the built-in word lists below */
    classes = calloc(class_cap, sizeof *classes);
    if (!classes) {
        abort();
    }
    add_class(w->titles, CC_W_TITLE, CC_W_HONORIFIC);
    add_class(w->org_words, CC_W_ORG_HEAD, CC_W_DOMAIN);
    add_class(w->orgs, CC_W_ORG, CC_W_ORG);
    add_class(w->places, CC_W_PLACE, CC_W_PLACE);
    add_class(w->not_names, CC_W_NOT_NAME, CC_W_NOT_NAME);
    add_class(w->demonyms, CC_W_DEMONYM, CC_W_DEMONYM);
    add_class(w->function_words, CC_W_FUNCTION, CC_W_FUNCTION);
    add_class(w->starters, CC_W_STARTER, CC_W_STARTER);
    add_class(w->verbs, CC_W_VERB, CC_W_VERB);
    add_class(w->attributing, CC_W_ATTRIBUTING, CC_W_ATTRIBUTING);
    add_class(w->place_words, CC_W_PLACE_WORD, CC_W_PLACE_WORD);
    add_heads(w->places, CC_W_PLACE_HEAD);
    add_heads(w->orgs, CC_W_ORG_PHRASE_HEAD);
    static const char *const particles[] = { "al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von",
                                             "der", "den", "la", "le", "del", "della", "dos", "das", NULL };
    static const char *const locatives[] = { "in", "near", "outside", "across", "around", "towards", "toward",
                                             "eastern", "western", "northern", "southern", "central", "northeastern",
                                             "northwestern", "southeastern", "southwestern", "city", "town",
                                             "village", "province", "capital", NULL };
    for (int k = 0; particles[k]; k++) {
        class_find(particles[k], strlen(particles[k]), 1)->bits |= CC_W_PARTICLE;
    }
    for (int k = 0; locatives[k]; k++) {
        class_find(locatives[k], strlen(locatives[k]), 1)->bits |= CC_W_LOCATIVE;
    }
}

unsigned cc_word_classes(const char *s, size_t n)
{
    cc_words();
    const class_slot *c = class_find(s, n, 0);
    return c ? c->bits : 0;
}

static cc_wordlists lists;
static pthread_once_t lists_made = PTHREAD_ONCE_INIT;

static void make_lists(void)
{
    cc_wordlists *w = &lists;
    w->titles = cc_lexset_get("person_titles");
    w->org_words = cc_lexset_get("org_words");
    w->orgs = cc_lexset_get("organisations");
    w->places = cc_lexset_get("places");
    w->not_names = cc_lexset_get("not_names");
    w->demonyms = cc_lexset_get("demonyms");
    w->function_words = cc_lexset_get("function_words");
    w->starters = cc_lexset_get("sentence_starters");
    w->place_words = cc_lexset_get("place_words");
    w->common = cc_lexset_get("common_words");
    w->verbs = cc_lexset_get("reporting_verbs");
    w->attributing = cc_lexset_get("attribution_verbs");
    build_classes(w);
}

/* Made once per process, whichever thread comes first. */
const cc_wordlists *cc_words(void)
{
    pthread_once(&lists_made, make_lists);
    return &lists;
}

uint32_t cc_possessive_stem_len(const char *s, uint32_t n)
{
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
        return n - 2;
    }
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) {
        return n - 4;
    }
    if (n > 1 && s[n - 1] == '\'' && s[n - 2] == 's') {
        return n - 1;
    }
    return n;
}

const cc_lexentry *cc_tok_find(const cc_article *a, uint32_t i, const cc_lexset *set)
{
    return cc_lexset_find(set, cc_tok_text(a, i), cc_tok_stem_len(a, i));
}

int cc_tok_particle(const cc_article *a, uint32_t i)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_WORD || (t->flags & CC_TF_CAP)) {
        return 0;
    }
    const char *s = cc_tok_text(a, i);
    uint32_t n = cc_tok_len(a, i);
    /* al-Assad, el-Sisi: one token whose part after the hyphen is capitalised */
    if (n > 3 && (s[0] == 'a' || s[0] == 'e') && s[1] == 'l' && s[2] == '-' && s[3] >= 'A' && s[3] <= 'Z') {
        return 1;
    }
    return n <= 5 && cc_tok_has(a, i, CC_W_PARTICLE);
}

int cc_is_pronoun(const cc_article *a, uint32_t i)
{
    static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", NULL };
    if (i >= a->tokens.n || cc_tok_len(a, i) > 4) {
        return 0; /* the longest is "they" */
    }
    for (int k = 0; pronouns[k]; k++) {
        if (cc_tok_is(a, i, pronouns[k])) {
            return 1;
        }
    }
    return 0;
}

static int ambiguous_noun(const cc_article *a, uint32_t i)
{
    static const char *const nouns[] = { "reports", "claims", "notes", "comments", "estimates", "charges",
                                         "promises", "tweets", "posts", "states", "counters", "warns", "writes",
                                         "urges", "adds", "asks", NULL };
    if ((a->text[cc_tok(a, i)->end - 1] | 0x20) != 's') {
        return 0; /* every one ends in s */
    }
    for (int k = 0; nouns[k]; k++) {
        if (cc_tok_is(a, i, nouns[k])) {
            return 1;
        }
    }
    return 0;
}

/* The rest of cc_tok_reporting_verb, for the tokens its inline test lets through. */
int cc_tok_reporting_verb_slow(const cc_article *a, uint32_t i, uint32_t lo)
{
    if (!cc_tok_has(a, i, CC_W_VERB)) {
        /* "as Professor Foner put it", "Bennett shot back", "…," he went on. */
        return i + 1 < a->tokens.n && ((cc_tok_is(a, i, "put") && cc_tok_is(a, i + 1, "it")) ||
                                       (cc_tok_is(a, i, "shot") && cc_tok_is(a, i + 1, "back")) ||
                                       (cc_tok_is(a, i, "went") && cc_tok_is(a, i + 1, "on") &&
                                        (i + 2 >= a->tokens.n || a->tokens.v[i + 2].kind == CC_TOK_PUNCT)));
    }
    if (ambiguous_noun(a, i)) {
        return i > lo ? cc_tok_cap(a, i - 1) || cc_is_pronoun(a, i - 1) || cc_tok(a, i - 1)->kind == CC_TOK_QUOTE ||
                            cc_tok_punct(a, i - 1, ',')
                      : i > 0 && cc_tok(a, i - 1)->kind == CC_TOK_QUOTE;
    }
    return 1;
}
