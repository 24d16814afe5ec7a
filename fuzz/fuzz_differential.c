/*
 * fuzz_differential.c -- libFuzzer target comparing the engine with itself: a query whose
 * result is an instant vector or a scalar, evaluated as an instant query at t, must give what
 * the same query gives as a one-step range query over [t, t] on the same dataset
 * (eval_dataset.h): the same series (by label set), each with the same value bit for bit (or
 * both NaN; histograms equal field by field) -- the two modes share no result-shaping code
 * (vector vs matrix, steps, series merging), so this catches step-indexing and merge bugs.
 *
 * Legitimately different, so skipped or normalised:
 *   - string and range-vector queries, by their static type (a range query refuses them);
 *   - the order of series (an instant vector keeps the evaluation order, sort() included; a
 *     matrix is sorted by labels): compared as sets;
 *   - a scalar is a scalar in one mode and a one-series matrix with no labels in the other;
 *   - annotations (positions and wording are the same, but a range query collects them per
 *     step; not part of the comparison);
 *   - resource errors (timeout, samples, memory): the two modes count peak samples differently
 *     (a range query holds per-step arrays), so when either hits a limit nothing is compared;
 *   - queries using step(): it is 0 in an instant query and the step in a range query (upstream's
 *     promqltest runner skips its range-mode check for them too); keywords are case-insensitive,
 *     so the test is on the lowercased text, and a spurious skip only loses one comparison;
 *   - any other error must be the same code in both modes.
 * The first byte of the input picks t among a few times; the rest is the query.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval_dataset.h"
#include "api/expr.h"

#define MAX_QUERY 2048

static promql_memstore *store;
static promql_engine *engine;

#define CHECK(c, what)                                                                                                 \
    do {                                                                                                               \
        if (!(c)) {                                                                                                    \
            fprintf(stderr, "fuzz_differential: %s: %s (line %d)\n", what, #c, __LINE__);                              \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

static void setup(void)
{
    store = pq_ds_build();
    CHECK(store != NULL, "dataset");
    promql_engine_options o;
    promql_engine_options_init(&o);
    o.timeout_ms = 250;
    o.max_samples = 500000;
    o.max_memory_bytes = (size_t)256 << 20;
    promql_error err;
    engine = promql_engine_new(&o, &err);
    CHECK(engine != NULL, "engine");
}

static int same_float(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

static int same_floats(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!same_float(a[i], b[i]))
            return 0;
    return 1;
}

static int same_spans(const promql_span *a, const promql_span *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].offset != b[i].offset || a[i].length != b[i].length)
            return 0;
    return 1;
}

static int same_hist(const promql_histogram *a, const promql_histogram *b)
{
    return a->schema == b->schema && a->counter_reset_hint == b->counter_reset_hint &&
           same_float(a->zero_threshold, b->zero_threshold) && same_float(a->zero_count, b->zero_count) &&
           same_float(a->count, b->count) && same_float(a->sum, b->sum) &&
           a->positive_span_count == b->positive_span_count &&
           same_spans(a->positive_spans, b->positive_spans, a->positive_span_count) &&
           a->positive_bucket_count == b->positive_bucket_count &&
           same_floats(a->positive_buckets, b->positive_buckets, a->positive_bucket_count) &&
           a->negative_span_count == b->negative_span_count &&
           same_spans(a->negative_spans, b->negative_spans, a->negative_span_count) &&
           a->negative_bucket_count == b->negative_bucket_count &&
           same_floats(a->negative_buckets, b->negative_buckets, a->negative_bucket_count) &&
           a->custom_value_count == b->custom_value_count &&
           same_floats(a->custom_values, b->custom_values, a->custom_value_count);
}

static int same_labels(promql_labels a, promql_labels b)
{
    if (a.count != b.count)
        return 0;
    for (size_t i = 0; i < a.count; i++)
        if (strcmp(a.items[i].name, b.items[i].name) || strcmp(a.items[i].value, b.items[i].value))
            return 0;
    return 1;
}

/* One point of series i at time t: 0 float, 1 histogram, -1 none. */
static int point(const promql_result *r, size_t i, int64_t t, double *f, const promql_histogram **h)
{
    const int64_t *ts;
    const double *fv;
    const promql_histogram *const *hv;
    size_t nf = promql_result_series_floats(r, i, &ts, &fv);
    for (size_t k = 0; k < nf; k++)
        if (ts[k] == t) {
            *f = fv[k];
            return 0;
        }
    size_t nh = promql_result_series_histograms(r, i, &ts, &hv);
    for (size_t k = 0; k < nh; k++)
        if (ts[k] == t) {
            *h = hv[k];
            return 1;
        }
    return -1;
}

