/*
 * pqt_check.c -- the promqltest runner's judgement of one query result, as test.go's
 * compareResult / checkAnnotations / checkExpectedFailure: series matched by label set, floats
 * almost-equal within a relative 1e-6 (util/almost), NaN equal to NaN, StaleNaN only to itself,
 * native histograms compared after dropping empty buckets, and the texts of the failures kept
 * close to the Go runner's so a failure reads the same in both.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/jsonstr.h"
#include "cli/numfmt.h"
#include "cli/pqt_internal.h"
#include "util/labels.h"
#include "util/gofmt.h"
#include "eval/histogram.h"
#include "util/strbuf.h"

#define PQT_EPSILON 0.000001

static bool is_stale(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b == PROMQL_STALE_NAN_BITS;
}

bool pqt_almost_equal(double a, double b)
{
    if (is_stale(a) || is_stale(b))
        return is_stale(a) && is_stale(b);
    if (isnan(a) && isnan(b))
        return true;
    if (a == b)
        return true;
    const double min_normal = 2.2250738585072014e-308;
    double abs_sum = fabs(a) + fabs(b);
    double diff = fabs(a - b);
    if (a == 0 || b == 0 || abs_sum < min_normal)
        return diff < PQT_EPSILON * min_normal;
    return diff / fmin(abs_sum, 1.7976931348623157e308) < PQT_EPSILON;
}

/* ---- regexes ------------------------------------------------------------------------------ */

static void free_code(void *p)
{
    pcre2_code_free((pcre2_code *)p);
}

pcre2_code *pqt_regex_compile(pq_arena *a, const char *pattern, size_t len, bool bytes)
{
    int errcode;
    PCRE2_SIZE erroff;
    /* Go's regexp: '$' only at the very end (no final-newline exception). */
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, (bytes ? 0 : PCRE2_UTF) | PCRE2_DOLLAR_ENDONLY, &errcode,
                                   &erroff, NULL);
    if (!re)
        return NULL;
    if (pq_arena_defer(a, free_code, re) != 0)
        return NULL;   /* already freed by the arena */
    return re;
}

/* Go's regexp reads each byte of invalid UTF-8 as U+FFFD, which '.' matches: the subject is
 * given to PCRE2 with those bytes replaced, so it matches the same way. */
static bool regex_search(const pcre2_code *re, const char *s)
{
    size_t len = strlen(s);
    pq_strbuf b;
    pq_strbuf_init(&b);
    for (size_t i = 0; i < len;) {
        size_t n;
        if (pq_cli_utf8_decode((const unsigned char *)s + i, len - i, &n) < 0) {
            pq_strbuf_puts(&b, "\xef\xbf\xbd");
            i++;
        } else {
            pq_strbuf_append(&b, s + i, n);
            i += n;
        }
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md || b.oom) {
        pcre2_match_data_free(md);
        pq_strbuf_free(&b);
        return false;
    }
    int rc = pcre2_match(re, (PCRE2_SPTR)(b.data ? b.data : ""), b.len, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    pq_strbuf_free(&b);
    return rc >= 0;
}

bool pqt_expect_matches(const pqt_expect *e, const char *s)
{
    if (!e->re)
        return strcmp(e->message ? e->message : "", s) == 0;
    return regex_search(e->re, s);
}

bool pqt_is_ordered(const pqt_eval *ev)
{
    return ev->ordered || ev->nexpects[PQT_EXPECT_ORDERED] > 0;
}

bool pqt_is_fail(const pqt_eval *ev)
{
    return ev->fail || ev->nexpects[PQT_EXPECT_FAIL] > 0;
}

/* ---- printing labels, values, histograms as the Go runner does ----------------------------- */

/* Go's strconv.Quote is pq_go_quote (util/gofmt.h): messages quote exactly as the Go runner. */
static void go_quote(pq_strbuf *b, const char *s)
{
    pq_go_quote(b, s, strlen(s));
}

static void put_labels(pq_strbuf *b, promql_labels ls)
{
    pq_strbuf_putc(b, '{');
    for (size_t i = 0; i < ls.count; i++) {
        if (i)
            pq_strbuf_puts(b, ", ");
        if (pq_is_legacy_label_name(ls.items[i].name, strlen(ls.items[i].name)))
            pq_strbuf_puts(b, ls.items[i].name);
        else
            go_quote(b, ls.items[i].name);
        pq_strbuf_putc(b, '=');
        go_quote(b, ls.items[i].value);
    }
    pq_strbuf_putc(b, '}');
}

static const char *finish(pq_arena *a, pq_strbuf *b)
{
    char *s = pq_strbuf_finish(b);
    if (!s)
        return "(out of memory)";
    char *r = pq_arena_strdup(a, s);
    free(s);
    return r ? r : "(out of memory)";
}

const char *pqt_labels_string(pq_arena *a, promql_labels ls)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    put_labels(&b, ls);
    return finish(a, &b);
}

