/* The reports people read: text (colour only when asked), Markdown, HTML and JSON over a hand-built
 * cluster, conflicts first in each; and atomic writes with -o. The HTML page as a browser draws it is
 * checked by tests/html-check.sh. */
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fake_cluster.h"
#include "harness.h"
#include "render.h"

/* The report in one format as a malloc'd string. */
static char *render(const cc_cluster *c, cc_format format, int color)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cc_options o = { 0 };
    o.color = color;
    cc_error err;
    CHECK_INT(cc_render(c, format, &o, f, &err), 0);
    fclose(f);
    return buf;
}

/* Position of needle in hay, or -1: for checking what comes first. */
static long at(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p ? (long)(p - hay) : -1;
}

TEST(report_text_has_no_colour_unless_asked)
{
    cc_cluster *c = fake_report();
    char *plain = render(c, CC_FORMAT_TEXT, 0), *colour = render(c, CC_FORMAT_TEXT, 1);
    CHECK(strchr(plain, '\033') == NULL);
    CHECK(strstr(colour, "\033[31m") != NULL);
    free(plain);
    free(colour);
    cc_cluster_free(c);
}

TEST(report_text_puts_conflicts_first_with_reason_and_every_figure)
{
    cc_cluster *c = fake_report();
    char *t = render(c, CC_FORMAT_TEXT, 0);
    CHECK(strstr(t, "1 conflict") != NULL);
    CHECK(at(t, "CONFLICT: people killed in Valdena") >= 0);
    CHECK(at(t, "CONFLICT") < at(t, "agree: civilians displaced"));
    CHECK(at(t, "agree: civilians displaced") < at(t, "one source: people injured"));
    CHECK(strstr(t, "cannot both be true") != NULL);
    CHECK(strstr(t, "more than 90") != NULL);
    CHECK(strstr(t, "at least 41") != NULL);
    CHECK(strstr(t, "41\xe2\x80\x93" "90") != NULL);
    CHECK(strstr(t, "! [3]  41 ") != NULL);
    free(t);
    cc_cluster_free(c);
}

TEST(report_text_shows_a_quote_once_with_wording_differences)
{
    cc_cluster *c = fake_report();
    char *t = render(c, CC_FORMAT_TEXT, 0);
    CHECK(at(t, "[1][2] \"Whole streets disappeared under the water in minutes\"") >= 0);
    CHECK(strstr(t, "under [-the-] water in {+a few+} minutes") != NULL);
    /* speakers with most quotes first */
    CHECK(at(t, "Marta Solis") < at(t, "Anton Weiss"));
    free(t);
    cc_cluster_free(c);
}

TEST(report_text_lines_fit_80_columns)
{
    cc_cluster *c = fake_report();
    char *t = render(c, CC_FORMAT_TEXT, 0);
    for (char *line = t; *line;) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line), cols = 0;
        for (size_t i = 0; i < len; i++) {
            cols += ((unsigned char)line[i] & 0xc0) != 0x80;
        }
        CHECK(cols <= 80);
        line = nl ? nl + 1 : line + len;
    }
    free(t);
    cc_cluster_free(c);
}

TEST(report_markdown_tables_conflicts_first)
{
    cc_cluster *c = fake_report();
    char *m = render(c, CC_FORMAT_MARKDOWN, 0);
    CHECK(strncmp(m, "# crosscheck report", 19) == 0);
    CHECK(at(m, "**conflict**") >= 0);
    CHECK(at(m, "**conflict**") < at(m, "agree; range 3,000"));
    CHECK(strstr(m, "| article | figure | who | where | when | source |") != NULL);
    CHECK(strstr(m, "| **more than 90** |") != NULL);
    CHECK(strstr(m, "~~the~~") != NULL);
    CHECK(strstr(m, "<a id=\"source-3\"></a>") != NULL);
    free(m);
    cc_cluster_free(c);
}

TEST(report_markdown_escapes_markup)
{
    cc_cluster *c = fake_report();
    char *m = render(c, CC_FORMAT_MARKDOWN, 0);
    CHECK(strstr(m, "Floods \\& mudslides") == NULL); /* & needs no escaping in Markdown */
    CHECK(strstr(m, "Floods & mudslides \\<kill\\>") != NULL);
    free(m);
    cc_cluster_free(c);
}

