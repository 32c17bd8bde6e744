/* The crosscheck command line: parse options, call the library, pick a renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crosscheck.h"
#include "readability.h"

static const char usage[] =
    "usage: crosscheck analyze [options] PATH...\n"
    "       crosscheck summarize [options] PATH...\n"
    "       crosscheck extract [--body | --meta] FILE.html...\n"
    "       crosscheck --version | --help\n"
    "\n"
    "PATH is an article file (*.txt, *.json, *.jsonl, *.html), a folder of them, or - for standard input.\n"
    "extract prints the text analysed for an HTML page (title line, blank line, body), the body alone,\n"
    "or its metadata; report offsets for an HTML page are into that text.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT  text (default), json, markdown or html\n"
    "  -o, --output FILE    write the report to FILE (atomically) instead of standard output\n"
    "  -w, --words N        summary budget in words (default 120)\n"
    "      --strict         stop at the first bad article instead of skipping it\n"
    "      --whole-utterances  a quotation interrupted by its attribution (\"X,\" he said, \"Y\") is one\n"
    "                       quote with its pieces joined, not two\n"
    "      --color WHEN     auto (default: on a terminal, unless NO_COLOR is set), always or never\n"
    "\n"
    "exit status: 0 all articles analysed; 1 some articles were skipped (named on standard error);\n"
    "             2 usage error, or nothing could be analysed.\n";

typedef struct cli {
    const char *command;
    cc_format format;
    const char *output;
    const char *color;
    cc_options options;
    int strict;
    int summary_only;
    const char **paths;
    int path_count;
    long skipped;
} cli;

static void print_error(const cc_error *e, void *user)
{
    cli *c = user;
    c->skipped++;
    fprintf(stderr, "crosscheck: %s", e->file[0] ? e->file : "input");
    if (e->line > 0) {
        fprintf(stderr, ":%ld", e->line);
    }
    if (e->byte_offset >= 0) {
        fprintf(stderr, ": byte %ld", e->byte_offset);
    }
    fprintf(stderr, ": %s\n", e->message);
}

static int parse_format(const char *s, cc_format *f)
{
    static const struct { const char *name; cc_format format; } formats[] = {
        { "text", CC_FORMAT_TEXT }, { "json", CC_FORMAT_JSON }, { "markdown", CC_FORMAT_MARKDOWN },
        { "md", CC_FORMAT_MARKDOWN }, { "html", CC_FORMAT_HTML },
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        if (strcmp(s, formats[i].name) == 0) {
            *f = formats[i].format;
            return 0;
        }
    }
    return -1;
}

static int fail_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "crosscheck: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "", usage);
    return 2;
}

/* Returns 0, or an exit status for a usage error. */
static int parse_args(cli *c, int argc, char **argv)
{
    c->paths = calloc((size_t)argc, sizeof *c->paths);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            if (!value || parse_format(value, &c->format)) {
                return fail_usage("unknown format", value);
            }
            i++;
        } else if (!strncmp(a, "--format=", 9)) {
            if (parse_format(a + 9, &c->format)) {
                return fail_usage("unknown format", a + 9);
            }
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!value) {
                return fail_usage("missing file after", a);
            }
            c->output = value;
            i++;
        } else if (!strcmp(a, "-w") || !strcmp(a, "--words")) {
            char *end;
            long n = value ? strtol(value, &end, 10) : 0;
            if (!value || *end || n <= 0 || n > 100000) {
                return fail_usage("--words wants a positive number", value);
            }
            c->options.summary_words = (int)n;
            i++;
        } else if (!strcmp(a, "--strict")) {
            c->strict = 1;
        } else if (!strcmp(a, "--whole-utterances")) {
            c->options.whole_utterances = 1;
        } else if (!strcmp(a, "--color") || !strncmp(a, "--color=", 8)) {
            c->color = a[7] == '=' ? a + 8 : value;
            if (a[7] != '=') {
                i++;
            }
            if (!c->color || (strcmp(c->color, "auto") && strcmp(c->color, "always") && strcmp(c->color, "never"))) {
                return fail_usage("--color wants auto, always or never", c->color);
            }
        } else if (a[0] == '-' && a[1]) {
            return fail_usage("unknown option", a);
        } else {
            c->paths[c->path_count++] = a;
        }
    }
    if (c->path_count == 0) {
        return fail_usage("no input given", NULL);
    }
    return 0;
}

