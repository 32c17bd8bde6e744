/* HTML pages in: the article's own text, found among navigation, sidebars, share widgets, comments
 * and related-links lists, plus its title, address, site name and publication date. */
#ifndef CC_READABILITY_H
#define CC_READABILITY_H

#include <stddef.h>

#include "arena.h"
#include "crosscheck.h"

typedef struct cc_html_page {
    /* What the analysis reads: the title on the first line and a blank line when a title was found,
     * then the body, one paragraph a line with a blank line between paragraphs. NUL-terminated. */
    char *text;
    size_t len;
    size_t body_start;     /* where the body begins in text (0 when there is no title line) */
    cc_article_meta meta;  /* title, url (og:url or canonical), source (site name), published; NULL when absent */
    cc_arena arena;        /* holds the meta strings */
} cc_html_page;

/* Parses an HTML page (any charset the page declares; libxml2 converts to UTF-8) and extracts its article.
 * Returns 0, or -1 with err's message filled (err->file is left for the caller to name) when the bytes are
 * not HTML or no article text is found. Free the page with cc_html_page_free either way. */
int cc_html_extract(const char *html, size_t len, cc_html_page *page, cc_error *err);
void cc_html_page_free(cc_html_page *page);

#endif