TEST(report_html_is_self_contained_and_escaped)
{
    cc_cluster *c = fake_report();
    char *h = render(c, CC_FORMAT_HTML, 0);
    CHECK(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(h, "<style>") != NULL);
    CHECK(strstr(h, "<script") == NULL);
    CHECK(strstr(h, "<link") == NULL);
    CHECK(strstr(h, " src=") == NULL);
    CHECK(strstr(h, "url(") == NULL);
    CHECK(strstr(h, "Floods &amp; mudslides &lt;kill&gt;") != NULL);
    CHECK(strstr(h, "</html>\n") != NULL);
    free(h);
    cc_cluster_free(c);
}

TEST(report_html_has_a_range_chart_per_quantity_conflicts_first)
{
    cc_cluster *c = fake_report();
    char *h = render(c, CC_FORMAT_HTML, 0);
    size_t charts = 0;
    for (const char *p = h; (p = strstr(p, "<svg class=\"chart\"")) != NULL; p++) {
        charts++;
    }
    CHECK_INT(charts, c->groups.n);
    long conflict = at(h, "<tr class=\"conflict\">"), agree = at(h, "<tr class=\"agree\">");
    CHECK(conflict >= 0 && agree > conflict);
    /* the figures come before quotes, entities and sources */
    CHECK(at(h, "id=\"figures\"") < at(h, "id=\"quotes\""));
    CHECK(at(h, "id=\"quotes\"") < at(h, "id=\"entities\""));
    CHECK(at(h, "id=\"entities\"") < at(h, "id=\"sources\""));
    CHECK(strstr(h, "<del>the</del>") != NULL);
    CHECK(strstr(h, "<ins>a few</ins>") != NULL);
    CHECK(strstr(h, "<li id=\"source-3\">") != NULL);
    free(h);
    cc_cluster_free(c);
}

TEST(report_json_carries_groups_evidence_and_merged_quotes)
{
    cc_cluster *c = fake_report();
    char *j = render(c, CC_FORMAT_JSON, 0);
    json_error_t jerr;
    json_t *root = json_loads(j, 0, &jerr);
    CHECK(root != NULL);
    json_t *groups = json_object_get(root, "groups");
    CHECK_INT(json_array_size(groups), 3);
    json_t *g1 = json_array_get(groups, 0);
    CHECK_STR(json_string_value(json_object_get(g1, "verdict")), "conflict");
    CHECK_INT(json_integer_value(json_object_get(g1, "evidence")), 3);
    json_t *m0 = json_array_get(json_object_get(g1, "members"), 0);
    CHECK(json_is_null(json_object_get(m0, "high"))); /* "at least 41" has no upper limit */
    CHECK(json_is_null(json_object_get(m0, "repeat_of")));
    json_t *merged = json_object_get(root, "merged_quotes");
    CHECK_INT(json_array_size(merged), 1);
    CHECK_INT(json_array_size(json_object_get(json_array_get(merged, 0), "members")), 2);
    json_t *claims = json_object_get(root, "claims");
    CHECK_STR(json_string_value(json_object_get(json_array_get(claims, 0), "group")), "g1");
    json_decref(root);
    free(j);
    cc_cluster_free(c);
}

/* Sentence text in JSON is the article's, white space folded to one space and JSON escapes applied,
 * however long the sentence (the writer works through a fixed buffer). */
TEST(report_json_sentence_text_is_folded_and_escaped_at_any_length)
{
    char text[6000] = "";
    char expected[6000] = "";
    strcat(text, "Officials said \"the\tfigure\"   \\ was\n");
    strcat(expected, "Officials said \"the figure\" \\ was");
    while (strlen(text) < 5000) {
        strcat(text, " revised  again");
        strcat(expected, " revised again");
    }
    strcat(text, ".");
    strcat(expected, ".");
    cc_cluster *c = test_analyze(text);
    char *j = render(c, CC_FORMAT_JSON, 0);
    json_t *root = json_loads(j, 0, NULL);
    json_t *doc = json_array_get(json_object_get(root, "documents"), 0);
    json_t *sentence = json_array_get(json_object_get(doc, "sentences"), 0);
    CHECK_STR(json_string_value(json_object_get(sentence, "text")), expected);
    json_decref(root);
    free(j);
    cc_cluster_free(c);
}

/* What cc_out_json_folded must write, byte by byte: white space runs folded to one space and dropped at
 * the ends, '"', '\\' and control bytes escaped. */
static void fold_reference(char *out, const char *s)
{
    size_t n = 0;
    int space = 0, written = 0;
    *out++ = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = written;
            continue;
        }
        if (space) {
            out[n++] = ' ';
            space = 0;
        }
        if (c == '"' || c == '\\') {
            n += (size_t)sprintf(out + n, "\\%c", c);
        } else if (c < 0x20) {
            n += (size_t)sprintf(out + n, "\\u%04x", c);
        } else {
            out[n++] = (char)c;
        }
        written = 1;
    }
    strcpy(out + n, "\"");
}

