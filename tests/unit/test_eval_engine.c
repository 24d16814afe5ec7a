/*
 * test_eval_engine.c -- the engine and result API end to end (parse, evaluate, convert) over a
 * mock storage: instant and range results, result types, ordering, delayed __name__ removal,
 * annotations with positions, errors and their codes, freeing NULL.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "promql/promql.h"
#include "eval_mock_storage.h"

static mock_db db;
static promql_storage storage;
static promql_engine *engine;

static int setup(void **state)
{
    memset(&db, 0, sizeof db);
    static const double x1[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    static const double x2[] = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    add_series(&db, "x", "job", "1", 60000, 10, x1);
    add_series(&db, "x", "job", "2", 60000, 10, x2);
    storage.ctx = &db;
    storage.select = mock_select;
    promql_engine_options o;
    promql_engine_options_init(&o);
    promql_error err;
    engine = promql_engine_new(&o, &err);
    return engine ? 0 : -1;
}

static int teardown(void **state)
{
    promql_engine_free(engine);
    return 0;
}

static promql_result *q_instant(const char *q, int64_t t, promql_error *err)
{
    promql_result *r = NULL;
    promql_query_instant(engine, &storage, q, strlen(q), t, &r, err);
    return r;
}

static void test_instant_vector(void **state)
{
    promql_error err;
    promql_result *r = q_instant("sort_desc(x * 2)", 120000, &err);
    assert_non_null(r);
    assert_int_equal(promql_result_type(r), PROMQL_VALUE_VECTOR);
    assert_int_equal(promql_result_series_count(r), 2);
    promql_labels ls = promql_result_series_labels(r, 0);
    assert_int_equal(ls.count, 1); /* __name__ dropped at the end */
    assert_string_equal(ls.items[0].value, "2");
    const int64_t *ts;
    const double *vs;
    assert_int_equal(promql_result_series_floats(r, 0, &ts, &vs), 1);
    assert_true(ts[0] == 120000 && vs[0] == 60);
    assert_true(promql_result_stats(r)->total_samples >= 2);
    promql_result_free(r);
}

/* Name removal is immediate by default, as in Prometheus (delayed removal is its experimental
 * flag): a filtering comparison keeps the left side's labels, whose __name__ rate() already
 * dropped. With delayed removal the comparison does not carry the pending drop (as upstream),
 * so the name comes back. */
static void test_name_removal_modes(void **state)
{
    const char *q = "rate(x[5m]) > on(job) group_left rate(x[5m]) - 1";
    promql_error err;
    promql_result *r = q_instant(q, 540000, &err);
    assert_non_null(r);
    assert_int_equal(promql_result_series_count(r), 2);
    for (size_t i = 0; i < 2; i++) {
        promql_labels only = promql_result_series_labels(r, i);
        assert_int_equal(only.count, 1);
        assert_string_equal(only.items[0].name, "job");
    }
    promql_result_free(r);

    promql_engine_options o;
    promql_engine_options_init(&o);
    o.enable_delayed_name_removal = 1;
    promql_engine *delayed = promql_engine_new(&o, &err);
    assert_non_null(delayed);
    assert_int_equal(promql_query_instant(delayed, &storage, q, strlen(q), 540000, &r, &err), PROMQL_OK);
    assert_int_equal(promql_result_series_count(r), 2);
    promql_labels ls = promql_result_series_labels(r, 0);
    assert_int_equal(ls.count, 2);
    assert_string_equal(ls.items[0].name, "__name__");
    promql_result_free(r);
    promql_engine_free(delayed);
}

static void test_range_matrix(void **state)
{
    promql_error err;
    promql_result *r = NULL;
    const char *q = "x{job=\"2\"} / 10";
    assert_int_equal(promql_query_range(engine, &storage, q, strlen(q), 0, 240000, 60000, &r, &err), PROMQL_OK);
    assert_int_equal(promql_result_type(r), PROMQL_VALUE_MATRIX);
    assert_int_equal(promql_result_series_count(r), 1);
    const int64_t *ts;
    const double *vs;
    assert_int_equal(promql_result_series_floats(r, 0, &ts, &vs), 5);
    assert_true(vs[4] == 5 && ts[4] == 240000);
    promql_result_free(r);
    /* A scalar in a range query is a matrix with one series without labels. */
    q = "time()";
    assert_int_equal(promql_query_range(engine, &storage, q, strlen(q), 0, 120000, 60000, &r, &err), PROMQL_OK);
    assert_int_equal(promql_result_series_count(r), 1);
    assert_int_equal(promql_result_series_labels(r, 0).count, 0);
    promql_result_free(r);
}

static void test_instant_kinds(void **state)
{
    promql_error err;
    int64_t t;
    promql_result *r = q_instant("1 + 2", 5000, &err);
    assert_int_equal(promql_result_type(r), PROMQL_VALUE_SCALAR);
    assert_true(promql_result_scalar(r, &t) == 3 && t == 5000);
    promql_result_free(r);
    r = q_instant("\"hello\"", 5000, &err);
    assert_int_equal(promql_result_type(r), PROMQL_VALUE_STRING);
    assert_string_equal(promql_result_string(r, &t), "hello");
    promql_result_free(r);
    r = q_instant("x[2m]", 300000, &err);
    assert_int_equal(promql_result_type(r), PROMQL_VALUE_MATRIX);
    assert_int_equal(promql_result_series_count(r), 2);
    assert_int_equal(promql_result_series_floats(r, 0, NULL, NULL), 2);
    promql_result_free(r);
}

