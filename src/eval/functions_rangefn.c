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
    size_t nf;
    const int64_t *ht;
    const promql_histogram *const *hh;
    size_t nh;
} rf_series;

/* The samples of one window. */
typedef struct rf_win {
    const int64_t *ft;
    const double *fv;
    size_t nf;
    const int64_t *ht;
    const promql_histogram *const *hh;
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
} rf_ctx;

static size_t first_gt(const int64_t *t, size_t n, int64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int split_series(rf_ctx *c, const pq_range_series *s, rf_series *out)
{
    memset(out, 0, sizeof *out);
    out->src = s;
    if (!s->h) {
        out->ft = s->t;
        out->fv = s->v;
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
    if (!ft || !fv || !ht || !hh)
        return pq_eval_fail(c->ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t a = 0, b = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->h[i]) {
            ht[b] = s->t[i];
            hh[b++] = s->h[i];
        } else {
            ft[a] = s->t[i];
            fv[a++] = s->v[i];
        }
    }
    out->ft = ft;
    out->fv = fv;
    out->nf = nf;
    out->ht = ht;
    out->hh = hh;
    out->nh = nh;
    return 0;
}

static void make_window(const rf_ctx *c, const rf_series *s, size_t step, rf_win *w)
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
    size_t a = first_gt(s->ft, s->nf, lo), b = first_gt(s->ft, s->nf, hi);
    w->ft = s->ft + a;
    w->fv = s->fv + a;
    w->nf = b > a ? b - a : 0;
    if (s->nh) {
        size_t ha = first_gt(s->ht, s->nh, lo), hb = first_gt(s->ht, s->nh, hi);
        w->ht = s->ht + ha;
        w->hh = s->hh + ha;
        w->nh = hb > ha ? hb - ha : 0;
    } else {
        w->ht = NULL;
        w->hh = NULL;
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

/* Histogram equality as FloatHistogram.Equals (for changes()). */
static bool spans_equal(const promql_span *a, size_t na, const promql_span *b, size_t nb)
{
    /* compare after dropping zero-length spans, merging offsets as upstream's spansMatch */
    size_t i = 0, k = 0;
    int64_t oa = 0, ob = 0;
    for (;;) {
        while (i < na && a[i].length == 0)
            oa += a[i++].offset;
        while (k < nb && b[k].length == 0)
            ob += b[k++].offset;
        if (i == na || k == nb)
            return i == na && k == nb;
        if (a[i].offset + oa != b[k].offset + ob || a[i].length != b[k].length)
            return false;
        oa = ob = 0;
        i++;
        k++;
    }
}

static bool floats_bits_equal(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i] && !(isnan(a[i]) && isnan(b[i])))
            return false;
    return true;
}

static bool hist_equal(const promql_histogram *a, const promql_histogram *b)
{
    if (a->schema != b->schema || a->count != b->count || a->zero_count != b->zero_count ||
        a->zero_threshold != b->zero_threshold)
        return false;
    uint64_t sa, sb;
    memcpy(&sa, &a->sum, sizeof sa);
    memcpy(&sb, &b->sum, sizeof sb);
    if (sa != sb && a->sum != b->sum)
        return false;
    if (a->custom_value_count != b->custom_value_count ||
        (a->custom_value_count &&
         !floats_bits_equal(a->custom_values, b->custom_values, a->custom_value_count)))
        return false;
    if (!spans_equal(a->positive_spans, a->positive_span_count, b->positive_spans,
                     b->positive_span_count) ||
        !spans_equal(a->negative_spans, a->negative_span_count, b->negative_spans,
                     b->negative_span_count))
        return false;
    if (a->positive_bucket_count != b->positive_bucket_count ||
        a->negative_bucket_count != b->negative_bucket_count)
        return false;
    return floats_bits_equal(a->positive_buckets, b->positive_buckets, a->positive_bucket_count) &&
           floats_bits_equal(a->negative_buckets, b->negative_buckets, a->negative_bucket_count);
}

/* Counter reset between two histogram samples, from what the samples state directly: an
 * explicit hint, or a drop in the total or zero-bucket count. (Bucket-by-bucket detection
 * across schema changes belongs to the native-histogram layer.) */
static bool hist_reset(const promql_histogram *cur, const promql_histogram *prev)
{
    if (cur->counter_reset_hint == PROMQL_HINT_COUNTER_RESET)
        return true;
    if (cur->counter_reset_hint == PROMQL_HINT_NOT_COUNTER_RESET)
        return false;
    if (cur->count < prev->count || cur->zero_count < prev->zero_count)
        return true;
    return false;
}

