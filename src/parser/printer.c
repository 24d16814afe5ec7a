/*
 * printer.c -- the canonical one-line form of a PromQL AST, byte for byte what Prometheus's
 * String() methods (promql/parser/printer.go) produce: tools compare, cache and log queries by
 * this text, so every space, quote and number format follows Prometheus.
 */
#include "parser/parser.h"
#include "parser/functions.h"
#include "parser/printer_internal.h"
#include "util/gofmt.h"

#include <stdlib.h>
#include <string.h>

void pq_print_label_name(pq_strbuf *b, const char *name)
{
    size_t len = strlen(name);
    if (pq_is_legacy_label_name(name, len))
        pq_strbuf_append(b, name, len);
    else
        pq_go_quote(b, name, len);
}

static void print_label_list(pq_strbuf *b, const pq_strlist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        if (i > 0)
            pq_strbuf_puts(b, ", ");
        pq_print_label_name(b, l->items[i] ? l->items[i] : "");
    }
}

/* A range, step or offset written as a duration expression is kept as a DURATION node and
 * printed as written; a plain number or duration literal was folded into milliseconds. */
static const pq_node *written_duration_expr(const pq_node *e)
{
    return (e && e->kind == PQ_NODE_DURATION) ? e : NULL;
}

/* " @ 10.000" / " @ start()" / " @ end()" */
static void print_at(pq_strbuf *b, const pq_modifiers *m)
{
    switch (m->at_kind) {
    case PQ_AT_TIMESTAMP:
        pq_strbuf_printf(b, " @ %.3f", (double)m->at_ms / 1000.0);
        break;
    case PQ_AT_START:
        pq_strbuf_puts(b, " @ start()");
        break;
    case PQ_AT_END:
        pq_strbuf_puts(b, " @ end()");
        break;
    default:
        break;
    }
}

/* " offset 5m" / " offset -5m" / " offset (step())"; nothing for a zero offset. */
static void print_offset(pq_strbuf *b, const pq_modifiers *m)
{
    const pq_node *expr = written_duration_expr(m->offset_expr);
    if (expr) {
        pq_strbuf_puts(b, " offset ");
        pq_print_node(b, expr);
    } else if (m->original_offset_ms != 0) {
        pq_strbuf_puts(b, " offset ");
        pq_go_format_duration_ms(b, m->original_offset_ms);
    }
}

static const char *match_op_text(promql_match_type t)
{
    switch (t) {
    case PROMQL_MATCH_EQUAL: return "=";
    case PROMQL_MATCH_NOT_EQUAL: return "!=";
    case PROMQL_MATCH_REGEX: return "=~";
    case PROMQL_MATCH_NOT_REGEX: return "!~";
    }
    return "=";
}

