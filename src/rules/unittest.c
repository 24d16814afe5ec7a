/*
 * unittest.c -- promtool's rule unit tests (cmd/promtool/unittest.go) on our engine: decode the
 * test file strictly, load input series step by step as the evaluation clock advances, evaluate
 * the rule groups every evaluation_interval, compare firing alerts and PromQL results at their
 * eval_time, and report in promtool's words.
 */
#include "rules/unittest.h"

#include <glob.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "eval/histogram.h"
#include "fixture/fixture.h"
#include "promql/promql.h"
#include "rules/gonum.h"
#include "rules/rulefile.h"
#include "rules/ruleeval.h"
#include "rules/yaml_tree.h"
#include "util/arena.h"
#include "util/gofmt.h"
#include "util/gotime.h"
#include "rules/yaml_decode.h"
#include "util/labels.h"

/* ---- the test file model ---- */

typedef struct ut_series {
    const char *series, *values;
} ut_series;

typedef struct ut_alert {
    promql_labels labels, annotations;
} ut_alert;

typedef struct ut_alert_test {
    int64_t eval_time;
    const char *alertname;
    ut_alert *exp;
    size_t nexp;
} ut_alert_test;

typedef struct ut_sample {
    const char *labels;
    double value;
    const char *histogram;
} ut_sample;

typedef struct ut_expr_test {
    const char *expr;
    int64_t eval_time;
    ut_sample *exp;
    size_t nexp;
} ut_expr_test;

typedef struct ut_group {
    int64_t interval;
    ut_series *series;
    size_t nseries;
    ut_alert_test *alerts;
    size_t nalerts;
    ut_expr_test *exprs;
    size_t nexprs;
    promql_labels external_labels;
    const char *external_url;
    const char *name;
    bool has_start;
    int64_t start_ms;
} ut_group;

typedef struct ut_file {
    const char **rule_files;
    size_t nrule_files;
    int64_t eval_interval;
    const char **order;
    size_t norder;
    ut_group *tests;
    size_t ntests;
    bool fuzzy;
} ut_file;

/* ---- strict decoding (yaml.v2 UnmarshalStrict messages) ---- */

typedef struct udec {
    pq_ydec y;                /* yaml.v2's collected "line N: ..." type errors, arena, fatal */
    bool ignore_unknown;
} udec;

static void fields(udec *d, const pq_ynode *m, const char *const *known, const char *type)
{
    if (d->ignore_unknown)
        return;
    for (size_t i = 0; i < m->n; i++) {
        const pq_ynode *k = m->items[2 * i];
        bool ok = false;
        for (int j = 0; known[j]; j++)
            if (k->kind == PQ_Y_SCALAR && strcmp(known[j], k->value) == 0)
                ok = true;
        if (!ok)
            pq_ydec_error(&d->y, k->line, "field %s not found in type %s", k->kind == PQ_Y_SCALAR ? k->value : "?", type);
    }
}

static double flt(udec *d, const pq_ynode *n)
{
    if (!n || pq_yaml_is_null(n))
        return 0;
    if (n->kind == PQ_Y_SCALAR && n->plain) {
        const char *v = n->value;
        if (!strcmp(v, ".inf") || !strcmp(v, ".Inf") || !strcmp(v, ".INF") || !strcmp(v, "+.inf") ||
            !strcmp(v, "+.Inf") || !strcmp(v, "+.INF"))
            return INFINITY;
        if (!strcmp(v, "-.inf") || !strcmp(v, "-.Inf") || !strcmp(v, "-.INF"))
            return -INFINITY;
        if (!strcmp(v, ".nan") || !strcmp(v, ".NaN") || !strcmp(v, ".NAN"))
            return NAN;
        char *end;
        double x = strtod(v, &end);
        if (*v && !*end && strpbrk(v, "0123456789") && !strpbrk(v, "xXpP") && strcasecmp(v, "inf") && strcasecmp(v, "nan"))
            return x;
        /* yaml.v2 also reads 0x / 0o ints and underscores */
        long long iv = strtoll(v, &end, 0);
        if (*v && !*end)
            return (double)iv;
    }
    pq_ydec_type_error(&d->y, n, "float64");
    return 0;
}

static bool boolean(udec *d, const pq_ynode *n)
{
    if (!n || pq_yaml_is_null(n))
        return false;
    if (n->kind == PQ_Y_SCALAR && n->plain) {
        const char *v = n->value;
        if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "TRUE") || !strcmp(v, "yes") || !strcmp(v, "on"))
            return true;
        if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "FALSE") || !strcmp(v, "no") || !strcmp(v, "off"))
            return false;
    }
    pq_ydec_type_error(&d->y, n, "bool");
    return false;
}

static const pq_ynode *seq(udec *d, const pq_ynode *n, const char *type)
{
    if (!n || pq_yaml_is_null(n))
        return NULL;
    if (n->kind != PQ_Y_SEQ) {
        pq_ydec_type_error(&d->y, n, type);
        return NULL;
    }
    return n;
}

static const pq_ynode *map(udec *d, const pq_ynode *n, const char *type, const char *const *known)
{
    if (!n || pq_yaml_is_null(n))
        return NULL;
    if (n->kind != PQ_Y_MAP) {
        pq_ydec_type_error(&d->y, n, type);
        return NULL;
    }
    fields(d, n, known, type);
    return n;
}

static const char *const file_fields[] = {"rule_files", "evaluation_interval", "group_eval_order", "tests",
                                          "fuzzy_compare", NULL};
static const char *const group_fields[] = {"interval", "input_series", "alert_rule_test", "promql_expr_test",
                                           "external_labels", "external_url", "name", "start_timestamp", NULL};
