/*
 * test_functions_kernels.c -- the numeric kernels of the function library against hand-computed
 * values that follow upstream's formulas (promql/functions.go, quantile.go).
 */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "eval/functions_kernels.h"

static void near(double a, double b)
{
    assert_true(fabs(a - b) <= 1e-9 * fmax(1, fabs(b)));
}
#define NEAR(a, b) near((a), (b))

static void test_rate_basic(void **state)
{
    (void)state;
    int64_t t[] = {60000, 120000, 180000, 240000, 300000};
    double v[] = {10, 20, 30, 40, 50};
    double r;
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 5, 0, 300000, 300000, true, false, &r, NULL));
    NEAR(r, 50);
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 5, 0, 300000, 300000, true, true, &r, NULL));
    NEAR(r, 50.0 / 300);
    /* delta is not limited by the zero point */
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 5, 0, 300000, 300000, false, false, &r, NULL));
    NEAR(r, 50);
    /* one sample: nothing */
    assert_false(pq_fn_extrapolated_rate(t, v, NULL, 1, 0, 300000, 300000, true, true, &r, NULL));
    assert_false(pq_fn_extrapolated_rate(t, v, NULL, 0, 0, 300000, 300000, true, true, &r, NULL));
}

static void test_rate_counter_reset(void **state)
{
    (void)state;
    int64_t t[] = {10000, 20000, 30000, 40000};
    double v[] = {10, 20, 5, 15};
    double r;
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 4, 0, 40000, 40000, true, false, &r, NULL));
    NEAR(r, 25.0 * 40 / 30);
    /* delta ignores resets: 15 - 10 extrapolated */
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 4, 0, 40000, 40000, false, false, &r, NULL));
    NEAR(r, 5.0 * 40 / 30);
}

static void test_rate_zero_point(void **state)
{
    (void)state;
    /* counter starting near zero: extrapolation stops at the zero point */
    int64_t t[] = {100000, 160000, 220000};
    double v[] = {1, 61, 121};
    double r;
    assert_true(pq_fn_extrapolated_rate(t, v, NULL, 3, 0, 240000, 240000, true, false, &r, NULL));
    /* to_start: 100s >= 66 -> 30s; to_zero = 120*(1/120) = 1s; to_end 20s < 66 */
    NEAR(r, 120.0 * (120 + 1 + 20) / 120);
}

static void test_extended_rate(void **state)
{
    (void)state;
    double r;
    int64_t ta[] = {0, 60000, 120000};
    double va[] = {0, 60, 120};
    assert_true(pq_fn_extended_rate(ta, va, 3, 60000, 120000, 60000, false, true, false, &r));
    NEAR(r, 60);
    int64_t ts[] = {30000, 90000, 150000};
    double vs[] = {30, 90, 150};
    assert_true(pq_fn_extended_rate(ts, vs, 3, 60000, 120000, 60000, true, true, false, &r));
    NEAR(r, 60);
    assert_true(pq_fn_extended_rate(ts, vs, 3, 60000, 120000, 60000, true, true, true, &r));
    NEAR(r, 1);
    /* anchored with a reset inside the range */
    int64_t tr[] = {0, 60000, 90000, 120000};
    double vr[] = {100, 110, 5, 20};
    assert_true(pq_fn_extended_rate(tr, vr, 4, 60000, 120000, 60000, false, true, false, &r));
    NEAR(r, 20 - 110 + 110);
    /* everything before the range: nothing */
    assert_false(pq_fn_extended_rate(ta, va, 2, 60000, 120000, 60000, false, true, false, &r));
}

