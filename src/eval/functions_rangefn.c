/*
 * functions_rangefn.c -- the functions over a range-vector argument (rate, increase, delta,
 * irate, idelta, deriv, predict_linear, changes, resets, the *_over_time family,
 * double_exponential_smoothing, absent_over_time), as engine.go's matrix-argument branch of
 * function-call evaluation runs them: one window per (series, step), the anchored/smoothed
 * modifier rules, name dropping, and the per-series annotations.
 *
 * Windows: step i covers (range_start[i], range_end[i]] of pq_matrix; for anchored selectors
 * the window reaches lookback further back, for smoothed ones lookback further on both sides
 * (upstream's matrixIterSlice bounds). The arrays handed over by pq_eval_matrix must hold those
 * extra samples (see the note on pq_matrix in value.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "eval/functions_kernels.h"
#include "eval/functions_nh.h"

typedef enum rf_kind {
    RF_RATE, RF_INCREASE, RF_DELTA, RF_IRATE, RF_IDELTA, RF_DERIV, RF_PREDICT_LINEAR,
    RF_CHANGES, RF_RESETS, RF_AVG, RF_MIN, RF_MAX, RF_SUM, RF_COUNT, RF_LAST, RF_FIRST,
    RF_PRESENT, RF_QUANTILE, RF_STDDEV, RF_STDVAR, RF_MAD, RF_TS_FIRST, RF_TS_LAST, RF_TS_MIN,
    RF_TS_MAX, RF_ABSENT, RF_DES
} rf_kind;

typedef struct rf_def {
    const char *name;
    rf_kind kind;
    bool anchored_ok;
    bool smoothed_ok;
} rf_def;

static const rf_def rf_defs[] = {
    {"rate", RF_RATE, true, true},
    {"increase", RF_INCREASE, true, true},
    {"delta", RF_DELTA, true, true},
    {"irate", RF_IRATE, false, false},
    {"idelta", RF_IDELTA, false, false},
    {"deriv", RF_DERIV, false, false},
    {"predict_linear", RF_PREDICT_LINEAR, false, false},
    {"changes", RF_CHANGES, true, false},
    {"resets", RF_RESETS, true, false},
    {"avg_over_time", RF_AVG, false, false},
    {"min_over_time", RF_MIN, false, false},
    {"max_over_time", RF_MAX, false, false},
    {"sum_over_time", RF_SUM, false, false},
    {"count_over_time", RF_COUNT, false, false},
    {"last_over_time", RF_LAST, false, false},
    {"first_over_time", RF_FIRST, false, false},
    {"present_over_time", RF_PRESENT, false, false},
    {"quantile_over_time", RF_QUANTILE, false, false},
    {"stddev_over_time", RF_STDDEV, false, false},
    {"stdvar_over_time", RF_STDVAR, false, false},
    {"mad_over_time", RF_MAD, false, false},
    {"ts_of_first_over_time", RF_TS_FIRST, false, false},
    {"ts_of_last_over_time", RF_TS_LAST, false, false},
    {"ts_of_min_over_time", RF_TS_MIN, false, false},
    {"ts_of_max_over_time", RF_TS_MAX, false, false},
    {"absent_over_time", RF_ABSENT, false, false},
    {"double_exponential_smoothing", RF_DES, false, false},
};

/* One series split into its float and histogram samples. */
typedef struct rf_series {
    const pq_range_series *src;
    const int64_t *ft;
    const double *fv;
    const int64_t *fst;       /* start timestamps of the float samples, or NULL */
    size_t nf;
    const int64_t *ht;
    const promql_histogram *const *hh;
    const int64_t *hst;       /* start timestamps of the histogram samples, or NULL */
    size_t nh;
} rf_series;

/* The samples of one window. */
typedef struct rf_win {
    const int64_t *ft;
    const double *fv;
    const int64_t *fst;
    size_t nf;
    const int64_t *ht;
    const promql_histogram *const *hh;
    const int64_t *hst;
    size_t nh;
    int64_t rs, re;           /* the unextended range (rs exclusive) */
    size_t step;
} rf_win;

typedef struct rf_ctx {
    pq_eval *ev;
    const pq_node *call;
    const rf_def *def;
    const pq_node *marg;      /* the range-vector argument */
    const pq_node *arg0;      /* upstream's args[0], where most annotations point */
    pq_matrix m;
    const double *sc[2];      /* scalar arguments in order (quantile, duration, sf/tf) */
    bool anchored, smoothed;
    double *scratch;          /* for quantile/mad */
    size_t scratch_cap;
    /* per-series annotation flags */
    bool mixed_warn, hist_ignored_info;
    const char *counter_info_for;   /* the metric name last given the "not a counter" info */
    size_t st_overlap;        /* steps with a start-time overlap (one warning each, merged) */
    pq_fn_hctx hc;            /* native-histogram annotations of the current series */
    pq_value *outv;           /* the output vector */
    bool drop;                /* drop the metric name */
    /* start-time overlaps, counted per metric name and step as upstream merges the warning */
    const char **overlap_names;
    size_t *overlap_counts, overlap_n, overlap_cap;
} rf_ctx;

