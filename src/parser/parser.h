/*
 * parser.h -- parse a PromQL query into an arena-allocated, type-checked AST, and print it back.
 */
#ifndef PQ_PARSER_H
#define PQ_PARSER_H

#include <stddef.h>

#include "parser/ast.h"
#include "promql/promql.h"

/* Default nesting limit (parentheses, AST depth, duration expressions). Parsing, checking,
 * printing and evaluation recurse once per level, at about 1 KB of stack per level in an
 * optimised build (3 KB with sanitizers): 1000 levels fit a 1 MB thread stack and accept the
 * long "a or b or ..." chains that generated queries contain (each operand is one level). */
#define PQ_DEFAULT_MAX_DEPTH 1000

/* Parse and type-check. On success *out is a new pq_ast (free with pq_ast_free) and 0 is
 * returned; on failure -1, *out = NULL, and *err holds Prometheus's message, e.g.
 * "1:8: parse error: unclosed left parenthesis", code PROMQL_ERR_BAD_DATA, and positions.
 * opts may be NULL (defaults: experimental features on, depth limit 256). */
int pq_parse(const char *query, size_t len, const promql_parse_options *opts, pq_ast **out,
             promql_error *err);
void pq_ast_free(pq_ast *ast);

/* Canonical one-line form, as Prometheus's String(); malloc'ed, NULL on OOM. */
char *pq_format(const pq_node *node);
/* Prettified multi-line form, as Prometheus's Pretty(0) (prettier rules, 100-column limit). */
char *pq_format_pretty(const pq_node *node);
/* AST as JSON; 'query' (may be NULL) lets positions carry line:col. malloc'ed. */
char *pq_ast_to_json(const pq_node *node, const char *query, size_t query_len);

#endif
