/*
 * main.c -- promql-eval: run PromQL queries, format and parse them, and run promqltest scripts
 * over fixture data, with no server. This file only dispatches to the subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

/* `promql-eval rules ...` lives with the rules layer; it is optional so the CLI links without
 * it (a weak reference stays NULL when no object defines it). */
int pq_cmd_rules(int argc, char **argv) __attribute__((weak));

static void usage(FILE *out)
{
    fprintf(out,
            "promql-eval %s (PromQL of Prometheus %s)\n"
            "\n"
            "usage:\n"
            "  promql-eval query [--data FILE]... [--time T] [--lookback-delta D] [--format json|table] [--stats] EXPR\n"
            "  promql-eval query_range [--data FILE]... --start T --end T --step D [--lookback-delta D]\n"
            "                          [--format json|table] [--stats] EXPR\n"
            "  promql-eval fmt [--pretty] [EXPR]      print the query in canonical (or pretty) form\n"
            "  promql-eval parse [EXPR]               print the query's AST as JSON\n"
            "  promql-eval test [-v] [--xfail FILE] [--write-xfail FILE] SCRIPT...\n"
            "                                         run promqltest scripts\n"
            "%s"
            "\n"
            "T: Unix seconds (fractions allowed) or RFC 3339; D: a PromQL duration (5m, 1h30m) or seconds.\n"
            "--data: OpenMetrics / Prometheus text (.om .prom .txt), promqltest load blocks (.test) or\n"
            "promtool rule-test input_series (.yml .yaml); repeatable. Without it the bundled\n"
            "examples/payment-gateway.om is loaded. EXPR '-' (or none, for fmt and parse) reads stdin.\n",
            promql_version_string(), PROMQL_PROMETHEUS_VERSION,
            pq_cmd_rules ? "  promql-eval rules ...                  rule files and rule unit tests\n" : "");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return PQ_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    int sub_argc = argc - 2;
    char **sub_argv = argv + 2;
    if (strcmp(cmd, "query") == 0)
        return pq_cmd_query(sub_argc, sub_argv, false);
    if (strcmp(cmd, "query_range") == 0 || strcmp(cmd, "query-range") == 0)
        return pq_cmd_query(sub_argc, sub_argv, true);
    if (strcmp(cmd, "fmt") == 0)
        return pq_cmd_fmt(sub_argc, sub_argv);
    if (strcmp(cmd, "parse") == 0)
        return pq_cmd_parse(sub_argc, sub_argv);
    if (strcmp(cmd, "test") == 0)
        return pq_cmd_test(sub_argc, sub_argv);
    if (strcmp(cmd, "rules") == 0 && pq_cmd_rules)
        return pq_cmd_rules(sub_argc, sub_argv);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("promql-eval %s (PromQL of Prometheus %s)\n", promql_version_string(), PROMQL_PROMETHEUS_VERSION);
        return 0;
    }
    fprintf(stderr, "promql-eval: unknown command \"%s\"\n\n", cmd);
    usage(stderr);
    return PQ_EXIT_USAGE;
}
