#include "phrase.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "bytes8.h"
#include "first_tokens.h"
#include "lexicon_table.h" /* cc_lexset_find_folded */
#include "words.h"

/* The longest phrase looked up, in bytes. */
enum { JOINED = 96 };

/* Joins tokens [i, j) as the text writes them, spaces collapsed, in lower case: the form of the lexicons'
 * keys (tokens hold no blanks, so case is all there is to fold). Eight bytes at a time, as the text is
 * padded: buf has room for cap + 8 bytes. 0 when it does not fit in cap. */
static size_t join(const cc_article *a, size_t i, size_t j, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t k = i; k < j; k++) {
        const cc_token *t = &a->tokens.v[k];
        size_t len = t->end - t->start;
        if (k > i && t->start != a->tokens.v[k - 1].end) {
            if (n + 1 >= cap) {
                return 0;
            }
            buf[n++] = ' ';
        }
        if (n + len >= cap) {
            return 0;
        }
        for (size_t b = 0; b < len; b += 8) {
            cc_copy_lower8(buf + n + b, a->text + t->start + b);
        }
        n += len;
    }
    return n;
}

/* Lexicons whose possible first words are class bits of each spelling (vocab.c), so that a lookup turns
 * away a word that starts no entry by one test of its token, without its text or a filter table. The
 * casualty predicates, tried at every word of a sentence with a figure, have a bit of their own, as have
 * the time phrases and stop words the claims read; the lexicons read around a figure share one (which
 * amount_read.h's amt_phrase_at tests before it calls: a lexicon it is used with stays in that group). */
static const struct start_group {
    unsigned bit;
    const char *sets[16];
} start_groups[] = {
    { CC_W_PREDICATE_START, { "casualty_predicates" } },
    { CC_W_FIGURE_START,
      { "qualifiers", "qualifiers_after", "change_words", "change_by_verbs", "currencies", "units", "clock_words",
        "identifier_words", "year_words", "people_nouns", "vague_figures", "street_words", "metre_context",
        "ordinal_words" } },
    { CC_W_TIME_START, { "time_words" } },
    { CC_W_STOP_START, { "stop_words" } },
};

/* Every group's possible first tokens, with the bits of the groups they start. */
static cc_first_tokens starts;
static pthread_once_t starts_made = PTHREAD_ONCE_INIT;

static int ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A word token ends before a byte that is no ASCII letter or digit, or after a period it keeps ("Feb."),
 * so a key's first token may be each of its prefixes that ends there. */
static void make_starts(void)
{
    for (size_t g = 0; g < CC_COUNT(start_groups); g++) {
        for (size_t k = 0; k < CC_COUNT(start_groups[g].sets) && start_groups[g].sets[k]; k++) {
            const cc_lexset *set = cc_lexset_get(start_groups[g].sets[k]);
            for (size_t i = 0; i < cc_lexset_size(set); i++) {
                const cc_lexentry *e = cc_lexset_entry(set, i);
                for (size_t n = 1; n <= e->key_len; n++) {
                    if (n == e->key_len || !ascii_alnum(e->key[n]) || e->key[n - 1] == '.') {
                        cc_first_tokens_add(&starts, e->key, n, start_groups[g].bit);
                    }
                }
            }
        }
    }
}

unsigned cc_phrase_start_classes(const char *s, size_t len)
{
    pthread_once(&starts_made, make_starts);
    return cc_first_tokens_bits(&starts, s, len);
}

/* The start class bit of set, 0 when it is in no group. */
static unsigned start_class_of(const cc_lexset *set)
{
    for (size_t g = 0; g < CC_COUNT(start_groups); g++) {
        for (size_t k = 0; k < CC_COUNT(start_groups[g].sets) && start_groups[g].sets[k]; k++) {
            if (cc_lexset_get(start_groups[g].sets[k]) == set) {
                return start_groups[g].bit;
            }
        }
    }
    return 0;
}

/* Which first tokens can start an entry, by first byte and length: one table probe turns away almost every
 * token before any joining and hashing. A key's first token ends where the tokenizer would end it. */
