/*
 * timeparse.h -- the time and duration arguments of promql-eval and promqltest scripts:
 *   - times as Prometheus's API takes them: Unix seconds with an optional fraction (rounded to
 *     the millisecond) or RFC 3339 with an optional fraction and a zone;
 *   - durations as the API takes them: float seconds, or a Prometheus duration ("1h30m").
 * Prometheus durations alone, floats and RFC 3339 are util/gotime.h's.
 * Errors are Prometheus's texts, written into errbuf; the functions return 0 or -1.
 */
#ifndef PQ_CLI_TIMEPARSE_H
#define PQ_CLI_TIMEPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int pq_cli_parse_api_time(const char *s, int64_t *ms, char *errbuf, size_t errlen);
int pq_cli_parse_api_duration(const char *s, int64_t *ms, char *errbuf, size_t errlen);

#endif
