/*
 * eval.c -- node dispatch of the vectorized evaluator, the value constructors, nested
 * evaluators, step-invariant evaluation (Prometheus's StepInvariantExpr: an expression whose
 * selectors all carry @ is evaluated once and broadcast to every step) and the per-node sample
 * accounting (a node's result replaces its inputs in currentSamples, as rangeEval counts).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "eval/histogram.h"
#include "parser/functions.h"

/* ---- constructors ---------------------------------------------------------------------- */

/* A grid longer than the sample limit cannot hold even one full series: refuse it before
 * allocating (a subquery such as x[10y:1ms] would otherwise ask for terabytes). */
static bool grid_too_long(pq_eval *ev)
{
    if (ev->max_samples > 0 && (int64_t)ev->nsteps > ev->max_samples) {
        pq_eval_fail(ev, PROMQL_ERR_TOO_MANY_SAMPLES,
                     "query processing would load too many samples into memory in query execution");
        return true;
    }
    return false;
}

double *pq_steps_alloc(pq_eval *ev)
{
    if (grid_too_long(ev))
        return NULL;
    double *d = pq_arena_calloc(ev->arena, ev->nsteps ? ev->nsteps : 1, sizeof(double));
    if (!d)
        pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    return d;
}

uint64_t *pq_bitmap_alloc(pq_eval *ev)
{
    if (grid_too_long(ev))
        return NULL;
    uint64_t *b = pq_arena_calloc(ev->arena, pq_bitmap_words(ev->nsteps ? ev->nsteps : 1), sizeof(uint64_t));
    if (!b)
        pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    return b;
}

double *pq_scalar_new(pq_eval *ev)
{
    return pq_steps_alloc(ev);
}

pq_series *pq_vector_add(pq_eval *ev, pq_vector *v, promql_labels labels)
{
    if (v->count == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 8;
        pq_series *ns = pq_arena_realloc(ev->arena, v->series, v->cap * sizeof *ns, ncap * sizeof *ns);
        if (!ns) {
            pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            return NULL;
        }
        v->series = ns;
        v->cap = ncap;
    }
    pq_series *s = &v->series[v->count];
    memset(s, 0, sizeof *s);
    s->labels = labels;
    s->values = pq_steps_alloc(ev);
    s->present = pq_bitmap_alloc(ev);
    if (!s->values || !s->present)
        return NULL;
    v->count++;
    return s;
}

/* ---- nested evaluators ------------------------------------------------------------------- */

void pq_eval_sub_init(pq_eval *sub, const pq_eval *parent, int64_t start, int64_t end, int64_t interval)
{
    *sub = *parent;
    sub->start_ms = start;
    sub->end_ms = end;
    sub->interval_ms = interval;
    if (end < start)
        sub->nsteps = 0;
    else if (interval <= 0)
        sub->nsteps = 1;
    else
        sub->nsteps = (size_t)((end - start) / interval) + 1;
}

void pq_eval_sub_done(pq_eval *parent, const pq_eval *sub)
{
    parent->current_samples = sub->current_samples;
    parent->peak_samples = sub->peak_samples;
    parent->total_samples = sub->total_samples;
    parent->annotations = sub->annotations;
    parent->annotation_count = sub->annotation_count;
    parent->annotation_cap = sub->annotation_cap;
    parent->failed = sub->failed;
}

/* ---- sample accounting --------------------------------------------------------------------- */

int64_t pq_hist_points(const promql_histogram *h)
{
    /* Prometheus's HPoint.size(): (FloatHistogram.Size() + 8) / 16. */
    return (int64_t)((pq_hist_size(h) + 8) / 16);
}

static int64_t popcount_words(const uint64_t *bm, size_t nsteps)
{
    int64_t n = 0;
    size_t w = pq_bitmap_words(nsteps);
    for (size_t i = 0; i < w; i++)
        n += __builtin_popcountll(bm[i]);
    return n;
}

