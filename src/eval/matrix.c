/*
 * matrix.c -- range vectors: matrix selectors read each series once over the union of all the
 * steps' windows (stale markers dropped), and every step gets a window (range_start, range_end]
 * over the shared sample arrays; pq_matrix_windows turns those times into index ranges of one
 * series. Anchored and smoothed selectors (3.x extended range selectors) also read the lookback
 * delta before (and for smoothed, after) each window, as Prometheus's matrixIterSlice does.
 */
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "eval/selector.h"

static int grow(pq_eval *ev, void **arr, size_t elem, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    /* The first batch is usually the whole range: allocate exactly, double afterwards. */
    size_t ncap = *cap ? *cap * 2 : (need > 64 ? need : 64);
    while (ncap < need)
        ncap *= 2;
    void *na = pq_arena_realloc(ev->arena, *arr, *cap * elem, ncap * elem);
    if (!na)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    *arr = na;
    *cap = ncap;
    return 0;
}

/* Batches of one series restricted to (mint, maxt]: range_begin seeks, range_next hands out
 * the next batch with the indexes [*j0, *j1) of its samples in the range (possibly none). */
typedef struct range_reader {
    promql_sample_iter *it;
    int64_t mint, maxt;
    bool done;   /* a batch reached past maxt */
} range_reader;

static int range_begin(pq_eval *ev, range_reader *r, promql_sample_iter *it, int64_t mint, int64_t maxt)
{
    char errbuf[512] = "";
    *r = (range_reader){it, mint, maxt, false};
    if (it->ops->seek(it, mint + 1, errbuf, sizeof errbuf))
        return pq_eval_fail(ev, PROMQL_ERR_STORAGE, "%s", errbuf);
    return 0;
}

/* 1 with a batch, 0 at the end, -1 on a storage error. */
static int range_next(pq_eval *ev, range_reader *r, promql_sample_batch *b, size_t *j0, size_t *j1)
{
    char errbuf[512] = "";
    if (r->done)
        return 0;
    memset(b, 0, sizeof *b);
    if (r->it->ops->next_batch(r->it, b, errbuf, sizeof errbuf))
        return pq_eval_fail(ev, PROMQL_ERR_STORAGE, "%s", errbuf);
    if (b->count == 0)
        return 0;
    *j0 = pq_ts_first_gt(b->timestamps, b->count, r->mint);
    *j1 = pq_ts_first_gt(b->timestamps, b->count, r->maxt);
    if (*j1 < b->count)
        r->done = true;
    return 1;
}

/* Appends cnt float samples at t[n], v[n] without the stale markers (branch-free); returns the
 * new count. */
static size_t append_floats(int64_t *t, double *v, size_t n, const int64_t *bt, const double *bv, size_t cnt)
{
    for (size_t j = 0; j < cnt; j++) {
        uint64_t bits;
        memcpy(&bits, &bv[j], sizeof bits);
        t[n] = bt[j];
        v[n] = bv[j];
        n += bits != PROMQL_STALE_NAN_BITS;
    }
    return n;
}

/* Read the samples of one series in (mint, maxt], skipping stale markers. Float-only batches
 * are copied in bulk (bounds by binary search, stale markers squeezed out without branches);
 * batches with histograms go sample by sample. */
