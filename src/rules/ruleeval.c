/*
 * ruleeval.c -- the rule manager: group evaluation, the alert state machine, ALERTS /
 * ALERTS_FOR_STATE output, templating of alert labels and annotations, staleness markers for
 * series a rule stopped producing. Mirrors Prometheus's rules package step by step.
 */
#include "rules/ruleeval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/template.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/labels.h"

#define RESOLVED_RETENTION_MS (15 * 60 * 1000)

const char *pq_alert_state_name(pq_alert_state s)
{
    switch (s) {
    case PQ_ALERT_INACTIVE: return "inactive";
    case PQ_ALERT_PENDING: return "pending";
    case PQ_ALERT_FIRING: return "firing";
    }
    return "unknown";
}

/* ---- owned label sets ---- */

static int labels_dup(const promql_labels *in, promql_labels *out)
{
    size_t bytes = in->count * sizeof(promql_label);
    for (size_t i = 0; i < in->count; i++)
        bytes += strlen(in->items[i].name) + strlen(in->items[i].value) + 2;
    char *blk = malloc(bytes ? bytes : 1);
    if (!blk)
        return -1;
    promql_label *items = (promql_label *)blk;
    char *p = blk + in->count * sizeof(promql_label);
    for (size_t i = 0; i < in->count; i++) {
        size_t nl = strlen(in->items[i].name) + 1, vl = strlen(in->items[i].value) + 1;
        memcpy(p, in->items[i].name, nl);
        items[i].name = p;
        p += nl;
        memcpy(p, in->items[i].value, vl);
        items[i].value = p;
        p += vl;
    }
    out->items = items;
    out->count = in->count;
    return 0;
}

static void labels_release(promql_labels *l)
{
    free((void *)l->items);
    l->items = NULL;
    l->count = 0;
}

static uint64_t labels_hash(const promql_labels *l)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < l->count; i++) {
        for (const char *s = l->items[i].name; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL;
        for (const char *s = l->items[i].value; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ULL;
        h = (h ^ 0xfe) * 1099511628211ULL;
    }
    return h;
}

/* Label builder on an arena: set (empty value deletes), delete, sorted output. */
typedef struct lbuilder {
    pq_arena *a;
    promql_label *items;
    size_t n, cap;
} lbuilder;

static int lb_reset(lbuilder *b, pq_arena *a, const promql_labels *base)
{
    b->a = a;
    b->cap = base->count + 16;
    b->items = pq_arena_alloc(a, b->cap * sizeof *b->items);
    if (!b->items)
        return -1;
    if (base->count)
        memcpy(b->items, base->items, base->count * sizeof *b->items);
    b->n = base->count;
    return 0;
}

static void lb_del(lbuilder *b, const char *name)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->items[i].name, name) == 0) {
            memmove(&b->items[i], &b->items[i + 1], (b->n - i - 1) * sizeof *b->items);
            b->n--;
            return;
        }
}

static int lb_set(lbuilder *b, const char *name, const char *value)
{
    if (!value[0]) {
        lb_del(b, name);
        return 0;
    }
    size_t i = 0;
    while (i < b->n && strcmp(b->items[i].name, name) < 0)
        i++;
    if (i < b->n && strcmp(b->items[i].name, name) == 0) {
        b->items[i].value = value;
        return 0;
    }
    if (b->n == b->cap) {
        promql_label *ni = pq_arena_realloc(b->a, b->items, b->cap * sizeof *ni, b->cap * 2 * sizeof *ni);
        if (!ni)
            return -1;
        b->items = ni;
        b->cap *= 2;
    }
    memmove(&b->items[i + 1], &b->items[i], (b->n - i) * sizeof *b->items);
    b->items[i].name = name;
    b->items[i].value = value;
    b->n++;
    return 0;
}

static promql_labels lb_labels(const lbuilder *b)
{
    return (promql_labels){b->items, b->n};
}

/* ---- state ---- */

typedef struct series_ref {
    promql_labels labels;   /* owned */
    uint64_t hash;
} series_ref;

