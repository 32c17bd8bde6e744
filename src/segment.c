/* Paragraphs, sentences and tokens in one pass over the bytes, every piece a span into the text.
 *
 * A hand-written scanner rather than ICU's break iterators: the whole pipeline has to run at
 * 100 MB/s, and news needs rules UAX#29 does not have (abbreviations, "city.France" glued sentences,
 * attribution after a quoted exclamation). utf8proc classifies the non-ASCII code points. */
#include "segment.h"
#include "vocab.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "keyshape.h"
#include "lexicon.h"

enum char_class { C_OTHER, C_SPACE, C_NEWLINE, C_UPPER, C_LOWER, C_DIGIT, C_QUOTE, C_APOS };

static unsigned char ascii_class[128];
/* 1 for ASCII letters and digits; 0 for everything else, NUL included, which ends every article's
 * text, so word loops need no bounds check. */
static unsigned char ascii_word_byte[256];
/* 1 for the bytes that end an ASCII word with nothing left to decide: not a letter or digit, not a mark
 * a word may go on through (' - . &) and not the lead byte of a UTF-8 character. Most words end so. */
static unsigned char ends_plain_word[256];
static unsigned char ascii_upper[256];
static unsigned char ascii_letter[256];
/* ASCII marks that are a token of their own with nothing to decide: not a sentence end, a quote, a dash or
 * the start of a number, a space or a word. */
static unsigned char plain_mark[256];

static void init_ascii_class(void)
{
    for (int c = 0; c < 128; c++) {
        unsigned char k = C_OTHER;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            k = C_SPACE;
        } else if (c == '\n') {
            k = C_NEWLINE;
        } else if (c >= 'A' && c <= 'Z') {
            k = C_UPPER;
        } else if (c >= 'a' && c <= 'z') {
            k = C_LOWER;
        } else if (c >= '0' && c <= '9') {
            k = C_DIGIT;
        } else if (c == '"') {
            k = C_QUOTE;
        } else if (c == '\'') {
            k = C_APOS;
        }
        ascii_class[c] = k;
        ascii_word_byte[c] = k == C_UPPER || k == C_LOWER || k == C_DIGIT;
        ascii_upper[c] = k == C_UPPER;
        ascii_letter[c] = k == C_UPPER || k == C_LOWER;
        plain_mark[c] = k == C_OTHER && c > ' ' && !strchr(".!?-", c);
        ends_plain_word[c] = !ascii_word_byte[c] && c != '\'' && c != '-' && c != '.' && c != '&';
    }
}

typedef struct cp_info {
    int32_t cp;
    int len;
    unsigned char cls;
} cp_info;

static unsigned char class_of_codepoint(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x201F:
        return C_QUOTE;
    case 0x2018: case 0x2019: case 0x201B:
        return C_APOS;
    case 0x2028: case 0x2029:
        return C_NEWLINE;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LOWER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CF:
        return C_SPACE; /* no-break and thin spaces, zero-width joiners and soft hyphens */
    default:
        return C_OTHER;
    }
}

/* U+2000..U+203F (E2 80 80..BF): curly quotes, dashes, the ellipsis and special spaces are most of the
 * non-ASCII characters of news, so they are classed without decoding. */
static unsigned char general_punctuation_class[64];

static void init_general_punctuation_class(void)
{
    for (int k = 0; k < 64; k++) {
        general_punctuation_class[k] = class_of_codepoint(0x2000 + k);
    }
}

static inline cp_info char_at(const char *text, uint32_t len, uint32_t pos)
{
    unsigned char c = (unsigned char)text[pos];
    if (c < 0x80) {
        return (cp_info){ c, 1, ascii_class[c] };
    }
    if (c == 0xE2 && (unsigned char)text[pos + 1] == 0x80) { /* past the end only into the zero padding */
        unsigned char last = (unsigned char)text[pos + 2];
        if ((last & 0xC0) == 0x80) {
            return (cp_info){ 0x2000 | (last & 0x3F), 3, general_punctuation_class[last & 0x3F] };
        }
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + pos, len - pos, &cp);
    if (n <= 0) {
        return (cp_info){ c, 1, C_OTHER }; /* validated at ingest; stay safe anyway */
    }
    return (cp_info){ cp, (int)n, class_of_codepoint(cp) };
}

