/*
 * test_printer.c -- pq_format against the strings Prometheus's String() gives for the same
 * ASTs: cases from promql/parser/printer_test.go built by hand (so every node shape is covered)
 * and parsed, and the fixed point format(parse(format(parse(q)))) == format(parse(q)) over every
 * query of the upstream conformance scripts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast_builder.h"
#include "parser/parser.h"
#include "upstream_cases.h"
#include "upstream_queries.h"

#define CHECK(node, want)                        \
    do {                                         \
        char *got_ = pq_format(node);            \
        assert_non_null(got_);                   \
        assert_string_equal(got_, want);         \
        free(got_);                              \
    } while (0)

static void test_selectors(void **state)
{
    (void)state;
    CHECK(ab_vs("foo", NULL), "foo");
    CHECK(ab_vs("task:errors:rate10s", "job", "=", "s", NULL), "task:errors:rate10s{job=\"s\"}");
    /* matchers are printed sorted by their rendered text */
    CHECK(ab_vs("foo", "zone", "!=", "b", "a", "=~", "x.*", "b", "!~", "y", NULL),
          "foo{a=~\"x.*\",b!~\"y\",zone!=\"b\"}");
    CHECK(ab_vs(NULL, "__name__", "=", "a", NULL), "{__name__=\"a\"}");
    CHECK(ab_vs(NULL, "__name__", "=", "", "a", "=", "x", NULL), "{__name__=\"\",a=\"x\"}");
    CHECK(ab_vs(NULL, "a.b", "=", "c", NULL), "{\"a.b\"=\"c\"}");
    CHECK(ab_vs(NULL, "0", "=", "1", NULL), "{\"0\"=\"1\"}");
    CHECK(ab_vs(NULL, "_0", "=", "1", NULL), "{_0=\"1\"}");
    CHECK(ab_vs(NULL, "", "=", "0", NULL), "{\"\"=\"0\"}");
    CHECK(ab_vs(NULL, "__name__", "=", "my.metric", NULL), "{__name__=\"my.metric\"}");
    /* values are escaped as Go's strconv.Quote does */
    CHECK(ab_vs("foo", "a", "=", "x\"y\\z\n\t\x01ü", NULL),
          "foo{a=\"x\\\"y\\\\z\\n\\t\\x01ü\"}");
    /* a second __name__ matcher that differs from the name is printed */
    CHECK(ab_vs("foo", "__name__", "=~", "bar", NULL), "foo{__name__=~\"bar\"}");

    pq_node *vs = ab_vs("a", NULL);
    vs->u.selector.mod.original_offset_ms = 60000;
    vs->u.selector.mod.has_offset = true;
    CHECK(vs, "a offset 1m");
    vs->u.selector.mod.original_offset_ms = -7 * 60000;
    CHECK(vs, "a offset -7m");
    vs->u.selector.mod.original_offset_ms = 0;   /* "offset 0s" is not printed */
    CHECK(vs, "a");

    vs = ab_vs("a", NULL);
    vs->u.selector.mod.at_kind = PQ_AT_TIMESTAMP;
    vs->u.selector.mod.at_ms = 10000;
    CHECK(vs, "a @ 10.000");
    vs->u.selector.mod.at_ms = -1500;
    CHECK(vs, "a @ -1.500");
    vs->u.selector.mod.at_ms = 1234567;
    vs->u.selector.mod.original_offset_ms = 3600000;
    CHECK(vs, "a @ 1234.567 offset 1h");
    vs->u.selector.mod.at_kind = PQ_AT_START;
    CHECK(vs, "a @ start() offset 1h");
    vs->u.selector.mod.at_kind = PQ_AT_END;
    vs->u.selector.mod.original_offset_ms = 0;
    CHECK(vs, "a @ end()");

    vs = ab_vs("a", NULL);
    vs->u.selector.anchored = true;
    CHECK(vs, "a anchored");
    vs->u.selector.anchored = false;
    vs->u.selector.smoothed = true;
    CHECK(vs, "a smoothed");
}

