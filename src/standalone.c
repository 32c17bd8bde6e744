/* Sentence fitness for a summary, from the tokens and three small lexicons: the checks a subeditor makes
 * before lifting a sentence out of its story. */
#include <pthread.h>
#include <string.h>

#include "keyshape.h"
#include "lexicon.h"
#include "standalone.h"
#include "words.h"

static const cc_token *token(const cc_article *a, const cc_sentence *s, uint32_t k)
{
    return &a->tokens.v[s->tok_first + k];
}

typedef struct lexicons {
    const cc_lexset *openers, *reporting, *captions, *pronouns;
    /* shapes of the openers' first and second words: most sentences open on a word no opener starts
     * with, and most that pass ("The …") go on with a word no opener has second */
    cc_keyshapes opener_firsts, opener_seconds;
} lexicons;

static lexicons lists;
static pthread_once_t lists_made = PTHREAD_ONCE_INIT;

static void add_second_words(cc_keyshapes *shapes, const cc_lexset *set)
{
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        const char *space = memchr(e->key, ' ', e->key_len);
        if (space) {
            const char *second = space + 1, *end = e->key + e->key_len;
            const char *after = memchr(second, ' ', (size_t)(end - second));
            cc_keyshapes_mark(shapes, second, (size_t)((after ? after : end) - second));
        }
    }
}

static void make_lists(void)
{
    lists.reporting = cc_lexset_get("reporting_verbs");
    lists.captions = cc_lexset_get("caption_words");
    lists.pronouns = cc_lexset_get("personal_pronouns");
    lists.openers = cc_lexset_get("context_openers");
    cc_keyshapes_add(&lists.opener_firsts, lists.openers, 1);
    add_second_words(&lists.opener_seconds, lists.openers);
}

/* Looked up once per process (cc_lexset_get searches by name), whichever thread comes first. */
static const lexicons *lex(void)
{
    pthread_once(&lists_made, make_lists);
    return &lists;
}

static int in_lexicon(const cc_lexset *set, const cc_article *a, const cc_token *t)
{
    return t->kind == CC_TOK_WORD && cc_lexset_find(set, a->text + t->start, t->end - t->start);
}

/* A reporting verb as written. The token's class bit, set from the same lexicon for the spelling without
 * a possessive, rules out almost every word without a lookup. */
static int reporting_verb(const cc_article *a, const cc_token *t)
{
    return (t->classes & CC_W_VERB) && in_lexicon(lex()->reporting, a, t);
}

/* Searched by the needle's last byte ('/' of "://", '.' of "www."), rarer in prose than its first. */
static int contains(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *end = p + n;
    for (const char *q = p + k - 1; q < end && (q = memchr(q, needle[k - 1], (size_t)(end - q))) != NULL; q++) {
        if (!memcmp(q - (k - 1), needle, k)) {
            return 1;
        }
    }
    return 0;
}

/* Ends on . or ! (or an abbreviation's period), perhaps inside closing quotes or brackets; a question
 * ends a sentence only inside a quotation, for the narrator's own questions are teasers, not news. */
static int ends_like_sentence(const cc_article *a, const cc_sentence *s)
{
    int quoted = 0;
    for (uint32_t k = s->tok_count; k-- > 0;) {
        const cc_token *t = token(a, s, k);
        if (t->kind == CC_TOK_QUOTE || (t->kind == CC_TOK_PUNCT && a->text[t->start] == ')')) {
            quoted |= t->kind == CC_TOK_QUOTE;
            continue;
        }
        char c = a->text[t->end - 1];
        return (t->kind == CC_TOK_PUNCT && (c == '.' || c == '!' || (c == '?' && quoted))) ||
               (t->flags & CC_TF_ABBREV);
    }
    return 0;
}

/* "FILE - …", "In this July 1, 2017, photo, people…", "AP file photo/…: …", "Photo: …". Lexicon
 * lookups only where a caption could be: after "In this", or before a colon or slash. */
static int is_caption(const cc_article *a, const cc_sentence *s)
{
    const cc_token *t = token(a, s, 0);
    const cc_lexset *words = lex()->captions;
    if ((t->flags & CC_TF_ALLCAPS) && in_lexicon(words, a, t)) {
        return 1;
    }
    int in_this = s->tok_count > 2 && t[0].end - t[0].start == 2 && !strncmp(a->text + t[0].start, "In", 2) &&
                  t[1].end - t[1].start == 4 && !strncmp(a->text + t[1].start, "this", 4);
    for (uint32_t k = 1; k < s->tok_count && k < 16; k++) {
        char c = a->text[t[k].start];
        if (in_this ? in_lexicon(words, a, &t[k]) : (c == ':' || c == '/') && in_lexicon(words, a, &t[k - 1])) {
            return 1;
        }
    }
    return 0;
}

int cc_sentence_is_fragment(const cc_article *a, const cc_sentence *s)
{
    const cc_paragraph *p = &a->paragraphs.v[s->para];
    if ((p->flags & (CC_PF_TITLE | CC_PF_HEADING)) || s->tok_count < 3) {
        return 1;
    }
    const cc_token *first = token(a, s, 0);
    if (first->kind == CC_TOK_WORD && !(first->flags & (CC_TF_CAP | CC_TF_NONASCII))) {
        return 1;
    }
    const char *text = a->text + s->start;
    size_t n = s->end - s->start;
    return !ends_like_sentence(a, s) || memchr(text, '@', n) || memchr(text, '|', n) || contains(text, n, "://") ||
           contains(text, n, "www.") || is_caption(a, s);
}

