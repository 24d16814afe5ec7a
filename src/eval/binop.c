/*
 * binop.c -- binary operators over all steps: scalar/scalar, vector/scalar, scalar/vector, and
 * vector/vector with label matching (on/ignoring, group_left/group_right, include labels, the
 * 3.x fill modifiers), set operators (bitwise on presence bitmaps: one OR-mask per match group),
 * `bool`, and Prometheus's matching errors. Float arithmetic is Go's: IEEE division, math.Mod
 * (fmod), math.Pow (pow), math.Atan2.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "eval/histogram.h"

#define OOM(ev) pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation")

static bool changes_metric_schema(pq_op op)
{
    switch (op) {
    case PQ_OP_ADD: case PQ_OP_SUB: case PQ_OP_MUL: case PQ_OP_DIV: case PQ_OP_POW: case PQ_OP_MOD:
    case PQ_OP_ATAN2:
        return true;
    default:
        return false;
    }
}

static double arith(pq_op op, double l, double r)
{
    switch (op) {
    case PQ_OP_ADD: return l + r;
    case PQ_OP_SUB: return l - r;
    case PQ_OP_MUL: return l * r;
    case PQ_OP_DIV: return l / r;
    case PQ_OP_POW: return pow(l, r);
    case PQ_OP_MOD: return fmod(l, r);
    case PQ_OP_ATAN2: return atan2(l, r);
    default: return NAN;
    }
}

static bool compare(pq_op op, double l, double r)
{
    switch (op) {
    case PQ_OP_EQLC: return l == r;
    case PQ_OP_NEQ: return l != r;
    case PQ_OP_GTR: return l > r;
    case PQ_OP_LSS: return l < r;
    case PQ_OP_GTE: return l >= r;
    case PQ_OP_LTE: return l <= r;
    default: return false;
    }
}

double pq_scalar_binop(pq_op op, double l, double r)
{
    if (pq_op_is_comparison(op))
        return compare(op, l, r) ? 1 : 0;
    return arith(op, l, r);
}

/* ---- histogram operands ------------------------------------------------------------------ */

static promql_histogram *hist_new(pq_eval *ev)
{
    return pq_arena_calloc(ev->arena, 1, sizeof(promql_histogram));
}

/* A histogram result, compacted as Prometheus does before returning it. NULL with *bad set when
 * the library refused (malformed input or OOM). */
static promql_histogram *hist_compacted(pq_eval *ev, promql_histogram *h, pq_hist_status st, bool *bad)
{
    promql_histogram *c;
    if (st != PQ_HIST_OK || !(c = hist_new(ev)) || pq_hist_compact(ev->arena, h, 0, c) != PQ_HIST_OK) {
        *bad = true;
        return NULL;
    }
    return c;
}

static void hist_flags_annotate(pq_eval *ev, const pq_node *node, unsigned flags, const char *operation)
{
    if (flags & PQ_HIST_FLAG_NHCB_BOUNDS_RECONCILED)
        pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, node,
                         "PromQL info: mismatched custom buckets were reconciled during %s", operation);
}

/* One element operation (Prometheus's vectorElemBinop). Returns 0 with *keep set, or 1 when the
 * sample is dropped (with an annotation where Prometheus gives one), or -1 on OOM. */
