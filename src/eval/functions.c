/*
 * functions.c -- PromQL function calls: the table from function name to implementation
 * (pq_eval_call) and the helpers the functions_*.c files share (argument evaluation,
 * annotations with upstream's texts, Go-compatible number formatting, output labels under
 * delayed name removal, merging of same-labelled series).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "parser/functions.h"

/* ---- dispatch ---------------------------------------------------------------------------- */

typedef struct fn_entry {
    const char *name;
    pq_fn_impl impl;
} fn_entry;

/* Sorted by name for bsearch. */
static const fn_entry fn_table[] = {
    {"abs", pq_fn_simple_math},
    {"absent", pq_fn_absent_call},
    {"absent_over_time", pq_fn_range_call},
    {"acos", pq_fn_simple_math},
    {"acosh", pq_fn_simple_math},
    {"asin", pq_fn_simple_math},
    {"asinh", pq_fn_simple_math},
    {"atan", pq_fn_simple_math},
    {"atanh", pq_fn_simple_math},
    {"avg_over_time", pq_fn_range_call},
    {"ceil", pq_fn_simple_math},
    {"changes", pq_fn_range_call},
    {"clamp", pq_fn_clamp_call},
    {"clamp_max", pq_fn_clamp_call},
    {"clamp_min", pq_fn_clamp_call},
    {"cos", pq_fn_simple_math},
    {"cosh", pq_fn_simple_math},
    {"count_over_time", pq_fn_range_call},
    {"day_of_month", pq_fn_date_call},
    {"day_of_week", pq_fn_date_call},
    {"day_of_year", pq_fn_date_call},
    {"days_in_month", pq_fn_date_call},
    {"deg", pq_fn_simple_math},
    {"delta", pq_fn_range_call},
    {"deriv", pq_fn_range_call},
    {"double_exponential_smoothing", pq_fn_range_call},
    {"end", pq_fn_query_context_call},
    {"exp", pq_fn_simple_math},
    {"first_over_time", pq_fn_range_call},
    {"floor", pq_fn_simple_math},
    {"histogram_avg", pq_fn_histogram_simple_call},
    {"histogram_count", pq_fn_histogram_simple_call},
    {"histogram_fraction", pq_fn_histogram_fraction_call},
    {"histogram_quantile", pq_fn_histogram_quantile_call},
    {"histogram_quantiles", pq_fn_histogram_quantiles_call},
    {"histogram_stddev", pq_fn_histogram_simple_call},
    {"histogram_stdvar", pq_fn_histogram_simple_call},
    {"histogram_sum", pq_fn_histogram_simple_call},
    {"hour", pq_fn_date_call},
    {"idelta", pq_fn_range_call},
    {"increase", pq_fn_range_call},
    {"info", pq_fn_info_call},
    {"irate", pq_fn_range_call},
    {"label_join", pq_fn_label_join_call},
    {"label_replace", pq_fn_label_replace_call},
    {"last_over_time", pq_fn_range_call},
    {"ln", pq_fn_simple_math},
    {"log10", pq_fn_simple_math},
    {"log2", pq_fn_simple_math},
    {"mad_over_time", pq_fn_range_call},
    {"max_of", pq_fn_minmax_of_call},
    {"max_over_time", pq_fn_range_call},
    {"min_of", pq_fn_minmax_of_call},
    {"min_over_time", pq_fn_range_call},
    {"minute", pq_fn_date_call},
    {"month", pq_fn_date_call},
    {"pi", pq_fn_pi_call},
    {"predict_linear", pq_fn_range_call},
    {"present_over_time", pq_fn_range_call},
    {"quantile_over_time", pq_fn_range_call},
    {"rad", pq_fn_simple_math},
    {"range", pq_fn_query_context_call},
    {"rate", pq_fn_range_call},
    {"resets", pq_fn_range_call},
    {"round", pq_fn_round_call},
    {"scalar", pq_fn_scalar_call},
    {"sgn", pq_fn_simple_math},
    {"sin", pq_fn_simple_math},
    {"sinh", pq_fn_simple_math},
    {"sort", pq_fn_sort_call},
    {"sort_by_label", pq_fn_sort_call},
    {"sort_by_label_desc", pq_fn_sort_call},
    {"sort_desc", pq_fn_sort_call},
    {"sqrt", pq_fn_simple_math},
    {"start", pq_fn_query_context_call},
    {"start_timestamp", pq_fn_timestamp_call},
    {"stddev_over_time", pq_fn_range_call},
    {"stdvar_over_time", pq_fn_range_call},
    {"step", pq_fn_query_context_call},
    {"sum_over_time", pq_fn_range_call},
    {"tan", pq_fn_simple_math},
    {"tanh", pq_fn_simple_math},
    {"time", pq_fn_time_call},
    {"timestamp", pq_fn_timestamp_call},
    {"ts_of_first_over_time", pq_fn_range_call},
    {"ts_of_last_over_time", pq_fn_range_call},
    {"ts_of_max_over_time", pq_fn_range_call},
    {"ts_of_min_over_time", pq_fn_range_call},
    {"vector", pq_fn_vector_call},
    {"year", pq_fn_date_call},
};

