/*
 * test_histogram.c -- unit tests of the native histogram math (src/eval/histogram*.c): bounds,
 * iteration, layout operations, arithmetic, counter resets, quantile/fraction/stddev (values from
 * upstream's native_histograms.test) and the JSON / promqltest text forms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/histogram.h"

/* ---- building test histograms --------------------------------------------------------- */

typedef struct hspec {
    int32_t schema;
    double count, sum, zc, zt;
    int32_t offset;
    const double *b;
    size_t nb;
    int32_t n_offset;
    const double *nbk;
    size_t nnb;
    const double *cv;
    size_t ncv;
    promql_counter_reset_hint hint;
} hspec;

/* One span per side, as the promqltest notation. */
static promql_histogram mk(pq_arena *a, hspec s)
{
    promql_histogram h;
    memset(&h, 0, sizeof h);
    h.schema = s.schema;
    h.count = s.count;
    h.sum = s.sum;
    h.zero_count = s.zc;
    h.zero_threshold = s.zt;
    h.counter_reset_hint = s.hint;
    if (s.nb) {
        promql_span *sp = pq_arena_alloc(a, sizeof *sp);
        sp->offset = s.offset;
        sp->length = (uint32_t)s.nb;
        h.positive_spans = sp;
        h.positive_span_count = 1;
        h.positive_buckets = s.b;
        h.positive_bucket_count = s.nb;
    }
    if (s.nnb) {
        promql_span *sp = pq_arena_alloc(a, sizeof *sp);
        sp->offset = s.n_offset;
        sp->length = (uint32_t)s.nnb;
        h.negative_spans = sp;
        h.negative_span_count = 1;
        h.negative_buckets = s.nbk;
        h.negative_bucket_count = s.nnb;
    }
    h.custom_values = s.cv;
    h.custom_value_count = s.ncv;
    return h;
}

static char *test_expr(pq_arena *a, const promql_histogram *h)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    assert_int_equal(pq_hist_format_test_expr(&b, a, h), PQ_HIST_OK);
    char *s = pq_strbuf_finish(&b);
    char *r = pq_arena_strdup(a, s);
    free(s);
    return r;
}

static char *json(pq_arena *a, const promql_histogram *h)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_hist_format_json(&b, h);
    char *s = pq_strbuf_finish(&b);
    char *r = pq_arena_strdup(a, s);
    free(s);
    return r;
}

static void assert_close(double got, double want)
{
    if (isnan(want)) {
        assert_true(isnan(got));
        return;
    }
    if (isinf(want)) {
        assert_true(got == want);
        return;
    }
    double tol = 1e-12 * fmax(1, fabs(want));
    if (fabs(got - want) > tol)
        fail_msg("got %.17g, want %.17g", got, want);
}

static int setup(void **state)
{
    pq_arena *a = malloc(sizeof *a);
    pq_arena_init(a, 0);
    *state = a;
    return 0;
}

static int teardown(void **state)
{
    pq_arena_free(*state);
    free(*state);
    return 0;
}

/* ---- bounds and iteration ------------------------------------------------------------- */

static void test_bounds(void **state)
{
    (void)state;
    assert_true(pq_hist_exp_bound(0, 0) == 1);
    assert_true(pq_hist_exp_bound(1, 0) == 2);
    assert_true(pq_hist_exp_bound(-1, 0) == 0.5);
    /* Upstream's table value, one ulp below sqrt(2). */
    assert_true(pq_hist_exp_bound(1, 1) == 1.414213562373095);
    assert_true(pq_hist_exp_bound(1, 2) == 1.189207115002721);
    assert_true(pq_hist_exp_bound(-1, 2) == 0.8408964152537144);
    assert_true(pq_hist_exp_bound(1, -1) == 4);
    assert_true(pq_hist_exp_bound(-2, -2) == 1.0 / 256);
    /* The last finite bucket ends at MaxFloat64, the next one at +Inf. */
    assert_true(pq_hist_exp_bound(1024, 0) == DBL_MAX);
    assert_true(pq_hist_exp_bound(1025, 0) == INFINITY);
    assert_true(pq_hist_exp_bound(256, -2) == DBL_MAX);
    assert_true(pq_hist_exp_bound(1024 * 256, 8) == DBL_MAX);
    const double cv[] = {1, 5, 10};
    assert_true(pq_hist_bound(-1, -53, cv, 3) == -INFINITY);
    assert_true(pq_hist_bound(0, -53, cv, 3) == 1);
    assert_true(pq_hist_bound(3, -53, cv, 3) == INFINITY);
    assert_true(isnan(pq_hist_bound(4, -53, cv, 3)));
}

/* Go's fdlibm Log/Log2/Exp2: exact where Go is exact, close to libm elsewhere, and
 * Go's own rounding where the two differ (Exp2(0.5) is one ulp below sqrt(2), which is why
 * native_histograms.test expects 1.414213562373095 for the median of [1 2 1]). */
static void test_go_math(void **state)
{
    (void)state;
    assert_true(pq_go_exp2(0.5) == 1.4142135623730949);
    assert_true(pq_go_log2(8) == 3);
    assert_true(pq_go_log2(0.125) == -3);
    assert_true(pq_go_log(1) == 0);
    assert_true(pq_go_exp2(3) == 8);
    assert_true(pq_go_exp2(-1074) == 5e-324);
    assert_true(pq_go_exp2(1024) == INFINITY);
    assert_true(isnan(pq_go_log(-1)));
    assert_true(pq_go_log(0) == -INFINITY);
    uint64_t seed = 12345;
    for (int i = 0; i < 100000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        double x = ldexp((double)(seed >> 11) / 9007199254740992.0 + 0.5, (int)(seed % 200) - 100);
        double a = pq_go_log2(x), b = log2(x);
        /* Go adds the exponent after a scaled Log of the mantissa: near 1 the error is a few
         * ulps of the exponent's magnitude, not of the result. */
        double mag = fmax(fabs(b), 1);
        assert_true(fabs(a - b) <= 4 * (nextafter(mag, INFINITY) - mag));
        double y = ((double)(seed >> 11) / 9007199254740992.0 - 0.5) * 100;
        double c = pq_go_exp2(y), d = exp2(y);
        assert_true(fabs(c - d) <= 2 * fabs(nextafter(d, INFINITY) - d));
    }
}

