/*
 * ast_builder.h -- hand-built ASTs for the printer, prettier and AST JSON tests, so those can
 * check node shapes the parser may rarely produce (and run without the parser). Every node lives
 * in test_support.h's test arena, freed by ab_reset().
 */
#ifndef PQ_TEST_AST_BUILDER_H
#define PQ_TEST_AST_BUILDER_H

#include <stdarg.h>
#include <string.h>

#include "parser/ast.h"
#include "parser/functions.h"
#include "test_support.h"


static inline void ab_reset(void)
{
    pq_arena_free(&test_arena);
    pq_arena_init(&test_arena, 0);
}

static inline pq_node *ab_node(pq_node_kind kind)
{
    pq_node *n = pq_arena_calloc(&test_arena, 1, sizeof *n);
    n->kind = kind;
    return n;
}

static inline pq_node *ab_num(double v)
{
    pq_node *n = ab_node(PQ_NODE_NUMBER);
    n->type = PQ_TYPE_SCALAR;
    n->u.number.value = v;
    return n;
}

/* a duration literal such as 5m, given in seconds */
static inline pq_node *ab_dur(double seconds)
{
    pq_node *n = ab_num(seconds);
    n->u.number.is_duration = true;
    return n;
}

static inline pq_node *ab_str_len(const char *s, size_t len)
{
    pq_node *n = ab_node(PQ_NODE_STRING);
    n->type = PQ_TYPE_STRING;
    n->u.string.value = pq_arena_strndup(&test_arena, s, len);
    n->u.string.len = len;
    return n;
}

static inline pq_node *ab_str(const char *s)
{
    return ab_str_len(s, strlen(s));
}

/* ab_vs("foo", "job", "=", "api", NULL): the name (may be NULL) becomes a __name__ matcher too,
 * appended last as Prometheus's parser does. Matcher operators: = != =~ !~. */
static inline pq_node *ab_vs(const char *name, ...)
{
    pq_node *n = ab_node(PQ_NODE_VECTOR_SELECTOR);
    n->type = PQ_TYPE_VECTOR;
    pq_matcher *ms = pq_arena_calloc(&test_arena, 32, sizeof *ms);
    size_t count = 0;
    va_list ap;
    va_start(ap, name);
    for (;;) {
        const char *lname = va_arg(ap, const char *);
        if (!lname)
            break;
        const char *op = va_arg(ap, const char *);
        const char *value = va_arg(ap, const char *);
        pq_matcher *m = &ms[count++];
        m->name = pq_arena_strdup(&test_arena, lname);
        m->value = pq_arena_strdup(&test_arena, value);
        m->type = strcmp(op, "!=") == 0   ? PROMQL_MATCH_NOT_EQUAL
                  : strcmp(op, "=~") == 0 ? PROMQL_MATCH_REGEX
                  : strcmp(op, "!~") == 0 ? PROMQL_MATCH_NOT_REGEX
                                          : PROMQL_MATCH_EQUAL;
    }
    va_end(ap);
    if (name) {
        n->u.selector.name = pq_arena_strdup(&test_arena, name);
        ms[count].name = pq_arena_strdup(&test_arena, "__name__");
        ms[count].value = pq_arena_strdup(&test_arena, name);
        ms[count].type = PROMQL_MATCH_EQUAL;
        count++;
    }
    n->u.selector.matchers = ms;
    n->u.selector.matcher_count = count;
    return n;
}

static inline pq_node *ab_matrix(pq_node *vs, int64_t range_ms)
{
    pq_node *n = ab_node(PQ_NODE_MATRIX_SELECTOR);
    n->type = PQ_TYPE_MATRIX;
    n->u.matrix.vs = vs;
    n->u.matrix.range_ms = range_ms;
    return n;
}

static inline pq_node *ab_subquery(pq_node *expr, int64_t range_ms, int64_t step_ms)
{
    pq_node *n = ab_node(PQ_NODE_SUBQUERY);
    n->type = PQ_TYPE_MATRIX;
    n->u.subquery.expr = expr;
    n->u.subquery.range_ms = range_ms;
    n->u.subquery.step_ms = step_ms;
    n->u.subquery.has_step = step_ms != 0;
    return n;
}

static inline pq_node *ab_paren(pq_node *e)
{
    pq_node *n = ab_node(PQ_NODE_PAREN);
    n->type = e->type;
    n->u.paren.expr = e;
    return n;
}

