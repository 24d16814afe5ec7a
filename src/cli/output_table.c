/*
 * output_table.c -- a query result as an aligned table for people: one row per series (an
 * instant vector), one row per point (a range result, grouped by series), the annotations
 * below, and the stats when asked for. Values use the same shortest formatting as the JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/numfmt.h"
#include "cli/output.h"

/* metric{a="b", c="d"}, the way PromQL writes a series. */
static char *series_name(promql_labels ls)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    const char *name = NULL;
    for (size_t i = 0; i < ls.count; i++)
        if (strcmp(ls.items[i].name, "__name__") == 0)
            name = ls.items[i].value;
    if (name)
        pq_strbuf_puts(&b, name);
    size_t shown = 0;
    for (size_t i = 0; i < ls.count; i++) {
        if (strcmp(ls.items[i].name, "__name__") == 0)
            continue;
        pq_strbuf_puts(&b, shown++ ? ", " : "{");
        pq_strbuf_printf(&b, "%s=\"", ls.items[i].name);
        for (const char *p = ls.items[i].value; *p; p++) {
            if (*p == '"' || *p == '\\')
                pq_strbuf_putc(&b, '\\');
            if (*p == '\n')
                pq_strbuf_puts(&b, "\\n");
            else
                pq_strbuf_putc(&b, *p);
        }
        pq_strbuf_putc(&b, '"');
    }
    if (shown)
        pq_strbuf_putc(&b, '}');
    else if (!name)
        pq_strbuf_puts(&b, "{}");
    return pq_strbuf_finish(&b);
}

static const char *fmt_hist(char *buf, size_t len, const promql_histogram *h)
{
    char c[PQ_NUMFMT_MAX], s[PQ_NUMFMT_MAX];
    pq_go_format_sample_value(c, PQ_NUMFMT_MAX, h->count);
    pq_go_format_sample_value(s, PQ_NUMFMT_MAX, h->sum);
    snprintf(buf, len, "histogram{count=%s, sum=%s}", c, s);
    return buf;
}

void pq_cli_table_result(FILE *out, const promql_result *res, bool stats)
{
    char vb[PQ_NUMFMT_MAX], tb[PQ_NUMFMT_MAX], hb[2 * PQ_NUMFMT_MAX + 64];
    promql_value_type t = promql_result_type(res);
    int64_t ts = 0;
    if (t == PROMQL_VALUE_SCALAR) {
        double v = promql_result_scalar(res, &ts);
        pq_go_format_sample_value(vb, PQ_NUMFMT_MAX, v);
        pq_cli_format_timestamp_ms(tb, ts);
        fprintf(out, "scalar  %s  @ %s\n", vb, tb);
    } else if (t == PROMQL_VALUE_STRING) {
        const char *s = promql_result_string(res, &ts);
        pq_cli_format_timestamp_ms(tb, ts);
        fprintf(out, "string  \"%s\"  @ %s\n", s ? s : "", tb);
    } else if (t == PROMQL_VALUE_VECTOR || t == PROMQL_VALUE_MATRIX) {
        size_t n = promql_result_series_count(res);
        char **names = calloc(n ? n : 1, sizeof *names);
        size_t width = 6;
        for (size_t i = 0; names && i < n; i++) {
            names[i] = series_name(promql_result_series_labels(res, i));
            if (names[i] && strlen(names[i]) > width)
                width = strlen(names[i]);
        }
        if (width > 120)
            width = 120;
        if (n == 0)
            fprintf(out, "(empty %s)\n", t == PROMQL_VALUE_VECTOR ? "vector" : "matrix");
        else if (t == PROMQL_VALUE_VECTOR)
            fprintf(out, "%-*s  %-24s  %s\n", (int)width, "SERIES", "VALUE", "TIMESTAMP");
        else
            fprintf(out, "%-*s  %-16s  %s\n", (int)width, "SERIES", "TIMESTAMP", "VALUE");
        for (size_t i = 0; names && i < n; i++) {
            const char *name = names[i] ? names[i] : "?";
            const int64_t *ft, *ht;
            const double *fv;
            const promql_histogram *const *hv;
            size_t nf = promql_result_series_floats(res, i, &ft, &fv);
            size_t nh = promql_result_series_histograms(res, i, &ht, &hv);
            if (t == PROMQL_VALUE_VECTOR) {
                if (nf) {
                    pq_go_format_sample_value(vb, PQ_NUMFMT_MAX, fv[0]);
                    pq_cli_format_timestamp_ms(tb, ft[0]);
                    fprintf(out, "%-*s  %-24s  %s\n", (int)width, name, vb, tb);
                } else if (nh) {
                    pq_cli_format_timestamp_ms(tb, ht[0]);
                    fprintf(out, "%-*s  %-24s  %s\n", (int)width, name, fmt_hist(hb, sizeof hb, hv[0]), tb);
                }
                continue;
            }
            size_t fi = 0, hi = 0;
            bool first = true;
            while (fi < nf || hi < nh) {
                bool take_f = hi >= nh || (fi < nf && ft[fi] <= ht[hi]);
                pq_cli_format_timestamp_ms(tb, take_f ? ft[fi] : ht[hi]);
                const char *val = take_f ? (pq_go_format_sample_value(vb, PQ_NUMFMT_MAX, fv[fi]), vb) : fmt_hist(hb, sizeof hb, hv[hi]);
                fprintf(out, "%-*s  %-16s  %s\n", (int)width, first ? name : "", tb, val);
                first = false;
                if (take_f)
                    fi++;
                else
                    hi++;
            }
        }
        for (size_t i = 0; names && i < n; i++)
            free(names[i]);
        free(names);
    }
    size_t na = promql_result_annotation_count(res);
    for (size_t i = 0; i < na; i++) {
        promql_annotation_kind kind = PROMQL_ANNOTATION_WARNING;
        const char *text = promql_result_annotation(res, i, &kind);
        if (text)
            fprintf(out, "%s: %s\n", kind == PROMQL_ANNOTATION_INFO ? "info" : "warning", text);
    }
    if (stats) {
        const promql_query_stats *s = promql_result_stats(res);
        if (s)
            fprintf(out, "stats: %lld samples, peak %lld, parse %.6fs, eval %.6fs, total %.6fs\n",
                    (long long)s->total_samples, (long long)s->peak_samples, s->parse_seconds, s->eval_seconds,
                    s->total_seconds);
    }
}