/* Plain runs are copied many bytes at a time: every escape and white space run must still be seen at
 * whatever offset it falls, at either side of a block of bytes and at the ends. */
TEST(report_json_folding_sees_every_special_byte_at_any_offset)
{
    const char *specials[] = { "\"", "\\", "\n", "  ", " \t ", "\x01", "\u00e9" };
    for (size_t k = 0; k < sizeof specials / sizeof *specials; k++) {
        for (size_t at = 0; at < 40; at++) {
            for (size_t len = at; len < at + 20; len += 3) {
                char text[128], expected[512];
                memset(text, 'w', len);
                text[len] = '\0';
                memcpy(text + at, specials[k], strlen(specials[k]));
                text[at + strlen(specials[k]) > len ? at + strlen(specials[k]) : len] = '\0';
                if (at % 7 == 3) {
                    text[0] = ' '; /* a leading space, and a word made of spaces inside */
                }
                char *got = NULL;
                size_t got_len = 0;
                FILE *f = open_memstream(&got, &got_len);
                cc_out out;
                cc_out_start(&out, f);
                cc_out_json_folded(&out, text, strlen(text));
                cc_out_flush(&out);
                fclose(f);
                fold_reference(expected, text);
                CHECK_STR(got, expected);
                free(got);
            }
        }
    }
}

/* Offsets and counts are written without printf: every length of number, at each power of ten. */
TEST(report_numbers_are_written_as_printf_would_at_every_length)
{
    char *got = NULL, expected[1024];
    size_t got_len = 0, n = 0;
    FILE *f = open_memstream(&got, &got_len);
    cc_out out;
    cc_out_start(&out, f);
    unsigned long long power = 1;
    for (int k = 0; k < 20; k++, power *= 10) {
        unsigned long long values[] = { power - 1, power, power + 1 };
        for (int j = 0; j < 3; j++) {
            cc_out_uint(&out, values[j]);
            cc_out_putc(&out, ' ');
            n += (size_t)sprintf(expected + n, "%llu ", values[j]);
        }
    }
    cc_out_uint(&out, ~0ULL);
    sprintf(expected + n, "%llu", ~0ULL);
    cc_out_flush(&out);
    fclose(f);
    CHECK_STR(got, expected);
    free(got);
}

/* Strings written whole (ids, names) keep their spaces and get every escape JSON needs. */
TEST(report_json_escapes_ids_and_keeps_their_spaces)
{
    const char *id = "wire \"A\"\tcopy \\ 2\x01";
    cc_cluster *c = cc_cluster_new();
    cc_error err;
    CHECK_INT(cc_cluster_add(c, id, "Officials said two people were hurt.", 36, NULL, &err), 0);
    cc_analyze(c, NULL, &err);
    char *j = render(c, CC_FORMAT_JSON, 0);
    json_t *root = json_loads(j, 0, NULL);
    json_t *doc = json_array_get(json_object_get(root, "documents"), 0);
    CHECK_STR(json_string_value(json_object_get(doc, "id")), id);
    json_decref(root);
    free(j);
    cc_cluster_free(c);
}

/* ---- -o FILE ---- */

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        fwrite(chunk, 1, got, m);
    }
    fclose(m);
    fclose(f);
    return buf;
}

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        n += e->d_name[0] != '.';
    }
    if (d) {
        closedir(d);
    }
    return n;
}

TEST(report_file_is_replaced_whole_and_leaves_no_temporary)
{
    char dir[] = "/tmp/cc_report_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/report.html", dir);
    FILE *old = fopen(path, "w");
    fputs("an older, much longer report that must not survive in part: ", old);
    for (int i = 0; i < 2000; i++) {
        fputs("padding ", old);
    }
    fclose(old);
    cc_cluster *c = fake_report();
    cc_error err;
    CHECK_INT(cc_render_file(c, CC_FORMAT_HTML, NULL, path, &err), 0);
    char *written = read_all(path), *direct = render(c, CC_FORMAT_HTML, 0);
    CHECK(written && strcmp(written, direct) == 0);
    CHECK_INT(files_in(dir), 1);
    free(written);
    free(direct);
    cc_cluster_free(c);
    unlink(path);
    rmdir(dir);
}

