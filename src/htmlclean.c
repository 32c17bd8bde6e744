/* The chosen article's clean-up, after Readability's: containers inside it whose make-up is that of
 * boilerplate (link lists, galleries, forms, share bars) go; then its text is written out. */
#include "htmldom.h"

#include <stdlib.h>

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
        cc_html_sub_stats(&R(ex, a)->s, &r->s);
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
        if (c->type == XML_ELEMENT_NODE && cc_html_element_children(c) > 1) {
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
    int weight = cc_html_class_weight(ex, n);
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
    return cc_html_class_weight(ex, n) < 0;
}

static int is_share_widget(extractor *ex, xmlNodePtr n)
{
    char ms[512];
    if (R(ex, n)->s.chars >= CHAR_THRESHOLD || cc_html_match_string(n, ms, sizeof ms) < 2) {
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

/* Runs a test over every element of one tag in the article, last first. */
static void clean_all(extractor *ex, int tag, node_test test)
{
    for (size_t i = ex->article.n; i-- > 0;) {
        clean_tag(ex, ex->nodes.v[ex->article.v[i]].node, tag, test, 0);
    }
}

/* Readability's order: share widgets, then forms, then headings of ill repute, then tables, lists and
 * divs, so that containers are judged after what was inside them is gone. */
void cc_html_clean_article(extractor *ex)
{
    for (size_t i = 0; i < ex->article.n; i++) {
        xmlNodePtr n = ex->nodes.v[ex->article.v[i]].node;
        if (R(ex, n)->tag == T_TABLE) {
            mark_data_table(ex, n);
        }
        mark_tables(ex, n, 0);
        clean_matching(ex, n, is_share_widget, 0);
    }
    clean_all(ex, T_P, link_paragraph);
    int conditional = ex->attempt & CLEAN_CONDITIONALLY;
    if (conditional) {
        clean_all(ex, T_FORM, looks_like_boilerplate);
        clean_all(ex, T_FIELDSET, looks_like_boilerplate);
    }
    clean_all(ex, T_H1, negative_heading);
    if (conditional) {
        clean_all(ex, T_TABLE, looks_like_boilerplate);
        clean_all(ex, T_UL, looks_like_boilerplate);
        clean_all(ex, T_DIV, looks_like_boilerplate);
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

void cc_html_emit_article(extractor *ex)
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