static void test_start_timestamps(void **state)
{
    (void)state;
    double r;
    bool overlap = false;
    /* a start timestamp inside the range replaces the left extrapolation: one sample works */
    int64_t t1[] = {240000};
    double v1[] = {60};
    int64_t st1[] = {180000};
    assert_true(pq_fn_extrapolated_rate(t1, v1, st1, 1, 0, 300000, 300000, true, false, &r, &overlap));
    NEAR(r, 60);
    assert_false(pq_fn_extrapolated_rate(t1, v1, NULL, 1, 0, 300000, 300000, true, false, &r, NULL));
    /* delta samples (ST = previous T, known previous ST): every sample is a reset */
    int64_t t[] = {60000, 120000, 180000};
    double v[] = {60, 60, 60};
    int64_t st[] = {1, 60000, 120000};
    assert_true(pq_fn_st_reset(st[0], t[0], st[1], t[1]));
    assert_false(pq_fn_st_reset(0, t[0], 0, t[1]));
    assert_false(pq_fn_st_reset(5, t[0], t[1], t[1])); /* ST == T: unknown */
    assert_true(pq_fn_resets(t, v, st, 3) == 2);
    assert_true(pq_fn_resets(t, v, NULL, 3) == 0);
    assert_true(pq_fn_instant_value(t, v, st, 3, true, &r));
    NEAR(r, 1); /* the reset makes irate take the last value: 60 / 60s */
    assert_true(pq_fn_st_overlap(100, 200, 150));
    assert_false(pq_fn_st_overlap(100, 200, 100));
    assert_false(pq_fn_st_overlap(100, 200, 200));
    int64_t sto[] = {1, 30000, 120000};
    overlap = false;
    assert_true(pq_fn_extrapolated_rate(t, v, sto, 3, 0, 180000, 180000, true, false, &r, &overlap));
    assert_true(overlap);
}

static void test_instant_value(void **state)
{
    (void)state;
    int64_t t[] = {0, 10000};
    double v[] = {10, 5};
    double r;
    assert_true(pq_fn_instant_value(t, v, NULL, 2, true, &r));
    NEAR(r, 0.5);
    assert_true(pq_fn_instant_value(t, v, NULL, 2, false, &r));
    NEAR(r, -5);
    int64_t same[] = {5, 5};
    assert_false(pq_fn_instant_value(same, v, NULL, 2, true, &r));
    assert_false(pq_fn_instant_value(t, v, NULL, 1, true, &r));
}

static void test_regression(void **state)
{
    (void)state;
    int64_t t[] = {0, 1000, 2000};
    double v[] = {1, 3, 5};
    double s, i;
    pq_fn_linear_regression(t, v, 3, 0, &s, &i);
    NEAR(s, 2);
    NEAR(i, 1);
    pq_fn_linear_regression(t, v, 3, 2000, &s, &i);
    NEAR(i, 5);
    double c[] = {7, 7, 7};
    pq_fn_linear_regression(t, c, 3, 0, &s, &i);
    assert_true(s == 0 && i == 7);
    double inf[] = {INFINITY, INFINITY, INFINITY};
    pq_fn_linear_regression(t, inf, 3, 0, &s, &i);
    assert_true(isnan(s) && isnan(i));
}

static void test_aggregations(void **state)
{
    (void)state;
    double v[] = {1, 2, 3, 4};
    NEAR(pq_fn_avg_over(v, 4), 2.5);
    NEAR(pq_fn_sum_over(v, 4), 10);
    NEAR(pq_fn_variance_over(v, 4), 1.25);
    double big[] = {DBL_MAX, DBL_MAX};
    assert_true(pq_fn_avg_over(big, 2) == DBL_MAX);
    double k[] = {1e100, 1, -1e100};
    assert_true(pq_fn_sum_over(k, 3) == 1);
    double inf[] = {INFINITY, 1};
    assert_true(isinf(pq_fn_sum_over(inf, 2)));
    double one[] = {42};
    assert_true(pq_fn_avg_over(one, 1) == 42);
    assert_true(pq_fn_variance_over(one, 1) == 0);
}

static void test_extremes(void **state)
{
    (void)state;
    double v[] = {NAN, 3, 1, 3};
    size_t idx;
    assert_true(pq_fn_extreme_over(v, 4, true, false, &idx) == 3 && idx == 1);
    assert_true(pq_fn_extreme_over(v, 4, true, true, &idx) == 3 && idx == 3);
    assert_true(pq_fn_extreme_over(v, 4, false, false, &idx) == 1 && idx == 2);
    double n[] = {NAN};
    assert_true(isnan(pq_fn_extreme_over(n, 1, true, false, &idx)));
}