static int split_series(rf_ctx *c, const pq_range_series *s, rf_series *out)
{
    memset(out, 0, sizeof *out);
    out->src = s;
    if (!s->h) {
        out->ft = s->t;
        out->fv = s->v;
        out->fst = s->st;
        out->nf = s->n;
        return 0;
    }
    size_t nh = 0;
    for (size_t i = 0; i < s->n; i++)
        nh += s->h[i] != NULL;
    size_t nf = s->n - nh;
    int64_t *ft = pq_arena_alloc(c->ev->arena, (nf + 1) * sizeof *ft);
    double *fv = pq_arena_alloc(c->ev->arena, (nf + 1) * sizeof *fv);
    int64_t *ht = pq_arena_alloc(c->ev->arena, (nh + 1) * sizeof *ht);
    const promql_histogram **hh = pq_arena_alloc(c->ev->arena, (nh + 1) * sizeof *hh);
    int64_t *fst = s->st ? pq_arena_alloc(c->ev->arena, (nf + 1) * sizeof *fst) : NULL;
    int64_t *hst = s->st ? pq_arena_alloc(c->ev->arena, (nh + 1) * sizeof *hst) : NULL;
    if (!ft || !fv || !ht || !hh || (s->st && (!fst || !hst)))
        return pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t a = 0, b = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->h[i]) {
            if (hst)
                hst[b] = s->st[i];
            ht[b] = s->t[i];
            hh[b++] = s->h[i];
        } else {
            if (fst)
                fst[a] = s->st[i];
            ft[a] = s->t[i];
            fv[a++] = s->v[i];
        }
    }
    out->fst = fst;
    out->hst = hst;
    out->ft = ft;
    out->fv = fv;
    out->nf = nf;
    out->ht = ht;
    out->hh = hh;
    out->nh = nh;
    return 0;
}

/* pq_ts_first_gt(t, n, x) for a sequence of x that mostly grows: continues from the previous answer
 * (windows of consecutive steps move right), searching afresh only when x went back. */
static size_t slide_gt(const int64_t *t, size_t n, int64_t x, size_t *pos)
{
    size_t p = *pos;
    if (p > n || (p > 0 && t[p - 1] > x)) {
        p = pq_ts_first_gt(t, n, x);
    } else {
        /* a few steps forward at most, as a rule; search when further */
        size_t lim = p + 8 < n ? p + 8 : n;
        while (p < lim && t[p] <= x)
            p++;
        if (p == lim && p < n && t[p] <= x)
            p += pq_ts_first_gt(t + p, n - p, x);
    }
    *pos = p;
    return p;
}

/* Window cursors of the series being evaluated. */
typedef struct rf_cursor {
    size_t fa, fb, ha, hb;
} rf_cursor;

static void make_window(const rf_ctx *c, const rf_series *s, size_t step, rf_win *w, rf_cursor *cur)
{
    int64_t rs = c->m.range_start[step], re = c->m.range_end[step];
    int64_t lo = rs, hi = re;
    int64_t lookback = c->m.lookback_ms ? c->m.lookback_ms : c->ev->lookback_ms;
    if (c->anchored) {
        lo -= lookback;
    } else if (c->smoothed) {
        lo -= lookback;
        hi += lookback;
    }
    size_t a = slide_gt(s->ft, s->nf, lo, &cur->fa), b = slide_gt(s->ft, s->nf, hi, &cur->fb);
    w->ft = s->ft + a;
    w->fv = s->fv + a;
    w->fst = s->fst ? s->fst + a : NULL;
    w->nf = b > a ? b - a : 0;
    if (s->nh) {
        size_t ha = slide_gt(s->ht, s->nh, lo, &cur->ha), hb = slide_gt(s->ht, s->nh, hi, &cur->hb);
        w->ht = s->ht + ha;
        w->hh = s->hh + ha;
        w->hst = s->hst ? s->hst + ha : NULL;
        w->nh = hb > ha ? hb - ha : 0;
    } else {
        w->ht = NULL;
        w->hh = NULL;
        w->hst = NULL;
        w->nh = 0;
    }
    w->rs = rs;
    w->re = re;
    w->step = step;
}

static double *scratch_copy(rf_ctx *c, const double *v, size_t n)
{
    if (n > c->scratch_cap) {
        size_t cap = n < 64 ? 64 : n * 2;
        double *p = pq_arena_alloc(c->ev->arena, cap * sizeof *p);
        if (!p)
            return NULL;
        c->scratch = p;
        c->scratch_cap = cap;
    }
    memcpy(c->scratch, v, n * sizeof *v);
    return c->scratch;
}

