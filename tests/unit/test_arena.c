/*
 * test_arena.c -- the region allocator every layer allocates from: alignment, zeroing,
 * overflow checks, the byte budget that enforces a query's memory limit, cleanups, and
 * mark/reset scratch loops (which must neither leak nor thrash malloc).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"

static void test_alloc_and_align(void **state)
{
    (void)state;
    pq_arena a;
    pq_arena_init(&a, 0);
    for (size_t n = 1; n < 5000; n += 37) {
        unsigned char *p = pq_arena_alloc(&a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, n);   /* ASan checks the whole range is ours */
    }
    int *z = pq_arena_calloc(&a, 1000, sizeof *z);
    assert_non_null(z);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(z[i], 0);
    assert_null(pq_arena_calloc(&a, SIZE_MAX / 2, 4));   /* n * size overflows */
    assert_true(a.failed);
    assert_string_equal(pq_arena_strdup(&a, "label"), "label");
    assert_string_equal(pq_arena_strndup(&a, "abcdef", 3), "abc");
    assert_string_equal(pq_arena_sprintf(&a, "%s=%d", "x", 42), "x=42");
    char *r = pq_arena_alloc(&a, 4);
    memcpy(r, "abc", 4);
    char *grown = pq_arena_realloc(&a, r, 4, 100000);
    assert_string_equal(grown, "abc");
    pq_arena_free(&a);
    pq_arena_free(&a);   /* freeing twice is harmless: the arena is reusable */
}

static void test_budget(void **state)
{
    (void)state;
    pq_arena a;
    pq_arena_init(&a, 100000);
    size_t got = 0;
    while (pq_arena_alloc(&a, 1000))
        got += 1000;
    assert_true(a.failed);
    assert_true(got > 50000 && got <= 100000);
    assert_true(a.total <= 100000);
    pq_arena_free(&a);
}

static int order[3];
static int norder;

static void record(void *arg)
{
    order[norder++] = *(int *)arg;
}

static void test_cleanups_run_newest_first(void **state)
{
    (void)state;
    static int one = 1, two = 2, three = 3;
    pq_arena a;
    pq_arena_init(&a, 0);
    norder = 0;
    assert_int_equal(pq_arena_defer(&a, record, &one), 0);
    assert_int_equal(pq_arena_defer(&a, record, &two), 0);
    assert_int_equal(pq_arena_defer(&a, record, &three), 0);
    pq_arena_free(&a);
    assert_int_equal(norder, 3);
    assert_int_equal(order[0], 3);
    assert_int_equal(order[2], 1);
}

/* A scratch loop whose allocations spill past the head block each time: the dropped block is
 * kept as a spare and reused, so the arena's footprint stays flat, and a budget still holds. */
static void test_scratch_loop_reuses_blocks(void **state)
{
    (void)state;
    pq_arena a;
    pq_arena_init(&a, 0);
    void *fill = pq_arena_alloc(&a, 16 * 1024 - 64);   /* nearly fill the first block */
    assert_non_null(fill);
    size_t after_first = 0;
    for (int i = 0; i < 10000; i++) {
        pq_arena_mark m = pq_arena_get_mark(&a);
        char *p = pq_arena_alloc(&a, 4096);   /* does not fit: a new block */
        assert_non_null(p);
        memset(p, i, 4096);
        pq_arena_reset_to(&a, m);
        if (i == 0)
            after_first = a.total;
        assert_int_equal(a.total, after_first);   /* no growth, no churn */
    }
    pq_arena_free(&a);

    pq_arena_init(&a, 64 * 1024);
    for (int i = 0; i < 1000; i++) {
        pq_arena_mark m = pq_arena_get_mark(&a);
        assert_non_null(pq_arena_alloc(&a, 20000));
        assert_true(a.total <= 64 * 1024);
        pq_arena_reset_to(&a, m);
    }
    pq_arena_free(&a);
}

/* Big freed blocks are cached for the next query, 64 MiB at most for the process whatever
 * the number of threads freeing and taking them at once; releasing the cache empties it
 * (LeakSanitizer and valgrind check nothing is lost). */
static void *worker(void *arg)
{
    (void)arg;
    for (int q = 0; q < 20; q++) {
        pq_arena a;
        pq_arena_init(&a, 0);
        for (int i = 0; i < 8; i++) {
            unsigned char *p = pq_arena_calloc(&a, (size_t)1 << 20, 1);
            assert_non_null(p);
            assert_true(p[0] == 0 && p[(1 << 20) - 1] == 0);
            memset(p, q, (size_t)1 << 20);
        }
        pq_arena_free(&a);   /* into the shared cache */
        assert_true(pq_arena_cached_bytes() <= (size_t)64 << 20);
    }
    return NULL;
}

static void test_shared_cache_bounded(void **state)
{
    (void)state;
    pthread_t th[4];
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_create(&th[t], NULL, worker, NULL), 0);
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_join(th[t], NULL), 0);
    assert_true(pq_arena_cached_bytes() > 0);
    assert_true(pq_arena_cached_bytes() <= (size_t)64 << 20);
    pq_arena_release_cache();
    assert_int_equal(pq_arena_cached_bytes(), 0);
}

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* Big blocks are fresh mappings, and calloc skips the memset on memory never handed out;
 * memory handed out before (then reset to a mark, or a cached block reused by the next
 * arena) must be zeroed again. */
static void test_big_blocks_calloc_zero(void **state)
{
    (void)state;
    for (int round = 0; round < 3; round++) {
        pq_arena a;
        pq_arena_init(&a, 0);
        size_t big = (size_t)6 << 20;
        unsigned char *p = pq_arena_calloc(&a, big, 1);
        assert_non_null(p);
        assert_true(all_zero(p, big));
        memset(p, 0xcd, big / 2);
        pq_arena_mark m = pq_arena_get_mark(&a);
        unsigned char *q = pq_arena_calloc(&a, 1 << 20, 1);
        assert_non_null(q);
        assert_true(all_zero(q, 1 << 20));
        memset(q, 0xee, 1 << 20);
        pq_arena_reset_to(&a, m);
        unsigned char *r = pq_arena_calloc(&a, 1 << 20, 1);
        assert_ptr_equal(r, q);   /* the same memory, dirty: zeroed again */
        assert_true(all_zero(r, 1 << 20));
        unsigned char *u = pq_arena_alloc(&a, 4096);
        memset(u, 0x11, 4096);
        pq_arena_free(&a);
        /* the next arena may get this thread's cached (dirty) blocks */
        pq_arena_init(&a, 0);
        unsigned char *z = pq_arena_calloc(&a, (size_t)5 << 20, 1);
        assert_non_null(z);
        assert_true(all_zero(z, (size_t)5 << 20));
        memset(z, 0x5a, (size_t)5 << 20);
        pq_arena_free(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_and_align),
        cmocka_unit_test(test_budget),
        cmocka_unit_test(test_cleanups_run_newest_first),
        cmocka_unit_test(test_scratch_loop_reuses_blocks),
        cmocka_unit_test(test_shared_cache_bounded),
        cmocka_unit_test(test_big_blocks_calloc_zero),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
