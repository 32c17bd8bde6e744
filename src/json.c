/* The JSON report: one object, schema in docs/json-schema.md. Streamed out, never built in memory. */
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "report.h"

static void str(FILE *out, cc_str s)
{
    if (s.len) {
        cc_write_json_folded(out, s.p, s.len);
    } else {
        fputs("null", out);
    }
}

static void span_text(FILE *out, const cc_article *a, cc_span s)
{
    str(out, cc_str_span(a, s));
}

static void comma(FILE *out, int *first)
{
    if (!*first) {
        putc(',', out);
    }
    *first = 0;
}

static void write_date(FILE *out, int y, int m, int d)
{
    if (y && m && d) {
        fprintf(out, "\"%04d-%02d-%02d\"", y, m, d);
    } else if (y && m) {
        fprintf(out, "\"%04d-%02d\"", y, m);
    } else {
        fputs("null", out);
    }
}

static void write_span_pair(FILE *out, cc_span s)
{
    fputs("\"start\":", out);
    cc_write_uint(out, s.start);
    fputs(",\"end\":", out);
    cc_write_uint(out, s.end);
}

static void write_document(FILE *out, const cc_article *a)
{
    fputs("{\"id\":", out);
    cc_write_json_string(out, a->id, strlen(a->id));
    fputs(",\"title\":", out);
    str(out, a->title);
    fputs(",\"source\":", out);
    str(out, a->source);
    fputs(",\"url\":", out);
    str(out, a->url);
    fputs(",\"published\":", out);
    write_date(out, a->pub_year, a->pub_month, a->pub_day);
    fputs(",\"dateline\":", out);
    if (a->dateline_span.end > a->dateline_span.start) {
        span_text(out, a, a->dateline_span);
    } else {
        fputs("null", out);
    }
    fprintf(out, ",\"bytes\":%u,\"furniture\":[", a->len);
    for (size_t i = 0; i < a->furniture.n; i++) {
        fprintf(out, "%s[%u,%u]", i ? "," : "", a->furniture.v[i].start, a->furniture.v[i].end);
    }
    fputs("],\"paragraphs\":[", out);
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        const cc_paragraph *p = &a->paragraphs.v[i];
        fprintf(out, "%s{\"start\":%u,\"end\":%u,\"kind\":\"%s\"}", i ? "," : "", p->start, p->end,
                (p->flags & CC_PF_TITLE) ? "title" : (p->flags & CC_PF_HEADING) ? "heading" : "body");
    }
    fputs("],\"sentences\":[", out);
    for (size_t i = 0; i < a->sentences.n; i++) {
        const cc_sentence *s = &a->sentences.v[i];
        fputs(i ? ",{" : "{", out);
        write_span_pair(out, (cc_span){ s->start, s->end });
        fputs(",\"paragraph\":", out);
        cc_write_uint(out, s->para);
        fputs(",\"text\":", out);
        span_text(out, a, (cc_span){ s->start, s->end });
        putc('}', out);
    }
    fputs("]}", out);
}

static void write_amount(FILE *out, const cc_article *a, const cc_amount *m)
{
    fputs("{\"doc\":", out);
    cc_write_json_string(out, a->id, strlen(a->id));
    if (m->is_range) {
        fputs(",\"low\":", out);
        cc_write_number(out, m->low);
        fputs(",\"high\":", out);
        cc_write_number(out, m->high);
    } else {
        fputs(",\"value\":", out);
        if (m->has_value) {
            cc_write_number(out, m->value);
        } else {
            fputs("null", out);
        }
    }
    fputs(",\"vague\":", out);
    str(out, m->vague);
    fputs(",\"unit\":", out);
    str(out, m->unit);
    fputs(",\"kind\":", out);
    str(out, m->kind);
    fprintf(out, ",\"qualifier\":\"%s\"", cc_qualifier_name((cc_qualifier)m->qualifier));
    if (m->change != CC_CHANGE_NONE) {
        fprintf(out, ",\"change\":\"%s\"", m->change == CC_CHANGE_UP ? "up" : "down");
    }
    fputs(",\"text\":", out);
    span_text(out, a, m->span);
    putc(',', out);
    write_span_pair(out, m->span);
    putc('}', out);
}

