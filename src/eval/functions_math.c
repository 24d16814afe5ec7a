/*
 * functions_math.c -- scalar helpers of the instant-vector functions where C and Go differ or
 * where Go's library behaviour must be reproduced: round() with to_nearest, sgn(), the
 * calendar functions (Go's time package in UTC), Go's strconv.ParseFloat syntax for the `le`
 * label, and facette/natsort's natural order for sort_by_label().
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_kernels.h"
#include "util/gotime.h"

double pq_fn_round(double v, double to_nearest)
{
    /* Dividing by the inverse causes fewer representation surprises, as upstream notes. */
    double inv = 1.0 / to_nearest;
    return floor(v * inv + 0.5) / inv;
}

double pq_fn_sgn(double v)
{
    if (v < 0)
        return -1;
    if (v > 0)
        return 1;
    return v; /* 0, -0 and NaN unchanged */
}

/* ---- calendar ---------------------------------------------------------------------------- */

/* Go's time package counts calendar time as unsigned seconds since its "absolute zero", March 1
 * of year -292277022400 (a multiple of 400 years before year 0, so the 400-year cycles line up),
 * wrapping modulo 2^64. Instants before that epoch (int64 seconds down to the minimum, which is
 * what NaN and out-of-range floats become) therefore wrap to the far future: Go says NaN is in
 * year 292277026596, and we must too. */
#define GO_ABSOLUTE_YEARS 292277022400ULL
#define GO_DAYS_PER_400_YEARS 146097ULL
/* 719468 days from 0000-03-01 to 1970-01-01. */
#define GO_UNIX_TO_ABSOLUTE_DAYS (GO_ABSOLUTE_YEARS / 400 * GO_DAYS_PER_400_YEARS + 719468ULL)

/* Days since Go's absolute zero to a proleptic Gregorian civil date (Hinnant's algorithm, with
 * the era count unsigned because the day count is). */
static void civil_from_absolute_days(uint64_t z, int64_t *y, int *m, int *d)
{
    uint64_t era = z / GO_DAYS_PER_400_YEARS;
    int64_t doe = (int64_t)(z - era * GO_DAYS_PER_400_YEARS);
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + (int64_t)(era * 400) - (int64_t)GO_ABSOLUTE_YEARS;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

double pq_fn_date(double unix_seconds, pq_date_field f)
{
    /* Go converts with int64(f): truncation toward zero; NaN and out-of-range values become
     * the minimum int64 on amd64. */
    int64_t s;
    if (isnan(unix_seconds) || unix_seconds >= 9223372036854775808.0 ||
        unix_seconds < -9223372036854775808.0)
        s = INT64_MIN;
    else
        s = (int64_t)unix_seconds;
    uint64_t abs_seconds = (uint64_t)s + GO_UNIX_TO_ABSOLUTE_DAYS * 86400ULL; /* wraps as in Go */
    uint64_t days = abs_seconds / 86400;
    int64_t secs = (int64_t)(abs_seconds % 86400);
    int64_t y;
    int m, d;
    civil_from_absolute_days(days, &y, &m, &d);
    switch (f) {
    case PQ_DATE_DAYS_IN_MONTH:
        return days_in_month(y, m);
    case PQ_DATE_DAY_OF_MONTH:
        return d;
    case PQ_DATE_DAY_OF_WEEK:
        return (double)((days + 3) % 7); /* Go's absolute zero was a Wednesday */
    case PQ_DATE_DAY_OF_YEAR: {
        int yday = d;
        for (int i = 1; i < m; i++)
            yday += days_in_month(y, i);
        return yday;
    }
    case PQ_DATE_HOUR:
        return (double)(secs / 3600);
    case PQ_DATE_MINUTE:
        return (double)(secs % 3600 / 60);
    case PQ_DATE_MONTH:
        return m;
    case PQ_DATE_YEAR:
        return (double)y;
    }
    return NAN;
}

/* ---- Go's strconv.ParseFloat ------------------------------------------------------------- */

bool pq_fn_parse_float(const char *s, double *out)
{
    return pq_go_parse_float(s, strlen(s), out);
}

/* ---- natural sort ------------------------------------------------------------------------ */

typedef struct chunk {
    const char *s;
    size_t len;
    bool digits;
} chunk;

static chunk next_chunk(const char *s)
{
    chunk c = {s, 0, isdigit((unsigned char)*s) != 0};
    while (s[c.len] && (isdigit((unsigned char)s[c.len]) != 0) == c.digits)
        c.len++;
    return c;
}

static size_t count_chunks(const char *s)
{
    size_t n = 0;
    while (*s) {
        chunk c = next_chunk(s);
        s += c.len;
        n++;
    }
    return n;
}

/* strconv.Atoi on a digits-only chunk: fails on int64 overflow. */
static bool chunk_int(chunk c, int64_t *v)
{
    if (!c.digits)
        return false;
    int64_t r = 0;
    for (size_t i = 0; i < c.len; i++) {
        int dg = c.s[i] - '0';
        if (r > (INT64_MAX - dg) / 10)
            return false;
        r = r * 10 + dg;
    }
    *v = r;
    return true;
}

static int chunk_cmp(chunk a, chunk b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    int c = memcmp(a.s, b.s, n);
    if (c)
        return c;
    return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
}

bool pq_natsort_less(const char *a, const char *b)
{
    size_t na = count_chunks(a), nb = count_chunks(b);
    for (size_t i = 0; i < na; i++) {
        if (i >= nb)
            return false;
        chunk ca = next_chunk(a), cb = next_chunk(b);
        a += ca.len;
        b += cb.len;
        int64_t ia, ib;
        if (chunk_int(ca, &ia) && chunk_int(cb, &ib)) {
            if (ia == ib) {
                if (i == na - 1)
                    return true;
                if (i == nb - 1)
                    return false;
                continue;
            }
            return ia < ib;
        }
        int c = chunk_cmp(ca, cb);
        if (c == 0) {
            if (i == na - 1)
                return true;
            if (i == nb - 1)
                return false;
            continue;
        }
        return c < 0;
    }
    return false;
}
