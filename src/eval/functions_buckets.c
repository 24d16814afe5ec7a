/*
 * functions_buckets.c -- classic (le-labelled) histogram math: Prometheus's BucketQuantile with
 * its bucket coalescing and monotonicity repair, and BucketFraction. Pure kernels over an array
 * of (upper bound, cumulative count); functions_histogram.c groups the series into buckets.
 */
#include <math.h>
#include <stdlib.h>

#include "eval/functions_kernels.h"

#define SMALL_DELTA_TOLERANCE 1e-12

static int cmp_upper(const void *a, const void *b)
{
    double x = ((const pq_bucket *)a)->upper, y = ((const pq_bucket *)b)->upper;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* qsort by upper bound, skipped when the buckets are in order already (and no bound is NaN,
 * which the comparison does not order): the same result, as the sort is stable. */
static void sort_buckets(pq_bucket *b, size_t n)
{
    bool sorted = true;
    for (size_t k = 0; k < n && sorted; k++)
        sorted = !isnan(b[k].upper) && (k == 0 || b[k - 1].upper <= b[k].upper);
    if (!sorted)
        qsort(b, n, sizeof *b, cmp_upper);
}

/* Merge buckets with the same upper bound (summing their counts); returns the new length. */
static size_t coalesce(pq_bucket *b, size_t n)
{
    pq_bucket last = b[0];
    size_t i = 0;
    for (size_t k = 1; k < n; k++) {
        if (b[k].upper == last.upper) {
            last.count += b[k].count;
        } else {
            b[i++] = last;
            last = b[k];
        }
    }
    b[i] = last;
    return i + 1;
}

/* util/almost.Equal (staleness markers never reach here as bucket counts). */
static bool almost_equal(double a, double b, double eps)
{
    const double min_normal = 2.2250738585072014e-308;
    if (isnan(a) && isnan(b))
        return true;
    if (a == b)
        return true;
    double abs_sum = fabs(a) + fabs(b);
    double diff = fabs(a - b);
    if (a == 0 || b == 0 || abs_sum < min_normal)
        return diff < eps * min_normal;
    return diff / fmin(abs_sum, 1.7976931348623157e308) < eps;
}

static void ensure_monotonic(pq_bucket *b, size_t n, pq_bucket_quantile_info *info)
{
    info->min_bucket = INFINITY;
    info->max_bucket = -INFINITY;
    info->max_diff = 0;
    double prev = b[0].count;
    for (size_t i = 1; i < n; i++) {
        double curr = b[i].count;
        if (curr == prev)
            continue;
        if (almost_equal(prev, curr, SMALL_DELTA_TOLERANCE)) {
            b[i].count = prev;
            info->fixed_precision = true;
            continue;
        }
        if (curr < prev) {
            b[i].count = prev;
            info->forced_monotonic = true;
            if (b[i].upper < info->min_bucket)
                info->min_bucket = b[i].upper;
            if (b[i].upper > info->max_bucket)
                info->max_bucket = b[i].upper;
            if (prev - curr > info->max_diff)
                info->max_diff = prev - curr;
            continue;
        }
        prev = curr;
    }
}

double pq_fn_bucket_quantile(double q, pq_bucket *b, size_t n, pq_bucket_quantile_info *info)
{
    info->forced_monotonic = info->fixed_precision = false;
    info->min_bucket = info->max_bucket = info->max_diff = 0;
    if (isnan(q))
        return NAN;
    if (q < 0)
        return -INFINITY;
    if (q > 1)
        return INFINITY;
    sort_buckets(b, n);
    if (!(isinf(b[n - 1].upper) && b[n - 1].upper > 0))
        return NAN;
    n = coalesce(b, n);
    ensure_monotonic(b, n, info);
    if (n < 2)
        return NAN;
    double observations = b[n - 1].count;
    if (observations == 0)
        return NAN;
    double rank = q * observations;
    /* first bucket in [0, n-1) whose count reaches the rank */
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b[mid].count >= rank)
            hi = mid;
        else
            lo = mid + 1;
    }
    size_t k = lo;
    if (k == n - 1)
        return b[n - 2].upper;
    if (k == 0 && b[0].upper <= 0)
        return b[0].upper;
    double start = 0, end = b[k].upper, count = b[k].count;
    if (k > 0) {
        start = b[k - 1].upper;
        count -= b[k - 1].count;
        rank -= b[k - 1].count;
    }
    return start + (end - start) * (rank / count);
}

double pq_fn_bucket_fraction(double lower, double upper, pq_bucket *b, size_t n)
{
    sort_buckets(b, n);
    if (!(isinf(b[n - 1].upper) && b[n - 1].upper > 0))
        return NAN;
    n = coalesce(b, n);
    double count = b[n - 1].count;
    if (count == 0 || isnan(lower) || isnan(upper))
        return NAN;
    if (lower >= upper)
        return 0;
    double rank = 0, lower_rank = 0, upper_rank = 0;
    bool lower_set = false, upper_set = false;
    double lower_bound = b[0].upper <= 0 ? -INFINITY : 0.0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            lower_bound = b[i - 1].upper;
        double upper_bound = b[i].upper;
        if (!lower_set && lower_bound >= lower) {
            lower_rank = rank;
            lower_set = true;
        }
        if (!upper_set && lower_bound >= upper) {
            upper_rank = rank;
            upper_set = true;
        }
        if (lower_set && upper_set)
            break;
        if (!lower_set && lower_bound < lower && upper_bound > lower) {
            lower_rank = isinf(lower_bound) && lower_bound < 0
                             ? b[i].count
                             : rank + (b[i].count - rank) * (lower - lower_bound) /
                                          (upper_bound - lower_bound);
            lower_set = true;
        }
        if (!upper_set && lower_bound < upper && upper_bound > upper) {
            upper_rank = isinf(lower_bound) && lower_bound < 0
                             ? b[i].count
                             : rank + (b[i].count - rank) * (upper - lower_bound) /
                                          (upper_bound - lower_bound);
            upper_set = true;
        }
        if (lower_set && upper_set)
            break;
        rank = b[i].count;
    }
    if (!lower_set || lower_rank > count)
        lower_rank = count;
    if (!upper_set || upper_rank > count)
        upper_rank = count;
    return (upper_rank - lower_rank) / count;
}
