/*
 * histogram_quantile.c -- the read-only statistics PromQL computes from one native histogram:
 * histogram_quantile, histogram_fraction (promql/quantile.go HistogramQuantile and
 * HistogramFraction), histogram_stdvar/stddev (functions.go histogramVariance) and histogram_avg.
 * They walk the buckets in value order with pq_hist_iter and never allocate.
 */
#include "eval/histogram.h"

#include <math.h>

double pq_hist_quantile(double q, const promql_histogram *h, unsigned *flags)
{
    if (q < 0)
        return -INFINITY;
    if (q > 1)
        return INFINITY;
    if (pq_hist_validate(h) != PQ_HIST_OK)
        return NAN;
    if (h->count == 0 || isnan(q))
        return NAN;

    /* NaN observations (Sum NaN) or a low quantile: walk upwards; otherwise from the top. */
    bool forward = isnan(h->sum) || q < 0.5;
    pq_hist_iter it;
    pq_hist_iter_init(&it, h, !forward);
    double rank = forward ? q * h->count : (1 - q) * h->count;
    double count = 0;
    pq_hist_bucket b = {0};
    pq_hist_bucket cur;
    while (pq_hist_iter_next(&it, &cur)) {
        b = cur;
        if (b.count == 0)
            continue;
        count += b.count;
        if (count >= rank)
            break;
    }
    bool custom = pq_hist_is_custom(h);
    if (!custom && b.lower < 0 && b.upper > 0) {
        if (h->negative_bucket_count == 0 && h->positive_bucket_count > 0)
            b.lower = 0;
        else if (h->positive_bucket_count == 0 && h->negative_bucket_count > 0)
            b.upper = 0;
    } else if (custom) {
        if (b.lower == -INFINITY) {
            if (b.upper <= 0)
                return b.upper;
            b.lower = 0;
        } else if (b.upper == INFINITY) {
            return b.lower;
        }
    }
    if (count > h->count)
        count = h->count;
    if (count < rank) {
        if (isnan(h->sum)) {
            if (flags)
                *flags |= PQ_HIST_FLAG_QUANTILE_NAN_RESULT;
            return NAN;
        }
        return b.upper;
    }
    if (forward)
        rank -= count - b.count;
    else
        rank = count - rank;
    if (isnan(h->sum)) {
        while (pq_hist_iter_next(&it, &cur))
            count += cur.count;
        if (count < h->count && flags)
            *flags |= PQ_HIST_FLAG_QUANTILE_NAN_SKEW;
    }
    double fraction = rank / b.count;
    if (custom || (b.lower <= 0 && b.upper >= 0))
        return b.lower + (b.upper - b.lower) * fraction;
    double log_lower = pq_go_log2(fabs(b.lower));
    double log_upper = pq_go_log2(fabs(b.upper));
    if (b.lower > 0)
        return pq_go_exp2(log_lower + (log_upper - log_lower) * fraction);
    return -pq_go_exp2(log_upper + (log_lower - log_upper) * (1 - fraction));
}

/* Bucket.FractionBelow: the share of the bucket's width at or below v (lower < v < upper). */
static double fraction_below(const pq_hist_bucket *b, double v, bool linear)
{
    if (linear)
        return (v - b->lower) / (b->upper - b->lower);
    double log_lower = pq_go_log2(fabs(b->lower));
    double log_upper = pq_go_log2(fabs(b->upper));
    double log_v = pq_go_log2(fabs(v));
    if (v > 0)
        return (log_v - log_lower) / (log_upper - log_lower);
    return 1 - ((log_v - log_upper) / (log_lower - log_upper));
}

static double interpolate(const pq_hist_bucket *b, double rank, double v, bool linear)
{
    /* An infinite lower bound (first custom bucket) contributes its whole count: no way to
     * interpolate there, as upstream. */
    if (linear && b->lower == -INFINITY)
        return b->count;
    return rank + b->count * fraction_below(b, v, linear);
}

double pq_hist_fraction(double lower, double upper, const promql_histogram *h, unsigned *flags)
{
    if (pq_hist_validate(h) != PQ_HIST_OK)
        return NAN;
    if (h->count == 0 || isnan(lower) || isnan(upper))
        return NAN;
    if (lower >= upper)
        return 0;
    double count = 0, rank = 0, lower_rank = 0, upper_rank = 0;
    bool lower_set = false, upper_set = false;
    bool custom = pq_hist_is_custom(h);
    pq_hist_iter it;
    pq_hist_iter_init(&it, h, false);
    pq_hist_bucket b;
    while (pq_hist_iter_next(&it, &b)) {
        count += b.count;
        bool zero_bucket = false;
        if (b.lower <= 0 && b.upper >= 0) {
            zero_bucket = true;
            if (h->negative_bucket_count == 0 && h->positive_bucket_count > 0)
                b.lower = 0;
            else if (h->positive_bucket_count == 0 && h->negative_bucket_count > 0)
                b.upper = 0;
        }
        bool linear = custom || zero_bucket;
        if (!lower_set && b.lower >= lower) {
            lower_rank = rank;
            lower_set = true;
        }
        if (!upper_set && b.lower >= upper) {
            upper_rank = rank;
            upper_set = true;
        }
        if (lower_set && upper_set)
            break;
        if (!lower_set && b.lower < lower && b.upper > lower) {
            lower_rank = interpolate(&b, rank, lower, linear);
            lower_set = true;
        }
        if (!upper_set && b.lower < upper && b.upper > upper) {
            upper_rank = interpolate(&b, rank, upper, linear);
            upper_set = true;
        }
        if (lower_set && upper_set)
            break;
        rank += b.count;
    }
    if (isnan(h->sum)) {
        while (pq_hist_iter_next(&it, &b))
            count += b.count;
        if (count < h->count && flags)
            *flags |= PQ_HIST_FLAG_FRACTION_NANS;
    } else {
        count = h->count;
    }
    if (!lower_set || lower_rank > count)
        lower_rank = count;
    if (!upper_set || upper_rank > count)
        upper_rank = count;
    return (upper_rank - lower_rank) / h->count;
}

double pq_hist_stdvar(const promql_histogram *h)
{
    if (pq_hist_validate(h) != PQ_HIST_OK)
        return NAN;
    double mean = h->sum / h->count;
    double variance = 0, c = 0;
    bool custom = pq_hist_is_custom(h);
    pq_hist_iter it;
    pq_hist_iter_init(&it, h, false);
    pq_hist_bucket b;
    while (pq_hist_iter_next(&it, &b)) {
        if (b.count == 0)
            continue;
        double val;
        if (custom) {
            val = (b.upper + b.lower) / 2.0;
        } else if (b.lower <= 0 && b.upper >= 0) {
            val = 0;
        } else {
            val = sqrt(b.upper * b.lower);
            if (b.upper < 0)
                val = -val;
        }
        double delta = val - mean;
        volatile double term = b.count * delta * delta;
        variance = pq_kahan_inc(term, variance, &c);
    }
    variance += c;
    return variance / h->count;
}

double pq_hist_stddev(const promql_histogram *h)
{
    return sqrt(pq_hist_stdvar(h));
}

double pq_hist_avg(const promql_histogram *h)
{
    return h->sum / h->count;
}
