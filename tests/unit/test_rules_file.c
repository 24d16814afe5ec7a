/*
 * test_rules_file.c -- rule files (rules/rulefile.h): decoding, rulefmt's validation messages in
 * Prometheus 3.x's order (checked against promtool check rules), the duplicate-rules lint, and
 * robustness on broken YAML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/rulefile.h"

static pq_rule_file *parse(const char *yaml, pq_msglist *errs)
{
    memset(errs, 0, sizeof *errs);
    return pq_rule_file_parse("r.yml", yaml, strlen(yaml), NULL, errs);
}

static void expect_errors(const char *yaml, const char *const *want, size_t nwant)
{
    pq_msglist errs;
    pq_rule_file *f = parse(yaml, &errs);
    if (errs.n != nwant)
        for (size_t i = 0; i < errs.n; i++)
            fprintf(stderr, "got: %s\n", errs.items[i]);
    assert_int_equal(errs.n, nwant);
    for (size_t i = 0; i < nwant; i++)
        assert_string_equal(errs.items[i], want[i]);
    pq_msglist_free(&errs);
    pq_rule_file_free(f);
}

static void test_valid_file(void **state)
{
    (void)state;
    pq_msglist errs;
    pq_rule_file *f = parse("groups:\n"
                            "  - name: g\n"
                            "    interval: 30s\n"
                            "    query_offset: 1m\n"
                            "    limit: 5\n"
                            "    labels: {team: pay}\n"
                            "    rules:\n"
                            "      - record: job:x:sum\n"
                            "        expr: sum by (job) (x)\n"
                            "        labels: {b: '2', a: '1'}\n"
                            "      - alert: High\n"
                            "        expr: job:x:sum > 1\n"
                            "        for: 5m\n"
                            "        keep_firing_for: 1h30m\n"
                            "        annotations: {s: '{{ $value | humanize }}'}\n",
                            &errs);
    assert_int_equal(errs.n, 0);
    assert_non_null(f);
    assert_int_equal(f->ngroups, 1);
    const pq_rule_group *g = &f->groups[0];
    assert_string_equal(g->name, "g");
    assert_int_equal(g->interval_ms, 30000);
    assert_true(g->has_query_offset);
    assert_int_equal(g->query_offset_ms, 60000);
    assert_int_equal(g->limit, 5);
    assert_int_equal(g->nrules, 2);
    assert_false(g->rules[0].is_alert);
    assert_string_equal(g->rules[0].labels.items[0].name, "a"); /* sorted */
    assert_true(g->rules[1].is_alert);
    assert_int_equal(g->rules[1].for_ms, 300000);
    assert_int_equal(g->rules[1].keep_firing_for_ms, 5400000);
    assert_int_equal(pq_rule_file_rule_count(f), 2);
    pq_rule_file_free(f);
}

static void test_validation_messages(void **state)
{
    (void)state;
    const char *yaml = "groups:\n"
                       "  - name: g1\n"
                       "    rules:\n"
                       "      - record: job:foo{x}\n"
                       "        expr: sum(foo\n"
                       "      - alert: A\n"
                       "        record: b\n"
                       "        expr: up == 0\n"
                       "        labels:\n"
                       "          sev: '{{ foo }}'\n"
                       "        annotations:\n"
                       "          summary: '{{ $labels.x | nofunc }}'\n"
                       "  - name: g1\n"
                       "    rules:\n"
                       "      - alert: B\n"
                       "        expr: \"\"\n"
                       "      - record: r\n"
                       "        expr: up\n"
                       "        for: 1m\n"
                       "        annotations:\n"
                       "          x: y\n"
                       "      - expr: up\n"
                       "  - name: \"\"\n"
                       "    labels: {__name__: x}\n";
    const char *want[] = {
        "r.yml: 5:15: group \"g1\", rule 1, \"job:foo{x}\": could not parse expression: 1:8: parse error: unclosed left parenthesis",
        "r.yml: 4:17: group \"g1\", rule 1, \"job:foo{x}\": braces present in the recording rule name; should it be in expr?: job:foo{x}",
        "r.yml: 7:17: 6:16: group \"g1\", rule 2, \"A\": only one of 'record' and 'alert' must be set",
        "r.yml: 7:17: group \"g1\", rule 2, \"A\": invalid field 'annotations' in recording rule",
        "r.yml: group \"g1\", rule 2, \"A\": label \"sev\": template: __alert_A:1: function \"foo\" not defined",
        "r.yml: group \"g1\", rule 2, \"A\": annotation \"summary\": template: __alert_A:1: function \"nofunc\" not defined",
        "r.yml: 13:5: groupname: \"g1\" is repeated in the same file",
        "r.yml: 16:15: group \"g1\", rule 1, \"B\": field 'expr' must be set in rule",
        "r.yml: 17:17: group \"g1\", rule 2, \"r\": invalid field 'annotations' in recording rule",
        "r.yml: 17:17: group \"g1\", rule 2, \"r\": invalid field 'for' in recording rule",
        "r.yml: 0:0: 0:0: group \"g1\", rule 3, \"\": one of 'record' or 'alert' must be set",
        "r.yml: 23:5: Groupname must not be empty",
        "r.yml: invalid label name: __name__",
    };
    expect_errors(yaml, want, sizeof want / sizeof want[0]);
}

