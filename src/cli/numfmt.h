/*
 * numfmt.h -- numbers written the way Prometheus's HTTP API writes them.
 *
 * Go's strconv.FormatFloat(f, 'f' or 'e', -1, 64) (util/gofmt) prints the shortest decimal that
 * parses back to the same double; jsonutil.MarshalFloat picks 'e' below 1e-6 and from 1e21; timestamps are
 * integer milliseconds written as seconds with three decimals (jsonutil.MarshalTimestamp);
 * encoding/json writes a float64 as a bare number with 'e' exponents cleaned ("1e-7").
 * Every function writes a NUL-terminated string into buf (at least PQ_NUMFMT_MAX bytes) and
 * returns its length.
 */
#ifndef PQ_CLI_NUMFMT_H
#define PQ_CLI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "util/gofmt.h"

#define PQ_NUMFMT_MAX PQ_GO_FLOAT_MAX   /* 'f' form of DBL_MAX has 309 digits */

/* fmt's %v of a float64 (what Go's test messages print): 'e' when the exponent is < -4 or
 * >= 21, else 'f'. */
size_t pq_cli_format_go_v(char *buf, double f);

/* jsonutil.MarshalTimestamp: "1700000000.010", "1", "-0.500". */
size_t pq_cli_format_timestamp_ms(char *buf, int64_t t_ms);

#endif