static void put_v(pq_strbuf *b, double f)
{
    char buf[PQ_NUMFMT_MAX];
    if (is_stale(f)) {
        pq_strbuf_puts(b, "stale");
        return;
    }
    pq_go_format_float_buf(buf, sizeof buf, f, 'g');
    pq_strbuf_puts(b, buf);
}

static void put_histogram(pq_strbuf *b, const promql_histogram *h)
{
    /* FloatHistogram.TestExpression, from the histogram library; a malformed histogram (which
     * it refuses) still gets a readable summary. */
    pq_arena a;
    pq_arena_init(&a, 0);
    if (pq_hist_format_test_expr(b, &a, h) != PQ_HIST_OK) {
        pq_strbuf_puts(b, "{{invalid histogram count:");
        put_v(b, h->count);
        pq_strbuf_puts(b, " sum:");
        put_v(b, h->sum);
        pq_strbuf_puts(b, "}}");
    }
    pq_arena_free(&a);
}

const char *pqt_histogram_string(pq_arena *a, const promql_histogram *h)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    put_histogram(&b, h);
    return finish(a, &b);
}

static void put_point(pq_strbuf *b, const pq_point *p)
{
    switch (p->kind) {
    case PQ_POINT_FLOAT: put_v(b, p->value); break;
    case PQ_POINT_HISTOGRAM: put_histogram(b, p->hist); break;
    case PQ_POINT_MISSING: pq_strbuf_putc(b, '_'); break;
    case PQ_POINT_STALE: pq_strbuf_puts(b, "stale"); break;
    }
}

#define DESCRIBE_MAX_SERIES 50
#define DESCRIBE_MAX_POINTS 30

const char *pqt_describe_expected(const pqt_eval *ev)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    if (ev->expect_scalar && ev->nseries > 0 && ev->series[0].nvals > 0) {
        pq_strbuf_puts(&b, "scalar ");
        put_point(&b, &ev->series[0].vals[0]);
    } else if (ev->expected_string_len || ev->exclude_from_range) {
        if (ev->expected_string)
            go_quote(&b, ev->expected_string);
    }
    if (!ev->expect_scalar) {
        if (ev->nseries == 0 && !ev->expected_string_len)
            pq_strbuf_puts(&b, "(no series)");
        for (size_t i = 0; i < ev->nseries && i < DESCRIBE_MAX_SERIES; i++) {
            const pqt_expected_series *s = &ev->series[i];
            if (i)
                pq_strbuf_putc(&b, '\n');
            put_labels(&b, s->labels);
            for (size_t k = 0; k < s->nvals && k < DESCRIBE_MAX_POINTS; k++) {
                pq_strbuf_putc(&b, ' ');
                put_point(&b, &s->vals[k]);
            }
            if (s->nvals > DESCRIBE_MAX_POINTS)
                pq_strbuf_puts(&b, " ...");
        }
        if (ev->nseries > DESCRIBE_MAX_SERIES)
            pq_strbuf_printf(&b, "\n... %zu more series", ev->nseries - DESCRIBE_MAX_SERIES);
    }
    return finish(ev->arena, &b);
}

