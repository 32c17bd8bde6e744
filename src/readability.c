/* Article text from an HTML page, after Mozilla Readability's content scoring: paragraphs score their
 * ancestors by length and commas; the best-scoring container, with siblings that score near it, is the
 * article; then containers inside it that look like boilerplate (link lists, image galleries, forms,
 * share bars) are cleaned away. Nodes are never unlinked: a flag per element says what was dropped, so
 * a retry with gentler settings only resets flags. */
#include "readability.h"

#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "htmlmeta.h"
#include "ingest.h"
#include "vec.h"

/* ---- tags ---- */

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

typedef struct tag_info {
    const char *name;
    uint8_t id;
    uint8_t bits;
} tag_info;

/* Sorted by name for bsearch. */
static const tag_info tags[] = {
    { "a", T_A, 0 },
    { "address", T_ADDRESS, TB_BLOCK },
    { "applet", T_OTHER, TB_DROP },
    { "article", T_ARTICLE, TB_BLOCK | TB_DIVBREAK },
    { "aside", T_OTHER, TB_DROP | TB_BLOCK },
    { "audio", T_OTHER, TB_DROP },
    { "blockquote", T_BLOCKQUOTE, TB_BLOCK | TB_DIVBREAK },
    { "body", T_BODY, TB_BLOCK },
    { "br", T_BR, TB_BLOCK },
    { "button", T_OTHER, TB_DROP },
    { "canvas", T_OTHER, TB_DROP },
    { "caption", T_CAPTION, TB_BLOCK },
    { "center", T_OTHER, TB_BLOCK },
    { "code", T_CODE, 0 },
    { "col", T_COL, 0 },
    { "colgroup", T_COLGROUP, 0 },
    { "datalist", T_OTHER, TB_DROP },
    { "dd", T_DD, TB_BLOCK },
    { "details", T_OTHER, TB_BLOCK },
    { "dialog", T_OTHER, TB_DROP | TB_BLOCK },
    { "dir", T_OTHER, TB_BLOCK | TB_LIST },
    { "div", T_DIV, TB_BLOCK | TB_DIVBREAK },
    { "dl", T_DL, TB_BLOCK | TB_DIVBREAK },
    { "dt", T_DT, TB_BLOCK },
    { "embed", T_EMBED, TB_DROP },
    { "fieldset", T_FIELDSET, TB_BLOCK },
    { "figcaption", T_OTHER, TB_DROP | TB_BLOCK },
    { "figure", T_FIGURE, TB_BLOCK | TB_DIVBREAK },
    { "footer", T_OTHER, TB_DROP | TB_BLOCK },
    { "form", T_FORM, TB_BLOCK | TB_DIVBREAK },
    { "frame", T_OTHER, TB_DROP },
    { "frameset", T_OTHER, TB_DROP },
    { "h1", T_H1, TB_BLOCK | TB_HEADING | TB_DIVBREAK },
    { "h2", T_H2, TB_BLOCK | TB_HEADING | TB_SCORE },
    { "h3", T_OTHER, TB_BLOCK | TB_HEADING | TB_SCORE },
    { "h4", T_OTHER, TB_BLOCK | TB_HEADING | TB_SCORE },
    { "h5", T_OTHER, TB_BLOCK | TB_HEADING | TB_SCORE },
    { "h6", T_OTHER, TB_BLOCK | TB_HEADING | TB_SCORE },
    { "head", T_HEAD, TB_DROP },
    { "header", T_OTHER, TB_BLOCK | TB_DIVBREAK },
    { "hgroup", T_OTHER, TB_BLOCK },
    { "hr", T_OTHER, TB_BLOCK },
    { "html", T_HTML, TB_BLOCK },
    { "iframe", T_IFRAME, TB_DROP },
    { "img", T_IMG, TB_DIVBREAK },
    { "input", T_INPUT, TB_DROP },
    { "legend", T_OTHER, TB_BLOCK },
    { "li", T_LI, TB_BLOCK },
    { "link", T_OTHER, TB_DROP },
    { "main", T_MAIN, TB_BLOCK | TB_DIVBREAK },
    { "map", T_OTHER, TB_DROP },
    { "math", T_OTHER, TB_DROP },
    { "menu", T_OTHER, TB_DROP | TB_BLOCK },
    { "meta", T_OTHER, TB_DROP },
    { "nav", T_OTHER, TB_DROP | TB_BLOCK },
    { "noscript", T_OTHER, TB_DROP },
    { "object", T_OBJECT, TB_DROP },
    { "ol", T_OL, TB_BLOCK | TB_DIVBREAK | TB_LIST },
    { "option", T_OTHER, TB_DROP },
    { "p", T_P, TB_BLOCK | TB_DIVBREAK | TB_SCORE },
    { "pre", T_PRE, TB_BLOCK | TB_DIVBREAK | TB_SCORE },
    { "script", T_OTHER, TB_DROP },
    { "section", T_SECTION, TB_BLOCK | TB_DIVBREAK },
    { "select", T_OTHER, TB_DROP },
    { "style", T_OTHER, TB_DROP },
    { "summary", T_OTHER, TB_BLOCK },
    { "svg", T_OTHER, TB_DROP },
    { "table", T_TABLE, TB_BLOCK | TB_DIVBREAK },
    { "tbody", T_OTHER, TB_BLOCK },
    { "td", T_TD, TB_SCORE },
    { "template", T_OTHER, TB_DROP },
    { "textarea", T_OTHER, TB_DROP },
    { "tfoot", T_TFOOT, TB_BLOCK },
    { "th", T_TH, 0 },
    { "thead", T_THEAD, TB_BLOCK },
    { "title", T_OTHER, TB_DROP },
    { "tr", T_TR, TB_BLOCK },
    { "ul", T_UL, TB_BLOCK | TB_DIVBREAK | TB_LIST },
    { "video", T_OTHER, TB_DROP },
};

