/*
 * functions_sort.c -- sort(), sort_desc(), sort_by_label(), sort_by_label_desc(). The order is
 * that of the series in the output vector, which only an instant query shows; a range query
 * gets upstream's "sort is ineffective" warning. Values are compared at the first step.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "eval/functions_kernels.h"

typedef struct sort_item {
    pq_series s;
    double v;
    size_t idx;
} sort_item;

typedef struct sort_spec {
    bool by_label;
    bool desc;
    const char **labels;
    size_t nlabels;
} sort_spec;

/* qsort has no context argument in C11; the spec of the running sort lives here. Sorting is
 * single-threaded per query, but queries may run in parallel, hence thread-local. */
static _Thread_local const sort_spec *cur_spec;

static int cmp_items(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    const sort_spec *sp = cur_spec;
    if (!sp->by_label) {
        /* ascending or descending, NaN last in both */
        bool an = isnan(a->v), bn = isnan(b->v);
        if (an != bn)
            return an ? 1 : -1;
        if (!an && a->v != b->v) {
            int c = a->v < b->v ? -1 : 1;
            return sp->desc ? -c : c;
        }
        return a->idx < b->idx ? -1 : (a->idx > b->idx ? 1 : 0);
    }
    for (size_t i = 0; i < sp->nlabels; i++) {
        const char *x = pq_labels_get(a->s.labels, sp->labels[i]);
        const char *y = pq_labels_get(b->s.labels, sp->labels[i]);
        if (!x)
            x = "";
        if (!y)
            y = "";
        if (strcmp(x, y) == 0)
            continue;
        int c = pq_natsort_less(x, y) ? -1 : 1;
        return sp->desc ? -c : c;
    }
    int c = pq_labels_compare(a->s.labels, b->s.labels);
    return sp->desc ? -c : c;
}

/* Upstream's Less(j, j-1) as its insertion sort asks it: is a to be moved before b? */
static bool go_less(const sort_spec *sp, const sort_item *a, const sort_item *b)
{
    if (!sp->by_label) {
        /* sort: Reverse(byReverseValue); sort_desc: Reverse(byValue) */
        if (isnan(b->v))
            return true;
        return sp->desc ? b->v < a->v : b->v > a->v;
    }
    const sort_spec *saved = cur_spec;
    cur_spec = sp;
    int c = cmp_items(a, b);
    cur_spec = saved;
    return c < 0;
}

int pq_fn_sort_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const char *name = call->u.call.func->name;
    sort_spec spec = {0};
    spec.by_label = strncmp(name, "sort_by_label", 13) == 0;
    spec.desc = strcmp(name, "sort_desc") == 0 || strcmp(name, "sort_by_label_desc") == 0;
    if (ev->start_ms != ev->end_ms)
        pq_fn_warn(ev, call, "sort is ineffective for range queries since results are always "
                             "ordered by labels");
    size_t nargs = pq_fn_nargs(call);
    if (spec.by_label && nargs > 1) {
        spec.nlabels = nargs - 1;
        spec.labels = pq_arena_alloc(ev->arena, spec.nlabels * sizeof *spec.labels);
        if (!spec.labels)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        for (size_t i = 1; i < nargs; i++)
            spec.labels[i - 1] = pq_fn_string_arg(pq_fn_arg(call, i), NULL);
    }
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0)
        return -1;
    sort_item *items = pq_arena_calloc(ev->arena, in.count + 1, sizeof *items);
    if (!items)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < in.count; i++) {
        pq_series s = in.series[i];
        if (!spec.by_label && s.hists) {
            /* sort()/sort_desc() keep float samples only */
            uint64_t *present = pq_bitmap_alloc(ev);
            if (!present)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            bool any = false;
            for (size_t st = 0; st < ev->nsteps; st++) {
                if (pq_bit_get(s.present, st) && !s.hists[st]) {
                    pq_bit_set(present, st);
                    any = true;
                }
            }
            if (!any)
                continue;
            s.present = present;
            s.hists = NULL;
        }
        items[n].s = s;
        items[n].v = ev->nsteps > 0 && pq_bit_get(s.present, 0) ? s.values[0] : NAN;
        items[n].idx = i;
        n++;
    }
    cur_spec = &spec;
    if (n <= 12) {
        /* Go's pdqsort sorts up to 12 elements by insertion; doing the same keeps upstream's
         * order even where its comparison is not a strict order (NaNs, missing labels). */
        for (size_t i = 1; i < n; i++) {
            for (size_t j = i; j > 0 && go_less(&spec, &items[j], &items[j - 1]); j--) {
                sort_item t = items[j];
                items[j] = items[j - 1];
                items[j - 1] = t;
            }
        }
    } else {
        qsort(items, n, sizeof *items, cmp_items);
    }
    cur_spec = NULL;
    out->type = PQ_TYPE_VECTOR;
    out->u.vector.series = pq_arena_calloc(ev->arena, n + 1, sizeof(pq_series));
    if (!out->u.vector.series)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < n; i++)
        out->u.vector.series[i] = items[i].s;
    out->u.vector.count = n;
    out->u.vector.cap = n + 1;
    return 0;
}
