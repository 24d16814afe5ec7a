/*
 * timeparse.h -- the time and duration arguments of promql-eval and promqltest scripts:
 *   - times as Prometheus's API takes them: Unix seconds with an optional fraction (rounded to
 *     the millisecond) or RFC 3339 with an optional fraction and a zone;
 *   - durations as the API takes them: float seconds, or a Prometheus duration ("1h30m");
 *   - Prometheus durations alone (model.ParseDuration: units y w d h m s ms, biggest first,
 *     "0" without a unit), as promqltest scripts write eval times and steps.
 * Errors are Prometheus's texts, written into errbuf; the functions return 0 or -1.
 */
#ifndef PQ_CLI_TIMEPARSE_H
#define PQ_CLI_TIMEPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int pq_cli_parse_model_duration(const char *s, size_t len, int64_t *ms, char *errbuf, size_t errlen);
int pq_cli_parse_api_time(const char *s, int64_t *ms, char *errbuf, size_t errlen);
int pq_cli_parse_api_duration(const char *s, int64_t *ms, char *errbuf, size_t errlen);

/* Go's strconv.ParseFloat(s, 64) on exactly len bytes: decimal or hex float (with a 'p'
 * exponent), optional sign, "Inf"/"Infinity"/"NaN" in any case. Returns false on anything else. */
bool pq_cli_parse_go_float(const char *s, size_t len, double *out);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t pq_cli_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
