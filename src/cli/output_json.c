/*
 * output_json.c -- Prometheus's HTTP API response body for a query result, byte for byte:
 * field order and no whitespace as jsoniter writes them, vector/matrix values through
 * jsonutil (timestamps from integer milliseconds, values as shortest strings), scalars and
 * strings through encoding/json (a float timestamp, a value without exponent form), stats as
 * util/stats renders them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/jsonstr.h"
#include "cli/numfmt.h"
#include "cli/output.h"
#include "eval/histogram.h"
#include "util/gofmt.h"
#include "util/labels.h"

void pq_cli_json_labels(pq_strbuf *b, promql_labels ls)
{
    pq_strbuf_putc(b, '{');
    for (size_t i = 0; i < ls.count; i++) {
        if (i)
            pq_strbuf_putc(b, ',');
        pq_cli_json_string(b, ls.items[i].name, strlen(ls.items[i].name), false);
        pq_strbuf_putc(b, ':');
        pq_cli_json_string(b, ls.items[i].value, strlen(ls.items[i].value), false);
    }
    pq_strbuf_putc(b, '}');
}

static void put_value(pq_strbuf *b, double f)
{
    char buf[PQ_NUMFMT_MAX];
    pq_strbuf_putc(b, '"');
    pq_strbuf_append(b, buf, pq_go_format_sample_value(buf, PQ_NUMFMT_MAX, f));
    pq_strbuf_putc(b, '"');
}

static void put_ts(pq_strbuf *b, int64_t t)
{
    char buf[PQ_NUMFMT_MAX];
    pq_strbuf_append(b, buf, pq_cli_format_timestamp_ms(buf, t));
}

/* ---- native histograms ------------------------------------------------------------------- */

void pq_cli_json_histogram(pq_strbuf *b, const promql_histogram *h)
{
    /* jsonutil.MarshalHistogram lives with the histogram library, which owns bucket bounds. */
    pq_hist_format_json(b, h);
}

/* ---- results ----------------------------------------------------------------------------- */

static const char *type_name(promql_value_type t)
{
    switch (t) {
    case PROMQL_VALUE_SCALAR: return "scalar";
    case PROMQL_VALUE_STRING: return "string";
    case PROMQL_VALUE_VECTOR: return "vector";
    case PROMQL_VALUE_MATRIX: return "matrix";
    default: return "none";
    }
}

/* One sample as the API writes it: "[<ts>,\"<value>\"]", or "[<ts>,{histogram}]" when f is NULL. */
static void put_point(pq_strbuf *b, int64_t ts, const double *f, const promql_histogram *h)
{
    pq_strbuf_putc(b, '[');
    put_ts(b, ts);
    pq_strbuf_putc(b, ',');
    if (f)
        put_value(b, *f);
    else
        pq_cli_json_histogram(b, h);
    pq_strbuf_putc(b, ']');
}

/* A series' "values" (fv) or "histograms" (hv) list, opened by key. */
static void put_points(pq_strbuf *b, const char *key, size_t n, const int64_t *ts, const double *fv,
                       const promql_histogram *const *hv)
{
    pq_strbuf_puts(b, key);
    for (size_t k = 0; k < n; k++) {
        if (k)
            pq_strbuf_putc(b, ',');
        put_point(b, ts[k], fv ? &fv[k] : NULL, hv ? hv[k] : NULL);
    }
    pq_strbuf_putc(b, ']');
}

static int index_cmp(const void *x, const void *y, void *arg)
{
    const promql_result *res = arg;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = pq_labels_compare(promql_result_series_labels(res, i), promql_result_series_labels(res, j));
    return c ? c : (i < j ? -1 : i > j);
}

/* Series order of a matrix: by labels, as Prometheus sorts range results. The engine already
 * delivers them so; this only guards the output when it does not. */
static size_t *matrix_order(const promql_result *res, size_t n)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return NULL;
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        idx[i] = i;
        if (i && pq_labels_compare(promql_result_series_labels(res, i - 1), promql_result_series_labels(res, i)) > 0)
            sorted = false;
    }
    if (!sorted)
        qsort_r(idx, n, sizeof *idx, index_cmp, (void *)res);
    return idx;
}

/* A vector's or (range) a matrix's series: "metric", then "value"/"histogram" (the first
 * sample) or "values"/"histograms" (all of them); a matrix in label order. */
static void put_series_list(pq_strbuf *b, const promql_result *res, bool range)
{
    size_t n = promql_result_series_count(res);
    size_t *order = range ? matrix_order(res, n) : NULL;
    pq_strbuf_putc(b, '[');
    for (size_t pos = 0; pos < n; pos++) {
        size_t i = order ? order[pos] : pos;
        if (pos)
            pq_strbuf_putc(b, ',');
        pq_strbuf_puts(b, "{\"metric\":");
        pq_cli_json_labels(b, promql_result_series_labels(res, i));
        const int64_t *ft, *ht;
        const double *fv;
        const promql_histogram *const *hv;
        size_t nf = promql_result_series_floats(res, i, &ft, &fv);
        size_t nh = promql_result_series_histograms(res, i, &ht, &hv);
        if (range) {
            if (nf)
                put_points(b, ",\"values\":[", nf, ft, fv, NULL);
            if (nh)
                put_points(b, ",\"histograms\":[", nh, ht, NULL, hv);
        } else if (nh && !nf) {
            pq_strbuf_puts(b, ",\"histogram\":");
            put_point(b, ht[0], NULL, hv[0]);
        } else {
            double v = nf ? fv[0] : 0;
            pq_strbuf_puts(b, ",\"value\":");
            put_point(b, nf ? ft[0] : 0, &v, NULL);
        }
        pq_strbuf_putc(b, '}');
    }
    pq_strbuf_putc(b, ']');
    free(order);
}

