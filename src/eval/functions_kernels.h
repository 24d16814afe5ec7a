/*
 * functions_kernels.h -- the numeric cores of PromQL's functions as pure functions over plain
 * arrays (timestamps in ms, float values), with no evaluator dependency. functions.c feeds them
 * one window or one step at a time; the unit tests call them directly. Every formula follows
 * Prometheus 3.14's promql/functions.go and quantile.go, including the order of floating-point
 * operations, so results agree bit for bit where upstream's tests compare exactly.
 */
#ifndef PQ_FUNCTIONS_KERNELS_H
#define PQ_FUNCTIONS_KERNELS_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Neumaier-compensated summation step (Prometheus's kahansum.Inc): returns the new sum and
 * updates *c. An infinite sum resets the compensation. */
double pq_fn_kahan_inc(double inc, double sum, double *c);

/* rate()/increase()/delta() over the samples of one window (all inside (rs, re]): false when
 * there is no result. range_ms is the selector's range. st: the samples' start timestamps or
 * NULL (counters only): a start-timestamp reset counts as a counter reset, and a first start
 * timestamp inside the range replaces the extrapolation to the left (so one sample can do).
 * *overlap (may be NULL) is set when a start timestamp overlaps the previous sample. */
bool pq_fn_extrapolated_rate(const int64_t *t, const double *v, const int64_t *st, size_t n,
                             int64_t rs, int64_t re, int64_t range_ms, bool is_counter,
                             bool is_rate, double *out, bool *overlap);

/* Go's time.Duration.Seconds() of a millisecond duration. */
double pq_fn_duration_seconds(int64_t ms);

/* pq_fn_extrapolated_rate without start timestamps, for callers that track counter resets
 * themselves and run over the windows of one series: 'result' is v[n-1] - v[0] plus the
 * corrections of the resets inside, added in sample order; range_seconds is
 * pq_fn_duration_seconds(range_ms). The divisions are remembered between calls (zero-initialise
 * the memo per series; is_counter, is_rate and range_seconds fixed): the same results, bit for
 * bit, with no division per window where scrapes are regular. */
typedef struct pq_fn_rate_memo {
    bool valid, fvalid;
    int64_t ds, de, dsm;
    size_t n;
    double to_start, to_end, sampled, avg_between, threshold;
    double f_start, f_end, factor;
    bool kvalid;
    double k_start, k_mul;   /* zero-point screen: result * k_mul < v[0] => no clamp */
} pq_fn_rate_memo;

/* Inline: called once per window, its memo then stays in registers. */
static inline bool pq_fn_rate_extrapolate_memo(const int64_t *t, const double *v, size_t n, int64_t rs, int64_t re,
                                               double range_seconds, bool is_counter, bool is_rate, double result,
                                               pq_fn_rate_memo *m, double *out)
{
    /* The same operations, in the same order, as pq_fn_extrapolated_rate, with its divisions
     * remembered: the same inputs give the same quotients, and at regular scrapes and steps
     * consecutive windows have the same integer distances (to the range's ends, between first
     * and last sample) and the same count. */
    if (n < 2)
        return false;
    int64_t first_t = t[0], last_t = t[n - 1];
    int64_t ds = first_t - rs, de = re - last_t, dsm = last_t - first_t;
    if (!m->valid || ds != m->ds || de != m->de || dsm != m->dsm || n != m->n) {
        m->ds = ds;
        m->de = de;
        m->dsm = dsm;
        m->n = n;
        m->to_start = (double)ds / 1000;
        m->to_end = (double)de / 1000;
        m->sampled = (double)dsm / 1000;
        m->avg_between = m->sampled / (double)(n - 1);
        m->threshold = m->avg_between * 1.1;
        m->valid = true;
        m->fvalid = false;
        m->kvalid = false;
    }
    double to_start = m->to_start, to_end = m->to_end, sampled = m->sampled;
    double avg_between = m->avg_between, threshold = m->threshold;
    if (to_start >= threshold)
        to_start = avg_between / 2;
    if (is_counter && result > 0 && v[0] >= 0) {
        /* to_zero = sampled * (v[0] / result) only matters when below to_start. With
         * v[0] > result * (to_start / sampled) * (1 + 2^-40) it is above it whatever the
         * roundings (each off by 2^-53 at most), so the division is skipped: a counter's value
         * is usually far above its increase over one window. NaN and Inf fail the screen. */
        if (!m->kvalid || memcmp(&to_start, &m->k_start, sizeof to_start) != 0) {
            m->k_start = to_start;
            m->k_mul = sampled > 0 ? to_start / sampled * (1 + 0x1p-40) : INFINITY;
            m->kvalid = true;
        }
        if (!(result > 0x1p-900 && v[0] > result * m->k_mul)) {   /* (no underflow in the product) */
            double to_zero = sampled * (v[0] / result);
            if (to_zero < to_start)
                to_start = to_zero;
        }
    }
    if (to_end >= threshold)
        to_end = avg_between / 2;
    if (!m->fvalid || memcmp(&to_start, &m->f_start, sizeof to_start) != 0 ||
        memcmp(&to_end, &m->f_end, sizeof to_end) != 0) {
        double factor = 1.0;
        if (sampled != 0)
            factor = (sampled + to_start + to_end) / sampled;
        if (is_rate)
            factor /= range_seconds;
        m->f_start = to_start;
        m->f_end = to_end;
        m->factor = factor;
        m->fvalid = true;
    }
    *out = result * m->factor;
    return true;
}