static int fn_entry_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const fn_entry *)elem)->name);
}

int pq_eval_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    const pq_function *f = call->u.call.func;
    if (!f || !f->name)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "function call without a function");
    const fn_entry *e = bsearch(f->name, fn_table, sizeof fn_table / sizeof fn_table[0],
                                sizeof fn_table[0], fn_entry_cmp);
    if (!e)
        return pq_eval_fail(ev, PROMQL_ERR_BAD_DATA, "unknown function with name %s", f->name);
    memset(out, 0, sizeof *out);
    if (e->impl(ev, call, out) != 0)
        return -1;
    /* Without delayed name removal, dropping the name can make series collide at once; upstream
     * then fails with "vector cannot contain metrics with the same labelset". */
    if (!pq_fn_delayed_name_removal(ev) && out->type == PQ_TYPE_VECTOR)
        return pq_vector_finish(ev, &out->u.vector);
    return 0;
}

/* ---- annotations --------------------------------------------------------------------------- */

static void fn_annotate_v(pq_eval *ev, promql_annotation_kind kind, const pq_node *at,
                          const char *prefix, const char *fmt, va_list ap)
{
    char msg[2048];
    int n = snprintf(msg, sizeof msg, "%s", prefix);
    if (n < 0 || (size_t)n >= sizeof msg)
        return;
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    pq_eval_annotate(ev, kind, at, "%s", msg);
}

void pq_fn_warn(pq_eval *ev, const pq_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fn_annotate_v(ev, PROMQL_ANNOTATION_WARNING, at, "PromQL warning: ", fmt, ap);
    va_end(ap);
}

void pq_fn_info(pq_eval *ev, const pq_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fn_annotate_v(ev, PROMQL_ANNOTATION_INFO, at, "PromQL info: ", fmt, ap);
    va_end(ap);
}

/* ---- formatting ---------------------------------------------------------------------------- */

const char *pq_fn_fmt_g(double v, char *buf, size_t len)
{
    if (isnan(v)) {
        snprintf(buf, len, "NaN");
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, len, v > 0 ? "+Inf" : "-Inf");
        return buf;
    }
    /* Shortest digits that round-trip, then Go's choice: exponent form when the decimal
     * exponent is < -4 or >= 6 (strconv uses eprec 6 for the shortest form). */
    char tmp[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    if (prec > 17)
        prec = 17;
    const char *e = strchr(tmp, 'e');
    int exp10 = e ? atoi(e + 1) : 0;
    if (exp10 < -4 || exp10 >= 6) {
        snprintf(buf, len, "%.*e", prec - 1, v);
    } else {
        int decimals = prec - 1 - exp10;
        snprintf(buf, len, "%.*f", decimals > 0 ? decimals : 0, v);
    }
    return buf;
}

