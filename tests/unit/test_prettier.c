/*
 * test_prettier.c -- pq_format_pretty against Prometheus's Pretty(0): cases and expected output
 * from promql/parser/prettier_test.go (which lowers the line limit to 10 characters, as
 * pq_format_pretty_limit lets us do), on hand-built and on parsed ASTs; and over every upstream
 * conformance query: the pretty form parses back to the same canonical form.
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
#include "parser/printer_internal.h"
#include "upstream_cases.h"
#include "upstream_queries.h"

#define CHECK10(node, want)                                 \
    do {                                                    \
        char *got_ = pq_format_pretty_limit(node, 10);      \
        assert_non_null(got_);                              \
        assert_string_equal(got_, want);                    \
        free(got_);                                         \
    } while (0)

#define CHECK(node, want)                                   \
    do {                                                    \
        char *got_ = pq_format_pretty(node);                \
        assert_non_null(got_);                              \
        assert_string_equal(got_, want);                    \
        free(got_);                                         \
    } while (0)

static void test_aggregate(void **state)
{
    (void)state;
    pq_node *e = ab_vs("task:errors:rate10s", "job", "=", "s", NULL);
    CHECK10(ab_agg(PQ_OP_SUM, ab_vs("foo", NULL), NULL, false, false, NULL), "sum(foo)");
    CHECK10(ab_agg(PQ_OP_SUM, e, NULL, false, true, NULL),
            "sum(\n  task:errors:rate10s{job=\"s\"}\n)");
    CHECK10(ab_agg(PQ_OP_SUM, e, NULL, true, true, "job", "foo", NULL),
            "sum without (job, foo) (\n  task:errors:rate10s{job=\"s\"}\n)");
    CHECK10(ab_agg(PQ_OP_TOPK, ab_vs("ask:errors:rate10s", "job", "=", "s", NULL), ab_num(10),
                   false, false, NULL),
            "topk(\n  10,\n  ask:errors:rate10s{job=\"s\"}\n)");
    pq_node *inner = ab_agg(PQ_OP_SUM, e, NULL, false, true, "job", "foo", NULL);
    pq_node *mid = ab_agg(PQ_OP_SUM, inner, NULL, false, true, "job", "foo", NULL);
    CHECK10(ab_agg(PQ_OP_SUM, mid, NULL, false, true, "job", "foo", NULL),
            "sum by (job, foo) (\n"
            "  sum by (job, foo) (\n"
            "    sum by (job, foo) (\n"
            "      task:errors:rate10s{job=\"s\"}\n"
            "    )\n"
            "  )\n"
            ")");
}

static void test_binary(void **state)
{
    (void)state;
    CHECK10(ab_bin(ab_vs("a", NULL), PQ_OP_ADD, ab_vs("b", NULL)), "a + b");
    pq_node *cmp = ab_bin(ab_vs("a", NULL), PQ_OP_EQLC, ab_num(1));
    cmp->u.binary.return_bool = true;
    CHECK10(cmp, "  a\n== bool\n  1");
    CHECK10(ab_on(ab_bin(ab_vs("a", NULL), PQ_OP_ADD, ab_vs("b", NULL)), false, "job", NULL),
            "  a\n+ ignoring (job)\n  b");
    pq_node *x = ab_bin(ab_vs("foo", NULL), PQ_OP_ADD, ab_vs("baar", NULL));
    CHECK10(ab_bin(x, PQ_OP_ADD, ab_vs("foo_3", NULL)), "  foo + baar\n+\n  foo_3");

    /* foo_1 + ignoring(foo) foo_2 + ignoring(job) group_left foo_3 + on(instance) group_right foo_4 */
    pq_node *b1 = ab_on(ab_bin(ab_vs("foo_1", NULL), PQ_OP_ADD, ab_vs("foo_2", NULL)), false,
                        "foo", NULL);
    pq_node *b2 = ab_group(ab_on(ab_bin(b1, PQ_OP_ADD, ab_vs("foo_3", NULL)), false, "job", NULL),
                           PQ_CARD_MANY_TO_ONE, NULL);
    pq_node *b3 = ab_group(ab_on(ab_bin(b2, PQ_OP_ADD, ab_vs("foo_4", NULL)), true, "instance",
                                 NULL),
                           PQ_CARD_ONE_TO_MANY, NULL);
    CHECK10(b3, "      foo_1\n"
                "    + ignoring (foo)\n"
                "      foo_2\n"
                "  + ignoring (job) group_left ()\n"
                "    foo_3\n"
                "+ on (instance) group_right ()\n"
                "  foo_4");
}

