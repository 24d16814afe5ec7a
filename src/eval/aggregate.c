/*
 * aggregate.c -- aggregation operators over all steps: sum avg count group min max stddev
 * stdvar quantile (one output series per group), topk bottomk limitk limit_ratio (selected
 * input series), count_values. Input series are mapped to groups once; each step then walks the
 * series present at it, in input order, with Prometheus's float handling: Neumaier-compensated
 * sums (kahansum.Inc), avg's switch to an incremental mean on overflow, NaN rules of min/max and
 * of the k-heaps, quantile's φ<0 / φ>1 rules, limit_ratio's label-hash sampling.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "eval/histogram.h"

#define OOM(ev) pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation")

static void kahan_inc(double inc, double *sum, double *c)
{
    volatile double t = *sum + inc;
    if (t > 1.7976931348623157e308 || t < -1.7976931348623157e308)
        *c = 0;
    else if (fabs(*sum) >= fabs(inc))
        *c += (*sum - t) + inc;
    else
        *c += (inc - t) + *sum;
    *sum = t;
}

typedef struct group_state {
    double value, mean, kahan_c, count;
    bool seen, has_float, has_hist, incremental, drop_name;
    /* native histograms (sum, avg) */
    promql_histogram *hval, *hmean, *hkahan;
    bool h_incremental, incompatible, reset_seen, not_reset_seen;
    size_t nvals;          /* quantile: values collected this step */
    size_t heap_len;       /* k-aggregations: the heap of series indexes */
    bool complete;
} group_state;

/* ---- heaps of series indexes, as Go's container/heap over vectorByValueHeap ---------------- */

typedef struct kheap {
    size_t *items;
    const double *vals;    /* value of series i at the current step, indexed by series */
    bool reverse;          /* bottomk: vectorByReverseValueHeap */
} kheap;

static bool heap_less(const kheap *h, size_t a, size_t b)
{
    double vi = h->vals[h->items[a]], vj = h->vals[h->items[b]];
    if (isnan(vi))
        return true;
    return h->reverse ? vi > vj : vi < vj;
}

static void heap_swap(kheap *h, size_t a, size_t b)
{
    size_t t = h->items[a];
    h->items[a] = h->items[b];
    h->items[b] = t;
}

static void heap_up(kheap *h, size_t j)
{
    while (j > 0) {
        size_t i = (j - 1) / 2;
        if (i == j || !heap_less(h, j, i))
            break;
        heap_swap(h, i, j);
        j = i;
    }
}

static bool heap_down(kheap *h, size_t i0, size_t n)
{
    size_t i = i0;
    for (;;) {
        size_t j1 = 2 * i + 1;
        if (j1 >= n)
            break;
        size_t j = j1;
        if (j1 + 1 < n && heap_less(h, j1 + 1, j1))
            j = j1 + 1;
        if (!heap_less(h, j, i))
            break;
        heap_swap(h, i, j);
        i = j;
    }
    return i > i0;
}

static void heap_push(kheap *h, size_t *len, size_t item)
{
    h->items[*len] = item;
    (*len)++;
    heap_up(h, *len - 1);
}

static void heap_fix0(kheap *h, size_t len)
{
    if (!heap_down(h, 0, len))
        heap_up(h, 0);
}

/* Stable insertion sort by Reverse(Less): the order Prometheus outputs topk/bottomk in. */
static void heap_sort_output(kheap *h, size_t len)
{
    for (size_t i = 1; i < len; i++)
        for (size_t j = i; j > 0 && heap_less(h, j - 1, j); j--)
            heap_swap(h, j, j - 1);
}

/* ---- the parameter --------------------------------------------------------------------------- */

static int eval_param(pq_eval *ev, const pq_node *node, double **param)
{
    *param = NULL;
    const pq_node *p = node->u.aggregate.param;
    if (!p || node->u.aggregate.op == PQ_OP_COUNT_VALUES)
        return 0;
    pq_value v;
    if (pq_eval_node(ev, p, &v))
        return -1;
    if (v.type != PQ_TYPE_SCALAR)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "aggregation parameter is not a scalar");
    *param = v.u.scalar;
    return 0;
}

/* ---- count_values -------------------------------------------------------------------------- */

static bool valid_utf8_name(const char *s)
{
    if (!*s)
        return false;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!n)
            return false;
        uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            v = (v << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && v < 0x80) || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || v > 0x10FFFF ||
            (v >= 0xD800 && v <= 0xDFFF))
            return false;
        p += n;
    }
    return true;
}

/* FloatHistogram.String(): {count:C, sum:S, <non-empty buckets ascending, zero bucket>}. */
static void bucket_string(pq_strbuf *b, const pq_hist_bucket *k)
{
    char lo[64], hi[64], c[64];
    pq_format_g(lo, sizeof lo, k->lower);
    pq_format_g(hi, sizeof hi, k->upper);
    pq_format_g(c, sizeof c, k->count);
    pq_strbuf_printf(b, ", %c%s,%s%c:%s", k->lower_inclusive ? '[' : '(', lo, hi, k->upper_inclusive ? ']' : ')', c);
}

