/*
 * histogram_reset.c -- counter reset detection between two native histograms
 * (FloatHistogram.DetectReset), as rate(), increase() and resets() use it. It needs no memory:
 * buckets are merged to the common schema while iterating.
 */
#include "eval/histogram.h"

#include <math.h>
#include <string.h>

/* ---- counter reset detection ---------------------------------------------------------- */

/* A forward bucket iterator that merges buckets into target_schema and skips buckets whose
 * upper bound is <= start (floatBucketIterator with a targetSchema and absoluteStartValue). */
typedef struct merge_iter {
    pq_hist_side_cursor c;
    int32_t schema, target;
    double start;
    bool reached;
    bool have_next;
    int64_t next_idx;
    double next_cnt;
} merge_iter;

static void merge_iter_init(merge_iter *m, const promql_histogram *h, bool positive, double start,
                            int32_t target)
{
    memset(m, 0, sizeof *m);
    if (positive)
        pq_hist_cursor_init(&m->c, h->positive_spans, h->positive_span_count, h->positive_buckets,
                    h->positive_bucket_count, false);
    else
        pq_hist_cursor_init(&m->c, h->negative_spans, h->negative_span_count, h->negative_buckets,
                    h->negative_bucket_count, false);
    m->schema = h->schema;
    m->target = target;
    m->start = start;
    m->reached = start == 0;
}

static bool merge_iter_next(merge_iter *m, int64_t *idx, double *cnt)
{
    for (;;) {
        int64_t oi;
        double oc;
        if (m->have_next) {
            oi = m->next_idx;
            oc = m->next_cnt;
            m->have_next = false;
        } else if (!pq_hist_cursor_next(&m->c, &oi, &oc)) {
            return false;
        }
        int64_t t = m->schema == m->target ? oi : pq_hist_target_idx(oi, m->schema, m->target);
        double sum = oc;
        if (m->schema != m->target) {
            while (pq_hist_cursor_next(&m->c, &oi, &oc)) {
                if (pq_hist_target_idx(oi, m->schema, m->target) != t) {
                    m->have_next = true;
                    m->next_idx = oi;
                    m->next_cnt = oc;
                    break;
                }
                sum += oc;
            }
        }
        if (!m->reached && m->target != PQ_HIST_SCHEMA_CUSTOM &&
            pq_hist_exp_bound(t, m->target) <= m->start)
            continue;
        m->reached = true;
        *idx = t;
        *cnt = sum;
        return true;
    }
}

/* detectReset over one side: a populated bucket of prev missing in cur, or a decreased one. */
static bool detect_reset_side(merge_iter *cur, merge_iter *prev)
{
    int64_t pi, ci;
    double pc, cc;
    if (!merge_iter_next(prev, &pi, &pc))
        return false;
    if (!merge_iter_next(cur, &ci, &cc)) {
        for (;;) {
            if (pc != 0)
                return true;
            if (!merge_iter_next(prev, &pi, &pc))
                return false;
        }
    }
    for (;;) {
        while (ci < pi) {
            if (!merge_iter_next(cur, &ci, &cc)) {
                for (;;) {
                    if (pc != 0)
                        return true;
                    if (!merge_iter_next(prev, &pi, &pc))
                        return false;
                }
            }
        }
        if (ci > pi) {
            if (pc != 0)
                return true;
        } else if (cc < pc) {
            return true;
        }
        if (!merge_iter_next(prev, &pi, &pc))
            return false;
    }
}

/* The bucket iterator of a custom-bucket histogram with its upper bounds. */
typedef struct upper_iter {
    pq_hist_side_cursor c;
    const promql_histogram *h;
} upper_iter;

static bool upper_iter_next(upper_iter *u, double *upper, double *cnt)
{
    int64_t idx;
    if (!pq_hist_cursor_next(&u->c, &idx, cnt))
        return false;
    *upper = pq_hist_bound(idx, u->h->schema, u->h->custom_values,
                           u->h->custom_value_count);
    return true;
}

/* rollupSumForBound: sum buckets with upper bound <= bound, leaving the first one above. */
static double rollup(upper_iter *u, bool started, double *bu, double *bc, double bound, bool *more)
{
    if (!started && !upper_iter_next(u, bu, bc)) {
        *more = false;
        return 0;
    }
    double sum = 0;
    while (*bu <= bound) {
        sum += *bc;
        if (!upper_iter_next(u, bu, bc)) {
            *more = false;
            return sum;
        }
    }
    *more = true;
    return sum;
}

/* detectResetWithMismatchedCustomBounds: a decrease of any reconciled bucket on the shared
 * bounds. */