static int compare_tag(const void *key, const void *item)
{
    return strcmp(key, ((const tag_info *)item)->name);
}

static const tag_info *tag_of(const xmlChar *name)
{
    static const tag_info other = { "", T_OTHER, 0 };
    const tag_info *t = bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags, compare_tag);
    return t ? t : &other;
}

/* ---- per-element state ---- */

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

static rnode *R(extractor *ex, xmlNodePtr n)
{
    return &ex->nodes.v[(uintptr_t)n->_private - 1];
}

static int is_element(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && n->_private;
}

static int removed(extractor *ex, const rnode *r)
{
    return (r->flags & (F_DROP | F_CLEANED)) || ((r->flags & F_UNLIKELY) && (ex->attempt & STRIP_UNLIKELY));
}

static const char *attr(xmlNodePtr node, const char *name)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) == 0) {
            return a->children && a->children->type == XML_TEXT_NODE ? (const char *)a->children->content : "";
        }
    }
    return NULL;
}

static void number_nodes(extractor *ex, xmlNodePtr parent, int depth)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        const tag_info *t = tag_of(n->name);
        rnode r = { .node = n, .tag = t->id, .bits = t->bits };
        CC_VEC_PUSH(ex->nodes, r);
        n->_private = (void *)(uintptr_t)ex->nodes.n;
        if (t->id == T_BODY && !ex->body) {
            ex->body = n;
        }
        if (depth < MAX_DEPTH) {
            number_nodes(ex, n, depth + 1);
        }
    }
}

/* ---- class and id patterns ---- */

/* The class and id, lower-cased and joined by a space, as Readability's "match string". */
static size_t match_string(xmlNodePtr n, char *buf, size_t cap)
{
    const char *parts[2] = { attr(n, "class"), attr(n, "id") };
    size_t o = 0;
    for (int i = 0; i < 2; i++) {
        for (const char *p = parts[i]; p && *p && o + 2 < cap; p++) {
            buf[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        }
        if (i == 0 && o + 2 < cap) {
            buf[o++] = ' ';
        }
    }
    buf[o] = '\0';
    return o;
}

static int contains_any(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++) {
        if (strstr(s, words[i])) {
            return 1;
        }
    }
    return 0;
}

static const char *const unlikely_words[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", NULL
};
static const char *const maybe_words[] = { "and", "article", "body", "column", "content", "main", "shadow", NULL };
static const char *const positive_words[] = { "article", "body", "content", "entry", "hentry", "h-entry", "main",
                                              "page", "pagination", "post", "text", "blog", "story", NULL };
static const char *const negative_words[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "tool", "widget", "gdpr", NULL
};
static const char *const byline_words[] = { "byline", "author", "dateline", "writtenby", "timestamp", "pubdate",
                                            "publish-date", "published-date", "post-date", "entry-date", NULL };
/* Page furniture around a story that runs to a few sentences: sign-up boxes and the writer's biography. */
static const char *const promo_words[] = { "newsletter", "signup", "sign-up", "subscribe", "subscription",
                                           "author-bio", "author-info", "author-box", "about-author", "author-content",
                                           "post-author", NULL };

static int has_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(s, word); p; p = strstr(p + 1, word)) {
        if ((p == s || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) {
            return 1;
        }
    }
    return 0;
}

static int weight_of(const char *s)
{
    if (!*s) {
        return 0;
    }
    int w = 0;
    w -= contains_any(s, negative_words) || has_word(s, "hid") ? 25 : 0;
    w += contains_any(s, positive_words) ? 25 : 0;
    return w;
}

/* Readability weighs class and id separately: each can add or take 25. */
static int class_weight(extractor *ex, xmlNodePtr n)
{
    if (!(ex->attempt & WEIGHT_CLASSES)) {
        return 0;
    }
    int w = 0;
    const char *names[2] = { attr(n, "class"), attr(n, "id") };
    for (int i = 0; i < 2; i++) {
        if (names[i]) {
            char buf[256];
            size_t o = 0;
            for (const char *p = names[i]; *p && o + 1 < sizeof buf; p++) {
                buf[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            }
            buf[o] = '\0';
            w += weight_of(buf);
        }
    }
    return w;
}

/* ---- pruning: what never counts as article text ---- */

static int is_hidden(xmlNodePtr n)
{
    const char *style = attr(n, "style");
    const char *aria = attr(n, "aria-hidden");
    if (attr(n, "hidden") || (aria && !strcmp(aria, "true"))) {
        return 1;
    }
    if (style) {
        char buf[256];
        size_t o = 0;
        for (const char *p = style; *p && o + 1 < sizeof buf; p++) {
            if (*p != ' ') {
                buf[o++] = *p;
            }
        }
        buf[o] = '\0';
        return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
    }
    return 0;
}

static int has_unlikely_role(xmlNodePtr n)
{
    static const char *const roles[] = { "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
                                         "dialog", NULL };
    const char *role = attr(n, "role");
    for (int i = 0; role && roles[i]; i++) {
        if (!strcmp(role, roles[i])) {
            return 1;
        }
    }
    return 0;
}

/* A class or id word naming a comments section ("comments", "comment-list", "post_comments", "disqus"),
 * but not "commentary", which is article text. Comments never count, whatever the attempt. */
static int names_comments(const char *ms)
{
    for (const char *p = strstr(ms, "comment"); p; p = strstr(p + 1, "comment")) {
        int starts = p == ms || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_';
        if (starts && strncmp(p, "commentary", 10) != 0) {
            return 1;
        }
    }
    return strstr(ms, "disqus") != NULL;
}

/* Picture captions and credits describe an image, and pop-up cards describe a link: neither is the story. */
static int names_caption(const char *ms)
{
    static const char *const words[] = { "caption", "credit", "tooltip", "popover", "rollover", "hovercard", NULL };
    return contains_any(ms, words);
}

static void prune(extractor *ex, xmlNodePtr parent, int in_table, int depth)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (!is_element(n)) {
            continue;
        }
        rnode *r = R(ex, n);
        if ((r->bits & TB_DROP) || is_hidden(n) || has_unlikely_role(n)) {
            r->flags |= F_DROP;
            continue;
        }
        char ms[512];
        if (r->tag != T_BODY && r->tag != T_HTML && match_string(n, ms, sizeof ms) > 1 &&
            (names_comments(ms) || names_caption(ms))) {
            r->flags |= F_DROP;
            continue;
        }
        if (!in_table && r->tag != T_BODY && r->tag != T_A && r->tag != T_HTML && r->tag != T_ARTICLE &&
            r->tag != T_MAIN && match_string(n, ms, sizeof ms) > 1 && contains_any(ms, unlikely_words) &&
            !contains_any(ms, maybe_words)) {
            r->flags |= F_UNLIKELY;
        }
        if (depth < MAX_DEPTH) {
            prune(ex, n, in_table || r->tag == T_TABLE || r->tag == T_CODE, depth + 1);
        }
    }
}

