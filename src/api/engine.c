/*
 * engine.c -- promql_engine and query execution: parse (for promql_query_*), check durations,
 * evaluate the expression on its step grid, then turn the evaluator's value into a result as
 * Prometheus's execEvalStmt does: an instant query gives a scalar, a string, a vector (one point
 * per series) or a matrix (a range-vector expression); a range query gives a matrix sorted by
 * labels. Delayed __name__ removal is applied at the end, followed by the same-labelset check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/expr.h"
#include "api/result.h"
#include "eval/eval.h"
#include "eval/evalint.h"
#include "parser/parser.h"

struct promql_engine {
    promql_engine_options opts;
};

void promql_engine_options_init(promql_engine_options *o)
{
    memset(o, 0, sizeof *o);
    o->lookback_delta_ms = 5 * 60 * 1000;
    o->max_samples = 50000000;
    o->enable_experimental_functions = 1;
    o->enable_extended_range_selectors = 1;
    o->enable_binop_fill_modifiers = 1;
    o->enable_at_modifier = 1;
    o->enable_negative_offset = 1;
    o->enable_delayed_name_removal = 0;   /* experimental and off in Prometheus 3.14 too */
    o->default_subquery_step_ms = 60 * 1000;
}

static promql_error_code set_err(promql_error *err, promql_error_code code, const char *msg)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
        err->pos_start = err->pos_end = -1;
        strncpy(err->message, msg, sizeof err->message - 1);
    }
    return code;
}

promql_engine *promql_engine_new(const promql_engine_options *opts, promql_error *err)
{
    promql_engine_options o;
    if (opts)
        o = *opts;
    else
        promql_engine_options_init(&o);
    if (o.lookback_delta_ms <= 0)
        o.lookback_delta_ms = 5 * 60 * 1000;
    if (o.max_samples < 0) {
        set_err(err, PROMQL_ERR_BAD_DATA, "max_samples must not be negative");
        return NULL;
    }
    if (o.default_subquery_step_ms <= 0)
        o.default_subquery_step_ms = 60 * 1000;
    promql_engine *e = calloc(1, sizeof *e);
    if (!e) {
        set_err(err, PROMQL_ERR_RESOURCE, "out of memory");
        return NULL;
    }
    e->opts = o;
    if (err)
        set_err(err, PROMQL_OK, "");
    return e;
}

void promql_release_cached_memory(void)
{
    pq_arena_release_cache();
}

