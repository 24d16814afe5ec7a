/*
 * test_gofmt.c -- Go-compatible quoting, float and duration formatting (util/gofmt.c) and
 * duration, float and time parsing (util/gotime.c), checked against outputs of Go's
 * strconv/fmt/time, prometheus/common's model.Duration and promtool.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <float.h>
#include <math.h>

#include "util/gofmt.h"
#include "util/ftoa.h"
#include "util/gotime.h"

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

/* An independent reference for the shortest digits: the first precision whose correctly
 * rounded %e reads back (plus, at a power of two, the next decimal up, which the wider gap
 * above may admit). */
static void reference_shortest(double v, char *digits, int *dp)
{
    char buf[40];
    int exp2;
    bool p2 = frexp(v, &exp2) == 0.5;
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        bool ok = strtod(buf, NULL) == v;
        if (!ok && p2 && strtod(buf, NULL) < v && p < 17) {
            char *e = strchr(buf, 'e'), *q = e - 1;
            char up[40];
            while (q >= buf && (*q == '9' || *q == '.')) {
                if (*q == '9')
                    *q = '0';
                q--;
            }
            if (q >= buf) {
                (*q)++;
                memcpy(up, buf, sizeof up);
                ok = strtod(up, NULL) == v;
            }
        }
        if (ok || p == 17)
            break;
    }
    int n = 0;
    const char *c = buf;
    for (; *c != 'e'; c++)
        if (*c >= '0' && *c <= '9')
            digits[n++] = *c;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    *dp = atoi(c + 1) + 1;
}

/* The exact Ryu path (util/ftoa.c) agrees with the printf search on values of every kind in
 * its range: random bits, short decimals, integers, powers of two and their neighbours. */
static void test_ftoa_exact(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ULL;
    int checked = 0;
    for (int i = 0; i < 60000; i++) {
        double vals[6];
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint64_t bits = (x & ((UINT64_C(1) << 52) - 1)) | ((uint64_t)(1023 - 46 + x % 200) << 52);
        if (i % 5 == 0)
            bits &= ~((UINT64_C(1) << (x % 52)) - 1);
        memcpy(&vals[0], &bits, sizeof bits);
        vals[1] = (double)(x % 100000) * pow(10, (int)(x >> 40) % 30 - 12);
        vals[2] = 18000 + (double)(x % 1000000) / 1443.0;
        vals[3] = ldexp(1.0, (int)(x % 190) - 45);
        vals[4] = nextafter(vals[3], 0);
        vals[5] = (double)(x >> (x % 50));
        for (int k = 0; k < 6; k++) {
            pq_ftoa_digits g;
            if (vals[k] == 0 || !pq_ftoa_shortest(vals[k], &g))
                continue;
            char want[40];
            int dp;
            reference_shortest(vals[k], want, &dp);
            if (strcmp(g.d, want) != 0 || g.dp != dp)
                fail_msg("%.17g: %s e%d, want %s e%d", vals[k], g.d, g.dp, want, dp);
            checked++;
        }
    }
    assert_true(checked > 300000);
    /* Out of range: the caller's printf search takes over. */
    pq_ftoa_digits g;
    assert_false(pq_ftoa_shortest(5e-324, &g));
    assert_false(pq_ftoa_shortest(1e300, &g));
    assert_true(pq_ftoa_shortest(1e-13, &g));
    assert_string_equal(g.d, "1");
    assert_int_equal(g.dp, -12);
    CHECK_FLOAT(18640.000693000693, 'f', "18640.000693000693");
    CHECK_FLOAT(9007199254740993.0, 'f', "9007199254740992");
    CHECK_FLOAT(1e23, 'g', "1e+23");
    CHECK_FLOAT(2.5, 'f', "2.5");
    CHECK_FLOAT(0.000123, 'f', "0.000123");
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

static char *fmt_prec(double v, char f, int prec)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_go_format_float_prec(&b, v, f, prec);
    return pq_strbuf_finish(&b);
}