/* ---- statistics: visible text below each element ---- */

static void text_stats(const unsigned char *p, stats *s)
{
    int space = 1;
    for (; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            s->chars += !space;
            space = 1;
        } else if ((*p & 0xC0) != 0x80) {
            s->chars++;
            s->commas += *p == ',';
            space = 0;
        }
    }
}

static void add_stats(stats *to, const stats *s)
{
    to->chars += s->chars;
    to->commas += s->commas;
    to->heading_chars += s->heading_chars;
    to->list_chars += s->list_chars;
    to->link_chars += s->link_chars;
    to->p += s->p;
    to->img += s->img;
    to->li += s->li;
    to->input += s->input;
    to->embed += s->embed;
}

static void sub_stats(stats *to, const stats *s)
{
    to->chars -= s->chars;
    to->commas -= s->commas;
    to->heading_chars -= s->heading_chars;
    to->list_chars -= s->list_chars;
    to->link_chars -= s->link_chars;
    to->p -= s->p;
    to->img -= s->img;
    to->li -= s->li;
    to->input -= s->input;
    to->embed -= s->embed;
}

static int is_byline(xmlNodePtr n, uint32_t chars)
{
    if (chars >= CHAR_THRESHOLD) {
        return 0;
    }
    const char *rel = attr(n, "rel");
    const char *itemprop = attr(n, "itemprop");
    char ms[512];
    match_string(n, ms, sizeof ms);
    if (chars < 100 && ((rel && !strcmp(rel, "author")) || (itemprop && strstr(itemprop, "author")) ||
                        contains_any(ms, byline_words))) {
        return 1;
    }
    return contains_any(ms, promo_words);
}

/* Post-order: an element's stats are its children's plus its own text; dropped elements count nothing
 * but the form inputs and embeds inside them, which Readability's clean-up still weighs. */
static void compute_stats(extractor *ex, xmlNodePtr n, int depth)
{
    rnode *r = R(ex, n);
    stats s = { 0 };
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) {
                text_stats(c->content, &s);
            }
        } else if (is_element(c)) {
            rnode *cr = R(ex, c);
            compute_stats(ex, c, depth + 1);
            if (!removed(ex, cr)) {
                add_stats(&s, &cr->s);
            } else {
                s.input += cr->tag == T_INPUT;
                s.embed += cr->tag == T_EMBED || cr->tag == T_OBJECT || cr->tag == T_IFRAME;
            }
        }
    }
    if (r->tag == T_A) {
        const char *href = attr(n, "href");
        s.link_chars = (float)s.chars * (href && href[0] == '#' ? 0.3f : 1.0f);
    }
    if (r->bits & TB_HEADING) {
        s.heading_chars = s.chars;
    }
    if (r->bits & TB_LIST) {
        s.list_chars = s.chars;
    }
    s.p += r->tag == T_P;
    s.img += r->tag == T_IMG;
    s.li += r->tag == T_LI;
    r->s = s;
    if (!removed(ex, r) && r->tag != T_BODY && is_byline(n, s.chars)) {
        r->flags |= F_DROP;
    }
}

/* ---- scoring ---- */

static float link_density(const rnode *r)
{
    return r->s.chars ? r->s.link_chars / (float)r->s.chars : 0.0f;
}

static void init_candidate(extractor *ex, rnode *r)
{
    float score = 0;
    switch (r->tag) {
    case T_DIV: score = 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: score = 3; break;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: score = -3; break;
    case T_H1: case T_H2: case T_TH: score = -5; break;
    default: score = (r->bits & TB_HEADING) ? -5 : 0;
    }
    r->score = score + (float)class_weight(ex, r->node);
    r->flags |= F_SCORED;
    CC_VEC_PUSH(ex->candidates, (uint32_t)(r - ex->nodes.v));
}

