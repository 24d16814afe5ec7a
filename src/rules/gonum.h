/*
 * gonum.h -- numbers, durations and strings printed exactly as Go prints them, because rule
 * templates ({{ $value }}, humanize, printf) and promtool's test diffs show Go's formatting and
 * users compare against it byte for byte.
 */
#ifndef PQ_RULES_GONUM_H
#define PQ_RULES_GONUM_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* strconv.FormatFloat(v, fmt, prec, 64) for fmt 'g','G','e','E','f' and prec >= 0 or -1
 * (shortest round-tripping). Infinities print "+Inf"/"-Inf", NaN "NaN". */
void pq_gonum_float(pq_strbuf *out, double v, char fmt, int prec);
/* fmt's %v of a float64: 'g' shortest, with "+Inf" for +Inf. */
void pq_gonum_float_v(pq_strbuf *out, double v);

/* Prometheus model.Duration String(): "1d", "1h30m", "0s", "1w", "100ms". */
void pq_gonum_model_duration(pq_strbuf *out, int64_t ms);
/* Go time.Duration String() of a count of milliseconds: "5m0s", "1h0m0s", "1.5s", "0s". */
void pq_gonum_time_duration(pq_strbuf *out, int64_t ms);
/* Parse a Prometheus model.Duration ("1h30m", "5m", "0", "1d", "500ms") into milliseconds:
 * 0 on success, -1 with Prometheus's message (e.g. 'not a valid duration string: "5x"'). */
int pq_gonum_parse_duration(const char *s, size_t len, int64_t *ms, char *errbuf, size_t errlen);

/* A Go time.Time String() for a UTC time given in seconds and nanoseconds since the epoch:
 * "2006-01-02 15:04:05.999999999 +0000 UTC". */
void pq_gonum_time_string(pq_strbuf *out, int64_t sec, int32_t nsec);

#endif
