/*
 * fuzz_histogram.c -- libFuzzer target for the native histogram math (src/eval/histogram*.c).
 *
 * The input bytes describe two histograms. Well-formed ones (small integer counts, so float
 * sums are exact) must keep their mass through every operation:
 *   count(a+b) == count(a)+count(b), count((a+b)-b) == count(a), the bucket counts plus the zero
 *   count of a+b equal those of a and b together, schema reduction keeps count and bucket mass,
 *   a+b equals b+a after compaction, a histogram is no counter reset of itself.
 * The same bytes are then read as a raw, possibly malformed struct (arbitrary spans, offsets and
 * bucket counts) that every function must reject or handle without crashing.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/histogram.h"

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static uint8_t byte(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

/* A failed property aborts (libFuzzer reports it), naming the line first. */
static void check_at(int ok, int line)
{
    if (!ok) {
        fprintf(stderr, "fuzz_histogram: property failed at line %d\n", line);
        abort();
    }
}
#define check(ok) check_at((ok), __LINE__)

static const double thresholds[] = {0, 0, 0.001, 0.1, 0.3, 0.5, 1, 3};

/* Zero thresholds of well-formed histograms are bucket bounds in every schema. With a threshold
 * inside a low-resolution bucket, upstream's Add counts the other histogram's buckets below the
 * threshold twice (in the zero bucket and in the reduced straddling bucket), and so do we; the
 * mass property holds only for thresholds at common bounds. */
static const double common_thresholds[] = {0, 0, 1.0 / 65536, 1};

/* A well-formed histogram (schema given), with counts consistent with its buckets. */
static int build(pq_arena *a, reader *r, int32_t schema, const double *cv, size_t ncv,
                 promql_histogram *out)
{
    promql_histogram h;
    memset(&h, 0, sizeof h);
    h.schema = schema;
    h.counter_reset_hint = (promql_counter_reset_hint)(byte(r) % 4);
    bool custom = schema == PQ_HIST_SCHEMA_CUSTOM;
    double total = 0;
    for (int side = 0; side < (custom ? 1 : 2); side++) {
        size_t nspans = byte(r) % 4;
        promql_span *sp = pq_arena_calloc(a, nspans ? nspans : 1, sizeof *sp);
        double *b = pq_arena_calloc(a, 4 * 6, sizeof *b);
        if (!sp || !b)
            return -1;
        size_t nb = 0;
        int64_t idx = 0;
        for (size_t i = 0; i < nspans; i++) {
            int off = i == 0 ? (custom ? byte(r) % 4 : (int)(byte(r) % 24) - 12) : byte(r) % 5;
            int len = byte(r) % 6;
            if (custom && idx + off + len > (int64_t)ncv + 1)
                len = 0, off = 0;
            sp[i].offset = off;
            sp[i].length = (uint32_t)len;
            idx += off + len;
            for (int k = 0; k < len; k++) {
                b[nb] = byte(r) % 8;
                total += b[nb];
                nb++;
            }
        }
        if (side == 0) {
            h.positive_spans = sp;
            h.positive_span_count = nspans;
            h.positive_buckets = b;
            h.positive_bucket_count = nb;
        } else {
            h.negative_spans = sp;
            h.negative_span_count = nspans;
            h.negative_buckets = b;
            h.negative_bucket_count = nb;
        }
    }
    if (custom) {
        h.custom_values = cv;
        h.custom_value_count = ncv;
    } else {
        h.zero_count = byte(r) % 4;
        total += h.zero_count;
    }
    h.count = total;
    h.sum = (double)(int)(byte(r) % 64) - 32;
    check(pq_hist_validate(&h) == PQ_HIST_OK);
    if (!custom) {
        /* Fold buckets below the threshold into the zero bucket, as a real histogram has it. */
        double zt = common_thresholds[byte(r) % 4];
        if (pq_hist_widen_zero_bucket(a, &h, zt, &h) != PQ_HIST_OK)
            return -1;
    }
    *out = h;
    return 0;
}

/* Bucket counts plus the zero count. */
static double mass(const promql_histogram *h)
{
    double m = pq_hist_is_custom(h) ? 0 : h->zero_count;
    for (size_t i = 0; i < h->positive_bucket_count; i++)
        m += h->positive_buckets[i];
    for (size_t i = 0; i < h->negative_bucket_count; i++)
        m += h->negative_buckets[i];
    return m;
}

