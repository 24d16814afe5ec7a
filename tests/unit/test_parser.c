/*
 * test_parser.c -- the parser and type checker: Prometheus's own parse_test.go cases (first
 * error message and position), operator precedence and associativity, modifiers, AST fields,
 * option gating, error formatting (line:col on multi-line queries) and hardening limits.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parser/functions.h"
#include "parser/parser.h"
#include "parser_upstream_cases.h"

static void expect_error(const char *q, const promql_parse_options *o, const char *msg);

static pq_ast *parse_ok(const char *q)
{
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, strlen(q), NULL, &ast, &err) != 0)
        fail_msg("parse of [%s] failed: %s", q, err.message);
    return ast;
}

static void expect_error(const char *q, const promql_parse_options *o, const char *msg)
{
    pq_ast *ast = NULL;
    promql_error err;
    int rc = pq_parse(q, strlen(q), o, &ast, &err);
    if (rc == 0) {
        pq_ast_free(ast);
        fail_msg("[%s] parsed, expected error %s", q, msg);
    }
    assert_null(ast);
    assert_int_equal(err.code, PROMQL_ERR_BAD_DATA);
    if (strcmp(err.message, msg) != 0)
        fail_msg("[%s]\n want %s\n got  %s", q, msg, err.message);
}

static void test_upstream_cases(void **state)
{
    (void)state;
    promql_parse_options o;
    promql_parse_options_init(&o);
    o.enable_binop_fill_modifiers = 0;
    int bad = 0;
    size_t n = sizeof UPSTREAM_CASES / sizeof UPSTREAM_CASES[0];
    for (size_t i = 0; i < n; i++) {
        const struct upstream_case *c = &UPSTREAM_CASES[i];
        pq_ast *ast = NULL;
        promql_error err;
        int rc = pq_parse(c->input, c->len, &o, &ast, &err);
        if (rc == 0)
            pq_ast_free(ast);
        int good;
        if (!c->fail) {
            good = rc == 0;
        } else {
            const char *m = rc ? strstr(err.message, "parse error: ") : NULL;
            good = rc != 0 && (!c->msg || (m && strcmp(m + 13, c->msg) == 0 && err.pos_start == c->pos));
        }
        if (!good) {
            bad++;
            print_message("case [%s]: want %s @%d %s, got %s @%lld\n", c->input, c->fail ? "error" : "success",
                          c->pos, c->msg ? c->msg : "", rc ? err.message : "success",
                          rc ? (long long)err.pos_start : -1LL);
        }
    }
    print_message("%zu upstream parse_test.go cases\n", n);
    assert_true(n > 300);
    assert_int_equal(bad, 0);
}

/* ---- structure --------------------------------------------------------------------------------- */

static const pq_node *root_of(pq_ast *a)
{
    return a->root;
}

