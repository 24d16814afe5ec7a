/*
 * test_ast_json.c -- pq_ast_to_json: exact output for small nodes (Prometheus's parse_query
 * shape plus positions), and for bigger trees a strict JSON check that also verifies every
 * object's keys come in encoding/json's sorted order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast_builder.h"
#include "upstream_queries.h"
#include "parser/parser.h"
#include "util/gofmt.h"

/* ---- a strict JSON reader: syntax, string escapes, UTF-8, sorted unique keys ------------- */

typedef struct reader {
    const char *s;
    size_t i, len;
} reader;

static bool value(reader *r, int depth);

static void ws(reader *r)
{
    while (r->i < r->len && strchr(" \t\n\r", r->s[r->i]))
        r->i++;
}

/* Reads a string; copies its raw (still escaped) text into out (for key comparison). */
static bool string(reader *r, char *out, size_t out_size)
{
    if (r->i >= r->len || r->s[r->i] != '"')
        return false;
    size_t start = ++r->i;
    while (r->i < r->len && r->s[r->i] != '"') {
        unsigned char c = (unsigned char)r->s[r->i];
        if (c < 0x20)
            return false;
        if (c == '\\') {
            r->i++;
            if (r->i >= r->len)
                return false;
            char e = r->s[r->i];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (r->i + k >= r->len || !strchr("0123456789abcdefABCDEF", r->s[r->i + k]))
                        return false;
                r->i += 4;
            } else if (!strchr("\"\\/bfnrt", e)) {
                return false;
            }
        } else if (c >= 0x80) {
            size_t w;
            uint32_t cp = pq_go_decode_rune((const unsigned char *)r->s + r->i, r->len - r->i, &w);
            if (cp == 0xFFFD && w == 1)
                return false;   /* invalid UTF-8 must not reach the output */
            r->i += w - 1;
        }
        r->i++;
    }
    if (r->i >= r->len)
        return false;
    if (out) {
        size_t n = r->i - start < out_size - 1 ? r->i - start : out_size - 1;
        memcpy(out, r->s + start, n);
        out[n] = 0;
    }
    r->i++;
    return true;
}

static bool object(reader *r, int depth)
{
    char prev[64] = "", cur[64];
    bool first = true;
    r->i++;
    ws(r);
    if (r->i < r->len && r->s[r->i] == '}') {
        r->i++;
        return true;
    }
    for (;;) {
        ws(r);
        if (!string(r, cur, sizeof cur))
            return false;
        if (!first && strcmp(prev, cur) >= 0) {
            print_error("keys out of order: \"%s\" then \"%s\"\n", prev, cur);
            return false;
        }
        first = false;
        strcpy(prev, cur);
        ws(r);
        if (r->i >= r->len || r->s[r->i] != ':')
            return false;
        r->i++;
        if (!value(r, depth + 1))
            return false;
        ws(r);
        if (r->i < r->len && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->len && r->s[r->i] == '}') {
            r->i++;
            return true;
        }
        return false;
    }
}

static bool array(reader *r, int depth)
{
    r->i++;
    ws(r);
    if (r->i < r->len && r->s[r->i] == ']') {
        r->i++;
        return true;
    }
    for (;;) {
        if (!value(r, depth + 1))
            return false;
        ws(r);
        if (r->i < r->len && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->len && r->s[r->i] == ']') {
            r->i++;
            return true;
        }
        return false;
    }
}

