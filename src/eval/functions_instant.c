/*
 * functions_instant.c -- functions over instant vectors and scalars that map values one by one
 * (math, trig, round, clamp, calendar), the scalar-valued ones (time, pi, scalar, min_of,
 * max_of, start/end/range/step), vector(), absent() and timestamp().
 *
 * As upstream's simpleFloatFunc: only float samples are mapped (histogram samples are
 * dropped), and the output series lose their metric name (delayed, via drop_name).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "eval/functions_kernels.h"

/* Go's math.Max / math.Min: infinities win over NaN, NaN over numbers, and -0 < +0. */
static double go_max(double x, double y)
{
    if (isinf(x) && x > 0)
        return x;
    if (isinf(y) && y > 0)
        return y;
    if (isnan(x) || isnan(y))
        return NAN;
    if (x == 0 && x == y)
        return signbit(x) ? y : x;
    return x > y ? x : y;
}

static double go_min(double x, double y)
{
    if (isinf(x) && x < 0)
        return x;
    if (isinf(y) && y < 0)
        return y;
    if (isnan(x) || isnan(y))
        return NAN;
    if (x == 0 && x == y)
        return signbit(x) ? x : y;
    return x < y ? x : y;
}

static double f_rad(double v) { return v * M_PI / 180; }
static double f_deg(double v) { return v * 180 / M_PI; }

typedef struct math_fn {
    const char *name;
    double (*f)(double);
} math_fn;

static const math_fn math_fns[] = {
    {"abs", fabs},   {"ceil", ceil},   {"floor", floor}, {"exp", exp},     {"sqrt", sqrt},
    {"ln", log},     {"log2", log2},   {"log10", log10}, {"sin", sin},     {"cos", cos},
    {"tan", tan},    {"asin", asin},   {"acos", acos},   {"atan", atan},   {"sinh", sinh},
    {"cosh", cosh},  {"tanh", tanh},   {"asinh", asinh}, {"acosh", acosh}, {"atanh", atanh},
    {"rad", f_rad},  {"deg", f_deg},   {"sgn", pq_fn_sgn},
};

/* Per-step mapping callback: returns false to drop the sample at that step. */
typedef bool (*map_fn)(void *ctx, size_t step, double in, double *out);

/* Map the float samples of an instant-vector argument into out (name dropped). */
static int map_vector(pq_eval *ev, const pq_node *arg, pq_value *out, map_fn fn, void *ctx)
{
    pq_vector in;
    if (pq_fn_vector_arg(ev, arg, &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    for (size_t i = 0; i < in.count; i++) {
        const pq_series *s = &in.series[i];
        pq_series *o = pq_vector_add(ev, &out->u.vector, pq_fn_out_labels(ev, s->labels, true));
        if (!o)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        o->drop_name = true;
        bool any = false;
        for (size_t st = 0; st < ev->nsteps; st++) {
            if (!pq_bit_get(s->present, st) || (s->hists && s->hists[st]))
                continue;
            double v;
            if (!fn(ctx, st, s->values[st], &v))
                continue;
            o->values[st] = v;
            pq_bit_set(o->present, st);
            any = true;
        }
        if (!any)
            out->u.vector.count--;
    }
    return 0;
}

static bool map_simple(void *ctx, size_t step, double in, double *out)
{
    (void)step;
    *out = ((double (*)(double))ctx)(in);
    return true;
}

int pq_fn_simple_math(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    for (size_t i = 0; i < sizeof math_fns / sizeof math_fns[0]; i++) {
        if (strcmp(math_fns[i].name, name) == 0) {
            /* function pointer passed through void*: POSIX guarantees the round trip */
            union {
                double (*f)(double);
                void *p;
            } u;
            u.f = math_fns[i].f;
            return map_vector(ev, pq_fn_arg(call, 0), out, map_simple, u.p);
        }
    }
    return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "no math implementation for %s", name);
}

typedef struct round_ctx {
    const double *to_nearest; /* NULL: 1 */
} round_ctx;

static bool map_round(void *ctx, size_t step, double in, double *out)
{
    const round_ctx *c = ctx;
    *out = pq_fn_round(in, c->to_nearest ? c->to_nearest[step] : 1.0);
    return true;
}

int pq_fn_round_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    round_ctx c = {NULL};
    if (pq_fn_nargs(call) >= 2) {
        c.to_nearest = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1));
        if (!c.to_nearest)
            return -1;
    }
    return map_vector(ev, pq_fn_arg(call, 0), out, map_round, &c);
}