char *pq_fn_quote(pq_eval *ev, const char *s)
{
    size_t n = strlen(s);
    char *out = pq_arena_alloc(ev->arena, n * 4 + 3);
    if (!out)
        return (char *)"\"\"";
    char *p = out;
    *p++ = '"';
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"': *p++ = '\\'; *p++ = '"'; break;
        case '\\': *p++ = '\\'; *p++ = '\\'; break;
        case '\a': *p++ = '\\'; *p++ = 'a'; break;
        case '\b': *p++ = '\\'; *p++ = 'b'; break;
        case '\f': *p++ = '\\'; *p++ = 'f'; break;
        case '\n': *p++ = '\\'; *p++ = 'n'; break;
        case '\r': *p++ = '\\'; *p++ = 'r'; break;
        case '\t': *p++ = '\\'; *p++ = 't'; break;
        case '\v': *p++ = '\\'; *p++ = 'v'; break;
        default:
            if (*c < 0x20 || *c == 0x7f) {
                static const char hex[] = "0123456789abcdef";
                *p++ = '\\';
                *p++ = 'x';
                *p++ = hex[*c >> 4];
                *p++ = hex[*c & 15];
            } else {
                *p++ = (char)*c;
            }
        }
    }
    *p++ = '"';
    *p = '\0';
    return out;
}

/* ---- arguments ------------------------------------------------------------------------------ */

const double *pq_fn_scalar_arg(pq_eval *ev, const pq_node *arg)
{
    pq_value v;
    if (pq_eval_node(ev, arg, &v) != 0)
        return NULL;
    if (v.type != PQ_TYPE_SCALAR) {
        pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "expected a scalar argument, got %s",
                     pq_value_type_name(v.type));
        return NULL;
    }
    return v.u.scalar;
}

int pq_fn_vector_arg(pq_eval *ev, const pq_node *arg, pq_vector *out)
{
    pq_value v;
    if (pq_eval_node(ev, arg, &v) != 0)
        return -1;
    if (v.type != PQ_TYPE_VECTOR)
        return pq_eval_fail(ev, PROMQL_ERR_INTERNAL, "expected an instant vector argument, got %s",
                            pq_value_type_name(v.type));
    *out = v.u.vector;
    return 0;
}

const char *pq_fn_string_arg(const pq_node *arg, size_t *len)
{
    arg = pq_node_unwrap(arg);
    if (!arg || arg->kind != PQ_NODE_STRING) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = arg->u.string.len;
    return arg->u.string.value;
}

/* ---- labels --------------------------------------------------------------------------------- */

bool pq_fn_delayed_name_removal(const pq_eval *ev)
{
    return ev->delayed_name_removal;
}

promql_labels pq_fn_out_labels(pq_eval *ev, promql_labels ls, bool drop_name)
{
    if (!drop_name || pq_fn_delayed_name_removal(ev))
        return ls;
    /* schema.IsMetadataLabel: the name and the type/unit metadata labels */
    static const char *const meta[] = {"__name__", "__type__", "__unit__"};
    for (size_t i = 0; i < 3; i++)
        if (pq_labels_get(ls, meta[i]))
            ls = pq_labels_without(ev, ls, meta[i]);
    return ls;
}

const char *pq_fn_metric_name(promql_labels ls)
{
    const char *n = pq_labels_get(ls, "__name__");
    return n ? n : "";
}

typedef struct merge_item {
    size_t idx;
    promql_labels labels;
} merge_item;