static void test_decode_errors(void **state)
{
    (void)state;
    const char *w1[] = {"r.yml: yaml: unmarshal errors:\n  line 3: field foo not found in type rulefmt.RuleGroup\n"
                        "  line 6: field bar not found in type rulefmt.Rule"};
    expect_errors("groups:\n- name: a\n  foo: 1\n  rules:\n  - record: x\n    bar: 2\n    expr: up\n", w1, 1);
    const char *w2[] = {"r.yml: not a valid duration string: \"5m1h\""};
    expect_errors("groups:\n- name: a\n  rules:\n  - alert: x\n    expr: up\n    for: 5m1h\n", w2, 1);
    const char *w3[] = {"r.yml: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `x` into []rulefmt.RuleGroup"};
    expect_errors("groups:\n  x\n", w3, 1);
    const char *w4[] = {"r.yml: yaml: unmarshal errors:\n  line 3: cannot unmarshal !!str `many` into int"};
    expect_errors("groups:\n- name: a\n  limit: many\n", w4, 1);
    /* empty input: no groups, no error */
    expect_errors("", NULL, 0);
    /* a YAML syntax error */
    pq_msglist errs;
    pq_rule_file *f = parse("groups: [\n", &errs);
    assert_null(f);
    assert_int_equal(errs.n, 1);
    assert_true(strncmp(errs.items[0], "r.yml: yaml: line ", 18) == 0);
    pq_msglist_free(&errs);
}

static void test_duplicates_lint(void **state)
{
    (void)state;
    pq_msglist errs, lint = {0};
    pq_rule_file *f = parse("groups:\n- name: a\n  labels: {t: x}\n  rules:\n"
                            "  - record: r\n    expr: sum(x)\n  - record: r\n    expr: sum(y)\n"
                            "  - record: s\n    expr: x\n",
                            &errs);
    assert_int_equal(errs.n, 0);
    assert_int_equal(pq_rule_file_lint_duplicates(f, &lint), 1);
    assert_string_equal(lint.items[0], "lint error 1 duplicate rule(s) found.\nMetric: r\nLabel(s):\n\tt: x\n"
                                       "Might cause inconsistency while recording expressions");
    pq_msglist_free(&lint);
    pq_rule_file_free(f);
}

static void test_garbage_never_crashes(void **state)
{
    (void)state;
    const char *base = "groups:\n- name: g\n  interval: 1m\n  rules:\n  - alert: A\n    expr: rate(x[5m]) > 0\n"
                       "    for: 10m\n    labels: {s: '{{ $value }}'}\n    annotations: {d: '{{ range $labels }}{{.}}{{end}}'}\n"
                       "  - record: b:c\n    expr: sum(x)\n";
    size_t n = strlen(base);
    for (size_t i = 0; i <= n; i++) {
        pq_msglist errs = {0};
        pq_rule_file *f = pq_rule_file_parse("t", base, i, NULL, &errs);
        pq_msglist_free(&errs);
        pq_rule_file_free(f);
    }
    const char *bad[] = {"groups: *a", "&a [*a]", "groups:\n- &x {name: a, rules: [*x]}\n", "- - - -",
                         "groups:\n- name: [1]\n  rules: {}\n", "groups:\n- rules:\n  - {}\n  - null\n  - 3\n",
                         "\xff\xfe", "groups: !!binary aGVsbG8=\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pq_msglist errs = {0};
        pq_rule_file *f = pq_rule_file_parse("t", bad[i], strlen(bad[i]), NULL, &errs);
        pq_msglist_free(&errs);
        pq_rule_file_free(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_file),     cmocka_unit_test(test_validation_messages),
        cmocka_unit_test(test_decode_errors),  cmocka_unit_test(test_duplicates_lint),
        cmocka_unit_test(test_garbage_never_crashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
