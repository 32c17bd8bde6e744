/* What a page says about its article outside the text: Open Graph and article: meta tags, schema.org
 * microdata and JSON-LD, the canonical link, <title>, <h1> and <time>. Internal to the HTML reader. */
#ifndef CC_HTMLMETA_H
#define CC_HTMLMETA_H

#include <libxml/HTMLparser.h>

#include "arena.h"
#include "crosscheck.h"

/* Fills meta with strings in arena (NULL when the page does not say). The title is the headline with
 * any " | Site name" or "Site - " decoration removed. */
void cc_html_find_meta(htmlDocPtr doc, cc_arena *arena, cc_article_meta *meta);

/* Copies s with runs of white space (no-break spaces included) made one space and the ends trimmed. */
char *cc_html_squeeze(cc_arena *arena, const char *s);

#endif
