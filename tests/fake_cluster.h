/* Clusters built by hand for tests of the cross-check and the reports: articles whose claims and
 * quotes are set directly, so those stages are tested apart from extraction. */
#ifndef CC_FAKE_CLUSTER_H
#define CC_FAKE_CLUSTER_H

#include <stdio.h>
#include <string.h>

#include "stages.h"

typedef struct fake {
    int article;
    cc_category category;
    double value;        /* ignored when vague is set */
    cc_qualifier qualifier;
    const char *vague, *who, *where, *when, *source;
} fake;

static inline cc_str s_of(const char *s)
{
    return cc_str_of(s ? s : "", s ? strlen(s) : 0);
}

/* A cluster of `articles` articles holding the given claims, cross-checked. Articles carry a
 * publication date so time phrases can be anchored. */
static inline cc_cluster *fake_cluster(int articles, const fake *claims, size_t n)
{
    static const char text[] = "Officials gave new figures for the toll on Tuesday.";
    cc_cluster *c = cc_cluster_new();
    for (int i = 0; i < articles; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%d", i);
        cc_article_meta meta = { NULL, NULL, NULL, "2016-12-13" };
        cc_error err;
        cc_cluster_add(c, id, text, sizeof text - 1, &meta, &err);
    }
    for (size_t k = 0; k < n; k++) {
        const fake *f = &claims[k];
        cc_article *a = c->articles.v[f->article];
        cc_amount m = { 0 };
        m.value = f->value;
        m.has_value = f->vague == NULL;
        m.qualifier = (uint8_t)(f->vague ? CC_Q_VAGUE : f->qualifier);
        m.vague = f->vague ? s_of(f->vague) : cc_str_of("", 0);
        cc_claim cl = { 0 };
        cl.span = (cc_span){ (uint32_t)k, (uint32_t)k + 1 }; /* keeps the claims in order */
        cl.amount = (uint32_t)a->amounts.n;
        cl.category = (uint8_t)f->category;
        cl.who = s_of(f->who);
        cl.where = s_of(f->where);
        cl.when = s_of(f->when);
        cl.source = s_of(f->source);
        cl.group = -1;
        CC_VEC_PUSH(a->amounts, m);
        CC_VEC_PUSH(a->claims, cl);
    }
    cc_crosscheck(c);
    return c;
}

static inline cc_cluster *fake_quotes(const char *const *texts, const char *const *speakers, size_t n)
{
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "q%zu", i);
        cc_error err;
        cc_cluster_add(c, id, texts[i], strlen(texts[i]), NULL, &err);
        cc_article *a = c->articles.v[i];
        cc_quote q = { 0 };
        const char *open = strchr(a->text, '"'), *close = open ? strchr(open + 1, '"') : NULL;
        q.span = (cc_span){ (uint32_t)(open + 1 - a->text), (uint32_t)(close - a->text) };
        q.speaker = s_of(speakers[i]);
        q.merged = -1;
        CC_VEC_PUSH(a->quotes, q);
    }
    cc_merge_quotes(c);
    return c;
}

/* ---- a small cluster with everything a report shows ---- */

static inline void fake_claim_at(cc_cluster *c, size_t article, const char *phrase, double value, cc_qualifier q,
                                 const char *vague, cc_category cat, const char *who, const char *where,
                                 const char *when, const char *source)
{
    cc_article *a = c->articles.v[article];
    const char *at = strstr(a->text, phrase);
    uint32_t start = at ? (uint32_t)(at - a->text) : 0, end = start + (uint32_t)strlen(phrase);
    cc_amount m = { 0 };
    m.span = (cc_span){ start, end };
    m.value = value;
    m.has_value = vague == NULL;
    m.qualifier = (uint8_t)(vague ? CC_Q_VAGUE : q);
    m.vague = s_of(vague);
    cc_claim cl = { 0 };
    cl.span = m.span;
    cl.amount = (uint32_t)a->amounts.n;
    cl.category = (uint8_t)cat;
    cl.who = s_of(who);
    cl.where = s_of(where);
    cl.when = s_of(when);
    cl.source = s_of(source);
    cl.group = -1;
    CC_VEC_PUSH(a->amounts, m);
    CC_VEC_PUSH(a->claims, cl);
}

