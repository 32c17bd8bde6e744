/* On whose word an article gives a figure. In order: "according to X"; a reporting verb and its subject
 * ("The UN human rights office said that…", "…, local sources report."); a noun that carries an account
 * ("following reports that…"); the speaker of the quotation holding the figure; the reporting frame of
 * the paragraph ("X said… The victims included…"). Pronoun subjects are the last source named before. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "claims_internal.h"
#include "lexicon.h"
#include "numbers.h"
#include "phrase.h"
#include "words.h"

static const cc_lexset *reporting, *attributing, *source_nouns, *stop_words, *predicates, *source_words, *titles,
    *org_words, *vague_amounts;

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;

static void load_lexicons(void)
{
    attributing = cc_lexset_get("attribution_verbs");
    source_nouns = cc_lexset_get("source_nouns");
    stop_words = cc_lexset_get("stop_words");
    predicates = cc_lexset_get("casualty_predicates");
    source_words = cc_lexset_get("source_words");
    titles = cc_lexset_get("person_titles");
    org_words = cc_lexset_get("org_words");
    vague_amounts = cc_lexset_get("vague_amounts");
    reporting = cc_lexset_get("reporting_verbs");
}

/* Once per process, whichever thread comes first. */
static void init(void)
{
    pthread_once(&lexicons_loaded, load_lexicons);
}

static int punct(const cc_article *a, size_t i, char ch)
{
    return tok(a, i)->kind == CC_TOK_PUNCT && a->text[tok(a, i)->start] == ch;
}

static int is_double_quote(const cc_article *a, size_t i)
{
    const cc_token *t = tok(a, i);
    if (t->kind != CC_TOK_QUOTE) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)a->text + t->start;
    return p[0] == '"' || (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D)) ||
           (p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB));
}

static int heading(const cc_article *a, uint32_t s)
{
    uint32_t p = a->sentences.v[s].para;
    return p < a->paragraphs.n && (a->paragraphs.v[p].flags & (CC_PF_TITLE | CC_PF_HEADING));
}

/* "The monitor put the death toll at 58": "put" gives a figure only with a toll or number after it. */
static int puts_toll_at(const cc_article *a, uint32_t s, size_t i)
{
    if (!cc_tok_is(a, i, "put") && !cc_tok_is(a, i, "puts") && !cc_tok_is(a, i, "putting")) {
        return 0;
    }
    size_t end = cc_sent_end(a, s);
    for (size_t k = i + 1; k < end && k < i + 5; k++) {
        if (cc_tok_is(a, k, "toll") || cc_tok_is(a, k, "number") || cc_tok_is(a, k, "figure")) {
            return 1;
        }
    }
    return 0;
}

/* A reporting verb at token i, as a verb: lower case in body text, not "an estimated". */
static int verb_at(const cc_article *a, uint32_t s, size_t i)
{
    const cc_token *t = tok(a, i);
    if (t->kind != CC_TOK_WORD || ((t->flags & CC_TF_CAP) && !heading(a, s))) {
        return 0;
    }
    if (!cc_tok_has(a, (uint32_t)i, CC_W_VERB | CC_W_ATTRIBUTING) && !puts_toll_at(a, s, i)) {
        return 0;
    }
    size_t first = cc_sent_first(a, s), m;
    if (i > first && (cc_tok_is(a, i - 1, "an") || cc_tok_is(a, i - 1, "a") || cc_tok_is(a, i - 1, "the") ||
                      cc_tok_is(a, i - 1, "was") || cc_tok_is(a, i - 1, "were") || cc_tok_is(a, i - 1, "been") ||
                      cc_tok_is(a, i - 1, "be") || cc_tok_is(a, i - 1, "is") || cc_tok_is(a, i - 1, "are") ||
                      cc_tok_is(a, i - 1, "its") || cc_tok_is(a, i - 1, "their") || cc_tok_is(a, i - 1, "his") ||
                      cc_tok_is(a, i - 1, "her"))) {
        return 0; /* "an estimated", "were reported", "its declared stockpile" */
    }
    return !(i + 1 < cc_sent_end(a, s) && cc_claim_phrase_at(predicates, CC_W_PREDICATE_START, a, i + 1, cc_sent_end(a, s), 2, &m)); /* "reported dead" */
}

