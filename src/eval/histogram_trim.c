/*
 * histogram_trim.c -- the '</' and '>/' operators on native histograms (FloatHistogram.TrimBuckets
 * in Prometheus 3.14): keep only the observations below (or above) a value, interpolating inside
 * the bucket that contains it, and re-estimate count and sum from bucket midpoints.
 */
#include "eval/histogram.h"

#include <math.h>

static double zero_if_inf(double x)
{
    return isinf(x) ? 0 : x;
}

/* computeMidpoint: the representative value of the surviving part of a bucket. */
static double midpoint(double lo, double up, bool positive, bool linear)
{
    if (isinf(lo)) {
        if (isinf(up))
            return 0;
        if (up > 0)
            return up / 2;
        return up;
    } else if (isinf(up)) {
        return lo;
    }
    if (linear)
        return (lo + up) / 2;
    double g = sqrt(fabs(lo * up));
    return positive ? g : -g;
}

/* handleInfinityBuckets: a bucket with an infinite bound containing the trim point. */
static double infinity_bucket(bool upper_trim, const pq_hist_bucket *b, double rhs, double *mid)
{
    if (b->lower == -INFINITY) {
        if (upper_trim) {
            if (rhs >= b->upper) {
                *mid = 0;
                return b->count;
            }
            if (rhs > 0 && b->upper > 0 && !isinf(b->upper)) {
                *mid = rhs / 2;
                return b->count * rhs / b->upper;
            }
            if (b->upper <= 0) {
                *mid = rhs;
                return b->count;
            }
            *mid = zero_if_inf(b->upper);
            return 0;
        }
        if (rhs <= b->lower) {
            *mid = 0;
            return b->count;
        }
        if (rhs >= 0 && b->upper > rhs && !isinf(b->upper)) {
            *mid = (rhs + b->upper) / 2;
            return b->count * (1 - rhs / b->upper);
        }
        *mid = zero_if_inf(b->upper);
        return 0;
    }
    /* upper bound +Inf */
    if (upper_trim) {
        *mid = zero_if_inf(b->lower);
        return 0;
    }
    if (rhs >= b->lower) {
        *mid = rhs;
        return b->count;
    }
    *mid = zero_if_inf(b->lower);
    return 0;
}

static double fraction_below(const pq_hist_bucket *b, double v, bool linear)
{
    if (linear)
        return (v - b->lower) / (b->upper - b->lower);
    double ll = pq_go_log2(fabs(b->lower)), lu = pq_go_log2(fabs(b->upper)), lv = pq_go_log2(fabs(v));
    if (v > 0)
        return (lv - ll) / (lu - ll);
    return 1 - ((lv - lu) / (ll - lu));
}

/* computeBucketTrim: the count kept of a bucket containing rhs, and its midpoint. */
static double bucket_trim(const pq_hist_bucket *b, double rhs, bool upper_trim, bool positive,
                          bool custom, double *mid)
{
    if (b->lower == -INFINITY || b->upper == INFINITY)
        return infinity_bucket(upper_trim, b, rhs, mid);
    double under;
    if (rhs <= b->lower)
        under = 0;
    else if (rhs >= b->upper)
        under = b->count;
    else
        under = b->count * fraction_below(b, rhs, custom);
    if (upper_trim) {
        *mid = midpoint(b->lower, rhs, positive, custom);
        return under;
    }
    *mid = midpoint(rhs, b->upper, positive, custom);
    return b->count - under;
}

/* computeZeroBucketTrim. */
static double zero_trim(const promql_histogram *h, double rhs, bool has_neg, bool has_pos,
                        bool upper_trim, double *mid)
{
    double lower = -h->zero_threshold, upper = h->zero_threshold;
    if (has_neg && !has_pos)
        upper = 0;
    if (has_pos && !has_neg)
        lower = 0;
    double fraction;
    if (upper_trim) {
        if (rhs <= lower) {
            *mid = 0;
            return 0;
        }
        if (rhs >= upper) {
            *mid = (lower + upper) / 2;
            return h->zero_count;
        }
        fraction = (rhs - lower) / (upper - lower);
        *mid = (lower + rhs) / 2;
    } else {
        if (rhs <= lower) {
            *mid = (lower + upper) / 2;
            return h->zero_count;
        }
        if (rhs >= upper) {
            *mid = 0;
            return 0;
        }
        fraction = (upper - rhs) / (upper - lower);
        *mid = (rhs + upper) / 2;
    }
    return h->zero_count * fraction;
}

/* One side: buckets entirely kept, interpolated, or dropped. */
static void trim_side(const promql_histogram *h, bool positive, double *buckets, double rhs,
                      bool upper_trim, double *count, double *sum, bool *trimmed, bool *has)
{
    bool custom = pq_hist_is_custom(h);
    pq_hist_side_iter it;
    pq_hist_bucket b;
    pq_hist_side_iter_init(&it, h, positive);
    for (size_t i = 0; pq_hist_side_iter_next(&it, &b); i++) {
        if (b.count == 0)
            continue;
        *has = true;
        bool keep_all = upper_trim ? b.upper <= rhs : b.lower >= rhs;
        bool partial = upper_trim ? b.lower < rhs : b.upper > rhs;
        if (keep_all) {
            *count += b.count;
            *sum += midpoint(b.lower, b.upper, positive, custom) * b.count;
        } else if (partial) {
            double mid;
            double keep = bucket_trim(&b, rhs, upper_trim, positive, custom, &mid);
            *count += keep;
            *sum += mid * keep;
            if (buckets[i] != keep) {
                buckets[i] = keep;
                *trimmed = true;
            }
        } else {
            buckets[i] = 0;
            *trimmed = true;
        }
    }
}

pq_hist_status pq_hist_trim(pq_arena *ar, const promql_histogram *h, double rhs, bool upper_trim,
                            promql_histogram *out)
{
    promql_histogram r;
    pq_hist_status st = pq_hist_copy(ar, h, &r);
    if (st != PQ_HIST_OK)
        return st;
    double count = 0, sum = 0;
    bool trimmed = false, has_pos = false, has_neg = false;
    trim_side(&r, true, (double *)r.positive_buckets, rhs, upper_trim, &count, &sum, &trimmed,
              &has_pos);
    trim_side(&r, false, (double *)r.negative_buckets, rhs, upper_trim, &count, &sum, &trimmed,
              &has_neg);
    if (r.zero_count > 0) {
        double mid;
        double keep = zero_trim(&r, rhs, has_neg, has_pos, upper_trim, &mid);
        if (r.zero_count != keep) {
            r.zero_count = keep;
            trimmed = true;
        }
        sum += mid * keep;
        count += keep;
    }
    if (!trimmed) {
        *out = r;
        return PQ_HIST_OK;
    }
    r.count = count;
    r.sum = sum;
    return pq_hist_compact(ar, &r, 0, out);
}