static const char *const series_fields[] = {"series", "values", NULL};
static const char *const atest_fields[] = {"eval_time", "alertname", "exp_alerts", NULL};
static const char *const alert_fields[] = {"exp_labels", "exp_annotations", NULL};
static const char *const etest_fields[] = {"expr", "eval_time", "exp_samples", NULL};
static const char *const sample_fields[] = {"labels", "value", "histogram", NULL};

static const char **strlist(udec *d, const pq_ynode *n, size_t *count)
{
    *count = 0;
    const pq_ynode *s = seq(d, n, "[]string");
    if (!s || !s->n)
        return NULL;
    const char **out = pq_arena_calloc(d->y.a, s->n, sizeof *out);
    for (size_t i = 0; out && i < s->n; i++)
        out[(*count)++] = pq_ydec_string(&d->y, s->items[i]);
    return out;
}

static void decode(udec *d, const pq_ynode *root, ut_file *f)
{
    memset(f, 0, sizeof *f);
    const pq_ynode *m = map(d, root, "main.unitTestFile", file_fields);
    if (!m)
        return;
    f->rule_files = strlist(d, pq_yaml_get(m, "rule_files"), &f->nrule_files);
    f->eval_interval = pq_ydec_duration(&d->y, pq_yaml_get(m, "evaluation_interval"));
    f->order = strlist(d, pq_yaml_get(m, "group_eval_order"), &f->norder);
    f->fuzzy = boolean(d, pq_yaml_get(m, "fuzzy_compare"));
    const pq_ynode *tests = seq(d, pq_yaml_get(m, "tests"), "[]main.testGroup");
    if (!tests || !tests->n)
        return;
    f->tests = pq_arena_calloc(d->y.a, tests->n, sizeof *f->tests);
    if (!f->tests)
        return;
    f->ntests = tests->n;
    for (size_t i = 0; i < tests->n; i++) {
        ut_group *g = &f->tests[i];
        g->name = "";
        g->external_url = "";
        const pq_ynode *gn = map(d, tests->items[i], "main.testGroup", group_fields);
        if (!gn)
            continue;
        g->interval = pq_ydec_duration(&d->y, pq_yaml_get(gn, "interval"));
        g->name = pq_ydec_string(&d->y, pq_yaml_get(gn, "name"));
        g->external_url = pq_ydec_string(&d->y, pq_yaml_get(gn, "external_url"));
        g->external_labels = pq_ydec_string_map(&d->y, pq_yaml_get(gn, "external_labels"), "labels.Labels", false);
        const pq_ynode *st = pq_yaml_get(gn, "start_timestamp");
        if (st && !pq_yaml_is_null(st)) {
            const char *s = pq_ydec_string(&d->y, st);
            if (pq_go_parse_promtool_time(s, strlen(s), &g->start_ms) && !d->y.fatal[0])
                snprintf(d->y.fatal, sizeof d->y.fatal, "cannot parse \"%s\" to a valid timestamp", s);
            g->has_start = true;
        }
        const pq_ynode *is = seq(d, pq_yaml_get(gn, "input_series"), "[]main.series");
        if (is && is->n) {
            g->series = pq_arena_calloc(d->y.a, is->n, sizeof *g->series);
            for (size_t k = 0; g->series && k < is->n; k++) {
                const pq_ynode *sn = map(d, is->items[k], "main.series", series_fields);
                g->series[g->nseries].series = pq_ydec_string(&d->y, pq_yaml_get(sn, "series"));
                g->series[g->nseries].values = pq_ydec_string(&d->y, pq_yaml_get(sn, "values"));
                g->nseries++;
            }
        }
        const pq_ynode *at = seq(d, pq_yaml_get(gn, "alert_rule_test"), "[]main.alertTestCase");
        if (at && at->n) {
            g->alerts = pq_arena_calloc(d->y.a, at->n, sizeof *g->alerts);
            for (size_t k = 0; g->alerts && k < at->n; k++) {
                ut_alert_test *t = &g->alerts[g->nalerts++];
                t->alertname = "";
                const pq_ynode *an = map(d, at->items[k], "main.alertTestCase", atest_fields);
                if (!an)
                    continue;
                t->eval_time = pq_ydec_duration(&d->y, pq_yaml_get(an, "eval_time"));
                t->alertname = pq_ydec_string(&d->y, pq_yaml_get(an, "alertname"));
                const pq_ynode *ea = seq(d, pq_yaml_get(an, "exp_alerts"), "[]main.alert");
                if (ea && ea->n) {
                    t->exp = pq_arena_calloc(d->y.a, ea->n, sizeof *t->exp);
                    for (size_t j = 0; t->exp && j < ea->n; j++) {
                        const pq_ynode *x = map(d, ea->items[j], "main.alert", alert_fields);
                        t->exp[t->nexp].labels = pq_ydec_string_map(&d->y, pq_yaml_get(x, "exp_labels"), "map[string]string", false);
                        t->exp[t->nexp].annotations = pq_ydec_string_map(&d->y, pq_yaml_get(x, "exp_annotations"), "map[string]string", false);
                        t->nexp++;
                    }
                }
            }
        }
        const pq_ynode *et = seq(d, pq_yaml_get(gn, "promql_expr_test"), "[]main.promqlTestCase");
        if (et && et->n) {
            g->exprs = pq_arena_calloc(d->y.a, et->n, sizeof *g->exprs);
            for (size_t k = 0; g->exprs && k < et->n; k++) {
                ut_expr_test *t = &g->exprs[g->nexprs++];
                t->expr = "";
                const pq_ynode *en = map(d, et->items[k], "main.promqlTestCase", etest_fields);
                if (!en)
                    continue;
                t->expr = pq_ydec_string(&d->y, pq_yaml_get(en, "expr"));
                t->eval_time = pq_ydec_duration(&d->y, pq_yaml_get(en, "eval_time"));
                const pq_ynode *es = seq(d, pq_yaml_get(en, "exp_samples"), "[]main.sample");
                if (es && es->n) {
                    t->exp = pq_arena_calloc(d->y.a, es->n, sizeof *t->exp);
                    for (size_t j = 0; t->exp && j < es->n; j++) {
                        const pq_ynode *x = map(d, es->items[j], "main.sample", sample_fields);
                        ut_sample *s = &t->exp[t->nexp++];
                        s->labels = pq_ydec_string(&d->y, pq_yaml_get(x, "labels"));
                        s->value = flt(d, pq_yaml_get(x, "value"));
                        s->histogram = pq_ydec_string(&d->y, pq_yaml_get(x, "histogram"));
                    }
                }
            }
        }
    }
}