static int elem_binop(pq_eval *ev, const pq_node *node, pq_op op, double l, double r, const promql_histogram *hl,
                      const promql_histogram *hr, double *val, promql_histogram **h, bool *keep)
{
    *h = NULL;
    *val = 0;
    const char *lt = hl ? "histogram" : "float", *rt = hr ? "histogram" : "float";
    bool bad = false;
    if (!hl && !hr) {
        if (op == PQ_OP_TRIM_UPPER || op == PQ_OP_TRIM_LOWER)
            goto incompatible;
        if (pq_op_is_comparison(op)) {
            *val = l;
            *keep = compare(op, l, r);
        } else {
            *val = arith(op, l, r);
            *keep = true;
        }
        return 0;
    }
    if (!hl && hr) {
        if (op == PQ_OP_MUL) {
            promql_histogram *t = hist_new(ev);
            if (!t)
                return -1;
            *h = hist_compacted(ev, t, pq_hist_mul(ev->arena, hr, l, t), &bad);
            *keep = !bad;
            return bad ? 1 : 0;
        }
        goto incompatible;
    }
    if (hl && !hr) {
        promql_histogram *t = hist_new(ev);
        if (!t)
            return -1;
        switch (op) {
        case PQ_OP_MUL:
            *h = hist_compacted(ev, t, pq_hist_mul(ev->arena, hl, r, t), &bad);
            break;
        case PQ_OP_DIV:
            *h = hist_compacted(ev, t, pq_hist_div(ev->arena, hl, r, t), &bad);
            break;
        case PQ_OP_TRIM_UPPER:
        case PQ_OP_TRIM_LOWER:
            if (pq_hist_trim(ev->arena, hl, r, op == PQ_OP_TRIM_UPPER, t) != PQ_HIST_OK)
                bad = true;
            else
                *h = t;
            break;
        default:
            goto incompatible;
        }
        *keep = !bad;
        return bad ? 1 : 0;
    }
    switch (op) {
    case PQ_OP_ADD:
    case PQ_OP_SUB: {
        promql_histogram *t = hist_new(ev);
        if (!t)
            return -1;
        unsigned flags = 0;
        pq_hist_status st = op == PQ_OP_ADD ? pq_hist_add(ev->arena, hl, hr, t, &flags)
                                            : pq_hist_sub(ev->arena, hl, hr, t, &flags);
        const char *operation = op == PQ_OP_ADD ? "addition" : "subtraction";
        if (st == PQ_HIST_ERR_INCOMPATIBLE_SCHEMA) {
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node,
                             "PromQL warning: incompatible bucket layout encountered for binary operator %s",
                             pq_op_name(op));
            *keep = false;
            return 1;
        }
        if (st == PQ_HIST_ERR_NOMEM)
            return -1;
        if (st != PQ_HIST_OK) {
            *keep = false;
            return 1;
        }
        if (op == PQ_OP_SUB)
            t->counter_reset_hint = PROMQL_HINT_GAUGE;
        hist_flags_annotate(ev, node, flags, operation);
        if (flags & PQ_HIST_FLAG_COUNTER_RESET_COLLISION) {
            /* Upstream returns the collision as the error of the element operation, which
             * drops the sample. */
            pq_eval_annotate(ev, PROMQL_ANNOTATION_WARNING, node,
                             "PromQL warning: conflicting counter resets during histogram %s", operation);
            *keep = false;
            return 1;
        }
        *h = hist_compacted(ev, t, PQ_HIST_OK, &bad);
        *keep = !bad;
        return bad ? 1 : 0;
    }
    case PQ_OP_EQLC:
    case PQ_OP_NEQ:
        *h = (promql_histogram *)hl;
        *keep = pq_hist_equals(hl, hr) == (op == PQ_OP_EQLC);
        return 0;
    default:
        break;
    }
incompatible:
    pq_eval_annotate(ev, PROMQL_ANNOTATION_INFO, node,
                     "PromQL info: incompatible sample types encountered for binary operator \"%s\": %s %s %s",
                     pq_op_name(op), lt, pq_op_name(op), rt);
    *keep = false;
    return 1;
}

static int set_hist(pq_eval *ev, pq_series *s, size_t i, promql_histogram *h)
{
    if (!h)
        return 0;
    if (!s->hists && !(s->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *s->hists)))
        return OOM(ev);
    s->hists[i] = h;
    return 0;
}

