/*
 * yaml_decode.c -- Go-style typed decoding of YAML tree nodes (see yaml_decode.h).
 */
#include "rules/yaml_decode.h"

#include <stdarg.h>
#include <stdio.h>

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
