/*
 * bench_queries.c -- times Prometheus's BenchmarkRangeQuery cases (promql/bench_test.go) in
 * promql-c, through the public API only, as an embedding backend would run them.
 *
 * The data is the upstream dataset (bench_gen_range_data writes it as OpenMetrics; this program
 * can also build it straight into the store with --generate, which skips parsing). Each case is
 * a range query from (intervals - steps) * 10 s to intervals * 10 s, step 10 s, timed as the best
 * of --runs runs (engine time: parse + evaluation, data loading excluded). Peak memory is the
 * process's peak resident set, and the engine's own peak-samples figure.
 *
 * --dump DIR writes each case's result as "labels<TAB>timestamp_ms<TAB>value" lines, sorted, so
 * bench/compare can check that Prometheus returns the same.
 *
 * --scenario deploy runs the dashboard queries of the "real deployment" scenario instead
 * (bench_gen_deploy_data: 1,000 instances, 2 h at 15 s): range queries over the second hour at
 * 15 s steps.
 *
 * usage: bench_queries [--scenario range|deploy] (--data FILE | --generate) [--intervals N]
 *                      [--runs N] [--filter TEXT] [--id N[,N...]] [--dump DIR] [--list]
 *
 * --id runs only the listed case numbers (as --list prints them): for profiling one case.
 * --cpu times with the thread's CPU clock instead of the wall clock (best_ms; eval_ms is the
 * engine's own wall-clock figure): steadier on a busy machine.
 * --rss adds a column: the peak resident MiB of the process (store included) during each case.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "promql/promql.h"

typedef struct {
    const char *expr;   /* 'X' is replaced by one and hundred */
    int steps;          /* 0: both 1 and 1000, as upstream */
} bench_case;

/* The case list of promql/bench_test.go rangeQueryCases(), in its order. */
static const bench_case cases[] = {
    {"a_X", 0},
    {"rate(a_X[1m])", 0},
    {"rate(a_X[1m])", 10000},
    {"rate(sparse[1m])", 10000},
    {"rate(a_X[1m] smoothed)", 0},
    {"rate(a_X[1m] smoothed)", 10000},
    {"rate(sparse[1m] smoothed)", 10000},
    {"double_exponential_smoothing(a_X[1d], 0.3, 0.3)", 0},
    {"changes(a_X[1d])", 0},
    {"rate(a_X[1d])", 0},
    {"absent_over_time(a_X[1d])", 0},
    {"-a_X", 0},
    {"a_X - b_X", 0},
    {"a_X - b_X", 10000},
    {"a_X and b_X{l=~'.*[0-4]$'}", 0},
    {"a_X or b_X{l=~'.*[0-4]$'}", 0},
    {"a_X unless b_X{l=~'.*[0-4]$'}", 0},
    {"a_X and b_X{l='notfound'}", 0},
    {"abs(a_X)", 0},
    {"label_replace(a_X, 'l2', '$1', 'l', '(.*)')", 0},
    {"label_join(a_X, 'l2', '-', 'l', 'l')", 0},
    {"sum(a_X)", 0},
    {"avg(a_X)", 0},
    {"sum without (l)(h_X)", 0},
    {"sum without (le)(h_X)", 0},
    {"sum by (l)(h_X)", 0},
    {"sum by (le)(h_X)", 0},
    {"count_values('value', h_X)", 100},
    {"topk(1, a_X)", 0},
    {"topk(5, a_X)", 0},
    {"limitk(1, a_X)", 0},
    {"limitk(5, a_X)", 0},
    {"limit_ratio(0.1, a_X)", 0},
    {"limit_ratio(0.5, a_X)", 0},
    {"limit_ratio(-0.5, a_X)", 0},
    {"rate(a_X[1m]) + rate(b_X[1m])", 0},
    {"sum without (l)(rate(a_X[1m]))", 0},
    {"sum without (l)(rate(a_X[1m])) / sum without (l)(rate(b_X[1m]))", 0},
    {"histogram_quantile(0.9, rate(h_X[5m]))", 0},
    {"a_X + on(l) group_right a_one", 0},
    {"count({__name__!=\"\"})", 1},
    {"count({__name__!=\"\",l=\"\"})", 1},
    {"timestamp(a_X)", 0},
};