typedef struct first_filter {
    const cc_lexset *set;
    unsigned start_class;   /* a word token without this class bit starts no entry (0: no such bit) */
    /* by slot_of their first two bytes: bit length_bit(n) of the low half, first tokens of length n; of the
     * high half, the same for entries of more than one token. One small load answers both, and the tables
     * of all the lexicons read around a figure stay in the first-level cache together. */
    uint32_t lengths[1024];
    /* the hashes of the prefixes of every key (open addressing, 0 empty; NULL for a lexicon too big for
     * it): a phrase of two or more tokens is looked up only when its first two tokens begin some key */
    uint64_t *prefixes;
    uint64_t prefix_mask;
    /* the same as lengths for the last tokens of entries, by their first two bytes: a lookup backwards
     * from a token turns away, by the token before it, every phrase that would end there (made with the
     * prefixes, which a lexicon too big for them goes without) */
    uint16_t last_lengths[1024];
} first_filter;

/* Filters are made the first time a set is asked for, under a lock; recent is read without one, and a
 * filter is published there only once it is complete. */
static first_filter filters[64]; /* more than the lexicons */
static size_t filter_count;
static pthread_mutex_t filters_lock = PTHREAD_MUTEX_INITIALIZER;
/* direct-mapped by the set's address, so most lookups are one probe */
static _Atomic(const first_filter *) recent[64];

/* Filter slot of a first token, from its first two bytes (the second 0 for one-byte tokens). Setting bit 5
 * lower-cases a capital, and maps a few other bytes together, which only lets more tokens through: the keys'
 * slots are made the same way. */
static unsigned slot_of(unsigned char c0, unsigned char c1)
{
    return ((c0 | 0x20u) * 31u + (c1 | 0x20u)) & 1023u;
}

/* Lengths from 15 on share a bit. */
static unsigned length_bit(size_t n)
{
    return n < 15 ? (unsigned)n : 15;
}

static size_t first_token_length(const char *key, size_t len)
{
    if (len && !((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= '0' && key[0] <= '9') || (unsigned char)key[0] >= 0x80)) {
        return 1;
    }
    size_t n = 0;
    while (n < len && key[n] != ' ' && key[n] != '/' && key[n] != '$' && key[n] != '=' && key[n] != '%') {
        n++;
    }
    return n;
}

static size_t recent_slot(const cc_lexset *set)
{
    return ((uintptr_t)set >> 4) & 63;
}

static uint64_t start_hash(const char *s, size_t n)
{
    uint64_t h = XXH3_64bits(s, n);
    return h ? h : 1;
}

static uint64_t *prefix_slot(const first_filter *f, uint64_t hash)
{
    uint64_t k = hash & f->prefix_mask;
    while (f->prefixes[k] && f->prefixes[k] != hash) {
        k = (k + 1) & f->prefix_mask;
    }
    return &f->prefixes[k];
}

/* Keys are stored folded, so their prefixes hash as they are. */
static void add_prefixes(first_filter *f, const cc_lexset *set)
{
    size_t count = 0;
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        count += cc_lexset_entry(set, i)->key_len;
    }
    if (count > 1u << 15) {
        return; /* the places: a table this big would cost more cache misses than the lookups it saves */
    }
    for (f->prefix_mask = 255; f->prefix_mask < 2 * count; f->prefix_mask = f->prefix_mask * 2 + 1) {
    }
    f->prefixes = calloc(f->prefix_mask + 1, sizeof *f->prefixes);
    if (!f->prefixes) {
        abort();
    }
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        for (size_t n = 2; n <= e->key_len; n++) {
            uint64_t hash = start_hash(e->key, n);
            *prefix_slot(f, hash) = hash;
        }
    }
}

static int ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Where in a key a token may start, as the tokenizer cuts: after a space or a mark, at a mark, and where
 * digits and letters meet ("2m" is two tokens). UTF-8 bytes count as marks, so more places qualify, which
 * only lets more lookups through. */
static int token_may_start(const char *key, size_t p)
{
    if (key[p] == ' ') {
        return 0;
    }
    return p == 0 || !ascii_alnum(key[p - 1]) || !ascii_alnum(key[p]) || ascii_digit(key[p - 1]) != ascii_digit(key[p]);
}

static void add_last_tokens(first_filter *f, const cc_lexentry *e)
{
    for (size_t p = 0; p < e->key_len; p++) {
        if (token_may_start(e->key, p)) {
            size_t n = e->key_len - p;
            f->last_lengths[slot_of((unsigned char)e->key[p], n > 1 ? (unsigned char)e->key[p + 1] : 0)] |=
                (uint16_t)(1u << length_bit(n));
        }
    }
}

/* Do tokens i and i+1, as the text writes them, begin some key of f's set? Keys are folded: lower case,
 * single spaces, as join writes the tokens but for case. */
