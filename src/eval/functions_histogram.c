/*
 * functions_histogram.c -- histogram_quantile(), histogram_quantiles() and histogram_fraction()
 * over classic histograms (float series carrying an `le` label, grouped by their other labels),
 * with upstream's warnings (malformed le, classic/native mix, invalid quantile) and its merged
 * "fixed for monotonicity" info; the same functions over native histogram samples (their
 * math is eval/histogram.h's), and histogram_count/sum/avg/stddev/stdvar.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eval/functions_impl.h"
#include "eval/functions_kernels.h"
#include "eval/histogram.h"

/* Series of the input vector grouped by their labels without `le`. */
typedef struct hq_input {
    pq_vector in;
    size_t *group;            /* [in.count]: group of each float series, or SIZE_MAX */
    double *upper;            /* [in.count]: parsed le */
    promql_labels *keys;      /* [ngroups]: labels without le (name kept) */
    size_t ngroups;
    size_t max_members;
    size_t *native_group;     /* [in.count]: the group whose labels equal the series', or SIZE_MAX */
    /* The float members of each group, members[member_off[g] .. member_off[g + 1]): in
     * ascending `le` order (stable, so equal bounds stay in series order) unless a bound is
     * NaN, else in series order. Filled in that order at each step, the buckets reach the
     * kernels already as their stable sort would leave them, and are not sorted again. */
    size_t *members;
    size_t *member_off;       /* [ngroups + 1] */
    size_t *hist_series;      /* series with a histogram sample at some step, ascending */
    size_t nhist;
} hq_input;

typedef struct key_item {
    size_t idx;
    promql_labels key;
} key_item;