static void test_anchored_matrix(void **state)
{
    promql_error err;
    promql_result *r = q_instant("x{job=\"1\"}[2m] anchored", 150000, &err);
    assert_non_null(r);
    const int64_t *ts;
    const double *vs;
    assert_int_equal(promql_result_series_floats(r, 0, &ts, &vs), 4);
    /* (30s, 150s]: boundary points at 30s (the sample at 0s) and 150s (the sample at 120s). */
    assert_true(ts[0] == 30000 && vs[0] == 1);
    assert_true(ts[1] == 60000 && vs[1] == 2);
    assert_true(ts[2] == 120000 && vs[2] == 3);
    assert_true(ts[3] == 150000 && vs[3] == 3);
    promql_result_free(r);
}

static void test_errors_and_annotations(void **state)
{
    promql_error err;
    promql_result *r = NULL;
    const char *q = "x[5m]";
    assert_int_equal(promql_query_range(engine, &storage, q, strlen(q), 0, 60000, 60000, &r, &err), PROMQL_ERR_BAD_DATA);
    assert_null(r);
    assert_string_equal(err.message, "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
    q = "x + on() x";
    assert_int_equal(promql_query_instant(engine, &storage, q, strlen(q), 0, &r, &err), PROMQL_ERR_EXECUTION);
    q = "sum(";
    assert_int_equal(promql_query_instant(engine, &storage, q, strlen(q), 0, &r, &err), PROMQL_ERR_BAD_DATA);
    r = q_instant("quantile(2, x)", 0, &err);
    assert_non_null(r);
    assert_int_equal(promql_result_annotation_count(r), 1);
    promql_annotation_kind kind;
    assert_string_equal(promql_result_annotation(r, 0, &kind),
                        "PromQL warning: quantile value should be between 0 and 1, got 2 (1:10)");
    assert_int_equal(kind, PROMQL_ANNOTATION_WARNING);
    promql_result_free(r);
    promql_result_free(NULL);
    assert_int_equal(promql_result_series_count(NULL), 0);
}

static void test_disabled_modifiers(void **state)
{
    promql_engine_options o;
    promql_engine_options_init(&o);
    o.enable_at_modifier = 0;
    o.enable_negative_offset = 0;
    promql_error err;
    promql_engine *e = promql_engine_new(&o, &err);
    assert_non_null(e);
    promql_result *r = NULL;
    const char *q = "sum(rate(x[5m] @ 100))";
    assert_int_equal(promql_query_instant(e, &storage, q, strlen(q), 0, &r, &err), PROMQL_ERR_BAD_DATA);
    assert_string_equal(err.message, "@ modifier is disabled");
    q = "x offset -1m";
    assert_int_equal(promql_query_instant(e, &storage, q, strlen(q), 0, &r, &err), PROMQL_ERR_BAD_DATA);
    assert_string_equal(err.message, "negative offset is disabled");
    q = "x offset 1m";
    assert_int_equal(promql_query_instant(e, &storage, q, strlen(q), 0, &r, &err), PROMQL_OK);
    promql_result_free(r);
    promql_engine_free(e);
}

static void test_limits(void **state)
{
    promql_engine_options o;
    promql_engine_options_init(&o);
    promql_error err;
    promql_result *r = NULL;
    const char *q = "x * 2";

    o.max_samples = 5;
    promql_engine *e = promql_engine_new(&o, &err);
    assert_int_equal(promql_query_range(e, &storage, q, strlen(q), 0, 540000, 60000, &r, &err),
                     PROMQL_ERR_TOO_MANY_SAMPLES);
    assert_string_equal(err.message, "query processing would load too many samples into memory in query execution");
    assert_null(r);
    promql_engine_free(e);

    promql_engine_options_init(&o);
    o.max_memory_bytes = 64 * 1024;
    e = promql_engine_new(&o, &err);
    assert_int_equal(promql_query_range(e, &storage, q, strlen(q), 0, 10000 * 60000LL, 60000, &r, &err),
                     PROMQL_ERR_RESOURCE);
    assert_null(r);
    promql_engine_free(e);

    static volatile int cancel = 1;
    promql_engine_options_init(&o);
    o.cancel_flag = &cancel;
    e = promql_engine_new(&o, &err);
    assert_int_equal(promql_query_instant(e, &storage, q, strlen(q), 0, &r, &err), PROMQL_ERR_CANCELED);
    promql_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instant_vector),
        cmocka_unit_test(test_name_removal_modes),
        cmocka_unit_test(test_range_matrix),
        cmocka_unit_test(test_instant_kinds),
        cmocka_unit_test(test_errors_and_annotations),
        cmocka_unit_test(test_disabled_modifiers),
        cmocka_unit_test(test_anchored_matrix),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
