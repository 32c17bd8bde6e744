/* Bump allocation: one arena per article or cluster, released at once, so the hot path never calls
 * malloc per token or per extraction. */
#ifndef CC_ARENA_H
#define CC_ARENA_H

#include <stddef.h>

typedef struct cc_arena_block cc_arena_block;

typedef struct cc_arena {
    cc_arena_block *head;
} cc_arena;

void *cc_arena_alloc(cc_arena *arena, size_t size);
char *cc_arena_strndup(cc_arena *arena, const char *s, size_t len);
/* Drops everything but the first block, so a reused arena keeps its memory flat. */
void cc_arena_reset(cc_arena *arena);
void cc_arena_free(cc_arena *arena);

#endif