/* The deployment scenario: what dashboards and alerts of an API fleet ask. */
static const char *deploy_cases[] = {
    "sum by (route) (rate(http_requests_total[5m]))",
    "sum by (route) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (route) (rate(http_requests_total[5m]))",
    "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
    "histogram_quantile(0.9, sum by (route, le) (rate(http_request_duration_seconds_bucket[5m])))",
    "sum by (route) (rate(http_request_duration_seconds_sum[5m])) / sum by (route) (rate(http_request_duration_seconds_count[5m]))",
    "topk(10, sum by (instance) (rate(http_requests_total[5m])))",
    "sum(up) / count(up)",
    "up == 0",
    "sum(rate(process_cpu_seconds_total[1m]))",
    "count by (code) (http_requests_total)",
    "1 - sum(rate(http_requests_total{code=\"500\"}[30m])) / sum(rate(http_requests_total[30m]))",
    "sum by (instance) (rate(http_requests_total{route=\"/pay\"}[5m])) > 50",
    "max_over_time(sum by (route) (rate(http_requests_total[1m]))[30m:1m])",
};
#define DEPLOY_T0_MS 1700000000000LL
#define DEPLOY_STEP_MS 15000LL

typedef struct {
    char expr[256];
    int steps;
} expanded_case;

static expanded_case expanded[256];
static int nexpanded;

static void expand_steps(const char *expr, int steps)
{
    int list[2] = {steps, 0};
    if (steps == 0) {
        list[0] = 1;
        list[1] = 1000;
    }
    for (int i = 0; i < 2 && list[i]; i++) {
        snprintf(expanded[nexpanded].expr, sizeof expanded[nexpanded].expr, "%s", expr);
        expanded[nexpanded].steps = list[i];
        nexpanded++;
    }
}

static void replace_x(char *out, size_t cap, const char *expr, const char *size)
{
    size_t o = 0;
    for (const char *p = expr; *p && o + 1 < cap; p++) {
        if (*p == 'X') {
            for (const char *s = size; *s && o + 1 < cap; s++)
                out[o++] = *s;
        } else
            out[o++] = *p;
    }
    out[o] = 0;
}

static void expand_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (!strchr(cases[i].expr, 'X')) {
            expand_steps(cases[i].expr, cases[i].steps);
            continue;
        }
        char buf[256];
        replace_x(buf, sizeof buf, cases[i].expr, "one");
        expand_steps(buf, cases[i].steps);
        replace_x(buf, sizeof buf, cases[i].expr, "hundred");
        expand_steps(buf, cases[i].steps);
    }
}

static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* VmHWM of /proc/self/status: the peak resident set since start or since reset_peak_rss(). */
static long status_hwm_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb;
}

/* Linux resets VmHWM to the current RSS on "5" to clear_refs: the peak while querying then
 * excludes the transient memory of parsing the text file (Prometheus reads a prebuilt TSDB). */
static int reset_peak_rss(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return -1;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static long current_rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * 4;
}

/* Build the upstream dataset straight into the store (the same values the generator writes). */
static int generate(promql_memstore *store, int intervals)
{
    static const char *fam[3][3] = {{"a_one", "b_one", "h_one"},
                                    {"a_ten", "b_ten", "h_ten"},
                                    {"a_hundred", "b_hundred", "h_hundred"}};
    static const int groups[3] = {1, 10, 100};
    struct def {
        const char *name;
        char l[16];
        char le[16];
    } defs[1443];
    int n = 0;
    for (int g = 0; g < 3; g++)
        for (int l = 0; l < groups[g]; l++) {
            for (int k = 0; k < 2 + 11; k++) {
                struct def *d = &defs[n++];
                d->name = fam[g][k < 2 ? k : 2];
                d->l[0] = d->le[0] = 0;
                if (g > 0)
                    snprintf(d->l, sizeof d->l, "%d", l);
                if (k >= 2) {
                    if (k == 12)
                        strcpy(d->le, "+Inf");
                    else
                        snprintf(d->le, sizeof d->le, "%d", k - 2);
                }
            }
        }
    promql_error err;
    for (int i = 0; i < n; i++) {
        promql_label ls[3];
        size_t c = 0;
        ls[c++] = (promql_label){"__name__", defs[i].name};
        if (defs[i].l[0])
            ls[c++] = (promql_label){"l", defs[i].l};
        if (defs[i].le[0])
            ls[c++] = (promql_label){"le", defs[i].le};
        promql_labels set = {ls, c};
        for (int s = 0; s < intervals; s++)
            if (promql_memstore_append(store, &set, (int64_t)s * 10000, (double)s + (double)i / 1443.0, &err)) {
                fprintf(stderr, "append: %s\n", err.message);
                return -1;
            }
    }
    int per = intervals / 50;
    for (int s = 0; s < intervals; s++) {
        char l[16];
        snprintf(l, sizeof l, "%d", s / per);
        promql_label ls[2] = {{"__name__", "sparse"}, {"l", l}};
        promql_labels set = {ls, 2};
        if (promql_memstore_append(store, &set, (int64_t)s * 10000, (double)s / 1443.0, &err)) {
            fprintf(stderr, "append: %s\n", err.message);
            return -1;
        }
    }
    return 0;
}