void promql_engine_free(promql_engine *engine)
{
    free(engine);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- result conversion -------------------------------------------------------------------------- */

static int vector_to_result(pq_eval *ev, const pq_vector *v, promql_result *r, bool instant)
{
    r->series = pq_arena_calloc(ev->arena, v->count ? v->count : 1, sizeof *r->series);
    if (!r->series)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t out = 0;
    for (size_t k = 0; k < v->count; k++) {
        const pq_series *s = &v->series[k];
        size_t nf = 0, nh = 0, words = pq_bitmap_words(ev->nsteps);
        if (!s->hists) {
            for (size_t w = 0; w < words; w++)
                nf += (size_t)__builtin_popcountll(s->present[w]);
        } else {
            for (size_t i = 0; i < ev->nsteps; i++) {
                if (!pq_bit_get(s->present, i))
                    continue;
                if (s->hists[i])
                    nh++;
                else
                    nf++;
            }
        }
        if (nf + nh == 0)
            continue;
        pq_result_series *rs = &r->series[out++];
        rs->labels = s->labels;
        rs->ft = pq_arena_alloc(ev->arena, (nf ? nf : 1) * sizeof(int64_t));
        rs->fv = pq_arena_alloc(ev->arena, (nf ? nf : 1) * sizeof(double));
        rs->ht = pq_arena_alloc(ev->arena, (nh ? nh : 1) * sizeof(int64_t));
        rs->hv = pq_arena_alloc(ev->arena, (nh ? nh : 1) * sizeof(promql_histogram *));
        if (!rs->ft || !rs->fv || !rs->ht || !rs->hv)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        if (!s->hists) {
            /* Floats only: walk the set bits a word at a time. */
            size_t m = 0;
            for (size_t w = 0; w < words; w++) {
                uint64_t bits = s->present[w];
                if (bits == ~(uint64_t)0 && (w + 1) * 64 <= ev->nsteps) {
                    memcpy(rs->fv + m, s->values + w * 64, 64 * sizeof(double));
                    for (size_t j = 0; j < 64; j++)
                        rs->ft[m + j] = pq_eval_step_ts(ev, w * 64 + j);
                    m += 64;
                    continue;
                }
                while (bits) {
                    size_t i = w * 64 + (size_t)__builtin_ctzll(bits);
                    bits &= bits - 1;
                    rs->ft[m] = pq_eval_step_ts(ev, i);
                    rs->fv[m++] = s->values[i];
                }
            }
            rs->nf = m;
            continue;
        }
        for (size_t i = 0; i < ev->nsteps; i++) {
            if (!pq_bit_get(s->present, i))
                continue;
            int64_t t = pq_eval_step_ts(ev, i);
            if (s->hists && s->hists[i]) {
                rs->ht[rs->nh] = t;
                rs->hv[rs->nh++] = s->hists[i];
            } else {
                rs->ft[rs->nf] = t;
                rs->fv[rs->nf++] = s->values[i];
            }
        }
    }
    r->series_count = out;
    if (!instant && pq_sort_result_series(ev->arena, r->series, out))
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    return 0;
}

/* Prometheus's extendFloats for an anchored/smoothed range vector result: the samples strictly
 * inside (mint, maxt) framed by a point at each boundary, picked from the sample at or before
 * it (anchored) or interpolated (smoothed). Writes into ft/fv (room for n + 2); returns the
 * count. */
static size_t extend_floats(const int64_t *t, const double *v, size_t n, int64_t mint, int64_t maxt, bool smoothed,
                            int64_t *ft, double *fv)
{
    if (n == 0)
        return 0;
    size_t last = n - 1, first = 0;
    while (first < last && t[first] <= mint)
        first++;
    first = first > 0 ? first - 1 : 0;
    if (smoothed) {
        size_t j = 0;
        while (j < last && t[j] < maxt)
            j++;
        last = j;
    }
    if (t[last] <= mint)
        return 0;
#define INTERP(a, b, at) (v[a] + (v[b] - v[a]) * (double)((at) - t[a]) / (double)(t[b] - t[a]))
    double left = (smoothed && t[first] < mint) ? INTERP(first, first + 1, mint) : v[first];
    double right = (smoothed && last > 0 && t[last] > maxt) ? INTERP(last - 1, last, maxt) : v[last];
#undef INTERP
    long lo = (long)first, hi = (long)last;
    if (t[lo] <= mint)
        lo++;
    if (t[hi] >= maxt)
        hi--;
    size_t m = 0;
    ft[m] = mint;
    fv[m++] = left;
    for (long j = lo; j <= hi; j++) {
        ft[m] = t[j];
        fv[m++] = v[j];
    }
    ft[m] = maxt;
    fv[m++] = right;
    return m;
}

/* Range vector result of an instant query: the samples of the (only) step's window. */
static int matrix_to_result(pq_eval *ev, pq_matrix *m, promql_result *r)
{
    size_t n = m->count;
    r->series = pq_arena_calloc(ev->arena, n ? n : 1, sizeof *r->series);
    pq_window *w = pq_arena_alloc(ev->arena, sizeof(pq_window) * (ev->nsteps ? ev->nsteps : 1));
    if (!r->series || !w)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t out = 0;
    for (size_t k = 0; k < n; k++) {
        pq_range_series *s = &m->series[k];
        size_t lo = 0, hi = s->n;
        if (!m->from_subquery && ev->nsteps > 0) {
            pq_matrix_windows(ev, m, s, w);
            lo = w[0].lo;
            hi = w[0].hi;
        }
        pq_result_series *rs = &r->series[out];
        memset(rs, 0, sizeof *rs);
        rs->labels = s->drop_name && ev->delayed_name_removal ? pq_labels_drop_metadata(ev, s->labels) : s->labels;
        size_t cnt = hi > lo ? hi - lo : 0;
        rs->ft = pq_arena_alloc(ev->arena, (cnt + 2) * sizeof(int64_t));
        rs->fv = pq_arena_alloc(ev->arena, (cnt + 2) * sizeof(double));
        rs->ht = pq_arena_alloc(ev->arena, (cnt ? cnt : 1) * sizeof(int64_t));
        rs->hv = pq_arena_alloc(ev->arena, (cnt ? cnt : 1) * sizeof(promql_histogram *));
        if (!rs->ft || !rs->fv || !rs->ht || !rs->hv)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        if ((m->anchored || m->smoothed) && !m->from_subquery) {
            for (size_t j = lo; j < hi; j++)
                if (s->h && s->h[j])
                    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "%s modifier is not supported with histograms",
                                        m->anchored ? "anchored" : "smoothed");
            rs->nf = extend_floats(s->t + lo, s->v + lo, cnt, m->range_start[0], m->range_end[0], m->smoothed,
                                   rs->ft, rs->fv);
            if (rs->nf)
                out++;
            continue;
        }
        for (size_t j = lo; j < hi; j++) {
            if (s->h && s->h[j]) {
                rs->ht[rs->nh] = s->t[j];
                rs->hv[rs->nh++] = s->h[j];
            } else {
                rs->ft[rs->nf] = s->t[j];
                rs->fv[rs->nf++] = s->v[j];
            }
        }
        if (rs->nf + rs->nh > 0)
            out++;
    }
    r->series_count = out;
    if (pq_sort_result_series(ev->arena, r->series, out))
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    /* Series that became equal after name removal are merged (a repeated timestamp fails). */
    size_t w2 = 0;
    for (size_t k = 0; k < out; k++) {
        if (w2 > 0 && pq_labels_equal(r->series[w2 - 1].labels, r->series[k].labels)) {
            pq_result_series *a = &r->series[w2 - 1], *b = &r->series[k];
            size_t nf = a->nf + b->nf, nh = a->nh + b->nh;
            int64_t *ft = pq_arena_alloc(ev->arena, (nf ? nf : 1) * sizeof *ft);
            double *fv = pq_arena_alloc(ev->arena, (nf ? nf : 1) * sizeof *fv);
            int64_t *ht = pq_arena_alloc(ev->arena, (nh ? nh : 1) * sizeof *ht);
            const promql_histogram **hv = pq_arena_alloc(ev->arena, (nh ? nh : 1) * sizeof *hv);
            if (!ft || !fv || !ht || !hv)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            size_t i = 0, j = 0, o = 0;
            while (i < a->nf || j < b->nf) {
                bool take_a = j >= b->nf || (i < a->nf && a->ft[i] < b->ft[j]);
                if (i < a->nf && j < b->nf && a->ft[i] == b->ft[j])
                    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "vector cannot contain metrics with the same labelset");
                ft[o] = take_a ? a->ft[i] : b->ft[j];
                fv[o++] = take_a ? a->fv[i++] : b->fv[j++];
            }
            i = j = o = 0;
            while (i < a->nh || j < b->nh) {
                bool take_a = j >= b->nh || (i < a->nh && a->ht[i] < b->ht[j]);
                if (i < a->nh && j < b->nh && a->ht[i] == b->ht[j])
                    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "vector cannot contain metrics with the same labelset");
                ht[o] = take_a ? a->ht[i] : b->ht[j];
                hv[o++] = take_a ? a->hv[i++] : b->hv[j++];
            }
            a->ft = ft;
            a->fv = fv;
            a->nf = nf;
            a->ht = ht;
            a->hv = hv;
            a->nh = nh;
            continue;
        }
        r->series[w2++] = r->series[k];
    }
    r->series_count = w2;
    return 0;
}