/* changes()/resets() over floats and histograms merged by time, from the anchor on. */
static bool changes_resets(const rf_ctx *c, const rf_win *w, bool resets, double *out)
{
    size_t f0 = 0, h0 = 0;
    if (c->anchored) {
        /* the most recent sample at or before the range start is the baseline */
        size_t lf = pq_ts_first_gt(w->ft, w->nf, w->rs), lh = pq_ts_first_gt(w->ht, w->nh, w->rs);
        if (lf >= w->nf && lh >= w->nh)
            return false;
        if (lf == 0 && lh == 0) {
            f0 = h0 = 0;
        } else if (lh == 0 || (lf > 0 && w->ft[lf - 1] >= w->ht[lh - 1])) {
            f0 = lf - 1;
            h0 = lh;
        } else {
            f0 = lf;
            h0 = lh - 1;
        }
    }
    if (w->nh == 0) {
        if (f0 >= w->nf)
            return false;
        *out = resets ? pq_fn_resets(w->ft + f0, w->fv + f0, w->fst ? w->fst + f0 : NULL, w->nf - f0)
                      : pq_fn_changes(w->fv + f0, w->nf - f0);
        return true;
    }
    if (f0 >= w->nf && h0 >= w->nh)
        return false;
    double count = 0;
    bool have_prev = false, prev_is_h = false;
    double prev_f = 0;
    int64_t prev_t = 0, prev_st = 0;
    const promql_histogram *prev_h = NULL;
    size_t i = f0, k = h0;
    while (i < w->nf || k < w->nh) {
        bool take_h;
        if (k >= w->nh)
            take_h = false;
        else if (i >= w->nf)
            take_h = true;
        else if (w->ft[i] < w->ht[k])
            take_h = false;
        else if (w->ft[i] > w->ht[k])
            take_h = true;
        else {
            /* same timestamp for a float and a histogram: upstream's loop makes no
             * progress-defining choice here; consume the float first */
            take_h = false;
        }
        double cf = 0;
        const promql_histogram *ch = NULL;
        int64_t ct, cst;
        if (take_h) {
            ct = w->ht[k];
            cst = w->hst ? w->hst[k] : 0;
            ch = w->hh[k++];
        } else {
            ct = w->ft[i];
            cst = w->fst ? w->fst[i] : 0;
            cf = w->fv[i++];
        }
        if (have_prev) {
            bool st_reset = resets && pq_fn_st_reset(prev_st, prev_t, cst, ct);
            if (!prev_is_h && !take_h) {
                if (resets ? (cf < prev_f || st_reset)
                           : (cf != prev_f && !(isnan(cf) && isnan(prev_f))))
                    count++;
            } else if (prev_is_h != take_h) {
                count++;
            } else if (resets ? (st_reset || pq_hist_detect_reset(ch, prev_h))
                              : !pq_hist_equals(ch, prev_h)) {
                count++;
            }
        }
        have_prev = true;
        prev_is_h = take_h;
        prev_f = cf;
        prev_h = ch;
        prev_t = ct;
        prev_st = cst;
    }
    *out = count;
    return true;
}

/* The last two samples overall for irate/idelta: 0 both floats (in *t,*v), 1 both histograms,
 * 2 a mix. */
static int last_two(const rf_win *w, int64_t t[2], double v[2], const promql_histogram *h[2],
                    int64_t st[2])
{
    size_t i = w->nf, k = w->nh;
    int kinds[2];
    for (int n = 1; n >= 0; n--) {
        bool take_h;
        if (k == 0)
            take_h = false;
        else if (i == 0)
            take_h = true;
        else
            take_h = w->ht[k - 1] > w->ft[i - 1];
        if (take_h) {
            k--;
            kinds[n] = 1;
            t[n] = w->ht[k];
            h[n] = w->hh[k];
            st[n] = w->hst ? w->hst[k] : 0;
        } else {
            i--;
            kinds[n] = 0;
            t[n] = w->ft[i];
            v[n] = w->fv[i];
            st[n] = w->fst ? w->fst[i] : 0;
        }
    }
    if (kinds[0] == 0 && kinds[1] == 0)
        return 0;
    if (kinds[0] == 1 && kinds[1] == 1)
        return 1;
    return 2;
}

