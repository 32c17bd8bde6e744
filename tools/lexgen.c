/* Build-time tool: reads the lexicons under data/ (one entry a line, "#" comments, an optional value
 * after a TAB) and writes them as C source holding ready hash tables (src/lexicon_table.h), so the
 * program needs no work at start-up to look words up. usage: lexgen data/NAME.txt... > lexicon_tables.gen.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_table.h"

typedef struct built {
    char name[64];
    cc_lexentry *entries;
    size_t count;
    cc_lexslot *slots, *first_slots;
    size_t mask;
    int max_words;
    size_t max_key_len;
} built;

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "lexgen: out of memory\n");
        exit(1);
    }
    return p;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "lexgen: cannot read %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = xmalloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "lexgen: cannot read %s\n", path);
        exit(1);
    }
    fclose(f);
    return text;
}

static int count_words(const char *s, size_t len)
{
    int w = len > 0;
    for (size_t i = 0; i < len; i++) {
        w += s[i] == ' ';
    }
    return w;
}

static char *copy(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    return p;
}

static void parse_line(built *set, const char *line, size_t len)
{
    const char *tab = memchr(line, '\t', len);
    size_t key_len = tab ? (size_t)(tab - line) : len;
    const char *hash = memchr(line, '#', key_len);
    if (hash && (hash == line || hash[-1] == ' ')) {
        key_len = (size_t)(hash - line); /* trailing comment */
        tab = NULL;
    }
    char *key = xmalloc(key_len + 1);
    size_t n = cc_lexicon_fold(key, line, key_len);
    if (n == 0) {
        free(key);
        return;
    }
    cc_lexentry *e = &set->entries[set->count++];
    *e = (cc_lexentry){ key, (uint32_t)n, "", 0, (uint8_t)count_words(key, n) };
    if (tab) {
        const char *v = tab + 1;
        size_t vl = len - (size_t)(v - line);
        while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r')) {
            vl--;
        }
        e->value = copy(v, vl);
        e->value_len = (uint32_t)vl;
    }
    set->max_key_len = n > set->max_key_len ? n : set->max_key_len;
    set->max_words = e->words > set->max_words ? e->words : set->max_words;
}

/* Inserts entry index keyed by its first key_len bytes; the first definition of a key wins. Lookups
 * compare hashes alone, so two keys with one hash are an error. */
static void insert(const built *set, cc_lexslot *slots, uint32_t index, size_t key_len)
{
    const cc_lexentry *e = &set->entries[index];
    uint64_t hash = cc_lexicon_hash(e->key, key_len);
    size_t h = hash & set->mask;
    while (slots[h].entry) {
        const cc_lexentry *o = &set->entries[slots[h].entry - 1];
        size_t olen = slots == set->slots ? o->key_len : cc_lexicon_first_word_length(o->key, o->key_len);
        int same_key = olen == key_len && memcmp(o->key, e->key, key_len) == 0;
        if (same_key) {
            return;
        }
        if (slots[h].hash == hash) {
            fprintf(stderr, "lexgen: %s: \"%.*s\" and \"%.*s\" share a hash\n", set->name, (int)key_len, e->key,
                    (int)olen, o->key);
            exit(1);
        }
        h = (h + 1) & set->mask;
    }
    slots[h] = (cc_lexslot){ hash, index + 1 };
}

static void build(built *set, const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    snprintf(set->name, sizeof set->name, "%.*s", (int)strcspn(base, "."), base);
    char *text = read_file(path);
    size_t lines = 1;
    for (const char *p = text; *p; p++) {
        lines += *p == '\n';
    }
    set->entries = xmalloc(lines * sizeof *set->entries);
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len && p[0] != '#') {
            parse_line(set, p, len);
        }
        p += len + (eol != NULL);
    }
    free(text);
    size_t cap = 16;
    while (cap < set->count * 2) {
        cap *= 2;
    }
    set->mask = cap - 1;
    set->slots = xmalloc(cap * sizeof *set->slots);
    set->first_slots = xmalloc(cap * sizeof *set->first_slots);
    for (size_t i = 0; i < set->count; i++) {
        insert(set, set->slots, (uint32_t)i, set->entries[i].key_len);
        insert(set, set->first_slots, (uint32_t)i,
               cc_lexicon_first_word_length(set->entries[i].key, set->entries[i].key_len));
    }
}

/* A C string literal; '?' escaped against trigraphs, bytes past ASCII as octal. */
static void literal(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c == '?') {
            printf("\\%c", c);
        } else if (c < 0x20 || c >= 0x7f) {
            printf("\\%03o", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void slots(const char *kind, size_t i, const cc_lexslot *s, size_t cap)
{
    printf("static const cc_lexslot %s%zu[] = {", kind, i);
    for (size_t k = 0; k < cap; k++) {
        printf(k % 4 ? "{%lluu,%u}," : "\n{%lluu,%u},", (unsigned long long)s[k].hash, (unsigned)s[k].entry);
    }
    printf("\n};\n");
}

/* The set's keys and values as one string of NUL-terminated pieces, and its records as offsets. */
static void emit(const built *set, size_t i)
{
    printf("static const char text%zu[] =", i);
    uint32_t *key_at = xmalloc((set->count + 1) * sizeof *key_at);
    uint32_t *value_at = xmalloc((set->count + 1) * sizeof *value_at);
    uint32_t offset = 0;
    for (size_t k = 0; k < set->count; k++) {
        const cc_lexentry *e = &set->entries[k];
        printf("\n");
        literal(e->key, e->key_len);
        literal("\0", 1);
        key_at[k] = offset;
        offset += e->key_len + 1;
        value_at[k] = offset;
        literal(e->value, e->value_len);
        literal("\0", 1);
        offset += e->value_len + 1;
    }
    printf("\n\"\";\nstatic const cc_lexrecord records%zu[] = {\n", i);
    for (size_t k = 0; k < set->count; k++) {
        const cc_lexentry *e = &set->entries[k];
        printf("{%u,%u,%u,%u,%u},\n", (unsigned)key_at[k], (unsigned)e->key_len, (unsigned)value_at[k],
               (unsigned)e->value_len, (unsigned)e->words);
    }
    printf("{0,0,0,0,0}};\n");
    free(key_at);
    free(value_at);
    slots("slots", i, set->slots, set->mask + 1);
    slots("first_slots", i, set->first_slots, set->mask + 1);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const built *)a)->name, ((const built *)b)->name);
}

int main(int argc, char **argv)
{
    size_t n = (size_t)(argc - 1);
    built *sets = xmalloc(n * sizeof *sets);
    for (size_t i = 0; i < n; i++) {
        build(&sets[i], argv[i + 1]);
    }
    qsort(sets, n, sizeof *sets, by_name);
    printf("/* generated by tools/lexgen.c from the data/ lexicons: do not edit */\n#include \"lexicon_table.h\"\n\n");
    for (size_t i = 0; i < n; i++) {
        emit(&sets[i], i);
    }
    printf("const cc_lextable cc_lexicon_tables[] = {\n");
    for (size_t i = 0; i < n; i++) {
        printf("{\"%s\",text%zu,records%zu,%zu,slots%zu,%zu,first_slots%zu,%d,%zu},\n", sets[i].name, i, i,
               sets[i].count, i, sets[i].mask, i, sets[i].max_words, sets[i].max_key_len);
    }
    printf("};\nconst size_t cc_lexicon_table_count = %zu;\n", n);
    return 0;
}
