/* The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the
 * figures table first, conflicts at its top and a small range chart per quantity, then quotes by
 * speaker, entities and the sources list. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "report.h"

static const char css[] =
    ":root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--bg:#fbfbfc;--conflict:#b3261e;--range:#8a5a00;"
    "--agree:#1b6e3a;--single:#5f6368;--accent:#1a5fb4}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,'Segoe UI',Roboto,"
    "'Helvetica Neue',Arial,sans-serif}"
    "header,main,body>footer{max-width:1100px;margin:0 auto;padding:0 24px}"
    "header{padding-top:28px}h1{font-size:26px;margin:0 0 4px}"
    ".lede{color:var(--muted);margin:0 0 8px}.lede strong{color:var(--conflict)}"
    "h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}"
    "h3{font-size:16px;margin:22px 0 6px}"
    "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}"
    ".cite{font-size:12px;vertical-align:super;margin-left:1px}td .cite{vertical-align:baseline;font-size:inherit}"
    "table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}"
    "th,td{text-align:left;vertical-align:middle;padding:6px 10px;border-bottom:1px solid var(--line)}"
    "th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#f3f4f6}"
    "td.num{white-space:nowrap;font-variant-numeric:tabular-nums}"
    ".badge{display:inline-block;min-width:92px;text-align:center;padding:1px 8px;border-radius:10px;"
    "font-size:12px;font-weight:600;color:#fff}"
    ".conflict .badge,.badge.conflict{background:var(--conflict)}.badge.within_range{background:var(--range)}"
    ".badge.agree{background:var(--agree)}.badge.single{background:var(--single)}"
    "tr.conflict td:first-child{box-shadow:inset 4px 0 0 var(--conflict)}"
    ".chart{display:block;font-size:10px;fill:#5f6368}.detail{margin:14px 0 22px}"
    ".reason{margin:4px 0 8px;color:var(--muted)}"
    ".flag{color:var(--conflict);font-weight:700}.repeat{color:var(--muted)}"
    ".quote{margin:8px 0 12px;padding:8px 14px;border-left:3px solid var(--line);background:#fff}"
    ".quote p{margin:0}.carriers{font-size:13px;color:var(--muted)}"
    ".diff{font-size:13px;margin-top:4px;color:var(--muted)}"
    "del{color:var(--conflict);background:#fbe9e7}ins{color:var(--agree);background:#e6f4ea;text-decoration:none}"
    ".role{font-weight:400;color:var(--muted)}"
    "dl.entities{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}dl.entities dt{font-weight:600}"
    "dl.entities dd{margin:0}.count{color:var(--muted);font-size:13px}"
    "ol.sources li{margin:4px 0}.meta{color:var(--muted);font-size:13px}"
    "body>footer{color:var(--muted);font-size:12px;padding-top:24px;padding-bottom:32px}"
    "@media print{body{background:#fff}.badge{color:#000;border:1px solid #000}}";

static void esc(FILE *out, cc_str s)
{
    cc_write_folded(out, s.p, s.len, cc_write_escaped_html);
}

static void esc_cstr(FILE *out, const char *s)
{
    cc_write_escaped_html(out, s, strlen(s));
}

static const char *verdict_words(uint8_t v)
{
    switch (v) {
    case CC_VERDICT_CONFLICT: return "conflict";
    case CC_VERDICT_WITHIN_RANGE: return "within range";
    case CC_VERDICT_AGREE: return "agree";
    default: return "one source";
    }
}

static void cite(FILE *out, uint32_t article)
{
    fprintf(out, "<a class=\"cite\" href=\"#source-%u\">[%u]</a>", article + 1, article + 1);
}

/* ---- the range chart: one line per figure on a shared axis ---- */

enum { CHART_W = 300, CHART_LEFT = 34, CHART_RIGHT = 16, CHART_ROW = 15, CHART_AXIS = 18 };

typedef struct axis {
    double lo, hi;
    int log;
} axis;

static const cc_amount *member_amount(const cc_cluster *c, const cc_claim_ref *r)
{
    const cc_article *a = c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    return cl->amount < a->amounts.n ? &a->amounts.v[cl->amount] : NULL;
}

