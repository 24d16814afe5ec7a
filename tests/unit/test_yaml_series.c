/*
 * test_yaml_series.c -- promtool rule-test YAML input_series into the store: intervals
 * (the test's, else evaluation_interval, else 1m), start_timestamp, a test group chosen by
 * number, repeated series replaced, errors with file positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "fixture/fixture.h"
#include "storage/memstore.h"

static size_t timestamps(promql_memstore *s, const char *name, int64_t *ts, double *v, size_t cap)
{
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m = { PROMQL_MATCH_EQUAL, "__name__", name, NULL };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, &m, 1, NULL, &set, e, sizeof e), 0);
    promql_labels l;
    promql_sample_iter *it;
    size_t n = 0;
    if (set->ops->next(set, &l, &it, e, sizeof e) == 1) {
        promql_sample_batch b;
        while (it->ops->next_batch(it, &b, e, sizeof e) == 0 && b.count)
            for (size_t i = 0; i < b.count && n < cap; i++, n++) {
                ts[n] = b.timestamps[i];
                v[n] = b.values[i];
            }
        it->ops->close(it);
    }
    set->ops->close(set);
    return n;
}

static const char *doc =
    "rule_files: [rules.yml]\n"
    "evaluation_interval: 30s\n"
    "tests:\n"
    "  - interval: 1m\n"
    "    input_series:\n"
    "      - series: 'up{job=\"x\"}'\n"
    "        values: '1+1x3'\n"
    "      - series: 'down'\n"
    "        values: '5 _ stale'\n"
    "      - series: 'down'\n"
    "        values: '7 8'\n"
    "    alert_rule_test: []\n"
    "  - start_timestamp: 100\n"
    "    input_series:\n"
    "      - series: other\n"
    "        values: 1 2\n";

static void test_first_group(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_yaml_input_series(s, "t.yml", doc, strlen(doc), &err) != 0)
        fail_msg("%s", err.message);
    assert_int_equal(promql_memstore_series_count(s), 2);
    int64_t ts[8];
    double v[8];
    assert_int_equal(timestamps(s, "up", ts, v, 8), 4);
    assert_int_equal(ts[3], 180000);
    assert_true(v[3] == 4);
    assert_int_equal(timestamps(s, "down", ts, v, 8), 2);   /* the later entry replaced the first */
    assert_true(v[0] == 7 && v[1] == 8);
    promql_memstore_free(s);
}

static void test_other_group(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_yaml_input_series_group(s, "t.yml", doc, strlen(doc), 1, &err) != 0)
        fail_msg("%s", err.message);
    int64_t ts[8];
    double v[8];
    assert_int_equal(timestamps(s, "other", ts, v, 8), 2);
    assert_int_equal(ts[0], 100000);          /* start_timestamp in seconds */
    assert_int_equal(ts[1], 100000 + 30000);  /* the evaluation_interval */
    assert_int_not_equal(pq_load_yaml_input_series_group(s, "t.yml", doc, strlen(doc), 2, &err), 0);
    promql_memstore_free(s);
}

static void test_defaults_and_rfc3339(void **state)
{
    const char *d = "tests:\n  - start_timestamp: '1970-01-01T00:01:00Z'\n    input_series:\n"
                    "      - series: m\n        values: 1 2\n";
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_yaml_input_series(s, "d.yaml", d, strlen(d), &err) != 0)
        fail_msg("%s", err.message);
    int64_t ts[4];
    double v[4];
    assert_int_equal(timestamps(s, "m", ts, v, 4), 2);
    assert_int_equal(ts[0], 60000);
    assert_int_equal(ts[1], 120000);   /* default interval 1m */
    promql_memstore_free(s);
}

static void expect_error(const char *text, const char *want)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_yaml_input_series(s, "e.yml", text, strlen(text), &err) == 0)
        fail_msg("loaded, expected %s", want);
    if (!strstr(err.message, want))
        fail_msg("error \"%s\" lacks \"%s\"", err.message, want);
    promql_memstore_free(s);
}

static void test_errors(void **state)
{
    expect_error("tests: [\n", "e.yml:");
    expect_error("foo: 1\n", "expected a 'tests' list");
    expect_error("tests:\n  - interval: 1x\n", "e.yml:2:15: not a valid duration string");
    expect_error("tests:\n  - input_series:\n      - series: 'up{'\n", "e.yml:3:");
    expect_error("tests:\n  - input_series:\n      - series: up\n        values: '1 foo'\n",
                 "e.yml:4:20: unexpected identifier");
    expect_error("tests:\n  - input_series:\n      - values: '1'\n", "needs a 'series' string");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_group),
        cmocka_unit_test(test_other_group),
        cmocka_unit_test(test_defaults_and_rfc3339),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
