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
#include "eval/histogram.h"
#include "storage/regex.h"

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

void pq_select_hints_from_path(const pq_eval *ev, promql_select_hints *hints)
{
    hints->func = ev->hint_func;
    if (ev->hint_grouping) {
        hints->grouping = (const char *const *)ev->hint_grouping->items;
        hints->grouping_count = ev->hint_grouping->count;
        hints->by = ev->hint_by;
    }
}

promql_histogram *pq_stats_hint(pq_eval *ev, const promql_histogram *h, const promql_histogram **last)
{
    promql_histogram *c = pq_sample_hist_copy(ev, h);
    if (!c)
        return NULL;
    if (c->counter_reset_hint == PROMQL_HINT_UNKNOWN && *last)
        c->counter_reset_hint = pq_hist_detect_reset(c, *last) ? PROMQL_HINT_COUNTER_RESET
                                                               : PROMQL_HINT_NOT_COUNTER_RESET;
    *last = c;
    return c;
}

static int series_cmp(const void *a, const void *b)
{
    const pq_selected *x = a, *y = b;
    return pq_labels_compare(x->labels, y->labels);
}

static void unwatch(promql_matcher *ms, size_t nm)
{
    for (size_t i = 0; i < nm; i++)
        if (ms[i].compiled)
            pq_regex_watch(ms[i].compiled, 0, NULL);
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
    /* Regex matchers run inside the storage: give them the deadline (see pq_regex_watch). */
    for (size_t i = 0; i < nm; i++)
        if (ms[i].compiled)
            pq_regex_watch(ms[i].compiled, ev->deadline_ns, ev->cancel_flag);
    char errbuf[512] = "";
    promql_series_set *set = NULL;
    int selrc = ev->storage->select(ev->storage->ctx, ms, nm, hints, &set, errbuf, sizeof errbuf);
    if (selrc == 0 && set && pq_eval_check_interrupt(ev)) {
        unwatch(ms, nm);
        set->ops->close(set);
        return -1;
    }
    if (selrc || !set) {
        unwatch(ms, nm);
        return pq_eval_fail(ev, PROMQL_ERR_STORAGE, "expanding series: %s", errbuf[0] ? errbuf : "select failed");
    }
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
    /* A storage may match lazily while iterating: a watched regex that gave up is a timeout. */
    for (size_t i = 0; rc == 0 && i < nm; i++)
        if (ms[i].compiled && pq_regex_expired(ms[i].compiled))
            rc = pq_eval_check_interrupt(ev) ? -1
                                             : pq_eval_fail(ev, PROMQL_ERR_TIMEOUT, "query timed out in expression evaluation");
    unwatch(ms, nm);
    /* Iterators stay usable after the set is closed? The interface does not promise it, so
     * the set stays open until the caller is done: we close it in pq_select_close. */
    if (rc) {
        for (size_t i = 0; i < n; i++)
            if (arr[i].iter)
                arr[i].iter->ops->close(arr[i].iter);
        set->ops->close(set);
        return -1;
    }
    /* Stores usually hand series out in label order already: check before sorting. */
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = series_cmp(&arr[i - 1], &arr[i]) <= 0;
    if (!sorted)
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

/* ---- smoothed vector selectors (3.x extended range selectors) ------------------------------ */

/* h1 + (h2 - h1) * fraction, or h2 * fraction after a counter reset (interpolateHistograms). */
static promql_histogram *interpolate_hist(pq_eval *ev, const pq_node *node, const promql_histogram *h1, int64_t t1,
                                          const promql_histogram *h2, int64_t t2, int64_t t, bool is_counter,
                                          bool *incompatible)
{
    *incompatible = false;
    if (t == t1 || t == t2) {
        promql_histogram *c = pq_arena_calloc(ev->arena, 1, sizeof *c);
        if (!c || pq_hist_copy(ev->arena, t == t1 ? h1 : h2, c) != PQ_HIST_OK)
            return NULL;
        return c;
    }
    double fraction = (double)(t - t1) / (double)(t2 - t1);
    promql_histogram *d = pq_arena_calloc(ev->arena, 1, sizeof *d), *m = pq_arena_calloc(ev->arena, 1, sizeof *m),
                     *r = pq_arena_calloc(ev->arena, 1, sizeof *r);
    if (!d || !m || !r)
        return NULL;
    if (is_counter && pq_hist_detect_reset(h2, h1))
        return pq_hist_mul(ev->arena, h2, fraction, r) == PQ_HIST_OK ? r : NULL;
    unsigned flags = 0;
    pq_hist_status st = pq_hist_sub(ev->arena, h2, h1, d, &flags);
    if (st == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
        *incompatible = true;
        return NULL;
    }
    if (st != PQ_HIST_OK)
        return NULL;
    if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, node,
                         "PromQL info: mismatched custom buckets were reconciled during subtraction");
    if (pq_hist_mul(ev->arena, d, fraction, m) != PQ_HIST_OK)
        return NULL;
    flags = 0;
    st = pq_hist_add(ev->arena, m, h1, r, &flags);
    if (st == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
        *incompatible = true;
        return NULL;
    }
    if (st != PQ_HIST_OK)
        return NULL;
    if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, node,
                         "PromQL info: mismatched custom buckets were reconciled during addition");
    r->counter_reset_hint = d->counter_reset_hint;
    return r;
}

