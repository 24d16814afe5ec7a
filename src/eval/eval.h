/*
 * eval.h -- the evaluator's internal interface: the per-query context, node evaluation, and the
 * helpers that the node implementations (selectors, operators, aggregations, subqueries) and
 * the function library (functions*.c) share.
 *
 * Conventions: functions return 0 on success and -1 on failure, after recording the error in
 * ev->err via pq_eval_fail(). All allocation is in ev->arena; nothing is freed node by node.
 */
#ifndef PQ_EVAL_H
#define PQ_EVAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "eval/value.h"
#include "parser/ast.h"
#include "promql/promql.h"
#include "util/arena.h"
#include "util/labels.h"

typedef struct pq_annotation {
    promql_annotation_kind kind;
    char *text;               /* full text, ending in " (line:col)" where it has a position */
    size_t raw_len;           /* length of the text without the position (the dedup key) */
} pq_annotation;

typedef struct pq_eval {
    pq_arena *arena;
    const promql_storage *storage;
    const promql_engine_options *opts;
    const char *query;        /* query text, for annotation positions */
    size_t query_len;

    /* The step grid of the current evaluation (subqueries evaluate their inner expression
     * on a grid of their own, with a nested pq_eval that shares arena, limits and errors). */
    int64_t start_ms;
    int64_t end_ms;
    int64_t interval_ms;      /* 0 for an instant query */
    size_t nsteps;
    int64_t lookback_ms;

    /* The outermost query's start and end (for @ start() / end()). */
    int64_t query_start_ms;
    int64_t query_end_ms;

    /* Accounting, as Prometheus counts samples. */
    int64_t current_samples;
    int64_t peak_samples;
    int64_t total_samples;
    int64_t max_samples;

    /* Deadline (monotonic ns, 0 = none) and cancel flag, checked in long loops. */
    int64_t deadline_ns;
    const volatile int *cancel_flag;

    /* Annotations collected during evaluation (deduplicated by text). */
    pq_annotation *annotations;
    size_t annotation_count;
    size_t annotation_cap;

    promql_error *err;        /* where the first error goes */
    int failed;

    /* Query-wide settings (copied into nested evaluators). */
    int64_t query_step_ms;          /* the query's step (0 for instant), for step() in durations */
    int64_t subquery_step_ms;       /* a subquery's step when none is written */
    bool delayed_name_removal;      /* opts->enable_delayed_name_removal */
    bool use_start_timestamps;      /* opts->use_start_timestamps: fill pq_range_series.st */
    promql_series_set *open_set;    /* the series set a selector is reading (selector.c) */

    /* Select hints from the path above the node being evaluated (Prometheus's
     * extractFuncFromPath / extractGroupsFromPath): the nearest enclosing function or
     * aggregation, and the grouping of the nearest aggregation when it is the direct parent. */
    const char *hint_func;
    const pq_strlist *hint_grouping;
    bool hint_by;

    /* Prometheus's detectHistogramStatsDecoding along the path: 1 under histogram_count/sum/avg
     * (selectors then derive counter-reset hints sample to sample, as HistogramStatsIterator),
     * -1 under a subquery, histogram_quantile(s)/fraction or a trim operator, else 0. */
    int hist_stats;
} pq_eval;

/* Evaluate a node on ev's step grid. */
int pq_eval_node(pq_eval *ev, const pq_node *node, pq_value *out);

/* The timestamp of step i. */
static inline int64_t pq_eval_step_ts(const pq_eval *ev, size_t i)
{
    return ev->start_ms + (int64_t)i * ev->interval_ms;
}

/* Evaluate a range-vector argument (MATRIX_SELECTOR or SUBQUERY, possibly in parentheses or
 * a step-invariant wrapper) into series + per-step window times. */
int pq_eval_matrix(pq_eval *ev, const pq_node *node, pq_matrix *out);

/* pq_eval_matrix for consumers that take one series at a time: each(arg, series) runs for
 * every series in order, and the series' arrays are valid during that call only (a plain matrix
 * selector reads float series into a reused buffer, so the range vector is never held whole).
 * out gets the step windows and no series. */
