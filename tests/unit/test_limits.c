/*
 * test_limits.c -- every resource limit of the engine, end to end through the public API:
 * max samples (a query that would load 10x the limit fails fast and with little memory), the
 * timeout (a heavy query with 100 ms stops well within a bound that cannot flake on a loaded
 * CI machine; the measured time is printed), the cancel flag, the series cap per selector, the
 * memory cap, catastrophic and huge regexes, deep nesting, and allocation failure at every
 * memory budget from large to tiny (each run succeeds or fails cleanly; ASan checks leaks).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>
#include <time.h>

#include <cmocka.h>

#include "parser/parser.h"
#include "promql/promql.h"
#include "../../fuzz/eval_dataset.h"

/* The "big" dataset: BIG_SERIES series of BIG_SAMPLES samples every 5 s over one hour. */
#define BIG_SERIES 1000
#define BIG_SAMPLES 720
#define TOTAL_SAMPLES ((int64_t)BIG_SERIES * BIG_SAMPLES)

static promql_memstore *big;   /* 720k float samples */
static promql_memstore *small; /* the fuzzers' dataset */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int setup(void **state)
{
    (void)state;
    big = promql_memstore_new();
    if (!big)
        return -1;
    char id[16], grp[16];
    for (int s = 0; s < BIG_SERIES; s++) {
        snprintf(id, sizeof id, "%04d", s);
        snprintf(grp, sizeof grp, "g%d", s % 10);
        promql_label ls[] = {{"__name__", "big"}, {"group", grp}, {"id", id}};
        promql_labels l = {ls, 3};
        promql_error err;
        for (int i = 0; i < BIG_SAMPLES; i++)
            if (promql_memstore_append(big, &l, (int64_t)i * 5000, (double)(i * (s % 7 + 1)) + s, &err) != PROMQL_OK)
                return -1;
    }
    /* series with long label values for regex tests */
    char val[64];
    memset(val, 'a', 40);
    for (int s = 0; s < 1000; s++) {
        snprintf(val + 40, sizeof val - 40, "b%03d", s);
        promql_label ls[] = {{"__name__", "rx"}, {"v", val}};
        promql_labels l = {ls, 2};
        promql_error err;
        if (promql_memstore_append(big, &l, 0, 1, &err) != PROMQL_OK)
            return -1;
    }
    small = pq_ds_build();
    return small ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    promql_memstore_free(big);
    promql_memstore_free(small);
    return 0;
}

static promql_engine *engine_with(int64_t max_samples, int64_t timeout_ms, size_t max_mem, size_t max_series,
                                  const volatile int *cancel)
{
    promql_engine_options o;
    promql_engine_options_init(&o);
    if (max_samples)
        o.max_samples = max_samples;
    o.timeout_ms = timeout_ms;
    o.max_memory_bytes = max_mem;
    o.max_series_per_select = max_series;
    o.cancel_flag = cancel;
    promql_error err;
    promql_engine *e = promql_engine_new(&o, &err);
    assert_non_null(e);
    return e;
}

