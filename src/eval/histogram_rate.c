/*
 * histogram_rate.c -- the histogram part of rate()/increase()/delta() (promql/functions.go
 * histogramRate): the raw increase of a native histogram series over a window (last minus
 * first, plus the value before every counter reset), at the lowest schema seen, before any
 * extrapolation or division, which stay with the function layer.
 */
#include "eval/histogram.h"

#include <string.h>

/* isStartTimestampReset: a start timestamp that moved past the previous sample is a reset. */
static bool start_ts_reset(int64_t prev_st, int64_t prev_t, int64_t cur_st, int64_t cur_t)
{
    if (cur_st == 0 || cur_st >= cur_t)
        return false;
    if (cur_st < prev_t)
        return false;
    if (cur_st > prev_t)
        return true;
    /* cur_st == prev_t: a delta series, or a cumulative one with unknown start time. */
    if (prev_st > prev_t)
        return false;
    return prev_st != 0 && prev_st != prev_t;
}

/* checkStartTimeOverlap. */
static bool start_ts_overlap(int64_t prev_st, int64_t prev_t, int64_t cur_st)
{
    return cur_st != 0 && cur_st < prev_t && cur_st != prev_st;
}

pq_hist_status pq_hist_rate_increase(pq_arena *ar, const promql_histogram *const *h,
                                     const int64_t *t, const int64_t *st, size_t n,
                                     bool is_counter, promql_histogram *out, bool *has_result,
                                     unsigned *flags)
{
    unsigned fl = 0;
    *has_result = false;
    if (n < 2 || !h[0]) {
        if (flags && n >= 2)
            *flags |= PQ_HIST_FLAG_MIXED_FLOATS_HISTOGRAMS;
        return PQ_HIST_OK;
    }
    const promql_histogram *prev = h[0];
    const promql_histogram *last = h[n - 1];
    for (size_t i = 0; i < n; i++)
        if (h[i] && pq_hist_validate(h[i]) != PQ_HIST_OK)
            return PQ_HIST_ERR_INVALID;
    if (!last) {
        if (flags)
            *flags |= PQ_HIST_FLAG_MIXED_FLOATS_HISTOGRAMS;
        return PQ_HIST_OK;
    }
    bool custom = pq_hist_is_custom(prev);
    if (is_counter && (prev->counter_reset_hint == PROMQL_HINT_GAUGE ||
                       last->counter_reset_hint == PROMQL_HINT_GAUGE))
        fl |= PQ_HIST_FLAG_NOT_COUNTER;

    /* A reset between the first two samples makes the first irrelevant: start from an empty
     * histogram with the second one's layout instead (and ignore the first one's schema). */
    promql_histogram empty;
    if (is_counter) {
        const promql_histogram *second = h[1];
        if (second && ((st && start_ts_reset(st[0], t[0], st[1], t[1])) ||
                       pq_hist_detect_reset(second, prev))) {
            memset(&empty, 0, sizeof empty);
            empty.schema = second->schema;
            if (pq_hist_is_custom(second)) {
                empty.custom_values = second->custom_values;
                empty.custom_value_count = second->custom_value_count;
            }
            prev = &empty;
            custom = pq_hist_is_custom(second);
        }
    }
    if (pq_hist_is_custom(last) != custom) {
        if (flags)
            *flags |= fl | PQ_HIST_FLAG_MIXED_EXP_CUSTOM;
        return PQ_HIST_OK;
    }
    int32_t min_schema = last->schema < prev->schema ? last->schema : prev->schema;
    for (size_t i = 1; i + 1 < n; i++) {
        const promql_histogram *cur = h[i];
        /* Upstream returns a fresh annotation set here, dropping the ones collected so far. */
        if (!cur) {
            if (flags)
                *flags |= PQ_HIST_FLAG_MIXED_FLOATS_HISTOGRAMS;
            return PQ_HIST_OK;
        }
        if (!is_counter)
            continue;
        if (cur->counter_reset_hint == PROMQL_HINT_GAUGE)
            fl |= PQ_HIST_FLAG_NOT_COUNTER;
        if (cur->schema < min_schema)
            min_schema = cur->schema;
        if (pq_hist_is_custom(cur) != custom) {
            if (flags)
                *flags |= PQ_HIST_FLAG_MIXED_EXP_CUSTOM;
            return PQ_HIST_OK;
        }
    }

    promql_histogram acc;
    pq_hist_status s = pq_hist_copy_to_schema(ar, last, min_schema, &acc);
    if (s != PQ_HIST_OK)
        return s;
    unsigned opfl = 0;
    s = pq_hist_sub(ar, &acc, prev, &acc, &opfl);
    if (s == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
        if (flags)
            *flags |= PQ_HIST_FLAG_MIXED_EXP_CUSTOM;
        return PQ_HIST_OK;
    }
    if (s != PQ_HIST_OK)
        return s;
    if (opfl & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        fl |= PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED_SUB;

    if (is_counter) {
        bool overlap = false;
        for (size_t i = 1; i < n; i++) {
            const promql_histogram *cur = h[i];
            if (st && !overlap && start_ts_overlap(st[i - 1], t[i - 1], st[i])) {
                fl |= PQ_HIST_FLAG_START_TIME_OVERLAP;
                overlap = true;
            }
            if ((st && start_ts_reset(st[i - 1], t[i - 1], st[i], t[i])) ||
                pq_hist_detect_reset(cur, prev)) {
                opfl = 0;
                s = pq_hist_add(ar, &acc, prev, &acc, &opfl);
                if (s == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
                    if (flags)
                        *flags |= PQ_HIST_FLAG_MIXED_EXP_CUSTOM;
                    return PQ_HIST_OK;
                }
                if (s != PQ_HIST_OK)
                    return s;
                if (opfl & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
                    fl |= PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED;
            }
            prev = cur;
        }
    } else if (h[0]->counter_reset_hint != PROMQL_HINT_GAUGE ||
               last->counter_reset_hint != PROMQL_HINT_GAUGE) {
        fl |= PQ_HIST_FLAG_NOT_GAUGE;
    }
    acc.counter_reset_hint = PROMQL_HINT_GAUGE;
    if ((s = pq_hist_compact(ar, &acc, 0, out)) != PQ_HIST_OK)
        return s;
    *has_result = true;
    if (flags)
        *flags |= fl;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_interpolate(pq_arena *ar, const promql_histogram *h1, int64_t t1,
                                   const promql_histogram *h2, int64_t t2, int64_t t,
                                   bool is_counter, promql_histogram *out, unsigned *flags)
{
    if (t == t1)
        return pq_hist_copy(ar, h1, out);
    if (t == t2)
        return pq_hist_copy(ar, h2, out);
    double fraction = (double)(t - t1) / (double)(t2 - t1);
    if (is_counter && pq_hist_detect_reset(h2, h1))
        return pq_hist_mul(ar, h2, fraction, out);
    /* h1 + (h2 - h1) * fraction, in upstream's order of operations. */
    promql_histogram r;
    unsigned fl = 0;
    pq_hist_status st = pq_hist_sub(ar, h2, h1, &r, &fl);
    if (st != PQ_HIST_OK)
        return st;
    unsigned outfl = (fl & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED) ? PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED_SUB : 0;
    if ((st = pq_hist_mul(ar, &r, fraction, &r)) != PQ_HIST_OK)
        return st;
    fl = 0;
    if ((st = pq_hist_add(ar, &r, h1, out, &fl)) != PQ_HIST_OK)
        return st;
    outfl |= fl & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED;
    if (flags)
        *flags |= outfl;
    return PQ_HIST_OK;
}
