/*
 * test_rules_template.c -- the Go-template subset of rules/template.h and Go's number formatting
 * (rules/gonum.h). Expected strings were produced by Prometheus (promtool 2.42, Go's
 * text/template and fmt) on the same templates and values.
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

#include "rules/gonum.h"
#include "rules/template.h"

static promql_label test_labels[] = {{"__name__", "up"}, {"instance", "localhost:9090"}, {"job", "prom"}};
static promql_label test_ext[] = {{"cluster", "eu1"}};

/* Expand an alert template (with Prometheus's $labels/$value definitions) for value v. Returns a
 * malloc'ed result, or "ERR: message". */
static char *expand(const char *text, double v)
{
    pq_tmpl_data d = {{test_labels, 3}, {test_ext, 1}, "http://prom:9090/p", v};
    pq_tmpl_env env = {"__alert_A", &d, 1500, NULL, NULL};
    pq_strbuf t, out;
    pq_strbuf_init(&t);
    pq_strbuf_init(&out);
    pq_strbuf_puts(&t, PQ_TMPL_ALERT_DEFS);
    pq_strbuf_puts(&t, text);
    char err[2048];
    char *res;
    if (pq_tmpl_expand(t.data, t.len, &env, &out, err, sizeof err)) {
        size_t n = strlen(err) + 6;
        res = malloc(n);
        snprintf(res, n, "ERR: %s", err);
        pq_strbuf_free(&out);
    } else {
        res = pq_strbuf_finish(&out);
        if (!res)
            res = strdup("");
    }
    pq_strbuf_free(&t);
    return res;
}

#define EXPECT(text, v, want)                                         \
    do {                                                              \
        char *got_ = expand(text, v);                                 \
        assert_non_null(got_);                                        \
        if (strcmp(got_, want) != 0)                                  \
            fprintf(stderr, "template %s value %g\n", text, (double)v); \
        assert_string_equal(got_, want);                              \
        free(got_);                                                   \
    } while (0)

static void test_value_formatting(void **state)
{
    (void)state;
    /* fmt's %v of float64: shortest digits, exponent from 1e21 up and below 1e-4 */
    EXPECT("{{ $value }}", 0.1234, "0.1234");
    EXPECT("{{ $value }}", 1234567, "1.234567e+06");
    EXPECT("{{ $value }}", 1e6, "1e+06");
    EXPECT("{{ $value }}", 100000, "100000");
    EXPECT("{{ $value }}", 999999, "999999");
    EXPECT("{{ $value }}", 0.0001, "0.0001");
    EXPECT("{{ $value }}", 0.00001, "1e-05");
    EXPECT("{{ $value }}", 123456789, "1.23456789e+08");
    EXPECT("{{ $value }}", 1e21, "1e+21");
    EXPECT("{{ $value }}", -3.5, "-3.5");
    EXPECT("{{ $value }}", 0, "0");
    EXPECT("{{ $value }}", 1.5e300, "1.5e+300");
    EXPECT("{{ $value }}", 12345.678, "12345.678");
    EXPECT("{{ $value }}", -0.000123, "-0.000123");
    EXPECT("{{ $value }}", INFINITY, "+Inf");
    EXPECT("{{ $value }}", -INFINITY, "-Inf");
    EXPECT("{{ $value }}", NAN, "NaN");
    EXPECT("{{ .Value }}", 0.1, "0.1");
}