/* The words the source scans stop at: reporting and attributing verbs, and the cues of CC_W_SOURCE_CUE
 * ("according", "reportedly", "put"). */
enum { SOURCE_CLASSES = CC_W_VERB | CC_W_ATTRIBUTING | CC_W_SOURCE_CUE };

/* verb_at, with most tokens turned away inline by kind and class bits: every token of a sentence with a
 * claim comes here. */
static inline int is_verb(const cc_article *a, uint32_t s, size_t i)
{
    const cc_token *t = tok(a, i);
    return t->kind == CC_TOK_WORD && (t->classes & SOURCE_CLASSES) && verb_at(a, s, i);
}

int cc_claim_source_cue(const char *s, size_t n)
{
    static const char *const cues[] = { "according", "reportedly", "allegedly", "put", "puts", "putting", NULL };
    if (n < 3 || n > 10 || !strchr("arp", s[0] | 0x20)) {
        return 0;
    }
    return cc_same_folded_any(s, n, cues);
}

static int is_pronoun(cc_str s)
{
    static const char *const pronouns[] = { "he", "she", "they", "it", "we", "i" };
    for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++) {
        if (strlen(pronouns[k]) == s.len && !strncasecmp(s.p, pronouns[k], s.len)) {
            return 1;
        }
    }
    return 0;
}

static int boundary_word(const cc_article *a, size_t i)
{
    static const char *const words[] = { "that", "which", "who", "and", "but", "as", "while", "because", "when",
                                         "after", "before", "if", "so", "meanwhile" };
    return cc_tok_is_any(a, i, words, CC_COUNT(words));
}

/* Tokens before index end back to a clause edge: [*from, end). */
static size_t phrase_start(const cc_article *a, size_t first, size_t end)
{
    size_t k = end;
    while (k > first && end - k < 10) {
        const cc_token *t = tok(a, k - 1);
        if (t->kind == CC_TOK_QUOTE || (t->kind == CC_TOK_PUNCT && !punct(a, k - 1, '-') && !punct(a, k - 1, '&')) ||
            t->kind == CC_TOK_NUMBER || boundary_word(a, k - 1)) {
            break;
        }
        k--;
    }
    return k;
}

static int auxiliary(const cc_article *a, size_t i)
{
    static const char *const words[] = { "has", "have", "had", "also", "later", "earlier", "previously",
                                         "separately", "further", "again", "then", "had", "would", "will" };
    return cc_tok_is_any(a, i, words, CC_COUNT(words));
}

/* Without commas ("…barbaric nature British Foreign Secretary William Hague told") a subject runs on: it
 * is cut after the last word no subject holds (a verb, a wh-word, a casualty word, some prepositions),
 * then at a determiner that starts a second noun phrase ("…a strategic border a monitoring group"). */
static int breaks_subject(const cc_article *a, size_t k, size_t to)
{
    static const char *const words[] = { "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                                         "do", "does", "did", "what", "which", "who", "to", "on", "near",
                                         "against", "after", "during", "with", "without", "than", "because", "by" };
    size_t n;
    if (tok(a, k)->kind != CC_TOK_WORD || (tok(a, k)->flags & CC_TF_CAP)) {
        return 0;
    }
    return cc_tok_is_any(a, k, words, CC_COUNT(words)) || cc_phrase_at(reporting, a, k, to, 1, &n) ||
           cc_claim_phrase_at(predicates, CC_W_PREDICATE_START, a, k, to, 1, &n);
}

