/* Figures about people: a counted amount becomes a claim when the people it counts ("990 civilians",
 * "scores of men, women and children") or the predicate of its clause ("were killed", "executed dozens",
 * "remain under siege") say what happened to them. The clause is searched right before the figure (the
 * verb it is the object of), then after it, then back to a noun such as "death toll". Hypotheticals and
 * negations are left out; a figure said twice in one article is one claim. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "claims_internal.h"
#include "lexicon.h"
#include "phrase.h"
#include "stages.h"
#include "words.h"

static const cc_lexset *predicates, *people_nouns, *modifiers, *stop_words, *things, *vague_counts;

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;

static void load_lexicons(void)
{
    people_nouns = cc_lexset_get("people_nouns");
    modifiers = cc_lexset_get("claim_modifiers");
    stop_words = cc_lexset_get("stop_words");
    things = cc_lexset_get("counted_things");
    vague_counts = cc_lexset_get("vague_figures");
    predicates = cc_lexset_get("casualty_predicates");
}

/* Once per process, whichever thread comes first. */
static void init(void)
{
    pthread_once(&lexicons_loaded, load_lexicons);
}

/* The least count an amount can mean: "hundreds of thousands" is at least 200,000. */
static double least_count(const cc_amount *m)
{
    if (!m->vague.len) {
        return m->is_range ? m->low : m->value;
    }
    const cc_lexentry *e = cc_lexset_find(vague_counts, m->vague.p, m->vague.len);
    return e ? strtod(e->value, NULL) : 0;
}

/* Whether a lexicon value carries a flag word after the category ("killed before", "killed noun"). */
static int has_flag(const cc_lexentry *e, const char *flag)
{
    size_t n = strlen(flag);
    return e->value_len > n && e->value[e->value_len - n - 1] == ' ' && !memcmp(e->value + e->value_len - n, flag, n);
}

/* The category a lexicon value names ("killed", "killed before"). */
static int category_named(const char *v, size_t len)
{
    const char *sp = memchr(v, ' ', len);
    if (sp) {
        len = (size_t)(sp - v);
    }
    static const char *const names[] = { "killed", "injured", "trapped", "displaced", "detained", "missing" };
    for (int k = 0; k < 6; k++) {
        if (strlen(names[k]) == len && memcmp(names[k], v, len) == 0) {
            return k;
        }
    }
    return -1;
}

typedef struct clause {
    const cc_article *a;
    size_t first, end;   /* sentence tokens */
    size_t t0, t1;       /* the figure, tokens inclusive */
    size_t next_amount;  /* first token of the next amount in the sentence, or end */
    size_t then_amount;  /* first token of the amount after that, or end */
} clause;

/* Inline, so that the length of each literal folds away. */
static inline int is_word(const clause *c, size_t i, const char *w)
{
    return i >= c->first && i < c->end && cc_tok_is(c->a, i, w);
}

/* ---- who ---- */

typedef struct who_info {
    cc_str who;
    int people;     /* a people noun was found */
    int things;     /* a noun that counts no people ("airstrikes", "neighbourhoods") */
    int unknown;    /* a noun of neither kind ("climbers"): people only if a casualty word says so */
    int category;   /* implied by the noun ("bodies" are dead), or -1 */
    int weak;       /* the noun's category yields to a casualty word ("prisoners were executed") */
    size_t end;     /* first token after the noun */
} who_info;

