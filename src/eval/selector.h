/*
 * selector.h -- storage access shared by the vector and matrix selectors (selector.c, matrix.c).
 */
#ifndef PQ_SELECTOR_H
#define PQ_SELECTOR_H

#include "eval/eval.h"

typedef struct pq_selected {
    promql_labels labels;        /* copied into the arena */
    promql_sample_iter *iter;    /* closed by pq_select_close */
} pq_selected;

/* Select the series of a VECTOR_SELECTOR node, sorted by labels. */
int pq_select(pq_eval *ev, const pq_node *vs, const promql_select_hints *hints, pq_selected **out, size_t *count);
/* Fill the func / grouping hints from the evaluation path. */
void pq_select_hints_from_path(const pq_eval *ev, promql_select_hints *hints);
void pq_select_close(pq_eval *ev, pq_selected *arr, size_t n);

/* Read the samples of one series in (mint, maxt] into arena arrays, skipping stale markers
 * (matrix.c). */
int pq_read_range(pq_eval *ev, promql_sample_iter *it, int64_t mint, int64_t maxt, pq_range_series *rs);

/* HistogramStatsIterator's on-the-fly counter-reset hints (selectors under histogram_count,
 * histogram_sum, histogram_avg): a copy of h whose Unknown hint is replaced by the result of
 * reset detection against *last, the previous histogram read; *last becomes the copy. */
promql_histogram *pq_stats_hint(pq_eval *ev, const promql_histogram *h, const promql_histogram **last);

bool pq_sample_is_stale(double v, const promql_histogram *h);
/* Deep copy of a histogram into the arena (storage arrays only live until the next batch). */
promql_histogram *pq_sample_hist_copy(pq_eval *ev, const promql_histogram *h);

#endif
