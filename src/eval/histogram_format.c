/*
 * histogram_format.c -- text forms of a native histogram: the Prometheus HTTP API JSON object
 * (util/jsonutil MarshalHistogram) and the promqltest series notation
 * (FloatHistogram.TestExpression), with floats printed exactly as Go's strconv does, so our
 * output is byte-identical to Prometheus's.
 */
#include "eval/histogram.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest decimal digits of |v| that read back as v (as Go's strconv with precision -1): digits
 * into dig (no dot, no trailing zeros), returns the count; *dp is the decimal point position
 * (value = 0.d1d2... * 10^dp). For each length the correctly rounded digits are tried first,
 * then their neighbours one unit away (at powers of two the rounding interval is lopsided, and a
 * neighbour can read back when the nearest does not). */
static int shortest_digits(double v, char *dig, int *dp)
{
    char buf[64];
    double a = fabs(v);
    if (a == 0) {
        dig[0] = '0';
        dig[1] = 0;
        *dp = 1;
        return 1;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, a);
        unsigned long long mant = 0;
        const char *q = buf;
        for (; *q && *q != 'e'; q++)
            if (*q >= '0' && *q <= '9')
                mant = mant * 10 + (unsigned long long)(*q - '0');
        int e10 = (*q == 'e' ? atoi(q + 1) : 0) - (p - 1); /* value = mant * 10^e10 */
        bool found = strtod(buf, NULL) == a;
        if (!found && p < 17) {
            for (int d = -1; d <= 1 && !found; d += 2) {
                unsigned long long m2 = mant + (unsigned long long)(long long)d;
                if (m2 == 0)
                    continue;
                snprintf(buf, sizeof buf, "%llue%d", m2, e10);
                if (strtod(buf, NULL) == a) {
                    mant = m2;
                    found = true;
                }
            }
        }
        if (found || p == 17) {
            char m[32];
            int n = snprintf(m, sizeof m, "%llu", mant);
            *dp = e10 + n;
            while (n > 1 && m[n - 1] == '0')
                n--;
            memcpy(dig, m, (size_t)n);
            dig[n] = 0;
            return n;
        }
    }
    return 0; /* not reached */
}

