/*
 * functions_nhrange.c -- the native-histogram side of the range functions: rate/increase/delta
 * (extrapolated, and the anchored/smoothed variants), irate/idelta, sum_over_time and
 * avg_over_time over histogram samples, with upstream's annotations (not a counter / not a
 * gauge, exponential vs custom bucket mix, reconciled custom buckets, counter reset
 * collisions). Histogram arithmetic is eval/histogram.h's; results live in the query arena.
 */
#include <math.h>
#include <string.h>

#include "eval/functions_kernels.h"
#include "eval/functions_nh.h"

/* ---- annotations --------------------------------------------------------------------------- */

static const char *qname(const pq_fn_hctx *c)
{
    return pq_fn_quote(c->ev, c->mname ? c->mname : "");
}

void pq_fn_hwarn_mixed_schema(const pq_fn_hctx *c)
{
    pq_fn_warn(c->ev, c->pos,
               "vector contains a mix of histograms with exponential and custom buckets schemas "
               "for metric name %s",
               qname(c));
}

static void warn_not_counter(const pq_fn_hctx *c)
{
    pq_fn_warn(c->ev, c->pos, "this native histogram metric is not a counter: %s", qname(c));
}

static void warn_not_gauge(const pq_fn_hctx *c)
{
    pq_fn_warn(c->ev, c->pos, "this native histogram metric is not a gauge: %s", qname(c));
}

void pq_fn_hflags(const pq_fn_hctx *c, unsigned flags, const char *op)
{
    if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        pq_fn_info(c->ev, c->pos, "mismatched custom buckets were reconciled during %s", op);
}

/* A histogram operation's status: 0 ok, 1 skipped with the schema-mix warning, -1 failure. */
static int hstatus(const pq_fn_hctx *c, pq_hist_status st)
{
    if (st == PQ_HIST_OK)
        return 0;
    if (st == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
        pq_fn_hwarn_mixed_schema(c);
        return 1;
    }
    if (st == PQ_HIST_ERR_NOMEM)
        return pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
    return pq_eval_fail(c->ev, PROMQL_ERR_EXECUTION, "%s", pq_hist_status_message(st));
}

static int hadd(const pq_fn_hctx *c, const promql_histogram *a, const promql_histogram *b,
                promql_histogram *out)
{
    unsigned flags = 0;
    int r = hstatus(c, pq_hist_add(c->ev->arena, a, b, out, &flags));
    if (r == 0)
        pq_fn_hflags(c, flags, "addition");
    return r;
}

static int hsub(const pq_fn_hctx *c, const promql_histogram *a, const promql_histogram *b,
                promql_histogram *out)
{
    unsigned flags = 0;
    int r = hstatus(c, pq_hist_sub(c->ev->arena, a, b, out, &flags));
    if (r == 0)
        pq_fn_hflags(c, flags, "subtraction");
    return r;
}

static promql_histogram *hnew(const pq_fn_hctx *c)
{
    promql_histogram *h = pq_arena_calloc(c->ev->arena, 1, sizeof *h);
    if (!h)
        pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
    return h;
}

/* Final touch of a rate-like result: gauge hint, empty buckets removed. */
static int finish_gauge(const pq_fn_hctx *c, promql_histogram *h)
{
    h->counter_reset_hint = PROMQL_HINT_GAUGE;
    promql_histogram tmp;
    int r = hstatus(c, pq_hist_compact(c->ev->arena, h, 0, &tmp));
    if (r == 0)
        *h = tmp;
    return r;
}

static double duration_seconds(int64_t ms)
{
    int64_t sec = ms / 1000, rem = ms % 1000;
    return (double)sec + (double)(rem * 1000000) / 1e9;
}

/* ---- extrapolated rate --------------------------------------------------------------------- */