static inline int is_letter(unsigned char cls)
{
    return cls == C_UPPER || cls == C_LOWER;
}

static inline int is_wordish(unsigned char cls)
{
    return cls == C_UPPER || cls == C_LOWER || cls == C_DIGIT;
}

typedef struct scanner {
    cc_article *a;
    const char *text;
    uint32_t len;
    size_t furniture_next;
    uint32_t stop;             /* the start of the next furniture span or the end of the text: one test a token */
    size_t heading_next;
    /* sentence state */
    uint32_t sent_tok_first;
    int pending_end;        /* a terminal mark was seen; the sentence ends unless what follows continues it */
    int pending_strength;   /* 2 = real full stop/!/?, 1 = ordinary abbreviation (weak) */
    int single_quote_open;
    int double_quote_open;
    /* paragraph state */
    uint32_t para_sent_first;
    int para_open;
} scanner;

static const cc_lexset *abbreviations, *starters, *reporting_verbs;

/* ---- tokens ---- */

/* Abbreviations by shape: the full stop after most words ("said.", "people.") is told apart without a
 * lexicon probe. */
static cc_keyshapes abbreviation_shapes;

/* Is the period after the word at wstart..wend, which has no period of its own, an abbreviation's? */
static int abbreviation_period(const scanner *s, uint32_t wstart, uint32_t wend, int *title)
{
    uint32_t n = wend - wstart;
    const char *w = s->text + wstart;
    if (!cc_keyshapes_may_have(&abbreviation_shapes, w, n)) {
        return 0;
    }
    const cc_lexentry *e = cc_lexset_find(abbreviations, w, n);
    if (!e) {
        return 0;
    }
    /* a month abbreviation ends a sentence unless a day number follows */
    if (e->value_len == 5 && memcmp(e->value, "month", 5) == 0) {
        uint32_t p = wend + 1;
        while (p < s->len && s->text[p] == ' ') {
            p++;
        }
        return p < s->len && s->text[p] >= '0' && s->text[p] <= '9';
    }
    *title = e->value_len == 5 && memcmp(e->value, "title", 5) == 0;
    return 1;
}

/* Is the period at pos part of the word that ends there (Dr. U.S. J. Jan.)? */
static int period_belongs_to_word(const scanner *s, uint32_t wstart, uint32_t wend, int *title)
{
    uint32_t n = wend - wstart;
    const char *w = s->text + wstart;
    *title = 0;
    if (n == 1 && w[0] >= 'A' && w[0] <= 'Z') {
        *title = 1; /* an initial: J. K. Rowling */
        return 1;
    }
    if (memchr(w, '.', n)) {
        return 1; /* U.S. e.g. */
    }
    return abbreviation_period(s, wstart, wend, title);
}

#ifdef __SSE2__
static inline __m128i load16(const char *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* Bit k set when byte k of x is an ASCII letter or digit: a byte is in [lo, lo + n) when, shifted by
 * 0x80 - lo, it is below 0x80 + n as a signed byte. */
static inline unsigned word_bytes16(__m128i x)
{
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i letter_shift = _mm_set1_epi8((char)(0x80 - 'a')), letter_limit = _mm_set1_epi8((char)(0x80 + 26));
    const __m128i digit_shift = _mm_set1_epi8((char)(0x80 - '0')), digit_limit = _mm_set1_epi8((char)(0x80 + 10));
    __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, case_bit), letter_shift), letter_limit);
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, digit_shift), digit_limit);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
}
#endif

/* ASCII letters and digits are most of every word: take them without decoding, sixteen at a time where
 * the CPU allows (the article text is zero-padded, so reading past its end is safe). */
static inline uint32_t skip_ascii_word_bytes(const char *text, uint32_t pos)
{
#ifdef __SSE2__
    for (;;) {
        unsigned mask = word_bytes16(load16(text + pos));
        if (mask != 0xFFFF) {
            return pos + (uint32_t)__builtin_ctz(~mask);
        }
        pos += 16;
    }
#else
    while (ascii_word_byte[(unsigned char)text[pos]]) {
        pos++;
    }
    return pos;
#endif
}

