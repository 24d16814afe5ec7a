/*
 * check.c -- type checking after a successful parse, as parse.go's checkAST: argument and
 * operand types, bool and set-operator rules, vector matching rules, selector matcher rules.
 * Messages and ranges are Prometheus's; the first error wins. Recursion is bounded by the
 * parse options' max_depth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/parse_internal.h"
#include "storage/regex.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The operator's range in a binary expression, trimmed of white space (parse.go's opRange). */
static void op_range(pq_parse_ctx *ctx, const pq_node *n, uint32_t *start, uint32_t *end)
{
    uint32_t s = n->u.binary.lhs->pos_end;
    while (s < ctx->len && is_space(ctx->input[s]))
        s++;
    uint32_t e = n->u.binary.rhs->pos_start > 0 ? n->u.binary.rhs->pos_start - 1 : 0;
    while (e > s && is_space(ctx->input[e]))
        e--;
    *start = s;
    *end = e;
}

static bool matcher_matches_empty(const pq_matcher *m)
{
    switch (m->type) {
    case PROMQL_MATCH_EQUAL: return m->value[0] == 0;
    case PROMQL_MATCH_NOT_EQUAL: return m->value[0] != 0;
    case PROMQL_MATCH_REGEX: return m->compiled && pq_regex_match(m->compiled, "", 0);
    case PROMQL_MATCH_NOT_REGEX: return !(m->compiled && pq_regex_match(m->compiled, "", 0));
    }
    return false;
}

static pq_value_type check(pq_parse_ctx *ctx, pq_node *n, int depth);

static void expect_type(pq_parse_ctx *ctx, pq_node *n, pq_value_type want, const char *context, int depth)
{
    if (!n)
        return;
    pq_value_type t = check(ctx, n, depth);
    if (t != want)
        pq_ctx_error(ctx, n->pos_start, n->pos_end, "expected type %s in %s, got %s", pq_value_type_name(want),
                     context, pq_value_type_name(t));
}

static void check_binary(pq_parse_ctx *ctx, pq_node *n, int depth)
{
    pq_value_type lt = check(ctx, n->u.binary.lhs, depth);
    pq_value_type rt = check(ctx, n->u.binary.rhs, depth);
    pq_op op = n->u.binary.op;
    pq_vector_matching *vm = n->u.binary.matching;
    uint32_t os, oe;

    if (n->u.binary.return_bool && !pq_op_is_comparison(op)) {
        op_range(ctx, n, &os, &oe);
        pq_ctx_error(ctx, os, oe, "bool modifier can only be used on comparison operators");
    }
    if (pq_op_is_comparison(op) && !n->u.binary.return_bool && n->u.binary.rhs->type == PQ_TYPE_SCALAR &&
        n->u.binary.lhs->type == PQ_TYPE_SCALAR) {
        op_range(ctx, n, &os, &oe);
        pq_ctx_error(ctx, os, oe, "comparisons between scalars must use BOOL modifier");
    }
    if (vm && pq_op_is_set(op) && vm->card == PQ_CARD_ONE_TO_ONE)
        vm->card = PQ_CARD_MANY_TO_MANY;
    if (vm && vm->on) {
        for (size_t i = 0; i < vm->matching_labels.count; i++)
            for (size_t j = 0; j < vm->include.count; j++)
                if (strcmp(vm->matching_labels.items[i], vm->include.items[j]) == 0) {
                    op_range(ctx, n, &os, &oe);
                    char *q = pq_go_quote_string(vm->matching_labels.items[i], strlen(vm->matching_labels.items[i]), 0);
                    pq_ctx_error(ctx, os, oe, "label %s must not occur in ON and GROUP clause at once", q ? q : "");
                    free(q);
                }
    }
    if (lt != PQ_TYPE_SCALAR && lt != PQ_TYPE_VECTOR)
        pq_ctx_error(ctx, n->u.binary.lhs->pos_start, n->u.binary.lhs->pos_end,
                     "binary expression must contain only scalar and instant vector types");
    if (rt != PQ_TYPE_SCALAR && rt != PQ_TYPE_VECTOR)
        pq_ctx_error(ctx, n->u.binary.rhs->pos_start, n->u.binary.rhs->pos_end,
                     "binary expression must contain only scalar and instant vector types");

    if ((lt != PQ_TYPE_VECTOR || rt != PQ_TYPE_VECTOR) && vm) {
        if (vm->matching_labels.count > 0)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "vector matching only allowed between instant vectors");
        if (vm->has_fill_lhs || vm->has_fill_rhs)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "filling in missing series only allowed between instant vectors");
        n->u.binary.matching = NULL;
    } else if (vm && pq_op_is_set(op)) {
        if (vm->card == PQ_CARD_ONE_TO_MANY || vm->card == PQ_CARD_MANY_TO_ONE)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "no grouping allowed for \"%s\" operation", pq_op_name(op));
        if (vm->card != PQ_CARD_MANY_TO_MANY)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "set operations must always be many-to-many");
        if (vm->has_fill_lhs || vm->has_fill_rhs)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "filling in missing series not allowed for set operators");
    }
    if ((lt == PQ_TYPE_SCALAR || rt == PQ_TYPE_SCALAR) && pq_op_is_set(op))
        pq_ctx_error(ctx, n->pos_start, n->pos_end, "set operator \"%s\" not allowed in binary scalar expression",
                     pq_op_name(op));
}