static axis make_axis(const cc_group *g)
{
    double lo = INFINITY, hi = 0;
    for (size_t k = 0; k < g->members.n; k++) {
        const cc_claim_ref *r = &g->members.v[k];
        double a = r->figure_low, b = r->figure_high;
        lo = fmin(lo, fmin(a, r->low > 0 ? r->low : a));
        hi = fmax(hi, fmax(b, isfinite(r->high) ? r->high : b));
    }
    axis ax = { 0, hi > 0 ? hi * 1.08 : 1, 0 };
    if (lo > 0 && hi / lo > 30) {
        ax.log = 1;
        ax.lo = lo / 1.5;
        ax.hi = hi * 1.5;
    }
    return ax;
}

static double xpos(const axis *ax, double v)
{
    double span = CHART_W - CHART_LEFT - CHART_RIGHT, t;
    if (!isfinite(v)) {
        return CHART_W - CHART_RIGHT + 8;
    }
    if (ax->log) {
        t = (log10(fmax(v, ax->lo)) - log10(ax->lo)) / (log10(ax->hi) - log10(ax->lo));
    } else {
        t = (v - ax->lo) / (ax->hi - ax->lo);
    }
    return CHART_LEFT + span * fmin(fmax(t, 0), 1);
}

static void compact(char *buf, size_t cap, double v)
{
    if (v >= 1e6) {
        snprintf(buf, cap, "%gM", round(v / 1e5) / 10);
    } else if (v >= 1e4) {
        snprintf(buf, cap, "%gk", round(v / 1e2) / 10);
    } else {
        cc_number_text(buf, cap, v);
    }
}

static void axis_ticks(FILE *out, const axis *ax, int y)
{
    double ticks[8];
    int n = 0;
    if (ax->log) {
        for (double p = pow(10, ceil(log10(ax->lo))); p <= ax->hi && n < 8; p *= 10) {
            ticks[n++] = p;
        }
    } else {
        double raw = ax->hi / 4, mag = pow(10, floor(log10(raw))), step = mag;
        step = raw / mag > 5 ? 10 * mag : raw / mag > 2 ? 5 * mag : raw / mag > 1 ? 2 * mag : mag;
        for (double t = 0; t <= ax->hi && n < 8; t += step) {
            ticks[n++] = t;
        }
    }
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c4c7cc\"/>", CHART_LEFT, y,
            CHART_W - CHART_RIGHT, y);
    for (int i = 0; i < n; i++) {
        char label[32];
        compact(label, sizeof label, ticks[i]);
        double x = xpos(ax, ticks[i]);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c4c7cc\"/>", x, y, x, y + 3);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, y + 13, label);
    }
}

static void chart_row(FILE *out, const cc_cluster *c, const cc_group *g, size_t k, const axis *ax, int y)
{
    const cc_claim_ref *r = &g->members.v[k];
    int flagged = (int32_t)k == g->conflict_low || (int32_t)k == g->conflict_high;
    const char *colour = flagged ? "#b3261e" : r->repeat_of >= 0 ? "#9aa0a6" : "#1a5fb4";
    double a = r->figure_low, b = r->figure_high;
    double x0 = xpos(ax, r->low), x1 = xpos(ax, r->high);
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">[%u]</text>", CHART_LEFT - 6, y + 4, r->article + 1);
    fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\" "
                 "stroke-linecap=\"round\" opacity=\"0.45\"%s/>",
            x0, y, isfinite(r->high) ? x1 : x1 - 6, y, colour, r->repeat_of >= 0 ? " stroke-dasharray=\"3 3\"" : "");
    if (!isfinite(r->high)) {
        fprintf(out, "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d\" fill=\"%s\" opacity=\"0.6\"/>", x1 - 7, y - 4, x1,
                y, x1 - 7, y + 4, colour);
    }
    const cc_amount *m = member_amount(c, r);
    if (m && m->vague.len) {
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" rx=\"2\" fill=\"%s\" opacity=\"0.8\"/>",
                xpos(ax, a), y - 4, fmax(xpos(ax, b) - xpos(ax, a), 2), colour);
    } else {
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4.5\" fill=\"%s\"/>", xpos(ax, a), y, colour);
        if (b > a) {
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4.5\" fill=\"%s\"/>", xpos(ax, b), y, colour);
        }
    }
}