/* Run a query (range when step > 0) and return its code; *ms gets the elapsed time. */
static promql_error_code run(promql_engine *e, promql_memstore *st, const char *q, int64_t start, int64_t end,
                             int64_t step, double *ms, promql_error *err)
{
    promql_result *r = NULL;
    memset(err, 0, sizeof *err);
    double t0 = now_ms();
    promql_error_code c = step > 0 ? promql_query_range(e, promql_memstore_storage(st), q, strlen(q), start, end, step,
                                                        &r, err)
                                   : promql_query_instant(e, promql_memstore_storage(st), q, strlen(q), start, &r, err);
    if (ms)
        *ms = now_ms() - t0;
    if (c == PROMQL_OK)
        assert_non_null(r);
    else {
        assert_null(r);
        assert_int_equal(err->code, c);
        assert_true(err->message[0] != '\0');
    }
    promql_result_free(r);
    return c;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Each query would hold ~10x the limit (720k samples against 72k); it must fail with
 * Prometheus's message, quickly, and before allocating much: with a 4 MiB memory cap on top
 * (the limit's worth of raw samples alone is ~1.2 MB) it still fails on samples, not on
 * memory, so the samples check comes first. */
static void test_max_samples_10x(void **state)
{
    (void)state;
    static const struct {
        const char *q;
        int64_t step;
    } qs[] = {
        {"big[1h]", 0},                                  /* matrix selector: raw samples */
        {"big", 5000},                                   /* vector selector over a range */
        {"rate(big[5m])", 5000},                         /* range function output */
        {"sum by (group) (big)", 5000},                  /* aggregation input */
        {"max_over_time(big[1h:5s])", 0},                /* subquery */
        {"big + on(id) big", 5000},                      /* binary operands */
    };
    const int64_t limit = TOTAL_SAMPLES / 10;
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        for (int capped = 0; capped < 2; capped++) {
            promql_engine *e = engine_with(limit, 0, capped ? (size_t)4 << 20 : 0, 0, NULL);
            promql_error err;
            double ms;
            long rss0 = max_rss_kb();
            int64_t end = (BIG_SAMPLES - 1) * 5000;
            promql_error_code c = run(e, big, qs[i].q, qs[i].step ? 0 : end, end, qs[i].step, &ms, &err);
            long rss1 = max_rss_kb();
            print_message("max_samples %lld, %-28s %s: %s in %.1f ms, peak RSS growth %ld KiB\n", (long long)limit,
                          qs[i].q, capped ? "(4 MiB cap)" : "           ", promql_error_type_name(c), ms,
                          rss1 - rss0);
            assert_int_equal(c, PROMQL_ERR_TOO_MANY_SAMPLES);
            assert_string_equal(err.message,
                                "query processing would load too many samples into memory in query execution");
            assert_true(ms < 2000);
            promql_engine_free(e);
        }
    }
    /* and the same queries fit without the limit */
    promql_engine *e = engine_with(0, 0, 0, 0, NULL);
    promql_error err;
    assert_int_equal(run(e, big, "big[1h]", (BIG_SAMPLES - 1) * 5000, 0, 0, NULL, &err), PROMQL_OK);
    promql_engine_free(e);
}

/* Heavy queries, each of several seconds unbounded, stop soon after a 100 ms timeout. */
static void test_timeout(void **state)
{
    (void)state;
    static const struct {
        const char *q;
        int64_t step;
    } qs[] = {
        {"quantile_over_time(0.5, big[1h])", 5000},                       /* range function */
        {"count_values by (group) (\"v\", big)", 5000},                   /* aggregation */
        {"topk(5, big) by (group)", 400},                                /* aggregation (k) */
        {"max_over_time(rate(big[1m])[30m:1s])", 60000},                  /* subquery */
        {"big * on(id) group_left big", 2000},                            /* binary matching */
        {"label_replace(rate(big[5m]), \"x\", \"$1\", \"id\", \"(.*)\")", 400},    /* label function */
        {"sort_desc(sum_over_time(big[30m]))", 2000},                     /* sort */
    };
    promql_engine *unbounded = engine_with(0, 0, 0, 0, NULL);
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        promql_engine *e = engine_with(0, 100, 0, 0, NULL);
        promql_error err;
        double ms;
        int64_t end = (BIG_SAMPLES - 1) * 5000;
        promql_error_code c = run(e, big, qs[i].q, 0, end, qs[i].step, &ms, &err);
        print_message("timeout 100 ms, %-52s %s after %.1f ms\n", qs[i].q, promql_error_type_name(c), ms);
        if (c == PROMQL_OK) {
            /* Only acceptable when the query is in fact fast (each takes several times the
             * timeout on the machines this ran on; a generous bound so a loaded one cannot flake). */
            double full;
            assert_int_equal(run(unbounded, big, qs[i].q, 0, end, qs[i].step, &full, &err), PROMQL_OK);
            print_message("   (finished: takes %.1f ms unbounded)\n", full);
            assert_true(full < 400);
        } else {
            assert_int_equal(c, PROMQL_ERR_TIMEOUT);
            assert_string_equal(err.message, "query timed out in expression evaluation");
            assert_true(ms < 2000);
        }
        promql_engine_free(e);
    }
    promql_engine_free(unbounded);
}

