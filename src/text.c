/* The terminal report: readable at 80 columns, colour only when asked (a TTY without NO_COLOR). */
#include <stdio.h>
#include <string.h>

#include "render.h"

typedef struct style {
    const char *bold, *dim, *red, *green, *reset;
} style;

static style make_style(int color)
{
    if (color) {
        return (style){ "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[0m" };
    }
    return (style){ "", "", "", "", "" };
}

static void heading(FILE *out, const style *st, const char *title)
{
    fprintf(out, "\n%s%s%s\n", st->bold, title, st->reset);
}

static void folded(FILE *out, cc_str s)
{
    cc_write_folded(out, s.p, s.len, cc_write_raw);
}

static void write_sources(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Sources");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        fprintf(out, "  [%zu] %s", i + 1, a->id);
        if (a->pub_year) {
            fprintf(out, "  %04d-%02d-%02d", a->pub_year, a->pub_month, a->pub_day);
        }
        if (a->title.len) {
            fputs("  ", out);
            folded(out, a->title);
        }
        fprintf(out, "  %s(%zu sentences)%s\n", st->dim, a->sentences.n, st->reset);
    }
}

static void write_claim_line(FILE *out, const cc_cluster *c, size_t ai, const cc_claim *cl)
{
    const cc_article *a = c->articles.v[ai];
    const cc_amount *m = cl->amount < a->amounts.n ? &a->amounts.v[cl->amount] : NULL;
    fprintf(out, "  [%zu] %-9s ", ai + 1, cc_category_name((cc_category)cl->category));
    if (m && m->vague.len) {
        folded(out, m->vague);
    } else if (m && m->is_range) {
        cc_write_number(out, m->low);
        fputs("-", out);
        cc_write_number(out, m->high);
    } else if (m) {
        cc_write_number(out, m->value);
    }
    if (m && m->qualifier != CC_Q_EXACT && m->qualifier != CC_Q_VAGUE) {
        fprintf(out, " (%s)", cc_qualifier_name((cc_qualifier)m->qualifier));
    }
    if (cl->who.len) {
        fputs(" ", out);
        folded(out, cl->who);
    }
    if (cl->where.len) {
        fputs(", in ", out);
        folded(out, cl->where);
    }
    if (cl->when.len) {
        fputs(", ", out);
        folded(out, cl->when);
    }
    fputs(" -- ", out);
    if (cl->source.len) {
        folded(out, cl->source);
    } else {
        fputs("(unattributed)", out);
    }
    fputc('\n', out);
}

static void write_figures(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Figures about people");
    if (c->groups.n) {
        for (size_t g = 0; g < c->groups.n; g++) {
            const cc_group *gr = &c->groups.v[g];
            const char *colour = gr->verdict == CC_VERDICT_CONFLICT ? st->red : st->green;
            fprintf(out, " %s", st->bold);
            folded(out, gr->label);
            fprintf(out, "%s  %s%s%s", st->reset, colour, cc_verdict_name((cc_verdict)gr->verdict), st->reset);
            fputs("  range ", out);
            cc_write_number(out, gr->low);
            fputs("-", out);
            cc_write_number(out, gr->high);
            if (gr->reason.len) {
                fputs("  ", out);
                folded(out, gr->reason);
            }
            fputc('\n', out);
            for (size_t k = 0; k < gr->members.n; k++) {
                const cc_claim_ref *r = &gr->members.v[k];
                write_claim_line(out, c, r->article, &c->articles.v[r->article]->claims.v[r->claim]);
            }
        }
        return;
    }
    size_t shown = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->claims.n; k++, shown++) {
            write_claim_line(out, c, i, &a->claims.v[k]);
        }
    }
    if (!shown) {
        fputs("  none found\n", out);
    }
}

static void write_quotes(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Who said what");
    size_t shown = 0;
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->quotes.n; k++, shown++) {
            const cc_quote *q = &a->quotes.v[k];
            fprintf(out, "  [%zu] %s", i + 1, st->bold);
            if (q->speaker.len) {
                folded(out, q->speaker);
            } else {
                fputs("(no speaker given)", out);
            }
            fprintf(out, "%s: \"", st->reset);
            folded(out, cc_str_span(a, q->span));
            fputs("\"\n", out);
        }
    }
    if (!shown) {
        fputs("  none found\n", out);
    }
}

static void write_summary(FILE *out, const cc_cluster *c, const style *st)
{
    if (!c->summary.n) {
        return;
    }
    heading(out, st, "Summary");
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        fputs("  ", out);
        folded(out, cc_str_span(c->articles.v[s->article], s->span));
        for (size_t k = 0; k < s->articles.n; k++) {
            fprintf(out, "%s[%u]%s", st->dim, s->articles.v[k] + 1, st->reset);
        }
        fputc('\n', out);
    }
}

void cc_render_text(const cc_cluster *c, const cc_options *options, FILE *out)
{
    style st = make_style(options->color);
    fprintf(out, "%scrosscheck%s: %zu article%s\n", st.bold, st.reset, c->articles.n, c->articles.n == 1 ? "" : "s");
    write_summary(out, c, &st);
    write_figures(out, c, &st);
    write_quotes(out, c, &st);
    write_sources(out, c, &st);
}