static void check_call(pq_parse_ctx *ctx, pq_node *n, int depth)
{
    const pq_function *f = n->u.call.func;
    if (!f)
        return;
    size_t nargs = (size_t)f->arg_count, got = n->u.call.arg_count;
    if (f->variadic == 0) {
        if (nargs != got)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "expected %zu argument(s) in call to \"%s\", got %zu", nargs,
                         f->name, got);
    } else {
        size_t na = nargs - 1;
        if (na > got)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "expected at least %zu argument(s) in call to \"%s\", got %zu",
                         na, f->name, got);
        else if (f->variadic > 0 && na + (size_t)f->variadic < got)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "expected at most %zu argument(s) in call to \"%s\", got %zu",
                         na + (size_t)f->variadic, f->name, got);
    }
    if (strcmp(f->name, "info") == 0 && got > 1) {
        pq_node *a = n->u.call.args[1];
        if (a->type != PQ_TYPE_VECTOR)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "expected type %s in call to function \"%s\", got %s",
                         pq_value_type_name(PQ_TYPE_VECTOR), f->name, pq_value_type_name(a->type));
        if (a->kind == PQ_NODE_VECTOR_SELECTOR && a->u.selector.name)
            pq_ctx_error(ctx, a->pos_start, a->pos_end, "expected label selectors only, got vector selector instead");
        else if (a->kind == PQ_NODE_VECTOR_SELECTOR)
            a->u.selector.bypass_empty_matcher_check = true;
        else
            pq_ctx_error(ctx, a->pos_start, a->pos_end, "expected label selectors only");
    }
    for (size_t i = 0; i < got; i++) {
        size_t k = i;
        if (k >= nargs) {
            if (f->variadic == 0)
                break;
            k = nargs - 1;
        }
        pq_node *a = n->u.call.args[i];
        pq_value_type t = check(ctx, a, depth);
        if (t != f->arg_types[k])
            pq_ctx_error(ctx, a->pos_start, a->pos_end, "expected type %s in call to function \"%s\", got %s",
                         pq_value_type_name(f->arg_types[k]), f->name, pq_value_type_name(t));
    }
}

static void check_selector(pq_parse_ctx *ctx, pq_node *n)
{
    size_t count = n->u.selector.matcher_count;
    if (n->u.selector.name) {
        for (size_t i = 0; i + 1 < count; i++) {
            const pq_matcher *m = &n->u.selector.matchers[i];
            if (strcmp(m->name, "__name__") == 0) {
                char *a = pq_go_quote_string(n->u.selector.name, strlen(n->u.selector.name), 0);
                char *b = pq_go_quote_string(m->value, strlen(m->value), 0);
                pq_ctx_error(ctx, n->pos_start, n->pos_end, "metric name must not be set twice: %s or %s", a ? a : "",
                             b ? b : "");
                free(a);
                free(b);
            }
        }
        return;
    }
    if (n->u.selector.bypass_empty_matcher_check)
        return;
    for (size_t i = 0; i < count; i++)
        if (!matcher_matches_empty(&n->u.selector.matchers[i]))
            return;
    pq_ctx_error(ctx, n->pos_start, n->pos_end, "vector selector must contain at least one non-empty matcher");
}

static pq_value_type check(pq_parse_ctx *ctx, pq_node *n, int depth)
{
    if (!n)
        return PQ_TYPE_NONE;
    if (depth > ctx->opts->max_depth) {
        pq_ctx_error(ctx, n->pos_start, n->pos_end, "query is nested too deeply (more than %d levels)",
                     ctx->opts->max_depth);
        return n->type;
    }
    depth++;
    switch (n->kind) {
    case PQ_NODE_AGGREGATE:
        expect_type(ctx, n->u.aggregate.expr, PQ_TYPE_VECTOR, "aggregation expression", depth);
        switch (n->u.aggregate.op) {
        case PQ_OP_TOPK: case PQ_OP_BOTTOMK: case PQ_OP_QUANTILE: case PQ_OP_LIMITK: case PQ_OP_LIMIT_RATIO:
            expect_type(ctx, n->u.aggregate.param, PQ_TYPE_SCALAR, "aggregation parameter", depth);
            break;
        case PQ_OP_COUNT_VALUES:
            expect_type(ctx, n->u.aggregate.param, PQ_TYPE_STRING, "aggregation parameter", depth);
            break;
        default:
            break;
        }
        break;
    case PQ_NODE_BINARY:
        check_binary(ctx, n, depth);
        break;
    case PQ_NODE_CALL:
        check_call(ctx, n, depth);
        break;
    case PQ_NODE_PAREN:
        check(ctx, n->u.paren.expr, depth);
        break;
    case PQ_NODE_UNARY: {
        pq_value_type t = check(ctx, n->u.unary.expr, depth);
        if (t != PQ_TYPE_SCALAR && t != PQ_TYPE_VECTOR)
            pq_ctx_error(ctx, n->pos_start, n->pos_end,
                         "unary expression only allowed on expressions of type scalar or instant vector, got \"%s\"",
                         pq_value_type_name(t));
        break;
    }
    case PQ_NODE_SUBQUERY: {
        pq_value_type t = check(ctx, n->u.subquery.expr, depth);
        if (t != PQ_TYPE_VECTOR)
            pq_ctx_error(ctx, n->pos_start, n->pos_end, "subquery is only allowed on instant vector, got %s instead",
                         pq_value_type_raw_name(t));
        break;
    }
    case PQ_NODE_MATRIX_SELECTOR:
        check(ctx, n->u.matrix.vs, depth);
        break;
    case PQ_NODE_VECTOR_SELECTOR:
        check_selector(ctx, n);
        break;
    default:
        break;
    }
    return n->type;
}

void pq_check(pq_parse_ctx *ctx, pq_node *root)
{
    check(ctx, root, 0);
}
