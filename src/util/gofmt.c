/*
 * gofmt.c -- Go-compatible quoting, float and duration formatting (see gofmt.h for why).
 */
#include "util/gofmt.h"
#include "util/ftoa.h"

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

/* One rune as strconv writes it inside quote marks q ('"' or '\''); raw/width are its bytes. */
static void quote_rune(pq_strbuf *b, uint32_t r, char q, const char *raw, size_t width)
{
    if (r == (uint32_t)q || r == '\\') {
        pq_strbuf_putc(b, '\\');
        pq_strbuf_putc(b, (char)r);
    } else if (pq_go_is_print(r)) {
        pq_strbuf_append(b, raw, width);
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
}

static void quote_runes(pq_strbuf *b, const char *str, size_t len, size_t max_runes)
{
    const unsigned char *s = (const unsigned char *)str;
    pq_strbuf_putc(b, '"');
    size_t i = 0, runes = 0;
    while (i < len && (max_runes == 0 || runes < max_runes)) {
        size_t width;
        uint32_t r = pq_go_decode_rune(s + i, len - i, &width);
        if (width == 1 && r == RUNE_ERROR)
            put_hex(b, "\\x", s[i], 2);
        else
            quote_rune(b, r, '"', str + i, width);
        i += width;
        runes++;
    }
    pq_strbuf_putc(b, '"');
}

void pq_go_quote(pq_strbuf *b, const char *str, size_t len)
{
    quote_runes(b, str, len, 0);
}

char *pq_go_quote_string(const char *s, size_t len, size_t max_runes)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    quote_runes(&b, s, len, max_runes);
    return pq_strbuf_finish(&b);
}