static void test_matrix_and_subquery(void **state)
{
    (void)state;
    CHECK(ab_matrix(ab_vs("a", "b", "!=", "c", NULL), 60000), "a{b!=\"c\"}[1m]");
    pq_node *vs = ab_vs("a", "c", "=", "d", NULL);
    vs->u.selector.mod.original_offset_ms = 60000;
    CHECK(ab_matrix(vs, 300000), "a{c=\"d\"}[5m] offset 1m");
    vs = ab_vs("a", NULL);
    vs->u.selector.mod.original_offset_ms = -180000;
    CHECK(ab_matrix(vs, 720000), "a[12m] offset -3m");
    vs = ab_vs("a", "b", "=", "c", NULL);
    vs->u.selector.anchored = true;
    vs->u.selector.mod.at_kind = PQ_AT_START;
    vs->u.selector.mod.original_offset_ms = 60000;
    CHECK(ab_matrix(vs, 300000), "a{b=\"c\"}[5m] anchored @ start() offset 1m");
    vs->u.selector.anchored = false;
    vs->u.selector.smoothed = true;
    CHECK(ab_matrix(vs, 300000), "a{b=\"c\"}[5m] smoothed @ start() offset 1m");
    vs = ab_vs("a", NULL);
    vs->u.selector.mod.at_kind = PQ_AT_TIMESTAMP;
    vs->u.selector.mod.at_ms = 10000;
    CHECK(ab_matrix(vs, 60000), "a[1m] @ 10.000");
    CHECK(ab_matrix(ab_vs("a", NULL), 5400000), "a[1h30m]");
    CHECK(ab_matrix(ab_vs("a", NULL), 90 * 86400000LL), "a[90d]");
    CHECK(ab_matrix(ab_vs("a", NULL), 1500), "a[1s500ms]");

    pq_node *sq = ab_subquery(ab_vs("a", NULL), 3600000, 300000);
    sq->u.subquery.mod.original_offset_ms = 60000;
    CHECK(sq, "a[1h:5m] offset 1m");
    sq = ab_subquery(ab_call("rate", 1, ab_matrix(ab_vs("foo", NULL), 60000)), 300000, 0);
    CHECK(sq, "rate(foo[1m])[5m:]");
    sq->u.subquery.mod.at_kind = PQ_AT_END;
    CHECK(sq, "rate(foo[1m])[5m:] @ end()");
    sq->u.subquery.mod.at_kind = PQ_AT_TIMESTAMP;
    sq->u.subquery.mod.at_ms = 100;
    sq->u.subquery.mod.original_offset_ms = -60000;
    CHECK(sq, "rate(foo[1m])[5m:] @ 0.100 offset -1m");
}

static void test_duration_expressions(void **state)
{
    (void)state;
    pq_node *step = ab_dexpr(PQ_OP_STEP, NULL, NULL, false);
    pq_node *m = ab_matrix(ab_vs("foo", NULL), 0);
    m->u.matrix.range_expr = step;
    CHECK(m, "foo[step()]");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_SUB, NULL, step, false);
    CHECK(m, "foo[-step()]");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_STEP, NULL, NULL, true);
    CHECK(m, "foo[(step())]");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_SUB, NULL, ab_dexpr(PQ_OP_STEP, NULL, NULL, true),
                                      false);
    CHECK(m, "foo[-(step())]");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_ADD, NULL, ab_dur(5), true);
    CHECK(m, "foo[(5s)]");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_MAX_OF, ab_dexpr(PQ_OP_RANGE, NULL, NULL, false),
                                      ab_dur(5), false);
    CHECK(m, "foo[max_of(range(), 5s)]");
    /* foo[200 - min_of(-step() ^ step(), 1)] */
    pq_node *pow = ab_dexpr(PQ_OP_POW, ab_dexpr(PQ_OP_SUB, NULL, step, false), step, false);
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_SUB, ab_num(200),
                                      ab_dexpr(PQ_OP_MIN_OF, pow, ab_num(1), false), false);
    CHECK(m, "foo[200 - min_of(-step() ^ step(), 1)]");
    /* a plain number in range_expr was folded into range_ms and prints as a duration */
    m->u.matrix.range_expr = ab_num(300);
    m->u.matrix.range_ms = 300000;
    CHECK(m, "foo[5m]");

    pq_node *vs = ab_vs("foo", NULL);
    vs->u.selector.mod.offset_expr = ab_dexpr(PQ_OP_ADD, NULL, ab_num(5), true);
    CHECK(vs, "foo offset (5)");
    vs->u.selector.mod.offset_expr = ab_dexpr(PQ_OP_SUB, NULL, ab_dexpr(PQ_OP_ADD, NULL,
                                                                        ab_num(5), true), false);
    CHECK(vs, "foo offset -(5)");
    vs->u.selector.mod.offset_expr = ab_dexpr(PQ_OP_ADD, NULL, ab_dur(300), true);
    CHECK(vs, "foo offset (5m)");
    vs->u.selector.mod.offset_expr =
        ab_dexpr(PQ_OP_SUB, NULL,
                 ab_dexpr(PQ_OP_MIN_OF, ab_dur(10), ab_dur(20), false), false);
    CHECK(vs, "foo offset -min_of(10s, 20s)");

    pq_node *sq = ab_subquery(ab_vs("foo", NULL), 0, 0);
    sq->u.subquery.range_expr = ab_dexpr(PQ_OP_ADD, NULL, ab_dur(300), true);
    sq->u.subquery.step_expr = ab_dexpr(PQ_OP_ADD, NULL, ab_dur(60), true);
    CHECK(sq, "foo[(5m):(1m)]");

    /* negative duration literals inside expressions */
    CHECK(ab_dexpr(PQ_OP_ADD, ab_dur(-300), ab_dur(0), false), "-5m + 0s");
}