static void write_chart(FILE *out, const cc_cluster *c, const cc_group *g)
{
    axis ax = make_axis(g);
    int rows = (int)g->members.n, h = rows * CHART_ROW + CHART_AXIS + 6;
    fprintf(out, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", CHART_W, h,
            CHART_W, h);
    fputs("<title>Each source's figure for ", out);
    esc(out, g->label);
    fprintf(out, "%s</title>", ax.log ? " (log scale)" : "");
    if (isfinite(g->low) && isfinite(g->high)) {
        double x0 = xpos(&ax, g->low), x1 = xpos(&ax, g->high);
        fprintf(out, "<rect x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"%d\" fill=\"#e8eef8\"/>", x0 - 3,
                fmax(x1 - x0, 0) + 6, rows * CHART_ROW);
    }
    for (int k = 0; k < rows; k++) {
        chart_row(out, c, g, (size_t)k, &ax, 2 + CHART_ROW / 2 + k * CHART_ROW);
    }
    axis_ticks(out, &ax, rows * CHART_ROW + 6);
    fputs("</svg>", out);
}

/* ---- figures ---- */

static void write_overview(FILE *out, const cc_cluster *c, const uint32_t *order)
{
    fputs("<table class=\"figures\"><thead><tr><th>Verdict</th><th>Quantity</th><th>Range</th>"
          "<th>Each source's figure</th><th>Sources</th></tr></thead><tbody>\n",
          out);
    for (size_t i = 0; i < c->groups.n; i++) {
        const cc_group *g = &c->groups.v[order[i]];
        char range[128];
        cc_group_range_text(range, sizeof range, c, g);
        fprintf(out, "<tr class=\"%s\"><td><span class=\"badge %s\">%s</span></td><td><a href=\"#g%u\">",
                cc_verdict_name((cc_verdict)g->verdict), cc_verdict_name((cc_verdict)g->verdict),
                verdict_words(g->verdict), order[i] + 1);
        esc(out, g->label);
        fprintf(out, "</a> <span class=\"meta\">g%u</span></td><td class=\"num\">", order[i] + 1);
        esc_cstr(out, range);
        fputs("</td><td>", out);
        write_chart(out, c, g);
        fprintf(out, "</td><td class=\"num\">%zu figure%s, %u independent</td></tr>\n", g->members.n,
                g->members.n == 1 ? "" : "s", g->evidence);
    }
    fputs("</tbody></table>\n", out);
}

static void write_member_row(FILE *out, const cc_cluster *c, const cc_group *g, size_t k)
{
    const cc_claim_ref *r = &g->members.v[k];
    const cc_article *a = c->articles.v[r->article];
    const cc_claim *cl = &a->claims.v[r->claim];
    char fig[96];
    cc_figure_text(fig, sizeof fig, a, cl);
    int flagged = (int32_t)k == g->conflict_low || (int32_t)k == g->conflict_high;
    fputs("<tr><td>", out);
    cite(out, r->article);
    fprintf(out, "</td><td class=\"num%s\">", flagged ? " flag" : "");
    esc_cstr(out, fig);
    fputs("</td>", out);
    cc_str facets[3] = { cl->who, cl->where, cl->when };
    for (int f = 0; f < 3; f++) {
        fputs("<td>", out);
        esc(out, facets[f]);
        fputs("</td>", out);
    }
    fputs("<td>", out);
    if (cl->source.len) {
        esc(out, cl->source);
    } else {
        fputs("<span class=\"repeat\">unattributed</span>", out);
    }
    if (r->repeat_of >= 0) {
        fprintf(out, " <span class=\"repeat\">(same source as [%u]: counted once)</span>",
                g->members.v[r->repeat_of].article + 1);
    }
    fputs("</td><td>", out);
    esc(out, cc_str_span(a, cl->span));
    fputs("</td></tr>\n", out);
}

static void write_details(FILE *out, const cc_cluster *c, const uint32_t *order)
{
    for (size_t i = 0; i < c->groups.n; i++) {
        const cc_group *g = &c->groups.v[order[i]];
        fprintf(out, "<div class=\"detail\" id=\"g%u\"><h3><span class=\"badge %s\">%s</span> ", order[i] + 1,
                cc_verdict_name((cc_verdict)g->verdict), verdict_words(g->verdict));
        esc(out, g->label);
        fprintf(out, " <span class=\"meta\">g%u</span></h3>", order[i] + 1);
        if (g->reason.len) {
            fputs("<p class=\"reason\">", out);
            esc(out, g->reason);
            fputs("</p>", out);
        }
        fputs("<table><thead><tr><th>Article</th><th>Figure</th><th>Who</th><th>Where</th><th>When</th>"
              "<th>Source</th><th>As written</th></tr></thead><tbody>\n",
              out);
        for (size_t k = 0; k < g->members.n; k++) {
            write_member_row(out, c, g, k);
        }
        fputs("</tbody></table></div>\n", out);
    }
}