static int key_cmp(const void *a, const void *b)
{
    const key_item *x = a, *y = b;
    int c = pq_labels_compare(x->key, y->key);
    if (c)
        return c;
    return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

static bool series_has_float(const pq_eval *ev, const pq_series *s)
{
    for (size_t st = 0; st < ev->nsteps; st++)
        if (pq_bit_get(s->present, st) && !(s->hists && s->hists[st]))
            return true;
    return false;
}

/* Group the vector argument; warns about malformed `le` labels (at `at`). */
static int hq_group(pq_eval *ev, const pq_node *vec_arg, hq_input *h)
{
    memset(h, 0, sizeof *h);
    if (pq_fn_vector_arg(ev, vec_arg, &h->in) != 0)
        return -1;
    size_t n = h->in.count;
    h->group = pq_arena_alloc(ev->arena, (n + 1) * sizeof *h->group);
    h->upper = pq_arena_alloc(ev->arena, (n + 1) * sizeof *h->upper);
    key_item *items = pq_arena_alloc(ev->arena, (n + 1) * sizeof *items);
    h->keys = pq_arena_alloc(ev->arena, (n + 1) * sizeof *h->keys);
    if (!h->group || !h->upper || !items || !h->keys)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t m = 0;
    bool delayed = pq_fn_delayed_name_removal(ev);
    for (size_t i = 0; i < n; i++) {
        const pq_series *s = &h->in.series[i];
        h->group[i] = SIZE_MAX;
        if (!series_has_float(ev, s))
            continue;
        const char *le = pq_labels_get(s->labels, "le");
        if (!le || !pq_fn_parse_float(le, &h->upper[i])) {
            const char *mname = delayed ? pq_fn_metric_name(s->labels) : "";
            if (mname[0])
                pq_fn_warn(ev, vec_arg,
                           "bucket label \"le\" is missing or has a malformed value of %s for "
                           "metric name %s",
                           pq_fn_quote(ev, le ? le : ""), pq_fn_quote(ev, mname));
            else
                pq_fn_warn(ev, vec_arg,
                           "bucket label \"le\" is missing or has a malformed value of %s",
                           pq_fn_quote(ev, le ? le : ""));
            continue;
        }
        items[m].idx = i;
        items[m].key = pq_labels_without(ev, s->labels, "le");
        m++;
    }
    qsort(items, m, sizeof *items, key_cmp);
    size_t run = 0;
    for (size_t k = 0; k < m; k++) {
        if (k == 0 || !pq_labels_equal(items[k].key, items[k - 1].key)) {
            h->keys[h->ngroups++] = items[k].key;
            run = 0;
        }
        run++;
        if (run > h->max_members)
            h->max_members = run;
        h->group[items[k].idx] = h->ngroups - 1;
    }
    h->members = pq_arena_alloc(ev->arena, (m + 1) * sizeof *h->members);
    h->member_off = pq_arena_calloc(ev->arena, h->ngroups + 2, sizeof *h->member_off);
    h->hist_series = pq_arena_alloc(ev->arena, (n + 1) * sizeof *h->hist_series);
    if (!h->members || !h->member_off || !h->hist_series)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (h->group[i] != SIZE_MAX)
            h->member_off[h->group[i] + 1]++;
    for (size_t g = 0; g < h->ngroups; g++)
        h->member_off[g + 1] += h->member_off[g];
    for (size_t i = 0; i < n; i++) {
        if (h->group[i] == SIZE_MAX)
            continue;
        /* member_off[g] is used as a cursor here and restored below */
        h->members[h->member_off[h->group[i]]++] = i;
    }
    for (size_t g = h->ngroups; g > 0; g--)
        h->member_off[g] = h->member_off[g - 1];
    h->member_off[0] = 0;
    for (size_t g = 0; g < h->ngroups; g++) {
        size_t *mb = h->members + h->member_off[g], cnt = h->member_off[g + 1] - h->member_off[g];
        bool nan = false;
        for (size_t k = 0; k < cnt; k++)
            nan |= isnan(h->upper[mb[k]]);
        if (nan)
            continue;
        for (size_t k = 1; k < cnt; k++) { /* stable insertion sort by upper bound */
            size_t x = mb[k], j = k;
            while (j > 0 && h->upper[mb[j - 1]] > h->upper[x]) {
                mb[j] = mb[j - 1];
                j--;
            }
            mb[j] = x;
        }
    }
    h->nhist = 0;
    for (size_t i = 0; i < n; i++)
        if (h->in.series[i].hists)
            h->hist_series[h->nhist++] = i;
    /* For native histogram series: the classic group with exactly their labels (keys are
     * sorted, so a binary search finds it). */
    h->native_group = pq_arena_alloc(ev->arena, (n + 1) * sizeof *h->native_group);
    if (!h->native_group)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < n; i++) {
        h->native_group[i] = SIZE_MAX;
        if (!h->in.series[i].hists)
            continue;
        size_t lo = 0, hi = h->ngroups;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = pq_labels_compare(h->keys[mid], h->in.series[i].labels);
            if (c == 0) {
                h->native_group[i] = mid;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return 0;
}

/* Collect the buckets of group g at step st into b; returns their number. Native histogram
 * samples whose labels equal the group's make the group void (classic/native mix). */
typedef struct hq_step {
    pq_bucket *b;             /* scratch [max_members] */
    size_t *counts;           /* [ngroups] */
    size_t *offsets;          /* [ngroups] */
    bool *void_group;         /* [ngroups] */
} hq_step;

static int hq_step_alloc(pq_eval *ev, const hq_input *h, hq_step *s)
{
    size_t n = h->in.count + 1;
    s->b = pq_arena_alloc(ev->arena, n * sizeof *s->b);
    s->counts = pq_arena_alloc(ev->arena, (h->ngroups + 1) * sizeof *s->counts);
    s->offsets = pq_arena_alloc(ev->arena, (h->ngroups + 1) * sizeof *s->offsets);
    s->void_group = pq_arena_alloc(ev->arena, (h->ngroups + 1) * sizeof *s->void_group);
    if (!s->b || !s->counts || !s->offsets || !s->void_group)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    return 0;
}

/* Lay out the buckets of every group for step st contiguously in s->b. */
static void hq_collect(pq_eval *ev, const hq_input *h, hq_step *s, size_t st,
                       const pq_node *vec_arg)
{
    memset(s->void_group, 0, h->ngroups * sizeof *s->void_group);
    for (size_t g = 0; g < h->ngroups; g++) {
        size_t off = h->member_off[g], end = h->member_off[g + 1], c = 0;
        s->offsets[g] = off;
        for (size_t k = off; k < end; k++) {
            size_t i = h->members[k];
            const pq_series *se = &h->in.series[i];
            if (!pq_bit_get(se->present, st) || (se->hists && se->hists[st]))
                continue;
            pq_bucket *b = &s->b[off + c++];
            b->upper = h->upper[i];
            b->count = se->values[st];
        }
        s->counts[g] = c;
    }
    /* A native histogram with exactly a group's labels: the mix is dropped entirely. */
    for (size_t x = 0; x < h->nhist; x++) {
        size_t i = h->hist_series[x];
        const pq_series *se = &h->in.series[i];
        if (!se->hists || !pq_bit_get(se->present, st) || !se->hists[st])
            continue;
        size_t g = h->native_group[i];
        {
            if (g != SIZE_MAX && s->counts[g] > 0) {
                const char *mname =
                    pq_fn_delayed_name_removal(ev) ? pq_fn_metric_name(se->labels) : "";
                if (mname[0])
                    pq_fn_warn(ev, vec_arg,
                               "vector contains a mix of classic and native histograms for "
                               "metric name %s",
                               pq_fn_quote(ev, mname));
                else
                    pq_fn_warn(ev, vec_arg,
                               "vector contains a mix of classic and native histograms");
                s->void_group[g] = true;
            }
        }
    }
}

/* The merged "fixed for monotonicity" info, one per metric name. */
typedef struct mono_info {
    const char *name;
    int64_t min_ts, max_ts;
    double min_bucket, max_bucket, max_diff;
    size_t count;
} mono_info;

typedef struct mono_set {
    mono_info *items;
    size_t n, cap;
} mono_set;

static int mono_add(pq_eval *ev, mono_set *ms, const char *name, int64_t ts,
                    const pq_bucket_quantile_info *qi)
{
    for (size_t i = 0; i < ms->n; i++) {
        mono_info *m = &ms->items[i];
        if (strcmp(m->name, name) != 0)
            continue;
        if (ts < m->min_ts)
            m->min_ts = ts;
        if (ts > m->max_ts)
            m->max_ts = ts;
        if (qi->min_bucket < m->min_bucket)
            m->min_bucket = qi->min_bucket;
        if (qi->max_bucket > m->max_bucket)
            m->max_bucket = qi->max_bucket;
        if (qi->max_diff > m->max_diff)
            m->max_diff = qi->max_diff;
        m->count++;
        return 0;
    }
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 4;
        mono_info *p = pq_arena_realloc(ev->arena, ms->items, ms->cap * sizeof *p, cap * sizeof *p);
        if (!p)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        ms->items = p;
        ms->cap = cap;
    }
    mono_info *m = &ms->items[ms->n++];
    m->name = name;
    m->min_ts = m->max_ts = ts;
    m->min_bucket = qi->min_bucket;
    m->max_bucket = qi->max_bucket;
    m->max_diff = qi->max_diff;
    m->count = 1;
    return 0;
}

static void rfc3339(int64_t ms, char *buf, size_t len)
{
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&secs, &tm) || strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, len, "%lld", (long long)(ms / 1000)); /* beyond the calendar's range */
}