static void *raise_after_50ms(void *arg)
{
    usleep(50000);
    *(volatile int *)arg = 1;
    return NULL;
}

static void test_cancel(void **state)
{
    (void)state;
    volatile int flag = 0;
    promql_engine *e = engine_with(0, 0, 0, 0, &flag);
    promql_error err;
    assert_int_equal(run(e, big, "sum(big)", 3000000, 0, 0, NULL, &err), PROMQL_OK);
    flag = 1;
    assert_int_equal(run(e, big, "sum(big)", 3000000, 0, 0, NULL, &err), PROMQL_ERR_CANCELED);
    assert_string_equal(err.message, "query was canceled in expression evaluation");
    assert_int_equal(run(e, big, "1", 0, 0, 0, NULL, &err), PROMQL_ERR_CANCELED);
    flag = 0;
    assert_int_equal(run(e, big, "1", 0, 0, 0, NULL, &err), PROMQL_OK);
    /* raised from another thread while a heavy query runs */
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, raise_after_50ms, (void *)&flag), 0);
    double ms;
    promql_error_code c = run(e, big, "quantile_over_time(0.5, big[1h])", 0, 3595000, 5000, &ms, &err);
    pthread_join(th, NULL);
    print_message("cancel raised after 50 ms: %s after %.1f ms\n", promql_error_type_name(c), ms);
    assert_int_equal(c, PROMQL_ERR_CANCELED);
    assert_true(ms < 2000);
    promql_engine_free(e);
}

static void test_series_cap(void **state)
{
    (void)state;
    promql_engine *e = engine_with(0, 0, 0, 100, NULL);
    promql_error err;
    assert_int_equal(run(e, big, "big", 3000000, 0, 0, NULL, &err), PROMQL_ERR_RESOURCE);
    assert_non_null(strstr(err.message, "more than 100 series"));
    assert_int_equal(run(e, big, "rate(big[5m])", 3000000, 0, 0, NULL, &err), PROMQL_ERR_RESOURCE);
    assert_int_equal(run(e, big, "big{group=\"g1\"}", 3000000, 0, 0, NULL, &err), PROMQL_OK); /* 100 series */
    promql_engine_free(e);
}

static void test_memory_cap(void **state)
{
    (void)state;
    promql_engine *e = engine_with(0, 0, (size_t)1 << 20, 0, NULL);
    promql_error err;
    assert_int_equal(run(e, big, "big", 0, 3595000, 5000, NULL, &err), PROMQL_ERR_RESOURCE);
    assert_int_equal(run(e, big, "sum(big)", 3595000, 0, 0, NULL, &err), PROMQL_OK);
    promql_engine_free(e);
}

/* Every budget from 64 MiB down to 1 KiB (about 12% apart): each query succeeds or fails with
 * a clean error; ASan's leak check covers the failed paths. */