typedef struct rule_state {
    const pq_rule *rule;
    promql_labels labels;   /* the group's labels overridden by the rule's (owned) */
    promql_expr *expr;
    pq_alert **alerts;      /* the 'active' map */
    size_t nalerts, acap;
    series_ref *prev;       /* series written at the previous evaluation */
    size_t nprev;
    char *last_error;
} rule_state;

typedef struct group_state {
    const pq_rule_group *g;
    rule_state *rules;
    int64_t interval_ms;
} group_state;

typedef struct last_sample {
    uint64_t hash;
    int64_t t;
    uint64_t vbits;
    bool used;
} last_sample;

struct pq_rule_manager {
    promql_engine *engine;
    promql_memstore *store;
    pq_rule_manager_options opts;
    promql_labels external_labels;   /* owned */
    char *external_url;
    group_state *groups;
    size_t ngroups, gcap;
    last_sample *written;            /* open addressing: last sample the rules wrote per series */
    size_t wcap, wcount;
};

pq_rule_manager *pq_rule_manager_new(promql_engine *engine, promql_memstore *store, const pq_rule_manager_options *opts)
{
    pq_rule_manager *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->engine = engine;
    m->store = store;
    if (opts)
        m->opts = *opts;
    if (m->opts.default_interval_ms <= 0)
        m->opts.default_interval_ms = 60000;
    if (labels_dup(&m->opts.external_labels, &m->external_labels)) {
        free(m);
        return NULL;
    }
    m->external_url = strdup(m->opts.external_url ? m->opts.external_url : "");
    if (!m->external_url) {
        labels_release(&m->external_labels);
        free(m);
        return NULL;
    }
    return m;
}

static void free_alert(pq_alert *a)
{
    if (!a)
        return;
    labels_release(&a->labels);
    labels_release(&a->annotations);
    free(a);
}

void pq_rule_manager_free(pq_rule_manager *m)
{
    if (!m)
        return;
    for (size_t g = 0; g < m->ngroups; g++) {
        group_state *gs = &m->groups[g];
        for (size_t r = 0; r < gs->g->nrules; r++) {
            rule_state *rs = &gs->rules[r];
            promql_expr_free(rs->expr);
            for (size_t i = 0; i < rs->nalerts; i++)
                free_alert(rs->alerts[i]);
            free(rs->alerts);
            for (size_t i = 0; i < rs->nprev; i++)
                labels_release(&rs->prev[i].labels);
            free(rs->prev);
            free(rs->last_error);
            labels_release(&rs->labels);
        }
        free(gs->rules);
    }
    free(m->groups);
    free(m->written);
    labels_release(&m->external_labels);
    free(m->external_url);
    free(m);
}

int pq_rule_manager_add_file(pq_rule_manager *m, const pq_rule_file *f, char *errbuf, size_t errlen)
{
    for (size_t g = 0; g < f->ngroups; g++) {
        if (m->ngroups == m->gcap) {
            size_t nc = m->gcap ? m->gcap * 2 : 8;
            group_state *ng = realloc(m->groups, nc * sizeof *ng);
            if (!ng) {
                snprintf(errbuf, errlen, "out of memory");
                return -1;
            }
            m->groups = ng;
            m->gcap = nc;
        }
        const pq_rule_group *rg = &f->groups[g];
        group_state *gs = &m->groups[m->ngroups];
        memset(gs, 0, sizeof *gs);
        gs->g = rg;
        gs->interval_ms = rg->interval_ms > 0 ? rg->interval_ms : m->opts.default_interval_ms;
        gs->rules = rg->nrules ? calloc(rg->nrules, sizeof *gs->rules) : NULL;
        if (rg->nrules && !gs->rules) {
            snprintf(errbuf, errlen, "out of memory");
            return -1;
        }
        m->ngroups++;
        for (size_t r = 0; r < rg->nrules; r++) {
            gs->rules[r].rule = &rg->rules[r];
            /* group labels first, the rule's own labels win (rules.FromMaps) */
            pq_arena tmp;
            pq_arena_init(&tmp, 0);
            promql_labels merged;
            int bad = pq_rules_labels_merge(&tmp, &rg->labels, &rg->rules[r].labels, &merged) ||
                      labels_dup(&merged, &gs->rules[r].labels);
            pq_arena_free(&tmp);
            if (bad) {
                snprintf(errbuf, errlen, "out of memory");
                return -1;
            }
            promql_error err;
            if (promql_parse(rg->rules[r].expr, strlen(rg->rules[r].expr), NULL, &gs->rules[r].expr, &err) != PROMQL_OK) {
                snprintf(errbuf, errlen, "%s: %s", f->path, err.message);
                return -1;
            }
        }
    }
    return 0;
}

