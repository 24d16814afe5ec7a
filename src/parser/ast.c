/*
 * ast.c -- AST helpers every layer uses: node allocation, unwrapping, type and operator names,
 * and Prometheus's line:column computation for error positions.
 */
#include <string.h>

#include "parser/ast.h"

pq_node *pq_node_new(pq_arena *a, pq_node_kind kind, uint32_t start, uint32_t end)
{
    pq_node *n = pq_arena_calloc(a, 1, sizeof *n);
    if (!n)
        return NULL;
    n->kind = kind;
    n->pos_start = start;
    n->pos_end = end;
    return n;
}

const pq_node *pq_node_unwrap(const pq_node *n)
{
    while (n && (n->kind == PQ_NODE_PAREN || n->kind == PQ_NODE_STEP_INVARIANT))
        n = n->kind == PQ_NODE_PAREN ? n->u.paren.expr : n->u.step_invariant.expr;
    return n;
}

/* posrange.StartPosInput: lines count '\n' before the offset; the column is the byte distance
 * from the last line break (1-based). */
void pq_position_line_col(const char *query, size_t len, size_t offset, int *line, int *col)
{
    if (offset > len)
        offset = len;
    int l = 1;
    size_t last_break = (size_t)-1;
    for (size_t i = 0; i < offset; i++) {
        if (query[i] == '\n') {
            l++;
            last_break = i;
        }
    }
    *line = l;
    *col = (int)(offset - last_break);
}

const char *pq_value_type_name(pq_value_type t)
{
    switch (t) {
    case PQ_TYPE_SCALAR: return "scalar";
    case PQ_TYPE_VECTOR: return "instant vector";
    case PQ_TYPE_MATRIX: return "range vector";
    case PQ_TYPE_STRING: return "string";
    default: return "none";
    }
}

const char *pq_value_type_raw_name(pq_value_type t)
{
    switch (t) {
    case PQ_TYPE_SCALAR: return "scalar";
    case PQ_TYPE_VECTOR: return "vector";
    case PQ_TYPE_MATRIX: return "matrix";
    case PQ_TYPE_STRING: return "string";
    default: return "none";
    }
}

static const char *const OP_NAMES[PQ_OP__COUNT] = {
    [PQ_OP_NONE] = "",
    [PQ_OP_ADD] = "+", [PQ_OP_SUB] = "-", [PQ_OP_MUL] = "*", [PQ_OP_DIV] = "/", [PQ_OP_MOD] = "%",
    [PQ_OP_POW] = "^", [PQ_OP_ATAN2] = "atan2",
    [PQ_OP_EQLC] = "==", [PQ_OP_NEQ] = "!=", [PQ_OP_GTR] = ">", [PQ_OP_LSS] = "<", [PQ_OP_GTE] = ">=",
    [PQ_OP_LTE] = "<=", [PQ_OP_TRIM_UPPER] = "</", [PQ_OP_TRIM_LOWER] = ">/",
    [PQ_OP_LAND] = "and", [PQ_OP_LOR] = "or", [PQ_OP_LUNLESS] = "unless",
    [PQ_OP_SUM] = "sum", [PQ_OP_AVG] = "avg", [PQ_OP_COUNT] = "count", [PQ_OP_MIN] = "min",
    [PQ_OP_MAX] = "max", [PQ_OP_GROUP] = "group", [PQ_OP_STDDEV] = "stddev", [PQ_OP_STDVAR] = "stdvar",
    [PQ_OP_TOPK] = "topk", [PQ_OP_BOTTOMK] = "bottomk", [PQ_OP_COUNT_VALUES] = "count_values",
    [PQ_OP_QUANTILE] = "quantile", [PQ_OP_LIMITK] = "limitk", [PQ_OP_LIMIT_RATIO] = "limit_ratio",
    [PQ_OP_STEP] = "step", [PQ_OP_RANGE] = "range", [PQ_OP_MIN_OF] = "min_of", [PQ_OP_MAX_OF] = "max_of",
};

const char *pq_op_name(pq_op op)
{
    if ((int)op < 0 || op >= PQ_OP__COUNT || !OP_NAMES[op])
        return "";
    return OP_NAMES[op];
}

bool pq_op_is_comparison(pq_op op)
{
    return op == PQ_OP_EQLC || op == PQ_OP_NEQ || op == PQ_OP_GTR || op == PQ_OP_LSS || op == PQ_OP_GTE ||
           op == PQ_OP_LTE;
}

bool pq_op_is_set(pq_op op)
{
    return op == PQ_OP_LAND || op == PQ_OP_LOR || op == PQ_OP_LUNLESS;
}

bool pq_op_is_aggregation_with_param(pq_op op)
{
    return op == PQ_OP_TOPK || op == PQ_OP_BOTTOMK || op == PQ_OP_QUANTILE || op == PQ_OP_COUNT_VALUES ||
           op == PQ_OP_LIMITK || op == PQ_OP_LIMIT_RATIO;
}