typedef struct clamp_ctx {
    const double *lo, *hi;
} clamp_ctx;

static bool map_clamp(void *ctx, size_t step, double in, double *out)
{
    const clamp_ctx *c = ctx;
    double lo = c->lo ? c->lo[step] : -INFINITY, hi = c->hi ? c->hi[step] : INFINITY;
    if (hi < lo)
        return false; /* an empty range yields an empty vector */
    *out = go_max(lo, go_min(hi, in));
    return true;
}

int pq_fn_clamp_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    clamp_ctx c = {NULL, NULL};
    if (strcmp(name, "clamp") == 0) {
        if (!(c.lo = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1))) ||
            !(c.hi = pq_fn_scalar_arg(ev, pq_fn_arg(call, 2))))
            return -1;
    } else if (strcmp(name, "clamp_min") == 0) {
        if (!(c.lo = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1))))
            return -1;
    } else {
        if (!(c.hi = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1))))
            return -1;
    }
    return map_vector(ev, pq_fn_arg(call, 0), out, map_clamp, &c);
}

/* ---- calendar --------------------------------------------------------------------------- */

static const struct {
    const char *name;
    pq_date_field field;
} date_fns[] = {
    {"days_in_month", PQ_DATE_DAYS_IN_MONTH}, {"day_of_month", PQ_DATE_DAY_OF_MONTH},
    {"day_of_week", PQ_DATE_DAY_OF_WEEK},     {"day_of_year", PQ_DATE_DAY_OF_YEAR},
    {"hour", PQ_DATE_HOUR},                   {"minute", PQ_DATE_MINUTE},
    {"month", PQ_DATE_MONTH},                 {"year", PQ_DATE_YEAR},
};

static bool map_date(void *ctx, size_t step, double in, double *out)
{
    (void)step;
    *out = pq_fn_date(in, *(const pq_date_field *)ctx);
    return true;
}

int pq_fn_date_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    pq_date_field field = PQ_DATE_YEAR;
    bool found = false;
    for (size_t i = 0; i < sizeof date_fns / sizeof date_fns[0]; i++) {
        if (strcmp(date_fns[i].name, name) == 0) {
            field = date_fns[i].field;
            found = true;
        }
    }
    if (!found)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "no calendar implementation for %s", name);
    if (pq_fn_nargs(call) > 0)
        return map_vector(ev, pq_fn_arg(call, 0), out, map_date, &field);
    /* No argument: vector(time()), evaluated at whole seconds. */
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    promql_labels none = {NULL, 0};
    pq_series *o = pq_vector_add(ev, &out->u.vector, none);
    if (!o)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t st = 0; st < ev->nsteps; st++) {
        o->values[st] = pq_fn_date((double)(pq_eval_step_ts(ev, st) / 1000), field);
        pq_bit_set(o->present, st);
    }
    return 0;
}

/* ---- scalar-valued ---------------------------------------------------------------------- */

static int scalar_out(pq_eval *ev, pq_value *out, double **vals)
{
    out->type = PQ_TYPE_SCALAR;
    out->u.scalar = pq_scalar_new(ev);
    if (!out->u.scalar)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    *vals = out->u.scalar;
    return 0;
}

int pq_fn_time_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    (void)call;
    double *v = NULL;
    if (scalar_out(ev, out, &v) != 0)
        return -1;
    for (size_t st = 0; st < ev->nsteps; st++)
        v[st] = (double)pq_eval_step_ts(ev, st) / 1000;
    return 0;
}