static void test_memory_steps(void **state)
{
    (void)state;
    static const char *qs[] = {
        "sum by (instance) (rate(http_requests_total[5m]))",
        "histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket[5m])))",
        "histogram_quantile(0.5, rate(rpc_latency_seconds[5m])) + on(instance) group_left up",
        "topk(2, max_over_time(node_temperature_celsius[10m:1m])) or absent(nope)",
        "label_replace(info(up), \"h\", \"$1\", \"instance\", \"(.*):.*\")",
        "sum(rate(rpc_size_bytes[10m])) / count_values(\"x\", up)",
        "{__name__=~\"http.*|rpc.*\", instance=~\"a.*\"}",
        "sort_desc(quantile_over_time(0.5, mixed_metric[1h]))",
    };
    size_t runs = 0, ok = 0;
    for (double budget = 64.0 * 1024 * 1024; budget >= 1024; budget *= 0.88) {
        promql_engine *e = engine_with(0, 0, (size_t)budget, 0, NULL);
        for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
            promql_error err;
            promql_error_code c = run(e, small, qs[i], 0, PQ_DS_END_MS, 60000, NULL, &err);
            if (c != PROMQL_OK && c != PROMQL_ERR_RESOURCE)
                print_message("budget %.0f, %s: %s\n", budget, qs[i], err.message);
            assert_true(c == PROMQL_OK || c == PROMQL_ERR_RESOURCE);
            runs++;
            ok += c == PROMQL_OK;
            c = run(e, small, qs[i], 1800000, 0, 0, NULL, &err);
            if (c != PROMQL_OK && c != PROMQL_ERR_RESOURCE)
                print_message("budget %.0f, instant %s: %s\n", budget, qs[i], err.message);
            assert_true(c == PROMQL_OK || c == PROMQL_ERR_RESOURCE);
        }
        promql_engine_free(e);
    }
    print_message("memory steps: %zu range runs, %zu succeeded, the rest out of memory\n", runs, ok);
    assert_true(ok > 0 && ok < runs);
}

/* Catastrophic backtracking and huge alternations: refused or bounded, never minutes. */
static void test_regex(void **state)
{
    (void)state;
    promql_engine *e = engine_with(0, 1000, 0, 0, NULL);
    static const char *qs[] = {
        "rx{v=~\"(a+)+$\"}", "rx{v=~\"(a|aa)+c\"}", "rx{v=~\"(a*)*b\"}", "rx{v!~\"(.*a){20}\"}",
        "count(rx{v=~\"((a+)+)+x\"})", "{__name__=~\"(b+i+g*)+$\"}",
    };
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        promql_error err;
        double ms;
        promql_error_code c = run(e, big, qs[i], 0, 0, 0, &ms, &err);
        print_message("regex %-32s %s in %.1f ms\n", qs[i], c ? err.message : "ok", ms);
        assert_true(ms < 2000);
    }
    /* A catastrophic pattern costs milliseconds per label value even when bounded by PCRE2's
     * match limit; over 1000 values it must still stop at the query's timeout. */
    promql_engine *t100 = engine_with(0, 100, 0, 0, NULL);
    static const char *slow[] = {"rx{v=~\"(a+)+$\"}", "count(rx{v!~\"(a*)*b\"})",
                                 "label_replace(rx, \"w\", \"$1\", \"v\", \"((a+)+)$\")"};
    for (size_t i = 0; i < sizeof slow / sizeof *slow; i++) {
        promql_error terr;
        double tms;
        promql_error_code tc = run(t100, big, slow[i], 0, 0, 0, &tms, &terr);
        print_message("regex over 1000 values, timeout 100 ms, %-44s %s after %.1f ms\n", slow[i],
                      promql_error_type_name(tc), tms);
        assert_int_equal(tc, PROMQL_ERR_TIMEOUT);
        assert_true(tms < 2000);
    }
    promql_engine_free(t100);
    /* a 20,000-way alternation: compiled or refused quickly */
    size_t cap = 20000 * 8 + 64;
    char *q = malloc(cap);
    assert_non_null(q);
    size_t n = (size_t)snprintf(q, cap, "rx{v=~\"");
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(q + n, cap - n, "%sa%05d", i ? "|" : "", i);
    snprintf(q + n, cap - n, "\"}");
    promql_error err;
    double ms;
    promql_error_code c = run(e, big, q, 0, 0, 0, &ms, &err);
    print_message("regex 20000-way alternation: %.100s in %.1f ms\n", c ? err.message : "ok", ms);
    assert_true(ms < 2000);
    /* and a regex that nests deeper than any real one */
    n = (size_t)snprintf(q, cap, "rx{v=~\"");
    for (int i = 0; i < 5000; i++)
        q[n++] = '(';
    q[n++] = 'a';
    for (int i = 0; i < 5000; i++)
        q[n++] = ')';
    snprintf(q + n, cap - n, "\"}");
    c = run(e, big, q, 0, 0, 0, &ms, &err);
    print_message("regex nested 5000 deep: %.100s in %.1f ms\n", c ? err.message : "ok", ms);
    assert_true(ms < 2000);
    free(q);
    promql_engine_free(e);
}

