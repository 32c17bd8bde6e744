/* Evaluation on the shared data: runs the CLI on the real seed cluster. Skips without ../shared. */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"

TEST(eval_seeds_report_has_every_document)
{
    if (!test_shared_dir()) {
        cc_test_skip("../shared absent");
        return;
    }
    char path[] = "/tmp/cc_eval_seeds_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    char args[256], *out, *err;
    snprintf(args, sizeof args, "analyze --format json -o %s %s/seeds", path, test_shared_dir());
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    free(out);
    free(err);
    json_error_t jerr;
    json_t *report = json_load_file(path, 0, &jerr);
    CHECK(report != NULL);
    json_t *docs = json_object_get(report, "documents");
    CHECK_INT(json_array_size(docs), 5);
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d) {
        CHECK(json_array_size(json_object_get(d, "sentences")) >= 15);
    }
    json_decref(report);
    unlink(path);
}