static bool detect_reset_custom_mismatch(const promql_histogram *cur, const promql_histogram *prev)
{
    upper_iter ci = {.h = cur}, pi = {.h = prev};
    pq_hist_cursor_init(&ci.c, cur->positive_spans, cur->positive_span_count, cur->positive_buckets,
                cur->positive_bucket_count, false);
    pq_hist_cursor_init(&pi.c, prev->positive_spans, prev->positive_span_count, prev->positive_buckets,
                prev->positive_bucket_count, false);
    const double *cb = cur->custom_values, *pb = prev->custom_values;
    size_t nc = cur->custom_value_count, np = prev->custom_value_count;
    size_t i = 0, j = 0;
    double cu = 0, cc = 0, pu = 0, pc = 0;
    bool c_started = false, c_more = false, p_started = false, p_more = false;
    while (i <= nc && j <= np) {
        double cbnd = i < nc ? cb[i] : INFINITY;
        double pbnd = j < np ? pb[j] : INFINITY;
        if (cbnd == pbnd) {
            double csum = 0, psum = 0;
            if (!c_started || c_more) {
                csum = rollup(&ci, c_started, &cu, &cc, cbnd, &c_more);
                c_started = true;
            }
            if (!p_started || p_more) {
                psum = rollup(&pi, p_started, &pu, &pc, cbnd, &p_more);
                p_started = true;
            }
            if (csum < psum)
                return true;
            i++;
            j++;
        } else if (cbnd < pbnd) {
            i++;
        } else {
            j++;
        }
    }
    return false;
}

bool pq_hist_detect_reset(const promql_histogram *cur, const promql_histogram *prev)
{
    if (cur->counter_reset_hint == PROMQL_HINT_COUNTER_RESET)
        return true;
    if (cur->counter_reset_hint == PROMQL_HINT_NOT_COUNTER_RESET)
        return false;
    if (pq_hist_validate(cur) != PQ_HIST_OK || pq_hist_validate(prev) != PQ_HIST_OK)
        return true;
    if (cur->count < prev->count)
        return true;
    if (pq_hist_is_custom(cur)) {
        if (!pq_hist_is_custom(prev))
            return true;
        if (!pq_hist_custom_bounds_match(cur->custom_values, cur->custom_value_count, prev->custom_values,
                                 prev->custom_value_count))
            return detect_reset_custom_mismatch(cur, prev);
    } else if (pq_hist_is_custom(prev)) {
        /* Upstream reaches this through schema > -53. */
        return true;
    }
    if (cur->schema > prev->schema)
        return true;
    double czt = pq_hist_is_custom(cur) ? 0 : cur->zero_threshold;
    double pzt = pq_hist_is_custom(prev) ? 0 : prev->zero_threshold;
    if (czt < pzt)
        return true;
    double prev_zc = pq_hist_is_custom(prev) ? 0 : prev->zero_count;
    double thr = czt;
    if (czt != pzt) {
        /* zeroCountForLargerThreshold on prev, reading its buckets in place. */
        double larger = czt;
        for (;;) {
            double zc = prev->zero_count, c = 0;
            bool restart = false;
            pq_hist_side_iter it;
            pq_hist_bucket b;
            pq_hist_side_iter_init(&it, prev, true);
            while (pq_hist_side_iter_next(&it, &b)) {
                if (b.lower >= larger)
                    break;
                zc = pq_kahan_inc(b.count, zc, &c);
                if (b.upper > larger) {
                    if (b.count != 0)
                        larger = b.upper;
                    break;
                }
            }
            pq_hist_side_iter_init(&it, prev, false);
            while (pq_hist_side_iter_next(&it, &b)) {
                if (b.upper <= -larger)
                    break;
                zc = pq_kahan_inc(b.count, zc, &c);
                if (b.lower < -larger) {
                    if (b.count != 0) {
                        larger = -b.lower;
                        restart = true;
                    }
                    break;
                }
            }
            if (!restart) {
                prev_zc = zc;
                thr = larger;
                break;
            }
        }
    }
    if (thr != czt)
        return true;
    double czc = pq_hist_is_custom(cur) ? 0 : cur->zero_count;
    if (czc < prev_zc)
        return true;
    merge_iter a, b;
    merge_iter_init(&a, cur, true, czt, cur->schema);
    merge_iter_init(&b, prev, true, czt, cur->schema);
    if (detect_reset_side(&a, &b))
        return true;
    merge_iter_init(&a, cur, false, czt, cur->schema);
    merge_iter_init(&b, prev, false, czt, cur->schema);
    return detect_reset_side(&a, &b);
}

