/* The JSON report: one object, schema in docs/json-schema.md. Streamed out, never built in memory. */
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "report.h"

static void str(cc_out *out, cc_str s)
{
    if (s.len) {
        cc_out_json_folded(out, s.p, s.len);
    } else {
        cc_out_puts(out, "null");
    }
}

static void span_text(cc_out *out, const cc_article *a, cc_span s)
{
    str(out, cc_str_span(a, s));
}

static void comma(cc_out *out, int *first)
{
    if (!*first) {
        cc_out_putc(out, ',');
    }
    *first = 0;
}

/* ,"key":"value" for a name from a fixed list: nothing in it needs escaping */
static void key_name(cc_out *out, const char *key, const char *value)
{
    cc_out_puts(out, key);
    cc_out_putc(out, '"');
    cc_out_puts(out, value);
    cc_out_putc(out, '"');
}

static void key_bool(cc_out *out, const char *key, int value)
{
    cc_out_puts(out, key);
    cc_out_puts(out, value ? "true" : "false");
}

/* "g1", "q1", "e1": the report's own ids count from one */
static void ref_id(cc_out *out, char prefix, size_t index)
{
    cc_out_putc(out, '"');
    cc_out_putc(out, prefix);
    cc_out_uint(out, index + 1);
    cc_out_putc(out, '"');
}

static void write_date(cc_out *out, int y, int m, int d)
{
    char buf[48];
    if (y && m && d) {
        cc_out_write(out, buf, (size_t)snprintf(buf, sizeof buf, "\"%04d-%02d-%02d\"", y, m, d));
    } else if (y && m) {
        cc_out_write(out, buf, (size_t)snprintf(buf, sizeof buf, "\"%04d-%02d\"", y, m));
    } else {
        cc_out_puts(out, "null");
    }
}

static void write_span_pair(cc_out *out, cc_span s)
{
    cc_out_puts(out, "\"start\":");
    cc_out_uint(out, s.start);
    cc_out_puts(out, ",\"end\":");
    cc_out_uint(out, s.end);
}

/* An article's id, quoted and escaped once per report (quoted_ids): every claim, quote, amount and
 * mention names its article. */
static void put_id(cc_out *out, cc_str quoted)
{
    cc_out_write(out, quoted.p, quoted.len);
}

static void write_document(cc_out *out, const cc_article *a, cc_str id)
{
    cc_out_puts(out, "{\"id\":");
    put_id(out, id);
    cc_out_puts(out, ",\"title\":");
    str(out, a->title);
    cc_out_puts(out, ",\"source\":");
    str(out, a->source);
    cc_out_puts(out, ",\"url\":");
    str(out, a->url);
    cc_out_puts(out, ",\"published\":");
    write_date(out, a->pub_year, a->pub_month, a->pub_day);
    cc_out_puts(out, ",\"dateline\":");
    if (a->dateline_span.end > a->dateline_span.start) {
        span_text(out, a, a->dateline_span);
    } else {
        cc_out_puts(out, "null");
    }
    cc_out_puts(out, ",\"bytes\":");
    cc_out_uint(out, a->len);
    cc_out_puts(out, ",\"furniture\":[");
    for (size_t i = 0; i < a->furniture.n; i++) {
        cc_out_puts(out, i ? ",[" : "[");
        cc_out_uint(out, a->furniture.v[i].start);
        cc_out_putc(out, ',');
        cc_out_uint(out, a->furniture.v[i].end);
        cc_out_putc(out, ']');
    }
    cc_out_puts(out, "],\"paragraphs\":[");
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        const cc_paragraph *p = &a->paragraphs.v[i];
        cc_out_puts(out, i ? ",{" : "{");
        write_span_pair(out, (cc_span){ p->start, p->end });
        key_name(out, ",\"kind\":", (p->flags & CC_PF_TITLE) ? "title" : (p->flags & CC_PF_HEADING) ? "heading" : "body");
        cc_out_putc(out, '}');
    }
    cc_out_puts(out, "],\"sentences\":[");
    for (size_t i = 0; i < a->sentences.n; i++) {
        const cc_sentence *s = &a->sentences.v[i];
        cc_out_puts(out, i ? ",{" : "{");
        write_span_pair(out, (cc_span){ s->start, s->end });
        cc_out_puts(out, ",\"paragraph\":");
        cc_out_uint(out, s->para);
        cc_out_puts(out, ",\"text\":");
        span_text(out, a, (cc_span){ s->start, s->end });
        cc_out_putc(out, '}');
    }
    cc_out_puts(out, "]}");
}