/* A paragraph's score goes to five ancestors, less the further up: its parent gets all of it. */
static void score_paragraph(extractor *ex, xmlNodePtr parent, uint32_t chars, uint32_t commas)
{
    if (chars < MIN_PARAGRAPH) {
        return;
    }
    float content = 1.0f + (float)(commas + 1) + (float)(chars / 100 > 3 ? 3 : chars / 100);
    int level = 0;
    for (xmlNodePtr a = parent; a && level < 5 && is_element(a); a = a->parent) {
        rnode *r = R(ex, a);
        if (r->flags & F_WRAPPER) {
            continue;
        }
        if (r->tag == T_HTML) {
            break;
        }
        if (!(r->flags & F_SCORED)) {
            init_candidate(ex, r);
        }
        r->score += content / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
        level++;
        if (r->tag == T_ARTICLE) {
            break; /* a teaser card's text says nothing of the list of cards around it */
        }
    }
}

static int has_divbreak_child(extractor *ex, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is_element(c) && !removed(ex, R(ex, c)) && (R(ex, c)->bits & TB_DIVBREAK)) {
            return 1;
        }
    }
    return 0;
}

static xmlNodePtr single_p_child(extractor *ex, xmlNodePtr n)
{
    xmlNodePtr only = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is_element(c) && !removed(ex, R(ex, c))) {
            if (only || R(ex, c)->tag != T_P) {
                return NULL;
            }
            only = c;
        } else if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar *p = c->content; *p; p++) {
                if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
                    return NULL;
                }
            }
        }
    }
    return only;
}

/* Text and inline elements directly inside a container are paragraphs of their own (Readability wraps them
 * in <p>): each run between block children scores the container. */
static void score_inline_runs(extractor *ex, xmlNodePtr n)
{
    stats run = { 0 };
    for (xmlNodePtr c = n->children;; c = c->next) {
        int block = c && is_element(c) && (R(ex, c)->bits & (TB_DIVBREAK | TB_BLOCK));
        if (!c || block) {
            score_paragraph(ex, n, run.chars, run.commas);
            memset(&run, 0, sizeof run);
            if (!c) {
                break;
            }
        } else if (c->type == XML_TEXT_NODE && c->content) {
            text_stats(c->content, &run);
        } else if (is_element(c) && !removed(ex, R(ex, c))) {
            add_stats(&run, &R(ex, c)->s);
        }
    }
}

static void score_tree(extractor *ex, xmlNodePtr parent, int depth)
{
    for (xmlNodePtr n = parent->children; n && depth < MAX_DEPTH; n = n->next) {
        if (!is_element(n) || removed(ex, R(ex, n))) {
            continue;
        }
        rnode *r = R(ex, n);
        if (r->tag == T_DIV) {
            xmlNodePtr p = single_p_child(ex, n);
            if (p && link_density(r) < 0.25f) {
                r->flags |= F_WRAPPER;
            } else if (!has_divbreak_child(ex, n)) {
                score_paragraph(ex, n->parent, r->s.chars, r->s.commas);
            } else {
                score_inline_runs(ex, n);
            }
        } else if (r->bits & TB_SCORE) {
            score_paragraph(ex, n->parent, r->s.chars, r->s.commas);
        }
        score_tree(ex, n, depth + 1);
    }
}

/* ---- choosing the article ---- */

static int is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (n = n->parent; n; n = n->parent) {
        if (n == a) {
            return 1;
        }
    }
    return 0;
}

enum { TOP_N = 5 };

static xmlNodePtr best_candidates(extractor *ex, rnode **top, int *count)
{
    *count = 0;
    for (size_t i = 0; i < ex->candidates.n; i++) {
        rnode *r = &ex->nodes.v[ex->candidates.v[i]];
        r->score *= 1.0f - link_density(r);
        int k;
        if (*count < TOP_N) {
            k = (*count)++;
        } else if (top[TOP_N - 1]->score < r->score) {
            k = TOP_N - 1;
        } else {
            continue;
        }
        top[k] = r;
        for (; k > 0 && top[k - 1]->score < top[k]->score; k--) {
            rnode *t = top[k];
            top[k] = top[k - 1];
            top[k - 1] = t;
        }
    }
    return *count ? top[0]->node : NULL;
}

/* Readability: when several near-best candidates share an ancestor, the article is that ancestor. */
static xmlNodePtr common_ancestor(extractor *ex, xmlNodePtr top, rnode **cands, int count)
{
    float best = R(ex, top)->score;
    int near = 0;
    for (int i = 1; i < count; i++) {
        near += cands[i]->score / best >= 0.75f;
    }
    if (near < 3) {
        return top;
    }
    for (xmlNodePtr p = top->parent; p && p != ex->body && is_element(p); p = p->parent) {
        int sharing = 0;
        for (int i = 1; i < count; i++) {
            sharing += cands[i]->score / best >= 0.75f && is_ancestor(p, cands[i]->node);
        }
        if (sharing >= 3) {
            return p;
        }
    }
    return top;
}

static int element_children(xmlNodePtr n)
{
    int k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        k += c->type == XML_ELEMENT_NODE;
    }
    return k;
}

static xmlNodePtr climb(extractor *ex, xmlNodePtr top)
{
    rnode *t = R(ex, top);
    if (!(t->flags & F_SCORED)) {
        init_candidate(ex, t);
    }
    float last = t->score, threshold = last / 3;
    for (xmlNodePtr p = top->parent; p && p != ex->body && is_element(p); p = p->parent) {
        rnode *pr = R(ex, p);
        if (!(pr->flags & F_SCORED)) {
            continue;
        }
        if (pr->score < threshold) {
            break;
        }
        if (pr->score > last) {
            top = p;
            break;
        }
        last = pr->score;
    }
    while (top->parent && top->parent != ex->body && is_element(top->parent) && element_children(top->parent) == 1) {
        top = top->parent;
    }
    if (!(R(ex, top)->flags & F_SCORED)) {
        init_candidate(ex, R(ex, top));
    }
    return top;
}

