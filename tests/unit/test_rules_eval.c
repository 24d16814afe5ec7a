/*
 * test_rules_eval.c -- the rule manager (rules/ruleeval.h): the alert state machine with 'for'
 * and 'keep_firing_for', ALERTS / ALERTS_FOR_STATE output, recording rules feeding later rules,
 * query_offset, limit, staleness of vanished series; and the rule unit-test files of
 * tests/rules/ with the verdicts promtool gives (tests/rules/verdicts.txt).
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

#include "promql/promql.h"
#include "rules/rulefile.h"
#include "rules/ruleeval.h"
#include "rules/unittest.h"

typedef struct fixture {
    promql_memstore *store;
    promql_engine *engine;
    pq_rule_file *file;
    pq_rule_manager *mgr;
    int events[4][4];   /* [from][to] transition counts */
} fixture;

static void on_alert(void *arg, const pq_rule_group *g, const pq_rule *r, const pq_alert *a, pq_alert_state from,
                     pq_alert_state to, int64_t t)
{
    (void)g;
    (void)r;
    (void)a;
    (void)t;
    fixture *f = arg;
    f->events[from][to]++;
}

static void setup_rules(fixture *f, const char *yaml, const promql_labels *ext)
{
    memset(f, 0, sizeof *f);
    f->store = promql_memstore_new();
    promql_engine_options eo;
    promql_engine_options_init(&eo);
    promql_error err;
    f->engine = promql_engine_new(&eo, &err);
    assert_non_null(f->store);
    assert_non_null(f->engine);
    pq_msglist errs = {0};
    f->file = pq_rule_file_parse("test.yml", yaml, strlen(yaml), NULL, &errs);
    for (size_t i = 0; i < errs.n; i++)
        fprintf(stderr, "%s\n", errs.items[i]);
    assert_int_equal(errs.n, 0);
    pq_msglist_free(&errs);
    assert_non_null(f->file);
    pq_rule_manager_options mo = {ext ? *ext : (promql_labels){NULL, 0}, "http://x", 60000, on_alert, NULL, f};
    f->mgr = pq_rule_manager_new(f->engine, f->store, &mo);
    char e[256];
    assert_int_equal(pq_rule_manager_add_file(f->mgr, f->file, e, sizeof e), 0);
}

static void teardown_rules(fixture *f)
{
    pq_rule_manager_free(f->mgr);
    pq_rule_file_free(f->file);
    promql_engine_free(f->engine);
    promql_memstore_free(f->store);
}

static void add(fixture *f, const char *name, const char *lname, const char *lvalue, int64_t t, double v)
{
    promql_label l[2] = {{"__name__", name}, {lname, lvalue}};
    promql_labels ls = {l, lname ? 2 : 1};
    promql_error err;
    assert_int_equal(promql_memstore_append(f->store, &ls, t, v, &err), PROMQL_OK);
}

/* Value of a one-element instant query, or NAN when empty. */
static double q(fixture *f, const char *query, int64_t t, size_t *count)
{
    promql_result *res = NULL;
    promql_error err;
    assert_int_equal(promql_query_instant(f->engine, promql_memstore_storage(f->store), query, strlen(query), t, &res, &err),
                     PROMQL_OK);
    size_t n = promql_result_series_count(res);
    if (count)
        *count = n;
    double v = NAN;
    const int64_t *ts;
    const double *vs;
    if (n > 0 && promql_result_series_floats(res, 0, &ts, &vs) > 0)
        v = vs[0];
    promql_result_free(res);
    return v;
}

static pq_alert_state state_of(fixture *f, size_t gi, size_t ri, size_t *n)
{
    const pq_alert *const *al;
    *n = pq_rule_manager_alerts(f->mgr, gi, ri, &al);
    return *n ? al[0]->state : 0;
}

