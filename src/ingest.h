/* Reading articles: files, folders, JSON Lines, stdin; validating their bytes. */
#ifndef CC_INGEST_H
#define CC_INGEST_H

#include <stddef.h>
#include "crosscheck.h"

/* Largest single article accepted; anything bigger is not a news article and is refused with a message
 * rather than risking minutes of work on junk. */
#define CC_MAX_ARTICLE_BYTES ((size_t)32 * 1024 * 1024)

/* Checks that text is one plausible article: not empty, valid UTF-8, no NUL, not binary junk.
 * On failure fills err (line and byte offset of the first bad byte) and returns -1. */
int cc_validate_text(const char *text, size_t len, cc_error *err);

void cc_error_set(cc_error *err, const char *file, long line, long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
