/* Direct quotations and who said them.
 *
 * Quote marks are paired per paragraph: double marks (straight or curly) first, single marks only
 * outside them (British style) and only when closed in the same paragraph, so an apostrophe never
 * starts a quotation. A double quote left open at a paragraph's end ends there: news reopens it on the
 * next paragraph, and the continuation keeps the speaker. Speakers come from the attribution beside
 * the quote (speakers.c), then from the sentence that introduces it with a colon, then from the quote
 * before it; pronouns take the most recent person; a description ("the spokesman") is resolved to the
 * person the article later names in that role. No attribution, no speaker. */
#include <stdlib.h>

#include "entities.h"
#include "speakers.h"
#include "stages.h"
#include "words.h"

typedef struct raw_quote {
    uint32_t open, close;   /* tokens of the marks; close is one past the paragraph's last token if unclosed */
    uint32_t open_last, close_last; /* last token of each mark ('' is two tokens) */
    uint32_t para;
    uint32_t sentence;      /* of the opening mark (set once the quote is kept) */
    cc_span span;           /* the words quoted (set once the quote is kept) */
    uint8_t unclosed;
    uint8_t partial;
    cc_attribution att;
    int32_t speaker;        /* index into the article's speaker table, -1 for none */
    uint8_t joins_next;     /* the next quote carries on this utterance past its attribution */
} raw_quote;

typedef struct speaker {
    cc_str name, role;
    uint8_t kind;           /* cc_speaker_kind: PERSON, ORG or DESC */
    uint32_t pos;           /* byte offset of its first attributed quote */
} speaker;

enum { SMALL_QUOTES = 32, SMALL_SPEAKERS = 16 };

typedef struct qctx {
    cc_article *a;
    size_t current;         /* the quote being attributed */
    CC_VEC(raw_quote) quotes;
    CC_VEC(speaker) speakers;
    /* where both arrays start: most articles have a few quotes, and cost no allocation */
    raw_quote small_quotes[SMALL_QUOTES];
    speaker small_speakers[SMALL_SPEAKERS];
} qctx;

#define SMALL_PUSH(vec, small, item)                                                                \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            (vec).v = cc_vec_grow_small((vec).v, (vec).n, &(vec).cap, sizeof *(vec).v, (small));          \
        }                                                                                          \
        (vec).v[(vec).n++] = (item);                                                               \
    } while (0)

/* ---- pairing marks ---- */

static int is_double(const cc_article *a, uint32_t i)
{
    const unsigned char *s = (const unsigned char *)cc_tok_text(a, i);
    if (s[0] == '"') {
        return 1;
    }
    if (s[0] == 0xC2) {
        return s[1] == 0xAB || s[1] == 0xBB; /* « » */
    }
    return s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x9D || s[2] == 0x9E || s[2] == 0x9F);
}

/* Families of double marks: a mark of another family inside a quotation nests. */
enum { FAM_STRAIGHT, FAM_CURLY, FAM_PAIR };

static int family(const cc_article *a, uint32_t i)
{
    const char c = cc_tok_text(a, i)[0];
    return c == '"' ? FAM_STRAIGHT : c == '\'' || (unsigned char)c == 0xE2 ? (is_double(a, i) ? FAM_CURLY : FAM_PAIR)
                                                                           : FAM_CURLY;
}

/* Two adjacent single marks ('' as some papers print double quotes). */
static inline int is_pair(const cc_article *a, uint32_t i, uint32_t end)
{
    return i + 1 < end && i + 1 < a->tokens.n && cc_tok(a, i + 1)->kind == CC_TOK_QUOTE && !is_double(a, i) &&
           !is_double(a, i + 1) &&
           cc_tok(a, i + 1)->start == cc_tok(a, i)->end && cc_tok_len(a, i) == cc_tok_len(a, i + 1) &&
           memcmp(cc_tok_text(a, i), cc_tok_text(a, i + 1), cc_tok_len(a, i)) == 0;
}

/* A pair opens when space comes before it and a word after it. */
static int pair_opens(const cc_article *a, uint32_t i)
{
    uint32_t before = cc_tok(a, i)->start, after = cc_tok(a, i + 1)->end;
    int space_before = before == 0 || a->text[before - 1] == ' ' || a->text[before - 1] == '\n' ||
                       a->text[before - 1] == '(';
    int space_after = after >= a->len || a->text[after] == ' ' || a->text[after] == '\n';
    return space_before && !space_after;
}

