/*
 * numfmt.h -- numbers written the way Prometheus's HTTP API writes them.
 *
 * Go's strconv.FormatFloat(f, 'f' or 'e', -1, 64) prints the shortest decimal that parses back
 * to the same double; jsonutil.MarshalFloat picks 'e' below 1e-6 and from 1e21; timestamps are
 * integer milliseconds written as seconds with three decimals (jsonutil.MarshalTimestamp);
 * encoding/json writes a float64 as a bare number with 'e' exponents cleaned ("1e-7").
 * Every function writes a NUL-terminated string into buf (at least PQ_NUMFMT_MAX bytes) and
 * returns its length.
 */
#ifndef PQ_CLI_NUMFMT_H
#define PQ_CLI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#define PQ_NUMFMT_MAX 400   /* 'f' form of DBL_MAX has 309 digits */

/* The shortest round-trip decimal digits of a finite non-zero |f|: digits[] gets n digits (no
 * dot, no sign, no trailing zeros), and the value is 0.d1d2...dn * 10^point. Returns n. */
int pq_cli_shortest_digits(double f, char digits[32], int *point);

/* strconv.FormatFloat(f, fmt, -1, 64) for fmt 'f' or 'e' ("NaN", "+Inf", "-Inf" included). */
size_t pq_cli_format_go_float(char *buf, double f, char fmt);

/* fmt's %v of a float64 (what Go's test messages print): 'e' when the exponent is < -4 or
 * >= 21, else 'f'. */
size_t pq_cli_format_go_v(char *buf, double f);

/* jsonutil.MarshalFloat without the quotes: a sample value in the API ("1e-07", "0.1"). */
size_t pq_cli_format_sample_value(char *buf, double f);

/* jsonutil.MarshalTimestamp: "1700000000.010", "1", "-0.500". */
size_t pq_cli_format_timestamp_ms(char *buf, int64_t t_ms);

/* encoding/json's float64 encoding (a bare JSON number; NaN/Inf are not JSON and come out as
 * "NaN"/"+Inf"/"-Inf" so the caller never writes invalid bytes silently). */
size_t pq_cli_format_json_number(char *buf, double f);

#endif