/* encoding/json's float64 (a bare number); NaN/Inf cannot occur for times and durations. */
static void put_json_number(pq_strbuf *b, double f)
{
    char buf[PQ_NUMFMT_MAX];
    if (!isfinite(f))
        f = 0;
    pq_strbuf_append(b, buf, pq_go_format_json_float(buf, PQ_NUMFMT_MAX, f));
}

/* A duration as time.Duration.Seconds() renders it: whole nanoseconds, seconds + ns/1e9. */
static double go_seconds(double secs)
{
    if (!(secs > 0) || secs > 9e9)
        return 0;
    long long ns = llround(secs * 1e9);
    return (double)(ns / 1000000000LL) + (double)(ns % 1000000000LL) / 1e9;
}

static void put_stats(pq_strbuf *b, const promql_query_stats *s)
{
    double total = go_seconds(s ? s->total_seconds : 0), inner = go_seconds(s ? s->eval_seconds : 0);
    double parse = go_seconds(s ? s->parse_seconds : 0);
    double eval_total = go_seconds(total - parse);
    double prep = go_seconds(eval_total - inner);
    pq_strbuf_puts(b, ",\"stats\":{\"timings\":{\"evalTotalTime\":");
    put_json_number(b, eval_total);
    pq_strbuf_puts(b, ",\"resultSortTime\":0,\"queryPreparationTime\":");
    put_json_number(b, prep);
    pq_strbuf_puts(b, ",\"innerEvalTime\":");
    put_json_number(b, inner);
    pq_strbuf_puts(b, ",\"execQueueTime\":0,\"execTotalTime\":");
    put_json_number(b, total);
    pq_strbuf_printf(b, "},\"samples\":{\"totalQueryableSamples\":%lld,\"samplesRead\":%lld,\"peakSamples\":%lld}}",
                     (long long)(s ? s->total_samples : 0), (long long)(s ? s->total_samples : 0),
                     (long long)(s ? s->peak_samples : 0));
}

static void put_annotations(pq_strbuf *b, const promql_result *res, promql_annotation_kind want, const char *field)
{
    /* AsStrings(query, 10, 10): at most ten of each kind, then a count of the rest. */
    size_t n = promql_result_annotation_count(res), shown = 0, skipped = 0;
    for (size_t i = 0; i < n; i++) {
        promql_annotation_kind kind = PROMQL_ANNOTATION_WARNING;
        const char *text = promql_result_annotation(res, i, &kind);
        if (!text || kind != want)
            continue;
        if (shown == 10) {
            skipped++;
            continue;
        }
        pq_strbuf_puts(b, shown ? "," : field);
        pq_cli_json_string(b, text, strlen(text), false);
        shown++;
    }
    if (skipped) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu more %s annotations omitted", skipped, want == PROMQL_ANNOTATION_INFO ? "info" : "warning");
        pq_strbuf_putc(b, ',');
        pq_cli_json_string(b, msg, strlen(msg), false);
    }
    if (shown)
        pq_strbuf_putc(b, ']');
}

void pq_cli_json_success(pq_strbuf *b, const promql_result *res, bool stats)
{
    promql_value_type t = promql_result_type(res);
    pq_strbuf_puts(b, "{\"status\":\"success\",\"data\":{\"resultType\":\"");
    pq_strbuf_puts(b, type_name(t));
    pq_strbuf_puts(b, "\",\"result\":");
    char buf[PQ_NUMFMT_MAX];
    switch (t) {
    case PROMQL_VALUE_SCALAR: {
        int64_t ts = 0;
        double v = promql_result_scalar(res, &ts);
        pq_strbuf_putc(b, '[');
        put_json_number(b, (double)ts / 1000);
        pq_strbuf_puts(b, ",\"");
        pq_strbuf_append(b, buf, pq_go_format_float_buf(buf, sizeof buf, v, 'f'));
        pq_strbuf_puts(b, "\"]");
        break;
    }
    case PROMQL_VALUE_STRING: {
        int64_t ts = 0;
        const char *s = promql_result_string(res, &ts);
        pq_strbuf_putc(b, '[');
        put_json_number(b, (double)ts / 1000);
        pq_strbuf_putc(b, ',');
        pq_cli_json_string(b, s ? s : "", s ? strlen(s) : 0, true);
        pq_strbuf_putc(b, ']');
        break;
    }
    case PROMQL_VALUE_VECTOR:
        put_series_list(b, res, false);
        break;
    case PROMQL_VALUE_MATRIX:
        put_series_list(b, res, true);
        break;
    default:
        pq_strbuf_puts(b, "null");
    }
    if (stats)
        put_stats(b, promql_result_stats(res));
    pq_strbuf_putc(b, '}');
    put_annotations(b, res, PROMQL_ANNOTATION_WARNING, ",\"warnings\":[");
    put_annotations(b, res, PROMQL_ANNOTATION_INFO, ",\"infos\":[");
    pq_strbuf_putc(b, '}');
}

void pq_cli_json_error(pq_strbuf *b, const char *error_type, const char *message)
{
    pq_strbuf_puts(b, "{\"status\":\"error\",\"errorType\":");
    pq_cli_json_string(b, error_type, strlen(error_type), false);
    pq_strbuf_puts(b, ",\"error\":");
    pq_cli_json_string(b, message, strlen(message), false);
    pq_strbuf_putc(b, '}');
}
