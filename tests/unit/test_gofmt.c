/*
 * test_gofmt.c -- Go-compatible quoting, float and duration formatting (util/gofmt.c), checked
 * against outputs of Go's strconv/fmt and prometheus/common's model.Duration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "util/gofmt.h"

static char *quote(const char *s, size_t len)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_go_quote(&b, s, len);
    return pq_strbuf_finish(&b);
}

#define CHECK_QUOTE(in, want)                                   \
    do {                                                        \
        char *got_ = quote(in, sizeof(in) - 1);                 \
        assert_non_null(got_);                                  \
        assert_string_equal(got_, want);                        \
        free(got_);                                             \
    } while (0)

static void test_quote(void **state)
{
    (void)state;
    CHECK_QUOTE("", "\"\"");
    CHECK_QUOTE("abc", "\"abc\"");
    CHECK_QUOTE("a\"b\\c", "\"a\\\"b\\\\c\"");
    CHECK_QUOTE("\a\b\f\n\r\t\v", "\"\\a\\b\\f\\n\\r\\t\\v\"");
    CHECK_QUOTE("\x01\x1f\x7f", "\"\\x01\\x1f\\x7f\"");
    CHECK_QUOTE("a\0b", "\"a\\x00b\"");
    /* printable non-ASCII passes through */
    CHECK_QUOTE("üüü", "\"üüü\"");
    CHECK_QUOTE("日本", "\"日本\"");
    CHECK_QUOTE("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");  /* U+1F600 */
    /* non-printable runes: NBSP (Zs), soft hyphen (Cf), U+0085 (C1), U+2028, private use */
    CHECK_QUOTE("\xc2\xa0", "\"\\u00a0\"");
    CHECK_QUOTE("\xc2\xad", "\"\\u00ad\"");
    CHECK_QUOTE("\xc2\x85", "\"\\u0085\"");
    CHECK_QUOTE("\xe2\x80\xa8", "\"\\u2028\"");
    CHECK_QUOTE("\xef\xbb\xbf", "\"\\ufeff\"");
    CHECK_QUOTE("\xf3\xb0\x80\x80", "\"\\U000f0000\"");
    CHECK_QUOTE("\xf0\x9f\xaf\xb0", "\"🯰\"");   /* U+1FBF0 digit, Nd */
    /* invalid UTF-8: every bad byte is \x-escaped */
    CHECK_QUOTE("\xff", "\"\\xff\"");
    CHECK_QUOTE("a\xc3", "\"a\\xc3\"");
    CHECK_QUOTE("\xed\xa0\x80", "\"\\xed\\xa0\\x80\"");   /* surrogate */
    CHECK_QUOTE("\xc0\xaf", "\"\\xc0\\xaf\"");             /* overlong */
    CHECK_QUOTE("\xf4\x90\x80\x80", "\"\\xf4\\x90\\x80\\x80\"");
    CHECK_QUOTE("\xef\xbf\xbd", "\"\xef\xbf\xbd\"");       /* a real U+FFFD is printable */
}

static char *ffmt(double v, char fmt)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_go_format_float(&b, v, fmt);
    return pq_strbuf_finish(&b);
}

#define CHECK_FLOAT(v, fmt, want)            \
    do {                                     \
        char *got_ = ffmt(v, fmt);           \
        assert_non_null(got_);               \
        assert_string_equal(got_, want);     \
        free(got_);                          \
    } while (0)