static size_t trim_subject(const cc_article *a, size_t from, size_t to)
{
    for (size_t k = to; k-- > from;) {
        if (breaks_subject(a, k, to)) {
            from = k + 1;
            break;
        }
    }
    /* the last determiner that starts a new phrase: "…damaged a hospital a monitoring group" */
    for (size_t k = to - 1; to - from > 2 && k > from; k--) {
        if (k + 1 < to && (cc_tok_is(a, k, "the") || cc_tok_is(a, k, "a") || cc_tok_is(a, k, "an")) &&
            tok(a, k - 1)->kind == CC_TOK_WORD && !cc_tok_is(a, k - 1, "of") && !cc_tok_is(a, k - 1, "in") &&
            !cc_tok_is(a, k - 1, "for") && !cc_tok_is(a, k - 1, "at") && !cc_tok_is(a, k - 1, "from") &&
            !cc_tok_is(a, k - 1, "and")) {
            return k;
        }
    }
    return from;
}

static int is_cap_word(const cc_article *a, size_t i)
{
    return tok(a, i)->kind == CC_TOK_WORD && (tok(a, i)->flags & (CC_TF_CAP | CC_TF_ALLCAPS));
}

/* Words that join the parts of a name: "head of the Observatory", "a source at Aleppo Police Command". */
static int name_joint(const cc_article *a, size_t i)
{
    return cc_tok_is(a, i, "of") || cc_tok_is(a, i, "for") || cc_tok_is(a, i, "the") || cc_tok_is(a, i, "at") ||
           cc_tok_is(a, i, "in") || cc_tok_is(a, i, "and");
}

/* A word that starts a figure: "two", "hundreds"; not a determiner ("some", "several"). */
static int figure_word(const cc_article *a, size_t k)
{
    double value;
    const char *w = a->text + tok(a, k)->start;
    size_t n = tok(a, k)->end - tok(a, k)->start;
    return cc_number_word(w, n, &value) ||
           (cc_lexset_find(vague_amounts, w, n) && !cc_lexset_find(stop_words, w, n) && !cc_tok_is(a, k, "several"));
}

/* A past-tense reporting verb, which cannot be a noun ("claimed", "said"; not "reports"). */
static int past_reporting_verb(const cc_article *a, size_t k, size_t end)
{
    size_t n, len = tok(a, k)->end - tok(a, k)->start;
    const char *w = a->text + tok(a, k)->start;
    return cc_phrase_at(reporting, a, k, end, 1, &n) &&
           ((len > 2 && !memcmp(w + len - 2, "ed", 2)) || cc_tok_is(a, k, "said") || cc_tok_is(a, k, "told"));
}

static int source_word(const cc_article *a, size_t i)
{
    const char *w = a->text + tok(a, i)->start;
    size_t n = tok(a, i)->end - tok(a, i)->start;
    /* a one-word title or organisation word has its class bits (a possessive those of its stem, so it is
     * looked up whatever they say) */
    int listed = (tok(a, i)->classes & (CC_W_TITLE | CC_W_HONORIFIC | CC_W_ORG_HEAD | CC_W_DOMAIN)) ||
                 cc_tok_possessive(a, (uint32_t)i);
    return cc_lexset_find(source_words, w, n) ||
           (listed && (cc_lexset_find(titles, w, n) || cc_lexset_find(org_words, w, n)));
}

/* Without commas two phrases run together before the verb ("…wounded 60 people Syrian state television
 * said", "…in eastern Syria UNICEF said"); the subject is the last, from a capitalised word after a word
 * no name holds, or after a place when an acronym, a nationality or a title follows it. */
