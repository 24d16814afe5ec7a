/*
 * yaml_decode.c -- Go-style typed decoding of YAML tree nodes (see yaml_decode.h).
 */
#include "rules/yaml_decode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/gotime.h"

void pq_ydec_error(pq_ydec *d, int line, const char *fmt, ...)
{
    char m[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    pq_strbuf_printf(&d->errs, "\n  line %d: %s", line, m);
    d->nerrs++;
}

void pq_ydec_type_error(pq_ydec *d, const pq_ynode *n, const char *into)
{
    if (n->kind == PQ_Y_SCALAR)
        pq_ydec_error(d, n->line, "cannot unmarshal %s `%.*s` into %s", pq_yaml_tag(n),
                      (int)(n->len > 100 ? 100 : n->len), n->value, into);
    else
        pq_ydec_error(d, n->line, "cannot unmarshal %s into %s", pq_yaml_tag(n), into);
}

const char *pq_ydec_string(pq_ydec *d, const pq_ynode *n)
{
    if (!n || pq_yaml_is_null(n))
        return "";
    if (n->kind != PQ_Y_SCALAR) {
        pq_ydec_type_error(d, n, "string");
        return "";
    }
    return n->value;
}

int64_t pq_ydec_duration(pq_ydec *d, const pq_ynode *n)
{
    if (!n || pq_yaml_is_null(n))
        return 0;
    if (n->kind != PQ_Y_SCALAR) {
        pq_ydec_type_error(d, n, "string");
        return 0;
    }
    int64_t ms;
    char e[256];
    if (pq_go_parse_duration(n->value, n->len, &ms, e, sizeof e)) {
        if (!d->fatal[0])
            snprintf(d->fatal, sizeof d->fatal, "%s", e);
        return 0;
    }
    return ms;
}

static int cmp_label(const void *x, const void *y)
{
    return strcmp(((const promql_label *)x)->name, ((const promql_label *)y)->name);
}

promql_labels pq_ydec_string_map(pq_ydec *d, const pq_ynode *n, const char *type, bool v3_duplicates)
{
    promql_labels ls = {NULL, 0};
    if (!n || pq_yaml_is_null(n))
        return ls;
    if (n->kind != PQ_Y_MAP) {
        pq_ydec_type_error(d, n, type);
        return ls;
    }
    promql_label *items = n->n ? pq_arena_calloc(d->a, n->n, sizeof *items) : NULL;
    size_t cnt = 0;
    for (size_t i = 0; items && i < n->n; i++) {
        const pq_ynode *k = n->items[2 * i], *v = n->items[2 * i + 1];
        const char *ks = pq_ydec_string(d, k);
        const char *vs = pq_ydec_string(d, v);
        /* a later duplicate key replaces the earlier one, as Go's map does */
        size_t j;
        for (j = 0; j < cnt; j++)
            if (strcmp(items[j].name, ks) == 0)
                break;
        if (j < cnt) {
            if (v3_duplicates && k->kind == PQ_Y_SCALAR)
                pq_ydec_error(d, k->line, "mapping key \"%s\" already defined at line %d", ks, n->items[0]->line);
            items[j].value = vs;
            continue;
        }
        items[cnt].name = ks;
        items[cnt].value = vs;
        cnt++;
    }
    if (cnt > 1)
        qsort(items, cnt, sizeof *items, cmp_label);
    ls.items = items;
    ls.count = cnt;
    return ls;
}