static who_info read_who(const clause *c, size_t j)
{
    who_info w = { .who = { 0, 0 }, .category = -1, .end = j };
    size_t n;
    if (is_word(c, j, "more") || is_word(c, j, "other") || is_word(c, j, "additional") || is_word(c, j, "further")) {
        j++;
    }
    if (is_word(c, j, "of")) {
        j++;
        if (is_word(c, j, "the") || is_word(c, j, "their") || is_word(c, j, "them") || is_word(c, j, "those")) {
            j++;
        }
    }
    size_t start = j;
    for (size_t k = j; k < c->end && k < j + 4; k++) {
        const cc_token *t = &c->a->tokens.v[k];
        if (t->kind != CC_TOK_WORD) {
            break;
        }
        const cc_lexentry *e = cc_claim_phrase_at(people_nouns, CC_W_FIGURE_START, c->a, k, c->end, 3, &n);
        if (e) {
            w.people = 1;
            size_t last = k + n - 1, m, list = last;
            /* "scores of men, women and children": a list of plain people nouns that ends with "and" */
            const cc_lexentry *e2;
            while (list + 2 < c->end && (is_word(c, list + 1, "and") || is_word(c, list + 1, "or") ||
                                         (c->a->tokens.v[list + 1].kind == CC_TOK_PUNCT &&
                                          c->a->text[c->a->tokens.v[list + 1].start] == ','))) {
                size_t q = list + 2;
                int closing = !is_word(c, list + 1, ",") && c->a->tokens.v[list + 1].kind == CC_TOK_WORD;
                if (is_word(c, q, "and") || is_word(c, q, "or")) {
                    q++, closing = 1;
                }
                if (q >= c->end || !(e2 = cc_claim_phrase_at(people_nouns, CC_W_FIGURE_START, c->a, q, c->end, 2, &m)) || e2->value_len) {
                    break;
                }
                list = q + m - 1;
                if (closing) {
                    last = list;
                    break;
                }
            }
            w.who = cc_str_of(c->a->text + c->a->tokens.v[start].start, c->a->tokens.v[last].end - c->a->tokens.v[start].start);
            w.category = e->value_len ? category_named(e->value, e->value_len) : -1;
            w.weak = e->value_len > 5 && !memcmp(e->value + e->value_len - 5, " weak", 5);
            w.end = last + 1;
            return w;
        }
        if (cc_claim_phrase_at(predicates, CC_W_PREDICATE_START, c->a, k, c->end, 3, &n) ||
            (!(t->flags & CC_TF_CAP) && cc_claim_phrase_at(stop_words, CC_W_STOP_START, c->a, k, c->end, 1, &n))) {
            break;
        }
        if (cc_phrase_at(things, c->a, k, c->end, 2, &n)) {
            w.things = 1;
            return w;
        }
        size_t len = t->end - t->start;
        if (len > 4 && !memcmp(c->a->text + t->end - 3, "ing", 3)) {
            break; /* a participle counts nobody: "put the toll at 58 saying…" */
        }
        w.unknown = 1;
        w.end = k + 1;
        w.who = cc_str_of(c->a->text + c->a->tokens.v[start].start, t->end - c->a->tokens.v[start].start);
        if (len > 3 && c->a->text[t->end - 1] == 's') {
            break; /* a plural ends the noun: "40 climbers" */
        }
    }
    if (w.unknown && (c->a->tokens.v[w.end - 1].flags & CC_TF_CAP)) {
        w.unknown = 0; /* a name after the figure ("kills hundreds Security Council meets") counts nothing */
        w.end = j;
    }
    if (!w.unknown) {
        w.who = cc_str_of("", 0);
    }
    return w;
}

/* ---- what happened ---- */

/* Hypotheticals ("could kill thousands", "if") and negations ("were not hurt", "none of") in the tokens
 * [from, to), skipping the figure itself, or an infinitive "to" right before the predicate at p. */
static int modified(const clause *c, size_t from, size_t to, size_t p)
{
    size_t n;
    if (p > c->first && p < c->end && is_word(c, p - 1, "to")) {
        return 1;
    }
    for (size_t k = from < c->first ? c->first : from; k < to && k < c->end; k++) {
        if (k >= c->t0 && k <= c->t1) {
            continue;
        }
        if (c->a->tokens.v[k].kind == CC_TOK_WORD && cc_phrase_at(modifiers, c->a, k, c->end, 2, &n)) {
            return 1;
        }
    }
    return 0;
}

typedef struct predicate {
    int category;
    size_t start, end; /* tokens, end exclusive */
} predicate;

static const cc_lexentry *predicate_at(const clause *c, size_t k, size_t *n)
{
    const cc_token *t = &c->a->tokens.v[k];
    if (t->kind != CC_TOK_WORD || !(t->classes & CC_W_PREDICATE_START)) {
        return NULL; /* a word without the bit starts no predicate: no call */
    }
    const cc_lexentry *e = cc_phrase_at(predicates, c->a, k, c->end, 3, n);
    return e && !has_flag(e, "noun") ? e : NULL;
}

/* The verb whose object the figure is: "executed dozens", "killing at least 82", "shot dead scores". */
static int predicate_before(const clause *c, predicate *p)
{
    size_t n, k = c->t0;
    if (k > c->first && (is_word(c, k - 1, "also") || is_word(c, k - 1, "reportedly"))) {
        k--;
    }
    const cc_lexentry *e = k > c->first ? cc_phrase_before(predicates, c->a, c->first, k, 3, &n) : NULL;
    if (!e || has_flag(e, "noun")) {
        return 0;
    }
    p->category = category_named(e->value, e->value_len);
    p->start = k - n;
    p->end = k;
    return p->category >= 0 && !(k - n > c->first && c->a->tokens.v[k - n - 1].kind == CC_TOK_NUMBER);
}