static void test_humanize(void **state)
{
    (void)state;
    EXPECT("{{ humanize $value }}", 0.1234, "123.4m");
    EXPECT("{{ humanize $value }}", 1234567, "1.235M");
    EXPECT("{{ humanize $value }}", 1e6, "1M");
    EXPECT("{{ humanize $value }}", 100000, "100k");
    EXPECT("{{ humanize $value }}", 999999, "1000k");
    EXPECT("{{ humanize $value }}", 0.00001, "10u");
    EXPECT("{{ humanize $value }}", 1e-7, "100n");
    EXPECT("{{ humanize $value }}", 2.5e-10, "250p");
    EXPECT("{{ humanize $value }}", 1e21, "1Z");
    EXPECT("{{ humanize $value }}", 1.5e300, "1.5e+276Y");
    EXPECT("{{ humanize $value }}", 0, "0");
    EXPECT("{{ humanize $value }}", -3.5, "-3.5");
    EXPECT("{{ humanize $value }}", -0.000123, "-123u");
    EXPECT("{{ humanize $value }}", 12345.678, "12.35k");
    EXPECT("{{ humanize \"2048\" }}", 0, "2.048k");
    EXPECT("{{ humanize1024 $value }}", 1234567, "1.177Mi");
    EXPECT("{{ humanize1024 $value }}", 1e6, "976.6ki");
    EXPECT("{{ humanize1024 $value }}", 0.1234, "0.1234");
    EXPECT("{{ humanize1024 $value }}", 1e21, "867.4Ei");
    EXPECT("{{ humanizePercentage $value }}", 0.1234, "12.34%");
    EXPECT("{{ humanizePercentage $value }}", 1234567, "1.235e+08%");
    EXPECT("{{ humanizePercentage $value }}", 0.00001, "0.001%");
    EXPECT("{{ humanizeDuration $value }}", 1234567, "14d 6h 56m 7s");
    EXPECT("{{ humanizeDuration $value }}", 100000, "1d 3h 46m 40s");
    EXPECT("{{ humanizeDuration $value }}", 0.1234, "123.4ms");
    EXPECT("{{ humanizeDuration $value }}", 0.00001, "10us");
    EXPECT("{{ humanizeDuration $value }}", -3.5, "-3.5s");
    EXPECT("{{ humanizeDuration $value }}", 0, "0s");
    EXPECT("{{ humanizeDuration $value }}", 1e21, "-106751991167300d -15h -30m -8s");
    EXPECT("{{ humanizeTimestamp $value }}", 1234567, "1970-01-15 06:56:07 +0000 UTC");
    EXPECT("{{ humanizeTimestamp $value }}", 0.1234, "1970-01-01 00:00:00.123 +0000 UTC");
    EXPECT("{{ humanizeTimestamp $value }}", -3.5, "1969-12-31 23:59:56.5 +0000 UTC");
    EXPECT("{{ humanizeTimestamp $value }}", NAN, "NaN");
    EXPECT("{{ humanizeTimestamp $value }}", 1e21,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at "
           "<humanizeTimestamp $value>: error calling humanizeTimestamp: 1e+21 cannot be represented as a "
           "nanoseconds timestamp since it overflows int64");
}

static void test_printf(void **state)
{
    (void)state;
    EXPECT("{{ printf \"%.2f|%g|%e|%v|%5.1f|%s\" $value $value $value $value $value $value }}", 0.1234,
           "0.12|0.1234|1.234000e-01|0.1234|  0.1|%!s(float64=0.1234)");
    EXPECT("{{ printf \"%.2f|%g|%e|%v|%5.1f\" $value $value $value $value $value }}", 1234567,
           "1234567.00|1.234567e+06|1.234567e+06|1.234567e+06|1234567.0");
    EXPECT("{{ printf \"%d %s %q\" 42 \"x\" \"a\\\"b\" }}", 0, "42 x \"a\\\"b\"");
    EXPECT("{{ printf \"%d\" $value }}", 1.5, "%!d(float64=1.5)");
    EXPECT("{{ printf \"%s %s\" \"a\" }}", 0, "a %!s(MISSING)");
    EXPECT("{{ printf \"%s\" \"a\" \"b\" }}", 0, "a%!(EXTRA string=b)");
    EXPECT("{{ printf \"%-5s|%05d|%x\" \"ab\" 42 255 }}", 0, "ab   |00042|ff");
    EXPECT("{{ $value | printf \"%.3f\" }}", 2.0 / 3, "0.667");
    EXPECT("{{ print 1 2 \"a\" \"b\" 3 }}", 0, "1 2ab3");
}

