#include "htmlmeta.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

/* Candidates for each field, best source first; the first value seen from the best source wins. */
enum { PUB_SLOTS = 5, TITLE_SLOTS = 3, URL_SLOTS = 3, SOURCE_SLOTS = 3, MAX_H1 = 4 };

typedef struct found {
    const char *published[PUB_SLOTS];
    const char *title[TITLE_SLOTS];
    const char *url[URL_SLOTS];
    const char *source[SOURCE_SLOTS];
    const char *h1[MAX_H1];
    int h1_count;
    cc_arena *arena;
} found;

static int is_space_at(const unsigned char *p)
{
    return *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f' || (p[0] == 0xC2 && p[1] == 0xA0);
}

char *cc_html_squeeze(cc_arena *arena, const char *s)
{
    size_t n = strlen(s);
    char *out = cc_arena_alloc(arena, n + 1);
    size_t o = 0;
    int space = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (is_space_at(p)) {
            space = o > 0;
            p += *p == 0xC2 ? 2 : 1;
            continue;
        }
        if (space) {
            out[o++] = ' ';
            space = 0;
        }
        out[o++] = (char)*p++;
    }
    out[o] = '\0';
    return out;
}

static const char *attr(xmlNodePtr node, const char *name)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        if (strcasecmp((const char *)a->name, name) == 0) {
            return a->children && a->children->type == XML_TEXT_NODE ? (const char *)a->children->content : "";
        }
    }
    return NULL;
}

static void keep(found *f, const char **slot, const char *value)
{
    if (!*slot && value) {
        char *v = cc_html_squeeze(f->arena, value);
        if (*v) {
            *slot = v;
        }
    }
}

static void keep_text(found *f, const char **slot, xmlNodePtr node)
{
    if (*slot) {
        return;
    }
    xmlChar *text = xmlNodeGetContent(node);
    keep(f, slot, (const char *)text);
    xmlFree(text);
}

/* <meta name|property|itemprop=KEY content=...>: the keys that name a publication date, title, address or site. */
static void meta_tag(found *f, xmlNodePtr node)
{
    const char *content = attr(node, "content");
    const char *key = attr(node, "property");
    if (!key) {
        key = attr(node, "name");
    }
    if (!key) {
        key = attr(node, "itemprop");
    }
    if (!content || !key) {
        return;
    }
    static const char *const pub_keys[] = { "article:published_time", "og:published_time", "datepublished",
                                            "pubdate", "publishdate", "publish-date", "publish_date",
                                            "publication_date", "dc.date.issued", "dcterms.created",
                                            "dc.date", "date", "sailthru.date", "parsely-pub-date",
                                            "article.published", "original-publish-date", NULL };
    for (int i = 0; pub_keys[i]; i++) {
        if (strcasecmp(key, pub_keys[i]) == 0) {
            keep(f, &f->published[i < 3 ? 0 : 2], content);
        }
    }
    if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title")) {
        keep(f, &f->title[0], content);
    } else if (!strcasecmp(key, "og:url")) {
        keep(f, &f->url[0], content);
    } else if (!strcasecmp(key, "og:site_name")) {
        keep(f, &f->source[0], content);
    } else if (!strcasecmp(key, "application-name") || !strcasecmp(key, "publisher")) {
        keep(f, &f->source[2], content);
    }
}

static int type_is_article(json_t *obj)
{
    json_t *t = json_object_get(obj, "@type");
    if (json_is_array(t)) {
        t = json_array_get(t, 0);
    }
    const char *s = json_string_value(t);
    return s && (strstr(s, "Article") || strstr(s, "Posting") || strstr(s, "Report"));
}

static void json_ld_walk(found *f, json_t *v, int depth)
{
    if (depth > 6) {
        return;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            json_ld_walk(f, item, depth + 1);
        }
        return;
    }
    if (!json_is_object(v)) {
        return;
    }
    if (type_is_article(v) || json_object_get(v, "datePublished")) {
        keep(f, &f->published[1], json_string_value(json_object_get(v, "datePublished")));
        keep(f, &f->title[1], json_string_value(json_object_get(v, "headline")));
        keep(f, &f->url[2], json_string_value(json_object_get(v, "url")));
        json_t *pub = json_object_get(v, "publisher");
        keep(f, &f->source[1], json_string_value(json_is_object(pub) ? json_object_get(pub, "name") : pub));
    }
    json_ld_walk(f, json_object_get(v, "@graph"), depth + 1);
}

static void json_ld(found *f, xmlNodePtr script)
{
    const char *type = attr(script, "type");
    if (!type || strcasecmp(type, "application/ld+json") != 0) {
        return;
    }
    xmlChar *text = xmlNodeGetContent(script);
    json_t *root = text ? json_loads((const char *)text, 0, NULL) : NULL;
    xmlFree(text);
    if (root) {
        json_ld_walk(f, root, 0);
        json_decref(root);
    }
}

static void element(found *f, xmlNodePtr node)
{
    const char *name = (const char *)node->name;
    const char *itemprop = attr(node, "itemprop");
    if (!strcmp(name, "meta")) {
        meta_tag(f, node);
    } else if (!strcmp(name, "link")) {
        const char *rel = attr(node, "rel");
        if (rel && !strcasecmp(rel, "canonical")) {
            keep(f, &f->url[1], attr(node, "href"));
        }
    } else if (!strcmp(name, "title")) {
        keep_text(f, &f->title[2], node);
    } else if (!strcmp(name, "script")) {
        json_ld(f, node);
    } else if (!strcmp(name, "h1") && f->h1_count < MAX_H1) {
        f->h1[f->h1_count] = NULL;
        keep_text(f, &f->h1[f->h1_count], node);
        f->h1_count += f->h1[f->h1_count] != NULL;
    } else if (!strcmp(name, "time")) {
        const char *dt = attr(node, "datetime");
        keep(f, &f->published[attr(node, "pubdate") ? 3 : 4], dt);
    }
    if (itemprop && !strcasecmp(itemprop, "datePublished") && strcmp(name, "meta")) {
        const char *v = attr(node, "datetime");
        if (!v) {
            v = attr(node, "content");
        }
        if (v) {
            keep(f, &f->published[0], v);
        } else {
            keep_text(f, &f->published[2], node);
        }
    }
}