static void write_amount(cc_out *out, const cc_article *a, cc_str id, const cc_amount *m)
{
    cc_out_puts(out, "{\"doc\":");
    put_id(out, id);
    if (m->is_range) {
        cc_out_puts(out, ",\"low\":");
        cc_out_number(out, m->low);
        cc_out_puts(out, ",\"high\":");
        cc_out_number(out, m->high);
    } else {
        cc_out_puts(out, ",\"value\":");
        if (m->has_value) {
            cc_out_number(out, m->value);
        } else {
            cc_out_puts(out, "null");
        }
    }
    cc_out_puts(out, ",\"vague\":");
    str(out, m->vague);
    cc_out_puts(out, ",\"unit\":");
    str(out, m->unit);
    cc_out_puts(out, ",\"kind\":");
    str(out, m->kind);
    key_name(out, ",\"qualifier\":", cc_qualifier_name((cc_qualifier)m->qualifier));
    if (m->change != CC_CHANGE_NONE) {
        key_name(out, ",\"change\":", m->change == CC_CHANGE_UP ? "up" : "down");
    }
    cc_out_puts(out, ",\"text\":");
    span_text(out, a, m->span);
    cc_out_putc(out, ',');
    write_span_pair(out, m->span);
    cc_out_putc(out, '}');
}

static void write_claim(cc_out *out, const cc_cluster *c, const cc_article *a, cc_str id, const cc_claim *cl)
{
    const cc_amount *m = cl->amount < a->amounts.n ? &a->amounts.v[cl->amount] : NULL;
    cc_out_puts(out, "{\"doc\":");
    put_id(out, id);
    key_name(out, ",\"category\":", cc_category_name((cc_category)cl->category));
    cc_out_puts(out, ",\"value\":");
    if (m && m->vague.len) {
        cc_out_puts(out, "null"); /* a vague amount's range is in amounts, not its claimed value */
    } else if (m && m->has_value && !m->is_range) {
        cc_out_number(out, m->value);
    } else if (m && m->is_range) {
        cc_out_number(out, m->low);
        cc_out_puts(out, ",\"low\":");
        cc_out_number(out, m->low);
        cc_out_puts(out, ",\"high\":");
        cc_out_number(out, m->high);
    } else {
        cc_out_puts(out, "null");
    }
    cc_out_puts(out, ",\"vague\":");
    str(out, m ? m->vague : cc_str_of("", 0));
    /* a vague amount's range is stated as such; as a claim about people it is vague */
    key_name(out, ",\"qualifier\":",
         cc_qualifier_name(m && m->vague.len ? CC_Q_VAGUE : m ? (cc_qualifier)m->qualifier : CC_Q_EXACT));
    cc_out_puts(out, ",\"who\":");
    str(out, cl->who);
    cc_out_puts(out, ",\"where\":");
    str(out, cl->where);
    cc_out_puts(out, ",\"when\":");
    str(out, cl->when);
    cc_out_puts(out, ",\"when_from\":");
    write_date(out, cl->when_resolved.y0, cl->when_resolved.m0, cl->when_resolved.d0);
    cc_out_puts(out, ",\"when_to\":");
    write_date(out, cl->when_resolved.y1, cl->when_resolved.m1, cl->when_resolved.d1);
    cc_out_puts(out, ",\"source\":");
    str(out, cl->source);
    key_bool(out, ",\"hypothetical\":", cl->flags & CC_CF_HYPOTHETICAL);
    key_bool(out, ",\"negated\":", cl->flags & CC_CF_NEGATED);
    key_bool(out, ",\"in_quote\":", cl->flags & CC_CF_IN_QUOTE);
    cc_out_puts(out, ",\"text\":");
    span_text(out, a, cl->span);
    cc_out_putc(out, ',');
    write_span_pair(out, cl->span);
    cc_out_puts(out, ",\"group\":");
    if (cl->group >= 0 && (size_t)cl->group < c->groups.n) {
        ref_id(out, 'g', (size_t)cl->group);
    } else {
        cc_out_puts(out, "null");
    }
    cc_out_putc(out, '}');
}

static void write_quote(cc_out *out, const cc_article *a, cc_str id, const cc_quote *q)
{
    cc_out_puts(out, "{\"doc\":");
    put_id(out, id);
    cc_out_puts(out, ",\"text\":");
    str(out, cc_quote_text(a, q));
    cc_out_puts(out, ",\"speaker\":");
    str(out, q->speaker);
    cc_out_puts(out, ",\"role\":");
    str(out, q->role);
    key_bool(out, ",\"partial\":", q->partial);
    key_bool(out, ",\"continues\":", q->continues);
    cc_out_putc(out, ',');
    write_span_pair(out, q->span);
    cc_out_puts(out, ",\"merged\":");
    if (q->merged >= 0) {
        ref_id(out, 'q', (size_t)q->merged);
    } else {
        cc_out_puts(out, "null");
    }
    cc_out_putc(out, '}');
}

