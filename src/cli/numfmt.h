/*
 * numfmt.h -- timestamps written the way Prometheus's HTTP API writes them: integer
 * milliseconds as seconds with three decimals (jsonutil.MarshalTimestamp). The float forms
 * (strconv.FormatFloat, jsonutil.MarshalFloat, encoding/json, fmt's %v) are util/gofmt's;
 * PQ_NUMFMT_MAX sizes a buffer for any of them.
 */
#ifndef PQ_CLI_NUMFMT_H
#define PQ_CLI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "util/gofmt.h"

#define PQ_NUMFMT_MAX PQ_GO_FLOAT_MAX   /* 'f' form of DBL_MAX has 309 digits */

/* jsonutil.MarshalTimestamp: "1700000000.010", "1", "-0.500". */
size_t pq_cli_format_timestamp_ms(char *buf, int64_t t_ms);

#endif
