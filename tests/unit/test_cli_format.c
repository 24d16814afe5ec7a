/*
 * test_cli_format.c -- the CLI's pure formatting pieces: Go-compatible float formatting
 * (shortest round-trip digits, 'f'/'e' layouts, the API's sample values and timestamps,
 * encoding/json numbers) and JSON string escaping. The CLI sources are compiled into
 * promql-eval only, so this test compiles the units it checks directly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/cli/numfmt.c"
#include "util/gofmt.h"
#include "../../src/cli/jsonstr.c"

static void check_value(double f, const char *want)
{
    char buf[PQ_NUMFMT_MAX];
    pq_go_format_sample_value(buf, PQ_NUMFMT_MAX, f);
    assert_string_equal(buf, want);
}

static void test_sample_values(void **state)
{
    (void)state;
    check_value(0, "0");
    check_value(-0.0, "-0");
    check_value(1, "1");
    check_value(-2.5, "-2.5");
    check_value(0.1, "0.1");
    check_value(0.1 + 0.2, "0.30000000000000004");
    check_value(1e-7, "1e-07");
    check_value(1e-6, "0.000001");
    check_value(1.5e-7, "1.5e-07");
    check_value(1e21, "1e+21");
    check_value(1e20, "100000000000000000000");
    check_value(123456789012345678.0, "123456789012345680");
    check_value(5e-324, "5e-324");
    check_value(1.7976931348623157e308, "1.7976931348623157e+308");
    check_value(NAN, "NaN");
    check_value(INFINITY, "+Inf");
    check_value(-INFINITY, "-Inf");
    check_value(1.0 / 3, "0.3333333333333333");
    check_value(2.0 / 3, "0.6666666666666666");
    check_value(100, "100");
    check_value(1234.5678, "1234.5678");
    check_value(9007199254740993.0, "9007199254740992");
}

static void test_go_float_f(void **state)
{
    (void)state;
    char buf[PQ_NUMFMT_MAX];
    pq_go_format_float_buf(buf, sizeof buf, 1e-7, 'f');
    assert_string_equal(buf, "0.0000001");
    pq_go_format_float_buf(buf, sizeof buf, 1e21, 'f');
    assert_string_equal(buf, "1000000000000000000000");
    pq_go_format_float_buf(buf, sizeof buf, 0, 'e');
    assert_string_equal(buf, "0e+00");
    pq_go_format_float_buf(buf, sizeof buf, 12345, 'e');
    assert_string_equal(buf, "1.2345e+04");
    pq_go_format_float_buf(buf, sizeof buf, 1e100, 'e');
    assert_string_equal(buf, "1e+100");
    pq_go_format_float_buf(buf, sizeof buf, 1.7976931348623157e308, 'f');
    assert_int_equal(strlen(buf), 309);
    pq_go_format_float_buf(buf, sizeof buf, 1e21, 'g');
    assert_string_equal(buf, "1e+21");
    pq_go_format_float_buf(buf, sizeof buf, 0.0001, 'g');
    assert_string_equal(buf, "0.0001");
    pq_go_format_float_buf(buf, sizeof buf, 0.00001, 'g');
    assert_string_equal(buf, "1e-05");
    /* fmt's %v (promqltest messages): the exponent form from 1e6 on, as fmt.Println(1e6) */
    pq_go_format_float_buf(buf, sizeof buf, 1e6, 'g');
    assert_string_equal(buf, "1e+06");
}

/* Every shortest representation must parse back exactly, and one digit fewer must not. */
static void test_shortest_round_trip(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 50000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double f;
        uint64_t bits = (i % 3 == 0) ? ((uint64_t)(i % 2046 + 1) << 52) + (uint64_t)(i % 3) - 1 : x;
        memcpy(&f, &bits, sizeof f);
        if (!isfinite(f) || f == 0)
            continue;
        char d[32], s[64];
        int point;
        int n = pq_go_shortest_digits(f, d, &point);
        snprintf(s, sizeof s, "0.%se%d", d, point);
        assert_true(strtod(s, NULL) == fabs(f));
        if (n > 1) {
            char t[64];
            snprintf(t, sizeof t, "%.*e", n - 2, fabs(f));
            assert_false(strtod(t, NULL) == fabs(f));
        }
    }
}

static void test_timestamps(void **state)
{
    (void)state;
    char buf[PQ_NUMFMT_MAX];
    pq_cli_format_timestamp_ms(buf, 1700000000010);
    assert_string_equal(buf, "1700000000.010");
    pq_cli_format_timestamp_ms(buf, 1000);
    assert_string_equal(buf, "1");
    pq_cli_format_timestamp_ms(buf, 0);
    assert_string_equal(buf, "0");
    pq_cli_format_timestamp_ms(buf, -500);
    assert_string_equal(buf, "-0.500");
    pq_cli_format_timestamp_ms(buf, 1234);
    assert_string_equal(buf, "1.234");
    pq_cli_format_timestamp_ms(buf, INT64_MIN);
    assert_string_equal(buf, "-9223372036854775.808");
}

static void test_json_numbers(void **state)
{
    (void)state;
    char buf[PQ_NUMFMT_MAX];
    pq_go_format_json_float(buf, PQ_NUMFMT_MAX, 1700000000.01);
    assert_string_equal(buf, "1700000000.01");
    pq_go_format_json_float(buf, PQ_NUMFMT_MAX, 1e-7);
    assert_string_equal(buf, "1e-7");
    pq_go_format_json_float(buf, PQ_NUMFMT_MAX, 1.5e-10);
    assert_string_equal(buf, "1.5e-10");
    pq_go_format_json_float(buf, PQ_NUMFMT_MAX, 1e21);
    assert_string_equal(buf, "1e+21");
    pq_go_format_json_float(buf, PQ_NUMFMT_MAX, 0.000123);
    assert_string_equal(buf, "0.000123");
}

static void check_json(const char *in, size_t len, int std_json, const char *want)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_cli_json_string(&b, in, len, std_json);
    char *s = pq_strbuf_finish(&b);
    assert_non_null(s);
    assert_string_equal(s, want);
    free(s);
}

static void test_json_strings(void **state)
{
    (void)state;
    check_json("a<b>&c", 6, 0, "\"a\\u003cb\\u003e\\u0026c\"");
    check_json("q\"\\", 3, 0, "\"q\\\"\\\\\"");
    check_json("\n\r\t", 3, 0, "\"\\n\\r\\t\"");
    check_json("\b\f\x01", 3, 0, "\"\\u0008\\u000c\\u0001\"");
    check_json("\b\f\x01", 3, 1, "\"\\b\\f\\u0001\"");
    check_json("\xe2\x80\xa8x", 4, 0, "\"\\u2028x\"");
    check_json("\xff\xc3", 2, 0, "\"\\ufffd\\ufffd\"");
    check_json("h\xc3\xa9llo \xf0\x9f\x98\x80", 11, 0, "\"h\xc3\xa9llo \xf0\x9f\x98\x80\"");
    check_json("\xed\xa0\x80", 3, 0, "\"\\ufffd\\ufffd\\ufffd\"");   /* a surrogate is invalid */
    check_json("a\0b", 3, 0, "\"a\\u0000b\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_values),  cmocka_unit_test(test_go_float_f),
        cmocka_unit_test(test_shortest_round_trip), cmocka_unit_test(test_timestamps),
        cmocka_unit_test(test_json_numbers),   cmocka_unit_test(test_json_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