/* Copies a word for lexicon lookup, reading ’ as '. Returns the bytes written. */
static size_t copy_word(char *out, const char *p, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)p[i] == 0xE2 && i + 2 < len && (unsigned char)p[i + 1] == 0x80 &&
            (unsigned char)p[i + 2] == 0x99) {
            out[n++] = '\'';
            i += 2;
        } else {
            out[n++] = p[i];
        }
    }
    return n;
}

/* The first one to four words, joined by single spaces, against data/context_openers.txt. */
static int opens_with_context(const cc_article *a, const cc_sentence *s)
{
    const lexicons *l = lex();
    const cc_lexset *openers = l->openers;
    char buf[64];
    size_t n = 0;
    int words = 0;
    for (uint32_t k = 0; k < s->tok_count && words < 4 && openers; k++) {
        const cc_token *t = token(a, s, k);
        if (t->kind == CC_TOK_QUOTE && k == 0) {
            continue;
        }
        size_t len = t->end - t->start;
        if (t->kind != CC_TOK_WORD || n + len + 1 >= sizeof buf) {
            break;
        }
        if (n) {
            buf[n++] = ' ';
        }
        size_t word_at = n;
        n += copy_word(buf + n, a->text + t->start, len);
        words++;
        if (words <= 2 && !cc_keyshapes_may_have(words == 1 ? &l->opener_firsts : &l->opener_seconds, buf + word_at,
                                                 n - word_at)) {
            return 0;
        }
        if (words == 1 && !cc_lexset_starts_entry(openers, buf, n)) {
            return 0; /* most sentences: no opener starts with their first word (nor is it one) */
        }
        if (cc_lexset_find(openers, buf, n)) {
            return 1;
        }
    }
    return 0;
}

int cc_sentence_opens_quote(const cc_article *a, const cc_sentence *s)
{
    return s->tok_count && token(a, s, 0)->kind == CC_TOK_QUOTE;
}

/* The sentence's first quotation mark closes a quotation opened in an earlier sentence. */
static int ends_earlier_quote(const cc_article *a, const cc_sentence *s)
{
    for (uint32_t k = 0; k < s->tok_count; k++) {
        const cc_token *t = token(a, s, k);
        if (t->kind == CC_TOK_QUOTE) {
            return (t->flags & CC_TF_QCLOSE) != 0;
        }
    }
    return 0;
}

/* Opens a quotation it neither closes nor attributes: the first piece of a longer quote. */
static int quote_runs_on(const cc_article *a, const cc_sentence *s)
{
    for (uint32_t k = 1; k < s->tok_count; k++) {
        const cc_token *t = token(a, s, k);
        if (reporting_verb(a, t) || (t->kind == CC_TOK_QUOTE && (t->flags & CC_TF_QCLOSE))) {
            return 0;
        }
    }
    return 1;
}

/* "…," he said. / "…," said she / "…, she added, …": a speaker named only by a pronoun, which is known
 * from an earlier sentence. Such attribution follows a comma or a closing quotation mark, so only the
 * words there are looked up. */
static int pronoun_speaker(const cc_article *a, const cc_sentence *s)
{
    const lexicons *l = lex();
    for (uint32_t k = 1; k + 1 < s->tok_count; k++) {
        const cc_token *before = token(a, s, k - 1), *t = token(a, s, k), *next = token(a, s, k + 1);
        int after_break = (before->kind == CC_TOK_PUNCT && a->text[before->start] == ',') ||
                          (before->kind == CC_TOK_QUOTE && (before->flags & CC_TF_QCLOSE));
        if (after_break && ((reporting_verb(a, next) && in_lexicon(l->pronouns, a, t)) ||
                            (reporting_verb(a, t) && in_lexicon(l->pronouns, a, next)))) {
            return 1;
        }
    }
    return 0;
}

int cc_sentence_leans_back(const cc_article *a, const cc_sentence *s)
{
    if (!s->tok_count || ends_earlier_quote(a, s) || pronoun_speaker(a, s)) {
        return s->tok_count != 0;
    }
    /* a quotation's first word is the speaker's, not a link to the sentence before */
    return cc_sentence_opens_quote(a, s) ? quote_runs_on(a, s) : opens_with_context(a, s);
}

/* "FLORENCE, Italy, Feb. 25 (UPI) -- Raffaele…": capitalised words, numbers, commas and brackets, one of
 * them all capitals, then a dash. */
uint32_t cc_sentence_text_start(const cc_article *a, const cc_sentence *s)
{
    int caps = 0;
    for (uint32_t k = 0; k + 1 < s->tok_count && k < 16; k++) {
        const cc_token *t = token(a, s, k);
        char c = a->text[t->start];
        if (cc_tok_dash(a, s->tok_first + k)) {
            return caps && k > 0 ? token(a, s, k + 1)->start : s->start;
        }
        if (t->kind == CC_TOK_WORD) {
            if (!(t->flags & (CC_TF_CAP | CC_TF_ALLCAPS))) {
                return s->start;
            }
            caps |= (t->flags & CC_TF_ALLCAPS) && t->end - t->start >= 2;
        } else if (t->kind != CC_TOK_NUMBER && c != ',' && c != '(' && c != ')' && c != '.') {
            return s->start;
        }
    }
    return s->start;
}

