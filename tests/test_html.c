/* HTML pages in: boilerplate removal, metadata, entities, charsets, broken markup and bad input,
 * through the extractor, through ingest and through the CLI. Every page here is written for the test. */
#include <stdlib.h>
#include <unistd.h>

#include <jansson.h>

#include "harness.h"
#include "readability.h"

#define PARA1 "<p>Floodwaters began to recede on Tuesday in the river town of Marlow, where more than 300 homes " \
              "were evacuated over the weekend, officials said.</p>"
#define PARA2 "<p>The county's emergency director, Ana Ruiz, said crews would inspect the levee on Wednesday, and " \
              "that residents should not return until the water utility declared the supply safe.</p>"
#define PARA3 "<p>Two people were treated for hypothermia after their car stalled on a flooded road near the " \
              "bridge, according to the fire department, which rescued them by boat.</p>"
#define PARA4 "<p>Forecasters expect dry weather for the rest of the week, although another storm system could " \
              "bring heavy rain to the valley early next month, the weather service said.</p>"
#define BODY PARA1 PARA2 PARA3 PARA4

#define NAV "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>" \
            "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>"
#define ASIDE "<aside><h3>Most read</h3><ul><li><a href=\"/a\">School board approves new budget for next year</a></li>" \
              "<li><a href=\"/b\">Council votes to repave the main street this summer</a></li></ul></aside>"
#define FOOTER "<footer><p>Copyright 2021 The Valley Courier. All rights reserved. Terms of use and privacy " \
               "policy apply to this site.</p></footer>"

static int extract(const char *html, cc_html_page *page)
{
    cc_error err;
    return cc_html_extract(html, strlen(html), page, &err);
}

static int has(const cc_html_page *p, const char *s)
{
    return p->text && strstr(p->text, s) != NULL;
}

TEST(html_drops_navigation_sidebar_and_footer)
{
    cc_html_page p;
    const char *html = "<!DOCTYPE html><html><head><title>Floodwaters recede</title></head><body>" NAV
                       "<div class=\"page\"><article>" BODY "</article>" ASIDE "</div>" FOOTER "</body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede on Tuesday"));
    CHECK(has(&p, "bring heavy rain to the valley"));
    CHECK(!has(&p, "Sport"));
    CHECK(!has(&p, "Most read"));
    CHECK(!has(&p, "School board"));
    CHECK(!has(&p, "Copyright"));
    cc_html_page_free(&p);
}

TEST(html_one_paragraph_a_line_with_blank_lines_between)
{
    cc_html_page p;
    const char *html = "<html><body><div id=\"story\">" BODY "</div></body></html>";
    CHECK_INT(extract(html, &p), 0);
    const char *body = p.text + p.body_start;
    CHECK(strncmp(body, "Floodwaters began", 17) == 0);
    CHECK(strstr(body, "officials said.\n\nThe county's emergency director") != NULL);
    CHECK(p.text[p.len - 1] == '.');
    CHECK_INT(strlen(p.text), p.len);
    cc_html_page_free(&p);
}

TEST(html_title_date_site_and_url_from_meta)
{
    cc_html_page p;
    const char *html =
        "<html><head><title>Floodwaters recede in Marlow | The Valley Courier</title>"
        "<meta property=\"og:title\" content=\"Floodwaters recede in Marlow | The Valley Courier\">"
        "<meta property=\"og:site_name\" content=\"The Valley Courier\">"
        "<meta property=\"article:published_time\" content=\"2021-03-09T14:05:00Z\">"
        "<meta property=\"og:url\" content=\"https://courier.example/news/floods\">"
        "</head><body><h1>Floodwaters recede in Marlow</h1><article>" BODY "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.title, "Floodwaters recede in Marlow");
    CHECK_STR(p.meta.source, "The Valley Courier");
    CHECK_STR(p.meta.published, "2021-03-09T14:05:00Z");
    CHECK_STR(p.meta.url, "https://courier.example/news/floods");
    /* the title opens the text, once: the <h1> repeating it is not body text */
    CHECK(strncmp(p.text, "Floodwaters recede in Marlow\n\nFloodwaters began", 47) == 0);
    CHECK(strstr(p.text + p.body_start, "recede in Marlow") == NULL);
    cc_html_page_free(&p);
}

