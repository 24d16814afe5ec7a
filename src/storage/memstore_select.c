/*
 * memstore_select.c -- queries over the in-memory store: matchers resolved through the
 * inverted index (postings intersected and subtracted, each distinct value of a label tested
 * once against a regex), series handed out sorted by labels, and sample iterators whose batches
 * point straight into the store's arrays.
 *
 * Matchers that match the empty string also select series lacking the label, as Prometheus
 * does: such a matcher is applied as "all series minus those whose value does not match".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/matcher.h"
#include "storage/memstore.h"
#include "util/labels.h"
#include "storage/regex.h"

/* ---- postings algebra --------------------------------------------------------------------- */

typedef struct idset {
    uint32_t *ids;
    size_t n;
    int owned;    /* ids malloc'ed here (else borrowed from the index) */
} idset;

static void idset_free(idset *s)
{
    if (s->owned)
        free(s->ids);
    s->ids = NULL;
    s->n = 0;
    s->owned = 0;
}

/* Sorts distinct series ids below 'universe' in place: a bitmap pass when they are dense
 * (a union of most of the postings: {__name__!=""}), else an LSD radix sort; qsort with a
 * comparator call per step was most of such a selection's time. -1 when out of memory. */
static int sort_ids(uint32_t *ids, size_t n, size_t universe)
{
    if (n < 32) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = ids[i];
            size_t j = i;
            for (; j > 0 && ids[j - 1] > x; j--)
                ids[j] = ids[j - 1];
            ids[j] = x;
        }
        return 0;
    }
    size_t words = (universe + 63) / 64;
    if (words <= 4 * n) {
        uint64_t *bits = calloc(words ? words : 1, sizeof *bits);
        if (!bits)
            return -1;
        for (size_t i = 0; i < n; i++)
            bits[ids[i] >> 6] |= (uint64_t)1 << (ids[i] & 63);
        size_t m = 0;
        for (size_t w = 0; w < words; w++)
            for (uint64_t b = bits[w]; b; b &= b - 1)
                ids[m++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
        free(bits);
        return 0;
    }
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    uint32_t *a = ids, *b = tmp;
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((a[i] >> shift) & 0xff) + 1]++;
        if (count[((a[0] >> shift) & 0xff) + 1] == n)
            continue;
        for (int d = 0; d < 256; d++)
            count[d + 1] += count[d];
        for (size_t i = 0; i < n; i++)
            b[count[(a[i] >> shift) & 0xff]++] = a[i];
        uint32_t *t = a;
        a = b;
        b = t;
    }
    if (a != ids)
        memcpy(ids, a, n * sizeof *ids);
    free(tmp);
    return 0;
}

/* A set that borrows its ids (from the index) gets its own copy before it is edited in place. */
static int make_owned(idset *a)
{
    if (a->owned)
        return 0;
    uint32_t *c = malloc((a->n ? a->n : 1) * sizeof *c);
    if (!c)
        return -1;
    memcpy(c, a->ids, a->n * sizeof *c);
    a->ids = c;
    a->owned = 1;
    return 0;
}

/* In place: a := a ∩ b (a owned or copied first). */
static int intersect(idset *a, const idset *b)
{
    if (make_owned(a) < 0)
        return -1;
    size_t i = 0, j = 0, w = 0;
    while (i < a->n && j < b->n) {
        if (a->ids[i] < b->ids[j])
            i++;
        else if (a->ids[i] > b->ids[j])
            j++;
        else {
            a->ids[w++] = a->ids[i];
            i++;
            j++;
        }
    }
    a->n = w;
    return 0;
}

static int subtract(idset *a, const idset *b)
{
    if (make_owned(a) < 0)
        return -1;
    size_t i = 0, j = 0, w = 0;
    while (i < a->n) {
        while (j < b->n && b->ids[j] < a->ids[i])
            j++;
        if (j < b->n && b->ids[j] == a->ids[i])
            i++;
        else
            a->ids[w++] = a->ids[i++];
    }
    a->n = w;
    return 0;
}

static const pq_lname *find_name(const promql_memstore *s, const char *name)
{
    return pq_memstore_find_name(s, name);
}

/* The union of the postings of every value of 'ln' for which matches(value) == want. Values of
 * one name have disjoint postings, so the union is a concatenation plus a sort. */
