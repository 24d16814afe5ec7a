/*
 * gofmt.c -- Go-compatible quoting, float and duration formatting (see gofmt.h for why).
 */
#include "util/gofmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUNE_ERROR 0xFFFDu

uint32_t pq_go_decode_rune(const unsigned char *s, size_t len, size_t *width)
{
    unsigned c = s[0];
    *width = 1;
    if (c < 0x80)
        return c;
    size_t need;
    uint32_t r;
    unsigned lo = 0x80, hi = 0xBF;   /* accepted range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        r = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        r = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;          /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        r = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;          /* nothing past U+10FFFF */
    } else {
        return RUNE_ERROR;
    }
    if (len < need)
        return RUNE_ERROR;
    if (s[1] < lo || s[1] > hi)
        return RUNE_ERROR;
    r = (r << 6) | (s[1] & 0x3F);
    for (size_t i = 2; i < need; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return RUNE_ERROR;
        r = (r << 6) | (s[i] & 0x3F);
    }
    *width = need;
    return r;
}

static const char hex_digits[] = "0123456789abcdef";

static void put_hex(pq_strbuf *b, const char *prefix, uint32_t v, int digits)
{
    char buf[12];
    size_t n = 0;
    for (const char *p = prefix; *p; p++)
        buf[n++] = *p;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        buf[n++] = hex_digits[(v >> shift) & 0xF];
    pq_strbuf_append(b, buf, n);
}

void pq_go_quote(pq_strbuf *b, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    pq_strbuf_putc(b, '"');
    size_t i = 0;
    while (i < len) {
        size_t width;
        uint32_t r = pq_go_decode_rune(s + i, len - i, &width);
        if (width == 1 && r == RUNE_ERROR) {
            put_hex(b, "\\x", s[i], 2);
            i++;
            continue;
        }
        if (r == '"' || r == '\\') {
            pq_strbuf_putc(b, '\\');
            pq_strbuf_putc(b, (char)r);
        } else if (pq_go_is_print(r)) {
            pq_strbuf_append(b, str + i, width);
        } else {
            switch (r) {
            case '\a': pq_strbuf_puts(b, "\\a"); break;
            case '\b': pq_strbuf_puts(b, "\\b"); break;
            case '\f': pq_strbuf_puts(b, "\\f"); break;
            case '\n': pq_strbuf_puts(b, "\\n"); break;
            case '\r': pq_strbuf_puts(b, "\\r"); break;
            case '\t': pq_strbuf_puts(b, "\\t"); break;
            case '\v': pq_strbuf_puts(b, "\\v"); break;
            default:
                if (r < ' ' || r == 0x7F)
                    put_hex(b, "\\x", r, 2);
                else if (r < 0x10000)
                    put_hex(b, "\\u", r, 4);
                else
                    put_hex(b, "\\U", r, 8);
            }
        }
        i += width;
    }
    pq_strbuf_putc(b, '"');
}

/* The shortest decimal digits of a finite v > 0 that read back as v: digits (no dot, no
 * trailing zeros) and the decimal point position (value = 0.DIGITS * 10^decpt). */
static void shortest_digits(double v, char *digits, int *ndigits, int *decpt)
{
    char buf[40];
    /* At a power of two the values that read back as v reach twice as far above v as below
     * it, so the nearest N-digit decimal may miss while the next one up still reads back. */
    int exp2;
    bool power_of_two = frexp(v, &exp2) == 0.5;
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (prec == 17 || strtod(buf, NULL) == v)
            break;
        if (power_of_two && strtod(buf, NULL) < v) {
            char up[40];
            memcpy(up, buf, sizeof up);
            char *e = strchr(up, 'e');
            char *p = e - 1;   /* last digit; add one with carry */
            while (p >= up && (*p == '9' || *p == '.')) {
                if (*p == '9')
                    *p = '0';
                p--;
            }
            if (p >= up) {
                (*p)++;
                if (strtod(up, NULL) == v) {
                    memcpy(buf, up, sizeof buf);
                    break;
                }
            }
        }
    }
    /* buf is "d[.ddd]e[+-]XX" */
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    int exp = (*p == 'e') ? atoi(p + 1) : 0;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    *ndigits = n;
    *decpt = exp + 1;
}