static void put_e(char *out, size_t len, bool neg, const char *dig, int n, int dp)
{
    char m[40];
    size_t k = 0;
    m[k++] = dig[0];
    if (n > 1) {
        m[k++] = '.';
        for (int i = 1; i < n; i++)
            m[k++] = dig[i];
    }
    m[k] = 0;
    int e = dp - 1;
    snprintf(out, len, "%s%se%c%02d", neg ? "-" : "", m, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static void put_f(char *out, size_t len, bool neg, const char *dig, int n, int dp)
{
    size_t k = 0;
    if (len < 2) {
        if (len)
            out[0] = 0;
        return;
    }
#define PUT(c) do { if (k + 1 < len) out[k++] = (c); } while (0)
    if (neg)
        PUT('-');
    if (dp <= 0) {
        PUT('0');
    } else {
        for (int i = 0; i < dp; i++)
            PUT(i < n ? dig[i] : '0');
    }
    if (n > dp) {
        PUT('.');
        for (int i = dp; i < n; i++) {
            if (i < 0)
                PUT('0');
            else
                PUT(dig[i]);
        }
    }
#undef PUT
    out[k] = 0;
}

char *pq_format_go_float(char *buf, size_t len, double v, char fmt)
{
    if (isnan(v)) {
        snprintf(buf, len, "NaN");
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, len, v > 0 ? "+Inf" : "-Inf");
        return buf;
    }
    char dig[32];
    int dp;
    int n = shortest_digits(v, dig, &dp);
    bool neg = signbit(v) != 0;
    if (fmt == 'g') {
        /* Go's %g with shortest digits uses %e when the exponent is < -4 or >= 6. */
        int exp = dp - 1;
        fmt = (v != 0 && (exp < -4 || exp >= 6)) ? 'e' : 'f';
    }
    if (fmt == 'e')
        put_e(buf, len, neg, dig, n, dp);
    else
        put_f(buf, len, neg, dig, n, dp);
    return buf;
}

/* jsonutil.MarshalFloat: 'f' format except for tiny or huge magnitudes, in quotes. */
static void json_float(pq_strbuf *out, double v)
{
    char buf[400];
    double a = fabs(v);
    char fmt = 'f';
    if (a != 0 && (a < 1e-6 || a >= 1e21))
        fmt = 'e';
    pq_strbuf_putc(out, '"');
    pq_strbuf_puts(out, pq_format_go_float(buf, sizeof buf, v, fmt));
    pq_strbuf_putc(out, '"');
}

void pq_hist_format_json(pq_strbuf *out, const promql_histogram *h)
{
    pq_strbuf_puts(out, "{\"count\":");
    json_float(out, h->count);
    pq_strbuf_puts(out, ",\"sum\":");
    json_float(out, h->sum);
    if (pq_hist_validate(h) != PQ_HIST_OK) {
        pq_strbuf_putc(out, '}');
        return;
    }
    bool found = false;
    pq_hist_iter it;
    pq_hist_bucket b;
    pq_hist_iter_init(&it, h, false);
    while (pq_hist_iter_next(&it, &b)) {
        if (b.count == 0)
            continue;
        pq_strbuf_puts(out, found ? "," : ",\"buckets\":[");
        found = true;
        int rule = 2;
        if (b.lower_inclusive)
            rule = b.upper_inclusive ? 3 : 1;
        else if (b.upper_inclusive)
            rule = 0;
        pq_strbuf_printf(out, "[%d,", rule);
        json_float(out, b.lower);
        pq_strbuf_putc(out, ',');
        json_float(out, b.upper);
        pq_strbuf_putc(out, ',');
        json_float(out, b.count);
        pq_strbuf_putc(out, ']');
    }
    if (found)
        pq_strbuf_putc(out, ']');
    pq_strbuf_putc(out, '}');
}

static void put_g(pq_strbuf *out, const char *prefix, double v)
{
    char buf[400];
    pq_strbuf_puts(out, prefix);
    pq_strbuf_puts(out, pq_format_go_float(buf, sizeof buf, v, 'g'));
}

/* One side as "offset:N buckets:[...]" (names given); nothing for an empty side. */
static void test_expr_side(pq_strbuf *out, bool *first, const char *offset_key,
                           const char *buckets_key, const promql_span *spans, size_t nspans,
                           const double *buckets, size_t nbuckets)
{
    if (nspans == 1 && spans[0].offset != 0) {
        pq_strbuf_printf(out, "%s%s:%d", *first ? "" : " ", offset_key, (int)spans[0].offset);
        *first = false;
    }
    if (nbuckets == 0)
        return;
    pq_strbuf_printf(out, "%s%s:[", *first ? "" : " ", buckets_key);
    *first = false;
    for (size_t i = 0; i < nbuckets; i++)
        put_g(out, i ? " " : "", buckets[i]);
    pq_strbuf_putc(out, ']');
}

pq_hist_status pq_hist_format_test_expr(pq_strbuf *out, pq_arena *a, const promql_histogram *h)
{
    promql_histogram c, m;
    pq_hist_status st = pq_hist_copy(a, h, &c);
    if (st != PQ_HIST_OK)
        return st;
    if ((st = pq_hist_compact(a, &c, 1 << 30, &m)) != PQ_HIST_OK)
        return st;
    pq_strbuf_puts(out, "{{");
    bool first = true;
#define SEP() (first ? (first = false, "") : " ")
    if (m.schema != 0)
        pq_strbuf_printf(out, "%sschema:%d", SEP(), (int)m.schema);
    if (m.count != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "count:", m.count);
    }
    if (m.sum != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "sum:", m.sum);
    }
    if (m.zero_count != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "z_bucket:", m.zero_count);
    }
    if (m.zero_threshold != 0) {
        pq_strbuf_puts(out, SEP());
        put_g(out, "z_bucket_w:", m.zero_threshold);
    }
    if (pq_hist_is_custom(&m)) {
        pq_strbuf_printf(out, "%scustom_values:[", SEP());
        for (size_t i = 0; i < m.custom_value_count; i++)
            put_g(out, i ? " " : "", m.custom_values[i]);
        pq_strbuf_putc(out, ']');
    }
    switch (m.counter_reset_hint) {
    case PROMQL_HINT_COUNTER_RESET:
        pq_strbuf_printf(out, "%scounter_reset_hint:reset", SEP());
        break;
    case PROMQL_HINT_NOT_COUNTER_RESET:
        pq_strbuf_printf(out, "%scounter_reset_hint:not_reset", SEP());
        break;
    case PROMQL_HINT_GAUGE:
        pq_strbuf_printf(out, "%scounter_reset_hint:gauge", SEP());
        break;
    default:
        break;
    }
#undef SEP
    test_expr_side(out, &first, "offset", "buckets", m.positive_spans, m.positive_span_count,
                   m.positive_buckets, m.positive_bucket_count);
    test_expr_side(out, &first, "n_offset", "n_buckets", m.negative_spans, m.negative_span_count,
                   m.negative_buckets, m.negative_bucket_count);
    pq_strbuf_puts(out, "}}");
    return PQ_HIST_OK;
}