static void exercise_readers(pq_arena *a, const promql_histogram *h)
{
    unsigned fl = 0;
    (void)pq_hist_quantile(0.5, h, &fl);
    (void)pq_hist_quantile(0.01, h, &fl);
    (void)pq_hist_quantile(0.99, h, &fl);
    (void)pq_hist_fraction(-1, 1.5, h, &fl);
    (void)pq_hist_fraction(-INFINITY, 0.2, h, &fl);
    (void)pq_hist_stddev(h);
    (void)pq_hist_has_overflow(h);
    promql_histogram t;
    (void)pq_hist_trim(a, h, 0.7, true, &t);
    (void)pq_hist_trim(a, h, -0.7, false, &t);
    pq_strbuf sb;
    pq_strbuf_init(&sb);
    pq_hist_format_json(&sb, h);
    (void)pq_hist_format_test_expr(&sb, a, h);
    pq_strbuf_free(&sb);
}

static void well_formed(pq_arena *a, reader *r)
{
    uint8_t mode = byte(r);
    bool custom = mode & 1;
    double cv1[8], cv2[8];
    size_t n1 = 0, n2 = 0;
    int32_t s1 = PQ_HIST_SCHEMA_CUSTOM, s2 = PQ_HIST_SCHEMA_CUSTOM;
    if (custom) {
        /* Bounds drawn from a common grid, so the two sets overlap partly. */
        double v = -2;
        n1 = byte(r) % 8;
        for (size_t i = 0; i < n1; i++)
            cv1[i] = (v += 1 + byte(r) % 2);
        v = -2;
        n2 = byte(r) % 8;
        for (size_t i = 0; i < n2; i++)
            cv2[i] = (v += 1 + byte(r) % 2);
        if (mode & 2) {
            memcpy(cv2, cv1, sizeof cv1);
            n2 = n1;
        }
    } else {
        s1 = (int32_t)(byte(r) % 13) - 4;
        s2 = (int32_t)(byte(r) % 13) - 4;
    }
    promql_histogram x, y, s, d, s2h;
    if (build(a, r, s1, cv1, n1, &x) || build(a, r, s2, cv2, n2, &y))
        return;
    exercise_readers(a, &x);
    check(!pq_hist_detect_reset(&x, &x) || x.counter_reset_hint == PROMQL_HINT_COUNTER_RESET);

    unsigned fl = 0;
    if (pq_hist_add(a, &x, &y, &s, &fl) != PQ_HIST_OK)
        return;
    check(pq_hist_validate(&s) == PQ_HIST_OK);
    check(s.count == x.count + y.count);
    check(mass(&s) == mass(&x) + mass(&y));
    check(s.schema == (s1 < s2 ? s1 : s2));
    exercise_readers(a, &s);

    if (pq_hist_add(a, &y, &x, &s2h, NULL) != PQ_HIST_OK)
        return;
    promql_histogram c1, c2;
    if (pq_hist_compact(a, &s, 0, &c1) != PQ_HIST_OK || pq_hist_compact(a, &s2h, 0, &c2) != PQ_HIST_OK)
        return;
    check(c1.count == c2.count && c1.zero_count == c2.zero_count &&
          c1.zero_threshold == c2.zero_threshold && c1.positive_bucket_count == c2.positive_bucket_count &&
          c1.negative_bucket_count == c2.negative_bucket_count);
    c2.sum = c1.sum; /* a.sum+b.sum vs b.sum+a.sum: identical anyway */
    check(pq_hist_equals(&c1, &c2));

    if (pq_hist_sub(a, &s, &y, &d, NULL) != PQ_HIST_OK)
        return;
    check(d.count == x.count);
    if (!custom)
        check(mass(&d) == mass(&x));

    /* Kahan sum of x and y, finished with the compensation, matches the plain sum here. */
    promql_histogram ks, kc, kt;
    if (pq_hist_kahan_add(a, &x, NULL, &y, &ks, &kc, NULL) == PQ_HIST_OK &&
        pq_hist_add(a, &ks, &kc, &kt, NULL) == PQ_HIST_OK) {
        check(kt.count == s.count);
        check(mass(&kt) == mass(&s));
    }

    if (!custom) {
        int32_t target = s1 - (int32_t)(byte(r) % 5);
        if (target < PQ_HIST_SCHEMA_MIN)
            target = PQ_HIST_SCHEMA_MIN;
        promql_histogram lo;
        if (pq_hist_copy_to_schema(a, &x, target, &lo) == PQ_HIST_OK) {
            check(lo.count == x.count && mass(&lo) == mass(&x));
            /* Merging buckets never looks like a reset. */
            promql_histogram xl = x;
            xl.counter_reset_hint = PROMQL_HINT_UNKNOWN;
            lo.counter_reset_hint = PROMQL_HINT_UNKNOWN;
            check(!pq_hist_detect_reset(&lo, &xl));
        }
    }
    promql_histogram m;
    if (pq_hist_mul(a, &x, 3, &m) == PQ_HIST_OK)
        check(m.count == 3 * x.count && mass(&m) == 3 * mass(&x));

    /* The increase over x, x+y: y when nothing decreased (no reset possible with y >= 0). */
    const promql_histogram *series[] = {&x, &s, &y};
    const int64_t ts[] = {1000, 2000, 3000};
    bool has = false;
    promql_histogram inc;
    promql_histogram xs = x, ss = s;
    xs.counter_reset_hint = ss.counter_reset_hint = PROMQL_HINT_UNKNOWN;
    const promql_histogram *two[] = {&xs, &ss};
    if (pq_hist_rate_increase(a, two, ts, NULL, 2, true, &inc, &has, NULL) == PQ_HIST_OK && has)
        check(inc.count == y.count);
    (void)pq_hist_rate_increase(a, series, ts, NULL, 3, true, &inc, &has, NULL);
    /* Halfway between x and x+y lies x + y/2, unless that step looks like a reset. */
    promql_histogram mid;
    if (pq_hist_interpolate(a, &xs, 0, &ss, 10, 5, true, &mid, NULL) == PQ_HIST_OK &&
        !pq_hist_detect_reset(&ss, &xs))
        check(mid.count == x.count + y.count / 2);
    (void)pq_hist_rate_increase(a, series, ts, ts, 3, false, &inc, &has, NULL);
}