const char *pqt_describe_value(pq_arena *a, const pqt_value *v)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    switch (v->type) {
    case PROMQL_VALUE_SCALAR:
        pq_strbuf_puts(&b, "scalar ");
        put_v(&b, v->scalar);
        break;
    case PROMQL_VALUE_STRING:
        pq_strbuf_puts(&b, "string ");
        go_quote(&b, v->str ? v->str : "");
        break;
    case PROMQL_VALUE_VECTOR:
    case PROMQL_VALUE_MATRIX:
        if (v->n == 0)
            pq_strbuf_printf(&b, "(empty %s)", v->type == PROMQL_VALUE_VECTOR ? "vector" : "matrix");
        for (size_t i = 0; i < v->n && i < DESCRIBE_MAX_SERIES; i++) {
            const pqt_rseries *s = &v->series[i];
            if (i)
                pq_strbuf_putc(&b, '\n');
            put_labels(&b, s->labels);
            for (size_t k = 0; k < s->nf && k < DESCRIBE_MAX_POINTS; k++) {
                pq_strbuf_putc(&b, ' ');
                put_v(&b, s->fv[k]);
                if (v->type == PROMQL_VALUE_MATRIX)
                    pq_strbuf_printf(&b, " @[%lld]", (long long)s->ft[k]);
            }
            for (size_t k = 0; k < s->nh && k < DESCRIBE_MAX_POINTS; k++) {
                pq_strbuf_putc(&b, ' ');
                put_histogram(&b, s->hv[k]);
                if (v->type == PROMQL_VALUE_MATRIX)
                    pq_strbuf_printf(&b, " @[%lld]", (long long)s->ht[k]);
            }
            if (s->nf > DESCRIBE_MAX_POINTS || s->nh > DESCRIBE_MAX_POINTS)
                pq_strbuf_puts(&b, " ...");
        }
        if (v->n > DESCRIBE_MAX_SERIES)
            pq_strbuf_printf(&b, "\n... %zu more series", v->n - DESCRIBE_MAX_SERIES);
        break;
    default:
        pq_strbuf_puts(&b, "(no value)");
    }
    return finish(a, &b);
}

/* ---- results ---------------------------------------------------------------------------- */

void pqt_value_from_result(pq_arena *a, const promql_result *res, pqt_value *out)
{
    memset(out, 0, sizeof *out);
    out->type = promql_result_type(res);
    switch (out->type) {
    case PROMQL_VALUE_SCALAR:
        out->scalar = promql_result_scalar(res, &out->t);
        break;
    case PROMQL_VALUE_STRING:
        out->str = promql_result_string(res, &out->t);
        break;
    case PROMQL_VALUE_VECTOR:
    case PROMQL_VALUE_MATRIX: {
        size_t n = promql_result_series_count(res);
        out->series = pq_arena_calloc(a, n ? n : 1, sizeof *out->series);
        if (!out->series)
            return;
        out->n = n;
        for (size_t i = 0; i < n; i++) {
            pqt_rseries *s = &out->series[i];
            s->labels = promql_result_series_labels(res, i);
            s->nf = promql_result_series_floats(res, i, &s->ft, &s->fv);
            s->nh = promql_result_series_histograms(res, i, &s->ht, &s->hv);
        }
        break;
    }
    default:
        break;
    }
}

static const pqt_expected_series *find_expected(const pqt_eval *ev, promql_labels ls)
{
    for (size_t i = 0; i < ev->nseries; i++)
        if (pq_labels_compare(ev->series[i].labels, ls) == 0)
            return &ev->series[i];
    return NULL;
}

/* Non-empty buckets (index, count) of one side, as Compact(0) leaves them. */
typedef struct bucket { int64_t idx; double count; } bucket;

static size_t nonempty_buckets(pq_arena *a, const promql_span *spans, size_t nspans, const double *counts,
                               size_t ncounts, bucket **out)
{
    *out = pq_arena_calloc(a, ncounts ? ncounts : 1, sizeof **out);
    if (!*out)
        return 0;
    size_t n = 0, k = 0;
    int64_t idx = 0;
    for (size_t s = 0; s < nspans && k < ncounts; s++) {
        idx += spans[s].offset;
        for (uint32_t j = 0; j < spans[s].length && k < ncounts; j++, k++, idx++)
            if (counts[k] != 0) {
                (*out)[n].idx = idx;
                (*out)[n].count = counts[k];
                n++;
            }
    }
    return n;
}

static bool buckets_match(pq_arena *a, const promql_span *s1, size_t ns1, const double *b1, size_t nb1,
                          const promql_span *s2, size_t ns2, const double *b2, size_t nb2)
{
    bucket *x, *y;
    size_t nx = nonempty_buckets(a, s1, ns1, b1, nb1, &x);
    size_t ny = nonempty_buckets(a, s2, ns2, b2, nb2, &y);
    if (nx != ny)
        return false;
    for (size_t i = 0; i < nx; i++)
        if (x[i].idx != y[i].idx || !pqt_almost_equal(x[i].count, y[i].count))
            return false;
    return true;
}

