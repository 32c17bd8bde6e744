/* The cited extractive summary: concept coverage maximisation (Gillick & Favre 2009) solved with the
 * cost-scaled greedy step of Lin & Bilmes (2010), plus a lead-position prior, since news puts its story
 * in its first sentences.
 *
 * Concepts are stemmed content words and word bigrams (not two stop words); a concept weighs the number
 * of articles that carry it, and one carried by a single article of several weighs nothing, so what
 * several outlets report outweighs what one does. A sentence whose concepts are already covered gains
 * nothing, and one too close to a chosen sentence is skipped: the same fact from two outlets is said
 * once. Sentences that cannot stand alone (headings, captions, fragments) are never picked; those that
 * lean on the sentence before them ("He said…") only right after it. Each chosen sentence cites every
 * article that has a sentence of the same content.
 *
 * Measured with tools/rouge-multinews.sh on Multi-News (README: Summary). Constants were set on the
 * validation clusters; quoted figures are on the test clusters. */
#include <math.h>
#include <stdlib.h>

#include "stages.h"
#include "standalone.h"
#include "terms.h"

enum {
    MIN_WORDS = 8,   /* shorter sentences are mostly datelines, credits and fragments */
    MAX_WORDS = 60   /* longer ones are run-on lists or sentences the segmenter could not split */
};
/* Cosine of two sentences' content terms from which they say the same thing: a second one is not
 * chosen, and its article is cited. */
static const double SAME_CONTENT = 0.5;
/* A sentence opening on a quotation is worth this much more: quotes are the attributed, verbatim part
 * of a story that summaries keep (on Multi-News validation, R2 +0.5). */
static const double QUOTE_BONUS = 2.0;

/* A sentence as summary material. */
typedef struct unit {
    uint32_t article, sentence;
    uint32_t words;                  /* white-space separated words holding a letter or digit */
    uint32_t rank;                   /* position among the article's body sentences, 0 = lead */
    uint32_t concept_first, concept_count;
    uint32_t term_first, term_count; /* distinct content terms, sorted */
    uint8_t ok;                      /* may stand in a summary */
    uint8_t leans_back;              /* only right after the sentence before it */
    uint8_t quoted;
    uint8_t chosen;
} unit;

typedef struct concept {
    double weight;
    uint32_t df;                     /* articles carrying it */
    uint32_t last_article;           /* index + 1 of the last article counted */
    uint32_t last_unit;              /* index + 1 of the last sentence counted */
} concept;

typedef struct summarizer {
    cc_cluster *cluster;
    cc_terms *terms;
    CC_VEC(unit) units;
    CC_VEC(uint32_t) concept_ids;    /* each unit's concepts, a range per unit */
    CC_VEC(uint32_t) term_ids;       /* each unit's content terms, a range per unit */
    CC_VEC(concept) concepts;
    cc_idmap concept_map;            /* concept key -> index */
    uint8_t *covered;                /* per concept: in a chosen sentence */
    uint32_t *stamp;                 /* per term: index + 1 of the unit last marked */
} summarizer;

static int is_wordlike(const cc_token *t)
{
    return t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER;
}

/* Words as a reader counts them: runs of tokens without space between, holding a letter or digit. */
static uint32_t count_words(const cc_article *a, const cc_sentence *s)
{
    uint32_t words = 0, prev_end = UINT32_MAX;
    int counted = 0;
    for (uint32_t k = 0; k < s->tok_count; k++) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (t->start != prev_end) {
            counted = 0;
        }
        if (!counted && is_wordlike(t)) {
            words++;
            counted = 1;
        }
        prev_end = t->end;
    }
    return words;
}

static void add_concept(summarizer *z, uint32_t ui, uint64_t key)
{
    int added;
    uint32_t id = cc_idmap_put(&z->concept_map, key, (uint32_t)z->concepts.n, &added);
    if (added) {
        concept fresh = { 0 };
        CC_VEC_PUSH(z->concepts, fresh);
    }
    concept *c = &z->concepts.v[id];
    uint32_t article = z->units.v[ui].article;
    if (c->last_unit == ui + 1) {
        return;
    }
    c->last_unit = ui + 1;
    if (c->last_article != article + 1) {
        c->last_article = article + 1;
        c->df++;
    }
    CC_VEC_PUSH(z->concept_ids, id);
}

