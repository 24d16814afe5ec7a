/*
 * fuzz_eval.c -- libFuzzer target over the evaluator: the input is a query; when it parses it
 * is evaluated over a fixed dataset (eval_dataset.h, built once) as instant queries at four
 * times (before, inside, at the end of and after the data) and as a 13-step range query, with
 * a 250 ms timeout, a sample cap and a memory cap so no input can hang or exhaust the fuzzer.
 * Every evaluation must end in a result or a clean error: a code, a message, no result; and a
 * result must be self-consistent (the type the query asks for, one point per vector series,
 * readable labels, histograms with their buckets). Leaks are caught by the fuzzer's LSan.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval_dataset.h"

#define MAX_QUERY 2048

static promql_memstore *store;
static promql_engine *engine;

/* A broken invariant is a finding: crash so libFuzzer keeps the input. */
#define CHECK(c)                                                                                                       \
    do {                                                                                                               \
        if (!(c)) {                                                                                                    \
            fprintf(stderr, "fuzz_eval: check failed: %s (line %d)\n", #c, __LINE__);                                  \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

static void setup(void)
{
    store = pq_ds_build();
    CHECK(store != NULL);
    promql_engine_options o;
    promql_engine_options_init(&o);
    o.timeout_ms = 250;
    o.max_samples = 500000;
    o.max_memory_bytes = (size_t)256 << 20;
    o.max_series_per_select = 10000;
    promql_error err;
    engine = promql_engine_new(&o, &err);
    CHECK(engine != NULL);
}

/* Read every part of a result, so a dangling pointer or a bad count shows under ASan. */
static void walk(const promql_result *r, promql_value_type want_any, int range)
{
    promql_value_type t = promql_result_type(r);
    CHECK(t != PROMQL_VALUE_NONE);
    if (range)
        CHECK(t == PROMQL_VALUE_MATRIX);
    (void)want_any;
    volatile double sink = 0;
    int64_t ts;
    if (t == PROMQL_VALUE_SCALAR)
        sink += promql_result_scalar(r, &ts);
    if (t == PROMQL_VALUE_STRING) {
        const char *s = promql_result_string(r, &ts);
        CHECK(s != NULL);
        sink += (double)strlen(s);
    }
    size_t n = promql_result_series_count(r);
    if (t == PROMQL_VALUE_SCALAR || t == PROMQL_VALUE_STRING)
        CHECK(n == 0);
    for (size_t i = 0; i < n; i++) {
        promql_labels ls = promql_result_series_labels(r, i);
        for (size_t j = 0; j < ls.count; j++) {
            CHECK(ls.items[j].name && ls.items[j].value);
            sink += (double)strlen(ls.items[j].name) + (double)strlen(ls.items[j].value);
            if (j)
                CHECK(strcmp(ls.items[j - 1].name, ls.items[j].name) < 0);
        }
        const int64_t *ft, *ht;
        const double *fv;
        const promql_histogram *const *hv;
        size_t nf = promql_result_series_floats(r, i, &ft, &fv);
        size_t nh = promql_result_series_histograms(r, i, &ht, &hv);
        if (t == PROMQL_VALUE_VECTOR)
            CHECK(nf + nh == 1);
        else
            CHECK(nf + nh >= 1);
        for (size_t k = 0; k < nf; k++)
            sink += fv[k] + (double)ft[k];
        for (size_t k = 0; k < nh; k++) {
            const promql_histogram *h = hv[k];
            CHECK(h != NULL);
            sink += h->count + h->sum + h->zero_count + (double)ht[k];
            for (size_t b = 0; b < h->positive_bucket_count; b++)
                sink += h->positive_buckets[b];
            for (size_t b = 0; b < h->negative_bucket_count; b++)
                sink += h->negative_buckets[b];
            for (size_t b = 0; b < h->custom_value_count; b++)
                sink += h->custom_values[b];
        }
    }
    for (size_t i = 0; i < promql_result_annotation_count(r); i++) {
        promql_annotation_kind k;
        const char *a = promql_result_annotation(r, i, &k);
        CHECK(a != NULL && (k == PROMQL_ANNOTATION_WARNING || k == PROMQL_ANNOTATION_INFO));
        sink += (double)strlen(a);
    }
    (void)sink;
}

static int verbose = -1; /* FUZZ_EVAL_VERBOSE=1 prints each outcome (to debug a corpus) */

static void check_outcome(promql_error_code code, promql_result *r, const promql_error *err, int range)
{
    if (verbose)
        fprintf(stderr, "  %s: %s\n", range ? "range" : "instant",
                code == PROMQL_OK ? "ok" : err->message);
    if (code == PROMQL_OK) {
        CHECK(r != NULL);
        walk(r, PROMQL_VALUE_NONE, range);
    } else {
        CHECK(r == NULL);
        CHECK(err->code == code);
        CHECK(err->message[0] != '\0');
        CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
        /* Out of memory or an internal error is never the answer to a small query. */
        CHECK(code != PROMQL_ERR_INTERNAL);
    }
    promql_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine)
        setup();
    if (verbose < 0)
        verbose = getenv("FUZZ_EVAL_VERBOSE") != NULL;
    if (size > MAX_QUERY)
        return 0;
    promql_expr *expr = NULL;
    promql_error err;
    if (promql_parse((const char *)data, size, NULL, &expr, &err) != PROMQL_OK)
        return 0;
    const promql_storage *st = promql_memstore_storage(store);
    static const int64_t times[] = {-60000, 1234567, PQ_DS_END_MS, PQ_DS_END_MS + 400000};
    for (size_t i = 0; i < sizeof times / sizeof *times; i++) {
        promql_result *r = NULL;
        memset(&err, 0, sizeof err);
        promql_error_code code = promql_eval_instant(engine, st, expr, times[i], &r, &err);
        check_outcome(code, r, &err, 0);
        if (code == PROMQL_ERR_TIMEOUT)
            break; /* it will time out again: keep the run short */
    }
    promql_result *r = NULL;
    memset(&err, 0, sizeof err);
    promql_error_code code = promql_eval_range(engine, st, expr, 0, PQ_DS_END_MS, 300000, &r, &err);
    check_outcome(code, r, &err, 1);
    promql_expr_free(expr);
    return 0;
}