/* compareNativeHistogram. The counter reset hint is compared when the expectation wrote one:
 * a hint other than unknown, or unknown written out on the line (hint_written). */
static bool histograms_match(pq_arena *a, const promql_histogram *exp, const promql_histogram *cur, bool hint_written)
{
    if (!exp || !cur)
        return false;
    if (exp->schema != cur->schema || !pqt_almost_equal(exp->count, cur->count) ||
        !pqt_almost_equal(exp->sum, cur->sum))
        return false;
    if (exp->schema == -53) {
        if (exp->custom_value_count != cur->custom_value_count)
            return false;
        for (size_t i = 0; i < exp->custom_value_count; i++)
            if (exp->custom_values[i] != cur->custom_values[i])
                return false;
    }
    if (exp->zero_threshold != cur->zero_threshold || !pqt_almost_equal(exp->zero_count, cur->zero_count))
        return false;
    if (!buckets_match(a, exp->negative_spans, exp->negative_span_count, exp->negative_buckets,
                       exp->negative_bucket_count, cur->negative_spans, cur->negative_span_count,
                       cur->negative_buckets, cur->negative_bucket_count))
        return false;
    if (!buckets_match(a, exp->positive_spans, exp->positive_span_count, exp->positive_buckets,
                       exp->positive_bucket_count, cur->positive_spans, cur->positive_span_count,
                       cur->positive_buckets, cur->positive_bucket_count))
        return false;
    if ((hint_written || exp->counter_reset_hint != PROMQL_HINT_UNKNOWN) &&
        exp->counter_reset_hint != cur->counter_reset_hint)
        return false;
    return true;
}

static const char *fmt_v(pq_arena *a, double f)
{
    char buf[PQ_NUMFMT_MAX];
    if (is_stale(f))
        return "stale";
    pq_go_format_float_buf(buf, sizeof buf, f, 'g');
    return pq_arena_strdup(a, buf);
}

static const char *point_string(pq_arena *a, const pq_point *p)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    put_point(&b, p);
    return finish(a, &b);
}

static const char *series_result_string(pq_arena *a, const pqt_rseries *s)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_strbuf_printf(&b, "%zu float point%s [", s->nf, s->nf == 1 ? "" : "s");
    for (size_t i = 0; i < s->nf && i < DESCRIBE_MAX_POINTS; i++) {
        if (i)
            pq_strbuf_putc(&b, ' ');
        put_v(&b, s->fv[i]);
        pq_strbuf_printf(&b, " @[%lld]", (long long)s->ft[i]);
    }
    pq_strbuf_printf(&b, "] and %zu histogram point%s [", s->nh, s->nh == 1 ? "" : "s");
    for (size_t i = 0; i < s->nh && i < DESCRIBE_MAX_POINTS; i++) {
        if (i)
            pq_strbuf_putc(&b, ' ');
        put_histogram(&b, s->hv[i]);
        pq_strbuf_printf(&b, " @[%lld]", (long long)s->ht[i]);
    }
    pq_strbuf_putc(&b, ']');
    return finish(a, &b);
}

static const char *check_sorted(pq_arena *a, const pqt_value *v)
{
    for (size_t i = 0; i + 1 < v->n; i++)
        if (pq_labels_compare(v->series[i].labels, v->series[i + 1].labels) > 0)
            return pq_arena_sprintf(a,
                "matrix results should always be sorted by labels, but matrix is not sorted: series at index %zu with labels %s sorts before series at index %zu with labels %s",
                i + 1, pqt_labels_string(a, v->series[i + 1].labels), i, pqt_labels_string(a, v->series[i].labels));
    return NULL;
}