static char *hist_string(pq_eval *ev, const promql_histogram *h)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    char c[64], sm[64];
    pq_format_g(c, sizeof c, h->count);
    pq_format_g(sm, sizeof sm, h->sum);
    pq_strbuf_printf(&b, "{count:%s, sum:%s", c, sm);
    if (pq_hist_validate(h) == PQ_HIST_OK) {
        size_t nneg = 0;
        pq_hist_side_iter it;
        pq_hist_bucket k;
        pq_hist_side_iter_init(&it, h, false);
        while (pq_hist_side_iter_next(&it, &k))
            nneg++;
        pq_hist_bucket *neg = pq_arena_alloc(ev->arena, (nneg + 1) * sizeof *neg);
        if (neg) {
            size_t n = 0;
            pq_hist_side_iter_init(&it, h, false);
            while (pq_hist_side_iter_next(&it, &k))
                if (k.count != 0)
                    neg[n++] = k;
            while (n > 0)
                bucket_string(&b, &neg[--n]);
        }
        if (h->zero_count != 0) {
            pq_hist_bucket z = {-h->zero_threshold, h->zero_threshold, true, true, h->zero_count, 0};
            bucket_string(&b, &z);
        }
        pq_hist_side_iter_init(&it, h, true);
        while (pq_hist_side_iter_next(&it, &k))
            if (k.count != 0)
                bucket_string(&b, &k);
    }
    pq_strbuf_putc(&b, '}');
    char *s = pq_strbuf_finish(&b);
    char *r = s ? pq_arena_strdup(ev->arena, s) : NULL;
    free(s);
    return r;
}

/* count_values: (base group, value text) -> output group. */
typedef struct cv_map {
    size_t *bases;
    const char **texts;
    uint64_t *hashes;
    size_t *groups;
    size_t *slots;             /* index + 1, 0 = empty */
    size_t cap, count;
} cv_map;

static uint64_t cv_hash(size_t b, const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)b * 0x9e3779b97f4a7c15ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h ^ (h >> 29);
}

/* 1 with *gi when (b, s) is known; 0 after adding it (the caller sets groups[count - 1]). */
static int cv_find(pq_eval *ev, cv_map *m, size_t b, const char *s, size_t *gi)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 256;
        size_t *ns = pq_arena_calloc(ev->arena, ncap, sizeof *ns);
        size_t *nb = pq_arena_realloc(ev->arena, m->bases, m->count * sizeof *nb, ncap * sizeof *nb);
        const char **nt = pq_arena_realloc(ev->arena, m->texts, m->count * sizeof *nt, ncap * sizeof *nt);
        uint64_t *nh = pq_arena_realloc(ev->arena, m->hashes, m->count * sizeof *nh, ncap * sizeof *nh);
        size_t *ng = pq_arena_realloc(ev->arena, m->groups, m->count * sizeof *ng, ncap * sizeof *ng);
        if (!ns || !nb || !nt || !nh || !ng)
            return OOM(ev);
        pq_slots_rebuild(ns, ncap, nh, m->count);
        m->slots = ns;
        m->bases = nb;
        m->texts = nt;
        m->hashes = nh;
        m->groups = ng;
        m->cap = ncap;
    }
    uint64_t h = cv_hash(b, s);
    size_t x = h & (m->cap - 1);
    while (m->slots[x]) {
        size_t i = m->slots[x] - 1;
        if (m->hashes[i] == h && m->bases[i] == b && strcmp(m->texts[i], s) == 0) {
            *gi = m->groups[i];
            return 1;
        }
        x = (x + 1) & (m->cap - 1);
    }
    char *copy = pq_arena_strdup(ev->arena, s);
    if (!copy)
        return OOM(ev);
    m->bases[m->count] = b;
    m->texts[m->count] = copy;
    m->hashes[m->count] = h;
    m->groups[m->count] = 0;
    m->slots[x] = ++m->count;
    return 0;
}

