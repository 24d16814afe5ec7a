/*
 * yaml_decode.h -- decoding a pq_ynode tree into Go-typed values the way Prometheus's YAML
 * unmarshalling reports problems, shared by the rule-file and the rule-test-file loaders: type
 * errors are collected as "line N: cannot unmarshal ..." (yaml's "unmarshal errors" list),
 * while a custom unmarshaler's error (a bad duration) stops the load with its own message.
 */
#ifndef PQ_RULES_YAML_DECODE_H
#define PQ_RULES_YAML_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "promql/promql.h"

#include "rules/yaml_tree.h"
#include "util/arena.h"
#include "util/strbuf.h"

typedef struct pq_ydec {
    pq_arena *a;
    pq_strbuf errs;     /* the collected "\n  line N: ..." type errors */
    int nerrs;
    char fatal[512];    /* the first custom unmarshaler's error, "" when none */
} pq_ydec;

/* Add "\n  line <line>: <message>" to the type errors. */
void pq_ydec_error(pq_ydec *d, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "cannot unmarshal !!tag `value` into <into>" for n. */
void pq_ydec_type_error(pq_ydec *d, const pq_ynode *n, const char *into);
/* A string field: "" for an absent or null node; a type error for a non-scalar. */
const char *pq_ydec_string(pq_ydec *d, const pq_ynode *n);
/* A model.Duration field in milliseconds: 0 for absent or null; a parse error becomes fatal. */
int64_t pq_ydec_duration(pq_ydec *d, const pq_ynode *n);

/* A map[string]string field as labels sorted by name (a later duplicate key wins, as in a Go
 * map; v3_duplicates adds yaml.v3's "mapping key ... already defined" error); type names the Go
 * type in a type error. */
promql_labels pq_ydec_string_map(pq_ydec *d, const pq_ynode *n, const char *type, bool v3_duplicates);

#endif
