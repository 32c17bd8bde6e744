/* The vocabulary: tokens carry their spelling's lexicon classes and stem from segmentation on. */
#include <string.h>

#include "harness.h"
#include "stages.h"
#include "vocab.h"
#include "words.h"

/* The first token spelling word. */
static uint32_t token(const cc_article *a, const char *word)
{
    for (uint32_t i = 0; i < a->tokens.n; i++) {
        if (cc_tok_len(a, i) == strlen(word) && !memcmp(cc_tok_text(a, i), word, strlen(word))) {
            return i;
        }
    }
    return UINT32_MAX;
}

TEST(vocab_tokens_carry_their_spellings_classes)
{
    cc_cluster *c = test_analyze("The ministry said on Tuesday that Mr Adeyemi had left Nigeria's capital, 40 km away.");
    const cc_article *a = c->articles.v[0];
    CHECK(cc_tok_has(a, token(a, "said"), CC_W_VERB));
    CHECK(cc_tok_has(a, token(a, "ministry"), CC_W_ORG_HEAD));
    CHECK(cc_tok_has(a, token(a, "Tuesday"), CC_W_NOT_NAME));
    CHECK(cc_tok_has(a, token(a, "Mr"), CC_W_HONORIFIC));
    CHECK(cc_tok_has(a, token(a, "Nigeria's"), CC_W_PLACE)); /* the possessive does not hide the place */
    CHECK(cc_tok_common_word(a, token(a, "ministry")));
    CHECK(!cc_tok_common_word(a, token(a, "Adeyemi")));
    CHECK_INT(cc_tok_class(a, token(a, "40")), 0);          /* numbers have terms, no word classes */
    CHECK_INT(cc_tok_class(a, token(a, ",")), 0);
    CHECK_INT(cc_tok_class(a, a->tokens.n), 0);             /* past the end: no class, no read */
    cc_cluster_free(c);
}

TEST(vocab_gives_one_spelling_one_record_across_articles)
{
    const char *texts[] = { "Officials said the convoy was attacked near the border on Monday.",
                            "The convoy was attacked, officials said, and the border closed." };
    cc_cluster *c = test_analyze_many(texts, 2);
    const cc_article *a = c->articles.v[0], *b = c->articles.v[1];
    CHECK(a->vocab_generation == b->vocab_generation);
    const cc_token *ta = &a->tokens.v[token(a, "attacked")], *tb = &b->tokens.v[token(b, "attacked")];
    CHECK_INT(ta->term, tb->term);
    CHECK_INT(ta->classes, tb->classes);
    /* "Officials" and "officials" are two spellings of one stem */
    CHECK_INT(a->tokens.v[token(a, "Officials")].term, b->tokens.v[token(b, "officials")].term);
    CHECK(a->tokens.v[token(a, "the")].term & 1);         /* a stop word */
    CHECK(!(a->tokens.v[token(a, "convoy")].term & 1));
    CHECK(a->tokens.v[token(a, "convoy")].term != ta->term);
    cc_cluster_free(c);
}