static int count_values(pq_eval *ev, const pq_node *node, pq_value *out)
{
    const pq_node *pn = pq_node_unwrap(node->u.aggregate.param);
    if (!pn || pn->kind != PQ_NODE_STRING)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "count_values parameter is not a string");
    const char *label = pn->u.string.value;
    if (strlen(label) != pn->u.string.len || !valid_utf8_name(label)) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_go_quote(&b, pn->u.string.value, pn->u.string.len);
        char *q = pq_strbuf_finish(&b);
        int rc = pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "invalid label name %s", q ? q : "");
        free(q);
        return rc;
    }
    pq_value in;
    if (pq_eval_node(ev, node->u.aggregate.expr, &in))
        return -1;
    pq_strlist grouping = node->u.aggregate.grouping;
    if (!node->u.aggregate.without) {
        char **items = pq_arena_alloc(ev->arena, (grouping.count + 1) * sizeof(char *));
        if (!items)
            return OOM(ev);
        if (grouping.count)
            memcpy(items, grouping.items, grouping.count * sizeof(char *));
        items[grouping.count] = (char *)label;
        grouping.items = items;
        grouping.count++;
    }
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    const pq_vector *v = &in.u.vector;
    /* The output group of (series, value) is group(labels with label=value). Whether the
     * group keeps 'label' does not depend on the value (never empty), so it is identified by
     * the series' group with a placeholder value plus the value itself: each series is grouped
     * once, and a point costs one hash lookup of (base group, value text). A base group that
     * keeps the placeholder gives a new output series for every new value (the pair (base,
     * value) determines the labels and distinct pairs give distinct labels); one that dropped
     * it ('without' naming the label) is one output series whatever the value. */
    pq_labelset_table bases = {0};
    size_t *base = pq_arena_alloc(ev->arena, (v->count ? v->count : 1) * sizeof *base);
    if (!base)
        return OOM(ev);
    for (size_t k = 0; k < v->count; k++) {
        promql_labels m = pq_labels_set(ev, v->series[k].labels, label, "\x01");
        promql_labels g = pq_labels_group(ev, m, &grouping, node->u.aggregate.without);
        if (ev->arena->failed)
            return OOM(ev);
        if (pq_labelset_intern(ev, &bases, g, &base[k]))
            return -1;
    }
    /* Per base group: where the placeholder is (-1: dropped) and its one output series. */
    long *slot = pq_arena_alloc(ev->arena, (bases.count ? bases.count : 1) * sizeof *slot);
    size_t *single = pq_arena_alloc(ev->arena, (bases.count ? bases.count : 1) * sizeof *single);
    if (!slot || !single)
        return OOM(ev);
    for (size_t b = 0; b < bases.count; b++) {
        slot[b] = -1;
        single[b] = SIZE_MAX;
        for (size_t i = 0; i < bases.labels[b].count; i++)
            if (strcmp(bases.labels[b].items[i].name, label) == 0)
                slot[b] = (long)i;
    }
    cv_map cm = {0};
    for (size_t s = 0; s < ev->nsteps; s++) {
        if (pq_eval_check_interrupt(ev)) /* a step formats a value for every series */
            return -1;
        for (size_t k = 0; k < v->count; k++) {
            const pq_series *se = &v->series[k];
            if (!pq_bit_get(se->present, s))
                continue;
            char buf[400];
            const char *lv = buf;
            if (se->hists && se->hists[s]) {
                if (!(lv = hist_string(ev, se->hists[s])))
                    return OOM(ev);
            } else {
                pq_format_f(buf, sizeof buf, se->values[s]);
            }
            size_t b = base[k], gi = 0;
            int found = cv_find(ev, &cm, b, lv, &gi);
            if (found < 0)
                return -1;
            if (!found) {
                promql_labels bl = bases.labels[b];
                if (slot[b] < 0 && single[b] != SIZE_MAX) {
                    gi = single[b];
                } else {
                    promql_labels g = bl;
                    if (slot[b] >= 0) {
                        /* the base's labels with the value text (cv_find's copy) in place */
                        promql_label *items = pq_arena_alloc(ev->arena, bl.count * sizeof *items);
                        if (!items)
                            return OOM(ev);
                        memcpy(items, bl.items, bl.count * sizeof *items);
                        items[slot[b]].value = cm.texts[cm.count - 1];
                        g.items = items;
                    }
                    gi = out->u.vector.count;
                    if (!pq_vector_add(ev, &out->u.vector, g))
                        return -1;
                    if (slot[b] < 0)
                        single[b] = gi;
                }
                cm.groups[cm.count - 1] = gi;
            }
            pq_series *o = &out->u.vector.series[gi];
            if (!pq_bit_get(o->present, s)) {
                pq_bit_set(o->present, s);
                o->values[s] = 0;
            }
            o->values[s] += 1;
        }
    }
    return 0;
}

/* ---- k-aggregations -------------------------------------------------------------------------- */

static int check_k_params(pq_eval *ev, const pq_node *node, const double *param, bool *skip_all)
{
    pq_op op = node->u.aggregate.op;
    double mx = -INFINITY, mn = INFINITY;
    bool any_nan = false;
    for (size_t i = 0; i < ev->nsteps; i++) {
        double p = param[i];
        if (isnan(p)) {
            any_nan = true;
            continue;
        }
        if (p > mx)
            mx = p;
        if (p < mn)
            mn = p;
    }
    /* Go's params.Max()/Min() ignore NaN only as math.Max/Min would not: they propagate it. */
    *skip_all = false;
    if (op == PQ_OP_LIMIT_RATIO) {
        if (!any_nan && mx == 0 && mn == 0) {
            *skip_all = true;
            return 0;
        }
        if (any_nan)
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "Ratio value is NaN");
        char b[64];
        if (mx > 1.0) {
            pq_format_g(b, sizeof b, mx);
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node->u.aggregate.param,
                             "PromQL warning: ratio value should be between -1 and 1, got %s, capping to 1", b);
        }
        if (mn < -1.0) {
            pq_format_g(b, sizeof b, mn);
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node->u.aggregate.param,
                             "PromQL warning: ratio value should be between -1 and 1, got %s, capping to -1", b);
        }
        return 0;
    }
    if (!any_nan && mx < 1) {
        *skip_all = true;
        return 0;
    }
    if (any_nan)
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "Parameter value is NaN");
    char b[64];
    if (mn <= -9223372036854775808.0) {
        pq_format_g(b, sizeof b, mn);
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "Scalar value %s underflows int64", b);
    }
    if (mx >= 9223372036854775807.0) {
        pq_format_g(b, sizeof b, mx);
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "Scalar value %s overflows int64", b);
    }
    return 0;
}