/* histogramRate: the increase between the first and last sample, counter resets included. */
static int histogram_rate(const pq_fn_hctx *c, const int64_t *t, const promql_histogram *const *p,
                          const int64_t *st, size_t n, bool counter, promql_histogram *out,
                          bool *overlap)
{
    const promql_histogram *prev = p[0], *last = p[n - 1];
    bool custom = pq_hist_is_custom(prev);
    promql_histogram empty;
    if (counter && (prev->counter_reset_hint == PROMQL_HINT_GAUGE ||
                    last->counter_reset_hint == PROMQL_HINT_GAUGE))
        warn_not_counter(c);
    if (counter && ((st && pq_fn_st_reset(st[0], t[0], st[1], t[1])) ||
                    pq_hist_detect_reset(p[1], prev))) {
        /* the first sample is from before a reset: count from zero */
        memset(&empty, 0, sizeof empty);
        empty.schema = p[1]->schema;
        empty.custom_values = p[1]->custom_values;
        empty.custom_value_count = p[1]->custom_value_count;
        prev = &empty;
        custom = pq_hist_is_custom(p[1]);
    }
    if (pq_hist_is_custom(last) != custom) {
        pq_fn_hwarn_mixed_schema(c);
        return 1;
    }
    int32_t min_schema = last->schema < prev->schema ? last->schema : prev->schema;
    for (size_t i = 1; i + 1 < n; i++) {
        if (!counter)
            continue;
        if (p[i]->counter_reset_hint == PROMQL_HINT_GAUGE)
            warn_not_counter(c);
        if (p[i]->schema < min_schema)
            min_schema = p[i]->schema;
        if (pq_hist_is_custom(p[i]) != custom) {
            pq_fn_hwarn_mixed_schema(c);
            return 1;
        }
    }
    promql_histogram h;
    int r;
    if (min_schema != last->schema && !pq_hist_is_custom(last))
        r = hstatus(c, pq_hist_copy_to_schema(c->ev->arena, last, min_schema, &h));
    else
        r = hstatus(c, pq_hist_copy(c->ev->arena, last, &h));
    if (r)
        return r;
    promql_histogram d;
    if ((r = hsub(c, &h, prev, &d)) != 0)
        return r;
    h = d;
    if (counter) {
        bool seen_overlap = false;
        for (size_t i = 1; i < n; i++) {
            if (st && !seen_overlap && pq_fn_st_overlap(st[i - 1], t[i - 1], st[i])) {
                seen_overlap = true;
                *overlap = true;
            }
            if ((st && pq_fn_st_reset(st[i - 1], t[i - 1], st[i], t[i])) ||
                pq_hist_detect_reset(p[i], prev)) {
                if ((r = hadd(c, &h, prev, &d)) != 0)
                    return r;
                h = d;
            }
            prev = p[i];
        }
    } else if (p[0]->counter_reset_hint != PROMQL_HINT_GAUGE ||
               p[n - 1]->counter_reset_hint != PROMQL_HINT_GAUGE) {
        warn_not_gauge(c);
    }
    if ((r = finish_gauge(c, &h)) != 0)
        return r;
    *out = h;
    return 0;
}

int pq_fn_hist_rate(const pq_fn_hctx *c, const int64_t *t, const promql_histogram *const *p,
                    const int64_t *st, size_t n, int64_t rs, int64_t re, int64_t range_ms,
                    bool counter, bool rate, promql_histogram **out, bool *overlap)
{
    if (n == 0)
        return 0;
    if (!counter)
        st = NULL;
    promql_histogram res;
    bool have_res = false;
    int r;
    if (n > 1) {
        if ((r = histogram_rate(c, t, p, st, n, counter, &res, overlap)) != 0)
            return r < 0 ? -1 : 0;
        have_res = true;
    }
    double to_start = (double)(t[0] - rs) / 1000;
    double to_end = (double)(re - t[n - 1]) / 1000;
    double sampled = (double)(t[n - 1] - t[0]) / 1000;
    double avg_between = n > 1 ? sampled / (double)(n - 1) : 0;
    double threshold = avg_between * 1.1;
    if (st && st[0] != 0 && st[0] > rs && st[0] < t[0]) {
        /* a zero sample at the first start timestamp replaces the left extrapolation */
        to_start = 0;
        sampled = (double)(t[n - 1] - st[0]) / 1000;
        promql_histogram sum;
        if (!have_res)
            r = hstatus(c, pq_hist_copy(c->ev->arena, p[0], &sum));
        else
            r = hadd(c, &res, p[0], &sum);
        if (r)
            return r < 0 ? -1 : 0;
        res = sum;
    } else if (n == 1) {
        return 0;
    } else {
        if (to_start >= threshold)
            to_start = avg_between / 2;
        if (counter) {
            double to_zero = to_start;
            if (res.count > 0 && p[0]->count >= 0)
                to_zero = sampled * (p[0]->count / res.count);
            if (to_zero < to_start)
                to_start = to_zero;
        }
    }
    if (to_end >= threshold)
        to_end = avg_between / 2;
    double factor = 1.0;
    if (sampled != 0)
        factor = (sampled + to_start + to_end) / sampled;
    if (rate)
        factor /= duration_seconds(range_ms);
    promql_histogram *o = hnew(c);
    if (!o)
        return -1;
    if ((r = hstatus(c, pq_hist_mul(c->ev->arena, &res, factor, o))) != 0)
        return r < 0 ? -1 : 0;
    *out = o;
    return 1;
}