static const char *compare_matrix(const pqt_eval *ev, const pqt_value *v)
{
    pq_arena *a = ev->arena;
    if (pqt_is_ordered(ev))
        return "expected ordered result, but query returned a matrix";
    if (ev->expect_scalar)
        return pq_arena_sprintf(a, "expected scalar result, but got matrix %s", pqt_describe_value(a, v));
    const char *e = check_sorted(a, v);
    if (e)
        return e;
    bool *seen = pq_arena_calloc(a, ev->nseries ? ev->nseries : 1, sizeof *seen);
    if (!seen)
        return "out of memory";
    for (size_t si = 0; si < v->n; si++) {
        const pqt_rseries *s = &v->series[si];
        const pqt_expected_series *exp = find_expected(ev, s->labels);
        if (!exp)
            return pq_arena_sprintf(a, "unexpected metric %s in result, has %s", pqt_labels_string(a, s->labels),
                                    series_result_string(a, s));
        seen[exp - ev->series] = true;
        const char *name = pqt_labels_string(a, exp->labels);
        size_t nf = 0, nh = 0;
        for (size_t i = 0; i < exp->nvals; i++) {
            int64_t t = ev->start + (int64_t)i * ev->step;
            if (ev->end_is_zero || t > ev->end)
                return pq_arena_sprintf(a, "expected %zu points for %s, but query time range cannot return this many points",
                                        exp->nvals, name);
            if (exp->vals[i].kind == PQ_POINT_HISTOGRAM)
                nh++;
            else if (exp->vals[i].kind != PQ_POINT_MISSING)
                nf++;
        }
        if (nf != s->nf || nh != s->nh)
            return pq_arena_sprintf(a, "expected %zu float points and %zu histogram points for %s, but got %s", nf, nh,
                                    name, series_result_string(a, s));
        size_t fi = 0, hi = 0;
        for (size_t i = 0; i < exp->nvals; i++) {
            const pq_point *p = &exp->vals[i];
            int64_t t = ev->start + (int64_t)i * ev->step;
            if (p->kind == PQ_POINT_MISSING)
                continue;
            if (p->kind == PQ_POINT_HISTOGRAM) {
                if (s->ht[hi] != t)
                    return pq_arena_sprintf(a, "expected histogram value at index %zu for %s to have timestamp %lld, but it had timestamp %lld (result has %s)",
                                            hi, name, (long long)t, (long long)s->ht[hi], series_result_string(a, s));
                if (!histograms_match(a, p->hist, s->hv[hi], exp->unknown_hint_written))
                    return pq_arena_sprintf(a, "expected histogram value at index %zu (t=%lld) for %s to be %s, but got %s (result has %s)",
                                            hi, (long long)s->ht[hi], name, pqt_histogram_string(a, p->hist),
                                            pqt_histogram_string(a, s->hv[hi]), series_result_string(a, s));
                hi++;
                continue;
            }
            double want = p->kind == PQ_POINT_STALE ? 0 : p->value;
            if (p->kind == PQ_POINT_STALE) {
                uint64_t bits = PROMQL_STALE_NAN_BITS;
                memcpy(&want, &bits, sizeof want);
            }
            if (s->ft[fi] != t)
                return pq_arena_sprintf(a, "expected float value at index %zu for %s to have timestamp %lld, but it had timestamp %lld (result has %s)",
                                        fi, name, (long long)t, (long long)s->ft[fi], series_result_string(a, s));
            if (!pqt_almost_equal(s->fv[fi], want))
                return pq_arena_sprintf(a, "expected float value at index %zu (t=%lld) for %s to be %s, but got %s (result has %s)",
                                        fi, (long long)s->ft[fi], name, fmt_v(a, want), fmt_v(a, s->fv[fi]),
                                        series_result_string(a, s));
            fi++;
        }
    }
    for (size_t i = 0; i < ev->nseries; i++)
        if (!seen[i])
            return pq_arena_sprintf(a, "expected metric %s not found", pqt_labels_string(a, ev->series[i].labels));
    return NULL;
}

