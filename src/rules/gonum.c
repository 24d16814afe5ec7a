/*
 * gonum.c -- Go's strconv/fmt/time formatting rules in C (see gonum.h for why).
 *
 * Floats: the decimal digits come from glibc's correctly rounded %e; the layout (when to use an
 * exponent, how many digits, "+Inf") follows strconv.FormatFloat.
 */
#include "rules/gonum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Decimal digits of |v| (no trailing zeros) and the decimal point position: v = 0.d1d2.. x 10^dp. */
typedef struct go_digits {
    char d[40];
    int nd;
    int dp;
} go_digits;

static void digits_from_e(const char *buf, go_digits *g)
{
    /* buf is "d.ddde[+-]X" (no sign: callers pass |v|) */
    g->nd = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && g->nd < (int)sizeof g->d - 1)
            g->d[g->nd++] = *p;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    g->dp = exp + 1;
    while (g->nd > 0 && g->d[g->nd - 1] == '0')
        g->nd--;
    if (g->nd == 0) { /* zero */
        g->dp = 0;
    }
    g->d[g->nd] = 0;
}

/* Shortest digits that read back as v (|v| finite). */
static void shortest_digits(double av, go_digits *g)
{
    char buf[64];
    if (av == 0) {
        g->nd = 0;
        g->dp = 0;
        return;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, av);
        if (strtod(buf, NULL) == av)
            break;
    }
    digits_from_e(buf, g);
}

static void rounded_digits(double av, int prec, go_digits *g)
{
    char buf[400];
    if (av == 0) {
        g->nd = 0;
        g->dp = 0;
        return;
    }
    if (prec < 1)
        prec = 1;
    if (prec > 30)
        prec = 30;
    snprintf(buf, sizeof buf, "%.*e", prec - 1, av);
    digits_from_e(buf, g);
}

static void fmt_e(pq_strbuf *out, const go_digits *g, int prec, char e)
{
    /* prec digits after the point */
    pq_strbuf_putc(out, g->nd > 0 ? g->d[0] : '0');
    if (prec > 0) {
        pq_strbuf_putc(out, '.');
        for (int i = 1; i <= prec; i++)
            pq_strbuf_putc(out, i < g->nd ? g->d[i] : '0');
    }
    int exp = g->nd == 0 ? 0 : g->dp - 1;
    pq_strbuf_putc(out, e);
    pq_strbuf_putc(out, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp < 10)
        pq_strbuf_printf(out, "0%d", exp);
    else
        pq_strbuf_printf(out, "%d", exp);
}

static void fmt_f(pq_strbuf *out, const go_digits *g, int prec)
{
    if (g->dp > 0) {
        int m = g->dp;
        for (int i = 0; i < m; i++)
            pq_strbuf_putc(out, i < g->nd ? g->d[i] : '0');
    } else {
        pq_strbuf_putc(out, '0');
    }
    if (prec > 0) {
        pq_strbuf_putc(out, '.');
        for (int i = 0; i < prec; i++) {
            int j = g->dp + i;
            pq_strbuf_putc(out, (j < 0 || j >= g->nd) ? '0' : g->d[j]);
        }
    }
}

void pq_gonum_float(pq_strbuf *out, double v, char fmt, int prec)
{
    if (isnan(v)) {
        pq_strbuf_puts(out, "NaN");
        return;
    }
    if (isinf(v)) {
        pq_strbuf_puts(out, v > 0 ? "+Inf" : "-Inf");
        return;
    }
    if (signbit(v))
        pq_strbuf_putc(out, '-');
    double av = fabs(v);
    if (fmt == 'f') {
        go_digits g;
        if (prec < 0) {
            shortest_digits(av, &g);
            int p = g.nd - g.dp;
            fmt_f(out, &g, p > 0 ? p : 0);
            return;
        }
        /* glibc's %f is correctly rounded, as Go's is. */
        char *s = NULL;
        int n = asprintf(&s, "%.*f", prec, av);
        if (n >= 0 && s)
            pq_strbuf_append(out, s, (size_t)n);
        else
            out->oom = 1;
        free(s);
        return;
    }
    int shortest = prec < 0;
    go_digits g;
    if (fmt == 'e' || fmt == 'E') {
        if (shortest) {
            shortest_digits(av, &g);
            prec = g.nd > 0 ? g.nd - 1 : 0;
        } else {
            rounded_digits(av, prec + 1, &g);
        }
        fmt_e(out, &g, prec, fmt);
        return;
    }
    /* 'g' / 'G' */
    if (shortest) {
        shortest_digits(av, &g);
    } else {
        if (prec == 0)
            prec = 1;
        rounded_digits(av, prec, &g);
    }
    int eprec = prec;
    if (eprec > g.nd && g.nd >= g.dp)
        eprec = g.nd;
    if (shortest)
        eprec = 6;
    int exp = g.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (shortest || prec > g.nd)
            prec = g.nd;
        fmt_e(out, &g, prec > 0 ? prec - 1 : 0, fmt == 'G' ? 'E' : 'e');
        return;
    }
    if (shortest || prec > g.dp)
        prec = g.nd;
    int fp = prec - g.dp;
    fmt_f(out, &g, fp > 0 ? fp : 0);
}

