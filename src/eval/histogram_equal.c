/*
 * histogram_equal.c -- comparing native histograms: exact data equality (FloatHistogram.Equals,
 * for == and != and for changes()) and promqltest's tolerant comparison of an expected and an
 * actual histogram (compareNativeHistogram).
 */
#include "eval/histogram.h"

#include <float.h>
#include <math.h>
#include <string.h>

static bool same_bits(double a, double b)
{
    uint64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x == y;
}

/* spansMatch: the same layout, ignoring zero-length spans (whose offsets carry over). */
static bool spans_match(const promql_span *s1, size_t n1, const promql_span *s2, size_t n2)
{
    size_t i = 0, j = 0;
    for (;;) {
        int64_t o1 = 0, o2 = 0;
        uint32_t l1 = 0, l2 = 0;
        while (i < n1) {
            o1 += s1[i].offset;
            l1 = s1[i].length;
            i++;
            if (l1)
                break;
        }
        while (j < n2) {
            o2 += s2[j].offset;
            l2 = s2[j].length;
            j++;
            if (l2)
                break;
        }
        if (l1 == 0 && l2 == 0)
            return true;
        if (l1 != l2 || o1 != o2)
            return false;
    }
}

static bool buckets_match(const double *a, size_t na, const double *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!same_bits(a[i], b[i]))
            return false;
    return true;
}

bool pq_hist_equals(const promql_histogram *a, const promql_histogram *b)
{
    if (!a || !b)
        return a == b;
    if (pq_hist_validate(a) != PQ_HIST_OK || pq_hist_validate(b) != PQ_HIST_OK)
        return a == b;
    if (a->schema != b->schema || !same_bits(a->count, b->count) || !same_bits(a->sum, b->sum))
        return false;
    if (pq_hist_is_custom(a) &&
        !pq_hist_custom_bounds_match(a->custom_values, a->custom_value_count, b->custom_values,
                             b->custom_value_count))
        return false;
    if (a->zero_threshold != b->zero_threshold || !same_bits(a->zero_count, b->zero_count))
        return false;
    return spans_match(a->negative_spans, a->negative_span_count, b->negative_spans,
                       b->negative_span_count) &&
           buckets_match(a->negative_buckets, a->negative_bucket_count, b->negative_buckets,
                         b->negative_bucket_count) &&
           spans_match(a->positive_spans, a->positive_span_count, b->positive_spans,
                       b->positive_span_count) &&
           buckets_match(a->positive_buckets, a->positive_bucket_count, b->positive_buckets,
                         b->positive_bucket_count);
}

/* ---- promqltest comparison ------------------------------------------------------------ */

/* util/almost.Equal. */
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
    return diff / fmin(abs_sum, DBL_MAX) < eps;
}

static bool buckets_almost_match(const double *a, size_t na, const double *b, size_t nb, double eps)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!almost_equal(a[i], b[i], eps))
            return false;
    return true;
}

pq_hist_status pq_hist_test_equal(pq_arena *ar, const promql_histogram *expected,
                                  const promql_histogram *actual, bool compare_hint,
                                  double epsilon, bool *equal)
{
    *equal = false;
    promql_histogram e, c;
    pq_hist_status st;
    if ((st = pq_hist_compact(ar, expected, 0, &e)) != PQ_HIST_OK ||
        (st = pq_hist_compact(ar, actual, 0, &c)) != PQ_HIST_OK)
        return st;
    if (e.schema != c.schema || !almost_equal(e.count, c.count, epsilon) ||
        !almost_equal(e.sum, c.sum, epsilon))
        return PQ_HIST_OK;
    if (pq_hist_is_custom(&e) &&
        !pq_hist_custom_bounds_match(e.custom_values, e.custom_value_count, c.custom_values,
                             c.custom_value_count))
        return PQ_HIST_OK;
    if (e.zero_threshold != c.zero_threshold || !almost_equal(e.zero_count, c.zero_count, epsilon))
        return PQ_HIST_OK;
    if (!spans_match(e.negative_spans, e.negative_span_count, c.negative_spans,
                     c.negative_span_count) ||
        !buckets_almost_match(e.negative_buckets, e.negative_bucket_count, c.negative_buckets,
                              c.negative_bucket_count, epsilon) ||
        !spans_match(e.positive_spans, e.positive_span_count, c.positive_spans,
                     c.positive_span_count) ||
        !buckets_almost_match(e.positive_buckets, e.positive_bucket_count, c.positive_buckets,
                              c.positive_bucket_count, epsilon))
        return PQ_HIST_OK;
    if (compare_hint && e.counter_reset_hint != c.counter_reset_hint)
        return PQ_HIST_OK;
    *equal = true;
    return PQ_HIST_OK;
}

size_t pq_hist_size(const promql_histogram *h)
{
    return 168 + 8 * (h->positive_span_count + h->negative_span_count + h->positive_bucket_count +
                      h->negative_bucket_count + h->custom_value_count);
}
