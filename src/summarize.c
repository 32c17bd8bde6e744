#include "stages.h"

void cc_summarize(cc_cluster *cluster, int words)
{
    (void)cluster; /* seam for issue 7 */
    (void)words;
}