/* Unigram keys are term + 1; bigram keys carry the first term in the high half, so never collide. */
static void add_terms(summarizer *z, uint32_t ui, const cc_article *a, const cc_sentence *s)
{
    uint32_t prev = UINT32_MAX;
    int prev_stop = 1;
    for (uint32_t k = 0; k < s->tok_count; k++) {
        const cc_token *t = &a->tokens.v[s->tok_first + k];
        if (!is_wordlike(t)) {
            continue;
        }
        int stop;
        uint32_t id = cc_terms_id(z->terms, a->text + t->start, t->end - t->start, &stop);
        if (!stop) {
            add_concept(z, ui, (uint64_t)id + 1);
            CC_VEC_PUSH(z->term_ids, id);
        }
        if (prev != UINT32_MAX && !(stop && prev_stop)) {
            add_concept(z, ui, ((uint64_t)prev + 1) << 32 | ((uint64_t)id + 1));
        }
        prev = id;
        prev_stop = stop;
    }
}

static void add_sentence(summarizer *z, uint32_t ai, uint32_t si, uint32_t rank)
{
    const cc_article *a = z->cluster->articles.v[ai];
    const cc_sentence *s = &a->sentences.v[si];
    unit u = { .article = ai, .sentence = si, .rank = rank };
    u.words = count_words(a, s);
    u.ok = u.words >= MIN_WORDS && u.words <= MAX_WORDS && !cc_sentence_is_fragment(a, s);
    u.leans_back = cc_sentence_leans_back(a, s);
    u.quoted = cc_sentence_opens_quote(a, s);
    u.concept_first = (uint32_t)z->concept_ids.n;
    u.term_first = (uint32_t)z->term_ids.n;
    CC_VEC_PUSH(z->units, u);
    uint32_t ui = (uint32_t)z->units.n - 1;
    add_terms(z, ui, a, s);
    unit *w = &z->units.v[ui];
    w->concept_count = (uint32_t)z->concept_ids.n - w->concept_first;
    w->term_count = (uint32_t)z->term_ids.n - w->term_first;
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

static void dedupe_terms(summarizer *z)
{
    for (size_t i = 0; i < z->units.n; i++) {
        unit *u = &z->units.v[i];
        uint32_t *t = z->term_ids.v + u->term_first;
        qsort(t, u->term_count, sizeof *t, compare_u32);
        uint32_t n = 0;
        for (uint32_t k = 0; k < u->term_count; k++) {
            if (!n || t[n - 1] != t[k]) {
                t[n++] = t[k];
            }
        }
        u->term_count = n;
    }
}

static void weigh_concepts(summarizer *z)
{
    uint32_t min_df = z->cluster->articles.n >= 2 ? 2 : 1;
    for (size_t i = 0; i < z->concepts.n; i++) {
        concept *c = &z->concepts.v[i];
        c->weight = c->df >= min_df ? c->df : 0;
    }
}

static void mark_terms(summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    for (uint32_t k = 0; k < u->term_count; k++) {
        z->stamp[z->term_ids.v[u->term_first + k]] = ui + 1;
    }
}

/* Cosine of two sentences' distinct content terms; the first must be the unit last marked. */
static double similarity(const summarizer *z, uint32_t marked, const unit *v)
{
    const unit *u = &z->units.v[marked];
    if (!u->term_count || !v->term_count) {
        return 0;
    }
    uint32_t shared = 0;
    for (uint32_t k = 0; k < v->term_count; k++) {
        shared += z->stamp[z->term_ids.v[v->term_first + k]] == marked + 1;
    }
    return shared / sqrt((double)u->term_count * v->term_count);
}

static int repeats_chosen(summarizer *z, uint32_t ui, const uint32_t *chosen, size_t n)
{
    mark_terms(z, ui);
    for (size_t i = 0; i < n; i++) {
        if (similarity(z, ui, &z->units.v[chosen[i]]) >= SAME_CONTENT) {
            return 1;
        }
    }
    return 0;
}

static double gain(const summarizer *z, const unit *u)
{
    double g = 0;
    for (uint32_t k = 0; k < u->concept_count; k++) {
        uint32_t id = z->concept_ids.v[u->concept_first + k];
        g += z->covered[id] ? 0 : z->concepts.v[id].weight;
    }
    return g;
}

static int placeable(const summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    if (!u->ok) {
        return 0;
    }
    return !u->leans_back || (ui > 0 && z->units.v[ui - 1].article == u->article && z->units.v[ui - 1].chosen);
}

/* The position prior is in the units of the gain (its mean per word over the candidates), so neither
 * swamps the other whatever the cluster's size. */
static double gain_per_word(const summarizer *z)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < z->units.n; i++) {
        const unit *u = &z->units.v[i];
        if (u->ok) {
            sum += gain(z, u) / u->words;
            n++;
        }
    }
    return sum > 0 ? sum / (double)n : 1;
}

static double score(const summarizer *z, const unit *u, double scale)
{
    double prior = scale * u->words / (u->rank + 1.0);
    return (gain(z, u) + prior) / u->words * (u->quoted ? QUOTE_BONUS : 1);
}