TEST(html_title_cleaned_of_site_name_without_open_graph)
{
    cc_html_page p;
    const char *html = "<html><head><title>Valley Courier - Levee inspection set for Wednesday</title>"
                       "<link rel=\"canonical\" href=\"https://courier.example/levee\"></head>"
                       "<body><article>" BODY "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.title, "Levee inspection set for Wednesday");
    CHECK_STR(p.meta.url, "https://courier.example/levee");
    cc_html_page_free(&p);
    html = "<html><head><title>Levee inspection set for Wednesday &#8211; Valley Courier</title></head>"
           "<body><article>" BODY "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.title, "Levee inspection set for Wednesday");
    cc_html_page_free(&p);
}

TEST(html_published_date_from_json_ld_microdata_and_time)
{
    cc_html_page p;
    const char *html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                       "\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"headline\":\"Levee holds\","
                       "\"datePublished\":\"2021-03-08T06:30:00-05:00\",\"publisher\":{\"@type\":\"Organization\","
                       "\"name\":\"Valley Courier\"}}]}</script></head><body><article>" BODY "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.published, "2021-03-08T06:30:00-05:00");
    CHECK_STR(p.meta.source, "Valley Courier");
    CHECK_STR(p.meta.title, "Levee holds");
    cc_html_page_free(&p);

    html = "<html><body><article><span itemprop=\"datePublished\" content=\"2021-03-07\">March 7</span>" BODY
           "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.published, "2021-03-07");
    cc_html_page_free(&p);

    html = "<html><body><article><p class=\"when\"><time datetime=\"2021-03-06T08:00\">Saturday</time></p>" BODY
           "</article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK_STR(p.meta.published, "2021-03-06T08:00");
    cc_html_page_free(&p);
}

TEST(html_entities_nbsp_and_br)
{
    cc_html_page p;
    const char *html = "<html><body><div class=\"story\">" BODY
                       "<p>Ruiz said the town&rsquo;s shelters &amp; schools stayed open&nbsp;overnight, and that "
                       "&#8220;nobody should drive through standing water.&#8221;<br>Caf&eacute; owners offered "
                       "free meals to volunteers.</p></div></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "the town\xE2\x80\x99s shelters & schools stayed open overnight, and that "
                  "\xE2\x80\x9Cnobody should drive through standing water.\xE2\x80\x9D\n\nCaf\xC3\xA9 owners"));
    cc_html_page_free(&p);
}

TEST(html_nested_divs_and_inline_text)
{
    cc_html_page p;
    const char *html = "<html><body><div><div class=\"wrap\"><div><div><div class=\"inner\">"
                       "Floodwaters began to recede on Tuesday in the river town of Marlow, where more than 300 "
                       "homes were evacuated over the weekend, officials said.<div><div>" PARA2 PARA3 "</div></div>"
                       "<span>Forecasters expect dry weather for the rest of the week, the weather service said, "
                       "although more rain is likely next month.</span></div></div></div></div></div></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede"));
    CHECK(has(&p, "The county's emergency director"));
    CHECK(has(&p, "Two people were treated"));
    CHECK(has(&p, "Forecasters expect dry weather"));
    cc_html_page_free(&p);
}