size_t pq_rule_manager_group_count(const pq_rule_manager *m) { return m->ngroups; }
const pq_rule_group *pq_rule_manager_group(const pq_rule_manager *m, size_t gi) { return m->groups[gi].g; }
int64_t pq_rule_manager_group_interval(const pq_rule_manager *m, size_t gi) { return m->groups[gi].interval_ms; }

const char *pq_rule_manager_rule_error(const pq_rule_manager *m, size_t gi, size_t ri)
{
    return m->groups[gi].rules[ri].last_error;
}

size_t pq_rule_manager_alerts(const pq_rule_manager *m, size_t gi, size_t ri, const pq_alert *const **out)
{
    const rule_state *rs = &m->groups[gi].rules[ri];
    *out = (const pq_alert *const *)rs->alerts;
    return rs->nalerts;
}

static void set_error(rule_state *rs, const char *msg)
{
    free(rs->last_error);
    rs->last_error = msg ? strdup(msg) : NULL;
}

/* ---- appending, with the duplicate/out-of-order semantics of the TSDB head ---- */

static last_sample *written_slot(pq_rule_manager *m, uint64_t h, bool create)
{
    if (create && (m->wcount + 1) * 2 > m->wcap) {
        size_t nc = m->wcap ? m->wcap * 2 : 256;
        last_sample *nw = calloc(nc, sizeof *nw);
        if (!nw)
            return NULL;
        for (size_t i = 0; i < m->wcap; i++)
            if (m->written[i].used) {
                size_t j = m->written[i].hash & (nc - 1);
                while (nw[j].used)
                    j = (j + 1) & (nc - 1);
                nw[j] = m->written[i];
            }
        free(m->written);
        m->written = nw;
        m->wcap = nc;
    }
    if (!m->wcap)
        return NULL;
    size_t j = h & (m->wcap - 1);
    while (m->written[j].used) {
        if (m->written[j].hash == h)
            return &m->written[j];
        j = (j + 1) & (m->wcap - 1);
    }
    if (!create)
        return NULL;
    m->written[j].used = true;
    m->written[j].hash = h;
    m->written[j].t = INT64_MIN;
    m->wcount++;
    return &m->written[j];
}

/* Returns 0, 1 when the sample was a harmless duplicate, or -1 with a message. */
static int append(pq_rule_manager *m, const promql_labels *ls, int64_t t, double v, const promql_histogram *h,
                  char *err, size_t el)
{
    uint64_t lh = labels_hash(ls);
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    last_sample *ws = written_slot(m, lh, true);
    if (ws && ws->t != INT64_MIN) {
        if (t == ws->t) {
            if (bits == ws->vbits && !h)
                return 1;
            snprintf(err, el, "duplicate sample for timestamp");
            return -1;
        }
        if (t < ws->t) {
            snprintf(err, el, "out of order sample");
            return -1;
        }
    }
    promql_error perr;
    promql_error_code rc = h ? promql_memstore_append_histogram(m->store, ls, t, h, &perr)
                             : promql_memstore_append(m->store, ls, t, v, &perr);
    if (rc != PROMQL_OK) {
        snprintf(err, el, "%.900s", perr.message);
        return -1;
    }
    if (ws) {
        ws->t = t;
        ws->vbits = bits;
    }
    return 0;
}

/* ---- evaluation ---- */

typedef struct out_sample {
    promql_labels labels;
    int64_t t;
    double v;
    const promql_histogram *h;   /* a native histogram sample (arena copy), else NULL */
} out_sample;

typedef struct out_vec {
    out_sample *s;
    size_t n, cap;
} out_vec;

