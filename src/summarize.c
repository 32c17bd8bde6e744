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
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "standalone.h"
#include "terms.h"
#include "vocab.h"

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
    uint32_t silent_concepts;        /* word pairs that cannot weigh (below), counted but not kept */
    uint32_t term_first, term_count; /* distinct content terms, sorted */
    uint8_t ok;                      /* may stand in a summary */
    uint8_t leans_back;              /* only right after the sentence before it */
    uint8_t quoted;
    uint8_t chosen;
    uint8_t parked;                  /* leans back, waiting for the sentence before it */
    double bound;                    /* its score when parked */
    double initial_gain;             /* before anything is chosen */
} unit;

/* Counted as the sentences are read; its weight is apart (summarizer.weight), read by every gain. */
typedef struct concept {
    uint32_t df;                     /* articles carrying it */
    uint32_t last_article;           /* index + 1 of the last article counted */
    uint32_t last_unit;              /* index + 1 of the last sentence counted */
} concept;

typedef struct summarizer {
    cc_cluster *cluster;
    cc_terms terms;
    CC_VEC(unit) units;
    CC_VEC(uint32_t) concept_ids;    /* each unit's concepts, a range per unit */
    CC_VEC(uint32_t) term_ids;       /* each unit's distinct content terms, a range per unit */
    CC_VEC(concept) concepts;
    cc_idmap bigrams;                /* term pair -> concept */
    /* per term, entries made as terms are met (meet_term) */
    CC_VEC(uint32_t) unigram;        /* its concept + 1, 0 for none yet */
    CC_VEC(uint32_t) stamp;          /* index + 1 of the unit that last marked it */
    CC_VEC(uint32_t) weight;         /* per concept: articles carrying it if it weighs, 0 once covered */
    CC_VEC(uint32_t) chosen;         /* units, in the order chosen */
    CC_VEC(double) lead_weight;      /* per article: how far its leads are trusted */
    /* which units hold each term (compressed rows), to find the sentences of the same content as a
     * chosen one without comparing every pair */
    CC_VEC(uint32_t) posting_first;  /* per term, and one past the last */
    CC_VEC(uint32_t) postings;
    CC_VEC(uint32_t) shared;         /* per unit: terms shared with the sentence being cited */
    CC_VEC(uint32_t) touched;        /* units whose count is not 0 */
    CC_VEC(uint8_t) cited;           /* per article */
    /* the term id << 1 | stop of every word of the cluster's sentences, in order, read before the
     * concepts so that a term's article count is known when its pairs are made */
    CC_VEC(uint32_t) word_terms;
    CC_VEC(uint32_t) words_end;      /* per sentence (unit): one past its last word in word_terms */
    CC_VEC(uint32_t) reader_words;   /* per sentence (unit): its words as a reader counts them */
    CC_VEC(uint32_t) term_df;        /* per term: articles carrying it */
    CC_VEC(uint32_t) term_article;   /* per term: index + 1 of the last article counted */
    CC_VEC(uint64_t) silent;         /* the sentence's pairs that cannot weigh */
    CC_VEC(struct candidate { double bound; uint32_t unit; }) heap; /* by bound, largest first */
} summarizer;

/* vec holds count zeroes. */
#define ZEROED(vec, count)                                                                         \
    do {                                                                                           \
        CC_VEC_RESERVE(vec, count);                                                                \
        if (count) {                                                                               \
            memset((vec).v, 0, (count) * sizeof *(vec).v);                                         \
        }                                                                                          \
        (vec).n = (count);                                                                         \
    } while (0)

static int is_wordlike(const cc_token *t)
{
    return t->kind == CC_TOK_WORD || t->kind == CC_TOK_NUMBER;
}

/* Words as a reader counts them: runs of tokens without space between, holding a letter or digit. A
 * sentence's count is taken token by token as its terms are read. */
typedef struct word_count {
    uint32_t words, prev_end;
    int counted;
} word_count;

