/* The pipeline stages after segmentation. Each reads the model and adds to it; none reaches into
 * another's internals. */
#ifndef CC_STAGES_H
#define CC_STAGES_H

#include "crosscheck.h"
#include "node.h"

/* per article */
void cc_extract_amounts(cc_article *article);   /* amounts.c: every quantity */
void cc_extract_claims(cc_article *article);    /* claims.c: figures about people, from the amounts */
void cc_extract_quotes(cc_article *article, int whole_utterances);    /* quotes.c: quotations and their speakers */
void cc_extract_mentions(cc_article *article);  /* entities.c: people, organisations, places */

/* per cluster */
void cc_link_entities(cc_cluster *cluster);     /* entities.c: one canonical entity across articles */
void cc_crosscheck(cc_cluster *cluster);        /* crosscheck.c: groups, ranges, verdicts, merged quotes */
void cc_merge_quotes(cc_cluster *cluster);      /* merge_quotes.c: one utterance carried by several articles */
void cc_summarize(cc_cluster *cluster, int words); /* summarize.c: cited extractive summary */

/* Analyses one article on its own (everything but the cluster stages): what streaming mode and the
 * benchmark run per article. */
void cc_analyze_article(cc_article *article, const cc_options *options);

#endif