/* Only links between token from and the next figure ("and", a comma, "including", "among them"): "three
 * children and two women were among the dead", "15 civilians, among them 11 children, were killed" say of
 * both what they say after the second. */
static int listed_with_next(const clause *c, size_t from)
{
    if (c->next_amount >= c->end || c->next_amount == from) {
        return 0;
    }
    for (size_t k = from; k < c->next_amount; k++) {
        const cc_token *t = &c->a->tokens.v[k];
        if (!is_word(c, k, "and") && !is_word(c, k, "including") && !is_word(c, k, "among") &&
            !is_word(c, k, "them") && !is_word(c, k, "whom") && !is_word(c, k, "of") &&
            !(t->kind == CC_TOK_PUNCT && c->a->text[t->start] == ',')) {
            return 0;
        }
    }
    return 1;
}

/* Token k (a word after from) opens another clause or speaks of other people. The words begin with b, w, a
 * or t: a word with another first letter, most of them, is turned away before any comparison. */
static int ends_clause(const clause *c, size_t k, size_t from)
{
    const cc_token *t = &c->a->tokens.v[k];
    unsigned first = (unsigned char)c->a->text[t->start] | 0x20u;
    if (!(first == 'b' || first == 'w' || first == 'a' || first == 't')) {
        return 0;
    }
    int among = k > from && is_word(c, k - 1, "among"); /* "were among those killed" */
    return is_word(c, k, "but") || is_word(c, k, "while") || is_word(c, k, "whereas") || is_word(c, k, "although") ||
           (!among && (is_word(c, k, "those") || is_word(c, k, "them") || is_word(c, k, "these")));
}

/* "…were killed", "…remain under siege", "…fled": the first predicate after the people counted, before
 * the next figure (unless it is listed with this one) or the end of the clause. */
static int predicate_after(const clause *c, size_t from, predicate *p)
{
    size_t n;
    size_t limit = listed_with_next(c, from) ? c->then_amount : c->next_amount;
    for (size_t k = from; k < c->end && k < from + 14 && k < limit; k++) {
        const cc_token *t = &c->a->tokens.v[k];
        if (t->kind == CC_TOK_PUNCT && (c->a->text[t->start] == ';' || c->a->text[t->start] == ':')) {
            return 0;
        }
        if (ends_clause(c, k, from)) {
            return 0; /* another clause, or other people: "…arrived for evacuating those injured" */
        }
        const cc_lexentry *e = predicate_at(c, k, &n);
        if (e) {
            /* nouns and gerunds after a figure belong to another clause: "protested against the killing" */
            if (has_flag(e, "before")) {
                continue;
            }
            p->category = category_named(e->value, e->value_len);
            p->start = k;
            p->end = k + n;
            return p->category >= 0;
        }
    }
    return 0;
}

/* "The death toll from the attack rose to 82": a predicate back in the clause, with nothing but its
 * complement between it and the figure. */
static int predicate_back(const clause *c, predicate *p)
{
    size_t n;
    /* room for a long complement: "the death toll from last week's attack on the northern market town has risen to" */
    size_t stop = c->t0 > c->first + 16 ? c->t0 - 16 : c->first;
    for (size_t k = c->t0; k > stop; k--) {
        size_t i = k - 1;
        const cc_token *t = &c->a->tokens.v[i];
        if (t->kind == CC_TOK_NUMBER || is_word(c, i, "and") || is_word(c, i, "but") ||
            (t->kind == CC_TOK_PUNCT && (c->a->text[t->start] == ';' || c->a->text[t->start] == ':'))) {
            return 0;
        }
        const cc_lexentry *e = predicate_at(c, i, &n);
        if (e && (!strcmp(e->key, "death toll") || !strcmp(e->key, "toll") || !strcmp(e->key, "deaths") ||
                  !strcmp(e->key, "killed") || !strcmp(e->key, "dead") || !strcmp(e->key, "injured") ||
                  !strcmp(e->key, "wounded") || !strcmp(e->key, "displaced") || !strcmp(e->key, "missing") ||
                  !strcmp(e->key, "detained") || !strcmp(e->key, "arrested"))) {
            p->category = category_named(e->value, e->value_len);
            p->start = i;
            p->end = i + n;
            return p->category >= 0;
        }
    }
    return 0;
}