static void test_precedence(void **state)
{
    (void)state;
    pq_ast *a = parse_ok("1 + 2 * 3");
    const pq_node *r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_BINARY);
    assert_int_equal(r->u.binary.op, PQ_OP_ADD);
    assert_int_equal(r->u.binary.rhs->u.binary.op, PQ_OP_MUL);
    pq_ast_free(a);

    /* ^ is right-associative */
    a = parse_ok("2 ^ 3 ^ 2");
    r = root_of(a);
    assert_int_equal(r->u.binary.op, PQ_OP_POW);
    assert_int_equal(r->u.binary.lhs->kind, PQ_NODE_NUMBER);
    assert_int_equal(r->u.binary.rhs->kind, PQ_NODE_BINARY);
    pq_ast_free(a);

    /* - is left-associative */
    a = parse_ok("5 - 2 - 1");
    r = root_of(a);
    assert_int_equal(r->u.binary.lhs->kind, PQ_NODE_BINARY);
    assert_int_equal(r->u.binary.rhs->kind, PQ_NODE_NUMBER);
    pq_ast_free(a);

    /* -1^2 is -(1^2): a unary minus over the power */
    a = parse_ok("-1^2");
    r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_UNARY);
    assert_int_equal(r->u.unary.op, PQ_OP_SUB);
    assert_int_equal(r->u.unary.expr->u.binary.op, PQ_OP_POW);
    pq_ast_free(a);

    /* -1 * 2 is (-1) * 2 with -1 folded into the literal */
    a = parse_ok("-1 * 2");
    r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_BINARY);
    assert_int_equal(r->u.binary.lhs->kind, PQ_NODE_NUMBER);
    assert_true(r->u.binary.lhs->u.number.value == -1);
    assert_int_equal(r->u.binary.lhs->pos_start, 0);
    pq_ast_free(a);

    /* or < and/unless < comparisons < +- < * / % atan2 < ^ */
    a = parse_ok("a or b and c == d + e * f ^ g");
    r = root_of(a);
    assert_int_equal(r->u.binary.op, PQ_OP_LOR);
    r = r->u.binary.rhs;
    assert_int_equal(r->u.binary.op, PQ_OP_LAND);
    r = r->u.binary.rhs;
    assert_int_equal(r->u.binary.op, PQ_OP_EQLC);
    r = r->u.binary.rhs;
    assert_int_equal(r->u.binary.op, PQ_OP_ADD);
    r = r->u.binary.rhs;
    assert_int_equal(r->u.binary.op, PQ_OP_MUL);
    assert_int_equal(r->u.binary.rhs->u.binary.op, PQ_OP_POW);
    pq_ast_free(a);

    a = parse_ok("a atan2 b * c");
    r = root_of(a);
    assert_int_equal(r->u.binary.op, PQ_OP_MUL);
    assert_int_equal(r->u.binary.lhs->u.binary.op, PQ_OP_ATAN2);
    pq_ast_free(a);

    /* trim operators are comparisons' peers */
    a = parse_ok("a </ b + 1");
    r = root_of(a);
    assert_int_equal(r->u.binary.op, PQ_OP_TRIM_UPPER);
    pq_ast_free(a);
    a = parse_ok("a >/ b");
    assert_int_equal(root_of(a)->u.binary.op, PQ_OP_TRIM_LOWER);
    pq_ast_free(a);

    /* postfix modifiers bind tighter than operators */
    a = parse_ok("a + b offset 5m");
    r = root_of(a);
    assert_int_equal(r->u.binary.rhs->u.selector.mod.original_offset_ms, 300000);
    pq_ast_free(a);
    a = parse_ok("-foo offset 5m");
    r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_UNARY);
    assert_int_equal(r->u.unary.expr->kind, PQ_NODE_VECTOR_SELECTOR);
    assert_int_equal(r->u.unary.expr->u.selector.mod.original_offset_ms, 300000);
    pq_ast_free(a);
    /* the subquery binds first, so the unary minus sees a range vector */
    expect_error("-foo[5m:1m]", NULL,
                 "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"");
}

