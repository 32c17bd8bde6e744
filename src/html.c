#include "render.h"

void cc_render_html(const cc_cluster *c, FILE *out)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosscheck report</title></head>"
                 "<body><p>%zu articles</p></body></html>\n", c->articles.n); /* seam for issue 6 */
}