static int ends_sentence_text(xmlNodePtr n)
{
    xmlChar *text = xmlNodeGetContent(n);
    int found = 0;
    for (const xmlChar *p = text; p && *p && !found; p++) {
        found = *p == '.' && (p[1] == ' ' || p[1] == '\0');
    }
    xmlFree(text);
    return found;
}

/* Markup that declares the article body: schema.org's articleBody, <article>, and the class names
 * content systems give it. */
static int is_declared_body(extractor *ex, xmlNodePtr n)
{
    static const char *const names[] = { "articlebody", "article-body", "article_body", "article__body",
                                         "story-body", "storybody", "entry-content", "post-content", "post-body",
                                         "article-content", "articlecontent", "article__content", "story-content",
                                         "article-text", "story-text", NULL };
    const char *itemprop = attr(n, "itemprop");
    char ms[512];
    if (R(ex, n)->tag == T_ARTICLE || (itemprop && strstr(itemprop, "articleBody"))) {
        return 1;
    }
    return match_string(n, ms, sizeof ms) > 1 && contains_any(ms, names);
}

static float own_text(const rnode *r)
{
    return (float)r->s.chars - r->s.link_chars;
}

/* The declared bodies inside the chosen container (outermost ones): the largest and the runner-up. */
static void declared_inside(extractor *ex, xmlNodePtr n, xmlNodePtr best[2], int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (!is_element(c) || removed(ex, R(ex, c))) {
            continue;
        }
        if (!is_declared_body(ex, c)) {
            declared_inside(ex, c, best, depth + 1);
        } else if (!best[0] || own_text(R(ex, c)) > own_text(R(ex, best[0]))) {
            best[1] = best[0];
            best[0] = c;
        } else if (!best[1] || own_text(R(ex, c)) > own_text(R(ex, best[1]))) {
            best[1] = c;
        }
    }
}

/* A container that holds one declared body with most of its text, and no other of weight, is a page
 * around the article: the article is that body. Several bodies of weight are one article in parts. */
static xmlNodePtr snap(extractor *ex, xmlNodePtr top)
{
    if (is_declared_body(ex, top)) {
        return top;
    }
    xmlNodePtr inner[2] = { NULL, NULL };
    declared_inside(ex, top, inner, 0);
    float text = own_text(R(ex, top));
    if (inner[0] && own_text(R(ex, inner[0])) >= 0.5f * text &&
        (!inner[1] || own_text(R(ex, inner[1])) < 0.1f * text)) {
        return inner[0];
    }
    return top;
}

static void choose_siblings(extractor *ex, xmlNodePtr top)
{
    rnode *t = R(ex, top);
    float threshold = t->score * 0.2f > 10 ? t->score * 0.2f : 10;
    const char *cls = attr(top, "class");
    for (xmlNodePtr s = top->parent->children; s; s = s->next) {
        if (!is_element(s) || removed(ex, R(ex, s))) {
            continue;
        }
        rnode *r = R(ex, s);
        int append = s == top;
        if (!append) {
            const char *scls = attr(s, "class");
            float bonus = cls && *cls && scls && !strcmp(cls, scls) ? t->score * 0.2f : 0;
            if ((r->flags & F_SCORED) && r->score + bonus >= threshold) {
                append = 1;
            } else if (r->tag == T_P) {
                float ld = link_density(r);
                append = (r->s.chars > 80 && ld < 0.25f) ||
                         (r->s.chars < 80 && r->s.chars > 0 && ld == 0 && ends_sentence_text(s));
            }
        }
        if (append) {
            CC_VEC_PUSH(ex->article, (uint32_t)(r - ex->nodes.v));
        }
    }
}

/* An article split into parts ("chunks" between ads) repeats its container's tag and class further
 * along the page: parts near the chosen one that score well join it. */
typedef struct parts_search {
    xmlNodePtr top;
    const char *cls;
    float threshold;
    float min_text;  /* a part too deep for scores to reach it counts by its text */
    size_t chosen;   /* the article's nodes before the search */
} parts_search;

static int already_chosen(extractor *ex, const parts_search *ps, xmlNodePtr n)
{
    uint32_t k = (uint32_t)(R(ex, n) - ex->nodes.v);
    for (size_t i = 0; i < ps->chosen; i++) {
        if (ex->article.v[i] == k) {
            return 1;
        }
    }
    return 0;
}

static void find_parts(extractor *ex, const parts_search *ps, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (!is_element(c) || removed(ex, R(ex, c)) || c == ps->top || already_chosen(ex, ps, c)) {
            continue;
        }
        rnode *r = R(ex, c);
        const char *cls = attr(c, "class");
        if (!strcmp((const char *)c->name, (const char *)ps->top->name) && cls && !strcmp(cls, ps->cls) && link_density(r) < 0.25f &&
            (((r->flags & F_SCORED) && r->score >= ps->threshold) || own_text(r) >= ps->min_text) &&
            !is_ancestor(c, ps->top)) {
            CC_VEC_PUSH(ex->article, (uint32_t)(r - ex->nodes.v));
        } else {
            find_parts(ex, ps, c, depth + 1);
        }
    }
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void add_parts(extractor *ex, xmlNodePtr top)
{
    parts_search ps = { top, attr(top, "class"), R(ex, top)->score * 0.2f, own_text(R(ex, top)) * 0.25f,
                        ex->article.n };
    if (!ps.cls || !*ps.cls) {
        return;
    }
    xmlNodePtr scope = top->parent;
    for (int up = 0; up < 4 && scope != ex->body && scope->parent && is_element(scope->parent); up++) {
        scope = scope->parent;
    }
    find_parts(ex, &ps, scope, 0);
    if (ex->article.n > ps.chosen) {
        qsort(ex->article.v, ex->article.n, sizeof *ex->article.v, compare_u32);
    }
}