#define CHECK_PREC(v, f, prec, want)               \
    do {                                           \
        char *got_ = fmt_prec(v, f, prec);         \
        assert_non_null(got_);                     \
        assert_string_equal(got_, want);           \
        free(got_);                                \
    } while (0)

/* strconv.FormatFloat with an explicit precision and the upper-case forms. */
static void test_float_prec(void **state)
{
    (void)state;
    CHECK_PREC(1, 'E', -1, "1E+00");
    CHECK_PREC(0.5, 'E', -1, "5E-01");
    CHECK_PREC(1234, 'E', -1, "1.234E+03");
    CHECK_PREC(0, 'E', -1, "0E+00");
    CHECK_PREC(1e100, 'g', 4, "1e+100");
    CHECK_PREC(123, 'g', 4, "123");
    CHECK_PREC(12345, 'g', 4, "1.234e+04");
    CHECK_PREC(0.1, 'g', -1, "0.1");
    CHECK_PREC(5e-324, 'g', -1, "5e-324");
    CHECK_PREC(1.7976931348623157e308, 'g', -1, "1.7976931348623157e+308");
    CHECK_PREC(-0.0, 'g', -1, "-0");
    CHECK_PREC(2.5, 'f', 0, "2");
    CHECK_PREC(100, 'f', -1, "100");
    CHECK_PREC(1.5, 'f', 3, "1.500");
    CHECK_PREC(1.5, 'e', 3, "1.500e+00");
    CHECK_PREC(1234567, 'G', -1, "1.234567E+06");
    CHECK_PREC(0.000012345, 'g', 3, "1.23e-05");
    CHECK_PREC(NAN, 'E', 2, "NaN");
    CHECK_PREC(-INFINITY, 'g', 2, "-Inf");
    /* the power-of-two case goes through the one shortest-digits search for every form */
    CHECK_PREC(ldexp(1.0, 89), 'E', -1, "6.189700196426902E+26");
    CHECK_PREC(ldexp(1.0, 122), 'G', -1, "5.316911983139664E+36");
}

/* The char-buffer form: every shortest form fits PQ_GO_FLOAT_MAX; a short buffer gets a
 * terminated prefix, never a write past its end. */
static void test_float_buf(void **state)
{
    (void)state;
    char buf[PQ_GO_FLOAT_MAX];
    assert_int_equal(pq_go_format_float_buf(buf, sizeof buf, -DBL_MAX, 'f'), 310);
    assert_int_equal(pq_go_format_float_buf(buf, sizeof buf, -5e-324, 'f'), 327);
    assert_int_equal(pq_go_format_float_buf(buf, sizeof buf, 0.25, 'g'), 4);
    assert_string_equal(buf, "0.25");
    char small[4] = "xyz";
    size_t n = pq_go_format_float_buf(small, sizeof small, 123456.5, 'f');
    assert_true(n < sizeof small);
    assert_int_equal(strlen(small), n);
    char d[32];
    int decpt;
    assert_int_equal(pq_go_shortest_digits(-1250, d, &decpt), 3);
    assert_string_equal(d, "125");
    assert_int_equal(decpt, 4);
    assert_int_equal(pq_go_shortest_digits(0, d, &decpt), 0);
    assert_string_equal(d, "");
}

static int64_t parse_dur(const char *s, int want_rc, const char *want_err)
{
    int64_t ms = -1;
    char err[128] = "";
    assert_int_equal(pq_go_parse_duration(s, strlen(s), &ms, err, sizeof err), want_rc);
    if (want_err)
        assert_string_equal(err, want_err);
    return ms;
}