static int cmp_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line per point: labels, timestamp, value (%.17g; NaN as NaN). Sorted for diffing. */
static int dump_result(const char *dir, int index, const promql_result *res)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%03d.tsv", dir, index);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    size_t cap = 1024, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    for (size_t i = 0; lines && i < promql_result_series_count(res); i++) {
        promql_labels ls = promql_result_series_labels(res, i);
        char lbuf[2048];
        size_t o = 0;
        lbuf[0] = 0;
        for (size_t j = 0; j < ls.count && o < sizeof lbuf; j++)
            o += (size_t)snprintf(lbuf + o, sizeof lbuf - o, "%s%s=\"%s\"", j ? "," : "",
                                  ls.items[j].name, ls.items[j].value);
        const int64_t *ts;
        const double *vs;
        size_t np = promql_result_series_floats(res, i, &ts, &vs);
        for (size_t k = 0; k < np; k++) {
            if (n == cap) {
                char **grown = realloc(lines, 2 * cap * sizeof *lines);
                if (!grown)
                    break;
                lines = grown;
                cap *= 2;
            }
            char buf[2400];
            snprintf(buf, sizeof buf, "{%s}\t%lld\t%.17g", lbuf, (long long)ts[k], vs[k]);
            lines[n++] = strdup(buf);
        }
    }
    if (lines) {
        qsort(lines, n, sizeof *lines, cmp_lines);
        for (size_t i = 0; i < n; i++) {
            fprintf(f, "%s\n", lines[i]);
            free(lines[i]);
        }
    }
    free(lines);
    return fclose(f);
}