static bool value(reader *r, int depth)
{
    if (depth > 2000)
        return false;
    ws(r);
    if (r->i >= r->len)
        return false;
    char c = r->s[r->i];
    if (c == '{')
        return object(r, depth);
    if (c == '[')
        return array(r, depth);
    if (c == '"')
        return string(r, NULL, 0);
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(words[k]);
        if (r->len - r->i >= n && memcmp(r->s + r->i, words[k], n) == 0) {
            r->i += n;
            return true;
        }
    }
    /* number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    size_t start = r->i;
    if (r->s[r->i] == '-')
        r->i++;
    if (r->i < r->len && r->s[r->i] == '0')
        r->i++;
    else if (r->i < r->len && r->s[r->i] >= '1' && r->s[r->i] <= '9')
        while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
    else
        return false;
    if (r->i < r->len && r->s[r->i] == '.') {
        r->i++;
        size_t d = r->i;
        while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
        if (r->i == d)
            return false;
    }
    if (r->i < r->len && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
        r->i++;
        if (r->i < r->len && (r->s[r->i] == '+' || r->s[r->i] == '-'))
            r->i++;
        size_t d = r->i;
        while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
            r->i++;
        if (r->i == d)
            return false;
    }
    return r->i > start;
}

static void assert_valid_json(const char *s)
{
    reader r = {s, 0, strlen(s)};
    bool ok = value(&r, 0);
    ws(&r);
    if (!ok || r.i != r.len)
        print_error("invalid JSON near byte %zu: %s\n", r.i, s);
    assert_true(ok && r.i == r.len);
}

#define CHECK(node, query, want)                                              \
    do {                                                                      \
        const char *q_ = (query);                                             \
        char *got_ = pq_ast_to_json(node, q_, q_ ? strlen(q_) : 0);           \
        assert_non_null(got_);                                                \
        assert_valid_json(got_);                                              \
        assert_string_equal(got_, want);                                      \
        free(got_);                                                           \
    } while (0)

static pq_node *at(pq_node *n, uint32_t start, uint32_t end)
{
    n->pos_start = start;
    n->pos_end = end;
    return n;
}

static void test_literals(void **state)
{
    (void)state;
    CHECK(at(ab_num(1.5), 0, 3), NULL,
          "{\"end\":3,\"start\":0,\"type\":\"numberLiteral\",\"val\":\"1.5\"}");
    CHECK(at(ab_num(1.0 / 0.0), 0, 3), "Inf",
          "{\"col\":1,\"end\":3,\"line\":1,\"start\":0,\"type\":\"numberLiteral\",\"val\":\"+Inf\"}");
    CHECK(ab_num(0.0 / 0.0), NULL,
          "{\"end\":0,\"start\":0,\"type\":\"numberLiteral\",\"val\":\"NaN\"}");
    /* Go's encoding/json escapes: short forms, \u00XX controls, HTML characters, U+2028,
     * and invalid UTF-8 as U+FFFD; other UTF-8 passes through */
    CHECK(ab_str_len("a\"\\\n\t\x01<>&\xe2\x80\xa8\xffü\x7f", 16), NULL,
          "{\"end\":0,\"start\":0,\"type\":\"stringLiteral\",\"val\":"
          "\"a\\\"\\\\\\n\\t\\u0001\\u003c\\u003e\\u0026\\u2028\\ufffdü\x7f\"}");
}