/* ---- cleaning the chosen article ---- */

static int has_ancestor_tag(extractor *ex, xmlNodePtr n, int tag)
{
    for (n = n->parent; n && is_element(n); n = n->parent) {
        if (R(ex, n)->tag == tag) {
            return 1;
        }
    }
    return 0;
}

static void remove_node(extractor *ex, xmlNodePtr n)
{
    rnode *r = R(ex, n);
    r->flags |= F_CLEANED;
    for (xmlNodePtr a = n->parent; a && is_element(a); a = a->parent) {
        sub_stats(&R(ex, a)->s, &r->s);
    }
}

static void count_table(extractor *ex, xmlNodePtr n, int *rows, int *cols, int *nested, int *marker, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (!is_element(c)) {
            continue;
        }
        int tag = R(ex, c)->tag;
        if (tag == T_TABLE) {
            *nested = 1;
            continue;
        }
        if (tag == T_TR) {
            int k = 0;
            for (xmlNodePtr cell = c->children; cell; cell = cell->next) {
                k += is_element(cell) && (R(ex, cell)->tag == T_TD || R(ex, cell)->tag == T_TH);
            }
            (*rows)++;
            *cols = k > *cols ? k : *cols;
        }
        *marker |= tag == T_TH || tag == T_THEAD || tag == T_TFOOT || tag == T_COL || tag == T_COLGROUP ||
                   tag == T_CAPTION;
        count_table(ex, c, rows, cols, nested, marker, depth + 1);
    }
}

static void mark_data_table(extractor *ex, xmlNodePtr t)
{
    const char *role = attr(t, "role");
    if (role && !strcmp(role, "presentation")) {
        return;
    }
    int rows = 0, cols = 0, nested = 0, marker = attr(t, "summary") != NULL;
    count_table(ex, t, &rows, &cols, &nested, &marker, 0);
    if (!nested && (marker || rows >= 10 || cols > 4 || rows * cols > 10)) {
        R(ex, t)->flags |= F_DATA_TABLE;
    }
}

static int in_data_table(extractor *ex, xmlNodePtr n)
{
    for (; n && is_element(n); n = n->parent) {
        if (R(ex, n)->flags & F_DATA_TABLE) {
            return 1;
        }
    }
    return 0;
}

static int li_children_are_simple(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && element_children(c) > 1) {
            return 0;
        }
    }
    return 1;
}

/* Readability's conditional clean: a container with few commas goes when its make-up is that of
 * boilerplate: more list items than paragraphs, many images, form inputs, mostly links, or almost no text. */
static int looks_like_boilerplate(extractor *ex, xmlNodePtr n)
{
    rnode *r = R(ex, n);
    if ((r->tag == T_TABLE && (r->flags & F_DATA_TABLE)) || in_data_table(ex, n->parent) ||
        has_ancestor_tag(ex, n, T_CODE)) {
        return 0;
    }
    int weight = class_weight(ex, n);
    if (weight < 0) {
        return 1;
    }
    const stats *s = &r->s;
    if (s->commas >= 10) {
        return 0;
    }
    int is_list = r->tag == T_UL || r->tag == T_OL || (s->chars && (float)s->list_chars / (float)s->chars > 0.9f);
    int p = s->p, img = s->img, li = (int)s->li - 100, input = s->input;
    float heading_density = s->chars ? (float)s->heading_chars / (float)s->chars : 0;
    float ld = link_density(r);
    int in_figure = has_ancestor_tag(ex, n, T_FIGURE);
    int remove = (img > 1 && (float)p / (float)img < 0.5f && !in_figure) || (!is_list && li > p) ||
                 (input > p / 3) ||
                 (!is_list && heading_density < 0.9f && s->chars < 25 && (img == 0 || img > 2) && !in_figure) ||
                 (!is_list && weight < 25 && ld > 0.2f) || (weight >= 25 && ld > 0.5f) ||
                 (s->embed == 1 && s->chars < 75) || s->embed > 1;
    remove |= is_list && ld > 0.9f; /* a list of nothing but links points elsewhere */
    if (is_list && remove && li_children_are_simple(n) && s->img == s->li) {
        return 0;
    }
    return remove;
}

typedef int (*node_test)(extractor *ex, xmlNodePtr n);

/* Visits the article's elements of one tag, innermost and last first, so an inner removal is already
 * reflected in the statistics of the containers around it. */
static void clean_tag(extractor *ex, xmlNodePtr n, int tag, node_test test, int depth)
{
    rnode *r = R(ex, n);
    if (removed(ex, r)) {
        return;
    }
    xmlNodePtr last = n->last;
    for (xmlNodePtr c = last; c && depth < MAX_DEPTH; c = c->prev) {
        if (is_element(c)) {
            clean_tag(ex, c, tag, test, depth + 1);
        }
    }
    if ((r->tag == tag || (tag == T_H1 && r->tag == T_H2)) && test(ex, n)) {
        remove_node(ex, n);
    }
}

/* A short paragraph that is all link is a pointer to another story ("READ MORE: ..."), not this one. */
static int link_paragraph(extractor *ex, xmlNodePtr n)
{
    rnode *r = R(ex, n);
    return r->s.chars < 200 && link_density(r) > 0.8f;
}

static int negative_heading(extractor *ex, xmlNodePtr n)
{
    return class_weight(ex, n) < 0;
}