/* Whether case c is in the comma-separated list. */
static int id_listed(const char *list, int c)
{
    for (const char *p = list; *p;) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p)
            return 0;
        if (v == c)
            return 1;
        p = *end == ',' ? end + 1 : end;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *filter = NULL, *dump = NULL, *ids = NULL;
    int per_case_rss = 0;
    long max_case_kb = 0;   /* with --rss: the highest per-case peak (each case resets VmHWM) */
    int gen = 0, runs = 3, intervals = 8640 + 10000, list = 0, deploy = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--scenario") && i + 1 < argc) {
            const char *sc = argv[++i];
            if (strcmp(sc, "range") && strcmp(sc, "deploy")) {
                fprintf(stderr, "unknown scenario %s (range or deploy)\n", sc);
                return 2;
            }
            deploy = !strcmp(sc, "deploy");
        } else if (!strcmp(argv[i], "--generate"))
            gen = 1;
        else if (!strcmp(argv[i], "--intervals") && i + 1 < argc)
            intervals = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
            filter = argv[++i];
        else if (!strcmp(argv[i], "--id") && i + 1 < argc)
            ids = argv[++i];
        else if (!strcmp(argv[i], "--dump") && i + 1 < argc)
            dump = argv[++i];
        else if (!strcmp(argv[i], "--rss"))
            per_case_rss = 1;
        else if (!strcmp(argv[i], "--cpu"))
            bench_clock = CLOCK_THREAD_CPUTIME_ID;
        else if (!strcmp(argv[i], "--list"))
            list = 1;
        else {
            fprintf(stderr, "usage: %s [--scenario range|deploy] (--data FILE | --generate) [--intervals N] [--runs N] "
                            "[--filter TEXT] [--id N,...] [--cpu] [--rss] [--dump DIR] [--list]\n", argv[0]);
            return 2;
        }
    }
    if (deploy) {
        for (size_t i = 0; i < sizeof deploy_cases / sizeof *deploy_cases; i++) {
            snprintf(expanded[nexpanded].expr, sizeof expanded[nexpanded].expr, "%s", deploy_cases[i]);
            expanded[nexpanded++].steps = 241;   /* one hour at 15 s */
        }
        if (gen) {
            fprintf(stderr, "--generate is for the range scenario; give --data FILE\n");
            return 2;
        }
    } else
        expand_cases();
    if (list) {
        for (int i = 0; i < nexpanded; i++)
            printf("%d\t%d\t%s\n", i, expanded[i].steps, expanded[i].expr);
        return 0;
    }
    if ((!data && !gen) || runs < 1 || intervals < 50) {
        fprintf(stderr, "need --data FILE or --generate (and --runs >= 1, --intervals >= 50)\n");
        return 2;
    }
    if (dump && mkdir(dump, 0777) && errno != EEXIST) {
        perror(dump);
        return 2;
    }

    setvbuf(stdout, NULL, _IOLBF, 0);   /* bench/compare and bench/profile follow the lines */
    promql_memstore *store = promql_memstore_new();
    promql_error err;
    long rss0 = current_rss_kb();
    double t0 = now_seconds();
    if (data ? promql_memstore_load_file(store, data, &err) != PROMQL_OK : generate(store, intervals) != 0) {
        if (data)
            fprintf(stderr, "%s\n", err.message);
        promql_memstore_free(store);
        return 1;
    }
    double load = now_seconds() - t0;
    size_t samples = promql_memstore_sample_count(store);
    long rss1 = current_rss_kb();
    printf("# load: %zu series, %zu samples in %.2f s (%.2f M samples/s), %.1f bytes/sample resident\n",
           promql_memstore_series_count(store), samples, load, samples / load / 1e6,
           samples ? (double)(rss1 - rss0) * 1024.0 / (double)samples : 0.0);

    long load_peak_kb = peak_rss_kb();
    int hwm_reset = reset_peak_rss() == 0;

    promql_engine_options opts;
    promql_engine_options_init(&opts);
    opts.max_samples = 50000000;
    promql_engine *engine = promql_engine_new(&opts, &err);
    if (!engine) {
        fprintf(stderr, "%s\n", err.message);
        promql_memstore_free(store);
        return 1;
    }
    const promql_storage *st = promql_memstore_storage(store);
    /* with --rss, one more column: the process's peak resident MiB during the case */
    printf("# %-3s %-70s %6s %12s %12s %10s %10s%s\n", "id", "query", "steps", "best_ms", "eval_ms",
           "series", "peak_smp", per_case_rss ? "    rss_MiB" : "");
    int failures = 0;
    for (int c = 0; c < nexpanded; c++) {
        if (filter && !strstr(expanded[c].expr, filter))
            continue;
        if (ids && !id_listed(ids, c))
            continue;
        int64_t end = (int64_t)intervals * 10000;
        int64_t start = (int64_t)(intervals - expanded[c].steps) * 10000;
        int64_t step = 10000;
        if (deploy) {
            start = DEPLOY_T0_MS + 3600 * 1000;
            step = DEPLOY_STEP_MS;
            end = start + (expanded[c].steps - 1) * step;
        }
        if (per_case_rss)
            reset_peak_rss();
        double best = INFINITY, best_eval = INFINITY;
        size_t nseries = 0;
        int64_t peak = 0;
        for (int r = 0; r < runs; r++) {
            promql_result *res = NULL;
            double q0 = now_seconds();
            promql_error_code rc = promql_query_range(engine, st, expanded[c].expr, strlen(expanded[c].expr),
                                                      start, end, step, &res, &err);
            double q = now_seconds() - q0;
            if (rc != PROMQL_OK) {
                printf("%-5d %-70s %6d  error: %s\n", c, expanded[c].expr, expanded[c].steps, err.message);
                failures++;
                break;
            }
            const promql_query_stats *stats = promql_result_stats(res);
            if (q < best)
                best = q;
            if (stats && stats->eval_seconds < best_eval)
                best_eval = stats->eval_seconds;
            nseries = promql_result_series_count(res);
            peak = stats ? stats->peak_samples : 0;
            if (dump && r == 0 && dump_result(dump, c, res) != 0)
                fprintf(stderr, "could not write dump for case %d\n", c);
            promql_result_free(res);
        }
        if (best < INFINITY) {
            printf("%-5d %-70s %6d %12.3f %12.3f %10zu %10lld", c, expanded[c].expr,
                   expanded[c].steps, best * 1e3, best_eval * 1e3, nseries, (long long)peak);
            if (per_case_rss) {
                long kb = status_hwm_kb();
                if (kb > max_case_kb)
                    max_case_kb = kb;
                printf(" %8.1f", kb / 1024.0);
            }
            printf("\n");
        }
        fflush(stdout);
    }
    long hwm = hwm_reset ? status_hwm_kb() : -1;
    if (hwm > 0 && max_case_kb > hwm)
        hwm = max_case_kb;
    if (hwm > 0)
        printf("# peak RSS %.1f MiB while querying (store + engine; %.1f MiB while loading the text file)\n",
               hwm / 1024.0, load_peak_kb / 1024.0);
    else
        printf("# peak RSS %.1f MiB\n", peak_rss_kb() / 1024.0);
    promql_engine_free(engine);
    promql_memstore_free(store);
    return failures ? 1 : 0;
}
