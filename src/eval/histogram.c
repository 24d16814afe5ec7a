/*
 * histogram.c -- layout and addition of native float histograms (Prometheus 3.14's
 * model/histogram FloatHistogram): validation, bucket bounds, bucket iteration, copy,
 * compaction, schema reduction, zero bucket reconciliation and Add/Sub/KahanAdd. Equality,
 * counter resets and scalar operations live in histogram_equal.c, histogram_reset.c and
 * histogram_scalar.c.
 *
 * Internally a side (positive or negative buckets) is expanded from spans into parallel arrays
 * of bucket indices and counts (plus Kahan compensations where needed). Every operation is then
 * a walk over sorted index arrays, and results are turned back into spans at the end. This keeps
 * each operation short and obviously bounded, at the cost of one index array per side.
 */
#include "eval/histogram.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* ---- small helpers -------------------------------------------------------------------- */

const char *pq_hist_status_message(pq_hist_status st)
{
    switch (st) {
    case PQ_HIST_OK: return "ok";
    case PQ_HIST_ERR_NOMEM: return "out of memory";
    case PQ_HIST_ERR_INVALID: return "malformed native histogram";
    case PQ_HIST_ERR_INCOMPATIBLE_SCHEMA:
        return "cannot apply this operation on histograms with a mix of exponential and custom bucket schemas";
    case PQ_HIST_ERR_SCHEMA_INCREASE: return "cannot increase the resolution of a histogram";
    }
    return "unknown histogram error";
}

/* Floor division by 2^s, for negative indices too (Go's >> on signed integers). */
static int64_t shr_floor(int64_t x, int s)
{
    if (x >= 0)
        return x >> s;
    return -(((-x) - 1) >> s) - 1;
}

/* The bucket in target_schema that bucket idx of schema origin falls into (targetIdx). */
int64_t pq_hist_target_idx(int64_t idx, int32_t origin, int32_t target)
{
    return shr_floor(idx - 1, origin - target) + 1;
}

/* kahansum.Inc with Neumaier's improvement. volatile stores keep the compiler from fusing or
 * reassociating across the steps, as upstream forbids fusing across the call. */
double pq_kahan_inc(double inc, double sum, double *c)
{
    volatile double t = sum + inc;
    double cc = *c;
    if (isinf(t)) {
        cc = 0;
    } else if (fabs(sum) >= fabs(inc)) {
        volatile double d = sum - t;
        cc += d + inc;
    } else {
        volatile double d = inc - t;
        cc += d + sum;
    }
    *c = cc;
    return t;
}

static bool schema_valid(int32_t s)
{
    return s == PQ_HIST_SCHEMA_CUSTOM || (s >= PQ_HIST_SCHEMA_MIN && s <= PQ_HIST_SCHEMA_MAX);
}

/* ---- bucket bounds ---------------------------------------------------------------------- */

/* Bucket bounds in [0.5,1) of schemas 0..8, upstream's table (histogram_bounds.c). */
extern const double pq_hist_exponential_bounds[511];

double pq_hist_exp_bound(int64_t idx, int32_t schema)
{
    if (schema < 0) {
        int64_t exp = idx * ((int64_t)1 << -schema);
        if (exp == 1024)
            return DBL_MAX;
        if (exp > 4000)
            exp = 4000;
        if (exp < -4000)
            exp = -4000;
        return ldexp(1, (int)exp);
    }
    if (schema > PQ_HIST_SCHEMA_MAX)
        return NAN;
    uint64_t mask = ((uint64_t)1 << schema) - 1;
    double frac = pq_hist_exponential_bounds[(1u << schema) - 1 + ((uint64_t)idx & mask)];
    int64_t exp = shr_floor(idx, schema) + 1;
    if (frac == 0.5 && exp == 1025)
        return DBL_MAX;
    if (exp > 4000)
        exp = 4000;
    if (exp < -4000)
        exp = -4000;
    return ldexp(frac, (int)exp);
}

double pq_hist_bound(int64_t idx, int32_t schema, const double *custom_values, size_t custom_count)
{
    if (schema == PQ_HIST_SCHEMA_CUSTOM) {
        if (idx == -1)
            return -INFINITY;
        if (idx < -1 || (size_t)idx > custom_count)
            return NAN;
        if ((size_t)idx == custom_count)
            return INFINITY;
        return custom_values[idx];
    }
    return pq_hist_exp_bound(idx, schema);
}

/* ---- validation ----------------------------------------------------------------------- */

/* Bucket indices are kept within +-2^30, so that index differences (span offsets) fit in int32.
 * Real indices stay within +-(1025 << 8): exponential buckets past that are 0 or +Inf wide. */
#define PQ_HIST_INDEX_LIMIT ((int64_t)1 << 30)

