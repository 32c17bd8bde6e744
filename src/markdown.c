/* The Markdown report: the same sections as the terminal report, as headings, tables and lists that
 * read well as plain text and render on any Markdown viewer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "report.h"

/* Folded text with the characters Markdown would read as markup escaped; tables also need "|". */
static void md_chars(FILE *out, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        if (!strchr("\\`*_[]<>|#", s[i])) {
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        fputc('\\', out);
        fputc(s[i], out);
        run = i + 1;
    }
    fwrite(s + run, 1, len - run, out);
}

static void md(FILE *out, cc_str s)
{
    cc_write_folded(out, s.p, s.len, md_chars);
}

static void md_cstr(FILE *out, const char *s)
{
    md_chars(out, s, strlen(s));
}

static const char *verdict_words(uint8_t v)
{
    switch (v) {
    case CC_VERDICT_CONFLICT: return "**conflict**";
    case CC_VERDICT_WITHIN_RANGE: return "within range";
    case CC_VERDICT_AGREE: return "agree";
    default: return "one source";
    }
}

static void write_summary(FILE *out, const cc_cluster *c)
{
    if (!c->summary.n) {
        return;
    }
    fputs("\n## Summary\n\n", out);
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        md(out, cc_str_span(c->articles.v[s->article], s->span));
        for (size_t k = 0; k < s->articles.n; k++) {
            fprintf(out, " [\\[%u\\]](#source-%u)", s->articles.v[k] + 1, s->articles.v[k] + 1);
        }
        fputc('\n', out);
    }
}

static void write_member_row(FILE *out, const cc_cluster *c, const cc_group *g, size_t k)
{
    const cc_claim_ref *r = &g->members.v[k];
    const cc_article *a = c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    char fig[96];
    cc_figure_text(fig, sizeof fig, a, cl);
    int flagged = (int32_t)k == g->conflict_low || (int32_t)k == g->conflict_high;
    fprintf(out, "| [%u](#source-%u) | %s", r->article + 1, r->article + 1, flagged ? "**" : "");
    md_cstr(out, fig);
    fputs(flagged ? "** | " : " | ", out);
    cc_str facets[3] = { cl->who, cl->where, cl->when };
    for (int f = 0; f < 3; f++) {
        md(out, facets[f]);
        fputs(" | ", out);
    }
    if (cl->source.len) {
        md(out, cl->source);
    } else {
        fputs("*unattributed*", out);
    }
    if (r->repeat_of >= 0) {
        fprintf(out, " (same source as [%u]: counted once)", g->members.v[r->repeat_of].article + 1);
    }
    fputs(" |\n", out);
}

static void write_figures(FILE *out, const cc_cluster *c)
{
    fputs("\n## Figures about people\n\nConflicts first. Each quantity lists every outlet's figure; "
          "**bold** figures are the ones that cannot both be true.\n",
          out);
    if (!c->groups.n) {
        fputs("\nNone found.\n", out);
        return;
    }
    uint32_t *order = malloc(c->groups.n * sizeof *order);
    cc_group_order(c, order);
    for (size_t i = 0; i < c->groups.n; i++) {
        const cc_group *g = &c->groups.v[order[i]];
        char range[128];
        cc_group_range_text(range, sizeof range, c, g);
        fprintf(out, "\n### g%u: ", order[i] + 1);
        md(out, g->label);
        fprintf(out, "\n\n%s; range ", verdict_words(g->verdict));
        md_cstr(out, range);
        if (g->reason.len) {
            fputs(". ", out);
            md(out, g->reason);
        }
        fputs(".\n\n| article | figure | who | where | when | source |\n|---|---|---|---|---|---|\n", out);
        for (size_t k = 0; k < g->members.n; k++) {
            write_member_row(out, c, g, k);
        }
    }
    free(order);
}

static void write_diff(FILE *out, const cc_cluster *c, const cc_quote_ref *base, const cc_quote_ref *other)
{
    const cc_article *a = c->articles.v[base->article], *b = c->articles.v[other->article];
    cc_str ta = cc_quote_text(a, &a->quotes.v[base->quote]), tb = cc_quote_text(b, &b->quotes.v[other->quote]);
    size_t cap = ta.len + tb.len + 2;
    cc_diff_word *d = malloc(cap * sizeof *d);
    size_t n = cc_word_diff(ta, tb, d, cap);
    fprintf(out, "  - [%u]: ", other->article + 1);
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        changed |= d[i].op != CC_DIFF_SAME;
    }
    if (!n) {
        fputs("\"", out);
        md(out, tb);
        fputs("\"", out);
    } else if (!changed) {
        fputs("same words", out);
    }
    for (size_t i = 0; changed && i < n; i++) {
        const char *text = d[i].op == CC_DIFF_REMOVED ? ta.p : tb.p;
        int first = i == 0 || d[i - 1].op != d[i].op, last = i + 1 == n || d[i + 1].op != d[i].op;
        const char *mark = d[i].op == CC_DIFF_ADDED ? "**" : d[i].op == CC_DIFF_REMOVED ? "~~" : "";
        fprintf(out, "%s%s", i ? " " : "", first ? mark : "");
        md_chars(out, text + d[i].span.start, d[i].span.end - d[i].span.start);
        fputs(last ? mark : "", out);
    }
    fputc('\n', out);
    free(d);
}

