/*
 * functions.c -- the table of every PromQL function of Prometheus 3.14
 * (promql/parser/functions.go): argument types, variadic arity, return type and whether the
 * function is experimental (gated by promql_parse_options.enable_experimental_functions).
 * Kept sorted by name so lookup is a binary search.
 */
#include "parser/functions.h"

#include <string.h>

static const pq_function FUNCTIONS[] = {
    {"abs", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"absent", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"absent_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"acos", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"acosh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"asin", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"asinh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"atan", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"atanh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"avg_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"ceil", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"changes", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"clamp", {PQ_TYPE_VECTOR, PQ_TYPE_SCALAR, PQ_TYPE_SCALAR}, 3, 0, PQ_TYPE_VECTOR, false},
    {"clamp_max", {PQ_TYPE_VECTOR, PQ_TYPE_SCALAR}, 2, 0, PQ_TYPE_VECTOR, false},
    {"clamp_min", {PQ_TYPE_VECTOR, PQ_TYPE_SCALAR}, 2, 0, PQ_TYPE_VECTOR, false},
    {"cos", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"cosh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"count_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"day_of_month", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"day_of_week", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"day_of_year", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"days_in_month", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"deg", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"delta", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"deriv", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"double_exponential_smoothing", {PQ_TYPE_MATRIX, PQ_TYPE_SCALAR, PQ_TYPE_SCALAR}, 3, 0, PQ_TYPE_VECTOR, true},
    {"end", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, true},
    {"exp", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"first_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"floor", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"histogram_avg", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"histogram_count", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"histogram_fraction", {PQ_TYPE_SCALAR, PQ_TYPE_SCALAR, PQ_TYPE_VECTOR}, 3, 0, PQ_TYPE_VECTOR, false},
    {"histogram_quantile", {PQ_TYPE_SCALAR, PQ_TYPE_VECTOR}, 2, 0, PQ_TYPE_VECTOR, false},
    {"histogram_quantiles", {PQ_TYPE_VECTOR, PQ_TYPE_STRING, PQ_TYPE_SCALAR, PQ_TYPE_SCALAR}, 4, 9, PQ_TYPE_VECTOR, true},
    {"histogram_stddev", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"histogram_stdvar", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"histogram_sum", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"hour", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"idelta", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"increase", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"info", {PQ_TYPE_VECTOR, PQ_TYPE_VECTOR}, 2, 1, PQ_TYPE_VECTOR, true},
    {"irate", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"label_join", {PQ_TYPE_VECTOR, PQ_TYPE_STRING, PQ_TYPE_STRING, PQ_TYPE_STRING}, 4, -1, PQ_TYPE_VECTOR, false},
    {"label_replace", {PQ_TYPE_VECTOR, PQ_TYPE_STRING, PQ_TYPE_STRING, PQ_TYPE_STRING, PQ_TYPE_STRING}, 5, 0, PQ_TYPE_VECTOR, false},
    {"last_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"ln", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"log10", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"log2", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"mad_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, true},
    {"max_of", {PQ_TYPE_SCALAR, PQ_TYPE_SCALAR}, 2, 0, PQ_TYPE_SCALAR, true},
    {"max_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"min_of", {PQ_TYPE_SCALAR, PQ_TYPE_SCALAR}, 2, 0, PQ_TYPE_SCALAR, true},
    {"min_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"minute", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"month", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
    {"pi", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, false},
    {"predict_linear", {PQ_TYPE_MATRIX, PQ_TYPE_SCALAR}, 2, 0, PQ_TYPE_VECTOR, false},
    {"present_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"quantile_over_time", {PQ_TYPE_SCALAR, PQ_TYPE_MATRIX}, 2, 0, PQ_TYPE_VECTOR, false},
    {"rad", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"range", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, true},
    {"rate", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"resets", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"round", {PQ_TYPE_VECTOR, PQ_TYPE_SCALAR}, 2, 1, PQ_TYPE_VECTOR, false},
    {"scalar", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_SCALAR, false},
    {"sgn", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"sin", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"sinh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"sort", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"sort_by_label", {PQ_TYPE_VECTOR, PQ_TYPE_STRING}, 2, -1, PQ_TYPE_VECTOR, true},
    {"sort_by_label_desc", {PQ_TYPE_VECTOR, PQ_TYPE_STRING}, 2, -1, PQ_TYPE_VECTOR, true},
    {"sort_desc", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"sqrt", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"start", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, true},
    {"start_timestamp", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, true},
    {"stddev_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"stdvar_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"step", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, true},
    {"sum_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, false},
    {"tan", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"tanh", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"time", {PQ_TYPE_NONE}, 0, 0, PQ_TYPE_SCALAR, false},
    {"timestamp", {PQ_TYPE_VECTOR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"ts_of_first_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, true},
    {"ts_of_last_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, true},
    {"ts_of_max_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, true},
    {"ts_of_min_over_time", {PQ_TYPE_MATRIX}, 1, 0, PQ_TYPE_VECTOR, true},
    {"vector", {PQ_TYPE_SCALAR}, 1, 0, PQ_TYPE_VECTOR, false},
    {"year", {PQ_TYPE_VECTOR}, 1, 1, PQ_TYPE_VECTOR, false},
};

#define FUNCTION_COUNT (sizeof(FUNCTIONS) / sizeof(FUNCTIONS[0]))

static int compare_name(const char *name, size_t len, const char *entry)
{
    size_t elen = strlen(entry);
    size_t n = len < elen ? len : elen;
    int c = memcmp(name, entry, n);
    if (c != 0)
        return c;
    return len < elen ? -1 : (len > elen ? 1 : 0);
}

const pq_function *pq_function_lookup(const char *name, size_t len)
{
    size_t lo = 0, hi = FUNCTION_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_name(name, len, FUNCTIONS[mid].name);
        if (c == 0)
            return &FUNCTIONS[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const pq_function *pq_function_table(size_t *count)
{
    if (count)
        *count = FUNCTION_COUNT;
    return FUNCTIONS;
}