int pq_vector_finish(pq_eval *ev, pq_vector *v)
{
    /* Drop series with no point, then merge equal label sets (Prometheus's per-step output
     * map for range queries; the duplicate check for instant ones without delayed removal). */
    size_t words = pq_bitmap_words(ev->nsteps), out = 0;
    for (size_t k = 0; k < v->count; k++) {
        bool any = false;
        for (size_t w = 0; w < words && !any; w++)
            any = v->series[k].present[w] != 0;
        if (any)
            v->series[out++] = v->series[k];
    }
    v->count = out;
    if (ev->nsteps > 1 || !ev->delayed_name_removal)
        return pq_vector_merge_same_labels(ev, v);
    return 0;
}

/* ---- vector/scalar ------------------------------------------------------------------------- */

static int vector_scalar(pq_eval *ev, const pq_node *node, const pq_vector *vec, const double *sc, bool swap,
                         pq_value *out)
{
    pq_op op = node->u.binary.op;
    bool rb = node->u.binary.return_bool;
    bool cmp = pq_op_is_comparison(op);
    bool renames = changes_metric_schema(op) || rb;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    for (size_t k = 0; k < vec->count; k++) {
        const pq_series *in = &vec->series[k];
        promql_labels ls = in->labels;
        if (renames && !ev->delayed_name_removal)
            ls = pq_labels_drop_metadata(ev, ls);
        pq_series *o = pq_vector_add(ev, &out->u.vector, ls);
        if (!o)
            return -1;
        o->drop_name = in->drop_name || renames;
        for (size_t i = 0; i < ev->nsteps; i++) {
            if (!pq_bit_get(in->present, i))
                continue;
            double lf = in->values[i], rf = sc[i];
            const promql_histogram *lh = in->hists ? in->hists[i] : NULL, *rh = NULL;
            if (swap) {
                double t = lf;
                lf = rf;
                rf = t;
                rh = lh;
                lh = NULL;
            }
            double val;
            promql_histogram *h;
            bool keep;
            int r = elem_binop(ev, node, op, lf, rf, lh, rh, &val, &h, &keep);
            if (r < 0)
                return OOM(ev);
            if (r > 0)
                continue;
            if (cmp && swap) {
                val = rf;
                h = (promql_histogram *)rh;
            }
            if (rb) {
                val = keep ? 1 : 0;
                keep = true;
            }
            if (!keep)
                continue;
            pq_bit_set(o->present, i);
            o->values[i] = val;
            if (set_hist(ev, o, i, h))
                return -1;
        }
    }
    return pq_vector_finish(ev, &out->u.vector);
}

/* ---- match signatures ------------------------------------------------------------------------ */


static promql_labels match_labels(pq_eval *ev, promql_labels ls, const pq_vector_matching *m)
{
    /* Prometheus's MatchLabels: on keeps the names; ignoring drops them and __name__. */
    return pq_labels_keep_drop(ev, ls, &m->matching_labels, m->on, !m->on);
}

static int signatures(pq_eval *ev, const pq_vector *v, const pq_vector_matching *m, pq_labelset_table *t, size_t **ords)
{
    *ords = pq_arena_alloc(ev->arena, (v->count ? v->count : 1) * sizeof(size_t));
    if (!*ords)
        return OOM(ev);
    for (size_t k = 0; k < v->count; k++) {
        promql_labels sig = match_labels(ev, v->series[k].labels, m);
        if (ev->arena->failed)
            return OOM(ev);
        if (pq_labelset_intern(ev, t, sig, &(*ords)[k]))
            return -1;
    }
    return 0;
}

/* ---- set operators --------------------------------------------------------------------------- */