/* ---- anchored / smoothed ------------------------------------------------------------------- */

/* interpolateHistograms: the histogram at time at between (t1, h1) and (t2, h2). */
static int interpolate(const pq_fn_hctx *c, const promql_histogram *h1, int64_t t1,
                       const promql_histogram *h2, int64_t t2, int64_t at, bool counter,
                       promql_histogram *out)
{
    pq_arena *a = c->ev->arena;
    if (at == t1)
        return hstatus(c, pq_hist_copy(a, h1, out));
    if (at == t2)
        return hstatus(c, pq_hist_copy(a, h2, out));
    double fraction = (double)(at - t1) / (double)(t2 - t1);
    if (counter && pq_hist_detect_reset(h2, h1))
        return hstatus(c, pq_hist_mul(a, h2, fraction, out));
    promql_histogram d, m;
    int r;
    if ((r = hsub(c, h2, h1, &d)) != 0)
        return r;
    if ((r = hstatus(c, pq_hist_mul(a, &d, fraction, &m))) != 0)
        return r;
    return hadd(c, &m, h1, out);
}

int pq_fn_hist_extended_rate(const pq_fn_hctx *c, const int64_t *t,
                             const promql_histogram *const *h, size_t n, int64_t rs, int64_t re,
                             int64_t range_ms, bool smoothed, bool counter, bool rate,
                             promql_histogram **out)
{
    if (n == 0)
        return 0;
    size_t last = n - 1;
    size_t first = pq_ts_first_gt(t, last, rs);
    first = first > 0 ? first - 1 : 0;
    if (smoothed)
        last = pq_ts_first_ge(t, last, re);
    if (t[last] <= rs)
        return 0;
    if (smoothed && t[first] > re)
        return 0;
    /* validateHistogramRange */
    bool custom = pq_hist_is_custom(h[first]);
    for (size_t i = first; i <= last; i++) {
        if (pq_hist_is_custom(h[i]) != custom) {
            pq_fn_hwarn_mixed_schema(c);
            return 0;
        }
        if (counter && h[i]->counter_reset_hint == PROMQL_HINT_GAUGE)
            warn_not_counter(c);
    }
    promql_histogram left, right;
    int r;
    if (smoothed && t[first] < rs)
        r = interpolate(c, h[first], t[first], h[first + 1], t[first + 1], rs, counter, &left);
    else
        r = hstatus(c, pq_hist_copy(c->ev->arena, h[first], &left));
    if (r)
        return r < 0 ? -1 : 0;
    if (smoothed && last > 0 && t[last] > re)
        r = interpolate(c, h[last - 1], t[last - 1], h[last], t[last], re, counter, &right);
    else
        r = hstatus(c, pq_hist_copy(c->ev->arena, h[last], &right));
    if (r)
        return r < 0 ? -1 : 0;
    if (!counter && (left.counter_reset_hint != PROMQL_HINT_GAUGE ||
                     right.counter_reset_hint != PROMQL_HINT_GAUGE))
        warn_not_gauge(c);
    promql_histogram res;
    if ((r = hsub(c, &right, &left, &res)) != 0)
        return r < 0 ? -1 : 0;
    if (counter) {
        /* correctForCounterResetsHistogram */
        size_t lo = first + 1;
        const promql_histogram *prev = &left;
        if (smoothed && t[first] < rs && pq_hist_detect_reset(h[first + 1], h[first])) {
            prev = h[first + 1];
            lo++;
        }
        /* h[last] is represented by right and never part of the loop */
        promql_histogram corr;
        bool have_corr = false;
        if (lo <= last) {
            for (size_t i = lo; i < last; i++) {
                if (pq_hist_detect_reset(h[i], prev)) {
                    if (!have_corr) {
                        if ((r = hstatus(c, pq_hist_copy(c->ev->arena, prev, &corr))) != 0)
                            return r < 0 ? -1 : 0;
                        have_corr = true;
                    } else {
                        promql_histogram s;
                        if ((r = hadd(c, &corr, prev, &s)) != 0)
                            return r < 0 ? -1 : 0;
                        corr = s;
                    }
                }
                prev = h[i];
            }
            if (pq_hist_detect_reset(&right, prev)) {
                if (!have_corr) {
                    if ((r = hstatus(c, pq_hist_copy(c->ev->arena, prev, &corr))) != 0)
                        return r < 0 ? -1 : 0;
                    have_corr = true;
                } else {
                    promql_histogram s;
                    if ((r = hadd(c, &corr, prev, &s)) != 0)
                        return r < 0 ? -1 : 0;
                    corr = s;
                }
            }
        }
        if (have_corr) {
            promql_histogram s;
            if ((r = hadd(c, &res, &corr, &s)) != 0)
                return r < 0 ? -1 : 0;
            res = s;
        }
    }
    if (rate) {
        promql_histogram s;
        if ((r = hstatus(c, pq_hist_div(c->ev->arena, &res, duration_seconds(range_ms), &s))) != 0)
            return r < 0 ? -1 : 0;
        res = s;
    }
    promql_histogram *o = hnew(c);
    if (!o)
        return -1;
    *o = res;
    if ((r = finish_gauge(c, o)) != 0)
        return r < 0 ? -1 : 0;
    *out = o;
    return 1;
}