static void test_binary(void **state)
{
    (void)state;
    pq_node *a = ab_vs("a", NULL), *b = ab_vs("b", NULL), *c = ab_vs("c", NULL);
    CHECK(ab_bin(a, PQ_OP_SUB, c), "a - c");
    CHECK(ab_on(ab_bin(a, PQ_OP_SUB, c), true, NULL), "a - on () c");
    CHECK(ab_on(ab_bin(a, PQ_OP_SUB, c), true, "b", NULL), "a - on (b) c");
    CHECK(ab_group(ab_on(ab_bin(a, PQ_OP_SUB, c), true, "b", NULL), PQ_CARD_MANY_TO_ONE, "x",
                   "y", NULL),
          "a - on (b) group_left (x, y) c");
    CHECK(ab_group(ab_on(ab_bin(a, PQ_OP_SUB, ab_paren(c)), true, "b", NULL),
                   PQ_CARD_MANY_TO_ONE, NULL),
          "a - on (b) group_left () (c)");
    CHECK(ab_on(ab_bin(a, PQ_OP_SUB, c), false, "b", NULL), "a - ignoring (b) c");
    CHECK(ab_on(ab_bin(a, PQ_OP_SUB, c), false, NULL), "a - c");
    CHECK(ab_group(ab_on(ab_bin(a, PQ_OP_SUB, c), false, NULL), PQ_CARD_ONE_TO_MANY,
                   "__metric__", NULL),
          "a - ignoring () group_right (__metric__) c");
    CHECK(ab_on(ab_bin(a, PQ_OP_DIV, b), true, "legacy", "üüü", NULL),
          "a / on (legacy, \"üüü\") b");
    CHECK(ab_bin(a, PQ_OP_LAND, b), "a and b");
    CHECK(ab_on(ab_bin(a, PQ_OP_LUNLESS, b), true, "x", NULL), "a unless on (x) b");
    CHECK(ab_bin(a, PQ_OP_TRIM_UPPER, ab_num(3)), "a </ 3");
    CHECK(ab_bin(ab_num(1), PQ_OP_ATAN2, ab_num(2)), "1 atan2 2");

    pq_node *cmp = ab_bin(ab_vs("up", NULL), PQ_OP_GTR, ab_num(0));
    cmp->u.binary.return_bool = true;
    CHECK(cmp, "up > bool 0");

    pq_node *f = ab_bin(a, PQ_OP_ADD, b);
    f->u.binary.matching->has_fill_lhs = true;
    f->u.binary.matching->fill_lhs = -23;
    f->u.binary.matching->has_fill_rhs = true;
    f->u.binary.matching->fill_rhs = -23;
    CHECK(f, "a + fill (-23) b");
    f->u.binary.matching->fill_rhs = 42;
    CHECK(f, "a + fill_left (-23) fill_right (42) b");
    f->u.binary.matching->has_fill_lhs = false;
    CHECK(f, "a + fill_right (42) b");
    f->u.binary.matching->fill_rhs = 1e6;
    CHECK(f, "a + fill_right (1e+06) b");
    f->u.binary.matching->fill_rhs = 0.5;
    f->u.binary.matching->has_fill_lhs = true;
    f->u.binary.matching->fill_lhs = 0.5;
    ab_group(ab_on(f, true, "b", NULL), PQ_CARD_MANY_TO_ONE, NULL);
    CHECK(f, "a + on (b) group_left () fill (0.5) b");
}

