/*
 * value.h -- what the vectorized evaluator passes between nodes.
 *
 * A query is evaluated over a grid of steps: step i is at time pq_eval.start + i*interval,
 * i < nsteps (an instant query is a grid of one step). Every node computes its result for all
 * steps at once, never one step at a time:
 *
 *   - a scalar is one double per step (pq_scalar_steps);
 *   - an instant vector is a set of series, each with one value slot per step and a presence
 *     bitmap (pq_vector): a series absent at some steps simply has those bits clear. Labels are
 *     hashed and matched once per series, not once per step;
 *   - a range vector (the argument of rate() and friends, or an instant query's matrix result)
 *     is a set of series with their raw samples in arrays, plus one window per step
 *     (pq_matrix): windows of consecutive steps overlap and share the same sample arrays.
 *
 * All memory comes from the query arena (pq_eval.arena) and is released with it.
 */
#ifndef PQ_VALUE_H
#define PQ_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parser/ast.h"
#include "promql/storage.h"

/* ---- presence bitmaps ------------------------------------------------------------------ */

static inline size_t pq_bitmap_words(size_t nbits) { return (nbits + 63) / 64; }
static inline bool pq_bit_get(const uint64_t *bm, size_t i) { return (bm[i >> 6] >> (i & 63)) & 1; }
static inline void pq_bit_set(uint64_t *bm, size_t i) { bm[i >> 6] |= (uint64_t)1 << (i & 63); }
static inline void pq_bit_clear(uint64_t *bm, size_t i) { bm[i >> 6] &= ~((uint64_t)1 << (i & 63)); }

/* ---- searching sample timestamps (ascending arrays) ------------------------------------------ */

/* First index i of t[0..n) with t[i] > x (n when none): the end of a left-open window. */
static inline size_t pq_ts_first_gt(const int64_t *t, size_t n, int64_t x)
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

/* First index i of t[0..n) with t[i] >= x (n when none). */
static inline size_t pq_ts_first_ge(const int64_t *t, size_t n, int64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid] >= x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* ---- instant vectors over all steps ------------------------------------------------------ */

typedef struct pq_series {
    promql_labels labels;     /* sorted; strings in the arena or owned by the storage */
    double *values;           /* [nsteps]; meaningful where the presence bit is set */
    uint64_t *present;        /* [pq_bitmap_words(nsteps)] */
    promql_histogram **hists; /* NULL when the series has no histogram sample at any step;
                                 else [nsteps], hists[i] != NULL means step i is a histogram */
    bool drop_name;           /* delayed __name__ removal: drop it when the query ends */
} pq_series;

typedef struct pq_vector {
    pq_series *series;
    size_t count;
    size_t cap;
} pq_vector;

/* ---- range vectors ------------------------------------------------------------------------ */

typedef struct pq_range_series {
    promql_labels labels;
    const int64_t *t;         /* sample timestamps, ascending */
    const double *v;          /* float values (unused where h[i] != NULL) */
    const promql_histogram *const *h;  /* NULL, or per sample (NULL = float sample) */
    const int64_t *st;        /* start ("created") timestamps per sample (0 = unknown), or NULL:
                                 set only when start timestamps are in use (Prometheus's
                                 UseStartTimestamps); rate/increase/irate/resets and
                                 start_timestamp() read them. Subquery results leave it NULL. */
    size_t n;
    bool drop_name;
} pq_range_series;

/* The window of one step over a range series: samples [lo, hi) of the arrays, covering the
 * left-open time range (range_start, range_end]. 'eval_ts' is the step's evaluation time (after
 * @, before offset), which rate()'s extrapolation and friends need. */
typedef struct pq_window {
    size_t lo, hi;
    int64_t range_start;      /* exclusive */
    int64_t range_end;        /* inclusive */
} pq_window;

typedef struct pq_matrix {
    pq_range_series *series;
    size_t count;
    size_t cap;
    /* Per-step window times, shared by all series: step i covers (range_start[i], range_end[i]].
     * The per-series index ranges are computed by pq_matrix_windows(). */
    int64_t *range_start;     /* [nsteps] */
    int64_t *range_end;       /* [nsteps] */
    int64_t range_ms;         /* the selector's range */
    const pq_node *node;      /* the MATRIX_SELECTOR or SUBQUERY node, for annotations */
    bool anchored, smoothed;  /* extended range selector modifiers of the selector */
    int64_t lookback_ms;      /* lookback delta, for anchored/smoothed windows */
    bool from_subquery;       /* the series are a subquery's result */
    /* While pq_eval_matrix_each hands a series of a plain selector to its consumer: that
     * series' windows (pq_matrix_windows), else NULL. */
    const struct pq_window *series_windows;
} pq_matrix;

/* ---- values ---------------------------------------------------------------------------------- */

typedef struct pq_value {
    pq_value_type type;
    union {
        double *scalar;       /* PQ_TYPE_SCALAR: [nsteps] */
        pq_vector vector;     /* PQ_TYPE_VECTOR */
        pq_matrix matrix;     /* PQ_TYPE_MATRIX */
        struct {
            const char *s;
            size_t len;
        } string;             /* PQ_TYPE_STRING */
    } u;
} pq_value;

#endif