/* ---- irate / idelta -------------------------------------------------------------------------- */

int pq_fn_hist_instant_value(const pq_fn_hctx *c, int64_t t0, const promql_histogram *h0,
                             int64_t st0, int64_t t1, const promql_histogram *h1, int64_t st1,
                             bool rate, promql_histogram **out)
{
    int64_t interval = t1 - t0;
    if (interval == 0)
        return 0;
    if (rate && (h1->counter_reset_hint == PROMQL_HINT_GAUGE ||
                 h0->counter_reset_hint == PROMQL_HINT_GAUGE))
        warn_not_counter(c);
    if (!rate && (h1->counter_reset_hint != PROMQL_HINT_GAUGE ||
                  h0->counter_reset_hint != PROMQL_HINT_GAUGE))
        warn_not_gauge(c);
    promql_histogram res;
    int r;
    if (!rate || !(pq_fn_st_reset(st0, t0, st1, t1) || pq_hist_detect_reset(h1, h0))) {
        r = hsub(c, h1, h0, &res);
    } else {
        r = hstatus(c, pq_hist_copy(c->ev->arena, h1, &res));
    }
    if (r)
        return r < 0 ? -1 : 0;
    if ((r = finish_gauge(c, &res)) != 0)
        return r < 0 ? -1 : 0;
    promql_histogram *o = hnew(c);
    if (!o)
        return -1;
    if (rate) {
        if ((r = hstatus(c, pq_hist_div(c->ev->arena, &res, (double)interval / 1000, o))) != 0)
            return r < 0 ? -1 : 0;
    } else {
        *o = res;
    }
    *out = o;
    return 1;
}