static void test_quantile(void **state)
{
    (void)state;
    double v[] = {4, 1, 3, 2};
    NEAR(pq_fn_quantile(0.5, v, 4), 2.5);
    double w[] = {4, 1, 3, 2};
    assert_true(pq_fn_quantile(-1, w, 4) == -INFINITY);
    assert_true(pq_fn_quantile(2, w, 4) == INFINITY);
    assert_true(isnan(pq_fn_quantile(NAN, w, 4)));
    double x[] = {1, NAN};
    assert_true(isnan(pq_fn_quantile(0, x, 2)));
    double m[] = {1, 2, 3, 4, 100};
    NEAR(pq_fn_mad(m, 5), 1);
    double mn[] = {1, NAN};
    assert_true(isnan(pq_fn_mad(mn, 2)));
}

static void test_changes_resets_smoothing(void **state)
{
    (void)state;
    double v[] = {1, 1, 2, NAN, NAN, 0};
    assert_true(pq_fn_changes(v, 6) == 3);
    double r[] = {5, 3, 4, 1, 1};
    int64_t rt[] = {1000, 2000, 3000, 4000, 5000};
    assert_true(pq_fn_resets(rt, r, NULL, 5) == 2);
    double d[] = {1, 2, 3};
    NEAR(pq_fn_double_exp_smoothing(d, 3, 0.5, 0.5), 3);
}

static void test_bucket_quantile(void **state)
{
    (void)state;
    pq_bucket_quantile_info qi;
    pq_bucket b1[] = {{INFINITY, 4}, {0.1, 1}, {0.5, 3}};
    NEAR(pq_fn_bucket_quantile(0.5, b1, 3, &qi), 0.3);
    assert_false(qi.forced_monotonic);
    pq_bucket b2[] = {{0.1, 1}, {0.5, 3}, {INFINITY, 4}};
    NEAR(pq_fn_bucket_quantile(0.99, b2, 3, &qi), 0.5);
    pq_bucket b3[] = {{1, 5}, {2, 3}, {INFINITY, 6}};
    pq_fn_bucket_quantile(0.5, b3, 3, &qi);
    assert_true(qi.forced_monotonic);
    assert_true(qi.min_bucket == 2 && qi.max_bucket == 2 && qi.max_diff == 2);
    pq_bucket b4[] = {{1, 5}, {2, 6}};
    assert_true(isnan(pq_fn_bucket_quantile(0.5, b4, 2, &qi)));
    pq_bucket b5[] = {{INFINITY, 0}, {1, 0}};
    assert_true(isnan(pq_fn_bucket_quantile(0.5, b5, 2, &qi)));
    pq_bucket b6[] = {{-1, 1}, {INFINITY, 2}};
    NEAR(pq_fn_bucket_quantile(0.25, b6, 2, &qi), -1);
    /* duplicate bounds are coalesced */
    pq_bucket b7[] = {{1, 1}, {1, 1}, {INFINITY, 4}};
    NEAR(pq_fn_bucket_quantile(0.5, b7, 3, &qi), 1);
}

static void test_bucket_fraction(void **state)
{
    (void)state;
    pq_bucket b1[] = {{1, 2}, {2, 4}, {INFINITY, 4}};
    NEAR(pq_fn_bucket_fraction(0, 1, b1, 3), 0.5);
    pq_bucket b2[] = {{1, 2}, {2, 4}, {INFINITY, 4}};
    NEAR(pq_fn_bucket_fraction(0.5, 1.5, b2, 3), 0.5);
    pq_bucket b3[] = {{1, 2}, {2, 4}, {INFINITY, 4}};
    assert_true(pq_fn_bucket_fraction(2, 1, b3, 3) == 0);
    pq_bucket b4[] = {{1, 2}, {2, 4}, {INFINITY, 4}};
    NEAR(pq_fn_bucket_fraction(-INFINITY, INFINITY, b4, 3), 1);
}

