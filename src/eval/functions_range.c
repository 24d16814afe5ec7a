/*
 * functions_range.c -- numeric kernels of the range-vector functions (rate and friends,
 * deriv/predict_linear, the *_over_time aggregations, changes/resets, smoothing). Pure
 * functions over one window's arrays; see functions_kernels.h. The floating-point operation
 * order mirrors promql/functions.go so that results match upstream exactly.
 */
#include <math.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "eval/functions_kernels.h"
#include "eval/value.h"

/* Go rounds every operation to float64 and forbids fusing across kahansum.Inc; so do we: no
 * contraction into fused multiply-adds (GCC's default in ISO C mode; clang needs the pragma). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

double pq_fn_kahan_inc(double inc, double sum, double *c)
{
    double t = sum + inc;
    if (isinf(t))
        *c = 0;
    else if (fabs(sum) >= fabs(inc))
        *c += (sum - t) + inc;
    else
        *c += (inc - t) + sum;
    return t;
}

/* Go's time.Duration.Seconds() for a millisecond duration. */
static double duration_seconds(int64_t ms)
{
    int64_t sec = ms / 1000, rem = ms % 1000;
    return (double)sec + (double)(rem * 1000000) / 1e9;
}

bool pq_fn_st_reset(int64_t prev_st, int64_t prev_t, int64_t cur_st, int64_t cur_t)
{
    if (cur_st == 0 || cur_st >= cur_t)
        return false; /* unknown, invalid, or OTel's unknown start (ST == T) */
    if (cur_st < prev_t)
        return false;
    if (cur_st > prev_t)
        return true;
    /* cur_st == prev_t: a delta series, or a cumulative one with unknown start; only the
     * former has a known previous start timestamp */
    if (prev_st > prev_t)
        return false;
    return prev_st != 0 && prev_st != prev_t;
}

bool pq_fn_st_overlap(int64_t prev_st, int64_t prev_t, int64_t cur_st)
{
    return cur_st != 0 && cur_st < prev_t && cur_st != prev_st;
}

bool pq_fn_extrapolated_rate(const int64_t *t, const double *v, const int64_t *st, size_t n,
                             int64_t rs, int64_t re, int64_t range_ms, bool is_counter,
                             bool is_rate, double *out, bool *overlap)
{
    if (n == 0)
        return false;
    if (!is_counter)
        st = NULL;
    size_t num_minus_one = n - 1;
    int64_t first_t = t[0], last_t = t[n - 1];
    double result = v[n - 1] - v[0];
    if (is_counter) {
        bool seen_overlap = false;
        for (size_t i = 1; i < n; i++) {
            if (st && !seen_overlap && pq_fn_st_overlap(st[i - 1], t[i - 1], st[i])) {
                seen_overlap = true;
                if (overlap)
                    *overlap = true;
            }
            if (v[i] < v[i - 1] || (st && pq_fn_st_reset(st[i - 1], t[i - 1], st[i], t[i])))
                result += v[i - 1];
        }
    }
    double to_start = (double)(first_t - rs) / 1000;
    double to_end = (double)(re - last_t) / 1000;
    double sampled = (double)(last_t - first_t) / 1000;
    double avg_between = num_minus_one > 0 ? sampled / (double)num_minus_one : 0;
    double threshold = avg_between * 1.1;

    if (st && st[0] != 0 && st[0] > rs && st[0] < first_t) {
        /* The first sample's start timestamp lies inside the range: assume a zero sample
         * there instead of extrapolating to the left. */
        to_start = 0;
        sampled = (double)(last_t - st[0]) / 1000;
        result += v[0];
    } else if (num_minus_one == 0) {
        return false; /* one sample and no usable start timestamp */
    } else {
        if (to_start >= threshold)
            to_start = avg_between / 2;
        if (is_counter) {
            /* A counter cannot go below zero: do not extrapolate past its zero point. */
            double to_zero = to_start;
            if (result > 0 && v[0] >= 0)
                to_zero = sampled * (v[0] / result);
            if (to_zero < to_start)
                to_start = to_zero;
        }
    }
    if (to_end >= threshold)
        to_end = avg_between / 2;

    double factor = 1.0;
    if (sampled != 0)
        factor = (sampled + to_start + to_end) / sampled;
    if (is_rate)
        factor /= duration_seconds(range_ms);
    *out = result * factor;
    return true;
}

double pq_fn_duration_seconds(int64_t ms)
{
    return duration_seconds(ms);
}

