/*
 * test_openmetrics.c -- OpenMetrics / Prometheus text exposition into the store: both
 * timestamp units and their conversion, escapes, quoted UTF-8 names, NaN and infinities,
 * exemplars skipped, le/quantile normalisation, '# EOF' rules, missing timestamps and the
 * name:line:col errors; and promql_memstore_load_buffer's format choice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture/fixture.h"
#include "storage/memstore.h"

/* The samples of the one series matching __name__=name (and label=value when given). */
static size_t samples(promql_memstore *s, const char *name, const char *label, const char *value, int64_t *ts,
                      double *vals, size_t cap, char *labels_out, size_t lcap)
{
    const promql_storage *st = promql_memstore_storage(s);
    promql_matcher m[2] = { { PROMQL_MATCH_EQUAL, "__name__", name, NULL },
                            { PROMQL_MATCH_EQUAL, label, value, NULL } };
    promql_series_set *set;
    char e[128];
    assert_int_equal(st->select(st->ctx, m, label ? 2 : 1, NULL, &set, e, sizeof e), 0);
    promql_labels l;
    promql_sample_iter *it;
    if (set->ops->next(set, &l, &it, e, sizeof e) != 1) {
        set->ops->close(set);
        return 0;
    }
    if (labels_out) {
        size_t o = 0;
        for (size_t i = 0; i < l.count; i++)
            o += (size_t)snprintf(labels_out + o, lcap - o, "%s=%s;", l.items[i].name, l.items[i].value);
    }
    size_t n = 0;
    promql_sample_batch b;
    while (it->ops->next_batch(it, &b, e, sizeof e) == 0 && b.count) {
        for (size_t i = 0; i < b.count && n < cap; i++, n++) {
            ts[n] = b.timestamps[i];
            memcpy(&vals[n], &b.values[i], sizeof(double));
        }
    }
    it->ops->close(it);
    set->ops->close(set);
    return n;
}

static void test_openmetrics_basic(void **state)
{
    const char *text =
        "# HELP http_requests Requests.\n"
        "# UNIT http_requests_seconds seconds\n"
        "# TYPE http_requests counter\n"
        "http_requests_total{code=\"200\",path=\"/a\\\"b\\\\c\\nd\"} 10 1.001\n"
        "http_requests_total{code=\"200\",path=\"/a\\\"b\\\\c\\nd\"} 20 1.5 # {trace_id=\"abc\"} 1 2.0\n"
        "http_requests_total{code=\"500\"} NaN 3\n"
        "http_requests_total{code=\"500\"} +Inf 4\n"
        "http_requests_total{code=\"500\"} -Inf 5\n"
        "{\"my.metric\",\"label.ü\"=\"v\"} 1.5e3 1\n"
        "# EOF\n";
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_openmetrics(s, "x.om", text, strlen(text), &err) != 0)
        fail_msg("%s", err.message);
    assert_int_equal(promql_memstore_series_count(s), 3);
    assert_int_equal(promql_memstore_sample_count(s), 6);
    int64_t ts[8];
    double v[8];
    char labels[256];
    assert_int_equal(samples(s, "http_requests_total", "code", "200", ts, v, 8, labels, sizeof labels), 2);
    assert_string_equal(labels, "__name__=http_requests_total;code=200;path=/a\"b\\c\nd;");
    assert_int_equal(ts[0], 1000);   /* int64(1.001 * 1000) = 1000: Prometheus truncates */
    assert_int_equal(ts[1], 1500);
    assert_true(v[1] == 20);
    assert_int_equal(samples(s, "http_requests_total", "code", "500", ts, v, 8, NULL, 0), 3);
    uint64_t bits;
    memcpy(&bits, &v[0], sizeof bits);
    assert_true(bits == 0x7ff8000000000001ULL);
    assert_true(isinf(v[1]) && v[1] > 0);
    assert_true(isinf(v[2]) && v[2] < 0);
    assert_int_equal(samples(s, "my.metric", "label.ü", "v", ts, v, 8, NULL, 0), 1);
    assert_true(v[0] == 1500);
    assert_int_equal(ts[0], 1000);
    promql_memstore_free(s);
}

static void test_le_quantile_normalised(void **state)
{
    const char *text =
        "# TYPE h histogram\n"
        "h_bucket{le=\"1\"} 1 1\n"
        "h_bucket{le=\"2.50\"} 2 1\n"
        "h_bucket{le=\"+Inf\"} 3 1\n"
        "h_bucket{le=\"1000000\"} 3 1\n"
        "# TYPE s summary\n"
        "s{quantile=\"0.5\"} 1 1\n"
        "# TYPE g gauge\n"
        "g{le=\"1\"} 1 1\n"
        "# EOF\n";
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_openmetrics(s, "x.om", text, strlen(text), &err) != 0)
        fail_msg("%s", err.message);
    int64_t ts[4];
    double v[4];
    assert_int_equal(samples(s, "h_bucket", "le", "1.0", ts, v, 4, NULL, 0), 1);
    assert_int_equal(samples(s, "h_bucket", "le", "2.5", ts, v, 4, NULL, 0), 1);
    assert_int_equal(samples(s, "h_bucket", "le", "+Inf", ts, v, 4, NULL, 0), 1);
    assert_int_equal(samples(s, "h_bucket", "le", "1e+06", ts, v, 4, NULL, 0), 1);
    assert_int_equal(samples(s, "s", "quantile", "0.5", ts, v, 4, NULL, 0), 1);
    assert_int_equal(samples(s, "g", "le", "1", ts, v, 4, NULL, 0), 1);   /* only histograms */
    promql_memstore_free(s);
}

