/*
 * cmd_query.c -- `promql-eval query` and `promql-eval query_range`: load the data, run one
 * query, print Prometheus's API response body (or a table). Parameter checks and their error
 * texts are those of Prometheus's /api/v1/query and /api/v1/query_range handlers, so an error
 * body is the one Prometheus would send.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/timeparse.h"

#define MAX_QUERY_BYTES (1u << 20)

typedef struct query_args {
    const char **data;
    size_t ndata;
    const char *time, *start, *end, *step, *lookback, *format, *expr;
    bool stats;
} query_args;

static const char *usage_instant =
    "usage: promql-eval query [--data FILE]... [--time T] [--lookback-delta D] [--format json|table] [--stats] EXPR";
static const char *usage_range =
    "usage: promql-eval query_range [--data FILE]... --start T --end T --step D [--lookback-delta D] "
    "[--format json|table] [--stats] EXPR";

/* A flag's value: "--flag value" or "--flag=value". Returns NULL when a is not that flag. */
static const char *flag_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

/* The error body (JSON) or text (table) on stdout, and the message on stderr. */
static int report_error(const query_args *qa, const char *type, const char *msg)
{
    if (strcmp(qa->format, "json") == 0) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_cli_json_error(&b, type, msg);
        if (b.data)
            fwrite(b.data, 1, b.len, stdout);
        if (isatty(STDOUT_FILENO))
            fputc('\n', stdout);
        pq_strbuf_free(&b);
    }
    fprintf(stderr, "promql-eval: %s: %s\n", type, msg);
    return PQ_EXIT_FAIL;
}

static int param_error(const query_args *qa, const char *param, const char *msg)
{
    size_t n = strlen(param) + strlen(msg) + 32;
    char *buf = malloc(n);
    if (!buf)
        return report_error(qa, "bad_data", msg);
    snprintf(buf, n, "invalid parameter \"%s\": %s", param, msg);
    int rc = report_error(qa, "bad_data", buf);
    free(buf);
    return rc;
}

