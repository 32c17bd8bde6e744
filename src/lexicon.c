#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "arena.h"

struct cc_lexset {
    const char *name;
    cc_lexentry *entries;
    size_t count;
    uint32_t *slots;     /* open addressing: index + 1 into entries, 0 = empty */
    size_t mask;
    int max_words;
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

static void set_insert(cc_lexset *set, uint32_t index)
{
    const cc_lexentry *e = &set->entries[index];
    size_t h = key_hash(e->key, e->key_len) & set->mask;
    while (set->slots[h]) {
        const cc_lexentry *o = &set->entries[set->slots[h] - 1];
        if (o->key_len == e->key_len && memcmp(o->key, e->key, e->key_len) == 0) {
            return; /* first definition wins */
        }
        h = (h + 1) & set->mask;
    }
    set->slots[h] = index + 1;
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
    memset(set->slots, 0, cap * sizeof *set->slots);
    for (size_t i = 0; i < set->count; i++) {
        set_insert(set, (uint32_t)i);
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
    if (!set || len == 0 || len >= sizeof buf) {
        return NULL;
    }
    size_t n = lower_copy(buf, s, len);
    size_t h = key_hash(buf, n) & set->mask;
    while (set->slots[h]) {
        const cc_lexentry *e = &set->entries[set->slots[h] - 1];
        if (e->key_len == n && memcmp(e->key, buf, n) == 0) {
            return e;
        }
        h = (h + 1) & set->mask;
    }
    return NULL;
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
