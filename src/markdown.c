#include "render.h"

void cc_render_markdown(const cc_cluster *c, FILE *out)
{
    fprintf(out, "# crosscheck report\n\n%zu articles\n", c->articles.n); /* seam for issue 6 */
}
