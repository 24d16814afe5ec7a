/*
 * prettier.c -- the multi-line form of a PromQL AST, as Prometheus's Pretty(0)
 * (promql/parser/prettier.go, prettier_rules.md) lays it out: a node whose one-line form is
 * longer than 100 bytes is split, its children going one level (two spaces) deeper; selectors,
 * numbers and strings are never split. Quirks of the reference are kept (a split binary
 * expression indents its operands, not its operator; a subquery that fits is not indented;
 * duration expressions are never indented) so that output is byte-identical.
 */
#include "parser/parser.h"
#include "parser/functions.h"
#include "parser/printer_internal.h"
#include "util/gofmt.h"

#include <stdlib.h>
#include <string.h>

static void indent(pq_strbuf *b, int level)
{
    for (int i = 0; i < level; i++)
        pq_strbuf_append(b, "  ", 2);
}

/* Whether the node's one-line form exceeds the line limit (Go measures bytes). Printing stops
 * one byte past the limit, so deep trees do not print their whole subtree at every level. */
static bool needs_split(pq_strbuf *b, const pq_node *n, size_t max_line)
{
    if (!n)
        return false;
    pq_strbuf tmp;
    pq_strbuf_init(&tmp);
    tmp.limit = max_line + 1;
    pq_print_node(&tmp, n);
    if (tmp.oom)
        b->oom = 1;
    bool split = tmp.full || tmp.len > max_line;
    pq_strbuf_free(&tmp);
    return split;
}

/* The length of the Unicode white space (as Go's strings.TrimSpace sees it) at s, or 0. */
static size_t space_at(const unsigned char *s, size_t len)
{
    if (len == 0)
        return 0;
    if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
        return 1;
    if (s[0] < 0x80)
        return 0;
    size_t width;
    uint32_t r = pq_go_decode_rune(s, len, &width);
    bool space = r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) ||
                 r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
    return space ? width : 0;
}

/* Append s[0..len) without leading and trailing white space (strings.TrimSpace). */
static void append_trimmed(pq_strbuf *b, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t start = 0, w;
    while (start < len && (w = space_at(s + start, len - start)) > 0)
        start += w;
    size_t end = len;
    for (;;) {
        /* find the last rune that starts before end, and test it */
        size_t p = end;
        if (p <= start)
            break;
        p--;
        while (p > start && (s[p] & 0xC0) == 0x80 && end - p < 4)
            p--;
        w = space_at(s + p, end - p);
        if (w == 0 || p + w != end)
            break;
        end = p;
    }
    pq_strbuf_append(b, str + start, end - start);
}

static void pretty(pq_strbuf *b, const pq_node *n, int level, size_t max_line);

/* indent + String(): how leaves, and nodes that fit on a line, are written. */
static void one_line(pq_strbuf *b, const pq_node *n, int level)
{
    indent(b, level);
    pq_print_node(b, n);
}

static void pretty_aggregate(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!needs_split(b, n, max_line)) {
        one_line(b, n, level);
        return;
    }
    indent(b, level);
    pq_print_aggregate_head(b, n);
    pq_strbuf_puts(b, "(\n");
    if (n->u.aggregate.param) {
        pretty(b, n->u.aggregate.param, level + 1, max_line);
        pq_strbuf_puts(b, ",\n");
    }
    pretty(b, n->u.aggregate.expr, level + 1, max_line);
    pq_strbuf_putc(b, '\n');
    indent(b, level);
    pq_strbuf_putc(b, ')');
}

static void pretty_binary(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!needs_split(b, n, max_line)) {
        one_line(b, n, level);
        return;
    }
    pretty(b, n->u.binary.lhs, level + 1, max_line);
    pq_strbuf_putc(b, '\n');
    indent(b, level);
    pq_strbuf_puts(b, pq_op_name(n->u.binary.op));
    if (n->u.binary.return_bool)
        pq_strbuf_puts(b, " bool");
    pq_print_binary_matching(b, n);
    pq_strbuf_putc(b, '\n');
    pretty(b, n->u.binary.rhs, level + 1, max_line);
}

/* Prometheus writes a duration expression met as an expression without indentation, its
 * operands at level 0. step(), range(), min_of() and max_of() (where the reference would fail
 * or print an operator form that does not parse) are written as String() writes them. */