static size_t last_source_phrase(const cc_article *a, size_t from, size_t to)
{
    for (size_t p = to; p-- > from + 1;) {
        if (!is_cap_word(a, p) || cc_tok_has(a, (uint32_t)p, CC_W_PLACE)) {
            continue; /* "a correspondent in east Aleppo": a place does not start a source */
        }
        const cc_token *before = tok(a, p - 1);
        int loose_word = before->kind == CC_TOK_WORD && !(before->flags & (CC_TF_CAP | CC_TF_ALLCAPS)) &&
                         !name_joint(a, p - 1) && !source_word(a, p - 1) && !cc_tok_particle(a, (uint32_t)(p - 1));
        /* "…in New Aleppo SANA reporter", "Damascus British Foreign Secretary…"; not "U.S. President",
         * "Turkey PM" */
        int after_place = cc_tok_has(a, (uint32_t)(p - 1), CC_W_PLACE) && !(before->flags & CC_TF_ALLCAPS) &&
                          !cc_tok_has(a, (uint32_t)p, CC_W_TITLE) &&
                          ((tok(a, p)->flags & CC_TF_ALLCAPS) || cc_tok_has(a, (uint32_t)p, CC_W_DEMONYM));
        if (loose_word || before->kind == CC_TOK_NUMBER || after_place) {
            return p;
        }
    }
    return from;
}

/* "The Idlib Media Center(,) which publishes news on the province(,) said": the subject is what the
 * relative clause hangs on. */
static int after_relative(const cc_article *a, size_t first, size_t from, size_t *np_from, size_t *np_to)
{
    if (from <= first + 1 || !(cc_tok_is(a, from - 1, "which") || cc_tok_is(a, from - 1, "who"))) {
        return 0;
    }
    size_t end = from - 1;
    if (end > first && punct(a, end - 1, ',')) {
        end--;
    }
    size_t start = phrase_start(a, first, end);
    if (start >= end) {
        return 0;
    }
    *np_from = last_source_phrase(a, trim_subject(a, start, end), end);
    *np_to = end;
    return 1;
}

/* The subject before a reporting verb: "The Syrian civil defense corps said", "…, the civil defense
 * added", "Zeid Ra'ad al-Hussein, the UN rights chief, said". */
static cc_str subject_before(const cc_article *a, size_t first, size_t v)
{
    size_t k = v;
    while (k > first && auxiliary(a, k - 1)) {
        k--;
    }
    if (k > first && cc_is_pronoun(a, (uint32_t)(k - 1))) {
        return cc_tok_str(a, k - 1); /* "…were mostly civilians it said": the pronoun alone */
    }
    if (k > first + 1 && cc_tok_dash(a, (uint32_t)(k - 1))) {
        /* "The civil defence - a rescue service that works in rebel areas - said": what stands before the
         * aside */
        for (size_t d = k - 1; d-- > first && k - d < 30;) {
            if (cc_tok_dash(a, (uint32_t)d)) {
                return subject_before(a, first, d);
            }
        }
    }
    size_t np_from, np_to;
    if (k > first + 1 && punct(a, k - 1, ',')) {
        /* an appositive: keep the name, whichever side of the commas it stands */
        size_t inner_end = k - 1, inner = phrase_start(a, first, inner_end);
        if (after_relative(a, first, inner, &np_from, &np_to)) {
            return span(a, np_from, np_to);
        }
        if (inner > first && punct(a, inner - 1, ',')) {
            size_t outer = phrase_start(a, first, inner - 1);
            int inner_named = (tok(a, inner)->flags & CC_TF_CAP) && !cc_tok_is(a, inner, "the");
            return inner_named ? span(a, inner, inner_end) : span(a, outer, inner - 1);
        }
        return span(a, inner, inner_end);
    }
    size_t from = phrase_start(a, first, k);
    if (after_relative(a, first, from, &np_from, &np_to)) {
        return span(a, np_from, np_to);
    }
    return span(a, last_source_phrase(a, trim_subject(a, from, k), k), k);
}

