/*
 * test_memstore.c -- the in-memory store's own rules: append order and duplicates, exact NaN
 * bits, empty label values dropped, histograms copied, start timestamps, hints limiting the
 * batch end, clear and counts, compaction to 16 bytes a float sample.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/labels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "promql/promql.h"
#include "storage/memstore.h"

static promql_labels L(promql_label *items, size_t n)
{
    promql_labels l = { items, n };
    return l;
}

static void test_append_order(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_label it[] = { { "__name__", "m" } };
    promql_labels l = L(it, 1);
    promql_error err;
    assert_int_equal(promql_memstore_append(s, &l, 1000, 1, &err), PROMQL_OK);
    assert_int_equal(promql_memstore_append(s, &l, 2000, 2, &err), PROMQL_OK);
    assert_int_equal(promql_memstore_append(s, &l, 1500, 3, &err), PROMQL_ERR_BAD_DATA);
    assert_non_null(strstr(err.message, "out of order sample"));
    /* same timestamp, same value: ignored; different value: an error */
    assert_int_equal(promql_memstore_append(s, &l, 2000, 2, &err), PROMQL_OK);
    assert_int_equal(promql_memstore_append(s, &l, 2000, 5, &err), PROMQL_ERR_BAD_DATA);
    assert_non_null(strstr(err.message, "duplicate sample for timestamp"));
    assert_int_equal(promql_memstore_sample_count(s), 2);
    assert_int_equal(promql_memstore_series_count(s), 1);
    promql_memstore_free(s);
}

static void test_labels_normalised(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    /* unsorted input, an empty value: the same series as the sorted one without it */
    promql_label a[] = { { "job", "x" }, { "__name__", "m" }, { "env", "" } };
    promql_label b[] = { { "__name__", "m" }, { "job", "x" } };
    promql_labels la = L(a, 3), lb = L(b, 2);
    assert_int_equal(promql_memstore_append(s, &la, 1, 1, &err), PROMQL_OK);
    assert_int_equal(promql_memstore_append(s, &lb, 2, 2, &err), PROMQL_OK);
    assert_int_equal(promql_memstore_series_count(s), 1);
    promql_label dup[] = { { "a", "1" }, { "a", "2" } };
    promql_labels ld = L(dup, 2);
    assert_int_equal(promql_memstore_append(s, &ld, 1, 1, &err), PROMQL_ERR_BAD_DATA);
    promql_memstore_free(s);
}

static size_t read_all(const promql_storage *st, const char *name, const promql_select_hints *hints,
                       promql_sample_batch *last, promql_sample_iter **keep, promql_series_set **set)
{
    promql_matcher m = { PROMQL_MATCH_EQUAL, "__name__", name, NULL };
    char err[128];
    assert_int_equal(st->select(st->ctx, &m, 1, hints, set, err, sizeof err), 0);
    promql_labels l;
    promql_sample_iter *it;
    assert_int_equal((*set)->ops->next(*set, &l, &it, err, sizeof err), 1);
    promql_sample_batch b;
    size_t n = 0;
    for (;;) {
        assert_int_equal(it->ops->next_batch(it, &b, err, sizeof err), 0);
        if (!b.count)
            break;
        *last = b;
        n += b.count;
    }
    *keep = it;
    return n;
}