static void write_claim(FILE *out, const cc_cluster *c, const cc_article *a, const cc_claim *cl)
{
    const cc_amount *m = cl->amount < a->amounts.n ? &a->amounts.v[cl->amount] : NULL;
    fputs("{\"doc\":", out);
    cc_write_json_string(out, a->id, strlen(a->id));
    fprintf(out, ",\"category\":\"%s\",\"value\":", cc_category_name((cc_category)cl->category));
    if (m && m->vague.len) {
        fputs("null", out); /* a vague amount's range is in amounts, not its claimed value */
    } else if (m && m->has_value && !m->is_range) {
        cc_write_number(out, m->value);
    } else if (m && m->is_range) {
        cc_write_number(out, m->low);
        fputs(",\"low\":", out);
        cc_write_number(out, m->low);
        fputs(",\"high\":", out);
        cc_write_number(out, m->high);
    } else {
        fputs("null", out);
    }
    fputs(",\"vague\":", out);
    str(out, m ? m->vague : cc_str_of("", 0));
    /* a vague amount's range is stated as such; as a claim about people it is vague */
    fprintf(out, ",\"qualifier\":\"%s\"",
            cc_qualifier_name(m && m->vague.len ? CC_Q_VAGUE : m ? (cc_qualifier)m->qualifier : CC_Q_EXACT));
    fputs(",\"who\":", out);
    str(out, cl->who);
    fputs(",\"where\":", out);
    str(out, cl->where);
    fputs(",\"when\":", out);
    str(out, cl->when);
    fputs(",\"when_from\":", out);
    write_date(out, cl->when_resolved.y0, cl->when_resolved.m0, cl->when_resolved.d0);
    fputs(",\"when_to\":", out);
    write_date(out, cl->when_resolved.y1, cl->when_resolved.m1, cl->when_resolved.d1);
    fputs(",\"source\":", out);
    str(out, cl->source);
    fprintf(out, ",\"hypothetical\":%s,\"negated\":%s,\"in_quote\":%s", (cl->flags & CC_CF_HYPOTHETICAL) ? "true" : "false",
            (cl->flags & CC_CF_NEGATED) ? "true" : "false", (cl->flags & CC_CF_IN_QUOTE) ? "true" : "false");
    fputs(",\"text\":", out);
    span_text(out, a, cl->span);
    putc(',', out);
    write_span_pair(out, cl->span);
    fputs(",\"group\":", out);
    if (cl->group >= 0 && (size_t)cl->group < c->groups.n) {
        fprintf(out, "\"g%d\"", cl->group + 1);
    } else {
        fputs("null", out);
    }
    putc('}', out);
}

static void write_quote(FILE *out, const cc_article *a, const cc_quote *q)
{
    fputs("{\"doc\":", out);
    cc_write_json_string(out, a->id, strlen(a->id));
    fputs(",\"text\":", out);
    str(out, cc_quote_text(a, q));
    fputs(",\"speaker\":", out);
    str(out, q->speaker);
    fputs(",\"role\":", out);
    str(out, q->role);
    fprintf(out, ",\"partial\":%s,\"continues\":%s,", q->partial ? "true" : "false", q->continues ? "true" : "false");
    write_span_pair(out, q->span);
    fputs(",\"merged\":", out);
    if (q->merged >= 0) {
        fprintf(out, "\"q%d\"", q->merged + 1);
    } else {
        fputs("null", out);
    }
    putc('}', out);
}

static void write_mention(FILE *out, const cc_cluster *c, const cc_article *a, const cc_mention *m)
{
    fputs("{\"doc\":", out);
    cc_write_json_string(out, a->id, strlen(a->id));
    fputs(",\"type\":\"", out);
    fputs(cc_entity_type_name((cc_entity_type)m->type), out);
    fputs("\",\"text\":", out);
    span_text(out, a, m->span);
    fputs(",\"entity\":", out);
    if (m->entity >= 0 && (size_t)m->entity < c->entities.n) {
        fputs("\"e", out);
        cc_write_uint(out, (unsigned)m->entity + 1);
        putc('"', out);
    } else {
        fputs("null", out);
    }
    putc(',', out);
    write_span_pair(out, m->span);
    putc('}', out);
}

static void write_group(FILE *out, const cc_cluster *c, size_t gi)
{
    const cc_group *g = &c->groups.v[gi];
    fprintf(out, "{\"id\":\"g%zu\",\"label\":", gi + 1);
    str(out, g->label);
    fprintf(out, ",\"category\":\"%s\",\"verdict\":\"%s\",\"low\":", cc_category_name((cc_category)g->category),
            cc_verdict_name((cc_verdict)g->verdict));
    cc_write_number(out, g->low);
    fputs(",\"high\":", out);
    cc_write_number(out, g->high);
    fputs(",\"reason\":", out);
    str(out, g->reason);
    fputs(",\"members\":[", out);
    for (size_t i = 0; i < g->members.n; i++) {
        const cc_claim_ref *r = &g->members.v[i];
        const cc_article *a = c->articles.v[r->article];
        fprintf(out, "%s{\"doc\":", i ? "," : "");
        cc_write_json_string(out, a->id, strlen(a->id));
        fprintf(out, ",\"claim\":%u,\"figure_low\":", r->claim);
        cc_write_number(out, r->figure_low);
        fputs(",\"figure_high\":", out);
        cc_write_number(out, r->figure_high);
        fputs(",\"low\":", out);
        cc_write_number(out, r->low);
        fputs(",\"high\":", out);
        cc_write_number(out, r->high);
        fputs(",\"repeat_of\":", out);
        if (r->repeat_of >= 0) {
            fprintf(out, "%d", r->repeat_of);
        } else {
            fputs("null", out);
        }
        putc('}', out);
    }
    fprintf(out, "],\"evidence\":%u}", g->evidence);
}

