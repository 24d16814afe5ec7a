/*
 * test_fixture_series.c -- the expanding notation (promqltest / promtool series lines), '@st'
 * lines, storing a series, and promqltest load blocks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture/fixture.h"
#include "storage/memstore.h"
#include "test_support.h"


static pq_series_desc parse_ok(const char *line)
{
    pq_series_desc d;
    char err[256];
    if (pq_parse_series_desc(line, strlen(line), &test_arena, &d, err, sizeof err) != 0)
        fail_msg("%s: %s", line, err);
    return d;
}

static void parse_fail(const char *line, const char *want)
{
    pq_series_desc d;
    char err[256];
    if (pq_parse_series_desc(line, strlen(line), &test_arena, &d, err, sizeof err) == 0)
        fail_msg("%s parsed, expected an error", line);
    if (!strstr(err, want))
        fail_msg("%s: error \"%s\" lacks \"%s\"", line, err, want);
}

static const char *label(const pq_series_desc *d, const char *name)
{
    for (size_t i = 0; i < d->labels.count; i++)
        if (strcmp(d->labels.items[i].name, name) == 0)
            return d->labels.items[i].value;
    return NULL;
}

static void test_labels(void **state)
{
    pq_series_desc d = parse_ok("metric{b=\"2\", a='1'} 1");
    assert_int_equal(d.labels.count, 3);
    assert_string_equal(d.labels.items[0].name, "__name__");
    assert_string_equal(d.labels.items[1].name, "a");
    assert_string_equal(label(&d, "__name__"), "metric");
    d = parse_ok("{__name__=\"m\", x=\"a\\\"b\\n\\u00e9\"} 1");
    assert_string_equal(label(&d, "__name__"), "m");
    assert_string_equal(label(&d, "x"), "a\"b\n\xc3\xa9");
    d = parse_ok("{\"my.metric\", \"label.name\"=\"v\",} 1");
    assert_string_equal(label(&d, "__name__"), "my.metric");
    assert_string_equal(label(&d, "label.name"), "v");
    d = parse_ok("sum 1");   /* keywords are metric names here */
    assert_string_equal(label(&d, "__name__"), "sum");
    d = parse_ok("ns:metric:rate5m{job=`raw\\n`}");
    assert_string_equal(label(&d, "job"), "raw\\n");
    assert_int_equal(d.point_count, 0);
    /* name{...} drops empty values as labels.Builder; a bare {...} keeps them as labels.New */
    d = parse_ok("metric{a=\"\", b=\"1\"} 1");
    assert_int_equal(d.labels.count, 2);
    assert_null(label(&d, "a"));
    d = parse_ok("{__name__=\"metric\", a=\"\"} 1");
    assert_int_equal(d.labels.count, 2);
    assert_string_equal(label(&d, "a"), "");
    parse_fail("metric{a=\"1\",a=\"2\"} 1", "duplicated");
    parse_fail("metric{a=1} 1", "expected string");
    parse_fail("metric{a=\"1\" 1", "expected \",\" or \"}\"");
    parse_fail("metric{a=\"1} 1", "unterminated");
}

static void expect_values(const char *values, const double *want, size_t n)
{
    pq_point *pts;
    size_t count;
    char err[256];
    if (pq_parse_series_values(values, strlen(values), &test_arena, &pts, &count, err, sizeof err) != 0)
        fail_msg("%s: %s", values, err);
    if (count != n)
        fail_msg("%s: %zu points, want %zu", values, count, n);
    for (size_t i = 0; i < n; i++) {
        if (isnan(want[i]) && !signbit(want[i])) {   /* +NaN here stands for "missing" */
            assert_int_equal(pts[i].kind, PQ_POINT_MISSING);
            continue;
        }
        if (isnan(want[i])) {
            assert_true(pts[i].kind == PQ_POINT_FLOAT && isnan(pts[i].value));
            continue;
        }
        assert_int_equal(pts[i].kind, PQ_POINT_FLOAT);
        if (pts[i].value != want[i])
            fail_msg("%s: point %zu is %g, want %g", values, i, pts[i].value, want[i]);
    }
}

#define MISS NAN
#define V(s, ...) do { const double w_[] = { __VA_ARGS__ }; expect_values(s, w_, sizeof w_ / sizeof *w_); } while (0)