static void test_selectors(void **state)
{
    (void)state;
    pq_ast *a = parse_ok("foo{a=\"b\", c!=\"d\", e=~\"f.*\", g!~'h'}");
    const pq_node *r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_VECTOR_SELECTOR);
    assert_string_equal(r->u.selector.name, "foo");
    assert_int_equal(r->u.selector.matcher_count, 5);
    assert_int_equal(r->u.selector.matchers[0].type, PROMQL_MATCH_EQUAL);
    assert_int_equal(r->u.selector.matchers[1].type, PROMQL_MATCH_NOT_EQUAL);
    assert_int_equal(r->u.selector.matchers[2].type, PROMQL_MATCH_REGEX);
    assert_non_null(r->u.selector.matchers[2].compiled);
    assert_int_equal(r->u.selector.matchers[3].type, PROMQL_MATCH_NOT_REGEX);
    assert_string_equal(r->u.selector.matchers[4].name, "__name__");
    assert_string_equal(r->u.selector.matchers[4].value, "foo");
    assert_int_equal(r->pos_start, 0);
    assert_int_equal(r->pos_end, strlen("foo{a=\"b\", c!=\"d\", e=~\"f.*\", g!~'h'}"));
    pq_ast_free(a);

    /* UTF-8 quoted names */
    a = parse_ok("{\"my.metric\", \"a.b\"=\"x\"}");
    r = root_of(a);
    assert_null(r->u.selector.name);
    assert_string_equal(r->u.selector.matchers[0].name, "__name__");
    assert_string_equal(r->u.selector.matchers[0].value, "my.metric");
    assert_string_equal(r->u.selector.matchers[1].name, "a.b");
    pq_ast_free(a);

    /* keywords are label names inside braces, metric names outside */
    a = parse_ok("sum{by=\"x\", offset=\"y\"}");
    assert_string_equal(root_of(a)->u.selector.name, "sum");
    pq_ast_free(a);
    a = parse_ok("offset offset 1m");
    assert_string_equal(root_of(a)->u.selector.name, "offset");
    pq_ast_free(a);
    a = parse_ok("fill + fill_left");
    assert_int_equal(root_of(a)->kind, PQ_NODE_BINARY);
    pq_ast_free(a);

    a = parse_ok("foo:bar:baz[5m]");
    r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_MATRIX_SELECTOR);
    assert_int_equal(r->u.matrix.range_ms, 300000);
    assert_string_equal(r->u.matrix.vs->u.selector.name, "foo:bar:baz");
    pq_ast_free(a);

    a = parse_ok("foo[5m] anchored");
    assert_true(root_of(a)->u.matrix.vs->u.selector.anchored);
    pq_ast_free(a);
    a = parse_ok("foo[5m] smoothed");
    assert_true(root_of(a)->u.matrix.vs->u.selector.smoothed);
    pq_ast_free(a);
}