/* ---- sum_over_time / avg_over_time ------------------------------------------------------------ */

static void track_hint(const promql_histogram *h, bool *reset, bool *not_reset)
{
    if (h->counter_reset_hint == PROMQL_HINT_COUNTER_RESET)
        *reset = true;
    else if (h->counter_reset_hint == PROMQL_HINT_NOT_COUNTER_RESET)
        *not_reset = true;
}

int pq_fn_hist_sum_avg(const pq_fn_hctx *c, const promql_histogram *const *h, size_t n, bool avg,
                       promql_histogram **out)
{
    pq_arena *a = c->ev->arena;
    bool reset = false, not_reset = false, reconciled = false;
    promql_histogram sum, comp, mean;
    bool have_comp = false, incremental = false;
    int r = 0;
    unsigned flags;
    double count = 1;
    if ((r = hstatus(c, pq_hist_copy(a, h[0], &sum))) != 0)
        goto done;
    track_hint(h[0], &reset, &not_reset);
    for (size_t i = 1; i < n; i++) {
        track_hint(h[i], &reset, &not_reset);
        count = (double)(i + 1);
        if (!avg || !incremental) {
            promql_histogram ns, nc;
            flags = 0;
            r = hstatus(c, pq_hist_kahan_add(a, &sum, have_comp ? &comp : NULL, h[i], &ns, &nc, &flags));
            if (r)
                goto done;
            if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
                reconciled = true;
            if (!avg || !pq_hist_has_overflow(&ns)) {
                sum = ns;
                comp = nc;
                have_comp = true;
                continue;
            }
            /* the sum overflowed: continue with an incremental mean */
            incremental = true;
            if ((r = hstatus(c, pq_hist_div(a, &sum, count - 1, &mean))) != 0)
                goto done;
            if (have_comp) {
                promql_histogram t;
                if ((r = hstatus(c, pq_hist_div(a, &comp, count - 1, &t))) != 0)
                    goto done;
                comp = t;
            }
        }
        double q = (count - 1) / count;
        promql_histogram scaled, add, ns, nc;
        if (have_comp) {
            promql_histogram t;
            if ((r = hstatus(c, pq_hist_mul(a, &comp, q, &t))) != 0)
                goto done;
            comp = t;
        }
        if ((r = hstatus(c, pq_hist_div(a, h[i], count, &add))) != 0)
            goto done;
        if ((r = hstatus(c, pq_hist_mul(a, &mean, q, &scaled))) != 0)
            goto done;
        flags = 0;
        r = hstatus(c, pq_hist_kahan_add(a, &scaled, have_comp ? &comp : NULL, &add, &ns, &nc, &flags));
        if (r)
            goto done;
        if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
            reconciled = true;
        mean = ns;
        comp = nc;
        have_comp = true;
    }
    promql_histogram *o = hnew(c);
    if (!o) {
        r = -1;
        goto done;
    }
    if (avg && incremental) {
        if (have_comp)
            r = hstatus(c, pq_hist_add(a, &mean, &comp, o, NULL));
        else
            *o = mean;
    } else if (avg) {
        promql_histogram s;
        if ((r = hstatus(c, pq_hist_div(a, &sum, count, &s))) != 0)
            goto done;
        if (have_comp) {
            promql_histogram cc;
            if ((r = hstatus(c, pq_hist_div(a, &comp, count, &cc))) != 0)
                goto done;
            r = hstatus(c, pq_hist_add(a, &s, &cc, o, NULL));
        } else {
            *o = s;
        }
    } else {
        if (have_comp)
            r = hstatus(c, pq_hist_add(a, &sum, &comp, o, NULL));
        else
            *o = sum;
    }
    if (r == 0)
        *out = o;
done:
    if (reset && not_reset)
        pq_fn_warn(c->ev, c->pos, "conflicting counter resets during histogram aggregation");
    if (reconciled)
        pq_fn_info(c->ev, c->pos, "mismatched custom buckets were reconciled during aggregation");
    if (r < 0)
        return -1;
    return r == 0 ? 1 : 0;
}