TEST(report_file_failure_keeps_the_old_report)
{
    char dir[] = "/tmp/cc_report_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/report.md", dir);
    FILE *old = fopen(path, "w");
    fputs("previous report\n", old);
    fclose(old);
    cc_cluster *c = fake_report();
    cc_error err = { 0 };
    CHECK(cc_render_file(c, (cc_format)99, NULL, path, &err) != 0);
    CHECK(err.message[0] != '\0');
    char *kept = read_all(path);
    CHECK(kept && strcmp(kept, "previous report\n") == 0);
    CHECK_INT(files_in(dir), 1);
    free(kept);
    /* an unwritable place is an error, not a crash, and creates nothing */
    char missing[96];
    snprintf(missing, sizeof missing, "%s/no/such/dir/report.md", dir);
    CHECK(cc_render_file(c, CC_FORMAT_MARKDOWN, NULL, missing, &err) != 0);
    CHECK(strstr(err.file, "report.md") != NULL);
    CHECK_INT(files_in(dir), 1);
    cc_cluster_free(c);
    unlink(path);
    rmdir(dir);
}

/* ---- the command line ---- */

TEST(report_cli_colour_follows_the_option)
{
    char *out, *err;
    CHECK_INT(test_run_cli("analyze --color always examples", &out, &err), 0);
    CHECK(strstr(out, "\033[1m") != NULL);
    free(out);
    free(err);
    CHECK_INT(test_run_cli("analyze examples", &out, &err), 0); /* not a terminal */
    CHECK(strchr(out, '\033') == NULL);
    free(out);
    free(err);
    CHECK_INT(test_run_cli("analyze --color never examples", &out, &err), 0);
    CHECK(strchr(out, '\033') == NULL);
    free(out);
    free(err);
}

/* --whole-utterances: the examples' one quotation interrupted by its attribution becomes one quote. */
TEST(report_cli_whole_utterances_join_an_interrupted_quotation)
{
    char *out, *err;
    size_t quotes[2], continued[2];
    for (int whole = 0; whole < 2; whole++) {
        CHECK_INT(test_run_cli(whole ? "analyze -f json --whole-utterances examples" : "analyze -f json examples", &out,
                               &err),
                  0);
        json_t *root = json_loads(out, 0, NULL);
        json_t *list = json_object_get(root, "quotes");
        quotes[whole] = json_array_size(list);
        continued[whole] = 0;
        for (size_t i = 0; i < json_array_size(list); i++) {
            continued[whole] += json_is_true(json_object_get(json_array_get(list, i), "continues"));
        }
        json_decref(root);
        free(out);
        free(err);
    }
    CHECK(continued[0] >= 1);
    CHECK_INT(continued[1], 0);
    CHECK_INT(quotes[1], quotes[0] - continued[0]);
}

TEST(report_cli_writes_each_format_to_a_file)
{
    static const char *const formats[] = { "text", "markdown", "html", "json" };
    static const char *const starts[] = { "crosscheck", "# crosscheck report", "<!DOCTYPE html>", "{" };
    char dir[] = "/tmp/cc_report_cli_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/report", dir);
    for (size_t i = 0; i < 4; i++) {
        char args[160], *out, *err;
        snprintf(args, sizeof args, "analyze --format %s -o %s examples", formats[i], path);
        CHECK_INT(test_run_cli(args, &out, &err), 0);
        CHECK_STR(out, "");
        char *written = read_all(path);
        CHECK(written && strncmp(written, starts[i], strlen(starts[i])) == 0);
        free(written);
        free(out);
        free(err);
        unlink(path);
    }
    rmdir(dir);
}

/* Output of the CLI run on a pseudo-terminal (script(1) from util-linux), or NULL without script. */
static char *run_on_terminal(const char *env)
{
    if (system("command -v script >/dev/null 2>&1") != 0) {
        return NULL;
    }
    const char *bin = getenv("CROSSCHECK_BIN") ? getenv("CROSSCHECK_BIN") : "build/crosscheck";
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s script -qc '%s analyze examples' /dev/null", env, bin);
    FILE *p = popen(cmd, "r");
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, p)) > 0) {
        fwrite(chunk, 1, got, m);
    }
    pclose(p);
    fclose(m);
    return buf;
}

TEST(report_cli_colours_a_terminal_unless_no_color)
{
    char *tty = run_on_terminal("env -u NO_COLOR");
    if (!tty) {
        cc_test_skip("script(1) absent");
        return;
    }
    char *plain = run_on_terminal("NO_COLOR=1");
    CHECK(strstr(tty, "\033[1mcrosscheck") != NULL);
    CHECK(strstr(plain, "crosscheck:") != NULL);
    CHECK(strchr(plain, '\033') == NULL);
    free(tty);
    free(plain);
}