static int merge_item_cmp(const void *a, const void *b)
{
    const merge_item *x = a, *y = b;
    int c = pq_labels_compare(x->labels, y->labels);
    if (c)
        return c;
    return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

int pq_fn_merge_same_labels(pq_eval *ev, pq_vector *v)
{
    if (v->count < 2)
        return 0;
    merge_item *items = pq_arena_calloc(ev->arena, v->count, sizeof *items);
    if (!items)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < v->count; i++) {
        items[i].idx = i;
        items[i].labels = v->series[i].labels;
    }
    qsort(items, v->count, sizeof *items, merge_item_cmp);
    bool any = false;
    for (size_t i = 1; i < v->count; i++)
        if (pq_labels_equal(items[i].labels, items[i - 1].labels))
            any = true;
    if (!any)
        return 0;
    bool *gone = pq_arena_calloc(ev->arena, v->count, sizeof *gone);
    if (!gone)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    size_t words = pq_bitmap_words(ev->nsteps);
    for (size_t i = 0; i < v->count;) {
        size_t j = i + 1;
        while (j < v->count && pq_labels_equal(items[j].labels, items[i].labels))
            j++;
        pq_series *base = &v->series[items[i].idx];
        if (j > i + 1) {
            /* the merged series gets arrays of its own: the inputs may be shared */
            double *vals = pq_steps_alloc(ev);
            uint64_t *pres = pq_bitmap_alloc(ev);
            if (!vals || !pres)
                return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
            memcpy(vals, base->values, ev->nsteps * sizeof *vals);
            memcpy(pres, base->present, words * sizeof *pres);
            base->values = vals;
            base->present = pres;
            if (base->hists) {
                promql_histogram **hs = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *hs);
                if (!hs)
                    return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
                memcpy(hs, base->hists, ev->nsteps * sizeof *hs);
                base->hists = hs;
            }
        }
        for (size_t k = i + 1; k < j; k++) {
            pq_series *o = &v->series[items[k].idx];
            for (size_t w = 0; w < words; w++)
                if (base->present[w] & o->present[w])
                    return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                        "vector cannot contain metrics with the same labelset");
            for (size_t s = 0; s < ev->nsteps; s++) {
                if (!pq_bit_get(o->present, s))
                    continue;
                pq_bit_set(base->present, s);
                base->values[s] = o->values[s];
                if (o->hists && o->hists[s]) {
                    if (!base->hists) {
                        base->hists = pq_arena_calloc(ev->arena, ev->nsteps, sizeof *base->hists);
                        if (!base->hists)
                            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
                    }
                    base->hists[s] = o->hists[s];
                }
            }
            gone[items[k].idx] = true;
        }
        i = j;
    }
    size_t w = 0;
    for (size_t i = 0; i < v->count; i++)
        if (!gone[i])
            v->series[w++] = v->series[i];
    v->count = w;
    return 0;
}

/* ---- absent() labels ------------------------------------------------------------------------ */

promql_labels pq_fn_absent_labels(pq_eval *ev, const pq_node *arg)
{
    promql_labels empty = {NULL, 0};
    arg = pq_node_unwrap(arg);
    if (!arg)
        return empty;
    if (arg->kind == PQ_NODE_MATRIX_SELECTOR)
        arg = arg->u.matrix.vs;
    if (!arg || arg->kind != PQ_NODE_VECTOR_SELECTOR)
        return empty;
    size_t n = arg->u.selector.matcher_count;
    const pq_matcher *ms = arg->u.selector.matchers;
    promql_labels ls = empty;
    /* Historic behaviour: a label named by two matchers (or a non-equality one) is removed. */
    for (size_t i = 0; i < n; i++) {
        if (strcmp(ms[i].name, "__name__") == 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            if (ms[k].type == PROMQL_MATCH_EQUAL && strcmp(ms[k].name, ms[i].name) == 0)
                seen = true;
        if (ms[i].type == PROMQL_MATCH_EQUAL && !seen)
            ls = pq_labels_set(ev, ls, ms[i].name, ms[i].value);
        else if (pq_labels_get(ls, ms[i].name))
            ls = pq_labels_without(ev, ls, ms[i].name);
    }
    return ls;
}