static void count_word(word_count *c, const cc_token *t)
{
    if (t->start != c->prev_end) {
        c->counted = 0;
    }
    if (!c->counted && is_wordlike(t)) {
        c->words++;
        c->counted = 1;
    }
    c->prev_end = t->end;
}

static uint32_t new_concept(summarizer *z)
{
    concept fresh = { 0 };
    CC_VEC_PUSH(z->concepts, fresh);
    return (uint32_t)z->concepts.n - 1;
}

/* The sentence whose concepts are being counted, and its article, each as index + 1 (0 is "none" in a
 * concept's last_unit and last_article). */
typedef struct counting {
    uint32_t unit, article;
} counting;

static inline void count_concept(summarizer *z, counting k, uint32_t id)
{
    concept *c = &z->concepts.v[id];
    if (c->last_unit == k.unit) {
        return;
    }
    c->last_unit = k.unit;
    c->df += c->last_article != k.article;
    c->last_article = k.article;
    CC_VEC_PUSH(z->concept_ids, id);
}

static inline void add_unigram(summarizer *z, counting k, uint32_t term)
{
    if (!z->unigram.v[term]) {
        z->unigram.v[term] = new_concept(z) + 1;
    }
    count_concept(z, k, z->unigram.v[term] - 1);
    if (z->stamp.v[term] != k.unit) {
        z->stamp.v[term] = k.unit;
        CC_VEC_PUSH(z->term_ids, term);
    }
}

static inline void add_bigram(summarizer *z, counting k, uint32_t first, uint32_t second)
{
    int added;
    uint64_t key = (uint64_t)first << 32 | second;
    uint32_t id = cc_idmap_put(&z->bigrams, key, (uint32_t)z->concepts.n, &added);
    if (added) {
        new_concept(z);
    }
    count_concept(z, k, id);
}

/* A concept weighs the number of articles carrying it only from this many on. */
static uint32_t min_df(const summarizer *z)
{
    return z->cluster->articles.n >= 2 ? 2 : 1;
}

/* A term's per-term entries, zeroed when it is first met: ids are handed out in order. */
static void meet_term(summarizer *z, uint32_t id)
{
    if (id == z->term_df.n) {
        CC_VEC_PUSH(z->term_df, 0);
        CC_VEC_PUSH(z->term_article, 0);
        CC_VEC_PUSH(z->unigram, 0);
        CC_VEC_PUSH(z->stamp, 0);
    }
}

/* The term ids of every sentence's words and numbers, and each term's article count. */
static void read_terms(summarizer *z)
{
    z->word_terms.n = z->words_end.n = z->reader_words.n = 0;
    z->term_df.n = z->term_article.n = z->unigram.n = z->stamp.n = 0;
    for (uint32_t ai = 0; ai < z->cluster->articles.n; ai++) {
        const cc_article *a = z->cluster->articles.v[ai];
        for (uint32_t si = 0; si < a->sentences.n; si++) {
            const cc_sentence *s = &a->sentences.v[si];
            word_count count = { 0, UINT32_MAX, 0 };
            for (uint32_t k = s->tok_first; k < s->tok_first + s->tok_count; k++) {
                count_word(&count, &a->tokens.v[k]);
                if (is_wordlike(&a->tokens.v[k])) {
                    uint32_t term = cc_terms_id(&z->terms, a->tokens.v[k].term), id = term >> 1;
                    meet_term(z, id);
                    z->word_terms.v[z->word_terms.n++] = term;
                    if (z->term_article.v[id] != ai + 1) {
                        z->term_article.v[id] = ai + 1;
                        z->term_df.v[id]++;
                    }
                }
            }
            CC_VEC_PUSH(z->words_end, (uint32_t)z->word_terms.n);
            CC_VEC_PUSH(z->reader_words, count.words);
        }
    }
}

/* Distinct pairs among the sentence's silent ones. A 64-bit mask of the pairs seen says when a pair is
 * surely new; only a pair whose bit is taken is looked for among those before it. */