static void test_iteration_order(void **state)
{
    pq_arena *a = *state;
    /* Positive buckets at indices -2..0, negative at 0..1, zero bucket of width 0.3. */
    const double pb[] = {1, 2, 3}, nb[] = {4, 5};
    promql_histogram h = mk(a, (hspec){.schema = 0, .count = 17, .sum = 1, .zc = 2, .zt = 0.3,
                                       .offset = -2, .b = pb, .nb = 3, .nbk = nb, .nnb = 2});
    pq_hist_iter it;
    pq_hist_bucket b;
    /* Lower bounds inside the zero bucket are clipped to the threshold, as upstream (which
     * leaves (0.125,0.25] as (0.3,0.25]). */
    const double elo[] = {-2, -1, -0.3, 0.3, 0.3, 0.5};
    const double eup[] = {-1, -0.5, 0.3, 0.25, 0.5, 1};
    const double ec[] = {5, 4, 2, 1, 2, 3};
    const bool elo_inc[] = {true, true, true, false, false, false};
    pq_hist_iter_init(&it, &h, false);
    for (int i = 0; i < 6; i++) {
        assert_true(pq_hist_iter_next(&it, &b));
        assert_close(b.lower, elo[i]);
        assert_close(b.upper, eup[i]);
        assert_close(b.count, ec[i]);
        assert_int_equal(b.lower_inclusive, elo_inc[i]);
    }
    assert_false(pq_hist_iter_next(&it, &b));
    /* Reverse visits the same buckets backwards. */
    pq_hist_iter_init(&it, &h, true);
    for (int i = 5; i >= 0; i--) {
        assert_true(pq_hist_iter_next(&it, &b));
        assert_close(b.count, ec[i]);
        assert_close(b.upper, eup[i]);
    }
    assert_false(pq_hist_iter_next(&it, &b));
    /* Side iterators: negative buckets from zero outwards, unclipped. */
    pq_hist_side_iter si;
    pq_hist_side_iter_init(&si, &h, false);
    assert_true(pq_hist_side_iter_next(&si, &b));
    assert_close(b.lower, -1);
    assert_close(b.upper, -0.5);
    assert_int_equal(b.index, 0);
    pq_hist_side_iter_init(&si, &h, true);
    assert_true(pq_hist_side_iter_next(&si, &b));
    assert_close(b.lower, 0.125);
    assert_int_equal(b.index, -2);
}

/* ---- layout --------------------------------------------------------------------------- */

static void test_validate(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2};
    promql_span sp[2] = {{0, 1}, {-1, 1}};
    promql_histogram h = {.schema = 0, .positive_spans = sp, .positive_span_count = 2,
                          .positive_buckets = b, .positive_bucket_count = 2};
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID); /* negative offset */
    sp[1].offset = 1;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_OK);
    h.positive_bucket_count = 3;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID);
    h.positive_bucket_count = 2;
    h.schema = 9;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID);
    h.schema = -53; /* custom: indices 0 and 2 need two bounds */
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID);
    const double cv[] = {1, 2};
    h.custom_values = cv;
    h.custom_value_count = 2;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_OK);
    const double bad[] = {2, 1};
    h.custom_values = bad;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID);
    /* Operations refuse malformed input rather than reading past the end. */
    h.schema = 0;
    h.positive_bucket_count = 1;
    promql_histogram out;
    assert_int_equal(pq_hist_add(a, &h, &h, &out, NULL), PQ_HIST_ERR_INVALID);
    assert_true(isnan(pq_hist_quantile(0.5, &h, NULL)));
    assert_true(pq_hist_detect_reset(&h, &h));
    sp[0].offset = INT32_MAX - 1;
    h.positive_bucket_count = 2;
    assert_int_equal(pq_hist_validate(&h), PQ_HIST_ERR_INVALID);
}

static void test_compact(void **state)
{
    pq_arena *a = *state;
    /* Spans with gaps and empty buckets at span edges and inside. */
    const double b[] = {0, 1, 0, 0, 2, 0, 3, 0, 0};
    promql_span sp[] = {{-1, 3}, {0, 0}, {2, 4}, {1, 2}};
    promql_histogram h = {.schema = 0, .count = 6, .positive_spans = sp, .positive_span_count = 4,
                          .positive_buckets = b, .positive_bucket_count = 9};
    /* Indices: -1..1 = 0 1 0; 4..7 = 0 2 0 3; 9..10 = 0 0 */
    promql_histogram c;
    assert_int_equal(pq_hist_compact(a, &h, 0, &c), PQ_HIST_OK);
    assert_int_equal(c.positive_span_count, 3);
    assert_int_equal(c.positive_spans[0].offset, 0);
    assert_int_equal(c.positive_spans[0].length, 1);
    assert_int_equal(c.positive_spans[1].offset, 4);
    assert_int_equal(c.positive_spans[1].length, 1);
    assert_int_equal(c.positive_spans[2].offset, 1);
    assert_int_equal(c.positive_spans[2].length, 1);
    assert_int_equal(c.positive_bucket_count, 3);
    assert_true(c.positive_buckets[2] == 3);
    assert_string_equal(test_expr(a, &h), "{{count:6 buckets:[1 0 0 0 0 2 0 3]}}");
    /* max 1 merges the one-bucket gap between 5 and 7 only. */
    assert_int_equal(pq_hist_compact(a, &h, 1, &c), PQ_HIST_OK);
    assert_int_equal(c.positive_span_count, 2);
    assert_int_equal(c.positive_spans[1].offset, 4);
    assert_int_equal(c.positive_spans[1].length, 3);
    assert_int_equal(c.positive_bucket_count, 4);
    /* Compaction does not change equality of data with the same layout. */
    promql_histogram c0;
    assert_int_equal(pq_hist_compact(a, &h, 0, &c0), PQ_HIST_OK);
    assert_false(pq_hist_equals(&h, &c0));
    promql_histogram c1;
    assert_int_equal(pq_hist_compact(a, &c0, 0, &c1), PQ_HIST_OK);
    assert_true(pq_hist_equals(&c0, &c1));
}

static void test_equals(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2};
    promql_span s1[] = {{0, 2}};
    promql_span s2[] = {{0, 1}, {0, 0}, {0, 1}};
    promql_span s3[] = {{0, 1}, {0, 1}};
    promql_histogram h1 = {.schema = 0, .count = 3, .positive_spans = s1, .positive_span_count = 1,
                           .positive_buckets = b, .positive_bucket_count = 2};
    promql_histogram h2 = h1, h3 = h1;
    h2.positive_spans = s2;
    h2.positive_span_count = 3;
    h3.positive_spans = s3;
    h3.positive_span_count = 2;
    assert_true(pq_hist_equals(&h1, &h1));
    assert_false(pq_hist_equals(&h1, &h3)); /* same buckets, different spans: upstream says no */
    promql_histogram c;
    assert_int_equal(pq_hist_copy(a, &h2, &c), PQ_HIST_OK);
    assert_true(pq_hist_equals(&h2, &c));
    c.sum = -0.0;
    assert_false(pq_hist_equals(&h2, &c)); /* bit patterns */
    h2.counter_reset_hint = PROMQL_HINT_GAUGE;
    assert_true(pq_hist_equals(&h2, &h2));
}