/* Thirty-two bytes of text from base, classed at once: bit k of nonword is set when byte base + k is not an
 * ASCII letter or digit, of spaces when it is a space. The plain run finds most words' ends in the window
 * an earlier word loaded: a shift and a bit scan, where a load and a classing would be one word's wait on
 * the last. A window holds several words, so the test for a new one is seldom guessed wrong. */
typedef struct window {
    uint32_t base;
    uint64_t nonword; /* bits 32 to 63 clear: a shift past the window leaves nothing */
    uint64_t spaces;
} window;

/* The text is padded with 32 zero bytes, so a window may reach past its end. */
static inline window classify32(const char *text, uint32_t base)
{
    window w = { base, 0, 0 };
#ifdef __SSE2__
    const __m128i blank = _mm_set1_epi8(' ');
    __m128i lo = load16(text + base), hi = load16(text + base + 16);
    w.nonword = ~((uint64_t)word_bytes16(hi) << 16 | word_bytes16(lo)) & 0xFFFFFFFFu;
    w.spaces = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(hi, blank)) << 16 |
               (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(lo, blank));
#else
    for (uint32_t k = 0; k < 32; k++) {
        unsigned char c = (unsigned char)text[base + k];
        w.nonword |= (uint64_t)!ascii_word_byte[c] << k;
        w.spaces |= (uint64_t)(c == ' ') << k;
    }
#endif
    return w;
}

/* The end of the ASCII word at pos, and whether a space follows it, from the window when the end is in it. */
static inline uint32_t ascii_word_end(const char *text, uint32_t pos, window *w, uint32_t *spaced)
{
    uint32_t off = pos - w->base;
    uint64_t rest = w->nonword >> (off < 63 ? off : 63);
    if (!rest) {
        *w = classify32(text, pos);
        off = 0;
        rest = w->nonword;
        if (!rest) { /* thirty-two letters or more */
            uint32_t end = skip_ascii_word_bytes(text, pos + 32);
            *spaced = text[end] == ' ';
            return end;
        }
    }
    uint32_t k = (uint32_t)__builtin_ctzll(rest);
    *spaced = (uint32_t)(w->spaces >> (off + k)) & 1;
    return pos + k;
}

typedef struct word_scan {
    uint32_t end;
    uint8_t flags;       /* cc_token_flags of the word */
    uint8_t title;       /* ends in a title's or an initial's period: never a sentence end */
} word_scan;

/* Case flags from the first two letters: a word whose first two letters are capitals is treated as
 * all-capitals (UN, GMT, NATO), which is what later stages use the flag for. */
static uint8_t case_flags(const char *w, uint32_t n)
{
    uint8_t f = 0;
    unsigned char c0 = (unsigned char)w[0];
    if (c0 < 0x80 ? ascii_class[c0] == C_UPPER : 0) {
        f |= CC_TF_CAP;
        if (n >= 2 && (unsigned char)w[1] < 0x80 && ascii_class[(unsigned char)w[1]] == C_UPPER) {
            f |= CC_TF_ALLCAPS;
        }
    }
    return f;
}