/* The subject after an inverted verb: "said Rami Abdel Rahman, director of…", "said spokesman Stephane
 * Dujarric". Without commas ("…said the Observatory heavy bombardment has…") it ends where the name does,
 * unless a joint carries it on to another capitalised word ("a source at Aleppo Police Command"). */
static size_t subject_after_end(const cc_article *a, size_t v, size_t end)
{
    size_t k = v + 1;
    int named = 0;
    if (k < end && !is_cap_word(a, k) && !cc_tok_is(a, k, "the") && !cc_tok_is(a, k, "a") && !cc_tok_is(a, k, "an") &&
        !source_word(a, k)) {
        return v + 1; /* "said on Saturday", "rejected by Syrian…": no subject there */
    }
    while (k < end && k < v + 8 && tok(a, k)->kind == CC_TOK_WORD && !boundary_word(a, k)) {
        int cap = is_cap_word(a, k) && !cc_tok_has(a, (uint32_t)k, CC_W_NOT_NAME); /* not "Saturday" */
        if (figure_word(a, k)) {
            break; /* "…Police Command two people were killed" */
        }
        if (named && !cap && !cc_tok_particle(a, (uint32_t)k)) {
            if (source_word(a, k) && k + 1 < end && (cc_tok_is(a, k + 1, "of") || cc_tok_is(a, k + 1, "for"))) {
                break; /* "Mounzer Khalil head of the health authority": the role that follows a name */
            }
            size_t j = k;
            while (j < end && j < k + 3 && (name_joint(a, j) || source_word(a, j))) { /* "Observatory director Rami…" */
                j++;
            }
            if (j == k || j >= end || !is_cap_word(a, j)) {
                break;
            }
            k = j;
            continue;
        }
        named |= cap;
        k++;
    }
    return named ? k : v + 1;
}

static cc_str subject_after(const cc_article *a, size_t v, size_t end)
{
    return span(a, v + 1, subject_after_end(a, v, end));
}

/* Could this phrase before a reporting verb be its subject: a name, a pronoun, or a noun that gives
 * accounts ("officials", "doctors at the scene")? Not "…believed to be chlorine". */
static int plausible_subject(const cc_article *a, cc_str who)
{
    if (!who.len) {
        return 0;
    }
    size_t first = cc_token_at(a, (uint32_t)(who.p - a->text));
    size_t last = cc_token_at(a, (uint32_t)(who.p + who.len - 1 - a->text));
    if (last >= a->tokens.n) {
        return 1;
    }
    if (is_cap_word(a, last) || cc_is_pronoun(a, (uint32_t)last) || (is_cap_word(a, first) && !cc_tok_is(a, first, "the"))) {
        return 1;
    }
    for (size_t k = first; k <= last; k++) {
        if (source_word(a, k)) {
            return 1; /* "the medical source in Hasakeh city" */
        }
    }
    return 0;
}

static int auxiliary_verb(const cc_article *a, size_t k)
{
    static const char *const verbs[] = { "was", "were", "is", "are", "had", "has", "have", "would", "will",
                                         "could", "did", "should", "must", "might", "can", "may" };
    return cc_tok_is_any(a, k, verbs, CC_COUNT(verbs));
}

/* After "said Mounzer Khalil" a verb means the name is the subject of what was said ("said Obama was
 * wrong"), not the speaker. */
static int verb_follows(const cc_article *a, size_t k, size_t end)
{
    size_t n;
    return k < end && (auxiliary_verb(a, k) || cc_phrase_at(reporting, a, k, end, 1, &n) ||
                       cc_claim_phrase_at(predicates, CC_W_PREDICATE_START, a, k, end, 1, &n));
}

/* "according to X": up to ten words, ending before a figure or a verb when commas are missing ("according
 * to independent monitors hundreds of thousands…", "according to the source claimed the lives…"). */