static void test_test_equal(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {1, 0, 2}, b2[] = {1.0000000001, 2}, b3[] = {1.1, 2};
    promql_span s2[] = {{0, 1}, {1, 1}};
    promql_histogram e = mk(a, (hspec){.count = 3, .sum = 1, .b = b1, .nb = 3});
    promql_histogram c = {.count = 3.0000000001, .sum = 1, .positive_spans = s2, .positive_span_count = 2,
                          .positive_buckets = b2, .positive_bucket_count = 2,
                          .counter_reset_hint = PROMQL_HINT_GAUGE};
    bool eq;
    assert_int_equal(pq_hist_test_equal(a, &e, &c, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);
    assert_int_equal(pq_hist_test_equal(a, &e, &c, true, 1e-6, &eq), PQ_HIST_OK);
    assert_false(eq);
    c.positive_buckets = b3;
    assert_int_equal(pq_hist_test_equal(a, &e, &c, false, 1e-6, &eq), PQ_HIST_OK);
    assert_false(eq);
}

static void test_copy_to_schema(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2, 3, 4};
    promql_histogram h = mk(a, (hspec){.schema = 1, .count = 10, .sum = 3, .b = b, .nb = 4,
                                       .hint = PROMQL_HINT_NOT_COUNTER_RESET});
    promql_histogram r;
    assert_int_equal(pq_hist_copy_to_schema(a, &h, 0, &r), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:10 sum:3 buckets:[1 5 4]}}");
    assert_int_equal(pq_hist_copy_to_schema(a, &h, -1, &r), PQ_HIST_OK);
    /* schema -1: index 0 -> 0, indices 1,2 -> 1, index 3 -> 2 at schema 0 -> 1 at -1 */
    assert_string_equal(test_expr(a, &r), "{{schema:-1 count:10 sum:3 buckets:[1 9]}}");
    assert_int_equal(pq_hist_copy_to_schema(a, &h, 2, &r), PQ_HIST_ERR_SCHEMA_INCREASE);
    assert_int_equal(pq_hist_copy_to_schema(a, &h, 1, &r), PQ_HIST_OK);
    assert_int_equal(r.counter_reset_hint, PROMQL_HINT_NOT_COUNTER_RESET);
    /* Negative indices reduce with floor semantics: schema 2 index -3..0 -> schema 0 index 0. */
    const double nb[] = {1, 1, 1, 1, 1};
    promql_histogram g = mk(a, (hspec){.schema = 2, .count = 5, .offset = -4, .b = nb, .nb = 5});
    assert_int_equal(pq_hist_copy_to_schema(a, &g, 0, &r), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:5 offset:-1 buckets:[1 4]}}");
}

/* ---- arithmetic ----------------------------------------------------------------------- */

static void test_add_sub(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {1, 2, 1}, b2[] = {1, 1, 1, 1};
    promql_histogram h1 = mk(a, (hspec){.schema = 0, .count = 4, .sum = 5, .b = b1, .nb = 3});
    promql_histogram h2 = mk(a, (hspec){.schema = 1, .count = 4, .sum = 3, .offset = 1, .b = b2, .nb = 4});
    promql_histogram r1, r2, d;
    unsigned fl = 0;
    assert_int_equal(pq_hist_add(a, &h1, &h2, &r1, &fl), PQ_HIST_OK);
    assert_int_equal(fl, 0);
    /* h2 at schema 0: indices 1,2,3,4 -> 1,1,2,2 => idx1:2 idx2:2 */
    assert_string_equal(test_expr(a, &r1), "{{count:8 sum:8 buckets:[1 4 3]}}");
    assert_int_equal(pq_hist_add(a, &h2, &h1, &r2, &fl), PQ_HIST_OK);
    assert_true(pq_hist_compact(a, &r1, 0, &r1) == PQ_HIST_OK && pq_hist_compact(a, &r2, 0, &r2) == PQ_HIST_OK);
    assert_true(pq_hist_equals(&r1, &r2));
    /* (h1 + h2) - h2 == h1 at the common schema */
    assert_int_equal(pq_hist_sub(a, &r1, &h2, &d, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &d), "{{count:4 sum:5 buckets:[1 2 1]}}");
    /* Subtraction can go negative; gauge from Mul(-1). */
    assert_int_equal(pq_hist_sub(a, &h1, &r1, &d, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &d), "{{count:-4 sum:-3 offset:1 buckets:[-2 -2]}}");
    promql_histogram n;
    assert_int_equal(pq_hist_neg(a, &h1, &n), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &n), "{{count:-4 sum:-5 counter_reset_hint:gauge buckets:[-1 -2 -1]}}");
    /* Inputs are untouched. */
    assert_string_equal(test_expr(a, &h1), "{{count:4 sum:5 buckets:[1 2 1]}}");
}

static void test_zero_bucket_reconcile(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {2, 3}, b2[] = {1};
    promql_histogram x = mk(a, (hspec){.schema = 0, .count = 6, .sum = 1, .zc = 1, .zt = 0.001,
                                       .offset = -1, .b = b1, .nb = 2});
    promql_histogram y = mk(a, (hspec){.schema = 0, .count = 5, .sum = 2, .zc = 4, .zt = 0.5,
                                       .offset = 1, .b = b2, .nb = 1});
    promql_histogram r;
    /* (0.25,0.5] moves into the zero bucket of width 0.5. */
    assert_int_equal(pq_hist_add(a, &x, &y, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:11 sum:3 z_bucket:7 z_bucket_w:0.5 buckets:[3 1]}}");
    assert_int_equal(pq_hist_add(a, &y, &x, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:11 sum:3 z_bucket:7 z_bucket_w:0.5 buckets:[3 1]}}");
    /* A threshold inside a populated bucket widens to that bucket's upper bound. */
    promql_histogram w;
    assert_int_equal(pq_hist_widen_zero_bucket(a, &x, 0.3, &w), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &w), "{{count:6 sum:1 z_bucket:3 z_bucket_w:0.5 buckets:[3]}}");
    const double nb[] = {5};
    promql_histogram z = mk(a, (hspec){.schema = 0, .count = 5, .zt = 0.001, .n_offset = 0, .nbk = nb, .nnb = 1});
    assert_int_equal(pq_hist_widen_zero_bucket(a, &z, 0.7, &w), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &w), "{{count:5 z_bucket:5 z_bucket_w:1}}");
}

static void test_counter_reset_hints(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1};
    promql_histogram r1 = mk(a, (hspec){.count = 1, .b = b, .nb = 1, .hint = PROMQL_HINT_COUNTER_RESET});
    promql_histogram r2 = mk(a, (hspec){.count = 1, .b = b, .nb = 1, .hint = PROMQL_HINT_NOT_COUNTER_RESET});
    promql_histogram g = mk(a, (hspec){.count = 1, .b = b, .nb = 1, .hint = PROMQL_HINT_GAUGE});
    promql_histogram u = mk(a, (hspec){.count = 1, .b = b, .nb = 1});
    promql_histogram r;
    unsigned fl = 0;
    assert_int_equal(pq_hist_add(a, &r1, &r2, &r, &fl), PQ_HIST_OK);
    assert_int_equal(fl, PQ_HIST_FLAG_COUNTER_RESET_COLLISION);
    assert_int_equal(r.counter_reset_hint, PROMQL_HINT_UNKNOWN);
    fl = 0;
    assert_int_equal(pq_hist_add(a, &r1, &g, &r, &fl), PQ_HIST_OK);
    assert_int_equal(fl, 0);
    assert_int_equal(r.counter_reset_hint, PROMQL_HINT_GAUGE);
    assert_int_equal(pq_hist_add(a, &r2, &u, &r, &fl), PQ_HIST_OK);
    assert_int_equal(r.counter_reset_hint, PROMQL_HINT_UNKNOWN);
    assert_int_equal(pq_hist_add(a, &r2, &r2, &r, &fl), PQ_HIST_OK);
    assert_int_equal(r.counter_reset_hint, PROMQL_HINT_NOT_COUNTER_RESET);
    assert_int_equal(fl, 0);
}