/* One (series, step): true with *out (or *hout for a histogram result) when there is a value. */
static int rf_eval(rf_ctx *c, const rf_win *w, double *out, const promql_histogram **hout)
{
    size_t nf = w->nf, nh = w->nh;
    *hout = NULL;
    switch (c->def->kind) {
    case RF_RATE:
    case RF_INCREASE:
    case RF_DELTA: {
        bool counter = c->def->kind != RF_DELTA, rate = c->def->kind == RF_RATE;
        if (nf > 0 && nh > 0) {
            c->mixed_warn = true;
            return 0;
        }
        if (nf == 0 && nh == 0)
            return 0;
        if (nf == 0) {
            promql_histogram *r = NULL;
            bool overlap = false;
            int rc = c->anchored || c->smoothed
                         ? pq_fn_hist_extended_rate(&c->hc, w->ht, w->hh, nh, w->rs, w->re,
                                                    c->m.range_ms, c->smoothed, counter, rate, &r)
                         : pq_fn_hist_rate(&c->hc, w->ht, w->hh, w->hst, nh, w->rs, w->re,
                                           c->m.range_ms, counter, rate, &r, &overlap);
            if (overlap)
                c->st_overlap++;
            *hout = r;
            return rc;
        }
        if (c->anchored || c->smoothed)
            return pq_fn_extended_rate(w->ft, w->fv, nf, w->rs, w->re, c->m.range_ms, c->smoothed,
                                       counter, rate, out);
        bool overlap = false;
        bool ok = pq_fn_extrapolated_rate(w->ft, w->fv, counter ? w->fst : NULL, nf, w->rs, w->re,
                                          c->m.range_ms, counter, rate, out, &overlap);
        if (overlap)
            c->st_overlap++;
        return ok;
    }
    case RF_IRATE:
    case RF_IDELTA: {
        if (nf + nh < 2)
            return 0;
        int64_t t[2];
        double v[2] = {0, 0};
        const promql_histogram *hh[2] = {NULL, NULL};
        int64_t st[2] = {0, 0};
        int k = last_two(w, t, v, hh, st);
        if (k == 2) {
            c->mixed_warn = true;
            return 0;
        }
        if (k == 1) {
            promql_histogram *r = NULL;
            bool irate = c->def->kind == RF_IRATE;
            int rc = pq_fn_hist_instant_value(&c->hc, t[0], hh[0], irate ? st[0] : 0, t[1], hh[1],
                                              irate ? st[1] : 0, irate, &r);
            *hout = r;
            return rc;
        }
        bool irate = c->def->kind == RF_IRATE;
        return pq_fn_instant_value(t, v, irate && w->fst ? st : NULL, 2, irate, out);
    }
    case RF_DERIV:
    case RF_PREDICT_LINEAR: {
        if (nf < 2) {
            if (nf == 1 && nh > 0)
                c->hist_ignored_info = true;
            return 0;
        }
        double slope, intercept;
        if (c->def->kind == RF_DERIV) {
            pq_fn_linear_regression(w->ft, w->fv, nf, w->ft[0], &slope, &intercept);
            *out = slope;
        } else {
            pq_fn_linear_regression(w->ft, w->fv, nf, pq_eval_step_ts(c->ev, w->step), &slope,
                                    &intercept);
            *out = slope * c->sc[0][w->step] + intercept;
        }
        if (nh > 0)
            c->hist_ignored_info = true;
        return 1;
    }
    case RF_CHANGES:
    case RF_RESETS:
        if (nf + nh == 0)
            return 0;
        return changes_resets(c, w, c->def->kind == RF_RESETS, out);
    case RF_AVG:
    case RF_SUM:
        if (nf > 0 && nh > 0) {
            c->mixed_warn = true;
            return 0;
        }
        if (nf == 0 && nh == 0)
            return 0;
        if (nf == 0) {
            promql_histogram *r = NULL;
            int rc = pq_fn_hist_sum_avg(&c->hc, w->hh, nh, c->def->kind == RF_AVG, &r);
            *hout = r;
            return rc;
        }
        *out = c->def->kind == RF_AVG ? pq_fn_avg_over(w->fv, nf) : pq_fn_sum_over(w->fv, nf);
        return 1;
    case RF_COUNT:
        if (nf + nh == 0)
            return 0;
        *out = (double)(nf + nh);
        return 1;
    case RF_PRESENT:
        if (nf + nh == 0)
            return 0;
        *out = 1;
        return 1;
    case RF_LAST:
        if (nf + nh == 0)
            return 0;
        if (nh == 0 || (nf > 0 && w->ht[nh - 1] < w->ft[nf - 1])) {
            *out = w->fv[nf - 1];
        } else {
            *hout = w->hh[nh - 1];
        }
        return 1;
    case RF_FIRST:
        if (nf + nh == 0)
            return 0;
        if (nh == 0 || (nf > 0 && w->ft[0] < w->ht[0])) {
            *out = w->fv[0];
        } else {
            *hout = w->hh[0];
        }
        return 1;
    case RF_TS_FIRST: {
        if (nf + nh == 0)
            return 0;
        int64_t tf = nf ? w->ft[0] : INT64_MAX, th = nh ? w->ht[0] : INT64_MAX;
        *out = (double)(tf < th ? tf : th) / 1000;
        return 1;
    }
    case RF_TS_LAST: {
        if (nf + nh == 0)
            return 0;
        int64_t tf = nf ? w->ft[nf - 1] : 0, th = nh ? w->ht[nh - 1] : 0;
        *out = (double)(tf > th ? tf : th) / 1000;
        return 1;
    }
    case RF_MIN:
    case RF_MAX:
    case RF_TS_MIN:
    case RF_TS_MAX: {
        if (nf == 0)
            return 0;
        if (nh > 0)
            c->hist_ignored_info = true;
        bool want_max = c->def->kind == RF_MAX || c->def->kind == RF_TS_MAX;
        bool ts = c->def->kind == RF_TS_MIN || c->def->kind == RF_TS_MAX;
        size_t idx;
        double v = pq_fn_extreme_over(w->fv, nf, want_max, ts, &idx);
        *out = ts ? (double)w->ft[idx] / 1000 : v;
        return 1;
    }
    case RF_STDDEV:
    case RF_STDVAR: {
        if (nf == 0)
            return 0;
        if (nh > 0)
            c->hist_ignored_info = true;
        double var = pq_fn_variance_over(w->fv, nf);
        *out = c->def->kind == RF_STDDEV ? sqrt(var) : var;
        return 1;
    }
    case RF_MAD:
    case RF_QUANTILE: {
        if (nf == 0)
            return 0;
        double q = 0;
        if (c->def->kind == RF_QUANTILE) {
            q = c->sc[0][w->step];
            if (isnan(q) || q < 0 || q > 1) {
                char buf[64];
                pq_fn_warn(c->ev, c->arg0, "quantile value should be between 0 and 1, got %s",
                           pq_fn_fmt_g(q, buf, sizeof buf));
            }
        }
        if (nh > 0)
            c->hist_ignored_info = true;
        double *tmp = scratch_copy(c, w->fv, nf);
        if (!tmp)
            return pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
        *out = c->def->kind == RF_MAD ? pq_fn_mad(tmp, nf) : pq_fn_quantile(q, tmp, nf);
        return 1;
    }
    case RF_DES: {
        if (nf + nh == 0)
            return 0;
        double sf = c->sc[0][w->step], tf = c->sc[1][w->step];
        if (sf <= 0 || sf >= 1) /* NaN passes, as upstream */
            return pq_eval_fail(c->ev, PROMQL_ERR_EXECUTION,
                                "invalid smoothing factor. Expected: 0 < sf < 1, got: %f", sf);
        if (tf <= 0 || tf >= 1)
            return pq_eval_fail(c->ev, PROMQL_ERR_EXECUTION,
                                "invalid trend factor. Expected: 0 < tf < 1, got: %f", tf);
        if (nf < 2) {
            if (nf == 1 && nh > 0)
                c->hist_ignored_info = true;
            return 0;
        }
        *out = pq_fn_double_exp_smoothing(w->fv, nf, sf, tf);
        if (nh > 0)
            c->hist_ignored_info = true;
        return 1;
    }
    case RF_ABSENT:
        return 0;
    }
    return 0;
}

