/*
 * histogram_scalar.c -- a histogram with a scalar: Mul, Div and negation (FloatHistogram.Mul/Div),
 * plus the overflow check and size accounting that go with a single histogram.
 */
#include "eval/histogram.h"

#include <math.h>

/* ---- scalar operations ---------------------------------------------------------------- */

static pq_hist_status scale(pq_arena *ar, const promql_histogram *h, double f, bool divide,
                            promql_histogram *out)
{
    promql_histogram r;
    pq_hist_status st = pq_hist_copy(ar, h, &r);
    if (st != PQ_HIST_OK)
        return st;
    double *pb = (double *)r.positive_buckets, *nb = (double *)r.negative_buckets;
    if (divide) {
        r.zero_count /= f;
        r.count /= f;
        r.sum /= f;
        if (f == 0) {
            r.positive_buckets = r.negative_buckets = NULL;
            r.positive_spans = r.negative_spans = NULL;
            r.positive_bucket_count = r.negative_bucket_count = 0;
            r.positive_span_count = r.negative_span_count = 0;
            *out = r;
            return PQ_HIST_OK;
        }
        for (size_t i = 0; i < r.positive_bucket_count; i++)
            pb[i] /= f;
        for (size_t i = 0; i < r.negative_bucket_count; i++)
            nb[i] /= f;
    } else {
        r.zero_count *= f;
        r.count *= f;
        r.sum *= f;
        for (size_t i = 0; i < r.positive_bucket_count; i++)
            pb[i] *= f;
        for (size_t i = 0; i < r.negative_bucket_count; i++)
            nb[i] *= f;
    }
    if (f < 0)
        r.counter_reset_hint = PROMQL_HINT_GAUGE;
    *out = r;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_mul(pq_arena *ar, const promql_histogram *h, double factor,
                           promql_histogram *out)
{
    return scale(ar, h, factor, false, out);
}

pq_hist_status pq_hist_div(pq_arena *ar, const promql_histogram *h, double divisor,
                           promql_histogram *out)
{
    return scale(ar, h, divisor, true, out);
}

pq_hist_status pq_hist_neg(pq_arena *ar, const promql_histogram *h, promql_histogram *out)
{
    return scale(ar, h, -1, false, out);
}

bool pq_hist_has_overflow(const promql_histogram *h)
{
    if (isinf(h->zero_count) || isinf(h->count) || isinf(h->sum))
        return true;
    for (size_t i = 0; i < h->positive_bucket_count; i++)
        if (isinf(h->positive_buckets[i]))
            return true;
    for (size_t i = 0; i < h->negative_bucket_count; i++)
        if (isinf(h->negative_buckets[i]))
            return true;
    for (size_t i = 0; i < h->custom_value_count; i++)
        if (isinf(h->custom_values[i]))
            return true;
    return false;
}

