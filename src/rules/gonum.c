/*
 * gonum.c -- Go's time formatting in C (see gonum.h for why); floats and model.Duration are
 * util/gofmt's.
 */
#include "rules/gonum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void pq_gonum_time_duration(pq_strbuf *out, int64_t ms)
{
    if (ms == 0) {
        pq_strbuf_puts(out, "0s");
        return;
    }
    uint64_t u = ms < 0 ? (uint64_t)0 - (uint64_t)ms : (uint64_t)ms;
    if (ms < 0)
        pq_strbuf_putc(out, '-');
    if (u < 1000) {
        pq_strbuf_printf(out, "%llums", (unsigned long long)u);
        return;
    }
    uint64_t secs = u / 1000, frac = u % 1000;
    uint64_t h = secs / 3600, m = (secs / 60) % 60, s = secs % 60;
    if (h > 0)
        pq_strbuf_printf(out, "%lluh", (unsigned long long)h);
    if (h > 0 || m > 0)
        pq_strbuf_printf(out, "%llum", (unsigned long long)m);
    pq_strbuf_printf(out, "%llu", (unsigned long long)s);
    if (frac) {
        char f[8];
        snprintf(f, sizeof f, "%03llu", (unsigned long long)frac);
        int n = 3;
        while (n > 0 && f[n - 1] == '0')
            n--;
        f[n] = 0;
        pq_strbuf_printf(out, ".%s", f);
    }
    pq_strbuf_putc(out, 's');
}

void pq_gonum_time_string(pq_strbuf *out, int64_t sec, int32_t nsec)
{
    time_t t = (time_t)sec;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) {
        pq_strbuf_printf(out, "%lld", (long long)sec);
        return;
    }
    pq_strbuf_printf(out, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (nsec > 0) {
        char f[16];
        snprintf(f, sizeof f, "%09d", (int)nsec);
        int n = 9;
        while (n > 0 && f[n - 1] == '0')
            n--;
        f[n] = 0;
        pq_strbuf_printf(out, ".%s", f);
    }
    pq_strbuf_puts(out, " +0000 UTC");
}
