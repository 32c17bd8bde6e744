#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CC_ARENA_MIN_BLOCK = 16 * 1024 };

struct cc_arena_block {
    cc_arena_block *next;
    size_t used, size;
    max_align_t data[];
};

static cc_arena_block *block_new(size_t size, cc_arena_block *next)
{
    cc_arena_block *b = malloc(sizeof *b + size);
    if (!b) {
        abort(); /* out of memory: nothing sensible to unwind to in an analysis library */
    }
    b->next = next;
    b->used = 0;
    b->size = size;
    return b;
}

void *cc_arena_alloc(cc_arena *arena, size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    cc_arena_block *b = arena->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > CC_ARENA_MIN_BLOCK ? size : CC_ARENA_MIN_BLOCK;
        if (b && b->size * 2 > want && b->size < (1u << 24)) {
            want = b->size * 2;
        }
        b = block_new(want, arena->head);
        arena->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

char *cc_arena_strndup(cc_arena *arena, const char *s, size_t len)
{
    char *p = cc_arena_alloc(arena, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void cc_arena_reset(cc_arena *arena)
{
    cc_arena_block *b = arena->head;
    if (!b) {
        return;
    }
    /* Keep the newest (largest) block, free the rest. */
    cc_arena_block *rest = b->next;
    while (rest) {
        cc_arena_block *n = rest->next;
        free(rest);
        rest = n;
    }
    b->next = NULL;
    b->used = 0;
}

void cc_arena_free(cc_arena *arena)
{
    cc_arena_block *b = arena->head;
    while (b) {
        cc_arena_block *n = b->next;
        free(b);
        b = n;
    }
    arena->head = NULL;
}