static int vec_add(pq_arena *a, out_vec *v, promql_labels ls, int64_t t, double val)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 16;
        out_sample *ns = pq_arena_realloc(a, v->s, v->cap * sizeof *ns, nc * sizeof *ns);
        if (!ns)
            return -1;
        v->s = ns;
        v->cap = nc;
    }
    v->s[v->n++] = (out_sample){ls, t, val, NULL};
    return 0;
}

/* Deep copy of a histogram into the arena (result memory dies with the result). */
static promql_histogram *hist_copy(pq_arena *a, const promql_histogram *h)
{
    promql_histogram *c = pq_arena_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *h;
#define COPY_ARR(field, count)                                                         \
    if (h->field && h->count) {                                                        \
        void *p_ = pq_arena_alloc(a, h->count * sizeof *h->field);                     \
        if (!p_)                                                                       \
            return NULL;                                                               \
        memcpy(p_, h->field, h->count * sizeof *h->field);                             \
        c->field = p_;                                                                 \
    }
    COPY_ARR(positive_spans, positive_span_count)
    COPY_ARR(positive_buckets, positive_bucket_count)
    COPY_ARR(negative_spans, negative_span_count)
    COPY_ARR(negative_buckets, negative_bucket_count)
    COPY_ARR(custom_values, custom_value_count)
#undef COPY_ARR
    return c;
}

typedef struct query_ctx {
    pq_rule_manager *m;
    pq_arena *a;
} query_ctx;

/* Template query(): an instant query at the evaluation time. */
static int tmpl_query(void *arg, const char *q, int64_t t_ms, pq_tmpl_sample **out, size_t *count, char *err, size_t el)
{
    query_ctx *qc = arg;
    promql_result *res = NULL;
    promql_error perr;
    if (promql_query_instant(qc->m->engine, promql_memstore_storage(qc->m->store), q, strlen(q), t_ms, &res, &perr) !=
        PROMQL_OK) {
        snprintf(err, el, "%.900s", perr.message);
        return -1;
    }
    promql_value_type vt = promql_result_type(res);
    size_t n = vt == PROMQL_VALUE_VECTOR ? promql_result_series_count(res) : vt == PROMQL_VALUE_SCALAR ? 1 : 0;
    if (vt != PROMQL_VALUE_VECTOR && vt != PROMQL_VALUE_SCALAR) {
        promql_result_free(res);
        snprintf(err, el, "rule result is not a vector or scalar");
        return -1;
    }
    pq_tmpl_sample *s = n ? pq_arena_calloc(qc->a, n, sizeof *s) : NULL;
    for (size_t i = 0; s && i < n; i++) {
        if (vt == PROMQL_VALUE_SCALAR) {
            s[i].value = promql_result_scalar(res, NULL);
            continue;
        }
        promql_labels ls = promql_result_series_labels(res, i);
        promql_label *items = ls.count ? pq_arena_alloc(qc->a, ls.count * sizeof *items) : NULL;
        for (size_t k = 0; items && k < ls.count; k++) {
            items[k].name = pq_arena_strdup(qc->a, ls.items[k].name);
            items[k].value = pq_arena_strdup(qc->a, ls.items[k].value);
        }
        s[i].labels = (promql_labels){items, items ? ls.count : 0};
        const int64_t *ts;
        const double *vs;
        s[i].value = promql_result_series_floats(res, i, &ts, &vs) ? vs[0] : 0;
    }
    promql_result_free(res);
    *out = s;
    *count = s ? n : 0;
    return 0;
}

static char *expand(pq_rule_manager *m, pq_arena *a, const pq_rule *r, const char *text, const promql_labels *metric,
                    double value, int64_t ts)
{
    char name[600];
    snprintf(name, sizeof name, "__alert_%s", r->name);
    pq_tmpl_data data = {*metric, m->external_labels, m->external_url, value};
    query_ctx qc = {m, a};
    pq_tmpl_env env = {name, &data, ts, tmpl_query, &qc};
    pq_strbuf t, out;
    pq_strbuf_init(&t);
    pq_strbuf_init(&out);
    pq_strbuf_puts(&t, PQ_TMPL_ALERT_DEFS);
    pq_strbuf_puts(&t, text);
    char err[2048];
    char *res;
    if (t.oom) {
        res = pq_arena_strdup(a, "<error expanding template: out of memory>");
    } else if (pq_tmpl_expand(t.data, t.len, &env, &out, err, sizeof err)) {
        res = pq_arena_sprintf(a, "<error expanding template: %s>", err);
    } else {
        res = pq_arena_strndup(a, out.data ? out.data : "", out.len);
    }
    pq_strbuf_free(&t);
    pq_strbuf_free(&out);
    return res;
}