/* Any word: letters of other scripts, inner apostrophes, hyphens and periods (U.S.), S&P. */
static word_scan scan_any_word(const scanner *s, uint32_t pos)
{
    uint32_t start = pos;
    uint32_t seg_start = pos; /* start of the current dot-separated piece, for U.S. */
    uint8_t flags = 0;
    for (;;) {
        pos = skip_ascii_word_bytes(s->text, pos);
        if (pos >= s->len) {
            break;
        }
        cp_info c = char_at(s->text, s->len, pos);
        if (is_wordish(c.cls)) {
            flags |= CC_TF_NONASCII;
            pos += (uint32_t)c.len;
            continue;
        }
        if (pos + 1 >= s->len || c.cls == C_SPACE || c.cls == C_NEWLINE) {
            break;
        }
        cp_info next = char_at(s->text, s->len, pos + (uint32_t)c.len);
        if (c.cls == C_APOS && is_letter(next.cls)) {
            pos += (uint32_t)c.len; /* Gov'ts, Ra’ad, don't */
        } else if ((c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011) && is_wordish(next.cls)) {
            pos += (uint32_t)c.len; /* Ki-moon, Iran-affiliated */
            seg_start = pos;
            flags |= CC_TF_HYPHEN;
        } else if (c.cp == '.' && is_letter(next.cls) && pos - seg_start == 1 && next.len == 1 &&
                   pos + 2 < s->len && s->text[pos + 2] == '.') {
            pos += 1; /* U.S, e.g */
            seg_start = pos;
        } else if (c.cp == '&' && pos - start == 1 && next.cls == C_UPPER) {
            pos += 1; /* S&P (one letter before the ampersand) */
        } else {
            break;
        }
    }
    /* possessive plural: "parents' homes", when no single quote is open */
    if (pos < s->len && s->text[pos] == '\'' && pos > start && s->text[pos - 1] == 's' && !s->single_quote_open &&
        (pos + 1 >= s->len || s->text[pos + 1] == ' ')) {
        pos++;
    }
    word_scan w = { pos, (uint8_t)(flags | case_flags(s->text + start, pos - start)), 0 };
    int title;
    if (pos < s->len && s->text[pos] == '.' && period_belongs_to_word(s, start, pos, &title)) {
        w.end = pos + 1;
        w.flags |= CC_TF_ABBREV;
        w.title = (uint8_t)title;
    }
    return w;
}

/* The case flags of an ASCII word from its first two bytes: after a one-letter word the second is the
 * byte that ended it, never a capital, so no length test is needed. Arithmetic, not a branch, as
 * capitals come unpredictably. */
static inline uint8_t ascii_case_flags(const char *word)
{
    unsigned cap = ascii_upper[(unsigned char)word[0]], caps = cap & ascii_upper[(unsigned char)word[1]];
    return (uint8_t)(cap * CC_TF_CAP | caps * CC_TF_ALLCAPS);
}

/* A word of ASCII letters and digits, ended by a space or plain punctuation or by a full stop (not an
 * initial's, which may be U.S.), needs none of scan_any_word's tests. */
static inline word_scan scan_word(const scanner *s, uint32_t pos)
{
    uint32_t end = skip_ascii_word_bytes(s->text, pos);
    unsigned char after = (unsigned char)s->text[end];
    if (!ends_plain_word[after] && !(after == '.' && end - pos >= 2)) {
        return scan_any_word(s, pos);
    }
    word_scan ws = { end, ascii_case_flags(s->text + pos), 0 };
    int title = 0;
    if (after == '.' && abbreviation_period(s, pos, end, &title)) {
        ws.end = end + 1;
        ws.flags |= CC_TF_ABBREV;
        ws.title = (uint8_t)title;
    }
    return ws;
}

static uint32_t scan_number(const scanner *s, uint32_t pos)
{
    const char *t = s->text;
    while (pos < s->len) {
        if (t[pos] >= '0' && t[pos] <= '9') {
            pos++;
        } else if (t[pos] == ',' && pos + 3 < s->len + 1 && pos + 3 <= s->len &&
                   t[pos + 1] >= '0' && t[pos + 1] <= '9' && t[pos + 2] >= '0' && t[pos + 2] <= '9' &&
                   t[pos + 3] >= '0' && t[pos + 3] <= '9' && (pos + 4 >= s->len || t[pos + 4] < '0' || t[pos + 4] > '9')) {
            pos += 4; /* thousands separator */
        } else if (t[pos] == '.' && pos + 1 < s->len && t[pos + 1] >= '0' && t[pos + 1] <= '9') {
            pos++;    /* decimal point */
        } else {
            break;
        }
    }
    return pos;
}

/* An opening curly mark printed where a closing one belongs: a quote is open, the mark hangs on the
 * word or punctuation before it and a space follows (`“It's unusual,“ said …`). */
static int misprinted_closer(const scanner *s, uint32_t pos, cp_info q, int open_state)
{
    if (!open_state || pos == 0 || pos + (uint32_t)q.len >= s->len) {
        return 0;
    }
    unsigned char bc = (unsigned char)s->text[pos - 1], ac = (unsigned char)s->text[pos + (uint32_t)q.len];
    return bc != ' ' && bc != '\n' && bc != '(' && bc != '-' && (ac == ' ' || ac == '\n');
}