static void test_modifiers(void **state)
{
    (void)state;
    pq_ast *a = parse_ok("foo offset 5m @ 10");
    const pq_node *r = root_of(a);
    assert_int_equal(r->u.selector.mod.original_offset_ms, 300000);
    assert_true(r->u.selector.mod.has_offset);
    assert_int_equal(r->u.selector.mod.at_kind, PQ_AT_TIMESTAMP);
    assert_int_equal(r->u.selector.mod.at_ms, 10000);
    pq_ast_free(a);

    a = parse_ok("foo @ start() offset -1h");
    r = root_of(a);
    assert_int_equal(r->u.selector.mod.at_kind, PQ_AT_START);
    assert_int_equal(r->u.selector.mod.original_offset_ms, -3600000);
    pq_ast_free(a);

    a = parse_ok("foo[1m] @ end()");
    assert_int_equal(root_of(a)->u.matrix.vs->u.selector.mod.at_kind, PQ_AT_END);
    pq_ast_free(a);

    a = parse_ok("rate(foo[5m])[30m:1m] offset 2m @ -1.5");
    r = root_of(a);
    assert_int_equal(r->kind, PQ_NODE_SUBQUERY);
    assert_int_equal(r->u.subquery.range_ms, 1800000);
    assert_int_equal(r->u.subquery.step_ms, 60000);
    assert_true(r->u.subquery.has_step);
    assert_int_equal(r->u.subquery.mod.original_offset_ms, 120000);
    assert_int_equal(r->u.subquery.mod.at_ms, -1500);
    pq_ast_free(a);

    a = parse_ok("foo[30m:]");
    assert_false(root_of(a)->u.subquery.has_step);
    pq_ast_free(a);

    /* duration expressions: constant ones are folded, step()/range() are left to the engine */
    a = parse_ok("foo[5m + 1m]");
    r = root_of(a);
    assert_non_null(r->u.matrix.range_expr);
    assert_int_equal(r->u.matrix.range_ms, 360000);
    pq_ast_free(a);
    a = parse_ok("foo offset (1h / 2)");
    r = root_of(a);
    assert_non_null(r->u.selector.mod.offset_expr);
    assert_int_equal(r->u.selector.mod.original_offset_ms, 1800000);
    pq_ast_free(a);
    a = parse_ok("foo[step() * 2:max_of(1m, step())]");
    r = root_of(a);
    assert_int_equal(r->u.subquery.range_expr->kind, PQ_NODE_DURATION);
    assert_int_equal(r->u.subquery.step_expr->u.duration.op, PQ_OP_MAX_OF);
    pq_ast_free(a);
    a = parse_ok("foo offset -step()");
    r = root_of(a);
    assert_int_equal(r->u.selector.mod.offset_expr->u.duration.op, PQ_OP_SUB);
    assert_null(r->u.selector.mod.offset_expr->u.duration.lhs);
    pq_ast_free(a);

    /* binary matching */
    a = parse_ok("a * on(x, y) group_left(z) b");
    r = root_of(a);
    assert_non_null(r->u.binary.matching);
    assert_true(r->u.binary.matching->on);
    assert_int_equal(r->u.binary.matching->card, PQ_CARD_MANY_TO_ONE);
    assert_int_equal(r->u.binary.matching->matching_labels.count, 2);
    assert_string_equal(r->u.binary.matching->include.items[0], "z");
    pq_ast_free(a);
    a = parse_ok("a / ignoring(x) group_right b");
    r = root_of(a);
    assert_false(r->u.binary.matching->on);
    assert_int_equal(r->u.binary.matching->card, PQ_CARD_ONE_TO_MANY);
    pq_ast_free(a);
    a = parse_ok("a and b");
    assert_int_equal(root_of(a)->u.binary.matching->card, PQ_CARD_MANY_TO_MANY);
    pq_ast_free(a);
    a = parse_ok("a > bool 1");
    r = root_of(a);
    assert_true(r->u.binary.return_bool);
    assert_null(r->u.binary.matching);
    pq_ast_free(a);
    a = parse_ok("a + fill_left(-1) fill_right(2) b");
    r = root_of(a);
    assert_true(r->u.binary.matching->has_fill_lhs);
    assert_true(r->u.binary.matching->fill_lhs == -1);
    assert_true(r->u.binary.matching->fill_rhs == 2);
    pq_ast_free(a);
    a = parse_ok("a + on(x) fill(0) b");
    assert_true(root_of(a)->u.binary.matching->has_fill_rhs);
    pq_ast_free(a);

    /* aggregations */
    a = parse_ok("sum without (a, b) (foo)");
    r = root_of(a);
    assert_int_equal(r->u.aggregate.op, PQ_OP_SUM);
    assert_true(r->u.aggregate.without);
    assert_int_equal(r->u.aggregate.grouping.count, 2);
    pq_ast_free(a);
    a = parse_ok("topk(3, foo) by (job)");
    r = root_of(a);
    assert_int_equal(r->u.aggregate.param->kind, PQ_NODE_NUMBER);
    assert_false(r->u.aggregate.without);
    assert_true(r->u.aggregate.has_grouping);
    pq_ast_free(a);
    a = parse_ok("count_values(\"v\", foo)");
    assert_int_equal(root_of(a)->u.aggregate.param->kind, PQ_NODE_STRING);
    pq_ast_free(a);
    a = parse_ok("SUM BY (sum, \"a.b\") (foo)");
    assert_string_equal(root_of(a)->u.aggregate.grouping.items[1], "a.b");
    pq_ast_free(a);
}

static void test_literals(void **state)
{
    (void)state;
    struct { const char *q; double v; } nums[] = {
        {"1", 1}, {"0x1F", 31}, {"0755", 493}, {"1e3", 1000}, {".5", 0.5}, {"1_000", 1000},
        {"5m", 300}, {"1h30m", 5400}, {"1ms", 0.001}, {"1y", 31536000}, {"-2.5", -2.5},
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        pq_ast *a = parse_ok(nums[i].q);
        assert_int_equal(root_of(a)->kind, PQ_NODE_NUMBER);
        if (fabs(root_of(a)->u.number.value - nums[i].v) > 1e-9)
            fail_msg("%s = %g", nums[i].q, root_of(a)->u.number.value);
        pq_ast_free(a);
    }
    pq_ast *a = parse_ok("Inf");
    assert_true(isinf(root_of(a)->u.number.value));
    pq_ast_free(a);
    a = parse_ok("-nAn");
    assert_true(isnan(root_of(a)->u.number.value));
    pq_ast_free(a);
    a = parse_ok("5m");
    assert_true(root_of(a)->u.number.is_duration);
    pq_ast_free(a);

    a = parse_ok("\"a\\x41\\u00e9\\U0001F600\\101\\n\\\"\"");
    assert_string_equal(root_of(a)->u.string.value, "aA\xc3\xa9\xf0\x9f\x98\x80" "A\n\"");
    pq_ast_free(a);
    a = parse_ok("`raw\\n`");
    assert_string_equal(root_of(a)->u.string.value, "raw\\n");
    pq_ast_free(a);
    a = parse_ok("'it\\'s'");
    assert_string_equal(root_of(a)->u.string.value, "it's");
    pq_ast_free(a);
}