static int set_op(pq_eval *ev, const pq_node *node, const pq_vector *L, const pq_vector *R, pq_value *out)
{
    const pq_vector_matching *m = node->u.binary.matching;
    pq_op op = node->u.binary.op;
    pq_labelset_table t = {0};
    size_t *lord, *rord;
    if (signatures(ev, L, m, &t, &lord) || signatures(ev, R, m, &t, &rord))
        return -1;
    size_t words = pq_bitmap_words(ev->nsteps);
    /* masks[ord]: the steps at which the other side has a series of that match group. */
    uint64_t *masks = pq_arena_calloc(ev->arena, (t.count ? t.count : 1) * words, sizeof(uint64_t));
    if (!masks)
        return OOM(ev);
    const pq_vector *other = op == PQ_OP_LOR ? L : R;
    const size_t *oord = op == PQ_OP_LOR ? lord : rord;
    for (size_t k = 0; k < other->count; k++)
        for (size_t w = 0; w < words; w++)
            masks[oord[k] * words + w] |= other->series[k].present[w];
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    pq_vector *o = &out->u.vector;

#define ADD_FILTERED(src, ord, invert)                                                     \
    do {                                                                                   \
        uint64_t *bm = pq_arena_alloc(ev->arena, words * sizeof(uint64_t));                \
        if (!bm)                                                                           \
            return OOM(ev);                                                                \
        bool any = false;                                                                  \
        for (size_t w = 0; w < words; w++) {                                               \
            uint64_t mk = masks[(ord) * words + w];                                        \
            bm[w] = (src)->present[w] & ((invert) ? ~mk : mk);                             \
            any |= bm[w] != 0;                                                             \
        }                                                                                  \
        if (any) {                                                                         \
            if (o->count == o->cap) {                                                      \
                size_t ncap = o->cap ? o->cap * 2 : 8;                                     \
                pq_series *ns = pq_arena_realloc(ev->arena, o->series, o->cap * sizeof *ns, \
                                                 ncap * sizeof *ns);                       \
                if (!ns)                                                                   \
                    return OOM(ev);                                                        \
                o->series = ns;                                                            \
                o->cap = ncap;                                                             \
            }                                                                              \
            o->series[o->count] = *(src);                                                  \
            o->series[o->count].present = bm;                                              \
            o->count++;                                                                    \
        }                                                                                  \
    } while (0)

    switch (op) {
    case PQ_OP_LAND:
        for (size_t k = 0; k < L->count; k++)
            ADD_FILTERED(&L->series[k], lord[k], false);
        break;
    case PQ_OP_LUNLESS:
        for (size_t k = 0; k < L->count; k++)
            ADD_FILTERED(&L->series[k], lord[k], true);
        break;
    default: /* or */
        for (size_t k = 0; k < L->count; k++) {
            if (o->count == o->cap) {
                size_t ncap = o->cap ? o->cap * 2 : 8;
                pq_series *ns = pq_arena_realloc(ev->arena, o->series, o->cap * sizeof *ns, ncap * sizeof *ns);
                if (!ns)
                    return OOM(ev);
                o->series = ns;
                o->cap = ncap;
            }
            o->series[o->count++] = L->series[k];
        }
        for (size_t k = 0; k < R->count; k++)
            ADD_FILTERED(&R->series[k], rord[k], true);
        break;
    }
#undef ADD_FILTERED
    return pq_vector_finish(ev, o);
}

/* ---- vector/vector arithmetic and comparisons -------------------------------------------- */

typedef struct pair_map {
    uint64_t *keys;
    size_t *vals;
    size_t cap, count;
} pair_map;

static size_t *pair_slot(pq_eval *ev, pair_map *pm, uint64_t key, bool *fresh)
{
    if ((pm->count + 1) * 2 > pm->cap) {
        size_t ncap = pm->cap ? pm->cap * 2 : 64;
        uint64_t *nk = pq_arena_alloc(ev->arena, ncap * sizeof *nk);
        size_t *nv = pq_arena_alloc(ev->arena, ncap * sizeof *nv);
        if (!nk || !nv)
            return NULL;
        memset(nk, 0, ncap * sizeof *nk);
        for (size_t i = 0; i < pm->cap; i++) {
            if (!pm->keys[i])
                continue;
            size_t s = (pm->keys[i] * 0x9E3779B97F4A7C15ULL) >> 7 & (ncap - 1);
            while (nk[s])
                s = (s + 1) & (ncap - 1);
            nk[s] = pm->keys[i];
            nv[s] = pm->vals[i];
        }
        pm->keys = nk;
        pm->vals = nv;
        pm->cap = ncap;
    }
    size_t s = (key * 0x9E3779B97F4A7C15ULL) >> 7 & (pm->cap - 1);
    while (pm->keys[s]) {
        if (pm->keys[s] == key) {
            *fresh = false;
            return &pm->vals[s];
        }
        s = (s + 1) & (pm->cap - 1);
    }
    pm->keys[s] = key;
    pm->count++;
    *fresh = true;
    return &pm->vals[s];
}