int pq_fn_pi_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    (void)call;
    double *v = NULL;
    if (scalar_out(ev, out, &v) != 0)
        return -1;
    for (size_t st = 0; st < ev->nsteps; st++)
        v[st] = M_PI;
    return 0;
}

/* start(), end(), range(), step(): upstream folds them into numbers before evaluation. */
int pq_fn_query_context_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    double val = 0;
    if (strcmp(name, "start") == 0)
        val = (double)ev->query_start_ms / 1000;
    else if (strcmp(name, "end") == 0)
        val = (double)ev->query_end_ms / 1000;
    else if (strcmp(name, "range") == 0)
        val = (double)(ev->query_end_ms - ev->query_start_ms) / 1000;
    else if (ev->query_start_ms != ev->query_end_ms) /* step */
        val = (double)ev->query_step_ms / 1000;
    double *v = NULL;
    if (scalar_out(ev, out, &v) != 0)
        return -1;
    for (size_t st = 0; st < ev->nsteps; st++)
        v[st] = val;
    return 0;
}

int pq_fn_minmax_of_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    bool is_max = strcmp(call->u.call.func->name, "max_of") == 0;
    const double *a = pq_fn_scalar_arg(ev, pq_fn_arg(call, 0));
    if (!a)
        return -1;
    const double *b = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1));
    if (!b)
        return -1;
    double *v = NULL;
    if (scalar_out(ev, out, &v) != 0)
        return -1;
    for (size_t st = 0; st < ev->nsteps; st++)
        v[st] = is_max ? go_max(a[st], b[st]) : go_min(a[st], b[st]);
    return 0;
}

int pq_fn_vector_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const double *a = pq_fn_scalar_arg(ev, pq_fn_arg(call, 0));
    if (!a)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    promql_labels none = {NULL, 0};
    pq_series *o = pq_vector_add(ev, &out->u.vector, none);
    if (!o)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t st = 0; st < ev->nsteps; st++) {
        o->values[st] = a[st];
        pq_bit_set(o->present, st);
    }
    return 0;
}

int pq_fn_scalar_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0)
        return -1;
    double *v = NULL;
    if (scalar_out(ev, out, &v) != 0)
        return -1;
    for (size_t st = 0; st < ev->nsteps; st++) {
        size_t found = 0;
        double val = NAN;
        for (size_t i = 0; i < in.count && found < 2; i++) {
            const pq_series *s = &in.series[i];
            if (pq_bit_get(s->present, st) && !(s->hists && s->hists[st])) {
                found++;
                val = s->values[st];
            }
        }
        v[st] = found == 1 ? val : NAN;
    }
    return 0;
}

int pq_fn_absent_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    pq_series *o = NULL;
    for (size_t st = 0; st < ev->nsteps; st++) {
        bool present = false;
        for (size_t i = 0; i < in.count && !present; i++)
            present = pq_bit_get(in.series[i].present, st);
        if (present)
            continue;
        if (!o) {
            o = pq_vector_add(ev, &out->u.vector, pq_fn_absent_labels(ev, pq_fn_arg(call, 0)));
            if (!o)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        }
        o->values[st] = 1;
        pq_bit_set(o->present, st);
    }
    return 0;
}

/* ---- timestamp() ---------------------------------------------------------------------------- */

/* timestamp(<vector selector>) reports the timestamps of the samples the selector picked, not
 * the evaluation time; start_timestamp(<vector selector>) their start timestamps (when the
 * evaluator has them, see pq_range_series.st). The selector is evaluated as usual (which applies lookback and
 * staleness), and as a range of one lookback delta, whose last sample per window is the
 * picked one wherever the selector produced a value. */
