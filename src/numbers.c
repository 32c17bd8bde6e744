#include "numbers.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

static const cc_lexset *number_words, *fractions, *suffixes, *vague;
/* The lengths of the scale suffixes by their first two letters (folded, low five bits; the second 0 for
 * one-letter suffixes): they are too short for the filter in numbers.h, and the word after every figure
 * is asked about. */
static uint16_t suffix_lengths[1024];

static unsigned suffix_slot(const char *s, size_t len)
{
    unsigned second = len > 1 ? ((unsigned char)s[1] | 0x20u) & 31u : 0;
    return (((unsigned char)s[0] | 0x20u) & 31u) << 5 | second;
}

/* The value and role of each number word ("20 tens"), and the multiplier of each scale suffix, parsed from
 * the lexicon once, by entry index: a figure's words would otherwise run strtod at every reading. */
typedef struct number_word {
    double value;
    cc_numword_role role;
} number_word;

static number_word *number_word_of;
static double *suffix_value_of;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

uint64_t cc_numword_bloom[1024];
uint16_t cc_numword_lengths[1024];

static void lengths_add(const char *word, size_t n)
{
    if (n >= 3 && n <= 15) {
        unsigned slot = (((unsigned char)word[0] | 0x20u) & 31u) << 5 | (((unsigned char)word[1] | 0x20u) & 31u);
        cc_numword_lengths[slot] |= (uint16_t)(1u << n);
    }
}

/* fold: also the word with "fold" after it ("sixfold"), which only number words take */
static void filter_add(const char *key, size_t len, int fold)
{
    const char *sp = memchr(key, ' ', len);
    size_t n = sp ? (size_t)(sp - key) : len; /* multi-word keys are reached through their first word */
    if (n < 3) {
        return;
    }
    uint32_t h = cc_numword_hash(key, n);
    cc_numword_bloom[h >> 6] |= 1ull << (h & 63);
    lengths_add(key, n);
    if (fold) {
        lengths_add(key, n + 4);
    }
}

static void filter_add_set(const cc_lexset *set, int fold)
{
    for (size_t i = 0; i < cc_lexset_size(set); i++) {
        const cc_lexentry *e = cc_lexset_entry(set, i);
        filter_add(e->key, e->key_len, fold);
    }
}

static number_word parse_number_word(const char *value)
{
    char *rest;
    number_word w = { strtod(value, &rest), CC_NW_PLAIN };
    while (*rest == ' ') {
        rest++;
    }
    switch (rest[0]) {
    case 't':
        w.role = CC_NW_TENS;
        break;
    case 's':
        w.role = CC_NW_SCALE;
        break;
    case 'd':
        w.role = CC_NW_DOZEN;
        break;
    default:
        break;
    }
    return w;
}

static void *table(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        abort();
    }
    return p;
}

/* Entry e's index in set. */
static size_t entry_index(const cc_lexset *set, const cc_lexentry *e)
{
    return (size_t)(e - cc_lexset_entry(set, 0));
}

static void parse_values(void)
{
    number_word_of = table(cc_lexset_size(number_words), sizeof *number_word_of);
    for (size_t i = 0; i < cc_lexset_size(number_words); i++) {
        number_word_of[i] = parse_number_word(cc_lexset_entry(number_words, i)->value);
    }
    suffix_value_of = table(cc_lexset_size(suffixes), sizeof *suffix_value_of);
    for (size_t i = 0; i < cc_lexset_size(suffixes); i++) {
        suffix_value_of[i] = strtod(cc_lexset_entry(suffixes, i)->value, NULL);
    }
}

static pthread_once_t lexicons_loaded = PTHREAD_ONCE_INIT;
static atomic_int lexicons_ready;

static void load_lexicons(void)
{
    fractions = cc_lexset_get("fractions");
    suffixes = cc_lexset_get("number_suffixes");
    for (size_t i = 0; i < cc_lexset_size(suffixes); i++) {
        const cc_lexentry *e = cc_lexset_entry(suffixes, i);
        if (e->key_len < 16) {
            suffix_lengths[suffix_slot(e->key, e->key_len)] |= (uint16_t)(1u << e->key_len);
        }
    }
    vague = cc_lexset_get("vague_figures");
    filter_add_set(fractions, 0);
    filter_add_set(vague, 0);
    filter_add_set(cc_lexset_get("number_words"), 1);
    number_words = cc_lexset_get("number_words");
    parse_values();
    atomic_store_explicit(&lexicons_ready, 1, memory_order_release);
}

/* Once per process, whichever thread comes first; after that a load, without a call (the words of every
 * figure ask). */
static void init(void)
{
    if (!atomic_load_explicit(&lexicons_ready, memory_order_acquire)) {
        pthread_once(&lexicons_loaded, load_lexicons);
    }
}

void cc_numbers_init(void)
{
    init();
}

size_t cc_parse_digits(const char *s, size_t len, double *value, int *grouped, int *int_digits, int *decimals)
{
    size_t i = 0;
    double v = 0;
    int g = 0, id = 0, dec = 0, run = 0; /* run: digits since the last separator */
    while (i < len) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            i++, id++, run++;
        } else if (c == ',' && run > 0 && run <= 3 && (!g || run == 3) && i + 3 < len && is_digit(s[i + 1]) &&
                   is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 >= len || !is_digit(s[i + 4]))) {
            i++, g = 1, run = 0;
        } else {
            break;
        }
    }
    if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
        double scale = 0.1;
        i++;
        while (i < len && is_digit(s[i])) {
            v += (s[i] - '0') * scale;
            scale /= 10;
            i++, dec++;
        }
    }
    if (id == 0 && dec == 0) {
        return 0;
    }
    *value = v;
    *grouped = g;
    *int_digits = id;
    *decimals = dec;
    return i;
}

cc_numword_role cc_number_word(const char *s, size_t len, double *value)
{
    init();
    if (!cc_maybe_number_word(s, len)) {
        return CC_NW_NONE; /* most words, turned away before the lexicon folds and hashes them */
    }
    const cc_lexentry *e = cc_lexset_find(number_words, s, len);
    if (!e) {
        return CC_NW_NONE;
    }
    const number_word *w = &number_word_of[entry_index(number_words, e)];
    *value = w->value;
    return w->role;
}

int cc_fraction_word(const char *s, size_t len)
{
    init();
    if (!cc_maybe_number_word(s, len)) {
        return 0;
    }
    const cc_lexentry *e = cc_lexset_find(fractions, s, len);
    return e ? atoi(e->value) : 0;
}

double cc_scale_suffix(const char *s, size_t len)
{
    init();
    if (!len || len >= 16 || !((suffix_lengths[suffix_slot(s, len)] >> len) & 1)) {
        return 0;
    }
    const cc_lexentry *e = cc_lexset_find(suffixes, s, len);
    return e ? suffix_value_of[entry_index(suffixes, e)] : 0;
}