static int collect_values(const promql_memstore *s, const pq_lname *ln, const promql_matcher *m,
                          int want, idset *out)
{
    out->ids = NULL;
    out->n = 0;
    out->owned = 1;
    if (!ln || !ln->n)
        return 0;
    /* Each distinct value is tested once; the hits are remembered for the copy. */
    uint32_t *hits = malloc(ln->n * sizeof *hits);
    if (!hits)
        return -1;
    size_t total = 0, nhits = 0;
    for (size_t k = 0; k < ln->n; k++) {
        const pq_pair *p = &s->pairs[ln->pairs[k]];
        if ((promql_matcher_matches(m, p->value) != 0) == want) {
            total += p->postings.n;
            hits[nhits++] = ln->pairs[k];
        }
    }
    if (nhits == 1) {
        const pq_pair *single = &s->pairs[hits[0]];
        out->ids = single->postings.ids;
        out->n = single->postings.n;
        out->owned = 0;
        free(hits);
        return 0;
    }
    if (total == 0) {
        free(hits);
        return 0;
    }
    out->ids = malloc(total * sizeof *out->ids);
    if (!out->ids) {
        free(hits);
        return -1;
    }
    for (size_t k = 0; k < nhits; k++) {
        const pq_pair *p = &s->pairs[hits[k]];
        memcpy(out->ids + out->n, p->postings.ids, p->postings.n * sizeof *out->ids);
        out->n += p->postings.n;
    }
    free(hits);
    /* values of one name have disjoint postings: a sort makes the union */
    if (sort_ids(out->ids, out->n, s->series_count) < 0) {
        free(out->ids);   /* callers free only sets they got */
        out->ids = NULL;
        out->n = 0;
        return -1;
    }
    return 0;
}

/* ---- series set and iterator -------------------------------------------------------------- */

typedef struct mem_iter {
    promql_sample_iter base;
    const pq_series *se;
    size_t pos;
    size_t end;           /* one past the last sample handed out (hints end) */
} mem_iter;

typedef struct mem_set {
    promql_series_set base;
    const promql_memstore *s;
    uint32_t *ids;
    size_t n, next;
    int64_t end_ms;
    int has_end;
} mem_set;

/* First index with ts[i] >= t. Scrapes are regular, so the position is first guessed by
 * interpolation and then found by galloping from there: a couple of cache lines instead of a
 * binary search's ~log2(n) misses. Exact for any data (the gallop brackets the answer). */
