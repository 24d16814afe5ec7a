/*
 * numfmt.c -- the HTTP API's timestamp form (see numfmt.h).
 */
#include "cli/numfmt.h"

#include <stdio.h>

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

