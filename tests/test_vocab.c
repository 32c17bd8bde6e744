/* The vocabulary: tokens carry their spelling's lexicon classes and stem from segmentation on. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "segment.h"
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

/* A text of n distinct made-up words ("zqaaab zqaaac …"). */
static char *distinct_words(size_t n, size_t *len)
{
    char *text = malloc(n * 8 + 1), *p = text;
    for (size_t i = 0; i < n; i++) {
        *p++ = 'z';
        for (size_t k = 0, v = i; k < 5; k++, v /= 26) {
            *p++ = (char)('a' + v % 26);
        }
        *p++ = i % 20 == 19 ? '.' : ' ';
        if (i % 20 == 19) {
            *p++ = ' ';
        }
    }
    *len = (size_t)(p - text);
    return text;
}

/* An endless stream must not grow the vocabulary without end: once a generation is full the next article
 * starts a new one, and a cluster spanning two is put back into one so that its stems compare. */
TEST(vocab_starts_a_new_generation_when_full_and_unifies_a_cluster)
{
    size_t len;
    char *flood = distinct_words((size_t)CC_VOCAB_FULL + 1000, &len);
    const char *before = "Rescuers said the convoy was attacked near the border.";
    const char *after = "The convoy was attacked again, rescuers said.";
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK(cc_cluster_add(c, "before", before, strlen(before), NULL, &err) == 0);
    CHECK(cc_cluster_add(c, "flood", flood, len, NULL, &err) == 0);
    CHECK(cc_cluster_add(c, "after", after, strlen(after), NULL, &err) == 0);
    free(flood);
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_segment(c->articles.v[i]);
    }
    cc_article *a = c->articles.v[0], *z = c->articles.v[2];
    CHECK(c->articles.v[1]->vocab_generation == a->vocab_generation); /* an article is never split */
    CHECK(z->vocab_generation != a->vocab_generation);
    cc_vocab_unify(c->articles.v, c->articles.n);
    CHECK(z->vocab_generation == a->vocab_generation);
    CHECK(c->articles.v[1]->vocab_generation == a->vocab_generation);
    CHECK_INT(a->tokens.v[token(a, "convoy")].term, z->tokens.v[token(z, "convoy")].term);
    CHECK_INT(a->tokens.v[token(a, "Rescuers")].term, z->tokens.v[token(z, "rescuers")].term);
    cc_cluster_free(c);
}