typedef struct vv_state {
    pq_eval *ev;
    const pq_node *node;
    const pq_vector_matching *m;
    pq_op op;
    bool rb, swapped;
    const pq_vector *L, *R;
    size_t *lord, *rord;
    pair_map pairs;
    pq_labelset_table outs;          /* result label sets -> output series index */
    size_t *out_stamp;       /* per output series: step+1 of its last write */
    size_t *out_ord;         /* ... and the match group that wrote it */
    size_t *val_stamp;       /* per output series: step+1 of its last value */
    size_t *mstamp;          /* per match group: step+1 when it was matched */
    pq_vector *o;
    size_t out_cap;
} vv_state;

static promql_labels result_metric(vv_state *st, promql_labels ls, promql_labels rs)
{
    pq_eval *ev = st->ev;
    const pq_vector_matching *m = st->m;
    promql_labels r = ls;
    if ((!ev->delayed_name_removal && st->rb) || changes_metric_schema(st->op))
        r = pq_labels_drop_metadata(ev, r);
    if (m->card == PQ_CARD_ONE_TO_ONE)
        r = pq_labels_keep_drop(ev, r, &m->matching_labels, m->on, false);
    for (size_t i = 0; i < m->include.count; i++) {
        const char *v = pq_labels_get(rs, m->include.items[i]);
        r = pq_labels_set(ev, r, m->include.items[i], v ? v : "");
    }
    return r;
}

static int do_binop(vv_state *st, size_t step, long li, long rj, size_t ord)
{
    pq_eval *ev = st->ev;
    const pq_vector_matching *m = st->m;
    const pq_series *Ls = li >= 0 ? &st->L->series[li] : NULL;
    const pq_series *Rs = rj >= 0 ? &st->R->series[rj] : NULL;
    double fl, fr;
    const promql_histogram *hl = NULL, *hr = NULL;
    if (Ls) {
        fl = Ls->values[step];
        hl = Ls->hists ? Ls->hists[step] : NULL;
    } else {
        fl = m->fill_lhs;
    }
    if (Rs) {
        fr = Rs->values[step];
        hr = Rs->hists ? Rs->hists[step] : NULL;
    } else {
        fr = m->fill_rhs;
    }
    if (st->swapped) {
        double t = fl;
        fl = fr;
        fr = t;
        const promql_histogram *th = hl;
        hl = hr;
        hr = th;
    }
    double val;
    promql_histogram *h;
    bool keep;
    int r = elem_binop(ev, st->node, st->op, fl, fr, hl, hr, &val, &h, &keep);
    if (r < 0)
        return OOM(ev);
    if (r > 0)
        return 0;
    if (st->rb) {
        h = NULL;
        val = keep ? 1 : 0;
    }
    /* The output series of this (lhs, rhs) pair. */
    bool fresh;
    uint64_t key = ((uint64_t)(li + 1) << 32) | (uint64_t)(rj + 1);
    size_t *slot = pair_slot(ev, &st->pairs, key, &fresh);
    if (!slot)
        return OOM(ev);
    if (fresh) {
        promql_labels ll = Ls ? Ls->labels : match_labels(ev, Rs->labels, m);
        promql_labels rl = Rs ? Rs->labels : match_labels(ev, Ls->labels, m);
        promql_labels res = result_metric(st, ll, rl);
        if (ev->arena->failed)
            return OOM(ev);
        size_t before = st->outs.count, idx;
        if (pq_labelset_intern(ev, &st->outs, res, &idx))
            return -1;
        if (st->outs.count > before) {
            pq_series *o = pq_vector_add(ev, st->o, res);
            if (!o)
                return -1;
            o->drop_name = st->rb;
            if (st->o->count > st->out_cap) {
                size_t ncap = st->out_cap ? st->out_cap * 2 : 64;
                while (ncap < st->o->count)
                    ncap *= 2;
                size_t *a = pq_arena_realloc(ev->arena, st->out_stamp, st->out_cap * sizeof *a, ncap * sizeof *a);
                size_t *b = pq_arena_realloc(ev->arena, st->out_ord, st->out_cap * sizeof *b, ncap * sizeof *b);
                size_t *c = pq_arena_realloc(ev->arena, st->val_stamp, st->out_cap * sizeof *c, ncap * sizeof *c);
                if (!a || !b || !c)
                    return OOM(ev);
                memset(a + st->out_cap, 0, (ncap - st->out_cap) * sizeof *a);
                memset(c + st->out_cap, 0, (ncap - st->out_cap) * sizeof *c);
                st->val_stamp = c;
                st->out_stamp = a;
                st->out_ord = b;
                st->out_cap = ncap;
            }
        }
        *slot = idx;
    }
    size_t oi = *slot;
    if (m->card == PQ_CARD_ONE_TO_ONE) {
        if (st->mstamp[ord] == step + 1)
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    } else if (st->out_stamp[oi] == step + 1 && st->out_ord[oi] == ord) {
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "multiple matches for labels: grouping labels must ensure unique matches");
    }
    st->mstamp[ord] = step + 1;
    st->out_stamp[oi] = step + 1;
    st->out_ord[oi] = ord;
    if (!keep && !st->rb)
        return 0;
    if (st->val_stamp[oi] == step + 1)
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION, "vector cannot contain metrics with the same labelset");
    st->val_stamp[oi] = step + 1;
    pq_series *o = &st->o->series[oi];
    pq_bit_set(o->present, step);
    o->values[step] = val;
    return set_hist(ev, o, step, h);
}