static void mono_emit(pq_eval *ev, const mono_set *ms, const pq_node *at)
{
    for (size_t i = 0; i < ms->n; i++) {
        const mono_info *m = &ms->items[i];
        char lo[64], hi[64], t0[40], t1[40];
        rfc3339(m->min_ts, t0, sizeof t0);
        rfc3339(m->max_ts, t1, sizeof t1);
        const char *base = "input to histogram_quantile needed to be fixed for monotonicity (see "
                           "https://prometheus.io/docs/prometheus/latest/querying/functions/"
                           "#histogram_quantile)";
        if (m->name[0])
            pq_fn_info(ev, at,
                       "%s for metric name %s, from buckets %s to %s, with a max diff of %.2g, "
                       "over %zu samples from %s to %s",
                       base, pq_fn_quote(ev, m->name), pq_fn_fmt_g(m->min_bucket, lo, sizeof lo),
                       pq_fn_fmt_g(m->max_bucket, hi, sizeof hi), m->max_diff, m->count, t0, t1);
        else
            pq_fn_info(ev, at,
                       "%s, from buckets %s to %s, with a max diff of %.2g, over %zu samples from "
                       "%s to %s",
                       base, pq_fn_fmt_g(m->min_bucket, lo, sizeof lo),
                       pq_fn_fmt_g(m->max_bucket, hi, sizeof hi), m->max_diff, m->count, t0, t1);
    }
}

