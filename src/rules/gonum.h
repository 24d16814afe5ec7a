/*
 * gonum.h -- Go's time.Duration and time.Time strings, because rule templates and promtool's
 * test diffs show Go's formatting and users compare against it byte for byte. Floats and
 * model.Duration come from util/gofmt.h, duration parsing from util/gotime.h.
 */
#ifndef PQ_RULES_GONUM_H
#define PQ_RULES_GONUM_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* Go time.Duration String() of a count of milliseconds: "5m0s", "1h0m0s", "1.5s", "0s". */
void pq_gonum_time_duration(pq_strbuf *out, int64_t ms);
/* A Go time.Time String() for a UTC time given in seconds and nanoseconds since the epoch:
 * "2006-01-02 15:04:05.999999999 +0000 UTC". */
void pq_gonum_time_string(pq_strbuf *out, int64_t sec, int32_t nsec);

#endif