/* double_exponential_smoothing over several windows at once (lanes <= PQ_FN_DES_LANES, each
 * window n[k] >= 2 samples v[k], factors sf[k], tf[k]): out[k] is exactly
 * pq_fn_double_exp_smoothing(v[k], n[k], sf[k], tf[k]); the windows' recurrences are
 * interleaved so that they overlap in the CPU (two per SSE2 register where available). */
#define PQ_FN_DES_LANES 16
void pq_fn_des_lanes(const double *const *v, const size_t *n, const double *sf, const double *tf,
                     size_t lanes, double *out);

/* Prometheus's isStartTimestampReset and checkStartTimeOverlap. */
bool pq_fn_st_reset(int64_t prev_st, int64_t prev_t, int64_t cur_st, int64_t cur_t);
bool pq_fn_st_overlap(int64_t prev_st, int64_t prev_t, int64_t cur_st);

/* The anchored / smoothed variants: the samples are those of the extended window
 * (rs - lookback, re] (anchored) or (rs - lookback, re + lookback] (smoothed). */
bool pq_fn_extended_rate(const int64_t *t, const double *v, size_t n, int64_t rs, int64_t re,
                         int64_t range_ms, bool smoothed, bool is_counter, bool is_rate,
                         double *out);

/* irate() (is_rate) / idelta() over the last two samples of the window; st as for rates. */
bool pq_fn_instant_value(const int64_t *t, const double *v, const int64_t *st, size_t n,
                         bool is_rate, double *out);

/* Least-squares fit of v against (t - intercept_t)/1000 with compensated sums. */
void pq_fn_linear_regression(const int64_t *t, const double *v, size_t n, int64_t intercept_t,
                             double *slope, double *intercept);

/* Aggregations over one window's float values (n >= 1). */
double pq_fn_sum_over(const double *v, size_t n);
double pq_fn_avg_over(const double *v, size_t n);
double pq_fn_variance_over(const double *v, size_t n);
/* max (want_max) / min, with upstream's NaN rule: a NaN is replaced by any later value. Sets
 * *idx to the index of the chosen sample (for ts_of_max/min, which prefer the latest tie). */
double pq_fn_extreme_over(const double *v, size_t n, bool want_max, bool latest_tie, size_t *idx);
double pq_fn_double_exp_smoothing(const double *v, size_t n, double sf, double tf);
double pq_fn_changes(const double *v, size_t n);
/* st (may be NULL): start-timestamp resets count too. */
double pq_fn_resets(const int64_t *t, const double *v, const int64_t *st, size_t n);

/* The q-quantile of values (sorted in place, NaN first), as Prometheus's quantile(). */
double pq_fn_quantile(double q, double *values, size_t n);
/* Median absolute deviation (values is scratch, modified). */
double pq_fn_mad(double *values, size_t n);

/* Classic histogram buckets. */
typedef struct pq_bucket {
    double upper;
    double count;
} pq_bucket;

typedef struct pq_bucket_quantile_info {
    bool forced_monotonic;
    bool fixed_precision;
    double min_bucket, max_bucket, max_diff;
} pq_bucket_quantile_info;

/* Prometheus's BucketQuantile; sorts/coalesces/fixes buckets in place (n >= 1). */
double pq_fn_bucket_quantile(double q, pq_bucket *b, size_t n, pq_bucket_quantile_info *info);
/* Prometheus's BucketFraction (n >= 1). */
double pq_fn_bucket_fraction(double lower, double upper, pq_bucket *b, size_t n);

/* Go's strconv.ParseFloat for bucket bounds ("+Inf", "1e3", "0x1p-2", "1_000" rejected...):
 * true on success. */
bool pq_fn_parse_float(const char *s, double *out);

/* Math one-liners with Go's semantics where C differs. */
double pq_fn_round(double v, double to_nearest);
double pq_fn_sgn(double v);

/* Calendar fields of a Unix time in seconds (UTC), as Go's time package computes them.
 * Returns false when the value cannot be a time (NaN/Inf): upstream then yields NaN-based
 * garbage; callers decide. */
typedef enum pq_date_field {
    PQ_DATE_DAYS_IN_MONTH, PQ_DATE_DAY_OF_MONTH, PQ_DATE_DAY_OF_WEEK, PQ_DATE_DAY_OF_YEAR,
    PQ_DATE_HOUR, PQ_DATE_MINUTE, PQ_DATE_MONTH, PQ_DATE_YEAR
} pq_date_field;
double pq_fn_date(double unix_seconds, pq_date_field f);

/* Natural-order comparison as github.com/facette/natsort's Compare (a < b). */
bool pq_natsort_less(const char *a, const char *b);

#endif