static pq_alert *find_alert(rule_state *rs, uint64_t h, const promql_labels *ls, size_t *idx)
{
    for (size_t i = 0; i < rs->nalerts; i++)
        if (rs->alerts[i]->hash == h && pq_labels_equal(rs->alerts[i]->labels, *ls)) {
            if (idx)
                *idx = i;
            return rs->alerts[i];
        }
    return NULL;
}

static void emit(pq_rule_manager *m, group_state *gs, rule_state *rs, const pq_alert *a, pq_alert_state from,
                 pq_alert_state to, int64_t t)
{
    if (m->opts.on_alert && from != to)
        m->opts.on_alert(m->opts.event_arg, gs->g, rs->rule, a, from, to, t);
}

/* Query the rule's expression; fills vec with its samples (floats, or histograms with v = 0 as
 * Prometheus's Sample.F is for them). */
static int run_query(pq_rule_manager *m, pq_arena *a, rule_state *rs, int64_t t, out_vec *vec, char *err, size_t el)
{
    promql_result *res = NULL;
    promql_error perr;
    if (promql_eval_instant(m->engine, promql_memstore_storage(m->store), rs->expr, t, &res, &perr) != PROMQL_OK) {
        snprintf(err, el, "%.900s", perr.message);
        return -1;
    }
    promql_value_type vt = promql_result_type(res);
    if (vt == PROMQL_VALUE_SCALAR) {
        int64_t st;
        double v = promql_result_scalar(res, &st);
        vec_add(a, vec, (promql_labels){NULL, 0}, st, v);
    } else if (vt == PROMQL_VALUE_VECTOR) {
        size_t n = promql_result_series_count(res);
        for (size_t i = 0; i < n; i++) {
            promql_labels ls = promql_result_series_labels(res, i);
            promql_label *items = ls.count ? pq_arena_alloc(a, ls.count * sizeof *items) : NULL;
            for (size_t k = 0; items && k < ls.count; k++) {
                items[k].name = pq_arena_strdup(a, ls.items[k].name);
                items[k].value = pq_arena_strdup(a, ls.items[k].value);
            }
            const int64_t *ts;
            const double *vs;
            if (promql_result_series_floats(res, i, &ts, &vs) > 0) {
                if (vec_add(a, vec, (promql_labels){items, items ? ls.count : 0}, ts[0], vs[0])) {
                    promql_result_free(res);
                    snprintf(err, el, "out of memory");
                    return -1;
                }
            } else {
                const promql_histogram *const *hs;
                promql_histogram *hc = NULL;
                if (promql_result_series_histograms(res, i, &ts, &hs) > 0)
                    hc = hist_copy(a, hs[0]);
                if (!hc || vec_add(a, vec, (promql_labels){items, items ? ls.count : 0}, ts[0], 0)) {
                    promql_result_free(res);
                    snprintf(err, el, "out of memory");
                    return -1;
                }
                vec->s[vec->n - 1].h = hc;
            }
        }
    } else {
        promql_result_free(res);
        snprintf(err, el, "rule result is not a vector or scalar");
        return -1;
    }
    promql_result_free(res);
    return 0;
}