/* ---- whole-series fast paths ----------------------------------------------------------------
 * For float-only series without start timestamps and plain (not anchored/smoothed) windows,
 * some functions share work between the overlapping windows of consecutive steps. Each gives
 * exactly the value rf_eval would: the same floating-point operations in the same order. */

/* Windows of every step over the float samples: [w[i].lo, w[i].hi). */
static int rf_float_windows(rf_ctx *c, const rf_series *s, const pq_window **out)
{
    if (c->m.series_windows && s->nf == s->src->n) {
        /* the selector computed them already (same bounds: plain windows, floats only) */
        *out = c->m.series_windows;
        return 0;
    }
    size_t n = c->ev->nsteps;
    pq_window *w = pq_arena_alloc(c->ev->arena, (n + 1) * sizeof *w);
    if (!w)
        return pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t pa = 0, pb = 0, nf = s->nf;
    const int64_t *t = s->ft;
    for (size_t i = 0; i < n; i++) {
        int64_t a = c->m.range_start[i], b = c->m.range_end[i];
        if ((pa > 0 && t[pa - 1] > a) || (pb > 0 && t[pb - 1] > b)) {
            pa = pq_ts_first_gt(t, nf, a);
            pb = pq_ts_first_gt(t, nf, b);
        }
        while (pa < nf && t[pa] <= a)
            pa++;
        if (pb < pa)
            pb = pa;
        while (pb < nf && t[pb] <= b)
            pb++;
        w[i].lo = pa;
        w[i].hi = pb;
    }
    *out = w;
    return 0;
}

static void rf_put(pq_series *o, size_t step, double v, bool *any)
{
    pq_bit_set(o->present, step);
    o->values[step] = v;
    *any = true;
}

/* rate/increase/delta: counter resets are found once per series; a window adds the
 * corrections of those inside it in sample order, as the kernel's loop would. */