static void emit(qctx *q, uint32_t open, uint32_t close, uint32_t para, int unclosed)
{
    const cc_article *a = q->a;
    uint32_t open_last = open + 1 < a->tokens.n && is_pair(a, open, open + 2) ? open + 1 : open;
    uint32_t close_last = !unclosed && is_pair(a, close, close + 2) ? close + 1 : close;
    SMALL_PUSH(q->quotes, q->small_quotes,
               ((raw_quote){ open, close, open_last, close_last, para, 0, { 0, 0 }, (uint8_t)unclosed, 0, { 0 }, -1, 0 }));
}

static uint32_t para_tok_first(const cc_article *a, uint32_t pi)
{
    return a->sentences.v[a->paragraphs.v[pi].sent_first].tok_first;
}

static uint32_t para_tok_end(const cc_article *a, uint32_t pi)
{
    const cc_paragraph *p = &a->paragraphs.v[pi];
    const cc_sentence *s = &a->sentences.v[p->sent_first + p->sent_count - 1];
    return s->tok_first + s->tok_count;
}

/* The first quote mark at or after token i and before end (end if none). A mark either opens or closes
 * (segment.c), so its direction flags find it eight tokens at a time; the kind is asked of a hit. */
static uint32_t next_quote_mark(const cc_article *a, uint32_t i, uint32_t end)
{
    const cc_token *t = a->tokens.v + i, *stop = a->tokens.v + end;
    enum { MARK = CC_TF_QOPEN | CC_TF_QCLOSE };
    for (;; t++) {
        while (stop - t >= 8 && !((t[0].flags | t[1].flags | t[2].flags | t[3].flags | t[4].flags | t[5].flags |
                                   t[6].flags | t[7].flags) & MARK)) {
            t += 8;
        }
        while (t < stop && !(t->flags & MARK)) {
            t++;
        }
        if (t == stop || t->kind == CC_TOK_QUOTE) {
            return (uint32_t)(t - a->tokens.v);
        }
    }
}

/* A straight mark opening a paragraph and never closed, around curly pairs, is a pasted excerpt's
 * leftover rather than a quotation the writer opened: the curly pairs inside are the quotations. A
 * quotation left open otherwise runs to the paragraph's end, its nested pairs part of it. */
static void unclosed_outer(qctx *q, uint32_t open, size_t inner_first, uint32_t pi, uint32_t end)
{
    const cc_article *a = q->a;
    if (q->quotes.n > inner_first && open == para_tok_first(a, pi) && cc_tok_text(a, open)[0] == '"') {
        return;
    }
    q->quotes.n = inner_first;
    emit(q, open, end, pi, 1);
}

static void pair_paragraph(qctx *q, uint32_t pi, uint32_t first, uint32_t end)
{
    const cc_article *a = q->a;
    int64_t dopen = -1, sopen = -1, inner = -1;
    int fam = 0, nested = 0;
    size_t inner_first = q->quotes.n; /* pairs nested in the open quotation, kept aside */
    for (uint32_t i = next_quote_mark(a, first, end); i < end; i = next_quote_mark(a, i + 1, end)) {
        const cc_token *t = cc_tok(a, i);
        int opens = (t->flags & CC_TF_QOPEN) != 0;
        int dbl = is_double(a, i), f = dbl ? family(a, i) : FAM_PAIR;
        uint32_t mark_end = i;
        if (!dbl && is_pair(a, i, end)) {
            dbl = 1;
            opens = pair_opens(a, i);
            mark_end = i + 1;
        }
        if (dbl) {
            if (dopen < 0) {
                if (opens) {
                    dopen = i;
                    fam = f;
                    sopen = -1;
                    nested = 0;
                    inner_first = q->quotes.n;
                }
            } else if (fam != f) {
                /* “ inside "…": a quotation within the quotation, unless it closes the outer one */
                if (opens) {
                    nested = 1;
                    inner = i;
                } else if (nested) {
                    nested = 0;
                    emit(q, (uint32_t)inner, i, pi, 0);
                } else {
                    q->quotes.n = inner_first;
                    emit(q, (uint32_t)dopen, i, pi, 0);
                    dopen = -1;
                }
            } else if (!opens) {
                q->quotes.n = inner_first;
                emit(q, (uint32_t)dopen, i, pi, 0);
                dopen = -1;
            } else {
                q->quotes.n = inner_first;
                emit(q, (uint32_t)dopen, i, pi, 1); /* the last one was never closed */
                dopen = i;
                inner_first = q->quotes.n;
            }
        } else if (dopen < 0) {
            if (opens && sopen < 0) {
                sopen = i;
            } else if (!opens && sopen >= 0) {
                emit(q, (uint32_t)sopen, i, pi, 0);
                sopen = -1;
            }
        }
        i = mark_end;
    }
    if (dopen >= 0) {
        unclosed_outer(q, (uint32_t)dopen, inner_first, pi, end);
    }
}