static int dup_error(vv_state *st, size_t a, size_t b)
{
    pq_eval *ev = st->ev;
    const char *side = st->m->card == PQ_CARD_ONE_TO_MANY ? "left" : "right";
    promql_labels ml = pq_labels_keep_drop(ev, st->R->series[a].labels, &st->m->matching_labels, st->m->on, !st->m->on);
    char *mstr = pq_labels_string(ev, ml);
    char *d1 = pq_labels_string(ev, st->R->series[a].labels);
    char *d2 = pq_labels_string(ev, st->R->series[b].labels);
    if (!mstr || !d1 || !d2)
        return OOM(ev);
    if (strcmp(d1, d2) > 0) {
        char *t = d1;
        d1 = d2;
        d2 = t;
    }
    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                        "found duplicate series for the match group %s on the %s hand-side of the operation: [%s, %s]"
                        ";many-to-many matching not allowed: matching labels must be unique on one side",
                        mstr, side, d1, d2);
}

/* One-to-one matching where every match group has at most one series on each side (the
 * common case): the pairs are fixed for all steps, so each pair is computed over the steps where
 * both sides are present, word by word of the presence bitmaps, with no per-step lookups.
 * Returns 0 when done, 1 when the general path must run, -1 on error. */
static int one_to_one_static(vv_state *st, size_t nsig)
{
    pq_eval *ev = st->ev;
    size_t *lcount = pq_arena_calloc(ev->arena, nsig ? nsig : 1, sizeof(size_t));
    long *rof = pq_arena_alloc(ev->arena, (nsig ? nsig : 1) * sizeof(long));
    if (!lcount || !rof)
        return OOM(ev);
    for (size_t g = 0; g < nsig; g++)
        rof[g] = -1;
    for (size_t i = 0; i < st->L->count; i++)
        if (++lcount[st->lord[i]] > 1)
            return 1;
    for (size_t j = 0; j < st->R->count; j++) {
        if (rof[st->rord[j]] >= 0)
            return 1;
        rof[st->rord[j]] = (long)j;
    }
    size_t words = pq_bitmap_words(ev->nsteps);
    for (size_t i = 0; i < st->L->count; i++) {
        long j = rof[st->lord[i]];
        if (j < 0)
            continue;
        const pq_series *ls = &st->L->series[i], *rs = &st->R->series[j];
        pq_series *o = NULL;
        for (size_t w = 0; w < words; w++) {
            uint64_t both = ls->present[w] & rs->present[w];
            while (both) {
                size_t s = w * 64 + (size_t)__builtin_ctzll(both);
                both &= both - 1;
                const promql_histogram *hl = ls->hists ? ls->hists[s] : NULL, *hr = rs->hists ? rs->hists[s] : NULL;
                double val;
                promql_histogram *h;
                bool keep;
                int r = elem_binop(ev, st->node, st->op, ls->values[s], rs->values[s], hl, hr, &val, &h, &keep);
                if (r < 0)
                    return OOM(ev);
                if (r > 0)
                    continue;
                if (st->rb) {
                    h = NULL;
                    val = keep ? 1 : 0;
                } else if (!keep) {
                    continue;
                }
                if (!o) {
                    promql_labels res = result_metric(st, ls->labels, rs->labels);
                    if (ev->arena->failed || !(o = pq_vector_add(ev, st->o, res)))
                        return OOM(ev);
                    o->drop_name = st->rb;
                }
                pq_bit_set(o->present, s);
                o->values[s] = val;
                if (set_hist(ev, o, s, h))
                    return -1;
            }
        }
        if ((i & 1023) == 1023 && pq_eval_check_interrupt(ev))
            return -1;
    }
    return 0;
}

