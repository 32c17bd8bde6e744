/* The terminal report: the figures a reader must weigh first (conflicts), then quotes by speaker,
 * entities and sources; wrapped for 80 columns, colour only when asked (a TTY without NO_COLOR). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "report.h"

enum { WIDTH = 80 };

typedef struct style {
    const char *bold, *dim, *red, *green, *yellow, *reset;
} style;

static style make_style(int color)
{
    if (color) {
        return (style){ "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[33m", "\033[0m" };
    }
    return (style){ "", "", "", "", "", "" };
}

/* Word wrapping at WIDTH columns with a hanging indent; escape sequences take no room. Lines are
 * gathered in a buffer and written whole: stdio per word costs more than the rest of the report. */
typedef struct wrap {
    FILE *out;
    int col, indent;
    int glue;            /* the next word follows without a space (after an opening quote mark) */
    size_t n;
    char buf[1024];
} wrap;

static int columns(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    }
    return n;
}

static void emit(wrap *w, const char *s, size_t len)
{
    if (w->n + len > sizeof w->buf) {
        fwrite(w->buf, 1, w->n, w->out);
        w->n = 0;
    }
    if (len > sizeof w->buf) {
        fwrite(s, 1, len, w->out);
        return;
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

static void emit_str(wrap *w, const char *s)
{
    emit(w, s, strlen(s));
}

static void emit_indent(wrap *w, int n)
{
    static const char spaces[] = "                                ";
    emit(w, spaces, (size_t)(n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1));
}

static void wrap_start(wrap *w, FILE *out, int margin)
{
    w->out = out;
    w->indent = margin;
    w->glue = 0;
    w->n = 0;
    emit_indent(w, margin);
    w->col = margin;
}

/* One word, with optional styling around it; space before it unless glued. */
static void wrap_word(wrap *w, const char *s, size_t len, const char *on, const char *off, int glued)
{
    int n = columns(s, len);
    glued |= w->glue;
    w->glue = 0;
    if (!glued && w->col > w->indent) {
        if (w->col + 1 + n > WIDTH) {
            emit(w, "\n", 1);
            emit_indent(w, w->indent);
            w->col = w->indent;
        } else {
            emit(w, " ", 1);
            w->col++;
        }
    }
    emit_str(w, on);
    emit(w, s, len);
    emit_str(w, off);
    w->col += n;
}

static void wrap_text(wrap *w, const char *s, size_t len, const char *on, const char *off)
{
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            i++;
        }
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') {
            i++;
        }
        if (i > start) {
            wrap_word(w, s + start, i - start, on, off, 0);
        }
    }
}

static void wrap_cstr(wrap *w, const char *s, const char *on, const char *off)
{
    wrap_text(w, s, strlen(s), on, off);
}

static void wrap_end(wrap *w)
{
    emit(w, "\n", 1);
    fwrite(w->buf, 1, w->n, w->out);
    w->n = 0;
    w->col = 0;
}

static void heading(FILE *out, const style *st, const char *title)
{
    fprintf(out, "\n%s%s%s\n", st->bold, title, st->reset);
}

/* ---- figures ---- */

static const char *verdict_colour(const style *st, uint8_t v)
{
    switch (v) {
    case CC_VERDICT_CONFLICT: return st->red;
    case CC_VERDICT_WITHIN_RANGE: return st->yellow;
    case CC_VERDICT_AGREE: return st->green;
    default: return st->dim;
    }
}

static const char *verdict_words(uint8_t v)
{
    switch (v) {
    case CC_VERDICT_CONFLICT: return "CONFLICT";
    case CC_VERDICT_WITHIN_RANGE: return "within range";
    case CC_VERDICT_AGREE: return "agree";
    default: return "one source";
    }
}