static void pretty_duration(pq_strbuf *b, const pq_node *n, size_t max_line)
{
    pq_op op = n->u.duration.op;
    if (op == PQ_OP_STEP || op == PQ_OP_RANGE || op == PQ_OP_MIN_OF || op == PQ_OP_MAX_OF ||
        (!n->u.duration.lhs && !n->u.duration.rhs)) {
        pq_print_node(b, n);
        return;
    }
    if (n->u.duration.wrapped)
        pq_strbuf_putc(b, '(');
    if (!n->u.duration.lhs) {
        if (op != PQ_OP_ADD)
            pq_strbuf_puts(b, pq_op_name(op));
        pretty(b, n->u.duration.rhs, 0, max_line);
    } else {
        pretty(b, n->u.duration.lhs, 0, max_line);
        pq_strbuf_putc(b, ' ');
        pq_strbuf_puts(b, pq_op_name(op));
        pq_strbuf_putc(b, ' ');
        pretty(b, n->u.duration.rhs, 0, max_line);
    }
    if (n->u.duration.wrapped)
        pq_strbuf_putc(b, ')');
}

static void pretty_call(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!needs_split(b, n, max_line)) {
        one_line(b, n, level);
        return;
    }
    indent(b, level);
    pq_strbuf_puts(b, n->u.call.func && n->u.call.func->name ? n->u.call.func->name : "");
    pq_strbuf_puts(b, "(\n");
    for (size_t i = 0; i < n->u.call.arg_count; i++) {
        if (i > 0)
            pq_strbuf_puts(b, ",\n");
        pretty(b, n->u.call.args[i], level + 1, max_line);
    }
    pq_strbuf_putc(b, '\n');
    indent(b, level);
    pq_strbuf_putc(b, ')');
}

static void pretty_paren(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!needs_split(b, n, max_line)) {
        one_line(b, n, level);
        return;
    }
    indent(b, level);
    pq_strbuf_puts(b, "(\n");
    pretty(b, n->u.paren.expr, level + 1, max_line);
    pq_strbuf_putc(b, '\n');
    indent(b, level);
    pq_strbuf_putc(b, ')');
}

static void pretty_subquery(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!needs_split(b, n, max_line)) {
        pq_print_node(b, n);   /* sic: no indentation, as the reference */
        return;
    }
    pretty(b, n->u.subquery.expr, level, max_line);
    pq_print_subquery_suffix(b, n);
}

/* The operator goes in front of the child, whose own indentation is dropped. */
static void pretty_unary(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    pq_strbuf child;
    pq_strbuf_init(&child);
    pretty(&child, n->u.unary.expr, level, max_line);
    if (child.oom)
        b->oom = 1;
    indent(b, level);
    pq_strbuf_puts(b, pq_op_name(n->u.unary.op));
    if (child.data)
        append_trimmed(b, child.data, child.len);
    pq_strbuf_free(&child);
}

static void pretty(pq_strbuf *b, const pq_node *n, int level, size_t max_line)
{
    if (!n || b->oom)
        return;
    switch (n->kind) {
    case PQ_NODE_AGGREGATE:
        pretty_aggregate(b, n, level, max_line);
        break;
    case PQ_NODE_BINARY:
        pretty_binary(b, n, level, max_line);
        break;
    case PQ_NODE_DURATION:
        pretty_duration(b, n, max_line);
        break;
    case PQ_NODE_CALL:
        pretty_call(b, n, level, max_line);
        break;
    case PQ_NODE_PAREN:
        pretty_paren(b, n, level, max_line);
        break;
    case PQ_NODE_STEP_INVARIANT:
        pretty(b, n->u.step_invariant.expr, level, max_line);
        break;
    case PQ_NODE_SUBQUERY:
        pretty_subquery(b, n, level, max_line);
        break;
    case PQ_NODE_UNARY:
        pretty_unary(b, n, level, max_line);
        break;
    case PQ_NODE_MATRIX_SELECTOR:
    case PQ_NODE_VECTOR_SELECTOR:
    case PQ_NODE_NUMBER:
    case PQ_NODE_STRING:
        one_line(b, n, level);
        break;
    }
}

char *pq_format_pretty_limit(const pq_node *node, size_t max_line)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pretty(&b, node, 0, max_line);
    return pq_strbuf_finish(&b);
}

char *pq_format_pretty(const pq_node *node)
{
    return pq_format_pretty_limit(node, 100);   /* Prometheus's maxCharactersPerLine */
}