static int timestamp_of_selector(pq_eval *ev, const pq_node *vs, bool start_ts, pq_value *out)
{
    pq_vector vec;
    if (pq_fn_vector_arg(ev, vs, &vec) != 0)
        return -1;
    pq_node *ms = pq_arena_calloc(ev->arena, 1, sizeof *ms);
    if (!ms)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    ms->kind = PQ_NODE_MATRIX_SELECTOR;
    ms->type = PQ_TYPE_MATRIX;
    ms->pos_start = vs->pos_start;
    ms->pos_end = vs->pos_end;
    ms->u.matrix.vs = (pq_node *)vs;
    ms->u.matrix.range_ms = ev->lookback_ms;
    ms->u.matrix.end_pos = vs->pos_end;
    pq_matrix m;
    if (pq_eval_matrix(ev, ms, &m) != 0)
        return -1;
    pq_window *w = pq_arena_alloc(ev->arena, (ev->nsteps + 1) * sizeof *w);
    if (!w)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    for (size_t i = 0; i < vec.count; i++) {
        const pq_series *s = &vec.series[i];
        const pq_range_series *rs = NULL;
        if (i < m.count && pq_labels_equal(m.series[i].labels, s->labels)) {
            rs = &m.series[i];
        } else {
            for (size_t k = 0; k < m.count && !rs; k++)
                if (pq_labels_equal(m.series[k].labels, s->labels))
                    rs = &m.series[k];
        }
        if (!rs || (start_ts && !rs->st))
            continue; /* start_timestamp(): nothing without start timestamps */
        pq_matrix_windows(ev, &m, rs, w);
        pq_series *o = pq_vector_add(ev, &out->u.vector, pq_fn_out_labels(ev, s->labels, true));
        if (!o)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        o->drop_name = true;
        bool any = false;
        for (size_t st = 0; st < ev->nsteps; st++) {
            if (!pq_bit_get(s->present, st) || w[st].hi <= w[st].lo)
                continue;
            size_t last = w[st].hi - 1;
            o->values[st] = (double)(start_ts ? rs->st[last] : rs->t[last]) / 1000;
            pq_bit_set(o->present, st);
            any = true;
        }
        if (!any)
            out->u.vector.count--;
    }
    return 0;
}

static bool map_step_time(void *ctx, size_t step, double in, double *out)
{
    (void)in;
    *out = (double)pq_eval_step_ts((const pq_eval *)ctx, step) / 1000;
    return true;
}

int pq_fn_timestamp_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const pq_node *arg = pq_fn_arg(call, 0);
    /* parentheses and step-invariant wrappers do not hide the selector (upstream strips
     * parentheses before evaluation) */
    const pq_node *inner = pq_node_unwrap(arg);
    bool start_ts = strcmp(call->u.call.func->name, "start_timestamp") == 0;
    if (inner && inner->kind == PQ_NODE_VECTOR_SELECTOR)
        return timestamp_of_selector(ev, inner, start_ts, out);
    if (start_ts) {
        /* start timestamps are lost once the samples went through an expression */
        pq_vector in;
        if (pq_fn_vector_arg(ev, arg, &in) != 0)
            return -1;
        out->type = PQ_TYPE_VECTOR;
        memset(&out->u.vector, 0, sizeof out->u.vector);
        return 0;
    }
    /* Any other expression: its samples are stamped with the evaluation time. */
    pq_vector in;
    if (pq_fn_vector_arg(ev, arg, &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    for (size_t i = 0; i < in.count; i++) {
        const pq_series *s = &in.series[i];
        pq_series *o = pq_vector_add(ev, &out->u.vector, pq_fn_out_labels(ev, s->labels, true));
        if (!o)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        o->drop_name = true;
        bool any = false;
        for (size_t st = 0; st < ev->nsteps; st++) {
            if (!pq_bit_get(s->present, st))
                continue;
            double v;
            map_step_time(ev, st, 0, &v);
            o->values[st] = v;
            pq_bit_set(o->present, st);
            any = true;
        }
        if (!any)
            out->u.vector.count--;
    }
    return 0;
}