static int eval_recording(pq_rule_manager *m, pq_arena *a, group_state *gs, rule_state *rs, int64_t ts, int64_t off,
                          out_vec *vec, char *err, size_t el)
{
    out_vec raw = {0};
    if (run_query(m, a, rs, ts - off, &raw, err, el))
        return -1;
    for (size_t i = 0; i < raw.n; i++) {
        lbuilder b;
        if (lb_reset(&b, a, &raw.s[i].labels) || lb_set(&b, "__name__", rs->rule->name))
            goto oom;
        for (size_t k = 0; k < rs->labels.count; k++)
            if (lb_set(&b, rs->labels.items[k].name, rs->labels.items[k].value))
                goto oom;
        if (vec_add(a, vec, lb_labels(&b), raw.s[i].t, raw.s[i].v))
            goto oom;
        vec->s[vec->n - 1].h = raw.s[i].h;
    }
    for (size_t i = 0; i < vec->n; i++)
        for (size_t j = i + 1; j < vec->n; j++)
            if (pq_labels_equal(vec->s[i].labels, vec->s[j].labels)) {
                snprintf(err, el, "vector contains metrics with the same labelset after applying rule labels");
                return -1;
            }
    if (gs->g->limit > 0 && (int64_t)vec->n > gs->g->limit) {
        snprintf(err, el, "exceeded limit of %lld with %zu series", (long long)gs->g->limit, vec->n);
        return -1;
    }
    return 0;
oom:
    snprintf(err, el, "out of memory");
    return -1;
}

static pq_alert *new_alert(const promql_labels *ls, const promql_labels *ann, uint64_t h, int64_t ts, double v)
{
    pq_alert *al = calloc(1, sizeof *al);
    if (!al)
        return NULL;
    if (labels_dup(ls, &al->labels) || labels_dup(ann, &al->annotations)) {
        free_alert(al);
        return NULL;
    }
    al->hash = h;
    al->state = PQ_ALERT_PENDING;
    al->value = v;
    al->active_at_ms = ts;
    al->fired_at_ms = PQ_TIME_UNSET;
    al->resolved_at_ms = PQ_TIME_UNSET;
    al->keep_firing_since_ms = PQ_TIME_UNSET;
    return al;
}

static int alert_samples(pq_arena *a, const pq_rule *r, const promql_labels *rlabels, const pq_alert *al, int64_t t,
                         out_vec *vec)
{
    lbuilder b;
    if (lb_reset(&b, a, rlabels))
        return -1;
    for (size_t i = 0; i < al->labels.count; i++)
        if (lb_set(&b, al->labels.items[i].name, al->labels.items[i].value))
            return -1;
    if (lb_set(&b, "__name__", "ALERTS") || lb_set(&b, "alertname", r->name) ||
        lb_set(&b, "alertstate", pq_alert_state_name(al->state)) || vec_add(a, vec, lb_labels(&b), t, 1))
        return -1;
    lbuilder f;
    if (lb_reset(&f, a, rlabels))
        return -1;
    for (size_t i = 0; i < al->labels.count; i++)
        if (lb_set(&f, al->labels.items[i].name, al->labels.items[i].value))
            return -1;
    /* Unix() truncates toward -inf on seconds */
    int64_t sec = al->active_at_ms >= 0 ? al->active_at_ms / 1000 : -((-al->active_at_ms + 999) / 1000);
    if (lb_set(&f, "__name__", "ALERTS_FOR_STATE") || lb_set(&f, "alertname", r->name) ||
        vec_add(a, vec, lb_labels(&f), t, (double)sec))
        return -1;
    return 0;
}

