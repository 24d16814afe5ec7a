/*
 * labels.h -- label-set primitives shared by every layer (storage, evaluator, rules): the
 * ordering Prometheus's labels.Compare defines, which fixes the order of series everywhere.
 */
#ifndef PQ_UTIL_LABELS_H
#define PQ_UTIL_LABELS_H

#include <stdbool.h>

#include "promql/storage.h"

/* Byte-order comparison of sorted label sets: names, then values, pair by pair; a prefix sorts
 * first. Returns -1, 0 or 1. */
int pq_labels_compare(promql_labels a, promql_labels b);

/* Whether two sorted label sets are the same pairs. */
bool pq_labels_equal(promql_labels a, promql_labels b);

#endif