static char *repeat3(const char *pre, const char *mid, const char *post, int n)
{
    size_t lp = strlen(pre), lm = strlen(mid), lq = strlen(post);
    char *s = malloc((size_t)n * (lp + lq) + lm + 1);
    assert_non_null(s);
    size_t k = 0;
    for (int i = 0; i < n; i++, k += lp)
        memcpy(s + k, pre, lp);
    memcpy(s + k, mid, lm);
    k += lm;
    for (int i = 0; i < n; i++, k += lq)
        memcpy(s + k, post, lq);
    s[k] = '\0';
    return s;
}

/* Nesting past the parser's depth limit is an error; up to it, evaluation neither overflows
 * the stack nor runs long (subquery chains included). */
static void test_depth(void **state)
{
    (void)state;
    promql_engine *e = engine_with(0, 2000, 0, 0, NULL);
    static const struct {
        const char *pre, *mid, *post;
    } shapes[] = {
        {"(", "up", ")"},
        {"-", "up", ""},
        {"abs(", "up", ")"},
        {"sum(", "up", ")"},
        {"max_over_time(", "up", "[1m:10s])"},
        {"rate(", "http_requests_total", "[5m:1m])"},
        {"1 + (", "up", ")"},
        {"up @ 100 offset 1m + on() group_left (", "up", ")"},
    };
    static const int depths[] = {50, 200, PQ_DEFAULT_MAX_DEPTH - 100, PQ_DEFAULT_MAX_DEPTH + 100, 10000};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++)
        for (size_t d = 0; d < sizeof depths / sizeof *depths; d++) {
            char *q = repeat3(shapes[s].pre, shapes[s].mid, shapes[s].post, depths[d]);
            promql_error err;
            double ms;
            promql_error_code c = run(e, small, q, 1800000, 0, 0, &ms, &err);
            if (depths[d] > PQ_DEFAULT_MAX_DEPTH)
                assert_int_not_equal(c, PROMQL_OK);
            if (c != PROMQL_OK && c != PROMQL_ERR_BAD_DATA)
                print_message("depth %d of %s...: %s (%.1f ms)\n", depths[d], shapes[s].pre, err.message, ms);
            assert_true(c == PROMQL_OK || c == PROMQL_ERR_BAD_DATA || c == PROMQL_ERR_TIMEOUT ||
                        c == PROMQL_ERR_EXECUTION || c == PROMQL_ERR_TOO_MANY_SAMPLES);
            assert_true(ms < 4000);
            free(q);
        }
    /* a long flat chain is not deep: 1+1+...+1 */
    char *q = repeat3("1+", "1", "", 20000);
    promql_error err;
    promql_error_code c = run(e, small, q, 0, 0, 0, NULL, &err);
    assert_true(c == PROMQL_OK || c == PROMQL_ERR_BAD_DATA);
    free(q);
    promql_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_max_samples_10x), cmocka_unit_test(test_timeout),  cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_series_cap),      cmocka_unit_test(test_memory_cap), cmocka_unit_test(test_memory_steps),
        cmocka_unit_test(test_regex),           cmocka_unit_test(test_depth),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
