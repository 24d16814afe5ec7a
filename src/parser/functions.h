/*
 * functions.h -- the table of PromQL functions the parser checks calls against: every function
 * of Prometheus 3.14 (promql/parser/functions.go) with its argument types, variadic arity,
 * return type and experimental flag. The evaluator keeps its implementations elsewhere
 * (eval/functions*.c), keyed by the same names.
 */
#ifndef PQ_FUNCTIONS_H
#define PQ_FUNCTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"

#define PQ_FUNCTION_MAX_ARGS 8

struct pq_function {
    const char *name;
    pq_value_type arg_types[PQ_FUNCTION_MAX_ARGS];
    int arg_count;            /* number of entries in arg_types */
    int variadic;             /* as Prometheus: 0 fixed; >0 up to that many optional trailing
                                 args of the last type; -1 unlimited repetitions of the last */
    pq_value_type return_type;
    bool experimental;
};

/* Lookup by name (not NUL-terminated); NULL when unknown. */
const pq_function *pq_function_lookup(const char *name, size_t len);
/* The whole table, for tooling and fuzz dictionaries. */
const pq_function *pq_function_table(size_t *count);

#endif