TEST(html_comments_section_and_share_widgets_left_out)
{
    cc_html_page p;
    const char *html =
        "<html><body><div class=\"post\"><div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> "
        "<a href=\"#\">Share on Twitter</a></div><div class=\"entry-content\">" BODY "</div>"
        "<div class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/x\">Levee repairs to cost millions, "
        "engineers warn</a></li><li><a href=\"/y\">River reaches its highest level in twenty years</a></li></ul></div>"
        "<div id=\"comments\" class=\"comments-area\"><h3>12 comments</h3><ol class=\"comment-list\">"
        "<li class=\"comment\"><p>I have lived here for forty years, and I have never seen the water come up this "
        "fast, which is why the county should have acted sooner, in my view.</p></li>"
        "<li class=\"comment\"><p>Thanks to the volunteers at the school, who worked all night, handed out blankets, "
        "and kept everyone calm while the water kept rising outside.</p></li></ol></div></div></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede"));
    CHECK(!has(&p, "forty years"));
    CHECK(!has(&p, "volunteers at the school"));
    CHECK(!has(&p, "Share on"));
    CHECK(!has(&p, "highest level in twenty years"));
    cc_html_page_free(&p);
}

TEST(html_story_beats_a_grid_of_teaser_cards)
{
    /* twelve teaser cards with a sentence each outweigh the story by paragraph count alone */
    char html[16384];
    size_t o = (size_t)snprintf(html, sizeof html, "<html><body><section><article class=\"story\">"
                                "<div class=\"text\">" BODY "</div></article></section><section><div class=\"grid\">");
    for (int i = 0; i < 12; i++) {
        o += (size_t)snprintf(html + o, sizeof html - o,
                              "<div class=\"col\"><article class=\"card\"><h2><a href=\"/s%d\">Council approves "
                              "budget number %d</a></h2><div class=\"description\"><p>The council voted on Monday, "
                              "after a long debate, to approve spending plan %d for the coming year.</p></div>"
                              "</article></div>", i, i, i);
    }
    snprintf(html + o, sizeof html - o, "</div></section></body></html>");
    cc_html_page p;
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede"));
    CHECK(has(&p, "bring heavy rain to the valley"));
    CHECK(!has(&p, "spending plan"));
    cc_html_page_free(&p);
}

TEST(html_article_in_chunks_between_ads_is_read_whole)
{
    cc_html_page p;
    const char *html = "<html><body><main><div class=\"chunks\"><div class=\"row\"><div class=\"body part\">"
                       PARA1 PARA2 "</div><div class=\"ad-slot\"></div></div><div class=\"row\">"
                       "<div class=\"body part\">" PARA3 PARA4 "</div><div class=\"ad-slot\"></div></div></div>"
                       "</main></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede"));
    CHECK(has(&p, "Two people were treated"));
    CHECK(has(&p, "bring heavy rain to the valley"));
    cc_html_page_free(&p);
}

TEST(html_captions_pointers_and_signups_left_out)
{
    cc_html_page p;
    const char *html =
        "<html><body><article><div class=\"article-body\">" PARA1
        "<figure><img src=\"levee.jpg\"><figcaption>Sandbags line the levee on Monday.</figcaption></figure>"
        "<div class=\"image-credit\">Photo: J. Smith</div>" PARA2
        "<p><a href=\"/other\">READ MORE: Levee repairs to cost millions</a></p>" PARA3
        "<h4>More:</h4><ul><li><a href=\"/a\">School board approves new budget</a></li>"
        "<li><a href=\"/b\">Council votes to repave the main street</a></li></ul>"
        "<div class=\"newsletter-box\">Get the morning briefing in your inbox. Sign up now.</div>" PARA4
        "</div></article></body></html>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "Floodwaters began to recede"));
    CHECK(has(&p, "bring heavy rain to the valley"));
    CHECK(!has(&p, "Sandbags"));
    CHECK(!has(&p, "J. Smith"));
    CHECK(!has(&p, "READ MORE"));
    CHECK(!has(&p, "School board"));
    CHECK(!has(&p, "morning briefing"));
    cc_html_page_free(&p);
}