static void write_mention(cc_out *out, const cc_cluster *c, const cc_article *a, cc_str id, const cc_mention *m)
{
    cc_out_puts(out, "{\"doc\":");
    put_id(out, id);
    key_name(out, ",\"type\":", cc_entity_type_name((cc_entity_type)m->type));
    cc_out_puts(out, ",\"text\":");
    span_text(out, a, m->span);
    cc_out_puts(out, ",\"entity\":");
    if (m->entity >= 0 && (size_t)m->entity < c->entities.n) {
        ref_id(out, 'e', (size_t)m->entity);
    } else {
        cc_out_puts(out, "null");
    }
    cc_out_putc(out, ',');
    write_span_pair(out, m->span);
    cc_out_putc(out, '}');
}

static void write_group(cc_out *out, const cc_cluster *c, const cc_str *ids, size_t gi)
{
    const cc_group *g = &c->groups.v[gi];
    cc_out_puts(out, "{\"id\":");
    ref_id(out, 'g', gi);
    cc_out_puts(out, ",\"label\":");
    str(out, g->label);
    key_name(out, ",\"category\":", cc_category_name((cc_category)g->category));
    key_name(out, ",\"verdict\":", cc_verdict_name((cc_verdict)g->verdict));
    cc_out_puts(out, ",\"low\":");
    cc_out_number(out, g->low);
    cc_out_puts(out, ",\"high\":");
    cc_out_number(out, g->high);
    cc_out_puts(out, ",\"reason\":");
    str(out, g->reason);
    cc_out_puts(out, ",\"members\":[");
    for (size_t i = 0; i < g->members.n; i++) {
        const cc_claim_ref *r = &g->members.v[i];
        cc_out_puts(out, i ? ",{\"doc\":" : "{\"doc\":");
        put_id(out, ids[r->article]);
        cc_out_puts(out, ",\"claim\":");
        cc_out_uint(out, r->claim);
        cc_out_puts(out, ",\"figure_low\":");
        cc_out_number(out, r->figure_low);
        cc_out_puts(out, ",\"figure_high\":");
        cc_out_number(out, r->figure_high);
        cc_out_puts(out, ",\"low\":");
        cc_out_number(out, r->low);
        cc_out_puts(out, ",\"high\":");
        cc_out_number(out, r->high);
        cc_out_puts(out, ",\"repeat_of\":");
        if (r->repeat_of >= 0) {
            cc_out_uint(out, (unsigned)r->repeat_of);
        } else {
            cc_out_puts(out, "null");
        }
        cc_out_putc(out, '}');
    }
    cc_out_puts(out, "],\"evidence\":");
    cc_out_uint(out, g->evidence);
    cc_out_putc(out, '}');
}

static void write_merged_quote(cc_out *out, const cc_cluster *c, const cc_str *ids, size_t mi)
{
    const cc_merged_quote *m = &c->merged_quotes.v[mi];
    cc_out_puts(out, "{\"id\":");
    ref_id(out, 'q', mi);
    cc_out_puts(out, ",\"speaker\":");
    str(out, m->speaker);
    cc_out_puts(out, ",\"members\":[");
    for (size_t i = 0; i < m->members.n; i++) {
        cc_out_puts(out, i ? ",{\"doc\":" : "{\"doc\":");
        put_id(out, ids[m->members.v[i].article]);
        cc_out_puts(out, ",\"quote\":");
        cc_out_uint(out, m->members.v[i].quote);
        cc_out_putc(out, '}');
    }
    cc_out_puts(out, "]}");
}

static void write_summary(cc_out *out, const cc_cluster *c, const cc_str *ids)
{
    for (size_t i = 0; i < c->summary.n; i++) {
        const cc_summary_sentence *s = &c->summary.v[i];
        const cc_article *a = c->articles.v[s->article];
        cc_out_puts(out, i ? ",{\"text\":" : "{\"text\":");
        span_text(out, a, s->span);
        cc_out_puts(out, ",\"docs\":[");
        for (size_t k = 0; k < s->articles.n; k++) {
            if (k) {
                cc_out_putc(out, ',');
            }
            put_id(out, ids[s->articles.v[k]]);
        }
        cc_out_puts(out, "],\"doc\":");
        put_id(out, ids[s->article]);
        cc_out_putc(out, ',');
        write_span_pair(out, s->span);
        cc_out_putc(out, '}');
    }
}

