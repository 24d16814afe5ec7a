/*
 * ast_json.c -- a PromQL AST as JSON, for tooling (query editors, linters, the CLI's "parse"
 * output). The shape is Prometheus's own: what /api/v1/parse_query returns
 * (web/api/v1/translate_ast.go), with the same type names, keys and values, and keys in the
 * alphabetical order Go's encoding/json gives a map. Every node object adds its byte range in
 * the query, "start" and "end" (half-open), and when the query text is given, "line" and "col"
 * (1-based; col counts bytes) of its start.
 *
 * Node types and their keys (besides start/end/line/col):
 *   aggregation     expr grouping op param type without
 *   binaryExpr      bool lhs matching op rhs type
 *                   matching: null, or {card fillValues{lhs rhs} include labels on}
 *   call            args func{argTypes name returnType variadic} type
 *   matrixSelector  anchored matchers name offset offsetExpr range rangeExpr smoothed
 *                   startOrEnd timestamp type
 *   vectorSelector  anchored matchers name offset offsetExpr smoothed startOrEnd timestamp type
 *                   matchers: [{name type value}], type one of = != =~ !~
 *   subquery        expr offset offsetExpr range rangeExpr startOrEnd step stepExpr timestamp
 *                   type
 *   durationExpr    lhs op rhs type wrapped  (op "step"/"range" with no operands, "min_of"...)
 *   numberLiteral   type val  (val as a string: "1.5", "NaN", "+Inf"; inside a duration
 *                   expression also "duration": whether it was written as a duration)
 *   parenExpr       expr type;  stringLiteral type val;  unaryExpr expr op type
 * Durations are integers of milliseconds; a range, offset or step written as an expression is
 * 0 with the expression in the *Expr key, as Prometheus reports it before evaluation;
 * "timestamp" is the @ time in milliseconds or null, "startOrEnd" "start", "end" or null.
 * The engine's step-invariant wrapper is transparent (Prometheus has no JSON for it).
 * Strings are escaped as Go's encoding/json escapes them (HTML-safe: "<" is "\u003c", also in operators;
 * invalid UTF-8 becomes U+FFFD).
 */
#include "parser/parser.h"
#include "parser/functions.h"
#include "parser/printer_internal.h"
#include "util/gofmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct json_ctx {
    pq_strbuf *b;
    size_t query_len;
    size_t *line_starts;   /* byte offset of each line's start; NULL without a query */
    size_t line_count;
} json_ctx;

static void json_string(pq_strbuf *b, const char *str, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    pq_strbuf_putc(b, '"');
    size_t i = 0, run = 0;   /* run: start of bytes copied verbatim */
    while (i < len) {
        unsigned char c = s[i];
        const char *esc = NULL;
        char ubuf[7];
        size_t width = 1;
        if (c < 0x80) {
            switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            default:
                if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                    ubuf[0] = '\\';
                    ubuf[1] = 'u';
                    ubuf[2] = '0';
                    ubuf[3] = '0';
                    ubuf[4] = hex[c >> 4];
                    ubuf[5] = hex[c & 0xF];
                    ubuf[6] = 0;
                    esc = ubuf;
                }
            }
        } else {
            uint32_t r = pq_go_decode_rune(s + i, len - i, &width);
            if (r == 0xFFFD && width == 1)
                esc = "\\ufffd";
            else if (r == 0x2028)
                esc = "\\u2028";
            else if (r == 0x2029)
                esc = "\\u2029";
        }
        if (esc) {
            pq_strbuf_append(b, str + run, i - run);
            pq_strbuf_puts(b, esc);
            run = i + width;
        }
        i += width;
    }
    pq_strbuf_append(b, str + run, len - run);
    pq_strbuf_putc(b, '"');
}

static void json_cstring(pq_strbuf *b, const char *s)
{
    if (!s)
        s = "";
    json_string(b, s, strlen(s));
}

/* A float64 as encoding/json writes it (shortest digits, exponent form below 1e-6 and from
 * 1e21 on). JSON has no NaN or infinities: those are written as Prometheus's strings. */
static void json_float(pq_strbuf *b, double v)
{
    char buf[PQ_GO_FLOAT_MAX];
    size_t n = pq_go_format_json_float(buf, sizeof buf, v);
    bool quote = isnan(v) || isinf(v);
    if (quote)
        pq_strbuf_putc(b, '"');
    pq_strbuf_append(b, buf, n);
    if (quote)
        pq_strbuf_putc(b, '"');
}

