/* Phrase lookups over tokens, and the class bits that let them turn a word away by its token alone. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lexicon.h"
#include "phrase.h"
#include "words.h"

/* Every entry of the lexicon, written in a text as a reader would meet it: a word that begins one must
 * carry the lexicon's start bit, or the lookups would never find that entry. */
static void check_first_words_carry(const char *lexicon, unsigned bit)
{
    const cc_lexset *set = cc_lexset_get(lexicon);
    CHECK(set != NULL);
    size_t n = cc_lexset_size(set), cap = 1, len = 0;
    for (size_t i = 0; i < n; i++) {
        cap += cc_lexset_entry(set, i)->key_len + 3;
    }
    char *text = malloc(cap);
    uint32_t *starts = malloc(n * sizeof *starts);
    for (size_t i = 0; i < n; i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        memcpy(text + len, "; ", 2);
        starts[i] = (uint32_t)(len + 2);
        memcpy(text + len + 2, e->key, e->key_len);
        len += e->key_len + 2;
        text[len++] = '\n';
    }
    text[len] = '\0';
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    for (size_t i = 0; i < n; i++) {
        uint32_t k = cc_token_at(a, starts[i]);
        if (k < a->tokens.n && a->tokens.v[k].start == starts[i] && a->tokens.v[k].kind == CC_TOK_WORD &&
            !(a->tokens.v[k].classes & bit)) {
            cc_test_fail(__FILE__, __LINE__, "%s: \"%s\" lacks its start bit", lexicon, cc_lexset_entry(set, i)->key);
        }
    }
    cc_cluster_free(c);
    free(starts);
    free(text);
}

TEST(phrase_first_words_of_lexicons_carry_their_start_bit)
{
    check_first_words_carry("casualty_predicates", CC_W_PREDICATE_START);
    check_first_words_carry("qualifiers", CC_W_FIGURE_START);
    check_first_words_carry("units", CC_W_FIGURE_START);
    check_first_words_carry("currencies", CC_W_FIGURE_START);
    check_first_words_carry("time_words", CC_W_TIME_START);
    check_first_words_carry("stop_words", CC_W_STOP_START);
}

TEST(phrase_start_bits_turn_away_other_words)
{
    cc_cluster *c = test_analyze("Engineers said more than 40 people were killed when the dam burst upstream.");
    const cc_article *a = c->articles.v[0];
    for (uint32_t i = 0; i < a->tokens.n; i++) {
        const char *w = test_token(c, 0, i);
        if (!strcmp(w, "killed")) {
            CHECK(a->tokens.v[i].classes & CC_W_PREDICATE_START);
        } else if (!strcmp(w, "more")) {
            CHECK(a->tokens.v[i].classes & CC_W_FIGURE_START);
        } else if (!strcmp(w, "Engineers") || !strcmp(w, "dam") || !strcmp(w, "upstream")) {
            CHECK(!(a->tokens.v[i].classes & (CC_W_PREDICATE_START | CC_W_FIGURE_START)));
        }
    }
    size_t n = 0;
    CHECK(cc_phrase_at(cc_lexset_get("qualifiers"), a, 2, a->tokens.n, 3, &n) != NULL);
    CHECK_INT(n, 2);
    CHECK(cc_phrase_at(cc_lexset_get("qualifiers"), a, 0, a->tokens.n, 3, &n) == NULL);
    cc_cluster_free(c);
}