static size_t lower_bound(const int64_t *ts, size_t n, int64_t t)
{
    if (n == 0 || ts[0] >= t)
        return 0;
    if (ts[n - 1] < t)
        return n;
    /* ts[0] < t <= ts[n - 1], so n >= 2 */
    double span = (double)ts[n - 1] - (double)ts[0];
    double frac = ((double)t - (double)ts[0]) / span;
    size_t g = (size_t)(frac * (double)(n - 1));
    if (g >= n)
        g = n - 1;
    size_t lo, hi; /* answer in (lo, hi]: ts[lo] < t <= ts[hi] */
    if (ts[g] < t) {
        size_t step = 1;
        lo = g;
        hi = g + step < n - 1 ? g + step : n - 1;
        while (ts[hi] < t) {
            lo = hi;
            step *= 2;
            hi = hi + step < n - 1 ? hi + step : n - 1;
        }
    } else {
        size_t step = 1;
        hi = g;
        lo = g >= step ? g - step : 0;
        while (ts[lo] >= t) {
            hi = lo;
            step *= 2;
            lo = lo >= step ? lo - step : 0;
        }
    }
    lo++;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ts[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int iter_seek(promql_sample_iter *it, int64_t t, char *errbuf, size_t errlen)
{
    mem_iter *m = (mem_iter *)it;
    m->pos = lower_bound(m->se->ts, m->end, t);
    return 0;
}

static int iter_next_batch(promql_sample_iter *it, promql_sample_batch *b, char *errbuf, size_t errlen)
{
    mem_iter *m = (mem_iter *)it;
    memset(b, 0, sizeof *b);
    if (m->pos >= m->end)
        return 0;
    size_t p = m->pos;
    b->timestamps = m->se->ts + p;
    b->values = m->se->values + p;
    b->start_ts = m->se->start_ts ? m->se->start_ts + p : NULL;
    b->histograms = m->se->hists ? (const promql_histogram *const *)(m->se->hists + p) : NULL;
    b->count = m->end - p;
    m->pos = m->end;
    return 0;
}

static void iter_close(promql_sample_iter *it)
{
    free(it);
}

static const promql_sample_iter_ops mem_iter_ops = { iter_seek, iter_next_batch, iter_close };

static int set_next(promql_series_set *set, promql_labels *labels, promql_sample_iter **iter,
                    char *errbuf, size_t errlen)
{
    mem_set *ms = (mem_set *)set;
    if (ms->next >= ms->n)
        return 0;
    const pq_series *se = &ms->s->series[ms->ids[ms->next++]];
    mem_iter *it = malloc(sizeof *it);
    if (!it) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    it->base.ops = &mem_iter_ops;
    it->se = se;
    it->pos = 0;
    it->end = ms->has_end ? lower_bound(se->ts, se->n, ms->end_ms == INT64_MAX ? INT64_MAX : ms->end_ms + 1)
                          : se->n;
    *labels = se->labels;
    *iter = &it->base;
    return 1;
}

static void set_close(promql_series_set *set)
{
    mem_set *ms = (mem_set *)set;
    free(ms->ids);
    free(ms);
}

static const promql_series_set_ops mem_set_ops = { set_next, set_close };

/* Sorting result ids by their series' labels. qsort has no context argument in C11, so the
 * ids are sorted as (labels pointer, id) records. */
typedef struct sort_rec {
    const promql_labels *labels;
    uint32_t id;
    uint32_t rank;
} sort_rec;

static int rec_cmp(const void *a, const void *b)
{
    const sort_rec *x = a, *y = b;
    return pq_labels_compare(*x->labels, *y->labels);
}

static int rank_cmp(const void *a, const void *b)
{
    const sort_rec *x = a, *y = b;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Candidates at most this many are filtered by their own label values (see below). */
#define FILTER_MAX 256

/* In place: keep the ids whose value of m's label ("" when absent) satisfies m. */
static int filter_ids(const promql_memstore *s, idset *a, const promql_matcher *m)
{
    if (make_owned(a) < 0)
        return -1;
    const char *name = m->name ? m->name : "";
    size_t w = 0;
    for (size_t i = 0; i < a->n; i++) {
        const promql_labels *ls = &s->series[a->ids[i]].labels;
        const char *v = "";
        for (size_t k = 0; k < ls->count; k++)
            if (strcmp(ls->items[k].name, name) == 0) {
                v = ls->items[k].value;
                break;
            }
        if (promql_matcher_matches(m, v))
            a->ids[w++] = a->ids[i];
    }
    a->n = w;
    return 0;
}

int pq_memstore_select(void *ctx, const promql_matcher *matchers, size_t matcher_count,
                       const promql_select_hints *hints, promql_series_set **out, char *errbuf,
                       size_t errlen)
{
    const promql_memstore *s = ctx;
    *out = NULL;
    pq_arena scratch;
    pq_arena_init(&scratch, 0);
    int rc = -1;
    idset acc = { NULL, 0, 0 };
    int have_acc = 0;
    idset *excl = NULL;
    size_t nexcl = 0;
    promql_matcher *ms = NULL;

    if (matcher_count) {
        ms = calloc(matcher_count, sizeof *ms);
        excl = calloc(matcher_count, sizeof *excl);
        if (!ms || !excl)
            goto oom;
    }
    for (size_t i = 0; i < matcher_count; i++) {
        ms[i] = matchers[i];
        if (!ms[i].compiled && pq_matcher_compile(&scratch, &ms[i], errbuf, errlen) < 0)
            goto done;
    }
    /* Positive matchers (not matching "") first: each yields the series to keep. Equality
     * matchers go first (their postings are at hand); once few candidates are left, the other
     * matchers test the candidates' own values instead of building the union of the postings
     * of every matching value. The set is the same either way. */
    for (size_t pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < matcher_count; i++) {
        const promql_matcher *m = &ms[i];
        if (pq_matcher_matches_empty(m) || (m->type == PROMQL_MATCH_EQUAL) != (pass == 0))
            continue;
        if (have_acc && acc.n == 0)
            break;
        if (have_acc && acc.n <= FILTER_MAX) {
            if (filter_ids(s, &acc, m) < 0)
                goto oom;
            continue;
        }
        idset cur;
        if (m->type == PROMQL_MATCH_EQUAL) {
            /* one pair: its postings as they are */
            const pq_pair *p = pq_memstore_find_pair(s, m->name ? m->name : "", m->value ? m->value : "");
            cur.ids = p ? p->postings.ids : NULL;
            cur.n = p ? p->postings.n : 0;
            cur.owned = 0;
        } else if (collect_values(s, find_name(s, m->name ? m->name : ""), m, 1, &cur) < 0)
            goto oom;
        if (!have_acc) {
            acc = cur;
            have_acc = 1;
        } else {
            int r = intersect(&acc, &cur);
            idset_free(&cur);
            if (r < 0)
                goto oom;
        }
        if (acc.n == 0)
            break;
    }
    if (!have_acc) {
        /* Only empty-matching matchers: start from every series. */
        acc.ids = malloc((s->series_count ? s->series_count : 1) * sizeof *acc.ids);
        if (!acc.ids)
            goto oom;
        acc.owned = 1;
        acc.n = s->series_count;
        for (size_t i = 0; i < s->series_count; i++)
            acc.ids[i] = (uint32_t)i;
        have_acc = 1;
    }
    /* Empty-matching matchers: drop the series whose value for the label does not match. */
    for (size_t i = 0; i < matcher_count && acc.n; i++) {
        const promql_matcher *m = &ms[i];
        if (!pq_matcher_matches_empty(m))
            continue;
        if (acc.n <= FILTER_MAX) {
            if (filter_ids(s, &acc, m) < 0)
                goto oom;
            continue;
        }
        const pq_lname *ln = find_name(s, m->name ? m->name : "");
        if (collect_values(s, ln, m, 0, &excl[nexcl]) < 0)
            goto oom;
        if (subtract(&acc, &excl[nexcl]) < 0) {
            nexcl++;
            goto oom;
        }
        nexcl++;
    }
    /* Sorted by labels. */
    sort_rec *recs = malloc((acc.n ? acc.n : 1) * sizeof *recs);
    mem_set *set = malloc(sizeof *set);
    uint32_t *ids = malloc((acc.n ? acc.n : 1) * sizeof *ids);
    if (!recs || !set || !ids) {
        free(recs);
        free(set);
        free(ids);
        goto oom;
    }
    int ranked = s->rank && s->rank_count == s->series_count;
    for (size_t i = 0; i < acc.n; i++) {
        recs[i].labels = &s->series[acc.ids[i]].labels;
        recs[i].id = acc.ids[i];
        recs[i].rank = ranked ? s->rank[acc.ids[i]] : 0;
    }
    qsort(recs, acc.n, sizeof *recs, ranked ? rank_cmp : rec_cmp);
    for (size_t i = 0; i < acc.n; i++)
        ids[i] = recs[i].id;
    free(recs);
    set->base.ops = &mem_set_ops;
    set->s = s;
    set->ids = ids;
    set->n = acc.n;
    set->next = 0;
    /* Samples after hints->end_ms are not handed out (as a TSDB querier bounded by maxt); hints
     * with end before start are taken as none. */
    set->has_end = hints != NULL && hints->end_ms >= hints->start_ms;
    set->end_ms = hints ? hints->end_ms : 0;
    *out = &set->base;
    rc = 0;
    goto done;
oom:
    snprintf(errbuf, errlen, "out of memory");
done:
    idset_free(&acc);
    for (size_t i = 0; i < nexcl; i++)
        idset_free(&excl[i]);
    free(excl);
    free(ms);
    pq_arena_free(&scratch);
    return rc;
}

/* ---- label names and values --------------------------------------------------------------- */

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int emit_sorted(const char **v, size_t n, int (*emit)(void *arg, const char *s), void *arg)
{
    qsort(v, n, sizeof *v, str_cmp);
    for (size_t i = 0; i < n; i++)
        if (emit(arg, v[i]))
            break;
    return 0;
}

int pq_memstore_label_names(void *ctx, int (*emit)(void *arg, const char *s), void *arg,
                            char *errbuf, size_t errlen)
{
    const promql_memstore *s = ctx;
    const char **v = malloc((s->name_count ? s->name_count : 1) * sizeof *v);
    if (!v) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < s->name_count; i++)
        v[i] = s->names[i].name;
    emit_sorted(v, s->name_count, emit, arg);
    free(v);
    return 0;
}

int pq_memstore_label_values(void *ctx, const char *name, int (*emit)(void *arg, const char *s),
                             void *arg, char *errbuf, size_t errlen)
{
    const promql_memstore *s = ctx;
    const pq_lname *ln = find_name(s, name ? name : "");
    if (!ln)
        return 0;
    const char **v = malloc((ln->n ? ln->n : 1) * sizeof *v);
    if (!v) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < ln->n; i++)
        v[i] = s->pairs[ln->pairs[i]].value;
    emit_sorted(v, ln->n, emit, arg);
    free(v);
    return 0;
}