static void test_aggregations_and_calls(void **state)
{
    (void)state;
    pq_node *e = ab_vs("task:errors:rate10s", "job", "=", "s", NULL);
    CHECK(ab_agg(PQ_OP_SUM, e, NULL, false, true, NULL), "sum(task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_SUM, e, NULL, false, true, "code", NULL),
          "sum by (code) (task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_SUM, e, NULL, true, true, NULL),
          "sum without () (task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_SUM, e, NULL, true, true, "instance", NULL),
          "sum without (instance) (task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_SUM, e, NULL, false, true, "foo.bar", NULL),
          "sum by (\"foo.bar\") (task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_COUNT, ab_vs("foo", NULL), NULL, false, true, "ööö", "job", NULL),
          "count by (\"ööö\", job) (foo)");
    CHECK(ab_agg(PQ_OP_TOPK, e, ab_num(5), false, false, NULL),
          "topk(5, task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_COUNT_VALUES, e, ab_str("value"), false, false, NULL),
          "count_values(\"value\", task:errors:rate10s{job=\"s\"})");
    CHECK(ab_agg(PQ_OP_LIMIT_RATIO, e, ab_num(0.5), false, true, "a", NULL),
          "limit_ratio by (a) (0.5, task:errors:rate10s{job=\"s\"})");

    CHECK(ab_call("predict_linear", 2, ab_matrix(ab_vs("foo", NULL), 3600000), ab_num(3000)),
          "predict_linear(foo[1h], 3000)");
    CHECK(ab_call("time", 0), "time()");
    CHECK(ab_call("label_replace", 5, ab_vs("testmetric", NULL), ab_str("dst"),
                  ab_str("destination-value-$1"), ab_str("src"), ab_str("source-value-(.*)")),
          "label_replace(testmetric, \"dst\", \"destination-value-$1\", \"src\", "
          "\"source-value-(.*)\")");
}

static void test_literals_and_wrappers(void **state)
{
    (void)state;
    CHECK(ab_num(1048576), "1048576");
    {
        /* shortest digits "1", then zeros up to the decimal point */
        char want[102] = "1";
        memset(want + 1, '0', 100);
        want[101] = 0;
        CHECK(ab_num(1e100), want);
    }
    CHECK(ab_num(0.000001), "0.000001");
    CHECK(ab_num(1.0 / 0.0), "+Inf");
    CHECK(ab_num(-1.0 / 0.0), "-Inf");
    CHECK(ab_num(0.0 / 0.0), "NaN");
    CHECK(ab_dur(300), "5m");
    CHECK(ab_dur(-300), "-5m");
    CHECK(ab_dur(0.0015), "1ms");
    CHECK(ab_dur(1e300), "106751d23h47m16s854ms");   /* clamped to int64 nanoseconds */
    CHECK(ab_str("a\"b"), "\"a\\\"b\"");
    CHECK(ab_str_len("a\0b\xff", 4), "\"a\\x00b\\xff\"");
    CHECK(ab_unary(PQ_OP_SUB, ab_vs("foo", NULL)), "-foo");
    CHECK(ab_unary(PQ_OP_SUB, ab_paren(ab_num(1))), "-(1)");
    CHECK(ab_paren(ab_bin(ab_num(1), PQ_OP_ADD, ab_num(2))), "(1 + 2)");

    pq_node *si = ab_node(PQ_NODE_STEP_INVARIANT);
    si->u.step_invariant.expr = ab_vs("foo", NULL);
    CHECK(si, "foo");
}