/* Arbitrary struct contents: only a clean rejection or a result is allowed. */
static void raw(pq_arena *a, reader *r)
{
    promql_histogram h;
    memset(&h, 0, sizeof h);
    static const int32_t schemas[] = {-53, -4, 0, 3, 8, 9, -5, 100};
    h.schema = schemas[byte(r) % 8];
    h.zero_threshold = thresholds[byte(r) % 8];
    if (byte(r) == 7)
        h.zero_threshold = NAN;
    h.count = byte(r);
    h.sum = byte(r) == 3 ? NAN : 1;
    size_t ns = byte(r) % 5, nb = byte(r) % 9, ncv = byte(r) % 5;
    promql_span *sp = pq_arena_calloc(a, ns + 1, sizeof *sp);
    double *b = pq_arena_calloc(a, nb + 1, sizeof *b);
    double *cv = pq_arena_calloc(a, ncv + 1, sizeof *cv);
    if (!sp || !b || !cv)
        return;
    for (size_t i = 0; i < ns; i++) {
        uint8_t o = byte(r);
        sp[i].offset = o == 255 ? INT32_MAX : o == 254 ? INT32_MIN : (int32_t)(o % 16) - 8;
        sp[i].length = byte(r) % 5;
    }
    for (size_t i = 0; i < nb; i++)
        b[i] = (double)(int)(byte(r) % 8) - 2;
    for (size_t i = 0; i < ncv; i++)
        cv[i] = (double)(int)(byte(r) % 8) - 3;
    h.positive_spans = sp;
    h.positive_span_count = ns;
    h.positive_buckets = b;
    h.positive_bucket_count = nb;
    if (byte(r) & 1) {
        h.negative_spans = sp;
        h.negative_span_count = ns;
        h.negative_buckets = b;
        h.negative_bucket_count = nb;
    }
    h.custom_values = cv;
    h.custom_value_count = ncv;

    promql_histogram o, c;
    exercise_readers(a, &h);
    (void)pq_hist_equals(&h, &h);
    (void)pq_hist_detect_reset(&h, &h);
    (void)pq_hist_add(a, &h, &h, &o, NULL);
    (void)pq_hist_sub(a, &h, &h, &o, NULL);
    (void)pq_hist_kahan_add(a, &h, &h, &h, &o, &c, NULL);
    (void)pq_hist_copy_to_schema(a, &h, -4, &o);
    (void)pq_hist_compact(a, &h, 2, &o);
    (void)pq_hist_widen_zero_bucket(a, &h, 1, &o);
    (void)pq_hist_div(a, &h, 0, &o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pq_arena a;
    pq_arena_init(&a, 64u << 20);
    reader r = {data, size};
    well_formed(&a, &r);
    pq_arena_free(&a);
    pq_arena_init(&a, 64u << 20);
    reader r2 = {data, size};
    raw(&a, &r2);
    pq_arena_free(&a);
    return 0;
}
