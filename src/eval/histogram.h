/*
 * histogram.h -- the math of native (float) histograms: the promql_histogram sample type of
 * include/promql/storage.h, with Prometheus 3.14's FloatHistogram semantics (model/histogram)
 * and the histogram functions of promql/quantile.go and functions.go.
 *
 * Every function here is pure: inputs are never modified, results are written to a
 * caller-provided promql_histogram whose arrays are allocated in the given arena (they live as
 * long as the arena). Custom bucket bounds (custom_values) are treated as immutable and shared
 * by reference between inputs and results, as upstream interns them. An output may be the same
 * struct as an input (pq_hist_add(a, &acc, h, &acc, ..) accumulates); it is written last.
 *
 * Every function first checks that its inputs are well-formed (pq_hist_validate's structural
 * rules) and returns PQ_HIST_ERR_INVALID otherwise, so a malformed histogram from a backend can
 * never make these functions read out of bounds. Nothing here aborts, prints or exits.
 *
 * Where upstream returns annotations-worthy conditions (a counter reset hint collision, NHCB
 * bounds reconciled to their intersection, NaN observations skewing a quantile), the function
 * reports them in a flags word so the evaluator emits the matching annotation.
 *
 * Span layout note: Add/Sub build results by merging the bucket sets, so a result may differ
 * from upstream's in-place result in how spans are split (never in which buckets exist or in
 * their counts); after pq_hist_compact(.., 0) both are identical, which is what the evaluator
 * applies to every histogram it outputs.
 *
 * How PromQL maps onto these (engine.go / functions.go):
 *   h + h, h - h        pq_hist_add / pq_hist_sub, then hint Gauge for '-', pq_hist_compact(0)
 *   h * s, s * h, h / s pq_hist_mul / pq_hist_div, then pq_hist_compact(0);  -h: pq_hist_neg
 *   h </ s, h >/ s      pq_hist_trim;  h == h, h != h: pq_hist_equals
 *   sum, sum_over_time  first sample copied, then pq_hist_kahan_add per sample (comp NULL at the
 *                       first call); finally pq_hist_add(sum, comp) and pq_hist_compact(0)
 *   avg                 as sum, switching to the incremental mean with pq_hist_mul/div when
 *                       pq_hist_has_overflow() says the running sum overflowed
 *   rate/increase/delta pq_hist_rate_increase, then extrapolation by pq_hist_mul / pq_hist_div
 *   smoothed/anchored   pq_hist_interpolate at the window edges
 *   resets()            pq_hist_detect_reset between consecutive samples
 */
#ifndef PQ_HISTOGRAM_H
#define PQ_HISTOGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "promql/storage.h"
#include "util/arena.h"
#include "util/strbuf.h"

#define PQ_HIST_SCHEMA_MIN (-4)
#define PQ_HIST_SCHEMA_MAX 8
#define PQ_HIST_SCHEMA_CUSTOM (-53)

typedef enum pq_hist_status {
    PQ_HIST_OK = 0,
    PQ_HIST_ERR_NOMEM,                  /* the arena refused an allocation */
    PQ_HIST_ERR_INVALID,                /* malformed input: bad schema, spans vs bucket count,
                                           negative span offset after the first, index overflow,
                                           custom bounds too few / not increasing */
    PQ_HIST_ERR_INCOMPATIBLE_SCHEMA,    /* exponential mixed with custom buckets (upstream's
                                           ErrHistogramsIncompatibleSchema: the evaluator emits
                                           the "mix of exponential and custom buckets" warning) */
    PQ_HIST_ERR_SCHEMA_INCREASE,        /* schema change to a higher resolution or from/to
                                           custom buckets was requested */
} pq_hist_status;

/* A short English description of a status, for error messages. */
const char *pq_hist_status_message(pq_hist_status st);

