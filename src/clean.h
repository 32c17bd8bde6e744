/* Telling the article from its page: title, dateline, publication date, and furniture (breadcrumbs,
 * credits, "also available in…") kept out of the analysis while every offset stays one into the
 * original text. */
#ifndef CC_CLEAN_H
#define CC_CLEAN_H

#include "node.h"

void cc_clean(cc_article *article);

#endif