static void key(pq_strbuf *b, bool *first, const char *name)
{
    if (!*first)
        pq_strbuf_putc(b, ',');
    *first = false;
    pq_strbuf_putc(b, '"');
    pq_strbuf_puts(b, name);
    pq_strbuf_puts(b, "\":");
}

static void json_bool(pq_strbuf *b, bool v)
{
    pq_strbuf_puts(b, v ? "true" : "false");
}

static void json_int(pq_strbuf *b, int64_t v)
{
    pq_strbuf_printf(b, "%lld", (long long)v);
}

static void json_strlist(pq_strbuf *b, const pq_strlist *l)
{
    pq_strbuf_putc(b, '[');
    for (size_t i = 0; i < l->count; i++) {
        if (i > 0)
            pq_strbuf_putc(b, ',');
        json_cstring(b, l->items[i]);
    }
    pq_strbuf_putc(b, ']');
}

static const char *card_name(pq_card c)
{
    switch (c) {
    case PQ_CARD_MANY_TO_ONE: return "many-to-one";
    case PQ_CARD_ONE_TO_MANY: return "one-to-many";
    case PQ_CARD_MANY_TO_MANY: return "many-to-many";
    default: return "one-to-one";
    }
}

static const char *match_type_name(promql_match_type t)
{
    switch (t) {
    case PROMQL_MATCH_NOT_EQUAL: return "!=";
    case PROMQL_MATCH_REGEX: return "=~";
    case PROMQL_MATCH_NOT_REGEX: return "!~";
    default: return "=";
    }
}

/* Line and column (1-based, bytes) of a byte offset, by binary search over line starts. */
static void line_col(const json_ctx *c, uint32_t pos, int64_t *line, int64_t *col)
{
    size_t off = pos < c->query_len ? pos : c->query_len;
    size_t lo = 0, hi = c->line_count;   /* find the last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (int64_t)lo + 1;
    *col = (int64_t)(off - c->line_starts[lo]) + 1;
}

/* Position keys, emitted at their alphabetical places: "col" and "line" only with a query. */
static void pos_col(json_ctx *c, bool *first, const pq_node *n)
{
    if (!c->line_starts)
        return;
    int64_t line, col;
    line_col(c, n->pos_start, &line, &col);
    key(c->b, first, "col");
    json_int(c->b, col);
}

static void pos_line(json_ctx *c, bool *first, const pq_node *n)
{
    if (!c->line_starts)
        return;
    int64_t line, col;
    line_col(c, n->pos_start, &line, &col);
    key(c->b, first, "line");
    json_int(c->b, line);
}

static void pos_end(json_ctx *c, bool *first, const pq_node *n)
{
    key(c->b, first, "end");
    json_int(c->b, n->pos_end);
}

static void pos_start(json_ctx *c, bool *first, const pq_node *n)
{
    key(c->b, first, "start");
    json_int(c->b, n->pos_start);
}

/* The keys every node object opens with, in encoding/json's sorted order: "{", "col", "end". */
static void open_node(json_ctx *c, bool *first, const pq_node *n)
{
    pq_strbuf_putc(c->b, '{');
    pos_col(c, first, n);
    pos_end(c, first, n);
}

/* "start" and "type", which sort next to each other in every node object. */
static void start_and_type(json_ctx *c, bool *first, const pq_node *n, const char *type)
{
    pos_start(c, first, n);
    key(c->b, first, "type");
    json_cstring(c->b, type);
}

static void node_json(json_ctx *c, const pq_node *n);

/* Operands of duration expressions carry the "duration" flag on number literals. */
static void duration_operand_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    if (!n) {
        pq_strbuf_puts(b, "null");
        return;
    }
    if (n->kind != PQ_NODE_NUMBER) {
        node_json(c, n);
        return;
    }
    bool first = true;
    pq_strbuf_putc(b, '{');
    pos_col(c, &first, n);
    key(b, &first, "duration");
    json_bool(b, n->u.number.is_duration);
    pos_end(c, &first, n);
    pos_line(c, &first, n);
    start_and_type(c, &first, n, "numberLiteral");
    key(b, &first, "val");
    pq_strbuf_putc(b, '"');
    pq_go_format_float(b, n->u.number.value, 'f');
    pq_strbuf_putc(b, '"');
    pq_strbuf_putc(b, '}');
}