static int rf_fast_rate(rf_ctx *c, const rf_series *s, pq_series *o, bool *any)
{
    pq_eval *ev = c->ev;
    bool counter = c->def->kind != RF_DELTA, rate = c->def->kind == RF_RATE;
    const pq_window *win;
    if (rf_float_windows(c, s, &win))
        return -1;
    const int64_t *t = s->ft;
    const double *v = s->fv;
    /* Reset positions: r with v[r] < v[r - 1]. */
    uint32_t *resets = NULL;
    size_t nresets = 0;
    if (counter) {
        for (size_t i = 1; i < s->nf; i++)
            nresets += v[i] < v[i - 1];
    }
    if (nresets) {
        resets = pq_arena_alloc(ev->arena, nresets * sizeof *resets);
        if (!resets)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        nresets = 0;
        for (size_t i = 1; i < s->nf; i++)
            if (v[i] < v[i - 1])
                resets[nresets++] = (uint32_t)i;
    }
    double secs = pq_fn_duration_seconds(c->m.range_ms);
    pq_fn_rate_memo memo;
    memset(&memo, 0, sizeof memo);
    /* Locals, not o->...: the stores below would otherwise make the compiler reload them. */
    double *ov = o->values;
    uint64_t *op = o->present;
    const int64_t *rs = c->m.range_start, *re = c->m.range_end;
    bool put = false;
    size_t rp = 0;
    for (size_t step = 0; step < ev->nsteps; step++) {
        size_t a = win[step].lo, b = win[step].hi;
        if (b - a < 2)
            continue;
        double result = v[b - 1] - v[a];
        if (nresets) {
            /* resets inside the window: a < r < b */
            if (rp > 0 && resets[rp - 1] > a)
                rp = 0;
            while (rp < nresets && resets[rp] <= a)
                rp++;
            for (size_t k = rp; k < nresets && resets[k] < b; k++)
                result += v[resets[k] - 1];
        }
        double r;
        if (pq_fn_rate_extrapolate_memo(t + a, v + a, b - a, rs[step], re[step], secs, counter, rate, result, &memo,
                                        &r)) {
            op[step >> 6] |= (uint64_t)1 << (step & 63);
            ov[step] = r;
            put = true;
        }
    }
    if (put)
        *any = true;
    return 0;
}

/* changes/resets: integer counts, so prefix counts give every window exactly. */
static int rf_fast_changes(rf_ctx *c, const rf_series *s, pq_series *o, bool *any)
{
    pq_eval *ev = c->ev;
    bool resets = c->def->kind == RF_RESETS;
    const pq_window *win;
    if (rf_float_windows(c, s, &win))
        return -1;
    const double *v = s->fv;
    uint32_t *pre = pq_arena_alloc(ev->arena, (s->nf + 1) * sizeof *pre);
    if (!pre)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    /* pre[i]: events between samples j-1 and j for 1 <= j <= i */
    uint32_t acc = 0;
    if (s->nf)
        pre[0] = 0;
    for (size_t i = 1; i < s->nf; i++) {
        bool e = resets ? v[i] < v[i - 1] : (v[i] != v[i - 1] && !(isnan(v[i]) && isnan(v[i - 1])));
        acc += e;
        pre[i] = acc;
    }
    for (size_t step = 0; step < ev->nsteps; step++) {
        size_t a = win[step].lo, b = win[step].hi;
        if (b == a)
            continue;
        rf_put(o, step, (double)(pre[b - 1] - pre[a]), any);
    }
    return 0;
}

/* double_exponential_smoothing: PQ_FN_DES_LANES windows at a time. */
static int rf_fast_des(rf_ctx *c, const rf_series *s, pq_series *o, bool *any)
{
    pq_eval *ev = c->ev;
    const pq_window *win;
    if (rf_float_windows(c, s, &win))
        return -1;
    const double *vs[PQ_FN_DES_LANES];
    size_t ns[PQ_FN_DES_LANES], steps[PQ_FN_DES_LANES];
    double sf[PQ_FN_DES_LANES], tf[PQ_FN_DES_LANES], res[PQ_FN_DES_LANES];
    size_t lanes = 0;
    for (size_t step = 0; step <= ev->nsteps; step++) {
        if (step < ev->nsteps) {
            size_t a = win[step].lo, b = win[step].hi;
            if (b == a)
                continue;
            double f = c->sc[0][step], g = c->sc[1][step];
            if (f <= 0 || f >= 1) /* NaN passes, as upstream */
                return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                    "invalid smoothing factor. Expected: 0 < sf < 1, got: %f", f);
            if (g <= 0 || g >= 1)
                return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                    "invalid trend factor. Expected: 0 < tf < 1, got: %f", g);
            if (b - a < 2)
                continue;
            vs[lanes] = s->fv + a;
            ns[lanes] = b - a;
            sf[lanes] = f;
            tf[lanes] = g;
            steps[lanes++] = step;
            if (lanes < PQ_FN_DES_LANES)
                continue;
        }
        if (lanes == 0)
            continue;
        pq_fn_des_lanes(vs, ns, sf, tf, lanes, res);
        for (size_t k = 0; k < lanes; k++)
            rf_put(o, steps[k], res[k], any);
        lanes = 0;
        if (pq_eval_check_interrupt(ev))
            return -1;
    }
    return 0;
}