/* True when some series lost its name (so two series may now have the same labels). */
static bool drop_names(pq_eval *ev, pq_vector *v)
{
    bool any = false;
    if (!ev->delayed_name_removal)
        return false;
    for (size_t k = 0; k < v->count; k++)
        if (v->series[k].drop_name) {
            v->series[k].labels = pq_labels_drop_metadata(ev, v->series[k].labels);
            v->series[k].drop_name = false;
            any = true;
        }
    return any;
}

/* The series of a grouping aggregation are its groups, distinct by construction: the final
 * pass that merges series with equal labels (it hashes every label set) has nothing to do,
 * unless delayed name removal just dropped names. topk and the limits return input series. */
static bool groups_distinct(const pq_node *root)
{
    const pq_node *n = pq_node_unwrap(root);
    if (!n || n->kind != PQ_NODE_AGGREGATE)
        return false;
    pq_op op = n->u.aggregate.op;
    return op != PQ_OP_TOPK && op != PQ_OP_BOTTOMK && op != PQ_OP_LIMITK && op != PQ_OP_LIMIT_RATIO;
}

/* ---- option validation (Prometheus's validateOpts) ----------------------------------------- */

static void find_modifiers(const pq_node *n, bool *at_used, bool *neg_offset)
{
    if (!n)
        return;
    const pq_modifiers *mod = NULL;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        mod = &n->u.selector.mod;
        break;
    case PQ_NODE_MATRIX_SELECTOR:
        find_modifiers(n->u.matrix.vs, at_used, neg_offset);
        return;
    case PQ_NODE_SUBQUERY:
        mod = &n->u.subquery.mod;
        find_modifiers(n->u.subquery.expr, at_used, neg_offset);
        break;
    case PQ_NODE_UNARY:
        find_modifiers(n->u.unary.expr, at_used, neg_offset);
        return;
    case PQ_NODE_BINARY:
        find_modifiers(n->u.binary.lhs, at_used, neg_offset);
        find_modifiers(n->u.binary.rhs, at_used, neg_offset);
        return;
    case PQ_NODE_PAREN:
        find_modifiers(n->u.paren.expr, at_used, neg_offset);
        return;
    case PQ_NODE_CALL:
        for (size_t i = 0; i < n->u.call.arg_count; i++)
            find_modifiers(n->u.call.args[i], at_used, neg_offset);
        return;
    case PQ_NODE_AGGREGATE:
        find_modifiers(n->u.aggregate.expr, at_used, neg_offset);
        find_modifiers(n->u.aggregate.param, at_used, neg_offset);
        return;
    case PQ_NODE_STEP_INVARIANT:
        find_modifiers(n->u.step_invariant.expr, at_used, neg_offset);
        return;
    default:
        return;
    }
    if (mod->at_kind != PQ_AT_NONE)
        *at_used = true;
    if (mod->original_offset_ms < 0)
        *neg_offset = true;
}