/* rangeExpr/offsetExpr/stepExpr: a DURATION node, or null (a literal was folded into ms). */
static const pq_node *written_expr(const pq_node *e)
{
    return (e && e->kind == PQ_NODE_DURATION) ? e : NULL;
}

static void matchers_json(pq_strbuf *b, const pq_node *vs)
{
    pq_strbuf_putc(b, '[');
    for (size_t i = 0; vs && i < vs->u.selector.matcher_count && vs->u.selector.matchers; i++) {
        const pq_matcher *m = &vs->u.selector.matchers[i];
        if (i > 0)
            pq_strbuf_putc(b, ',');
        pq_strbuf_puts(b, "{\"name\":");
        json_cstring(b, m->name);
        pq_strbuf_printf(b, ",\"type\":\"%s\",\"value\":", match_type_name(m->type));
        json_cstring(b, m->value);
        pq_strbuf_putc(b, '}');
    }
    pq_strbuf_putc(b, ']');
}

static void start_or_end_json(pq_strbuf *b, pq_at_kind k)
{
    pq_strbuf_puts(b, k == PQ_AT_START ? "\"start\"" : k == PQ_AT_END ? "\"end\"" : "null");
}

static void timestamp_json(pq_strbuf *b, const pq_modifiers *m)
{
    if (m->at_kind == PQ_AT_TIMESTAMP)
        json_int(b, m->at_ms);
    else
        pq_strbuf_puts(b, "null");
}

static void offset_fields(json_ctx *c, bool *first, const pq_modifiers *m)
{
    const pq_node *expr = written_expr(m->offset_expr);
    key(c->b, first, "offset");
    json_int(c->b, expr ? 0 : m->original_offset_ms);
    key(c->b, first, "offsetExpr");
    duration_operand_json(c, expr);
}

/* vectorSelector, or matrixSelector when m (the MATRIX node) is given. */
static void selector_json(json_ctx *c, const pq_node *node, const pq_node *vs, const pq_node *m)
{
    pq_strbuf *b = c->b;
    static const pq_modifiers no_modifiers;
    const pq_modifiers *mod = vs ? &vs->u.selector.mod : &no_modifiers;
    bool first = true;
    pq_strbuf_putc(b, '{');
    key(b, &first, "anchored");
    json_bool(b, vs && vs->u.selector.anchored);
    pos_col(c, &first, node);
    pos_end(c, &first, node);
    pos_line(c, &first, node);
    key(b, &first, "matchers");
    matchers_json(b, vs);
    key(b, &first, "name");
    json_cstring(b, vs ? vs->u.selector.name : NULL);
    offset_fields(c, &first, mod);
    if (m) {
        const pq_node *expr = written_expr(m->u.matrix.range_expr);
        key(b, &first, "range");
        json_int(b, expr ? 0 : m->u.matrix.range_ms);
        key(b, &first, "rangeExpr");
        duration_operand_json(c, expr);
    }
    key(b, &first, "smoothed");
    json_bool(b, vs && vs->u.selector.smoothed);
    pos_start(c, &first, node);
    key(b, &first, "startOrEnd");
    start_or_end_json(b, mod->at_kind);
    key(b, &first, "timestamp");
    timestamp_json(b, mod);
    key(b, &first, "type");
    pq_strbuf_puts(b, m ? "\"matrixSelector\"" : "\"vectorSelector\"");
    pq_strbuf_putc(b, '}');
}

static void subquery_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    bool first = true;
    open_node(c, &first, n);
    key(b, &first, "expr");
    node_json(c, n->u.subquery.expr);
    pos_line(c, &first, n);
    offset_fields(c, &first, &n->u.subquery.mod);
    const pq_node *range_expr = written_expr(n->u.subquery.range_expr);
    key(b, &first, "range");
    json_int(b, range_expr ? 0 : n->u.subquery.range_ms);
    key(b, &first, "rangeExpr");
    duration_operand_json(c, range_expr);
    pos_start(c, &first, n);
    key(b, &first, "startOrEnd");
    start_or_end_json(b, n->u.subquery.mod.at_kind);
    const pq_node *step_expr = written_expr(n->u.subquery.step_expr);
    key(b, &first, "step");
    json_int(b, step_expr ? 0 : n->u.subquery.step_ms);
    key(b, &first, "stepExpr");
    duration_operand_json(c, step_expr);
    key(b, &first, "timestamp");
    timestamp_json(b, &n->u.subquery.mod);
    key(b, &first, "type");
    pq_strbuf_puts(b, "\"subquery\"");
    pq_strbuf_putc(b, '}');
}

