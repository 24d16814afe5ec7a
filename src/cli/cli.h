/*
 * cli.h -- the subcommands of promql-eval (one file each) and the helpers they share.
 * Exit codes: 0 success, 1 the query / test / input failed, 2 bad usage.
 */
#ifndef PQ_CLI_CLI_H
#define PQ_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "promql/promql.h"

#define PQ_EXIT_FAIL 1
#define PQ_EXIT_USAGE 2

int pq_cmd_query(int argc, char **argv, bool range);
int pq_cmd_fmt(int argc, char **argv);
int pq_cmd_parse(int argc, char **argv);
int pq_cmd_test(int argc, char **argv);

/* Print "promql-eval: <msg>" on stderr; returns PQ_EXIT_USAGE for `return pq_cli_usage_error(...)`. */
int pq_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read a whole file (or stdin for "-") into a malloc'ed, NUL-terminated buffer. Returns NULL
 * with a message in errbuf on failure. Files larger than max_bytes are refused. */
char *pq_cli_read_file(const char *path, size_t max_bytes, size_t *len, char *errbuf, size_t errlen);

/* The bundled example data: $PROMQL_EXAMPLE, the source tree's examples/, or examples/ next
 * to the binary (or ../share/promql/). Returns a static path or NULL. */
const char *pq_cli_default_data_path(const char *argv0);

#endif