/* "burned nine children and four women", "killed 20 people, including five children": a figure joined to
 * the one before it takes that one's category. */
static int joined_to_previous(const clause *c, const cc_claim *prev, const cc_article *a)
{
    if (!prev || is_word(c, c->t0, "many") || is_word(c, c->t0, "some") || is_word(c, c->t0, "several") ||
        is_word(c, c->t0, "few") || is_word(c, c->t0, "most")) {
        return 0; /* "…were killed and many suffered breathing problems": a quantifier starts its own clause */
    }
    size_t k = cc_token_at(a, prev->span.end);
    if (k >= c->t0 || k < c->first) {
        return 0;
    }
    for (; k < c->t0; k++) {
        const cc_token *t = &a->tokens.v[k];
        int link = is_word(c, k, "and") || is_word(c, k, "including") || is_word(c, k, "among") ||
                   is_word(c, k, "them") || is_word(c, k, "whom") || is_word(c, k, "of") || is_word(c, k, "as") ||
                   is_word(c, k, "well") || (t->kind == CC_TOK_PUNCT && a->text[t->start] == ',');
        if (!link) {
            return 0;
        }
    }
    return 1;
}

/* ---- one claim ---- */

static int countable(const cc_amount *m)
{
    return m->kind.len == 5 && !memcmp(m->kind.p, "count", 5) && (m->has_value || m->vague.len) &&
           (!m->has_value || m->value > 0 || m->is_range);
}

static const cc_claim *previous_in_sentence(const cc_article *a, uint32_t s)
{
    if (!a->claims.n) {
        return NULL;
    }
    const cc_claim *p = &a->claims.v[a->claims.n - 1];
    return p->sentence == s ? p : NULL;
}

/* "…have been killed since November 15. The victims included around 70 civilians who…": a figure that
 * picks out some of the people the sentence before counted, in the same paragraph, shares its time. */
static void inherit_time(const cc_article *a, const clause *c, cc_claim *cl)
{
    if (!a->claims.n || cl->sentence == 0) {
        return;
    }
    const cc_claim *prev = &a->claims.v[a->claims.n - 1];
    const cc_sentence *s = &a->sentences.v[cl->sentence];
    if (prev->sentence + 1 != cl->sentence || prev->category != cl->category || !prev->when.len ||
        a->sentences.v[prev->sentence].para != s->para) {
        return;
    }
    for (size_t k = c->first; k < c->t0; k++) {
        if (is_word(c, k, "victims") || is_word(c, k, "dead") || is_word(c, k, "included") ||
            is_word(c, k, "including") || is_word(c, k, "among")) {
            cl->when = prev->when;
            cl->when_resolved = prev->when_resolved;
            return;
        }
    }
}

/* "…half of the country's pre-war population of about 23 million": a population, not the people the
 * verb counts. */
static int population_figure(const clause *c)
{
    size_t k = c->t0;
    while (k > c->first && k + 3 > c->t0 && c->a->tokens.v[k - 1].kind == CC_TOK_WORD && !is_word(c, k - 1, "of")) {
        k--; /* "about", "some", "an estimated" */
    }
    return k > c->first + 1 && is_word(c, k - 1, "of") && is_word(c, k - 2, "population");
}

/* "…were killed and more than twenty others suffered from suffocation": a verb of its own after the
 * people counted, which says something else happened to them. */
static int own_verb_after(const clause *c, size_t k)
{
    if (k >= c->end || c->a->tokens.v[k].kind != CC_TOK_WORD || (c->a->tokens.v[k].flags & CC_TF_CAP)) {
        return 0;
    }
    const cc_token *t = &c->a->tokens.v[k];
    size_t n = t->end - t->start;
    return n > 4 && !memcmp(c->a->text + t->end - 2, "ed", 2);
}