static void test_prometheus_text(void **state)
{
    const char *text =
        "# a free comment\n"
        "\n"
        "up{job=\"x\"} 1 1000\r\n"
        "up{job=\"x\"}   2   2000\n"
        "up{job=\"x\",} 3 3000\n";
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_openmetrics(s, "x.prom", text, strlen(text), &err) != 0)
        fail_msg("%s", err.message);
    int64_t ts[4];
    double v[4];
    assert_int_equal(samples(s, "up", NULL, NULL, ts, v, 4, NULL, 0), 3);
    assert_int_equal(ts[0], 1000);   /* milliseconds in the text format */
    assert_int_equal(ts[2], 3000);
    promql_memstore_free(s);
}

static void expect_error(const char *name, const char *text, const char *want)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    if (pq_load_openmetrics(s, name, text, strlen(text), &err) == 0)
        fail_msg("loaded, expected %s", want);
    if (!strstr(err.message, want))
        fail_msg("error \"%s\" lacks \"%s\"", err.message, want);
    promql_memstore_free(s);
}

static void test_errors(void **state)
{
    expect_error("x.om", "up 1 1\n", "x.om:2:1: data does not end with # EOF");
    expect_error("x.om", "up 1 1\n# EOF\nup 2 2\n", "x.om:3:1: unexpected data after # EOF");
    expect_error("x.om", "up 1\n# EOF\n", "x.om:1:1: expected timestamp for series {__name__=\"up\"}, got none");
    expect_error("x.om", "up{a=\"b\" 1 1\n# EOF\n", "x.om:1:");
    expect_error("x.om", "up xyz 1\n# EOF\n", "x.om:1:4: strconv.ParseFloat: parsing \"xyz\": invalid syntax");
    expect_error("x.om", "up 0x10 1\n# EOF\n", "invalid syntax");
    expect_error("x.om", "up 1 NaN\n# EOF\n", "invalid timestamp");
    expect_error("x.om", "up 1 2\nup 1 1\n# EOF\n", "x.om:2:1: out of order sample");
    expect_error("x.om", "up 1 1\nup 2 1\n# EOF\n", "duplicate sample for timestamp");
    expect_error("x.om", "# TYPE up bogus\n# EOF\n", "invalid metric type \"bogus\"");
    expect_error("x.om", "# random comment\n# EOF\n", "x.om:1:1: expected a valid start token");
    expect_error("x.om", "{a=\"b\"} 1 1\n# EOF\n", "metric name not set");
    expect_error("x.om", "up{a=\"\xff\"} 1 1\n# EOF\n", "invalid UTF-8 label value");
    expect_error("x.om", "up{a=\"1\",a=\"2\"} 1 1\n# EOF\n", "not unique");
    expect_error("x.prom", "up 1 1.5\n", "x.prom:1:6: strconv.ParseInt");
    expect_error("x.om", "# UNIT req_seconds bytes\n# EOF\n", "x.om:1:20: unit \"bytes\" not a suffix of metric \"req_seconds\"");
    /* an identical duplicate is accepted */
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    const char *dup = "up 1 1\nup 1 1\n# EOF\n";
    assert_int_equal(pq_load_openmetrics(s, "d.om", dup, strlen(dup), &err), 0);
    assert_int_equal(promql_memstore_sample_count(s), 1);
    promql_memstore_free(s);
}

static void test_load_buffer_dispatch(void **state)
{
    promql_memstore *s = promql_memstore_new();
    promql_error err;
    const char *om = "a 1 1\n# EOF\n";
    const char *pt = "# a script\nload 1m\n  b 1 2\n";
    const char *yml = "tests:\n  - input_series:\n      - series: c\n        values: 1 2 3\n";
    assert_int_equal(promql_memstore_load_buffer(s, NULL, om, strlen(om), &err), PROMQL_OK);
    assert_int_equal(promql_memstore_load_buffer(s, "x", pt, strlen(pt), &err), PROMQL_OK);
    assert_int_equal(promql_memstore_load_buffer(s, "data", yml, strlen(yml), &err), PROMQL_OK);
    assert_int_equal(promql_memstore_series_count(s), 3);
    assert_int_equal(promql_memstore_sample_count(s), 1 + 2 + 3);
    assert_int_equal(promql_memstore_load_file(s, "/nonexistent/file.om", &err), PROMQL_ERR_BAD_DATA);
    assert_non_null(strstr(err.message, "/nonexistent/file.om"));
    /* by extension: .test content under a .prom name is read as exposition text */
    assert_int_not_equal(promql_memstore_load_buffer(s, "x.prom", pt, strlen(pt), &err), PROMQL_OK);
    promql_memstore_free(s);
}

