/*
 * numfmt.c -- the number forms of Prometheus's HTTP API JSON and of promqltest's messages,
 * laid out over util/gofmt's strconv.FormatFloat (the one shortest-digits implementation).
 */
#include "cli/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/gofmt.h"

size_t pq_cli_format_timestamp_ms(char *buf, int64_t t_ms)
{
    char *o = buf;
    uint64_t u = (uint64_t)t_ms;
    if (t_ms < 0) {
        *o++ = '-';
        u = 0 - u;
    }
    o += sprintf(o, "%llu", (unsigned long long)(u / 1000));
    unsigned frac = (unsigned)(u % 1000);
    if (frac)
        o += sprintf(o, ".%03u", frac);
    return (size_t)(o - buf);
}

size_t pq_cli_format_go_v(char *buf, double f)
{
    if (isnan(f) || isinf(f) || f == 0)
        return pq_go_format_float_buf(buf, PQ_NUMFMT_MAX, f, 'f');
    char d[32];
    int point;
    pq_go_shortest_digits(f, d, &point);
    int e = point - 1;
    return pq_go_format_float_buf(buf, PQ_NUMFMT_MAX, f, (e < -4 || e >= 21) ? 'e' : 'f');
}
