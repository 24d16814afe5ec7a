/*
 * gotime.h -- times, durations and numbers read the way Prometheus's Go code reads them, in one
 * place for the parser, the fixture loaders, the rules layer and the CLI: model.ParseDuration
 * of prometheus/common (with its exact error messages), strconv.ParseFloat, time.Parse with
 * time.RFC3339Nano, and promtool's parseTime. All work on exactly len bytes, never past them.
 */
#ifndef PQ_GOTIME_H
#define PQ_GOTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* model.ParseDuration: units y w d h m s ms, each once, biggest first; "0" alone is zero; at
 * most time.Duration's ~292 years. 0 and *ms on success; -1 and Prometheus's message in err
 * ("empty duration string", "not a valid duration string: \"5x\"", "unknown unit \"x\" in
 * duration \"5x\"", "duration out of range"; strings quoted as Go's %q) on failure. err may be
 * NULL when errlen is 0. */
int pq_go_parse_duration(const char *s, size_t len, int64_t *ms, char *err, size_t errlen);

/* strconv.ParseFloat(s, 64): decimal or hex float (hex needs a 'p' exponent), Inf/NaN
 * spellings, digit-separating underscores ("1_000"), no spaces; false on anything else and on
 * overflow to infinity ("value out of range" in Go). */
bool pq_go_parse_float(const char *s, size_t len, double *out);
/* The same, telling the two failures apart: 0 ok, -1 invalid syntax, -2 out of range. */
int pq_go_parse_float_ex(const char *s, size_t len, double *out);

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d. */
int64_t pq_days_from_civil(int64_t y, unsigned m, unsigned d);

/* time.Parse(time.RFC3339Nano, s) as Unix milliseconds, the fraction truncated
 * (timestamp.FromTime): "2006-01-02T15:04:05Z", "...05.999999999+07:00", ',' as the fraction
 * separator too. 0 on success, -1 when s is not such a time. */
int pq_go_parse_rfc3339_ms(const char *s, size_t len, int64_t *ms);

/* promtool's parseTime then timestamp.FromTime: Unix seconds as a float (the fraction
 * truncated to the nanosecond, then floored to the millisecond) or RFC 3339. 0 on success, -1
 * when Go would say "cannot parse %q to a valid timestamp" (or the seconds overflow). */
int pq_go_parse_promtool_time(const char *s, size_t len, int64_t *ms);

#endif