/* Conditions reported by arithmetic, for annotations (bit flags). */
enum {
    PQ_HIST_FLAG_COUNTER_RESET_COLLISION = 1u << 0, /* one operand had hint CounterReset, the
                                                       other NotCounterReset */
    PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED = 1u << 1,  /* NHCBs with different custom_values were
                                                       combined on their intersected bounds
                                                       (NewMismatchedCustomBucketsHistogramsInfo) */
    PQ_HIST_FLAG_QUANTILE_NAN_RESULT = 1u << 2,     /* histogram_quantile returned NaN because
                                                       of NaN observations */
    PQ_HIST_FLAG_QUANTILE_NAN_SKEW = 1u << 3,       /* NaN observations may skew the quantile */
    PQ_HIST_FLAG_FRACTION_NANS = 1u << 4,           /* NaN observations are not in any bucket */
    /* pq_hist_rate_increase (histogramRate) conditions: */
    PQ_HIST_FLAG_MIXED_FLOATS_HISTOGRAMS = 1u << 5, /* NewMixedFloatsHistogramsWarning */
    PQ_HIST_FLAG_MIXED_EXP_CUSTOM = 1u << 6,        /* NewMixedExponentialCustomHistogramsWarning */
    PQ_HIST_FLAG_NOT_COUNTER = 1u << 7,             /* NewNativeHistogramNotCounterWarning */
    PQ_HIST_FLAG_NOT_GAUGE = 1u << 8,               /* NewNativeHistogramNotGaugeWarning */
    PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED_SUB = 1u << 9, /* the rate/interpolation helpers do both
                                                          operations: this flag is for their
                                                          subtraction (annotations.HistogramSub),
                                                          NHCB_BOUNDS_RECONCILED for their addition
                                                          (HistogramAdd). pq_hist_sub itself sets
                                                          the plain flag. */
    PQ_HIST_FLAG_START_TIME_OVERLAP = 1u << 10,     /* NewStartTimeOverlapWarning */
};

/* ---- basic properties and checks --------------------------------------------------------- */

static inline bool pq_hist_is_custom(const promql_histogram *h)
{
    return h->schema == PQ_HIST_SCHEMA_CUSTOM;
}

/* Structural check every function applies to its inputs: schema -4..8 or -53; span lengths sum
 * to the bucket counts; spans after the first have offsets >= 0;
 * NULL arrays only with zero counts; for custom buckets: no negative buckets, custom_values
 * strictly increasing, not NaN, last not +Inf, and enough of them for the spans; bucket indices
 * within +-2^30; zero threshold not NaN. It does not
 * reject negative counts (results of subtraction have them). */
pq_hist_status pq_hist_validate(const promql_histogram *h);

/* Exact data equality (FloatHistogram.Equals): schema, count/sum/zero count compared by bit
 * pattern, zero threshold, custom bounds, the same bucket layout (spans may differ only by
 * zero-length spans) and bucket values by bit pattern. The counter reset hint is ignored.
 * A malformed histogram equals only itself (the same pointer). */
bool pq_hist_equals(const promql_histogram *a, const promql_histogram *b);

/* promqltest's comparison of an expected and an actual histogram (compareNativeHistogram):
 * both compacted, then schema, zero threshold, custom bounds and layout exactly, counts, sum
 * and buckets within relative 'epsilon' (promqltest uses 1e-6; NaN equals NaN), the counter
 * reset hint only if compare_hint (the expectation spelled one out). *equal gets the verdict. */
pq_hist_status pq_hist_test_equal(pq_arena *ar, const promql_histogram *expected,
                                  const promql_histogram *actual, bool compare_hint,
                                  double epsilon, bool *equal);

/* ---- copies and layout ----------------------------------------------------------------- */

/* Deep copy (custom_values shared). For custom buckets, zero threshold/count and negative
 * buckets are dropped, as upstream's Copy. */
pq_hist_status pq_hist_copy(pq_arena *a, const promql_histogram *h, promql_histogram *out);

/* Compact (FloatHistogram.Compact): drop empty buckets at the edges of spans, merge spans at most
 * max_empty_buckets apart (inserting empty buckets), split spans at runs of more than
 * max_empty_buckets empty buckets. max_empty_buckets == 0 removes every empty bucket.
 * Filling more than 2^20 empty buckets into gaps is refused (PQ_HIST_ERR_NOMEM). */
pq_hist_status pq_hist_compact(pq_arena *a, const promql_histogram *h, int max_empty_buckets,
                               promql_histogram *out);

/* CopyToSchema: a copy at target_schema <= h->schema (exponential only). With a schema change
 * the counter reset hint of the copy is Unknown, as upstream. */