/* ---- comparisons and printing ---- */

typedef struct la_pair {
    promql_labels labels, annotations;
} la_pair;

static int cmp_la(const void *x, const void *y)
{
    const la_pair *a = x, *b = y;
    int c = pq_labels_compare(a->labels, b->labels);
    return c ? c : pq_labels_compare(a->annotations, b->annotations);
}

static void indent_lines(pq_strbuf *out, const char *s, const char *indent)
{
    for (const char *p = s; *p; p++) {
        pq_strbuf_putc(out, *p);
        if (*p == '\n')
            pq_strbuf_puts(out, indent);
    }
}

static void la_string(pq_strbuf *out, const la_pair *la, size_t n)
{
    if (n == 0) {
        pq_strbuf_puts(out, "[]");
        return;
    }
    pq_strbuf_puts(out, "[");
    for (size_t i = 0; i < n; i++) {
        pq_strbuf one;
        pq_strbuf_init(&one);
        pq_strbuf_puts(&one, "\nLabels:");
        pq_rules_labels_string(&one, &la[i].labels);
        pq_strbuf_puts(&one, "\nAnnotations:");
        pq_rules_labels_string(&one, &la[i].annotations);
        pq_strbuf_printf(out, "%s%zu:", i ? ",\n" : "\n", i);
        indent_lines(out, one.data ? one.data : "", "  ");
        pq_strbuf_free(&one);
    }
    pq_strbuf_puts(out, "\n]");
}

static bool float_eq(double x, double y, bool fuzzy)
{
    if (x == y)
        return true;
    return fuzzy && (nextafter(x, -INFINITY) == y || nextafter(x, INFINITY) == y);
}

typedef struct psample {
    promql_labels labels;
    double value;
    const char *hist;   /* test expression or "" */
} psample;

static int cmp_ps(const void *x, const void *y)
{
    return pq_labels_compare(((const psample *)x)->labels, ((const psample *)y)->labels);
}

static void ps_string(pq_strbuf *out, const psample *ps, size_t n)
{
    if (n == 0) {
        pq_strbuf_puts(out, "nil");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            pq_strbuf_puts(out, ", ");
        pq_rules_labels_string(out, &ps[i].labels);
        pq_strbuf_putc(out, ' ');
        if (ps[i].hist[0])
            pq_strbuf_puts(out, ps[i].hist);
        else
            pq_go_format_float_prec(out, ps[i].value, 'E', -1);
    }
}

/* ---- JUnit XML (util/junitxml, encoding/xml escaping) ---- */

static void xml_escape(pq_strbuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': pq_strbuf_puts(b, "&amp;"); break;
        case '<': pq_strbuf_puts(b, "&lt;"); break;
        case '>': pq_strbuf_puts(b, "&gt;"); break;
        case '"': pq_strbuf_puts(b, "&#34;"); break;
        case '\'': pq_strbuf_puts(b, "&#39;"); break;
        case '\t': pq_strbuf_puts(b, "&#x9;"); break;
        case '\n': pq_strbuf_puts(b, "&#xA;"); break;
        case '\r': pq_strbuf_puts(b, "&#xD;"); break;
        default: pq_strbuf_putc(b, *s);
        }
    }
}

typedef struct junit_case {
    char *name;
    size_t first_err, nerr;   /* failures: a range of run_ctx.errs */
    char *error;              /* an abort message, or NULL */
} junit_case;

/* ---- running ---- */

static void put(pq_unittest_write_fn w, void *arg, int stream, const char *s)
{
    w(arg, stream, s, strlen(s));
}

typedef struct run_ctx {
    junit_case *cases;
    size_t ncases;
    pq_unittest_write_fn write;
    void *write_arg;
    pq_arena *a;
    const ut_file *f;
    const pq_unittest_options *opts;
    pq_msglist errs;
    pq_rule_file **rfiles;
    size_t nrfiles;
} run_ctx;

static void junit_add(run_ctx *rc, const char *name, size_t first, size_t n, const char *error)
{
    junit_case *nc = realloc(rc->cases, (rc->ncases + 1) * sizeof *nc);
    if (!nc)
        return;
    rc->cases = nc;
    nc[rc->ncases].name = strdup(name);
    nc[rc->ncases].first_err = first;
    nc[rc->ncases].nerr = n;
    nc[rc->ncases].error = error ? strdup(error) : NULL;
    rc->ncases++;
}

static void junit_write(pq_strbuf *b, const char *path, const run_ctx *rc)
{
    size_t failures = 0, errors = 0;
    for (size_t i = 0; i < rc->ncases; i++) {
        failures += rc->cases[i].nerr;
        errors += rc->cases[i].error != NULL;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    pq_strbuf_puts(b, "<testsuite name=\"");
    xml_escape(b, path);
    pq_strbuf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"0\" timestamp=\"%s\">",
                     rc->ncases, failures, errors, stamp);
    for (size_t i = 0; i < rc->ncases; i++) {
        const junit_case *c = &rc->cases[i];
        pq_strbuf_puts(b, "<testcase name=\"");
        xml_escape(b, c->name ? c->name : "");
        pq_strbuf_puts(b, "\">");
        for (size_t k = 0; k < c->nerr && c->first_err + k < rc->errs.n; k++) {
            pq_strbuf_puts(b, "<failure>");
            xml_escape(b, rc->errs.items[c->first_err + k]);
            pq_strbuf_puts(b, "</failure>");
        }
        if (c->error) {
            pq_strbuf_puts(b, "<error>");
            xml_escape(b, c->error);
            pq_strbuf_puts(b, "</error>");
        }
        pq_strbuf_puts(b, "</testcase>");
    }
    pq_strbuf_puts(b, "</testsuite>");
}

