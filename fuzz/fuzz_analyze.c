/* libFuzzer harness: any bytes as one article through the whole pipeline and every renderer.
 * make fuzz FUZZ_SECONDS=60 */
#include <stdint.h>
#include <stdio.h>

#include "crosscheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink) {
        sink = fopen("/dev/null", "w");
    }
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    /* the bytes as one article and their first half as another, so the cross-article stages compare */
    if (cc_cluster_add(c, "a", (const char *)data, size, NULL, &err) == 0) {
        cc_cluster_add(c, "b", (const char *)data, size / 2, NULL, &err);
        cc_analyze(c, NULL, &err);
        for (int f = CC_FORMAT_TEXT; f <= CC_FORMAT_HTML; f++) {
            cc_render(c, (cc_format)f, NULL, sink, &err);
        }
    }
    cc_cluster_free(c);
    return 0;
}