static inline pq_node *ab_unary(pq_op op, pq_node *e)
{
    pq_node *n = ab_node(PQ_NODE_UNARY);
    n->type = e->type;
    n->u.unary.op = op;
    n->u.unary.expr = e;
    return n;
}

static inline pq_node *ab_bin(pq_node *lhs, pq_op op, pq_node *rhs)
{
    pq_node *n = ab_node(PQ_NODE_BINARY);
    n->u.binary.op = op;
    n->u.binary.lhs = lhs;
    n->u.binary.rhs = rhs;
    n->type = (lhs->type == PQ_TYPE_VECTOR || rhs->type == PQ_TYPE_VECTOR) ? PQ_TYPE_VECTOR
                                                                            : PQ_TYPE_SCALAR;
    if (lhs->type == PQ_TYPE_VECTOR && rhs->type == PQ_TYPE_VECTOR) {
        n->u.binary.matching = pq_arena_calloc(&test_arena, 1, sizeof *n->u.binary.matching);
        if (op == PQ_OP_LAND || op == PQ_OP_LOR || op == PQ_OP_LUNLESS)
            n->u.binary.matching->card = PQ_CARD_MANY_TO_MANY;
    }
    return n;
}

static inline pq_strlist ab_list(const char *first, va_list ap)
{
    pq_strlist l = {pq_arena_calloc(&test_arena, 16, sizeof(char *)), 0};
    for (const char *s = first; s; s = va_arg(ap, const char *))
        l.items[l.count++] = pq_arena_strdup(&test_arena, s);
    return l;
}

/* on (1) or ignoring (0) with the given labels (NULL-terminated); int, not bool, before the
 * variadic part (va_start after a promoted type is undefined) */
static inline pq_node *ab_on(pq_node *bin, int on, ...)
{
    va_list ap;
    va_start(ap, on);
    const char *first = va_arg(ap, const char *);
    bin->u.binary.matching->matching_labels = ab_list(first, ap);
    va_end(ap);
    bin->u.binary.matching->on = on;
    bin->u.binary.matching->has_on_or_ignoring = true;
    return bin;
}

static inline pq_node *ab_group(pq_node *bin, pq_card card, ...)
{
    va_list ap;
    va_start(ap, card);
    const char *first = va_arg(ap, const char *);
    bin->u.binary.matching->include = ab_list(first, ap);
    va_end(ap);
    bin->u.binary.matching->card = card;
    return bin;
}

static inline pq_node *ab_call(const char *fname, size_t argc, ...)
{
    pq_node *n = ab_node(PQ_NODE_CALL);
    pq_function *f = pq_arena_calloc(&test_arena, 1, sizeof *f);
    f->name = pq_arena_strdup(&test_arena, fname);
    f->return_type = PQ_TYPE_VECTOR;
    n->type = PQ_TYPE_VECTOR;
    n->u.call.func = f;
    n->u.call.args = pq_arena_calloc(&test_arena, argc + 1, sizeof(pq_node *));
    va_list ap;
    va_start(ap, argc);
    for (size_t i = 0; i < argc; i++)
        n->u.call.args[i] = va_arg(ap, pq_node *);
    va_end(ap);
    n->u.call.arg_count = argc;
    return n;
}

/* ab_agg(PQ_OP_SUM, expr, param, without, has_grouping, labels..., NULL) */
static inline pq_node *ab_agg(pq_op op, pq_node *expr, pq_node *param, bool without, int has_grouping,
                       ...)
{
    pq_node *n = ab_node(PQ_NODE_AGGREGATE);
    n->type = PQ_TYPE_VECTOR;
    n->u.aggregate.op = op;
    n->u.aggregate.expr = expr;
    n->u.aggregate.param = param;
    n->u.aggregate.without = without;
    n->u.aggregate.has_grouping = has_grouping;
    va_list ap;
    va_start(ap, has_grouping);
    const char *first = va_arg(ap, const char *);
    n->u.aggregate.grouping = ab_list(first, ap);
    va_end(ap);
    return n;
}

/* duration expression: op with lhs/rhs (either may be NULL) */
static inline pq_node *ab_dexpr(pq_op op, pq_node *lhs, pq_node *rhs, bool wrapped)
{
    pq_node *n = ab_node(PQ_NODE_DURATION);
    n->type = PQ_TYPE_SCALAR;
    n->u.duration.op = op;
    n->u.duration.lhs = lhs;
    n->u.duration.rhs = rhs;
    n->u.duration.wrapped = wrapped;
    return n;
}

#endif
