/*
 * memstore_hint.c -- the counter-reset hint a histogram sample reads back with, as Prometheus's
 * TSDB head hands it out.
 *
 * Prometheus does not keep the hint a histogram was appended with. Its head stores histogram
 * samples in chunks and its chunk iterator reports, for a counter chunk, "unknown" for the first
 * sample and "not_reset" for every later one; every sample of a gauge chunk reads back as
 * "gauge" (tsdb/chunkenc counterResetHint). So what a query sees depends on where the head cuts
 * chunks, which this file decides the way tsdb/head_append.go and chunkenc's float histogram
 * appender do for in-order appends:
 *   - the first histogram of a series, or one after a float sample, opens a chunk (encoding
 *     change; a stale marker lands here too);
 *   - a chunk ends at the end of its chunk range (rangeForTimestamp of its first sample, the
 *     range being the test storage's 24h block duration);
 *   - a gauge sample continues only a gauge chunk, a counter sample only a counter chunk;
 *   - a counter chunk is not continued on an explicit counter_reset_hint:reset, a counter reset
 *     (count, zero bucket or any bucket going down, a populated bucket disappearing), after a
 *     stale histogram, or when schema, zero threshold or custom bounds change.
 * The size-based cut (about 1 KiB of encoded chunk) is not emulated: it depends on Prometheus's
 * bit-level encoding; only series of many hundreds of histograms reach it.
 */
#include <string.h>

#include "storage/memstore.h"

/* Chunk range of the head of Prometheus's test storage (MinBlockDuration = 24h). */
#define PQ_HEAD_CHUNK_RANGE_MS (24LL * 3600 * 1000)

static bool is_stale(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits == PROMQL_STALE_NAN_BITS;
}

/* Iterates the buckets of one side by absolute bucket index (a span's offset counts from the
 * end of the previous span). */
typedef struct bucket_it {
    const promql_span *spans;
    size_t nspans;
    const double *counts;
    size_t ncounts;
    size_t s;          /* current span */
    uint32_t j;        /* buckets of span s already visited */
    int64_t base;      /* index of span s's first bucket */
    int64_t end;       /* index after the previous span's last bucket */
    int64_t idx;       /* the current bucket's index */
    size_t pos;        /* the current bucket's position in counts */
    size_t seen;
} bucket_it;

static void bit_init(bucket_it *it, const promql_span *spans, size_t nspans, const double *counts, size_t ncounts)
{
    memset(it, 0, sizeof *it);
    it->spans = spans;
    it->nspans = nspans;
    it->counts = counts;
    it->ncounts = ncounts;
}

/* Advance to the next bucket; false at the end (or past the last count of a malformed one). */
static bool bit_next(bucket_it *it)
{
    while (it->s < it->nspans) {
        const promql_span *sp = &it->spans[it->s];
        if (it->j == 0)
            it->base = it->end + sp->offset;
        if (it->j < sp->length) {
            it->idx = it->base + it->j;
            it->j++;
            it->pos = it->seen++;
            if (it->j == sp->length) {
                it->end = it->idx + 1;
                it->s++;
                it->j = 0;
            }
            return it->pos < it->ncounts;
        }
        it->end = it->base;   /* an empty span only moves the index */
        it->s++;
        it->j = 0;
    }
    return false;
}

/* True when some bucket of 'a' is higher in 'b' or missing there while populated in 'a'
 * (chunkenc's expandFloatSpansAndBuckets failing): a counter reset for the head. */
static bool buckets_reset(const promql_span *as, size_t nas, const double *ab, size_t nab,
                          const promql_span *bs, size_t nbs, const double *bb, size_t nbb)
{
    bucket_it a, b;
    bit_init(&a, as, nas, ab, nab);
    bit_init(&b, bs, nbs, bb, nbb);
    bool aok = bit_next(&a), bok = bit_next(&b);
    while (aok) {
        if (bok && b.idx < a.idx) {
            bok = bit_next(&b);
            continue;
        }
        double av = a.counts[a.pos];
        if (bok && b.idx == a.idx) {
            if (av > b.counts[b.pos])
                return true;
            bok = bit_next(&b);
        } else if (av != 0) {
            return true;
        }
        aok = bit_next(&a);
    }
    return false;
}

static bool same_layout_kind(const promql_histogram *p, const promql_histogram *h)
{
    if (p->schema != h->schema || p->zero_threshold != h->zero_threshold)
        return false;
    if (p->schema == -53) {
        if (p->custom_value_count != h->custom_value_count)
            return false;
        for (size_t i = 0; i < p->custom_value_count; i++)
            if (p->custom_values[i] != h->custom_values[i])
                return false;
    }
    return true;
}

/* Whether the head puts h into the chunk that holds p (the series' previous sample). */
static bool continues_chunk(const promql_histogram *p, const promql_histogram *h)
{
    bool pg = p->counter_reset_hint == PROMQL_HINT_GAUGE;
    if (h->counter_reset_hint == PROMQL_HINT_GAUGE) {
        if (!pg)
            return false;
        if (is_stale(h->sum))
            return true;
        if (is_stale(p->sum))
            return false;
        return same_layout_kind(p, h);
    }
    if (pg || h->counter_reset_hint == PROMQL_HINT_COUNTER_RESET)
        return false;
    if (is_stale(h->sum))
        return true;
    if (is_stale(p->sum))
        return false;
    if (h->count < p->count)
        return false;
    if (!same_layout_kind(p, h))
        return false;
    if (h->zero_count < p->zero_count)
        return false;
    if (buckets_reset(p->positive_spans, p->positive_span_count, p->positive_buckets, p->positive_bucket_count,
                      h->positive_spans, h->positive_span_count, h->positive_buckets, h->positive_bucket_count))
        return false;
    if (buckets_reset(p->negative_spans, p->negative_span_count, p->negative_buckets, p->negative_bucket_count,
                      h->negative_spans, h->negative_span_count, h->negative_buckets, h->negative_bucket_count))
        return false;
    return true;
}

/* Go's rangeForTimestamp: the end of the chunk range holding t (integer division truncates
 * toward zero in both languages). */
static int64_t range_end(int64_t t)
{
    return (t / PQ_HEAD_CHUNK_RANGE_MS) * PQ_HEAD_CHUNK_RANGE_MS + PQ_HEAD_CHUNK_RANGE_MS;
}

promql_counter_reset_hint pq_memstore_stored_hint(pq_series *se, int64_t t, const promql_histogram *h)
{
    const promql_histogram *prev = se->n && se->hists ? se->hists[se->n - 1] : NULL;
    bool gauge = h->counter_reset_hint == PROMQL_HINT_GAUGE;
    if (prev && t < range_end(se->hchunk_mint) && continues_chunk(prev, h))
        return gauge ? PROMQL_HINT_GAUGE : PROMQL_HINT_NOT_COUNTER_RESET;
    se->hchunk_mint = t;
    return gauge ? PROMQL_HINT_GAUGE : PROMQL_HINT_UNKNOWN;
}
