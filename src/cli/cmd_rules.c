/*
 * cmd_rules.c -- `promql-eval rules ...`:
 *   rules check [--lint=duplicate-rules|all|none] [--lint-fatal] [--ignore-unknown-fields] [FILE...]
 *       validates rule files (standard input without FILE) as `promtool check rules` does (same
 *       messages, same exit codes: 1 on errors, 3 on lint findings with --lint-fatal).
 *   rules test [--run RE]... [--junit FILE] [--ignore-unknown-fields] [--debug] FILE...
 *       runs rule unit-test files as `promtool test rules` does (same verdicts, diffs and exit
 *       code), then prints "N passed, N failed" counting test groups (the items of each file's
 *       `tests:` that --run selects); a file that cannot be loaded at all counts as one failure.
 *   rules eval RULEFILE... --data F [--data F]... --start T --end T [--interval D]
 *              [--external-label NAME=VALUE]... [--external-url URL] [--samples]
 *       evaluates the groups from start to end (each at its own interval, or --interval) and
 *       prints the alert timeline (pending, firing, resolved) and the series recording rules wrote.
 */
#include "cli/cmd_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/timeparse.h"
#include "promql/promql.h"
#include "rules/rulefile.h"
#include "rules/ruleeval.h"
#include "rules/unittest.h"
#include "util/gofmt.h"
#include "util/strbuf.h"

static int usage(void)
{
    fprintf(stderr,
            "usage:\n"
            "  promql-eval rules check [--lint=duplicate-rules|all|none] [--lint-fatal] [--ignore-unknown-fields] [FILE...]\n"
            "  promql-eval rules test [--run RE]... [--junit FILE] [--ignore-unknown-fields] [--debug] FILE...\n"
            "  promql-eval rules eval RULEFILE... --data FILE --start T --end T [--interval D]\n"
            "                         [--external-label NAME=VALUE]... [--external-url URL] [--samples]\n");
    return PQ_EXIT_USAGE;
}