int64_t pq_value_points(const pq_value *v, size_t nsteps)
{
    int64_t n = 0;
    switch (v->type) {
    case PQ_TYPE_SCALAR:
        return (int64_t)nsteps;
    case PQ_TYPE_VECTOR:
        for (size_t i = 0; i < v->u.vector.count; i++) {
            const pq_series *s = &v->u.vector.series[i];
            if (!s->hists) {
                n += popcount_words(s->present, nsteps);
                continue;
            }
            for (size_t j = 0; j < nsteps; j++)
                if (pq_bit_get(s->present, j))
                    n += s->hists[j] ? pq_hist_points(s->hists[j]) : 1;
        }
        return n;
    case PQ_TYPE_MATRIX:
        for (size_t i = 0; i < v->u.matrix.count; i++)
            n += (int64_t)v->u.matrix.series[i].n;
        return n;
    default:
        return 0;
    }
}

/* ---- merging series with the same labels ----------------------------------------------- */

int pq_vector_merge_same_labels(pq_eval *ev, pq_vector *v)
{
    if (v->count < 2)
        return 0;
    /* Series in strictly increasing label order (a selection, or one with the metric name
     * they all shared dropped) have no duplicates: one comparison each instead of hashing. */
    size_t inc = 1;
    while (inc < v->count && pq_labels_compare(v->series[inc - 1].labels, v->series[inc].labels) < 0)
        inc++;
    if (inc == v->count)
        return 0;
    size_t cap = 16;
    while (cap < v->count * 2)
        cap <<= 1;
    size_t *table = pq_arena_alloc(ev->arena, cap * sizeof(size_t));
    uint64_t *hashes = pq_arena_alloc(ev->arena, v->count * sizeof(uint64_t));
    if (!table || !hashes)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    memset(table, 0xff, cap * sizeof(size_t));
    size_t words = pq_bitmap_words(ev->nsteps);
    size_t out = 0;
    bool any_dup = false;
    for (size_t i = 0; i < v->count; i++) {
        uint64_t h = pq_labels_hash(v->series[i].labels);
        size_t slot = h & (cap - 1);
        size_t found = (size_t)-1;
        while (table[slot] != (size_t)-1) {
            size_t j = table[slot];
            if (hashes[j] == h && pq_labels_equal(v->series[j].labels, v->series[i].labels)) {
                found = j;
                break;
            }
            slot = (slot + 1) & (cap - 1);
        }
        if (found == (size_t)-1) {
            v->series[out] = v->series[i];
            hashes[out] = h;
            table[slot] = out;
            out++;
            continue;
        }
        any_dup = true;
        pq_series *dst = &v->series[found];
        const pq_series *src = &v->series[i];
        for (size_t w = 0; w < words; w++)
            if (dst->present[w] & src->present[w])
                return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "vector cannot contain metrics with the same labelset");
        for (size_t s = 0; s < ev->nsteps; s++) {
            if (!pq_bit_get(src->present, s))
                continue;
            pq_bit_set(dst->present, s);
            dst->values[s] = src->values[s];
            if (src->hists && src->hists[s]) {
                if (!dst->hists) {
                    dst->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *dst->hists);
                    if (!dst->hists)
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
                }
                dst->hists[s] = src->hists[s];
            }
        }
    }
    (void)any_dup;
    v->count = out;
    return 0;
}

/* ---- step invariance ------------------------------------------------------------------- */

static bool func_is_query_context(const pq_node *n)
{
    if (n->kind != PQ_NODE_CALL || !n->u.call.func)
        return false;
    const char *f = n->u.call.func->name;
    return n->u.call.arg_count == 0 &&
           (!strcmp(f, "start") || !strcmp(f, "end") || !strcmp(f, "range") || !strcmp(f, "step"));
}

static bool func_at_unsafe(const char *f)
{
    static const char *const unsafe[] = {"days_in_month", "day_of_month", "day_of_week", "day_of_year",
                                         "end", "hour", "minute", "month", "year", "predict_linear",
                                         "range", "start", "step", "time", "timestamp"};
    for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++)
        if (!strcmp(f, unsafe[i]))
            return true;
    return false;
}