/* Opening or closing? By the characters around the mark, then by what is open. */
static uint8_t quote_direction(const scanner *s, uint32_t pos, cp_info q, int *open_state)
{
    if ((q.cp == 0x201C && !misprinted_closer(s, pos, q, *open_state)) || q.cp == 0x00AB || q.cp == 0x201E ||
        q.cp == 0x2018) {
        *open_state = 1;
        return CC_TF_QOPEN;
    }
    if (q.cp == 0x201D || q.cp == 0x00BB || q.cp == 0x201C) {
        *open_state = 0;
        return CC_TF_QCLOSE;
    }
    unsigned char before = C_SPACE, after = C_SPACE;
    if (pos > 0) {
        uint32_t b = pos - 1;
        while (b > 0 && ((unsigned char)s->text[b] & 0xC0) == 0x80) {
            b--;
        }
        before = char_at(s->text, s->len, b).cls;
        unsigned char bc = (unsigned char)s->text[pos - 1];
        if (bc == '(' || bc == '[' || bc == '-' || bc == 0x94 /* em dash tail */) {
            before = C_SPACE;
        }
    }
    if (pos + (uint32_t)q.len < s->len) {
        after = char_at(s->text, s->len, pos + (uint32_t)q.len).cls;
    }
    int space_before = before == C_SPACE || before == C_NEWLINE;
    int space_after = after == C_SPACE || after == C_NEWLINE || after == C_OTHER;
    int open;
    if (space_before && !space_after) {
        open = 1;
    } else if (!space_before && space_after) {
        open = 0;
    } else {
        open = !*open_state;
    }
    *open_state = open;
    return open ? CC_TF_QOPEN : CC_TF_QCLOSE;
}

static inline void push_token(cc_article *a, uint32_t start, uint32_t end, uint8_t kind, uint8_t flags)
{
    cc_token t = { start, end, kind, flags, 0, 0 };
    CC_VEC_PUSH(a->tokens, t);
}

/* A word or number: its vocabulary key is noted now, while its bytes are in the cache. */
static inline void push_term(cc_article *a, uint32_t start, uint32_t end, uint8_t kind, uint8_t flags)
{
    uint64_t key = cc_vocab_hash(a->text + start, end - start);
    cc_token t = { start, end, kind, flags, cc_vocab_key_low(key), cc_vocab_key_high(key) };
    CC_VEC_PUSH(a->tokens, t);
}

/* ---- sentences and paragraphs ---- */

static void close_sentence(scanner *s)
{
    cc_article *a = s->a;
    uint32_t n = (uint32_t)a->tokens.n;
    if (n > s->sent_tok_first) {
        cc_sentence sent;
        sent.tok_first = s->sent_tok_first;
        sent.tok_count = n - s->sent_tok_first;
        sent.start = a->tokens.v[sent.tok_first].start;
        sent.end = a->tokens.v[n - 1].end;
        sent.para = (uint32_t)a->paragraphs.n;
        a->tokens.v[sent.tok_first].flags |= CC_TF_SENT_START;
        CC_VEC_PUSH(a->sentences, sent);
    }
    s->sent_tok_first = n;
    s->pending_end = 0;
}

/* Headings come in text order, as paragraphs do, so one cursor walks both. */
static int is_heading_paragraph(scanner *s, uint32_t start, uint32_t end)
{
    const cc_article *a = s->a;
    while (s->heading_next < a->headings.n && a->headings.v[s->heading_next].end < end) {
        s->heading_next++;
    }
    return s->heading_next < a->headings.n && a->headings.v[s->heading_next].start <= start &&
           end <= a->headings.v[s->heading_next].end;
}

static void close_paragraph(scanner *s)
{
    close_sentence(s);
    s->single_quote_open = 0;
    cc_article *a = s->a;
    if (a->sentences.n > s->para_sent_first) {
        cc_paragraph p;
        p.sent_first = s->para_sent_first;
        p.sent_count = (uint32_t)a->sentences.n - s->para_sent_first;
        p.start = a->sentences.v[p.sent_first].start;
        p.end = a->sentences.v[a->sentences.n - 1].end;
        p.flags = 0;
        if (a->title_span.end > a->title_span.start && p.start >= a->title_span.start && p.end <= a->title_span.end) {
            p.flags |= CC_PF_TITLE;
        } else if (is_heading_paragraph(s, p.start, p.end)) {
            p.flags |= CC_PF_HEADING;
        }
        CC_VEC_PUSH(a->paragraphs, p);
    }
    s->para_sent_first = (uint32_t)a->sentences.n;
    /* a double quote left open at a paragraph end stays open: news reopens it on the next paragraph */
}

