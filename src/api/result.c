/*
 * result.c -- accessors of promql_result. Every call tolerates NULL and out-of-range indexes
 * (returning empty values), so a caller's mistake cannot crash the library.
 */
#include <stdlib.h>

#include "api/result.h"

void promql_result_free(promql_result *r)
{
    if (!r)
        return;
    pq_arena_free(&r->arena);
    free(r);
}

promql_value_type promql_result_type(const promql_result *r)
{
    return r ? r->type : PROMQL_VALUE_NONE;
}

double promql_result_scalar(const promql_result *r, int64_t *t_ms)
{
    if (t_ms)
        *t_ms = r ? r->t : 0;
    return r && r->type == PROMQL_VALUE_SCALAR ? r->scalar : 0;
}

const char *promql_result_string(const promql_result *r, int64_t *t_ms)
{
    if (t_ms)
        *t_ms = r ? r->t : 0;
    return r && r->type == PROMQL_VALUE_STRING ? r->str : NULL;
}

size_t promql_result_series_count(const promql_result *r)
{
    return r && (r->type == PROMQL_VALUE_VECTOR || r->type == PROMQL_VALUE_MATRIX) ? r->series_count : 0;
}

promql_labels promql_result_series_labels(const promql_result *r, size_t i)
{
    promql_labels none = {NULL, 0};
    if (i >= promql_result_series_count(r))
        return none;
    return r->series[i].labels;
}

size_t promql_result_series_floats(const promql_result *r, size_t i, const int64_t **timestamps,
                                   const double **values)
{
    if (timestamps)
        *timestamps = NULL;
    if (values)
        *values = NULL;
    if (i >= promql_result_series_count(r))
        return 0;
    if (timestamps)
        *timestamps = r->series[i].ft;
    if (values)
        *values = r->series[i].fv;
    return r->series[i].nf;
}

size_t promql_result_series_histograms(const promql_result *r, size_t i, const int64_t **timestamps,
                                       const promql_histogram *const **histograms)
{
    if (timestamps)
        *timestamps = NULL;
    if (histograms)
        *histograms = NULL;
    if (i >= promql_result_series_count(r))
        return 0;
    if (timestamps)
        *timestamps = r->series[i].ht;
    if (histograms)
        *histograms = r->series[i].hv;
    return r->series[i].nh;
}

size_t promql_result_annotation_count(const promql_result *r)
{
    return r ? r->annotation_count : 0;
}

const char *promql_result_annotation(const promql_result *r, size_t i, promql_annotation_kind *kind)
{
    if (!r || i >= r->annotation_count) {
        if (kind)
            *kind = 0;
        return NULL;
    }
    if (kind)
        *kind = r->annotation_kinds[i];
    return r->annotations[i];
}

const promql_query_stats *promql_result_stats(const promql_result *r)
{
    return r ? &r->stats : NULL;
}
