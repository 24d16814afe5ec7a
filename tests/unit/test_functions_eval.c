/*
 * test_functions_eval.c -- function-library behaviour through the public API, where upstream's
 * promqltest scripts do not pin it down: exact annotation texts (merged monotonicity info,
 * possible non-counter info), sort orders with NaN and missing labels, label_replace's Go-style
 * template expansion and series merging, absent() labels, and argument errors.
 */
#include <math.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "promql/promql.h"

static const char fixture[] =
    "load 1m\n"
    "  req_total{job=\"a\"} 0+10x10\n"
    "  temp{job=\"a\"} 1 2 3 4 5 6 7 8 9 10 11\n"
    "  temp{job=\"b\"} NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN\n"
    "  temp{job=\"c\"} 5 5 5 5 5 5 5 5 5 5 5\n"
    "  temp{job=\"d\",x=\"10\"} 0 0 0 0 0 0 0 0 0 0 0\n"
    "  temp{job=\"d\",x=\"9\"} 0 0 0 0 0 0 0 0 0 0 0\n"
    "  lat_bucket{le=\"1\"} 5+0x10\n"
    "  lat_bucket{le=\"2\"} 3+0x10\n"
    "  lat_bucket{le=\"+Inf\"} 6+0x10\n"
    "  bad_bucket{le=\"x\"} 1+0x10\n";

typedef struct env {
    promql_memstore *store;
    promql_engine *engine;
} env;

static int setup(void **state)
{
    static env e;
    promql_error err;
    e.store = promql_memstore_new();
    if (!e.store)
        return -1;
    if (promql_memstore_load_buffer(e.store, "fixture.test", fixture, strlen(fixture), &err) !=
        PROMQL_OK) {
        fprintf(stderr, "load: %s\n", err.message);
        return -1;
    }
    promql_engine_options o;
    promql_engine_options_init(&o);
    /* As the upstream promqltest engine: annotations then name the metric ("for metric name"),
     * which immediate name removal (the default, as in Prometheus) leaves out. */
    o.enable_delayed_name_removal = 1;
    e.engine = promql_engine_new(&o, &err);
    if (!e.engine)
        return -1;
    *state = &e;
    return 0;
}

static int teardown(void **state)
{
    env *e = *state;
    promql_engine_free(e->engine);
    promql_memstore_free(e->store);
    return 0;
}

static promql_result *instant(void **state, const char *q, int64_t t_ms)
{
    env *e = *state;
    promql_result *r = NULL;
    promql_error err;
    promql_error_code rc = promql_query_instant(e->engine, promql_memstore_storage(e->store), q,
                                                strlen(q), t_ms, &r, &err);
    if (rc != PROMQL_OK)
        fprintf(stderr, "%s: %s\n", q, err.message);
    assert_int_equal(rc, PROMQL_OK);
    return r;
}

static const char *label(promql_labels ls, const char *name)
{
    for (size_t i = 0; i < ls.count; i++)
        if (strcmp(ls.items[i].name, name) == 0)
            return ls.items[i].value;
    return NULL;
}

static double value(const promql_result *r, size_t i)
{
    const int64_t *t;
    const double *v;
    assert_int_equal(promql_result_series_floats(r, i, &t, &v), 1);
    return v[0];
}

static bool has_annotation(const promql_result *r, promql_annotation_kind kind, const char *text)
{
    for (size_t i = 0; i < promql_result_annotation_count(r); i++) {
        promql_annotation_kind k;
        const char *a = promql_result_annotation(r, i, &k);
        if (k == kind && strcmp(a, text) == 0)
            return true;
    }
    return false;
}

static void dump_annotations(const promql_result *r)
{
    for (size_t i = 0; i < promql_result_annotation_count(r); i++) {
        promql_annotation_kind k;
        fprintf(stderr, "  annotation: %s\n", promql_result_annotation(r, i, &k));
    }
}

static void test_sort_nan_last(void **state)
{
    promql_result *r = instant(state, "sort(temp{job=~\"a|b|c\"})", 300000);
    assert_int_equal(promql_result_series_count(r), 3);
    assert_true(value(r, 0) == 5);
    assert_true(value(r, 1) == 6);
    assert_true(isnan(value(r, 2)));
    promql_result_free(r);
    r = instant(state, "sort_desc(temp{job=~\"a|b|c\"})", 300000);
    assert_true(value(r, 0) == 6);
    assert_true(value(r, 1) == 5);
    assert_true(isnan(value(r, 2)));
    promql_result_free(r);
}

static void test_sort_by_label_natural(void **state)
{
    promql_result *r = instant(state, "sort_by_label(temp{job=\"d\"}, \"x\")", 300000);
    assert_int_equal(promql_result_series_count(r), 2);
    assert_string_equal(label(promql_result_series_labels(r, 0), "x"), "9");
    assert_string_equal(label(promql_result_series_labels(r, 1), "x"), "10");
    promql_result_free(r);
    r = instant(state, "sort_by_label_desc(temp{job=\"d\"}, \"x\")", 300000);
    assert_string_equal(label(promql_result_series_labels(r, 0), "x"), "10");
    promql_result_free(r);
}

static void test_label_replace_expand(void **state)
{
    promql_result *r = instant(
        state, "label_replace(temp{job=\"a\"}, \"y\", \"<$1|${1}x|$1x|$$|$name|${name}>\", \"job\", \"(?P<name>.)\")",
        300000);
    assert_int_equal(promql_result_series_count(r), 1);
    /* $1x names a group "1x", which does not exist: empty (Go's Expand) */
    assert_string_equal(label(promql_result_series_labels(r, 0), "y"), "<a|ax||$|a|a>");
    promql_result_free(r);
    /* no match: unchanged */
    r = instant(state, "label_replace(temp{job=\"a\"}, \"y\", \"z\", \"job\", \"b\")", 300000);
    assert_null(label(promql_result_series_labels(r, 0), "y"));
    promql_result_free(r);
}