static void write_report(cc_out *out, const cc_cluster *c, const cc_str *ids)
{
    cc_out_puts(out, "{\"crosscheck\":\"" CC_VERSION "\",\n\"documents\":[");
    for (size_t i = 0; i < c->articles.n; i++) {
        cc_out_puts(out, i ? ",\n" : "\n");
        write_document(out, c->articles.v[i], ids[i]);
    }
    int first = 1;
    cc_out_puts(out, "],\n\"claims\":[");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->claims.n; k++) {
            comma(out, &first);
            cc_out_putc(out, '\n');
            write_claim(out, c, a, ids[i], &a->claims.v[k]);
        }
    }
    first = 1;
    cc_out_puts(out, "],\n\"quotes\":[");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->quotes.n; k++) {
            comma(out, &first);
            cc_out_putc(out, '\n');
            write_quote(out, a, ids[i], &a->quotes.v[k]);
        }
    }
    first = 1;
    cc_out_puts(out, "],\n\"amounts\":[");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->amounts.n; k++) {
            comma(out, &first);
            cc_out_putc(out, '\n');
            write_amount(out, a, ids[i], &a->amounts.v[k]);
        }
    }
    cc_out_puts(out, "],\n\"entities\":[");
    for (size_t i = 0; i < c->entities.n; i++) {
        const cc_entity *e = &c->entities.v[i];
        cc_out_puts(out, i ? ",\n{\"id\":" : "\n{\"id\":");
        ref_id(out, 'e', i);
        cc_out_puts(out, ",\"name\":");
        str(out, e->name);
        key_name(out, ",\"type\":", cc_entity_type_name((cc_entity_type)e->type));
        cc_out_puts(out, ",\"mentions\":");
        cc_out_uint(out, e->mentions);
        cc_out_puts(out, ",\"articles\":");
        cc_out_uint(out, e->articles);
        cc_out_putc(out, '}');
    }
    first = 1;
    cc_out_puts(out, "],\n\"mentions\":[");
    for (size_t i = 0; i < c->articles.n; i++) {
        const cc_article *a = c->articles.v[i];
        for (size_t k = 0; k < a->mentions.n; k++) {
            comma(out, &first);
            cc_out_putc(out, '\n');
            write_mention(out, c, a, ids[i], &a->mentions.v[k]);
        }
    }
    cc_out_puts(out, "],\n\"groups\":[");
    for (size_t i = 0; i < c->groups.n; i++) {
        cc_out_puts(out, i ? ",\n" : "\n");
        write_group(out, c, ids, i);
    }
    cc_out_puts(out, "],\n\"merged_quotes\":[");
    for (size_t i = 0; i < c->merged_quotes.n; i++) {
        cc_out_puts(out, i ? ",\n" : "\n");
        write_merged_quote(out, c, ids, i);
    }
    cc_out_puts(out, "],\n\"summary\":[");
    write_summary(out, c, ids);
    cc_out_puts(out, "]}\n");
}

/* The report goes out through a buffer of its own: it is a great many short pieces, and stdio's cost
 * per call came to more than their bytes. */
/* Each article's id as a JSON string, in arena. */
static cc_str *quoted_ids(const cc_cluster *c, cc_arena *arena)
{
    cc_str *ids = cc_arena_alloc(arena, (c->articles.n + 1) * sizeof *ids);
    for (size_t i = 0; i < c->articles.n; i++) {
        const char *id = c->articles.v[i]->id;
        size_t len = strlen(id);
        char *p = cc_arena_alloc(arena, 6 * len + 2);
        ids[i] = cc_str_of(p, cc_json_quoted(p, id, len));
    }
    return ids;
}

void cc_render_json(const cc_cluster *c, FILE *file)
{
    cc_out out;
    cc_arena arena = { 0 };
    cc_out_start(&out, file);
    write_report(&out, c, quoted_ids(c, &arena));
    cc_out_flush(&out);
    cc_arena_free(&arena);
}

void cc_render_json_summary(const cc_cluster *c, FILE *file)
{
    cc_out out;
    cc_arena arena = { 0 };
    cc_out_start(&out, file);
    cc_out_puts(&out, "{\"crosscheck\":\"" CC_VERSION "\",\n\"summary\":[");
    write_summary(&out, c, quoted_ids(c, &arena));
    cc_out_puts(&out, "]}\n");
    cc_out_flush(&out);
    cc_arena_free(&arena);
}