static int is_share_widget(extractor *ex, xmlNodePtr n)
{
    char ms[512];
    if (R(ex, n)->s.chars >= CHAR_THRESHOLD || match_string(n, ms, sizeof ms) < 2) {
        return 0;
    }
    for (const char *p = strstr(ms, "share"); p; p = strstr(p + 1, "share")) {
        int left = p == ms || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
        const char *e = p + 5;
        e += strncmp(e, "daddy", 5) == 0 ? 5 : 0;
        int right = !((*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9'));
        if ((left || p[-1] == '_') && (right || *e == '_')) {
            return 1;
        }
    }
    return 0;
}

static void clean_matching(extractor *ex, xmlNodePtr n, node_test test, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (is_element(c) && !removed(ex, R(ex, c))) {
            if (test(ex, c)) {
                remove_node(ex, c);
            } else {
                clean_matching(ex, c, test, depth + 1);
            }
        }
    }
}

static void mark_tables(extractor *ex, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (is_element(c)) {
            if (R(ex, c)->tag == T_TABLE) {
                mark_data_table(ex, c);
            }
            mark_tables(ex, c, depth + 1);
        }
    }
}

static void clean_article(extractor *ex)
{
    static const int conditional[] = { T_FORM, T_FIELDSET, T_TABLE, T_UL, T_DIV };
    for (size_t i = 0; i < ex->article.n; i++) {
        xmlNodePtr n = ex->nodes.v[ex->article.v[i]].node;
        mark_tables(ex, n, 0);
        if (R(ex, n)->tag == T_TABLE) {
            mark_data_table(ex, n);
        }
    }
    for (size_t i = 0; i < ex->article.n; i++) {
        clean_matching(ex, ex->nodes.v[ex->article.v[i]].node, is_share_widget, 0);
        clean_tag(ex, ex->nodes.v[ex->article.v[i]].node, T_P, link_paragraph, 0);
    }
    for (size_t k = 0; k < sizeof conditional / sizeof *conditional; k++) {
        if (k == 2) {
            for (size_t i = ex->article.n; i-- > 0;) {
                clean_tag(ex, ex->nodes.v[ex->article.v[i]].node, T_H1, negative_heading, 0);
            }
        }
        if (!(ex->attempt & CLEAN_CONDITIONALLY)) {
            continue;
        }
        for (size_t i = ex->article.n; i-- > 0;) {
            clean_tag(ex, ex->nodes.v[ex->article.v[i]].node, conditional[k], looks_like_boilerplate, 0);
        }
    }
}

/* ---- text out ---- */

static void out_break(extractor *ex)
{
    if (ex->out.n && ex->out.v[ex->out.n - 1] != '\n') {
        CC_VEC_PUSH(ex->out, '\n');
        CC_VEC_PUSH(ex->out, '\n');
    }
    ex->pending_space = 0;
}

static void out_text(extractor *ex, const unsigned char *p)
{
    for (; *p; p++) {
        int nbsp = p[0] == 0xC2 && p[1] == 0xA0;
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f' || nbsp) {
            ex->pending_space = 1;
            p += nbsp;
            continue;
        }
        if (ex->pending_space && ex->out.n && ex->out.v[ex->out.n - 1] != '\n') {
            CC_VEC_PUSH(ex->out, ' ');
        }
        ex->pending_space = 0;
        CC_VEC_PUSH(ex->out, (char)*p);
    }
}

/* <pre> keeps its lines: each is a paragraph line of its own. */
static void out_pre(extractor *ex, xmlNodePtr n, int depth);

static void emit(extractor *ex, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) {
                out_text(ex, c->content);
            }
            continue;
        }
        if (!is_element(c) || removed(ex, R(ex, c)) || (R(ex, c)->flags & F_TITLE)) {
            continue;
        }
        rnode *r = R(ex, c);
        if (r->bits & TB_BLOCK) {
            out_break(ex);
        } else if (r->tag == T_TD || r->tag == T_TH) {
            ex->pending_space = 1;
        }
        if (r->tag == T_PRE) {
            out_pre(ex, c, depth + 1);
        } else {
            emit(ex, c, depth + 1);
        }
        if (r->bits & TB_BLOCK) {
            out_break(ex);
        }
    }
}

static void out_pre(extractor *ex, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            for (const xmlChar *p = c->content; *p; p++) {
                const xmlChar *nl = (const xmlChar *)strchr((const char *)p, '\n');
                size_t len = nl ? (size_t)(nl - p) : strlen((const char *)p);
                char line[1024];
                for (size_t off = 0; off < len; off += sizeof line - 1) {
                    size_t k = len - off < sizeof line - 1 ? len - off : sizeof line - 1;
                    memcpy(line, p + off, k);
                    line[k] = '\0';
                    out_text(ex, (const unsigned char *)line);
                }
                if (!nl) {
                    break;
                }
                out_break(ex);
                p = nl;
            }
        } else if (is_element(c) && !removed(ex, R(ex, c))) {
            out_pre(ex, c, depth + 1);
        }
    }
}

static void emit_article(extractor *ex)
{
    ex->out.n = 0;
    ex->pending_space = 0;
    for (size_t i = 0; i < ex->article.n; i++) {
        xmlNodePtr n = ex->nodes.v[ex->article.v[i]].node;
        out_break(ex);
        if (R(ex, n)->tag == T_PRE) {
            out_pre(ex, n, 0);
        } else {
            emit(ex, n, 0);
        }
        out_break(ex);
    }
    while (ex->out.n && ex->out.v[ex->out.n - 1] == '\n') {
        ex->out.n--;
    }
}

/* ---- one attempt, and the retries ---- */


static void reset(extractor *ex)
{
    for (size_t i = 0; i < ex->nodes.n; i++) {
        rnode *r = &ex->nodes.v[i];
        r->score = 0;
        r->flags &= F_TITLE;
    }
    ex->candidates.n = 0;
    ex->article.n = 0;
}