pq_hist_status pq_hist_copy_to_schema(pq_arena *a, const promql_histogram *h, int32_t target_schema,
                                      promql_histogram *out);

/* Widen the zero bucket to at least 'threshold' (exponential only): buckets whose lower bound
 * (absolute) is below the new threshold are merged into the zero bucket; when the threshold falls
 * inside a populated bucket it is raised to that bucket's upper bound. A threshold lower than the
 * current one leaves h unchanged (copied). */
pq_hist_status pq_hist_widen_zero_bucket(pq_arena *a, const promql_histogram *h, double threshold,
                                         promql_histogram *out);

/* ---- arithmetic ------------------------------------------------------------------------ */

/* out = a + b (FloatHistogram.Add with a as receiver): the lower schema wins, zero buckets are
 * reconciled to a common threshold, NHCBs with different bounds are combined on the
 * intersection of their bounds (flag NHCB_BOUNDS_RECONCILED), exponential vs custom is
 * PQ_HIST_ERR_INCOMPATIBLE_SCHEMA. The hint follows adjustCounterReset (flag
 * COUNTER_RESET_COLLISION on CounterReset vs NotCounterReset). *flags may be NULL. */
pq_hist_status pq_hist_add(pq_arena *ar, const promql_histogram *a, const promql_histogram *b,
                           promql_histogram *out, unsigned *flags);

/* out = a - b, as pq_hist_add (FloatHistogram.Sub). The hint is set like Add's; the PromQL '-'
 * operator sets the result to Gauge afterwards (upstream does the same). */
pq_hist_status pq_hist_sub(pq_arena *ar, const promql_histogram *a, const promql_histogram *b,
                           promql_histogram *out, unsigned *flags);

/* Kahan-compensated running sum (FloatHistogram.KahanAdd): sum + other, with 'comp' the
 * compensation histogram of 'sum' (NULL at the first call: zero compensation with sum's layout).
 * comp must have the layout of sum (as returned by an earlier call). Writes the new sum and its
 * new compensation. The final value is pq_hist_add(sum, comp) (after any division). */
pq_hist_status pq_hist_kahan_add(pq_arena *ar, const promql_histogram *sum,
                                 const promql_histogram *comp, const promql_histogram *other,
                                 promql_histogram *out_sum, promql_histogram *out_comp,
                                 unsigned *flags);

/* out = h * factor (Mul): every count and the sum scaled; a negative factor sets hint Gauge. */
pq_hist_status pq_hist_mul(pq_arena *ar, const promql_histogram *h, double factor,
                           promql_histogram *out);

/* out = h / divisor (Div); dividing by 0 removes all buckets (count, sum, zero count become
 * +-Inf or NaN); a negative divisor sets hint Gauge. */
pq_hist_status pq_hist_div(pq_arena *ar, const promql_histogram *h, double divisor,
                           promql_histogram *out);

/* out = -h (unary minus in PromQL: Mul(-1), hence hint Gauge). */
pq_hist_status pq_hist_neg(pq_arena *ar, const promql_histogram *h, promql_histogram *out);

/* TrimBuckets, the '</' (upper_trim) and '>/' operators: keep observations below (upper_trim)
 * or above rhs, interpolating within the bucket containing rhs; count and sum recomputed from
 * bucket midpoints when anything was trimmed; result compacted. */
pq_hist_status pq_hist_trim(pq_arena *ar, const promql_histogram *h, double rhs, bool upper_trim,
                            promql_histogram *out);

/* FloatHistogram.Size(): the bytes upstream accounts for a histogram (168 + 8 per span, bucket
 * and custom bound). Sample limits count a histogram point of a range as (size + 8) / 16 samples
 * (HPoint.size) and one in an instant vector as size / 16 (Vector sample counting). */
size_t pq_hist_size(const promql_histogram *h);

/* True if any field (counts, sum, buckets, custom bounds) is infinite (HasOverflow). */
bool pq_hist_has_overflow(const promql_histogram *h);

/* ---- counter resets -------------------------------------------------------------------- */