static void warn_metric(pq_eval *ev, const pq_node *node, promql_labels ls, const char *what)
{
    const char *name = pq_labels_get(ls, "__name__");
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_go_quote(&b, name ? name : "", strlen(name ? name : ""));
    char *q = pq_strbuf_finish(&b);
    pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node, "PromQL warning: %s %s", what, q ? q : "");
    free(q);
}

/* Each step takes the value at its time, linearly interpolated between the samples around it
 * within the lookback delta on either side (Prometheus's smoothSeries). */
static int eval_smoothed(pq_eval *ev, const pq_node *node, int64_t off, bool has_at, int64_t at, pq_value *out,
                         pq_selected *sel, size_t count)
{
    size_t n = ev->nsteps;
    int64_t lb = ev->lookback_ms;
    int64_t ref_min = ref_time(ev, 0, off, has_at, at), ref_max = ref_time(ev, n - 1, off, has_at, at);
    for (size_t k = 0; k < count; k++) {
        if (!sel[k].iter)
            continue;
        if (pq_eval_check_interrupt(ev))
            return -1;
        pq_range_series rs;
        memset(&rs, 0, sizeof rs);
        if (pq_read_range(ev, sel[k].iter, ref_min - lb, ref_max + lb, &rs))
            return -1;
        pq_series *s = NULL;
        size_t lo = 0, hi = 0;
        for (size_t i = 0; i < n; i++) {
            int64_t d = ref_time(ev, i, off, has_at, at);
            while (lo < rs.n && rs.t[lo] <= d - lb)
                lo++;
            if (hi < lo)
                hi = lo;
            while (hi < rs.n && rs.t[hi] <= d + lb)
                hi++;
            if (hi == lo)
                continue;
            size_t nh = 0;
            for (size_t j = lo; j < hi; j++)
                if (rs.h && rs.h[j])
                    nh++;
            if (nh && nh != hi - lo) {
                warn_metric(ev, node, sel[k].labels, "encountered a mix of histograms and floats for metric name");
                continue;
            }
            size_t j = lo;
            while (j < hi && rs.t[j] < d)
                j++;
            double val = 0;
            promql_histogram *hv = NULL;
            if (j < hi && rs.t[j] == d) {
                val = rs.v[j];
                if (nh && !(hv = (promql_histogram *)rs.h[j]))
                    return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "smoothing");
            } else if (j > lo && j < hi) {
                if (nh) {
                    const promql_histogram *p = rs.h[j - 1], *q = rs.h[j];
                    if ((p->schema == -53) != (q->schema == -53)) {
                        warn_metric(ev, node, sel[k].labels,
                                    "vector contains a mix of histograms with exponential and custom buckets schemas for metric name");
                        continue;
                    }
                    bool is_counter = p->counter_reset_hint != PROMQL_HINT_GAUGE || q->counter_reset_hint != PROMQL_HINT_GAUGE;
                    bool incompatible;
                    hv = interpolate_hist(ev, node, p, rs.t[j - 1], q, rs.t[j], d, is_counter, &incompatible);
                    if (!hv) {
                        if (incompatible) {
                            warn_metric(ev, node, sel[k].labels,
                                        "vector contains a mix of histograms with exponential and custom buckets schemas for metric name");
                            continue;
                        }
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                    }
                } else {
                    double y1 = rs.v[j - 1], y2 = rs.v[j];
                    val = y1 + (y2 - y1) * (double)(d - rs.t[j - 1]) / (double)(rs.t[j] - rs.t[j - 1]);
                }
            } else if (j > lo) {
                val = rs.v[j - 1];
                if (nh) {
                    promql_histogram *c = pq_arena_alloc(ev->arena, sizeof *c);
                    if (!c)
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                    *c = *rs.h[j - 1];
                    c->counter_reset_hint = PROMQL_HINT_UNKNOWN;
                    hv = c;
                }
            } else {
                continue;
            }
            if (!s && !(s = pq_vector_add(ev, &out->u.vector, sel[k].labels)))
                return -1;
            pq_bit_set(s->present, i);
            s->values[i] = val;
            if (hv) {
                if (!s->hists && !(s->hists = pq_arena_calloc(ev->arena, n, sizeof *s->hists)))
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                s->hists[i] = hv;
            }
        }
        ev->total_samples += (int64_t)rs.n;
    }
    return 0;
}