/* After `"…!" Egeland tweeted` the sentence goes on: a reporting verb within the next few words
 * (before any punctuation) means the quote's attribution follows. */
static int attribution_follows(const scanner *s, uint32_t pos)
{
    int words = 0;
    while (pos < s->len && words < 5) {
        cp_info c = char_at(s->text, s->len, pos);
        if (c.cls == C_SPACE) {
            pos += (uint32_t)c.len;
            continue;
        }
        if (!is_letter(c.cls)) {
            return 0;
        }
        uint32_t end = scan_word(s, pos).end;
        if (cc_lexset_find(reporting_verbs, s->text + pos, end - pos)) {
            return 1;
        }
        words++;
        pos = end;
    }
    return 0;
}

/* Decide, at the start of a new token, whether the pending sentence end stands. */
static int pending_end_stands(const scanner *s, cp_info next, uint32_t next_pos, uint32_t word_end)
{
    const cc_token *last = &s->a->tokens.v[s->a->tokens.n - 1];
    int after_quote = last->kind == CC_TOK_QUOTE && (last->flags & CC_TF_QCLOSE);
    if (next.cls == C_LOWER) {
        return 0;
    }
    if (after_quote && attribution_follows(s, next_pos)) {
        return 0;
    }
    if (s->pending_strength == 1) {
        return next.cls == C_UPPER && cc_lexset_find(starters, s->text + next_pos, word_end - next_pos);
    }
    return next.cls == C_UPPER || next.cls == C_DIGIT || next.cls == C_QUOTE || next.cls == C_APOS ||
           next.cp == '(' || next.cp == '[' || next.cp == '-' || next.cp == 0x2013 || next.cp == 0x2014 ||
           next.cp == 0x2022;
}

static int is_terminal(cp_info c)
{
    return c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cp == 0x2026;
}

static int is_closer(cp_info c)
{
    return c.cp == ')' || c.cp == ']';
}

/* A single newline inside running text (hard-wrapped copy) does not end a paragraph: the line before
 * has no sentence end and the next starts in lower case. */
static int newline_breaks_paragraph(const scanner *s, uint32_t pos)
{
    uint32_t p = pos + 1;
    while (p < s->len && (s->text[p] == ' ' || s->text[p] == '\t' || s->text[p] == '\r')) {
        p++;
    }
    if (p >= s->len || s->text[p] == '\n') {
        return 1;
    }
    if (s->pending_end || s->a->tokens.n == s->sent_tok_first) {
        return 1;
    }
    return char_at(s->text, s->len, p).cls != C_LOWER;
}

static void next_furniture(scanner *s, uint32_t pos)
{
    const cc_article *a = s->a;
    while (s->furniture_next < a->furniture.n && a->furniture.v[s->furniture_next].end <= pos) {
        s->furniture_next++;
    }
    uint32_t furniture_start = s->furniture_next < a->furniture.n ? a->furniture.v[s->furniture_next].start : UINT32_MAX;
    s->stop = furniture_start < s->len ? furniture_start : s->len;
}

/* Called when the scan reaches the next furniture span at pos: jumps over it, to the position returned. */
static uint32_t skip_furniture(scanner *s, uint32_t pos)
{
    cc_article *a = s->a;
    cc_span f = a->furniture.v[s->furniture_next];
    int is_dateline = f.start == a->dateline_span.start && f.end == a->dateline_span.end && f.end > f.start;
    if (!is_dateline) {
        close_paragraph(s);
    }
    if (f.end > pos) {
        pos = f.end;
    }
    s->furniture_next++;
    next_furniture(s, pos);
    return pos;
}

/* An ordinary abbreviation's period may end the sentence: the next token decides. */
static uint32_t push_word(scanner *s, uint32_t start, word_scan w)
{
    push_term(s->a, start, w.end, CC_TOK_WORD, w.flags);
    if ((w.flags & CC_TF_ABBREV) && !w.title) {
        s->pending_end = 1;
        s->pending_strength = 1;
    }
    return w.end;
}