static const char *compare_vector(const pqt_eval *ev, const pqt_value *v)
{
    pq_arena *a = ev->arena;
    if (ev->expect_scalar)
        return pq_arena_sprintf(a, "expected scalar result, but got vector %s", pqt_describe_value(a, v));
    bool *seen = pq_arena_calloc(a, ev->nseries ? ev->nseries : 1, sizeof *seen);
    if (!seen)
        return "out of memory";
    for (size_t pos = 0; pos < v->n; pos++) {
        const pqt_rseries *s = &v->series[pos];
        const char *name = pqt_labels_string(a, s->labels);
        const promql_histogram *h = s->nh ? s->hv[0] : NULL;
        double f = s->nf ? s->fv[0] : 0;
        const pqt_expected_series *exp = find_expected(ev, s->labels);
        if (!exp) {
            if (h)
                return pq_arena_sprintf(a, "unexpected metric %s in result, has value %s", name, pqt_histogram_string(a, h));
            return pq_arena_sprintf(a, "unexpected metric %s in result, has value %s", name, fmt_v(a, f));
        }
        if (exp->nvals == 0)
            return pq_arena_sprintf(a, "expected metric %s has no value in the script", name);
        const pq_point *e0 = &exp->vals[0];
        if (pqt_is_ordered(ev) && (size_t)exp->pos != pos + 1)
            return pq_arena_sprintf(a, "expected metric %s with [%s] at position %d but was at %zu", name,
                                    point_string(a, e0), exp->pos, pos + 1);
        bool exp_h = e0->kind == PQ_POINT_HISTOGRAM;
        if (!exp_h && h)
            return pq_arena_sprintf(a, "expected float value %s for %s but got histogram %s", point_string(a, e0), name,
                                    pqt_histogram_string(a, h));
        if (exp_h && !h)
            return pq_arena_sprintf(a, "expected histogram %s for %s but got float value %s",
                                    pqt_histogram_string(a, e0->hist), name, fmt_v(a, f));
        if (exp_h && !histograms_match(a, e0->hist, h, exp->unknown_hint_written))
            return pq_arena_sprintf(a, "expected %s for %s but got %s", pqt_histogram_string(a, e0->hist), name,
                                    pqt_histogram_string(a, h));
        double want = 0;
        if (e0->kind == PQ_POINT_FLOAT)
            want = e0->value;
        else if (e0->kind == PQ_POINT_STALE) {
            uint64_t bits = PROMQL_STALE_NAN_BITS;
            memcpy(&want, &bits, sizeof want);
        }
        if (!pqt_almost_equal(want, f))
            return pq_arena_sprintf(a, "expected %s for %s but got %s", fmt_v(a, want), name, fmt_v(a, f));
        seen[exp - ev->series] = true;
    }
    for (size_t i = 0; i < ev->nseries; i++)
        if (!seen[i])
            return pq_arena_sprintf(a, "expected metric %s with [%s] not found", pqt_labels_string(a, ev->series[i].labels),
                                    ev->series[i].nvals ? point_string(a, &ev->series[i].vals[0]) : "");
    return NULL;
}

const char *pqt_compare_result(const pqt_eval *ev, const pqt_value *v)
{
    pq_arena *a = ev->arena;
    switch (v->type) {
    case PROMQL_VALUE_MATRIX:
        return compare_matrix(ev, v);
    case PROMQL_VALUE_VECTOR:
        return compare_vector(ev, v);
    case PROMQL_VALUE_SCALAR: {
        if (!ev->expect_scalar)
            return pq_arena_sprintf(a, "expected vector or matrix result, but got scalar: %s @[%lld]", fmt_v(a, v->scalar),
                                    (long long)v->t);
        if (ev->nseries == 0 || ev->series[0].nvals == 0)
            return "expected scalar result missing";
        const pq_point *e0 = &ev->series[0].vals[0];
        if (e0->kind == PQ_POINT_HISTOGRAM)
            return pq_arena_sprintf(a, "expected histogram %s but got scalar: %s", pqt_histogram_string(a, e0->hist),
                                    fmt_v(a, v->scalar));
        if (!pqt_almost_equal(e0->value, v->scalar))
            return pq_arena_sprintf(a, "expected scalar %s but got %s", fmt_v(a, e0->value), fmt_v(a, v->scalar));
        return NULL;
    }
    case PROMQL_VALUE_STRING: {
        const char *s = v->str ? v->str : "";
        const char *want = ev->expected_string ? ev->expected_string : "";
        if (strlen(s) != ev->expected_string_len || memcmp(s, want, ev->expected_string_len) != 0)
            return pq_arena_sprintf(a, "expected string \"%s\" but got \"%s\"", want, s);
        return NULL;
    }
    default:
        return "query returned no value";
    }
}

/* ---- annotations and failures --------------------------------------------------------------- */

static const char *join_list(pq_arena *a, const char **items, size_t n)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_strbuf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            pq_strbuf_putc(&b, ' ');
        pq_strbuf_puts(&b, items[i]);
    }
    pq_strbuf_putc(&b, ']');
    return finish(a, &b);
}