static int aggregate_k(pq_eval *ev, const pq_node *node, const pq_vector *in, const size_t *gidx, size_t ngroups,
                       const double *param, pq_value *out)
{
    pq_op op = node->u.aggregate.op;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    bool skip_all;
    if (check_k_params(ev, node, param, &skip_all))
        return -1;
    if (skip_all)
        return 0;
    size_t n = in->count;
    /* Output series: one per input series (for range queries); instant queries list them
     * group by group in heap order instead. */
    long *out_of = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(long));
    double *vals = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(double));
    size_t *heap_items = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(size_t));
    size_t *heap_off = pq_arena_calloc(ev->arena, ngroups + 1, sizeof(size_t));
    size_t *gsize = pq_arena_calloc(ev->arena, ngroups + 1, sizeof(size_t));
    group_state *gs = pq_arena_calloc(ev->arena, ngroups + 1, sizeof *gs);
    uint64_t *hashes = NULL;
    if (!out_of || !vals || !heap_items || !heap_off || !gsize || !gs)
        return OOM(ev);
    for (size_t k = 0; k < n; k++) {
        out_of[k] = -1;
        gsize[gidx[k]]++;
    }
    for (size_t g = 1; g <= ngroups; g++)
        heap_off[g] = heap_off[g - 1] + gsize[g - 1];
    if (op == PQ_OP_LIMIT_RATIO) {
        hashes = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(uint64_t));
        if (!hashes)
            return OOM(ev);
        for (size_t k = 0; k < n; k++)
            hashes[k] = pq_labels_hash(in->series[k].labels);
    }
    const char *opname = pq_op_name(op);
    for (size_t s = 0; s < ev->nsteps; s++) {
        if ((s & 15) == 15 && pq_eval_check_interrupt(ev)) /* a step can cost thousands of series */
            return -1;
        double fp = param[s];
        int64_t k = 0;
        double r = 0;
        if (op == PQ_OP_LIMIT_RATIO) {
            if (fp == 0)
                continue;
            r = fp < -1.0 ? -1.0 : fp > 1.0 ? 1.0 : fp;
        } else {
            k = (int64_t)fp;
            if (k > (int64_t)n)
                k = (int64_t)n;
            if (k < 1)
                continue;
        }
        for (size_t g = 0; g < ngroups; g++)
            gs[g] = (group_state){0};
        size_t remaining = ngroups;
        for (size_t si = 0; si < n; si++) {
            const pq_series *se = &in->series[si];
            if (!pq_bit_get(se->present, s))
                continue;
            const promql_histogram *h = se->hists ? se->hists[s] : NULL;
            vals[si] = h ? 0 : se->values[s];
            size_t g = gidx[si];
            group_state *st = &gs[g];
            kheap hp = {heap_items + heap_off[g], vals, op == PQ_OP_BOTTOMK};
            bool first = !st->seen;
            if (first)
                st->seen = true;
            switch (op) {
            case PQ_OP_TOPK:
            case PQ_OP_BOTTOMK:
                if (h) {
                    if (first)
                        st->seen = false;
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, node, "PromQL info: ignored histogram in %s aggregation",
                                     opname);
                } else if ((int64_t)st->heap_len < k) {
                    heap_push(&hp, &st->heap_len, si);
                } else {
                    double top = vals[hp.items[0]], f = vals[si];
                    bool better = op == PQ_OP_TOPK ? (top < f) : (top > f);
                    if (better || (isnan(top) && !isnan(f))) {
                        hp.items[0] = si;
                        if (k > 1)
                            heap_fix0(&hp, st->heap_len);
                    }
                }
                break;
            case PQ_OP_LIMITK:
                if (first) {
                    hp.items[0] = si;
                    st->heap_len = 1;
                } else if ((int64_t)st->heap_len < k) {
                    heap_push(&hp, &st->heap_len, si);
                }
                if (!st->complete && (int64_t)st->heap_len == k) {
                    st->complete = true;
                    remaining--;
                }
                break;
            default: { /* limit_ratio */
                double offset = (double)hashes[si] / 18446744073709551615.0;
                bool add = (r >= 0 && offset < r) || (r < 0 && offset >= 1.0 + r);
                if (add)
                    heap_push(&hp, &st->heap_len, si);
                break;
            }
            }
            if (op == PQ_OP_LIMITK && remaining == 0)
                break;
        }
        for (size_t g = 0; g < ngroups; g++) {
            group_state *st = &gs[g];
            if (!st->seen)
                continue;
            kheap hp = {heap_items + heap_off[g], vals, op == PQ_OP_BOTTOMK};
            if ((op == PQ_OP_TOPK || op == PQ_OP_BOTTOMK) && st->heap_len > 1)
                heap_sort_output(&hp, st->heap_len);
            for (size_t j = 0; j < st->heap_len; j++) {
                size_t si = hp.items[j];
                const pq_series *se = &in->series[si];
                if (out_of[si] < 0) {
                    pq_series *o = pq_vector_add(ev, &out->u.vector, se->labels);
                    if (!o)
                        return -1;
                    o->drop_name = se->drop_name;
                    out_of[si] = (long)out->u.vector.count - 1;
                }
                pq_series *o = &out->u.vector.series[out_of[si]];
                pq_bit_set(o->present, s);
                o->values[s] = se->values[s];
                if (se->hists && se->hists[s]) {
                    if (!o->hists && !(o->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *o->hists)))
                        return OOM(ev);
                    o->hists[s] = se->hists[s];
                }
            }
        }
    }
    return 0;
}

/* ---- the other aggregations ------------------------------------------------------------------ */

static int cmp_double_nan_first(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    if (isnan(x))
        return isnan(y) ? 0 : -1;
    if (isnan(y))
        return 1;
    return x < y ? -1 : x > y ? 1 : 0;
}