static void test_labels_and_data(void **state)
{
    (void)state;
    EXPECT("{{ $labels.instance }}/{{ .Labels.job }}", 0, "localhost:9090/prom");
    EXPECT("[{{ $labels.missing }}]", 0, "[]");
    EXPECT("{{ $externalLabels.cluster }} {{ $externalURL }} {{ .ExternalURL }}", 0,
           "eu1 http://prom:9090/p http://prom:9090/p");
    EXPECT("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", 0,
           "__name__=up;instance=localhost:9090;job=prom;");
    EXPECT("{{ range $labels }}{{ . }},{{ end }}", 0, "up,localhost:9090,prom,");
    EXPECT("{{ len $labels }} {{ index $labels \"job\" }}", 0, "3 prom");
    EXPECT("{{ $labels }}", 0, "map[__name__:up instance:localhost:9090 job:prom]");
    EXPECT("{{ .Nope }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <.Nope>: "
           "can't evaluate field Nope in type struct { Labels map[string]string; ExternalLabels "
           "map[string]string; ExternalURL string; Value interface {} }");
}

static void test_control(void **state)
{
    (void)state;
    EXPECT("{{ if gt $value 5.0 }}hi{{ else if gt $value 1.0 }}mid{{ else }}lo{{ end }}", 7, "hi");
    EXPECT("{{ if gt $value 5.0 }}hi{{ else if gt $value 1.0 }}mid{{ else }}lo{{ end }}", 3, "mid");
    EXPECT("{{ if gt $value 5.0 }}hi{{ else if gt $value 1.0 }}mid{{ else }}lo{{ end }}", 0, "lo");
    EXPECT("{{ with $labels.job }}job={{ . }}{{ else }}none{{ end }}", 0, "job=prom");
    EXPECT("{{ with $labels.nope }}x{{ else }}none{{ end }}", 0, "none");
    EXPECT("{{ and 1 0 }} {{ or 0 \"\" \"z\" }} {{ not true }}", 0, "0 z false");
    EXPECT("{{ eq $labels.job \"prom\" \"x\" }} {{ ne 1 2 }} {{ lt 1.5 2.5 }} {{ le \"a\" \"b\" }} {{ ge 2 2 }}", 0,
           "true true true true true");
    EXPECT("{{ gt $value 1 }}", 2,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at "
           "<gt $value 1>: error calling gt: incompatible types for comparison");
    EXPECT("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", 0, "2");
    EXPECT("a {{- \" b \" -}} c", 0, "a b c");
    EXPECT("{{/* comment */}}x{{- /* trimmed */ -}} y", 0, "xy");
    EXPECT("{{ range $i, $e := $labels }}{{ if eq $i \"instance\" }}{{ break }}{{ end }}{{ $i }} {{ end }}", 0,
           "__name__ ");
    EXPECT("{{ toUpper \"abc\" }} {{ toLower \"AB\" }} {{ title \"hello big world\" }}", 0,
           "ABC ab Hello Big World");
    /* Unicode case mapping and Go's title word breaks (checked with promtool) */
    EXPECT("{{ toUpper \"héllo ßtraße ǆ\" }}|{{ toLower \"ÀÉÎ ΣΑΣ\" }}", 0, "HÉLLO ßTRAßE Ǆ|àéî σασ");
    EXPECT("{{ title \"don't o'neil a.b c-d e1f 1a x:y ab_cd élan\" }}", 0, "Don'T O'Neil A.B C-D E1f 1a X:Y Ab_cd Élan");
    EXPECT("{{ reReplaceAll \"(a+)\" \"<$1>\" \"baaad\" }} {{ reReplaceAll \":.*\" \"\" $labels.instance }}", 0,
           "b<aaa>d localhost");
    EXPECT("{{ match \"^local\" $labels.instance }} {{ stripPort $labels.instance }} {{ stripDomain \"a.b.c:80\" }}", 0,
           "true localhost a:80");
    EXPECT("{{ parseDuration \"1h30m\" }} {{ now }} {{ urlQueryEscape \"a b&c\" }}", 0, "5400 1.5 a+b%26c");
    EXPECT("{{ graphLink \"up == 0\" }}", 0, "/graph?g0.expr=up+%3D%3D+0&g0.tab=0");
}

