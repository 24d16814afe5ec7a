/*
 * functions_nh.h -- native-histogram parts of the range functions (functions_nhrange.c), called
 * by functions_rangefn.c for windows made of histogram samples. Each returns 1 with *out set
 * (arena-allocated), 0 for no result (an annotation may have been added), -1 on failure.
 */
#ifndef PQ_FUNCTIONS_NH_H
#define PQ_FUNCTIONS_NH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/functions_impl.h"
#include "eval/histogram.h"

/* Where annotations go and which metric they name. */
typedef struct pq_fn_hctx {
    pq_eval *ev;
    const pq_node *pos;
    const char *mname;
} pq_fn_hctx;

void pq_fn_hwarn_mixed_schema(const pq_fn_hctx *c);
/* Annotate the flags of a histogram operation ("addition", "subtraction", "aggregation"). */
void pq_fn_hflags(const pq_fn_hctx *c, unsigned flags, const char *op);

/* st: start timestamps of the samples or NULL (see pq_fn_extrapolated_rate); *overlap is set
 * when one overlaps the previous sample. */
int pq_fn_hist_rate(const pq_fn_hctx *c, const int64_t *t, const promql_histogram *const *h,
                    const int64_t *st, size_t n, int64_t rs, int64_t re, int64_t range_ms,
                    bool counter, bool rate, promql_histogram **out, bool *overlap);
int pq_fn_hist_extended_rate(const pq_fn_hctx *c, const int64_t *t,
                             const promql_histogram *const *h, size_t n, int64_t rs, int64_t re,
                             int64_t range_ms, bool smoothed, bool counter, bool rate,
                             promql_histogram **out);
int pq_fn_hist_instant_value(const pq_fn_hctx *c, int64_t t0, const promql_histogram *h0,
                             int64_t st0, int64_t t1, const promql_histogram *h1, int64_t st1,
                             bool rate, promql_histogram **out);
int pq_fn_hist_sum_avg(const pq_fn_hctx *c, const promql_histogram *const *h, size_t n, bool avg,
                       promql_histogram **out);

#endif