bool pq_step_invariant(const pq_node *n, bool *should_wrap)
{
    bool dummy;
    if (!should_wrap)
        should_wrap = &dummy;
    *should_wrap = false;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        *should_wrap = n->u.selector.mod.at_kind != PQ_AT_NONE;
        return *should_wrap;
    case PQ_NODE_AGGREGATE:
        return pq_step_invariant(n->u.aggregate.expr, should_wrap);
    case PQ_NODE_BINARY: {
        bool l = pq_step_invariant(n->u.binary.lhs, NULL);
        bool r = pq_step_invariant(n->u.binary.rhs, NULL);
        *should_wrap = l && r;
        return l && r;
    }
    case PQ_NODE_CALL: {
        if (func_is_query_context(n))
            return true;
        const char *f = n->u.call.func ? n->u.call.func->name : "";
        bool inv = !func_at_unsafe(f);
        bool ts_safe = !strcmp(f, "timestamp");
        for (size_t i = 0; i < n->u.call.arg_count; i++) {
            const pq_node *a = n->u.call.args[i];
            while (a->kind == PQ_NODE_PAREN)
                a = a->u.paren.expr;
            bool ai = pq_step_invariant(a, NULL);
            inv = inv && ai;
            if (!ai || a->kind != PQ_NODE_VECTOR_SELECTOR)
                ts_safe = false;
        }
        *should_wrap = inv || ts_safe;
        return *should_wrap;
    }
    case PQ_NODE_MATRIX_SELECTOR:
        return n->u.matrix.vs->u.selector.mod.at_kind != PQ_AT_NONE;
    case PQ_NODE_SUBQUERY:
        return n->u.subquery.mod.at_kind != PQ_AT_NONE;
    case PQ_NODE_PAREN:
        return pq_step_invariant(n->u.paren.expr, should_wrap);
    case PQ_NODE_UNARY:
        return pq_step_invariant(n->u.unary.expr, should_wrap);
    case PQ_NODE_STEP_INVARIANT:
        *should_wrap = true;
        return true;
    case PQ_NODE_NUMBER:
    case PQ_NODE_STRING:
    case PQ_NODE_DURATION:
        return true;
    }
    return false;
}

/* Evaluate 'node' once at the grid's first step and broadcast the result to every step. */
static int eval_step_invariant(pq_eval *ev, const pq_node *node, pq_value *out)
{
    pq_eval one;
    pq_eval_sub_init(&one, ev, ev->start_ms, ev->start_ms, ev->interval_ms);
    pq_value v;
    int rc = pq_eval_node(&one, node, &v);
    pq_eval_sub_done(ev, &one);
    if (rc)
        return -1;
    size_t n = ev->nsteps;
    switch (v.type) {
    case PQ_TYPE_SCALAR: {
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < n; i++)
            d[i] = v.u.scalar[0];
        out->type = PQ_TYPE_SCALAR;
        out->u.scalar = d;
        return 0;
    }
    case PQ_TYPE_VECTOR: {
        out->type = PQ_TYPE_VECTOR;
        memset(&out->u.vector, 0, sizeof out->u.vector);
        for (size_t k = 0; k < v.u.vector.count; k++) {
            const pq_series *src = &v.u.vector.series[k];
            if (!pq_bit_get(src->present, 0))
                continue;
            pq_series *dst = pq_vector_add(ev, &out->u.vector, src->labels);
            if (!dst)
                return -1;
            dst->drop_name = src->drop_name;
            if (src->hists && src->hists[0]) {
                dst->hists = pq_arena_calloc(ev->arena, n, sizeof *dst->hists);
                if (!dst->hists)
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            }
            for (size_t i = 0; i < n; i++) {
                dst->values[i] = src->values[0];
                pq_bit_set(dst->present, i);
                if (dst->hists)
                    dst->hists[i] = src->hists[0];
            }
        }
        return 0;
    }
    case PQ_TYPE_MATRIX: {
        /* A range vector does not depend on the step: every step sees the same window. */
        *out = v;
        int64_t *rs = pq_arena_alloc(ev->arena, n * sizeof(int64_t));
        int64_t *re = pq_arena_alloc(ev->arena, n * sizeof(int64_t));
        if (!rs || !re)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
        for (size_t i = 0; i < n; i++) {
            rs[i] = v.u.matrix.range_start[0];
            re[i] = v.u.matrix.range_end[0];
        }
        out->u.matrix.range_start = rs;
        out->u.matrix.range_end = re;
        return 0;
    }
    default:
        *out = v;
        return 0;
    }
}