static void write_member(FILE *out, const cc_cluster *c, const cc_group *g, size_t k, const style *st)
{
    const cc_claim_ref *r = &g->members.v[k];
    const cc_article *a = c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    char fig[96], tag[16];
    cc_figure_text(fig, sizeof fig, a, cl);
    snprintf(tag, sizeof tag, "[%u]", r->article + 1);
    int flagged = (int32_t)k == g->conflict_low || (int32_t)k == g->conflict_high;
    wrap w;
    wrap_start(&w, out, 2);
    char lead[160];
    int pad = 18 - columns(fig, strlen(fig));
    snprintf(lead, sizeof lead, "%s %-5s%s%s%s%*s", flagged ? "!" : " ", tag, flagged ? st->red : st->bold, fig,
             st->reset, pad > 0 ? pad : 0, "");
    emit_str(&w, lead);
    w.col += 7 + (pad > 0 ? 18 : columns(fig, strlen(fig)));
    w.indent = 9;
    cc_str facets[3] = { cl->who, cl->where, cl->when };
    int any = 0;
    for (int f = 0; f < 3; f++) {
        if (facets[f].len) {
            if (any) {
                wrap_word(&w, ",", 1, "", "", 1);
            }
            wrap_text(&w, facets[f].p, facets[f].len, "", "");
            any = 1;
        }
    }
    wrap_word(&w, "\xe2\x80\x94", 3, st->dim, st->reset, 0);
    if (cl->source.len) {
        wrap_text(&w, cl->source.p, cl->source.len, "", "");
    } else {
        wrap_cstr(&w, "unattributed", st->dim, st->reset);
    }
    if (r->repeat_of >= 0) {
        char note[64];
        snprintf(note, sizeof note, "(same source as [%u]: counted once)", g->members.v[r->repeat_of].article + 1);
        wrap_cstr(&w, note, st->dim, st->reset);
    }
    wrap_end(&w);
}

static void write_group(FILE *out, const cc_cluster *c, const cc_group *g, const style *st)
{
    char range[128];
    cc_group_range_text(range, sizeof range, c, g);
    wrap w;
    wrap_start(&w, out, 2);
    wrap_cstr(&w, verdict_words(g->verdict), verdict_colour(st, g->verdict), st->reset);
    wrap_word(&w, ":", 1, "", "", 1);
    wrap_text(&w, g->label.p, g->label.len, st->bold, st->reset);
    wrap_word(&w, ";", 1, "", "", 1);
    wrap_cstr(&w, range, "", "");
    wrap_end(&w);
    if (g->reason.len && g->verdict != CC_VERDICT_SINGLE) {
        wrap_start(&w, out, 4);
        wrap_text(&w, g->reason.p, g->reason.len, st->dim, st->reset);
        wrap_end(&w);
    }
    for (size_t k = 0; k < g->members.n; k++) {
        write_member(out, c, g, k, st);
    }
}

static void write_figures(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Figures about people, conflicts first");
    if (!c->groups.n) {
        fputs("  none found\n", out);
        return;
    }
    uint32_t *order = malloc(c->groups.n * sizeof *order);
    cc_group_order(c, order);
    for (size_t i = 0; i < c->groups.n; i++) {
        if (i) {
            fputc('\n', out);
        }
        write_group(out, c, &c->groups.v[order[i]], st);
    }
    free(order);
}

/* ---- quotes ---- */