static void warn_quantile(pq_eval *ev, const pq_node *at, double q)
{
    if (isnan(q) || q < 0 || q > 1) {
        char buf[64];
        pq_fn_warn(ev, at, "quantile value should be between 0 and 1, got %s",
                   pq_fn_fmt_g(q, buf, sizeof buf));
    }
}

/* labels.FormatOpenMetricsFloat */
static void format_om_float(double f, char *buf, size_t len)
{
    if (f == 1 || f == 0 || f == -1) {
        snprintf(buf, len, "%s", f == 1 ? "1.0" : (f == 0 ? "0.0" : "-1.0"));
        return;
    }
    pq_fn_fmt_g(f, buf, len);
    if (isnan(f) || isinf(f))
        return;
    if (!strpbrk(buf, "e."))
        strncat(buf, ".0", len - strlen(buf) - 1);
}

typedef struct hq_spec hq_spec;
static int hq_native(pq_eval *ev, const hq_spec *sp, const hq_input *h, hq_step *s, size_t st,
                     size_t *nouts, pq_value *out);

/* Shared driver: nq quantiles (histogram_quantile: 1, no label), or a fraction. */
struct hq_spec {
    const pq_node *vec_arg;
    const double **qs;        /* [nq] per-step quantiles */
    const pq_node **q_args;
    size_t nq;
    const char *qlabel;       /* histogram_quantiles' label, or NULL */
    const double *lower, *upper; /* histogram_fraction */
};

static int hq_run(pq_eval *ev, const hq_spec *sp, pq_value *out)
{
    hq_input h;
    if (hq_group(ev, sp->vec_arg, &h) != 0)
        return -1;
    hq_step s;
    if (hq_step_alloc(ev, &h, &s) != 0)
        return -1;
    size_t nq = sp->lower ? 1 : sp->nq;
    size_t nout = h.ngroups * nq;
    /* output series index + 1 per (quantile, group); 0 = not created yet (indices, not
     * pointers: pq_vector_add may move the series array) */
    size_t *outs = pq_arena_calloc(ev->arena, nout + 1, sizeof *outs);
    if (!outs)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    size_t *nouts = pq_arena_calloc(ev->arena, h.in.count * nq + 1, sizeof *nouts);
    pq_bucket *scratch = pq_arena_alloc(ev->arena, (h.max_members + 1) * sizeof *scratch);
    if (!nouts || !scratch)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    mono_set mono = {NULL, 0, 0};
    bool delayed = pq_fn_delayed_name_removal(ev);
    for (size_t st = 0; st < ev->nsteps; st++) {
        if (pq_eval_check_interrupt(ev) != 0)
            return -1;
        for (size_t k = 0; k < sp->nq && !sp->lower; k++)
            warn_quantile(ev, sp->q_args[k], sp->qs[k][st]);
        hq_collect(ev, &h, &s, st, sp->vec_arg);
        if (hq_native(ev, sp, &h, &s, st, nouts, out) != 0)
            return -1;
        for (size_t k = 0; k < nq; k++) {
            for (size_t g = 0; g < h.ngroups; g++) {
                if (s.counts[g] == 0 || s.void_group[g])
                    continue;
                /* the kernels sort and fix buckets in place: work on a copy */
                pq_bucket *b = scratch;
                memcpy(b, &s.b[s.offsets[g]], s.counts[g] * sizeof *b);
                double v;
                if (sp->lower) {
                    v = pq_fn_bucket_fraction(sp->lower[st], sp->upper[st], b, s.counts[g]);
                } else {
                    pq_bucket_quantile_info qi;
                    v = pq_fn_bucket_quantile(sp->qs[k][st], b, s.counts[g], &qi);
                    if (qi.forced_monotonic &&
                        mono_add(ev, &mono, delayed ? pq_fn_metric_name(h.keys[g]) : "",
                                 pq_eval_step_ts(ev, st), &qi) != 0)
                        return -1;
                }
                size_t *oi = &outs[k * h.ngroups + g];
                if (!*oi) {
                    promql_labels ls = pq_fn_out_labels(ev, h.keys[g], true);
                    if (sp->qlabel) {
                        char qs[64];
                        format_om_float(sp->qs[k][st], qs, sizeof qs);
                        ls = pq_labels_set(ev, ls, sp->qlabel,
                                           pq_arena_strdup(ev->arena, qs));
                    }
                    pq_series *added = pq_vector_add(ev, &out->u.vector, ls);
                    if (!added)
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
                    added->drop_name = true;
                    *oi = out->u.vector.count;
                }
                pq_series *o = &out->u.vector.series[*oi - 1];
                o->values[st] = v;
                pq_bit_set(o->present, st);
            }
        }
    }
    mono_emit(ev, &mono, sp->vec_arg);
    return 0;
}