void pq_fn_des_lanes(const double *const *v, const size_t *n, const double *sf, const double *tf,
                     size_t lanes, double *out)
{
    /* Independent windows advance together so that their dependency chains overlap in the
     * CPU; each lane performs exactly pq_fn_double_exp_smoothing's operations in its order. */
    double s0[PQ_FN_DES_LANES], s1[PQ_FN_DES_LANES], b[PQ_FN_DES_LANES], a[PQ_FN_DES_LANES],
        ca[PQ_FN_DES_LANES], tt[PQ_FN_DES_LANES], ct[PQ_FN_DES_LANES];
    size_t common = SIZE_MAX;
    for (size_t k = 0; k < lanes; k++) {
        s0[k] = 0;
        s1[k] = v[k][0];
        b[k] = v[k][1] - v[k][0];
        a[k] = sf[k];
        ca[k] = 1 - sf[k];
        tt[k] = tf[k];
        ct[k] = 1 - tf[k];
        if (n[k] < common)
            common = n[k];
    }
    size_t i = 1;
    if (common > 1 && lanes == PQ_FN_DES_LANES) {
#if defined(__SSE2__)
        /* Two lanes per register: packed IEEE operations give each lane the bits the scalar
         * ones would (no fused multiply-add anywhere), and eight independent registers keep
         * both floating-point units busy. */
        enum { P = PQ_FN_DES_LANES / 2 };
        __m128d S0[P], S1[P], B[P], A[P], CA[P], TT[P], CT[P];
        for (size_t p = 0; p < P; p++) {
            size_t k = 2 * p;
            S1[p] = _mm_set_pd(s1[k + 1], s1[k]);
            B[p] = _mm_set_pd(b[k + 1], b[k]);
            A[p] = _mm_set_pd(a[k + 1], a[k]);
            CA[p] = _mm_set_pd(ca[k + 1], ca[k]);
            TT[p] = _mm_set_pd(tt[k + 1], tt[k]);
            CT[p] = _mm_set_pd(ct[k + 1], ct[k]);
            /* i == 1 keeps the initial trend. */
            __m128d x = _mm_mul_pd(A[p], _mm_set_pd(v[k + 1][1], v[k][1]));
            __m128d y = _mm_mul_pd(CA[p], _mm_add_pd(S1[p], B[p]));
            S0[p] = S1[p];
            S1[p] = _mm_add_pd(x, y);
        }
        for (i = 2; i < common; i++) {
            for (size_t p = 0; p < P; p++) {
                size_t k = 2 * p;
                __m128d x = _mm_mul_pd(A[p], _mm_loadh_pd(_mm_load_sd(&v[k][i]), &v[k + 1][i]));
                B[p] = _mm_add_pd(_mm_mul_pd(TT[p], _mm_sub_pd(S1[p], S0[p])), _mm_mul_pd(CT[p], B[p]));
                __m128d y = _mm_mul_pd(CA[p], _mm_add_pd(S1[p], B[p]));
                S0[p] = S1[p];
                S1[p] = _mm_add_pd(x, y);
            }
        }
        for (size_t p = 0; p < P; p++) {
            _mm_storel_pd(&s0[2 * p], S0[p]);
            _mm_storeh_pd(&s0[2 * p + 1], S0[p]);
            _mm_storel_pd(&s1[2 * p], S1[p]);
            _mm_storeh_pd(&s1[2 * p + 1], S1[p]);
            _mm_storel_pd(&b[2 * p], B[p]);
            _mm_storeh_pd(&b[2 * p + 1], B[p]);
        }
#else
        /* i == 1 keeps the initial trend. */
        for (size_t k = 0; k < PQ_FN_DES_LANES; k++) {
            double x = a[k] * v[k][1];
            double y = ca[k] * (s1[k] + b[k]);
            s0[k] = s1[k];
            s1[k] = x + y;
        }
        for (i = 2; i < common; i++) {
            for (size_t k = 0; k < PQ_FN_DES_LANES; k++) {
                double x = a[k] * v[k][i];
                b[k] = tt[k] * (s1[k] - s0[k]) + ct[k] * b[k];
                double y = ca[k] * (s1[k] + b[k]);
                s0[k] = s1[k];
                s1[k] = x + y;
            }
        }
#endif
    } else {
        i = 1;
    }
    for (size_t k = 0; k < lanes; k++) {
        double S0 = s0[k], S1 = s1[k], B = b[k];
        for (size_t j = i; j < n[k]; j++) {
            double x = a[k] * v[k][j];
            if (j - 1 != 0)
                B = tt[k] * (S1 - S0) + ct[k] * B;
            double y = ca[k] * (S1 + B);
            S0 = S1;
            S1 = x + y;
        }
        out[k] = S1;
    }
}

