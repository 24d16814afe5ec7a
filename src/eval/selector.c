/*
 * selector.c -- instant vector selectors, and the storage access shared with matrix selectors.
 *
 * Each series is read once, through the batched iterator, over [earliest needed, latest needed];
 * the steps are walked alongside the samples (both ascend), so a step costs O(1) and samples
 * are never copied except the ones a step picks. A step at time t takes the latest sample in the
 * left-open lookback window (t - lookback, t], shifted by offset or pinned by @; a staleness
 * marker there means no value.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "eval/selector.h"

static bool is_stale(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits == PROMQL_STALE_NAN_BITS;
}

bool pq_sample_is_stale(double v, const promql_histogram *h)
{
    return h ? is_stale(h->sum) : is_stale(v);
}

promql_histogram *pq_sample_hist_copy(pq_eval *ev, const promql_histogram *h)
{
    promql_histogram *c = pq_arena_alloc(ev->arena, sizeof *c);
    if (!c)
        return NULL;
    *c = *h;
#define COPY_ARR(field, cnt, type)                                                          \
    if (h->cnt) {                                                                           \
        type *a = pq_arena_alloc(ev->arena, h->cnt * sizeof(type));                         \
        if (!a)                                                                             \
            return NULL;                                                                    \
        memcpy(a, h->field, h->cnt * sizeof(type));                                         \
        c->field = a;                                                                       \
    } else {                                                                                \
        c->field = NULL;                                                                    \
    }
    COPY_ARR(positive_spans, positive_span_count, promql_span)
    COPY_ARR(negative_spans, negative_span_count, promql_span)
    COPY_ARR(positive_buckets, positive_bucket_count, double)
    COPY_ARR(negative_buckets, negative_bucket_count, double)
    COPY_ARR(custom_values, custom_value_count, double)
#undef COPY_ARR
    return c;
}

static int series_cmp(const void *a, const void *b)
{
    const pq_selected *x = a, *y = b;
    return pq_labels_compare(x->labels, y->labels);
}

int pq_select(pq_eval *ev, const pq_node *vs, const promql_select_hints *hints, pq_selected **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!ev->storage || !ev->storage->select)
        return 0;
    size_t nm = vs->u.selector.matcher_count;
    promql_matcher *ms = pq_arena_calloc(ev->arena, nm ? nm : 1, sizeof *ms);
    if (!ms)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    for (size_t i = 0; i < nm; i++) {
        const pq_matcher *m = &vs->u.selector.matchers[i];
        ms[i] = (promql_matcher){m->type, m->name, m->value, m->compiled};
    }
    char errbuf[512] = "";
    promql_series_set *set = NULL;
    if (ev->storage->select(ev->storage->ctx, ms, nm, hints, &set, errbuf, sizeof errbuf) || !set)
        return pq_eval_fail(ev, PROMQL_ERR_STORAGE, "expanding series: %s", errbuf[0] ? errbuf : "select failed");
    size_t cap = 0, n = 0;
    pq_selected *arr = NULL;
    int rc = 0;
    for (;;) {
        promql_labels ls;
        promql_sample_iter *it = NULL;
        int r = set->ops->next(set, &ls, &it, errbuf, sizeof errbuf);
        if (r == 0)
            break;
        if (r < 0) {
            rc = pq_eval_fail(ev, PROMQL_ERR_STORAGE, "expanding series: %s", errbuf);
            break;
        }
        if (ev->opts && ev->opts->max_series_per_select && n >= ev->opts->max_series_per_select) {
            if (it)
                it->ops->close(it);
            rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "the selector %s matches more than %zu series",
                              vs->u.selector.name ? vs->u.selector.name : "", ev->opts->max_series_per_select);
            break;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            pq_selected *na = pq_arena_realloc(ev->arena, arr, cap * sizeof *arr, ncap * sizeof *arr);
            if (!na) {
                if (it)
                    it->ops->close(it);
                rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                break;
            }
            arr = na;
            cap = ncap;
        }
        arr[n].labels = pq_labels_copy(ev, ls);
        arr[n].iter = it;
        if (!arr[n].labels.items && ls.count) {
            if (it)
                it->ops->close(it);
            rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            break;
        }
        n++;
        if ((n & 1023) == 0 && pq_eval_check_interrupt(ev)) {
            rc = -1;
            break;
        }
    }
    /* Iterators stay usable after the set is closed? The interface does not promise it, so
     * the set stays open until the caller is done: we close it in pq_select_close. */
    if (rc) {
        for (size_t i = 0; i < n; i++)
            if (arr[i].iter)
                arr[i].iter->ops->close(arr[i].iter);
        set->ops->close(set);
        return -1;
    }
    if (n > 1)
        qsort(arr, n, sizeof *arr, series_cmp);
    ev->open_set = set;
    *out = arr;
    *count = n;
    return 0;
}