static void test_nan_bits_and_histograms(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    promql_label it[] = { { "__name__", "h" } };
    promql_labels l = L(it, 1);
    uint64_t odd = 0x7ff8000000000abcULL;
    double v;
    memcpy(&v, &odd, sizeof v);
    assert_int_equal(promql_memstore_append(s, &l, 1, v, &err), PROMQL_OK);
    double buckets[] = { 1, 2 };
    promql_span span = { 0, 2 };
    promql_histogram h = { 0 };
    h.count = 3;
    h.sum = 5;
    h.positive_spans = &span;
    h.positive_span_count = 1;
    h.positive_buckets = buckets;
    h.positive_bucket_count = 2;
    assert_int_equal(promql_memstore_append_histogram(s, &l, 2, &h, &err), PROMQL_OK);
    buckets[0] = 100;   /* the store owns a copy */
    promql_sample_batch b;
    promql_sample_iter *iter;
    promql_series_set *set;
    assert_int_equal(read_all(promql_memstore_storage(s), "h", NULL, &b, &iter, &set), 2);
    uint64_t bits;
    memcpy(&bits, &b.values[0], sizeof bits);
    assert_true(bits == odd);
    assert_non_null(b.histograms);
    assert_null(b.histograms[0]);
    assert_non_null(b.histograms[1]);
    assert_true(b.histograms[1]->positive_buckets[0] == 1);
    assert_true(b.histograms[1]->count == 3);
    iter->ops->close(iter);
    set->ops->close(set);
    promql_memstore_free(s);
}

/* Appends a histogram with two buckets at index 0 and 1 (or one at index 1 when b0 < 0). */
static void add_h(promql_memstore *s, promql_labels *l, int64_t t, int32_t schema, double b0, double b1,
                  promql_counter_reset_hint hint)
{
    promql_error err;
    double buckets[2];
    promql_span span;
    promql_histogram h = { 0 };
    h.schema = schema;
    h.counter_reset_hint = hint;
    if (b0 < 0) {
        span = (promql_span){ 1, 1 };
        buckets[0] = b1;
        h.positive_bucket_count = 1;
        h.count = b1;
    } else {
        span = (promql_span){ 0, 2 };
        buckets[0] = b0;
        buckets[1] = b1;
        h.positive_bucket_count = 2;
        h.count = b0 + b1;
    }
    h.positive_spans = &span;
    h.positive_span_count = 1;
    h.positive_buckets = buckets;
    assert_int_equal(promql_memstore_append_histogram(s, l, t, &h, &err), PROMQL_OK);
}

/* Hints as Prometheus's head hands them out: unknown at a chunk's first sample, not_reset later,
 * gauge in gauge chunks; a chunk is cut at resets, kind or layout changes and range ends. */
static void test_counter_reset_hints(void **state)
{
    (void)state;
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    promql_label it[] = { { "__name__", "h" } };
    promql_labels l = L(it, 1);
    const promql_counter_reset_hint U = PROMQL_HINT_UNKNOWN, N = PROMQL_HINT_NOT_COUNTER_RESET,
                                    R = PROMQL_HINT_COUNTER_RESET, G = PROMQL_HINT_GAUGE;
    add_h(s, &l, 1, 0, 1, 2, N);          /* first sample: unknown whatever was written */
    add_h(s, &l, 2, 0, 1, 3, U);          /* continues: not_reset */
    add_h(s, &l, 3, 0, 2, 3, R);          /* explicit reset: new chunk */
    add_h(s, &l, 4, 0, 0, 1, U);          /* count goes down: new chunk */
    add_h(s, &l, 5, 0, 1, 1, U);
    add_h(s, &l, 6, 0, 5, 5, G);          /* gauge: own chunk */
    add_h(s, &l, 7, 0, 1, 1, G);          /* a gauge going down stays in it */
    add_h(s, &l, 8, 0, 5, 5, U);          /* counter after gauge: new chunk */
    add_h(s, &l, 9, 1, 5, 6, U);          /* schema change: new chunk */
    add_h(s, &l, 10, 1, -1, 20, U);       /* populated bucket 0 gone: reset */
    add_h(s, &l, 11, 1, 0, 21, U);        /* an empty bucket reappearing is fine */
    assert_int_equal(promql_memstore_append(s, &l, 12, 1, &err), PROMQL_OK);
    add_h(s, &l, 13, 1, 0, 22, U);        /* after a float: new chunk */
    add_h(s, &l, 86400000, 1, 0, 23, U);  /* the 24h chunk range ends */
    add_h(s, &l, 86400001, 1, 0, 24, U);
    const promql_counter_reset_hint want[] = { U, N, U, U, N, G, G, U, U, U, N, 0, U, U, N };
    promql_sample_batch b;
    promql_sample_iter *iter;
    promql_series_set *set;
    assert_int_equal(read_all(promql_memstore_storage(s), "h", NULL, &b, &iter, &set), 15);
    for (size_t i = 0; i < 15; i++) {
        if (i == 11) {
            assert_null(b.histograms[i]);
            continue;
        }
        assert_non_null(b.histograms[i]);
        assert_int_equal(b.histograms[i]->counter_reset_hint, want[i]);
    }
    iter->ops->close(iter);
    set->ops->close(set);
    promql_memstore_free(s);
}