static void test_robustness(void **state)
{
    (void)state;
    /* NULL and half-filled nodes print what they can instead of crashing */
    char *s = pq_format(NULL);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    CHECK(ab_node(PQ_NODE_VECTOR_SELECTOR), "{}");
    CHECK(ab_node(PQ_NODE_BINARY), "  ");
    CHECK(ab_node(PQ_NODE_CALL), "()");
    CHECK(ab_node(PQ_NODE_MATRIX_SELECTOR), "[0s]");
    /* deep nesting within the parser's depth limit */
    pq_node *n = ab_vs("x", NULL);
    for (int i = 0; i < 300; i++)
        n = ab_paren(n);
    s = pq_format(n);
    assert_non_null(s);
    assert_int_equal(strlen(s), 601);
    free(s);
}


/* parse with every experimental feature on, format, free */
static char *parse_format(const char *q, size_t len, promql_error *err)
{
    pq_ast *ast = NULL;
    if (pq_parse(q, len, NULL, &ast, err) != 0)
        return NULL;
    char *s = pq_format(ast->root);
    assert_non_null(s);
    pq_ast_free(ast);
    return s;
}

/* info()'s second argument may be an empty selector; Prometheus prints it as nothing, which does
 * not parse back, so we print "{}" (see printer.c). */
static void test_empty_selector_reparses(void **state)
{
    (void)state;
    const char *q = "info(metric, {})";
    pq_ast *ast = NULL;
    promql_error err;
    assert_int_equal(pq_parse(q, strlen(q), NULL, &ast, &err), 0);
    char *out = pq_format(ast->root);
    assert_non_null(out);
    assert_string_equal(out, "info(metric, {})");
    pq_ast *again = NULL;
    assert_int_equal(pq_parse(out, strlen(out), NULL, &again, &err), 0);
    free(out);
    pq_ast_free(again);
    pq_ast_free(ast);
}

static void test_upstream_string_cases(void **state)
{
    (void)state;
    size_t n = sizeof upstream_string_cases / sizeof upstream_string_cases[0];
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const upstream_case *c = &upstream_string_cases[i];
        promql_error err;
        char *got = parse_format(c->in, strlen(c->in), &err);
        const char *want = c->out ? c->out : c->in;
        if (!got) {
            print_error("parse failed: %s: %s\n", c->in, err.message);
            failures++;
        } else if (strcmp(got, want) != 0) {
            print_error("%s\n  got  %s\n  want %s\n", c->in, got, want);
            failures++;
        }
        free(got);
    }
    assert_int_equal(failures, 0);
}

typedef struct sweep {
    int parsed, failed_parse, failures;
} sweep;

static void check_fixed_point(const char *q, size_t len, const char *file, int line_no, void *arg)
{
    sweep *s = arg;
    promql_error err;
    char *once = parse_format(q, len, &err);
    if (!once) {
        s->failed_parse++;   /* eval_fail and expect-fail queries */
        return;
    }
    s->parsed++;
    char *twice = parse_format(once, strlen(once), &err);
    if (!twice) {
        print_error("%s:%d: formatted query does not parse: %s\n  %s\n", file, line_no,
                    err.message, once);
        s->failures++;
    } else if (strcmp(once, twice) != 0) {
        print_error("%s:%d: not a fixed point\n  %s\n  %s\n", file, line_no, once, twice);
        s->failures++;
    }
    free(once);
    free(twice);
}

static void test_upstream_fixed_point(void **state)
{
    (void)state;
    sweep s = {0, 0, 0};
    int count = for_each_upstream_query(check_fixed_point, &s);
    if (count < 0)
        fail_msg("upstream promqltest scripts not found next to %s", PROMQL_SOURCE_DIR);
    assert_true(count > 2000);
    print_message("%d upstream queries, %d parsed, %d rejected\n", count, s.parsed, s.failed_parse);
    assert_true(s.parsed > 1900);
    assert_int_equal(s.failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_matrix_and_subquery),
        cmocka_unit_test(test_duration_expressions),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_aggregations_and_calls),
        cmocka_unit_test(test_literals_and_wrappers),
        cmocka_unit_test(test_robustness),
        cmocka_unit_test(test_empty_selector_reparses),
        cmocka_unit_test(test_upstream_string_cases),
        cmocka_unit_test(test_upstream_fixed_point),
    };
    return cmocka_run_group_tests(tests, test_arena_setup, test_arena_teardown);
}