static void test_selectors(void **state)
{
    (void)state;
    const char *q = "sum(\n  foo{job=\"a\"} offset 5m)";
    pq_node *vs = at(ab_vs("foo", "job", "=", "a", NULL), 7, 29);
    vs->u.selector.mod.original_offset_ms = 300000;
    CHECK(vs, q,
          "{\"anchored\":false,\"col\":3,\"end\":29,\"line\":2,\"matchers\":["
          "{\"name\":\"job\",\"type\":\"=\",\"value\":\"a\"},"
          "{\"name\":\"__name__\",\"type\":\"=\",\"value\":\"foo\"}],"
          "\"name\":\"foo\",\"offset\":300000,\"offsetExpr\":null,\"smoothed\":false,"
          "\"start\":7,\"startOrEnd\":null,\"timestamp\":null,\"type\":\"vectorSelector\"}");

    vs = ab_vs(NULL, "a.b", "!~", "x", NULL);
    vs->u.selector.mod.at_kind = PQ_AT_TIMESTAMP;
    vs->u.selector.mod.at_ms = 1500;
    vs->u.selector.smoothed = true;
    CHECK(vs, NULL,
          "{\"anchored\":false,\"end\":0,\"matchers\":[{\"name\":\"a.b\",\"type\":\"!~\","
          "\"value\":\"x\"}],\"name\":\"\",\"offset\":0,\"offsetExpr\":null,"
          "\"smoothed\":true,\"start\":0,\"startOrEnd\":null,\"timestamp\":1500,"
          "\"type\":\"vectorSelector\"}");

    vs = ab_vs("foo", NULL);
    vs->u.selector.mod.at_kind = PQ_AT_END;
    vs->u.selector.anchored = true;
    pq_node *m = ab_matrix(vs, 0);
    m->u.matrix.range_ms = 480000;   /* evaluated, but written as an expression: reported 0 */
    m->u.matrix.range_expr = ab_dexpr(PQ_OP_ADD, ab_dur(300), ab_num(180), false);
    CHECK(m, NULL,
          "{\"anchored\":true,\"end\":0,\"matchers\":[{\"name\":\"__name__\",\"type\":\"=\","
          "\"value\":\"foo\"}],\"name\":\"foo\",\"offset\":0,\"offsetExpr\":null,\"range\":0,"
          "\"rangeExpr\":{\"end\":0,\"lhs\":{\"duration\":true,\"end\":0,\"start\":0,"
          "\"type\":\"numberLiteral\",\"val\":\"300\"},\"op\":\"+\",\"rhs\":{\"duration\":false,"
          "\"end\":0,\"start\":0,\"type\":\"numberLiteral\",\"val\":\"180\"},\"start\":0,"
          "\"type\":\"durationExpr\",\"wrapped\":false},\"smoothed\":false,\"start\":0,"
          "\"startOrEnd\":\"end\",\"timestamp\":null,\"type\":\"matrixSelector\"}");

    pq_node *sq = ab_subquery(ab_vs("x", NULL), 3600000, 60000);
    sq->u.subquery.mod.at_kind = PQ_AT_START;
    sq->u.subquery.mod.offset_expr = ab_dexpr(PQ_OP_STEP, NULL, NULL, false);
    CHECK(sq, NULL,
          "{\"end\":0,\"expr\":{\"anchored\":false,\"end\":0,\"matchers\":[{\"name\":\"__name__\","
          "\"type\":\"=\",\"value\":\"x\"}],\"name\":\"x\",\"offset\":0,\"offsetExpr\":null,"
          "\"smoothed\":false,\"start\":0,\"startOrEnd\":null,\"timestamp\":null,"
          "\"type\":\"vectorSelector\"},\"offset\":0,\"offsetExpr\":{\"end\":0,\"lhs\":null,"
          "\"op\":\"step\",\"rhs\":null,\"start\":0,\"type\":\"durationExpr\",\"wrapped\":false},"
          "\"range\":3600000,\"rangeExpr\":null,\"start\":0,\"startOrEnd\":\"start\","
          "\"step\":60000,\"stepExpr\":null,\"timestamp\":null,\"type\":\"subquery\"}");
}

static void test_operators(void **state)
{
    (void)state;
    pq_node *bin = ab_group(ab_on(ab_bin(ab_vs("a", NULL), PQ_OP_DIV, ab_vs("b", NULL)), true,
                                  "job", NULL),
                            PQ_CARD_MANY_TO_ONE, "x", NULL);
    bin->u.binary.matching->has_fill_rhs = true;
    bin->u.binary.matching->fill_rhs = 1e-7;
    char *s = pq_ast_to_json(bin, NULL, 0);
    assert_non_null(s);
    assert_valid_json(s);
    assert_non_null(strstr(s, "\"matching\":{\"card\":\"many-to-one\",\"fillValues\":{\"lhs\":null,"
                              "\"rhs\":1e-7},\"include\":[\"x\"],\"labels\":[\"job\"],\"on\":true}"));
    assert_non_null(strstr(s, "\"op\":\"/\""));
    assert_non_null(strstr(s, "\"bool\":false"));
    free(s);

    pq_node *cmp = ab_bin(ab_num(1), PQ_OP_GTR, ab_num(2));
    cmp->u.binary.return_bool = true;
    CHECK(cmp, NULL,
          "{\"bool\":true,\"end\":0,\"lhs\":{\"end\":0,\"start\":0,\"type\":\"numberLiteral\","
          "\"val\":\"1\"},\"matching\":null,\"op\":\"\\u003e\",\"rhs\":{\"end\":0,\"start\":0,"
          "\"type\":\"numberLiteral\",\"val\":\"2\"},\"start\":0,\"type\":\"binaryExpr\"}");

    pq_node *agg = ab_agg(PQ_OP_TOPK, ab_vs("x", NULL), ab_num(3), true, true, "a", "b", NULL);
    s = pq_ast_to_json(agg, NULL, 0);
    assert_non_null(s);
    assert_valid_json(s);
    assert_non_null(strstr(s, "\"grouping\":[\"a\",\"b\"],\"op\":\"topk\",\"param\":{"));
    assert_non_null(strstr(s, "\"type\":\"aggregation\",\"without\":true}"));
    free(s);
    CHECK(ab_agg(PQ_OP_SUM, ab_num(1), NULL, false, false, NULL), NULL,
          "{\"end\":0,\"expr\":{\"end\":0,\"start\":0,\"type\":\"numberLiteral\",\"val\":\"1\"},"
          "\"grouping\":[],\"op\":\"sum\",\"param\":null,\"start\":0,\"type\":\"aggregation\","
          "\"without\":false}");

    pq_node *call = ab_call("round", 2, ab_vs("x", NULL), ab_num(5));
    pq_function *f = (pq_function *)call->u.call.func;
    f->arg_types[0] = PQ_TYPE_VECTOR;
    f->arg_types[1] = PQ_TYPE_SCALAR;
    f->arg_count = 2;
    f->variadic = 1;
    s = pq_ast_to_json(ab_unary(PQ_OP_SUB, ab_paren(call)), NULL, 0);
    assert_non_null(s);
    assert_valid_json(s);
    assert_non_null(strstr(s, "\"func\":{\"argTypes\":[\"vector\",\"scalar\"],\"name\":\"round\","
                              "\"returnType\":\"vector\",\"variadic\":1}"));
    assert_non_null(strstr(s, "\"type\":\"parenExpr\""));
    assert_non_null(strstr(s, "\"op\":\"-\",\"start\":0,\"type\":\"unaryExpr\"}"));
    free(s);
}

