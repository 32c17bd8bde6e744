#include "words.h"

const cc_wordlists *cc_words(void)
{
    static cc_wordlists w;
    if (!w.verbs) {
        w.titles = cc_lexset_get("person_titles");
        w.org_words = cc_lexset_get("org_words");
        w.orgs = cc_lexset_get("organisations");
        w.places = cc_lexset_get("places");
        w.not_names = cc_lexset_get("not_names");
        w.demonyms = cc_lexset_get("demonyms");
        w.function_words = cc_lexset_get("function_words");
        w.starters = cc_lexset_get("sentence_starters");
        w.verbs = cc_lexset_get("reporting_verbs");
    }
    return &w;
}

int cc_tok_possessive(const cc_article *a, uint32_t i)
{
    const char *s = cc_tok_text(a, i);
    uint32_t n = cc_tok_len(a, i);
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
        return 1;
    }
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) {
        return 1;
    }
    return n > 1 && s[n - 1] == '\'' && s[n - 2] == 's';
}

uint32_t cc_tok_stem_len(const cc_article *a, uint32_t i)
{
    const char *s = cc_tok_text(a, i);
    uint32_t n = cc_tok_len(a, i);
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
    static const char *const particles[] = { "al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van",
                                             "von", "der", "den", "la", "le", "del", "della", "dos", "das", NULL };
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
    for (int k = 0; particles[k]; k++) {
        if (cc_tok_is(a, i, particles[k])) {
            return 1;
        }
    }
    return 0;
}

int cc_is_pronoun(const cc_article *a, uint32_t i)
{
    static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", NULL };
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
    for (int k = 0; nouns[k]; k++) {
        if (cc_tok_is(a, i, nouns[k])) {
            return 1;
        }
    }
    return 0;
}

int cc_tok_reporting_verb(const cc_article *a, uint32_t i, uint32_t lo)
{
    const cc_token *t = cc_tok(a, i);
    if (t->kind != CC_TOK_WORD || (t->flags & CC_TF_CAP && !(t->flags & CC_TF_SENT_START))) {
        return 0;
    }
    if (!cc_lexset_find(cc_words()->verbs, cc_tok_text(a, i), cc_tok_len(a, i))) {
        return 0;
    }
    if (ambiguous_noun(a, i)) {
        return i > lo && (cc_tok_cap(a, i - 1) || cc_is_pronoun(a, i - 1));
    }
    return 1;
}