/* A full stop after the plain word at pos..end that is no abbreviation's and no ellipsis's or decimal
 * point's: the word and the stop are two tokens, and a sentence end is pending. room: tokens left. */
static inline int ends_sentence_plainly(const scanner *s, uint32_t pos, uint32_t end, ptrdiff_t room)
{
    unsigned char after = (unsigned char)s->text[end + 1];
    return s->text[end] == '.' && end - pos >= 2 && end < s->stop && room >= 2 && after != '.' &&
           !(after >= '0' && after <= '9') && !cc_keyshapes_may_have(&abbreviation_shapes, s->text + pos, end - pos);
}

/* The common run: spaces, ASCII words each ended by a space or plain punctuation, and plain marks, with no
 * sentence end pending and room for their tokens. They need nothing of scan()'s per-token tests, and the token
 * array is written through a local pointer. Returns where the run stops: anything else is scan()'s. */
static uint32_t scan_plain_words(scanner *s, uint32_t pos)
{
    const char *text = s->text;
    cc_article *a = s->a;
    cc_token *tok = a->tokens.v + a->tokens.n, *room = a->tokens.v + a->tokens.cap;
    uint32_t stop = s->stop;
    window w = { 0, 0, 0 }; /* empty: the first word loads one */
    for (;;) {
        while (text[pos] == ' ') { /* the text ends in a NUL */
            pos++;
        }
        if (pos >= stop || tok == room) {
            break;
        }
        unsigned char first = (unsigned char)text[pos];
        if (plain_mark[first]) {
            *tok++ = (cc_token){ pos, pos + 1, CC_TOK_PUNCT, 0, 0, 0 };
            pos++;
            continue;
        }
        if (!ascii_letter[first]) {
            break;
        }
        uint32_t spaced;
        uint32_t end = ascii_word_end(text, pos, &w, &spaced);
        int full_stop = 0;
        if (!ends_plain_word[(unsigned char)text[end]] && !(full_stop = ends_sentence_plainly(s, pos, end, room - tok))) {
            break;
        }
        uint64_t key = cc_vocab_hash(text + pos, end - pos);
        *tok++ = (cc_token){ pos, end, CC_TOK_WORD, ascii_case_flags(text + pos), cc_vocab_key_low(key),
                             cc_vocab_key_high(key) };
        if (full_stop) {
            *tok++ = (cc_token){ end, end + 1, CC_TOK_PUNCT, 0, 0, 0 };
            s->pending_end = 1;
            s->pending_strength = 2;
            pos = end + 1;
            break;
        }
        pos = end + spaced; /* most words are followed by one space */
    }
    a->tokens.n = (size_t)(tok - a->tokens.v);
    return pos;
}

/* The token at pos does not continue the pending end's sentence mark: the end stands or not. */
static void settle_pending_end(scanner *s, cp_info c, uint32_t pos, uint32_t word_end)
{
    if (pending_end_stands(s, c, pos, word_end)) {
        close_sentence(s);
    }
    s->pending_end = 0;
}

/* Closing brackets, more terminal marks and a closing quote hung on the last token belong to the
 * sentence a pending end is about to close. */
static int continues_sentence_mark(const scanner *s, cp_info c, uint32_t pos)
{
    const cc_article *a = s->a;
    int quote_closes = c.cls == C_QUOTE || c.cls == C_APOS;
    return is_closer(c) || is_terminal(c) ||
           (quote_closes && a->tokens.n > 0 && a->tokens.v[a->tokens.n - 1].end == pos &&
            (c.cp == 0x201D || c.cp == 0x2019 || c.cp == '"' || c.cp == '\''));
}