/* Linear interpolation between two samples; a counter reset models the counter restarting
 * at zero. */
static double interpolate(int64_t t1, double y1, int64_t t2, double y2, int64_t at, bool is_counter)
{
    if (is_counter && y2 < y1)
        y1 = 0;
    return y1 + (y2 - y1) * (double)(at - t1) / (double)(t2 - t1);
}

bool pq_fn_extended_rate(const int64_t *t, const double *v, size_t n, int64_t rs, int64_t re,
                         int64_t range_ms, bool smoothed, bool is_counter, bool is_rate,
                         double *out)
{
    if (n == 0)
        return false;
    size_t last = n - 1;
    /* Searches run over [0, last), as upstream's sort.Search(lastSampleIndex, ...). */
    size_t first = pq_ts_first_gt(t, last, rs);
    first = first > 0 ? first - 1 : 0;
    if (smoothed)
        last = pq_ts_first_ge(t, last, re);
    if (t[last] <= rs)
        return false;
    if (smoothed && t[first] > re)
        return false;

    double left = v[first];
    if (smoothed && t[first] < rs)
        left = interpolate(t[first], v[first], t[first + 1], v[first + 1], rs, is_counter);
    double right = v[last];
    if (smoothed && last > 0 && t[last] > re)
        right = interpolate(t[last - 1], v[last - 1], t[last], v[last], re, is_counter);

    double result = right - left;
    if (is_counter) {
        /* Only samples strictly inside the range: the boundaries already handled resets. */
        size_t a = first, b = last; /* inclusive, b may drop below a */
        if (t[a] <= rs)
            a++;
        bool empty = false;
        if (t[b] >= re) {
            if (b == 0)
                empty = true;
            else
                b--;
        }
        double correction = 0, prev = left;
        if (!empty) {
            for (size_t i = a; i <= b && i < n; i++) {
                if (v[i] < prev)
                    correction += prev;
                prev = v[i];
            }
        }
        if (right < prev)
            correction += prev;
        result += correction;
    }
    if (is_rate)
        result /= duration_seconds(range_ms);
    *out = result;
    return true;
}

bool pq_fn_instant_value(const int64_t *t, const double *v, const int64_t *st, size_t n,
                         bool is_rate, double *out)
{
    if (n < 2)
        return false;
    int64_t interval = t[n - 1] - t[n - 2];
    if (interval == 0)
        return false;
    double r = v[n - 1];
    bool st_reset = st && pq_fn_st_reset(st[n - 2], t[n - 2], st[n - 1], t[n - 1]);
    if (!is_rate || !(v[n - 1] < v[n - 2] || st_reset))
        r = v[n - 1] - v[n - 2]; /* gauge, or counter without reset (or with NaN) */
    if (is_rate)
        r /= (double)interval / 1000;
    *out = r;
    return true;
}

void pq_fn_linear_regression(const int64_t *t, const double *v, size_t n, int64_t intercept_t,
                             double *slope, double *intercept)
{
    double cnt = 0, sum_x = 0, c_x = 0, sum_y = 0, c_y = 0, sum_xy = 0, c_xy = 0, sum_x2 = 0,
           c_x2 = 0;
    double init_y = v[0];
    bool const_y = true;
    for (size_t i = 0; i < n; i++) {
        if (const_y && i > 0 && v[i] != init_y)
            const_y = false;
        cnt += 1.0;
        double x = (double)(t[i] - intercept_t) / 1e3;
        sum_x = pq_fn_kahan_inc(x, sum_x, &c_x);
        sum_y = pq_fn_kahan_inc(v[i], sum_y, &c_y);
        double xy = x * v[i], x2 = x * x;
        sum_xy = pq_fn_kahan_inc(xy, sum_xy, &c_xy);
        sum_x2 = pq_fn_kahan_inc(x2, sum_x2, &c_x2);
    }
    if (const_y) {
        if (isinf(init_y)) {
            *slope = NAN;
            *intercept = NAN;
        } else {
            *slope = 0;
            *intercept = init_y;
        }
        return;
    }
    sum_x += c_x;
    sum_y += c_y;
    sum_xy += c_xy;
    sum_x2 += c_x2;
    double cov_xy = sum_xy - sum_x * sum_y / cnt;
    double var_x = sum_x2 - sum_x * sum_x / cnt;
    double s = cov_xy / var_x;
    *slope = s;
    *intercept = sum_y / cnt - s * sum_x / cnt;
}

