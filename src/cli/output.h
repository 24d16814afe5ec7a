/*
 * output.h -- rendering a query result: the exact JSON body of Prometheus's /api/v1/query and
 * /api/v1/query_range (output_json.c), and an aligned table for people (output_table.c).
 */
#ifndef PQ_CLI_OUTPUT_H
#define PQ_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "promql/promql.h"
#include "util/strbuf.h"

/* {"status":"success","data":{"resultType":...,"result":...[,"stats":...]}[,"warnings":[...]]
 * [,"infos":[...]]}. */
void pq_cli_json_success(pq_strbuf *b, const promql_result *res, bool stats);
/* {"status":"error","errorType":"...","error":"..."} */
void pq_cli_json_error(pq_strbuf *b, const char *error_type, const char *message);
/* One native histogram as jsonutil.MarshalHistogram writes it (count, sum, non-empty buckets
 * with their boundary rule and bounds). */
void pq_cli_json_histogram(pq_strbuf *b, const promql_histogram *h);
/* A label set as a JSON object in label order. */
void pq_cli_json_labels(pq_strbuf *b, promql_labels ls);

/* The table form, with annotations after it. */
void pq_cli_table_result(FILE *out, const promql_result *res, bool stats);

#endif