static double quantile(double q, double *v, size_t n)
{
    if (n == 0 || isnan(q))
        return NAN;
    if (q < 0)
        return -INFINITY;
    if (q > 1)
        return INFINITY;
    qsort(v, n, sizeof *v, cmp_double_nan_first);
    double fn = (double)n;
    double rank = q * (fn - 1);
    double lower = fmax(0, floor(rank));
    double upper = fmin(fn - 1, lower + 1);
    double weight = rank - floor(rank);
    return v[(size_t)lower] * (1 - weight) + v[(size_t)upper] * weight;
}

/* ---- native histograms in sum and avg ------------------------------------------------------ */

static void note_hint(group_state *st, const promql_histogram *h)
{
    if (h->counter_reset_hint == PROMQL_HINT_COUNTER_RESET)
        st->reset_seen = true;
    else if (h->counter_reset_hint == PROMQL_HINT_NOT_COUNTER_RESET)
        st->not_reset_seen = true;
}

static promql_histogram *hnew(pq_eval *ev)
{
    return pq_arena_calloc(ev->arena, 1, sizeof(promql_histogram));
}

static int hist_error(pq_eval *ev, const pq_node *expr, group_state *st, pq_hist_status rc, promql_labels ls)
{
    if (rc == PQ_HIST_ERR_NOMEM)
        return OOM(ev);
    if (rc == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
        const char *name = pq_labels_get(ls, "__name__");
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_go_quote(&b, name ? name : "", strlen(name ? name : ""));
        char *q = pq_strbuf_finish(&b);
        pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, expr,
                         "PromQL warning: vector contains a mix of histograms with exponential and custom buckets "
                         "schemas for metric name %s",
                         q ? q : "\"\"");
        free(q);
    }
    st->incompatible = true;
    return 0;
}

static void reconciled(pq_eval *ev, const pq_node *expr, unsigned flags)
{
    if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                         "PromQL info: mismatched custom buckets were reconciled during aggregation");
}

/* sum: add h into the group's compensated running sum. */
static int hist_sum_add(pq_eval *ev, const pq_node *expr, group_state *st, const promql_histogram *h, promql_labels ls)
{
    if (!st->hval)
        return 0;
    note_hint(st, h);
    promql_histogram *ns = hnew(ev), *nc = hnew(ev);
    if (!ns || !nc)
        return OOM(ev);
    unsigned flags = 0;
    pq_hist_status rc = pq_hist_kahan_add(ev->arena, st->hval, st->hkahan, h, ns, nc, &flags);
    if (rc != PQ_HIST_OK)
        return hist_error(ev, expr, st, rc, ls);
    reconciled(ev, expr, flags);
    st->hval = ns;
    st->hkahan = nc;
    return 0;
}

/* avg: Prometheus's compensated sum, switching to an incremental mean on overflow. */
static int hist_avg_add(pq_eval *ev, const pq_node *expr, group_state *st, const promql_histogram *h, promql_labels ls)
{
    if (!st->hval)
        return 0;
    note_hint(st, h);
    unsigned flags = 0;
    pq_hist_status rc;
    if (!st->h_incremental) {
        promql_histogram *ns = hnew(ev), *nc = hnew(ev);
        if (!ns || !nc)
            return OOM(ev);
        rc = pq_hist_kahan_add(ev->arena, st->hval, st->hkahan, h, ns, nc, &flags);
        if (rc != PQ_HIST_OK)
            return hist_error(ev, expr, st, rc, ls);
        reconciled(ev, expr, flags);
        if (!pq_hist_has_overflow(ns)) {
            st->hval = ns;
            st->hkahan = nc;
            return 0;
        }
        st->h_incremental = true;
        promql_histogram *m = hnew(ev);
        if (!m || pq_hist_div(ev->arena, st->hval, st->count - 1, m) != PQ_HIST_OK)
            return OOM(ev);
        st->hmean = m;
        if (st->hkahan) {
            promql_histogram *k = hnew(ev);
            if (!k || pq_hist_div(ev->arena, st->hkahan, st->count - 1, k) != PQ_HIST_OK)
                return OOM(ev);
            st->hkahan = k;
        }
    }
    double q = (st->count - 1) / st->count;
    if (st->hkahan) {
        promql_histogram *k = hnew(ev);
        if (!k || pq_hist_mul(ev->arena, st->hkahan, q, k) != PQ_HIST_OK)
            return OOM(ev);
        st->hkahan = k;
    }
    promql_histogram *add = hnew(ev), *mq = hnew(ev), *ns = hnew(ev), *nc = hnew(ev);
    if (!add || !mq || !ns || !nc || pq_hist_div(ev->arena, h, st->count, add) != PQ_HIST_OK ||
        pq_hist_mul(ev->arena, st->hmean, q, mq) != PQ_HIST_OK)
        return OOM(ev);
    flags = 0;
    rc = pq_hist_kahan_add(ev->arena, mq, st->hkahan, add, ns, nc, &flags);
    if (rc != PQ_HIST_OK)
        return hist_error(ev, expr, st, rc, ls);
    reconciled(ev, expr, flags);
    st->hmean = ns;
    st->hkahan = nc;
    return 0;
}