static void write_diff(FILE *out, const cc_cluster *c, const cc_quote_ref *base, const cc_quote_ref *other,
                       const style *st)
{
    const cc_article *a = c->articles.v[base->article], *b = c->articles.v[other->article];
    cc_str ta = cc_quote_text(a, &a->quotes.v[base->quote]), tb = cc_quote_text(b, &b->quotes.v[other->quote]);
    size_t cap = ta.len + tb.len + 2;
    cc_diff_word *d = malloc(cap * sizeof *d);
    size_t n = cc_word_diff(ta, tb, d, cap);
    char tag[16];
    snprintf(tag, sizeof tag, "[%u]", other->article + 1);
    wrap w;
    wrap_start(&w, out, 6);
    wrap_cstr(&w, tag, st->dim, st->reset);
    w.indent = 8;
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        changed |= d[i].op != CC_DIFF_SAME;
    }
    if (!n || !changed) {
        wrap_cstr(&w, n ? "same words" : "reworded:", st->dim, st->reset);
        if (!n) {
            wrap_text(&w, tb.p, tb.len, "", "");
        }
    }
    for (size_t i = 0; changed && i < n; i++) {
        const char *text = d[i].op == CC_DIFF_REMOVED ? ta.p : tb.p;
        const char *s = text + d[i].span.start;
        size_t len = d[i].span.end - d[i].span.start;
        int first = i == 0 || d[i - 1].op != d[i].op, last = i + 1 == n || d[i + 1].op != d[i].op;
        if (d[i].op == CC_DIFF_SAME) {
            wrap_word(&w, s, len, "", "", 0);
        } else if (st->red[0]) {
            wrap_word(&w, s, len, d[i].op == CC_DIFF_ADDED ? st->green : st->red, st->reset, 0);
        } else {
            const char *open = d[i].op == CC_DIFF_ADDED ? "{+" : "[-", *close = d[i].op == CC_DIFF_ADDED ? "+}" : "-]";
            char buf[160];
            int m = snprintf(buf, sizeof buf, "%s%.*s%s", first ? open : "", (int)len, s, last ? close : "");
            wrap_word(&w, buf, (size_t)m < sizeof buf ? (size_t)m : sizeof buf - 1, "", "", 0);
        }
    }
    wrap_end(&w);
    free(d);
}

static void write_quote(FILE *out, const cc_cluster *c, const cc_speaker_quote *e, const style *st)
{
    const cc_article *a = c->articles.v[e->article];
    const cc_quote *q = &a->quotes.v[e->quote];
    char tag[64];
    size_t n = 0;
    if (e->merged >= 0) {
        const cc_merged_quote *m = &c->merged_quotes.v[e->merged];
        for (size_t k = 0; k < m->members.n && n + 8 < sizeof tag; k++) {
            n += (size_t)snprintf(tag + n, sizeof tag - n, "[%u]", m->members.v[k].article + 1);
        }
    } else {
        snprintf(tag, sizeof tag, "[%u]", e->article + 1);
    }
    wrap w;
    wrap_start(&w, out, 4);
    wrap_cstr(&w, tag, st->dim, st->reset);
    w.indent = 6;
    cc_str text = cc_quote_text(a, q);
    wrap_word(&w, "\"", 1, "", "", 0);
    w.glue = 1;
    wrap_text(&w, text.p, text.len, "", "");
    wrap_word(&w, "\"", 1, "", "", 1);
    if (q->partial) {
        wrap_cstr(&w, "(fragment)", st->dim, st->reset);
    }
    wrap_end(&w);
    if (e->merged >= 0) {
        const cc_merged_quote *m = &c->merged_quotes.v[e->merged];
        for (size_t k = 1; k < m->members.n; k++) {
            write_diff(out, c, &m->members.v[0], &m->members.v[k], st);
        }
    }
}

static void write_quotes(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Who said what");
    size_t n;
    cc_speaker_quote *list = cc_quotes_by_speaker(c, &n);
    for (size_t i = 0, end; i < n; i = end) {
        cc_str name, role;
        end = cc_speaker_run(c, list, n, i, &name, &role);
        wrap w;
        wrap_start(&w, out, 2);
        if (name.len) {
            wrap_text(&w, name.p, name.len, st->bold, st->reset);
        } else {
            wrap_cstr(&w, "No speaker given", st->bold, st->reset);
        }
        if (role.len) {
            wrap_word(&w, ",", 1, "", "", 1);
            wrap_text(&w, role.p, role.len, st->dim, st->reset);
        }
        wrap_end(&w);
        for (size_t k = i; k < end; k++) {
            write_quote(out, c, &list[k], st);
        }
    }
    if (!n) {
        fputs("  none found\n", out);
    }
    free(list);
}

/* ---- entities, summary, sources ---- */