static void test_parse_duration(void **state)
{
    (void)state;
    assert_int_equal(parse_dur("1h30m", 0, NULL), 5400000);
    assert_int_equal(parse_dur("0", 0, NULL), 0);
    assert_int_equal(parse_dur("1y2w3d4h5m6s7ms", 0, NULL),
                     ((((365 + 14 + 3) * 24 + 4) * 60 + 5) * 60 + 6) * 1000LL + 7);
    parse_dur("5m1h", -1, "not a valid duration string: \"5m1h\"");
    parse_dur("5x", -1, "unknown unit \"x\" in duration \"5x\"");
    parse_dur("", -1, "empty duration string");
    parse_dur("1m1m", -1, "not a valid duration string: \"1m1m\"");
    parse_dur("-5m", -1, "not a valid duration string: \"-5m\"");
    parse_dur("5", -1, "not a valid duration string: \"5\"");
    parse_dur("293y", -1, "duration out of range");
    parse_dur("106751d23h47m16s854ms", 0, NULL);
    parse_dur("106751d23h47m16s855ms", -1, "duration out of range");
    parse_dur("99999999999999999999s", -1, "not a valid duration string: \"99999999999999999999s\"");
    /* Go's %q: control bytes and invalid UTF-8 escaped */
    parse_dur("5\n", -1, "unknown unit \"\\n\" in duration \"5\\n\"");
    parse_dur("\xff", -1, "not a valid duration string: \"\\xff\"");
    /* no message wanted */
    int64_t ms;
    assert_int_equal(pq_go_parse_duration("5m", 2, &ms, NULL, 0), 0);
    assert_int_equal(ms, 300000);
    assert_int_equal(pq_go_parse_duration("5q", 2, &ms, NULL, 0), -1);
    /* only len bytes count */
    assert_int_equal(pq_go_parse_duration("5mjunk", 2, &ms, NULL, 0), 0);
}

static void test_parse_float(void **state)
{
    (void)state;
    double v;
    assert_true(pq_go_parse_float("1e3", 3, &v) && v == 1000);
    assert_true(pq_go_parse_float("-Infinity", 9, &v) && isinf(v) && v < 0);
    assert_true(pq_go_parse_float("0x1.8p1", 7, &v) && v == 3);
    assert_false(pq_go_parse_float(" 1", 2, &v));
    assert_false(pq_go_parse_float("1e400", 5, &v));
    /* Go skips underscores between digits (Prometheus 2.42's API took time=1_701_387_907) */
    assert_true(pq_go_parse_float("1_000", 5, &v) && v == 1000);
    assert_true(pq_go_parse_float("0x_1p0", 6, &v) && v == 1);
    assert_true(pq_go_parse_float("1e1_0", 5, &v) && v == 1e10);
    assert_false(pq_go_parse_float("_1", 2, &v));
    assert_false(pq_go_parse_float("1_", 2, &v));
    assert_false(pq_go_parse_float("1__0", 4, &v));
    assert_false(pq_go_parse_float("1_.5", 4, &v));
    assert_false(pq_go_parse_float("1e_1", 4, &v));
    assert_false(pq_go_parse_float("+nan", 4, &v));
    assert_false(pq_go_parse_float("0x1", 3, &v));
    assert_int_equal(pq_go_parse_float_ex("1e400", 5, &v), -2);
    assert_int_equal(pq_go_parse_float_ex("1e40x", 5, &v), -1);
}