static void test_start_timestamps(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    promql_label it[] = { { "__name__", "c" } };
    promql_labels l = L(it, 1);
    int64_t id = pq_memstore_series_id(s, &l, &err);
    assert_true(id >= 0);
    assert_int_equal(pq_memstore_append_id(s, (uint32_t)id, 1000, 1, NULL, false, 0, &err), PROMQL_OK);
    assert_int_equal(pq_memstore_append_id(s, (uint32_t)id, 2000, 2, NULL, true, 1500, &err), PROMQL_OK);
    promql_sample_batch b;
    promql_sample_iter *iter;
    promql_series_set *set;
    assert_int_equal(read_all(promql_memstore_storage(s), "c", NULL, &b, &iter, &set), 2);
    assert_non_null(b.start_ts);
    assert_int_equal(b.start_ts[0], 0);
    assert_int_equal(b.start_ts[1], 1500);
    iter->ops->close(iter);
    set->ops->close(set);
    promql_memstore_free(s);
}

static void test_hints_end(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    promql_label it[] = { { "__name__", "m" } };
    promql_labels l = L(it, 1);
    for (int i = 0; i < 10; i++)
        assert_int_equal(promql_memstore_append(s, &l, i * 10, i, &err), PROMQL_OK);
    promql_select_hints h = { 0 };
    h.start_ms = 20;
    h.end_ms = 50;
    promql_sample_batch b;
    promql_sample_iter *iter;
    promql_series_set *set;
    /* samples after end are not handed out (the start is the evaluator's seek) */
    assert_int_equal(read_all(promql_memstore_storage(s), "m", &h, &b, &iter, &set), 6);
    assert_int_equal(b.timestamps[b.count - 1], 50);
    iter->ops->close(iter);
    set->ops->close(set);
    promql_memstore_free(s);
}

static void test_clear_and_compact(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    char name[16];
    for (int k = 0; k < 100; k++) {
        snprintf(name, sizeof name, "m%d", k);
        promql_label it[] = { { "__name__", name } };
        promql_labels l = L(it, 1);
        for (int i = 0; i < 100; i++)
            assert_int_equal(promql_memstore_append(s, &l, i, i, &err), PROMQL_OK);
    }
    assert_int_equal(promql_memstore_series_count(s), 100);
    assert_int_equal(promql_memstore_sample_count(s), 10000);
    pq_memstore_compact(s);
    assert_int_equal(pq_memstore_sample_bytes(s), 10000 * 16);
    /* appends after compaction still work */
    promql_label it[] = { { "__name__", "m0" } };
    promql_labels l = L(it, 1);
    assert_int_equal(promql_memstore_append(s, &l, 100, 1, &err), PROMQL_OK);
    /* a series added after compaction voids the ranks: results stay in label order */
    promql_label nw[] = { { "__name__", "m00" } };
    promql_labels ln = L(nw, 1);
    assert_int_equal(promql_memstore_append(s, &ln, 0, 1, &err), PROMQL_OK);
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m = { PROMQL_MATCH_REGEX, "__name__", "m0.*|m1", NULL };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, &m, 1, NULL, &set, e, sizeof e), 0);
    const char *want[] = { "m0", "m00", "m1" };
    for (int i = 0; i < 3; i++) {
        promql_labels got;
        promql_sample_iter *iter;
        assert_int_equal(set->ops->next(set, &got, &iter, e, sizeof e), 1);
        assert_string_equal(got.items[0].value, want[i]);
        iter->ops->close(iter);
    }
    set->ops->close(set);
    promql_memstore_clear(s);
    assert_int_equal(promql_memstore_series_count(s), 0);
    assert_int_equal(promql_memstore_sample_count(s), 0);
    assert_int_equal(promql_memstore_append(s, &l, 0, 1, &err), PROMQL_OK);
    promql_memstore_free(s);
    promql_memstore_free(NULL);
}

