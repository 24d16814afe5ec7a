/*
 * test_perf_paths.c -- the fast paths of the performance work against the straightforward code
 * they replace: they must agree bit for bit (same floating-point operations in the same
 * order), on regular data where the shortcuts apply and on irregular data where they must not
 * change anything. Random inputs come from a fixed-seed generator.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_rng.h"

#include "eval/functions_kernels.h"
#include "util/arena.h"
#include "util/gofmt.h"


static double uniform(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

static void assert_same_bits(double a, double b)
{
    assert_memory_equal(&a, &b, sizeof a);
}

/* Counter-like series: increasing with occasional resets; regular or jittered timestamps. */
static void make_series(int64_t *t, double *v, size_t n, bool jitter, bool resets)
{
    double x = uniform() * 100;
    for (size_t i = 0; i < n; i++) {
        t[i] = (int64_t)i * 15000 + (jitter ? (int64_t)(next() % 3000) : 0);
        x += uniform() * 10;
        if (resets && next() % 17 == 0)
            x = uniform() * 5;
        v[i] = x;
    }
}

/* The rate of each window through the memoised extrapolation, with the reset corrections
 * added in order, equals pq_fn_extrapolated_rate without start timestamps. */
static void check_rate(bool jitter, bool resets, int64_t range, bool counter, bool is_rate)
{
    enum { N = 600 };
    int64_t t[N];
    double v[N];
    make_series(t, v, N, jitter, resets);
    double secs = pq_fn_duration_seconds(range);
    pq_fn_rate_memo memo;
    memset(&memo, 0, sizeof memo);
    size_t a = 0, b = 0;
    for (int64_t end = range; end < t[N - 1] + 30000; end += 15000) {
        int64_t start = end - range;
        while (a < N && t[a] <= start)
            a++;
        while (b < N && t[b] <= end)
            b++;
        double want = 0, got = 0;
        bool w = pq_fn_extrapolated_rate(t + a, v + a, NULL, b - a, start, end, range, counter, is_rate, &want,
                                         NULL);
        double result = b > a ? v[b - 1] - v[a] : 0;
        if (counter)
            for (size_t i = a + 1; i < b; i++)
                if (v[i] < v[i - 1])
                    result += v[i - 1];
        bool g = b > a && pq_fn_rate_extrapolate_memo(t + a, v + a, b - a, start, end, secs, counter, is_rate,
                                                      result, &memo, &got);
        assert_int_equal(w, g);
        if (w)
            assert_same_bits(want, got);
    }
}

static void test_rate_memo_matches_kernel(void **state)
{
    (void)state;
    for (int jitter = 0; jitter < 2; jitter++)
        for (int resets = 0; resets < 2; resets++) {
            check_rate(jitter, resets, 60000, true, true);
            check_rate(jitter, resets, 300000, true, false);
            check_rate(jitter, resets, 3600000, false, false);
            check_rate(jitter, resets, 45000, true, true);
        }
}

/* The zero-point screen (skip the division when v[0] is clearly above the clamp) at and
 * around the boundary where the counter's extrapolated zero point equals the range start:
 * values a few ulps either side, tiny and huge increases, zero and NaN. */
static void test_rate_zero_point_screen(void **state)
{
    (void)state;
    int64_t t[4];
    double v[4];
    int checked = 0;
    for (int round = 0; round < 4000; round++) {
        int64_t start = 0, end = 60000;
        t[0] = 1000 + (int64_t)(next() % 9000);
        for (int i = 1; i < 4; i++)
            t[i] = t[i - 1] + 10000 + (int64_t)(next() % 3000);
        double inc = round % 7 == 0 ? 1e-300 : round % 11 == 0 ? 1e300 : uniform() * 100 + 1e-9;
        double to_start = (double)(t[0] - start) / 1000, sampled = (double)(t[3] - t[0]) / 1000;
        double v0 = inc * to_start / sampled;
        int k = (int)(next() % 81) - 40;   /* across the screen's 2^-40 margin */
        v0 = v0 * (1 + k * 0x1p-42);
        if (round % 13 == 0)
            v0 = 0;
        if (round % 17 == 0)
            v0 = NAN;
        for (int i = 0; i < 4; i++)
            v[i] = v0 + inc * i / 3;
        double result = v[3] - v[0];
        pq_fn_rate_memo memo;
        memset(&memo, 0, sizeof memo);
        double want = 0, got = 0;
        bool w = pq_fn_extrapolated_rate(t, v, NULL, 4, start, end, end - start, true, true, &want, NULL);
        bool g = pq_fn_rate_extrapolate_memo(t, v, 4, start, end, pq_fn_duration_seconds(end - start), true, true,
                                             result, &memo, &got);
        assert_int_equal(w, g);
        if (w) {
            assert_same_bits(want, got);
            checked++;
        }
    }
    assert_true(checked > 3000);
}

