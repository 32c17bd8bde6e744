/* Ingest: files, folders, JSON Lines, stdin; page furniture; and every kind of bad input, through the
 * library and through the CLI (exit status and message naming the file). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static char tmpdir[64];

static const char *make_dir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/cc_ingest_XXXXXX");
    if (!mkdtemp(tmpdir)) {
        return NULL;
    }
    return tmpdir;
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void remove_dir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

static const char good[] = "Police said three people were hurt in the fire. The cause is not known.\n";

static int add_text(const char *text, size_t len, cc_error *err)
{
    cc_cluster *c = cc_cluster_new();
    int rc = cc_cluster_add(c, "x", text, len, NULL, err);
    cc_cluster_free(c);
    return rc;
}

TEST(ingest_rejects_invalid_utf8_with_position)
{
    cc_error err;
    const char bad[] = "First line is fine.\nSecond has \xC3\x28 a broken byte.";
    CHECK(add_text(bad, sizeof bad - 1, &err) != 0);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.byte_offset, 31);
    CHECK(strstr(err.message, "UTF-8") != NULL);
}

/* Plain text and newlines are passed over many bytes at a time: a bad byte deep in such a run is still
 * found where it is. */
TEST(ingest_finds_a_bad_byte_after_long_plain_lines)
{
    cc_error err;
    char text[300];
    snprintf(text, sizeof text, "%s\n%s\n\n%s", "Rescue teams worked through the night at the collapsed building.",
             "Officials said the search would go on until everyone was found.",
             "A spokesman for the city said the cause was not yet known to investigators.");
    size_t len = strlen(text);
    CHECK_INT(add_text(text, len, &err), 0);
    text[len - 9] = '\x01';
    CHECK_INT(add_text(text, len, &err), 0); /* one stray control character is tolerated */
    text[len - 9] = '\0';
    CHECK(add_text(text, len, &err) != 0);
    CHECK(strstr(err.message, "NUL") != NULL);
    CHECK_INT(err.line, 4);
    CHECK_INT(err.byte_offset, (long)len - 9);
    text[len - 9] = 't';
    text[len - 40] = '\xE2'; /* a lead byte followed by plain ASCII */
    CHECK(add_text(text, len, &err) != 0);
    CHECK(strstr(err.message, "UTF-8") != NULL);
    CHECK_INT(err.byte_offset, (long)len - 40);
}

TEST(ingest_rejects_overlong_and_surrogates)
{
    cc_error err;
    CHECK(add_text("ab\xC0\xAF", 4, &err) != 0);      /* overlong "/" */
    CHECK(add_text("ab\xED\xA0\x80", 5, &err) != 0);  /* UTF-16 surrogate */
    CHECK(add_text("ab\xF4\x90\x80\x80", 6, &err) != 0); /* past U+10FFFF */
    CHECK(add_text("ab\xE2\x80", 4, &err) != 0);      /* truncated */
    CHECK_INT(add_text("caf\xC3\xA9 \xF0\x9F\x98\x80", 10, &err), 0);
}

TEST(ingest_rejects_nul_empty_and_binary)
{
    cc_error err;
    CHECK(add_text("text\0more", 9, &err) != 0);
    CHECK(strstr(err.message, "NUL") != NULL);
    CHECK(add_text("", 0, &err) != 0);
    CHECK(add_text(" \n\t\n ", 5, &err) != 0);
    CHECK(strstr(err.message, "empty") != NULL);
    /* long runs of spaces are read many bytes at a time, and still show nothing */
    const char *blank = "                                        \n\n                    \n";
    CHECK(add_text(blank, strlen(blank), &err) != 0);
    CHECK(strstr(err.message, "empty") != NULL);
    char junk[400];
    for (size_t i = 0; i < sizeof junk; i++) {
        junk[i] = (char)(i % 3 == 0 ? 0x01 : 'a' + (int)(i % 26));
    }
    CHECK(add_text(junk, sizeof junk, &err) != 0);
    CHECK(strstr(err.message, "binary") != NULL);
}

TEST(ingest_finds_title_date_dateline_and_furniture)
{
    const char *text = "Thursday, 01 December 2016 18:10\n\n"
                       "Floods cut off three villages\n\n"
                       "Home > News > World > Floods cut off three villages\n\n"
                       "DHAKA, Bangladesh (Wire) \xE2\x80\x94 Floods cut off three villages on Wednesday, officials said.\n\n"
                       "Rescue boats reached the area late at night.\nCrowds waited on the roofs of the cityAFP\n\n"
                       "Additional reporting by the newsdesk.\n";
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    CHECK_STR(test_str(a->title), "Floods cut off three villages");
    CHECK_INT(a->pub_year, 2016);
    CHECK_INT(a->pub_month, 12);
    CHECK_INT(a->pub_day, 1);
    CHECK_STR(test_span(a, a->dateline_span), "DHAKA, Bangladesh (Wire) \xE2\x80\x94 ");
    /* title, then the body's two sentences and one more: date, breadcrumb and credit line are furniture */
    CHECK_INT(a->sentences.n, 3);
    CHECK_STR(test_sentence(c, 0, 1), "Floods cut off three villages on Wednesday, officials said.");
    CHECK_STR(test_sentence(c, 0, 2), "Rescue boats reached the area late at night.");
    cc_cluster_free(c);
}