/* The claim countable amount mi makes, if its clause says what happened to the people it counts. */
static void read_claim(cc_article *a, size_t mi, cc_claim_memo *memo)
{
    const cc_amount *m = &a->amounts.v[mi];
    clause c;
    c.a = a;
    c.first = cc_sent_first(a, m->sentence);
    c.end = cc_sent_end(a, m->sentence);
    c.t0 = cc_token_at(a, m->span.start);
    c.t1 = cc_token_at(a, m->span.end - 1);
    c.next_amount = c.then_amount = c.end;
    if (mi + 1 < a->amounts.n && a->amounts.v[mi + 1].sentence == m->sentence) {
        c.next_amount = cc_token_at(a, a->amounts.v[mi + 1].span.start);
    }
    if (mi + 2 < a->amounts.n && a->amounts.v[mi + 2].sentence == m->sentence) {
        c.then_amount = cc_token_at(a, a->amounts.v[mi + 2].span.start);
    }
    if (c.t0 < c.first || c.t1 >= c.end) {
        return;
    }
    who_info w = read_who(&c, c.t1 + 1);
    if ((w.things && !w.people) || population_figure(&c)) {
        return; /* "2,000 airstrikes", "four different neighbourhoods", "a population of 23 million" */
    }
    predicate p = { -1, c.t0, c.t1 + 1 };
    const cc_claim *prev = previous_in_sentence(a, m->sentence);
    size_t back3 = c.t0 > c.first + 3 ? c.t0 - 3 : c.first;
    /* "killed 35 injured": a casualty noun right after the figure says more than a verb before it */
    int noun_first = w.category >= 0 && !w.weak && w.end == c.t1 + 2;
    int found = !noun_first && predicate_before(&c, &p);
    int bad = found && modified(&c, p.start > c.first + 3 ? p.start - 3 : c.first, p.start, p.start);
    predicate q;
    if (found && predicate_after(&c, w.end, &q) && q.start == w.end && q.category == CC_CAT_TRAPPED) {
        p = q; /* "held 30 passengers hostage" */
    }
    if (!found && w.category >= 0 && !w.weak) {
        p.category = w.category; /* "more than 90 bodies", "hundreds of dead and injured" */
        found = 1;
        bad = modified(&c, back3, c.t0, c.t0);
    }
    if (!found && (found = predicate_after(&c, w.end, &p))) {
        bad = modified(&c, back3, p.start, p.start);
    }
    if (!found && w.category >= 0) {
        p.category = w.category; /* "more than 90 bodies", "82 deaths" */
        found = 1;
        bad = modified(&c, back3, c.t0, c.t0);
    }
    if (!found && joined_to_previous(&c, prev, a) && !own_verb_after(&c, w.end)) {
        p.category = prev->category;
        found = 1;
    }
    if (!found && (found = predicate_back(&c, &p))) {
        bad = modified(&c, p.start > c.first + 2 ? p.start - 2 : c.first, c.t0, p.start);
    }
    if (!found || bad || p.category < 0) {
        return;
    }
    cc_claim cl;
    memset(&cl, 0, sizeof cl);
    cl.amount = (uint32_t)mi;
    cl.sentence = m->sentence;
    cl.category = (uint8_t)p.category;
    cl.group = -1;
    cl.who = w.who;
    if (!cl.who.len && joined_to_previous(&c, prev, a)) {
        cl.who = prev->who; /* "hundreds of thousands of people have been killed and millions more displaced" */
    }
    size_t s0 = p.start < c.t0 ? p.start : c.t0;
    size_t s1 = p.end > w.end ? p.end : w.end;
    if (s1 <= s0) {
        s1 = c.t1 + 1;
    }
    cl.span.start = a->tokens.v[s0].start;
    cl.span.end = a->tokens.v[s1 - 1].end;
    int in_quote = 0;
    cl.source = cc_claim_source(a, m->sentence, c.t0, &in_quote, memo);
    if (in_quote) {
        cl.flags |= CC_CF_IN_QUOTE;
    }
    /* a toll of this size is a country's, not a town's */
    int national = least_count(m) >= 1e5;
    cl.where = cc_claim_where(a, m->sentence, c.t0, s1 - 1, national, memo);
    cl.when = cc_claim_when(a, m->sentence, c.t0, s1 - 1, &cl.when_resolved, memo);
    if (!cl.when.len) {
        inherit_time(a, &c, &cl);
    }
    CC_VEC_PUSH(a->claims, cl);
}

/* ---- one claim per figure ---- */

static int generic_people(cc_str w)
{
    static const char *const generic[] = { "people", "persons", "others", "individuals", "civilians" };
    for (size_t k = 0; k < sizeof generic / sizeof *generic; k++) {
        if (w.len == strlen(generic[k]) && !strncasecmp(w.p, generic[k], w.len)) {
            return 1;
        }
    }
    return 0;
}