static cc_str np_after(const cc_article *a, size_t from, size_t end)
{
    size_t k = from;
    int named = 0;
    while (k < end && k < from + 10 && tok(a, k)->kind == CC_TOK_WORD && !cc_tok_is(a, k, "who") &&
           !cc_tok_is(a, k, "which") &&
           (k == from || !(figure_word(a, k) || auxiliary_verb(a, k) || past_reporting_verb(a, k, end)))) {
        int cap = is_cap_word(a, k);
        if (named && !cap && !name_joint(a, k) && !source_word(a, k) && !cc_tok_particle(a, (uint32_t)k)) {
            break; /* "according to the Syrian Observatory heavy bombardment has…" */
        }
        if (k > from && (cc_tok_is(a, k, "with") || cc_tok_is(a, k, "amid") || cc_tok_is(a, k, "as") ||
                         cc_tok_is(a, k, "while") || cc_tok_is(a, k, "despite") || cc_tok_is(a, k, "bringing"))) {
            break; /* "according to monitors with diplomatic talks failing…" */
        }
        named |= cap;
        k++;
    }
    return span(a, from, k);
}

/* A phrase that a preposition governs ("near the town of Adra") is no subject. */
static int object_of_preposition(const cc_article *a, size_t first, cc_str who)
{
    if (!who.len) {
        return 0;
    }
    size_t k = cc_token_at(a, (uint32_t)(who.p - a->text));
    static const char *const preps[] = { "near", "in", "at", "from", "of", "on", "into", "outside", "across", "to" };
    return k > first && cc_tok_is_any(a, k - 1, preps, CC_COUNT(preps));
}

/* The subject of reporting verb v in sentence s, either side of it. */
static cc_str subject_of(const cc_article *a, uint32_t s, size_t v)
{
    size_t first = cc_sent_first(a, s), end = cc_sent_end(a, s);
    cc_str who = subject_before(a, first, v);
    if (!who.len || (v > first && punct(a, v - 1, ',')) || (v > first && tok(a, v - 1)->kind == CC_TOK_QUOTE)) {
        cc_str after = subject_after(a, v, end);
        if (after.len) {
            return after;
        }
    }
    /* a comma lost before an inverted verb: "…believed to be chlorine said Mounzer Khalil head of…", "…near
     * the town of Adra said the Syrian Observatory" */
    size_t after_end = subject_after_end(a, v, end);
    if (after_end > v + 1 && (!plausible_subject(a, who) || object_of_preposition(a, first, who)) &&
        !verb_follows(a, after_end, end)) {
        return span(a, v + 1, after_end);
    }
    return who;
}

/* "following reports that…", "amid claims of…": a noun that carries an account, at token k. */
static int account_noun_at(const cc_article *a, size_t first, size_t k, size_t end)
{
    size_t n;
    /* the word after first: it is read without a lookup */
    if (tok(a, k)->kind != CC_TOK_WORD || k + 1 >= end || !(cc_tok_is(a, k + 1, "that") || cc_tok_is(a, k + 1, "of")) ||
        !cc_phrase_at(source_nouns, a, k, end, 1, &n)) {
        return 0;
    }
    const cc_token *p = k > first ? tok(a, k - 1) : NULL;
    return !p || cc_claim_phrase_at(stop_words, CC_W_STOP_START, a, k - 1, end, 1, &n) ||
           (p->end - p->start > 3 && !memcmp(a->text + p->end - 3, "ing", 3));
}

static cc_str account_noun(const cc_article *a, size_t first, size_t t)
{
    for (size_t k = first; k + 1 < t; k++) {
        if (account_noun_at(a, first, k, t)) {
            return cc_tok_str(a, k);
        }
    }
    return cc_str_of("", 0);
}

static cc_str resolve(const cc_article *a, uint32_t s, cc_str who);

typedef struct attribution {
    cc_str who;
    int blocked; /* "reportedly": someone unnamed */
} attribution;

static int ends_in_ing(const cc_article *a, size_t k)
{
    return tok(a, k)->end - tok(a, k)->start > 3 && !memcmp(a->text + tok(a, k)->end - 3, "ing", 3);
}