int pq_read_range(pq_eval *ev, promql_sample_iter *it, int64_t mint, int64_t maxt, pq_range_series *rs)
{
    int64_t *t = NULL, *st = NULL;
    double *v = NULL;
    const promql_histogram **h = NULL;
    size_t n = 0, tcap = 0, vcap = 0, hcap = 0, stcap = 0;
    bool any_h = false, any_st = false;
    const promql_histogram *last_hist = NULL;
    range_reader r;
    if (range_begin(ev, &r, it, mint, maxt))
        return -1;
    promql_sample_batch b;
    size_t j0, j1;
    int got;
    while ((got = range_next(ev, &r, &b, &j0, &j1)) > 0) {
        if (j1 <= j0)
            continue;
        size_t cnt = j1 - j0;
        if (grow(ev, (void **)&t, sizeof *t, &tcap, n + cnt) || grow(ev, (void **)&v, sizeof *v, &vcap, n + cnt))
            return -1;
        bool want_st = ev->use_start_timestamps && (b.start_ts || any_st);
        if (!b.histograms && !any_h && !want_st) {
            n = append_floats(t, v, n, b.timestamps + j0, b.values + j0, cnt);
        } else {
            for (size_t j = j0; j < j1; j++) {
                int64_t ts = b.timestamps[j];
                const promql_histogram *hist = b.histograms ? b.histograms[j] : NULL;
                double val = hist ? 0 : b.values[j];
                if (pq_sample_is_stale(val, hist))
                    continue;
                if (hist || any_h) {
                    if (!any_h) {
                        hcap = 0;
                        if (grow(ev, (void **)&h, sizeof *h, &hcap, tcap))
                            return -1;
                        memset(h, 0, hcap * sizeof *h);
                        any_h = true;
                    } else if (hcap < tcap) {
                        size_t old = hcap;
                        if (grow(ev, (void **)&h, sizeof *h, &hcap, tcap))
                            return -1;
                        memset(h + old, 0, (hcap - old) * sizeof *h);
                    }
                    if (hist && !(h[n] = ev->hist_stats > 0 ? pq_stats_hint(ev, hist, &last_hist)
                                                            : pq_sample_hist_copy(ev, hist)))
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                    if (!hist)
                        h[n] = NULL;
                }
                if (want_st) {
                    /* Start timestamps, 0 (unknown) where a batch had none. */
                    size_t old = stcap;
                    if (grow(ev, (void **)&st, sizeof *st, &stcap, tcap))
                        return -1;
                    if (stcap > old)
                        memset(st + old, 0, (stcap - old) * sizeof *st);
                    any_st = true;
                    st[n] = b.start_ts ? b.start_ts[j] : 0;
                }
                t[n] = ts;
                v[n] = val;
                n++;
            }
        }
        if (pq_eval_check_interrupt(ev))
            return -1;
    }
    if (got < 0)
        return -1;
    rs->t = t;
    rs->v = v;
    rs->h = (const promql_histogram *const *)h;
    rs->st = st;
    rs->n = n;
    return 0;
}

/* Reused buffers for reading one series at a time (malloc'ed, freed by the caller). */
typedef struct scratch_buf {
    int64_t *t;
    double *v;
    size_t cap;
} scratch_buf;

/* Read a float-only series in (mint, maxt] into the scratch buffers; *has_hist is set (and
 * nothing read) when the series holds histograms or start timestamps, which the caller then
 * reads into the arena with pq_read_range. */
static int read_range_scratch(pq_eval *ev, promql_sample_iter *it, int64_t mint, int64_t maxt, scratch_buf *sb,
                              pq_range_series *rs, bool *has_hist)
{
    size_t n = 0;
    *has_hist = false;
    range_reader r;
    if (range_begin(ev, &r, it, mint, maxt))
        return -1;
    promql_sample_batch b;
    size_t j0, j1;
    int got;
    while ((got = range_next(ev, &r, &b, &j0, &j1)) > 0) {
        if (j1 <= j0)
            continue;
        if (b.start_ts && ev->use_start_timestamps) {
            *has_hist = true; /* start timestamps: the general reader */
            return 0;
        }
        if (b.histograms) {
            for (size_t j = j0; j < j1; j++)
                if (b.histograms[j]) {
                    *has_hist = true;
                    return 0;
                }
        }
        size_t cnt = j1 - j0;
        if (n + cnt > sb->cap) {
            size_t ncap = sb->cap ? sb->cap * 2 : 1024;
            while (ncap < n + cnt)
                ncap *= 2;
            int64_t *nt = realloc(sb->t, ncap * sizeof *nt);
            if (nt)
                sb->t = nt;
            double *nv = realloc(sb->v, ncap * sizeof *nv);
            if (nv)
                sb->v = nv;
            if (!nt || !nv)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            sb->cap = ncap;
        }
        n = append_floats(sb->t, sb->v, n, b.timestamps + j0, b.values + j0, cnt);
        if (pq_eval_check_interrupt(ev))
            return -1;
    }
    if (got < 0)
        return -1;
    rs->t = sb->t;
    rs->v = sb->v;
    rs->h = NULL;
    rs->n = n;
    return 0;
}

static int matrix_selector_run(pq_eval *ev, const pq_node *node, pq_matrix *out, pq_matrix_each_fn each,
                               void *arg);