/* The final histogram of a sum or avg group, compacted; NULL on failure (error recorded). */
static promql_histogram *hist_final(pq_eval *ev, pq_op op, group_state *st)
{
    promql_histogram *v = NULL, *t;
    if (op == PQ_OP_SUM) {
        v = st->hval;
        if (st->hkahan) {
            if (!(t = hnew(ev)) || pq_hist_add(ev->arena, v, st->hkahan, t, NULL) != PQ_HIST_OK)
                goto fail;
            v = t;
        }
    } else if (st->h_incremental) {
        v = st->hmean;
        if (st->hkahan) {
            if (!(t = hnew(ev)) || pq_hist_add(ev->arena, v, st->hkahan, t, NULL) != PQ_HIST_OK)
                goto fail;
            v = t;
        }
    } else {
        if (!(t = hnew(ev)) || pq_hist_div(ev->arena, st->hval, st->count, t) != PQ_HIST_OK)
            goto fail;
        v = t;
        if (st->hkahan) {
            promql_histogram *kc = hnew(ev), *sum = hnew(ev);
            if (!kc || !sum || pq_hist_div(ev->arena, st->hkahan, st->count, kc) != PQ_HIST_OK ||
                pq_hist_add(ev->arena, v, kc, sum, NULL) != PQ_HIST_OK)
                goto fail;
            v = sum;
        }
    }
    if (!(t = hnew(ev)) || pq_hist_compact(ev->arena, v, 0, t) != PQ_HIST_OK)
        goto fail;
    return t;
fail:
    if (ev->arena->failed) /* out of memory (the memory cap) is a resource error, not a bug */
        pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    else
        pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "histogram aggregation failed");
    return NULL;
}

/* sum avg count min max group over float-only input, series by series: each input series'
 * values are read in one sweep and accumulated into per-(group, step) state, so the memory walk
 * is sequential. Every (group, step) still sees its series in input order, with the same
 * operations as the step-by-step loop of pq_eval_aggregate: identical results. */
/* Groups with a point at no step are dropped (all groups are created before aggregating). */
static void drop_unseen_groups(const pq_eval *ev, pq_vector *v)
{
    size_t words = pq_bitmap_words(ev->nsteps), w = 0;
    for (size_t g = 0; g < v->count; g++) {
        bool any = false;
        for (size_t i = 0; i < words && !any; i++)
            any = v->series[g].present[i] != 0;
        if (any)
            v->series[w++] = v->series[g];
    }
    v->count = w;
}

static int aggregate_floats(pq_eval *ev, const pq_node *node, const pq_vector *v, const size_t *gidx, size_t ng,
                            pq_value *out)
{
    pq_op op = node->u.aggregate.op;
    size_t n = ev->nsteps, cells = ng * n;
    double *val = pq_arena_alloc(ev->arena, (cells + 1) * sizeof *val);
    double *kc = pq_arena_alloc(ev->arena, (cells + 1) * sizeof *kc);
    double *cnt = pq_arena_alloc(ev->arena, (cells + 1) * sizeof *cnt);
    double *mean = op == PQ_OP_AVG ? pq_arena_alloc(ev->arena, (cells + 1) * sizeof *mean) : NULL;
    unsigned char *fl = pq_arena_calloc(ev->arena, cells + 1, 1);
    if (!val || !kc || !cnt || !fl || (op == PQ_OP_AVG && !mean))
        return OOM(ev);
    enum { SEEN = 1, DROP = 2, INCR = 4 };
    size_t words = pq_bitmap_words(n);
    for (size_t k = 0; k < v->count; k++) {
        if ((k & 1023) == 1023 && pq_eval_check_interrupt(ev))
            return -1;
        const pq_series *se = &v->series[k];
        size_t base = gidx[k] * n;
        for (size_t w = 0; w < words; w++) {
            uint64_t bits = se->present[w];
            while (bits) {
                size_t s = w * 64 + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                size_t x = base + s;
                double f = se->values[s];
                if (!(fl[x] & SEEN)) {
                    fl[x] = SEEN | (se->drop_name ? DROP : 0);
                    val[x] = f;
                    kc[x] = 0;
                    cnt[x] = 1;
                    if (mean)
                        mean[x] = f;
                    if (op == PQ_OP_GROUP)
                        val[x] = 1;
                    continue;
                }
                if (se->drop_name)
                    fl[x] |= DROP;
                switch (op) {
                case PQ_OP_SUM:
                    kahan_inc(f, &val[x], &kc[x]);
                    break;
                case PQ_OP_AVG:
                    cnt[x]++;
                    if (!(fl[x] & INCR)) {
                        double nv = val[x], nc = kc[x];
                        kahan_inc(f, &nv, &nc);
                        if (!isinf(nv)) {
                            val[x] = nv;
                            kc[x] = nc;
                            break;
                        }
                        fl[x] |= INCR;
                        mean[x] = val[x] / (cnt[x] - 1);
                        kc[x] /= cnt[x] - 1;
                    }
                    {
                        double q = (cnt[x] - 1) / cnt[x];
                        double m = q * mean[x], c = q * kc[x];
                        kahan_inc(f / cnt[x], &m, &c);
                        mean[x] = m;
                        kc[x] = c;
                    }
                    break;
                case PQ_OP_MAX:
                    if (val[x] < f || isnan(val[x]))
                        val[x] = f;
                    break;
                case PQ_OP_MIN:
                    if (val[x] > f || isnan(val[x]))
                        val[x] = f;
                    break;
                case PQ_OP_COUNT:
                    cnt[x]++;
                    break;
                default:
                    break;
                }
            }
        }
    }
    for (size_t g = 0; g < ng; g++) {
        pq_series *o = &out->u.vector.series[g];
        for (size_t s = 0; s < n; s++) {
            size_t x = g * n + s;
            if (!(fl[x] & SEEN))
                continue;
            double r = val[x];
            if (op == PQ_OP_SUM)
                r = val[x] + kc[x];
            else if (op == PQ_OP_AVG)
                r = (fl[x] & INCR) ? mean[x] + kc[x] : val[x] / cnt[x] + kc[x] / cnt[x];
            else if (op == PQ_OP_COUNT)
                r = cnt[x];
            pq_bit_set(o->present, s);
            o->values[s] = r;
            o->drop_name = (fl[x] & DROP) != 0;
        }
    }
    drop_unseen_groups(ev, &out->u.vector);
    return 0;
}