static int limit_error(promql_error_code c)
{
    return c == PROMQL_ERR_TIMEOUT || c == PROMQL_ERR_TOO_MANY_SAMPLES || c == PROMQL_ERR_RESOURCE;
}

static void compare(const promql_result *in, const promql_result *rg, int64_t t)
{
    CHECK(promql_result_type(rg) == PROMQL_VALUE_MATRIX, "range result type");
    if (promql_result_type(in) == PROMQL_VALUE_SCALAR) {
        int64_t st;
        double v = promql_result_scalar(in, &st);
        CHECK(promql_result_series_count(rg) == 1, "scalar: one series");
        CHECK(promql_result_series_labels(rg, 0).count == 0, "scalar: no labels");
        double f;
        const promql_histogram *h;
        CHECK(point(rg, 0, t, &f, &h) == 0, "scalar: a float point at t");
        CHECK(same_float(v, f), "scalar value");
        return;
    }
    CHECK(promql_result_type(in) == PROMQL_VALUE_VECTOR, "instant result type");
    size_t n = promql_result_series_count(in);
    CHECK(promql_result_series_count(rg) == n, "series count");
    for (size_t i = 0; i < n; i++) {
        promql_labels ls = promql_result_series_labels(in, i);
        size_t j = 0;
        while (j < n && !same_labels(ls, promql_result_series_labels(rg, j)))
            j++;
        CHECK(j < n, "series of the instant result missing from the range result");
        double fa = 0, fb = 0;
        const promql_histogram *ha = NULL, *hb = NULL;
        int ka = point(in, i, t, &fa, &ha);
        int kb = point(rg, j, t, &fb, &hb);
        CHECK(ka >= 0 && ka == kb, "point kind");
        if (ka == 0)
            CHECK(same_float(fa, fb), "float value");
        else
            CHECK(same_hist(ha, hb), "histogram value");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine)
        setup();
    if (size < 1 || size > MAX_QUERY)
        return 0;
    static const int64_t times[] = {1234567, PQ_DS_END_MS, 0, 1800000, PQ_DS_END_MS + 240000, -1000, 900001, 2400000};
    int64_t t = times[data[0] % (sizeof times / sizeof *times)];
    char lower[MAX_QUERY + 1];
    for (size_t i = 1; i < size; i++)
        lower[i - 1] = (char)(data[i] >= 'A' && data[i] <= 'Z' ? data[i] + 32 : data[i]);
    lower[size - 1] = 0;
    if (memmem(lower, size - 1, "step", 4))
        return 0;
    promql_expr *expr = NULL;
    promql_error err;
    if (promql_parse((const char *)data + 1, size - 1, NULL, &expr, &err) != PROMQL_OK)
        return 0;
    /* Only vector and scalar queries have a range form (by their static type: an instant
     * query of a range-vector expression may fail in evaluation before its type shows). */
    if (expr->ast->root->type != PQ_TYPE_VECTOR && expr->ast->root->type != PQ_TYPE_SCALAR) {
        promql_expr_free(expr);
        return 0;
    }
    const promql_storage *st = promql_memstore_storage(store);
    promql_result *in = NULL, *rg = NULL;
    promql_error ei, er;
    memset(&ei, 0, sizeof ei);
    memset(&er, 0, sizeof er);
    promql_error_code ci = promql_eval_instant(engine, st, expr, t, &in, &ei);
    if (ci == PROMQL_OK && promql_result_type(in) != PROMQL_VALUE_VECTOR && promql_result_type(in) != PROMQL_VALUE_SCALAR)
        goto out; /* string or range vector: no range query to compare with */
    if (limit_error(ci))
        goto out;
    /* Any step gives one step over [t, t]; an odd one makes step-derived defaults visible. */
    promql_error_code cr = promql_eval_range(engine, st, expr, t, t, 7000, &rg, &er);
    if (limit_error(cr))
        goto out;
    if (ci != cr) {
        fprintf(stderr, "instant: %s\nrange: %s\n", ci ? ei.message : "ok", cr ? er.message : "ok");
        CHECK(ci == cr, "outcome");
    }
    if (ci == PROMQL_OK)
        compare(in, rg, t);
out:
    promql_result_free(in);
    promql_result_free(rg);
    promql_expr_free(expr);
    return 0;
}
