/*
 * functions_impl.h -- what the function-library files share: the implementation signature of
 * one PromQL function, the per-group entry points the dispatch table in functions.c points at,
 * and helpers for argument evaluation, annotations and output series.
 */
#ifndef PQ_FUNCTIONS_IMPL_H
#define PQ_FUNCTIONS_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "eval/eval.h"
#include "parser/functions.h"

/* One function implementation: evaluates call (its arguments included) into out. */
typedef int (*pq_fn_impl)(pq_eval *ev, const pq_node *call, pq_value *out);

/* ---- helpers (functions.c) ----------------------------------------------------------------- */

static inline const pq_node *pq_fn_arg(const pq_node *call, size_t i)
{
    return call->u.call.args[i];
}
static inline size_t pq_fn_nargs(const pq_node *call)
{
    return call->u.call.arg_count;
}

/* Annotation with upstream's "PromQL warning: " / "PromQL info: " prefix prepended. */
void pq_fn_warn(pq_eval *ev, const pq_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pq_fn_info(pq_eval *ev, const pq_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Go's fmt %g (shortest round-trip digits; exponent form below 1e-4 or from 1e6) into buf. */
const char *pq_fn_fmt_g(double v, char *buf, size_t len);
/* Go's %q of a string (double-quoted, escaped), arena-allocated. */
char *pq_fn_quote(pq_eval *ev, const char *s);

/* Evaluate a scalar argument: one double per step. NULL on failure (error recorded). */
const double *pq_fn_scalar_arg(pq_eval *ev, const pq_node *arg);
/* Evaluate an instant-vector argument. */
int pq_fn_vector_arg(pq_eval *ev, const pq_node *arg, pq_vector *out);
/* The string literal of an argument (parentheses stripped). */
const char *pq_fn_string_arg(const pq_node *arg, size_t *len);

/* Labels of a function's output series: with delayed name removal the labels are kept and the
 * series flagged; without it the metric name (and __type__/__unit__) is dropped now. */
promql_labels pq_fn_out_labels(pq_eval *ev, promql_labels ls, bool drop_name);
bool pq_fn_delayed_name_removal(const pq_eval *ev);
/* The __name__ value or "" (for messages). */
const char *pq_fn_metric_name(promql_labels ls);

/* Merge series with identical label sets (label_replace/join, as upstream's
 * mergeSeriesWithSameLabelset): fails when two are present at the same step. */
int pq_fn_merge_same_labels(pq_eval *ev, pq_vector *v);

/* ---- entry points (functions_*.c) ---------------------------------------------------------- */

/* functions_rangefn.c: every function over a range-vector argument. */
int pq_fn_range_call(pq_eval *ev, const pq_node *call, pq_value *out);
/* functions_instant.c */
int pq_fn_simple_math(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_round_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_clamp_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_date_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_time_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_pi_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_query_context_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_minmax_of_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_vector_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_scalar_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_absent_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_timestamp_call(pq_eval *ev, const pq_node *call, pq_value *out);
/* functions_sort.c */
int pq_fn_sort_call(pq_eval *ev, const pq_node *call, pq_value *out);
/* functions_labels.c */
int pq_fn_label_replace_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_label_join_call(pq_eval *ev, const pq_node *call, pq_value *out);
/* functions_histogram.c */
int pq_fn_histogram_quantile_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_histogram_quantiles_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_histogram_fraction_call(pq_eval *ev, const pq_node *call, pq_value *out);
int pq_fn_histogram_simple_call(pq_eval *ev, const pq_node *call, pq_value *out);
/* functions_info.c */
int pq_fn_info_call(pq_eval *ev, const pq_node *call, pq_value *out);

/* Labels for absent()/absent_over_time(): the equality matchers of a selector argument. */
promql_labels pq_fn_absent_labels(pq_eval *ev, const pq_node *arg);

#endif