static void test_custom_buckets(void **state)
{
    pq_arena *a = *state;
    const double cv1[] = {1, 2, 3}, cv2[] = {1, 3};
    const double b1[] = {1, 2, 3, 4}, b2[] = {10, 20, 30};
    promql_histogram x = mk(a, (hspec){.schema = -53, .count = 10, .sum = 5, .b = b1, .nb = 4, .cv = cv1, .ncv = 3});
    promql_histogram y = mk(a, (hspec){.schema = -53, .count = 60, .sum = 7, .b = b2, .nb = 3, .cv = cv2, .ncv = 2});
    promql_histogram r;
    unsigned fl = 0;
    assert_int_equal(pq_hist_add(a, &x, &x, &r, &fl), PQ_HIST_OK);
    assert_int_equal(fl, 0);
    assert_string_equal(test_expr(a, &r), "{{schema:-53 count:20 sum:10 custom_values:[1 2 3] buckets:[2 4 6 8]}}");
    /* Mismatched bounds: both mapped onto [1 3]. x: (..1]:1, (1,3]:2+3, +Inf:4. */
    assert_int_equal(pq_hist_add(a, &x, &y, &r, &fl), PQ_HIST_OK);
    assert_int_equal(fl, PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED);
    assert_string_equal(test_expr(a, &r), "{{schema:-53 count:70 sum:12 custom_values:[1 3] buckets:[11 25 34]}}");
    assert_int_equal(pq_hist_sub(a, &y, &x, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{schema:-53 count:50 sum:2 custom_values:[1 3] buckets:[9 15 26]}}");
    /* Exponential with custom: incompatible. */
    promql_histogram e = mk(a, (hspec){.count = 1, .b = b1, .nb = 1});
    assert_int_equal(pq_hist_add(a, &x, &e, &r, NULL), PQ_HIST_ERR_INCOMPATIBLE_SCHEMA);
    assert_int_equal(pq_hist_kahan_add(a, &x, NULL, &e, &r, &r, NULL), PQ_HIST_ERR_INCOMPATIBLE_SCHEMA);
    /* Quantile: linear interpolation; first bucket from 0; last bucket gives its lower bound. */
    assert_close(pq_hist_quantile(0.05, &x, NULL), 0.5);
    assert_close(pq_hist_quantile(0.2, &x, NULL), 1.5);
    assert_close(pq_hist_quantile(0.99, &x, NULL), 3);
    assert_close(pq_hist_fraction(0, 2, &x, NULL), 0.3);
    assert_string_equal(json(a, &x), "{\"count\":\"10\",\"sum\":\"5\",\"buckets\":[[3,\"-Inf\",\"1\",\"1\"],"
                                     "[0,\"1\",\"2\",\"2\"],[0,\"2\",\"3\",\"3\"],[0,\"3\",\"+Inf\",\"4\"]]}");
}

static void test_kahan_add(void **state)
{
    pq_arena *a = *state;
    const double big[] = {1e16}, small[] = {1};
    promql_histogram hb = mk(a, (hspec){.schema = 0, .count = 1e16, .sum = 1e16, .b = big, .nb = 1});
    promql_histogram hs = mk(a, (hspec){.schema = 1, .count = 1, .sum = 1, .b = small, .nb = 1});
    promql_histogram sum, comp;
    assert_int_equal(pq_hist_copy(a, &hb, &sum), PQ_HIST_OK);
    bool first = true;
    for (int i = 0; i < 10; i++) {
        promql_histogram ns, nc;
        assert_int_equal(pq_hist_kahan_add(a, &sum, first ? NULL : &comp, &hs, &ns, &nc, NULL), PQ_HIST_OK);
        sum = ns;
        comp = nc;
        first = false;
    }
    promql_histogram total;
    assert_int_equal(pq_hist_add(a, &sum, &comp, &total, NULL), PQ_HIST_OK);
    assert_true(total.count == 1e16 + 10);
    assert_true(total.sum == 1e16 + 10);
    assert_int_equal(total.schema, 0);
    /* index 0 of schema 1 falls into index 0 of schema 0 */
    assert_int_equal(total.positive_bucket_count, 1);
    assert_true(total.positive_buckets[0] == 1e16 + 10);
    /* Plain addition loses the small increments. */
    assert_int_equal(pq_hist_copy(a, &hb, &sum), PQ_HIST_OK);
    for (int i = 0; i < 10; i++)
        assert_int_equal(pq_hist_add(a, &sum, &hs, &sum, NULL), PQ_HIST_OK);
    assert_true(sum.count == 1e16);
}

/* sum(histogram_sum) and the histogram_sub_N cases of native_histograms.test. */
static void test_promqltest_sum_sub(void **state)
{
    pq_arena *a = *state;
    const double p0[] = {1, 2, 0, 1, 1}, n0[] = {2, 4, 0, 0, 1, 9};
    const double p1[] = {1, 3, 1, 2, 1, 1, 1}, n1[] = {0, 1, 4, 2, 7, 0, 0, 0, 0, 5, 5, 2};
    const double p3[] = {2, 4, 2, 3, 2, 2}, n3[] = {1, 2, 5, 3, 8, 1, 1, 1, 1, 6, 3};
    promql_histogram h[4] = {
        mk(a, (hspec){.schema = 0, .count = 25, .sum = 3.1, .zc = 4, .zt = 0.001, .b = p0, .nb = 5, .nbk = n0, .nnb = 6}),
        mk(a, (hspec){.schema = 0, .count = 41, .sum = 1e100, .zc = 5, .zt = 0.001, .b = p1, .nb = 7, .nbk = n1, .nnb = 12}),
        mk(a, (hspec){.schema = 0, .count = 41, .sum = -1e100, .zc = 5, .zt = 0.001, .b = p1, .nb = 7, .nbk = n1, .nnb = 12}),
        mk(a, (hspec){.schema = 1, .count = 0, .sum = 1.3, .zc = 3, .zt = 0.001, .b = p3, .nb = 6, .nbk = n3, .nnb = 11}),
    };
    promql_histogram sum = h[0], comp;
    for (int i = 1; i < 4; i++) {
        promql_histogram ns, nc;
        assert_int_equal(pq_hist_kahan_add(a, &sum, i == 1 ? NULL : &comp, &h[i], &ns, &nc, NULL), PQ_HIST_OK);
        sum = ns;
        comp = nc;
    }
    assert_int_equal(pq_hist_add(a, &sum, &comp, &sum, NULL), PQ_HIST_OK);
    const double ep[] = {5, 14, 7, 7, 3, 2, 2}, en[] = {3, 13, 19, 6, 17, 18, 0, 0, 0, 10, 10, 4};
    promql_histogram want = mk(a, (hspec){.schema = 0, .count = 107, .sum = 4.4, .zc = 17, .zt = 0.001, .b = ep, .nb = 7, .nbk = en, .nnb = 12});
    bool eq;
    assert_int_equal(pq_hist_test_equal(a, &want, &sum, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);
    /* histogram_sum{idx="0"} + histogram_sum{idx="3"} (plain addition). */
    promql_histogram r;
    assert_int_equal(pq_hist_add(a, &h[0], &h[3], &r, NULL), PQ_HIST_OK);
    const double sp[] = {3, 8, 5, 3, 1}, sn[] = {3, 11, 11, 2, 3, 18};
    want = mk(a, (hspec){.schema = 0, .count = 25, .sum = 4.4, .zc = 7, .zt = 0.001, .b = sp, .nb = 5, .nbk = sn, .nnb = 6});
    assert_int_equal(pq_hist_test_equal(a, &want, &r, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);

    const double q1[] = {0, 2, 1}, m1[] = {0, 0, 3, 2};
    promql_histogram big = mk(a, (hspec){.schema = 0, .count = 41, .sum = 2345.6, .zc = 5, .zt = 0.001, .b = p1, .nb = 7, .nbk = n1, .nnb = 12});
    promql_histogram small0 = mk(a, (hspec){.schema = 0, .count = 11, .sum = 1234.5, .zc = 3, .zt = 0.001, .b = q1, .nb = 3, .nbk = m1, .nnb = 4});
    promql_histogram small1 = small0;
    small1.schema = 1;
    const double w1p[] = {1, 1, 0, 2, 1, 1, 1}, w1n[] = {0, 1, 1, 0, 7, 0, 0, 0, 0, 5, 5, 2};
    const double w2p[] = {1, 0, 1, 2, 1, 1, 1}, w2n[] = {0, -2, 2, 2, 7, 0, 0, 0, 0, 5, 5, 2};
    const double w3p[] = {-1, 0, -1, -2, -1, -1, -1}, w3n[] = {0, 2, -2, -2, -7, 0, 0, 0, 0, -5, -5, -2};
    assert_int_equal(pq_hist_sub(a, &big, &small0, &r, NULL), PQ_HIST_OK);
    want = mk(a, (hspec){.schema = 0, .count = 30, .sum = 1111.1, .zc = 2, .zt = 0.001, .b = w1p, .nb = 7, .nbk = w1n, .nnb = 12});
    assert_int_equal(pq_hist_test_equal(a, &want, &r, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);
    assert_int_equal(pq_hist_sub(a, &big, &small1, &r, NULL), PQ_HIST_OK);
    want = mk(a, (hspec){.schema = 0, .count = 30, .sum = 1111.1, .zc = 2, .zt = 0.001, .b = w2p, .nb = 7, .nbk = w2n, .nnb = 12});
    assert_int_equal(pq_hist_test_equal(a, &want, &r, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);
    assert_int_equal(pq_hist_sub(a, &small1, &big, &r, NULL), PQ_HIST_OK);
    want = mk(a, (hspec){.schema = 0, .count = -30, .sum = -1111.1, .zc = -2, .zt = 0.001, .b = w3p, .nb = 7, .nbk = w3n, .nnb = 12});
    assert_int_equal(pq_hist_test_equal(a, &want, &r, false, 1e-6, &eq), PQ_HIST_OK);
    assert_true(eq);
}

static void test_mul_div(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2};
    promql_histogram h = mk(a, (hspec){.count = 3, .sum = 4, .zc = 0, .b = b, .nb = 2, .hint = PROMQL_HINT_NOT_COUNTER_RESET});
    promql_histogram r;
    assert_int_equal(pq_hist_mul(a, &h, 2, &r), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:6 sum:8 counter_reset_hint:not_reset buckets:[2 4]}}");
    assert_int_equal(pq_hist_div(a, &h, -2, &r), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:-1.5 sum:-2 counter_reset_hint:gauge buckets:[-0.5 -1]}}");
    assert_int_equal(pq_hist_div(a, &h, 0, &r), PQ_HIST_OK);
    assert_int_equal(r.positive_bucket_count, 0);
    assert_true(isinf(r.count) && isinf(r.sum));
    assert_true(pq_hist_has_overflow(&r));
    assert_false(pq_hist_has_overflow(&h));
    /* Size as upstream: 168 + 8 * (1 span + 2 buckets). */
    assert_int_equal(pq_hist_size(&h), 192);
}

/* ---- counter resets ------------------------------------------------------------------- */

static void test_detect_reset(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {1, 2, 3}, b2[] = {1, 3, 3}, b3[] = {1, 1, 4};
    promql_histogram p = mk(a, (hspec){.count = 6, .b = b1, .nb = 3});
    promql_histogram c = mk(a, (hspec){.count = 7, .b = b2, .nb = 3});
    promql_histogram d = mk(a, (hspec){.count = 7, .b = b3, .nb = 3});
    assert_false(pq_hist_detect_reset(&c, &p));
    assert_true(pq_hist_detect_reset(&d, &p));   /* bucket 1 decreased */
    assert_true(pq_hist_detect_reset(&p, &c));   /* count decreased */
    c.counter_reset_hint = PROMQL_HINT_COUNTER_RESET;
    assert_true(pq_hist_detect_reset(&c, &p));
    d.counter_reset_hint = PROMQL_HINT_NOT_COUNTER_RESET;
    assert_false(pq_hist_detect_reset(&d, &p));
    /* Missing populated bucket. */
    const double b4[] = {1, 5};
    promql_histogram m = mk(a, (hspec){.count = 7, .b = b4, .nb = 2});
    assert_true(pq_hist_detect_reset(&m, &p));
    /* Lower schema in cur: prev merged into it; an increase of schema is a reset. */
    const double hb[] = {1, 1, 1, 1};
    promql_histogram hi = mk(a, (hspec){.schema = 1, .count = 4, .b = hb, .nb = 4});
    const double lb[] = {1, 2, 1};
    promql_histogram lo = mk(a, (hspec){.schema = 0, .count = 4, .b = lb, .nb = 3});
    assert_false(pq_hist_detect_reset(&lo, &hi));
    assert_true(pq_hist_detect_reset(&hi, &lo));
    const double lb2[] = {1, 1, 2};
    promql_histogram lo2 = mk(a, (hspec){.schema = 0, .count = 4, .b = lb2, .nb = 3});
    assert_true(pq_hist_detect_reset(&lo2, &hi));
    /* Zero threshold increase: prev buckets inside it count toward the zero bucket. */
    const double zb[] = {2, 3};
    promql_histogram zp = mk(a, (hspec){.count = 6, .zc = 1, .zt = 0.001, .offset = -1, .b = zb, .nb = 2});
    const double zc1[] = {3};
    promql_histogram zc = mk(a, (hspec){.count = 6, .zc = 3, .zt = 0.5, .offset = 0, .b = zc1, .nb = 1});
    assert_false(pq_hist_detect_reset(&zc, &zp));
    zc.zero_count = 2;
    assert_true(pq_hist_detect_reset(&zc, &zp));
    assert_true(pq_hist_detect_reset(&zp, &zc)); /* threshold decrease */
    /* NHCB with different bounds: compared on the shared bounds. */
    const double cv1[] = {1, 2, 3}, cv2[] = {1, 3};
    const double n1[] = {1, 2, 3, 4}, n2[] = {1, 5, 4}, n3[] = {1, 4, 5};
    promql_histogram np = mk(a, (hspec){.schema = -53, .count = 10, .b = n1, .nb = 4, .cv = cv1, .ncv = 3});
    promql_histogram nc = mk(a, (hspec){.schema = -53, .count = 10, .b = n2, .nb = 3, .cv = cv2, .ncv = 2});
    promql_histogram nd = mk(a, (hspec){.schema = -53, .count = 10, .b = n3, .nb = 3, .cv = cv2, .ncv = 2});
    assert_false(pq_hist_detect_reset(&nc, &np));
    assert_true(pq_hist_detect_reset(&nd, &np));
    /* Exponential vs custom. */
    assert_true(pq_hist_detect_reset(&np, &p));
    assert_true(pq_hist_detect_reset(&c, &np));
}

static void test_rate_increase(void **state)
{
    pq_arena *a = *state;
    /* incr_histogram of native_histograms.test at 45m and 50m. */
    const double b9[] = {1, 11, 1}, b10[] = {1, 12, 1};
    promql_histogram h9 = mk(a, (hspec){.schema = 0, .count = 13, .sum = 22, .b = b9, .nb = 3});
    promql_histogram h10 = mk(a, (hspec){.schema = 0, .count = 14, .sum = 24, .b = b10, .nb = 3});
    const promql_histogram *hs[] = {&h9, &h10};
    const int64_t ts[] = {2700000, 3000000};
    promql_histogram r;
    bool has;
    unsigned fl = 0;
    assert_int_equal(pq_hist_rate_increase(a, hs, ts, NULL, 2, true, &r, &has, &fl), PQ_HIST_OK);
    assert_true(has);
    assert_int_equal(fl, 0);
    assert_string_equal(test_expr(a, &r), "{{count:1 sum:2 counter_reset_hint:gauge offset:1 buckets:[1]}}");
    /* delta() on counters warns that they are not gauges. */
    assert_int_equal(pq_hist_rate_increase(a, hs, ts, NULL, 2, false, &r, &has, &fl), PQ_HIST_OK);
    assert_int_equal(fl, PQ_HIST_FLAG_NOT_GAUGE);

    /* Counter resets: 1, 3, 2 -> (3-1) + 2; 5, 2, 4 -> the first sample is dropped: 4. */
    const double v1[] = {1}, v2[] = {2}, v3[] = {3}, v4[] = {4}, v5[] = {5};
    promql_histogram c1 = mk(a, (hspec){.count = 1, .b = v1, .nb = 1});
    promql_histogram c2 = mk(a, (hspec){.count = 2, .b = v2, .nb = 1});
    promql_histogram c3 = mk(a, (hspec){.count = 3, .b = v3, .nb = 1});
    promql_histogram c4 = mk(a, (hspec){.count = 4, .b = v4, .nb = 1});
    promql_histogram c5 = mk(a, (hspec){.count = 5, .b = v5, .nb = 1});
    const int64_t t3[] = {1, 2, 3};
    const promql_histogram *s1[] = {&c1, &c3, &c2};
    assert_int_equal(pq_hist_rate_increase(a, s1, t3, NULL, 3, true, &r, &has, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:4 counter_reset_hint:gauge buckets:[4]}}");
    const promql_histogram *s2[] = {&c5, &c2, &c4};
    assert_int_equal(pq_hist_rate_increase(a, s2, t3, NULL, 3, true, &r, &has, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:4 counter_reset_hint:gauge buckets:[4]}}");
    /* A start timestamp past the previous sample is a reset too. */
    const int64_t st[] = {0, 0, 3};
    const promql_histogram *s3[] = {&c1, &c2, &c4};
    const int64_t t4[] = {1, 2, 4};
    assert_int_equal(pq_hist_rate_increase(a, s3, t4, st, 3, true, &r, &has, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:5 counter_reset_hint:gauge buckets:[5]}}");
    /* Mixed samples give no result. */
    const double cv[] = {1};
    promql_histogram nh = mk(a, (hspec){.schema = -53, .count = 4, .b = v4, .nb = 1, .cv = cv, .ncv = 1});
    const promql_histogram *s4[] = {&c1, &c2, &nh};
    fl = 0;
    assert_int_equal(pq_hist_rate_increase(a, s4, t3, NULL, 3, true, &r, &has, &fl), PQ_HIST_OK);
    assert_false(has);
    assert_int_equal(fl, PQ_HIST_FLAG_MIXED_EXP_CUSTOM);
    const promql_histogram *s5[] = {&c1, NULL, &c2};
    fl = 0;
    assert_int_equal(pq_hist_rate_increase(a, s5, t3, NULL, 3, true, &r, &has, &fl), PQ_HIST_OK);
    assert_false(has);
    assert_int_equal(fl, PQ_HIST_FLAG_MIXED_FLOATS_HISTOGRAMS);
}

static void test_interpolate(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {2, 4}, b2[] = {4, 8}, b3[] = {1, 1};
    promql_histogram h1 = mk(a, (hspec){.count = 6, .sum = 10, .b = b1, .nb = 2});
    promql_histogram h2 = mk(a, (hspec){.count = 12, .sum = 30, .b = b2, .nb = 2});
    promql_histogram h3 = mk(a, (hspec){.count = 2, .sum = 1, .b = b3, .nb = 2});
    promql_histogram r;
    assert_int_equal(pq_hist_interpolate(a, &h1, 0, &h2, 100, 25, true, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:7.5 sum:15 buckets:[2.5 5]}}");
    assert_int_equal(pq_hist_interpolate(a, &h1, 0, &h3, 100, 50, true, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:1 sum:0.5 buckets:[0.5 0.5]}}");
    assert_int_equal(pq_hist_interpolate(a, &h1, 0, &h3, 100, 50, false, &r, NULL), PQ_HIST_OK);
    assert_string_equal(test_expr(a, &r), "{{count:4 sum:5.5 buckets:[1.5 2.5]}}");
    assert_int_equal(pq_hist_interpolate(a, &h1, 0, &h3, 100, 100, true, &r, NULL), PQ_HIST_OK);
    assert_true(pq_hist_equals(&r, &h3));
}

/* ---- functions ------------------------------------------------------------------------ */

static void test_quantile(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2, 1};
    promql_histogram single = mk(a, (hspec){.schema = 0, .count = 4, .sum = 5, .b = b, .nb = 3});
    assert_close(pq_hist_quantile(0.5, &single, NULL), 1.414213562373095);
    promql_histogram neg = mk(a, (hspec){.schema = 0, .count = 4, .sum = -5, .nbk = b, .nnb = 3});
    assert_close(pq_hist_quantile(0.5, &neg, NULL), -1.414213562373095);
    promql_histogram zero = mk(a, (hspec){.schema = 0, .count = 1, .sum = 0.25, .zc = 1, .zt = 0.5});
    assert_close(pq_hist_quantile(0.5, &zero, NULL), 0);
    /* balanced: buckets [1 2 1] + n_buckets [1 2 1] */
    promql_histogram bal = mk(a, (hspec){.schema = 0, .count = 8, .sum = 0, .b = b, .nb = 3, .nbk = b, .nnb = 3});
    assert_close(pq_hist_quantile(0.5, &bal, NULL), 0.5);

    const double q1[] = {2, 3, 0, 1, 4};
    promql_histogram h1 = mk(a, (hspec){.schema = 0, .count = 12, .sum = 100, .zc = 2, .zt = 0.001, .b = q1, .nb = 5});
    assert_close(pq_hist_quantile(1.001, &h1, NULL), INFINITY);
    assert_close(pq_hist_quantile(1, &h1, NULL), 16);
    assert_close(pq_hist_quantile(0.99, &h1, NULL), 15.67072476139083);
    assert_close(pq_hist_quantile(0.9, &h1, NULL), 12.99603834169977);
    assert_close(pq_hist_quantile(0.6, &h1, NULL), 4.594793419988138);
    assert_close(pq_hist_quantile(0.5, &h1, NULL), 1.5874010519681994);
    assert_close(pq_hist_quantile(0.1, &h1, NULL), 0.0006);
    assert_close(pq_hist_quantile(0, &h1, NULL), 0);
    assert_close(pq_hist_quantile(-1, &h1, NULL), -INFINITY);
    assert_true(isnan(pq_hist_quantile(NAN, &h1, NULL)));

    promql_histogram h2 = mk(a, (hspec){.schema = 0, .count = 12, .sum = 100, .zc = 2, .zt = 0.001, .nbk = q1, .nnb = 5});
    assert_close(pq_hist_quantile(1, &h2, NULL), 0);
    assert_close(pq_hist_quantile(0.99, &h2, NULL), -0.00006);
    assert_close(pq_hist_quantile(0.9, &h2, NULL), -0.0006);
    assert_close(pq_hist_quantile(0.5, &h2, NULL), -1.5874010519681996);
    assert_close(pq_hist_quantile(0.1, &h2, NULL), -12.996038341699768);
    assert_close(pq_hist_quantile(0, &h2, NULL), -16);

    promql_histogram h3 = mk(a, (hspec){.schema = 0, .count = 24, .sum = 100, .zc = 4, .zt = 0.001, .b = q1, .nb = 5, .nbk = q1, .nnb = 5});
    assert_close(pq_hist_quantile(1, &h3, NULL), 16);
    assert_close(pq_hist_quantile(0.99, &h3, NULL), 15.34822590920423);
    assert_close(pq_hist_quantile(0.9, &h3, NULL), 10.556063286183155);

    /* NaN observations: count exceeds the buckets, sum NaN. */
    unsigned fl = 0;
    promql_histogram nan = mk(a, (hspec){.schema = 0, .count = 5, .sum = NAN, .b = b, .nb = 3});
    assert_true(isnan(pq_hist_quantile(0.9, &nan, &fl)));
    assert_int_equal(fl, PQ_HIST_FLAG_QUANTILE_NAN_RESULT);
    fl = 0;
    assert_close(pq_hist_quantile(0.5, &nan, &fl), pq_hist_quantile(0.625, &single, NULL));
    assert_int_equal(fl, PQ_HIST_FLAG_QUANTILE_NAN_SKEW);
    promql_histogram empty = mk(a, (hspec){.schema = 0});
    assert_true(isnan(pq_hist_quantile(0.5, &empty, NULL)));
}

static void test_fraction(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2, 1};
    promql_histogram single = mk(a, (hspec){.schema = 0, .count = 4, .sum = 5, .b = b, .nb = 3});
    assert_close(pq_hist_fraction(1, 2, &single, NULL), 0.5);
    assert_close(pq_hist_fraction(0, 8, &single, NULL), 1);
    const double q1[] = {2, 3, 0, 1, 4};
    promql_histogram h = mk(a, (hspec){.schema = 0, .count = 12, .sum = 100, .zc = 2, .zt = 0.001, .b = q1, .nb = 5});
    assert_close(pq_hist_fraction(0, INFINITY, &h, NULL), 1);
    assert_close(pq_hist_fraction(-INFINITY, 0, &h, NULL), 0);
    assert_close(pq_hist_fraction(-0.001, 0, &h, NULL), 0);
    assert_close(pq_hist_fraction(0, 0.001, &h, NULL), 0.16666666666666666);
    assert_close(pq_hist_fraction(0.001, INFINITY, &h, NULL), 0.8333333333333334);
    assert_close(pq_hist_fraction(0, 0.0005, &h, NULL), 0.08333333333333333);
    assert_close(pq_hist_quantile(0.08333333333333333, &h, NULL), 0.0005);
    assert_close(pq_hist_fraction(3, 2, &h, NULL), 0);
    assert_true(isnan(pq_hist_fraction(NAN, 2, &h, NULL)));
    promql_histogram zero = mk(a, (hspec){.schema = 0, .count = 1, .sum = 0.25, .zc = 1, .zt = 0.5});
    assert_close(pq_hist_fraction(-0.5, 0.5, &zero, NULL), 1);
    promql_histogram neg = mk(a, (hspec){.schema = 0, .count = 4, .sum = -5, .nbk = b, .nnb = 3});
    assert_close(pq_hist_fraction(-2, -1, &neg, NULL), 0.5);
    unsigned fl = 0;
    promql_histogram nan = mk(a, (hspec){.schema = 0, .count = 5, .sum = NAN, .b = b, .nb = 3});
    assert_close(pq_hist_fraction(-INFINITY, INFINITY, &nan, &fl), 0.8);
    assert_int_equal(fl, PQ_HIST_FLAG_FRACTION_NANS);
}