/* The token at start (any but a word of letters); returns where it ends. */
static uint32_t scan_token(scanner *s, cp_info c, uint32_t start)
{
    uint32_t end;
    cc_article *a = s->a;
    if (c.cls == C_DIGIT && c.cp >= 0x80) { /* other scripts' digits read as word */
        end = push_word(s, start, scan_word(s, start));
    } else if (c.cls == C_DIGIT) {
        end = scan_number(s, start);
        push_term(a, start, end, CC_TOK_NUMBER, 0);
    } else if (c.cls == C_QUOTE || (c.cls == C_APOS)) {
        end = start + (uint32_t)c.len;
        cp_info next = end < s->len ? char_at(s->text, s->len, end) : (cp_info){ 0, 1, C_SPACE };
        if (c.cls == C_APOS && next.cls == C_DIGIT && (start == 0 || s->text[start - 1] == ' ')) {
            push_token(a, start, end, CC_TOK_PUNCT, 0); /* '90s */
            return end;
        }
        int *state = c.cls == C_QUOTE ? &s->double_quote_open : &s->single_quote_open;
        uint8_t dir = quote_direction(s, start, c, state);
        push_token(a, start, end, CC_TOK_QUOTE, dir);
    } else if (c.cp == '.' && start + 2 < s->len && s->text[start + 1] == '.' && s->text[start + 2] == '.') {
        end = start + 3;
        push_token(a, start, end, CC_TOK_PUNCT, 0);
    } else if (c.cp == '-' && start + 1 < s->len && s->text[start + 1] == '-') {
        end = start + 2;
        push_token(a, start, end, CC_TOK_PUNCT, 0);
    } else {
        end = start + (uint32_t)c.len;
        push_token(a, start, end, CC_TOK_PUNCT, 0);
        /* a point before a digit is a decimal point ("RM23.50", "a .500 record"), never a full stop */
        int decimal_point = c.cp == '.' && s->text[end] >= '0' && s->text[end] <= '9';
        if (is_terminal(c) && !decimal_point) {
            s->pending_end = 1;
            s->pending_strength = c.cp == 0x2026 ? 1 : 2;
        }
    }
    return end;
}

static void scan(scanner *s)
{
    const char *text = s->text;
    uint32_t pos = 0;
    for (;;) {
        if (!s->pending_end) {
            pos = scan_plain_words(s, pos);
        }
        while (text[pos] == ' ') { /* the text ends in a NUL */
            pos++;
        }
        if (pos >= s->stop) {
            if (pos >= s->len) {
                break;
            }
            pos = skip_furniture(s, pos);
            continue;
        }
        cp_info c = char_at(text, s->len, pos);
        if (is_letter(c.cls)) { /* most tokens: scanned once, whether or not a sentence end is pending */
            word_scan w = scan_word(s, pos);
            if (s->pending_end) {
                settle_pending_end(s, c, pos, w.end - ((w.flags & CC_TF_ABBREV) != 0));
            }
            pos = push_word(s, pos, w);
            continue;
        }
        if (c.cls == C_SPACE) {
            pos += (uint32_t)c.len;
            continue;
        }
        if (c.cls == C_NEWLINE) {
            if (newline_breaks_paragraph(s, pos)) {
                close_paragraph(s);
            }
            pos += (uint32_t)c.len;
            continue;
        }
        if (s->pending_end && !continues_sentence_mark(s, c, pos)) {
            settle_pending_end(s, c, pos, pos);
        }
        pos = scan_token(s, c, pos);
    }
    close_paragraph(s);
}

static pthread_once_t tables_made = PTHREAD_ONCE_INIT;

/* Once per process, whichever thread comes first. */
static void make_tables(void)
{
    init_ascii_class();
    init_general_punctuation_class();
    abbreviations = cc_lexset_get("abbreviations");
    starters = cc_lexset_get("sentence_starters");
    reporting_verbs = cc_lexset_get("reporting_verbs");
    cc_keyshapes_add(&abbreviation_shapes, abbreviations, 0);
}

void cc_segment(cc_article *a)
{
    pthread_once(&tables_made, make_tables);
    a->tokens.n = a->sentences.n = a->paragraphs.n = 0;
    CC_VEC_RESERVE(a->tokens, a->len / 5 + 16);
    CC_VEC_RESERVE(a->sentences, a->len / 100 + 4);
    CC_VEC_RESERVE(a->paragraphs, a->len / 128 + 4);
    scanner s = { 0 };
    s.a = a;
    s.text = a->text;
    s.len = a->len;
    next_furniture(&s, 0);
    scan(&s);
    cc_vocab_intern(a);
}