static void test_call_and_subquery(void **state)
{
    (void)state;
    CHECK10(ab_call("rate", 1, ab_matrix(ab_vs("foo", NULL), 60000)), "rate(\n  foo[1m]\n)");
    pq_node *sq = ab_subquery(ab_vs("long_vector_selector", NULL), 600000, 60000);
    sq->u.subquery.mod.at_kind = PQ_AT_START;
    sq->u.subquery.mod.original_offset_ms = 60000;
    CHECK10(ab_call("rate", 1, sq),
            "rate(\n  long_vector_selector[10m:1m] @ start() offset 1m\n)");

    pq_node *r = ab_call("rate", 1,
                         ab_matrix(ab_vs("demo_api_request_duration_seconds_count", NULL), 60000));
    sq = ab_subquery(r, 60000, 0);
    sq->u.subquery.mod.at_kind = PQ_AT_START;
    sq->u.subquery.mod.original_offset_ms = 60000;
    CHECK10(ab_call("max_over_time", 1, sq),
            "max_over_time(\n"
            "  rate(\n"
            "    demo_api_request_duration_seconds_count[1m]\n"
            "  )[1m:] @ start() offset 1m\n"
            ")");

    pq_node *lr = ab_call("label_replace", 5, ab_vs("up", "job", "=", "api-server", "service",
                                                    "=", "a:c", NULL),
                          ab_str("foo"), ab_str("$1"), ab_str("service"), ab_str("(.*):.*"));
    CHECK10(lr, "label_replace(\n"
                "  up{job=\"api-server\",service=\"a:c\"},\n"
                "  \"foo\",\n"
                "  \"$1\",\n"
                "  \"service\",\n"
                "  \"(.*):.*\"\n"
                ")");
}

static void test_paren_and_unary(void **state)
{
    (void)state;
    CHECK10(ab_paren(ab_vs("foo", NULL)), "(foo)");
    CHECK10(ab_paren(ab_vs("_foo_long_", NULL)), "(\n  _foo_long_\n)");
    CHECK10(ab_paren(ab_paren(ab_vs("foo_long", NULL))), "(\n  (foo_long)\n)");
    CHECK10(ab_paren(ab_paren(ab_paren(ab_vs("foo_long", NULL)))),
            "(\n  (\n    (foo_long)\n  )\n)");
    CHECK10(ab_paren(ab_bin(ab_num(1), PQ_OP_ADD, ab_num(2))), "(1 + 2)");
    CHECK10(ab_paren(ab_bin(ab_num(1111), PQ_OP_ADD, ab_num(2222))),
            "(\n    1111\n  +\n    2222\n)");

    CHECK10(ab_num(-1), "-1");
    CHECK10(ab_unary(PQ_OP_SUB, ab_vs("vector_selector", NULL)), "-vector_selector");
    CHECK10(ab_paren(ab_unary(PQ_OP_SUB, ab_vs("vector_selector", NULL))),
            "(\n  -vector_selector\n)");
    pq_node *vs = ab_vs("foo", NULL);
    vs->u.selector.mod.at_kind = PQ_AT_START;
    pq_node *neg_rate = ab_unary(PQ_OP_SUB, ab_call("rate", 1, ab_matrix(vs, 60000)));
    pq_node *hq = ab_unary(PQ_OP_SUB, ab_call("histogram_quantile", 2, ab_num(0.9), neg_rate));
    CHECK10(ab_paren(hq), "(\n"
                          "  -histogram_quantile(\n"
                          "    0.9,\n"
                          "    -rate(\n"
                          "      foo[1m] @ start()\n"
                          "    )\n"
                          "  )\n"
                          ")");
}

