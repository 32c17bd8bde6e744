#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "arena.h"

/* An entry's index + 1 (0 = empty) and the high half of its key's hash: a probe that meets another key
 * moves on without touching that entry, and most words looked up are in no list. */
typedef struct cc_lexslot {
    uint32_t entry;
    uint32_t tag;
} cc_lexslot;

struct cc_lexset {
    const char *name;
    cc_lexentry *entries;
    size_t count;
    cc_lexslot *slots;   /* open addressing over entries */
    size_t mask;
    cc_lexslot *first_slots; /* entries by their first word alone, so phrase scans can stop after one word */
    int max_words;
    size_t max_key_len;  /* longest key, to refuse long lookups before folding them */
};

static cc_arena lexicon_arena;
static cc_lexset *lexsets;
static size_t lexset_count;

static size_t lower_copy(char *dst, const char *s, size_t len)
{
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t') {
            space = n > 0;
            continue;
        }
        if (space) {
            dst[n++] = ' ';
            space = 0;
        }
        dst[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return n;
}

static uint64_t key_hash(const char *s, size_t len)
{
    return XXH3_64bits(s, len);
}

static size_t first_word_length(const cc_lexentry *e)
{
    const char *sp = memchr(e->key, ' ', e->key_len);
    return sp ? (size_t)(sp - e->key) : e->key_len;
}

/* Inserts entry index keyed by its first key_len bytes; the first definition of a key wins. */
static void table_insert(const cc_lexset *set, cc_lexslot *slots, uint32_t index, size_t key_len)
{
    const cc_lexentry *e = &set->entries[index];
    uint64_t hash = key_hash(e->key, key_len);
    size_t h = hash & set->mask;
    while (slots[h].entry) {
        const cc_lexentry *o = &set->entries[slots[h].entry - 1];
        size_t olen = slots == set->slots ? o->key_len : first_word_length(o);
        if (olen == key_len && memcmp(o->key, e->key, key_len) == 0) {
            return;
        }
        h = (h + 1) & set->mask;
    }
    slots[h] = (cc_lexslot){ index + 1, (uint32_t)(hash >> 32) };
}

/* The entry whose key (with first_word, whose key's first word) is the n folded bytes, or NULL. */
static const cc_lexentry *probe(const cc_lexset *set, const cc_lexslot *slots, const char *key, size_t n,
                                int first_word)
{
    uint64_t hash = key_hash(key, n);
    uint32_t tag = (uint32_t)(hash >> 32);
    for (size_t h = hash & set->mask; slots[h].entry; h = (h + 1) & set->mask) {
        if (slots[h].tag != tag) {
            continue;
        }
        const cc_lexentry *e = &set->entries[slots[h].entry - 1];
        size_t len = first_word ? first_word_length(e) : e->key_len;
        if (len == n && memcmp(e->key, key, n) == 0) {
            return e;
        }
    }
    return NULL;
}

static int count_words(const char *s, size_t len)
{
    int w = len > 0;
    for (size_t i = 0; i < len; i++) {
        w += s[i] == ' ';
    }
    return w;
}

static void parse_line(cc_lexset *set, const char *line, size_t len)
{
    const char *tab = memchr(line, '\t', len);
    size_t key_len = tab ? (size_t)(tab - line) : len;
    const char *hash = memchr(line, '#', key_len);
    if (hash && (hash == line || hash[-1] == ' ')) {
        key_len = (size_t)(hash - line); /* trailing comment */
        tab = NULL;
    }
    char *key = cc_arena_alloc(&lexicon_arena, key_len + 1);
    size_t n = lower_copy(key, line, key_len);
    if (n == 0) {
        return;
    }
    key[n] = '\0';
    cc_lexentry *e = &set->entries[set->count];
    e->key = key;
    e->key_len = (uint32_t)n;
    e->value = "";
    e->value_len = 0;
    if (tab) {
        const char *v = tab + 1;
        size_t vl = len - (size_t)(v - line);
        while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r')) {
            vl--;
        }
        e->value = cc_arena_strndup(&lexicon_arena, v, vl);
        e->value_len = (uint32_t)vl;
    }
    e->words = (uint8_t)count_words(key, n);
    if (n > set->max_key_len) {
        set->max_key_len = n;
    }
    if (e->words > set->max_words) {
        set->max_words = e->words;
    }
    set->count++;
}

static void build(cc_lexset *set, const cc_lexicon_file *file)
{
    size_t lines = 1;
    for (const char *p = file->text; *p; p++) {
        lines += *p == '\n';
    }
    set->name = file->name;
    set->entries = cc_arena_alloc(&lexicon_arena, lines * sizeof *set->entries);
    for (const char *p = file->text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len && p[0] != '#') {
            parse_line(set, p, len);
        }
        p += len + (eol != NULL);
    }
    size_t cap = 16;
    while (cap < set->count * 2) {
        cap *= 2;
    }
    set->mask = cap - 1;
    set->slots = cc_arena_alloc(&lexicon_arena, cap * sizeof *set->slots);
    set->first_slots = cc_arena_alloc(&lexicon_arena, cap * sizeof *set->first_slots);
    memset(set->slots, 0, cap * sizeof *set->slots);
    memset(set->first_slots, 0, cap * sizeof *set->first_slots);
    for (size_t i = 0; i < set->count; i++) {
        table_insert(set, set->slots, (uint32_t)i, set->entries[i].key_len);
        table_insert(set, set->first_slots, (uint32_t)i, first_word_length(&set->entries[i]));
    }
}

void cc_lexicons_init(void)
{
    if (lexsets) {
        return;
    }
    size_t n = 0;
    while (cc_lexicon_files[n].name) {
        n++;
    }
    cc_lexset *sets = cc_arena_alloc(&lexicon_arena, (n ? n : 1) * sizeof *sets);
    memset(sets, 0, (n ? n : 1) * sizeof *sets);
    for (size_t i = 0; i < n; i++) {
        build(&sets[i], &cc_lexicon_files[i]);
    }
    lexset_count = n;
    lexsets = sets;
}

const cc_lexset *cc_lexset_get(const char *name)
{
    cc_lexicons_init();
    for (size_t i = 0; i < lexset_count; i++) {
        if (strcmp(lexsets[i].name, name) == 0) {
            return &lexsets[i];
        }
    }
    return NULL;
}

const cc_lexentry *cc_lexset_find(const cc_lexset *set, const char *s, size_t len)
{
    char buf[128];
    /* a phrase with doubled spaces folds shorter, so allow some slack over the longest key */
    if (!set || len == 0 || len >= sizeof buf || len > set->max_key_len + 8) {
        return NULL;
    }
    return probe(set, set->slots, buf, lower_copy(buf, s, len), 0);
}

int cc_lexset_starts_entry(const cc_lexset *set, const char *word, size_t len)
{
    char buf[128];
    if (!set || len == 0 || len >= sizeof buf || len > set->max_key_len) {
        return 0;
    }
    return probe(set, set->first_slots, buf, lower_copy(buf, word, len), 1) != NULL;
}

int cc_lexset_max_words(const cc_lexset *set)
{
    return set ? set->max_words : 0;
}

size_t cc_lexset_size(const cc_lexset *set)
{
    return set ? set->count : 0;
}

const cc_lexentry *cc_lexset_entry(const cc_lexset *set, size_t i)
{
    return set && i < set->count ? &set->entries[i] : NULL;
}