static promql_error_code validate_opts(const promql_engine *engine, const pq_node *root, promql_error *err)
{
    const promql_engine_options *o = &engine->opts;
    if (o->enable_at_modifier && o->enable_negative_offset)
        return PROMQL_OK;
    bool at_used = false, neg = false;
    find_modifiers(root, &at_used, &neg);
    if (at_used && !o->enable_at_modifier)
        return set_err(err, PROMQL_ERR_BAD_DATA, "@ modifier is disabled");
    if (neg && !o->enable_negative_offset)
        return set_err(err, PROMQL_ERR_BAD_DATA, "negative offset is disabled");
    return PROMQL_OK;
}

/* ---- evaluation --------------------------------------------------------------------------- */

static promql_error_code run(promql_engine *engine, const promql_storage *storage, const pq_ast *ast, int64_t start,
                             int64_t end, int64_t step, bool instant, double parse_seconds, promql_result **out,
                             promql_error *err)
{
    double t0 = now_seconds();
    promql_error local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    err->pos_start = err->pos_end = -1;
    if (!out)
        return set_err(err, PROMQL_ERR_BAD_DATA, "no result pointer given");
    *out = NULL;
    if (!engine || !ast || !ast->root)
        return set_err(err, PROMQL_ERR_BAD_DATA, "no engine or expression given");
    const pq_node *root = ast->root;
    if (validate_opts(engine, root, err) != PROMQL_OK)
        return err->code;
    if (!instant) {
        if (step <= 0)
            return set_err(err, PROMQL_ERR_BAD_DATA,
                           "zero or negative query resolution step widths are not accepted. Try a positive integer");
        if (end < start)
            return set_err(err, PROMQL_ERR_BAD_DATA, "end timestamp must not be before start time");
        if (root->type != PQ_TYPE_SCALAR && root->type != PQ_TYPE_VECTOR) {
            char msg[160];
            snprintf(msg, sizeof msg, "invalid expression type \"%s\" for range query, must be Scalar or instant Vector",
                     pq_value_type_name(root->type));
            return set_err(err, PROMQL_ERR_BAD_DATA, msg);
        }
        if ((end - start) / step > 11000)
            return set_err(err, PROMQL_ERR_BAD_DATA,
                           "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                           "resolution (?step=XX)");
    }
    promql_result *r = calloc(1, sizeof *r);
    if (!r)
        return set_err(err, PROMQL_ERR_RESOURCE, "out of memory");
    const promql_engine_options *o = &engine->opts;
    pq_arena_init(&r->arena, o->max_memory_bytes);

    pq_eval ev;
    memset(&ev, 0, sizeof ev);
    ev.arena = &r->arena;
    ev.storage = storage;
    ev.opts = o;
    ev.query = ast->query;
    ev.query_len = ast->query_len;
    ev.start_ms = start;
    ev.end_ms = instant ? start : end;
    ev.interval_ms = instant ? 0 : step;
    ev.nsteps = instant ? 1 : (size_t)((end - start) / step) + 1;
    ev.lookback_ms = o->lookback_delta_ms;
    ev.query_start_ms = start;
    ev.query_end_ms = instant ? start : end;
    ev.max_samples = o->max_samples;
    ev.cancel_flag = o->cancel_flag;
    ev.deadline_ns = o->timeout_ms > 0 ? pq_monotonic_ns() + o->timeout_ms * 1000000 : 0;
    ev.err = err;
    ev.query_step_ms = instant ? 0 : step;
    ev.subquery_step_ms = o->default_subquery_step_ms > 0 ? o->default_subquery_step_ms : 60000;
    ev.delayed_name_removal = o->enable_delayed_name_removal != 0;
    ev.use_start_timestamps = o->use_start_timestamps != 0;

    pq_value v;
    int rc = pq_eval_check_durations(&ev, root);
    if (rc == 0)
        rc = pq_eval_node(&ev, root, &v);
    if (rc == 0) {
        switch (v.type) {
        case PQ_TYPE_STRING: {
            char *s = pq_arena_strndup(&r->arena, v.u.string.s, v.u.string.len);
            if (!s) {
                rc = pq_eval_fail(&ev, PROMQL_ERR_RESOURCE, "out of memory");
                break;
            }
            r->type = PROMQL_VALUE_STRING;
            r->str = s;
            r->t = start;
            break;
        }
        case PQ_TYPE_SCALAR:
            if (instant) {
                r->type = PROMQL_VALUE_SCALAR;
                r->scalar = v.u.scalar[0];
                r->t = start;
            } else {
                pq_vector vec = {0};
                pq_series *s = pq_vector_add(&ev, &vec, (promql_labels){NULL, 0});
                if (!s) {
                    rc = -1;
                    break;
                }
                for (size_t i = 0; i < ev.nsteps; i++) {
                    s->values[i] = v.u.scalar[i];
                    pq_bit_set(s->present, i);
                }
                r->type = PROMQL_VALUE_MATRIX;
                rc = vector_to_result(&ev, &vec, r, false);
            }
            break;
        case PQ_TYPE_VECTOR:
            if (drop_names(&ev, &v.u.vector) || !groups_distinct(root))
                rc = pq_vector_merge_same_labels(&ev, &v.u.vector);
            if (rc == 0) {
                r->type = instant ? PROMQL_VALUE_VECTOR : PROMQL_VALUE_MATRIX;
                rc = vector_to_result(&ev, &v.u.vector, r, instant);
            }
            break;
        case PQ_TYPE_MATRIX:
            r->type = PROMQL_VALUE_MATRIX;
            rc = matrix_to_result(&ev, &v.u.matrix, r);
            break;
        default:
            rc = pq_eval_fail(&ev, PROMQL_ERR_INTERNAL, "unexpected result type");
        }
    }
    if (rc || ev.failed) {
        if (err->code == PROMQL_OK)
            set_err(err, PROMQL_ERR_INTERNAL, "evaluation failed");
        promql_result_free(r);
        return err->code;
    }
    r->annotation_count = ev.annotation_count;
    r->annotations = pq_arena_alloc(&r->arena, (ev.annotation_count + 1) * sizeof(char *));
    r->annotation_kinds = pq_arena_alloc(&r->arena, (ev.annotation_count + 1) * sizeof(promql_annotation_kind));
    if (!r->annotations || !r->annotation_kinds) {
        promql_result_free(r);
        return set_err(err, PROMQL_ERR_RESOURCE, "out of memory");
    }
    for (size_t i = 0; i < ev.annotation_count; i++) {
        r->annotations[i] = ev.annotations[i].text;
        r->annotation_kinds[i] = ev.annotations[i].kind;
    }
    double t1 = now_seconds();
    r->stats.total_samples = ev.total_samples;
    r->stats.peak_samples = ev.peak_samples;
    r->stats.parse_seconds = parse_seconds;
    r->stats.eval_seconds = t1 - t0;
    r->stats.total_seconds = parse_seconds + (t1 - t0);
    *out = r;
    return PROMQL_OK;
}

static promql_error_code parse_for(promql_engine *engine, const char *query, size_t len, promql_expr **expr,
                                   double *secs, promql_error *err)
{
    promql_parse_options po;
    promql_parse_options_init(&po);
    if (engine) {
        po.enable_experimental_functions = engine->opts.enable_experimental_functions;
        po.enable_extended_range_selectors = engine->opts.enable_extended_range_selectors;
        po.enable_binop_fill_modifiers = engine->opts.enable_binop_fill_modifiers;
    }
    double t0 = now_seconds();
    promql_error_code rc = promql_parse(query, len, &po, expr, err);
    *secs = now_seconds() - t0;
    return rc;
}

promql_error_code promql_query_instant(promql_engine *engine, const promql_storage *storage, const char *query,
                                       size_t len, int64_t t_ms, promql_result **out, promql_error *err)
{
    if (out)
        *out = NULL;
    promql_expr *e = NULL;
    double ps = 0;
    promql_error_code rc = parse_for(engine, query, len, &e, &ps, err);
    if (rc != PROMQL_OK)
        return rc;
    rc = run(engine, storage, e->ast, t_ms, t_ms, 0, true, ps, out, err);
    promql_expr_free(e);
    return rc;
}

promql_error_code promql_query_range(promql_engine *engine, const promql_storage *storage, const char *query,
                                     size_t len, int64_t start_ms, int64_t end_ms, int64_t step_ms,
                                     promql_result **out, promql_error *err)
{
    if (out)
        *out = NULL;
    promql_expr *e = NULL;
    double ps = 0;
    promql_error_code rc = parse_for(engine, query, len, &e, &ps, err);
    if (rc != PROMQL_OK)
        return rc;
    rc = run(engine, storage, e->ast, start_ms, end_ms, step_ms, false, ps, out, err);
    promql_expr_free(e);
    return rc;
}

promql_error_code promql_eval_instant(promql_engine *engine, const promql_storage *storage, const promql_expr *expr,
                                      int64_t t_ms, promql_result **out, promql_error *err)
{
    return run(engine, storage, expr ? expr->ast : NULL, t_ms, t_ms, 0, true, 0, out, err);
}

promql_error_code promql_eval_range(promql_engine *engine, const promql_storage *storage, const promql_expr *expr,
                                    int64_t start_ms, int64_t end_ms, int64_t step_ms, promql_result **out,
                                    promql_error *err)
{
    return run(engine, storage, expr ? expr->ast : NULL, start_ms, end_ms, step_ms, false, 0, out, err);
}