static void write_quote(FILE *out, const cc_cluster *c, const cc_speaker_quote *e)
{
    const cc_article *a = c->articles.v[e->article];
    const cc_quote *q = &a->quotes.v[e->quote];
    fputs("- \"", out);
    md(out, cc_quote_text(a, q));
    fputs("\"", out);
    if (e->merged < 0) {
        fprintf(out, " [\\[%u\\]](#source-%u)%s\n", e->article + 1, e->article + 1, q->partial ? " (fragment)" : "");
        return;
    }
    const cc_merged_quote *m = &c->merged_quotes.v[e->merged];
    for (size_t k = 0; k < m->members.n; k++) {
        fprintf(out, " [\\[%u\\]](#source-%u)", m->members.v[k].article + 1, m->members.v[k].article + 1);
    }
    fputs(q->partial ? " (fragment)\n" : "\n", out);
    for (size_t k = 1; k < m->members.n; k++) {
        write_diff(out, c, &m->members.v[0], &m->members.v[k]);
    }
}

static void write_quotes(FILE *out, const cc_cluster *c)
{
    fputs("\n## Who said what\n", out);
    size_t n;
    cc_speaker_quote *list = cc_quotes_by_speaker(c, &n);
    for (size_t i = 0, end; i < n; i = end) {
        cc_str name, role;
        end = cc_speaker_run(c, list, n, i, &name, &role);
        fputs("\n### ", out);
        if (name.len) {
            md(out, name);
        } else {
            fputs("No speaker given", out);
        }
        if (role.len) {
            fputs(", ", out);
            md(out, role);
        }
        fputs("\n\n", out);
        for (size_t k = i; k < end; k++) {
            write_quote(out, c, &list[k]);
        }
    }
    if (!n) {
        fputs("\nNone found.\n", out);
    }
    free(list);
}

static void write_entities(FILE *out, const cc_cluster *c)
{
    if (!c->entities.n) {
        return;
    }
    fputs("\n## Who and where\n\n", out);
    static const char *const kinds[] = { "People", "Organisations", "Places" };
    for (int t = CC_ENT_PERSON; t <= CC_ENT_PLACE; t++) {
        int shown = 0;
        for (size_t i = 0; i < c->entities.n; i++) {
            const cc_entity *e = &c->entities.v[i];
            if (e->type != t) {
                continue;
            }
            fputs(shown++ ? "; " : "- ", out);
            if (shown == 1) {
                fprintf(out, "**%s**: ", kinds[t]);
            }
            md(out, e->name);
            fprintf(out, " (%u mention%s in %u article%s)", e->mentions, e->mentions == 1 ? "" : "s", e->articles,
                    e->articles == 1 ? "" : "s");
        }
        if (shown) {
            fputc('\n', out);
        }
    }
}

static void write_sources(FILE *out, const cc_cluster *c)
{
    fputs("\n## Sources\n\n", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        fprintf(out, "%zu. <a id=\"source-%zu\"></a>`", i + 1, i + 1);
        fputs(a->id, out);
        fputs("`", out);
        if (a->source.len) {
            fputs(" ", out);
            md(out, a->source);
        }
        if (a->pub_year) {
            fprintf(out, ", %04d-%02d-%02d", a->pub_year, a->pub_month, a->pub_day);
        }
        if (a->title.len) {
            fputs(": ", out);
            if (a->url.len) {
                fputs("[", out);
                md(out, a->title);
                fputs("](<", out);
                cc_write_folded(out, a->url.p, a->url.len, cc_write_raw);
                fputs(">)", out);
            } else {
                md(out, a->title);
            }
        }
        fputc('\n', out);
    }
}

void cc_render_markdown(const cc_cluster *c, FILE *out)
{
    size_t conflicts = 0;
    for (size_t g = 0; g < c->groups.n; g++) {
        conflicts += c->groups.v[g].verdict == CC_VERDICT_CONFLICT;
    }
    fprintf(out, "# crosscheck report\n\n%zu article%s, %zu quantit%s about people, %zu conflict%s.\n", c->articles.n,
            c->articles.n == 1 ? "" : "s", c->groups.n, c->groups.n == 1 ? "y" : "ies", conflicts,
            conflicts == 1 ? "" : "s");
    write_summary(out, c);
    write_figures(out, c);
    write_quotes(out, c);
    write_entities(out, c);
    write_sources(out, c);
}