/* The first step index >= i whose reference time reaches 'limit' (n when none does). */
static size_t first_step_reaching(const pq_eval *ev, size_t i, size_t n, int64_t off, bool has_at, int64_t limit)
{
    if (has_at || ev->interval_ms <= 0 || limit == INT64_MAX)
        return n;
    /* start + j*interval - off >= limit */
    int64_t need = limit + off - ev->start_ms;
    if (need <= 0)
        return i + 1 > n ? n : i + 1;
    int64_t j = (need + ev->interval_ms - 1) / ev->interval_ms;
    if (j <= (int64_t)i)
        j = (int64_t)i + 1;
    return (uint64_t)j > n ? n : (size_t)j;
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
    pq_select_hints_from_path(ev, &hints);

    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    pq_selected *sel;
    size_t count;
    if (node->u.selector.smoothed)
        hints.end_ms = ref_max + lb;
    if (pq_select(ev, node, &hints, &sel, &count))
        return -1;
    if (node->u.selector.smoothed) {
        int src = eval_smoothed(ev, node, off, has_at, at, out, sel, count);
        pq_select_close(ev, sel, count);
        return src;
    }

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
        const promql_histogram *last_hist = NULL;

/* Give the steps with ref < limit the previous sample where it is inside their lookback window.
 * Once the previous sample is out of reach (or stale, or absent), no step before the next sample
 * can have a value: jump straight to the first step that reaches 'limit'. */
#define EMIT_UPTO(limit)                                                                            \
    while (i < n && ref_time(ev, i, off, has_at, at) < (limit)) {                                   \
        int64_t r = ref_time(ev, i, off, has_at, at);                                               \
        if (!have_prev || prev_t <= r - lb || pq_sample_is_stale(prev_v, prev_h)) {                 \
            i = first_step_reaching(ev, i, n, off, has_at, (limit));                                \
            continue;                                                                               \
        }                                                                                           \
        if (!s && !(s = pq_vector_add(ev, &out->u.vector, sel[k].labels))) {                        \
            rc = -1;                                                                                \
            break;                                                                                  \
        }                                                                                           \
        pq_bit_set(s->present, i);                                                                  \
        s->values[i] = prev_v;                                                                      \
        if (prev_h) {                                                                               \
            if (!prev_h_copy && !(prev_h_copy = pq_sample_hist_copy(ev, prev_h))) {                 \
                rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");   \
                break;                                                                              \
            }                                                                                       \
            if (!s->hists && !(s->hists = pq_arena_calloc(ev->arena, n, sizeof *s->hists))) {       \
                rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");   \
                break;                                                                              \
            }                                                                                       \
            s->hists[i] = prev_h_copy;                                                              \
            emitted += pq_hist_points(prev_h);                                                      \
        } else {                                                                                    \
            emitted++;                                                                              \
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
                EMIT_UPTO(t)
                if (rc)
                    break;
                have_prev = true;
                prev_t = t;
                prev_h = b.histograms ? b.histograms[j] : NULL;
                prev_v = prev_h ? 0 : b.values[j];
                prev_h_copy = NULL;
                if (prev_h && ev->hist_stats > 0 && !pq_sample_is_stale(0, prev_h)) {
                    if (!(prev_h_copy = pq_stats_hint(ev, prev_h, &last_hist))) {
                        rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                        break;
                    }
                    prev_h = prev_h_copy;
                }
            }
            /* The batch's arrays die with the next call: keep the previous histogram alive. */
            if (rc == 0 && !done && prev_h && !prev_h_copy) {
                if (!(prev_h_copy = pq_sample_hist_copy(ev, prev_h)))
                    rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                prev_h = prev_h_copy;
            }
        }
        if (rc == 0)
            EMIT_UPTO(INT64_MAX)
#undef EMIT_UPTO
        ev->total_samples += emitted;
        if (rc == 0 && pq_eval_add_samples(ev, emitted))
            rc = -1;
    }
    pq_select_close(ev, sel, count);
    return rc;
}
