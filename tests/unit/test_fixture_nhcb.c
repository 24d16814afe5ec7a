/*
 * test_fixture_nhcb.c -- promqltest's load_with_nhcb: classic histograms stored again as native
 * histograms with custom buckets (grouping, counts, +Inf, compaction, errors).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "fixture/fixture.h"
#include "storage/memstore.h"

typedef struct got {
    promql_series_set *set;
    promql_sample_iter *it;
    promql_sample_batch b;
    promql_labels labels;
} got;

/* Select the one series named 'name'; false when there is none. */
static bool read_series(promql_memstore *s, const char *name, got *g)
{
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m = { PROMQL_MATCH_EQUAL, "__name__", name, NULL };
    char e[128];
    assert_int_equal(st->select(st->ctx, &m, 1, NULL, &g->set, e, sizeof e), 0);
    if (g->set->ops->next(g->set, &g->labels, &g->it, e, sizeof e) != 1) {
        g->set->ops->close(g->set);
        return false;
    }
    assert_int_equal(g->it->ops->next_batch(g->it, &g->b, e, sizeof e), 0);
    return true;
}

static void done(got *g)
{
    g->it->ops->close(g->it);
    g->set->ops->close(g->set);
}

static promql_memstore *load(const char *text)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_promqltest(s, "t.test", text, strlen(text), &err) != 0)
        fail_msg("load failed: %s", err.message);
    return s;
}

static void load_fails(const char *text, const char *want)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    assert_int_not_equal(pq_load_promqltest(s, "t.test", text, strlen(text), &err), 0);
    if (!strstr(err.message, want))
        fail_msg("error \"%s\" lacks \"%s\"", err.message, want);
    promql_memstore_free(s);
}

static void assert_doubles(const double *got_v, size_t n, const double *want, size_t wn)
{
    assert_int_equal(n, wn);
    for (size_t i = 0; i < n; i++)
        assert_true(got_v[i] == want[i]);
}

static void test_basic_conversion(void **state)
{
    (void)state;
    promql_memstore *s = load("load_with_nhcb 1m\n"
                              "  m_bucket{le=\"0.1\", job=\"j\"} 1 2\n"
                              "  m_bucket{le=\"1\", job=\"j\"} 3 4\n"
                              "  m_bucket{le=\"+Inf\", job=\"j\"} 5 6\n"
                              "  m_count{job=\"j\"} 5 6\n"
                              "  m_sum{job=\"j\"} 10 11\n");
    assert_int_equal(promql_memstore_series_count(s), 6);   /* the floats stay */
    got g;
    assert_true(read_series(s, "m", &g));
    assert_int_equal(g.labels.count, 2);
    assert_string_equal(g.labels.items[1].name, "job");
    assert_int_equal(g.b.count, 2);
    assert_int_equal(g.b.timestamps[1], 60000);
    const promql_histogram *h = g.b.histograms[0];
    assert_non_null(h);
    assert_int_equal(h->schema, -53);
    assert_true(h->count == 5 && h->sum == 10);
    assert_doubles(h->custom_values, h->custom_value_count, (double[]){ 0.1, 1 }, 2);
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 1, 2, 2 }, 3);
    assert_int_equal(h->positive_span_count, 1);
    assert_int_equal(h->counter_reset_hint, PROMQL_HINT_UNKNOWN);
    h = g.b.histograms[1];
    assert_true(h->count == 6 && h->sum == 11);
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 2, 2, 2 }, 3);
    assert_int_equal(h->counter_reset_hint, PROMQL_HINT_NOT_COUNTER_RESET);
    done(&g);
    promql_memstore_free(s);

    /* plain 'load' converts nothing */
    s = load("load 1m\n  m_bucket{le=\"1\"} 1\n  m_count 1\n");
    assert_false(read_series(s, "m", &g));
    promql_memstore_free(s);
}

static void test_missing_parts(void **state)
{
    (void)state;
    /* no +Inf bucket, no _count, no _sum: +Inf gets the highest bucket's count, sum 0; a
     * timestamp only _count has makes a histogram of its own; '_' makes none */
    promql_memstore *s = load("load_with_nhcb 1m\n"
                              "  n_bucket{le=\"1\"} 3 _ _\n"
                              "  n_bucket{le=\"2\"} 3 _ _\n"
                              "  n_count _ 4 _\n"
                              "  n_bucket{le=\"bad\"} 9 9 9\n");
    got g;
    assert_true(read_series(s, "n", &g));
    assert_int_equal(g.b.count, 2);
    const promql_histogram *h = g.b.histograms[0];
    assert_true(h->count == 3 && h->sum == 0);
    assert_doubles(h->custom_values, h->custom_value_count, (double[]){ 1, 2 }, 2);
    /* deltas 3 0 0: trailing empties compacted away */
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 3 }, 1);
    h = g.b.histograms[1];
    assert_true(h->count == 4);
    assert_int_equal(h->custom_value_count, 0);
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 4 }, 1);
    done(&g);
    promql_memstore_free(s);
}

static void test_compaction(void **state)
{
    (void)state;
    /* integer counts: runs of more than two empty buckets split spans */
    promql_memstore *s = load("load_with_nhcb 1m\n"
                              "  c_bucket{le=\"1\"} 0\n  c_bucket{le=\"2\"} 1\n  c_bucket{le=\"3\"} 1\n"
                              "  c_bucket{le=\"4\"} 1\n  c_bucket{le=\"5\"} 1\n  c_bucket{le=\"+Inf\"} 4\n"
                              "  f_bucket{le=\"1\"} 0.5\n  f_bucket{le=\"2\"} 0.5\n  f_bucket{le=\"+Inf\"} 1.5\n");
    got g;
    assert_true(read_series(s, "c", &g));
    const promql_histogram *h = g.b.histograms[0];
    assert_int_equal(h->positive_span_count, 2);
    assert_int_equal(h->positive_spans[0].offset, 1);
    assert_int_equal(h->positive_spans[0].length, 1);
    assert_int_equal(h->positive_spans[1].offset, 3);
    assert_int_equal(h->positive_spans[1].length, 1);
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 1, 3 }, 2);
    done(&g);
    /* float counts: any empty bucket splits */
    assert_true(read_series(s, "f", &g));
    h = g.b.histograms[0];
    assert_int_equal(h->positive_span_count, 2);
    assert_int_equal(h->positive_spans[1].offset, 1);
    assert_doubles(h->positive_buckets, h->positive_bucket_count, (double[]){ 0.5, 1 }, 2);
    done(&g);
    promql_memstore_free(s);
}

static void test_errors(void **state)
{
    (void)state;
    load_fails("load_with_nhcb 1m\n  e_bucket{le=\"1\"} 5\n  e_bucket{le=\"2\"} 3\n", "not cumulative");
    load_fails("load_with_nhcb 1m\n  e_bucket{le=\"+Inf\"} 5\n  e_count 7\n", "count mismatch");
    load_fails("load_with_nhcb 1m\n  e_bucket 5\n", "expected bucket label");
    load_fails("load_with_nhcb 1m\n  e_bucket{le=\"1\"} -1\n", "non-negative");
    load_fails("load_with_nhcb 1m\n  e_bucket{le=\"1\"} 5\n  e_count 2\n", "negative");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_conversion),
        cmocka_unit_test(test_missing_parts),
        cmocka_unit_test(test_compaction),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