/* Span and bucket consistency of one side; first and last get the lowest/highest index. */
static pq_hist_status check_side(const promql_span *spans, size_t nspans, const double *buckets,
                                 size_t nbuckets, int64_t *first, int64_t *last)
{
    if ((nspans && !spans) || (nbuckets && !buckets))
        return PQ_HIST_ERR_INVALID;
    uint64_t total = 0;
    int64_t idx = 0;
    bool any = false;
    *first = 0;
    *last = -1;
    for (size_t i = 0; i < nspans; i++) {
        if (i > 0 && spans[i].offset < 0)
            return PQ_HIST_ERR_INVALID;
        idx += spans[i].offset;
        if (idx < -PQ_HIST_INDEX_LIMIT || idx > PQ_HIST_INDEX_LIMIT)
            return PQ_HIST_ERR_INVALID;
        if (spans[i].length > 0) {
            if (!any)
                *first = idx;
            any = true;
            idx += spans[i].length;
            *last = idx - 1;
            total += spans[i].length;
        }
        if (idx < -PQ_HIST_INDEX_LIMIT || idx > PQ_HIST_INDEX_LIMIT)
            return PQ_HIST_ERR_INVALID;
    }
    if (total != nbuckets)
        return PQ_HIST_ERR_INVALID;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_validate(const promql_histogram *h)
{
    if (!h || !schema_valid(h->schema))
        return PQ_HIST_ERR_INVALID;
    int64_t pf, pl, nf, nl;
    if (check_side(h->positive_spans, h->positive_span_count, h->positive_buckets,
                   h->positive_bucket_count, &pf, &pl) != PQ_HIST_OK)
        return PQ_HIST_ERR_INVALID;
    if (pq_hist_is_custom(h)) {
        if (h->negative_bucket_count || h->negative_span_count)
            return PQ_HIST_ERR_INVALID;
        if (h->custom_value_count && !h->custom_values)
            return PQ_HIST_ERR_INVALID;
        for (size_t i = 0; i < h->custom_value_count; i++) {
            double v = h->custom_values[i];
            if (isnan(v) || (i > 0 && v <= h->custom_values[i - 1]))
                return PQ_HIST_ERR_INVALID;
        }
        if (h->custom_value_count && h->custom_values[h->custom_value_count - 1] == INFINITY)
            return PQ_HIST_ERR_INVALID;
        if (h->positive_bucket_count && (pf < 0 || pl > (int64_t)h->custom_value_count))
            return PQ_HIST_ERR_INVALID;
        return PQ_HIST_OK;
    }
    if (check_side(h->negative_spans, h->negative_span_count, h->negative_buckets,
                   h->negative_bucket_count, &nf, &nl) != PQ_HIST_OK)
        return PQ_HIST_ERR_INVALID;
    if (isnan(h->zero_threshold))
        return PQ_HIST_ERR_INVALID;
    return PQ_HIST_OK;
}

/* ---- side cursors and iterators ------------------------------------------------------- */

void pq_hist_cursor_init(pq_hist_side_cursor *c, const promql_span *spans, size_t nspans,
                        const double *buckets, size_t nbuckets, bool reverse)
{
    memset(c, 0, sizeof *c);
    c->spans = spans;
    c->nspans = nspans;
    c->buckets = buckets;
    c->nbuckets = nbuckets;
    c->reverse = reverse;
    if (!reverse) {
        c->span_i = 0;
        c->left = 0;
        c->next_idx = nspans ? spans[0].offset : 0;
        c->bucket_i = 0;
        return;
    }
    int64_t end = 0;
    for (size_t i = 0; i < nspans; i++)
        end += (int64_t)spans[i].offset + spans[i].length;
    c->span_i = (ptrdiff_t)nspans - 1;
    c->left = nspans ? spans[nspans - 1].length : 0;
    c->next_idx = end - 1;
    c->bucket_i = nbuckets;
}

bool pq_hist_cursor_next(pq_hist_side_cursor *c, int64_t *idx, double *count)
{
    if (!c->reverse) {
        for (;;) {
            if (c->span_i >= (ptrdiff_t)c->nspans)
                return false;
            if (c->left < c->spans[c->span_i].length)
                break;
            c->span_i++;
            c->left = 0;
            if (c->span_i < (ptrdiff_t)c->nspans)
                c->next_idx += c->spans[c->span_i].offset;
        }
        if (c->bucket_i >= c->nbuckets)
            return false;
        *idx = c->next_idx++;
        *count = c->buckets[c->bucket_i++];
        c->left++;
        return true;
    }
    for (;;) {
        if (c->span_i < 0)
            return false;
        if (c->left > 0)
            break;
        c->next_idx -= c->spans[c->span_i].offset;
        c->span_i--;
        if (c->span_i >= 0)
            c->left = c->spans[c->span_i].length;
    }
    if (c->bucket_i == 0)
        return false;
    *idx = c->next_idx--;
    *count = c->buckets[--c->bucket_i];
    c->left--;
    return true;
}

static void make_bucket(const promql_histogram *h, bool positive, int64_t idx, double count,
                        pq_hist_bucket *b)
{
    size_t ncv = pq_hist_is_custom(h) ? h->custom_value_count : 0;
    double up = pq_hist_bound(idx, h->schema, h->custom_values, ncv);
    double lo = pq_hist_bound(idx - 1, h->schema, h->custom_values, ncv);
    b->count = count;
    b->index = (int32_t)idx;
    if (positive) {
        b->upper = up;
        b->lower = lo;
    } else {
        b->lower = -up;
        b->upper = -lo;
    }
    if (pq_hist_is_custom(h)) {
        b->lower_inclusive = idx == 0;
        b->upper_inclusive = true;
    } else {
        b->lower_inclusive = b->lower < 0;
        b->upper_inclusive = b->upper > 0;
    }
}

void pq_hist_side_iter_init(pq_hist_side_iter *it, const promql_histogram *h, bool positive)
{
    it->h = h;
    it->positive = positive;
    if (positive)
        pq_hist_cursor_init(&it->cur, h->positive_spans, h->positive_span_count, h->positive_buckets,
                    h->positive_bucket_count, false);
    else
        pq_hist_cursor_init(&it->cur, h->negative_spans, h->negative_span_count, h->negative_buckets,
                    h->negative_bucket_count, false);
}

bool pq_hist_side_iter_next(pq_hist_side_iter *it, pq_hist_bucket *out)
{
    int64_t idx;
    double cnt;
    if (!pq_hist_cursor_next(&it->cur, &idx, &cnt))
        return false;
    make_bucket(it->h, it->positive, idx, cnt, out);
    return true;
}

static void iter_start_side(pq_hist_iter *it, bool first)
{
    const promql_histogram *h = it->h;
    /* Forward: negative side walked from its highest index (most negative value), then the
     * positive side from its lowest. Reverse: the mirror image. */
    bool positive = first ? it->reverse : !it->reverse;
    bool rev_cursor = first;
    if (positive)
        pq_hist_cursor_init(&it->side, h->positive_spans, h->positive_span_count, h->positive_buckets,
                    h->positive_bucket_count, rev_cursor);
    else
        pq_hist_cursor_init(&it->side, h->negative_spans, h->negative_span_count, h->negative_buckets,
                    h->negative_bucket_count, rev_cursor);
}

void pq_hist_iter_init(pq_hist_iter *it, const promql_histogram *h, bool reverse)
{
    it->h = h;
    it->reverse = reverse;
    it->state = 0;
    iter_start_side(it, true);
}

bool pq_hist_iter_next(pq_hist_iter *it, pq_hist_bucket *out)
{
    const promql_histogram *h = it->h;
    for (;;) {
        int64_t idx;
        double cnt;
        switch (it->state) {
        case 0:
        case 2: {
            if (!pq_hist_cursor_next(&it->side, &idx, &cnt)) {
                if (it->state == 0) {
                    it->state = 1;
                } else {
                    it->state = 3;
                }
                continue;
            }
            bool positive = (it->state == 0) == it->reverse;
            make_bucket(h, positive, idx, cnt, out);
            double zt = pq_hist_is_custom(h) ? 0 : h->zero_threshold;
            if (out->upper < 0 && out->upper > -zt)
                out->upper = -zt;
            else if (out->lower > 0 && out->lower < zt)
                out->lower = zt;
            return true;
        }
        case 1:
            it->state = 2;
            iter_start_side(it, false);
            if (!pq_hist_is_custom(h) && h->zero_count > 0) {
                out->lower = -h->zero_threshold;
                out->upper = h->zero_threshold;
                out->lower_inclusive = out->upper_inclusive = true;
                out->count = h->zero_count;
                out->index = 0;
                return true;
            }
            continue;
        default:
            return false;
        }
    }
}

/* ---- expanded sides ------------------------------------------------------------------- */

typedef struct side {
    int32_t *idx;
    double *cnt;
    double *comp;             /* Kahan compensations, or NULL */
    size_t n;
} side;

/* An expanded histogram: the scalar fields plus both sides. */
typedef struct xhist {
    int32_t schema;
    promql_counter_reset_hint hint;
    double zt, zc, count, sum;
    side pos, neg;
    const double *cv;
    size_t ncv;
} xhist;

static pq_hist_status side_alloc(pq_arena *a, side *s, size_t n, bool comp)
{
    s->n = n;
    s->idx = pq_arena_alloc(a, (n ? n : 1) * sizeof *s->idx);
    s->cnt = pq_arena_alloc(a, (n ? n : 1) * sizeof *s->cnt);
    s->comp = comp ? pq_arena_calloc(a, n ? n : 1, sizeof *s->comp) : NULL;
    if (!s->idx || !s->cnt || (comp && !s->comp))
        return PQ_HIST_ERR_NOMEM;
    return PQ_HIST_OK;
}

static pq_hist_status side_expand(pq_arena *a, const promql_span *spans, size_t nspans,
                                  const double *buckets, size_t nbuckets, bool comp, side *s)
{
    if (side_alloc(a, s, nbuckets, comp) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    pq_hist_side_cursor c;
    pq_hist_cursor_init(&c, spans, nspans, buckets, nbuckets, false);
    int64_t idx;
    double cnt;
    size_t k = 0;
    while (k < nbuckets && pq_hist_cursor_next(&c, &idx, &cnt)) {
        s->idx[k] = (int32_t)idx;
        s->cnt[k] = cnt;
        k++;
    }
    s->n = k;
    return PQ_HIST_OK;
}

static pq_hist_status expand(pq_arena *a, const promql_histogram *h, bool comp, xhist *x)
{
    x->schema = h->schema;
    x->hint = h->counter_reset_hint;
    x->count = h->count;
    x->sum = h->sum;
    x->cv = NULL;
    x->ncv = 0;
    if (pq_hist_is_custom(h)) {
        x->zt = x->zc = 0;
        x->cv = h->custom_values;
        x->ncv = h->custom_value_count;
    } else {
        x->zt = h->zero_threshold;
        x->zc = h->zero_count;
    }
    if (side_expand(a, h->positive_spans, h->positive_span_count, h->positive_buckets,
                    h->positive_bucket_count, comp, &x->pos) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if (pq_hist_is_custom(h)) {
        memset(&x->neg, 0, sizeof x->neg);
        return side_alloc(a, &x->neg, 0, comp);
    }
    return side_expand(a, h->negative_spans, h->negative_span_count, h->negative_buckets,
                       h->negative_bucket_count, comp, &x->neg);
}

/* Spans and buckets from a side; consecutive indices share a span. With comp_out, the Kahan
 * compensations are written to a parallel array. */
static pq_hist_status side_collapse(pq_arena *a, const side *s, const promql_span **spans_out,
                                    size_t *nspans_out, const double **buckets_out,
                                    size_t *nbuckets_out, const double **comp_out)
{
    *spans_out = NULL;
    *nspans_out = 0;
    *buckets_out = NULL;
    *nbuckets_out = 0;
    if (comp_out)
        *comp_out = NULL;
    if (s->n == 0)
        return PQ_HIST_OK;
    size_t nspans = 1;
    for (size_t i = 1; i < s->n; i++)
        if (s->idx[i] != s->idx[i - 1] + 1)
            nspans++;
    promql_span *sp = pq_arena_alloc(a, nspans * sizeof *sp);
    double *b = pq_arena_alloc(a, s->n * sizeof *b);
    double *c = comp_out ? pq_arena_alloc(a, s->n * sizeof *c) : NULL;
    if (!sp || !b || (comp_out && !c))
        return PQ_HIST_ERR_NOMEM;
    size_t k = 0;
    sp[0].offset = s->idx[0];
    sp[0].length = 1;
    for (size_t i = 1; i < s->n; i++) {
        if (s->idx[i] == s->idx[i - 1] + 1) {
            sp[k].length++;
        } else {
            k++;
            sp[k].offset = s->idx[i] - s->idx[i - 1] - 1;
            sp[k].length = 1;
        }
    }
    memcpy(b, s->cnt, s->n * sizeof *b);
    if (c) {
        if (s->comp)
            memcpy(c, s->comp, s->n * sizeof *c);
        else
            memset(c, 0, s->n * sizeof *c);
        *comp_out = c;
    }
    *spans_out = sp;
    *nspans_out = nspans;
    *buckets_out = b;
    *nbuckets_out = s->n;
    return PQ_HIST_OK;
}

static pq_hist_status collapse(pq_arena *a, const xhist *x, promql_histogram *out,
                               promql_histogram *comp_out, const xhist *cx)
{
    memset(out, 0, sizeof *out);
    out->schema = x->schema;
    out->counter_reset_hint = x->hint;
    out->count = x->count;
    out->sum = x->sum;
    if (x->schema == PQ_HIST_SCHEMA_CUSTOM) {
        out->custom_values = x->cv;
        out->custom_value_count = x->ncv;
    } else {
        out->zero_threshold = x->zt;
        out->zero_count = x->zc;
    }
    const double *pc = NULL, *nc = NULL;
    if (side_collapse(a, &x->pos, &out->positive_spans, &out->positive_span_count,
                      &out->positive_buckets, &out->positive_bucket_count,
                      comp_out ? &pc : NULL) != PQ_HIST_OK ||
        side_collapse(a, &x->neg, &out->negative_spans, &out->negative_span_count,
                      &out->negative_buckets, &out->negative_bucket_count,
                      comp_out ? &nc : NULL) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if (comp_out) {
        *comp_out = *out;
        comp_out->count = cx->count;
        comp_out->sum = cx->sum;
        comp_out->zero_count = x->schema == PQ_HIST_SCHEMA_CUSTOM ? 0 : cx->zc;
        comp_out->positive_buckets = pc;
        comp_out->negative_buckets = nc;
    }
    return PQ_HIST_OK;
}

/* Drop buckets whose count (and compensation) is zero (Compact(0) on a side). */
static void side_drop_empty(side *s)
{
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->cnt[i] == 0 && (!s->comp || s->comp[i] == 0))
            continue;
        s->idx[k] = s->idx[i];
        s->cnt[k] = s->cnt[i];
        if (s->comp)
            s->comp[k] = s->comp[i];
        k++;
    }
    s->n = k;
}

/* Reduce a side from schema 'from' to 'to' (reduceResolution / kahanReduceResolution). In place:
 * target buckets never outnumber the origin ones. With kahan, merged counts are summed with
 * compensation (origin comps included; a side without comps gets zero comps). */
static pq_hist_status side_reduce(pq_arena *a, side *s, int32_t from, int32_t to, bool kahan)
{
    if (from == to)
        return PQ_HIST_OK;
    if (kahan && !s->comp) {
        s->comp = pq_arena_calloc(a, s->n ? s->n : 1, sizeof *s->comp);
        if (!s->comp)
            return PQ_HIST_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        int32_t t = (int32_t)pq_hist_target_idx(s->idx[i], from, to);
        if (k > 0 && s->idx[k - 1] == t) {
            if (kahan) {
                double c = s->comp[k - 1];
                double v = pq_kahan_inc(s->cnt[i], s->cnt[k - 1], &c);
                v = pq_kahan_inc(s->comp[i], v, &c);
                s->cnt[k - 1] = v;
                s->comp[k - 1] = c;
            } else {
                s->cnt[k - 1] += s->cnt[i];
            }
            continue;
        }
        s->idx[k] = t;
        s->cnt[k] = s->cnt[i];
        if (s->comp)
            s->comp[k] = s->comp[i];
        k++;
    }
    s->n = k;
    return PQ_HIST_OK;
}

/* A += B (or A -= B) over sides at the same schema (addBuckets / kahanAddBuckets). Leading
 * buckets of B whose upper bound is <= threshold (exponential schemas) are skipped: their counts
 * were already folded into the zero bucket. With kahan, A must have comps. */
static pq_hist_status side_add(pq_arena *a, side *A, const side *B, bool negative, int32_t schema,
                               double threshold, bool kahan)
{
    size_t jstart = 0;
    if (schema != PQ_HIST_SCHEMA_CUSTOM)
        while (jstart < B->n && pq_hist_exp_bound(B->idx[jstart], schema) <= threshold)
            jstart++;
    size_t cap = A->n + (B->n - jstart);
    side r;
    if (side_alloc(a, &r, cap, kahan) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    size_t i = 0, j = jstart, k = 0;
    while (i < A->n || j < B->n) {
        if (j >= B->n || (i < A->n && A->idx[i] < B->idx[j])) {
            r.idx[k] = A->idx[i];
            r.cnt[k] = A->cnt[i];
            if (kahan)
                r.comp[k] = A->comp[i];
            i++;
            k++;
            continue;
        }
        double b = B->cnt[j];
        double cb = (kahan && B->comp) ? B->comp[j] : 0;
        if (negative) {
            b = -b;
            cb = -cb;
        }
        if (i < A->n && A->idx[i] == B->idx[j]) {
            r.idx[k] = A->idx[i];
            if (kahan) {
                double c = A->comp[i];
                double v = pq_kahan_inc(b, A->cnt[i], &c);
                if (cb != 0)
                    v = pq_kahan_inc(cb, v, &c);
                r.cnt[k] = v;
                r.comp[k] = c;
            } else {
                r.cnt[k] = A->cnt[i] + b;
            }
            i++;
        } else {
            r.idx[k] = B->idx[j];
            r.cnt[k] = b;
            if (kahan)
                r.comp[k] = cb;
        }
        j++;
        k++;
    }
    r.n = k;
    *A = r;
    return PQ_HIST_OK;
}

/* ---- zero bucket reconciliation -------------------------------------------------------- */

/* The zero count x would have with a zero threshold of at least 'larger' (>= x->zt), the
 * threshold actually needed (raised to a bucket bound when 'larger' falls inside a populated
 * bucket), and the running Kahan compensation *c (zeroCountForLargerThreshold; *c is not reset
 * on a restart, as upstream). use_comp adds x's bucket compensations too. */
static double zero_count_for_larger(const xhist *x, double larger, double *thr_out, double *c,
                                    bool use_comp)
{
    if (larger == x->zt) {
        *thr_out = larger;
        return x->zc;
    }
    for (;;) {
        double zc = x->zc;
        bool restart = false;
        for (size_t k = 0; k < x->pos.n; k++) {
            double lower = pq_hist_exp_bound((int64_t)x->pos.idx[k] - 1, x->schema);
            double upper = pq_hist_exp_bound(x->pos.idx[k], x->schema);
            if (lower >= larger)
                break;
            zc = pq_kahan_inc(x->pos.cnt[k], zc, c);
            if (use_comp && x->pos.comp)
                zc = pq_kahan_inc(x->pos.comp[k], zc, c);
            if (upper > larger) {
                if (x->pos.cnt[k] != 0)
                    larger = upper;
                break;
            }
        }
        for (size_t k = 0; k < x->neg.n; k++) {
            double lower = -pq_hist_exp_bound(x->neg.idx[k], x->schema);
            double upper = -pq_hist_exp_bound((int64_t)x->neg.idx[k] - 1, x->schema);
            if (upper <= -larger)
                break;
            zc = pq_kahan_inc(x->neg.cnt[k], zc, c);
            if (use_comp && x->neg.comp)
                zc = pq_kahan_inc(x->neg.comp[k], zc, c);
            if (lower < -larger) {
                if (x->neg.cnt[k] != 0) {
                    larger = -lower;
                    restart = true;
                }
                break;
            }
        }
        if (!restart) {
            *thr_out = larger;
            return zc;
        }
    }
}

/* Zero the buckets inside x's zero bucket (their counts are in the zero count already) and drop
 * empty buckets (trimBucketsInZeroBucket, which compacts). */
static void trim_buckets_in_zero_bucket(xhist *x)
{
    for (size_t k = 0; k < x->pos.n; k++) {
        if (pq_hist_exp_bound((int64_t)x->pos.idx[k] - 1, x->schema) >= x->zt)
            break;
        x->pos.cnt[k] = 0;
        if (x->pos.comp)
            x->pos.comp[k] = 0;
    }
    for (size_t k = 0; k < x->neg.n; k++) {
        if (-pq_hist_exp_bound((int64_t)x->neg.idx[k] - 1, x->schema) <= -x->zt)
            break;
        x->neg.cnt[k] = 0;
        if (x->neg.comp)
            x->neg.comp[k] = 0;
    }
    side_drop_empty(&x->pos);
    side_drop_empty(&x->neg);
}

/* reconcileZeroBuckets: widen the zero bucket of x and the (virtual) one of o to a common
 * threshold; returns o's zero count at that threshold and its compensation in *ocomp. */
static pq_hist_status reconcile_zero_buckets(xhist *x, double *xzc_comp, const xhist *o,
                                             double *ozc_out, double *ocomp)
{
    double ozc = o->zc, ozt = o->zt;
    *ocomp = 0;
    int guard = 0;
    while (ozt != x->zt) {
        if (++guard > 100000)
            return PQ_HIST_ERR_INVALID;
        if (x->zt > ozt) {
            double c = 0;
            ozc = zero_count_for_larger(o, x->zt, &ozt, &c, false);
            *ocomp = c;
        }
        if (ozt > x->zt) {
            double c = xzc_comp ? *xzc_comp : 0;
            double thr;
            x->zc = zero_count_for_larger(x, ozt, &thr, &c, xzc_comp != NULL);
            x->zt = thr;
            if (xzc_comp)
                *xzc_comp = c;
            trim_buckets_in_zero_bucket(x);
        }
    }
    *ozc_out = ozc;
    return PQ_HIST_OK;
}

/* ---- counter reset hints -------------------------------------------------------------- */

/* adjustCounterReset: the hint of a sum or difference; true on a CounterReset/NotCounterReset
 * collision. */
static bool adjust_counter_reset(promql_counter_reset_hint *h, promql_counter_reset_hint o)
{
    if (o == *h || *h == PROMQL_HINT_GAUGE)
        return false;
    if (o == PROMQL_HINT_GAUGE) {
        *h = PROMQL_HINT_GAUGE;
        return false;
    }
    if (*h == PROMQL_HINT_UNKNOWN)
        return false;
    if (o == PROMQL_HINT_UNKNOWN) {
        *h = PROMQL_HINT_UNKNOWN;
        return false;
    }
    *h = PROMQL_HINT_UNKNOWN;
    return true;
}

/* ---- custom bucket bounds ------------------------------------------------------------- */

bool pq_hist_custom_bounds_match(const double *a, size_t na, const double *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* intersectCustomBucketBounds: the bounds both sets have (NULL/0 when either is empty). */
static pq_hist_status intersect_bounds(pq_arena *ar, const double *a, size_t na, const double *b,
                                       size_t nb, const double **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (na == 0 || nb == 0)
        return PQ_HIST_OK;
    double *r = pq_arena_alloc(ar, (na < nb ? na : nb) * sizeof *r);
    if (!r)
        return PQ_HIST_ERR_NOMEM;
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            r[k++] = a[i];
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    if (k > 0) {
        *out = r;
        *nout = k;
    }
    return PQ_HIST_OK;
}

/* Map a custom-bucket side onto the intersected bounds 'ib' (addCustomBucketsWithMismatches):
 * each source bucket goes to the first target bound >= its own upper bound (+Inf bucket if none).
 * Sums with Kahan steps into t/tc. */
static void map_custom_side(const side *s, const double *bounds, size_t nbounds, const double *ib,
                            size_t nib, bool negative, const double *comp, double *t, double *tc)
{
    size_t ii = 0;
    for (size_t k = 0; k < s->n; k++) {
        size_t target = nib;  /* the +Inf bucket */
        size_t src = (size_t)s->idx[k];
        if (src < nbounds) {
            double sb = bounds[src];
            while (ii < nib) {
                if (ib[ii] >= sb) {
                    target = ii;
                    break;
                }
                ii++;
            }
        }
        if (negative) {
            t[target] = pq_kahan_inc(-s->cnt[k], t[target], &tc[target]);
        } else {
            t[target] = pq_kahan_inc(s->cnt[k], t[target], &tc[target]);
            if (comp)
                t[target] = pq_kahan_inc(comp[k], t[target], &tc[target]);
        }
    }
}

static pq_hist_status add_custom_mismatched(pq_arena *ar, xhist *x, const xhist *o, bool negative,
                                            bool kahan)
{
    const double *ib;
    size_t nib;
    if (intersect_bounds(ar, x->cv, x->ncv, o->cv, o->ncv, &ib, &nib) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    double *t = pq_arena_calloc(ar, nib + 1, sizeof *t);
    double *tc = pq_arena_calloc(ar, nib + 1, sizeof *tc);
    if (!t || !tc)
        return PQ_HIST_ERR_NOMEM;
    map_custom_side(&x->pos, x->cv, x->ncv, ib, nib, false, x->pos.comp, t, tc);
    map_custom_side(&o->pos, o->cv, o->ncv, ib, nib, negative, NULL, t, tc);
    side r;
    if (side_alloc(ar, &r, nib + 1, kahan) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i <= nib; i++) {
        if (t[i] == 0 && tc[i] == 0)
            continue;
        r.idx[k] = (int32_t)i;
        r.cnt[k] = t[i];
        if (kahan)
            r.comp[k] = tc[i];
        k++;
    }
    r.n = k;
    x->pos = r;
    x->cv = ib;
    x->ncv = nib;
    return PQ_HIST_OK;
}

/* ---- copy, equality, compaction -------------------------------------------------------- */

pq_hist_status pq_hist_copy(pq_arena *a, const promql_histogram *h, promql_histogram *out)
{
    pq_hist_status st = pq_hist_validate(h);
    if (st != PQ_HIST_OK)
        return st;
    promql_histogram r = *h;
    promql_span *ps = NULL, *ns = NULL;
    double *pb = NULL, *nb = NULL;
    if (h->positive_span_count) {
        ps = pq_arena_alloc(a, h->positive_span_count * sizeof *ps);
        if (!ps)
            return PQ_HIST_ERR_NOMEM;
        memcpy(ps, h->positive_spans, h->positive_span_count * sizeof *ps);
    }
    if (h->positive_bucket_count) {
        pb = pq_arena_alloc(a, h->positive_bucket_count * sizeof *pb);
        if (!pb)
            return PQ_HIST_ERR_NOMEM;
        memcpy(pb, h->positive_buckets, h->positive_bucket_count * sizeof *pb);
    }
    r.positive_spans = ps;
    r.positive_buckets = pb;
    if (pq_hist_is_custom(h)) {
        r.zero_threshold = r.zero_count = 0;
        r.negative_spans = NULL;
        r.negative_buckets = NULL;
        r.negative_span_count = r.negative_bucket_count = 0;
    } else {
        if (h->negative_span_count) {
            ns = pq_arena_alloc(a, h->negative_span_count * sizeof *ns);
            if (!ns)
                return PQ_HIST_ERR_NOMEM;
            memcpy(ns, h->negative_spans, h->negative_span_count * sizeof *ns);
        }
        if (h->negative_bucket_count) {
            nb = pq_arena_alloc(a, h->negative_bucket_count * sizeof *nb);
            if (!nb)
                return PQ_HIST_ERR_NOMEM;
            memcpy(nb, h->negative_buckets, h->negative_bucket_count * sizeof *nb);
        }
        r.negative_spans = ns;
        r.negative_buckets = nb;
        r.custom_values = NULL;
        r.custom_value_count = 0;
    }
    *out = r;
    return PQ_HIST_OK;
}

/* Compact one side: without its empty buckets, then spans at most max_empty apart merged
 * (with explicit empty buckets in the gap). The result equals compactBuckets' in every case. */
static pq_hist_status side_compact(pq_arena *a, const promql_span *spans, size_t nspans,
                                   const double *buckets, size_t nbuckets, int max_empty,
                                   const promql_span **so, size_t *nso, const double **bo,
                                   size_t *nbo)
{
    side s;
    if (side_expand(a, spans, nspans, buckets, nbuckets, false, &s) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    side_drop_empty(&s);
    if (max_empty < 0)
        max_empty = 0;
    size_t total = s.n;
    for (size_t i = 1; i < s.n; i++) {
        int64_t gap = (int64_t)s.idx[i] - s.idx[i - 1] - 1;
        if (gap > 0 && gap <= max_empty)
            total += (size_t)gap;
    }
    /* Filling gaps is for display (TestExpression) and small max_empty values; refuse to
     * materialise millions of empty buckets between far-apart indices. */
    if (total - s.n > ((size_t)1 << 20))
        return PQ_HIST_ERR_NOMEM;
    side f;
    if (side_alloc(a, &f, total, false) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (i > 0) {
            int64_t gap = (int64_t)s.idx[i] - s.idx[i - 1] - 1;
            if (gap > 0 && gap <= max_empty)
                for (int64_t g = 1; g <= gap; g++) {
                    f.idx[k] = (int32_t)(s.idx[i - 1] + g);
                    f.cnt[k] = 0;
                    k++;
                }
        }
        f.idx[k] = s.idx[i];
        f.cnt[k] = s.cnt[i];
        k++;
    }
    f.n = k;
    return side_collapse(a, &f, so, nso, bo, nbo, NULL);
}

pq_hist_status pq_hist_compact(pq_arena *a, const promql_histogram *h, int max_empty_buckets,
                               promql_histogram *out)
{
    pq_hist_status st = pq_hist_validate(h);
    if (st != PQ_HIST_OK)
        return st;
    promql_histogram r = *h;
    if (side_compact(a, h->positive_spans, h->positive_span_count, h->positive_buckets,
                     h->positive_bucket_count, max_empty_buckets, &r.positive_spans,
                     &r.positive_span_count, &r.positive_buckets,
                     &r.positive_bucket_count) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if (side_compact(a, h->negative_spans, h->negative_span_count, h->negative_buckets,
                     h->negative_bucket_count, max_empty_buckets, &r.negative_spans,
                     &r.negative_span_count, &r.negative_buckets,
                     &r.negative_bucket_count) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    *out = r;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_copy_to_schema(pq_arena *a, const promql_histogram *h, int32_t target,
                                      promql_histogram *out)
{
    pq_hist_status st = pq_hist_validate(h);
    if (st != PQ_HIST_OK)
        return st;
    if (target == h->schema)
        return pq_hist_copy(a, h, out);
    if (pq_hist_is_custom(h) || target == PQ_HIST_SCHEMA_CUSTOM || target > h->schema ||
        !schema_valid(target))
        return PQ_HIST_ERR_SCHEMA_INCREASE;
    xhist x;
    if (expand(a, h, false, &x) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if (side_reduce(a, &x.pos, h->schema, target, false) != PQ_HIST_OK ||
        side_reduce(a, &x.neg, h->schema, target, false) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    x.schema = target;
    x.hint = PROMQL_HINT_UNKNOWN;
    return collapse(a, &x, out, NULL, NULL);
}

pq_hist_status pq_hist_widen_zero_bucket(pq_arena *a, const promql_histogram *h, double threshold,
                                         promql_histogram *out)
{
    pq_hist_status st = pq_hist_validate(h);
    if (st != PQ_HIST_OK)
        return st;
    if (pq_hist_is_custom(h) || isnan(threshold) || threshold <= h->zero_threshold)
        return pq_hist_copy(a, h, out);
    xhist x;
    if (expand(a, h, false, &x) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    double c = 0, thr;
    x.zc = zero_count_for_larger(&x, threshold, &thr, &c, false);
    x.zt = thr;
    trim_buckets_in_zero_bucket(&x);
    return collapse(a, &x, out, NULL, NULL);
}

/* ---- Add, Sub, KahanAdd ---------------------------------------------------------------- */

static pq_hist_status add_sub(pq_arena *ar, const promql_histogram *a, const promql_histogram *b,
                              bool negative, promql_histogram *out, unsigned *flags)
{
    pq_hist_status st;
    if ((st = pq_hist_validate(a)) != PQ_HIST_OK || (st = pq_hist_validate(b)) != PQ_HIST_OK)
        return st;
    if (pq_hist_is_custom(a) != pq_hist_is_custom(b))
        return PQ_HIST_ERR_INCOMPATIBLE_SCHEMA;
    unsigned fl = 0;
    xhist x, o;
    if (expand(ar, a, false, &x) != PQ_HIST_OK || expand(ar, b, false, &o) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if (adjust_counter_reset(&x.hint, o.hint))
        fl |= PQ_HIST_FLAG_COUNTER_RESET_COLLISION;
    if (!pq_hist_is_custom(a)) {
        double ozc, oc;
        if ((st = reconcile_zero_buckets(&x, NULL, &o, &ozc, &oc)) != PQ_HIST_OK)
            return st;
        x.zc = negative ? x.zc - ozc : x.zc + ozc;
    }
    x.count = negative ? x.count - o.count : x.count + o.count;
    x.sum = negative ? x.sum - o.sum : x.sum + o.sum;
    if (pq_hist_is_custom(a)) {
        if (pq_hist_custom_bounds_match(x.cv, x.ncv, o.cv, o.ncv)) {
            st = side_add(ar, &x.pos, &o.pos, negative, x.schema, 0, false);
        } else {
            fl |= PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED;
            st = add_custom_mismatched(ar, &x, &o, negative, false);
        }
    } else {
        if (o.schema < x.schema) {
            if (side_reduce(ar, &x.pos, x.schema, o.schema, false) != PQ_HIST_OK ||
                side_reduce(ar, &x.neg, x.schema, o.schema, false) != PQ_HIST_OK)
                return PQ_HIST_ERR_NOMEM;
            x.schema = o.schema;
        } else if (o.schema > x.schema) {
            if (side_reduce(ar, &o.pos, o.schema, x.schema, false) != PQ_HIST_OK ||
                side_reduce(ar, &o.neg, o.schema, x.schema, false) != PQ_HIST_OK)
                return PQ_HIST_ERR_NOMEM;
        }
        st = side_add(ar, &x.pos, &o.pos, negative, x.schema, x.zt, false);
        if (st == PQ_HIST_OK)
            st = side_add(ar, &x.neg, &o.neg, negative, x.schema, x.zt, false);
    }
    if (st != PQ_HIST_OK)
        return st;
    if ((st = collapse(ar, &x, out, NULL, NULL)) != PQ_HIST_OK)
        return st;
    if (flags)
        *flags |= fl;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_add(pq_arena *ar, const promql_histogram *a, const promql_histogram *b,
                           promql_histogram *out, unsigned *flags)
{
    return add_sub(ar, a, b, false, out, flags);
}

pq_hist_status pq_hist_sub(pq_arena *ar, const promql_histogram *a, const promql_histogram *b,
                           promql_histogram *out, unsigned *flags)
{
    return add_sub(ar, a, b, true, out, flags);
}

/* Copy comp's bucket values into x's comp arrays; comp must have x's layout. */
static pq_hist_status load_comp(const promql_histogram *comp, xhist *x, xhist *cx)
{
    memset(cx, 0, sizeof *cx);
    if (!comp)
        return PQ_HIST_OK;
    if (pq_hist_validate(comp) != PQ_HIST_OK || comp->schema != x->schema ||
        comp->positive_bucket_count != x->pos.n ||
        (!pq_hist_is_custom(comp) && comp->negative_bucket_count != x->neg.n))
        return PQ_HIST_ERR_INVALID;
    if (x->pos.n)
        memcpy(x->pos.comp, comp->positive_buckets, x->pos.n * sizeof(double));
    if (x->neg.n && !pq_hist_is_custom(comp))
        memcpy(x->neg.comp, comp->negative_buckets, x->neg.n * sizeof(double));
    cx->count = comp->count;
    cx->sum = comp->sum;
    cx->zc = pq_hist_is_custom(comp) ? 0 : comp->zero_count;
    return PQ_HIST_OK;
}

pq_hist_status pq_hist_kahan_add(pq_arena *ar, const promql_histogram *sum,
                                 const promql_histogram *comp, const promql_histogram *other,
                                 promql_histogram *out_sum, promql_histogram *out_comp,
                                 unsigned *flags)
{
    pq_hist_status st;
    if ((st = pq_hist_validate(sum)) != PQ_HIST_OK || (st = pq_hist_validate(other)) != PQ_HIST_OK)
        return st;
    if (pq_hist_is_custom(sum) != pq_hist_is_custom(other))
        return PQ_HIST_ERR_INCOMPATIBLE_SCHEMA;
    unsigned fl = 0;
    xhist x, o, cx;
    if (expand(ar, sum, true, &x) != PQ_HIST_OK || expand(ar, other, false, &o) != PQ_HIST_OK)
        return PQ_HIST_ERR_NOMEM;
    if ((st = load_comp(comp, &x, &cx)) != PQ_HIST_OK)
        return st;
    if (adjust_counter_reset(&x.hint, o.hint))
        fl |= PQ_HIST_FLAG_COUNTER_RESET_COLLISION;
    if (!pq_hist_is_custom(sum)) {
        double ozc, ocz;
        if ((st = reconcile_zero_buckets(&x, &cx.zc, &o, &ozc, &ocz)) != PQ_HIST_OK)
            return st;
        x.zc = pq_kahan_inc(ozc, x.zc, &cx.zc);
        x.zc = pq_kahan_inc(ocz, x.zc, &cx.zc);
    }
    x.count = pq_kahan_inc(o.count, x.count, &cx.count);
    x.sum = pq_kahan_inc(o.sum, x.sum, &cx.sum);
    if (pq_hist_is_custom(sum)) {
        if (pq_hist_custom_bounds_match(x.cv, x.ncv, o.cv, o.ncv)) {
            st = side_add(ar, &x.pos, &o.pos, false, x.schema, 0, true);
        } else {
            fl |= PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED;
            st = add_custom_mismatched(ar, &x, &o, false, true);
        }
    } else {
        if (o.schema < x.schema) {
            if (side_reduce(ar, &x.pos, x.schema, o.schema, true) != PQ_HIST_OK ||
                side_reduce(ar, &x.neg, x.schema, o.schema, true) != PQ_HIST_OK)
                return PQ_HIST_ERR_NOMEM;
            x.schema = o.schema;
        } else if (o.schema > x.schema) {
            if (side_reduce(ar, &o.pos, o.schema, x.schema, true) != PQ_HIST_OK ||
                side_reduce(ar, &o.neg, o.schema, x.schema, true) != PQ_HIST_OK)
                return PQ_HIST_ERR_NOMEM;
        }
        st = side_add(ar, &x.pos, &o.pos, false, x.schema, x.zt, true);
        if (st == PQ_HIST_OK)
            st = side_add(ar, &x.neg, &o.neg, false, x.schema, x.zt, true);
    }
    if (st != PQ_HIST_OK)
        return st;
    if ((st = collapse(ar, &x, out_sum, out_comp, &cx)) != PQ_HIST_OK)
        return st;
    if (flags)
        *flags |= fl;
    return PQ_HIST_OK;
}