static void write_entities(FILE *out, const cc_cluster *c, const style *st)
{
    if (!c->entities.n) {
        return;
    }
    heading(out, st, "Who and where");
    static const char *const kinds[] = { "People", "Organisations", "Places" };
    for (int t = CC_ENT_PERSON; t <= CC_ENT_PLACE; t++) {
        wrap w;
        int shown = 0;
        for (size_t i = 0; i < c->entities.n; i++) {
            const cc_entity *e = &c->entities.v[i];
            if (e->type != t) {
                continue;
            }
            if (!shown++) {
                wrap_start(&w, out, 2);
                wrap_cstr(&w, kinds[t], st->bold, st->reset);
                wrap_word(&w, ":", 1, "", "", 1);
                w.indent = 4;
            } else {
                wrap_word(&w, ";", 1, "", "", 1);
            }
            char count[48];
            wrap_text(&w, e->name.p, e->name.len, "", "");
            snprintf(count, sizeof count, "(%u in %u)", e->mentions, e->articles);
            wrap_cstr(&w, count, st->dim, st->reset);
        }
        if (shown) {
            wrap_end(&w);
        }
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
        cc_str text = cc_str_span(c->articles.v[s->article], s->span);
        wrap w;
        wrap_start(&w, out, 2);
        wrap_text(&w, text.p, text.len, "", "");
        for (size_t k = 0; k < s->articles.n; k++) {
            char tag[16];
            snprintf(tag, sizeof tag, "[%u]", s->articles.v[k] + 1);
            wrap_word(&w, tag, strlen(tag), st->dim, st->reset, k > 0);
        }
        wrap_end(&w);
    }
}

static void write_sources(FILE *out, const cc_cluster *c, const style *st)
{
    heading(out, st, "Sources");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        char tag[32];
        snprintf(tag, sizeof tag, "[%zu]", i + 1);
        wrap w;
        wrap_start(&w, out, 2);
        wrap_cstr(&w, tag, st->bold, st->reset);
        wrap_cstr(&w, a->id, "", "");
        if (a->source.len) {
            wrap_text(&w, a->source.p, a->source.len, "", "");
        }
        if (a->pub_year) {
            char date[32];
            snprintf(date, sizeof date, "%04d-%02d-%02d", a->pub_year, a->pub_month, a->pub_day);
            wrap_cstr(&w, date, st->dim, st->reset);
        }
        w.indent = 7;
        if (a->title.len) {
            wrap_text(&w, a->title.p, a->title.len, "", "");
        }
        if (a->url.len) {
            wrap_text(&w, a->url.p, a->url.len, st->dim, st->reset);
        }
        wrap_end(&w);
    }
}

static void write_header(FILE *out, const cc_cluster *c, const style *st)
{
    size_t conflicts = 0, claims = 0;
    for (size_t g = 0; g < c->groups.n; g++) {
        conflicts += c->groups.v[g].verdict == CC_VERDICT_CONFLICT;
        claims += c->groups.v[g].members.n;
    }
    fprintf(out, "%scrosscheck%s: %zu article%s, %zu figure%s about people in %zu quantit%s, ", st->bold, st->reset,
            c->articles.n, c->articles.n == 1 ? "" : "s", claims, claims == 1 ? "" : "s", c->groups.n,
            c->groups.n == 1 ? "y" : "ies");
    fprintf(out, "%s%zu conflict%s%s\n", conflicts ? st->red : "", conflicts, conflicts == 1 ? "" : "s",
            conflicts ? st->reset : "");
}

void cc_render_text(const cc_cluster *c, const cc_options *options, FILE *out)
{
    style st = make_style(options->color);
    if (options->summary_only) {
        write_summary(out, c, &st);
        write_sources(out, c, &st);
        return;
    }
    write_header(out, c, &st);
    write_summary(out, c, &st);
    write_figures(out, c, &st);
    write_quotes(out, c, &st);
    write_entities(out, c, &st);
    write_sources(out, c, &st);
}