TEST(html_malformed_markup_still_read)
{
    cc_html_page p;
    const char *html = "<html><head><title>Floods</head><body><div class=\"story\">"
                       "<p>Floodwaters began to recede on Tuesday in the river town of Marlow, where more than 300 "
                       "homes were evacuated over the weekend, officials said."
                       "<p>The county's emergency director said crews would inspect the levee</span> on Wednesday, "
                       "and residents should wait for the all-clear.<b><i>Two people were treated for hypothermia, "
                       "the fire department said.</b></i>"
                       "<p>Forecasters expect dry weather for the rest of the week, the weather service said.</div>";
    CHECK_INT(extract(html, &p), 0);
    CHECK(has(&p, "officials said.\n\nThe county's emergency director"));
    CHECK(has(&p, "inspect the levee on Wednesday"));
    CHECK(has(&p, "Forecasters expect dry weather for the rest of the week"));
    cc_html_page_free(&p);
}

TEST(html_declared_charset_is_converted_to_utf8)
{
    cc_html_page p;
    /* ISO-8859-1 bytes: e-acute is 0xE9; windows-1252 curly quotes are 0x93 and 0x94 */
    const char *latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><div class=\"story\">" BODY
                         "<p>The caf\xE9 on the square reopened, its owner said.</p></div></body></html>";
    CHECK_INT(extract(latin1, &p), 0);
    CHECK(has(&p, "The caf\xC3\xA9 on the square reopened"));
    cc_html_page_free(&p);
    const char *cp1252 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                         "</head><body><div class=\"story\">" BODY
                         "<p>\x93We were lucky,\x94 the owner said.</p></div></body></html>";
    CHECK_INT(extract(cp1252, &p), 0);
    CHECK(has(&p, "\xE2\x80\x9CWe were lucky,\xE2\x80\x9D the owner said."));
    cc_html_page_free(&p);
}

