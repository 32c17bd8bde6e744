/* A small test harness: TEST(name) registers itself; CHECK* record failures with file and line and
 * let the test go on; the runner ends with "N passed, N failed". */
#ifndef CC_TEST_HARNESS_H
#define CC_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

#include "node.h"

typedef void (*cc_test_fn)(void);
void cc_test_register(const char *name, const char *file, cc_test_fn fn);
void cc_test_fail(const char *file, int line, const char *fmt, ...);
/* Marks the running test as skipped (data it needs is absent); counts neither as pass nor fail. */
void cc_test_skip(const char *why);

#define TEST(name)                                                                                 \
    static void name(void);                                                                        \
    __attribute__((constructor)) static void register_##name(void)                                 \
    {                                                                                              \
        cc_test_register(#name, __FILE__, name);                                                   \
    }                                                                                              \
    static void name(void)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) cc_test_fail(__FILE__, __LINE__, "%s", #cond);                                \
    } while (0)
#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_) cc_test_fail(__FILE__, __LINE__, "%s == %lld, want %lld", #got, g_, w_);     \
    } while (0)
#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!g_ || !w_ || strcmp(g_, w_) != 0)                                                     \
            cc_test_fail(__FILE__, __LINE__, "%s == \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)", \
                         w_ ? w_ : "(null)");                                                      \
    } while (0)

/* ---- helpers shared by test files ---- */

/* A one-article cluster, analysed; free with cc_cluster_free. NULL if the text was refused. */
cc_cluster *test_analyze(const char *text);
cc_cluster *test_analyze_many(const char *const *texts, size_t n);
/* One article analysed with the given options. */
cc_cluster *test_analyze_with(const char *text, const cc_options *options);
/* The article's i-th sentence (or token, or span) as a NUL-terminated string in a static ring buffer. */
const char *test_sentence(const cc_cluster *c, size_t article, size_t i);
const char *test_token(const cc_cluster *c, size_t article, size_t i);
const char *test_span(const cc_article *a, cc_span s);
const char *test_str(cc_str s);
/* Runs the CLI (CROSSCHECK_BIN, default build/crosscheck) through /bin/sh with args; captures stdout
 * and stderr into malloc'd strings (free them); returns the exit status. */
int test_run_cli(const char *args, char **out, char **err);
/* Runs the CLI on INPUT (relative to ../shared) and ../shared/eval/score.py against GOLD (relative too);
 * fills scores[i] with metrics[i] (-1 when the scorer did not give it). Returns 0, or -1 on failure. */
int test_score(const char *input, const char *gold, const char *const *metrics, double *scores, size_t n);
/* ../shared when it is there, else NULL (tests that need it skip). */
const char *test_shared_dir(void);
/* The CLI's JSON report on ../shared/seeds (malloc'd), or NULL with the test skipped when ../shared is
 * absent. */
char *test_seeds_report(void);

#endif