static void test_dates(void **state)
{
    (void)state;
    assert_true(pq_fn_date(0, PQ_DATE_YEAR) == 1970);
    assert_true(pq_fn_date(0, PQ_DATE_DAY_OF_WEEK) == 4);
    assert_true(pq_fn_date(1709251199, PQ_DATE_DAYS_IN_MONTH) == 29);
    assert_true(pq_fn_date(1709251199, PQ_DATE_DAY_OF_YEAR) == 60);
    assert_true(pq_fn_date(1709251199, PQ_DATE_HOUR) == 23);
    assert_true(pq_fn_date(1709251199, PQ_DATE_MINUTE) == 59);
    assert_true(pq_fn_date(1709251200, PQ_DATE_MONTH) == 3);
    assert_true(pq_fn_date(1709251200, PQ_DATE_DAY_OF_WEEK) == 5);
    assert_true(pq_fn_date(1e9, PQ_DATE_DAY_OF_YEAR) == 252);
    assert_true(pq_fn_date(1e9, PQ_DATE_DAY_OF_WEEK) == 0);
    assert_true(pq_fn_date(-1, PQ_DATE_YEAR) == 1969);
    assert_true(pq_fn_date(-1, PQ_DATE_DAY_OF_YEAR) == 365);
    assert_true(pq_fn_date(-1, PQ_DATE_DAY_OF_WEEK) == 3);
    /* fractional seconds truncate toward zero */
    assert_true(pq_fn_date(59.9, PQ_DATE_MINUTE) == 0);
}

static void test_parse_float(void **state)
{
    (void)state;
    double v;
    assert_true(pq_fn_parse_float("+Inf", &v) && isinf(v) && v > 0);
    assert_true(pq_fn_parse_float("-inf", &v) && isinf(v) && v < 0);
    assert_true(pq_fn_parse_float("Infinity", &v) && isinf(v));
    assert_true(pq_fn_parse_float("1e3", &v) && v == 1000);
    assert_true(pq_fn_parse_float(".5", &v) && v == 0.5);
    assert_true(pq_fn_parse_float("5.", &v) && v == 5);
    assert_true(pq_fn_parse_float("0x1p-2", &v) && v == 0.25);
    assert_true(pq_fn_parse_float("NaN", &v) && isnan(v));
    assert_false(pq_fn_parse_float("+nan", &v));
    assert_false(pq_fn_parse_float(" 1", &v));
    assert_false(pq_fn_parse_float("", &v));
    assert_false(pq_fn_parse_float("1e", &v));
    assert_false(pq_fn_parse_float("0x1", &v));
    assert_false(pq_fn_parse_float("1e400", &v));
    assert_false(pq_fn_parse_float("infin", &v));
    assert_false(pq_fn_parse_float("abc", &v));
    assert_true(pq_fn_parse_float("1e-400", &v) && v == 0);
}

static void test_round_sgn_natsort(void **state)
{
    (void)state;
    assert_true(pq_fn_round(2.5, 1) == 3);
    assert_true(pq_fn_round(-2.5, 1) == -2);
    NEAR(pq_fn_round(1.23, 0.1), 1.2);
    assert_true(pq_fn_round(17, 5) == 15);
    assert_true(pq_fn_sgn(-3) == -1 && pq_fn_sgn(2) == 1 && pq_fn_sgn(0) == 0);
    assert_true(isnan(pq_fn_sgn(NAN)));
    assert_true(pq_natsort_less("a9", "a10"));
    assert_false(pq_natsort_less("a10", "a9"));
    assert_true(pq_natsort_less("abc", "abd"));
    assert_true(pq_natsort_less("x", "x"));
    assert_true(pq_natsort_less("1", "1a"));
    assert_false(pq_natsort_less("1a", "1"));
    assert_true(pq_natsort_less("", "a") == false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_basic),
        cmocka_unit_test(test_rate_counter_reset),
        cmocka_unit_test(test_rate_zero_point),
        cmocka_unit_test(test_extended_rate),
        cmocka_unit_test(test_instant_value),
        cmocka_unit_test(test_start_timestamps),
        cmocka_unit_test(test_regression),
        cmocka_unit_test(test_aggregations),
        cmocka_unit_test(test_extremes),
        cmocka_unit_test(test_quantile),
        cmocka_unit_test(test_changes_resets_smoothing),
        cmocka_unit_test(test_bucket_quantile),
        cmocka_unit_test(test_bucket_fraction),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_parse_float),
        cmocka_unit_test(test_round_sgn_natsort),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