static int want_color(const cli *c)
{
    if (c->color && !strcmp(c->color, "always")) {
        return 1;
    }
    if (c->color && !strcmp(c->color, "never")) {
        return 0;
    }
    const char *no_color = getenv("NO_COLOR");
    return !c->output && isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

static int run(cli *c)
{
    cc_cluster *cluster = cc_cluster_new();
    cc_error err;
    int status = 0;
    for (int i = 0; i < c->path_count && status == 0; i++) {
        if (cc_cluster_add_path(cluster, c->paths[i], c->strict, print_error, c, &err) < 0) {
            print_error(&err, c);
            status = c->strict ? 2 : 0;
        }
    }
    if (status == 0 && cc_cluster_article_count(cluster) == 0) {
        fprintf(stderr, "crosscheck: no article could be read\n");
        status = 2;
    }
    if (status == 0) {
        c->options.color = want_color(c);
        c->options.strict = c->strict;
        if (cc_analyze(cluster, &c->options, &err) != 0) {
            print_error(&err, c);
            status = 2;
        }
    }
    if (status == 0) {
        c->options.summary_only = c->summary_only;
        int rc = c->output ? cc_render_file(cluster, c->format, &c->options, c->output, &err)
                           : cc_render(cluster, c->format, &c->options, stdout, &err);
        if (rc != 0) {
            print_error(&err, c);
            status = 2;
        }
    }
    if (status == 0 && c->skipped) {
        status = 1;
    }
    cc_cluster_free(cluster);
    return status;
}

static int extract_one(const char *path, const char *mode)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    cc_error err = { 0 };
    if (f) {
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
        len = buf ? fread(buf, 1, (size_t)size, f) : 0;
        fclose(f);
    }
    if (!buf) {
        fprintf(stderr, "crosscheck: %s: cannot read\n", path);
        return 1;
    }
    cc_html_page page;
    int rc = cc_html_extract(buf, len, &page, &err);
    if (rc != 0) {
        fprintf(stderr, "crosscheck: %s: %s\n", path, err.message);
    } else if (mode && !strcmp(mode, "--meta")) {
        const cc_article_meta *m = &page.meta;
        printf("title: %s\nurl: %s\nsource: %s\npublished: %s\n", m->title ? m->title : "", m->url ? m->url : "",
               m->source ? m->source : "", m->published ? m->published : "");
    } else {
        size_t from = mode && !strcmp(mode, "--body") ? page.body_start : 0;
        fwrite(page.text + from, 1, page.len - from, stdout);
        putchar('\n');
    }
    cc_html_page_free(&page);
    free(buf);
    return rc != 0;
}

/* Shows what an HTML page becomes before analysis: its text, or its body alone, or its metadata. */
static int run_extract(int argc, char **argv)
{
    const char *mode = argc > 2 && (!strcmp(argv[2], "--body") || !strcmp(argv[2], "--meta")) ? argv[2] : NULL;
    int first = mode ? 3 : 2, failed = 0;
    if (first >= argc) {
        return fail_usage("no input given", NULL);
    }
    for (int i = first; i < argc; i++) {
        failed |= extract_one(argv[i], mode);
    }
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "--version")) {
        puts("crosscheck " CC_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "extract")) {
        return run_extract(argc, argv);
    }
    cli c = { 0 };
    c.command = argv[1];
    if (!strcmp(c.command, "summarize")) {
        c.summary_only = 1;
    } else if (strcmp(c.command, "analyze")) {
        return fail_usage("unknown command", c.command);
    }
    int rc = parse_args(&c, argc, argv);
    if (rc == 0) {
        rc = run(&c);
    }
    free(c.paths);
    return rc;
}