/* ---- unary minus ------------------------------------------------------------------------- */

static promql_histogram *hist_negate(pq_eval *ev, const promql_histogram *h)
{
    promql_histogram *c = pq_arena_calloc(ev->arena, 1, sizeof *c);
    if (!c || pq_hist_neg(ev->arena, h, c) != PQ_HIST_OK)
        return NULL;
    return c;
}

static int eval_unary(pq_eval *ev, const pq_node *node, pq_value *out)
{
    if (pq_eval_node(ev, node->u.unary.expr, out))
        return -1;
    if (node->u.unary.op != PQ_OP_SUB)
        return 0;
    if (out->type == PQ_TYPE_SCALAR) {
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < ev->nsteps; i++)
            d[i] = -out->u.scalar[i];
        out->u.scalar = d;
        return 0;
    }
    if (out->type != PQ_TYPE_VECTOR)
        return 0;
    pq_vector *v = &out->u.vector;
    for (size_t k = 0; k < v->count; k++) {
        pq_series *s = &v->series[k];
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < ev->nsteps; i++)
            d[i] = -s->values[i];
        s->values = d;
        if (s->hists) {
            promql_histogram **hs = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *hs);
            if (!hs)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            for (size_t i = 0; i < ev->nsteps; i++)
                if (s->hists[i] && !(hs[i] = hist_negate(ev, s->hists[i])))
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
            s->hists = hs;
        }
        if (ev->delayed_name_removal)
            s->drop_name = true;
        else
            s->labels = pq_labels_drop_metadata(ev, s->labels);
    }
    if (!ev->delayed_name_removal)
        return pq_vector_merge_same_labels(ev, v);
    return 0;
}

/* ---- query-context functions start(), end(), range(), step() ------------------------------ */

static int eval_query_context(pq_eval *ev, const pq_node *node, pq_value *out)
{
    const char *f = node->u.call.func->name;
    double val;
    if (!strcmp(f, "start"))
        val = (double)ev->query_start_ms / 1000.0;
    else if (!strcmp(f, "end"))
        val = (double)ev->query_end_ms / 1000.0;
    else if (!strcmp(f, "range"))
        val = (double)(ev->query_end_ms - ev->query_start_ms) / 1000.0;
    else
        val = ev->query_start_ms != ev->query_end_ms ? (double)ev->query_step_ms / 1000.0 : 0;
    double *d = pq_steps_alloc(ev);
    if (!d)
        return -1;
    for (size_t i = 0; i < ev->nsteps; i++)
        d[i] = val;
    out->type = PQ_TYPE_SCALAR;
    out->u.scalar = d;
    return 0;
}

/* ---- dispatch -------------------------------------------------------------------------------- */

static int eval_node_kind(pq_eval *ev, const pq_node *node, pq_value *out)
{
    switch (node->kind) {
    case PQ_NODE_NUMBER: {
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < ev->nsteps; i++)
            d[i] = node->u.number.value;
        out->type = PQ_TYPE_SCALAR;
        out->u.scalar = d;
        return 0;
    }
    case PQ_NODE_STRING:
        out->type = PQ_TYPE_STRING;
        out->u.string.s = node->u.string.value;
        out->u.string.len = node->u.string.len;
        return 0;
    case PQ_NODE_PAREN:
        return pq_eval_node(ev, node->u.paren.expr, out);
    case PQ_NODE_STEP_INVARIANT:
        if (ev->nsteps > 1)
            return eval_step_invariant(ev, node->u.step_invariant.expr, out);
        return pq_eval_node(ev, node->u.step_invariant.expr, out);
    case PQ_NODE_UNARY:
        return eval_unary(ev, node, out);
    case PQ_NODE_VECTOR_SELECTOR:
        return pq_eval_vector_selector(ev, node, out);
    case PQ_NODE_MATRIX_SELECTOR:
    case PQ_NODE_SUBQUERY:
        out->type = PQ_TYPE_MATRIX;
        return pq_eval_matrix(ev, node, &out->u.matrix);
    case PQ_NODE_CALL:
        if (func_is_query_context(node))
            return eval_query_context(ev, node, out);
        return pq_eval_call(ev, node, out);
    case PQ_NODE_BINARY:
        return pq_eval_binary(ev, node, out);
    case PQ_NODE_AGGREGATE:
        return pq_eval_aggregate(ev, node, out);
    case PQ_NODE_DURATION: {
        int64_t ms;
        if (pq_eval_duration(ev, node, 0, true, &ms))
            return -1;
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < ev->nsteps; i++)
            d[i] = (double)ms / 1000.0;
        out->type = PQ_TYPE_SCALAR;
        out->u.scalar = d;
        return 0;
    }
    }
    return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "unhandled expression of kind %d", (int)node->kind);
}