static size_t select_units(summarizer *z, int budget, uint32_t *chosen)
{
    size_t n = 0;
    int left = budget;
    double scale = gain_per_word(z);
    for (;;) {
        double best = 0;
        uint32_t pick = UINT32_MAX;
        for (uint32_t i = 0; i < z->units.n; i++) {
            const unit *u = &z->units.v[i];
            if (u->chosen || (int)u->words > left || !placeable(z, i)) {
                continue;
            }
            double s = score(z, u, scale);
            if (s > best && !repeats_chosen(z, i, chosen, n)) {
                best = s;
                pick = i;
            }
        }
        if (pick == UINT32_MAX) {
            return n;
        }
        unit *u = &z->units.v[pick];
        u->chosen = 1;
        chosen[n++] = pick;
        left -= (int)u->words;
        for (uint32_t k = 0; k < u->concept_count; k++) {
            z->covered[z->concept_ids.v[u->concept_first + k]] = 1;
        }
    }
}

/* Every article that has a sentence of the same content, the cited one first. */
static void cite(summarizer *z, uint32_t ui, cc_summary_sentence *out)
{
    const unit *u = &z->units.v[ui];
    CC_VEC_PUSH(out->articles, u->article);
    mark_terms(z, ui);
    uint32_t last = u->article;
    for (size_t i = 0; i < z->units.n; i++) {
        const unit *v = &z->units.v[i];
        if (v->article != u->article && v->article != last && similarity(z, ui, v) >= SAME_CONTENT) {
            CC_VEC_PUSH(out->articles, v->article);
            last = v->article;
        }
    }
}

/* Reading order: each article's sentences together and in its order; articles by their earliest
 * chosen sentence, so the summary opens on a lead. */
typedef struct order_key {
    uint32_t first_rank, article, sentence, unit;
} order_key;

static int compare_order(const void *x, const void *y)
{
    const order_key *a = x, *b = y;
    if (a->first_rank != b->first_rank) {
        return a->first_rank < b->first_rank ? -1 : 1;
    }
    if (a->article != b->article) {
        return a->article < b->article ? -1 : 1;
    }
    return (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

static void order(const summarizer *z, uint32_t *chosen, size_t n)
{
    order_key *keys = malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const unit *u = &z->units.v[chosen[i]];
        uint32_t first = u->rank;
        for (size_t k = 0; k < n; k++) {
            const unit *v = &z->units.v[chosen[k]];
            first = v->article == u->article && v->rank < first ? v->rank : first;
        }
        keys[i] = (order_key){ first, u->article, u->sentence, chosen[i] };
    }
    qsort(keys, n, sizeof *keys, compare_order);
    for (size_t i = 0; i < n; i++) {
        chosen[i] = keys[i].unit;
    }
    free(keys);
}

static void summarizer_free(summarizer *z)
{
    cc_terms_free(z->terms);
    CC_VEC_FREE(z->units);
    CC_VEC_FREE(z->concept_ids);
    CC_VEC_FREE(z->term_ids);
    CC_VEC_FREE(z->concepts);
    cc_idmap_free(&z->concept_map);
    free(z->covered);
    free(z->stamp);
}

void cc_summarize(cc_cluster *cluster, int words)
{
    summarizer z = { .cluster = cluster, .terms = cc_terms_new() };
    for (uint32_t ai = 0; ai < cluster->articles.n; ai++) {
        const cc_article *a = cluster->articles.v[ai];
        uint32_t rank = 0;
        for (uint32_t si = 0; si < a->sentences.n; si++) {
            add_sentence(&z, ai, si, rank);
            rank += !(a->paragraphs.v[a->sentences.v[si].para].flags & (CC_PF_TITLE | CC_PF_HEADING));
        }
    }
    dedupe_terms(&z);
    weigh_concepts(&z);
    z.covered = calloc(z.concepts.n + 1, 1);
    z.stamp = calloc(cc_terms_count(z.terms) + 1, sizeof *z.stamp);
    uint32_t *chosen = malloc((z.units.n + 1) * sizeof *chosen);
    if (!z.covered || !z.stamp || !chosen) {
        abort();
    }
    size_t n = select_units(&z, words, chosen);
    order(&z, chosen, n);
    for (size_t i = 0; i < n; i++) {
        const unit *u = &z.units.v[chosen[i]];
        const cc_sentence *s = &cluster->articles.v[u->article]->sentences.v[u->sentence];
        cc_summary_sentence out = { .article = u->article, .sentence = u->sentence, .span = { s->start, s->end } };
        cite(&z, chosen[i], &out);
        CC_VEC_PUSH(cluster->summary, out);
    }
    free(chosen);
    summarizer_free(&z);
}
