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

const cc_lexentry *cc_phrase_at(const cc_lexset *set, const cc_article *a, size_t i, size_t end, int max_tokens,
                                size_t *ntok)
{
    char buf[96];
    for (size_t k = (size_t)max_tokens; k >= 1; k--) {
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
        size_t n = join(a, i - k, i, buf, sizeof buf);
        const cc_lexentry *e = n ? cc_lexset_find(set, buf, n) : NULL;
        if (e) {
            *ntok = k;
            return e;
        }
    }
    return NULL;
}

int cc_tok_is(const cc_article *a, size_t i, const char *word)
{
    if (i >= a->tokens.n) {
        return 0;
    }
    const cc_token *t = &a->tokens.v[i];
    size_t n = strlen(word);
    return t->end - t->start == n && strncasecmp(a->text + t->start, word, n) == 0;
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