/* ---- the quote itself ---- */

/* The sentence holding token i, among sentences [lo, hi) (sentences are in token order). */
static uint32_t sentence_among(const cc_article *a, size_t lo, size_t hi, uint32_t i)
{
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (a->sentences.v[mid].tok_first <= i) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return (uint32_t)lo;
}

static cc_span content_span(const cc_article *a, const raw_quote *r)
{
    uint32_t start = cc_tok(a, r->open_last)->end;
    uint32_t end = r->unclosed ? cc_tok(a, r->close - 1)->end : cc_tok(a, r->close)->start;
    if (r->unclosed && r->close - 1 > r->open && cc_tok(a, r->close - 1)->kind == CC_TOK_QUOTE) {
        end = cc_tok(a, r->close - 1)->start;
    }
    while (start < end && (a->text[start] == ' ' || a->text[start] == '\n')) {
        start++;
    }
    while (end > start && (a->text[end - 1] == ' ' || a->text[end - 1] == ',' || a->text[end - 1] == '\n')) {
        end--;
    }
    return (cc_span){ start, end };
}

/* Names of things in quote marks ("Arab Spring", "Operation Olive Branch") are not quotations. */
static int looks_like_name(const cc_article *a, const raw_quote *r)
{
    uint32_t words = 0, caps = 0;
    for (uint32_t i = r->open_last + 1; i < r->close; i++) {
        const cc_token *t = cc_tok(a, i);
        if (t->kind != CC_TOK_WORD) {
            if (t->kind == CC_TOK_PUNCT && !cc_tok_punct(a, i, '-') && !cc_tok_punct(a, i, '&')) {
                return 0;
            }
            continue;
        }
        words++;
        if (t->flags & (CC_TF_CAP | CC_TF_ALLCAPS)) {
            caps++;
        } else if (!cc_tok_is(a, i, "of") && !cc_tok_is(a, i, "the") && !cc_tok_is(a, i, "and") &&
                   !cc_tok_is(a, i, "for") && !cc_tok_is(a, i, "in")) {
            return 0;
        }
    }
    return words > 0 && words <= 6 && caps > 0;
}

/* Verbs of saying proper, which take a whole utterance straight after them ("says "we only need…"");
 * other reporting verbs take a phrase ("decried "the silence of the world""). All are in
 * data/reporting_verbs.txt, so the token's class bit rules out other words before the list is read. */
static int says_listed(const cc_article *a, uint32_t i)
{
    static const char *const verbs[] = { "said", "says", "say", "saying", "added", "adds", "asked", "asks", "wrote",
                                         "writes", "tweeted", "tweets", "replied", "answered", "declared", "stated",
                                         "explained", "continued", "told", "posted", "shouted", "chanted" };
    return cc_tok_is_any(a, i, verbs, CC_COUNT(verbs));
}

static inline int says(const cc_article *a, uint32_t i)
{
    return cc_tok_has(a, i, CC_W_VERB) && says_listed(a, i);
}

/* A whole utterance opens a sentence or follows a colon, a comma or a reporting verb; a fragment sits
 * inside the reporting sentence's own grammar (called it a "massacre"). */
