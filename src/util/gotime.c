/*
 * gotime.c -- Go/Prometheus parsing of durations, floats and timestamps (see gotime.h for why
 * they live together). Parsing is by hand over a length; strtod only sees text already checked
 * to be a float Go's ParseFloat accepts.
 */
#include "util/gotime.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/gofmt.h"
#include "util/strbuf.h"

/* err = prefix + %q(a) [+ middle + %q(b)]: Go's quoting, so odd bytes show as Go shows them. */
static int duration_error(char *err, size_t errlen, const char *prefix, const char *a, size_t alen,
                          const char *middle, const char *b, size_t blen)
{
    if (errlen == 0)
        return -1;
    pq_strbuf q;
    pq_strbuf_init(&q);
    pq_strbuf_puts(&q, prefix);
    pq_go_quote(&q, a, alen);
    if (middle) {
        pq_strbuf_puts(&q, middle);
        pq_go_quote(&q, b, blen);
    }
    snprintf(err, errlen, "%.*s", q.oom ? 0 : (int)q.len, q.data ? q.data : "");
    pq_strbuf_free(&q);
    return -1;
}

static int plain_error(char *err, size_t errlen, const char *msg)
{
    if (errlen)
        snprintf(err, errlen, "%s", msg);
    return -1;
}

int pq_go_parse_duration(const char *s, size_t len, int64_t *ms, char *err, size_t errlen)
{
    static const struct { const char *name; uint64_t ms; int pos; } units[] = {
        {"y", 365ULL * 24 * 3600 * 1000, 1}, {"w", 7ULL * 24 * 3600 * 1000, 2},
        {"d", 24ULL * 3600 * 1000, 3},       {"h", 3600ULL * 1000, 4},
        {"m", 60ULL * 1000, 5},              {"s", 1000, 6},
        {"ms", 1, 7},
    };
    if (len == 1 && s[0] == '0') {
        *ms = 0;
        return 0;
    }
    if (len == 0)
        return plain_error(err, errlen, "empty duration string");
    uint64_t total = 0;   /* milliseconds */
    int last_pos = 0;
    size_t i = 0;
    while (i < len) {
        if (!isdigit((unsigned char)s[i]))
            goto invalid;
        uint64_t v = 0;
        bool overflow = false;
        for (; i < len && isdigit((unsigned char)s[i]); i++) {
            unsigned dgt = (unsigned)(s[i] - '0');
            if (v > (UINT64_MAX - dgt) / 10)
                overflow = true;
            else
                v = v * 10 + dgt;
        }
        if (overflow)
            goto invalid;
        size_t u0 = i;
        while (i < len && !isdigit((unsigned char)s[i]))
            i++;
        if (i == u0)
            goto invalid;
        int found = -1;
        for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
            if (strlen(units[k].name) == i - u0 && memcmp(units[k].name, s + u0, i - u0) == 0)
                found = (int)k;
        if (found < 0)
            return duration_error(err, errlen, "unknown unit ", s + u0, i - u0, " in duration ", s, len);
        if (units[found].pos <= last_pos)
            goto invalid;
        last_pos = units[found].pos;
        /* time.Duration is int64 nanoseconds: the same bounds as Go's, in milliseconds */
        uint64_t unit_ns = units[found].ms * 1000000ULL;
        if (v > (1ULL << 63) / unit_ns)
            return plain_error(err, errlen, "duration out of range");
        total += v * units[found].ms;
        if (total > (uint64_t)INT64_MAX / 1000000ULL)
            return plain_error(err, errlen, "duration out of range");
    }
    *ms = (int64_t)total;
    return 0;
invalid:
    return duration_error(err, errlen, "not a valid duration string: ", s, len, NULL, NULL, 0);
}