static __attribute__((noinline)) int begins_key(const first_filter *f, const cc_article *a, size_t i)
{
    char buf[JOINED + 8];
    size_t n = f && f->prefixes ? join(a, i, i + 2, buf, JOINED) : 0;
    if (!n) {
        return 1;
    }
    return *prefix_slot(f, start_hash(buf, n)) != 0;
}

/* The filter of set, made the first time; NULL when there is no room. Under filters_lock. */
static const first_filter *filter_made(const cc_lexset *set)
{
    for (size_t i = 0; i < filter_count; i++) {
        if (filters[i].set == set) {
            return &filters[i];
        }
    }
    if (filter_count == sizeof filters / sizeof *filters) {
        return NULL;
    }
    first_filter *f = &filters[filter_count];
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        size_t n = first_token_length(e->key, e->key_len);
        unsigned idx = slot_of((unsigned char)e->key[0], n > 1 ? (unsigned char)e->key[1] : 0);
        unsigned half = n < e->key_len ? 16 : 0;
        f->lengths[idx] |= 1u << (half + length_bit(n));
        if (n > 1 && e->key[n - 1] == '.') {
            f->lengths[idx] |= 1u << (half + length_bit(n - 1)); /* "approx." may be read as "approx" and "." */
        }
        if ((unsigned char)e->key[0] >= 0xC0) {
            /* a symbol before letters ("°c") is a token of its own */
            size_t cl = (unsigned char)e->key[0] >= 0xF0 ? 4 : (unsigned char)e->key[0] >= 0xE0 ? 3 : 2;
            f->lengths[slot_of((unsigned char)e->key[0], (unsigned char)e->key[1])] |= 1u << cl;
        }
        if (n > 1 && e->key[n - 1] == '.' && n == 2) {
            f->lengths[slot_of((unsigned char)e->key[0], 0)] |= 1u << 1; /* "c." read as "c" and "." */
        }
    }
    add_prefixes(f, set);
    for (size_t i = 0; f->prefixes && i < cc_lexset_size(set); i++) {
        add_last_tokens(f, cc_lexset_entry(set, i));
    }
    f->set = set;
    f->start_class = start_class_of(set);
    filter_count++;
    return f;
}

/* The filter of set when recent does not hold it. Out of line, so that the lookups, which almost always
 * find their filter in recent, stay small. */
static __attribute__((noinline)) const first_filter *find_filter(const cc_lexset *set)
{
    pthread_mutex_lock(&filters_lock);
    const first_filter *f = filter_made(set);
    if (f) {
        atomic_store_explicit(&recent[recent_slot(set)], f, memory_order_release);
    }
    pthread_mutex_unlock(&filters_lock);
    return f;
}

/* The filter of set if recent holds it, else NULL: the lookups then go the way out of line, by find_filter. */
static inline const first_filter *recent_filter(const cc_lexset *set)
{
    const first_filter *f = atomic_load_explicit(&recent[recent_slot(set)], memory_order_acquire);
    return f && f->set == set ? f : NULL;
}

/* May token i start an entry of f's set: 0 no, 1 only an entry of one token, 2 a longer one too. Inline:
 * the lookups call it at almost every token they are asked about, and most end here. */
static inline int may_start(const first_filter *f, const cc_article *a, size_t i)
{
    if (!f) {
        return 2;
    }
    const cc_token *t = &a->tokens.v[i];
    if (f->start_class && t->kind == CC_TOK_WORD && !(t->classes & f->start_class)) {
        return 0;
    }
    size_t n = t->end - t->start;
    unsigned c = slot_of((unsigned char)a->text[t->start], n > 1 ? (unsigned char)a->text[t->start + 1] : 0);
    uint32_t bits = f->lengths[c] >> length_bit(n);
    return (bits >> 16) & 1 ? 2 : (int)(bits & 1);
}

/* May token i be the last of an entry of f's set? */
static inline int may_end(const first_filter *f, const cc_article *a, size_t i)
{
    if (!f || !f->prefixes) {
        return 1;
    }
    const cc_token *t = &a->tokens.v[i];
    size_t n = t->end - t->start;
    unsigned c = slot_of((unsigned char)a->text[t->start], n > 1 ? (unsigned char)a->text[t->start + 1] : 0);
    return (f->last_lengths[c] >> length_bit(n)) & 1;
}

