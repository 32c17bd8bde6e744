/* Article text from an HTML page, after Mozilla Readability's content scoring: paragraphs score their
 * ancestors by length and commas; the best-scoring container, with siblings that score near it, is the
 * article. Beyond Readability: a declared article body (<article>, itemprop=articleBody, "entry-content")
 * holding most of the winner's text is preferred to the page around it; scores stop at <article>, so a
 * grid of teaser cards does not outscore the story; an article cut into chunks gets its other parts back.
 * htmlclean.c then clears boilerplate out of it and writes its text. Nodes are never unlinked: a flag per
 * element says what was dropped, so a retry with gentler settings only resets flags. */
#include "readability.h"

#include <stdlib.h>
#include <string.h>

#include "htmldom.h"
#include "htmlmeta.h"
#include "ingest.h"

/* ---- scoring ---- */

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
    r->score = score + (float)cc_html_class_weight(ex, r->node);
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
            cc_html_text_stats(c->content, &run);
        } else if (is_element(c) && !removed(ex, R(ex, c))) {
            cc_html_add_stats(&run, &R(ex, c)->s);
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
    while (top->parent && top->parent != ex->body && is_element(top->parent) && cc_html_element_children(top->parent) == 1) {
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
    return cc_html_match_string(n, ms, sizeof ms) > 1 && cc_html_contains_any(ms, names);
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
    cc_html_prune(ex, ex->body, 0, 0);
    cc_html_stats(ex, ex->body, 0);
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
    cc_html_clean_article(ex);
    cc_html_emit_article(ex);
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
    cc_html_number(&ex, (xmlNodePtr)doc, 0);
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