/* A dateline opens with capitals (a city, "ST. LOUIS") or an agency in brackets; a first sentence that
 * merely contains a dash or a colon has none. */
TEST(ingest_dateline_openings)
{
    static const struct {
        const char *text, *dateline;
    } cases[] = {
        { "Storm hits the coast\n\nST. LOUIS (Wire) - A storm hit the coast on Monday, officials said.\n", "ST. LOUIS (Wire) - " },
        { "Storm hits the coast\n\n(Wire) -- A storm hit the coast on Monday, officials said.\n", "(Wire) -- " },
        { "Storm hits the coast\n\nOfficials - not all of them - said a storm hit the coast.\n", "" },
        { "Storm hits the coast\n\nA storm hit the coast: three towns were cut off on Monday.\n", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cc_cluster *c = test_analyze(cases[i].text);
        CHECK_STR(test_span(c->articles.v[0], c->articles.v[0]->dateline_span), cases[i].dateline);
        cc_cluster_free(c);
    }
}

/* Short lines without sentence punctuation are sub-headings; a short sentence trailing no-break spaces,
 * or a quotation signed with a dash, is not. */
TEST(ingest_sub_headings_and_short_lines_that_are_not)
{
    const char *text = "Floods cut off three villages\n\n"
                       "Rescue boats reached the area late at night.\n\n"
                       "Road Closures\n\n"
                       "The mayor spoke loudly.\xC2\xA0\xC2\xA0\n\n"
                       "\xE2\x80\x9CWe will rebuild.\xE2\x80\x9D \xE2\x80\x95 Maria Lopez\n\n"
                       "Schools stay closed until Monday.\n";
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    int headings = 0, spoke = 0, rebuild = 0;
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        const cc_paragraph *p = &a->paragraphs.v[i];
        if (!(p->flags & CC_PF_HEADING)) {
            continue;
        }
        headings++;
        spoke |= strstr(test_span(a, (cc_span){ p->start, p->end }), "spoke") != NULL;
        rebuild |= strstr(test_span(a, (cc_span){ p->start, p->end }), "rebuild") != NULL;
    }
    CHECK_INT(headings, 1); /* "Road Closures" */
    CHECK(!spoke && !rebuild);
    cc_cluster_free(c);
}

/* Scraped pages glue the headline again, credits and the date in front of the first paragraph. */
/* The signed quotation's mark is looked for in the line's tail only, and wide gaps of spaces before the
 * dash must not hide it; separator marks are found across 16-byte blocks. */
TEST(ingest_signed_quotation_after_wide_gap_and_long_trail)
{
    char quote[160];
    snprintf(quote, sizeof quote, "\xE2\x80\x9CWe lost it all in one night.\xE2\x80\x9D%50s\xE2\x80\x95 Ana Ruiz", "");
    char text[512];
    snprintf(text, sizeof text,
             "Storm floods river towns\n\nHome > News > World > Europe > Storm coverage\n\n"
             "Water rose through the old town overnight.\n\n%s\n\nCrews pumped out cellars all day.\n",
             quote);
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    int trail = 0;
    for (size_t i = 0; i < a->furniture.n; i++) {
        trail |= strstr(test_span(a, a->furniture.v[i]), "Storm coverage") != NULL;
    }
    CHECK(trail);
    CHECK_INT((int)a->headings.n, 0); /* the signed quotation is not a sub-heading */
    cc_cluster_free(c);
}