static size_t run_attempt(extractor *ex)
{
    reset(ex);
    prune(ex, ex->body, 0, 0);
    compute_stats(ex, ex->body, 0);
    score_tree(ex, ex->body, 0);
    rnode *cands[TOP_N] = { 0 };
    int count;
    xmlNodePtr top = best_candidates(ex, cands, &count);
    if (!top || top == ex->body) {
        CC_VEC_PUSH(ex->article, (uint32_t)(R(ex, ex->body) - ex->nodes.v));
    } else {
        top = snap(ex, climb(ex, common_ancestor(ex, top, cands, count)));
        if (!(R(ex, top)->flags & F_SCORED)) {
            init_candidate(ex, R(ex, top));
        }
        if (top->parent && is_element(top->parent)) {
            choose_siblings(ex, top);
            add_parts(ex, top);
        } else {
            CC_VEC_PUSH(ex->article, (uint32_t)(R(ex, top) - ex->nodes.v));
        }
    }
    clean_article(ex);
    emit_article(ex);
    size_t chars = 0;
    for (size_t i = 0; i < ex->out.n; i++) {
        chars += ((unsigned char)ex->out.v[i] & 0xC0) != 0x80;
    }
    return chars;
}

/* Headings that repeat the title are left out: the title has its own line. */
static void mark_title_headings(extractor *ex)
{
    if (!ex->title) {
        return;
    }
    cc_arena scratch = { 0 };
    for (size_t i = 0; i < ex->nodes.n; i++) {
        rnode *r = &ex->nodes.v[i];
        if (r->tag == T_H1 || r->tag == T_H2) {
            xmlChar *text = xmlNodeGetContent(r->node);
            if (text && !strcmp(cc_html_squeeze(&scratch, (const char *)text), ex->title)) {
                r->flags |= F_TITLE;
            }
            xmlFree(text);
        }
    }
    cc_arena_free(&scratch);
}

static const int attempts[] = { STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
                                WEIGHT_CLASSES | CLEAN_CONDITIONALLY, CLEAN_CONDITIONALLY, 0 };

/* Readability retries with fewer assumptions when the article comes out short, keeping the longest. */
static void extract_body(extractor *ex)
{
    mark_title_headings(ex);
    int best = -1;
    size_t best_chars = 0;
    for (int i = 0; i < 4; i++) {
        ex->attempt = attempts[i];
        size_t chars = run_attempt(ex);
        if (chars >= CHAR_THRESHOLD) {
            return;
        }
        if (best < 0 || chars > best_chars) {
            best = i;
            best_chars = chars;
        }
    }
    if (best != 3) {
        ex->attempt = attempts[best];
        run_attempt(ex);
    }
}

/* ---- the page ---- */

/* Valid UTF-8 is read as UTF-8 whatever the page declares (mislabelled pages are common, Latin-1 text that
 * happens to be valid UTF-8 is not); anything else is left to libxml2, which follows the declared charset. */
static const char *choose_encoding(const char *html, size_t len)
{
    cc_error ignored;
    return cc_validate_text(html, len, &ignored) == 0 ? "UTF-8" : NULL;
}

static void set_error(cc_error *err, const char *msg)
{
    cc_error_set(err, NULL, 0, -1, "%s", msg);
}

static void compose(cc_html_page *page, const char *title, const char *body, size_t body_len)
{
    size_t tlen = title ? strlen(title) : 0;
    page->text = malloc(tlen + 2 + body_len + 1);
    if (!page->text) {
        abort();
    }
    size_t o = 0;
    if (tlen) {
        memcpy(page->text, title, tlen);
        memcpy(page->text + tlen, "\n\n", 2);
        o = tlen + 2;
    }
    page->body_start = o;
    memcpy(page->text + o, body, body_len);
    page->len = o + body_len;
    page->text[page->len] = '\0';
}

int cc_html_extract(const char *html, size_t len, cc_html_page *page, cc_error *err)
{
    memset(page, 0, sizeof *page);
    if (len == 0) {
        set_error(err, "empty page");
        return -1;
    }
    if (memchr(html, '\0', len < 4096 ? len : 4096)) {
        set_error(err, "NUL byte: binary data, not an HTML page");
        return -1;
    }
    if (len > (size_t)INT32_MAX) {
        set_error(err, "page too large");
        return -1;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  HTML_PARSE_COMPACT;
    const char *encoding = choose_encoding(html, len);
    if (encoding) {
        options |= HTML_PARSE_IGNORE_ENC;
    }
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, encoding, options);
    if (!doc) {
        set_error(err, "not an HTML page: the parser found no document");
        return -1;
    }
    cc_html_find_meta(doc, &page->arena, &page->meta);
    extractor ex = { .title = page->meta.title };
    number_nodes(&ex, (xmlNodePtr)doc, 0);
    int rc = 0;
    if (!ex.body) {
        set_error(err, "no <body> with text in the HTML page");
        rc = -1;
    } else {
        extract_body(&ex);
        if (ex.out.n == 0) {
            set_error(err, "no article text found in the HTML page");
            rc = -1;
        } else {
            compose(page, page->meta.title, ex.out.v, ex.out.n);
        }
    }
    CC_VEC_FREE(ex.nodes);
    CC_VEC_FREE(ex.candidates);
    CC_VEC_FREE(ex.article);
    CC_VEC_FREE(ex.out);
    xmlFreeDoc(doc);
    return rc;
}

void cc_html_page_free(cc_html_page *page)
{
    free(page->text);
    cc_arena_free(&page->arena);
    memset(page, 0, sizeof *page);
}