static void test_label_replace_collision(void **state)
{
    env *e = *state;
    promql_result *r = NULL;
    promql_error err;
    const char *q = "label_replace(temp{job=~\"a|c\"}, \"job\", \"same\", \"job\", \".*\")";
    promql_error_code rc = promql_query_instant(e->engine, promql_memstore_storage(e->store), q,
                                                strlen(q), 300000, &r, &err);
    assert_int_not_equal(rc, PROMQL_OK);
    assert_non_null(strstr(err.message, "vector cannot contain metrics with the same labelset"));
}

static void test_invalid_label_names(void **state)
{
    env *e = *state;
    promql_result *r = NULL;
    promql_error err;
    const char *q = "label_join(temp, \"\", \"-\", \"job\")";
    promql_error_code rc = promql_query_instant(e->engine, promql_memstore_storage(e->store), q,
                                                strlen(q), 300000, &r, &err);
    assert_int_not_equal(rc, PROMQL_OK);
    assert_string_equal(err.message, "invalid destination label name in label_join(): ");
    q = "label_replace(temp, \"a\", \"\", \"job\", \"(\")";
    rc = promql_query_instant(e->engine, promql_memstore_storage(e->store), q, strlen(q), 300000,
                              &r, &err);
    assert_int_not_equal(rc, PROMQL_OK);
    assert_string_equal(err.message, "invalid regular expression in label_replace(): (");
}

static void test_monotonicity_info(void **state)
{
    promql_result *r = instant(state, "histogram_quantile(0.5, lat_bucket)", 120000);
    assert_int_equal(promql_result_series_count(r), 1);
    /* buckets 5, 3 (fixed to 5), 6: rank 3 falls in the first bucket */
    assert_true(fabs(value(r, 0) - 0.6) < 1e-12);
    const char *want =
        "PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see "
        "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) "
        "for metric name \"lat_bucket\", from buckets 2 to 2, with a max diff of 2, over 1 "
        "samples from 1970-01-01T00:02:00Z to 1970-01-01T00:02:00Z (1:25)";
    if (!has_annotation(r, PROMQL_ANNOTATION_INFO, want))
        dump_annotations(r);
    assert_true(has_annotation(r, PROMQL_ANNOTATION_INFO, want));
    promql_result_free(r);
}

static void test_bad_bucket_warning(void **state)
{
    promql_result *r = instant(state, "histogram_quantile(0.5, bad_bucket)", 120000);
    assert_int_equal(promql_result_series_count(r), 0);
    const char *want = "PromQL warning: bucket label \"le\" is missing or has a malformed value "
                       "of \"x\" for metric name \"bad_bucket\" (1:25)";
    if (!has_annotation(r, PROMQL_ANNOTATION_WARNING, want))
        dump_annotations(r);
    assert_true(has_annotation(r, PROMQL_ANNOTATION_WARNING, want));
    promql_result_free(r);
    r = instant(state, "histogram_quantile(1.5, lat_bucket)", 120000);
    assert_true(isinf(value(r, 0)) && value(r, 0) > 0);
    assert_true(has_annotation(r, PROMQL_ANNOTATION_WARNING,
                               "PromQL warning: quantile value should be between 0 and 1, got 1.5 "
                               "(1:20)"));
    promql_result_free(r);
}

static void test_rate_non_counter_info(void **state)
{
    promql_result *r = instant(state, "rate(temp{job=\"a\"}[5m])", 300000);
    assert_int_equal(promql_result_series_count(r), 1);
    const char *want = "PromQL info: metric might not be a counter, name does not end in "
                       "_total/_sum/_count/_bucket: \"temp\" (1:6)";
    if (!has_annotation(r, PROMQL_ANNOTATION_INFO, want))
        dump_annotations(r);
    assert_true(has_annotation(r, PROMQL_ANNOTATION_INFO, want));
    promql_result_free(r);
    r = instant(state, "rate(req_total[5m])", 300000);
    assert_int_equal(promql_result_annotation_count(r), 0);
    assert_true(fabs(value(r, 0) - 10.0 / 60) < 1e-12);
    promql_result_free(r);
}

static void test_absent_labels(void **state)
{
    promql_result *r = instant(state, "absent(nope{a=\"1\", b=~\"x\", c=\"2\", c=\"3\"})", 0);
    assert_int_equal(promql_result_series_count(r), 1);
    promql_labels ls = promql_result_series_labels(r, 0);
    assert_int_equal(ls.count, 1);
    assert_string_equal(label(ls, "a"), "1");
    promql_result_free(r);
}

static void test_smoothing_factor_error(void **state)
{
    env *e = *state;
    promql_result *r = NULL;
    promql_error err;
    const char *q = "double_exponential_smoothing(temp{job=\"a\"}[5m], 1, 0.5)";
    promql_error_code rc = promql_query_instant(e->engine, promql_memstore_storage(e->store), q,
                                                strlen(q), 300000, &r, &err);
    assert_int_not_equal(rc, PROMQL_OK);
    assert_string_equal(err.message, "invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_nan_last),
        cmocka_unit_test(test_sort_by_label_natural),
        cmocka_unit_test(test_label_replace_expand),
        cmocka_unit_test(test_label_replace_collision),
        cmocka_unit_test(test_invalid_label_names),
        cmocka_unit_test(test_monotonicity_info),
        cmocka_unit_test(test_bad_bucket_warning),
        cmocka_unit_test(test_rate_non_counter_info),
        cmocka_unit_test(test_absent_labels),
        cmocka_unit_test(test_smoothing_factor_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