static bool has_sample_at(const pq_vector *v, size_t step)
{
    for (size_t i = 0; i < v->count; i++)
        if (pq_bit_get(v->series[i].present, step))
            return true;
    return false;
}

/* Prometheus matches one step at a time and gives up on a step where a side is empty (unless a
 * fill value stands in for it) before it looks for duplicate match groups: duplicates on the
 * "one" side are only an error at a step where the other side has samples. */
static bool step_is_empty_match(const vv_state *st, size_t step)
{
    bool l_any = has_sample_at(st->L, step), r_any = has_sample_at(st->R, step);
    if (!l_any && !r_any)
        return true;
    return (!l_any || !r_any) && !st->m->has_fill_lhs && !st->m->has_fill_rhs;
}

static int vector_vector(pq_eval *ev, const pq_node *node, const pq_vector *lhs, const pq_vector *rhs, pq_value *out)
{
    vv_state st;
    memset(&st, 0, sizeof st);
    st.ev = ev;
    st.node = node;
    st.m = node->u.binary.matching;
    st.op = node->u.binary.op;
    st.rb = node->u.binary.return_bool;
    st.swapped = st.m->card == PQ_CARD_ONE_TO_MANY;
    st.L = st.swapped ? rhs : lhs;
    st.R = st.swapped ? lhs : rhs;
    out->type = PQ_TYPE_VECTOR;
    memset(&out->u.vector, 0, sizeof out->u.vector);
    st.o = &out->u.vector;
    const pq_vector_matching *m = st.m;
    if ((lhs->count == 0 && rhs->count == 0) ||
        ((lhs->count == 0 || rhs->count == 0) && !m->has_fill_lhs && !m->has_fill_rhs))
        return 0;

    pq_labelset_table sigs = {0};
    if (signatures(ev, st.L, m, &sigs, &st.lord) || signatures(ev, st.R, m, &sigs, &st.rord))
        return -1;
    size_t nsig = sigs.count ? sigs.count : 1;
    size_t *rsel = pq_arena_alloc(ev->arena, nsig * sizeof *rsel);
    size_t *rstamp = pq_arena_calloc(ev->arena, nsig, sizeof *rstamp);
    st.mstamp = pq_arena_calloc(ev->arena, nsig, sizeof *st.mstamp);
    if (!rsel || !rstamp || !st.mstamp)
        return OOM(ev);

    if (m->card == PQ_CARD_ONE_TO_ONE && !m->has_fill_lhs && !m->has_fill_rhs) {
        int r = one_to_one_static(&st, sigs.count);
        if (r <= 0)
            return r < 0 ? -1 : pq_vector_finish(ev, st.o);
    }

    for (size_t s = 0; s < ev->nsteps; s++) {
        if ((s & 15) == 15 && pq_eval_check_interrupt(ev)) /* a step can cost thousands of series */
            return -1;
        if (step_is_empty_match(&st, s))
            continue;
        for (size_t j = 0; j < st.R->count; j++) {
            if (!pq_bit_get(st.R->series[j].present, s))
                continue;
            size_t ord = st.rord[j];
            if (rstamp[ord] == s + 1)
                return dup_error(&st, j, rsel[ord]);
            rsel[ord] = j;
            rstamp[ord] = s + 1;
        }
        for (size_t i = 0; i < st.L->count; i++) {
            if (!pq_bit_get(st.L->series[i].present, s))
                continue;
            size_t ord = st.lord[i];
            long rj;
            if (rstamp[ord] == s + 1)
                rj = (long)rsel[ord];
            else if (m->has_fill_rhs)
                rj = -1;
            else
                continue;
            if (do_binop(&st, s, (long)i, rj, ord))
                return -1;
        }
        if (m->has_fill_lhs) {
            for (size_t j = 0; j < st.R->count; j++) {
                if (!pq_bit_get(st.R->series[j].present, s))
                    continue;
                size_t ord = st.rord[j];
                if (st.mstamp[ord] == s + 1)
                    continue;
                if (do_binop(&st, s, -1, (long)j, ord))
                    return -1;
            }
        }
    }
    return pq_vector_finish(ev, st.o);
}

