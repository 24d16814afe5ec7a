/*
 * functions_info.c -- info(v [, data-label selector]): enriches each series of v with the data
 * labels of the info series (target_info by default) that share its identifying labels
 * (instance, job), as promql/info.go does: the info series are selected with a regex over the
 * identifying values seen in v, evaluated like a vector selector (same @ and offset as v's
 * first selector), de-duplicated per (name, instance, job) keeping the newest sample, and
 * joined step by step.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "storage/regex.h"
#include "util/strbuf.h"

static const char *const id_labels[] = {"instance", "job"};

static bool matcher_matches(const pq_matcher *m, const char *value)
{
    promql_matcher pm = {m->type, m->name, m->value, m->compiled};
    return promql_matcher_matches(&pm, value ? value : "") != 0;
}

static int make_matcher(pq_eval *ev, pq_matcher *m, promql_match_type type, const char *name,
                        const char *value)
{
    m->type = type;
    m->name = pq_arena_strdup(ev->arena, name);
    m->value = pq_arena_strdup(ev->arena, value);
    m->compiled = NULL;
    if (!m->name || !m->value)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    if (type == PROMQL_MATCH_REGEX || type == PROMQL_MATCH_NOT_REGEX) {
        char err[256];
        m->compiled = pq_regex_compile(ev->arena, value, strlen(value), err, sizeof err);
        if (!m->compiled)
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "%s", err);
    }
    return 0;
}

/* Go's regexp.QuoteMeta. */
static void quote_meta(pq_strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\.+*?()|[]{}^$", *s))
            pq_strbuf_putc(b, '\\');
        pq_strbuf_putc(b, *s);
    }
}

typedef struct matcher_list {
    pq_matcher *items;
    size_t n;
} matcher_list;

/* effectiveInfoNameMatchers */
static int effective_name_matchers(pq_eval *ev, const matcher_list *in, matcher_list *out)
{
    for (size_t i = 0; i < in->n; i++) {
        if (in->items[i].type == PROMQL_MATCH_EQUAL || in->items[i].type == PROMQL_MATCH_REGEX) {
            *out = *in;
            return 0;
        }
    }
    out->items = pq_arena_alloc(ev->arena, (in->n + 1) * sizeof *out->items);
    if (!out->items)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    if (in->n > 0) {
        if (make_matcher(ev, &out->items[0], PROMQL_MATCH_REGEX, "__name__", ".+_info") != 0)
            return -1;
        memcpy(out->items + 1, in->items, in->n * sizeof *in->items);
        out->n = in->n + 1;
        return 0;
    }
    if (make_matcher(ev, &out->items[0], PROMQL_MATCH_EQUAL, "__name__", "target_info") != 0)
        return -1;
    out->n = 1;
    return 0;
}

/* The @ and offset of the first vector selector in expr (pre-order), with the offsets of
 * enclosing subqueries added until one carries an @ (infoSelectTimestampAndOffset). */
static bool find_selector(const pq_node *n, const pq_node **path, size_t depth, pq_modifiers *mod)
{
    if (!n || depth >= 64)
        return false;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR: {
        *mod = n->u.selector.mod;
        int64_t off = n->u.selector.mod.original_offset_ms;
        bool has_at = n->u.selector.mod.at_kind != PQ_AT_NONE;
        for (size_t i = depth; !has_at && i > 0; i--) {
            const pq_node *p = path[i - 1];
            if (p->kind == PQ_NODE_SUBQUERY) {
                off += p->u.subquery.mod.original_offset_ms;
                if (p->u.subquery.mod.at_kind != PQ_AT_NONE) {
                    mod->at_kind = p->u.subquery.mod.at_kind;
                    mod->at_ms = p->u.subquery.mod.at_ms;
                    has_at = true;
                }
            }
        }
        mod->original_offset_ms = off;
        mod->offset_ms = off;
        mod->offset_expr = NULL;
        mod->has_offset = off != 0;
        return true;
    }
    case PQ_NODE_MATRIX_SELECTOR:
        path[depth] = n;
        return find_selector(n->u.matrix.vs, path, depth + 1, mod);
    case PQ_NODE_SUBQUERY:
        path[depth] = n;
        return find_selector(n->u.subquery.expr, path, depth + 1, mod);
    case PQ_NODE_UNARY:
        path[depth] = n;
        return find_selector(n->u.unary.expr, path, depth + 1, mod);
    case PQ_NODE_BINARY:
        path[depth] = n;
        return find_selector(n->u.binary.lhs, path, depth + 1, mod) ||
               find_selector(n->u.binary.rhs, path, depth + 1, mod);
    case PQ_NODE_PAREN:
        path[depth] = n;
        return find_selector(n->u.paren.expr, path, depth + 1, mod);
    case PQ_NODE_STEP_INVARIANT:
        path[depth] = n;
        return find_selector(n->u.step_invariant.expr, path, depth + 1, mod);
    case PQ_NODE_CALL:
        path[depth] = n;
        for (size_t i = 0; i < n->u.call.arg_count; i++)
            if (find_selector(n->u.call.args[i], path, depth + 1, mod))
                return true;
        return false;
    case PQ_NODE_AGGREGATE:
        path[depth] = n;
        return find_selector(n->u.aggregate.param, path, depth + 1, mod) ||
               find_selector(n->u.aggregate.expr, path, depth + 1, mod);
    default:
        return false;
    }
}

