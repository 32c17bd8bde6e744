/* The HTML reader's working model: libxml2's tree with one record per element (tag, flags, text
 * statistics, score), reached through the node's _private index. Internal to readability.c, htmldom.c
 * and htmlclean.c. */
#ifndef CC_HTMLDOM_H
#define CC_HTMLDOM_H

#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <string.h>

#include "vec.h"

enum tag_bits {
    TB_DROP = 1 << 0,      /* never article text */
    TB_BLOCK = 1 << 1,     /* a paragraph boundary in the output */
    TB_DIVBREAK = 1 << 2,  /* a div holding one of these is a container, not a paragraph */
    TB_SCORE = 1 << 3,     /* a paragraph: its text scores its ancestors */
    TB_HEADING = 1 << 4,
    TB_LIST = 1 << 5
};

enum tag_id {
    T_OTHER, T_A, T_ARTICLE, T_BODY, T_BR, T_CODE, T_DIV, T_EMBED, T_FIELDSET, T_FIGURE, T_FORM, T_H1, T_H2,
    T_HTML, T_IMG, T_INPUT, T_LI, T_MAIN, T_P, T_PRE, T_TABLE, T_TD, T_TH, T_TR, T_UL, T_OL, T_SECTION, T_HEAD,
    T_BLOCKQUOTE, T_ADDRESS, T_DL, T_DD, T_DT, T_IFRAME, T_OBJECT, T_CAPTION, T_COLGROUP, T_COL, T_THEAD, T_TFOOT
};

enum node_flags {
    F_DROP = 1 << 0,       /* removed whatever the settings */
    F_UNLIKELY = 1 << 1,   /* removed while unlikely-looking classes are stripped */
    F_CLEANED = 1 << 2,    /* removed by the clean-up of the chosen article */
    F_SCORED = 1 << 3,     /* a candidate: has a content score */
    F_WRAPPER = 1 << 4,    /* a div around a single paragraph: transparent for scoring */
    F_DATA_TABLE = 1 << 5,
    F_TITLE = 1 << 6       /* a heading that repeats the title */
};

typedef struct stats {
    uint32_t chars, commas, heading_chars, list_chars;
    float link_chars;
    uint16_t p, img, li, input, embed;
} stats;

typedef struct rnode {
    xmlNodePtr node;
    float score;
    stats s;
    uint8_t tag, bits, flags;
} rnode;

enum attempt_flags { STRIP_UNLIKELY = 1, WEIGHT_CLASSES = 2, CLEAN_CONDITIONALLY = 4 };

typedef struct extractor {
    CC_VEC(rnode) nodes;
    CC_VEC(uint32_t) candidates;
    CC_VEC(uint32_t) article;   /* the chosen top-level nodes, in document order */
    CC_VEC(char) out;
    xmlNodePtr body;
    const char *title;
    int attempt;
    int pending_space;
} extractor;

enum { MAX_DEPTH = 512, MIN_PARAGRAPH = 25, CHAR_THRESHOLD = 500 };

static inline rnode *R(extractor *ex, xmlNodePtr n)
{
    return &ex->nodes.v[(uintptr_t)n->_private - 1];
}

static inline int is_element(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && n->_private;
}

static inline int removed(extractor *ex, const rnode *r)
{
    return (r->flags & (F_DROP | F_CLEANED)) || ((r->flags & F_UNLIKELY) && (ex->attempt & STRIP_UNLIKELY));
}

static inline const char *attr(xmlNodePtr node, const char *name)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) == 0) {
            return a->children && a->children->type == XML_TEXT_NODE ? (const char *)a->children->content : "";
        }
    }
    return NULL;
}

static inline float link_density(const rnode *r)
{
    return r->s.chars ? r->s.link_chars / (float)r->s.chars : 0.0f;
}

/* Text that is not link text. */
static inline float own_text(const rnode *r)
{
    return (float)r->s.chars - r->s.link_chars;
}

/* Numbers the elements below parent (records in document order) and finds <body>. */
void cc_html_number(extractor *ex, xmlNodePtr parent, int depth);
/* Marks what never counts as text: scripts, navigation, hidden and unlikely-looking elements, comments. */
void cc_html_prune(extractor *ex, xmlNodePtr parent, int in_table, int depth);
/* Text statistics of every element below n, dropped ones left out. */
void cc_html_stats(extractor *ex, xmlNodePtr n, int depth);
void cc_html_text_stats(const unsigned char *text, stats *s);
void cc_html_add_stats(stats *to, const stats *s);
void cc_html_sub_stats(stats *to, const stats *s);
/* Class and id lower-cased and joined by a space, as Readability's "match string"; its length. */
size_t cc_html_match_string(xmlNodePtr n, char *buf, size_t cap);
int cc_html_contains_any(const char *s, const char *const *words);
/* Readability's class weight: class and id each add or take 25 by the words they contain. */
int cc_html_class_weight(extractor *ex, xmlNodePtr n);
int cc_html_element_children(xmlNodePtr n);

/* The chosen article's clean-up (boilerplate containers inside it) and its text, one paragraph a line. */
void cc_html_clean_article(extractor *ex);
void cc_html_emit_article(extractor *ex);

#endif