static uint32_t count_silent(summarizer *z)
{
    const uint64_t *v = z->silent.v;
    uint64_t seen = 0;
    uint32_t distinct = 0;
    for (size_t i = 0; i < z->silent.n; i++) {
        uint64_t bit = 1ULL << ((v[i] * 0x9e3779b97f4a7c15ULL) >> 58);
        int repeat = 0;
        if (seen & bit) {
            for (size_t j = 0; j < i && !repeat; j++) {
                repeat = v[j] == v[i];
            }
        }
        seen |= bit;
        distinct += !repeat;
    }
    return distinct;
}

/* Content words are concepts, and so are word pairs unless both are stop words. A pair carried by more
 * articles than either of its words cannot be, so a pair with a word below the weighing count would
 * weigh nothing: it is counted (an article's share of shared concepts counts it) but not looked up. */
static void add_terms(summarizer *z, uint32_t ui)
{
    uint32_t prev = UINT32_MAX, floor = min_df(z);
    int prev_stop = 1;
    counting k = { ui + 1, z->units.v[ui].article + 1 };
    z->silent.n = 0;
    for (uint32_t w = ui ? z->words_end.v[ui - 1] : 0; w < z->words_end.v[ui]; w++) {
        uint32_t term = z->word_terms.v[w];
        uint32_t id = term >> 1;
        int stop = term & 1;
        if (!stop) {
            add_unigram(z, k, id);
        }
        if (prev != UINT32_MAX && !(stop && prev_stop)) {
            if (z->term_df.v[prev] >= floor && z->term_df.v[id] >= floor) {
                add_bigram(z, k, prev, id);
            } else {
                CC_VEC_PUSH(z->silent, (uint64_t)prev << 32 | id);
            }
        }
        prev = id;
        prev_stop = stop;
    }
    z->units.v[ui].silent_concepts = count_silent(z);
}

static void add_sentence(summarizer *z, uint32_t ai, uint32_t si, uint32_t rank)
{
    const cc_article *a = z->cluster->articles.v[ai];
    const cc_sentence *s = &a->sentences.v[si];
    unit u = { .article = ai, .sentence = si, .rank = rank };
    u.words = z->reader_words.v[z->units.n];
    u.ok = u.words >= MIN_WORDS && u.words <= MAX_WORDS && !cc_sentence_is_fragment(a, s);
    u.leans_back = u.ok && cc_sentence_leans_back(a, s);
    u.quoted = cc_sentence_opens_quote(a, s);
    u.concept_first = (uint32_t)z->concept_ids.n;
    u.term_first = (uint32_t)z->term_ids.n;
    CC_VEC_PUSH(z->units, u);
    uint32_t ui = (uint32_t)z->units.n - 1;
    add_terms(z, ui);
    unit *w = &z->units.v[ui];
    w->concept_count = (uint32_t)z->concept_ids.n - w->concept_first;
    w->term_count = (uint32_t)z->term_ids.n - w->term_first;
}

static void weigh_concepts(summarizer *z)
{
    uint32_t floor = min_df(z);
    CC_VEC_RESERVE(z->weight, z->concepts.n);
    for (size_t i = 0; i < z->concepts.n; i++) {
        uint32_t df = z->concepts.v[i].df;
        z->weight.v[i] = df >= floor ? df : 0;
    }
    z->weight.n = z->concepts.n;
}

static void mark_terms(summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    for (uint32_t k = 0; k < u->term_count; k++) {
        z->stamp.v[z->term_ids.v[u->term_first + k]] = ui + 1;
    }
}

/* Cosine of two sentences' distinct content terms; the first must be the unit last marked. */
static double similarity(const summarizer *z, uint32_t marked, const unit *v)
{
    const unit *u = &z->units.v[marked];
    /* the cosine is at most sqrt(shorter / longer): no count needed when that is below the bar */
    if (4 * u->term_count < v->term_count || 4 * v->term_count < u->term_count || !v->term_count) {
        return 0;
    }
    uint32_t shared = 0;
    for (uint32_t k = 0; k < v->term_count; k++) {
        shared += z->stamp.v[z->term_ids.v[v->term_first + k]] == marked + 1;
    }
    return shared / sqrt((double)u->term_count * v->term_count);
}