double pq_fn_sum_over(const double *v, size_t n)
{
    double sum = 0, c = 0;
    for (size_t i = 0; i < n; i++)
        sum = pq_fn_kahan_inc(v[i], sum, &c);
    if (isinf(sum))
        return sum;
    return sum + c;
}

double pq_fn_avg_over(const double *v, size_t n)
{
    double sum = v[0], count = 1, mean = 0, c = 0;
    bool incremental = false;
    for (size_t i = 1; i < n; i++) {
        count = (double)(i + 1);
        if (!incremental) {
            double c2 = c;
            double s2 = pq_fn_kahan_inc(v[i], sum, &c2);
            if (!isinf(s2)) {
                sum = s2;
                c = c2;
                continue;
            }
            /* The plain sum overflowed: switch to an incremental mean. */
            incremental = true;
            mean = sum / (count - 1);
            c /= (count - 1);
        }
        double q = (count - 1) / count;
        double qc = q * c;
        mean = pq_fn_kahan_inc(v[i] / count, q * mean, &qc);
        c = qc;
    }
    if (incremental)
        return mean + c;
    return sum / count + c / count;
}

double pq_fn_variance_over(const double *v, size_t n)
{
    double count = 0, mean = 0, c_mean = 0, aux = 0, c_aux = 0;
    for (size_t i = 0; i < n; i++) {
        count++;
        double delta = v[i] - (mean + c_mean);
        mean = pq_fn_kahan_inc(delta / count, mean, &c_mean);
        double inc = delta * (v[i] - (mean + c_mean));
        aux = pq_fn_kahan_inc(inc, aux, &c_aux);
    }
    return (aux + c_aux) / count;
}

double pq_fn_extreme_over(const double *v, size_t n, bool want_max, bool latest_tie, size_t *idx)
{
    double best = v[0];
    size_t bi = 0;
    for (size_t i = 0; i < n; i++) {
        double cur = v[i];
        bool take;
        if (want_max)
            take = latest_tie ? cur >= best : cur > best;
        else
            take = latest_tie ? cur <= best : cur < best;
        if (take || isnan(best)) {
            best = cur;
            bi = i;
        }
    }
    if (idx)
        *idx = bi;
    return best;
}

double pq_fn_double_exp_smoothing(const double *v, size_t n, double sf, double tf)
{
    double s0 = 0, s1 = v[0], b = v[1] - v[0];
    for (size_t i = 1; i < n; i++) {
        double x = sf * v[i];
        if (i - 1 != 0) /* the trend of step 0 is the initial b */
            b = tf * (s1 - s0) + (1 - tf) * b;
        double y = (1 - sf) * (s1 + b);
        s0 = s1;
        s1 = x + y;
    }
    return s1;
}

double pq_fn_changes(const double *v, size_t n)
{
    double changes = 0;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[i - 1] && !(isnan(v[i]) && isnan(v[i - 1])))
            changes++;
    return changes;
}

double pq_fn_resets(const int64_t *t, const double *v, const int64_t *st, size_t n)
{
    double resets = 0;
    for (size_t i = 1; i < n; i++)
        if (v[i] < v[i - 1] || (st && pq_fn_st_reset(st[i - 1], t[i - 1], st[i], t[i])))
            resets++;
    return resets;
}

/* NaN sorts first, then ascending (Prometheus's vectorByValueHeap order). */
static int cmp_nan_first(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    bool xn = isnan(x), yn = isnan(y);
    if (xn || yn)
        return xn && yn ? 0 : (xn ? -1 : 1);
    return x < y ? -1 : (x > y ? 1 : 0);
}

double pq_fn_quantile(double q, double *values, size_t n)
{
    if (n == 0 || isnan(q))
        return NAN;
    if (q < 0)
        return -INFINITY;
    if (q > 1)
        return INFINITY;
    qsort(values, n, sizeof *values, cmp_nan_first);
    double fn = (double)n;
    double rank = q * (fn - 1);
    double lower = fmax(0, floor(rank));
    double upper = fmin(fn - 1, lower + 1);
    double weight = rank - floor(rank);
    return values[(size_t)lower] * (1 - weight) + values[(size_t)upper] * weight;
}

double pq_fn_mad(double *values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isnan(values[i]))
            return NAN;
    double median = pq_fn_quantile(0.5, values, n);
    for (size_t i = 0; i < n; i++)
        values[i] = fabs(values[i] - median);
    return pq_fn_quantile(0.5, values, n);
}