TEST(ingest_glued_date_title_and_credits_before_the_body)
{
    static const struct {
        const char *text, *first_body_sentence;
        int year, month, day;
    } cases[] = {
        { "Floods cut off three villages\n\nPublished November 26 2017 Rescue boats reached the area at night.\n",
          "Rescue boats reached the area at night.", 2017, 11, 26 },
        { "Floods cut off three villages\n\n17-08-2013 Floods cut off three villages. Rescue boats reached the area.\n",
          "Rescue boats reached the area.", 2013, 8, 17 },
        { "Floods cut off three villages\n\nFloods cut off three villages Monitor AFP Wednesday 29 Oct 2014 Rescue "
          "boats reached the area.\n",
          "Rescue boats reached the area.", 2014, 10, 29 },
        { "Floods cut off three villages\n\n21.08.2013 Rescue boats reached the area.\n",
          "Rescue boats reached the area.", 2013, 8, 21 },
        { "Floods cut off three villages\n\nAugust 22 2013 1849 UTC+3 Rescue boats reached the area.\n",
          "Rescue boats reached the area.", 2013, 8, 22 },
        { "Floods cut off three villages\n\n(updated 1935 05.10.2017) Get short URL 101 Rescue boats reached the area.\n",
          "Rescue boats reached the area.", 2017, 10, 5 },
        { "Floods cut off three villages\n\nDate of publication 12 August 2016 Rescue boats reached the area.\n",
          "Rescue boats reached the area.", 2016, 8, 12 },
        { "Floods cut off three villages\n\nAFP Rescue boats reached the area.\n", "Rescue boats reached the area.", 0, 0,
          0 },
        { "Floods cut off three villages\n\nReuters reported that boats reached the area.\n",
          "Reuters reported that boats reached the area.", 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cc_cluster *c = test_analyze(cases[i].text);
        const cc_article *a = c->articles.v[0];
        CHECK_INT(a->pub_year, cases[i].year);
        CHECK_INT(a->pub_month, cases[i].month);
        CHECK_INT(a->pub_day, cases[i].day);
        CHECK_STR(test_sentence(c, 0, 1), cases[i].first_body_sentence);
        cc_cluster_free(c);
    }
}

TEST(ingest_caption_with_glued_credit_is_furniture)
{
    const char *text = "Troops advanced on Tuesday.\nSoldiers patrol the old market of the cityReuters\nThe UN said talks would resume.";
    cc_cluster *c = test_analyze(text);
    const cc_article *a = c->articles.v[0];
    CHECK_INT(a->sentences.n, 2);
    CHECK_STR(test_sentence(c, 0, 1), "The UN said talks would resume.");
    cc_cluster_free(c);
}

TEST(ingest_folder_jsonl_and_ids)
{
    const char *dir = make_dir();
    write_file(dir, "b_story.txt", good, sizeof good - 1);
    const char jsonl[] = "{\"id\":\"j1\",\"title\":\"T\",\"text\":\"One killed in blast. Police said.\",\"published\":\"2020-05-04\"}\n"
                         "\n{\"text\":\"No id here, text only.\"}\n";
    write_file(dir, "a_feed.jsonl", jsonl, sizeof jsonl - 1);
    write_file(dir, "notes.tsv", "doc\tx\n", 6);
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK_INT(cc_cluster_add_path(c, dir, 0, NULL, NULL, &err), 3);
    CHECK_STR(cc_article_id(c, 0), "j1");
    CHECK_STR(cc_article_id(c, 1), "a_feed-2");
    CHECK_STR(cc_article_id(c, 2), "b_story");
    CHECK_INT(c->articles.v[0]->pub_day, 4);
    cc_cluster_free(c);
    remove_dir(dir);
}

/* ---- the CLI on bad input ---- */

TEST(cli_missing_file)
{
    char *out, *err;
    int rc = test_run_cli("analyze /nonexistent/story.txt", &out, &err);
    CHECK_INT(rc, 2);
    CHECK(strstr(err, "/nonexistent/story.txt") != NULL);
    CHECK(strstr(err, "no such file") != NULL);
    free(out);
    free(err);
}

TEST(cli_folder_with_nothing_readable)
{
    const char *dir = make_dir();
    write_file(dir, "readme.md", "# nothing\n", 10);
    char args[128], *out, *err;
    snprintf(args, sizeof args, "analyze %s", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 2);
    CHECK(strstr(err, dir) != NULL);
    CHECK(strstr(err, "no *.txt") != NULL);
    free(out);
    free(err);
    remove_dir(dir);
}

static void expect_bad_file(const char *name, const char *data, size_t len, const char *message)
{
    const char *dir = make_dir();
    write_file(dir, name, data, len);
    char args[160], *out, *err;
    snprintf(args, sizeof args, "analyze --format json %s/%s", dir, name);
    int rc = test_run_cli(args, &out, &err);
    if (rc != 2 || !strstr(err, name) || !strstr(err, message) || out[0]) {
        cc_test_fail(__FILE__, __LINE__, "%s: status %d, stderr \"%s\", stdout %zu bytes", name, rc, err, strlen(out));
    }
    free(out);
    free(err);
    remove_dir(dir);
}

TEST(cli_bad_single_files)
{
    expect_bad_file("empty.txt", "", 0, "empty");
    expect_bad_file("latin1.txt", "Caf\xE9 bombing", 12, "invalid UTF-8");
    expect_bad_file("nul.txt", "abc\0def", 7, "NUL");
    char junk[512];
    for (size_t i = 0; i < sizeof junk; i++) {
        junk[i] = (char)(0x01 + (i * 7) % 30);
    }
    expect_bad_file("junk.txt", junk, sizeof junk, "binary");
    expect_bad_file("broken.jsonl", "{\"text\": \"unterminated\n", 23, "malformed JSON");
    expect_bad_file("notext.jsonl", "{\"id\": \"a\"}\n", 12, "no \"text\"");
}

TEST(cli_malformed_jsonl_line_names_line_and_rest_go_on)
{
    const char *dir = make_dir();
    const char data[] = "{\"id\":\"a\",\"text\":\"Two people died in the crash, police said.\"}\n"
                        "{\"id\":\"b\",\"text\":\"broken\n"
                        "{\"id\":\"c\",\"text\":\"Five were injured.\"}\n";
    write_file(dir, "feed.jsonl", data, sizeof data - 1);
    char args[160], *out, *err;
    snprintf(args, sizeof args, "analyze --format json %s/feed.jsonl", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 1);
    CHECK(strstr(err, "feed.jsonl:2") != NULL);
    CHECK(strstr(out, "\"id\":\"a\"") != NULL);
    CHECK(strstr(out, "\"id\":\"c\"") != NULL);
    free(out);
    free(err);
    snprintf(args, sizeof args, "analyze --strict --format json %s/feed.jsonl", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 2);
    CHECK(out[0] == '\0');
    free(out);
    free(err);
    remove_dir(dir);
}

TEST(cli_huge_file_refused_quickly)
{
    const char *dir = make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/huge.txt", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f && ftruncate(fileno(f), (off_t)200 * 1024 * 1024) == 0);
    fclose(f);
    write_file(dir, "ok.txt", good, sizeof good - 1);
    char args[160], *out, *err;
    snprintf(args, sizeof args, "analyze --format json %s", dir);
    CHECK_INT(test_run_cli(args, &out, &err), 1);
    CHECK(strstr(err, "huge.txt") != NULL);
    CHECK(strstr(err, "larger than") != NULL);
    CHECK(strstr(out, "\"id\":\"ok\"") != NULL);
    free(out);
    free(err);
    remove_dir(dir);
}

TEST(cli_stdin_text_and_jsonl)
{
    char *out, *err;
    CHECK_INT(test_run_cli("analyze --format json - < tests/data/stdin-article.txt", &out, &err), 0);
    CHECK(strstr(out, "\"id\":\"stdin\"") != NULL);
    free(out);
    free(err);
    CHECK_INT(test_run_cli("analyze --format json - < tests/data/stdin-feed.jsonl", &out, &err), 0);
    CHECK(strstr(out, "\"id\":\"stdin-1\"") != NULL);
    CHECK(strstr(out, "\"id\":\"stdin-2\"") != NULL);
    free(out);
    free(err);
}

TEST(cli_usage_errors)
{
    char *out, *err;
    CHECK_INT(test_run_cli("analyze --format pdf examples", &out, &err), 2);
    CHECK(strstr(err, "unknown format") != NULL);
    free(out);
    free(err);
    CHECK_INT(test_run_cli("frobnicate examples", &out, &err), 2);
    free(out);
    free(err);
    CHECK_INT(test_run_cli("analyze", &out, &err), 2);
    CHECK(strstr(err, "no input") != NULL);
    free(out);
    free(err);
}

TEST(cli_examples_json_is_complete)
{
    char *out, *err;
    CHECK_INT(test_run_cli("analyze --format json examples", &out, &err), 0);
    CHECK(strncmp(out, "{\"crosscheck\":", 14) == 0);
    CHECK(strstr(out, "\"documents\":[") != NULL);
    CHECK(strstr(out, "\"id\":\"01_harbour_wire\"") != NULL);
    CHECK(strstr(out, "\"id\":\"03_island_radio\"") != NULL);
    CHECK(strstr(out, "\"sentences\":[{\"start\":") != NULL);
    CHECK(strlen(out) > 2 && out[strlen(out) - 2] == '}');
    free(out);
    free(err);
}

TEST(cli_output_file_is_written_whole)
{
    const char *dir = make_dir();
    char args[200], path[128], *out, *err;
    snprintf(path, sizeof path, "%s/report.json", dir);
    snprintf(args, sizeof args, "analyze --format json -o %s examples", path);
    CHECK_INT(test_run_cli(args, &out, &err), 0);
    CHECK(out[0] == '\0');
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size > 100);
    free(out);
    free(err);
    /* a failed run leaves no file behind */
    snprintf(path, sizeof path, "%s/none.json", dir);
    snprintf(args, sizeof args, "analyze --format json -o %s /nonexistent", path);
    CHECK_INT(test_run_cli(args, &out, &err), 2);
    CHECK(stat(path, &st) != 0);
    free(out);
    free(err);
    remove_dir(dir);
}