static void add_err(pq_msglist *l, const pq_strbuf *b)
{
    pq_msglist_add(l, "%s", b->data ? b->data : "");
}

typedef struct loaded_series {
    pq_series_desc d;
    size_t next;          /* next point to append */
} loaded_series;

static int group_order(const ut_file *f, const char *name)
{
    for (size_t i = 0; i < f->norder; i++)
        if (!strcmp(f->order[i], name))
            return (int)i;
    return 0;
}

/* promtool --debug: every series (input and recorded) up to the last eval time, as Go prints a
 * promql.Matrix. */
static void debug_dump(run_ctx *rc, promql_engine *engine, promql_memstore *store, int64_t mint, int64_t maxd)
{
    int64_t ts = ((maxd + 1000) / 1000) * 1000;
    char q[96];
    snprintf(q, sizeof q, "{__name__=~\".+\"}[%llds]", (long long)(ts / 1000));
    promql_result *res = NULL;
    promql_error err;
    pq_strbuf b;
    pq_strbuf_init(&b);
    if (promql_query_instant(engine, promql_memstore_storage(store), q, strlen(q), mint + ts, &res, &err) != PROMQL_OK) {
        pq_strbuf_printf(&b, "DEBUG: Failed querying, expr: \"%s\", err: %s\n", q, err.message);
    } else {
        pq_strbuf_puts(&b, "DEBUG: Dump of all data (input_series and rules) at ");
        pq_gonum_time_duration(&b, ts);
        pq_strbuf_puts(&b, ":\n");
        size_t n = promql_result_series_count(res);
        for (size_t i = 0; i < n; i++) {
            if (i)
                pq_strbuf_putc(&b, '\n');
            promql_labels ls = promql_result_series_labels(res, i);
            pq_rules_labels_string(&b, &ls);
            pq_strbuf_puts(&b, " =>");
            const int64_t *tv;
            const double *vv;
            size_t np = promql_result_series_floats(res, i, &tv, &vv);
            for (size_t k = 0; k < np; k++) {
                pq_strbuf_putc(&b, '\n');
                pq_go_format_float_prec(&b, vv[k], 'f', -1);
                pq_strbuf_printf(&b, " @[%lld]", (long long)tv[k]);
            }
        }
        pq_strbuf_putc(&b, '\n');
    }
    promql_result_free(res);
    if (b.data)
        rc->write(rc->write_arg, 2, b.data, b.len);
    pq_strbuf_free(&b);
}