/* changes()/resets() over floats and histograms merged by time, from the anchor on. */
static bool changes_resets(const rf_ctx *c, const rf_win *w, bool resets, double *out)
{
    size_t f0 = 0, h0 = 0;
    if (c->anchored) {
        /* the most recent sample at or before the range start is the baseline */
        size_t lf = first_gt(w->ft, w->nf, w->rs), lh = first_gt(w->ht, w->nh, w->rs);
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
        *out = resets ? pq_fn_resets(w->fv + f0, w->nf - f0) : pq_fn_changes(w->fv + f0, w->nf - f0);
        return true;
    }
    if (f0 >= w->nf && h0 >= w->nh)
        return false;
    double count = 0;
    bool have_prev = false, prev_is_h = false;
    double prev_f = 0;
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
        if (take_h)
            ch = w->hh[k++];
        else
            cf = w->fv[i++];
        if (have_prev) {
            if (!prev_is_h && !take_h) {
                if (resets ? cf < prev_f : (cf != prev_f && !(isnan(cf) && isnan(prev_f))))
                    count++;
            } else if (prev_is_h != take_h) {
                count++;
            } else if (resets ? hist_reset(ch, prev_h) : !hist_equal(ch, prev_h)) {
                count++;
            }
        }
        have_prev = true;
        prev_is_h = take_h;
        prev_f = cf;
        prev_h = ch;
    }
    *out = count;
    return true;
}

/* The last two samples overall for irate/idelta: 0 both floats (in *t,*v), 1 both histograms,
 * 2 a mix. */
static int last_two(const rf_win *w, int64_t t[2], double v[2])
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
        } else {
            i--;
            kinds[n] = 0;
            t[n] = w->ft[i];
            v[n] = w->fv[i];
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
        if (nf == 0)
            return 0; /* histogram rates: native-histogram layer */
        if (c->anchored || c->smoothed)
            return pq_fn_extended_rate(w->ft, w->fv, nf, w->rs, w->re, c->m.range_ms, c->smoothed,
                                       counter, rate, out);
        return pq_fn_extrapolated_rate(w->ft, w->fv, nf, w->rs, w->re, c->m.range_ms, counter,
                                       rate, out);
    }
    case RF_IRATE:
    case RF_IDELTA: {
        if (nf + nh < 2)
            return 0;
        int64_t t[2];
        double v[2] = {0, 0};
        int k = last_two(w, t, v);
        if (k == 2) {
            c->mixed_warn = true;
            return 0;
        }
        if (k == 1)
            return 0; /* histogram irate/idelta: native-histogram layer */
        return pq_fn_instant_value(t, v, 2, c->def->kind == RF_IRATE, out);
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
        if (nf == 0)
            return 0; /* histogram sums/averages: native-histogram layer */
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
        if (sf <= 0 || sf >= 1 || isnan(sf))
            return pq_eval_fail(c->ev, PROMQL_ERR_EXECUTION,
                                "invalid smoothing factor. Expected: 0 < sf < 1, got: %f", sf);
        if (tf <= 0 || tf >= 1 || isnan(tf))
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

    if (pq_eval_matrix(ev, c.marg, &c.m) != 0)
        return -1;
    c.anchored = c.m.anchored;
    c.smoothed = c.m.smoothed && !c.m.anchored;

    if (c.def->kind == RF_ABSENT)
        return absent_over_time(&c, out);

    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    /* last/first_over_time act like an offset and keep the name */
    bool drop = c.def->kind != RF_LAST && c.def->kind != RF_FIRST;

    for (size_t si = 0; si < c.m.count; si++) {
        if (pq_eval_check_interrupt(ev) != 0)
            return -1;
        const pq_range_series *src = &c.m.series[si];
        rf_series s;
        if (split_series(&c, src, &s) != 0)
            return -1;
        bool series_drop = drop || src->drop_name;
        pq_series *o = pq_vector_add(ev, &out->u.vector, pq_fn_out_labels(ev, src->labels, series_drop));
        if (!o)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        o->drop_name = series_drop;
        c.mixed_warn = c.hist_ignored_info = false;
        bool any = false, any_float = false;
        for (size_t step = 0; step < ev->nsteps; step++) {
            rf_win w;
            make_window(&c, &s, step, &w);
            double v = 0;
            const promql_histogram *h = NULL;
            int r = rf_eval(&c, &w, &v, &h);
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
        if (c.mixed_warn)
            pq_fn_warn(ev, c.arg0, "encountered a mix of histograms and floats for metric name %s",
                       pq_fn_quote(ev, mname));
        if (c.hist_ignored_info)
            pq_fn_info(ev, c.arg0,
                       "ignored histograms in a range containing both floats and histograms for "
                       "metric name %s",
                       pq_fn_quote(ev, mname));
        if (!any) {
            out->u.vector.count--; /* no point at any step: no series */
            continue;
        }
        if ((c.def->kind == RF_RATE || c.def->kind == RF_INCREASE) && mname[0] && any_float &&
            !has_counter_suffix(mname))
            pq_fn_info(ev, c.arg0,
                       "metric might not be a counter, name does not end in "
                       "_total/_sum/_count/_bucket: %s",
                       pq_fn_quote(ev, mname));
    }
    return 0;
}