static int is_partial(const cc_article *a, const raw_quote *r)
{
    uint32_t first = a->sentences.v[r->sentence].tok_first;
    if (r->open == first || r->open == para_tok_first(a, r->para)) {
        return 0;
    }
    uint32_t p = r->open - 1;
    if (p == first && cc_tok(a, p)->kind == CC_TOK_PUNCT) {
        return 0; /* "- …" */
    }
    if (cc_tok_punct(a, p, ':') || cc_tok_punct(a, p, ',') || cc_tok(a, p)->kind == CC_TOK_QUOTE) {
        return 0;
    }
    return !says(a, p);
}

/* ---- attribution ---- */

/* Reading back from token i, jump over any earlier quotation (those before quote q->current). */
static uint32_t skip_quotes(const void *ctx, uint32_t i)
{
    const qctx *q = ctx;
    for (size_t k = q->current; k-- > 0;) {
        const raw_quote *r = &q->quotes.v[k];
        if (!r->unclosed && r->close_last == i) {
            return r->open == 0 ? UINT32_MAX : r->open - 1;
        }
        if (r->close_last < i) {
            break;
        }
    }
    return i;
}

static void attribute(qctx *q, size_t k)
{
    cc_article *a = q->a;
    raw_quote *r = &q->quotes.v[k];
    uint32_t pend = para_tok_end(a, r->para);
    uint32_t limit = k + 1 < q->quotes.n && q->quotes.v[k + 1].para == r->para ? q->quotes.v[k + 1].open : pend;
    if (!r->unclosed && cc_attribution_after(a, r->close_last, limit, &r->att)) {
        return;
    }
    /* a list of quotes, `"A", "B", "C", were among the slogans shouted by …`, shares the last one's source */
    if (!r->unclosed && k + 1 < q->quotes.n && q->quotes.v[k + 1].para == r->para && r->close_last + 2 >= limit) {
        r->att.kind = CC_SPK_NONE;
        r->att.first = UINT32_MAX; /* filled from the next quote below */
        return;
    }
    uint32_t s = r->sentence;
    uint32_t lo = a->sentences.v[s].tok_first;
    if (r->open > lo && cc_attribution_before(a, r->open, lo, skip_quotes, q, &r->att)) {
        return;
    }
    uint32_t send = a->sentences.v[s].tok_first + a->sentences.v[s].tok_count;
    if (!r->unclosed && r->close_last < send &&
        cc_attribution_final(a, r->close_last, send < limit ? send : limit, &r->att)) {
        return;
    }
    /* the sentence before ends with a colon: `Caddell continued:` */
    if (r->open == lo && s > 0 &&
        !(a->paragraphs.v[a->sentences.v[s - 1].para].flags & (CC_PF_TITLE | CC_PF_HEADING))) {
        const cc_sentence *prev = &a->sentences.v[s - 1];
        uint32_t last = prev->tok_first + prev->tok_count - 1;
        if (cc_tok_punct(a, last, ':')) {
            cc_attribution_before(a, last, prev->tok_first, skip_quotes, q, &r->att);
        }
    }
}

/* `"X," he said. "Y"`: Y carries on the utterance the attribution interrupted, unless a verb of its
 * own introduces it (`, adding, "Y"`, `But he added: "Y"`) or it has an attribution of its own. */
static int continues_after_attribution(const qctx *q, size_t k)
{
    const cc_article *a = q->a;
    const raw_quote *r = &q->quotes.v[k], *n = &q->quotes.v[k + 1];
    if (r->unclosed || r->partial || n->partial || n->para != r->para || r->att.kind == CC_SPK_NONE ||
        r->att.verb <= r->close_last || r->att.verb >= n->open) {
        return 0;
    }
    /* both tokens lie between the two quotes' openings, so their sentences are among those of the quotes */
    if ((!cc_tok_punct(a, n->open - 1, ',') && !cc_tok_punct(a, n->open - 1, '.')) ||
        sentence_among(a, r->sentence, n->sentence + 1, n->open - 1) !=
            sentence_among(a, r->sentence, n->sentence + 1, r->att.verb)) {
        return 0; /* `"X," said A. The boat sank. "Y"`: narration between */
    }
    uint32_t intro = n->open - 2; /* `he added, "Y"`, `adding, "Y"` */
    if (intro != r->att.verb && (says(a, intro) || cc_tok_is(a, intro, "adding"))) {
        return 0;
    }
    if (r->open >= 2 && says(a, r->open - 2) &&
        (cc_tok_punct(a, r->open - 1, ',') || cc_tok_punct(a, r->open - 1, ':'))) {
        return 0; /* `someone shouted, "Cruz," Beck joked, "Amen!"`: X has a speaker of its own */
    }
    return n->att.kind == CC_SPK_NONE || n->att.verb == r->att.verb;
}