TEST(html_bad_input_is_refused_with_a_message)
{
    cc_html_page p;
    cc_error err;
    CHECK(cc_html_extract("", 0, &p, &err) != 0);
    CHECK(strstr(err.message, "empty") != NULL);
    cc_html_page_free(&p);
    CHECK(cc_html_extract("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &p, &err) != 0);
    CHECK(strstr(err.message, "binary") != NULL);
    cc_html_page_free(&p);
    const char *empty = "<html><head><title>Nothing</title><script>var x = 1;</script></head><body>"
                        "<nav><a href=\"/\">Home</a></nav></body></html>";
    CHECK(cc_html_extract(empty, strlen(empty), &p, &err) != 0);
    CHECK(strstr(err.message, "no article text") != NULL);
    cc_html_page_free(&p);
}

static char *make_dir(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/cc_html_XXXXXX");
    return mkdtemp(dir);
}

static void write_file(const char *dir, const char *name, const char *data)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fputs(data, f);
    fclose(f);
}

static void remove_dir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

TEST(html_pages_in_a_folder_are_analysed_with_their_metadata)
{
    char *dir = make_dir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    write_file(dir, "a.html", "<html><head><meta property=\"og:title\" content=\"Floodwaters recede in Marlow\">"
                              "<meta property=\"og:site_name\" content=\"Valley Courier\">"
                              "<meta property=\"article:published_time\" content=\"2021-03-09T14:05:00Z\"></head>"
                              "<body>" NAV "<article>" BODY "</article>" FOOTER "</body></html>");
    write_file(dir, "b.htm", "<html><body><div class=\"story\">" PARA3 PARA4 PARA1 "</div></body></html>");
    write_file(dir, "c.txt", "Levee holds\n\nThe levee held overnight, engineers said on Wednesday.\n");
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK_INT(cc_cluster_add_path(c, dir, 0, NULL, NULL, &err), 3);
    const cc_article *a = c->articles.v[0];
    CHECK_STR(a->id, "a");
    CHECK_STR(test_str(a->title), "Floodwaters recede in Marlow");
    CHECK_STR(test_str(a->source), "Valley Courier");
    CHECK_INT(a->pub_year, 2021);
    CHECK_INT(a->pub_month, 3);
    CHECK_INT(a->pub_day, 9);
    CHECK(strncmp(a->text, "Floodwaters recede in Marlow\n\nFloodwaters began", 47) == 0);
    CHECK(strstr(a->text, "Sport") == NULL);
    CHECK_STR(c->articles.v[1]->id, "b");
    cc_cluster_free(c);
    remove_dir(dir);
}

/* A page is read as a page whatever carries it: standard input, a JSON Lines record ("html", or "text"
 * holding markup), or a file whose name does not say HTML. */
TEST(html_pages_on_stdin_in_json_lines_and_misnamed_files)
{
    char *dir = make_dir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    const char *page = "<!DOCTYPE html><html><head><title>Floodwaters recede | Valley Courier</title></head><body>" NAV
                       "<article>" BODY "</article></body></html>";
    write_file(dir, "page.txt", page);
    json_t *rec = json_pack("{s:s, s:s, s:s}", "id", "rec1", "title", "Given title", "html", page);
    char *line = json_dumps(rec, JSON_COMPACT);
    char jsonl[4096];
    snprintf(jsonl, sizeof jsonl, "%s\n", line);
    write_file(dir, "feed.jsonl", jsonl);
    free(line);
    json_decref(rec);
    char args[512], *out, *err;
    snprintf(args, sizeof args, "analyze -f json - < %s/page.txt", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(strstr(out, "\"id\":\"stdin\",\"title\":\"Floodwaters recede\"") != NULL);
    CHECK(strstr(out, "Sport") == NULL); /* the navigation was left out */
    free(out);
    free(err);
    snprintf(args, sizeof args, "analyze -f json %s/page.txt %s/feed.jsonl", dir, dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(strstr(out, "\"id\":\"page\",\"title\":\"Floodwaters recede\"") != NULL);
    CHECK(strstr(out, "\"id\":\"rec1\",\"title\":\"Given title\"") != NULL); /* the record's own fields win */
    CHECK(strstr(out, "<article>") == NULL);
    free(out);
    free(err);
    remove_dir(dir);
}

TEST(html_cli_extract_and_bad_page_named)
{
    char *dir = make_dir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    write_file(dir, "good.html", "<html><head><title>Floodwaters recede | Valley Courier</title></head><body>" NAV
                                 "<article>" BODY "</article></body></html>");
    write_file(dir, "empty.html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
    char args[512], *out, *err;
    snprintf(args, sizeof args, "extract %s/good.html", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(strncmp(out, "Floodwaters recede\n\nFloodwaters began", 37) == 0);
    free(out);
    free(err);
    snprintf(args, sizeof args, "extract --body %s/good.html", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(strncmp(out, "Floodwaters began", 17) == 0);
    free(out);
    free(err);
    snprintf(args, sizeof args, "extract --meta %s/good.html", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(strstr(out, "title: Floodwaters recede\n") != NULL);
    free(out);
    free(err);
    snprintf(args, sizeof args, "analyze -f json %s/good.html %s/empty.html", dir, dir);
    CHECK_INT(test_run_cli(args, &out, &err), 1);
    CHECK(strstr(err, "empty.html") != NULL);
    CHECK(strstr(err, "no article text") != NULL);
    CHECK(strstr(out, "\"good\"") != NULL);
    free(out);
    free(err);
    remove_dir(dir);
}

TEST(html_every_aeb_page_gives_text)
{
    const char *shared = test_shared_dir();
    if (!shared) {
        cc_test_skip("../shared not present");
        return;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/aeb/html", shared);
    if (access(path, R_OK) != 0) {
        cc_test_skip("aeb corpus not present");
        return;
    }
    /* every page must give text (the benchmark's score is measured by tools/aeb-score.py); the pages are
     * unpacked into a folder of this run's own, as other checkouts may run the same test at once */
    char *dir = make_dir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "for f in %s/*.html.gz; do b=${f##*/}; zcat \"$f\" > %s/${b%%.gz} || exit 1; done; "
             "${CROSSCHECK_BIN:-build/crosscheck} extract --body %s/*.html > /dev/null",
             path, dir, dir);
    CHECK_INT(system(cmd), 0);
    remove_dir(dir);
}
