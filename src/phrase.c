#include "phrase.h"

#include <string.h>
#include <strings.h>

/* Joins tokens [i, j) as the text writes them, spaces collapsed; 0 when it does not fit. */
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
        memcpy(buf + n, a->text + t->start, len);
        n += len;
    }
    return n;
}

/* Which first tokens can start an entry, by first byte and length: one table probe turns away almost every
 * token before any joining and hashing. A key's first token ends where the tokenizer would end it. */
typedef struct first_filter {
    const cc_lexset *set;
    uint32_t lengths[1024]; /* lengths of first tokens, by slot_of their first two bytes */
    uint32_t longer[1024];  /* the same for entries of more than one token */
} first_filter;

static first_filter filters[40];
static size_t filter_count;

/* Filter slot of a first token, from its first two bytes (the second 0 for one-byte tokens), lower case. */
static unsigned slot_of(unsigned char c0, unsigned char c1)
{
    if (c0 >= 'A' && c0 <= 'Z') {
        c0 = (unsigned char)(c0 + 32);
    }
    if (c1 >= 'A' && c1 <= 'Z') {
        c1 = (unsigned char)(c1 + 32);
    }
    return (c0 * 31u + c1) & 1023u;
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

static const first_filter *filter_of(const cc_lexset *set)
{
    static first_filter *recent[64]; /* direct-mapped by address, so a lookup is one probe */
    size_t slot = ((uintptr_t)set >> 4) & 63;
    if (recent[slot] && recent[slot]->set == set) {
        return recent[slot];
    }
    for (size_t i = 0; i < filter_count; i++) {
        if (filters[i].set == set) {
            recent[slot] = &filters[i];
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
        uint32_t *bits = n < e->key_len ? &f->longer[idx] : &f->lengths[idx];
        *bits |= n < 31 ? 1u << n : 1u << 31;
        if (n > 1 && e->key[n - 1] == '.') {
            *bits |= 1u << (n < 32 ? n - 1 : 30); /* "approx." may be read as "approx" and "." */
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
    f->set = set;
    filter_count++;
    return f;
}

/* May token i start an entry: 0 no, 1 only an entry of one token, 2 a longer one too. */
static int may_start(const cc_lexset *set, const cc_article *a, size_t i)
{
    const first_filter *f = filter_of(set);
    if (!f) {
        return 2;
    }
    const cc_token *t = &a->tokens.v[i];
    size_t n = t->end - t->start;
    unsigned c = slot_of((unsigned char)a->text[t->start], n > 1 ? (unsigned char)a->text[t->start + 1] : 0);
    size_t bit = n < 31 ? n : 31;
    return (f->longer[c] >> bit) & 1 ? 2 : (int)((f->lengths[c] >> bit) & 1);
}

const cc_lexentry *cc_phrase_at(const cc_lexset *set, const cc_article *a, size_t i, size_t end, int max_tokens,
                                size_t *ntok)
{
    char buf[96];
    int may = i < end ? may_start(set, a, i) : 0;
    if (!may) {
        return NULL;
    }
    for (size_t k = may == 2 ? (size_t)max_tokens : 1; k >= 1; k--) {
        if (i + k > end) {
            continue;
        }
        size_t n = join(a, i, i + k, buf, sizeof buf);
        const cc_lexentry *e = n ? cc_lexset_find(set, buf, n) : NULL;
        if (e) {
            *ntok = k;
            return e;
        }
    }
    return NULL;
}

const cc_lexentry *cc_phrase_before(const cc_lexset *set, const cc_article *a, size_t first, size_t i,
                                    int max_tokens, size_t *ntok)
{
    char buf[96];
    for (size_t k = (size_t)max_tokens; k >= 1; k--) {
        if (k > i || i - k < first) {
            continue;
        }
        int may = may_start(set, a, i - k);
        if (!may || (k > 1 && may < 2)) {
            continue;
        }
        size_t n = join(a, i - k, i, buf, sizeof buf);
        const cc_lexentry *e = n ? cc_lexset_find(set, buf, n) : NULL;
        if (e) {
            *ntok = k;
            return e;
        }
    }
    return NULL;
}

size_t cc_tok_at_byte(const cc_article *a, uint32_t byte)
{
    size_t lo = 0, hi = a->tokens.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->tokens.v[mid].end <= byte) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}