static const char *validate_of_type(const pqt_eval *ev, const char *expr, const pqt_expect *exp, size_t nexp,
                                    const char **actual, size_t nactual, const char *type)
{
    pq_arena *a = ev->arena;
    if (nexp == 0)
        return NULL;
    if (nactual == 0)
        return pq_arena_sprintf(a, "expected %s annotations but none were found for query \"%s\" (line %d)", type, expr,
                                ev->line);
    for (size_t i = 0; i < nexp; i++) {
        bool found = false;
        for (size_t k = 0; k < nactual && !found; k++)
            found = pqt_expect_matches(&exp[i], actual[k]);
        if (!found)
            return pq_arena_sprintf(a,
                "expected %s annotation matching %s \"%s\" but no matching annotation was found for query \"%s\" (line %d), found: %s",
                type, exp[i].re ? "pattern" : "message", exp[i].re ? exp[i].re_text : exp[i].message, expr, ev->line,
                join_list(a, actual, nactual));
    }
    for (size_t k = 0; k < nactual; k++) {
        bool found = false;
        for (size_t i = 0; i < nexp && !found; i++)
            found = pqt_expect_matches(&exp[i], actual[k]);
        if (!found)
            return pq_arena_sprintf(a, "unexpected %s annotation \"%s\" found for query %s (line %d)", type, actual[k],
                                    expr, ev->line);
    }
    return NULL;
}

const char *pqt_check_annotations(const pqt_eval *ev, const char *expr, const promql_result *res)
{
    pq_arena *a = ev->arena;
    size_t n = promql_result_annotation_count(res);
    const char **warns = pq_arena_calloc(a, n ? n : 1, sizeof *warns);
    const char **infos = pq_arena_calloc(a, n ? n : 1, sizeof *infos);
    if (!warns || !infos)
        return "out of memory";
    size_t nw = 0, ni = 0;
    for (size_t i = 0; i < n; i++) {
        promql_annotation_kind kind = PROMQL_ANNOTATION_WARNING;
        const char *text = promql_result_annotation(res, i, &kind);
        if (!text)
            continue;
        if (kind == PROMQL_ANNOTATION_INFO)
            infos[ni++] = text;
        else
            warns[nw++] = text;
    }
    if (ev->warn && nw == 0)
        return pq_arena_sprintf(a, "expected warnings evaluating query \"%s\" (line %d) but got none", expr, ev->line);
    if (ev->info && ni == 0)
        return pq_arena_sprintf(a, "expected info annotations evaluating query \"%s\" (line %d) but got none", expr,
                                ev->line);
    const char *e = validate_of_type(ev, expr, ev->expects[PQT_EXPECT_WARN], ev->nexpects[PQT_EXPECT_WARN], warns, nw, "warn");
    if (!e)
        e = validate_of_type(ev, expr, ev->expects[PQT_EXPECT_INFO], ev->nexpects[PQT_EXPECT_INFO], infos, ni, "info");
    if (e)
        return e;
    if (ev->nexpects[PQT_EXPECT_NO_WARN] && nw > 0)
        return pq_arena_sprintf(a, "unexpected warning annotations evaluating query \"%s\" (line %d): %s", expr, ev->line,
                                join_list(a, warns, nw));
    if (ev->nexpects[PQT_EXPECT_NO_INFO] && ni > 0)
        return pq_arena_sprintf(a, "unexpected info annotations evaluating query \"%s\" (line %d): %s", expr, ev->line,
                                join_list(a, infos, ni));
    return NULL;
}

const char *pqt_check_expected_failure(const pqt_eval *ev, const char *err)
{
    pq_arena *a = ev->arena;
    if (ev->expected_fail_message && *ev->expected_fail_message && strcmp(ev->expected_fail_message, err) != 0)
        return pq_arena_sprintf(a, "expected error \"%s\" evaluating query \"%s\" (line %d), but got: %s",
                                ev->expected_fail_message, ev->expr, ev->line, err);
    if (ev->expected_fail_regexp.re && !pqt_expect_matches(&ev->expected_fail_regexp, err))
        return pq_arena_sprintf(a, "expected error matching pattern \"%s\" evaluating query \"%s\" (line %d), but got: %s",
                                ev->expected_fail_regexp.re_text, ev->expr, ev->line, err);
    if (ev->nexpects[PQT_EXPECT_FAIL] > 0) {
        const pqt_expect *e = &ev->expects[PQT_EXPECT_FAIL][0];
        if (!pqt_expect_matches(e, err))
            return pq_arena_sprintf(a, "expected error matching \"%s\" evaluating query \"%s\" (line %d), but got: %s",
                                    e->re ? e->re_text : e->message, ev->expr, ev->line, err);
    }
    return NULL;
}