static void test_des_lanes_match_kernel(void **state)
{
    (void)state;
    enum { N = 3000 };
    static double v[N];
    for (size_t i = 0; i < N; i++)
        v[i] = uniform() * 1000 - 300;
    for (int round = 0; round < 200; round++) {
        size_t lanes = 1 + next() % PQ_FN_DES_LANES;
        const double *vs[PQ_FN_DES_LANES];
        size_t ns[PQ_FN_DES_LANES];
        double sf[PQ_FN_DES_LANES], tf[PQ_FN_DES_LANES], out[PQ_FN_DES_LANES];
        for (size_t k = 0; k < lanes; k++) {
            ns[k] = 2 + next() % 400;
            vs[k] = v + next() % (N - ns[k]);
            sf[k] = 0.01 + uniform() * 0.98;
            tf[k] = 0.01 + uniform() * 0.98;
        }
        pq_fn_des_lanes(vs, ns, sf, tf, lanes, out);
        for (size_t k = 0; k < lanes; k++)
            assert_same_bits(out[k], pq_fn_double_exp_smoothing(vs[k], ns[k], sf[k], tf[k]));
    }
}

/* Shortest digits against the definition: the fewest %.{p-1}e digits that read back. */
static void test_shortest_digits(void **state)
{
    (void)state;
    for (int i = 0; i < 20000; i++) {
        double x;
        switch (i % 4) {
        case 0: {
            uint64_t bits = next();
            memcpy(&x, &bits, sizeof x);
            break;
        }
        case 1:
            x = (double)(next() % 20000) + (double)(next() % 1443) / 1443.0;
            break;
        case 2:
            x = (double)(next() % 1000000000000ULL);
            break;
        default:
            x = ldexp(1.0, (int)(next() % 400) - 200);
            break;
        }
        if (!isfinite(x) || x == 0)
            continue;
        char want[40], buf[40];
        int p = 1;
        for (; p < 17; p++) {
            snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(x));
            if (strtod(buf, NULL) == fabs(x))
                break;
        }
        snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(x));
        size_t nd = 0;
        for (char *c = buf; *c && *c != 'e'; c++)
            if (*c >= '0' && *c <= '9')
                want[nd++] = *c;
        while (nd > 1 && want[nd - 1] == '0')
            nd--;
        want[nd] = 0;
        char got[32];
        int decpt;
        int n = pq_go_shortest_digits(x, got, &decpt);
        /* powers of two may legitimately be shorter (the next decimal up can read back) */
        double frac;
        int e2;
        frac = frexp(fabs(x), &e2);
        if (frac == 0.5)
            assert_true((size_t)n <= nd);
        else {
            assert_int_equal(n, (int)nd);
            assert_string_equal(got, want);
            assert_int_equal(decpt, atoi(strchr(buf, 'e') + 1) + 1);
        }
    }
}

/* Blocks released by one arena serve the next, within its budget. */
static void test_arena_block_reuse(void **state)
{
    (void)state;
    for (int round = 0; round < 20; round++) {
        pq_arena a;
        pq_arena_init(&a, round % 2 ? (size_t)3 << 20 : 0);
        size_t total = 0;
        for (int i = 0; i < 40; i++) {
            size_t sz = (size_t)(next() % (1 << 20)) + 1;
            unsigned char *p = pq_arena_alloc(&a, sz);
            if (!p) {
                assert_true(a.limit != 0);
                break;
            }
            memset(p, i, sz);
            assert_int_equal(p[sz - 1], (unsigned char)i);
            total += sz;
        }
        if (a.limit)
            assert_true(a.total <= a.limit);
        pq_arena_free(&a);
        (void)total;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_memo_matches_kernel),
        cmocka_unit_test(test_rate_zero_point_screen),
        cmocka_unit_test(test_des_lanes_match_kernel),
        cmocka_unit_test(test_shortest_digits),
        cmocka_unit_test(test_arena_block_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