static int32_t find_speaker(qctx *q, const cc_attribution *att, uint32_t pos)
{
    cc_str name = att->name; /* a person's is already the fullest name the article gives */
    for (size_t i = 0; i < q->speakers.n; i++) {
        speaker *s = &q->speakers.v[i];
        if (s->kind == att->kind && s->name.len == name.len && strncasecmp(s->name.p, name.p, name.len) == 0) {
            if (!s->role.len) {
                s->role = att->role;
            }
            return (int32_t)i;
        }
    }
    speaker s = { name, att->role, att->kind, pos };
    SMALL_PUSH(q->speakers, q->small_speakers, s);
    return (int32_t)q->speakers.n - 1;
}

/* The person a "he" refers to: the most recent named person in subject position or as a speaker. */
static int32_t resolve_pronoun(qctx *q, size_t k, uint8_t want)
{
    const cc_article *a = q->a;
    uint32_t pos = cc_tok(a, q->quotes.v[k].open)->start;
    int32_t best_quote = -1;
    uint32_t best_pos = 0;
    for (size_t i = k; i-- > 0;) {
        int32_t sp = q->quotes.v[i].speaker;
        if (sp >= 0 && (want == CC_SPK_HE ? q->speakers.v[sp].kind != CC_SPK_ORG : q->speakers.v[sp].kind == CC_SPK_ORG)) {
            best_quote = sp;
            best_pos = cc_tok(a, q->quotes.v[i].open)->start;
            break;
        }
    }
    uint8_t type = want == CC_SPK_HE ? CC_ENT_PERSON : CC_ENT_ORG;
    uint32_t last_sentence = UINT32_MAX;
    size_t from = cc_mention_from(a, pos); /* the mentions after it all start after pos */
    for (size_t m = from < a->mentions.n ? from + 1 : from; m-- > 0;) {
        const cc_mention *mm = &a->mentions.v[m];
        if (mm->span.start >= pos || mm->type != type || mm->sentence == last_sentence) {
            continue;
        }
        if (mm->span.start < best_pos) {
            break;
        }
        /* the first such mention of its sentence: the subject, more often than not */
        size_t f = m;
        while (f > 0 && a->mentions.v[f - 1].sentence == mm->sentence) {
            f--;
        }
        while (f < m && a->mentions.v[f].type != type) {
            f++;
        }
        const cc_mention *subj = &a->mentions.v[f];
        last_sentence = mm->sentence;
        if (subj->span.start < best_pos) {
            continue;
        }
        cc_attribution att = { type == CC_ENT_PERSON ? CC_SPK_PERSON : CC_SPK_ORG, subj->name, { 0 }, 0, 0, 0 };
        return find_speaker(q, &att, subj->span.start);
    }
    return best_quote;
}

/* Another attribution between two quotes: a verb of saying ("was called to testify" is none). */
static int verb_between(const cc_article *a, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        if (says(a, i)) {
            return 1;
        }
    }
    return 0;
}

/* A quote with no attribution of its own continues the speaker before it: the previous quote in the
 * paragraph, the previous paragraph's quote when that paragraph ended in it, or the last speaker when
 * the paragraph between talks about them. */
static int32_t continued_speaker(qctx *q, size_t k)
{
    const cc_article *a = q->a;
    const raw_quote *r = &q->quotes.v[k];
    if (k == 0) {
        return -1;
    }
    const raw_quote *p = &q->quotes.v[k - 1];
    if (p->para == r->para) {
        uint32_t from = p->att.verb > p->close_last ? p->att.verb + 1 : p->close_last;
        return verb_between(a, from, r->open) ? -1 : p->speaker;
    }
    if (r->open != para_tok_first(a, r->para) || p->speaker < 0) {
        return -1;
    }
    if (p->para + 1 == r->para) {
        uint32_t last_sent = a->paragraphs.v[p->para].sent_first + a->paragraphs.v[p->para].sent_count - 1;
        return p->unclosed || p->sentence == last_sent ? p->speaker : -1;
    }
    if (p->para + 2 != r->para) {
        return -1;
    }
    const speaker *sp = &q->speakers.v[p->speaker];
    const cc_paragraph *mid = &a->paragraphs.v[r->para - 1];
    for (size_t m = 0; m < a->mentions.n; m++) {
        const cc_mention *mm = &a->mentions.v[m];
        if (mm->span.start >= mid->start && mm->span.end <= mid->end && mm->type == CC_ENT_PERSON) {
            return sp->kind == CC_SPK_PERSON && cc_same_surname(mm->name, sp->name) ? p->speaker : -1;
        }
    }
    return -1;
}

