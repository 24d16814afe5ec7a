/*
 * timeparse.c -- times and durations as Prometheus's API parses them (see timeparse.h), over
 * util/gotime's ParseFloat, RFC 3339 and model.ParseDuration.
 */
#include "cli/timeparse.h"

#include "util/gotime.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int pq_cli_parse_api_time(const char *s, int64_t *ms, char *errbuf, size_t errlen)
{
    double t;
    if (pq_go_parse_float(s, strlen(s), &t)) {
        /* time.Unix(int(sec), round(frac*1000)/1000 s), then milliseconds. */
        if (!isfinite(t) || fabs(t) > 9.2e15) {
            snprintf(errbuf, errlen, "cannot parse \"%s\" to a valid timestamp", s);
            return -1;
        }
        double ip;
        double frac = modf(t, &ip);
        *ms = (int64_t)ip * 1000 + (int64_t)round(frac * 1000);
        return 0;
    }
    if (pq_go_parse_rfc3339_ms(s, strlen(s), ms) == 0)
        return 0;
    snprintf(errbuf, errlen, "cannot parse \"%s\" to a valid timestamp", s);
    return -1;
}

int pq_cli_parse_api_duration(const char *s, int64_t *ms, char *errbuf, size_t errlen)
{
    double d;
    if (pq_go_parse_float(s, strlen(s), &d)) {
        double ns = d * 1e9;
        if (isnan(ns) || ns >= 9223372036854775808.0 || ns < -9223372036854775808.0) {
            snprintf(errbuf, errlen, "cannot parse \"%s\" to a valid duration. It overflows int64", s);
            return -1;
        }
        *ms = (int64_t)ns / 1000000;
        return 0;
    }
    char tmp[128];
    if (pq_go_parse_duration(s, strlen(s), ms, tmp, sizeof tmp) == 0)
        return 0;
    snprintf(errbuf, errlen, "cannot parse \"%s\" to a valid duration", s);
    return -1;
}