static void write_figures(FILE *out, const cc_cluster *c)
{
    fputs("<section id=\"figures\"><h2>Figures about people</h2>\n", out);
    if (!c->groups.n) {
        fputs("<p>None found.</p></section>\n", out);
        return;
    }
    fputs("<p class=\"meta\">Conflicts first. Each line of a chart is one outlet's figure: a dot for a number, "
          "a bar for a vague amount, the faint line for what it allows (an arrow: no upper limit); "
          "red figures cannot both be true; the shaded band is the range reported.</p>\n",
          out);
    uint32_t *order = malloc(c->groups.n * sizeof *order);
    cc_group_order(c, order);
    write_overview(out, c, order);
    write_details(out, c, order);
    free(order);
    fputs("</section>\n", out);
}

/* ---- quotes, entities, summary, sources ---- */

static void write_diff(FILE *out, const cc_cluster *c, const cc_quote_ref *base, const cc_quote_ref *other)
{
    const cc_article *a = c->articles.v[base->article], *b = c->articles.v[other->article];
    cc_str ta = cc_quote_text(a, &a->quotes.v[base->quote]), tb = cc_quote_text(b, &b->quotes.v[other->quote]);
    size_t cap = ta.len + tb.len + 2;
    cc_diff_word *d = malloc(cap * sizeof *d);
    size_t n = cc_word_diff(ta, tb, d, cap);
    fputs("<p class=\"diff\">", out);
    cite(out, other->article);
    fputs(" ", out);
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        changed |= d[i].op != CC_DIFF_SAME;
    }
    if (!n) {
        esc(out, tb);
    } else if (!changed) {
        fputs("same words", out);
    }
    for (size_t i = 0; changed && i < n; i++) {
        const char *text = d[i].op == CC_DIFF_REMOVED ? ta.p : tb.p;
        int first = i == 0 || d[i - 1].op != d[i].op, last = i + 1 == n || d[i + 1].op != d[i].op;
        const char *tag = d[i].op == CC_DIFF_ADDED ? "ins" : d[i].op == CC_DIFF_REMOVED ? "del" : NULL;
        if (i) {
            fputc(' ', out);
        }
        if (tag && first) {
            fprintf(out, "<%s>", tag);
        }
        cc_write_escaped_html(out, text + d[i].span.start, d[i].span.end - d[i].span.start);
        if (tag && last) {
            fprintf(out, "</%s>", tag);
        }
    }
    fputs("</p>", out);
    free(d);
}

static void write_quote(FILE *out, const cc_cluster *c, const cc_speaker_quote *e)
{
    const cc_article *a = c->articles.v[e->article];
    const cc_quote *q = &a->quotes.v[e->quote];
    fputs("<div class=\"quote\"><p>\xe2\x80\x9c", out);
    esc(out, cc_quote_text(a, q));
    fputs("\xe2\x80\x9d</p><p class=\"carriers\">", out);
    if (e->merged >= 0) {
        const cc_merged_quote *m = &c->merged_quotes.v[e->merged];
        fprintf(out, "carried by %zu articles ", m->members.n);
        for (size_t k = 0; k < m->members.n; k++) {
            cite(out, m->members.v[k].article);
        }
    } else {
        cite(out, e->article);
    }
    if (q->partial) {
        fputs(" fragment", out);
    }
    fputs("</p>", out);
    if (e->merged >= 0) {
        const cc_merged_quote *m = &c->merged_quotes.v[e->merged];
        for (size_t k = 1; k < m->members.n; k++) {
            write_diff(out, c, &m->members.v[0], &m->members.v[k]);
        }
    }
    fputs("</div>\n", out);
}

static void write_quotes(FILE *out, const cc_cluster *c)
{
    fputs("<section id=\"quotes\"><h2>Who said what</h2>\n", out);
    size_t n;
    cc_speaker_quote *list = cc_quotes_by_speaker(c, &n);
    for (size_t i = 0, end; i < n; i = end) {
        cc_str name, role;
        end = cc_speaker_run(c, list, n, i, &name, &role);
        fputs("<h3>", out);
        if (name.len) {
            esc(out, name);
        } else {
            fputs("No speaker given", out);
        }
        if (role.len) {
            fputs(" <span class=\"role\">", out);
            esc(out, role);
            fputs("</span>", out);
        }
        fputs("</h3>\n", out);
        for (size_t k = i; k < end; k++) {
            write_quote(out, c, &list[k]);
        }
    }
    if (!n) {
        fputs("<p>None found.</p>\n", out);
    }
    free(list);
    fputs("</section>\n", out);
}