size_t pq_go_encode_rune(uint32_t r, char out[4])
{
    if (r < 0x80) {
        out[0] = (char)r;
        return 1;
    }
    if (r < 0x800) {
        out[0] = (char)(0xC0 | (r >> 6));
        out[1] = (char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        out[0] = (char)(0xE0 | (r >> 12));
        out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
        out[2] = (char)(0x80 | (r & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (r >> 18));
    out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    out[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

const char *pq_go_quote_rune(int32_t r, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = (int32_t)RUNE_ERROR;   /* utf8.ValidRune, as QuoteRune checks */
    char raw[4];
    size_t width = pq_go_encode_rune((uint32_t)r, raw);
    /* a strbuf over buf that drops what would not fit instead of growing */
    pq_strbuf b = {.data = buf, .len = 0, .cap = n, .limit = n - 1};
    buf[0] = 0;
    pq_strbuf_putc(&b, '\'');
    quote_rune(&b, (uint32_t)r, '\'', raw, width);
    pq_strbuf_putc(&b, '\'');
    if (b.full)
        buf[0] = 0;   /* all or nothing, never a cut escape */
    return buf;
}

/* The decimal digits of a float: value = 0.d[0]d[1]... * 10^dp; nd == 0 for zero. */
typedef pq_ftoa_digits go_digits;

/* Read "d[.ddd]e[+-]XX" (as %e writes it, no sign) into g, trailing zeros dropped. */
static void digits_from_e(const char *buf, go_digits *g)
{
    g->nd = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && g->nd < (int)sizeof g->d - 1)
            g->d[g->nd++] = *p;
    g->dp = (*p == 'e' ? atoi(p + 1) : 0) + 1;
    while (g->nd > 0 && g->d[g->nd - 1] == '0')
        g->nd--;
    if (g->nd == 0)
        g->dp = 0;
    g->d[g->nd] = 0;
}

/* %.{p-1}e of a (positive, finite) into buf, derived from its correctly rounded 17-digit form
 * d17 (digits only, decimal exponent e17): rounding those 17 digits to p gives the digits of
 * rounding the exact value, except when the dropped digits are exactly 5000...: then printf. */
static void format_p(double a, const char *d17, int e17, int p, char *buf, size_t len)
{
    char d[18];
    memcpy(d, d17, 17);
    int e = e17;
    if (p < 17) {
        bool up;
        if (d[p] != '5') {
            up = d[p] > '5';
        } else {
            bool rest = false;
            for (int i = p + 1; i < 17; i++)
                rest |= d[i] != '0';
            if (!rest) {
                snprintf(buf, len, "%.*e", p - 1, a);
                return;
            }
            up = true;
        }
        if (up) {
            int i = p - 1;
            while (i >= 0 && d[i] == '9')
                d[i--] = '0';
            if (i >= 0) {
                d[i]++;
            } else {
                d[0] = '1'; /* 99..9 -> 100..0, one more decade */
                e++;
            }
        }
    }
    size_t n = 0;
    buf[n++] = d[0];
    if (p > 1) {
        buf[n++] = '.';
        memcpy(buf + n, d + 1, (size_t)p - 1);
        n += (size_t)p - 1;
    }
    snprintf(buf + n, len - n, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

/* Shortest digits of a (finite, positive, not a power of two) by bisection over the digit count:
 * with v's neighbours equally far, a p+1-digit rounding is at least as close to v as the p-digit
 * one, so once a count reads back every larger one does. One printf (17 digits) and a few strtod
 * instead of up to 17 of each; integers below 1e15 (gap under 1) are their own digits. */
static void shortest_digits_bisect(double a, go_digits *g)
{
    char buf[40];
    if (a < 1e15 && a == floor(a)) {
        snprintf(buf, sizeof buf, "%.0f", a);
        int len = (int)strlen(buf), nd = len;
        while (nd > 1 && buf[nd - 1] == '0')
            nd--;
        memcpy(g->d, buf, (size_t)nd);
        g->d[nd] = 0;
        g->nd = nd;
        g->dp = len;
        return;
    }
    char s17[40], d17[18];
    snprintf(s17, sizeof s17, "%.16e", a);
    d17[0] = s17[0];
    memcpy(d17 + 1, s17 + 2, 16);
    d17[17] = 0;
    int e17 = atoi(s17 + 19);
    int lo = 1, hi = 17; /* 17 digits always read back */
    /* Most values need 16 or 17 digits: settle those with one or two checks. */
    format_p(a, d17, e17, 16, buf, sizeof buf);
    if (strtod(buf, NULL) != a) {
        lo = 17;
    } else {
        format_p(a, d17, e17, 15, buf, sizeof buf);
        if (strtod(buf, NULL) == a)
            hi = 15;
        else
            lo = hi = 16;
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        format_p(a, d17, e17, mid, buf, sizeof buf);
        if (strtod(buf, NULL) == a)
            hi = mid;
        else
            lo = mid + 1;
    }
    format_p(a, d17, e17, hi, buf, sizeof buf);
    digits_from_e(buf, g);
}

/* The shortest digits of |v| (finite) that read back as v, as Go's shortest formatting finds
 * them: exactly Go's algorithm in integer arithmetic (ftoa.c) for ordinary magnitudes; else
 * C's correctly rounded %.*e at growing precision, checked with strtod. */
static void shortest_digits(double v, go_digits *g)
{
    if (pq_ftoa_shortest(v, g))
        return;
    double a = fabs(v);
    char buf[40];
    if (a == 0) {
        g->nd = g->dp = 0;
        g->d[0] = 0;
        return;
    }
    /* At a power of two the values that read back as v reach twice as far above v as below
     * it, so the nearest N-digit decimal may miss while the next one up still reads back. */
    int exp2;
    bool power_of_two = frexp(a, &exp2) == 0.5;
    if (!power_of_two) {
        shortest_digits_bisect(a, g);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, a);
        if (prec == 17 || strtod(buf, NULL) == a)
            break;
        if (power_of_two && strtod(buf, NULL) < a) {
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
                if (strtod(up, NULL) == a) {
                    memcpy(buf, up, sizeof buf);
                    break;
                }
            }
        }
    }
    digits_from_e(buf, g);
}

int pq_go_shortest_digits(double v, char digits[32], int *decpt)
{
    go_digits g;
    shortest_digits(v, &g);
    memcpy(digits, g.d, (size_t)g.nd + 1);
    *decpt = g.dp;
    return g.nd;
}

/* |v| correctly rounded to n significant digits (1..30). */
static void rounded_digits(double v, int n, go_digits *g)
{
    char buf[64];
    if (n < 1)
        n = 1;
    if (n > 30)
        n = 30;
    snprintf(buf, sizeof buf, "%.*e", n - 1, fabs(v));
    digits_from_e(buf, g);
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

/* %e layout: first digit, prec digits after the point, exponent of at least two digits. */
static void layout_exp(pq_strbuf *b, const go_digits *g, int prec, char e)
{
    pq_strbuf_putc(b, g->nd > 0 ? g->d[0] : '0');
    if (prec > 0) {
        pq_strbuf_putc(b, '.');
        int have = g->nd - 1 < prec ? (g->nd > 1 ? g->nd - 1 : 0) : prec;
        pq_strbuf_append(b, g->d + 1, (size_t)have);
        put_zeros(b, prec - have);
    }
    int exp = g->nd == 0 ? 0 : g->dp - 1;
    pq_strbuf_printf(b, "%c%c%02d", e, exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

/* %f layout: the integer digits (at least "0"), then prec digits after the point. */
static void layout_fixed(pq_strbuf *b, const go_digits *g, int prec)
{
    if (g->dp > 0) {
        int have = g->nd < g->dp ? g->nd : g->dp;
        pq_strbuf_append(b, g->d, (size_t)have);
        put_zeros(b, g->dp - have);
    } else {
        pq_strbuf_putc(b, '0');
    }
    if (prec > 0) {
        pq_strbuf_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            int j = g->dp + i;
            pq_strbuf_putc(b, (j < 0 || j >= g->nd) ? '0' : g->d[j]);
        }
    }
}

void pq_go_format_float_prec(pq_strbuf *b, double v, char fmt, int prec)
{
    if (isnan(v)) {
        pq_strbuf_puts(b, "NaN");
        return;
    }
    if (isinf(v)) {
        pq_strbuf_puts(b, v > 0 ? "+Inf" : "-Inf");
        return;
    }
    if (signbit(v))
        pq_strbuf_putc(b, '-');
    bool shortest = prec < 0;
    go_digits g;
    if (fmt == 'f') {
        if (shortest) {
            shortest_digits(v, &g);
            layout_fixed(b, &g, g.nd > g.dp ? g.nd - g.dp : 0);
        } else {
            pq_strbuf_printf(b, "%.*f", prec, fabs(v));   /* glibc rounds correctly, as Go does */
        }
        return;
    }
    if (fmt == 'e' || fmt == 'E') {
        if (shortest) {
            shortest_digits(v, &g);
            prec = g.nd > 0 ? g.nd - 1 : 0;
        } else {
            rounded_digits(v, prec + 1, &g);
        }
        layout_exp(b, &g, prec, fmt);
        return;
    }
    /* 'g' / 'G' */
    if (shortest) {
        shortest_digits(v, &g);
    } else {
        if (prec == 0)
            prec = 1;
        rounded_digits(v, prec, &g);
    }
    int eprec = prec;
    if (eprec > g.nd && g.nd >= g.dp)
        eprec = g.nd;
    if (shortest)
        eprec = 6;   /* with the shortest digits Go switches to the exponent form past 6 */
    int exp = g.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (shortest || prec > g.nd)
            prec = g.nd;
        layout_exp(b, &g, prec > 0 ? prec - 1 : 0, fmt == 'G' ? 'E' : 'e');
        return;
    }
    if (shortest || prec > g.dp)
        prec = g.nd;
    layout_fixed(b, &g, prec > g.dp ? prec - g.dp : 0);
}

void pq_go_format_float(pq_strbuf *b, double v, char fmt)
{
    pq_go_format_float_prec(b, v, fmt == 'e' || fmt == 'g' ? fmt : 'f', -1);
}

size_t pq_go_format_float_buf(char *buf, size_t len, double v, char fmt)
{
    if (len == 0)
        return 0;
    /* A strbuf over the caller's array: with limit = len - 1 it drops whatever would not fit
     * (the shortest forms fit PQ_GO_FLOAT_MAX) instead of growing, so it never reallocates. */
    pq_strbuf b = {.data = buf, .len = 0, .cap = len, .limit = len - 1};
    buf[0] = 0;
    pq_go_format_float(&b, v, fmt);
    return b.len;
}

/* Both JSON float forms switch to the exponent form for tiny and huge magnitudes. */
static char json_fmt(double v)
{
    double a = fabs(v);
    return (a != 0 && (a < 1e-6 || a >= 1e21)) ? 'e' : 'f';
}

size_t pq_go_format_sample_value(char *buf, size_t len, double v)
{
    return pq_go_format_float_buf(buf, len, v, json_fmt(v));
}

size_t pq_go_format_json_float(char *buf, size_t len, double v)
{
    char fmt = json_fmt(v);
    size_t n = pq_go_format_float_buf(buf, len, v, fmt);
    /* "e-07" becomes "e-7", as encoding/json does (positive exponents keep their form) */
    if (fmt == 'e' && isfinite(v) && n >= 4 && buf[n - 4] == 'e' && buf[n - 3] == '-' && buf[n - 2] == '0') {
        buf[n - 2] = buf[n - 1];
        buf[--n] = '\0';
    }
    return n;
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
