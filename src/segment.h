/* Segmentation: paragraphs, sentences and tokens as byte spans. */
#ifndef CC_SEGMENT_H
#define CC_SEGMENT_H

#include "node.h"

/* Fills the article's paragraphs, sentences and tokens, skipping its furniture. */
void cc_segment(cc_article *article);

#endif