void pq_gonum_float_v(pq_strbuf *out, double v)
{
    pq_gonum_float(out, v, 'g', -1);
}

void pq_gonum_model_duration(pq_strbuf *out, int64_t ms)
{
    if (ms == 0) {
        pq_strbuf_puts(out, "0s");
        return;
    }
    if (ms < 0) {
        pq_strbuf_putc(out, '-');
        ms = ms == INT64_MIN ? INT64_MAX : -ms;
    }
    static const struct { const char *unit; int64_t mult; int exact; } units[] = {
        {"y", 1000LL * 60 * 60 * 24 * 365, 1}, {"w", 1000LL * 60 * 60 * 24 * 7, 1},
        {"d", 1000LL * 60 * 60 * 24, 0},        {"h", 1000LL * 60 * 60, 0},
        {"m", 1000LL * 60, 0},                  {"s", 1000, 0},
        {"ms", 1, 0},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (units[i].exact && ms % units[i].mult != 0)
            continue;
        int64_t v = ms / units[i].mult;
        if (v > 0) {
            pq_strbuf_printf(out, "%lld%s", (long long)v, units[i].unit);
            ms -= v * units[i].mult;
        }
    }
}

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

int pq_gonum_parse_duration(const char *s, size_t len, int64_t *ms, char *errbuf, size_t errlen)
{
    static const struct { const char *unit; int64_t mult; int pos; } units[] = {
        {"y", 1000LL * 60 * 60 * 24 * 365, 1}, {"w", 1000LL * 60 * 60 * 24 * 7, 2},
        {"d", 1000LL * 60 * 60 * 24, 3},        {"h", 1000LL * 60 * 60, 4},
        {"m", 1000LL * 60, 5},                  {"s", 1000, 6},
        {"ms", 1, 7},
    };
    *ms = 0;
    if (len == 1 && s[0] == '0')
        return 0;
    if (len == 0) {
        snprintf(errbuf, errlen, "empty duration string");
        return -1;
    }
    /* Go's nanosecond limit: about 292 years. */
    const uint64_t max_ms = (uint64_t)INT64_MAX / 1000000ULL;
    uint64_t total = 0;
    int last_pos = 0;
    size_t i = 0;
    while (i < len) {
        if (s[i] < '0' || s[i] > '9')
            goto bad;
        uint64_t v = 0;
        int overflow = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (v > (UINT64_MAX - 9) / 10)
                overflow = 1;
            else
                v = v * 10 + (uint64_t)(s[i] - '0');
            i++;
        }
        if (overflow)
            goto bad;
        size_t u0 = i;
        while (i < len && !(s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i == u0)
            goto bad;
        int found = -1;
        for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
            if (strlen(units[k].unit) == i - u0 && memcmp(units[k].unit, s + u0, i - u0) == 0)
                found = (int)k;
        if (found < 0) {
            snprintf(errbuf, errlen, "unknown unit \"%.*s\" in duration \"%.*s\"", (int)(i - u0), s + u0,
                     (int)len, s);
            return -1;
        }
        if (units[found].pos <= last_pos)
            goto bad;
        last_pos = units[found].pos;
        if (v > max_ms / (uint64_t)units[found].mult) {
            snprintf(errbuf, errlen, "duration out of range");
            return -1;
        }
        total += v * (uint64_t)units[found].mult;
        if (total > max_ms) {
            snprintf(errbuf, errlen, "duration out of range");
            return -1;
        }
    }
    *ms = (int64_t)total;
    return 0;
bad:
    snprintf(errbuf, errlen, "not a valid duration string: \"%.*s\"", (int)len, s);
    return -1;
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
