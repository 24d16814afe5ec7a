/*
 * yaml_tree.c -- libyaml document -> arena tree with positions (see yaml_tree.h). Aliases are
 * expanded with a node budget, so an alias bomb is an error rather than a hang.
 */
#include "rules/yaml_tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_NODES 2000000
#define MAX_DEPTH 200

typedef struct conv {
    pq_arena *a;
    yaml_document_t *doc;
    size_t count;
    char *err;
    size_t errlen;
} conv;

static pq_ynode *convert(conv *c, yaml_node_t *yn, int depth)
{
    if (++c->count > MAX_NODES || depth > MAX_DEPTH) {
        snprintf(c->err, c->errlen, "yaml: document too large or too deeply nested");
        return NULL;
    }
    pq_ynode *n = pq_arena_calloc(c->a, 1, sizeof *n);
    if (!n) {
        snprintf(c->err, c->errlen, "yaml: out of memory");
        return NULL;
    }
    n->line = (int)yn->start_mark.line + 1;
    n->col = (int)yn->start_mark.column + 1;
    switch (yn->type) {
    case YAML_SCALAR_NODE:
        n->kind = PQ_Y_SCALAR;
        n->len = yn->data.scalar.length;
        n->value = pq_arena_strndup(c->a, (const char *)yn->data.scalar.value, n->len);
        n->plain = yn->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (!n->value) {
            snprintf(c->err, c->errlen, "yaml: out of memory");
            return NULL;
        }
        return n;
    case YAML_SEQUENCE_NODE: {
        n->kind = PQ_Y_SEQ;
        size_t cnt = (size_t)(yn->data.sequence.items.top - yn->data.sequence.items.start);
        n->items = cnt ? pq_arena_calloc(c->a, cnt, sizeof *n->items) : NULL;
        if (cnt && !n->items)
            return NULL;
        for (size_t i = 0; i < cnt; i++) {
            yaml_node_t *child = yaml_document_get_node(c->doc, yn->data.sequence.items.start[i]);
            if (!child || !(n->items[i] = convert(c, child, depth + 1)))
                return NULL;
        }
        n->n = cnt;
        return n;
    }
    case YAML_MAPPING_NODE: {
        n->kind = PQ_Y_MAP;
        size_t cnt = (size_t)(yn->data.mapping.pairs.top - yn->data.mapping.pairs.start);
        n->items = cnt ? pq_arena_calloc(c->a, cnt * 2, sizeof *n->items) : NULL;
        if (cnt && !n->items)
            return NULL;
        for (size_t i = 0; i < cnt; i++) {
            yaml_node_pair_t *p = &yn->data.mapping.pairs.start[i];
            yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
            yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
            if (!k || !v || !(n->items[2 * i] = convert(c, k, depth + 1)) ||
                !(n->items[2 * i + 1] = convert(c, v, depth + 1)))
                return NULL;
        }
        n->n = cnt;
        return n;
    }
    default:
        n->kind = PQ_Y_NULL;
        return n;
    }
}

pq_ynode *pq_yaml_load(pq_arena *a, const char *data, size_t len, bool *extra_docs, char *errbuf, size_t errlen)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    *extra_docs = false;
    if (!yaml_parser_initialize(&parser)) {
        snprintf(errbuf, errlen, "yaml: out of memory");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    if (!yaml_parser_load(&parser, &doc)) {
        snprintf(errbuf, errlen, "yaml: line %d: %s%s%s", (int)parser.problem_mark.line + 1,
                 parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
                 parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return NULL;
    }
    pq_ynode *root;
    yaml_node_t *r = yaml_document_get_root_node(&doc);
    if (!r) {
        root = pq_arena_calloc(a, 1, sizeof *root);
        if (!root)
            snprintf(errbuf, errlen, "yaml: out of memory");
    } else {
        conv c = {a, &doc, 0, errbuf, errlen};
        root = convert(&c, r, 0);
    }
    yaml_document_delete(&doc);
    if (root && r) {
        yaml_document_t second;
        if (yaml_parser_load(&parser, &second)) {
            if (yaml_document_get_root_node(&second))
                *extra_docs = true;
            yaml_document_delete(&second);
        }
    }
    yaml_parser_delete(&parser);
    return root;
}

pq_ynode *pq_yaml_get(const pq_ynode *m, const char *key)
{
    if (!m || m->kind != PQ_Y_MAP)
        return NULL;
    size_t kl = strlen(key);
    for (size_t i = 0; i < m->n; i++) {
        pq_ynode *k = m->items[2 * i];
        if (k->kind == PQ_Y_SCALAR && k->len == kl && memcmp(k->value, key, kl) == 0)
            return m->items[2 * i + 1];
    }
    return NULL;
}

bool pq_yaml_is_null(const pq_ynode *n)
{
    if (!n || n->kind == PQ_Y_NULL)
        return true;
    if (n->kind != PQ_Y_SCALAR || !n->plain)
        return false;
    return n->len == 0 || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
           strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0;
}

const char *pq_yaml_tag(const pq_ynode *n)
{
    if (!n || n->kind == PQ_Y_NULL)
        return "!!null";
    if (n->kind == PQ_Y_SEQ)
        return "!!seq";
    if (n->kind == PQ_Y_MAP)
        return "!!map";
    if (pq_yaml_is_null(n))
        return "!!null";
    if (!n->plain)
        return "!!str";
    const char *v = n->value;
    if (!strcmp(v, "true") || !strcmp(v, "false") || !strcmp(v, "True") || !strcmp(v, "False") ||
        !strcmp(v, "TRUE") || !strcmp(v, "FALSE"))
        return "!!bool";
    char *end;
    (void)strtoll(v, &end, 0);
    if (*v && !*end)
        return "!!int";
    (void)strtod(v, &end);
    if (*v && !*end)
        return "!!float";
    return "!!str";
}
