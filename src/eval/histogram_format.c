/*
 * histogram_format.c -- text forms of a native histogram: the Prometheus HTTP API JSON object
 * (util/jsonutil MarshalHistogram) and the promqltest series notation
 * (FloatHistogram.TestExpression), with floats printed exactly as Go's strconv does (util/gofmt),
 * so our output is byte-identical to Prometheus's.
 */
#include "eval/histogram.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/gofmt.h"

char *pq_format_go_float(char *buf, size_t len, double v, char fmt)
{
    pq_go_format_float_buf(buf, len, v, fmt);
    return buf;
}

/* jsonutil.MarshalFloat: 'f' format except for tiny or huge magnitudes, in quotes. */
static void json_float(pq_strbuf *out, double v)
{
    char buf[PQ_GO_FLOAT_MAX];
    pq_strbuf_putc(out, '"');
    pq_strbuf_append(out, buf, pq_go_format_sample_value(buf, sizeof buf, v));
    pq_strbuf_putc(out, '"');
}

void pq_hist_format_json(pq_strbuf *out, const promql_histogram *h)
{
    pq_strbuf_puts(out, "{\"count\":");
    json_float(out, h->count);
    pq_strbuf_puts(out, ",\"sum\":");
    json_float(out, h->sum);
    if (pq_hist_validate(h) != PQ_HIST_OK) {
        pq_strbuf_putc(out, '}');
        return;
    }
    bool found = false;
    pq_hist_iter it;
    pq_hist_bucket b;
    pq_hist_iter_init(&it, h, false);
    while (pq_hist_iter_next(&it, &b)) {
        if (b.count == 0)
            continue;
        pq_strbuf_puts(out, found ? "," : ",\"buckets\":[");
        found = true;
        int rule = 2;
        if (b.lower_inclusive)
            rule = b.upper_inclusive ? 3 : 1;
        else if (b.upper_inclusive)
            rule = 0;
        pq_strbuf_printf(out, "[%d,", rule);
        json_float(out, b.lower);
        pq_strbuf_putc(out, ',');
        json_float(out, b.upper);
        pq_strbuf_putc(out, ',');
        json_float(out, b.count);
        pq_strbuf_putc(out, ']');
    }
    if (found)
        pq_strbuf_putc(out, ']');
    pq_strbuf_putc(out, '}');
}

static void put_g(pq_strbuf *out, const char *prefix, double v)
{
    char buf[400];
    pq_strbuf_puts(out, prefix);
    pq_strbuf_puts(out, pq_format_go_float(buf, sizeof buf, v, 'g'));
}

/* One side as "offset:N buckets:[...]" (names given); nothing for an empty side. */
static void test_expr_side(pq_strbuf *out, bool *first, const char *offset_key,
                           const char *buckets_key, const promql_span *spans, size_t nspans,
                           const double *buckets, size_t nbuckets)
{
    if (nspans == 1 && spans[0].offset != 0) {
        pq_strbuf_printf(out, "%s%s:%d", *first ? "" : " ", offset_key, (int)spans[0].offset);
        *first = false;
    }
    if (nbuckets == 0)
        return;
    pq_strbuf_printf(out, "%s%s:[", *first ? "" : " ", buckets_key);
    *first = false;
    for (size_t i = 0; i < nbuckets; i++)
        put_g(out, i ? " " : "", buckets[i]);
    pq_strbuf_putc(out, ']');
}

pq_hist_status pq_hist_format_test_expr(pq_strbuf *out, pq_arena *a, const promql_histogram *h)
{
    promql_histogram c, m;
    pq_hist_status st = pq_hist_copy(a, h, &c);
    if (st != PQ_HIST_OK)
        return st;
    if ((st = pq_hist_compact(a, &c, 1 << 30, &m)) != PQ_HIST_OK)
        return st;
    pq_strbuf_puts(out, "{{");
    bool first = true;
#define SEP() (first ? (first = false, "") : " ")
    if (m.schema != 0)
        pq_strbuf_printf(out, "%sschema:%d", SEP(), (int)m.schema);
    if (m.count != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "count:", m.count);
    }
    if (m.sum != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "sum:", m.sum);
    }
    if (m.zero_count != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "z_bucket:", m.zero_count);
    }
    if (m.zero_threshold != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "z_bucket_w:", m.zero_threshold);
    }
    if (pq_hist_is_custom(&m)) {
        pq_strbuf_printf(out, "%scustom_values:[", SEP());
        for (size_t i = 0; i < m.custom_value_count; i++)
            put_g(out, i ? " " : "", m.custom_values[i]);
        pq_strbuf_putc(out, ']');
    }
    switch (m.counter_reset_hint) {
    case PROMQL_HINT_COUNTER_RESET:
        pq_strbuf_printf(out, "%scounter_reset_hint:reset", SEP());
        break;
    case PROMQL_HINT_NOT_COUNTER_RESET:
        pq_strbuf_printf(out, "%scounter_reset_hint:not_reset", SEP());
        break;
    case PROMQL_HINT_GAUGE:
        pq_strbuf_printf(out, "%scounter_reset_hint:gauge", SEP());
        break;
    default:
        break;
    }
#undef SEP
    test_expr_side(out, &first, "offset", "buckets", m.positive_spans, m.positive_span_count,
                   m.positive_buckets, m.positive_bucket_count);
    test_expr_side(out, &first, "n_offset", "n_buckets", m.negative_spans, m.negative_span_count,
                   m.negative_buckets, m.negative_bucket_count);
    pq_strbuf_puts(out, "}}");
    return PQ_HIST_OK;
}