static void test_stddev(void **state)
{
    pq_arena *a = *state;
    const double b1[] = {1, 0, 0, 0, 1, 0, 0, 1, 1};
    promql_histogram h1 = mk(a, (hspec){.schema = 2, .count = 4, .sum = 10, .b = b1, .nb = 9});
    assert_close(pq_hist_stddev(&h1), 1.0787993180043811);
    assert_close(pq_hist_stdvar(&h1), 1.163807968526718);
    const double b2[] = {1, 2, 3, 4};
    promql_histogram h2 = mk(a, (hspec){.schema = 8, .count = 10, .sum = 10, .b = b2, .nb = 4});
    assert_close(pq_hist_stddev(&h2), 0.0048960313898237465);
    assert_close(pq_hist_stdvar(&h2), 2.3971123370139447e-05);
    double p3[55] = {0}, n3[47] = {0};
    p3[13] = p3[24] = p3[26] = p3[54] = 1;
    n3[24] = n3[46] = 1;
    promql_histogram h3 = mk(a, (hspec){.schema = 3, .count = 7, .sum = 62, .zc = 1, .b = p3, .nb = 55, .nbk = n3, .nnb = 47});
    assert_close(pq_hist_stddev(&h3), 42.94723640026);
    assert_close(pq_hist_stdvar(&h3), 1844.4651144196398);
    assert_close(pq_hist_avg(&h3), 62.0 / 7);
}