static void put_zeros(pq_strbuf *b, int n)
{
    static const char zeros[] = "0000000000000000000000000000000000000000";
    while (n > 0) {
        int k = n < (int)(sizeof zeros - 1) ? n : (int)(sizeof zeros - 1);
        pq_strbuf_append(b, zeros, (size_t)k);
        n -= k;
    }
}

static void format_fixed(pq_strbuf *b, const char *d, int nd, int decpt)
{
    if (decpt <= 0) {
        pq_strbuf_puts(b, "0.");
        put_zeros(b, -decpt);
        pq_strbuf_append(b, d, (size_t)nd);
        return;
    }
    if (nd <= decpt) {
        pq_strbuf_append(b, d, (size_t)nd);
        put_zeros(b, decpt - nd);
        return;
    }
    pq_strbuf_append(b, d, (size_t)decpt);
    pq_strbuf_putc(b, '.');
    pq_strbuf_append(b, d + decpt, (size_t)(nd - decpt));
}

static void format_exp(pq_strbuf *b, const char *d, int nd, int decpt)
{
    pq_strbuf_putc(b, d[0]);
    if (nd > 1) {
        pq_strbuf_putc(b, '.');
        pq_strbuf_append(b, d + 1, (size_t)(nd - 1));
    }
    int exp = decpt - 1;
    /* Go writes at least two exponent digits */
    pq_strbuf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

void pq_go_format_float(pq_strbuf *b, double v, char fmt)
{
    if (isnan(v)) {
        pq_strbuf_puts(b, "NaN");
        return;
    }
    if (isinf(v)) {
        pq_strbuf_puts(b, v > 0 ? "+Inf" : "-Inf");
        return;
    }
    if (signbit(v)) {
        pq_strbuf_putc(b, '-');
        v = -v;
    }
    char digits[40];
    int nd, decpt;
    if (v == 0) {
        /* Go represents zero with no digits: "0" in 'f' and 'g', "0e+00" in 'e' */
        pq_strbuf_puts(b, fmt == 'e' ? "0e+00" : "0");
        return;
    }
    shortest_digits(v, digits, &nd, &decpt);
    switch (fmt) {
    case 'e':
        format_exp(b, digits, nd, decpt);
        break;
    case 'g': {
        int exp = decpt - 1;
        /* with the shortest precision Go switches to the exponent form past 6 digits */
        if (exp < -4 || exp >= 6)
            format_exp(b, digits, nd, decpt);
        else
            format_fixed(b, digits, nd, decpt);
        break;
    }
    default:
        format_fixed(b, digits, nd, decpt);
    }
}

void pq_go_format_duration_ms(pq_strbuf *b, int64_t ms)
{
    if (ms == 0) {
        pq_strbuf_puts(b, "0s");
        return;
    }
    uint64_t u;
    if (ms < 0) {
        pq_strbuf_putc(b, '-');
        u = (uint64_t)0 - (uint64_t)ms;
    } else {
        u = (uint64_t)ms;
    }
    static const struct {
        const char *unit;
        uint64_t mult;
        bool exact;   /* years and weeks only when nothing smaller remains: "90d", not "12w6d" */
    } units[] = {
        {"y", 1000ull * 60 * 60 * 24 * 365, true},
        {"w", 1000ull * 60 * 60 * 24 * 7, true},
        {"d", 1000ull * 60 * 60 * 24, false},
        {"h", 1000ull * 60 * 60, false},
        {"m", 1000ull * 60, false},
        {"s", 1000ull, false},
        {"ms", 1ull, false},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (units[i].exact && u % units[i].mult != 0)
            continue;
        uint64_t v = u / units[i].mult;
        if (v > 0) {
            pq_strbuf_printf(b, "%llu%s", (unsigned long long)v, units[i].unit);
            u -= v * units[i].mult;
        }
    }
}

bool pq_is_legacy_label_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}