static void test_duration_and_default_limit(void **state)
{
    (void)state;
    pq_node *m = ab_matrix(ab_vs("foo", NULL), 0);
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_ADD, ab_dur(-300), ab_dur(2100), false);
    CHECK10(ab_call("rate", 1, m), "rate(\n  foo[-5m + 35m]\n)");
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_MUL, ab_num(2), ab_dur(3600), false);
    CHECK10(ab_call("rate", 1, m), "rate(\n  foo[2 * 1h]\n)");

    /* a duration expression met as an expression is not indented */
    pq_node *d = ab_dexpr(PQ_OP_ADD, ab_dur(300), ab_dexpr(PQ_OP_STEP, NULL, NULL, false), true);
    CHECK10(ab_bin(ab_vs("long_metric_name", NULL), PQ_OP_ADD, d),
            "  long_metric_name\n+\n(5m + step())");

    /* a subquery that fits is written without indentation, even under a split parent */
    CHECK10(ab_bin(ab_vs("a_long_name", NULL), PQ_OP_ADD, ab_subquery(ab_vs("x", NULL), 60000, 0)),
            "  a_long_name\n+\nx[1m:]");
    /* a split subquery keeps its suffix on the last line of its expression */
    CHECK10(ab_subquery(ab_agg(PQ_OP_SUM, ab_vs("some_metric", NULL), NULL, false, false, NULL),
                        300000, 60000),
            "sum(\n  some_metric\n)[5m:1m]");
    /* the unary operator takes the place of its operand's indentation */
    CHECK10(ab_call("abs", 1, ab_unary(PQ_OP_SUB, ab_agg(PQ_OP_SUM, ab_vs("some_metric", NULL),
                                                         NULL, false, false, NULL))),
            "abs(\n  -sum(\n    some_metric\n  )\n)");

    /* the limit is inclusive: a call of exactly 100 bytes stays on one line, 101 is split */
    for (size_t len = 95; len <= 96; len++) {
        char name[128], want[256];
        memset(name, 'n', len);
        name[len] = 0;   /* "abs(" + name + ")" is len + 5 bytes */
        if (len + 5 <= 100)
            snprintf(want, sizeof want, "abs(%s)", name);
        else
            snprintf(want, sizeof want, "abs(\n  %s\n)", name);
        CHECK(ab_call("abs", 1, ab_vs(name, NULL)), want);
    }

    /* at the default limit of 100 a short query stays on one line */
    pq_node *sum = ab_agg(PQ_OP_SUM, ab_call("rate", 1, ab_matrix(ab_vs("foo", NULL), 300000)),
                          NULL, false, true, "job", NULL);
    CHECK(sum, "sum by (job) (rate(foo[5m]))");
    pq_node *big = ab_bin(ab_vs("node_memory_MemAvailable_bytes", "job", "=", "node", NULL),
                          PQ_OP_DIV,
                          ab_vs("node_memory_MemTotal_bytes", "job", "=", "node", "instance",
                                "=~", "prod-.*-eu-west-1", NULL));
    CHECK(big, "  node_memory_MemAvailable_bytes{job=\"node\"}\n"
               "/\n"
               "  node_memory_MemTotal_bytes{instance=~\"prod-.*-eu-west-1\",job=\"node\"}");
    char *s = pq_format_pretty(NULL);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}


static void test_upstream_pretty_cases(void **state)
{
    (void)state;
    size_t n = sizeof upstream_pretty10_cases / sizeof upstream_pretty10_cases[0];
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const upstream_case *c = &upstream_pretty10_cases[i];
        pq_ast *ast = NULL;
        promql_error err;
        if (pq_parse(c->in, strlen(c->in), NULL, &ast, &err) != 0) {
            print_error("parse failed: %s: %s\n", c->in, err.message);
            failures++;
            continue;
        }
        char *got = pq_format_pretty_limit(ast->root, 10);
        assert_non_null(got);
        const char *want = c->out ? c->out : c->in;
        if (strcmp(got, want) != 0) {
            print_error("%s\n--- got\n%s\n--- want\n%s\n", c->in, got, want);
            failures++;
        }
        free(got);
        pq_ast_free(ast);
    }
    assert_int_equal(failures, 0);
}

static char *format_of(const char *q, size_t len)
{
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, len, NULL, &ast, &err) != 0)
        return NULL;
    char *s = pq_format(ast->root);
    pq_ast_free(ast);
    return s;
}

/* Pretty output, at the default and at a tiny line limit, is the same query. */
static void check_pretty_round_trip(const char *q, size_t len, const char *file, int line_no,
                                    void *arg)
{
    int *failures = arg;
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, len, NULL, &ast, &err) != 0)
        return;
    char *canonical = pq_format(ast->root);
    assert_non_null(canonical);
    size_t limits[] = {100, 10, 0};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        char *pretty = pq_format_pretty_limit(ast->root, limits[i]);
        assert_non_null(pretty);
        char *back = format_of(pretty, strlen(pretty));
        if (!back || strcmp(back, canonical) != 0) {
            print_error("%s:%d: limit %zu\n%s\n--- reads back as\n%s\n", file, line_no,
                        limits[i], pretty, back ? back : "(parse error)");
            (*failures)++;
        }
        free(back);
        free(pretty);
    }
    free(canonical);
    pq_ast_free(ast);
}

static void test_upstream_round_trip(void **state)
{
    (void)state;
    int failures = 0;
    int count = for_each_upstream_query(check_pretty_round_trip, &failures);
    if (count < 0)
        fail_msg("upstream promqltest scripts not found next to %s", PROMQL_SOURCE_DIR);
    assert_true(count > 2000);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aggregate),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_call_and_subquery),
        cmocka_unit_test(test_paren_and_unary),
        cmocka_unit_test(test_duration_and_default_limit),
        cmocka_unit_test(test_upstream_pretty_cases),
        cmocka_unit_test(test_upstream_round_trip),
    };
    return cmocka_run_group_tests(tests, test_arena_setup, test_arena_teardown);
}