static int repeats_chosen(summarizer *z, uint32_t ui)
{
    mark_terms(z, ui);
    for (size_t i = 0; i < z->chosen.n; i++) {
        if (similarity(z, ui, &z->units.v[z->chosen.v[i]]) >= SAME_CONTENT) {
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
        g += z->weight.v[id];
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
static double gain_per_word(summarizer *z)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < z->units.n; i++) {
        unit *u = &z->units.v[i];
        if (u->ok) {
            u->initial_gain = gain(z, u);
            sum += u->initial_gain / u->words;
            n++;
        }
    }
    return sum > 0 ? sum / (double)n : 1;
}

/* A lead is worth as much as its article is about the cluster's story: the square root of the share of
 * its concepts that other articles carry too, against the best article's. A page that shares nothing
 * (an archive notice, an unrelated page) gets no lead prior at all. */
static void weigh_articles(summarizer *z)
{
    size_t n = z->cluster->articles.n;
    z->lead_weight.n = 0;
    CC_VEC_RESERVE(z->lead_weight, 2 * n + 1);
    double *shared = z->lead_weight.v, *total = z->lead_weight.v + n, best = 0;
    memset(z->lead_weight.v, 0, 2 * n * sizeof *shared);
    for (size_t i = 0; i < z->units.n; i++) {
        const unit *u = &z->units.v[i];
        for (uint32_t k = 0; k < u->concept_count; k++) {
            shared[u->article] += z->weight.v[z->concept_ids.v[u->concept_first + k]] > 0;
        }
        total[u->article] += u->concept_count + u->silent_concepts;
    }
    for (size_t a = 0; a < n; a++) {
        shared[a] = total[a] > 0 ? shared[a] / total[a] : 0;
        best = shared[a] > best ? shared[a] : best;
    }
    for (size_t a = 0; a < n; a++) {
        shared[a] = best > 0 ? sqrt(shared[a] / best) : 1;
    }
}

static double score_of(const summarizer *z, const unit *u, double gain, double scale)
{
    double prior = scale * u->words / (u->rank + 1.0) * z->lead_weight.v[u->article];
    return (gain + prior) / u->words * (u->quoted ? QUOTE_BONUS : 1);
}

static double score(const summarizer *z, const unit *u, double scale)
{
    return score_of(z, u, gain(z, u), scale);
}

typedef struct candidate candidate;

static void heap_push(summarizer *z, candidate c)
{
    CC_VEC_PUSH(z->heap, c);
    candidate *h = z->heap.v;
    for (size_t i = z->heap.n - 1; i > 0 && h[(i - 1) / 2].bound < h[i].bound; i = (i - 1) / 2) {
        candidate t = h[i];
        h[i] = h[(i - 1) / 2];
        h[(i - 1) / 2] = t;
    }
}

static candidate heap_pop(summarizer *z)
{
    candidate *h = z->heap.v;
    candidate top = h[0];
    size_t n = --z->heap.n;
    h[0] = h[n];
    for (size_t i = 0;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        m = l < n && h[l].bound > h[m].bound ? l : m;
        m = r < n && h[r].bound > h[m].bound ? r : m;
        if (m == i) {
            return top;
        }
        candidate t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static void choose(summarizer *z, uint32_t ui)
{
    const unit *u = &z->units.v[ui];
    z->units.v[ui].chosen = 1;
    CC_VEC_PUSH(z->chosen, ui);
    for (uint32_t k = 0; k < u->concept_count; k++) {
        z->weight.v[z->concept_ids.v[u->concept_first + k]] = 0; /* covered */
    }
}

/* Lazy greedy (Minoux): covering concepts only lowers other sentences' scores, so a stale score is an
 * upper bound, and a candidate whose fresh score still tops the heap is the greedy choice. A sentence
 * that leans back waits, parked, until the one before it is chosen. */
static void select_units(summarizer *z, int budget)
{
    double scale = gain_per_word(z);
    for (uint32_t i = 0; i < z->units.n; i++) {
        if (z->units.v[i].ok) {
            const unit *u = &z->units.v[i];
            heap_push(z, (candidate){ score_of(z, u, u->initial_gain, scale), i });
        }
    }
    int left = budget;
    while (z->heap.n) {
        candidate c = heap_pop(z);
        unit *u = &z->units.v[c.unit];
        if ((int)u->words > left) {
            continue;
        }
        if (!placeable(z, c.unit)) {
            u->parked = 1;
            u->bound = c.bound;
            continue;
        }
        double fresh = score(z, u, scale);
        if (fresh <= 0 || repeats_chosen(z, c.unit)) {
            continue;
        }
        if (z->heap.n && fresh < z->heap.v[0].bound) {
            heap_push(z, (candidate){ fresh, c.unit });
            continue;
        }
        choose(z, c.unit);
        left -= (int)u->words;
        unit *next = c.unit + 1 < z->units.n ? &z->units.v[c.unit + 1] : NULL;
        if (next && next->parked && next->article == u->article) {
            next->parked = 0;
            heap_push(z, (candidate){ next->bound, c.unit + 1 });
        }
    }
}

static void index_terms(summarizer *z)
{
    uint32_t terms = cc_terms_count(&z->terms);
    ZEROED(z->posting_first, terms + 1);
    uint32_t *first = z->posting_first.v;
    for (size_t i = 0; i < z->term_ids.n; i++) {
        first[z->term_ids.v[i]]++;
    }
    uint32_t sum = 0;
    for (uint32_t t = 0; t <= terms; t++) { /* ends first, moved back to starts as the rows fill */
        sum += first[t];
        first[t] = sum;
    }
    z->postings.n = 0;
    CC_VEC_RESERVE(z->postings, z->term_ids.n + 1);
    for (size_t i = z->units.n; i-- > 0;) {
        const unit *u = &z->units.v[i];
        for (uint32_t k = 0; k < u->term_count; k++) {
            z->postings.v[--first[z->term_ids.v[u->term_first + k]]] = (uint32_t)i;
        }
    }
    ZEROED(z->shared, z->units.n);
    ZEROED(z->cited, z->cluster->articles.n);
}

/* Every article that has a sentence of the same content, the cited one first, then in article order. */
static void cite(summarizer *z, uint32_t ui, cc_summary_sentence *out)
{
    const unit *u = &z->units.v[ui];
    CC_VEC_PUSH(out->articles, u->article);
    z->touched.n = 0;
    for (uint32_t k = 0; k < u->term_count; k++) {
        uint32_t t = z->term_ids.v[u->term_first + k];
        for (uint32_t p = z->posting_first.v[t]; p < z->posting_first.v[t + 1]; p++) {
            uint32_t vi = z->postings.v[p];
            if (z->units.v[vi].article != u->article && z->shared.v[vi]++ == 0) {
                CC_VEC_PUSH(z->touched, vi);
            }
        }
    }
    for (size_t i = 0; i < z->touched.n; i++) {
        const unit *v = &z->units.v[z->touched.v[i]];
        double cosine = z->shared.v[z->touched.v[i]] / sqrt((double)u->term_count * v->term_count);
        z->cited.v[v->article] |= cosine >= SAME_CONTENT;
        z->shared.v[z->touched.v[i]] = 0;
    }
    for (uint32_t a = 0; a < z->cluster->articles.n; a++) {
        if (z->cited.v[a]) {
            CC_VEC_PUSH(out->articles, a);
            z->cited.v[a] = 0;
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

/* Scratch kept per thread between clusters, so a stream of clusters reuses memory instead of faulting in
 * fresh pages for each; what a much larger cluster grew is given back. */
static _Thread_local summarizer scratch;

static void summarizer_release(summarizer *z)
{
    CC_VEC_FREE(z->units);
    CC_VEC_FREE(z->concept_ids);
    CC_VEC_FREE(z->term_ids);
    CC_VEC_FREE(z->concepts);
    cc_idmap_free(&z->bigrams);
    CC_VEC_FREE(z->unigram);
    CC_VEC_FREE(z->stamp);
    CC_VEC_FREE(z->weight);
    CC_VEC_FREE(z->chosen);
    CC_VEC_FREE(z->heap);
    CC_VEC_FREE(z->lead_weight);
    CC_VEC_FREE(z->posting_first);
    CC_VEC_FREE(z->postings);
    CC_VEC_FREE(z->shared);
    CC_VEC_FREE(z->touched);
    CC_VEC_FREE(z->cited);
    CC_VEC_FREE(z->word_terms);
    CC_VEC_FREE(z->words_end);
    CC_VEC_FREE(z->reader_words);
    cc_terms_free(&z->terms);
    CC_VEC_FREE(z->term_df);
    CC_VEC_FREE(z->term_article);
    CC_VEC_FREE(z->silent);
}

/* A thread's scratch is freed when the thread ends (a thread pool would otherwise leak it per thread). */
static pthread_key_t scratch_key;
static pthread_once_t scratch_key_made = PTHREAD_ONCE_INIT;

static void release_scratch(void *z)
{
    summarizer_release(z);
}

static void make_scratch_key(void)
{
    if (pthread_key_create(&scratch_key, release_scratch) != 0) {
        abort();
    }
}

/* Every buffer sized from the cluster's token count up front: no growth on the way. */
static summarizer *summarizer_start(cc_cluster *cluster)
{
    size_t tokens = 1, sentences = 1;
    for (size_t i = 0; i < cluster->articles.n; i++) {
        tokens += cluster->articles.v[i]->tokens.n;
        sentences += cluster->articles.v[i]->sentences.n;
    }
    summarizer *z = &scratch;
    pthread_once(&scratch_key_made, make_scratch_key);
    pthread_setspecific(scratch_key, z);
    if (z->bigrams.cap > 8 * tokens) {
        summarizer_release(z);
    }
    z->cluster = cluster;
    cc_vocab_unify(cluster->articles.v, cluster->articles.n);
    cc_terms_begin(&z->terms);
    z->units.n = z->concept_ids.n = z->term_ids.n = z->concepts.n = z->chosen.n = z->heap.n = 0;
    CC_VEC_RESERVE(z->units, sentences);
    CC_VEC_RESERVE(z->concept_ids, 2 * tokens);
    CC_VEC_RESERVE(z->term_ids, tokens);
    CC_VEC_RESERVE(z->concepts, 2 * tokens);
    cc_idmap_clear(&z->bigrams);
    cc_idmap_reserve(&z->bigrams, tokens / 8); /* pairs of words that weigh: a few of the words */
    CC_VEC_RESERVE(z->word_terms, tokens);
    read_terms(z);
    return z;
}

void cc_summarize(cc_cluster *cluster, int words)
{
    summarizer *z = summarizer_start(cluster);
    for (uint32_t ai = 0; ai < cluster->articles.n; ai++) {
        const cc_article *a = cluster->articles.v[ai];
        uint32_t rank = 0;
        for (uint32_t si = 0; si < a->sentences.n; si++) {
            add_sentence(z, ai, si, rank);
            rank += !(a->paragraphs.v[a->sentences.v[si].para].flags & (CC_PF_TITLE | CC_PF_HEADING));
        }
    }
    weigh_concepts(z);
    weigh_articles(z);
    select_units(z, words);
    order(z, z->chosen.v, z->chosen.n);
    index_terms(z);
    for (size_t i = 0; i < z->chosen.n; i++) {
        const unit *u = &z->units.v[z->chosen.v[i]];
        const cc_sentence *s = &cluster->articles.v[u->article]->sentences.v[u->sentence];
        cc_summary_sentence out = { .article = u->article, .sentence = u->sentence };
        out.span = (cc_span){ cc_sentence_text_start(cluster->articles.v[u->article], s), s->end };
        cite(z, z->chosen.v[i], &out);
        CC_VEC_PUSH(cluster->summary, out);
    }
}