/* labels.Matcher.String(): name (quoted unless a legacy identifier), operator, quoted value. */
static void print_matcher(pq_strbuf *b, const pq_matcher *m)
{
    const char *name = m->name ? m->name : "";
    const char *value = m->value ? m->value : "";
    pq_print_label_name(b, name);
    pq_strbuf_puts(b, match_op_text(m->type));
    pq_go_quote(b, value, strlen(value));
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* name{matchers}: the __name__ matcher that repeats the written name is left out, the rest are
 * printed sorted as strings (Prometheus sorts the rendered matchers, not the labels).
 * One deliberate difference: a selector with neither name nor matchers (only info()'s second
 * argument can be one) prints as "{}", where Prometheus prints nothing and so produces a query
 * that does not parse back. */
static void print_selector_body(pq_strbuf *b, const pq_node *n)
{
    const char *name = n->u.selector.name ? n->u.selector.name : "";
    pq_strbuf_puts(b, name);
    size_t count = n->u.selector.matcher_count;
    if (count == 0 || !n->u.selector.matchers) {
        if (!*name)
            pq_strbuf_puts(b, "{}");
        return;
    }
    char **rendered = calloc(count, sizeof *rendered);
    if (!rendered) {
        b->oom = 1;
        return;
    }
    size_t used = 0;
    for (size_t i = 0; i < count; i++) {
        const pq_matcher *m = &n->u.selector.matchers[i];
        if (m->type == PROMQL_MATCH_EQUAL && m->name && strcmp(m->name, "__name__") == 0 &&
            m->value && m->value[0] && strcmp(m->value, name) == 0)
            continue;
        pq_strbuf one;
        pq_strbuf_init(&one);
        print_matcher(&one, m);
        char *s = pq_strbuf_finish(&one);
        if (!s) {
            b->oom = 1;
            break;
        }
        rendered[used++] = s;
    }
    if (used > 0 && !b->oom) {
        qsort(rendered, used, sizeof *rendered, compare_strings);
        pq_strbuf_putc(b, '{');
        for (size_t i = 0; i < used; i++) {
            if (i > 0)
                pq_strbuf_putc(b, ',');
            pq_strbuf_puts(b, rendered[i]);
        }
        pq_strbuf_putc(b, '}');
    }
    for (size_t i = 0; i < used; i++)
        free(rendered[i]);
    free(rendered);
}

static void print_vector_selector(pq_strbuf *b, const pq_node *n)
{
    print_selector_body(b, n);
    print_at(b, &n->u.selector.mod);
    if (n->u.selector.anchored)
        pq_strbuf_puts(b, " anchored");
    else if (n->u.selector.smoothed)
        pq_strbuf_puts(b, " smoothed");
    print_offset(b, &n->u.selector.mod);
}

static void print_range(pq_strbuf *b, int64_t ms, const pq_node *expr)
{
    expr = written_duration_expr(expr);
    if (expr)
        pq_print_node(b, expr);
    else
        pq_go_format_duration_ms(b, ms);
}

/* name{...}[range] anchored @ t offset d: the modifiers move behind the range. */
static void print_matrix_selector(pq_strbuf *b, const pq_node *n)
{
    const pq_node *vs = n->u.matrix.vs;
    if (vs && vs->kind == PQ_NODE_VECTOR_SELECTOR)
        print_selector_body(b, vs);
    else if (vs)
        pq_print_node(b, vs);
    pq_strbuf_putc(b, '[');
    print_range(b, n->u.matrix.range_ms, n->u.matrix.range_expr);
    pq_strbuf_putc(b, ']');
    if (vs && vs->kind == PQ_NODE_VECTOR_SELECTOR) {
        if (vs->u.selector.anchored)
            pq_strbuf_puts(b, " anchored");
        else if (vs->u.selector.smoothed)
            pq_strbuf_puts(b, " smoothed");
        print_at(b, &vs->u.selector.mod);
        print_offset(b, &vs->u.selector.mod);
    }
}

void pq_print_subquery_suffix(pq_strbuf *b, const pq_node *n)
{
    pq_strbuf_putc(b, '[');
    print_range(b, n->u.subquery.range_ms, n->u.subquery.range_expr);
    pq_strbuf_putc(b, ':');
    const pq_node *step_expr = written_duration_expr(n->u.subquery.step_expr);
    if (step_expr)
        pq_print_node(b, step_expr);
    else if (n->u.subquery.step_ms != 0)
        pq_go_format_duration_ms(b, n->u.subquery.step_ms);
    pq_strbuf_putc(b, ']');
    print_at(b, &n->u.subquery.mod);
    print_offset(b, &n->u.subquery.mod);
}

void pq_print_aggregate_head(pq_strbuf *b, const pq_node *n)
{
    pq_strbuf_puts(b, pq_op_name(n->u.aggregate.op));
    if (n->u.aggregate.without) {
        pq_strbuf_puts(b, " without (");
        print_label_list(b, &n->u.aggregate.grouping);
        pq_strbuf_puts(b, ") ");
    } else if (n->u.aggregate.grouping.count > 0) {
        pq_strbuf_puts(b, " by (");
        print_label_list(b, &n->u.aggregate.grouping);
        pq_strbuf_puts(b, ") ");
    }
}

static void print_aggregate(pq_strbuf *b, const pq_node *n)
{
    pq_print_aggregate_head(b, n);
    pq_strbuf_putc(b, '(');
    if (n->u.aggregate.param) {
        pq_print_node(b, n->u.aggregate.param);
        pq_strbuf_puts(b, ", ");
    }
    pq_print_node(b, n->u.aggregate.expr);
    pq_strbuf_putc(b, ')');
}

/* A fill value as Go's %v prints a float64 ("-23", "1e+06", "NaN", "+Inf"). */
static void print_fill(pq_strbuf *b, const char *keyword, double v)
{
    pq_strbuf_printf(b, " %s (", keyword);
    pq_go_format_float(b, v, 'g');
    pq_strbuf_putc(b, ')');
}

void pq_print_binary_matching(pq_strbuf *b, const pq_node *n)
{
    const pq_vector_matching *vm = n->u.binary.matching;
    if (!vm)
        return;
    bool grouped = vm->card == PQ_CARD_MANY_TO_ONE || vm->card == PQ_CARD_ONE_TO_MANY;
    if (vm->matching_labels.count > 0 || vm->on || grouped) {
        pq_strbuf_puts(b, vm->on ? " on (" : " ignoring (");
        print_label_list(b, &vm->matching_labels);
        pq_strbuf_putc(b, ')');
    }
    if (grouped) {
        pq_strbuf_puts(b, vm->card == PQ_CARD_MANY_TO_ONE ? " group_left (" : " group_right (");
        print_label_list(b, &vm->include);
        pq_strbuf_putc(b, ')');
    }
    if (vm->has_fill_lhs && vm->has_fill_rhs && vm->fill_lhs == vm->fill_rhs) {
        print_fill(b, "fill", vm->fill_lhs);
    } else {
        if (vm->has_fill_lhs)
            print_fill(b, "fill_left", vm->fill_lhs);
        if (vm->has_fill_rhs)
            print_fill(b, "fill_right", vm->fill_rhs);
    }
}

static void print_binary(pq_strbuf *b, const pq_node *n)
{
    pq_print_node(b, n->u.binary.lhs);
    pq_strbuf_putc(b, ' ');
    pq_strbuf_puts(b, pq_op_name(n->u.binary.op));
    if (n->u.binary.return_bool)
        pq_strbuf_puts(b, " bool");
    pq_print_binary_matching(b, n);
    pq_strbuf_putc(b, ' ');
    pq_print_node(b, n->u.binary.rhs);
}

static void print_call(pq_strbuf *b, const pq_node *n)
{
    pq_strbuf_puts(b, n->u.call.func && n->u.call.func->name ? n->u.call.func->name : "");
    pq_strbuf_putc(b, '(');
    for (size_t i = 0; i < n->u.call.arg_count; i++) {
        if (i > 0)
            pq_strbuf_puts(b, ", ");
        pq_print_node(b, n->u.call.args[i]);
    }
    pq_strbuf_putc(b, ')');
}

static void print_number(pq_strbuf *b, const pq_node *n)
{
    double v = n->u.number.value;
    if (!n->u.number.is_duration) {
        pq_go_format_float(b, v, 'f');
        return;
    }
    /* model.Duration(v * 1e9): seconds to nanoseconds, truncated, then to milliseconds. The
     * parser keeps durations inside int64 nanoseconds; clamp anyway so a hand-made node cannot
     * overflow the conversion. */
    bool negative = v < 0;
    double ns = (negative ? -v : v) * 1e9;
    int64_t ms;
    if (ns != ns)
        ms = 0;
    else if (ns >= 9223372036854775808.0)
        ms = INT64_MAX / 1000000;
    else
        ms = (int64_t)ns / 1000000;
    if (negative)
        pq_strbuf_putc(b, '-');
    pq_go_format_duration_ms(b, ms);
}

static void print_duration(pq_strbuf *b, const pq_node *n)
{
    if (n->u.duration.wrapped)
        pq_strbuf_putc(b, '(');
    pq_op op = n->u.duration.op;
    switch (op) {
    case PQ_OP_STEP:
        pq_strbuf_puts(b, "step()");
        break;
    case PQ_OP_RANGE:
        pq_strbuf_puts(b, "range()");
        break;
    case PQ_OP_MIN_OF:
    case PQ_OP_MAX_OF:
        pq_strbuf_puts(b, pq_op_name(op));
        pq_strbuf_putc(b, '(');
        pq_print_node(b, n->u.duration.lhs);
        pq_strbuf_puts(b, ", ");
        pq_print_node(b, n->u.duration.rhs);
        pq_strbuf_putc(b, ')');
        break;
    default:
        if (!n->u.duration.lhs) {
            /* unary: a minus is written, a plus (also used to mark "(5)") is not */
            if (op == PQ_OP_SUB)
                pq_strbuf_putc(b, '-');
            pq_print_node(b, n->u.duration.rhs);
        } else {
            pq_print_node(b, n->u.duration.lhs);
            pq_strbuf_putc(b, ' ');
            pq_strbuf_puts(b, pq_op_name(op));
            pq_strbuf_putc(b, ' ');
            pq_print_node(b, n->u.duration.rhs);
        }
    }
    if (n->u.duration.wrapped)
        pq_strbuf_putc(b, ')');
}

void pq_print_node(pq_strbuf *b, const pq_node *n)
{
    if (!n || b->oom || b->full)
        return;
    switch (n->kind) {
    case PQ_NODE_NUMBER:
        print_number(b, n);
        break;
    case PQ_NODE_STRING:
        pq_go_quote(b, n->u.string.value ? n->u.string.value : "",
                    n->u.string.value ? n->u.string.len : 0);
        break;
    case PQ_NODE_VECTOR_SELECTOR:
        print_vector_selector(b, n);
        break;
    case PQ_NODE_MATRIX_SELECTOR:
        print_matrix_selector(b, n);
        break;
    case PQ_NODE_SUBQUERY:
        pq_print_node(b, n->u.subquery.expr);
        pq_print_subquery_suffix(b, n);
        break;
    case PQ_NODE_UNARY:
        pq_strbuf_puts(b, pq_op_name(n->u.unary.op));
        pq_print_node(b, n->u.unary.expr);
        break;
    case PQ_NODE_BINARY:
        print_binary(b, n);
        break;
    case PQ_NODE_PAREN:
        pq_strbuf_putc(b, '(');
        pq_print_node(b, n->u.paren.expr);
        pq_strbuf_putc(b, ')');
        break;
    case PQ_NODE_CALL:
        print_call(b, n);
        break;
    case PQ_NODE_AGGREGATE:
        print_aggregate(b, n);
        break;
    case PQ_NODE_DURATION:
        print_duration(b, n);
        break;
    case PQ_NODE_STEP_INVARIANT:
        pq_print_node(b, n->u.step_invariant.expr);
        break;
    }
}

char *pq_format(const pq_node *node)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_print_node(&b, node);
    return pq_strbuf_finish(&b);
}