void pq_select_close(pq_eval *ev, pq_selected *arr, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (arr[i].iter) {
            arr[i].iter->ops->close(arr[i].iter);
            arr[i].iter = NULL;
        }
    if (ev->open_set) {
        ev->open_set->ops->close(ev->open_set);
        ev->open_set = NULL;
    }
}

/* Step i reads at ref(i) = (@ or step time) - offset. */
static inline int64_t ref_time(const pq_eval *ev, size_t i, int64_t off, bool has_at, int64_t at)
{
    return (has_at ? at : pq_eval_step_ts(ev, i)) - off;
}

int pq_eval_vector_selector(pq_eval *ev, const pq_node *node, pq_value *out)
{
    int64_t off, at;
    bool has_at;
    if (pq_eval_modifiers(ev, &node->u.selector.mod, &off, &has_at, &at))
        return -1;
    size_t n = ev->nsteps;
    int64_t ref_min = ref_time(ev, 0, off, has_at, at);
    int64_t ref_max = ref_time(ev, n - 1, off, has_at, at);
    int64_t lb = ev->lookback_ms;
    promql_select_hints hints = {0};
    hints.start_ms = ref_min - lb + 1;
    hints.end_ms = ref_max;
    hints.step_ms = ev->interval_ms;

    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    pq_selected *sel;
    size_t count;
    if (pq_select(ev, node, &hints, &sel, &count))
        return -1;

    char errbuf[512] = "";
    int rc = 0;
    for (size_t k = 0; k < count && rc == 0; k++) {
        promql_sample_iter *it = sel[k].iter;
        if (!it)
            continue;
        if (pq_eval_check_interrupt(ev)) {
            rc = -1;
            break;
        }
        pq_series *s = NULL;
        bool have_prev = false;
        int64_t prev_t = 0;
        double prev_v = 0;
        const promql_histogram *prev_h = NULL;
        promql_histogram *prev_h_copy = NULL;
        size_t i = 0;
        int64_t emitted = 0;

/* Give step i the previous sample when it is inside the lookback window. */
#define EMIT_UPTO(cond)                                                                             \
    while (i < n && (cond)) {                                                                     \
        int64_t r = ref_time(ev, i, off, has_at, at);                                               \
        if (have_prev && prev_t > r - lb && !pq_sample_is_stale(prev_v, prev_h)) {                  \
            if (!s && !(s = pq_vector_add(ev, &out->u.vector, sel[k].labels))) {                    \
                rc = -1;                                                                            \
                break;                                                                              \
            }                                                                                       \
            pq_bit_set(s->present, i);                                                              \
            s->values[i] = prev_v;                                                                  \
            if (prev_h) {                                                                           \
                if (!prev_h_copy && !(prev_h_copy = pq_sample_hist_copy(ev, prev_h))) {                    \
                    rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation"); \
                    break;                                                                          \
                }                                                                                   \
                if (!s->hists && !(s->hists = pq_arena_calloc(ev->arena, n, sizeof *s->hists))) {   \
                    rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation"); \
                    break;                                                                          \
                }                                                                                   \
                s->hists[i] = prev_h_copy;                                                          \
                emitted += pq_hist_size(prev_h);                                                    \
            } else {                                                                                \
                emitted++;                                                                          \
            }                                                                                       \
        }                                                                                           \
        i++;                                                                                        \
    }

        if (it->ops->seek(it, hints.start_ms, errbuf, sizeof errbuf)) {
            rc = pq_eval_fail(ev, PROMQL_ERR_STORAGE, "%s", errbuf);
            break;
        }
        bool done = false;
        while (!done && rc == 0) {
            promql_sample_batch b;
            memset(&b, 0, sizeof b);
            if (it->ops->next_batch(it, &b, errbuf, sizeof errbuf)) {
                rc = pq_eval_fail(ev, PROMQL_ERR_STORAGE, "%s", errbuf);
                break;
            }
            if (b.count == 0)
                break;
            for (size_t j = 0; j < b.count; j++) {
                int64_t t = b.timestamps[j];
                if (t > ref_max) {
                    done = true;
                    break;
                }
                EMIT_UPTO(ref_time(ev, i, off, has_at, at) < t)
                if (rc)
                    break;
                have_prev = true;
                prev_t = t;
                prev_h = b.histograms ? b.histograms[j] : NULL;
                prev_v = prev_h ? 0 : b.values[j];
                prev_h_copy = NULL;
                if (prev_h && !(prev_h_copy = pq_sample_hist_copy(ev, prev_h))) {
                    rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                    break;
                }
                prev_h = prev_h_copy;
            }
        }
        if (rc == 0)
            EMIT_UPTO(true)
#undef EMIT_UPTO
        ev->total_samples += emitted;
        if (rc == 0 && pq_eval_add_samples(ev, emitted))
            rc = -1;
    }
    pq_select_close(ev, sel, count);
    return rc;
}