static void test_errors(void **state)
{
    (void)state;
    EXPECT("{{ nosuch }}", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: function \"nosuch\" not defined");
    EXPECT("{{ if }}", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: missing value for if");
    EXPECT("{{ $nope }}", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: undefined variable \"$nope\"");
    EXPECT("{{ if true }}", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: unexpected EOF");
    EXPECT("{{ end }}", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: unexpected {{end}}");
    EXPECT("{{ \"abc", 0, "ERR: error parsing template __alert_A: template: __alert_A:1: unterminated quoted string");
    EXPECT("{{ humanize \"abc\" }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at "
           "<humanize \"abc\">: error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax");
    EXPECT("{{ humanize $labels }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at "
           "<humanize $labels>: error calling humanize: can't convert map[string]string to float");

    /* positions and wording of argument errors, as Go reports them (checked with promtool) */
    EXPECT("{{ $labels.job.b }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:122: executing \"__alert_A\" at "
           "<$labels.job.b>: can't evaluate field b in type string");
    EXPECT("{{ toUpper 1 }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:123: executing \"__alert_A\" at <1>: "
           "expected string; found 1");
    EXPECT("{{ first 1 }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:121: executing \"__alert_A\" at <1>: "
           "can't handle 1 for arg of type template.queryResult");
    EXPECT("{{ not 1 2 }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at <not>: "
           "wrong number of args for not: want 1 got 2");
    EXPECT("{{ match \"(\" \"x\" }}", 0,
           "ERR: error executing template __alert_A: template: __alert_A:1:115: executing \"__alert_A\" at "
           "<match \"(\" \"x\">: error calling match: error parsing regexp: missing closing ): `(`");
    EXPECT("{{ printf \"%v %v\" nil true }}", 0, "<nil> true");

    /* nothing may crash: every prefix of a busy template, and some garbage */
    const char *busy = "{{ range $k, $v := $labels }}{{ if and (eq $k \"job\") (gt (len $v) 1) }}"
                       "{{ $v | toUpper | printf \"%s-%.1f\" }}{{ $value | humanize }}{{ end }}{{ end }}"
                       "{{- /* c */ -}}{{ with .Labels }}{{ .job }}{{ end }}";
    for (size_t n = 0; n <= strlen(busy); n++) {
        char *t = strndup(busy, n);
        char *r = expand(t, 1);
        assert_non_null(r);
        free(r);
        free(t);
    }
    const char *garbage[] = {"{{", "}}", "{{{{", "{{ ( }}", "{{ ) }}", "{{ | }}", "{{ $ }}", "{{ . . }}",
                             "{{ 1e999999 }}", "{{ 0x }}", "{{ 'ab' }}", "{{ range 5 }}x{{ end }}",
                             "{{ $labels.a.b.c }}", "{{ index 1 2 }}", "{{ printf }}", "{{ len 3 }}"};
    for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++) {
        char *r = expand(garbage[i], 1);
        assert_non_null(r);
        free(r);
    }
}

static void test_parse_check(void **state)
{
    (void)state;
    char err[512];
    assert_int_equal(pq_tmpl_parse_check("{{ .Value | humanize }}", 23, "x", err, sizeof err), 0);
    assert_int_equal(pq_tmpl_parse_check("{{ foo }}", 9, "__alert_B", err, sizeof err), -1);
    assert_string_equal(err, "template: __alert_B:1: function \"foo\" not defined");
}

/* Floats, model.Duration and duration parsing are util/gofmt's and util/gotime's (test_gofmt). */
static void test_gonum(void **state)
{
    (void)state;
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_gonum_time_duration(&b, 300000);
    pq_strbuf_putc(&b, ' ');
    pq_gonum_time_duration(&b, 3600000);
    pq_strbuf_putc(&b, ' ');
    pq_gonum_time_duration(&b, 1500);
    pq_strbuf_putc(&b, ' ');
    pq_gonum_time_duration(&b, 250);
    char *s = pq_strbuf_finish(&b);
    assert_string_equal(s, "5m0s 1h0m0s 1.5s 250ms");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_formatting), cmocka_unit_test(test_humanize),
        cmocka_unit_test(test_printf),           cmocka_unit_test(test_labels_and_data),
        cmocka_unit_test(test_control),          cmocka_unit_test(test_errors),
        cmocka_unit_test(test_parse_check),      cmocka_unit_test(test_gonum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
