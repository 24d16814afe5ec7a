/*
 * printer_internal.h -- pieces of the canonical printer (printer.c) that the prettier
 * (prettier.c) reuses: Prometheus's Pretty() falls back to String() and its ShortString()
 * fragments, so both must come from the same code.
 */
#ifndef PQ_PRINTER_INTERNAL_H
#define PQ_PRINTER_INTERNAL_H

#include "parser/ast.h"
#include "util/strbuf.h"

/* The node's String() appended to b. */
void pq_print_node(pq_strbuf *b, const pq_node *n);
/* AggregateExpr.ShortString(): "sum by (job) " / "sum without () " / "sum". */
void pq_print_aggregate_head(pq_strbuf *b, const pq_node *n);
/* BinaryExpr's " on (a) group_left (b) fill (0)" part (no " bool"). */
void pq_print_binary_matching(pq_strbuf *b, const pq_node *n);
/* SubqueryExpr's "[5m:1m] @ 10.000 offset 1m" suffix. */
void pq_print_subquery_suffix(pq_strbuf *b, const pq_node *n);
/* A label name as Prometheus writes it in by/on/group lists: bare, or quoted when it is not a
 * legacy identifier. */
void pq_print_label_name(pq_strbuf *b, const char *name);

/* pq_format_pretty with another line limit than Prometheus's 100 (its tests use 10). */
char *pq_format_pretty_limit(const pq_node *node, size_t max_line);

#endif