/* ---- entry -------------------------------------------------------------------------------- */

int pq_eval_binary(pq_eval *ev, const pq_node *node, pq_value *out)
{
    pq_value l, r;
    if (pq_eval_node(ev, node->u.binary.lhs, &l) || pq_eval_node(ev, node->u.binary.rhs, &r))
        return -1;
    pq_op op = node->u.binary.op;
    if (l.type == PQ_TYPE_SCALAR && r.type == PQ_TYPE_SCALAR) {
        double *d = pq_steps_alloc(ev);
        if (!d)
            return -1;
        for (size_t i = 0; i < ev->nsteps; i++)
            d[i] = pq_scalar_binop(op, l.u.scalar[i], r.u.scalar[i]);
        out->type = PQ_TYPE_SCALAR;
        out->u.scalar = d;
        return 0;
    }
    if (l.type == PQ_TYPE_VECTOR && r.type == PQ_TYPE_SCALAR)
        return vector_scalar(ev, node, &l.u.vector, r.u.scalar, false, out);
    if (l.type == PQ_TYPE_SCALAR && r.type == PQ_TYPE_VECTOR)
        return vector_scalar(ev, node, &r.u.vector, l.u.scalar, true, out);
    if (l.type == PQ_TYPE_VECTOR && r.type == PQ_TYPE_VECTOR) {
        pq_vector_matching dflt;
        memset(&dflt, 0, sizeof dflt);
        dflt.card = pq_op_is_set(op) ? PQ_CARD_MANY_TO_MANY : PQ_CARD_ONE_TO_ONE;
        pq_node copy;
        const pq_node *use = node;
        if (!node->u.binary.matching) {
            copy = *node;
            copy.u.binary.matching = &dflt;
            use = &copy;
        }
        if (pq_op_is_set(op))
            return set_op(ev, use, &l.u.vector, &r.u.vector, out);
        return vector_vector(ev, use, &l.u.vector, &r.u.vector, out);
    }
    return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "invalid operand types for binary operator \"%s\"", pq_op_name(op));
}
