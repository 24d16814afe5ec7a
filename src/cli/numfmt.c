/*
 * numfmt.c -- Go-compatible float and timestamp formatting for the JSON output and the
 * promqltest messages. The shortest round-trip digits come from C's correctly rounded %.*e at
 * increasing precision, checked by parsing back with strtod; when the nearest n-digit decimal
 * does not round-trip (it can happen next to a power of two, where the rounding interval is
 * lopsided), its neighbour on the other side of the value is tried, as a shortest-digits
 * algorithm would find it.
 */
#include "cli/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse "d.ddde±XX" into digits and the scientific exponent. */
static int split_sci(const char *s, char *digits, int *exp10)
{
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    digits[n] = '\0';
    *exp10 = (*s == 'e') ? atoi(s + 1) : 0;
    return n;
}

static double digits_value(const char *digits, int n, int exp10)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%c.%.*se%d", digits[0], n - 1, digits + 1, exp10);
    return strtod(tmp, NULL);
}

/* Add (+1) or subtract (-1) one unit in the last place of an n-digit string, keeping n digits
 * and adjusting the exponent on carry out of (or borrow into) the first digit. */
static void step_digits(char *digits, int n, int *exp10, int dir)
{
    int i = n - 1;
    if (dir > 0) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i >= 0) {
            digits[i]++;
        } else {
            digits[0] = '1';
            for (int k = 1; k < n; k++)
                digits[k] = '0';
            (*exp10)++;
        }
    } else {
        while (i >= 0 && digits[i] == '0')
            digits[i--] = '9';
        if (i >= 0)
            digits[i]--;
        if (digits[0] == '0') {   /* 1000 - 1 = 0999: shift to 9990 at one lower exponent */
            memmove(digits, digits + 1, (size_t)n - 1);
            digits[n - 1] = '9';
            (*exp10)--;
        }
    }
}

int pq_cli_shortest_digits(double f, char digits[32], int *point)
{
    double a = fabs(f);
    char tmp[64];
    int n = 0, exp10 = 0;
    for (int p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, a);
        n = split_sci(tmp, digits, &exp10);
        double back = strtod(tmp, NULL);
        if (back == a)
            break;
        if (p == 17)
            break;   /* 17 digits always round-trip; not reached */
        char alt[32];
        int alt_exp = exp10;
        memcpy(alt, digits, (size_t)n + 1);
        step_digits(alt, n, &alt_exp, back > a ? -1 : 1);
        if (digits_value(alt, n, alt_exp) == a) {
            memcpy(digits, alt, (size_t)n + 1);
            exp10 = alt_exp;
            break;
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *point = exp10 + 1;
    return n;
}

static size_t special(char *buf, double f)
{
    if (isnan(f))
        return (size_t)sprintf(buf, "NaN");
    if (isinf(f))
        return (size_t)sprintf(buf, f > 0 ? "+Inf" : "-Inf");
    return 0;
}

size_t pq_cli_format_go_float(char *buf, double f, char fmt)
{
    size_t len = special(buf, f);
    if (len)
        return len;
    char *o = buf;
    if (signbit(f))
        *o++ = '-';
    if (f == 0) {
        if (fmt == 'e')
            o += sprintf(o, "0e+00");
        else
            *o++ = '0';
        *o = '\0';
        return (size_t)(o - buf);
    }
    char d[32];
    int point;
    int n = pq_cli_shortest_digits(f, d, &point);
    if (fmt == 'e') {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        int e = point - 1;
        o += sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (point <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -point; i++)
            *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    } else if (point >= n) {
        memcpy(o, d, (size_t)n);
        o += n;
        for (int i = n; i < point; i++)
            *o++ = '0';
    } else {
        memcpy(o, d, (size_t)point);
        o += point;
        *o++ = '.';
        memcpy(o, d + point, (size_t)(n - point));
        o += n - point;
    }
    *o = '\0';
    return (size_t)(o - buf);
}

size_t pq_cli_format_sample_value(char *buf, double f)
{
    double a = fabs(f);
    char fmt = (a != 0 && (a < 1e-6 || a >= 1e21)) ? 'e' : 'f';
    return pq_cli_format_go_float(buf, f, fmt);
}

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

size_t pq_cli_format_json_number(char *buf, double f)
{
    double a = fabs(f);
    char fmt = (a != 0 && (a < 1e-6 || a >= 1e21)) ? 'e' : 'f';
    size_t n = pq_cli_format_go_float(buf, f, fmt);
    if (fmt == 'e' && !isnan(f) && !isinf(f) && n >= 4 && buf[n - 4] == 'e' && buf[n - 3] == '-' &&
        buf[n - 2] == '0') {
        buf[n - 2] = buf[n - 1];
        buf[--n] = '\0';
    }
    return n;
}

size_t pq_cli_format_go_v(char *buf, double f)
{
    size_t len = special(buf, f);
    if (len)
        return len;
    if (f == 0)
        return (size_t)sprintf(buf, signbit(f) ? "-0" : "0");
    char d[32];
    int point;
    pq_cli_shortest_digits(f, d, &point);
    int e = point - 1;
    return pq_cli_format_go_float(buf, f, (e < -4 || e >= 21) ? 'e' : 'f');
}