static void write_entities(FILE *out, const cc_cluster *c)
{
    if (!c->entities.n) {
        return;
    }
    fputs("<section id=\"entities\"><h2>Who and where</h2><dl class=\"entities\">\n", out);
    static const char *const kinds[] = { "People", "Organisations", "Places" };
    for (int t = CC_ENT_PERSON; t <= CC_ENT_PLACE; t++) {
        int shown = 0;
        for (size_t i = 0; i < c->entities.n; i++) {
            const cc_entity *e = &c->entities.v[i];
            if (e->type != t) {
                continue;
            }
            fprintf(out, shown++ ? "; " : "<dt>%s</dt><dd>", kinds[t]);
            esc(out, e->name);
            fprintf(out, " <span class=\"count\">%u&times;, %u article%s</span>", e->mentions, e->articles,
                    e->articles == 1 ? "" : "s");
        }
        if (shown) {
            fputs("</dd>\n", out);
        }
    }
    fputs("</dl></section>\n", out);
}

static void write_summary(FILE *out, const cc_cluster *c)
{
    if (!c->summary.n) {
        return;
    }
    fputs("<section id=\"summary\"><h2>Summary</h2><p>", out);
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        if (i) {
            fputc(' ', out);
        }
        esc(out, cc_str_span(c->articles.v[s->article], s->span));
        for (size_t k = 0; k < s->articles.n; k++) {
            cite(out, s->articles.v[k]);
        }
    }
    fputs("</p></section>\n", out);
}

static void write_sources(FILE *out, const cc_cluster *c)
{
    fputs("<section id=\"sources\"><h2>Sources</h2><ol class=\"sources\">\n", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        fprintf(out, "<li id=\"source-%zu\">", i + 1);
        if (a->url.len) {
            fputs("<a href=\"", out);
            esc(out, a->url);
            fputs("\">", out);
        }
        if (a->title.len) {
            esc(out, a->title);
        } else {
            esc_cstr(out, a->id);
        }
        fputs(a->url.len ? "</a>" : "", out);
        fputs(" <span class=\"meta\">", out);
        esc_cstr(out, a->id);
        if (a->source.len) {
            fputs(" &middot; ", out);
            esc(out, a->source);
        }
        if (a->pub_year) {
            fprintf(out, " &middot; %04d-%02d-%02d", a->pub_year, a->pub_month, a->pub_day);
        }
        fprintf(out, " &middot; %zu claim%s, %zu quote%s</span></li>\n", a->claims.n, a->claims.n == 1 ? "" : "s",
                a->quotes.n, a->quotes.n == 1 ? "" : "s");
    }
    fputs("</ol></section>\n", out);
}

static void write_head(FILE *out, const cc_cluster *c)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>crosscheck: ",
          out);
    if (c->articles.n && c->articles.v[0]->title.len) {
        esc(out, c->articles.v[0]->title);
    } else {
        fprintf(out, "%zu articles", c->articles.n);
    }
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
}

void cc_render_html(const cc_cluster *c, FILE *out)
{
    size_t conflicts = 0;
    for (size_t g = 0; g < c->groups.n; g++) {
        conflicts += c->groups.v[g].verdict == CC_VERDICT_CONFLICT;
    }
    write_head(out, c);
    fprintf(out, "<header><h1>crosscheck report</h1><p class=\"lede\">%zu article%s &middot; %zu quantit%s about "
                 "people &middot; ",
            c->articles.n, c->articles.n == 1 ? "" : "s", c->groups.n, c->groups.n == 1 ? "y" : "ies");
    fprintf(out, conflicts ? "<strong>%zu conflict%s</strong>" : "%zu conflict%s", conflicts, conflicts == 1 ? "" : "s");
    fputs("</p></header>\n<main>\n", out);
    write_summary(out, c);
    write_figures(out, c);
    write_quotes(out, c);
    write_entities(out, c);
    write_sources(out, c);
    fputs("</main>\n<footer>Made by crosscheck " CC_VERSION ". Figures are as each article gives them; a "
          "verdict compares what the figures allow, not who is right.</footer>\n</body>\n</html>\n",
          out);
}