static void test_trim(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2, 1};
    promql_histogram h = mk(a, (hspec){.schema = 0, .count = 4, .sum = 5, .b = b, .nb = 3});
    promql_histogram r;
    /* Keep below 2: buckets (0.5,1] and (1,2] whole, (2,4] dropped. */
    assert_int_equal(pq_hist_trim(a, &h, 2, true, &r), PQ_HIST_OK);
    assert_close(r.count, 3);
    assert_close(r.sum, sqrt(0.5) + 2 * sqrt(2));
    assert_int_equal(r.positive_bucket_count, 2);
    /* Keep above sqrt(2): half of (1,2] (exponential interpolation) and (2,4]. */
    assert_int_equal(pq_hist_trim(a, &h, sqrt(2), false, &r), PQ_HIST_OK);
    assert_close(r.count, 2);
    /* Nothing trimmed: unchanged. */
    assert_int_equal(pq_hist_trim(a, &h, 100, true, &r), PQ_HIST_OK);
    assert_true(pq_hist_equals(&r, &h));
}

/* Every operation fails cleanly (PQ_HIST_ERR_NOMEM) when the arena refuses memory. */
static void test_allocation_failures(void **state)
{
    (void)state;
    enum { N = 3000 };
    static double b1[N], b2[N];
    for (int i = 0; i < N; i++) {
        b1[i] = i % 7;
        b2[i] = (i % 5) + 1;
    }
    promql_span s1[] = {{-1500, N / 2}, {3, N / 2}}, s2[] = {{-200, N}};
    promql_histogram x = {.schema = 3, .count = 1e6, .zero_threshold = 0.001, .zero_count = 1,
                          .positive_spans = s1, .positive_span_count = 2, .positive_buckets = b1,
                          .positive_bucket_count = N, .negative_spans = s2, .negative_span_count = 1,
                          .negative_buckets = b2, .negative_bucket_count = N};
    promql_histogram y = x;
    y.schema = 1;
    y.zero_threshold = 0.5;
    y.positive_spans = s2;
    y.positive_span_count = 1;
    y.positive_buckets = b2;
    int failed = 0, succeeded = 0;
    for (size_t limit = 16 * 1024; limit <= 2u << 20; limit += 8 * 1024) {
        pq_arena a;
        pq_arena_init(&a, limit);
        promql_histogram r, c;
        bool has;
        pq_hist_status st[9];
        st[0] = pq_hist_add(&a, &x, &y, &r, NULL);
        st[1] = pq_hist_sub(&a, &y, &x, &r, NULL);
        st[2] = pq_hist_kahan_add(&a, &x, NULL, &y, &r, &c, NULL);
        st[3] = pq_hist_compact(&a, &x, 3, &r);
        st[4] = pq_hist_copy_to_schema(&a, &x, -2, &r);
        st[5] = pq_hist_trim(&a, &x, 1.5, true, &r);
        st[6] = pq_hist_widen_zero_bucket(&a, &x, 2, &r);
        const promql_histogram *series[] = {&x, &y, &x};
        const int64_t ts[] = {1, 2, 3};
        st[7] = pq_hist_rate_increase(&a, series, ts, NULL, 3, true, &r, &has, NULL);
        pq_strbuf sb;
        pq_strbuf_init(&sb);
        st[8] = pq_hist_format_test_expr(&sb, &a, &x);
        pq_strbuf_free(&sb);
        for (int i = 0; i < 9; i++) {
            assert_true(st[i] == PQ_HIST_OK || st[i] == PQ_HIST_ERR_NOMEM);
            if (st[i] == PQ_HIST_OK)
                succeeded++;
            else
                failed++;
        }
        pq_arena_free(&a);
    }
    assert_true(failed > 0);
    assert_true(succeeded > 0);
}