/* The loader's fast decimal path must give strtod's exact bits. */
static void test_values_match_strtod(void **state)
{
    static char buf[1 << 16];
    unsigned seed = 12345;
    for (int round = 0; round < 20; round++) {
        size_t o = 0;
        double want[400];
        for (int i = 0; i < 400; i++) {
            char v[64];
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 8;
            switch (i % 5) {
            case 0: snprintf(v, sizeof v, "%u.%0*u", r % 100000, (int)(r % 8) + 1, r % 1000); break;
            case 1: snprintf(v, sizeof v, "0.%06u%u", r % 1000000, r % 10); break;
            case 2: snprintf(v, sizeof v, "%.17g", (double)r / 16777216.0 * 1e6); break;
            case 3: snprintf(v, sizeof v, "-%u%u.%u", r, r % 10, r / 7); break;
            default: snprintf(v, sizeof v, "%u.%u", r % 1000, r); break;
            }
            want[i] = strtod(v, NULL);
            o += (size_t)snprintf(buf + o, sizeof buf - o, "m%d %s 1\n", i, v);
        }
        o += (size_t)snprintf(buf + o, sizeof buf - o, "# EOF\n");
        promql_memstore *s = promql_memstore_new();
        promql_error err;
        if (pq_load_openmetrics(s, "x.om", buf, o, &err) != 0)
            fail_msg("%s", err.message);
        for (int i = 0; i < 400; i++) {
            char nm[16];
            snprintf(nm, sizeof nm, "m%d", i);
            const pq_pair *p = pq_memstore_find_pair(s, "__name__", nm);
            assert_non_null(p);
            const pq_series *se = &s->series[p->postings.ids[0]];
            if (memcmp(&se->values[0], &want[i], sizeof(double)) != 0)
                fail_msg("%s: %.17g != %.17g", nm, se->values[0], want[i]);
        }
        promql_memstore_free(s);
    }
}

/* A file is parsed as it is read, in chunks: the same store as from one buffer, lines across
 * chunk boundaries and a line longer than a chunk included, and an error past the first chunk
 * names its own line. */
static void write_big(const char *path, size_t lines, size_t long_at, size_t bad_at, int eof)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (size_t i = 1; i <= lines; i++) {
        if (i == long_at) {
            fputs("m{l=\"", f);
            for (int k = 0; k < 5 << 20; k++)
                fputc('a' + k % 26, f);
            fprintf(f, "\"} %zu %zu\n", i, i);
        } else if (i == bad_at) {
            fputs("m{l=\"x\"} oops 1\n", f);
        } else {
            fprintf(f, "m{l=\"%zu\",k=\"%zu\"} %zu.5 %zu\n", i % 97, i % 13, i, i);
        }
    }
    if (eof)
        fputs("# EOF\n", f);
    fclose(f);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)size + 1);
    assert_non_null(b);
    *n = fread(b, 1, (size_t)size, f);
    fclose(f);
    return b;
}

static void test_file_read_in_chunks(void **state)
{
    (void)state;
    char path[] = "/tmp/promql-om-chunksXXXXXX.om";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    close(fd);
    write_big(path, 400000, 150000, 0, 1);   /* ~12 MB: several chunks, one 5 MB line */
    promql_error err;
    promql_memstore *a = promql_memstore_new(), *b = promql_memstore_new();
    assert_int_equal(promql_memstore_load_file(a, path, &err), PROMQL_OK);
    size_t n;
    char *data = slurp(path, &n);
    assert_int_equal(promql_memstore_load_buffer(b, path, data, n, &err), PROMQL_OK);
    free(data);
    assert_int_equal(promql_memstore_series_count(a), promql_memstore_series_count(b));
    assert_int_equal(promql_memstore_sample_count(a), promql_memstore_sample_count(b));
    assert_int_equal(promql_memstore_sample_count(a), 400000);
    promql_memstore_free(a);
    promql_memstore_free(b);

    write_big(path, 300000, 0, 250001, 1);
    a = promql_memstore_new();
    assert_int_not_equal(promql_memstore_load_file(a, path, &err), PROMQL_OK);
    assert_non_null(strstr(err.message, ":250001:"));
    assert_non_null(strstr(err.message, "invalid syntax"));
    promql_memstore_free(a);

    write_big(path, 200000, 0, 0, 0);          /* .om without "# EOF" */
    a = promql_memstore_new();
    assert_int_not_equal(promql_memstore_load_file(a, path, &err), PROMQL_OK);
    assert_non_null(strstr(err.message, "data does not end with # EOF"));
    assert_non_null(strstr(err.message, ":200001:"));
    promql_memstore_free(a);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_openmetrics_basic),
        cmocka_unit_test(test_le_quantile_normalised),
        cmocka_unit_test(test_prometheus_text),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_load_buffer_dispatch),
        cmocka_unit_test(test_values_match_strtod),
        cmocka_unit_test(test_file_read_in_chunks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