int pq_eval_node(pq_eval *ev, const pq_node *node, pq_value *out)
{
    memset(out, 0, sizeof *out);
    if (pq_eval_check_interrupt(ev))
        return -1;
    if (ev->nsteps == 0) {
        /* An empty grid (a subquery whose range holds no step): nothing to compute. */
        out->type = node->type == PQ_TYPE_NONE ? PQ_TYPE_VECTOR : node->type;
        if (out->type == PQ_TYPE_SCALAR)
            out->u.scalar = NULL;
        return 0;
    }
    int64_t before = ev->current_samples;
    int rc;
    bool wrap = false;
    const char *saved_func = ev->hint_func;
    const pq_strlist *saved_grouping = ev->hint_grouping;
    bool saved_by = ev->hint_by;
    int saved_stats = ev->hist_stats;
    switch (node->kind) {
    case PQ_NODE_CALL:
        ev->hint_func = node->u.call.func ? node->u.call.func->name : NULL;
        ev->hint_grouping = NULL;
        if (ev->hint_func) {
            const char *f = ev->hint_func;
            if (!strcmp(f, "histogram_quantile") || !strcmp(f, "histogram_quantiles") ||
                !strcmp(f, "histogram_fraction"))
                ev->hist_stats = -1;
            else if (ev->hist_stats == 0 && (!strcmp(f, "histogram_count") || !strcmp(f, "histogram_sum") ||
                                             !strcmp(f, "histogram_avg")))
                ev->hist_stats = 1;
        }
        break;
    case PQ_NODE_SUBQUERY:
        ev->hist_stats = -1;
        ev->hint_grouping = NULL;
        break;
    case PQ_NODE_AGGREGATE:
        ev->hint_func = pq_op_name(node->u.aggregate.op);
        ev->hint_grouping = &node->u.aggregate.grouping;
        ev->hint_by = !node->u.aggregate.without;
        break;
    case PQ_NODE_BINARY:
        ev->hint_func = NULL;
        ev->hint_grouping = NULL;
        if (node->u.binary.op == PQ_OP_TRIM_UPPER || node->u.binary.op == PQ_OP_TRIM_LOWER)
            ev->hist_stats = -1;
        break;
    case PQ_NODE_PAREN:
    case PQ_NODE_STEP_INVARIANT:
        break;
    default:
        ev->hint_grouping = NULL;
        break;
    }
    if (ev->nsteps > 1 && node->kind != PQ_NODE_NUMBER && node->kind != PQ_NODE_STRING &&
        node->kind != PQ_NODE_STEP_INVARIANT && pq_step_invariant(node, &wrap) && wrap)
        rc = eval_step_invariant(ev, node, out);
    else
        rc = eval_node_kind(ev, node, out);
    ev->hint_func = saved_func;
    ev->hint_grouping = saved_grouping;
    ev->hint_by = saved_by;
    ev->hist_stats = saved_stats;
    if (rc || ev->failed)
        return -1;
    ev->current_samples = before;
    return pq_eval_add_samples(ev, pq_value_points(out, ev->nsteps));
}