typedef int (*pq_matrix_each_fn)(void *arg, const pq_range_series *s);
int pq_eval_matrix_each(pq_eval *ev, const pq_node *node, pq_matrix *out, pq_matrix_each_fn each, void *arg);

/* Index ranges of the windows of one series: w[i] for step i of ev's grid. Windows are
 * left-open: samples with range_start < t <= range_end. w must have ev->nsteps entries.
 * For 'anchored' selectors [lo, hi) also covers the lookback delta before the range
 * (range_start - lookback < t <= range_end), and for 'smoothed' ones the lookback delta on both
 * sides (range_start - lookback < t <= range_end + lookback), as Prometheus's matrixIterSlice
 * reads them; range_start/range_end stay the nominal range, for extendFloats-style boundary
 * points. m->lookback_ms holds the lookback delta used. */
void pq_matrix_windows(const pq_eval *ev, const pq_matrix *m, const pq_range_series *s, pq_window *w);

/* Function calls: implemented in functions.c (dispatch) and functions_*.c (the library). */
int pq_eval_call(pq_eval *ev, const pq_node *call, pq_value *out);

/* ---- construction helpers ------------------------------------------------------------------- */

/* Finish a computed instant vector the way Prometheus assembles a node's output: series without
 * any point dropped, and series with equal labels merged (an overlap at one step fails with
 * "vector cannot contain metrics with the same labelset"). For functions that rename series. */
int pq_vector_finish(pq_eval *ev, pq_vector *v);

/* A new series slot in v (values, presence bitmap zeroed; hists NULL), or NULL on OOM. */
pq_series *pq_vector_add(pq_eval *ev, pq_vector *v, promql_labels labels);
/* An all-steps scalar. */
double *pq_scalar_new(pq_eval *ev);
/* Allocate a step-length double array / bitmap in the arena. */
double *pq_steps_alloc(pq_eval *ev);
uint64_t *pq_bitmap_alloc(pq_eval *ev);

/* ---- labels (arena-allocated results) ------------------------------------------------------ */

/* The value of a label, or NULL when absent. */
const char *pq_labels_get(promql_labels ls, const char *name);
/* Copy with one label set/replaced (value "" deletes), or removed. */
promql_labels pq_labels_set(pq_eval *ev, promql_labels ls, const char *name, const char *value);
promql_labels pq_labels_without(pq_eval *ev, promql_labels ls, const char *name);
/* Keep only (by) / drop (without) the named labels; 'without' also drops __name__. */
promql_labels pq_labels_group(pq_eval *ev, promql_labels ls, const pq_strlist *names, bool without);
/* pq_labels_compare (Prometheus's labels.Compare) is in util/labels.h. */
uint64_t pq_labels_hash(promql_labels ls);
/* Prometheus's labels.String() form: {__name__="up", a="b"} (names not valid in the legacy
 * charset quoted, values as strconv.Quote), as in "found duplicate series" errors. */
char *pq_labels_string(pq_eval *ev, promql_labels ls);

/* ---- errors, annotations, limits -------------------------------------------------------- */

/* Record an error (the first one wins) and return -1. */
int pq_eval_fail(pq_eval *ev, promql_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add a warning/info annotation, positioned at node (may be NULL). Duplicate texts are dropped. */
void pq_eval_annotate(pq_eval *ev, promql_annotation_kind kind, const pq_node *node,
                      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Count n samples now held in memory (Prometheus's currentSamples); fails with
 * "query processing would load too many samples into memory in query execution" past the limit. */
int pq_eval_add_samples(pq_eval *ev, int64_t n);
void pq_eval_release_samples(pq_eval *ev, int64_t n);
/* Timeout and cancel check; cheap enough for inner loops run every few thousand samples. */
int pq_eval_check_interrupt(pq_eval *ev);
/* Loops over a step grid look at the clock every this many steps (a subquery's grid can have
 * millions: one series' pass then takes longer than a timeout's granularity should). */
#define PQ_STEPS_PER_CHECK 65536

#endif
