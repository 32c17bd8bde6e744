/* Tags, class and id patterns, pruning and text statistics for the HTML reader. */
#include "htmldom.h"

#include <stdlib.h>

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

void cc_html_number(extractor *ex, xmlNodePtr parent, int depth)
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
            cc_html_number(ex, n, depth + 1);
        }
    }
}


/* ---- class and id patterns ---- */

/* The class and id, lower-cased and joined by a space, as Readability's "match string". */
size_t cc_html_match_string(xmlNodePtr n, char *buf, size_t cap)
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

int cc_html_contains_any(const char *s, const char *const *words)
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
    w -= cc_html_contains_any(s, negative_words) || has_word(s, "hid") ? 25 : 0;
    w += cc_html_contains_any(s, positive_words) ? 25 : 0;
    return w;
}

/* Readability weighs class and id separately: each can add or take 25. */
int cc_html_class_weight(extractor *ex, xmlNodePtr n)
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
    return cc_html_contains_any(ms, words);
}

void cc_html_prune(extractor *ex, xmlNodePtr parent, int in_table, int depth)
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
        if (r->tag != T_BODY && r->tag != T_HTML && cc_html_match_string(n, ms, sizeof ms) > 1 &&
            (names_comments(ms) || names_caption(ms))) {
            r->flags |= F_DROP;
            continue;
        }
        if (!in_table && r->tag != T_BODY && r->tag != T_A && r->tag != T_HTML && r->tag != T_ARTICLE &&
            r->tag != T_MAIN && cc_html_match_string(n, ms, sizeof ms) > 1 && cc_html_contains_any(ms, unlikely_words) &&
            !cc_html_contains_any(ms, maybe_words)) {
            r->flags |= F_UNLIKELY;
        }
        if (depth < MAX_DEPTH) {
            cc_html_prune(ex, n, in_table || r->tag == T_TABLE || r->tag == T_CODE, depth + 1);
        }
    }
}

/* ---- statistics: visible text below each element ---- */

void cc_html_text_stats(const unsigned char *p, stats *s)
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

void cc_html_add_stats(stats *to, const stats *s)
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

void cc_html_sub_stats(stats *to, const stats *s)
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
    cc_html_match_string(n, ms, sizeof ms);
    if (chars < 100 && ((rel && !strcmp(rel, "author")) || (itemprop && strstr(itemprop, "author")) ||
                        cc_html_contains_any(ms, byline_words))) {
        return 1;
    }
    return cc_html_contains_any(ms, promo_words);
}

/* Post-order: an element's stats are its children's plus its own text; dropped elements count nothing
 * but the form inputs and embeds inside them, which Readability's clean-up still weighs. */
void cc_html_stats(extractor *ex, xmlNodePtr n, int depth)
{
    rnode *r = R(ex, n);
    stats s = { 0 };
    for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) {
                cc_html_text_stats(c->content, &s);
            }
        } else if (is_element(c)) {
            rnode *cr = R(ex, c);
            cc_html_stats(ex, c, depth + 1);
            if (!removed(ex, cr)) {
                cc_html_add_stats(&s, &cr->s);
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


int cc_html_element_children(xmlNodePtr n)
{
    int k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        k += c->type == XML_ELEMENT_NODE;
    }
    return k;
}
