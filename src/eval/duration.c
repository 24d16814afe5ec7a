/*
 * duration.c -- duration expressions of 3.x ("foo[step()*2]", "offset (1h - 5m)", "[5m:step()]")
 * and the @ / offset modifiers, evaluated as Prometheus's durationVisitor and
 * preprocessExprHelper do before evaluation. The AST is never modified (a parsed expression may
 * be evaluated by several threads at once): values are computed where they are needed, after
 * one up-front pass that reports any error before evaluation starts.
 */
#include <math.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"

static int duration_value(pq_eval *ev, const pq_node *n, double *out)
{
    switch (n->kind) {
    case PQ_NODE_NUMBER:
        *out = n->u.number.value;
        return 0;
    case PQ_NODE_PAREN:
        return duration_value(ev, n->u.paren.expr, out);
    case PQ_NODE_UNARY: {
        double v;
        if (duration_value(ev, n->u.unary.expr, &v))
            return -1;
        *out = n->u.unary.op == PQ_OP_SUB ? -v : v;
        return 0;
    }
    case PQ_NODE_DURATION:
        break;
    default:
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "unexpected duration expression type");
    }
    double lhs = 0, rhs = 0;
    if (n->u.duration.lhs && duration_value(ev, n->u.duration.lhs, &lhs))
        return -1;
    if (n->u.duration.rhs && duration_value(ev, n->u.duration.rhs, &rhs))
        return -1;
    switch (n->u.duration.op) {
    case PQ_OP_STEP:
        *out = (double)ev->query_step_ms / 1000.0;
        return 0;
    case PQ_OP_RANGE:
        *out = (double)(ev->query_end_ms - ev->query_start_ms) / 1000.0;
        return 0;
    case PQ_OP_MIN_OF:
        *out = fmin(lhs, rhs);
        if (isnan(lhs) || isnan(rhs))
            *out = NAN;
        return 0;
    case PQ_OP_MAX_OF:
        *out = fmax(lhs, rhs);
        if (isnan(lhs) || isnan(rhs))
            *out = NAN;
        return 0;
    case PQ_OP_ADD:
        *out = n->u.duration.lhs ? lhs + rhs : rhs;
        return 0;
    case PQ_OP_SUB:
        *out = n->u.duration.lhs ? lhs - rhs : -rhs;
        return 0;
    case PQ_OP_MUL:
        *out = lhs * rhs;
        return 0;
    case PQ_OP_DIV:
        if (rhs == 0)
            return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "%u:%u: division by zero", n->pos_start, n->pos_end);
        *out = lhs / rhs;
        return 0;
    case PQ_OP_MOD:
        if (rhs == 0)
            return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "%u:%u: modulo by zero", n->pos_start, n->pos_end);
        *out = fmod(lhs, rhs);
        return 0;
    case PQ_OP_POW:
        *out = pow(lhs, rhs);
        return 0;
    default:
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "unexpected duration expression operator \"%s\"",
                            pq_op_name(n->u.duration.op));
    }
}

int pq_eval_duration(pq_eval *ev, const pq_node *expr, int64_t written_ms, bool allow_negative, int64_t *out_ms)
{
    if (!expr) {
        *out_ms = written_ms;
        return 0;
    }
    double d;
    if (duration_value(ev, expr, &d))
        return -1;
    if (isnan(d) || isinf(d))
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "%u:%u: duration is NaN or infinite", expr->pos_start,
                            expr->pos_end);
    if (d <= 0 && !allow_negative)
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "%u:%u: duration must be greater than 0", expr->pos_start,
                            expr->pos_end);
    if (d > 9223372036.854775807 || d < -9223372036.854775808)
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "%u:%u: duration is out of range", expr->pos_start,
                            expr->pos_end);
    *out_ms = (int64_t)(d * 1000);
    return 0;
}

int pq_eval_modifiers(pq_eval *ev, const pq_modifiers *mod, int64_t *offset_ms, bool *has_at, int64_t *at_ms)
{
    if (pq_eval_duration(ev, mod->offset_expr, mod->original_offset_ms, true, offset_ms))
        return -1;
    *has_at = true;
    switch (mod->at_kind) {
    case PQ_AT_TIMESTAMP:
        *at_ms = mod->at_ms;
        break;
    case PQ_AT_START:
        *at_ms = ev->query_start_ms;
        break;
    case PQ_AT_END:
        *at_ms = ev->query_end_ms;
        break;
    default:
        *has_at = false;
        *at_ms = 0;
    }
    return 0;
}

int pq_eval_check_durations(pq_eval *ev, const pq_node *n)
{
    if (!n)
        return 0;
    int64_t ms;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        return pq_eval_duration(ev, n->u.selector.mod.offset_expr, 0, true, &ms);
    case PQ_NODE_MATRIX_SELECTOR:
        if (pq_eval_check_durations(ev, n->u.matrix.vs))
            return -1;
        return pq_eval_duration(ev, n->u.matrix.range_expr, 0, false, &ms);
    case PQ_NODE_SUBQUERY:
        if (pq_eval_check_durations(ev, n->u.subquery.expr))
            return -1;
        if (pq_eval_duration(ev, n->u.subquery.mod.offset_expr, 0, true, &ms) ||
            pq_eval_duration(ev, n->u.subquery.step_expr, 0, false, &ms) ||
            pq_eval_duration(ev, n->u.subquery.range_expr, 0, false, &ms))
            return -1;
        return 0;
    case PQ_NODE_UNARY:
        return pq_eval_check_durations(ev, n->u.unary.expr);
    case PQ_NODE_BINARY:
        return pq_eval_check_durations(ev, n->u.binary.lhs) || pq_eval_check_durations(ev, n->u.binary.rhs) ? -1 : 0;
    case PQ_NODE_PAREN:
        return pq_eval_check_durations(ev, n->u.paren.expr);
    case PQ_NODE_CALL:
        for (size_t i = 0; i < n->u.call.arg_count; i++)
            if (pq_eval_check_durations(ev, n->u.call.args[i]))
                return -1;
        return 0;
    case PQ_NODE_AGGREGATE:
        return pq_eval_check_durations(ev, n->u.aggregate.expr) || pq_eval_check_durations(ev, n->u.aggregate.param)
                   ? -1
                   : 0;
    case PQ_NODE_STEP_INVARIANT:
        return pq_eval_check_durations(ev, n->u.step_invariant.expr);
    default:
        return 0;
    }
}