/* The info series at every step, with the timestamp of the picked sample. */
typedef struct info_data {
    pq_vector vec;
    pq_matrix m;
    const pq_range_series **rs;   /* [vec.count] matching matrix series */
    pq_window *w;                 /* scratch */
} info_data;

static int fetch_info(pq_eval *ev, const pq_node *at, matcher_list *ms, const pq_modifiers *mod,
                      info_data *d)
{
    pq_node *vs = pq_arena_calloc(ev->arena, 1, sizeof *vs);
    pq_node *mx = pq_arena_calloc(ev->arena, 1, sizeof *mx);
    if (!vs || !mx)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    vs->kind = PQ_NODE_VECTOR_SELECTOR;
    vs->type = PQ_TYPE_VECTOR;
    vs->pos_start = at->pos_start;
    vs->pos_end = at->pos_end;
    vs->u.selector.matchers = ms->items;
    vs->u.selector.matcher_count = ms->n;
    vs->u.selector.mod = *mod;
    vs->u.selector.bypass_empty_matcher_check = true;
    pq_value v;
    if (pq_eval_node(ev, vs, &v) != 0)
        return -1;
    if (v.type != PQ_TYPE_VECTOR)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "info series are not a vector");
    d->vec = v.u.vector;
    mx->kind = PQ_NODE_MATRIX_SELECTOR;
    mx->type = PQ_TYPE_MATRIX;
    mx->pos_start = at->pos_start;
    mx->pos_end = at->pos_end;
    mx->u.matrix.vs = vs;
    mx->u.matrix.range_ms = ev->lookback_ms;
    if (pq_eval_matrix(ev, mx, &d->m) != 0)
        return -1;
    d->rs = pq_arena_calloc(ev->arena, d->vec.count + 1, sizeof *d->rs);
    d->w = pq_arena_alloc(ev->arena, (ev->nsteps + 1) * sizeof *d->w);
    if (!d->rs || !d->w)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < d->vec.count; i++) {
        for (size_t k = 0; k < d->m.count; k++) {
            if (pq_labels_equal(d->m.series[k].labels, d->vec.series[i].labels)) {
                d->rs[i] = &d->m.series[k];
                break;
            }
        }
        const pq_series *s = &d->vec.series[i];
        if (s->hists)
            for (size_t st = 0; st < ev->nsteps; st++)
                if (pq_bit_get(s->present, st) && s->hists[st])
                    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                        "this should be an info metric, with float samples: %s",
                                        pq_labels_string(ev, s->labels));
    }
    return 0;
}

static bool same_id(promql_labels a, promql_labels b)
{
    for (size_t i = 0; i < 2; i++) {
        const char *x = pq_labels_get(a, id_labels[i]), *y = pq_labels_get(b, id_labels[i]);
        if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
            return false;
    }
    return true;
}

/* Hash of the identifying labels (presence and values), to find matching series quickly. */
static uint64_t id_hash(promql_labels ls)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < 2; i++) {
        const char *v = pq_labels_get(ls, id_labels[i]);
        h = (h ^ (v ? 1u : 2u)) * 1099511628211ULL;
        for (; v && *v; v++)
            h = (h ^ (unsigned char)*v) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL;
    }
    return h;
}

