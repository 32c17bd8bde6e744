/* Clusters analysed in several threads at once come out as they do one after another: the shared state
 * (lexicons, the vocabulary, the phrase filters) is made once and then only read, or taken under a lock.
 * POSIX threads rather than C11's, so that ThreadSanitizer, which does not follow thrd_create, can check it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "harness.h"

static const char *const other_cluster[] = {
    "Flooding in the river valley has forced about 3,000 people from their homes, the regional governor "
    "said on Monday.\n\n\"We have never seen the water rise this fast,\" said Anna Berg, a farmer.\n",
    "At least 12 people were killed and dozens injured when the river burst its banks, officials said.\n\n"
    "Governor Piet Lund said more than 40 villages were cut off.\n",
};

/* The JSON report of the examples folder (which 0) or of the cluster above (which 1). */
static char *report(int which)
{
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    if (which == 0) {
        cc_cluster_add_path(c, "examples", 0, NULL, NULL, &err);
    } else {
        for (size_t i = 0; i < sizeof other_cluster / sizeof *other_cluster; i++) {
            char id[8];
            snprintf(id, sizeof id, "o%zu", i);
            cc_cluster_add(c, id, other_cluster[i], strlen(other_cluster[i]), NULL, &err);
        }
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (cc_analyze(c, NULL, &err) != 0 || cc_render(c, CC_FORMAT_JSON, NULL, f, &err) != 0) {
        fputs("(failed)", f);
    }
    fclose(f);
    cc_cluster_free(c);
    return buf;
}

enum { THREADS = 4, ROUNDS = 5 };

typedef struct job {
    int which;
    char *got[ROUNDS];
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    for (int r = 0; r < ROUNDS; r++) {
        j->got[r] = report(j->which);
    }
    return NULL;
}

/* Run alone in a fresh process (`run_tests threads`), the threads also race to make the shared tables. */
TEST(threads_analysing_clusters_at_once_agree_with_one_at_a_time)
{
    job jobs[THREADS];
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t] = (job){ .which = t % 2 };
        CHECK(pthread_create(&threads[t], NULL, run_job, &jobs[t]) == 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
    }
    char *expected[2] = { report(0), report(1) };
    CHECK(strstr(expected[0], "\"claims\"") != NULL && strstr(expected[1], "\"claims\"") != NULL);
    for (int t = 0; t < THREADS; t++) {
        for (int r = 0; r < ROUNDS; r++) {
            CHECK(jobs[t].got[r] && strcmp(jobs[t].got[r], expected[jobs[t].which]) == 0);
            free(jobs[t].got[r]);
        }
    }
    free(expected[0]);
    free(expected[1]);
}
