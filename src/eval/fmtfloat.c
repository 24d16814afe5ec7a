/*
 * fmtfloat.c -- Go's float formatting where messages and labels need it: strconv.FormatFloat
 * with the shortest round-tripping digits, in 'g' form (%g and %v of fmt: exponent form when the
 * decimal exponent is < -4 or >= 6) and 'f' form (count_values' label values).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"

/* Shortest decimal digits of |v| (no dot) and the decimal exponent of the first digit. */
static int shortest_digits(double v, char *digits, int *exp10)
{
    char buf[64];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(v));
        if (strtod(buf, NULL) == fabs(v) || p == 17)
            break;
    }
    int nd = 0;
    char *e = strchr(buf, 'e');
    for (char *c = buf; c < e; c++)
        if (*c >= '0' && *c <= '9')
            digits[nd++] = *c;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    *exp10 = atoi(e + 1);
    return nd;
}

static const char *special(double v)
{
    if (isnan(v))
        return "NaN";
    if (isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return NULL;
}

void pq_format_g(char *out, size_t len, double v)
{
    const char *sp = special(v);
    if (sp) {
        snprintf(out, len, "%s", sp);
        return;
    }
    if (v == 0) {
        snprintf(out, len, "%s", signbit(v) ? "-0" : "0");
        return;
    }
    char d[32];
    int x;
    int nd = shortest_digits(v, d, &x);
    const char *sign = v < 0 ? "-" : "";
    if (x < -4 || x >= 6) {
        /* %e with shortest digits: d.ddde±XX */
        snprintf(out, len, "%s%c%s%s%se%c%02d", sign, d[0], nd > 1 ? "." : "", nd > 1 ? d + 1 : "", "",
                 x < 0 ? '-' : '+', abs(x));
        return;
    }
    pq_format_f_digits(out, len, sign, d, nd, x);
}

void pq_format_f_digits(char *out, size_t len, const char *sign, const char *d, int nd, int x)
{
    char buf[400];
    size_t n = 0;
    if (x < 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (int i = 0; i < -x - 1; i++)
            buf[n++] = '0';
        for (int i = 0; i < nd; i++)
            buf[n++] = d[i];
    } else {
        for (int i = 0; i <= x; i++)
            buf[n++] = i < nd ? d[i] : '0';
        if (nd > x + 1) {
            buf[n++] = '.';
            for (int i = x + 1; i < nd; i++)
                buf[n++] = d[i];
        }
    }
    buf[n] = 0;
    snprintf(out, len, "%s%s", sign, buf);
}

void pq_format_f(char *out, size_t len, double v)
{
    const char *sp = special(v);
    if (sp) {
        snprintf(out, len, "%s", sp);
        return;
    }
    if (v == 0) {
        snprintf(out, len, "%s", signbit(v) ? "-0" : "0");
        return;
    }
    char d[32];
    int x;
    int nd = shortest_digits(v, d, &x);
    pq_format_f_digits(out, len, v < 0 ? "-" : "", d, nd, x);
}

char *pq_format_float(pq_eval *ev, double v)
{
    char buf[400];
    pq_format_g(buf, sizeof buf, v);
    return pq_arena_strdup(ev->arena, buf);
}