static int is_list(cc_str who)
{
    for (uint32_t i = 0; i < who.len; i++) {
        if (who.p[i] == ',' || (i + 5 <= who.len && !memcmp(who.p + i, " and ", 5))) {
            return 1;
        }
    }
    return 0;
}

/* "4 soldiers" and "4 women" are two figures; "10 people", "10 civilians" and "10 men, women and
 * children" may be one. */
static int different_people(const cc_claim *x, const cc_claim *y)
{
    cc_str p = cc_str_last_word(x->who), q = cc_str_last_word(y->who);
    return p.len && q.len && !generic_people(p) && !generic_people(q) && !is_list(x->who) && !is_list(y->who) &&
           !(p.len == q.len && !strncasecmp(p.p, q.p, p.len));
}

static int same_figure(const cc_article *a, const cc_claim *x, const cc_claim *y)
{
    const cc_amount *p = &a->amounts.v[x->amount], *q = &a->amounts.v[y->amount];
    if (x->category != y->category || different_people(x, y)) {
        return 0;
    }
    if (p->vague.len || q->vague.len) {
        return p->vague.len == q->vague.len && !memcmp(p->vague.p, q->vague.p, p->vague.len);
    }
    if (p->is_range != q->is_range) {
        return 0;
    }
    return p->is_range ? p->low == q->low && p->high == q->high : p->value == q->value;
}

/* The fullest statement of a repeated figure: in the body, attributed, qualified ("at least 10" over a
 * headline's "10"), saying who, with place and time. */
static int fullness(const cc_article *a, const cc_claim *x)
{
    const cc_sentence *s = &a->sentences.v[x->sentence];
    int heading = s->para < a->paragraphs.n && (a->paragraphs.v[s->para].flags & (CC_PF_TITLE | CC_PF_HEADING));
    int qualified = a->amounts.v[x->amount].qualifier != CC_Q_EXACT;
    return (heading ? 0 : 16) + (x->source.len ? 8 : 0) + (qualified ? 2 : 0) + (x->who.len ? 2 : 0) +
           (x->where.len ? 1 : 0) + (x->when.len ? 1 : 0);
}

static void merge_repeats(cc_article *a)
{
    size_t out = 0;
    for (size_t i = 0; i < a->claims.n; i++) {
        cc_claim *x = &a->claims.v[i];
        size_t k;
        for (k = 0; k < out && !same_figure(a, &a->claims.v[k], x); k++) {
        }
        if (k == out) {
            a->claims.v[out++] = *x;
        } else if (fullness(a, x) > fullness(a, &a->claims.v[k])) {
            a->claims.v[k] = *x;
        }
    }
    a->claims.n = out;
}

/* Does sentence s hold any casualty word or casualty noun? Most sentences with figures (prices, scores,
 * dates) hold none, and none of their figures can be a claim. Words that start no predicate are turned
 * away by their class bit before any lookup. */
static int casualty_sentence(const cc_article *a, uint32_t s)
{
    size_t n, end = cc_sent_end(a, s);
    const cc_token *t = a->tokens.v;
    for (size_t k = cc_sent_first(a, s); k < end; k++) {
        while (k + 3 < end &&
               !((t[k].classes | t[k + 1].classes | t[k + 2].classes | t[k + 3].classes) & CC_W_PREDICATE_START)) {
            k += 4; /* four tokens a step, by their bits alone */
        }
        if (k < end && (t[k].classes & CC_W_PREDICATE_START) && t[k].kind == CC_TOK_WORD &&
            cc_phrase_at(predicates, a, k, end, 3, &n)) {
            return 1;
        }
    }
    return 0;
}

void cc_extract_claims(cc_article *a)
{
    init();
    a->claims.n = 0;
    uint32_t checked = UINT32_MAX;
    int casualty = 0;
    cc_claim_memo memo;
    memset(&memo, 0, sizeof memo);
    for (size_t i = 0; i < a->amounts.n; i++) {
        uint32_t s = a->amounts.v[i].sentence;
        if (!countable(&a->amounts.v[i])) {
            continue; /* prices, shares, dates: no claim, so no need to search their sentence */
        }
        if (s != checked) {
            checked = s;
            casualty = casualty_sentence(a, s);
        }
        if (casualty) {
            read_claim(a, i, &memo);
        }
    }
    cc_claim_memo_free(&memo);
    merge_repeats(a);
}
