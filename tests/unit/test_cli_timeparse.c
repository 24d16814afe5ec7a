/*
 * test_cli_timeparse.c -- the CLI's time and duration arguments: Prometheus durations
 * (model.ParseDuration), API times (Unix seconds with fractions rounded to the millisecond,
 * RFC 3339) and API durations (float seconds or a duration), with Prometheus's error texts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/cli/timeparse.c"

static int64_t dur(const char *s)
{
    int64_t ms = -1;
    char err[128];
    assert_int_equal(pq_go_parse_duration(s, strlen(s), &ms, err, sizeof err), 0);
    return ms;
}

static void bad_dur(const char *s, const char *want)
{
    int64_t ms;
    char err[128] = "";
    assert_int_equal(pq_go_parse_duration(s, strlen(s), &ms, err, sizeof err), -1);
    if (want)
        assert_string_equal(err, want);
}

static void test_model_duration(void **state)
{
    (void)state;
    assert_int_equal(dur("0"), 0);
    assert_int_equal(dur("5m"), 300000);
    assert_int_equal(dur("1h30m"), 5400000);
    assert_int_equal(dur("1ms"), 1);
    assert_int_equal(dur("2d"), 172800000);
    assert_int_equal(dur("1w"), 604800000);
    assert_int_equal(dur("1y"), 31536000000LL);
    assert_int_equal(dur("1m30s500ms"), 90500);
    assert_int_equal(dur("0s"), 0);
    bad_dur("", "empty duration string");
    bad_dur("5", "not a valid duration string: \"5\"");
    bad_dur("1s1m", "not a valid duration string: \"1s1m\"");
    bad_dur("1m1m", "not a valid duration string: \"1m1m\"");
    bad_dur("-5m", "not a valid duration string: \"-5m\"");
    bad_dur("5x", "unknown unit \"x\" in duration \"5x\"");
    bad_dur("1.5m", NULL);
    bad_dur("300y", "duration out of range");
    bad_dur("99999999999999999999999s", NULL);
}

static int64_t api_time(const char *s)
{
    int64_t ms = -1;
    char err[256];
    assert_int_equal(pq_cli_parse_api_time(s, &ms, err, sizeof err), 0);
    return ms;
}

static void test_api_time(void **state)
{
    (void)state;
    assert_int_equal(api_time("1700000000"), 1700000000000LL);
    assert_int_equal(api_time("1700000000.123"), 1700000000123LL);
    assert_int_equal(api_time("1700000000.1234"), 1700000000123LL);
    assert_int_equal(api_time("1.5"), 1500);
    assert_int_equal(api_time("-1.5"), -1500);
    assert_int_equal(api_time("1e3"), 1000000);
    assert_int_equal(api_time("1_000"), 1000000);   /* strconv.ParseFloat skips digit separators */
    assert_int_equal(api_time("2023-11-14T22:13:20Z"), 1700000000000LL);
    assert_int_equal(api_time("2023-11-14T22:13:20.5Z"), 1700000000500LL);
    assert_int_equal(api_time("2023-11-15T00:13:20+02:00"), 1700000000000LL);
    assert_int_equal(api_time("1970-01-01T00:00:00Z"), 0);
    assert_int_equal(api_time("2024-02-29T00:00:00Z"), 1709164800000LL);
    int64_t ms;
    char err[256];
    const char *bad[] = {"", "abc", "2023-11-14", "2023-02-30T00:00:00Z", "2023-11-14T22:13:20", "NaN", "Inf",
                         "1e400", "2023-11-14 22:13:20Z", "0x10", " 5", "1__000", "_1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(pq_cli_parse_api_time(bad[i], &ms, err, sizeof err), -1);
    pq_cli_parse_api_time("abc", &ms, err, sizeof err);
    assert_string_equal(err, "cannot parse \"abc\" to a valid timestamp");
}

static void test_api_duration(void **state)
{
    (void)state;
    int64_t ms;
    char err[256];
    assert_int_equal(pq_cli_parse_api_duration("15", &ms, err, sizeof err), 0);
    assert_int_equal(ms, 15000);
    assert_int_equal(pq_cli_parse_api_duration("0.5", &ms, err, sizeof err), 0);
    assert_int_equal(ms, 500);
    assert_int_equal(pq_cli_parse_api_duration("1m", &ms, err, sizeof err), 0);
    assert_int_equal(ms, 60000);
    assert_int_equal(pq_cli_parse_api_duration("1e300", &ms, err, sizeof err), -1);
    assert_string_equal(err, "cannot parse \"1e300\" to a valid duration. It overflows int64");
    assert_int_equal(pq_cli_parse_api_duration("soon", &ms, err, sizeof err), -1);
    assert_string_equal(err, "cannot parse \"soon\" to a valid duration");
}

static void test_go_float(void **state)
{
    (void)state;
    double v;
    assert_true(pq_go_parse_float("1.5", 3, &v) && v == 1.5);
    assert_true(pq_go_parse_float("-Inf", 4, &v) && v < 0 && v * 2 == v);
    assert_true(pq_go_parse_float("0x1p-2", 6, &v) && v == 0.25);
    assert_false(pq_go_parse_float("0x10", 4, &v));
    assert_false(pq_go_parse_float("1.5x", 4, &v));
    assert_false(pq_go_parse_float("", 0, &v));
    assert_true(pq_go_parse_float("1.5junk", 3, &v) && v == 1.5);   /* only len bytes count */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_duration),
        cmocka_unit_test(test_api_time),
        cmocka_unit_test(test_api_duration),
        cmocka_unit_test(test_go_float),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