/* Whether the native histogram of series i at step st is dropped for sharing its labels with a
 * classic histogram group that has buckets at that step. */
static bool native_voided(const hq_input *h, const hq_step *s, size_t i)
{
    size_t g = h->native_group[i];
    return g != SIZE_MAX && s->counts[g] > 0;
}

/* The native-histogram samples: quantile or fraction of each. */
static int hq_native(pq_eval *ev, const hq_spec *sp, const hq_input *h, hq_step *s, size_t st,
                     size_t *nouts, pq_value *out)
{
    size_t nq = sp->lower ? 1 : sp->nq;
    bool delayed = pq_fn_delayed_name_removal(ev);
    for (size_t x = 0; x < h->nhist; x++) {
        size_t i = h->hist_series[x];
        const pq_series *se = &h->in.series[i];
        if (!se->hists || !pq_bit_get(se->present, st) || !se->hists[st])
            continue;
        if (native_voided(h, s, i))
            continue;
        const promql_histogram *hg = se->hists[st];
        const char *mname = delayed ? pq_fn_metric_name(se->labels) : "";
        for (size_t k = 0; k < nq; k++) {
            unsigned flags = 0;
            double v;
            if (sp->lower) {
                v = pq_hist_fraction(sp->lower[st], sp->upper[st], hg, &flags);
                if (flags & PQ_HIST_FLAG_FRACTION_NANS) {
                    if (mname[0])
                        pq_fn_info(ev, sp->vec_arg,
                                   "input to histogram_fraction has NaN observations, which are "
                                   "excluded from all fractions for metric name %s",
                                   pq_fn_quote(ev, mname));
                    else
                        pq_fn_info(ev, sp->vec_arg,
                                   "input to histogram_fraction has NaN observations, which are "
                                   "excluded from all fractions");
                }
            } else {
                v = pq_hist_quantile(sp->qs[k][st], hg, &flags);
                const char *what = (flags & PQ_HIST_FLAG_QUANTILE_NAN_RESULT)
                                       ? "result is NaN"
                                       : (flags & PQ_HIST_FLAG_QUANTILE_NAN_SKEW)
                                             ? "result is skewed higher"
                                             : NULL;
                if (what) {
                    if (mname[0])
                        pq_fn_info(ev, sp->vec_arg,
                                   "input to histogram_quantile has NaN observations, %s for "
                                   "metric name %s",
                                   what, pq_fn_quote(ev, mname));
                    else
                        pq_fn_info(ev, sp->vec_arg,
                                   "input to histogram_quantile has NaN observations, %s", what);
                }
            }
            size_t *oi = &nouts[k * h->in.count + i];
            if (!*oi) {
                promql_labels ls = pq_fn_out_labels(ev, se->labels, true);
                if (sp->qlabel) {
                    char qs[64];
                    format_om_float(sp->qs[k][st], qs, sizeof qs);
                    ls = pq_labels_set(ev, ls, sp->qlabel, pq_arena_strdup(ev->arena, qs));
                }
                pq_series *added = pq_vector_add(ev, &out->u.vector, ls);
                if (!added)
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
                added->drop_name = true;
                *oi = out->u.vector.count;
            }
            pq_series *o = &out->u.vector.series[*oi - 1];
            o->values[st] = v;
            pq_bit_set(o->present, st);
        }
    }
    return 0;
}