/* One test group. Returns the number of errors added. */
static size_t run_group(run_ctx *rc, const ut_group *g, int64_t eval_interval)
{
    const ut_file *f = rc->f;
    size_t errs_before = rc->errs.n;
    pq_arena a;
    pq_arena_init(&a, 0);
    promql_memstore *store = promql_memstore_new();
    promql_engine_options eo;
    promql_engine_options_init(&eo);
    eo.max_samples = 10000;
    eo.timeout_ms = 100000;
    eo.default_subquery_step_ms = eval_interval;
    eo.enable_delayed_name_removal = 0;
    promql_error perr;
    promql_engine *engine = promql_engine_new(&eo, &perr);
    pq_rule_manager *mgr = NULL;
    loaded_series *ls = NULL;
    int64_t interval = g->interval > 0 ? g->interval : eval_interval;
    int64_t mint = g->has_start ? g->start_ms : 0;
    if (!store || !engine) {
        pq_msglist_add(&rc->errs, "out of memory");
        goto done;
    }
    /* input series: "load <interval>" lines */
    ls = g->nseries ? pq_arena_calloc(&a, g->nseries, sizeof *ls) : NULL;
    for (size_t i = 0; i < g->nseries && ls; i++) {
        char *line = pq_arena_sprintf(&a, "%s %s", g->series[i].series, g->series[i].values);
        char e[512];
        if (!line || pq_parse_series_desc(line, strlen(line), &a, &ls[i].d, e, sizeof e)) {
            /* promqltest's load errors read "LINE:COL: parse error: ..." */
            const char *msg = line ? e : "out of memory";
            char *colon = strchr(msg, ':');
            if (colon && colon > msg && colon[1] == ' ' && strspn(msg, "0123456789") == (size_t)(colon - msg) &&
                !strstr(msg, "parse error"))
                pq_msglist_add(&rc->errs, "%d:%.*s: parse error: %s", (int)i + 1, (int)(colon - msg), msg, colon + 2);
            else
                pq_msglist_add(&rc->errs, "%d:%s", (int)i + 1, msg);
            goto done;
        }
    }
    /* rule groups, ordered by group_eval_order (unlisted groups count as position 0) */
    pq_rule_manager_options mo = {g->external_labels, g->external_url, interval, NULL, NULL, NULL};
    mgr = pq_rule_manager_new(engine, store, &mo);
    if (!mgr) {
        pq_msglist_add(&rc->errs, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < rc->nrfiles; i++) {
        char e[1024];
        if (pq_rule_manager_add_file(mgr, rc->rfiles[i], e, sizeof e)) {
            pq_msglist_add(&rc->errs, "%s", e);
            goto done;
        }
    }
    size_t ng = pq_rule_manager_group_count(mgr);
    size_t *order = ng ? pq_arena_calloc(&a, ng, sizeof *order) : NULL;
    for (size_t i = 0; i < ng && order; i++)
        order[i] = i;
    for (size_t i = 1; i < ng && order; i++) { /* stable insertion sort */
        size_t x = order[i], j = i;
        int key = group_order(f, pq_rule_manager_group(mgr, x)->name);
        while (j > 0 && group_order(f, pq_rule_manager_group(mgr, order[j - 1])->name) > key) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = x;
    }
    /* alert tests: sorted distinct eval times */
    int64_t maxd = 0;
    for (size_t i = 0; i < g->nalerts; i++)
        if (g->alerts[i].eval_time > maxd)
            maxd = g->alerts[i].eval_time;
    for (size_t i = 0; i < g->nexprs; i++)
        if (g->exprs[i].eval_time > maxd)
            maxd = g->exprs[i].eval_time;
    int64_t maxt = mint + maxd;
    /* promtool would grind through any number of steps; we refuse absurd ones */
    if (maxd / eval_interval > 20000000) {
        pq_msglist_add(&rc->errs, "too many evaluation steps (%lld): promql-c runs at most 20000000 per test group",
                       (long long)(maxd / eval_interval));
        goto done;
    }
    for (size_t i = 0; i < g->nalerts; i++) {
        if (!g->alerts[i].alertname[0]) {
            pq_strbuf b;
            pq_strbuf_init(&b);
            pq_strbuf_puts(&b, "an item under alert_rule_test misses required attribute alertname at eval_time ");
            pq_go_format_duration_ms(&b, g->alerts[i].eval_time);
            if (g->name[0])
                pq_strbuf_printf(&b, " (in TestGroup %s)", g->name);
            add_err(&rc->errs, &b);
            pq_strbuf_free(&b);
            goto done;
        }
    }
    int64_t *times = g->nalerts ? pq_arena_calloc(&a, g->nalerts, sizeof *times) : NULL;
    size_t ntimes = 0;
    for (size_t i = 0; i < g->nalerts && times; i++) {
        bool seen = false;
        for (size_t k = 0; k < ntimes; k++)
            if (times[k] == g->alerts[i].eval_time)
                seen = true;
        if (!seen)
            times[ntimes++] = g->alerts[i].eval_time;
    }
    for (size_t i = 1; i < ntimes; i++)
        for (size_t j = i; j > 0 && times[j - 1] > times[j]; j--) {
            int64_t t = times[j];
            times[j] = times[j - 1];
            times[j - 1] = t;
        }
    size_t curr = 0;
    for (int64_t ts = mint; ts <= maxt; ts += eval_interval) {
        /* samples up to ts */
        for (size_t i = 0; i < g->nseries; i++) {
            loaded_series *s = &ls[i];
            for (; s->next < s->d.point_count; s->next++) {
                int64_t t = mint + (int64_t)s->next * interval;
                if (t > ts)
                    break;
                const pq_point *p = &s->d.points[s->next];
                promql_error ae;
                promql_error_code c = PROMQL_OK;
                if (p->kind == PQ_POINT_FLOAT) {
                    c = promql_memstore_append(store, &s->d.labels, t, p->value, &ae);
                } else if (p->kind == PQ_POINT_STALE) {
                    double st;
                    uint64_t bits = PROMQL_STALE_NAN_BITS;
                    memcpy(&st, &bits, sizeof st);
                    c = promql_memstore_append(store, &s->d.labels, t, st, &ae);
                } else if (p->kind == PQ_POINT_HISTOGRAM && p->hist) {
                    c = promql_memstore_append_histogram(store, &s->d.labels, t, p->hist, &ae);
                }
                if (c != PROMQL_OK) {
                    pq_msglist_add(&rc->errs, "%s", ae.message);
                    goto done;
                }
            }
        }
        size_t eval_errs = 0;
        for (size_t gi = 0; gi < ng; gi++) {
            size_t idx = order[gi];
            pq_rule_manager_eval_group(mgr, idx, ts);
            const pq_rule_group *rg = pq_rule_manager_group(mgr, idx);
            for (size_t ri = 0; ri < rg->nrules; ri++) {
                const char *e = pq_rule_manager_rule_error(mgr, idx, ri);
                if (e) {
                    pq_strbuf b;
                    pq_strbuf_init(&b);
                    pq_strbuf_printf(&b, "    rule: %s, time: ", rg->rules[ri].name);
                    pq_gonum_time_duration(&b, ts);
                    pq_strbuf_printf(&b, ", err: %s", e);
                    add_err(&rc->errs, &b);
                    pq_strbuf_free(&b);
                    eval_errs++;
                }
            }
        }
        if (eval_errs)
            goto done;
        while (curr < ntimes && ts - mint <= times[curr] && times[curr] < ts + eval_interval - mint) {
            int64_t t = times[curr];
            for (size_t ti = 0; ti < g->nalerts; ti++) {
                const ut_alert_test *at = &g->alerts[ti];
                if (at->eval_time != t)
                    continue;
                /* firing alerts of every rule with this name, across groups */
                size_t ngot = 0, gcap = 0;
                la_pair *got = NULL;
                for (size_t gi = 0; gi < ng; gi++) {
                    size_t idx = order[gi];
                    const pq_rule_group *rg = pq_rule_manager_group(mgr, idx);
                    for (size_t ri = 0; ri < rg->nrules; ri++) {
                        if (!rg->rules[ri].is_alert || strcmp(rg->rules[ri].name, at->alertname))
                            continue;
                        const pq_alert *const *al;
                        size_t na = pq_rule_manager_alerts(mgr, idx, ri, &al);
                        for (size_t k = 0; k < na; k++) {
                            if (al[k]->resolved_at_ms != PQ_TIME_UNSET || al[k]->state != PQ_ALERT_FIRING)
                                continue;
                            if (ngot == gcap) {
                                size_t nc = gcap ? gcap * 2 : 8;
                                la_pair *ngp = pq_arena_realloc(&a, got, gcap * sizeof *ngp, nc * sizeof *ngp);
                                if (!ngp)
                                    break;
                                got = ngp;
                                gcap = nc;
                            }
                            promql_labels l2, a2;
                            if (pq_rules_labels_merge(&a, &al[k]->labels, &(promql_labels){NULL, 0}, &l2) ||
                                pq_rules_labels_merge(&a, &al[k]->annotations, &(promql_labels){NULL, 0}, &a2))
                                break;
                            /* copy strings: alerts change on later evaluations */
                            promql_label *li = (promql_label *)l2.items, *ai = (promql_label *)a2.items;
                            for (size_t q = 0; q < l2.count; q++) {
                                li[q].name = pq_arena_strdup(&a, li[q].name);
                                li[q].value = pq_arena_strdup(&a, li[q].value);
                            }
                            for (size_t q = 0; q < a2.count; q++) {
                                ai[q].name = pq_arena_strdup(&a, ai[q].name);
                                ai[q].value = pq_arena_strdup(&a, ai[q].value);
                            }
                            got[ngot++] = (la_pair){l2, a2};
                        }
                    }
                }
                la_pair *exp = at->nexp ? pq_arena_calloc(&a, at->nexp, sizeof *exp) : NULL;
                for (size_t k = 0; k < at->nexp && exp; k++) {
                    promql_labels an = {&(promql_label){"alertname", at->alertname}, 1};
                    pq_rules_labels_merge(&a, &at->exp[k].labels, &an, &exp[k].labels);
                    exp[k].annotations = at->exp[k].annotations;
                }
                if (got && ngot > 1)
                    qsort(got, ngot, sizeof *got, cmp_la);
                if (exp)
                    qsort(exp, at->nexp, sizeof *exp, cmp_la);
                bool equal = ngot == at->nexp;
                for (size_t k = 0; equal && k < ngot; k++)
                    if (cmp_la(&got[k], &exp[k]))
                        equal = false;
                if (!equal) {
                    pq_strbuf b, es, gs;
                    pq_strbuf_init(&b);
                    pq_strbuf_init(&es);
                    pq_strbuf_init(&gs);
                    la_string(&es, exp, at->nexp);
                    la_string(&gs, got, ngot);
                    if (g->name[0])
                        pq_strbuf_printf(&b, "    name: %s,\n", g->name);
                    pq_strbuf_printf(&b, "    alertname: %s, time: ", at->alertname);
                    pq_go_format_duration_ms(&b, at->eval_time);
                    pq_strbuf_puts(&b, ", \n        exp:");
                    indent_lines(&b, es.data ? es.data : "", "            ");
                    pq_strbuf_puts(&b, ", \n        got:");
                    indent_lines(&b, gs.data ? gs.data : "", "            ");
                    add_err(&rc->errs, &b);
                    pq_strbuf_free(&b);
                    pq_strbuf_free(&es);
                    pq_strbuf_free(&gs);
                }
            }
            curr++;
        }
    }
    /* PromQL expression tests */
    for (size_t i = 0; i < g->nexprs; i++) {
        const ut_expr_test *t = &g->exprs[i];
        pq_strbuf head;
        pq_strbuf_init(&head);
        pq_strbuf_puts(&head, "    expr: ");
        pq_go_quote(&head, t->expr, strlen(t->expr));
        pq_strbuf_puts(&head, ", time: ");
        pq_go_format_duration_ms(&head, t->eval_time);
        promql_result *res = NULL;
        promql_error qe;
        const char *qerr = NULL;
        char qbuf[PROMQL_ERROR_MESSAGE_MAX + 64];
        if (promql_query_instant(engine, promql_memstore_storage(store), t->expr, strlen(t->expr), mint + t->eval_time,
                                 &res, &qe) != PROMQL_OK) {
            snprintf(qbuf, sizeof qbuf, "%s", qe.message);
            qerr = qbuf;
        } else if (promql_result_type(res) != PROMQL_VALUE_VECTOR && promql_result_type(res) != PROMQL_VALUE_SCALAR) {
            qerr = "rule result is not a vector or scalar";
        }
        if (qerr) {
            pq_strbuf_printf(&head, ", err: %s", qerr);
            add_err(&rc->errs, &head);
            pq_strbuf_free(&head);
            promql_result_free(res);
            continue;
        }
        size_t ngot = promql_result_type(res) == PROMQL_VALUE_SCALAR ? 1 : promql_result_series_count(res);
        psample *got = ngot ? pq_arena_calloc(&a, ngot, sizeof *got) : NULL;
        for (size_t k = 0; k < ngot && got; k++) {
            got[k].hist = "";
            if (promql_result_type(res) == PROMQL_VALUE_SCALAR) {
                got[k].value = promql_result_scalar(res, NULL);
                continue;
            }
            promql_labels l = promql_result_series_labels(res, k);
            pq_rules_labels_merge(&a, &l, &(promql_labels){NULL, 0}, &got[k].labels);
            promql_label *li = (promql_label *)got[k].labels.items;
            for (size_t q = 0; q < got[k].labels.count; q++) {
                li[q].name = pq_arena_strdup(&a, li[q].name);
                li[q].value = pq_arena_strdup(&a, li[q].value);
            }
            const int64_t *ts;
            const double *vs;
            const promql_histogram *const *hs;
            if (promql_result_series_floats(res, k, &ts, &vs) > 0) {
                got[k].value = vs[0];
            } else if (promql_result_series_histograms(res, k, &ts, &hs) > 0) {
                pq_strbuf hb;
                pq_strbuf_init(&hb);
                pq_hist_format_test_expr(&hb, &a, hs[0]);
                got[k].hist = pq_arena_strndup(&a, hb.data ? hb.data : "", hb.len);
                pq_strbuf_free(&hb);
            }
        }
        promql_result_free(res);
        psample *exp = t->nexp ? pq_arena_calloc(&a, t->nexp, sizeof *exp) : NULL;
        bool bad = false;
        for (size_t k = 0; k < t->nexp && exp; k++) {
            const ut_sample *s = &t->exp[k];
            char e[512];
            exp[k].value = s->value;
            exp[k].hist = "";
            if (s->labels[0] && pq_parse_series_labels(s->labels, strlen(s->labels), &a, &exp[k].labels, e, sizeof e)) {
                /* Go parses these with the PromQL parser (ParseMetric): prefer its message */
                promql_expr *pe = NULL;
                promql_error pqe;
                if (promql_parse(s->labels, strlen(s->labels), NULL, &pe, &pqe) != PROMQL_OK) {
                    /* ParseMetric reads a label set, not matchers: its messages say so */
                    char *lm = strstr(pqe.message, " in label matching");
                    if (lm)
                        snprintf(e, sizeof e, "%.*s in label set%.300s", (int)(lm - pqe.message), pqe.message,
                                 lm + strlen(" in label matching"));
                    else
                        snprintf(e, sizeof e, "%.500s", pqe.message);
                }
                promql_expr_free(pe);
                pq_strbuf_puts(&head, ", err: labels ");
                pq_go_quote(&head, s->labels, strlen(s->labels));
                pq_strbuf_printf(&head, ": %s", e);
                bad = true;
                break;
            }
            if (s->histogram[0]) {
                pq_point *pts;
                size_t np;
                if (pq_parse_series_values(s->histogram, strlen(s->histogram), &a, &pts, &np, e, sizeof e) || np != 1 ||
                    pts[0].kind != PQ_POINT_HISTOGRAM || !pts[0].hist) {
                    pq_strbuf_puts(&head, ", err: labels ");
                    pq_go_quote(&head, s->labels, strlen(s->labels));
                    if (np != 1)
                        pq_strbuf_printf(&head, ": expected 1 value, got %zu", np);
                    else
                        pq_strbuf_printf(&head, ": %s", e);
                    bad = true;
                    break;
                }
                pq_strbuf hb;
                pq_strbuf_init(&hb);
                pq_hist_format_test_expr(&hb, &a, pts[0].hist);
                exp[k].hist = pq_arena_strndup(&a, hb.data ? hb.data : "", hb.len);
                pq_strbuf_free(&hb);
            }
        }
        if (bad) {
            add_err(&rc->errs, &head);
            pq_strbuf_free(&head);
            continue;
        }
        if (got)
            qsort(got, ngot, sizeof *got, cmp_ps);
        if (exp)
            qsort(exp, t->nexp, sizeof *exp, cmp_ps);
        bool equal = ngot == t->nexp;
        for (size_t k = 0; equal && k < ngot; k++) {
            if (pq_labels_compare(got[k].labels, exp[k].labels) || strcmp(got[k].hist, exp[k].hist) ||
                (!got[k].hist[0] && !float_eq(exp[k].value, got[k].value, f->fuzzy)))
                equal = false;
        }
        if (!equal) {
            pq_strbuf_puts(&head, ",\n        exp: ");
            ps_string(&head, exp, t->nexp);
            pq_strbuf_puts(&head, "\n        got: ");
            ps_string(&head, got, ngot);
            add_err(&rc->errs, &head);
        }
        pq_strbuf_free(&head);
    }
    if (rc->opts->debug)
        debug_dump(rc, engine, store, mint, maxd);
done:
    pq_rule_manager_free(mgr);
    promql_engine_free(engine);
    promql_memstore_free(store);
    pq_arena_free(&a);
    return rc->errs.n - errs_before;
}

static bool run_matches(const char *re_text, const char *name)
{
    if (!re_text)
        return true;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)re_text, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &eo, NULL);
    if (!re)
        return false;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = md ? pcre2_match(re, (PCRE2_SPTR)name, strlen(name), 0, 0, md, NULL) : -1;
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return rc > 0;
}