static void test_for_state_machine(void **state)
{
    (void)state;
    fixture f;
    setup_rules(&f,
                "groups:\n- name: g\n  rules:\n  - alert: Down\n    expr: up == 0\n    for: 2m\n"
                "    labels: {sev: '{{ if eq $value 0.0 }}page{{ end }}'}\n"
                "    annotations: {s: 'v={{ $value }} i={{ $labels.instance }}'}\n",
                NULL);
    /* up: 0 at 0..4m, 1 at 5m */
    for (int m = 0; m <= 6; m++)
        add(&f, "up", "instance", "a", m * 60000, m < 5 ? 0 : 1);
    size_t n;
    pq_rule_manager_eval_group(f.mgr, 0, 0);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_PENDING);
    pq_rule_manager_eval_group(f.mgr, 0, 60000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_PENDING);
    pq_rule_manager_eval_group(f.mgr, 0, 120000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_FIRING);
    const pq_alert *const *al;
    pq_rule_manager_alerts(f.mgr, 0, 0, &al);
    assert_int_equal(al[0]->active_at_ms, 0);
    assert_int_equal(al[0]->fired_at_ms, 120000);
    assert_int_equal(al[0]->labels.count, 3); /* alertname, instance, sev */
    assert_string_equal(al[0]->labels.items[2].name, "sev");
    assert_string_equal(al[0]->labels.items[2].value, "page");
    assert_string_equal(al[0]->annotations.items[0].value, "v=0 i=a");
    assert_null(pq_rule_manager_rule_error(f.mgr, 0, 0));
    /* ALERTS and ALERTS_FOR_STATE as Prometheus writes them */
    assert_true(q(&f, "ALERTS{alertname=\"Down\",alertstate=\"firing\",instance=\"a\",sev=\"page\"}", 120000, &n) == 1);
    assert_true(q(&f, "ALERTS{alertstate=\"pending\"}", 60000, &n) == 1);
    assert_true(q(&f, "ALERTS_FOR_STATE{alertname=\"Down\"}", 120000, &n) == 0);
    pq_rule_manager_eval_group(f.mgr, 0, 180000);
    pq_rule_manager_eval_group(f.mgr, 0, 240000);
    /* resolved at 5m: kept (inactive) for the retention, ALERTS goes stale */
    pq_rule_manager_eval_group(f.mgr, 0, 300000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_INACTIVE);
    pq_rule_manager_alerts(f.mgr, 0, 0, &al);
    assert_int_equal(al[0]->resolved_at_ms, 300000);
    q(&f, "ALERTS", 300000, &n);
    if (n)
        fprintf(stderr, "ALERTS still has %zu series\n", n);
    assert_int_equal(n, 0);
    assert_int_equal(f.events[0][PQ_ALERT_PENDING], 1);
    assert_int_equal(f.events[PQ_ALERT_PENDING][PQ_ALERT_FIRING], 1);
    assert_int_equal(f.events[PQ_ALERT_FIRING][PQ_ALERT_INACTIVE], 1);
    /* kept for exactly 15 minutes of retention, dropped after */
    pq_rule_manager_eval_group(f.mgr, 0, 20 * 60000);
    state_of(&f, 0, 0, &n);
    assert_int_equal(n, 1);
    pq_rule_manager_eval_group(f.mgr, 0, 21 * 60000);
    state_of(&f, 0, 0, &n);
    assert_int_equal(n, 0);
    teardown_rules(&f);
}

static void test_pending_cleared(void **state)
{
    (void)state;
    fixture f;
    setup_rules(&f, "groups:\n- name: g\n  rules:\n  - alert: X\n    expr: x > 0\n    for: 5m\n", NULL);
    add(&f, "x", NULL, NULL, 0, 1);
    add(&f, "x", NULL, NULL, 60000, 0);
    size_t n;
    pq_rule_manager_eval_group(f.mgr, 0, 0);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_PENDING);
    pq_rule_manager_eval_group(f.mgr, 0, 60000);
    state_of(&f, 0, 0, &n);
    assert_int_equal(n, 0); /* a pending alert that clears is forgotten at once */
    assert_int_equal(f.events[PQ_ALERT_PENDING][PQ_ALERT_INACTIVE], 1);
    teardown_rules(&f);
}

static void test_keep_firing_for(void **state)
{
    (void)state;
    fixture f;
    setup_rules(&f, "groups:\n- name: g\n  rules:\n  - alert: K\n    expr: k > 0\n    keep_firing_for: 2m\n", NULL);
    add(&f, "k", NULL, NULL, 0, 1);
    add(&f, "k", NULL, NULL, 60000, 0);
    size_t n;
    pq_rule_manager_eval_group(f.mgr, 0, 0);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_FIRING); /* no 'for': fires at once */
    pq_rule_manager_eval_group(f.mgr, 0, 60000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_FIRING);
    pq_rule_manager_eval_group(f.mgr, 0, 120000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_FIRING);
    pq_rule_manager_eval_group(f.mgr, 0, 180000);
    assert_int_equal(state_of(&f, 0, 0, &n), PQ_ALERT_INACTIVE);
    teardown_rules(&f);
}

static void test_recording_chain_offset_limit(void **state)
{
    (void)state;
    fixture f;
    setup_rules(&f,
                "groups:\n- name: rec\n  query_offset: 1m\n  labels: {team: g, env: prod}\n  rules:\n"
                "  - record: a:sum\n    expr: sum(v)\n    labels: {team: t}\n"
                "  - record: a:double\n    expr: a:sum * 2\n"
                "- name: lim\n  limit: 1\n  rules:\n  - record: many\n    expr: v\n",
                NULL);
    add(&f, "v", "i", "1", 0, 1);
    add(&f, "v", "i", "2", 0, 2);
    add(&f, "v", "i", "1", 60000, 10);
    add(&f, "v", "i", "2", 60000, 20);
    pq_rule_manager_eval_group(f.mgr, 0, 120000);
    size_t n;
    /* query_offset: evaluated at 1m (sum 30), written at 1m */
    assert_true(q(&f, "a:sum{team=\"t\",env=\"prod\"}", 60000, &n) == 30); /* the rule's label wins */
    assert_true(q(&f, "a:double{team=\"g\",env=\"prod\"}", 60000, &n) == 60);
    assert_null(pq_rule_manager_rule_error(f.mgr, 0, 1));
    pq_rule_manager_eval_group(f.mgr, 1, 60000);
    assert_string_equal(pq_rule_manager_rule_error(f.mgr, 1, 0), "exceeded limit of 1 with 2 series");
    teardown_rules(&f);
}