/* "--flag=value" or "--flag value" */
static const char *flag_value(int argc, char **argv, int *i, const char *flag)
{
    size_t fl = strlen(flag);
    if (strncmp(argv[*i], flag, fl) != 0)
        return NULL;
    if (argv[*i][fl] == '=')
        return argv[*i] + fl + 1;
    if (argv[*i][fl] == 0 && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int cmd_check(int argc, char **argv)
{
    const char *lint = "duplicate-rules";
    bool fatal = false;
    pq_rulefile_options opts = {false, true};
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return PQ_EXIT_FAIL;
    for (int i = 0; i < argc; i++) {
        const char *v;
        if ((v = flag_value(argc, argv, &i, "--lint")))
            lint = v;
        else if (!strcmp(argv[i], "--lint-fatal"))
            fatal = true;
        else if (!strcmp(argv[i], "--ignore-unknown-fields"))
            opts.ignore_unknown_fields = true;
        else if (argv[i][0] == '-' && argv[i][1]) {
            free(files);
            return pq_cli_usage_error("rules check: unknown flag %s", argv[i]);
        } else
            files[nfiles++] = argv[i];
    }
    bool lint_dups = false;
    for (const char *p = lint; *p;) {
        size_t n = strcspn(p, ",");
        if ((n == 3 && !strncmp(p, "all", 3)) || (n == 15 && !strncmp(p, "duplicate-rules", 15)))
            lint_dups = true;
        else if (!(n == 4 && !strncmp(p, "none", 4)))
            printf("WARNING: unknown lint option: \"%.*s\"\n", (int)n, p);
        p += n + (p[n] == ',');
    }
    bool from_stdin = nfiles == 0;
    if (from_stdin)
        files[nfiles++] = "-";
    bool failed = false, has_errors = false;
    for (int i = 0; i < nfiles; i++) {
        pq_msglist errs = {0};
        pq_rule_file *f;
        if (from_stdin) {
            printf("Checking standard input\n");
            fflush(stdout);
            size_t len;
            char rerr[256];
            char *text = pq_cli_read_file("-", 64u << 20, &len, rerr, sizeof rerr);
            if (!text) {
                fprintf(stderr, "  FAILED: %s\n", rerr);
                free(files);
                return 1;
            }
            /* messages for standard input carry no file name prefix */
            f = pq_rule_file_parse("", text, len, &opts, &errs);
            free(text);
        } else {
            printf("Checking %s\n", files[i]);
            fflush(stdout);
            f = pq_rule_file_load(files[i], &opts, &errs);
        }
        if (errs.n) {
            failed = true;
            has_errors = true;
            fprintf(stderr, "  FAILED:\n");
            for (size_t k = 0; k < errs.n; k++)
                fprintf(stderr, "%s\n", from_stdin && !strncmp(errs.items[k], ": ", 2) ? errs.items[k] + 2 : errs.items[k]);
            pq_msglist_free(&errs);
            pq_rule_file_free(f);
            if (from_stdin)
                break;
            continue;
        }
        pq_msglist lints = {0};
        if (lint_dups && pq_rule_file_lint_duplicates(f, &lints)) {
            fprintf(stderr, "  FAILED:\n");
            for (size_t k = 0; k < lints.n; k++)
                fprintf(stderr, "%s\n", lints.items[k]);
            failed = true;
        } else {
            printf("  SUCCESS: %zu rules found\n", pq_rule_file_rule_count(f));
        }
        pq_msglist_free(&lints);
        printf("\n");
        pq_rule_file_free(f);
    }
    free(files);
    if (failed && has_errors)
        return 1;
    if (failed && fatal)
        return 3;
    return 0;
}

static void write_stream(void *arg, int stream, const char *text, size_t len)
{
    (void)arg;
    FILE *f = stream == 2 ? stderr : stdout;
    fflush(stream == 2 ? stdout : stderr);
    fwrite(text, 1, len, f);
    fflush(f);
}

static int cmd_test(int argc, char **argv)
{
    pq_unittest_options opts = {0};
    const char *junit_path = NULL;
    pq_strbuf junit;
    pq_strbuf_init(&junit);
    pq_strbuf run;
    pq_strbuf_init(&run);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return PQ_EXIT_FAIL;
    for (int i = 0; i < argc; i++) {
        const char *v;
        if ((v = flag_value(argc, argv, &i, "--run"))) {
            /* repeated --run flags are OR'ed, as promtool joins them with '|' */
            if (run.len)
                pq_strbuf_putc(&run, '|');
            pq_strbuf_puts(&run, v);
        } else if ((v = flag_value(argc, argv, &i, "--junit")))
            junit_path = v;
        else if (!strcmp(argv[i], "--ignore-unknown-fields"))
            opts.ignore_unknown_fields = true;
        else if (!strcmp(argv[i], "--debug"))
            opts.debug = true;
        else if (argv[i][0] == '-' && argv[i][1]) {
            free(files);
            pq_strbuf_free(&run);
            return pq_cli_usage_error("rules test: unknown flag %s", argv[i]);
        } else
            files[nfiles++] = argv[i];
    }
    if (nfiles == 0) {
        free(files);
        pq_strbuf_free(&run);
        return pq_cli_usage_error("rules test: no test files given");
    }
    opts.run_regex = run.len ? run.data : NULL;
    if (junit_path) {
        opts.junit = &junit;
        pq_strbuf_puts(&junit, "<testsuites>");
    }
    pq_unittest_counts counts = {0};
    int rc = 0;
    for (int i = 0; i < nfiles; i++)
        if (pq_rules_unittest_file(files[i], &opts, write_stream, NULL, &counts))
            rc = 1;
    printf("%zu passed, %zu failed\n", counts.cases_passed, counts.cases_failed);
    if (junit_path) {
        pq_strbuf_puts(&junit, "</testsuites>");
        FILE *jf = fopen(junit_path, "w");
        if (!jf || fwrite(junit.data, 1, junit.len, jf) != junit.len)
            fprintf(stderr, "failed to write JUnit XML: %s\n", junit_path);
        if (jf)
            fclose(jf);
    }
    pq_strbuf_free(&junit);
    free(files);
    pq_strbuf_free(&run);
    return rc;
}

/* ---- eval ---- */

typedef struct eval_print {
    bool samples;
    /* recorded series summaries */
    struct rec {
        char *labels;
        size_t n;
        double first, last;
        int64_t first_t, last_t;
    } *recs;
    size_t nrecs, cap;
} eval_print;

static void fmt_time(char *buf, size_t len, int64_t ms)
{
    time_t s = (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
    struct tm tm;
    gmtime_r(&s, &tm);
    int frac = (int)(ms - (int64_t)s * 1000);
    if (frac)
        snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
    else
        snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                 tm.tm_min, tm.tm_sec);
}

static void on_alert(void *arg, const pq_rule_group *g, const pq_rule *r, const pq_alert *a, pq_alert_state from,
                     pq_alert_state to, int64_t t)
{
    (void)arg;
    char ts[64];
    fmt_time(ts, sizeof ts, t);
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_rules_labels_string(&b, &a->labels);
    const char *what = to == PQ_ALERT_PENDING ? (from ? "pending (back from firing)" : "pending")
                       : to == PQ_ALERT_FIRING ? "firing"
                       : from == PQ_ALERT_FIRING ? "resolved"
                                                 : "inactive (pending cleared)";
    pq_strbuf v;
    pq_strbuf_init(&v);
    pq_go_format_float(&v, a->value, 'g');
    printf("%s  %-8s %s %s value=%s [%s, group %s]\n", ts,
           to == PQ_ALERT_FIRING ? "FIRING" : to == PQ_ALERT_PENDING ? "PENDING" : "INACTIVE", r->name,
           b.data ? b.data : "{}", v.data ? v.data : "", what, g->name);
    pq_strbuf_free(&b);
    pq_strbuf_free(&v);
}

static void on_record(void *arg, const pq_rule *r, const promql_labels *ls, int64_t t, double v)
{
    eval_print *ep = arg;
    (void)r;
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_rules_labels_string(&b, ls);
    const char *key = b.data ? b.data : "{}";
    if (ep->samples) {
        char ts[64];
        pq_strbuf vs;
        pq_strbuf_init(&vs);
        pq_go_format_float(&vs, v, 'g');
        fmt_time(ts, sizeof ts, t);
        printf("%s  RECORD   %s %s\n", ts, key, vs.data ? vs.data : "");
        pq_strbuf_free(&vs);
    }
    size_t i;
    for (i = 0; i < ep->nrecs; i++)
        if (!strcmp(ep->recs[i].labels, key))
            break;
    if (i == ep->nrecs) {
        if (ep->nrecs == ep->cap) {
            size_t nc = ep->cap ? ep->cap * 2 : 16;
            struct rec *nr = realloc(ep->recs, nc * sizeof *nr);
            if (!nr) {
                pq_strbuf_free(&b);
                return;
            }
            ep->recs = nr;
            ep->cap = nc;
        }
        ep->recs[i] = (struct rec){strdup(key), 0, v, v, t, t};
        if (!ep->recs[i].labels) {
            pq_strbuf_free(&b);
            return;
        }
        ep->nrecs++;
    }
    ep->recs[i].n++;
    ep->recs[i].last = v;
    ep->recs[i].last_t = t;
    pq_strbuf_free(&b);
}

static int cmd_eval(int argc, char **argv)
{
    const char **data = calloc((size_t)argc + 1, sizeof *data), **files = calloc((size_t)argc + 1, sizeof *files);
    promql_label *ext = calloc((size_t)argc + 1, sizeof *ext);
    int ndata = 0, nfiles = 0, next = 0, rc = PQ_EXIT_FAIL;
    const char *start_s = NULL, *end_s = NULL, *interval_s = NULL, *ext_url = "";
    eval_print ep = {0};
    promql_memstore *store = NULL;
    promql_engine *engine = NULL;
    pq_rule_manager *mgr = NULL;
    pq_rule_file **rfs = calloc((size_t)argc + 1, sizeof *rfs);
    int nrfs = 0;
    char err[1024];
    if (!data || !files || !ext || !rfs)
        goto out;
    for (int i = 0; i < argc; i++) {
        const char *v;
        if ((v = flag_value(argc, argv, &i, "--data")))
            data[ndata++] = v;
        else if ((v = flag_value(argc, argv, &i, "--start")))
            start_s = v;
        else if ((v = flag_value(argc, argv, &i, "--end")))
            end_s = v;
        else if ((v = flag_value(argc, argv, &i, "--interval")))
            interval_s = v;
        else if ((v = flag_value(argc, argv, &i, "--external-url")))
            ext_url = v;
        else if ((v = flag_value(argc, argv, &i, "--external-label"))) {
            const char *eq = strchr(v, '=');
            if (!eq) {
                rc = pq_cli_usage_error("rules eval: --external-label wants NAME=VALUE");
                goto out;
            }
            ext[next].name = strndup(v, (size_t)(eq - v));
            ext[next].value = eq + 1;
            if (!ext[next].name)
                goto out;
            next++;
        } else if (!strcmp(argv[i], "--samples"))
            ep.samples = true;
        else if (argv[i][0] == '-' && argv[i][1]) {
            rc = pq_cli_usage_error("rules eval: unknown flag %s", argv[i]);
            goto out;
        } else
            files[nfiles++] = argv[i];
    }
    if (!nfiles || !start_s || !end_s) {
        rc = usage();
        goto out;
    }
    int64_t start, end, interval = 0;
    if (pq_cli_parse_api_time(start_s, &start, err, sizeof err) || pq_cli_parse_api_time(end_s, &end, err, sizeof err)) {
        rc = pq_cli_usage_error("rules eval: %s", err);
        goto out;
    }
    if (interval_s && (pq_cli_parse_api_duration(interval_s, &interval, err, sizeof err) || interval <= 0)) {
        rc = pq_cli_usage_error("rules eval: bad --interval %s", interval_s);
        goto out;
    }
    if (end < start) {
        rc = pq_cli_usage_error("rules eval: --end is before --start");
        goto out;
    }
    store = promql_memstore_new();
    promql_engine_options eo;
    promql_engine_options_init(&eo);
    promql_error perr;
    engine = store ? promql_engine_new(&eo, &perr) : NULL;
    if (!engine)
        goto out;
    for (int i = 0; i < ndata; i++)
        if (promql_memstore_load_file(store, data[i], &perr) != PROMQL_OK) {
            fprintf(stderr, "promql-eval: %s\n", perr.message);
            goto out;
        }
    /* sort external labels by name */
    for (int i = 1; i < next; i++)
        for (int j = i; j > 0 && strcmp(ext[j - 1].name, ext[j].name) > 0; j--) {
            promql_label t = ext[j];
            ext[j] = ext[j - 1];
            ext[j - 1] = t;
        }
    pq_rule_manager_options mo = {{ext, (size_t)next}, ext_url, interval, on_alert, on_record, &ep};
    mgr = pq_rule_manager_new(engine, store, &mo);
    if (!mgr)
        goto out;
    for (int i = 0; i < nfiles; i++) {
        pq_msglist errs = {0};
        pq_rule_file *f = pq_rule_file_load(files[i], NULL, &errs);
        if (errs.n || !f) {
            fprintf(stderr, "%s: FAILED:\n", files[i]);
            for (size_t k = 0; k < errs.n; k++)
                fprintf(stderr, "%s\n", errs.items[k]);
            pq_msglist_free(&errs);
            pq_rule_file_free(f);
            goto out;
        }
        rfs[nrfs++] = f;
        if (pq_rule_manager_add_file(mgr, f, err, sizeof err)) {
            fprintf(stderr, "promql-eval: %s\n", err);
            goto out;
        }
    }
    size_t ng = pq_rule_manager_group_count(mgr);
    int64_t *next_t = calloc(ng ? ng : 1, sizeof *next_t);
    if (!next_t)
        goto out;
    for (size_t g = 0; g < ng; g++)
        next_t[g] = start;
    printf("# alerts timeline (%zu groups)\n", ng);
    for (;;) {
        size_t best = ng;
        for (size_t g = 0; g < ng; g++)
            if (next_t[g] <= end && (best == ng || next_t[g] < next_t[best]))
                best = g;
        if (best == ng)
            break;
        int64_t t = next_t[best];
        pq_rule_manager_eval_group(mgr, best, t);
        const pq_rule_group *rg = pq_rule_manager_group(mgr, best);
        for (size_t r = 0; r < rg->nrules; r++) {
            const char *e = pq_rule_manager_rule_error(mgr, best, r);
            if (e) {
                char ts[64];
                fmt_time(ts, sizeof ts, t);
                printf("%s  ERROR    %s: %s\n", ts, rg->rules[r].name, e);
            }
        }
        next_t[best] = t + pq_rule_manager_group_interval(mgr, best);
    }
    free(next_t);
    /* still-active alerts at the end */
    printf("\n# active alerts at the end\n");
    for (size_t g = 0; g < ng; g++) {
        const pq_rule_group *rg = pq_rule_manager_group(mgr, g);
        for (size_t r = 0; r < rg->nrules; r++) {
            const pq_alert *const *al;
            size_t na = pq_rule_manager_alerts(mgr, g, r, &al);
            for (size_t k = 0; k < na; k++) {
                if (al[k]->state == PQ_ALERT_INACTIVE)
                    continue;
                pq_strbuf b;
                pq_strbuf_init(&b);
                pq_rules_labels_string(&b, &al[k]->labels);
                char since[64];
                fmt_time(since, sizeof since, al[k]->active_at_ms);
                printf("%s %s %s (active since %s)\n", pq_alert_state_name(al[k]->state), rg->rules[r].name,
                       b.data ? b.data : "{}", since);
                for (size_t q = 0; q < al[k]->annotations.count; q++)
                    printf("    %s: %s\n", al[k]->annotations.items[q].name, al[k]->annotations.items[q].value);
                pq_strbuf_free(&b);
            }
        }
    }
    printf("\n# recorded series\n");
    for (size_t i = 0; i < ep.nrecs; i++) {
        pq_strbuf f, l;
        pq_strbuf_init(&f);
        pq_strbuf_init(&l);
        pq_go_format_float(&f, ep.recs[i].first, 'g');
        pq_go_format_float(&l, ep.recs[i].last, 'g');
        printf("%s  %zu samples, first %s, last %s\n", ep.recs[i].labels, ep.recs[i].n, f.data ? f.data : "",
               l.data ? l.data : "");
        pq_strbuf_free(&f);
        pq_strbuf_free(&l);
    }
    rc = 0;
out:
    pq_rule_manager_free(mgr);
    promql_engine_free(engine);
    promql_memstore_free(store);
    for (int i = 0; rfs && i < nrfs; i++)
        pq_rule_file_free(rfs[i]);
    free(rfs);
    for (size_t i = 0; i < ep.nrecs; i++)
        free(ep.recs[i].labels);
    free(ep.recs);
    for (int i = 0; ext && i < next; i++)
        free((char *)ext[i].name);
    free(ext);
    free(data);
    free(files);
    return rc;
}

int pq_cmd_rules(int argc, char **argv)
{
    if (argc > 0 && !strcmp(argv[0], "rules")) {
        argc--;
        argv++;
    }
    if (argc < 1)
        return usage();
    if (!strcmp(argv[0], "check"))
        return cmd_check(argc - 1, argv + 1);
    if (!strcmp(argv[0], "test"))
        return cmd_test(argc - 1, argv + 1);
    if (!strcmp(argv[0], "eval"))
        return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help")) {
        usage();
        return 0;
    }
    fprintf(stderr, "promql-eval: unknown rules command \"%s\"\n", argv[0]);
    return usage();
}

int pq_cli_rules(int argc, char **argv)
{
    return pq_cmd_rules(argc, argv);
}