/* ---- formatting ----------------------------------------------------------------------- */

static void test_go_float(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 0.1, 'g'), "0.1");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 100000, 'g'), "100000");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 1e6, 'g'), "1e+06");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 123456789, 'g'), "1.23456789e+08");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 0.0001, 'g'), "0.0001");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 0.00001, 'g'), "1e-05");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, -2.5, 'g'), "-2.5");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, -0.0, 'g'), "-0");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 1e21, 'f'), "1000000000000000000000");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 1e-7, 'e'), "1e-07");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 1.5e300, 'e'), "1.5e+300");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 0.000123, 'f'), "0.000123");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 1.0 / 3, 'f'), "0.3333333333333333");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, INFINITY, 'g'), "+Inf");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, -INFINITY, 'f'), "-Inf");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, NAN, 'f'), "NaN");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, DBL_MAX, 'g'), "1.7976931348623157e+308");
    assert_string_equal(pq_format_go_float(buf, sizeof buf, 5e-324, 'g'), "5e-324");
}

static void test_json(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2, 1}, nb[] = {3};
    promql_histogram h = mk(a, (hspec){.schema = 0, .count = 4, .sum = 5, .b = b, .nb = 3});
    assert_string_equal(json(a, &h), "{\"count\":\"4\",\"sum\":\"5\",\"buckets\":[[0,\"0.5\",\"1\",\"1\"],"
                                     "[0,\"1\",\"2\",\"2\"],[0,\"2\",\"4\",\"1\"]]}");
    promql_histogram z = mk(a, (hspec){.schema = 0, .count = 6, .sum = -1.5, .zc = 2, .zt = 0.001, .offset = 1, .b = b, .nb = 1, .nbk = nb, .nnb = 1});
    assert_string_equal(json(a, &z), "{\"count\":\"6\",\"sum\":\"-1.5\",\"buckets\":[[1,\"-1\",\"-0.5\",\"3\"],"
                                     "[3,\"-0.001\",\"0.001\",\"2\"],[0,\"1\",\"2\",\"1\"]]}");
    promql_histogram e = mk(a, (hspec){.schema = 0});
    assert_string_equal(json(a, &e), "{\"count\":\"0\",\"sum\":\"0\"}");
}