/* 1 when a fast path computed the whole series, 0 when the generic loop must run, -1 on error. */
static int rf_fast_series(rf_ctx *c, const rf_series *s, pq_series *o, bool *any)
{
    if (s->nh || s->fst || c->anchored || c->smoothed || c->m.lookback_ms < 0)
        return 0;
    int rc;
    switch (c->def->kind) {
    case RF_RATE:
    case RF_INCREASE:
    case RF_DELTA:
        rc = rf_fast_rate(c, s, o, any);
        break;
    case RF_CHANGES:
    case RF_RESETS:
        rc = rf_fast_changes(c, s, o, any);
        break;
    case RF_DES:
        rc = rf_fast_des(c, s, o, any);
        break;
    default:
        return 0;
    }
    return rc < 0 ? -1 : 1;
}

static const char *const anchored_names = "changes, delta, increase, rate, resets";
static const char *const smoothed_names = "delta, increase, rate";

static bool has_counter_suffix(const char *name)
{
    static const char *const suffixes[] = {"_total", "_sum", "_count", "_bucket"};
    size_t n = strlen(name);
    for (size_t i = 0; i < 4; i++) {
        size_t k = strlen(suffixes[i]);
        if (n >= k && memcmp(name + n - k, suffixes[i], k) == 0)
            return true;
    }
    return false;
}

static int absent_over_time(rf_ctx *c, pq_value *out)
{
    pq_eval *ev = c->ev;
    uint64_t *seen = pq_bitmap_alloc(ev);
    if (!seen)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    pq_window *w = pq_arena_alloc(ev->arena, (ev->nsteps + 1) * sizeof *w);
    if (!w)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < c->m.count; i++) {
        pq_matrix_windows(ev, &c->m, &c->m.series[i], w);
        for (size_t s = 0; s < ev->nsteps; s++)
            if (w[s].hi > w[s].lo)
                pq_bit_set(seen, s);
    }
    bool any_absent = false;
    for (size_t s = 0; s < ev->nsteps; s++)
        if (!pq_bit_get(seen, s))
            any_absent = true;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    if (!any_absent)
        return 0;
    pq_series *o = pq_vector_add(ev, &out->u.vector, pq_fn_absent_labels(ev, c->marg));
    if (!o)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    o->drop_name = true;
    for (size_t s = 0; s < ev->nsteps; s++) {
        if (!pq_bit_get(seen, s)) {
            pq_bit_set(o->present, s);
            o->values[s] = 1;
        }
    }
    return 0;
}

/* One series of the range-vector argument (valid during the call only): its output series. */
static int rf_series_run(void *arg, const pq_range_series *src)
{
    rf_ctx *c = arg;
    pq_eval *ev = c->ev;
    c->anchored = c->m.anchored;
    c->smoothed = c->m.smoothed && !c->m.anchored;
    if (pq_eval_check_interrupt(ev) != 0)
        return -1;
    rf_series s;
    if (split_series(c, src, &s) != 0)
        return -1;
    bool series_drop = c->drop || src->drop_name;
    pq_series *o = pq_vector_add(ev, &c->outv->u.vector, pq_fn_out_labels(ev, src->labels, series_drop));
    if (!o)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    o->drop_name = series_drop;
    c->mixed_warn = c->hist_ignored_info = false;
    c->st_overlap = 0;
    c->hc.ev = ev;
    c->hc.pos = c->arg0;
    c->hc.mname = pq_fn_metric_name(src->labels);
    bool any = false, any_float = false;
    int fast = rf_fast_series(c, &s, o, &any);
    if (fast < 0)
        return -1;
    if (fast)
        any_float = any;
    rf_cursor cur = {0, 0, 0, 0};
    if (fast && ev->nsteps > PQ_STEPS_PER_CHECK && pq_eval_check_interrupt(ev))
        return -1;
    for (size_t step = 0; step < ev->nsteps && !fast; step++) {
        if ((step + 1) % PQ_STEPS_PER_CHECK == 0 && pq_eval_check_interrupt(ev))
            return -1;
        rf_win w;
        make_window(c, &s, step, &w, &cur);
        double v = 0;
        const promql_histogram *h = NULL;
        int r = rf_eval(c, &w, &v, &h);
        if (r < 0)
            return -1;
        if (!r)
            continue;
        pq_bit_set(o->present, step);
        any = true;
        if (h) {
            if (!o->hists) {
                o->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *o->hists);
                if (!o->hists)
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            }
            o->hists[step] = (promql_histogram *)h;
            o->values[step] = 0;
        } else {
            o->values[step] = v;
            any_float = true;
        }
    }
    const char *mname = pq_fn_metric_name(src->labels);
    if (c->mixed_warn)
        pq_fn_warn(ev, c->arg0, "encountered a mix of histograms and floats for metric name %s",
                   pq_fn_quote(ev, mname));
    if (c->st_overlap) {
        if (c->overlap_n == c->overlap_cap) {
            size_t cap = c->overlap_cap ? c->overlap_cap * 2 : 8;
            const char **p = pq_arena_realloc(ev->arena, c->overlap_names,
                                              c->overlap_cap * sizeof *p, cap * sizeof *p);
            size_t *q = pq_arena_realloc(ev->arena, c->overlap_counts,
                                         c->overlap_cap * sizeof *q, cap * sizeof *q);
            if (!p || !q)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            c->overlap_names = p;
            c->overlap_counts = q;
            c->overlap_cap = cap;
        }
        size_t k = 0;
        while (k < c->overlap_n && strcmp(c->overlap_names[k], mname) != 0)
            k++;
        if (k == c->overlap_n) {
            c->overlap_names[c->overlap_n] = mname;
            c->overlap_counts[c->overlap_n++] = 0;
        }
        c->overlap_counts[k] += c->st_overlap;
    }
    if (c->hist_ignored_info)
        pq_fn_info(ev, c->arg0,
                   "ignored histograms in a range containing both floats and histograms for "
                   "metric name %s",
                   pq_fn_quote(ev, mname));
    if (!any) {
        c->outv->u.vector.count--; /* no point at any step: no series */
        return 0;
    }
    /* One annotation per metric name (the list is deduplicated anyway; formatting it again
     * for each of a metric's series cost more than the series' rate). */
    if ((c->def->kind == RF_RATE || c->def->kind == RF_INCREASE) && mname[0] && any_float &&
        !(c->counter_info_for && strcmp(c->counter_info_for, mname) == 0) && !has_counter_suffix(mname)) {
        c->counter_info_for = mname;
        pq_fn_info(ev, c->arg0,
                   "metric might not be a counter, name does not end in "
                   "_total/_sum/_count/_bucket: %s",
                   pq_fn_quote(ev, mname));
    }
    return 0;
}