int pq_eval_aggregate(pq_eval *ev, const pq_node *node, pq_value *out)
{
    pq_op op = node->u.aggregate.op;
    if (op == PQ_OP_COUNT_VALUES)
        return count_values(ev, node, out);
    double *param;
    if (eval_param(ev, node, &param))
        return -1;
    pq_value in;
    if (pq_eval_node(ev, node->u.aggregate.expr, &in))
        return -1;
    if (in.type != PQ_TYPE_VECTOR)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "aggregation over a non-vector");
    const pq_vector *v = &in.u.vector;
    bool without = node->u.aggregate.without;
    const pq_strlist *grouping = &node->u.aggregate.grouping;

    /* Map input series to groups. */
    pq_labelset_table gm = {0};
    size_t *gidx = pq_arena_alloc(ev->arena, (v->count ? v->count : 1) * sizeof(size_t));
    if (!gidx)
        return OOM(ev);
    for (size_t k = 0; k < v->count; k++) {
        promql_labels g = pq_labels_group(ev, v->series[k].labels, grouping, without);
        if (ev->arena->failed)
            return OOM(ev);
        if (pq_labelset_intern(ev, &gm, g, &gidx[k]))
            return -1;
    }
    if (op == PQ_OP_TOPK || op == PQ_OP_BOTTOMK || op == PQ_OP_LIMITK || op == PQ_OP_LIMIT_RATIO)
        return aggregate_k(ev, node, v, gidx, gm.count, param, out);

    if (op == PQ_OP_QUANTILE) {
        bool any_nan = false;
        double mx = -INFINITY, mn = INFINITY;
        for (size_t i = 0; i < ev->nsteps; i++) {
            if (isnan(param[i]))
                any_nan = true;
            else {
                mx = fmax(mx, param[i]);
                mn = fmin(mn, param[i]);
            }
        }
        char b[64];
        if (any_nan)
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node->u.aggregate.param,
                             "PromQL warning: quantile value should be between 0 and 1, got NaN");
        if (mx > 1) {
            pq_format_g(b, sizeof b, mx);
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node->u.aggregate.param,
                             "PromQL warning: quantile value should be between 0 and 1, got %s", b);
        }
        if (mn < 0) {
            pq_format_g(b, sizeof b, mn);
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node->u.aggregate.param,
                             "PromQL warning: quantile value should be between 0 and 1, got %s", b);
        }
    }

    size_t ng = gm.count;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    for (size_t g = 0; g < ng; g++)
        if (!pq_vector_add(ev, &out->u.vector, gm.labels[g]))
            return -1;
    group_state *gs = pq_arena_calloc(ev->arena, ng ? ng : 1, sizeof *gs);
    double *qvals = NULL;
    size_t *qoff = NULL;
    if (!gs)
        return OOM(ev);
    if (op == PQ_OP_QUANTILE) {
        qvals = pq_arena_alloc(ev->arena, (v->count ? v->count : 1) * sizeof(double));
        qoff = pq_arena_calloc(ev->arena, ng + 1, sizeof(size_t));
        if (!qvals || !qoff)
            return OOM(ev);
        for (size_t k = 0; k < v->count; k++)
            qoff[gidx[k] + 1]++;
        for (size_t g = 1; g <= ng; g++)
            qoff[g] += qoff[g - 1];
    }
    const pq_node *expr = node->u.aggregate.expr;
    const char *opname = pq_op_name(op);

    bool floats_only = true;
    for (size_t k = 0; k < v->count && floats_only; k++)
        floats_only = v->series[k].hists == NULL;
    if (floats_only && (op == PQ_OP_SUM || op == PQ_OP_AVG || op == PQ_OP_COUNT || op == PQ_OP_MIN ||
                        op == PQ_OP_MAX || op == PQ_OP_GROUP))
        return aggregate_floats(ev, node, v, gidx, ng, out);

    for (size_t s = 0; s < ev->nsteps; s++) {
        if ((s & 15) == 15 && pq_eval_check_interrupt(ev)) /* a step can cost thousands of series */
            return -1;
        for (size_t g = 0; g < ng; g++)
            gs[g].seen = false;
        for (size_t k = 0; k < v->count; k++) {
            const pq_series *se = &v->series[k];
            if (!pq_bit_get(se->present, s))
                continue;
            double f = se->values[s];
            const promql_histogram *h = se->hists ? se->hists[s] : NULL;
            group_state *st = &gs[gidx[k]];
            if (!st->seen) {
                *st = (group_state){.seen = true, .value = f, .mean = f, .count = 1, .drop_name = se->drop_name};
                switch (op) {
                case PQ_OP_SUM:
                case PQ_OP_AVG:
                    if (h) {
                        st->has_hist = true;
                        st->hval = (promql_histogram *)h;
                        note_hint(st, h);
                    } else {
                        st->has_float = true;
                    }
                    break;
                case PQ_OP_STDVAR:
                case PQ_OP_STDDEV:
                    if (h) {
                        st->seen = false;
                        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                                         "PromQL info: ignored histogram in %s aggregation", opname);
                    } else {
                        st->value = (isnan(f) || isinf(f)) ? NAN : 0;
                    }
                    break;
                case PQ_OP_QUANTILE:
                    if (h) {
                        st->seen = false;
                        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                                         "PromQL info: ignored histogram in %s aggregation", opname);
                    }
                    st->nvals = 0;
                    qvals[qoff[gidx[k]] + st->nvals++] = f;
                    break;
                case PQ_OP_GROUP:
                    st->value = 1;
                    break;
                case PQ_OP_MIN:
                case PQ_OP_MAX:
                    if (h) {
                        st->seen = false;
                        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                                         "PromQL info: ignored histogram in %s aggregation", opname);
                    }
                    break;
                default:
                    break;
                }
                continue;
            }
            if (st->incompatible)
                continue;
            if (se->drop_name)
                st->drop_name = true;
            switch (op) {
            case PQ_OP_SUM:
                if (h) {
                    st->has_hist = true;
                    if (hist_sum_add(ev, expr, st, h, se->labels))
                        return -1;
                } else {
                    st->has_float = true;
                    kahan_inc(f, &st->value, &st->kahan_c);
                }
                break;
            case PQ_OP_AVG:
                st->count++;
                if (h) {
                    st->has_hist = true;
                    if (hist_avg_add(ev, expr, st, h, se->labels))
                        return -1;
                    break;
                }
                st->has_float = true;
                if (!st->incremental) {
                    double nv = st->value, nc = st->kahan_c;
                    kahan_inc(f, &nv, &nc);
                    if (!isinf(nv)) {
                        st->value = nv;
                        st->kahan_c = nc;
                        break;
                    }
                    st->incremental = true;
                    st->mean = st->value / (st->count - 1);
                    st->kahan_c /= st->count - 1;
                }
                {
                    double q = (st->count - 1) / st->count;
                    double m = q * st->mean, c = q * st->kahan_c;
                    kahan_inc(f / st->count, &m, &c);
                    st->mean = m;
                    st->kahan_c = c;
                }
                break;
            case PQ_OP_GROUP:
                break;
            case PQ_OP_MAX:
                if (h) {
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr, "PromQL info: ignored histogram in max aggregation");
                    break;
                }
                if (st->value < f || isnan(st->value))
                    st->value = f;
                break;
            case PQ_OP_MIN:
                if (h) {
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr, "PromQL info: ignored histogram in min aggregation");
                    break;
                }
                if (st->value > f || isnan(st->value))
                    st->value = f;
                break;
            case PQ_OP_COUNT:
                st->count++;
                break;
            case PQ_OP_STDVAR:
            case PQ_OP_STDDEV:
                if (h) {
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                                     "PromQL info: ignored histogram in %s aggregation", opname);
                    break;
                }
                {
                    st->count++;
                    double delta = f - st->mean;
                    st->mean += delta / st->count;
                    st->value += delta * (f - st->mean);
                }
                break;
            case PQ_OP_QUANTILE:
                if (h) {
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, expr,
                                     "PromQL info: ignored histogram in quantile aggregation");
                    break;
                }
                qvals[qoff[gidx[k]] + st->nvals++] = f;
                break;
            default:
                break;
            }
        }
        for (size_t g = 0; g < ng; g++) {
            group_state *st = &gs[g];
            if (!st->seen)
                continue;
            double val = st->value;
            switch (op) {
            case PQ_OP_AVG:
            case PQ_OP_SUM:
                if (st->has_float && st->has_hist) {
                    pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, expr,
                                     "PromQL warning: encountered a mix of histograms and floats for aggregation");
                    continue;
                }
                if (st->incompatible)
                    continue;
                if (st->has_hist) {
                    promql_histogram *hv = hist_final(ev, op, st);
                    if (!hv)
                        return -1;
                    if (st->reset_seen && st->not_reset_seen)
                        pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, expr,
                                         "PromQL warning: conflicting counter resets during histogram aggregation");
                    pq_series *o = &out->u.vector.series[g];
                    pq_bit_set(o->present, s);
                    o->values[s] = 0;
                    o->drop_name = st->drop_name;
                    if (!o->hists && !(o->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *o->hists)))
                        return OOM(ev);
                    o->hists[s] = hv;
                    continue;
                }
                if (op == PQ_OP_SUM)
                    val = st->value + st->kahan_c;
                else if (st->incremental)
                    val = st->mean + st->kahan_c;
                else
                    val = st->value / st->count + st->kahan_c / st->count;
                break;
            case PQ_OP_COUNT:
                val = st->count;
                break;
            case PQ_OP_STDVAR:
                val = st->value / st->count;
                break;
            case PQ_OP_STDDEV:
                val = sqrt(st->value / st->count);
                break;
            case PQ_OP_QUANTILE:
                val = quantile(param[s], qvals + qoff[g], st->nvals);
                break;
            default:
                break;
            }
            pq_series *o = &out->u.vector.series[g];
            pq_bit_set(o->present, s);
            o->values[s] = val;
            o->drop_name = st->drop_name;
        }
    }
    drop_unseen_groups(ev, &out->u.vector);
    return 0;
}
