/*
 * cmd_fmt.c -- `promql-eval fmt [--pretty] [EXPR]` prints the query in Prometheus's canonical
 * form (or prettified), `promql-eval parse [EXPR]` prints its AST as JSON. Without EXPR the
 * query is read from stdin. A query that does not parse: Prometheus's message on stderr, exit 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define MAX_QUERY_BYTES (1u << 20)

static int run(int argc, char **argv, bool is_fmt)
{
    bool pretty = false;
    const char *expr = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (is_fmt && strcmp(a, "--pretty") == 0)
            pretty = true;
        else if (strcmp(a, "--") == 0 && i + 1 < argc && !expr && i + 2 == argc)
            expr = argv[++i];
        else if (a[0] == '-' && a[1] == '-')
            return pq_cli_usage_error("unknown flag %s (usage: promql-eval %s)", a,
                                  is_fmt ? "fmt [--pretty] [EXPR]" : "parse [EXPR]");
        else if (expr)
            return pq_cli_usage_error("exactly one query expected (quote it)");
        else
            expr = a;
    }
    char *owned = NULL;
    size_t len;
    if (!expr || strcmp(expr, "-") == 0) {
        char err[512] = "";
        owned = pq_cli_read_file("-", MAX_QUERY_BYTES, &len, err, sizeof err);
        if (!owned)
            return pq_cli_usage_error("%s", err);
        /* A trailing newline from echo or a file is not part of the query. */
        while (len && (owned[len - 1] == '\n' || owned[len - 1] == '\r'))
            owned[--len] = '\0';
        expr = owned;
    } else {
        len = strlen(expr);
    }
    promql_parse_options opts;
    promql_parse_options_init(&opts);
    promql_expr *e = NULL;
    promql_error err;
    memset(&err, 0, sizeof err);
    if (promql_parse(expr, len, &opts, &e, &err) != PROMQL_OK) {
        fprintf(stderr, "%s\n", err.message);
        free(owned);
        return PQ_EXIT_FAIL;
    }
    char *out = is_fmt ? promql_expr_format(e, pretty) : promql_expr_to_json(e);
    int rc = 0;
    if (!out) {
        /* NULL: out of memory, or the library was built without that printer. */
        fprintf(stderr, "promql-eval: cannot print the query %s\n", is_fmt ? "back" : "as JSON");
        rc = PQ_EXIT_FAIL;
    } else {
        printf("%s\n", out);
        if (fflush(stdout) != 0)
            rc = PQ_EXIT_FAIL;
    }
    free(out);
    promql_expr_free(e);
    free(owned);
    return rc;
}

int pq_cmd_fmt(int argc, char **argv)
{
    return run(argc, argv, true);
}

int pq_cmd_parse(int argc, char **argv)
{
    return run(argc, argv, false);
}