static void test_many_values_regex(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    char v[16];
    for (int k = 0; k < 1000; k++) {
        snprintf(v, sizeof v, "i%04d", k);
        promql_label it[] = { { "__name__", "up" }, { "instance", v } };
        promql_labels l = L(it, 2);
        assert_int_equal(promql_memstore_append(s, &l, 0, k, &err), PROMQL_OK);
    }
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m[] = { { PROMQL_MATCH_EQUAL, "__name__", "up", NULL },
                           { PROMQL_MATCH_REGEX, "instance", "i00[0-4]5", NULL } };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, m, 2, NULL, &set, e, sizeof e), 0);
    promql_labels l;
    promql_sample_iter *it;
    const char *want[] = { "i0005", "i0015", "i0025", "i0035", "i0045" };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(set->ops->next(set, &l, &it, e, sizeof e), 1);
        assert_string_equal(l.items[1].value, want[i]);
        it->ops->close(it);
    }
    assert_int_equal(set->ops->next(set, &l, &it, e, sizeof e), 0);
    set->ops->close(set);
    /* a bad regex handed in uncompiled is an error from select, not a crash */
    promql_matcher bad[] = { { PROMQL_MATCH_REGEX, "instance", "(", NULL } };
    assert_int_not_equal(st->select(st->ctx, bad, 1, NULL, &set, e, sizeof e), 0);
    assert_non_null(strstr(e, "missing closing )"));
    promql_memstore_free(s);
}

/* A union over several values of one name (their postings interleave) goes through each way of
 * sorting ids: a few (insertion), sparse (radix), dense (bitmap); every match once, in order. */
static void test_union_of_values(void **state)
{
    (void)state;
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    char h[16], k8[16];
    for (int k = 0; k < 20000; k++) {
        snprintf(h, sizeof h, "%d", k % 2000);
        snprintf(k8, sizeof k8, "%05d", k);
        promql_label it[] = { { "__name__", "m" }, { "h", h }, { "k", k8 } };
        promql_labels l = L(it, 3);
        assert_int_equal(promql_memstore_append(s, &l, 0, k, &err), PROMQL_OK);
    }
    const promql_storage *st = promql_memstore_storage(s);
    struct { const char *re; size_t want; } cases[] = {
        { "1|2", 20 }, { "1|2|3|4|5", 50 }, { "1.*", 10 * 1111 }, { ".+", 20000 }, { "[0-9]", 100 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        promql_matcher m[] = { { PROMQL_MATCH_REGEX, "h", cases[c].re, NULL } };
        promql_series_set *set;
        char e[128];
        assert_int_equal(st->select(st->ctx, m, 1, NULL, &set, e, sizeof e), 0);
        promql_labels l, prev = { NULL, 0 };
        promql_sample_iter *it;
        size_t n = 0;
        while (set->ops->next(set, &l, &it, e, sizeof e) == 1) {
            if (prev.items)
                assert_true(pq_labels_compare(prev, l) < 0);
            prev = l;
            n++;
            it->ops->close(it);
        }
        assert_int_equal(n, cases[c].want);
        set->ops->close(set);
    }
    promql_memstore_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append_order),
        cmocka_unit_test(test_labels_normalised),
        cmocka_unit_test(test_nan_bits_and_histograms),
        cmocka_unit_test(test_counter_reset_hints),
        cmocka_unit_test(test_start_timestamps),
        cmocka_unit_test(test_hints_end),
        cmocka_unit_test(test_clear_and_compact),
        cmocka_unit_test(test_many_values_regex),
        cmocka_unit_test(test_union_of_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
