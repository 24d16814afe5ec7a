/*
 * test_result_sort.c -- result series ordering (api/result_sort.c): the radix sort on an 8-byte
 * key after the shared prefix, with the full comparison for equal keys, must give exactly the
 * order of pq_labels_compare (Prometheus's labels.Compare) on label sets of every shape: names
 * that are prefixes of others, values that are prefixes, sets that are prefixes of other sets,
 * long shared prefixes (every key equal), bytes above 0x7f, duplicates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_rng.h"

#include "api/result.h"
#include "util/labels.h"


static int cmp_series(const void *a, const void *b)
{
    return pq_labels_compare(((const pq_result_series *)a)->labels, ((const pq_result_series *)b)->labels);
}

/* n random series; 'shared' is a common first label making every 8-byte key the same. */
static void check_order(size_t n, const char *shared)
{
    static const char *names[] = {"a", "ab", "b", "le", "__name__", "value"};
    static const char *values[] = {"", "1", "10", "100", "18640.5", "18640.25", "x", "\xc3\xa9", "zz", "~"};
    pq_arena arena;
    pq_arena_init(&arena, 0);
    pq_result_series *s = pq_arena_calloc(&arena, n, sizeof *s);
    pq_result_series *want = pq_arena_alloc(&arena, n * sizeof *want);
    assert_non_null(s);
    assert_non_null(want);
    for (size_t i = 0; i < n; i++) {
        size_t count = next() % 4 + (shared ? 1 : 0);
        promql_label *items = pq_arena_calloc(&arena, count + 1, sizeof *items);
        size_t k = 0;
        if (shared)
            items[k++] = (promql_label){"__name__", shared};
        /* names in increasing order, as label sets are */
        size_t ni = shared ? 5 : 0;
        for (; k < count && ni < 6; k++) {
            ni += next() % 2;
            if (ni >= 6)
                break;
            char *v = pq_arena_sprintf(&arena, "%s%s", values[next() % 10], (next() % 3) ? "" : values[next() % 10]);
            if (!*v)
                v = "0";
            items[k] = (promql_label){names[ni], v};
            ni++;
        }
        s[i].labels = (promql_labels){items, k};
    }
    memcpy(want, s, n * sizeof *s);
    qsort(want, n, sizeof *want, cmp_series);
    assert_int_equal(pq_sort_result_series(&arena, s, n), 0);
    for (size_t i = 0; i < n; i++)
        if (pq_labels_compare(s[i].labels, want[i].labels) != 0)
            fail_msg("position %zu differs (n=%zu)", i, n);
    pq_arena_free(&arena);
}

static void test_sort_matches_compare(void **state)
{
    (void)state;
    check_order(2, NULL);
    check_order(100, NULL);        /* below the radix threshold: qsort */
    check_order(3000, NULL);
    check_order(3000, "http_requests_total_with_a_long_name");
    check_order(20000, "m");
}

/* count_values' shape: one label whose values share a long decimal prefix. */
static void test_sort_count_values_shape(void **state)
{
    (void)state;
    size_t n = 5000;
    pq_arena arena;
    pq_arena_init(&arena, 0);
    pq_result_series *s = pq_arena_calloc(&arena, n, sizeof *s);
    for (size_t i = 0; i < n; i++) {
        promql_label *l = pq_arena_alloc(&arena, sizeof *l);
        l->name = "value";
        l->value = pq_arena_sprintf(&arena, "18640.%zu", (n - i) * 7919 % 100003);
        s[i].labels = (promql_labels){l, 1};
    }
    assert_int_equal(pq_sort_result_series(&arena, s, n), 0);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(s[i - 1].labels.items[0].value, s[i].labels.items[0].value) < 0);
    pq_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_matches_compare),
        cmocka_unit_test(test_sort_count_values_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
