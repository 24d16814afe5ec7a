/*
 * result.h -- the layout of a promql_result, shared by engine.c (which fills it) and result.c
 * (the accessors). A result owns one arena holding everything it hands out.
 */
#ifndef PQ_API_RESULT_H
#define PQ_API_RESULT_H

#include "promql/promql.h"
#include "util/arena.h"

typedef struct pq_result_series {
    promql_labels labels;
    int64_t *ft;
    double *fv;
    size_t nf;
    int64_t *ht;
    const promql_histogram **hv;
    size_t nh;
} pq_result_series;

struct promql_result {
    pq_arena arena;
    promql_value_type type;
    double scalar;
    int64_t t;
    const char *str;
    pq_result_series *series;
    size_t series_count;
    char **annotations;
    promql_annotation_kind *annotation_kinds;
    size_t annotation_count;
    promql_query_stats stats;
};

/* Orders series by labels as Prometheus sorts a matrix (labels.Compare); -1 when out of
 * memory (result_sort.c). */
int pq_sort_result_series(pq_arena *arena, pq_result_series *series, size_t n);

#endif