typedef struct info_cand {
    uint64_t idh;
    const char *name;
    size_t idx;
} info_cand;

static int cand_cmp(const void *a, const void *b)
{
    const info_cand *x = a, *y = b;
    if (x->idh != y->idh)
        return x->idh < y->idh ? -1 : 1;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

/* Output series keyed by labels. */
typedef struct out_map {
    size_t *slots;  /* index + 1, 0 empty */
    size_t cap;
} out_map;

static int out_find(pq_eval *ev, out_map *om, pq_vector *out, promql_labels ls, bool drop,
                    size_t *idx)
{
    if (out->count * 2 + 2 > om->cap) {
        size_t cap = om->cap ? om->cap * 2 : 64;
        while (cap < out->count * 2 + 2)
            cap *= 2;
        size_t *slots = pq_arena_calloc(ev->arena, cap, sizeof *slots);
        if (!slots)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        for (size_t i = 0; i < out->count; i++) {
            size_t h = (size_t)pq_labels_hash(out->series[i].labels) & (cap - 1);
            while (slots[h])
                h = (h + 1) & (cap - 1);
            slots[h] = i + 1;
        }
        om->slots = slots;
        om->cap = cap;
    }
    size_t h = (size_t)pq_labels_hash(ls) & (om->cap - 1);
    while (om->slots[h]) {
        if (pq_labels_equal(out->series[om->slots[h] - 1].labels, ls)) {
            *idx = om->slots[h] - 1;
            return 0;
        }
        h = (h + 1) & (om->cap - 1);
    }
    pq_series *s = pq_vector_add(ev, out, ls);
    if (!s)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    s->drop_name = drop;
    om->slots[h] = out->count;
    *idx = out->count - 1;
    return 0;
}

int pq_fn_info_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    pq_vector base;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &base) != 0)
        return -1;

    /* Data-label matchers (by label name) and the info-name matchers. */
    matcher_list data = {NULL, 0}, names = {NULL, 0};
    const pq_node *sel = pq_fn_nargs(call) > 1 ? pq_node_unwrap(pq_fn_arg(call, 1)) : NULL;
    if (sel && sel->kind == PQ_NODE_VECTOR_SELECTOR) {
        size_t n = sel->u.selector.matcher_count;
        data.items = pq_arena_alloc(ev->arena, (n + 1) * sizeof *data.items);
        names.items = pq_arena_alloc(ev->arena, (n + 1) * sizeof *names.items);
        if (!data.items || !names.items)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        for (size_t i = 0; i < n; i++) {
            const pq_matcher *m = &sel->u.selector.matchers[i];
            if (strcmp(m->name, "__name__") == 0)
                names.items[names.n++] = *m;
            else
                data.items[data.n++] = *m;
        }
    } else {
        names.items = pq_arena_alloc(ev->arena, sizeof *names.items);
        if (!names.items ||
            make_matcher(ev, &names.items[0], PROMQL_MATCH_EQUAL, "__name__", "target_info") != 0)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        names.n = 1;
    }
    matcher_list eff;
    if (effective_name_matchers(ev, &names, &eff) != 0)
        return -1;

    /* Base series that are info metrics themselves pass through. */
    bool *ignore = pq_arena_calloc(ev->arena, base.count + 1, sizeof *ignore);
    if (!ignore)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < base.count; i++) {
        const char *nm = pq_fn_metric_name(base.series[i].labels);
        bool all = true;
        for (size_t k = 0; k < eff.n && all; k++)
            all = matcher_matches(&eff.items[k], nm);
        ignore[i] = all;
    }

    /* Identifying label values of the other series. */
    pq_strbuf re[2];
    bool have[2] = {false, false};
    for (size_t l = 0; l < 2; l++) {
        pq_strbuf_init(&re[l]);
        for (size_t i = 0; i < base.count; i++) {
            if (ignore[i])
                continue;
            const char *v = pq_labels_get(base.series[i].labels, id_labels[l]);
            if (!v || !*v)
                continue;
            bool dup = false;
            for (size_t k = 0; k < i && !dup; k++) {
                const char *w = ignore[k] ? NULL : pq_labels_get(base.series[k].labels, id_labels[l]);
                dup = w && strcmp(v, w) == 0;
            }
            if (dup)
                continue;
            if (have[l])
                pq_strbuf_putc(&re[l], '|');
            quote_meta(&re[l], v);
            have[l] = true;
        }
    }

    info_data d;
    memset(&d, 0, sizeof d);
    if (have[0] || have[1]) {
        matcher_list ms;
        ms.items = pq_arena_alloc(ev->arena, (2 + data.n + eff.n + 2) * sizeof *ms.items);
        ms.n = 0;
        if (!ms.items) {
            pq_strbuf_free(&re[0]);
            pq_strbuf_free(&re[1]);
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        }
        int rc = 0;
        for (size_t l = 0; l < 2 && rc == 0; l++) {
            if (!have[l])
                continue;
            char *s = pq_strbuf_finish(&re[l]);
            rc = s ? make_matcher(ev, &ms.items[ms.n++], PROMQL_MATCH_REGEX, id_labels[l], s)
                   : pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            free(s);
        }
        pq_strbuf_free(&re[0]);
        pq_strbuf_free(&re[1]);
        if (rc != 0)
            return -1;
        for (size_t i = 0; i < data.n; i++)
            ms.items[ms.n++] = data.items[i];
        /* the name matchers of the data-label selector, made effective */
        matcher_list effn;
        matcher_list sel_names = {names.items, sel ? names.n : 0};
        if (effective_name_matchers(ev, &sel_names, &effn) != 0)
            return -1;
        for (size_t i = 0; i < effn.n; i++)
            ms.items[ms.n++] = effn.items[i];
        pq_modifiers mod;
        memset(&mod, 0, sizeof mod);
        const pq_node *path[64];
        find_selector(pq_fn_arg(call, 0), path, 0, &mod);
        if (fetch_info(ev, call, &ms, &mod, &d) != 0)
            return -1;
    } else {
        pq_strbuf_free(&re[0]);
        pq_strbuf_free(&re[1]);
    }

    /* Do all data-label matchers accept a missing label? (then unmatched series stay) */
    bool all_match_empty = true;
    for (size_t i = 0; i < data.n && all_match_empty; i++)
        all_match_empty = matcher_matches(&data.items[i], "");

    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    out_map om = {NULL, 0};
    size_t ni = d.vec.count;
    int64_t *orig_t = pq_arena_alloc(ev->arena, (ni + 1) * sizeof *orig_t);
    size_t *best = pq_arena_alloc(ev->arena, (ni + 1) * sizeof *best);
    /* the timestamp of the sample each info series contributes at each step (INT64_MIN: none) */
    int64_t *picked = pq_arena_alloc(ev->arena, (ni * ev->nsteps + 1) * sizeof *picked);
    uint64_t *best_idh = pq_arena_alloc(ev->arena, (ni + 1) * sizeof *best_idh);
    uint64_t *info_idh = pq_arena_alloc(ev->arena, (ni + 1) * sizeof *info_idh);
    uint64_t *base_idh = pq_arena_alloc(ev->arena, (base.count + 1) * sizeof *base_idh);
    info_cand *cand = pq_arena_alloc(ev->arena, (ni + 1) * sizeof *cand);
    if (!orig_t || !best || !picked || !best_idh || !info_idh || !base_idh || !cand)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < ni; i++)
        info_idh[i] = id_hash(d.vec.series[i].labels);
    for (size_t b = 0; b < base.count; b++)
        base_idh[b] = id_hash(base.series[b].labels);
    for (size_t i = 0; i < ni; i++) {
        int64_t *row = picked + i * ev->nsteps;
        for (size_t st = 0; st < ev->nsteps; st++)
            row[st] = INT64_MIN;
        if (!d.rs[i])
            continue;
        pq_matrix_windows(ev, &d.m, d.rs[i], d.w);
        for (size_t st = 0; st < ev->nsteps; st++)
            if (d.w[st].hi > d.w[st].lo)
                row[st] = d.rs[i]->t[d.w[st].hi - 1];
    }

    for (size_t st = 0; st < ev->nsteps; st++) {
        if (pq_eval_check_interrupt(ev) != 0)
            return -1;
        bool any_base = false;
        for (size_t b = 0; b < base.count && !any_base; b++)
            any_base = pq_bit_get(base.series[b].present, st);
        if (!any_base)
            continue; /* nothing to join (and no duplicate check), as upstream */
        /* The newest info sample per (name, instance, job) at this step: candidates sorted by
         * identity, each identity's samples replayed in series order as upstream does. */
        size_t nc = 0;
        for (size_t i = 0; i < ni; i++) {
            if (!pq_bit_get(d.vec.series[i].present, st) || picked[i * ev->nsteps + st] == INT64_MIN)
                continue;
            orig_t[i] = picked[i * ev->nsteps + st];
            cand[nc].idh = info_idh[i];
            cand[nc].name = pq_fn_metric_name(d.vec.series[i].labels);
            cand[nc].idx = i;
            nc++;
        }
        qsort(cand, nc, sizeof *cand, cand_cmp);
        size_t nb = 0;
        for (size_t k = 0; k < nc;) {
            size_t e = k + 1;
            while (e < nc && cand[e].idh == cand[k].idh && strcmp(cand[e].name, cand[k].name) == 0)
                e++;
            /* within a hash run, different identities may collide: group by same_id */
            for (size_t a = k; a < e; a++) {
                if (cand[a].idx == SIZE_MAX)
                    continue;
                size_t cur = cand[a].idx;
                for (size_t q = a + 1; q < e; q++) {
                    if (cand[q].idx == SIZE_MAX)
                        continue;
                    const pq_series *ex = &d.vec.series[cur], *nw = &d.vec.series[cand[q].idx];
                    if (!same_id(ex->labels, nw->labels))
                        continue;
                    int64_t et = orig_t[cur], nt = orig_t[cand[q].idx];
                    if (et < nt)
                        cur = cand[q].idx;
                    else if (et == nt)
                        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                            "found duplicate series for info metric: existing %s "
                                            "@ %lld, new %s @ %lld",
                                            pq_labels_string(ev, ex->labels), (long long)et,
                                            pq_labels_string(ev, nw->labels), (long long)nt);
                    cand[q].idx = SIZE_MAX;
                }
                best[nb] = cur;
                best_idh[nb++] = cand[a].idh;
            }
            k = e;
        }
        for (size_t b = 0; b < base.count; b++) {
            const pq_series *bs = &base.series[b];
            if (!pq_bit_get(bs->present, st))
                continue;
            promql_labels ls = bs->labels;
            if (!ignore[b]) {
                promql_labels add = {NULL, 0};
                size_t seen = 0;
                size_t lo = 0, hi = nb;
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (best_idh[mid] < base_idh[b])
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                for (size_t k = lo; k < nb && best_idh[k] == base_idh[b]; k++) {
                    const pq_series *is = &d.vec.series[best[k]];
                    if (!same_id(is->labels, bs->labels))
                        continue;
                    seen++;
                    for (size_t l = 0; l < is->labels.count; l++) {
                        const promql_label *lab = &is->labels.items[l];
                        if (strcmp(lab->name, "__name__") == 0)
                            continue;
                        if (data.n > 0) {
                            bool listed = false;
                            for (size_t q = 0; q < data.n && !listed; q++)
                                listed = strcmp(data.items[q].name, lab->name) == 0;
                            if (!listed)
                                continue;
                        }
                        const char *cur = pq_labels_get(add, lab->name);
                        if (cur && strcmp(cur, lab->value) != 0)
                            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "conflicting label: %s",
                                                lab->name);
                        if (pq_labels_get(bs->labels, lab->name))
                            continue;
                        add = pq_labels_set(ev, add, lab->name, lab->value);
                    }
                }
                if (seen == 0 && !all_match_empty)
                    continue;
                for (size_t l = 0; l < add.count; l++)
                    ls = pq_labels_set(ev, ls, add.items[l].name, add.items[l].value);
            }
            size_t oi = 0;
            if (out_find(ev, &om, &out->u.vector, ls, bs->drop_name, &oi) != 0)
                return -1;
            pq_series *o = &out->u.vector.series[oi];
            if (pq_bit_get(o->present, st))
                return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                    "vector cannot contain metrics with the same labelset");
            pq_bit_set(o->present, st);
            o->values[st] = bs->values[st];
            if (bs->hists && bs->hists[st]) {
                if (!o->hists) {
                    o->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *o->hists);
                    if (!o->hists)
                        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
                }
                o->hists[st] = bs->hists[st];
            }
        }
    }
    return 0;
}