static void write_merged_quote(FILE *out, const cc_cluster *c, size_t mi)
{
    const cc_merged_quote *m = &c->merged_quotes.v[mi];
    fprintf(out, "{\"id\":\"q%zu\",\"speaker\":", mi + 1);
    str(out, m->speaker);
    fputs(",\"members\":[", out);
    for (size_t i = 0; i < m->members.n; i++) {
        const cc_article *a = c->articles.v[m->members.v[i].article];
        fprintf(out, "%s{\"doc\":", i ? "," : "");
        cc_write_json_string(out, a->id, strlen(a->id));
        fprintf(out, ",\"quote\":%u}", m->members.v[i].quote);
    }
    fputs("]}", out);
}

static void write_summary(FILE *out, const cc_cluster *c)
{
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        const cc_article *a = c->articles.v[s->article];
        fprintf(out, "%s{\"text\":", i ? "," : "");
        span_text(out, a, s->span);
        fputs(",\"docs\":[", out);
        for (size_t k = 0; k < s->articles.n; k++) {
            const char *id = c->articles.v[s->articles.v[k]]->id;
            if (k) {
                putc(',', out);
            }
            cc_write_json_string(out, id, strlen(id));
        }
        fputs("],\"doc\":", out);
        cc_write_json_string(out, a->id, strlen(a->id));
        putc(',', out);
        write_span_pair(out, s->span);
        putc('}', out);
    }
}

void cc_render_json(const cc_cluster *c, FILE *out)
{
    fputs("{\"crosscheck\":\"" CC_VERSION "\",\n\"documents\":[", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        fputs(i ? ",\n" : "\n", out);
        write_document(out, c->articles.v[i]);
    }
    int first = 1;
    fputs("],\n\"claims\":[", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->claims.n; k++) {
            comma(out, &first);
            putc('\n', out);
            write_claim(out, c, a, &a->claims.v[k]);
        }
    }
    first = 1;
    fputs("],\n\"quotes\":[", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->quotes.n; k++) {
            comma(out, &first);
            putc('\n', out);
            write_quote(out, a, &a->quotes.v[k]);
        }
    }
    first = 1;
    fputs("],\n\"amounts\":[", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->amounts.n; k++) {
            comma(out, &first);
            putc('\n', out);
            write_amount(out, a, &a->amounts.v[k]);
        }
    }
    fputs("],\n\"entities\":[", out);
    for (size_t i = 0; i < c->entities.n; i++) {
        const cc_entity *e = &c->entities.v[i];
        fprintf(out, "%s\n{\"id\":\"e%zu\",\"name\":", i ? "," : "", i + 1);
        str(out, e->name);
        fprintf(out, ",\"type\":\"%s\",\"mentions\":%u,\"articles\":%u}", cc_entity_type_name((cc_entity_type)e->type),
                e->mentions, e->articles);
    }
    first = 1;
    fputs("],\n\"mentions\":[", out);
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->mentions.n; k++) {
            comma(out, &first);
            putc('\n', out);
            write_mention(out, c, a, &a->mentions.v[k]);
        }
    }
    fputs("],\n\"groups\":[", out);
    for (size_t i = 0; i < c->groups.n; i++) {
        fputs(i ? ",\n" : "\n", out);
        write_group(out, c, i);
    }
    fputs("],\n\"merged_quotes\":[", out);
    for (size_t i = 0; i < c->merged_quotes.n; i++) {
        fputs(i ? ",\n" : "\n", out);
        write_merged_quote(out, c, i);
    }
    fputs("],\n\"summary\":[", out);
    write_summary(out, c);
    fputs("]}\n", out);
}

void cc_render_json_summary(const cc_cluster *c, FILE *out)
{
    fputs("{\"crosscheck\":\"" CC_VERSION "\",\n\"summary\":[", out);
    write_summary(out, c);
    fputs("]}\n", out);
}
