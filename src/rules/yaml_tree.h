/*
 * yaml_tree.h -- a YAML document loaded with libyaml into a small arena tree (scalars,
 * sequences, mappings) that keeps each node's line and column, so that rule-file and test-file
 * errors can point at "line:col" as Prometheus's yaml.v3 does.
 */
#ifndef PQ_RULES_YAML_TREE_H
#define PQ_RULES_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef enum pq_ynode_kind { PQ_Y_NULL, PQ_Y_SCALAR, PQ_Y_SEQ, PQ_Y_MAP } pq_ynode_kind;

typedef struct pq_ynode pq_ynode;
struct pq_ynode {
    pq_ynode_kind kind;
    int line, col;          /* 1-based */
    const char *value;      /* SCALAR: NUL-terminated text (len bytes, may contain NUL) */
    size_t len;
    bool plain;             /* SCALAR: unquoted (so "null", "~", "" mean null) */
    pq_ynode **items;       /* SEQ: items; MAP: keys at 2i, values at 2i+1 */
    size_t n;               /* SEQ: items; MAP: pairs */
};

/* Parse the first document of 'data'. Returns the root (a PQ_Y_NULL node for an empty input) or
 * NULL with "yaml: line N: message" in errbuf. *extra_docs is set when more documents follow. */
pq_ynode *pq_yaml_load(pq_arena *a, const char *data, size_t len, bool *extra_docs, char *errbuf,
                       size_t errlen);

/* Mapping lookup (NULL when absent or when m is not a mapping). */
pq_ynode *pq_yaml_get(const pq_ynode *m, const char *key);
/* Whether a scalar is YAML null (plain "", "~", "null", "Null", "NULL"). */
bool pq_yaml_is_null(const pq_ynode *n);
/* The YAML 1.1 tag name of a node for messages: "!!str", "!!seq", "!!map", "!!int", ... */
const char *pq_yaml_tag(const pq_ynode *n);

#endif