/* "The spokesman said" names someone the article identifies elsewhere: the person it calls a spokesman,
 * or else the next person it introduces by surname alone. */
static void resolve_description(qctx *q, speaker *s)
{
    const cc_article *a = q->a;
    const char *p = s->name.p;
    const char *end = p + s->name.len;
    uint32_t first = cc_token_at(a, (uint32_t)(p - a->text));
    int32_t role = -1;
    for (uint32_t i = first; i < a->tokens.n && a->text + a->tokens.v[i].start < end; i++) {
        if (cc_is_role_word(a, i)) {
            role = (int32_t)i;
        }
    }
    if (role < 0) {
        return;
    }
    for (size_t m = 0; m < a->mentions.n; m++) {
        const cc_mention *mm = &a->mentions.v[m];
        if (mm->type != CC_ENT_PERSON || mm->span.start == 0) {
            continue;
        }
        uint32_t t = cc_token_at(a, mm->span.start);
        if (t > 0 && cc_tok_len(a, t - 1) == cc_tok_len(a, (uint32_t)role) &&
            strncasecmp(cc_tok_text(a, t - 1), cc_tok_text(a, (uint32_t)role), cc_tok_len(a, (uint32_t)role)) == 0) {
            s->name = mm->name;
            s->kind = CC_SPK_PERSON;
            return;
        }
    }
    uint32_t after = (uint32_t)(end - a->text);
    for (size_t m = 0; m < a->mentions.n; m++) {
        const cc_mention *mm = &a->mentions.v[m];
        if (mm->type != CC_ENT_PERSON || mm->span.start < after) {
            continue;
        }
        int introduced_before = 0;
        for (size_t e = 0; e < m && !introduced_before; e++) {
            introduced_before = a->mentions.v[e].type == CC_ENT_PERSON && cc_same_surname(a->mentions.v[e].name, mm->name);
        }
        if (!introduced_before && !memchr(a->text + mm->span.start, ' ', mm->span.end - mm->span.start) &&
            mm->name.len == mm->span.end - mm->span.start) {
            s->name = mm->name;
            s->kind = CC_SPK_PERSON;
        }
        return;
    }
}

static void assign_speakers(qctx *q)
{
    for (size_t k = q->quotes.n; k-- > 0;) {
        raw_quote *r = &q->quotes.v[k];
        if (r->att.first == UINT32_MAX) {
            r->att = k + 1 < q->quotes.n ? q->quotes.v[k + 1].att : (cc_attribution){ 0 };
        }
    }
    for (size_t k = 0; k < q->quotes.n; k++) {
        raw_quote *r = &q->quotes.v[k];
        uint32_t pos = cc_tok(q->a, r->open)->start;
        switch (r->att.kind) {
        case CC_SPK_PERSON: case CC_SPK_ORG: case CC_SPK_DESC:
            r->speaker = find_speaker(q, &r->att, pos);
            break;
        case CC_SPK_HE: case CC_SPK_IT:
            r->speaker = resolve_pronoun(q, k, r->att.kind);
            break;
        case CC_SPK_THEY:
            break;
        default:
            r->speaker = continued_speaker(q, k);
            break;
        }
    }
    for (size_t i = 0; i < q->speakers.n; i++) {
        if (q->speakers.v[i].kind == CC_SPK_DESC) {
            resolve_description(q, &q->speakers.v[i]);
        }
    }
}

static cc_str join_pieces(cc_article *a, cc_span first, cc_span rest)
{
    size_t n1 = first.end - first.start, n2 = rest.end - rest.start;
    char *p = cc_arena_alloc(&a->arena, n1 + 1 + n2);
    memcpy(p, a->text + first.start, n1);
    p[n1] = ' ';
    memcpy(p + n1 + 1, a->text + rest.start, n2);
    return (cc_str){ p, (uint32_t)(n1 + 1 + n2) };
}