static void test_robustness(void **state)
{
    (void)state;
    CHECK(NULL, NULL, "null");
    /* empty and half-built nodes still give valid JSON */
    for (int k = PQ_NODE_NUMBER; k <= PQ_NODE_STEP_INVARIANT; k++) {
        pq_node *n = ab_node((pq_node_kind)k);
        n->pos_start = 1000;   /* past the end of the query: clamped */
        char *s = pq_ast_to_json(n, "ab\ncd", 5);
        assert_non_null(s);
        assert_valid_json(s);
        free(s);
    }
    pq_node *n = ab_vs("x", NULL);
    for (int i = 0; i < 300; i++)
        n = ab_paren(n);
    char *s = pq_ast_to_json(n, NULL, 0);
    assert_non_null(s);
    assert_valid_json(s);
    free(s);
}


static void check_query_json(const char *q, size_t len, const char *file, int line_no, void *arg)
{
    int *count = arg;
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, len, NULL, &ast, &err) != 0)
        return;
    char *s = pq_ast_to_json(ast->root, q, len);
    assert_non_null(s);
    reader r = {s, 0, strlen(s)};
    if (!value(&r, 0) || r.i != r.len) {
        print_error("%s:%d: invalid JSON for %s\n%s\n", file, line_no, q, s);
        fail();
    }
    (*count)++;
    free(s);
    pq_ast_free(ast);
}

static void test_upstream_queries(void **state)
{
    (void)state;
    int ok = 0;
    int count = for_each_upstream_query(check_query_json, &ok);
    if (count < 0)
        fail_msg("upstream promqltest scripts not found next to %s", PROMQL_SOURCE_DIR);
    assert_true(ok > 2000);
}

static void test_parsed_positions(void **state)
{
    (void)state;
    const char *q = "sum by (job) (\n  rate(foo[5m])\n)";
    pq_ast *ast = NULL;
    promql_error err;
    assert_int_equal(pq_parse(q, strlen(q), NULL, &ast, &err), 0);
    char *s = pq_ast_to_json(ast->root, q, strlen(q));
    assert_non_null(s);
    assert_valid_json(s);
    /* the call starts on line 2, column 3 (bytes 17..30) */
    assert_non_null(strstr(s, "\"col\":3,\"end\":30,\"func\":{\"argTypes\":[\"matrix\"],"
                              "\"name\":\"rate\",\"returnType\":\"vector\",\"variadic\":0},"
                              "\"line\":2,\"start\":17,\"type\":\"call\"}"));
    assert_non_null(strstr(s, "\"grouping\":[\"job\"]"));
    free(s);
    pq_ast_free(ast);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_robustness),
        cmocka_unit_test(test_parsed_positions),
        cmocka_unit_test(test_upstream_queries),
    };
    return cmocka_run_group_tests(tests, test_arena_setup, test_arena_teardown);
}