static void report(pq_unittest_write_fn w, void *arg, const pq_msglist *errs)
{
    if (errs->n) {
        put(w, arg, 2, "  FAILED:\n");
        for (size_t i = 0; i < errs->n; i++) {
            put(w, arg, 2, errs->items[i]);
            put(w, arg, 2, "\n");
            put(w, arg, 1, "\n");
        }
    } else {
        put(w, arg, 1, "  SUCCESS\n");
    }
    put(w, arg, 1, "\n");
}

int pq_rules_unittest_file(const char *path, const pq_unittest_options *opts, pq_unittest_write_fn write,
                           void *write_arg, pq_unittest_counts *counts)
{
    pq_unittest_options defopts = {0};
    if (!opts)
        opts = &defopts;
    run_ctx rc;
    memset(&rc, 0, sizeof rc);
    pq_arena a;
    pq_arena_init(&a, 0);
    rc.a = &a;
    rc.write = write;
    rc.write_arg = write_arg;
    rc.opts = opts;
    ut_file f;
    memset(&f, 0, sizeof f);
    rc.f = &f;
    size_t cases_before = counts->cases_passed + counts->cases_failed;

    FILE *fp = fopen(path, "rb");
    pq_strbuf data;
    pq_strbuf_init(&data);
    if (!fp) {
        pq_msglist_add(&rc.errs, "open %s: no such file or directory", path);
        goto finish;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        pq_strbuf_append(&data, buf, n);
    fclose(fp);
    char yerr[512];
    bool extra;
    pq_ynode *root = pq_yaml_load(&a, data.data ? data.data : "", data.len, &extra, yerr, sizeof yerr);
    if (!root) {
        pq_msglist_add(&rc.errs, "%s", yerr);
        goto finish;
    }
    udec d;
    memset(&d, 0, sizeof d);
    d.y.a = &a;
    d.ignore_unknown = opts->ignore_unknown_fields;
    pq_strbuf_init(&d.y.errs);
    decode(&d, root, &f);
    if (d.y.nerrs || d.y.fatal[0]) {
        if (d.y.nerrs)
            pq_msglist_add(&rc.errs, "yaml: unmarshal errors:%s", d.y.errs.data ? d.y.errs.data : "");
        else
            pq_msglist_add(&rc.errs, "%s", d.y.fatal);
        pq_strbuf_free(&d.y.errs);
        goto finish;
    }
    pq_strbuf_free(&d.y.errs);
    /* rule files relative to the test file, globbed */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    for (size_t i = 0; i < f.nrule_files; i++) {
        const char *rf = f.rule_files[i];
        char full[8192];
        if (rf[0] && rf[0] != '/')
            snprintf(full, sizeof full, "%s/%s", dir, rf);
        else
            snprintf(full, sizeof full, "%s", rf);
        /* filepath.Join cleans "./x" */
        char *p = full;
        if (!strncmp(p, "./", 2) && slash == NULL)
            p += 2;
        glob_t gl;
        memset(&gl, 0, sizeof gl);
        int grc = glob(p, 0, NULL, &gl);
        if (grc != 0 || gl.gl_pathc == 0) {
            put(write, write_arg, 2, "  WARNING: no file match pattern ");
            put(write, write_arg, 2, p);
            put(write, write_arg, 2, "\n");
        } else {
            for (size_t k = 0; k < gl.gl_pathc; k++) {
                pq_rule_file **nr = pq_arena_realloc(&a, rc.rfiles, rc.nrfiles * sizeof *nr, (rc.nrfiles + 1) * sizeof *nr);
                if (!nr)
                    break;
                rc.rfiles = nr;
                pq_msglist rerrs = {0};
                pq_rulefile_options ropts = {opts->ignore_unknown_fields, true};
                pq_rule_file *rfile = pq_rule_file_load(gl.gl_pathv[k], &ropts, &rerrs);
                if (rerrs.n) {
                    /* a broken rule file fails every test group, as LoadGroups does */
                    for (size_t q = 0; q < rerrs.n; q++)
                        pq_msglist_add(&rc.errs, "%s", rerrs.items[q]);
                    pq_msglist_free(&rerrs);
                    pq_rule_file_free(rfile);
                    globfree(&gl);
                    goto load_failed;
                }
                pq_msglist_free(&rerrs);
                rc.rfiles[rc.nrfiles++] = rfile;
            }
        }
        globfree(&gl);
    }
    if (f.eval_interval == 0)
        f.eval_interval = 60000;
    for (size_t i = 0; i < f.norder; i++)
        for (size_t k = 0; k < i; k++)
            if (!strcmp(f.order[i], f.order[k])) {
                pq_msglist_add(&rc.errs, "group name repeated in evaluation order: %s", f.order[i]);
                goto finish;
            }
    for (size_t i = 0; i < f.ntests; i++) {
        if (!run_matches(opts->run_regex, f.tests[i].name))
            continue;
        char tname[300];
        if (f.tests[i].name[0])
            snprintf(tname, sizeof tname, "%s", f.tests[i].name);
        else
            snprintf(tname, sizeof tname, "unnamed#%zu", i);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (opts->debug) {
            put(write, write_arg, 2, "DEBUG: Starting test ");
            put(write, write_arg, 2, tname);
            put(write, write_arg, 2, "\n");
        }
        size_t first = rc.errs.n;
        size_t e = run_group(&rc, &f.tests[i], f.eval_interval);
        junit_add(&rc, tname, first, e, NULL);
        if (opts->debug) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            char m[400];
            double us = (double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
            snprintf(m, sizeof m, "DEBUG: Test %s finished, took %.3fms\n", tname, us / 1000);
            put(write, write_arg, 2, m);
        }
        if (e)
            counts->cases_failed++;
        else
            counts->cases_passed++;
    }
    goto finish;
load_failed:
    /* every selected test group fails with the rule-file errors; promtool reports them once per group */
    {
        pq_msglist once = rc.errs;
        memset(&rc.errs, 0, sizeof rc.errs);
        for (size_t i = 0; i < f.ntests; i++) {
            if (!run_matches(opts->run_regex, f.tests[i].name))
                continue;
            size_t first = rc.errs.n;
            for (size_t q = 0; q < once.n; q++)
                pq_msglist_add(&rc.errs, "%s", once.items[q]);
            char tname[300];
            if (f.tests[i].name[0])
                snprintf(tname, sizeof tname, "%s", f.tests[i].name);
            else
                snprintf(tname, sizeof tname, "unnamed#%zu", i);
            junit_add(&rc, tname, first, once.n, NULL);
            counts->cases_failed++;
        }
        pq_msglist_free(&once);
    }
finish:
    if (rc.errs.n && counts->cases_passed + counts->cases_failed == cases_before) {
        counts->cases_failed++;   /* the file itself failed to load */
        junit_add(&rc, "unknown", 0, 0, rc.errs.items[0]);
    }
    if (opts->junit)
        junit_write(opts->junit, path, &rc);
    for (size_t i = 0; i < rc.ncases; i++) {
        free(rc.cases[i].name);
        free(rc.cases[i].error);
    }
    free(rc.cases);
    report(write, write_arg, &rc.errs);
    int result = rc.errs.n ? 1 : 0;
    if (result)
        counts->files_failed++;
    for (size_t i = 0; i < rc.nrfiles; i++)
        pq_rule_file_free(rc.rfiles[i]);
    pq_msglist_free(&rc.errs);
    pq_strbuf_free(&data);
    pq_arena_free(&a);
    return result;
}