static void test_functions_table(void **state)
{
    (void)state;
    size_t n;
    const pq_function *t = pq_function_table(&n);
    assert_true(n >= 90);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(t[i - 1].name, t[i].name) < 0);
    const pq_function *f = pq_function_lookup("label_join", 10);
    assert_non_null(f);
    assert_int_equal(f->variadic, -1);
    f = pq_function_lookup("round", 5);
    assert_int_equal(f->variadic, 1);
    assert_int_equal(f->arg_types[1], PQ_TYPE_SCALAR);
    assert_null(pq_function_lookup("nope", 4));
    assert_true(pq_function_lookup("info", 4)->experimental);
    assert_false(pq_function_lookup("rate", 4)->experimental);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("sum(foo", NULL, "1:8: parse error: unclosed left parenthesis");
    /* NaN offsets: Prometheus lets them into an undefined conversion; we refuse them (fuzz) */
    expect_error("foo offset nan", NULL, "1:12: parse error: duration out of range");
    expect_error("foo offset +NaN", NULL, "1:12: parse error: duration out of range");
    expect_error("foo +\n  bar baz", NULL, "2:7: parse error: unexpected identifier \"baz\"");
    expect_error("rate(foo)", NULL,
                 "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector");
    expect_error("foo + bool bar", NULL, "1:5: parse error: bool modifier can only be used on comparison operators");
    expect_error("1 > 2", NULL, "1:3: parse error: comparisons between scalars must use BOOL modifier");
    expect_error("1 and foo", NULL, "1:1: parse error: set operator \"and\" not allowed in binary scalar expression");
    expect_error("foo and on(a) group_left(b) bar", NULL,
                 "1:1: parse error: no grouping allowed for \"and\" operation");
    expect_error("foo * on(a) group_left(a) bar", NULL,
                 "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once");
    expect_error("{a=\"\"}", NULL, "1:1: parse error: vector selector must contain at least one non-empty matcher");
    expect_error("foo{__name__=\"bar\"}", NULL,
                 "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"");
    expect_error("foo offset 1m offset 2m", NULL, "1:1: parse error: offset may not be set multiple times");
    expect_error("foo @ 1 @ 2", NULL, "1:1: parse error: @ <timestamp> may not be set multiple times");
    expect_error("foo offset 1m[5m]", NULL, "1:14: parse error: no offset modifiers allowed before range");
    expect_error("(foo)[5m]", NULL, "1:6: parse error: ranges only allowed for vector selectors");
    expect_error("foo[0s]", NULL, "1:5: parse error: duration must be greater than 0");
    expect_error("foo[5m/0]", NULL, "1:7: parse error: division by zero");
    expect_error("1[5m:]", NULL, "1:1: parse error: subquery is only allowed on instant vector, got scalar instead");
    expect_error("foo{a=~\"(\"}", NULL, "1:5: parse error: error parsing regexp: missing closing ): `(`");
    expect_error("nonexistent(foo)", NULL, "1:1: parse error: unknown function with name \"nonexistent\"");
    expect_error("sum(foo, bar)", NULL,
                 "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2");
    expect_error("round(foo, 1, 2)", NULL, "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3");
    expect_error("label_join(foo)", NULL, "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1");
    expect_error("time(1)", NULL, "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1");
    expect_error("rate(foo[5m],)", NULL, "1:13: parse error: trailing commas not allowed in function call args");
    expect_error("-\"foo\"", NULL,
                 "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\"");
    expect_error("foo{a=\"b\" c}", NULL, "1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\"");
    expect_error("sum by foo", NULL, "1:8: parse error: unexpected identifier \"foo\" in grouping opts, expected \"(\"");
    expect_error("foo[5m", NULL, "1:7: parse error: unclosed left bracket");
    expect_error("foo[", NULL, "1:5: parse error: unexpected end of input in duration expression");
    expect_error("foo offset", NULL,
                 "1:11: parse error: unexpected end of input in offset, expected number, duration, step(), or range()");
    expect_error("foo @ bar", NULL, "1:7: parse error: unexpected identifier \"bar\" in @, expected timestamp");
    expect_error("foo @ Inf", NULL, "1:1: parse error: timestamp out of bounds for @ modifier: +Inf");
    expect_error("", NULL, "unknown position: parse error: no expression found in input");
    expect_error("   ", NULL, "1:1: parse error: no expression found in input");
    expect_error("info(foo, bar)", NULL, "1:11: parse error: expected label selectors only, got vector selector instead");
    expect_error("1 + 1 and 2 == bool 3 offset 5m", NULL,
                 "1:21: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");

    /* errors of actions Prometheus runs before reading the token that fails to lex come first */
    expect_error("abs(foo(x)", NULL, "1:5: parse error: unknown function with name \"foo\"");
    expect_error("abs(rate(x)", NULL, "1:12: parse error: unclosed left parenthesis");
    /* lexer errors and syntax errors after a complete expression */
    expect_error("foo offset (1m) + bar", NULL,
                 "1:19: parse error: unexpected identifier \"bar\" in offset, expected number, duration, step(), or range()");
    expect_error("sum(foo) by (a) without (b)", NULL, "1:17: parse error: unexpected <without>");
    expect_error("foo{a=}", NULL, "1:7: parse error: unexpected \"}\" in label matching, expected string");
    expect_error("foo{a}", NULL, "1:6: parse error: unexpected \"}\" in label matching, expected label matching operator");
    expect_error("foo{=~\"a\"}", NULL, "1:5: parse error: unexpected <op:=~> in label matching, expected identifier or \"}\"");
    expect_error("foo[5m] @", NULL, "1:10: parse error: unexpected end of input in @, expected timestamp");
    expect_error("foo{a=\"b\"}[5m:][1m]", NULL, "1:16: parse error: ranges only allowed for vector selectors");
    expect_error("count_values(1, foo)", NULL, "1:14: parse error: expected type string in aggregation parameter, got scalar");
    expect_error("\"a\" + 1", NULL, "1:1: parse error: binary expression must contain only scalar and instant vector types");
    expect_error("foo == bool", NULL, "1:12: parse error: unexpected end of input");

    /* option gating */
    promql_parse_options o;
    promql_parse_options_init(&o);
    o.enable_experimental_functions = 0;
    expect_error("sort_by_label(foo, \"a\")", &o, "1:1: parse error: function \"sort_by_label\" is not enabled");
    expect_error("limitk(1, foo)", &o,
                 "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
    promql_parse_options_init(&o);
    o.enable_extended_range_selectors = 0;
    expect_error("foo[5m] anchored", &o, "1:1: parse error: anchored modifier is experimental and not enabled");
    promql_parse_options_init(&o);
    o.enable_binop_fill_modifiers = 0;
    expect_error("a + fill(0) b", &o, "1:1: parse error: binop fill modifiers are experimental and not enabled");
}

static void test_error_fields(void **state)
{
    (void)state;
    pq_ast *ast = (pq_ast *)1;
    promql_error err;
    const char *q = "foo +\n\tsum(bar";
    assert_int_equal(pq_parse(q, strlen(q), NULL, &ast, &err), -1);
    assert_null(ast);
    assert_int_equal(err.code, PROMQL_ERR_BAD_DATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 9);
    assert_int_equal(err.pos_start, 14);
    assert_int_equal(err.pos_end, (int64_t)strlen(q));

    promql_expr *x = NULL;
    assert_int_equal(promql_parse("foo{", 4, NULL, &x, &err), PROMQL_ERR_BAD_DATA);
    assert_null(x);
    assert_int_equal(promql_parse("sum(rate(x[1m]))", 16, NULL, &x, &err), PROMQL_OK);
    assert_non_null(x);
    char *s = promql_expr_format(x, 0);
    assert_non_null(s);
    assert_string_equal(s, "sum(rate(x[1m]))");
    free(s);
    s = promql_expr_to_json(x);
    assert_non_null(s);
    assert_non_null(strstr(s, "\"rate\""));
    free(s);
    promql_expr_free(x);
    promql_expr_free(NULL);
    assert_string_equal(promql_error_type_name(PROMQL_ERR_BAD_DATA), "bad_data");
    assert_string_equal(promql_error_type_name(PROMQL_ERR_TIMEOUT), "timeout");
    assert_int_equal(promql_version_number(), PROMQL_VERSION_NUMBER);
}

static void test_limits(void **state)
{
    (void)state;
    promql_parse_options o;
    promql_parse_options_init(&o);
    o.max_depth = 10;
    char q[256];
    size_t n = 0;
    for (int i = 0; i < 20; i++)
        q[n++] = '(';
    q[n++] = '1';
    for (int i = 0; i < 20; i++)
        q[n++] = ')';
    pq_ast *ast = NULL;
    promql_error err;
    assert_int_equal(pq_parse(q, n, &o, &ast, &err), -1);
    assert_non_null(strstr(err.message, "nested too deeply"));

    /* a long operator chain is deep in the AST without any parenthesis */
    size_t big = 200000;
    char *chain = malloc(big + 4);
    assert_non_null(chain);
    size_t k = 0;
    while (k + 2 < big) {
        chain[k++] = '1';
        chain[k++] = '^';
    }
    chain[k++] = '1';
    assert_int_equal(pq_parse(chain, k, NULL, &ast, &err), -1);
    for (size_t i = 0; i + 2 < k; i += 2)
        chain[i + 1] = '+';
    assert_int_equal(pq_parse(chain, k, NULL, &ast, &err), -1);
    memset(chain, '-', k - 1);
    assert_int_equal(pq_parse(chain, k, NULL, &ast, &err), -1);
    free(chain);

    /* a deep duration expression inside brackets is bounded too */
    enum { DUR_TERMS = PQ_DEFAULT_MAX_DEPTH + 100 };
    char *dur = malloc(3 * DUR_TERMS + 16);
    assert_non_null(dur);
    size_t dl = 0;
    memcpy(dur, "foo[1m", 6);
    dl = 6;
    for (int i = 0; i < DUR_TERMS; i++) {
        memcpy(dur + dl, "+1m", 3);
        dl += 3;
    }
    dur[dl++] = ']';
    assert_int_equal(pq_parse(dur, dl, NULL, &ast, &err), -1);
    assert_non_null(strstr(err.message, "nested too deeply"));
    free(dur);

    /* ... while a chain within the default limit parses, as Prometheus accepts it */
    char *ors = malloc(6 * 300 + 8);
    assert_non_null(ors);
    size_t ol = 0;
    for (int i = 0; i < 300; i++) {
        memcpy(ors + ol, i ? " or up" : "up", i ? 6 : 2);
        ol += i ? 6 : 2;
    }
    assert_int_equal(pq_parse(ors, ol, NULL, &ast, &err), 0);
    pq_ast_free(ast);
    free(ors);

    promql_parse_options_init(&o);
    o.max_query_length = 3;
    assert_int_equal(pq_parse("foo_bar", 7, &o, &ast, &err), -1);

    /* embedded NUL and no terminator */
    char buf[3] = {'f', 0, 'o'};
    assert_int_equal(pq_parse(buf, 3, NULL, &ast, &err), -1);
    char *exact = malloc(3);
    memcpy(exact, "foo", 3);
    assert_int_equal(pq_parse(exact, 3, NULL, &ast, &err), 0);
    pq_ast_free(ast);
    free(exact);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_upstream_cases),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_modifiers),
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_functions_table),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_error_fields),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
