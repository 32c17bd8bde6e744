/* make bench: throughput of the analysis on the real article text under ../shared/corpus, on one core.
 *
 * Articles are loaded first (not timed), then analysed in clusters of ten, each cluster freed before the
 * next, the way a stream would be processed: memory stays flat in the number of articles. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "node.h"
#include "render.h"
#include "segment.h"
#include "stages.h"

typedef struct text {
    char *p;
    size_t len;
} text;

static CC_VEC(text) corpus;
static size_t corpus_bytes;

static size_t corpus_limit = (size_t)-1; /* bench SHARED N: the first N articles only, for profiling */
static const char *only; /* bench SHARED N STAGE [REPS]: one pass only (segment, claims, extract, full), for profiling */
static int only_reps = 3; /* a profile of many reps shows the steady state, not the first (cold vocabulary) one */

static void add_text(const char *s, size_t len)
{
    if (len < 200 || corpus.n >= corpus_limit) {
        return; /* stubs and empty documents are not articles */
    }
    text t = { strndup(s, len), len };
    CC_VEC_PUSH(corpus, t);
    corpus_bytes += len;
}

static void load_multinews(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *rec = json_loads(line, 0, NULL);
        json_t *docs = json_object_get(rec, "documents");
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d) {
            add_text(json_string_value(d), json_string_length(d));
        }
        json_decref(rec);
    }
    free(line);
    fclose(f);
}

static void load_json_array_texts(const char *path)
{
    json_t *arr = json_load_file(path, 0, NULL);
    size_t i;
    json_t *d;
    json_array_foreach(arr, i, d) {
        json_t *t = json_is_string(d) ? d : json_object_get(d, "text");
        if (json_is_string(t)) {
            add_text(json_string_value(t), json_string_length(t));
        }
    }
    json_decref(arr);
}

static void load_text_folder(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "ls %s 2>/dev/null", dir);
    FILE *ls = popen(cmd, "r");
    if (!ls) {
        return;
    }
    char name[512];
    while (fgets(name, sizeof name, ls)) {
        name[strcspn(name, "\n")] = '\0';
        char path[1600];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        FILE *f = fopen(path, "rb");
        if (!f) {
            continue;
        }
        char *buf = malloc(1 << 20);
        size_t n = fread(buf, 1, (1 << 20) - 1, f);
        fclose(f);
        add_text(buf, n);
        free(buf);
    }
    pclose(ls);
}

/* FA-KES is a CSV whose article_content field is quoted with doubled quotes inside. */
static void load_fakes(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    size_t n = fread(buf, 1, (size_t)size, f);
    buf[n] = '\0';
    fclose(f);
    char *field = malloc(n + 1);
    int column = 0, header = 1;
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        if (buf[i] == '"') {
            for (i++; i < n; i++) {
                if (buf[i] == '"' && buf[i + 1] == '"') {
                    field[len++] = '"', i++;
                } else if (buf[i] == '"') {
                    i++;
                    break;
                } else {
                    field[len++] = buf[i];
                }
            }
        } else {
            while (i < n && buf[i] != ',' && buf[i] != '\n') {
                field[len++] = buf[i++];
            }
        }
        if (column == 2 && !header) {
            add_text(field, len);
        }
        if (i < n && buf[i] == ',') {
            column++, i++;
        } else {
            column = 0, header = 0;
            while (i < n && (buf[i] == '\n' || buf[i] == '\r')) {
                i++;
            }
        }
    }
    free(field);
    free(buf);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: a busy machine does not skew it */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

typedef enum depth { SEGMENT, CLAIMS, QUOTES_ENTITIES, FULL } depth;

static cc_cluster *make_cluster(size_t first, size_t count)
{
    cc_cluster *c = cc_cluster_new();
    for (size_t i = first; i < first + count && i < corpus.n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%zu", i);
        cc_error err;
        cc_cluster_add(c, id, corpus.v[i].p, corpus.v[i].len, NULL, &err);
    }
    return c;
}

static void analyze_to(cc_cluster *c, depth d, FILE *sink)
{
    if (d == FULL) {
        cc_error err;
        cc_analyze(c, NULL, &err);
        cc_render(c, CC_FORMAT_JSON, NULL, sink, &err);
        return;
    }
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_article *a = c->articles.v[i];
        cc_segment(a);
        if (d >= CLAIMS) {
            cc_extract_amounts(a);
            cc_extract_claims(a);
        }
        if (d >= QUOTES_ENTITIES) {
            cc_extract_mentions(a);
            cc_extract_quotes(a, 0);
        }
    }
}