static void aggregate_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    bool first = true;
    open_node(c, &first, n);
    key(b, &first, "expr");
    node_json(c, n->u.aggregate.expr);
    key(b, &first, "grouping");
    json_strlist(b, &n->u.aggregate.grouping);
    pos_line(c, &first, n);
    key(b, &first, "op");
    json_cstring(b, pq_op_name(n->u.aggregate.op));
    key(b, &first, "param");
    node_json(c, n->u.aggregate.param);
    start_and_type(c, &first, n, "aggregation");
    key(b, &first, "without");
    json_bool(b, n->u.aggregate.without);
    pq_strbuf_putc(b, '}');
}

static void fill_value_json(pq_strbuf *b, bool has, double v)
{
    if (has)
        json_float(b, v);
    else
        pq_strbuf_puts(b, "null");
}

static void binary_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    bool first = true;
    pq_strbuf_putc(b, '{');
    key(b, &first, "bool");
    json_bool(b, n->u.binary.return_bool);
    pos_col(c, &first, n);
    pos_end(c, &first, n);
    key(b, &first, "lhs");
    node_json(c, n->u.binary.lhs);
    pos_line(c, &first, n);
    key(b, &first, "matching");
    const pq_vector_matching *vm = n->u.binary.matching;
    if (vm) {
        pq_strbuf_printf(b, "{\"card\":\"%s\",\"fillValues\":{\"lhs\":", card_name(vm->card));
        fill_value_json(b, vm->has_fill_lhs, vm->fill_lhs);
        pq_strbuf_puts(b, ",\"rhs\":");
        fill_value_json(b, vm->has_fill_rhs, vm->fill_rhs);
        pq_strbuf_puts(b, "},\"include\":");
        json_strlist(b, &vm->include);
        pq_strbuf_puts(b, ",\"labels\":");
        json_strlist(b, &vm->matching_labels);
        pq_strbuf_puts(b, ",\"on\":");
        json_bool(b, vm->on);
        pq_strbuf_putc(b, '}');
    } else {
        pq_strbuf_puts(b, "null");
    }
    key(b, &first, "op");
    json_cstring(b, pq_op_name(n->u.binary.op));
    key(b, &first, "rhs");
    node_json(c, n->u.binary.rhs);
    start_and_type(c, &first, n, "binaryExpr");
    pq_strbuf_putc(b, '}');
}

static void call_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    const pq_function *f = n->u.call.func;
    bool first = true;
    pq_strbuf_putc(b, '{');
    key(b, &first, "args");
    pq_strbuf_putc(b, '[');
    for (size_t i = 0; i < n->u.call.arg_count; i++) {
        if (i > 0)
            pq_strbuf_putc(b, ',');
        node_json(c, n->u.call.args[i]);
    }
    pq_strbuf_putc(b, ']');
    pos_col(c, &first, n);
    pos_end(c, &first, n);
    key(b, &first, "func");
    pq_strbuf_puts(b, "{\"argTypes\":[");
    int argc = f ? f->arg_count : 0;
    if (argc > PQ_FUNCTION_MAX_ARGS)
        argc = PQ_FUNCTION_MAX_ARGS;
    for (int i = 0; i < argc; i++)
        pq_strbuf_printf(b, "%s\"%s\"", i > 0 ? "," : "", pq_value_type_raw_name(f->arg_types[i]));
    pq_strbuf_puts(b, "],\"name\":");
    json_cstring(b, f ? f->name : NULL);
    pq_strbuf_printf(b, ",\"returnType\":\"%s\",\"variadic\":%d}",
                     pq_value_type_raw_name(f ? f->return_type : PQ_TYPE_NONE), f ? f->variadic : 0);
    pos_line(c, &first, n);
    start_and_type(c, &first, n, "call");
    pq_strbuf_putc(b, '}');
}

