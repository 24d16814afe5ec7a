/*
 * pqt_atmod.c -- the step-invariance variant of promqltest's instant evals: parse the query,
 * pin every vector selector, matrix selector and subquery that has no '@ <timestamp>' to the
 * eval time (not descending into a subquery, whose inner selectors stay relative to it), and
 * print the query back. This walks the parser's internal AST (src/parser/ast.h): the CLI is
 * allowed to, and it is the only way to rewrite a query faithfully.
 */
#include <stdio.h>
#include <string.h>

#include "cli/pqt_internal.h"
#include "parser/functions.h"
#include "parser/parser.h"

/* Prometheus's AtModifierUnsafeFunctions: results that move with the evaluation time even
 * when the arguments are step invariant. */
static bool at_unsafe_function(const char *name)
{
    static const char *const names[] = {
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "end", "hour", "minute",
        "month", "year", "predict_linear", "range", "start", "step", "time", "timestamp",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void pin(pq_modifiers *m, int64_t t_ms)
{
    if (m->at_kind != PQ_AT_TIMESTAMP) {
        m->at_kind = PQ_AT_TIMESTAMP;
        m->at_ms = t_ms;
    }
}

static void walk(pq_node *n, int64_t t_ms, bool *unsafe, int depth)
{
    if (!n || depth > 10000)
        return;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        pin(&n->u.selector.mod, t_ms);
        break;
    case PQ_NODE_MATRIX_SELECTOR:
        walk(n->u.matrix.vs, t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_SUBQUERY:
        /* Once pinned, everything below has a pinned subquery on its path: test.go leaves it
         * alone (function calls inside are not even checked). */
        pin(&n->u.subquery.mod, t_ms);
        break;
    case PQ_NODE_UNARY:
        walk(n->u.unary.expr, t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_BINARY:
        walk(n->u.binary.lhs, t_ms, unsafe, depth + 1);
        walk(n->u.binary.rhs, t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_PAREN:
        walk(n->u.paren.expr, t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_CALL:
        if (n->u.call.func && at_unsafe_function(n->u.call.func->name))
            *unsafe = true;
        for (size_t i = 0; i < n->u.call.arg_count; i++)
            walk(n->u.call.args[i], t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_AGGREGATE:
        walk(n->u.aggregate.expr, t_ms, unsafe, depth + 1);
        walk(n->u.aggregate.param, t_ms, unsafe, depth + 1);
        break;
    case PQ_NODE_STEP_INVARIANT:
        walk(n->u.step_invariant.expr, t_ms, unsafe, depth + 1);
        break;
    default:
        break;
    }
}

char *pqt_at_modifier_query(const char *expr, int64_t t_ms, bool *unsafe, char *errmsg, size_t errlen)
{
    *unsafe = false;
    promql_parse_options opts;
    promql_parse_options_init(&opts);
    opts.enable_experimental_functions = 1;
    opts.enable_extended_range_selectors = 1;
    opts.enable_binop_fill_modifiers = 1;
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(expr, strlen(expr), &opts, &ast, &err) != 0) {
        snprintf(errmsg, errlen, "%s", err.message);
        return NULL;
    }
    walk(ast->root, t_ms, unsafe, 0);
    char *out = NULL;
    if (!*unsafe) {
        out = pq_format(ast->root);
        if (!out)
            snprintf(errmsg, errlen, "out of memory");
    }
    pq_ast_free(ast);
    return out;
}
