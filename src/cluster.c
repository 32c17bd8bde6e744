/* The cluster: articles in, analysis run stage by stage, results out through accessors. */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "dates.h"
#include "ingest.h"
#include "lexicon.h"
#include "node.h"
#include "segment.h"
#include "stages.h"

cc_cluster *cc_cluster_new(void)
{
    cc_cluster *c = calloc(1, sizeof *c);
    if (!c) {
        abort();
    }
    return c;
}

static void article_free(cc_article *a)
{
    CC_VEC_FREE(a->furniture);
    CC_VEC_FREE(a->headings);
    CC_VEC_FREE(a->paragraphs);
    CC_VEC_FREE(a->sentences);
    CC_VEC_FREE(a->tokens);
    CC_VEC_FREE(a->amounts);
    CC_VEC_FREE(a->claims);
    CC_VEC_FREE(a->quotes);
    CC_VEC_FREE(a->mentions);
    cc_arena_free(&a->arena);
    free(a->id);
    free(a);
}

void cc_cluster_free(cc_cluster *c)
{
    if (!c) {
        return;
    }
    for (size_t i = 0; i < c->articles.n; i++) {
        article_free(c->articles.v[i]);
    }
    CC_VEC_FREE(c->articles);
    CC_VEC_FREE(c->entities);
    for (size_t i = 0; i < c->groups.n; i++) {
        CC_VEC_FREE(c->groups.v[i].members);
    }
    CC_VEC_FREE(c->groups);
    for (size_t i = 0; i < c->merged_quotes.n; i++) {
        CC_VEC_FREE(c->merged_quotes.v[i].members);
    }
    CC_VEC_FREE(c->merged_quotes);
    for (size_t i = 0; i < c->summary.n; i++) {
        CC_VEC_FREE(c->summary.v[i].articles);
    }
    CC_VEC_FREE(c->summary);
    cc_arena_free(&c->arena);
    free(c);
}

static cc_str meta_string(cc_article *a, const char *s)
{
    if (!s || !*s) {
        return cc_str_of("", 0);
    }
    size_t n = strlen(s);
    return cc_str_of(cc_arena_strndup(&a->arena, s, n), n);
}

static int id_taken(const cc_cluster *c, const char *id)
{
    for (size_t i = 0; i < c->articles.n; i++) {
        if (strcmp(c->articles.v[i]->id, id) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Two inputs named alike (a.txt and a.json) must still get distinct ids in the report. */
static char *unique_id(const cc_cluster *c, const char *id)
{
    size_t len = strlen(id), n = len + 16;
    char *out = malloc(n);
    memcpy(out, id, len + 1);
    for (int k = 2; id_taken(c, out); k++) {
        snprintf(out, n, "%s-%d", id, k);
    }
    return out;
}

int cc_cluster_add(cc_cluster *c, const char *id, const char *text, size_t len, const cc_article_meta *meta,
                   cc_error *err)
{
    if (len > CC_MAX_ARTICLE_BYTES) {
        cc_error_set(err, id, 0, -1, "article of %zu MB is larger than the %zu MB limit", len >> 20,
                     CC_MAX_ARTICLE_BYTES >> 20);
        return -1;
    }
    if (cc_validate_text(text, len, err) != 0) {
        snprintf(err->file, sizeof err->file, "%s", id ? id : "");
        return -1;
    }
    /* the article and its text in one block (one allocation fewer per article); zero padding past the
     * text's end lets scanners read 16 bytes at a time without a bounds check */
    cc_article *a = malloc(sizeof *a + len + CC_TEXT_PADDING);
    if (!a) {
        abort();
    }
    memset(a, 0, sizeof *a);
    a->id = unique_id(c, id && *id ? id : "article");
    a->text = (char *)(a + 1);
    memcpy(a->text, text, len);
    memset(a->text + len, 0, CC_TEXT_PADDING);
    a->len = (uint32_t)len;
    if (meta) {
        a->title = meta_string(a, meta->title);
        a->url = meta_string(a, meta->url);
        a->source = meta_string(a, meta->source);
        a->published = meta_string(a, meta->published);
        cc_date d;
        if (a->published.len && cc_date_parse(a->published.p, a->published.len, &d)) {
            a->pub_year = (int16_t)d.year;
            a->pub_month = (int8_t)d.month;
            a->pub_day = (int8_t)d.day;
        }
    }
    cc_clean(a);
    CC_VEC_PUSH(c->articles, a);
    return 0;
}

void cc_analyze_article(cc_article *a, const cc_options *options)
{
    cc_segment(a);
    cc_extract_amounts(a);
    cc_extract_claims(a);
    cc_extract_mentions(a); /* before quotes: speakers are read against the mentions */
    cc_extract_quotes(a, options->whole_utterances);
}

int cc_analyze(cc_cluster *c, const cc_options *options, cc_error *err)
{
    (void)err;
    if (options) {
        c->options = *options;
    }
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_analyze_article(c->articles.v[i], &c->options);
    }
    cc_link_entities(c);
    cc_crosscheck(c);
    cc_summarize(c, c->options.summary_words > 0 ? c->options.summary_words : 120);
    return 0;
}

size_t cc_cluster_article_count(const cc_cluster *c)
{
    return c->articles.n;
}

static const cc_article *article_at(const cc_cluster *c, size_t i)
{
    return i < c->articles.n ? c->articles.v[i] : NULL;
}

const char *cc_article_id(const cc_cluster *c, size_t i)
{
    const cc_article *a = article_at(c, i);
    return a ? a->id : NULL;
}

size_t cc_article_sentence_count(const cc_cluster *c, size_t i)
{
    const cc_article *a = article_at(c, i);
    return a ? a->sentences.n : 0;
}

size_t cc_article_claim_count(const cc_cluster *c, size_t i)
{
    const cc_article *a = article_at(c, i);
    return a ? a->claims.n : 0;
}

size_t cc_article_quote_count(const cc_cluster *c, size_t i)
{
    const cc_article *a = article_at(c, i);
    return a ? a->quotes.n : 0;
}

size_t cc_article_amount_count(const cc_cluster *c, size_t i)
{
    const cc_article *a = article_at(c, i);
    return a ? a->amounts.n : 0;
}

const char *cc_qualifier_name(cc_qualifier q)
{
    static const char *const names[] = { "exact", "approx", "at_least", "more_than", "nearly", "up_to",
                                         "less_than", "vague" };
    return (unsigned)q < sizeof names / sizeof *names ? names[q] : "exact";
}

const char *cc_category_name(cc_category cat)
{
    static const char *const names[] = { "killed", "injured", "trapped", "displaced", "detained", "missing",
                                         "other" };
    return (unsigned)cat < sizeof names / sizeof *names ? names[cat] : "other";
}

const char *cc_entity_type_name(cc_entity_type t)
{
    static const char *const names[] = { "person", "organization", "place" };
    return (unsigned)t < sizeof names / sizeof *names ? names[t] : "person";
}

const char *cc_verdict_name(cc_verdict v)
{
    static const char *const names[] = { "single", "agree", "within_range", "conflict" };
    return (unsigned)v < sizeof names / sizeof *names ? names[v] : "single";
}