/* What sentence s says of a source, read once for all its figures and those of the sentence after: its
 * "according to X", its "reportedly", and its reporting verbs with their subjects. */
static const cc_sentence_phrases *sources_of(cc_claim_memo *m, const cc_article *a, uint32_t s)
{
    cc_sentence_phrases *sp = cc_claim_memo_sentence(m, a, s);
    if (sp->verbs) {
        return sp;
    }
    size_t first = cc_sent_first(a, s), end = cc_sent_end(a, s);
    sp->verbs = (uint32_t)m->verbs.n + 1;
    const cc_token *t = a->tokens.v;
    for (size_t k = first; k < end; k++) {
        while (k + 2 < end && !((t[k].classes | t[k + 1].classes) & SOURCE_CLASSES)) {
            k += 2; /* two tokens a step, by their bits alone */
        }
        if (cc_tok_is(a, k, "according") && k + 1 < end && cc_tok_is(a, k + 1, "to")) {
            sp->according = np_after(a, k + 2, end);
            if (sp->according.len) {
                break; /* the answer for every figure of the sentence */
            }
        }
        if (cc_tok_is(a, k, "reportedly") || cc_tok_is(a, k, "allegedly")) {
            sp->blocked = 1;
        }
        if (is_verb(a, s, k) && !account_noun_at(a, first, k, end)) {
            int ing = ends_in_ing(a, k);
            cc_reporting_verb v = { k, cc_str_of("", 0), ing, ing };
            CC_VEC_PUSH(m->verbs, v);
        }
    }
    sp->n_verbs = (uint32_t)m->verbs.n + 1 - sp->verbs;
    return sp;
}

/* Verb i of the memo, with its subject read. */
static const cc_reporting_verb *verb_subject(cc_claim_memo *m, const cc_article *a, uint32_t s, size_t i)
{
    cc_reporting_verb *v = &m->verbs.v[i];
    if (!v->known) {
        v->who = subject_of(a, s, v->at);
        v->known = 1;
    }
    return v;
}

/* The attribution sentence s gives a figure at token t (t = the sentence end for the sentence's own): the
 * nearest verb before the figure with a subject ("X said (that) …"), else the first after it. */
static attribution attribution_in(const cc_article *a, uint32_t s, size_t t, cc_claim_memo *m)
{
    const cc_sentence_phrases *sp = sources_of(m, a, s);
    attribution r = { sp->according, sp->blocked };
    if (r.who.len) {
        return r;
    }
    const cc_reporting_verb *before = NULL;
    size_t first = sp->verbs - 1, stop = first + sp->n_verbs, i = first;
    while (i < stop && m->verbs.v[i].at < t) { /* indexed, not offset: the list may be empty (NULL) */
        i++;
    }
    for (size_t k = i; k-- > first && !before;) { /* the nearest verb before the figure with a subject */
        const cc_reporting_verb *v = verb_subject(m, a, s, k);
        before = v->who.len ? v : NULL;
    }
    const cc_reporting_verb *after = !before && i < stop ? verb_subject(m, a, s, i) : NULL;
    if (before || after) {
        cc_str who = before ? before->who : after->ing ? subject_of(a, s, after->at) : after->who;
        r.who = resolve(a, s, who);
        if (r.who.len) {
            return r;
        }
    }
    size_t end = cc_sent_end(a, s);
    r.who = account_noun(a, cc_sent_first(a, s), t < end ? t : end);
    return r;
}

/* The last source named up to sentence s, for "he said", "it added". */
static cc_str last_named(const cc_article *a, uint32_t s)
{
    for (uint32_t k = s + 1; k-- > 0 && k + 8 > s;) {
        size_t first = cc_sent_first(a, k), end = cc_sent_end(a, k);
        for (size_t i = end; i-- > first;) {
            if (is_verb(a, k, i)) {
                cc_str w = subject_of(a, k, i);
                if (w.len && !is_pronoun(w)) {
                    return w;
                }
            }
        }
    }
    return cc_str_of("", 0);
}