/* A short one-sentence paragraph with no sentence punctuation at all is a sub-heading ("UN 'alarmed'")
 * even when the cleaner did not mark it: its quote marks repeat a quote, or are scare quotes. */
static int headline_like(const cc_article *a, const cc_paragraph *p)
{
    if (p->sent_count != 1) {
        return 0;
    }
    const cc_sentence *s = &a->sentences.v[p->sent_first];
    uint32_t words = 0;
    for (uint32_t i = s->tok_first + s->tok_count; i-- > s->tok_first;) { /* from the end, where punctuation is */
        const cc_token *t = cc_tok(a, i);
        const char c = cc_tok_text(a, i)[0];
        if (t->kind == CC_TOK_PUNCT && (c == '.' || c == '!' || c == '?' || c == ';' || (unsigned char)c == 0xE2)) {
            return 0;
        }
        words += t->kind == CC_TOK_WORD;
    }
    return words <= 12;
}

void cc_extract_quotes(cc_article *a, int whole_utterances)
{
    a->quotes.n = 0;
    qctx q;
    q.a = a;
    q.current = 0;
    q.quotes.v = q.small_quotes;
    q.quotes.n = 0;
    q.quotes.cap = SMALL_QUOTES;
    q.speakers.v = q.small_speakers;
    q.speakers.n = 0;
    q.speakers.cap = SMALL_SPEAKERS;
    uint32_t mark = 0; /* the next quote mark: most paragraphs end before it and are not read further */
    for (uint32_t pi = 0; pi < a->paragraphs.n; pi++) {
        uint32_t end = para_tok_end(a, pi);
        const cc_paragraph *p = &a->paragraphs.v[pi];
        if (mark >= end || (p->flags & (CC_PF_TITLE | CC_PF_HEADING))) {
            continue;
        }
        uint32_t first = para_tok_first(a, pi);
        if (mark < first) {
            mark = next_quote_mark(a, first, (uint32_t)a->tokens.n);
        }
        if (mark >= end || headline_like(a, p)) {
            continue;
        }
        pair_paragraph(&q, pi, mark, end);
    }
    size_t kept = 0;
    for (size_t k = 0; k < q.quotes.n; k++) {
        raw_quote *r = &q.quotes.v[k];
        const cc_paragraph *p = &a->paragraphs.v[r->para];
        r->span = content_span(a, r);
        r->sentence = sentence_among(a, p->sent_first, p->sent_first + p->sent_count, r->open);
        r->partial = (uint8_t)is_partial(a, r);
        if (r->span.end <= r->span.start || (r->partial && looks_like_name(a, r))) {
            continue;
        }
        if (kept != k) {
            q.quotes.v[kept] = *r;
        }
        kept++;
    }
    q.quotes.n = kept;
    for (q.current = 0; q.current < q.quotes.n; q.current++) {
        attribute(&q, q.current);
    }
    for (size_t k = 0; k + 1 < q.quotes.n; k++) {
        q.quotes.v[k].joins_next = (uint8_t)continues_after_attribution(&q, k);
    }
    assign_speakers(&q);
    CC_VEC_RESERVE(a->quotes, q.quotes.n);
    for (size_t k = 0; k < q.quotes.n; k++) {
        const raw_quote *r = &q.quotes.v[k];
        cc_quote *out = &a->quotes.v[a->quotes.n++]; /* reserved above */
        *out = (cc_quote){ r->span, r->sentence, r->partial, { 0 }, { 0 }, -1, { 0 }, 0 };
        if (r->speaker >= 0) {
            out->speaker = q.speakers.v[r->speaker].name;
            out->role = q.speakers.v[r->speaker].role;
        }
        out->continues = k > 0 && q.quotes.v[k - 1].joins_next;
        if (r->joins_next && whole_utterances) {
            out->text = join_pieces(a, out->span, q.quotes.v[++k].span);
        }
    }
    if (q.quotes.v != q.small_quotes) {
        free(q.quotes.v);
    }
    if (q.speakers.v != q.small_speakers) {
        free(q.speakers.v);
    }
}