static void duration_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    bool first = true;
    open_node(c, &first, n);
    key(b, &first, "lhs");
    duration_operand_json(c, n->u.duration.lhs);
    pos_line(c, &first, n);
    key(b, &first, "op");
    json_cstring(b, pq_op_name(n->u.duration.op));
    key(b, &first, "rhs");
    duration_operand_json(c, n->u.duration.rhs);
    start_and_type(c, &first, n, "durationExpr");
    key(b, &first, "wrapped");
    json_bool(b, n->u.duration.wrapped);
    pq_strbuf_putc(b, '}');
}

/* parenExpr and unaryExpr: one child under "expr" */
static void wrapper_json(json_ctx *c, const pq_node *n, const char *type, const pq_node *child,
                         const char *op)
{
    pq_strbuf *b = c->b;
    bool first = true;
    open_node(c, &first, n);
    key(b, &first, "expr");
    node_json(c, child);
    pos_line(c, &first, n);
    if (op) {
        key(b, &first, "op");
        json_cstring(b, op);
    }
    pos_start(c, &first, n);
    key(b, &first, "type");
    pq_strbuf_printf(b, "\"%s\"", type);
    pq_strbuf_putc(b, '}');
}

static void literal_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    bool first = true;
    open_node(c, &first, n);
    pos_line(c, &first, n);
    pos_start(c, &first, n);
    key(b, &first, "type");
    if (n->kind == PQ_NODE_NUMBER) {
        pq_strbuf_puts(b, "\"numberLiteral\"");
        key(b, &first, "val");
        pq_strbuf_putc(b, '"');
        pq_go_format_float(b, n->u.number.value, 'f');
        pq_strbuf_putc(b, '"');
    } else {
        pq_strbuf_puts(b, "\"stringLiteral\"");
        key(b, &first, "val");
        json_string(b, n->u.string.value ? n->u.string.value : "",
                    n->u.string.value ? n->u.string.len : 0);
    }
    pq_strbuf_putc(b, '}');
}

static void node_json(json_ctx *c, const pq_node *n)
{
    pq_strbuf *b = c->b;
    if (!n) {
        pq_strbuf_puts(b, "null");
        return;
    }
    if (b->oom)
        return;
    switch (n->kind) {
    case PQ_NODE_NUMBER:
    case PQ_NODE_STRING:
        literal_json(c, n);
        break;
    case PQ_NODE_VECTOR_SELECTOR:
        selector_json(c, n, n, NULL);
        break;
    case PQ_NODE_MATRIX_SELECTOR: {
        const pq_node *vs = n->u.matrix.vs;
        selector_json(c, n, vs && vs->kind == PQ_NODE_VECTOR_SELECTOR ? vs : NULL, n);
        break;
    }
    case PQ_NODE_SUBQUERY:
        subquery_json(c, n);
        break;
    case PQ_NODE_UNARY:
        wrapper_json(c, n, "unaryExpr", n->u.unary.expr, pq_op_name(n->u.unary.op));
        break;
    case PQ_NODE_BINARY:
        binary_json(c, n);
        break;
    case PQ_NODE_PAREN:
        wrapper_json(c, n, "parenExpr", n->u.paren.expr, NULL);
        break;
    case PQ_NODE_CALL:
        call_json(c, n);
        break;
    case PQ_NODE_AGGREGATE:
        aggregate_json(c, n);
        break;
    case PQ_NODE_DURATION:
        duration_json(c, n);
        break;
    case PQ_NODE_STEP_INVARIANT:
        node_json(c, n->u.step_invariant.expr);
        break;
    default:
        pq_strbuf_puts(b, "null");
    }
}

char *pq_ast_to_json(const pq_node *node, const char *query, size_t query_len)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    json_ctx c = {&b, query ? query_len : 0, NULL, 0};
    if (query) {
        size_t lines = 1;
        for (size_t i = 0; i < query_len; i++)
            lines += query[i] == '\n';
        c.line_starts = malloc(lines * sizeof *c.line_starts);
        if (!c.line_starts) {
            pq_strbuf_free(&b);
            return NULL;
        }
        c.line_starts[c.line_count++] = 0;
        for (size_t i = 0; i < query_len; i++)
            if (query[i] == '\n')
                c.line_starts[c.line_count++] = i + 1;
    }
    node_json(&c, node);
    free(c.line_starts);
    return pq_strbuf_finish(&b);
}
