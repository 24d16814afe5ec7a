/*
 * test_cli_promqltest.c -- the promqltest runner judged on scripts whose outcome is known:
 * passing evals pass, and each kind of mismatch (value, missing / extra series, order, error
 * expectations, annotations, script errors) is reported as a failure of that kind at the
 * eval's line. Also the Go-compatible helpers: number lines, string literals, float tolerance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/cli/jsonstr.c"
#include "../../src/cli/numfmt.c"
#include "../../src/cli/pqt_atmod.c"
#include "../../src/cli/pqt_check.c"
#include "../../src/cli/promqltest.c"
#include "../../src/cli/timeparse.c"

#define MAX_ITEMS 64

typedef struct collected {
    int line[MAX_ITEMS];
    pqt_failure failure[MAX_ITEMS];
    size_t n;
} collected;

static void collect(void *arg, const pqt_item *it)
{
    collected *c = arg;
    assert_non_null(it->file);
    assert_non_null(it->expr);
    if (it->failure != PQT_OK)
        assert_non_null(it->message);
    if (c->n < MAX_ITEMS) {
        c->line[c->n] = it->line;
        c->failure[c->n] = it->failure;
        c->n++;
    }
}

static collected run(const char *script)
{
    collected c;
    memset(&c, 0, sizeof c);
    char err[256];
    pqt_config cfg;
    memset(&cfg, 0, sizeof cfg);
    assert_int_equal(pqt_run_script("t.test", script, strlen(script), &cfg, collect, &c, err, sizeof err), 0);
    return c;
}

static const char *LOAD = "load 1m\n"
                          "  m{a=\"1\"} 1 2 3\n"
                          "  m{a=\"2\"} 10 20 30\n"
                          "\n";

static void expect_one(const char *evals, int line, pqt_failure want)
{
    char script[4096];
    snprintf(script, sizeof script, "%s%s", LOAD, evals);
    collected c = run(script);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.line[0], line);
    assert_int_equal(c.failure[0], want);
}

static void test_passing(void **state)
{
    (void)state;
    expect_one("eval instant at 2m m\n  m{a=\"1\"} 3\n  m{a=\"2\"} 30\n", 5, PQT_OK);
    expect_one("eval range from 0 to 2m step 1m m{a=\"2\"}\n  m{a=\"2\"} 10 20 30\n", 5, PQT_OK);
    expect_one("eval instant at 0 sum(m)\n  {} 11.00000001\n", 5, PQT_OK);   /* within 1e-6 */
    expect_one("eval instant at 0 m + on() m\n  expect fail\n", 5, PQT_OK);
    expect_one("eval instant at 0 2 * 3\n  6\n", 5, PQT_OK);
    expect_one("eval instant at 0 \"x\"\n  expect string \"x\"\n", 5, PQT_OK);
}

static void test_failures(void **state)
{
    (void)state;
    expect_one("eval instant at 2m m\n  m{a=\"1\"} 4\n  m{a=\"2\"} 30\n", 5, PQT_WRONG_RESULT);
    expect_one("eval instant at 2m m\n  m{a=\"1\"} 3\n", 5, PQT_WRONG_RESULT);                 /* extra */
    expect_one("eval instant at 2m m\n  m{a=\"1\"} 3\n  m{a=\"2\"} 30\n  m{a=\"3\"} 1\n", 5,
               PQT_WRONG_RESULT);                                                              /* missing */
    expect_one("eval instant at 0 sort_desc(m)\n  expect ordered\n  m{a=\"1\"} 1\n  m{a=\"2\"} 10\n", 5,
               PQT_WRONG_RESULT);                                                              /* order */
    expect_one("eval range from 0 to 2m step 1m m{a=\"2\"}\n  m{a=\"2\"} 10 20 31\n", 5, PQT_WRONG_RESULT);
    expect_one("eval instant at 0 sum(m)\n  {} 11.0001\n", 5, PQT_WRONG_RESULT);
    expect_one("eval instant at 0 m + on() m\n  {} 1\n", 5, PQT_UNEXPECTED_ERROR);
    expect_one("eval instant at 0 sum(m)\n  expect fail\n", 5, PQT_MISSING_ERROR);
    expect_one("eval instant at 0 m + on() m\n  expect fail msg: something else\n", 5, PQT_WRONG_ERROR);
    expect_one("eval instant at 0 sum(m)\n  expect warn\n  {} 11\n", 5, PQT_ANNOTATIONS);
    expect_one("eval instant at 0 1\n  2\n", 5, PQT_WRONG_RESULT);
    expect_one("eval instant at 0 \"x\"\n  expect string \"y\"\n", 5, PQT_WRONG_RESULT);
    expect_one("eval instant at 0 sum(m\n", 5, PQT_PARSE_ERROR);
    expect_one("eval instant at soon m\n", 5, PQT_SCRIPT_ERROR);
    expect_one("eval instant at 0 m\n  expect bogus\n", 5, PQT_SCRIPT_ERROR);
    expect_one("eval instant at 0 m\n  m{a=\"1\"} 1 2\n", 5, PQT_SCRIPT_ERROR);
    expect_one("frobnicate\n", 5, PQT_SCRIPT_ERROR);
}