static void test_test_expression(void **state)
{
    pq_arena *a = *state;
    const double b[] = {1, 2}, nb[] = {3, 0.5};
    promql_histogram h = mk(a, (hspec){.schema = 3, .count = 6.5, .sum = 1e6, .zc = 1, .zt = 0.001,
                                       .offset = -2, .b = b, .nb = 2, .n_offset = 4, .nbk = nb, .nnb = 2,
                                       .hint = PROMQL_HINT_COUNTER_RESET});
    assert_string_equal(test_expr(a, &h), "{{schema:3 count:6.5 sum:1e+06 z_bucket:1 z_bucket_w:0.001 "
                                          "counter_reset_hint:reset offset:-2 buckets:[1 2] n_offset:4 n_buckets:[3 0.5]}}");
    promql_histogram e = mk(a, (hspec){.schema = 0});
    assert_string_equal(test_expr(a, &e), "{{}}");
    const double cv[] = {-2, 3};
    promql_histogram c = mk(a, (hspec){.schema = -53, .cv = cv, .ncv = 2});
    assert_string_equal(test_expr(a, &c), "{{schema:-53 custom_values:[-2 3]}}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_go_math),
        cmocka_unit_test_setup_teardown(test_iteration_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_validate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compact, setup, teardown),
        cmocka_unit_test_setup_teardown(test_equals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_test_equal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_to_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_sub, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zero_bucket_reconcile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_counter_reset_hints, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_buckets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kahan_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_promqltest_sum_sub, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mul_div, setup, teardown),
        cmocka_unit_test_setup_teardown(test_detect_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_increase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interpolate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quantile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fraction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stddev, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trim, setup, teardown),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_go_float),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_test_expression, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