static void test_values(void **state)
{
    V("1 2 3", 1, 2, 3);
    V("1+2x3", 1, 3, 5, 7);
    V("10-2x2", 10, 8, 6);
    V("-1-1x2", -1, -2, -3);
    V("5x2", 5, 5, 5);
    V("1 _ 3", 1, MISS, 3);
    V("_x3 1", MISS, MISS, MISS, 1);
    V("Inf -Inf +Inf", INFINITY, -INFINITY, INFINITY);
    V("1e3 .5 1_000 010 09", 1000, 0.5, 1000, 8, 9);
    V("0.1+0.1x2", 0.1, 0.1 + 0.1, 0.1 + 0.1 + 0.1);   /* repeated addition */
    V("  1   2  ", 1, 2);
    pq_point *pts;
    size_t n;
    char err[256];
    assert_int_equal(pq_parse_series_values("1 stale NaN", 11, &test_arena, &pts, &n, err, sizeof err), 0);
    assert_int_equal(n, 3);
    assert_int_equal(pts[1].kind, PQ_POINT_STALE);
    uint64_t bits;
    memcpy(&bits, &pts[1].value, sizeof bits);
    assert_true(bits == PROMQL_STALE_NAN_BITS);
    assert_int_equal(pts[2].kind, PQ_POINT_FLOAT);
    assert_true(isnan(pts[2].value));
    parse_fail("m 1+2", "expected \"x\"");
    parse_fail("m 0x1f", "bad number syntax");
    parse_fail("m 1a", "bad number syntax");
    parse_fail("m foo", "expected number or \"stale\"");
    parse_fail("m 1x1.5", "invalid repetition");
    parse_fail("m 1 % 2", "bad number syntax");
    /* errors carry the 1-based column */
    pq_series_desc d;
    assert_int_equal(pq_parse_series_desc("m 1 foo", 7, &test_arena, &d, err, sizeof err), -1);
    assert_true(strncmp(err, "5: ", 3) == 0);
}

static void test_histograms(void **state)
{
    pq_series_desc d = parse_ok("h {{schema:1 sum:5 count:3 z_bucket:1 z_bucket_w:0.001 buckets:[1 2] offset:1 "
                                "n_buckets:[3] n_offset:-2 counter_reset_hint:gauge}} {{}}x1");
    assert_int_equal(d.point_count, 3);
    promql_histogram *h = d.points[0].hist;
    assert_int_equal(d.points[0].kind, PQ_POINT_HISTOGRAM);
    assert_int_equal(h->schema, 1);
    assert_true(h->sum == 5 && h->count == 3 && h->zero_count == 1 && h->zero_threshold == 0.001);
    assert_int_equal(h->positive_span_count, 1);
    assert_int_equal(h->positive_spans[0].offset, 1);
    assert_int_equal(h->positive_spans[0].length, 2);
    assert_true(h->positive_buckets[1] == 2);
    assert_int_equal(h->negative_spans[0].offset, -2);
    assert_int_equal(h->counter_reset_hint, PROMQL_HINT_GAUGE);
    assert_int_equal(d.points[2].kind, PQ_POINT_HISTOGRAM);
    assert_true(d.points[2].hist->count == 0);

    d = parse_ok("h {{schema:0 sum:1 count:2 buckets:[1 1]}}+{{sum:2 count:1 buckets:[0 1] offset:1}}x2");
    assert_int_equal(d.point_count, 3);
    h = d.points[2].hist;
    assert_true(h->sum == 5 && h->count == 4);
    assert_int_equal(h->positive_bucket_count, 3);
    assert_true(h->positive_buckets[0] == 1 && h->positive_buckets[1] == 1 && h->positive_buckets[2] == 2);

    d = parse_ok("h {{schema:-53 sum:10 count:5 custom_values:[1 2] buckets:[5]}}-{{schema:-53 sum:1 count:1 custom_values:[1 2] buckets:[1]}}x1");
    h = d.points[1].hist;
    assert_int_equal(h->schema, -53);
    assert_true(h->count == 4 && h->positive_buckets[0] == 4);
    assert_int_equal(h->custom_value_count, 2);

    parse_fail("h {{schema:1 bogus:2}}", "bad histogram descriptor");
    parse_fail("h {{sum:1", "missing \"}}\"");
    parse_fail("h {{buckets:[1 2}}", "unexpected character in bucket list");
    parse_fail("h {{schema:2}}+{{schema:1}}x1", "cannot merge from schema");
}

static void test_st_line(void **state)
{
    pq_series_desc d;
    char err[256];
    const char *line = "c{type=\"x\"}@st _ _ -30s-1mx2 -1ms _x2 0x1";
    assert_int_equal(pq_parse_st_line(line, strlen(line), &test_arena, &d, err, sizeof err), 0);
    assert_int_equal(d.point_count, 10);
    assert_int_equal(d.points[0].kind, PQ_POINT_MISSING);
    assert_true(d.points[2].has_start_ts);
    assert_int_equal(d.points[2].start_ts_offset_ms, -30000);
    assert_int_equal(d.points[3].start_ts_offset_ms, -90000);
    assert_int_equal(d.points[4].start_ts_offset_ms, -150000);
    assert_int_equal(d.points[5].start_ts_offset_ms, -1);
    assert_int_equal(d.points[6].kind, PQ_POINT_MISSING);
    assert_int_equal(d.points[9].start_ts_offset_ms, 0);
    assert_int_equal(pq_parse_st_line("c@st 5q", 7, &test_arena, &d, err, sizeof err), -1);
}