static void test_script_flow(void **state)
{
    (void)state;
    /* A broken load is one failure; clear empties the store; reading goes on after errors. */
    collected c = run("load 1m\n  m{a=\"1\"} 1 bogus\n\n"
                      "load 1m\n  n 5\n\n"
                      "eval instant at 0 n\n  n 5\n\n"
                      "clear\n\n"
                      "eval instant at 0 n\n");
    assert_int_equal(c.n, 3);
    assert_int_equal(c.line[0], 1);
    assert_int_equal(c.failure[0], PQT_LOAD_ERROR);
    assert_int_equal(c.failure[1], PQT_OK);
    assert_int_equal(c.line[1], 7);
    assert_int_equal(c.failure[2], PQT_OK);
    assert_int_equal(c.line[2], 12);
}

static void test_numbers_and_strings(void **state)
{
    (void)state;
    double v;
    assert_true(pqt_parse_number("42", 2, &v) && v == 42);
    assert_true(pqt_parse_number("-0x10", 5, &v) && v == -16);
    assert_true(pqt_parse_number("010", 3, &v) && v == 8);   /* ParseInt base 0: octal */
    assert_true(pqt_parse_number("1.5e3", 5, &v) && v == 1500);
    assert_true(pqt_parse_number("NaN", 3, &v) && v != v);
    assert_true(pqt_parse_number("0", 1, &v) && v == 0);
    assert_false(pqt_parse_number("m{a=\"1\"}", 8, &v));
    assert_false(pqt_parse_number("{} 1", 4, &v));
    char *s;
    size_t n;
    assert_int_equal(pqt_go_unquote("\"a\\tb\\u00e9\\x41\"", 16, &s, &n), 0);
    assert_int_equal(n, 6);
    assert_memory_equal(s, "a\tb\xc3\xa9" "A", 6);
    free(s);
    assert_int_equal(pqt_go_unquote("`raw\\n`", 7, &s, &n), 0);
    assert_string_equal(s, "raw\\n");
    free(s);
    assert_int_equal(pqt_go_unquote("'x'", 3, &s, &n), 0);
    free(s);
    assert_int_equal(pqt_go_unquote("\"unterminated", 13, &s, &n), -1);
    assert_int_equal(pqt_go_unquote("\"bad \\q\"", 8, &s, &n), -1);
    assert_int_equal(pqt_go_unquote("'xy'", 4, &s, &n), -1);
    assert_int_equal(pqt_go_unquote("\"", 1, &s, &n), -1);
}

static void test_almost_equal(void **state)
{
    (void)state;
    double stale;
    uint64_t bits = PROMQL_STALE_NAN_BITS;
    memcpy(&stale, &bits, sizeof stale);
    assert_true(pqt_almost_equal(1, 1 + 1e-7));
    assert_false(pqt_almost_equal(1, 1 + 1e-5));
    assert_true(pqt_almost_equal(NAN, NAN));
    assert_false(pqt_almost_equal(NAN, stale));
    assert_true(pqt_almost_equal(stale, stale));
    assert_false(pqt_almost_equal(0, 1e-300));
    assert_true(pqt_almost_equal(INFINITY, INFINITY));
    assert_false(pqt_almost_equal(INFINITY, -INFINITY));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passing),       cmocka_unit_test(test_failures),
        cmocka_unit_test(test_script_flow),   cmocka_unit_test(test_numbers_and_strings),
        cmocka_unit_test(test_almost_equal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
