/*
 * expr.h -- what a public promql_expr handle is: an owned, parsed AST. Shared by the API files
 * that parse (parse.c), evaluate (engine.c) and print (the printer's API file) expressions.
 */
#ifndef PQ_API_EXPR_H
#define PQ_API_EXPR_H

#include "parser/parser.h"

struct promql_expr {
    pq_ast *ast;
};

#endif
