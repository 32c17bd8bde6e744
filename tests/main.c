/* Test runner: runs every registered test (or those whose name contains argv[1]). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "harness.h"

typedef struct test_case {
    const char *name, *file;
    cc_test_fn fn;
} test_case;

static test_case tests[4096];
static size_t test_count;
static int current_failed, current_skipped;

void cc_test_register(const char *name, const char *file, cc_test_fn fn)
{
    if (test_count < sizeof tests / sizeof *tests) {
        tests[test_count++] = (test_case){ name, file, fn };
    }
}

void cc_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "  %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    current_failed++;
}

void cc_test_skip(const char *why)
{
    current_skipped = 1;
    fprintf(stderr, "  skipped: %s\n", why);
}

static int compare_tests(const void *a, const void *b)
{
    const test_case *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    qsort(tests, test_count, sizeof *tests, compare_tests);
    size_t passed = 0, failed = 0, skipped = 0;
    for (size_t i = 0; i < test_count; i++) {
        if (filter && !strstr(tests[i].name, filter)) {
            continue;
        }
        current_failed = current_skipped = 0;
        tests[i].fn();
        if (current_failed) {
            fprintf(stderr, "FAIL %s (%s)\n", tests[i].name, tests[i].file);
            failed++;
        } else if (current_skipped) {
            skipped++;
        } else {
            passed++;
        }
    }
    if (skipped) {
        printf("%zu skipped (../shared absent)\n", skipped);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
}

/* ---- helpers ---- */

static cc_cluster *analyze_many(const char *const *texts, size_t n, const cc_options *options)
{
    cc_cluster *c = cc_cluster_new();
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "t%zu", i);
        cc_error err;
        if (cc_cluster_add(c, id, texts[i], strlen(texts[i]), NULL, &err) != 0) {
            cc_cluster_free(c);
            return NULL;
        }
    }
    cc_error err;
    cc_analyze(c, options, &err);
    return c;
}

cc_cluster *test_analyze_many(const char *const *texts, size_t n)
{
    return analyze_many(texts, n, NULL);
}

cc_cluster *test_analyze_with(const char *text, const cc_options *options)
{
    return analyze_many(&text, 1, options);
}

char *test_seeds_report(void)
{
    const char *shared = test_shared_dir();
    if (!shared) {
        cc_test_skip("../shared absent");
        return NULL;
    }
    char args[512], *out = NULL;
    snprintf(args, sizeof args, "analyze --format json %s/seeds", shared);
    if (test_run_cli(args, &out, NULL) != 0) {
        cc_test_fail(__FILE__, __LINE__, "crosscheck %s failed", args);
        free(out);
        return NULL;
    }
    return out;
}

cc_cluster *test_analyze(const char *text)
{
    return test_analyze_many(&text, 1);
}

static char *ring_copy(const char *s, size_t len)
{
    static char ring[8][4096];
    static int next;
    char *buf = ring[next++ & 7];
    if (len >= sizeof ring[0]) {
        len = sizeof ring[0] - 1;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

const char *test_span(const cc_article *a, cc_span s)
{
    return ring_copy(a->text + s.start, s.end - s.start);
}

const char *test_str(cc_str s)
{
    return ring_copy(s.p ? s.p : "", s.len);
}

const char *test_sentence(const cc_cluster *c, size_t article, size_t i)
{
    const cc_article *a = c->articles.v[article];
    if (i >= a->sentences.n) {
        return "(no such sentence)";
    }
    return test_span(a, (cc_span){ a->sentences.v[i].start, a->sentences.v[i].end });
}

const char *test_token(const cc_cluster *c, size_t article, size_t i)
{
    const cc_article *a = c->articles.v[article];
    if (i >= a->tokens.n) {
        return "(no such token)";
    }
    return test_span(a, (cc_span){ a->tokens.v[i].start, a->tokens.v[i].end });
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return strdup("");
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

int test_run_cli(const char *args, char **out, char **err)
{
    const char *bin = getenv("CROSSCHECK_BIN");
    if (!bin) {
        bin = "build/crosscheck";
    }
    char out_path[] = "/tmp/cc_test_out_XXXXXX", err_path[] = "/tmp/cc_test_err_XXXXXX";
    int fo = mkstemp(out_path), fe = mkstemp(err_path);
    close(fo);
    close(fe);
    size_t n = strlen(bin) + strlen(args) + 2 * sizeof out_path + 32;
    char *cmd = malloc(n);
    snprintf(cmd, n, "%s %s >%s 2>%s", bin, args, out_path, err_path);
    int status = system(cmd);
    free(cmd);
    char *o = slurp(out_path), *e = slurp(err_path);
    unlink(out_path);
    unlink(err_path);
    if (out) {
        *out = o;
    } else {
        free(o);
    }
    if (err) {
        *err = e;
    } else {
        free(e);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

const char *test_shared_dir(void)
{
    struct stat st;
    return stat("../shared/seeds", &st) == 0 ? "../shared" : NULL;
}

int test_score(const char *input, const char *gold, const char *const *metrics, double *scores, size_t n)
{
    const char *shared = test_shared_dir();
    char report[] = "/tmp/cc_score_XXXXXX";
    int fd = mkstemp(report);
    if (!shared || fd < 0) {
        return -1;
    }
    close(fd);
    char args[1024], *out, *err;
    snprintf(args, sizeof args, "analyze --format json -o %s %s/%s", report, shared, input);
    int rc = test_run_cli(args, &out, &err);
    free(out);
    free(err);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "python3 %s/eval/score.py --json %s/%s %s", shared, shared, gold, report);
    FILE *p = rc <= 1 ? popen(cmd, "r") : NULL;
    json_t *result = p ? json_loadf(p, 0, NULL) : NULL;
    if (p) {
        pclose(p);
    }
    unlink(report);
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_object_get(result, metrics[i]);
        scores[i] = json_is_number(v) ? json_number_value(v) : -1;
    }
    int status = result ? 0 : -1;
    json_decref(result);
    return status;
}