/* DetectReset: whether 'cur' following 'prev' is a counter reset. The hint of cur short-cuts
 * (CounterReset: true, NotCounterReset: false); otherwise a lower count, a missing populated or
 * decreased bucket, a schema increase, a zero threshold decrease, a change between exponential
 * and custom buckets, or (for NHCBs with different bounds) a decrease on the common bounds.
 * Needs no memory. Malformed inputs count as a reset. */
bool pq_hist_detect_reset(const promql_histogram *cur, const promql_histogram *prev);

/* The raw increase of a histogram series over one window (functions.go histogramRate), for
 * rate/increase (is_counter) and delta: last - first at the lowest schema of the window, plus,
 * for counters, the histogram before each counter reset (DetectReset, or a start timestamp
 * reset when st != NULL); the first sample is ignored when the second one is a reset. The result
 * has hint Gauge and is compacted; extrapolation and division are the caller's. h[i] NULL marks
 * a float sample. n >= 2. *has_result is false when upstream returns no sample (mixed floats or
 * mixed exponential/custom buckets: see *flags). t/st are the sample and start timestamps
 * (st may be NULL). */
pq_hist_status pq_hist_rate_increase(pq_arena *ar, const promql_histogram *const *h,
                                     const int64_t *t, const int64_t *st, size_t n,
                                     bool is_counter, promql_histogram *out, bool *has_result,
                                     unsigned *flags);

/* interpolateHistograms (smoothed / anchored rate): the histogram at time t between h1 at t1 and
 * h2 at t2, h1 + (h2 - h1) * (t - t1) / (t2 - t1); for counters a reset between them makes it
 * h2 * fraction (counting from zero). Copies at t == t1 or t2. Flags NHCB_BOUNDS_RECONCILED_SUB /
 * NHCB_BOUNDS_RECONCILED for the subtraction / addition; PQ_HIST_ERR_INCOMPATIBLE_SCHEMA when
 * exponential and custom buckets mix. */
pq_hist_status pq_hist_interpolate(pq_arena *ar, const promql_histogram *h1, int64_t t1,
                                   const promql_histogram *h2, int64_t t2, int64_t t,
                                   bool is_counter, promql_histogram *out, unsigned *flags);

/* ---- buckets --------------------------------------------------------------------------- */

/* Upper bound of bucket idx of an exponential schema (getBoundExponential: table lookup for
 * positive schemas, math.MaxFloat64 for the last finite bucket). */
double pq_hist_exp_bound(int64_t idx, int32_t schema);

/* Upper bound of bucket idx (getBound): custom schemas use custom_values, -1 is -Inf and
 * custom_value_count is +Inf; idx outside -1..custom_value_count gives NaN. */
double pq_hist_bound(int64_t idx, int32_t schema, const double *custom_values, size_t custom_count);

typedef struct pq_hist_bucket {
    double lower, upper;
    bool lower_inclusive, upper_inclusive;
    double count;
    int32_t index;            /* index within the schema; meaningless for the zero bucket */
} pq_hist_bucket;

/* Cursor over the buckets of one side (positive or negative) of a histogram, forward (index
 * ascending) or reverse. Internal state; use the iterators below. */
typedef struct pq_hist_side_cursor {
    const promql_span *spans;
    size_t nspans;
    const double *buckets;
    size_t nbuckets;
    ptrdiff_t span_i;         /* current span */
    int64_t left;             /* buckets left in the current span (reverse) / used (forward) */
    size_t bucket_i;          /* next bucket (forward) / one past the next (reverse) */
    int64_t next_idx;         /* bucket index of the next bucket */
    bool reverse;
} pq_hist_side_cursor;

/* All buckets in ascending order of value (AllBucketIterator): negative buckets from the most
 * negative up, the zero bucket (only if its count > 0), positive buckets upwards; or the
 * reverse (AllReverseBucketIterator). Buckets overlapping the zero bucket are clipped to the
 * zero threshold, as upstream. Empty buckets present in the spans are returned too. Init on a
 * validated histogram (pq_hist_validate() == PQ_HIST_OK). */
typedef struct pq_hist_iter {
    const promql_histogram *h;
    bool reverse;
    int state;                /* 0 first side, 1 zero bucket, 2 second side, 3 done */
    pq_hist_side_cursor side;
} pq_hist_iter;

void pq_hist_iter_init(pq_hist_iter *it, const promql_histogram *h, bool reverse);
bool pq_hist_iter_next(pq_hist_iter *it, pq_hist_bucket *out);