int pq_fn_range_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    rf_ctx c;
    memset(&c, 0, sizeof c);
    c.ev = ev;
    c.call = call;
    for (size_t i = 0; i < sizeof rf_defs / sizeof rf_defs[0]; i++)
        if (strcmp(rf_defs[i].name, name) == 0)
            c.def = &rf_defs[i];
    if (!c.def)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "no range implementation for %s", name);
    size_t nargs = pq_fn_nargs(call), midx = nargs;
    for (size_t i = 0; i < nargs; i++) {
        if (pq_fn_arg(call, i)->type == PQ_TYPE_MATRIX) {
            midx = i;
            break;
        }
    }
    if (midx == nargs)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "%s() without a range-vector argument", name);
    c.marg = pq_fn_arg(call, midx);
    c.arg0 = pq_fn_arg(call, 0);

    /* Scalar arguments, in order. */
    size_t nsc = 0;
    for (size_t i = 0; i < nargs && nsc < 2; i++) {
        if (i == midx)
            continue;
        c.sc[nsc] = pq_fn_scalar_arg(ev, pq_fn_arg(call, i));
        if (!c.sc[nsc])
            return -1;
        nsc++;
    }

    /* The anchored/smoothed modifiers are only defined for some functions. */
    const pq_node *sel = pq_node_unwrap(c.marg);
    if (sel && sel->kind == PQ_NODE_MATRIX_SELECTOR && sel->u.matrix.vs) {
        const pq_node *vs = sel->u.matrix.vs;
        if (vs->u.selector.anchored && !c.def->anchored_ok)
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                "anchored modifier can only be used with: %s - not with %s",
                                anchored_names, name);
        if (vs->u.selector.smoothed && !c.def->smoothed_ok)
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                "smoothed modifier can only be used with: %s - not with %s",
                                smoothed_names, name);
    }

    if (c.def->kind == RF_ABSENT) {
        if (pq_eval_matrix(ev, c.marg, &c.m) != 0)
            return -1;
        c.anchored = c.m.anchored;
        c.smoothed = c.m.smoothed && !c.m.anchored;
        return absent_over_time(&c, out);
    }

    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    /* last/first_over_time act like an offset and keep the name */
    bool drop = c.def->kind != RF_LAST && c.def->kind != RF_FIRST;

    c.outv = out;
    c.drop = drop;
    if (pq_eval_matrix_each(ev, c.marg, &c.m, rf_series_run, &c) != 0)
        return -1;
    const char **overlap_names = c.overlap_names;
    size_t *overlap_counts = c.overlap_counts, overlap_n = c.overlap_n;
    for (size_t k = 0; k < overlap_n; k++) {
        if (overlap_counts[k] > 1)
            pq_fn_warn(ev, c.arg0,
                       "sample has start time that overlaps with previous sample timestamp for "
                       "metric %s (%zu occurrences)",
                       pq_fn_quote(ev, overlap_names[k]), overlap_counts[k]);
        else
            pq_fn_warn(ev, c.arg0,
                       "sample has start time that overlaps with previous sample timestamp for "
                       "metric %s",
                       pq_fn_quote(ev, overlap_names[k]));
    }
    return 0;
}