int pq_fn_histogram_quantile_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const double *q = pq_fn_scalar_arg(ev, pq_fn_arg(call, 0));
    if (!q)
        return -1;
    const pq_node *qa = pq_fn_arg(call, 0);
    hq_spec sp = {pq_fn_arg(call, 1), &q, &qa, 1, NULL, NULL, NULL};
    return hq_run(ev, &sp, out);
}

int pq_fn_histogram_quantiles_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    size_t nargs = pq_fn_nargs(call);
    size_t nq = nargs - 2;
    const double **qs = pq_arena_alloc(ev->arena, (nq + 1) * sizeof *qs);
    const pq_node **qa = pq_arena_alloc(ev->arena, (nq + 1) * sizeof *qa);
    if (!qs || !qa)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < nq; i++) {
        qa[i] = pq_fn_arg(call, i + 2);
        if (!(qs[i] = pq_fn_scalar_arg(ev, qa[i])))
            return -1;
    }
    hq_spec sp = {pq_fn_arg(call, 0), qs, qa, nq, pq_fn_string_arg(pq_fn_arg(call, 1), NULL),
                  NULL, NULL};
    return hq_run(ev, &sp, out);
}

int pq_fn_histogram_fraction_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const double *lo = pq_fn_scalar_arg(ev, pq_fn_arg(call, 0));
    if (!lo)
        return -1;
    const double *hi = pq_fn_scalar_arg(ev, pq_fn_arg(call, 1));
    if (!hi)
        return -1;
    hq_spec sp = {pq_fn_arg(call, 2), NULL, NULL, 0, NULL, lo, hi};
    return hq_run(ev, &sp, out);
}

/* histogram_count/sum/avg over native histogram samples (floats are ignored). */
int pq_fn_histogram_simple_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    int which = strcmp(name, "histogram_count") == 0 ? 0
                : strcmp(name, "histogram_sum") == 0 ? 1
                : strcmp(name, "histogram_avg") == 0 ? 2
                                                     : 3;
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    bool stddev = strcmp(name, "histogram_stddev") == 0;
    for (size_t i = 0; i < in.count; i++) {
        const pq_series *s = &in.series[i];
        if (!s->hists)
            continue;
        /* upstream's simpleHistogramFunc drops only the name (not __type__/__unit__) when
         * name removal is not delayed */
        promql_labels ls = s->labels;
        if (!pq_fn_delayed_name_removal(ev) && pq_labels_get(ls, "__name__"))
            ls = pq_labels_without(ev, ls, "__name__");
        pq_series *o = pq_vector_add(ev, &out->u.vector, ls);
        if (!o)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        o->drop_name = true;
        bool any = false;
        for (size_t st = 0; st < ev->nsteps; st++) {
            const promql_histogram *hg = s->hists[st];
            if (!hg || !pq_bit_get(s->present, st))
                continue;
            o->values[st] = which == 0   ? hg->count
                            : which == 1 ? hg->sum
                            : which == 2 ? hg->sum / hg->count
                            : stddev     ? pq_hist_stddev(hg)
                                         : pq_hist_stdvar(hg);
            pq_bit_set(o->present, st);
            any = true;
        }
        if (!any)
            out->u.vector.count--;
    }
    return 0;
}