static bool ci_equal(const char *s, size_t len, const char *word)
{
    if (strlen(word) != len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return false;
    return true;
}

/* strconv's underscoreOK: an underscore only between digits, or between a base prefix and a
 * digit ("1_000", "0x_1p0"; not "_1", "1_", "1_.5", "1e_1"). */
static bool underscores_ok(const char *s, size_t len)
{
    size_t i = 0;
    char saw = '^';
    if (len > 0 && (s[0] == '+' || s[0] == '-'))
        i = 1;
    bool hex = false;
    if (len - i >= 2 && s[i] == '0' && strchr("bBoOxX", s[i + 1])) {
        hex = s[i + 1] == 'x' || s[i + 1] == 'X';
        i += 2;
        saw = '0';
    }
    for (; i < len; i++) {
        if (isdigit((unsigned char)s[i]) || (hex && isxdigit((unsigned char)s[i])))
            saw = '0';
        else if (s[i] == '_') {
            if (saw != '0')
                return false;
            saw = '_';
        } else if (saw == '_')
            return false;
        else
            saw = '!';
    }
    return saw != '_';
}

int pq_go_parse_float_ex(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int sign = 1;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        i = 1;
    }
    /* strconv's special(): Inf/Infinity in any case with an optional sign, NaN without one */
    if (ci_equal(s + i, len - i, "inf") || ci_equal(s + i, len - i, "infinity")) {
        *out = sign * INFINITY;
        return 0;
    }
    if (ci_equal(s, len, "nan")) {
        *out = NAN;
        return 0;
    }
    /* readFloat's syntax, checked here because strtod is laxer (leading spaces, hex without
     * an exponent, nan(...)) and stricter (Go skips digit-separating underscores) */
    bool hex = i + 2 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
    size_t j = hex ? i + 2 : i, digits = 0;
    bool dot = false, underscores = false;
    for (; j < len; j++) {
        if (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]))
            digits++;
        else if (s[j] == '_')
            underscores = true;
        else if (s[j] == '.' && !dot)
            dot = true;
        else
            break;
    }
    if (digits == 0)
        return -1;
    if (j < len && (hex ? (s[j] == 'p' || s[j] == 'P') : (s[j] == 'e' || s[j] == 'E'))) {
        j++;
        if (j < len && (s[j] == '+' || s[j] == '-'))
            j++;
        if (j >= len || !isdigit((unsigned char)s[j]))
            return -1;
        for (; j < len && (isdigit((unsigned char)s[j]) || s[j] == '_'); j++)
            underscores |= s[j] == '_';
    } else if (hex)
        return -1; /* a hex float needs a 'p' exponent */
    if (j != len || (underscores && !underscores_ok(s, len)))
        return -1;
    char small[128], *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf)
        return -1;
    size_t n = 0;
    for (size_t k = 0; k < len; k++)
        if (s[k] != '_')
            buf[n++] = s[k];
    buf[n] = '\0';
    errno = 0;
    char *end;
    double v = strtod(buf, &end);
    bool whole = end == buf + n;
    if (buf != small)
        free(buf);
    if (!whole)
        return -1;
    if (errno == ERANGE && isinf(v))
        return -2; /* Go reports ErrRange on overflow (not on underflow) */
    *out = v;
    return 0;
}

bool pq_go_parse_float(const char *s, size_t len, double *out)
{
    return pq_go_parse_float_ex(s, len, out) == 0;
}

int64_t pq_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int pq_go_parse_rfc3339_ms(const char *s, size_t len, int64_t *ms)
{
    int Y, M, D, h, mi, sec;
    if (len < 20 || digits(s, 4, &Y) || s[4] != '-' || digits(s + 5, 2, &M) || s[7] != '-' ||
        digits(s + 8, 2, &D) || s[10] != 'T' || digits(s + 11, 2, &h) || s[13] != ':' ||
        digits(s + 14, 2, &mi) || s[16] != ':' || digits(s + 17, 2, &sec))
        return -1;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
    if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1] || (M == 2 && D == 29 && !leap) || h > 23 ||
        mi > 59 || sec > 59)
        return -1;
    size_t i = 19;
    int64_t frac_ms = 0;
    if (i < len && (s[i] == '.' || s[i] == ',')) {
        i++;
        size_t f0 = i;
        int scale = 100;
        while (i < len && isdigit((unsigned char)s[i])) {
            frac_ms += (s[i] - '0') * scale;   /* truncated to the millisecond, as FromTime */
            scale /= 10;
            i++;
        }
        if (i == f0 || i - f0 > 9)
            return -1;
    }
    int64_t zone = 0;
    if (i < len && s[i] == 'Z') {
        i++;
    } else if (i < len && (s[i] == '+' || s[i] == '-')) {
        int zh, zm;
        if (len - i != 6 || digits(s + i + 1, 2, &zh) || s[i + 3] != ':' || digits(s + i + 4, 2, &zm) ||
            zh > 23 || zm > 59)
            return -1;
        zone = (s[i] == '-' ? -1 : 1) * (int64_t)(zh * 3600 + zm * 60);
        i += 6;
    } else {
        return -1;
    }
    if (i != len)
        return -1;
    int64_t secs = pq_days_from_civil(Y, (unsigned)M, (unsigned)D) * 86400 + h * 3600 + mi * 60 + sec - zone;
    *ms = secs * 1000 + frac_ms;
    return 0;
}

int pq_go_parse_promtool_time(const char *s, size_t len, int64_t *ms)
{
    double t;
    if (pq_go_parse_float(s, len, &t)) {
        /* time.Unix(int64(sec), int64(frac*1e9)); Go's conversion of NaN or a huge float is
         * machine-dependent, so those are refused rather than guessed */
        if (!isfinite(t) || fabs(t) > 9.2e15)
            return -1;
        double ip;
        double frac = modf(t, &ip);
        int64_t ns = (int64_t)(frac * 1e9);
        /* FromTime floors: time.Unix normalises a negative fraction into the second below */
        int64_t frac_ms = ns >= 0 ? ns / 1000000 : -((-ns + 999999) / 1000000);
        *ms = (int64_t)ip * 1000 + frac_ms;
        return 0;
    }
    return pq_go_parse_rfc3339_ms(s, len, ms);
}