int pq_eval_matrix_selector(pq_eval *ev, const pq_node *node, pq_matrix *out)
{
    return matrix_selector_run(ev, node, out, NULL, NULL);
}

/* With 'each': every series is handed over as soon as it is read, float-only series from a
 * reused buffer, and nothing is kept in out->series. */
static int matrix_selector_run(pq_eval *ev, const pq_node *node, pq_matrix *out, pq_matrix_each_fn each,
                               void *arg)
{
    const pq_node *vs = node->u.matrix.vs;
    memset(out, 0, sizeof *out);
    int64_t off, at, range;
    bool has_at;
    if (pq_eval_modifiers(ev, &vs->u.selector.mod, &off, &has_at, &at) ||
        pq_eval_duration(ev, node->u.matrix.range_expr, node->u.matrix.range_ms, false, &range))
        return -1;
    size_t n = ev->nsteps;
    out->range_ms = range;
    out->node = node;
    out->anchored = vs->u.selector.anchored;
    out->smoothed = vs->u.selector.smoothed;
    out->lookback_ms = ev->lookback_ms;
    out->range_start = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(int64_t));
    out->range_end = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(int64_t));
    if (!out->range_start || !out->range_end)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    for (size_t i = 0; i < n; i++) {
        int64_t r = (has_at ? at : pq_eval_step_ts(ev, i)) - off;
        out->range_end[i] = r;
        out->range_start[i] = r - range;
    }
    if (n == 0)
        return 0;
    int64_t mint = out->range_start[0], maxt = out->range_end[n - 1];
    if (out->anchored || out->smoothed)
        mint -= ev->lookback_ms;
    if (out->smoothed)
        maxt += ev->lookback_ms;
    promql_select_hints hints = {0};
    hints.start_ms = mint + 1;
    hints.end_ms = maxt;
    hints.step_ms = ev->interval_ms;
    pq_select_hints_from_path(ev, &hints);
    hints.range_ms = range;

    pq_selected *sel;
    size_t count;
    if (pq_select(ev, vs, &hints, &sel, &count))
        return -1;
    int rc = 0;
    pq_window *win = NULL;
    scratch_buf sb = {NULL, NULL, 0};
    for (size_t k = 0; k < count; k++) {
        if (!sel[k].iter)
            continue;
        if (pq_eval_check_interrupt(ev)) {
            rc = -1;
            break;
        }
        pq_range_series rs;
        memset(&rs, 0, sizeof rs);
        rs.labels = sel[k].labels;
        bool has_hist = true;
        if (each && read_range_scratch(ev, sel[k].iter, mint, maxt, &sb, &rs, &has_hist)) {
            rc = -1;
            break;
        }
        if (has_hist && pq_read_range(ev, sel[k].iter, mint, maxt, &rs)) {
            rc = -1;
            break;
        }
        if (rs.n == 0)
            continue;
        ev->total_samples += (int64_t)rs.n;
        /* Prometheus holds one series' window at a time while a range function runs over it:
         * count the largest window, as its currentSamples would peak. */
        if (!win && !(win = pq_arena_alloc(ev->arena, n * sizeof *win))) {
            rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            break;
        }
        pq_matrix_windows(ev, out, &rs, win);
        /* A subquery's grid can have millions of steps: each pass over it is then worth a
         * look at the clock, not only each series. */
        if (n > PQ_STEPS_PER_CHECK && pq_eval_check_interrupt(ev)) {
            rc = -1;
            break;
        }
        int64_t peak = 0, *prefix = NULL;
        if (rs.h) {
            /* Histograms count by size: prefix sums keep each step O(1). */
            if (!(prefix = pq_arena_alloc(ev->arena, (rs.n + 1) * sizeof *prefix))) {
                rc = pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                break;
            }
            prefix[0] = 0;
            for (size_t j = 0; j < rs.n; j++)
                prefix[j + 1] = prefix[j] + (rs.h[j] ? pq_hist_points(rs.h[j]) : 1);
        }
        int64_t outputs = 0;
        for (size_t i = 0; i < n; i++) {
            if ((i + 1) % PQ_STEPS_PER_CHECK == 0 && pq_eval_check_interrupt(ev))
                break;
            int64_t c = prefix ? prefix[win[i].hi] - prefix[win[i].lo] : (int64_t)(win[i].hi - win[i].lo);
            if (c > peak)
                peak = c;
            outputs += win[i].hi - win[i].lo >= 2;
        }
        if (ev->failed || pq_eval_add_samples(ev, peak)) {
            rc = -1;
            break;
        }
        pq_eval_release_samples(ev, peak);
        /* A range vector that is the query's result (no function around it) holds every
         * series at once, as Prometheus counts it: count as it loads, to fail before the
         * whole selection sits in memory (the node's total is recounted when it returns). */
        if (!ev->hint_func && pq_eval_add_samples(ev, (int64_t)rs.n)) {
            rc = -1;
            break;
        }
        /* Under a range function, each series becomes up to one point per step, which
         * Prometheus counts series by series; steps whose window holds two samples or more
         * give a point in every range function, so counting those (a lower bound) here fails a
         * query that could never fit before the rest of the selection is read
         * (absent_over_time is the one whose output is not per series). */
        if (ev->hint_func && strcmp(ev->hint_func, "absent_over_time") != 0 && pq_eval_add_samples(ev, outputs)) {
            rc = -1;
            break;
        }
        /* Streaming: hand the series to the range function now instead of keeping the
         * whole range vector. */
        if (each) {
            out->series_windows = win;
            int r = each(arg, &rs);
            out->series_windows = NULL;
            if (r) {
                rc = -1;
                break;
            }
            continue;
        }
        if (out->count == out->cap &&
            grow(ev, (void **)&out->series, sizeof *out->series, &out->cap, out->count + 1)) {
            rc = -1;
            break;
        }
        out->series[out->count++] = rs;
    }
    free(sb.t);
    free(sb.v);
    pq_select_close(ev, sel, count);
    return rc;
}