static void test_staleness_and_errors(void **state)
{
    (void)state;
    fixture f;
    setup_rules(&f,
                "groups:\n- name: g\n  rules:\n  - record: r\n    expr: s\n"
                "  - alert: Dup\n    expr: s\n    labels: {id: same}\n",
                NULL);
    add(&f, "s", "id", "1", 0, 1);
    add(&f, "s", "id", "2", 0, 2);
    pq_rule_manager_eval_group(f.mgr, 0, 0);
    size_t n;
    q(&f, "r", 0, &n);
    assert_int_equal(n, 2);
    assert_string_equal(pq_rule_manager_rule_error(f.mgr, 0, 1),
                        "vector contains metrics with the same labelset after applying alert labels");
    /* series gone at 10m: the recorded series get staleness markers */
    pq_rule_manager_eval_group(f.mgr, 0, 600000);
    q(&f, "r", 600000, &n);
    assert_int_equal(n, 0);
    q(&f, "r", 240000, &n);
    assert_int_equal(n, 2);
    teardown_rules(&f);
}

static void test_external_labels_in_templates(void **state)
{
    (void)state;
    fixture f;
    promql_label ext[] = {{"cluster", "eu1"}};
    promql_labels el = {ext, 1};
    setup_rules(&f,
                "groups:\n- name: g\n  rules:\n  - alert: E\n    expr: vector(0.25)\n"
                "    annotations: {a: '{{ $externalLabels.cluster }} {{ $value | humanizePercentage }} {{ $externalURL }}'}\n",
                &el);
    pq_rule_manager_eval_group(f.mgr, 0, 0);
    const pq_alert *const *al;
    assert_int_equal(pq_rule_manager_alerts(f.mgr, 0, 0, &al), 1);
    assert_string_equal(al[0]->annotations.items[0].value, "eu1 25% http://x");
    teardown_rules(&f);
}

/* ---- the verdicts of tests/rules ---- */

static void sink(void *arg, int stream, const char *text, size_t len)
{
    (void)arg;
    (void)stream;
    (void)text;
    (void)len;
}

static void test_unittest_verdicts(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/rules/verdicts.txt", PROMQL_SOURCE_DIR);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char line[512];
    int checked = 0;
    while (fgets(line, sizeof line, fp)) {
        char file[256], want[16];
        if (line[0] == '#' || sscanf(line, "%255s %15s", file, want) != 2)
            continue;
        char full[4500];
        snprintf(full, sizeof full, "%s/tests/rules/%s", PROMQL_SOURCE_DIR, file);
        pq_unittest_counts c = {0};
        int rc = pq_rules_unittest_file(full, NULL, sink, NULL, &c);
        if ((rc == 0) != (strcmp(want, "pass") == 0))
            fprintf(stderr, "verdict differs for %s: want %s\n", file, want);
        assert_int_equal(rc == 0, strcmp(want, "pass") == 0);
        checked++;
    }
    fclose(fp);
    assert_true(checked >= 10);
}

static void test_unittest_junit(void **state)
{
    (void)state;
    char full[4500];
    snprintf(full, sizeof full, "%s/tests/rules/fail_basic.yml", PROMQL_SOURCE_DIR);
    pq_strbuf j;
    pq_strbuf_init(&j);
    pq_unittest_options o = {0};
    o.junit = &j;
    pq_unittest_counts c = {0};
    assert_int_equal(pq_rules_unittest_file(full, &o, sink, NULL, &c), 1);
    assert_int_equal(c.cases_failed, 1);
    assert_non_null(strstr(j.data, "tests=\"1\" failures=\"3\" errors=\"0\" skipped=\"0\""));
    assert_non_null(strstr(j.data, "<testcase name=\"wrong expectations\"><failure>    name: wrong expectations,&#xA;"));
    pq_strbuf_free(&j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_for_state_machine),
        cmocka_unit_test(test_pending_cleared),
        cmocka_unit_test(test_keep_firing_for),
        cmocka_unit_test(test_recording_chain_offset_limit),
        cmocka_unit_test(test_staleness_and_errors),
        cmocka_unit_test(test_external_labels_in_templates),
        cmocka_unit_test(test_unittest_verdicts),
        cmocka_unit_test(test_unittest_junit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