/* Ingest (validation, cleaning) is included: it is part of what a stream pays per article. */
static double run_pass(depth d, FILE *sink, int reps)
{
    double best = 1e9;
    for (int rep = 0; rep < reps; rep++) {
        double t0 = now();
        for (size_t first = 0; first < corpus.n; first += 10) {
            cc_cluster *c = make_cluster(first, 10);
            analyze_to(c, d, sink);
            cc_cluster_free(c);
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    return best;
}

static void report(const char *what, double seconds)
{
    printf("  %-46s %8.1f MB/s %10.0f articles/s\n", what, (double)corpus_bytes / 1e6 / seconds,
           (double)corpus.n / seconds);
}

/* One 10-article cluster, analysed and rendered end to end, many times: the latency a user sees. */
static void cluster_latency(FILE *sink, cc_format format, const char *name)
{
    const int reps = 200;
    double t0 = now();
    for (int r = 0; r < reps; r++) {
        cc_cluster *c = make_cluster(0, 10);
        cc_error err;
        cc_analyze(c, NULL, &err);
        cc_render(c, format, NULL, sink, &err);
        cc_cluster_free(c);
    }
    double per = (now() - t0) / reps;
    size_t bytes = 0;
    for (size_t i = 0; i < 10 && i < corpus.n; i++) {
        bytes += corpus.v[i].len;
    }
    printf("  10-article cluster (%zu KB), analyze + %s report: %.3f ms\n", bytes >> 10, name, per * 1e3);
}

/* The summary stage alone, over the whole corpus in 10-article clusters: each cluster is analysed (not
 * timed), then summarised again at each budget (timed; its caches are warm from the first run). */
static void summary_throughput(void)
{
    static const int budgets[] = { 120, 250 };
    double seconds[2] = { 1e9, 1e9 };
    for (int rep = 0; rep < 3; rep++) {
        double spent[2] = { 0, 0 };
        for (size_t first = 0; first < corpus.n; first += 10) {
            cc_cluster *c = make_cluster(first, 10);
            cc_error err;
            cc_analyze(c, NULL, &err);
            for (int b = 0; b < 2; b++) {
                for (size_t i = 0; i < c->summary.n; i++) {
                    CC_VEC_FREE(c->summary.v[i].articles);
                }
                c->summary.n = 0;
                double t0 = now();
                cc_summarize(c, budgets[b]);
                spent[b] += now() - t0;
            }
            cc_cluster_free(c);
        }
        for (int b = 0; b < 2; b++) {
            seconds[b] = spent[b] < seconds[b] ? spent[b] : seconds[b];
        }
    }
    for (int b = 0; b < 2; b++) {
        char what[64];
        snprintf(what, sizeof what, "summary stage alone (%d words)", budgets[b]);
        report(what, seconds[b]);
    }
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : "../shared";
    if (argc > 2) {
        corpus_limit = strtoul(argv[2], NULL, 10);
    }
    only = argc > 3 ? argv[3] : NULL;
    if (argc > 4) {
        only_reps = atoi(argv[4]) > 0 ? atoi(argv[4]) : 1;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/multinews/multinews_test_sample250.jsonl", shared);
    load_multinews(path);
    snprintf(path, sizeof path, "%s/corpus/multinews/multinews_validation_sample250.jsonl", shared);
    load_multinews(path);
    for (const char *const *split = (const char *const[]){ "train", "dev", "test", NULL }; *split; split++) {
        snprintf(path, sizeof path, "%s/corpus/polnear/%s/text", shared, *split);
        load_text_folder(path);
    }
    snprintf(path, sizeof path, "%s/corpus/fakes/FA-KES-Dataset.csv", shared);
    load_fakes(path);
    snprintf(path, sizeof path, "%s/corpus/gva-articles/X_test.json", shared);
    load_json_array_texts(path);
    snprintf(path, sizeof path, "%s/corpus/gva-articles/X_val.json", shared);
    load_json_array_texts(path);
    if (corpus.n == 0) {
        fprintf(stderr, "bench: no corpus under %s/corpus (is ../shared there?)\n", shared);
        return 1;
    }
    FILE *sink = fopen("/dev/null", "w");
    long rss_loaded = peak_rss_kb();
    printf("crosscheck bench: %zu articles, %.1f MB of text, one core (best of 3)\n", corpus.n,
           (double)corpus_bytes / 1e6);
    static const struct pass {
        const char *name, *label;
        depth d;
    } passes[] = {
        { "segment", "ingest + segmentation", SEGMENT },
        { "claims", "+ amounts and claims", CLAIMS },
        { "extract", "+ quotes and entities (per-article analysis)", QUOTES_ENTITIES },
        { "full", "full analysis (+ cross-check, summary, JSON)", FULL },
    };
    if (!only) {
        /* The vocabulary learns each spelling once per process (stem, classes); the passes below, best of
         * three, show a stream's steady state, this one what a first pass over new text costs. */
        report("per-article analysis, first pass (cold vocabulary)", run_pass(QUOTES_ENTITIES, sink, 1));
    }
    for (size_t i = 0; i < sizeof passes / sizeof *passes; i++) {
        if (!only || strcmp(only, passes[i].name) == 0) {
            report(passes[i].label, run_pass(passes[i].d, sink, only ? only_reps : 3));
        }
    }
    if (only) {
        return 0;
    }
    cluster_latency(sink, CC_FORMAT_JSON, "JSON");
    cluster_latency(sink, CC_FORMAT_HTML, "HTML");
    cluster_latency(sink, CC_FORMAT_TEXT, "text");
    summary_throughput();
    printf("  peak memory: %ld MB (corpus held in memory: %ld MB; analysis on top: %ld MB)\n",
           peak_rss_kb() >> 10, rss_loaded >> 10, (peak_rss_kb() - rss_loaded) >> 10);
    fclose(sink);
    for (size_t i = 0; i < corpus.n; i++) {
        free(corpus.v[i].p);
    }
    CC_VEC_FREE(corpus);
    return 0;
}