static void walk(found *f, xmlNodePtr node, int depth)
{
    for (xmlNodePtr n = node->children; n && depth < 400; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            element(f, n);
            walk(f, n, depth + 1);
        }
    }
}

static const char *first(const char *const *slots, int n)
{
    for (int i = 0; i < n; i++) {
        if (slots[i]) {
            return slots[i];
        }
    }
    return NULL;
}

/* Lower-case letters and digits only, so "The Daily Post" matches "thedailypost.com" and "Daily-Post". */
static size_t letters(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            out[o++] = (char)c;
        } else if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        }
    }
    out[o] = '\0';
    return o;
}

static int word_count(const char *s, size_t n)
{
    int words = 0;
    for (size_t i = 0; i < n; i++) {
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    }
    return words;
}

/* The distinctive label of a page address's host: "courier" in https://www.courier.example/x, "bbc" in
 * bbc.co.uk. Empty when there is no address or the label is too short to mean anything. */
static void host_label(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    const char *host = url ? strstr(url, "://") : NULL;
    if (!host) {
        return;
    }
    host += 3;
    size_t n = strcspn(host, "/:?#");
    const char *labels[8];
    size_t lens[8], k = 0;
    for (const char *p = host; p < host + n && k < 8;) {
        size_t len = strcspn(p, ".");
        len = len > (size_t)(host + n - p) ? (size_t)(host + n - p) : len;
        labels[k] = p;
        lens[k++] = len;
        p += len + 1;
    }
    if (k < 2) {
        return;
    }
    size_t i = k - 2;
    if (lens[i] <= 3 && lens[k - 1] == 2 && i > 0) {
        i--; /* co.uk, com.br */
    }
    if (lens[i] >= 3 && strncmp(labels[i], "www", lens[i]) != 0) {
        letters(labels[i], lens[i], out, cap);
    }
}

/* Site decoration: a part that is the site's name or its host's label, or a short tail after the last
 * separator. */
static int is_site_part(const char *part, size_t n, const char *site, const char *host, int tail)
{
    char a[256], b[256];
    size_t an = letters(part, n, a, sizeof a);
    if (an == 0) {
        return 1;
    }
    if (site && letters(site, strlen(site), b, sizeof b) && (strstr(b, a) || strstr(a, b))) {
        return 1;
    }
    if (*host && (strstr(a, host) || strstr(host, a))) {
        return 1;
    }
    return tail && word_count(part, n) <= 4;
}

static const char *const separators[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                          " \xC2\xBB ", " // ", NULL };

/* The first or last separator in s: its start and length. */
static const char *find_separator(const char *s, int last, size_t *sep_len)
{
    const char *best = NULL;
    for (int i = 0; separators[i]; i++) {
        for (const char *p = strstr(s, separators[i]); p; p = strstr(p + 1, separators[i])) {
            if (!best || (last ? p > best : p < best)) {
                best = p;
                *sep_len = strlen(separators[i]);
            }
            if (!last) {
                break;
            }
        }
    }
    return best;
}

static char *strip_site(cc_arena *arena, const char *title, const char *site, const char *url)
{
    size_t start = 0, end = strlen(title), sep;
    char host[64];
    host_label(url, host, sizeof host);
    const char *p = find_separator(title, 1, &sep);
    if (p && is_site_part(p + sep, end - (size_t)(p - title) - sep, site, host, 1) && p - title >= 12) {
        end = (size_t)(p - title);
    }
    p = find_separator(title, 0, &sep);
    if (p && (size_t)(p - title) < end && is_site_part(title, (size_t)(p - title), site, host, 0)) {
        start = (size_t)(p - title) + sep;
    }
    return cc_arena_strndup(arena, title + start, end - start);
}

/* The best meta title, cleaned; an <h1> that makes up most of it is the headline as the page shows it. */
static const char *choose_title(found *f, const char *site, const char *url)
{
    const char *meta = first(f->title, TITLE_SLOTS);
    if (!meta) {
        return f->h1_count == 1 ? f->h1[0] : NULL;
    }
    const char *clean = strip_site(f->arena, meta, site, url);
    size_t n = strlen(clean);
    for (int i = 0; i < f->h1_count; i++) {
        size_t h = strlen(f->h1[i]);
        if (h * 2 >= n && word_count(f->h1[i], h) >= 2 && strstr(clean, f->h1[i])) {
            return f->h1[i];
        }
    }
    return clean;
}

void cc_html_find_meta(htmlDocPtr doc, cc_arena *arena, cc_article_meta *meta)
{
    found f = { .arena = arena };
    walk(&f, (xmlNodePtr)doc, 0);
    meta->source = first(f.source, SOURCE_SLOTS);
    meta->url = first(f.url, URL_SLOTS);
    meta->published = first(f.published, PUB_SLOTS);
    meta->title = choose_title(&f, meta->source, meta->url);
    if (meta->title && !*meta->title) {
        meta->title = NULL;
    }
}