static int eval_alerting(pq_rule_manager *m, pq_arena *a, group_state *gs, rule_state *rs, int64_t ts, int64_t off,
                         out_vec *vec, char *err, size_t el)
{
    const pq_rule *r = rs->rule;
    out_vec raw = {0};
    if (run_query(m, a, rs, ts - off, &raw, err, el))
        return -1;
    /* build the alert label sets and annotations of this evaluation */
    promql_labels *lsets = raw.n ? pq_arena_calloc(a, raw.n, sizeof *lsets) : NULL;
    promql_labels *anns = raw.n ? pq_arena_calloc(a, raw.n, sizeof *anns) : NULL;
    uint64_t *hashes = raw.n ? pq_arena_calloc(a, raw.n, sizeof *hashes) : NULL;
    if (raw.n && (!lsets || !anns || !hashes))
        goto oom;
    for (size_t i = 0; i < raw.n; i++) {
        lbuilder b;
        if (lb_reset(&b, a, &raw.s[i].labels))
            goto oom;
        lb_del(&b, "__name__");
        for (size_t k = 0; k < rs->labels.count; k++) {
            char *v = expand(m, a, r, rs->labels.items[k].value, &raw.s[i].labels, raw.s[i].v, ts);
            if (!v || lb_set(&b, rs->labels.items[k].name, v))
                goto oom;
        }
        if (lb_set(&b, "alertname", r->name))
            goto oom;
        lsets[i] = lb_labels(&b);
        promql_label *ai = r->annotations.count ? pq_arena_alloc(a, r->annotations.count * sizeof *ai) : NULL;
        if (r->annotations.count && !ai)
            goto oom;
        for (size_t k = 0; k < r->annotations.count; k++) {
            ai[k].name = r->annotations.items[k].name;
            ai[k].value = expand(m, a, r, r->annotations.items[k].value, &raw.s[i].labels, raw.s[i].v, ts);
            if (!ai[k].value)
                goto oom;
        }
        anns[i] = (promql_labels){ai, r->annotations.count};
        hashes[i] = labels_hash(&lsets[i]);
        for (size_t j = 0; j < i; j++)
            if (hashes[j] == hashes[i] && pq_labels_equal(lsets[j], lsets[i])) {
                snprintf(err, el, "vector contains metrics with the same labelset after applying alert labels");
                return -1;
            }
    }
    /* merge into the active map */
    for (size_t i = 0; i < raw.n; i++) {
        size_t idx;
        pq_alert *cur = find_alert(rs, hashes[i], &lsets[i], &idx);
        if (cur && cur->state != PQ_ALERT_INACTIVE) {
            promql_labels na;
            if (labels_dup(&anns[i], &na))
                goto oom;
            labels_release(&cur->annotations);
            cur->annotations = na;
            cur->value = raw.s[i].v;
            continue;
        }
        pq_alert *na = new_alert(&lsets[i], &anns[i], hashes[i], ts, raw.s[i].v);
        if (!na)
            goto oom;
        if (cur) {
            free_alert(cur);
            rs->alerts[idx] = na;
        } else {
            if (rs->nalerts == rs->acap) {
                size_t nc = rs->acap ? rs->acap * 2 : 8;
                pq_alert **nl = realloc(rs->alerts, nc * sizeof *nl);
                if (!nl) {
                    free_alert(na);
                    goto oom;
                }
                rs->alerts = nl;
                rs->acap = nc;
            }
            rs->alerts[rs->nalerts++] = na;
        }
        emit(m, gs, rs, na, 0, PQ_ALERT_PENDING, ts);
    }
    size_t active_pending = 0;
    for (size_t i = 0; i < rs->nalerts;) {
        pq_alert *al = rs->alerts[i];
        bool in_result = false;
        for (size_t k = 0; k < raw.n && !in_result; k++)
            if (hashes[k] == al->hash && pq_labels_equal(lsets[k], al->labels))
                in_result = true;
        if (!in_result) {
            bool keep = false;
            if (al->state == PQ_ALERT_FIRING && r->keep_firing_for_ms > 0) {
                if (al->keep_firing_since_ms == PQ_TIME_UNSET)
                    al->keep_firing_since_ms = ts;
                if (ts - al->keep_firing_since_ms < r->keep_firing_for_ms)
                    keep = true;
            }
            bool drop = al->state == PQ_ALERT_PENDING ||
                        (al->resolved_at_ms != PQ_TIME_UNSET && ts - al->resolved_at_ms > RESOLVED_RETENTION_MS);
            if (al->state != PQ_ALERT_INACTIVE && !keep) {
                pq_alert_state from = al->state;
                al->state = PQ_ALERT_INACTIVE;
                al->resolved_at_ms = ts;
                emit(m, gs, rs, al, from, PQ_ALERT_INACTIVE, ts);
            }
            if (drop) {
                free_alert(al);
                rs->alerts[i] = rs->alerts[--rs->nalerts];
                continue;
            }
            if (!keep) {
                i++;
                continue;
            }
        } else {
            al->keep_firing_since_ms = PQ_TIME_UNSET;
        }
        active_pending++;
        if (al->state == PQ_ALERT_PENDING && ts - al->active_at_ms >= r->for_ms) {
            al->state = PQ_ALERT_FIRING;
            al->fired_at_ms = ts;
            emit(m, gs, rs, al, PQ_ALERT_PENDING, PQ_ALERT_FIRING, ts);
        }
        if (al->state == PQ_ALERT_FIRING && ts - al->active_at_ms < r->for_ms) {
            al->state = PQ_ALERT_PENDING;
            al->fired_at_ms = PQ_TIME_UNSET;
            al->keep_firing_since_ms = PQ_TIME_UNSET;
            emit(m, gs, rs, al, PQ_ALERT_FIRING, PQ_ALERT_PENDING, ts);
        }
        if (alert_samples(a, r, &rs->labels, al, ts - off, vec))
            goto oom;
        i++;
    }
    if (gs->g->limit > 0 && (int64_t)active_pending > gs->g->limit) {
        for (size_t i = 0; i < rs->nalerts; i++)
            free_alert(rs->alerts[i]);
        rs->nalerts = 0;
        snprintf(err, el, "exceeded limit of %lld with %zu alerts", (long long)gs->g->limit, active_pending);
        return -1;
    }
    return 0;
oom:
    snprintf(err, el, "out of memory");
    return -1;
}