static void test_float(void **state)
{
    (void)state;
    CHECK_FLOAT(0.0, 'f', "0");
    CHECK_FLOAT(-0.0, 'f', "-0");
    CHECK_FLOAT(1.0, 'f', "1");
    CHECK_FLOAT(1048576, 'f', "1048576");
    CHECK_FLOAT(0.1, 'f', "0.1");
    CHECK_FLOAT(-2.5, 'f', "-2.5");
    CHECK_FLOAT(1e-7, 'f', "0.0000001");
    CHECK_FLOAT(1e21, 'f', "1000000000000000000000");
    CHECK_FLOAT(1e100, 'f',
                "1000000000000000000000000000000000000000000000000000000000000000000000000000"
                "0000000000000000000000000");
    CHECK_FLOAT(123456789.125, 'f', "123456789.125");
    CHECK_FLOAT(0.30000000000000004, 'f', "0.30000000000000004");
    {
        /* the smallest subnormal: "0." then 323 zeros then "5" */
        char want[330] = "0.";
        memset(want + 2, '0', 323);
        strcpy(want + 325, "5");
        CHECK_FLOAT(5e-324, 'f', want);
    }
    CHECK_FLOAT(1.0 / 0.0, 'f', "+Inf");
    CHECK_FLOAT(-1.0 / 0.0, 'f', "-Inf");
    CHECK_FLOAT(0.0 / 0.0, 'f', "NaN");
    CHECK_FLOAT(-23, 'g', "-23");
    CHECK_FLOAT(999999, 'g', "999999");
    CHECK_FLOAT(1e6, 'g', "1e+06");
    CHECK_FLOAT(1234567, 'g', "1.234567e+06");
    CHECK_FLOAT(0.0001, 'g', "0.0001");
    CHECK_FLOAT(0.00001, 'g', "1e-05");
    CHECK_FLOAT(1e100, 'g', "1e+100");
    CHECK_FLOAT(0.0, 'g', "0");
    CHECK_FLOAT(1.5, 'e', "1.5e+00");
    CHECK_FLOAT(1.7976931348623157e308, 'e', "1.7976931348623157e+308");
    /* powers of two whose shortest form is not the nearest decimal of that length */
    CHECK_FLOAT(ldexp(1.0, -1017), 'e', "7.120236347223045e-307");
    CHECK_FLOAT(ldexp(1.0, 89), 'e', "6.189700196426902e+26");
    CHECK_FLOAT(ldexp(1.0, 89), 'f', "618970019642690200000000000");
    CHECK_FLOAT(ldexp(1.0, 122), 'g', "5.316911983139664e+36");
}

static char *dur(int64_t ms)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_go_format_duration_ms(&b, ms);
    return pq_strbuf_finish(&b);
}

#define CHECK_DUR(ms, want)                  \
    do {                                     \
        char *got_ = dur(ms);                \
        assert_non_null(got_);               \
        assert_string_equal(got_, want);     \
        free(got_);                          \
    } while (0)

static void test_duration(void **state)
{
    (void)state;
    CHECK_DUR(0, "0s");
    CHECK_DUR(1, "1ms");
    CHECK_DUR(1500, "1s500ms");
    CHECK_DUR(300000, "5m");
    CHECK_DUR(5400000, "1h30m");
    CHECK_DUR(86400000, "1d");
    CHECK_DUR(7 * 86400000LL, "1w");
    CHECK_DUR(90 * 86400000LL, "90d");           /* not 12w6d */
    CHECK_DUR(365 * 86400000LL, "1y");
    CHECK_DUR(366 * 86400000LL, "366d");
    CHECK_DUR(14 * 86400000LL + 1000, "14d1s");
    CHECK_DUR(-300000, "-5m");
    CHECK_DUR(INT64_MAX, "106751991167d7h12m55s807ms");
}

static void test_legacy_label_name(void **state)
{
    (void)state;
    assert_true(pq_is_legacy_label_name("job", 3));
    assert_true(pq_is_legacy_label_name("_0", 2));
    assert_true(pq_is_legacy_label_name("__name__", 8));
    assert_false(pq_is_legacy_label_name("", 0));
    assert_false(pq_is_legacy_label_name("0", 1));
    assert_false(pq_is_legacy_label_name("a.b", 3));
    assert_false(pq_is_legacy_label_name("a:b", 3));
    assert_false(pq_is_legacy_label_name("ü", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote),
        cmocka_unit_test(test_float),
        cmocka_unit_test(test_duration),
        cmocka_unit_test(test_legacy_label_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