void pq_matrix_windows(const pq_eval *ev, const pq_matrix *m, const pq_range_series *s, pq_window *w)
{
    size_t lo = 0, hi = 0;
    int64_t before = (m->anchored || m->smoothed) ? m->lookback_ms : 0;
    int64_t after = m->smoothed ? m->lookback_ms : 0;
    int64_t prev_start = INT64_MIN, prev_end = INT64_MIN;
    for (size_t i = 0; i < ev->nsteps; i++) {
        int64_t a = m->range_start[i] - before, b = m->range_end[i] + after;
        /* Windows normally move forward; restart the scan when one does not. */
        if (a < prev_start || b < prev_end) {
            lo = 0;
            hi = 0;
        }
        while (lo < s->n && s->t[lo] <= a)
            lo++;
        if (hi < lo)
            hi = lo;
        while (hi < s->n && s->t[hi] <= b)
            hi++;
        w[i].lo = lo;
        w[i].hi = hi;
        w[i].range_start = m->range_start[i];
        w[i].range_end = m->range_end[i];
        prev_start = a;
        prev_end = b;
    }
}

int pq_eval_matrix_each(pq_eval *ev, const pq_node *node, pq_matrix *out, pq_matrix_each_fn each, void *arg)
{
    const pq_node *n = node;
    while (n->kind == PQ_NODE_PAREN || n->kind == PQ_NODE_STEP_INVARIANT)
        n = n->kind == PQ_NODE_PAREN ? n->u.paren.expr : n->u.step_invariant.expr;
    if (n->kind == PQ_NODE_MATRIX_SELECTOR)
        return matrix_selector_run(ev, n, out, each, arg);
    if (pq_eval_matrix(ev, node, out))
        return -1;
    for (size_t k = 0; k < out->count; k++)
        if (each(arg, &out->series[k]))
            return -1;
    return 0;
}

int pq_eval_matrix(pq_eval *ev, const pq_node *node, pq_matrix *out)
{
    switch (node->kind) {
    case PQ_NODE_PAREN:
        return pq_eval_matrix(ev, node->u.paren.expr, out);
    case PQ_NODE_STEP_INVARIANT:
        return pq_eval_matrix(ev, node->u.step_invariant.expr, out);
    case PQ_NODE_MATRIX_SELECTOR:
        return pq_eval_matrix_selector(ev, node, out);
    case PQ_NODE_SUBQUERY:
        return pq_eval_subquery(ev, node, out);
    default:
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "expected a range vector expression");
    }
}