static inline void fake_quote_at(cc_cluster *c, size_t article, const char *words, const char *speaker,
                                 const char *role)
{
    cc_article *a = c->articles.v[article];
    const char *at = strstr(a->text, words);
    cc_quote q = { 0 };
    q.span = (cc_span){ (uint32_t)(at - a->text), (uint32_t)(at - a->text + strlen(words)) };
    q.speaker = s_of(speaker);
    q.role = s_of(role);
    q.merged = -1;
    CC_VEC_PUSH(a->quotes, q);
}

/* Three made-up reports of a river flood: the death toll conflicts, the evacuation figure agrees, one
 * quotation is carried twice with small edits. */
static inline cc_cluster *fake_report(void)
{
    static const char *const texts[] = {
        "Floods & mudslides <kill> at least 41 in Valdena\n\nAt least 41 people were killed when the Ruva river burst its "
        "banks in Valdena on Monday, the regional civil protection agency said. \"Whole streets disappeared "
        "under the water in minutes,\" agency chief Marta Solis told reporters. About 3,000 residents were "
        "evacuated from the lower town.\n",
        "Valdena flood toll rises sharply\n\nLocal officials said more than 90 people had died in Valdena "
        "since Monday, far above the agency's count. \"Whole streets disappeared under water in a few "
        "minutes,\" Solis said. Some 3,000 people were forced from their homes & farms <near> the river.\n",
        "Hospitals overwhelmed after flood\n\nDoctors in Valdena said 41 people had died and dozens were "
        "injured. \"We have no more beds,\" said Anton Weiss, head of the district hospital.\n",
    };
    static const char *const ids[] = { "wire", "daily", "radio" };
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < 3; i++) {
        cc_article_meta meta = { NULL, NULL, NULL, "2026-05-06" };
        cc_error err;
        cc_cluster_add(c, ids[i], texts[i], strlen(texts[i]), &meta, &err);
    }
    fake_claim_at(c, 0, "At least 41 people were killed", 41, CC_Q_AT_LEAST, NULL, CC_CAT_KILLED, "people", "Valdena",
                  "on Monday", "the regional civil protection agency");
    fake_claim_at(c, 0, "About 3,000 residents were evacuated", 3000, CC_Q_APPROX, NULL, CC_CAT_DISPLACED, "residents",
                  "the lower town", NULL, NULL);
    fake_claim_at(c, 1, "more than 90 people had died", 90, CC_Q_MORE_THAN, NULL, CC_CAT_KILLED, "people", "Valdena",
                  "since Monday", "Local officials");
    fake_claim_at(c, 1, "Some 3,000 people were forced from their homes", 3000, CC_Q_APPROX, NULL, CC_CAT_DISPLACED,
                  "people", NULL, NULL, NULL);
    fake_claim_at(c, 2, "41 people had died", 41, CC_Q_EXACT, NULL, CC_CAT_KILLED, "people", "Valdena", NULL, "Doctors");
    fake_claim_at(c, 2, "dozens were injured", 0, CC_Q_VAGUE, "dozens", CC_CAT_INJURED, NULL, "Valdena", NULL, "Doctors");
    fake_quote_at(c, 0, "Whole streets disappeared under the water in minutes,", "Marta Solis", "agency chief");
    fake_quote_at(c, 1, "Whole streets disappeared under water in a few minutes,", "Solis", NULL);
    fake_quote_at(c, 2, "We have no more beds,", "Anton Weiss", "head of the district hospital");
    static const struct { const char *name; cc_entity_type type; uint32_t mentions, articles; } ents[] = {
        { "Marta Solis", CC_ENT_PERSON, 2, 2 }, { "Anton Weiss", CC_ENT_PERSON, 1, 1 },
        { "Valdena", CC_ENT_PLACE, 4, 3 }, { "Ruva", CC_ENT_PLACE, 1, 1 },
    };
    for (size_t i = 0; i < sizeof ents / sizeof *ents; i++) {
        cc_entity e = { s_of(ents[i].name), (uint8_t)ents[i].type, ents[i].mentions, ents[i].articles };
        CC_VEC_PUSH(c->entities, e);
    }
    cc_crosscheck(c);
    cc_summary_sentence s = { 0 };
    const char *first = strstr(c->articles.v[0]->text, "At least 41");
    s.article = 0;
    s.span = (cc_span){ (uint32_t)(first - c->articles.v[0]->text), (uint32_t)(strstr(first, "said.") + 5 - c->articles.v[0]->text) };
    CC_VEC_PUSH(s.articles, 0);
    CC_VEC_PUSH(s.articles, 2);
    CC_VEC_PUSH(c->summary, s);
    return c;
}

#endif