static void test_store_and_promqltest(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    const char *text =
        "# comment\n"
        "load 1m\n"
        "  a{x=\"1\"} 1 _ stale 4\n"
        "  a{x=\"1\"} 9 9\n"                   /* replaces the line above */
        "  c@st _ -30s\n"
        "  c 1 2\n"
        "\n"
        "eval instant at 1m a\n"
        "  a{x=\"1\"} 9\n"
        "\n"
        "load 30s\n"
        "  b 1+1x3\n";
    assert_int_equal(pq_load_promqltest(s, "t.test", text, strlen(text), &err), 0);
    assert_int_equal(promql_memstore_series_count(s), 3);
    assert_int_equal(promql_memstore_sample_count(s), 2 + 2 + 4);
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m = { PROMQL_MATCH_EQUAL, "__name__", "c", NULL };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, &m, 1, NULL, &set, e, sizeof e), 0);
    promql_labels l;
    promql_sample_iter *it;
    assert_int_equal(set->ops->next(set, &l, &it, e, sizeof e), 1);
    promql_sample_batch b;
    assert_int_equal(it->ops->next_batch(it, &b, e, sizeof e), 0);
    assert_int_equal(b.count, 2);
    assert_non_null(b.start_ts);
    assert_int_equal(b.start_ts[0], 0);
    assert_int_equal(b.start_ts[1], 60000 - 30000);
    it->ops->close(it);
    set->ops->close(set);

    /* errors carry name:line:col */
    const char *bad = "load 1m\n  a 1 2\n  b 1 x\n";
    promql_memstore_clear(s);
    assert_int_not_equal(pq_load_promqltest(s, "bad.test", bad, strlen(bad), &err), 0);
    assert_true(strncmp(err.message, "bad.test:3:7: unexpected", 24) == 0);
    const char *bad2 = "load 1x\n  a 1\n";
    assert_int_not_equal(pq_load_promqltest(s, "bad.test", bad2, strlen(bad2), &err), 0);
    assert_non_null(strstr(err.message, "invalid step definition"));
    /* a second load of the same series at the same times with other values */
    const char *dup = "load 1m\n  a 1 2\n\nload 1m\n  a 1 3\n";
    promql_memstore_clear(s);
    assert_int_not_equal(pq_load_promqltest(s, "dup.test", dup, strlen(dup), &err), 0);
    assert_non_null(strstr(err.message, "out of order sample"));
    const char *dup2 = "load 1m\n  a 1 2\n\nload 1m\n  a _ 3\n";
    promql_memstore_clear(s);
    assert_int_not_equal(pq_load_promqltest(s, "dup.test", dup2, strlen(dup2), &err), 0);
    assert_non_null(strstr(err.message, "duplicate sample for timestamp"));
    const char *same = "load 1m\n  a 1 2\n\nload 1m\n  a _ 2 3\n";
    promql_memstore_clear(s);
    assert_int_equal(pq_load_promqltest(s, "same.test", same, strlen(same), &err), 0);
    assert_int_equal(promql_memstore_sample_count(s), 3);
    promql_memstore_free(s);
}

static void test_store_series_desc(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    pq_series_desc d = parse_ok("m 1 _ stale {{count:1}}");
    assert_int_equal(pq_store_series_desc(s, &d, 1000, 10, &err), 0);
    assert_int_equal(promql_memstore_sample_count(s), 3);
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m = { PROMQL_MATCH_EQUAL, "__name__", "m", NULL };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, &m, 1, NULL, &set, e, sizeof e), 0);
    promql_labels l;
    promql_sample_iter *it;
    assert_int_equal(set->ops->next(set, &l, &it, e, sizeof e), 1);
    promql_sample_batch b;
    assert_int_equal(it->ops->next_batch(it, &b, e, sizeof e), 0);
    assert_int_equal(b.count, 3);
    assert_int_equal(b.timestamps[0], 1000);
    assert_int_equal(b.timestamps[1], 1020);
    assert_int_equal(b.timestamps[2], 1030);
    uint64_t bits;
    memcpy(&bits, &b.values[1], sizeof bits);
    assert_true(bits == PROMQL_STALE_NAN_BITS);
    assert_non_null(b.histograms && b.histograms[2]);
    it->ops->close(it);
    set->ops->close(set);
    promql_memstore_free(s);
}

/* Every upstream conformance script loads. */
static void test_upstream_scripts_load(void **state)
{
    static const char *names[] = { "aggregators", "at_modifier", "functions", "histograms", "native_histograms",
                                   "operators", "selectors", "staleness", "start_timestamps", "subquery",
                                   "type_and_unit", "range_queries", "limit" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *dir = test_upstream_dir();
        if (!dir)
            skip();
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.test", dir, names[i]);
        size_t n = 0;
        char *buf = test_read_file(path, &n);
        if (!buf)
            skip();
        promql_memstore *s = promql_memstore_new();
        promql_error err;
        if (pq_load_promqltest(s, path, buf, n, &err) != 0)
            fail_msg("%s", err.message);
        promql_memstore_free(s);
        free(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_labels, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_values, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_histograms, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_st_line, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_store_and_promqltest, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_store_series_desc, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_upstream_scripts_load, test_arena_setup, test_arena_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