static void test_parse_rfc3339(void **state)
{
    (void)state;
    int64_t ms;
#define RFC(s) pq_go_parse_rfc3339_ms(s, strlen(s), &ms)
    assert_int_equal(RFC("1970-01-01T00:00:00Z"), 0);
    assert_int_equal(ms, 0);
    assert_int_equal(RFC("2023-11-14T22:13:20.0109Z"), 0);
    assert_int_equal(ms, 1700000000010);   /* truncated, as timestamp.FromTime */
    assert_int_equal(RFC("2023-11-15T00:13:20,5+02:00"), 0);
    assert_int_equal(ms, 1700000000500);
    assert_int_equal(RFC("1969-12-31T23:59:59.999999999Z"), 0);
    assert_int_equal(ms, -1);
    assert_int_equal(RFC("2024-02-29T00:00:00Z"), 0);
    assert_int_equal(RFC("2023-02-29T00:00:00Z"), -1);
    assert_int_equal(RFC("2023-11-14T22:13:20z"), -1);       /* Go wants 'Z' */
    assert_int_equal(RFC("2023-11-14T22:13:20"), -1);        /* a zone is required */
    assert_int_equal(RFC("2023-11-14 22:13:20Z"), -1);
    assert_int_equal(RFC("2023-11-14T22:13:20.Z"), -1);
    assert_int_equal(RFC("2023-11-14T22:13:20.1234567891Z"), -1);
    assert_int_equal(RFC("2023-11-14T24:00:00Z"), -1);
    assert_int_equal(RFC("2023-11-14T22:13:20+2:00"), -1);
    assert_int_equal(RFC(" 2023-11-14T22:13:20Z"), -1);
#undef RFC
    assert_int_equal(pq_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(pq_days_from_civil(1969, 12, 31), -1);
}

static void test_promtool_time(void **state)
{
    (void)state;
    int64_t ms;
#define PT(s) pq_go_parse_promtool_time(s, strlen(s), &ms)
    assert_int_equal(PT("0"), 0);
    assert_int_equal(ms, 0);
    assert_int_equal(PT("1700000000.25"), 0);
    assert_int_equal(ms, 1700000000250);
    assert_int_equal(PT("1.0009"), 0);
    assert_int_equal(ms, 1000);   /* promtool truncates: time.Unix then FromTime */
    assert_int_equal(PT("-1.5"), 0);
    assert_int_equal(ms, -1500);
    assert_int_equal(PT("-0.0001"), 0);
    assert_int_equal(ms, -1);     /* FromTime floors below the epoch */
    assert_int_equal(PT("2023-11-14T22:13:20Z"), 0);
    assert_int_equal(ms, 1700000000000);
    assert_int_equal(PT("NaN"), -1);
    assert_int_equal(PT("1e300"), -1);
    assert_int_equal(PT("yesterday"), -1);
    assert_int_equal(PT(""), -1);
#undef PT
}

/* strconv.QuoteRune and Quote with a rune limit, as the lexer's messages use them. */
static void test_quote_rune(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(pq_go_quote_rune('a', buf, sizeof buf), "'a'");
    assert_string_equal(pq_go_quote_rune('\'', buf, sizeof buf), "'\\''");
    assert_string_equal(pq_go_quote_rune('"', buf, sizeof buf), "'\"'");
    assert_string_equal(pq_go_quote_rune('\n', buf, sizeof buf), "'\\n'");
    assert_string_equal(pq_go_quote_rune(0x01, buf, sizeof buf), "'\\x01'");
    assert_string_equal(pq_go_quote_rune(0xAD, buf, sizeof buf), "'\\u00ad'");
    assert_string_equal(pq_go_quote_rune(0xE9, buf, sizeof buf), "'\xc3\xa9'");
    assert_string_equal(pq_go_quote_rune(0xD800, buf, sizeof buf), "'\xef\xbf\xbd'");
    assert_string_equal(pq_go_quote_rune(-1, buf, sizeof buf), "'\xef\xbf\xbd'");
    assert_string_equal(pq_go_quote_rune(0x10FFFF, buf, sizeof buf), "'\\U0010ffff'");
    char small[4];
    assert_string_equal(pq_go_quote_rune('\n', small, sizeof small), "");
    char *q = pq_go_quote_string("ab\xff" "cd", 5, 3);
    assert_non_null(q);
    assert_string_equal(q, "\"ab\\xff\"");
    free(q);
    q = pq_go_quote_string("", 0, 0);
    assert_string_equal(q, "\"\"");
    free(q);
    char enc[4];
    assert_int_equal(pq_go_encode_rune(0x1F600, enc), 4);
    assert_memory_equal(enc, "\xf0\x9f\x98\x80", 4);
}

static void test_duration_extremes(void **state)
{
    (void)state;
    CHECK_DUR(INT64_MIN, "-106751991167d7h12m55s808ms");
    CHECK_DUR(-7 * 86400000LL, "-1w");
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
        cmocka_unit_test(test_float_prec),
        cmocka_unit_test(test_float_buf),
        cmocka_unit_test(test_parse_duration),
        cmocka_unit_test(test_ftoa_exact),
        cmocka_unit_test(test_parse_float),
        cmocka_unit_test(test_parse_rfc3339),
        cmocka_unit_test(test_promtool_time),
        cmocka_unit_test(test_duration_extremes),
        cmocka_unit_test(test_quote_rune),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