int pq_cmd_query(int argc, char **argv, bool range)
{
    query_args qa;
    memset(&qa, 0, sizeof qa);
    qa.format = "json";
    qa.data = calloc((size_t)argc + 1, sizeof *qa.data);
    if (!qa.data)
        return pq_cli_usage_error("out of memory");
    const char *usage = range ? usage_range : usage_instant;
    int rc = PQ_EXIT_USAGE;
    for (int i = 0; i < argc; i++) {
        bool missing = false;
        const char *v;
        const char *a = argv[i];
        if ((v = flag_value(argc, argv, &i, "--data", &missing)))
            qa.data[qa.ndata++] = v;
        else if (!range && (v = flag_value(argc, argv, &i, "--time", &missing)))
            qa.time = v;
        else if (range && (v = flag_value(argc, argv, &i, "--start", &missing)))
            qa.start = v;
        else if (range && (v = flag_value(argc, argv, &i, "--end", &missing)))
            qa.end = v;
        else if (range && (v = flag_value(argc, argv, &i, "--step", &missing)))
            qa.step = v;
        else if ((v = flag_value(argc, argv, &i, "--lookback-delta", &missing)))
            qa.lookback = v;
        else if ((v = flag_value(argc, argv, &i, "--format", &missing)))
            qa.format = v;
        else if (strcmp(a, "--stats") == 0)
            qa.stats = true;
        else if (missing) {
            pq_cli_usage_error("%s needs a value\n%s", a, usage);
            goto out;
        } else if (strcmp(a, "--") == 0 && i + 1 < argc) {
            if (qa.expr || i + 2 < argc) {
                pq_cli_usage_error("exactly one query expected\n%s", usage);
                goto out;
            }
            qa.expr = argv[++i];
        } else if (a[0] == '-' && a[1] == '-') {
            /* Every flag is "--name": "-1" or "-rate(x[5m])" is a query. */
            pq_cli_usage_error("unknown flag %s\n%s", a, usage);
            goto out;
        } else if (qa.expr) {
            pq_cli_usage_error("exactly one query expected (quote it)\n%s", usage);
            goto out;
        } else {
            qa.expr = a;
        }
        if (missing) {
            pq_cli_usage_error("%s needs a value\n%s", a, usage);
            goto out;
        }
    }
    if (strcmp(qa.format, "json") != 0 && strcmp(qa.format, "table") != 0) {
        pq_cli_usage_error("--format must be json or table, not \"%s\"", qa.format);
        goto out;
    }
    if (!qa.expr) {
        pq_cli_usage_error("no query given\n%s", usage);
        goto out;
    }
    if (range && (!qa.start || !qa.end || !qa.step)) {
        pq_cli_usage_error("query_range needs --start, --end and --step\n%s", usage);
        goto out;
    }

    /* The query text: "-" reads it from stdin. */
    char *owned_expr = NULL;
    size_t expr_len;
    char err[1024] = "";
    if (strcmp(qa.expr, "-") == 0) {
        owned_expr = pq_cli_read_file("-", MAX_QUERY_BYTES, &expr_len, err, sizeof err);
        if (!owned_expr) {
            rc = pq_cli_usage_error("%s", err);
            goto out;
        }
        qa.expr = owned_expr;
    }
    expr_len = strlen(qa.expr);

    /* Parameters, in the order the API handlers check them. */
    int64_t t_ms = 0, start = 0, end = 0, step = 0, lookback = 0;
    rc = PQ_EXIT_FAIL;
    if (!range) {
        if (qa.time) {
            if (pq_cli_parse_api_time(qa.time, &t_ms, err, sizeof err) != 0) {
                param_error(&qa, "time", err);
                goto out_expr;
            }
        } else {
            struct timespec now;
            clock_gettime(CLOCK_REALTIME, &now);
            t_ms = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
        }
    } else {
        if (pq_cli_parse_api_time(qa.start, &start, err, sizeof err) != 0) {
            param_error(&qa, "start", err);
            goto out_expr;
        }
        if (pq_cli_parse_api_time(qa.end, &end, err, sizeof err) != 0) {
            param_error(&qa, "end", err);
            goto out_expr;
        }
        if (end < start) {
            param_error(&qa, "end", "end timestamp must not be before start time");
            goto out_expr;
        }
        if (pq_cli_parse_api_duration(qa.step, &step, err, sizeof err) != 0) {
            param_error(&qa, "step", err);
            goto out_expr;
        }
        if (step <= 0) {
            param_error(&qa, "step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
            goto out_expr;
        }
        if ((end - start) / step > 11000) {
            report_error(&qa, "bad_data",
                         "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
            goto out_expr;
        }
    }
    if (qa.lookback) {
        if (pq_cli_parse_api_duration(qa.lookback, &lookback, err, sizeof err) != 0 || lookback <= 0) {
            rc = pq_cli_usage_error("--lookback-delta: %s", lookback <= 0 && !err[0] ? "must be positive" : err);
            goto out_expr;
        }
    }

    /* Data. */
    promql_memstore *store = promql_memstore_new();
    promql_engine *engine = NULL;
    promql_result *res = NULL;
    if (!store) {
        fprintf(stderr, "promql-eval: out of memory\n");
        goto out_expr;
    }
    if (qa.ndata == 0) {
        const char *def = pq_cli_default_data_path(NULL);
        if (!def) {
            fprintf(stderr, "promql-eval: no --data given and the bundled example examples/payment-gateway.om was "
                            "not found (set PROMQL_EXAMPLE)\n");
            goto out_store;
        }
        qa.data[qa.ndata++] = def;
    }
    for (size_t i = 0; i < qa.ndata; i++) {
        promql_error perr;
        memset(&perr, 0, sizeof perr);
        if (promql_memstore_load_file(store, qa.data[i], &perr) != PROMQL_OK) {
            fprintf(stderr, "promql-eval: cannot load %s: %s\n", qa.data[i], perr.message);
            goto out_store;
        }
    }

    promql_engine_options eo;
    promql_engine_options_init(&eo);
    if (lookback)
        eo.lookback_delta_ms = lookback;
    promql_error qerr;
    memset(&qerr, 0, sizeof qerr);
    engine = promql_engine_new(&eo, &qerr);
    if (!engine) {
        fprintf(stderr, "promql-eval: cannot create the engine: %s\n", qerr.message);
        goto out_store;
    }
    promql_error_code code = range ? promql_query_range(engine, promql_memstore_storage(store), qa.expr, expr_len, start,
                                                        end, step, &res, &qerr)
                                   : promql_query_instant(engine, promql_memstore_storage(store), qa.expr, expr_len, t_ms,
                                                          &res, &qerr);
    if (code != PROMQL_OK) {
        if (code == PROMQL_ERR_BAD_DATA)
            param_error(&qa, "query", qerr.message);
        else
            report_error(&qa, promql_error_type_name(code), qerr.message);
        goto out_store;
    }
    if (strcmp(qa.format, "json") == 0) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_cli_json_success(&b, res, qa.stats);
        if (b.oom) {
            fprintf(stderr, "promql-eval: out of memory writing the result\n");
            pq_strbuf_free(&b);
            goto out_store;
        }
        fwrite(b.data, 1, b.len, stdout);
        if (isatty(STDOUT_FILENO))
            fputc('\n', stdout);
        pq_strbuf_free(&b);
    } else {
        pq_cli_table_result(stdout, res, qa.stats);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "promql-eval: cannot write the result\n");
        goto out_store;
    }
    rc = 0;
out_store:
    promql_result_free(res);
    promql_engine_free(engine);
    promql_memstore_free(store);
out_expr:
    free(owned_expr);
out:
    free(qa.data);
    return rc;
}