static cc_str resolve(const cc_article *a, uint32_t s, cc_str who)
{
    if (!is_pronoun(who)) {
        return who;
    }
    cc_str named = last_named(a, s ? s - 1 : 0);
    return named.len ? named : cc_str_of("", 0);
}

static uint32_t sentence_of(const cc_article *a, uint32_t from, size_t t)
{
    while (from + 1 < a->sentences.n && a->sentences.v[from + 1].tok_first <= t) {
        from++;
    }
    while (from > 0 && a->sentences.v[from].tok_first > t) {
        from--;
    }
    return from;
}

/* The speaker of the quotation [open, close]: an attribution right after it (", he added", "said
 * Colville") or before it ("The spokesman told a news conference: "). */
static cc_str quote_speaker(const cc_article *a, uint32_t s, size_t open, size_t close)
{
    if (close < a->tokens.n) {
        uint32_t cs = sentence_of(a, s, close);
        size_t end = cc_sent_end(a, cs);
        for (size_t k = close + 1; k < end && k < close + 8; k++) {
            if (is_verb(a, cs, k)) {
                size_t from = close + 1;
                while (from < k && tok(a, from)->kind == CC_TOK_PUNCT) {
                    from++;
                }
                cc_str who = from < k ? span(a, from, k) : subject_after(a, k, end);
                if (who.len) {
                    return resolve(a, cs, who);
                }
                break;
            }
            if (tok(a, k)->kind == CC_TOK_QUOTE) {
                break;
            }
        }
    }
    uint32_t os = sentence_of(a, s, open);
    size_t first = cc_sent_first(a, os);
    for (size_t k = open; k-- > first;) {
        if (is_verb(a, os, k)) {
            return resolve(a, os, subject_of(a, os, k));
        }
    }
    return cc_str_of("", 0);
}

/* Is token t inside a double quotation? Sets its marks (close = tokens.n when it runs on). */
static int quoted(const cc_article *a, uint32_t s, size_t t, size_t *open, size_t *close)
{
    const cc_paragraph *p = &a->paragraphs.v[a->sentences.v[s].para];
    size_t pfirst = a->sentences.v[p->sent_first].tok_first;
    size_t pend = cc_sent_end(a, p->sent_first + p->sent_count - 1);
    size_t k = t;
    while (k > pfirst && !is_double_quote(a, k - 1)) {
        k--;
    }
    if (k == pfirst || !(tok(a, k - 1)->flags & CC_TF_QOPEN)) {
        return 0;
    }
    *open = k - 1;
    for (k = t; k < pend && !is_double_quote(a, k); k++) {
    }
    *close = k < pend ? k : a->tokens.n;
    return 1;
}

cc_str cc_claim_source(const cc_article *a, uint32_t s, size_t t, int *in_quote, cc_claim_memo *memo)
{
    init();
    size_t open, close;
    *in_quote = 0;
    if (heading(a, s)) {
        return cc_str_of("", 0);
    }
    if (quoted(a, s, t, &open, &close)) {
        *in_quote = 1;
        return quote_speaker(a, s, open, close);
    }
    attribution r = attribution_in(a, s, t, memo);
    if (r.who.len || r.blocked) {
        return r.who;
    }
    /* the reporting frame the sentence before opened in the same paragraph: "X said… The victims included…" */
    const cc_paragraph *p = &a->paragraphs.v[a->sentences.v[s].para];
    if (s > p->sent_first) {
        cc_str frame = attribution_in(a, s - 1, cc_sent_end(a, s - 1), memo).who;
        return plausible_subject(a, frame) ? frame : cc_str_of("", 0);
    }
    return cc_str_of("", 0);
}