/* The entry tokens [i, j) spell, or NULL. Out of line, with the buffer, so that the many lookups may_start
 * turns away set up nothing. */
static __attribute__((noinline)) const cc_lexentry *entry_of(const cc_lexset *set, const cc_article *a, size_t i,
                                                             size_t j)
{
    char buf[JOINED + 8];
    size_t n = join(a, i, j, buf, JOINED);
    return n ? cc_lexset_find_folded(set, buf, n) : NULL;
}

/* The longest entry of at most top tokens at token i, whose first token may start one. Out of line, so
 * that cc_phrase_at, which turns most lookups away at their first token, needs no frame of its own. */
static __attribute__((noinline)) const cc_lexentry *longest_at(const first_filter *f, const cc_lexset *set,
                                                               const cc_article *a, size_t i, size_t top,
                                                               size_t *ntok)
{
    if (top > 1 && !begins_key(f, a, i)) {
        top = 1; /* "the attack": no entry begins so, whatever follows */
    }
    for (size_t k = top; k >= 1; k--) {
        const cc_lexentry *e = entry_of(set, a, i, i + k);
        if (e) {
            *ntok = k;
            return e;
        }
    }
    return NULL;
}

static inline const cc_lexentry *phrase_at(const first_filter *f, const cc_lexset *set, const cc_article *a,
                                           size_t i, size_t end, int max_tokens, size_t *ntok)
{
    int may = i < end ? may_start(f, a, i) : 0;
    if (!may) {
        return NULL;
    }
    size_t top = may == 2 ? (size_t)max_tokens : 1;
    return longest_at(f, set, a, i, top < end - i ? top : end - i, ntok);
}

static __attribute__((noinline)) const cc_lexentry *phrase_at_new(const cc_lexset *set, const cc_article *a,
                                                                  size_t i, size_t end, int max_tokens, size_t *ntok)
{
    return phrase_at(find_filter(set), set, a, i, end, max_tokens, ntok);
}

/* Both ways out are tail calls, so a lookup turned away at its first token costs no stack frame. */
const cc_lexentry *cc_phrase_at(const cc_lexset *set, const cc_article *a, size_t i, size_t end, int max_tokens,
                                size_t *ntok)
{
    const first_filter *f = recent_filter(set);
    return f ? phrase_at(f, set, a, i, end, max_tokens, ntok) : phrase_at_new(set, a, i, end, max_tokens, ntok);
}

/* The longest entry of at most top tokens that ends before token i, whose last token may end one. Out of
 * line, like longest_at. */
static __attribute__((noinline)) const cc_lexentry *longest_before(const first_filter *f, const cc_lexset *set,
                                                                   const cc_article *a, size_t i, size_t top,
                                                                   size_t *ntok)
{
    for (size_t k = top; k >= 1; k--) {
        int may = may_start(f, a, i - k);
        if (!may || (k > 1 && may < 2) || (k > 2 && !begins_key(f, a, i - k))) {
            continue; /* past two tokens, a key's first two are checked before all k are joined */
        }
        const cc_lexentry *e = entry_of(set, a, i - k, i);
        if (e) {
            *ntok = k;
            return e;
        }
    }
    return NULL;
}

static inline const cc_lexentry *phrase_before(const first_filter *f, const cc_lexset *set, const cc_article *a,
                                               size_t first, size_t i, int max_tokens, size_t *ntok)
{
    if (!may_end(f, a, i - 1)) {
        return NULL; /* "killed 5": no qualifier ends in "killed" */
    }
    return longest_before(f, set, a, i, (size_t)max_tokens < i - first ? (size_t)max_tokens : i - first, ntok);
}

static __attribute__((noinline)) const cc_lexentry *phrase_before_new(const cc_lexset *set, const cc_article *a,
                                                                      size_t first, size_t i, int max_tokens,
                                                                      size_t *ntok)
{
    return phrase_before(find_filter(set), set, a, first, i, max_tokens, ntok);
}

/* As cc_phrase_at, tail calls only. */
const cc_lexentry *cc_phrase_before(const cc_lexset *set, const cc_article *a, size_t first, size_t i,
                                    int max_tokens, size_t *ntok)
{
    if (i <= first) {
        return NULL;
    }
    const first_filter *f = recent_filter(set);
    return f ? phrase_before(f, set, a, first, i, max_tokens, ntok)
             : phrase_before_new(set, a, first, i, max_tokens, ntok);
}
