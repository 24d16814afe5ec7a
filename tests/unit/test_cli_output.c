/*
 * test_cli_output.c -- the CLI's JSON rendering of real query results, byte for byte against
 * what Prometheus's HTTP API sends for the same data (bodies taken from the reference server):
 * every result type, label escaping, value and timestamp formats, annotations, histograms and
 * the error body.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/cli/jsonstr.c"
#include "../../src/cli/numfmt.c"
#include "../../src/cli/output_json.c"

typedef struct fixture {
    promql_memstore *store;
    promql_engine *engine;
} fixture;

static void append(promql_memstore *s, const char *name, const char *lname, const char *lvalue, int64_t t, double v)
{
    promql_label items[2] = {{"__name__", name}, {lname, lvalue}};
    promql_labels ls = {items, lname ? 2 : 1};
    promql_error err;
    assert_int_equal(promql_memstore_append(s, &ls, t, v, &err), PROMQL_OK);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->store = promql_memstore_new();
    for (int i = 0; i <= 10; i++) {
        append(f->store, "up", "instance", "a:9100", 1700000000000LL + i * 30000, 1);
        append(f->store, "up", "instance", "b<&>\"\\\n", 1700000000000LL + i * 30000, i < 5 ? 1 : 0);
        append(f->store, "tiny", NULL, NULL, 1700000000000LL + i * 30000, 1e-7 * (i + 1));
    }
    promql_span spans[1] = {{0, 2}};
    double buckets[2] = {1, 2};
    promql_histogram h;
    memset(&h, 0, sizeof h);
    h.schema = 0;
    h.zero_threshold = 0.001;
    h.zero_count = 1;
    h.count = 4;
    h.sum = 5;
    h.positive_spans = spans;
    h.positive_span_count = 1;
    h.positive_buckets = buckets;
    h.positive_bucket_count = 2;
    promql_label hl[1] = {{"__name__", "lat"}};
    promql_labels hls = {hl, 1};
    promql_error err;
    assert_int_equal(promql_memstore_append_histogram(f->store, &hls, 1700000000000LL, &h, &err), PROMQL_OK);
    promql_engine_options opts;
    promql_engine_options_init(&opts);
    f->engine = promql_engine_new(&opts, &err);
    assert_non_null(f->engine);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    promql_engine_free(f->engine);
    promql_memstore_free(f->store);
    free(f);
    return 0;
}

static void check(fixture *f, const char *q, int64_t start, int64_t end, int64_t step, bool stats, const char *want)
{
    promql_result *res = NULL;
    promql_error err;
    promql_error_code rc = step ? promql_query_range(f->engine, promql_memstore_storage(f->store), q, strlen(q), start,
                                                     end, step, &res, &err)
                                : promql_query_instant(f->engine, promql_memstore_storage(f->store), q, strlen(q), start,
                                                       &res, &err);
    if (rc != PROMQL_OK)
        fail_msg("query %s failed: %s", q, err.message);
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_cli_json_success(&b, res, stats);
    char *s = pq_strbuf_finish(&b);
    assert_non_null(s);
    if (want)
        assert_string_equal(s, want);
    free(s);
    promql_result_free(res);
}

static void test_vector(void **state)
{
    check(*state, "up", 1700000300000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a:9100\"},\"value\":[1700000300,\"1\"]},"
          "{\"metric\":{\"__name__\":\"up\",\"instance\":\"b\\u003c\\u0026\\u003e\\\"\\\\\\n\"},\"value\":[1700000300,\"0\"]}"
          "]}}");
    check(*state, "tiny", 1700000000010LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          "{\"metric\":{\"__name__\":\"tiny\"},\"value\":[1700000000.010,\"1e-07\"]}]}}");
    check(*state, "nothing_here", 1700000000000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
}

static void test_matrix(void **state)
{
    check(*state, "up{instance=\"a:9100\"}", 1700000000000LL, 1700000060000LL, 30000, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
          "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a:9100\"},\"values\":[[1700000000,\"1\"],[1700000030,\"1\"],"
          "[1700000060,\"1\"]]}]}}");
    check(*state, "up[1m]", 1700000060000LL, 0, 0, false, NULL);
}

static void test_scalar_and_string(void **state)
{
    check(*state, "1/3", 1700000000500LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"0.3333333333333333\"]}}");
    check(*state, "1e-7", 1700000000000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"0.0000001\"]}}");
    check(*state, "1e21", 1700000000000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"1000000000000000000000\"]}}");
    check(*state, "-Inf", 1700000000000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"-Inf\"]}}");
    check(*state, "\"a<b>&c\"", 1700000000123LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1700000000.123,\"a\\u003cb\\u003e\\u0026c\"]}}");
}

static void test_annotations_and_stats(void **state)
{
    check(*state, "rate(up{instance=\"a:9100\"}[5m])", 1700000300000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          "{\"metric\":{\"instance\":\"a:9100\"},\"value\":[1700000300,\"0\"]}]},"
          "\"infos\":[\"PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
          "\\\"up\\\" (1:6)\"]}");
    fixture *f = *state;
    promql_result *res = NULL;
    promql_error err;
    assert_int_equal(promql_query_instant(f->engine, promql_memstore_storage(f->store), "sum(up)", 7,
                                          1700000300000LL, &res, &err), PROMQL_OK);
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_cli_json_success(&b, res, true);
    char *s = pq_strbuf_finish(&b);
    assert_non_null(strstr(s, "}],\"stats\":{\"timings\":{\"evalTotalTime\":"));
    assert_non_null(strstr(s, ",\"resultSortTime\":0,\"queryPreparationTime\":"));
    assert_non_null(strstr(s, "},\"samples\":{\"totalQueryableSamples\":"));
    assert_true(s[strlen(s) - 1] == '}' && s[strlen(s) - 2] == '}');
    free(s);
    promql_result_free(res);
}

static void test_histogram(void **state)
{
    check(*state, "lat", 1700000000000LL, 0, 0, false,
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          "{\"metric\":{\"__name__\":\"lat\"},\"histogram\":[1700000000,{\"count\":\"4\",\"sum\":\"5\",\"buckets\":["
          "[3,\"-0.001\",\"0.001\",\"1\"],[0,\"0.5\",\"1\",\"1\"],[0,\"1\",\"2\",\"2\"]]}]}]}}");
}

static void test_error_body(void **state)
{
    (void)state;
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_cli_json_error(&b, "bad_data", "invalid parameter \"query\": 1:5: parse error: unexpected <EOF>");
    char *s = pq_strbuf_finish(&b);
    assert_string_equal(s, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": "
                           "1:5: parse error: unexpected \\u003cEOF\\u003e\"}");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vector),     cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_scalar_and_string), cmocka_unit_test(test_annotations_and_stats),
        cmocka_unit_test(test_histogram),  cmocka_unit_test(test_error_body),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
