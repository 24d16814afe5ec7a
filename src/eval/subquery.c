/*
 * subquery.c -- subqueries: the inner expression is evaluated on a grid of its own, aligned to
 * multiples of the subquery step (Prometheus's subqueryTimeRange), covering every window of the
 * outer steps; its result becomes a range vector whose samples are the inner steps.
 */
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"

int pq_eval_subquery(pq_eval *ev, const pq_node *node, pq_matrix *out)
{
    memset(out, 0, sizeof *out);
    int64_t off, at, range, step;
    bool has_at;
    if (pq_eval_modifiers(ev, &node->u.subquery.mod, &off, &has_at, &at) ||
        pq_eval_duration(ev, node->u.subquery.range_expr, node->u.subquery.range_ms, false, &range) ||
        pq_eval_duration(ev, node->u.subquery.step_expr, node->u.subquery.step_ms, false, &step))
        return -1;
    if (step <= 0)
        step = ev->subquery_step_ms > 0 ? ev->subquery_step_ms : 60000;
    size_t n = ev->nsteps;
    out->range_ms = range;
    out->node = node;
    out->from_subquery = true;
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
    /* First multiple of the step after the earliest window start (Go's truncating division,
     * as C's). */
    int64_t lo = out->range_start[0];
    int64_t start = step * (lo / step);
    if (start <= lo)
        start += step;
    int64_t end = out->range_end[n - 1];

    pq_eval sub;
    pq_eval_sub_init(&sub, ev, start, end, step);
    sub.hist_stats = -1; /* no stats decoding below a subquery */
    pq_value inner;
    int rc = pq_eval_node(&sub, node->u.subquery.expr, &inner);
    pq_eval_sub_done(ev, &sub);
    if (rc)
        return -1;
    if (sub.nsteps == 0)
        return 0;

    size_t count = inner.type == PQ_TYPE_SCALAR ? 1 : inner.type == PQ_TYPE_VECTOR ? inner.u.vector.count : 0;
    out->series = pq_arena_calloc(ev->arena, count ? count : 1, sizeof *out->series);
    if (!out->series)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    out->cap = count;
    for (size_t k = 0; k < count; k++) {
        const pq_series *s = inner.type == PQ_TYPE_VECTOR ? &inner.u.vector.series[k] : NULL;
        size_t np = 0;
        for (size_t j = 0; j < sub.nsteps; j++)
            if (!s || pq_bit_get(s->present, j))
                np++;
        if (np == 0)
            continue;
        int64_t *t = pq_arena_alloc(ev->arena, np * sizeof *t);
        double *v = pq_arena_alloc(ev->arena, np * sizeof *v);
        const promql_histogram **h = NULL;
        if (!t || !v)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
        if (s && s->hists && !(h = pq_arena_calloc(ev->arena, np, sizeof *h)))
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
        size_t m = 0;
        for (size_t j = 0; j < sub.nsteps; j++) {
            if (s && !pq_bit_get(s->present, j))
                continue;
            t[m] = start + (int64_t)j * step;
            v[m] = s ? s->values[j] : inner.u.scalar[j];
            if (h && s->hists[j]) {
                const promql_histogram *hh = s->hists[j];
                /* Counter-reset hints cannot be trusted across subquery steps. */
                if (hh->counter_reset_hint == PROMQL_HINT_COUNTER_RESET ||
                    hh->counter_reset_hint == PROMQL_HINT_NOT_COUNTER_RESET) {
                    promql_histogram *c = pq_arena_alloc(ev->arena, sizeof *c);
                    if (!c)
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                    *c = *hh;
                    c->counter_reset_hint = PROMQL_HINT_UNKNOWN;
                    hh = c;
                }
                h[m] = hh;
            }
            m++;
        }
        pq_range_series *rs = &out->series[out->count++];
        rs->labels = s ? s->labels : (promql_labels){NULL, 0};
        rs->t = t;
        rs->v = v;
        rs->h = (const promql_histogram *const *)h;
        rs->n = np;
        rs->drop_name = s ? s->drop_name : false;
    }
    return 0;
}