static void eval_rule(pq_rule_manager *m, group_state *gs, rule_state *rs, int64_t ts)
{
    pq_arena a;
    pq_arena_init(&a, 0);
    char err[1024];
    out_vec vec = {0};
    int64_t off = gs->g->has_query_offset ? gs->g->query_offset_ms : 0;
    int rc = rs->rule->is_alert ? eval_alerting(m, &a, gs, rs, ts, off, &vec, err, sizeof err)
                                : eval_recording(m, &a, gs, rs, ts, off, &vec, err, sizeof err);
    if (rc) {
        set_error(rs, err);
        pq_arena_free(&a);
        return;
    }
    set_error(rs, NULL);
    /* append, remembering which series were written */
    series_ref *now = vec.n ? calloc(vec.n, sizeof *now) : NULL;
    size_t nnow = 0;
    for (size_t i = 0; i < vec.n; i++) {
        char aerr[1024];
        int r = append(m, &vec.s[i].labels, vec.s[i].t, vec.s[i].v, vec.s[i].h, aerr, sizeof aerr);
        if (r < 0) {
            set_error(rs, aerr);
            continue;
        }
        if (r == 0 && !rs->rule->is_alert && !vec.s[i].h && m->opts.on_record)
            m->opts.on_record(m->opts.event_arg, rs->rule, &vec.s[i].labels, vec.s[i].t, vec.s[i].v);
        if (now && labels_dup(&vec.s[i].labels, &now[nnow].labels) == 0) {
            now[nnow].hash = labels_hash(&now[nnow].labels);
            nnow++;
        }
    }
    /* series gone since the previous evaluation get a staleness marker */
    double stale;
    uint64_t sb = PROMQL_STALE_NAN_BITS;
    memcpy(&stale, &sb, sizeof stale);
    for (size_t i = 0; i < rs->nprev; i++) {
        bool still = false;
        for (size_t k = 0; k < nnow && !still; k++)
            if (now[k].hash == rs->prev[i].hash && pq_labels_equal(now[k].labels, rs->prev[i].labels))
                still = true;
        if (!still) {
            char aerr[1024];
            (void)append(m, &rs->prev[i].labels, ts - off, stale, NULL, aerr, sizeof aerr);
        }
        labels_release(&rs->prev[i].labels);
    }
    free(rs->prev);
    rs->prev = now;
    rs->nprev = nnow;
    pq_arena_free(&a);
}

void pq_rule_manager_eval_group(pq_rule_manager *m, size_t gi, int64_t t_ms)
{
    group_state *gs = &m->groups[gi];
    for (size_t r = 0; r < gs->g->nrules; r++)
        eval_rule(m, gs, &gs->rules[r], t_ms);
}