/* Positive buckets ascending (positive=true) or negative buckets descending from zero, without
 * clipping (PositiveBucketIterator / NegativeBucketIterator). */
typedef struct pq_hist_side_iter {
    const promql_histogram *h;
    bool positive;
    pq_hist_side_cursor cur;
} pq_hist_side_iter;

void pq_hist_side_iter_init(pq_hist_side_iter *it, const promql_histogram *h, bool positive);
bool pq_hist_side_iter_next(pq_hist_side_iter *it, pq_hist_bucket *out);

/* ---- histogram functions (promql/quantile.go, functions.go) ---------------------------- */

/* histogram_quantile on a native histogram (HistogramQuantile). q<0: -Inf, q>1: +Inf, NaN q or
 * count 0: NaN. *flags gets QUANTILE_NAN_RESULT / QUANTILE_NAN_SKEW (may be NULL). An invalid
 * histogram gives NaN. */
double pq_hist_quantile(double q, const promql_histogram *h, unsigned *flags);

/* histogram_fraction(lower, upper, h) (HistogramFraction); *flags gets FRACTION_NANS. */
double pq_hist_fraction(double lower, double upper, const promql_histogram *h, unsigned *flags);

/* histogram_stdvar / histogram_stddev: variance around sum/count using bucket midpoints
 * (arithmetic for custom buckets, 0 for the zero bucket, signed geometric mean otherwise). */
double pq_hist_stdvar(const promql_histogram *h);
double pq_hist_stddev(const promql_histogram *h);

/* histogram_avg: sum / count. */
double pq_hist_avg(const promql_histogram *h);

/* Go's math.Log, math.Log2 and math.Exp2, bit for bit (fdlibm algorithms); the quantile and
 * fraction interpolation use them. Also what PromQL's ln()/log2() need to match Prometheus. */
double pq_go_log(double x);
double pq_go_log2(double x);
double pq_go_exp2(double x);

/* Kahan/Neumaier increment (kahansum.Inc): returns the new sum, updates *c. */
double pq_kahan_inc(double inc, double sum, double *c);

/* ---- formatting ------------------------------------------------------------------------ */

/* Append the HTTP API JSON form (jsonutil.MarshalHistogram):
 * {"count":"3","sum":"5","buckets":[[0,"0.5","1","2"],...]} with boundary rule 0: (lower,upper],
 * 1: [lower,upper), 2: (lower,upper), 3: [lower,upper]; empty buckets are left out. Floats as
 * Go's strconv 'f' (or 'e' below 1e-6 / from 1e21), "+Inf", "-Inf", "NaN". */
void pq_hist_format_json(pq_strbuf *out, const promql_histogram *h);

/* Append the promqltest notation (FloatHistogram.TestExpression), e.g.
 * {{schema:1 count:3 sum:5 z_bucket:1 z_bucket_w:0.001 buckets:[1 2] n_offset:1 n_buckets:[3]}}.
 * The histogram is compacted to one span per side first (empty buckets inside spans shown as 0).
 * Returns PQ_HIST_ERR_INVALID / NOMEM and appends nothing on failure. */
pq_hist_status pq_hist_format_test_expr(pq_strbuf *out, pq_arena *a, const promql_histogram *h);

/* Format a float as Go's strconv.FormatFloat(v, fmt, -1, 64) for fmt 'g', 'f' or 'e' (shortest
 * digits that round-trip), into buf (at least 32 bytes). Returns buf. */
char *pq_format_go_float(char *buf, size_t len, double v, char fmt);

/* ---- shared by the histogram*.c files (not for other layers) --------------------------- */

void pq_hist_cursor_init(pq_hist_side_cursor *c, const promql_span *spans, size_t nspans,
                         const double *buckets, size_t nbuckets, bool reverse);
bool pq_hist_cursor_next(pq_hist_side_cursor *c, int64_t *idx, double *count);
/* The bucket of target_schema that bucket idx of origin_schema falls into (targetIdx). */
int64_t pq_hist_target_idx(int64_t idx, int32_t origin_schema, int32_t target_schema);
bool pq_hist_custom_bounds_match(const double *a, size_t na, const double *b, size_t nb);

#endif
