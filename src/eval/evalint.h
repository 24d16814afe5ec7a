/*
 * evalint.h -- declarations shared by the evaluator core's files (eval.c, selector.c, matrix.c,
 * binop.c, aggregate.c, subquery.c, labels.c, annotate.c, limits.c, duration.c). Not for the
 * function library: what it needs is in eval.h.
 */
#ifndef PQ_EVALINT_H
#define PQ_EVALINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/eval.h"
#include "util/strbuf.h"

/* xxhash64, streaming: Prometheus hashes label sets with it. */
typedef struct pq_xxh {
    uint64_t v1, v2, v3, v4;
    uint64_t total;
    unsigned char mem[32];
    size_t n;
} pq_xxh;
void pq_xxh_init(pq_xxh *h);
void pq_xxh_write(pq_xxh *h, const void *data, size_t len);
uint64_t pq_xxh_sum(const pq_xxh *h);

/* Go's strconv.Quote is pq_go_quote in util/gofmt.h. */
#include "util/gofmt.h"

/* Labels: __name__, __type__, __unit__ are the metadata labels that metric-changing operations
 * drop. */
bool pq_is_metadata_label(const char *name);
promql_labels pq_labels_drop_metadata(pq_eval *ev, promql_labels ls);
/* keep: only the named labels; else all but the named ones (and __name__ when drop_name). */
promql_labels pq_labels_keep_drop(pq_eval *ev, promql_labels ls, const pq_strlist *names, bool keep,
                                  bool drop_name);
/* Deep copy into the arena (storage labels only live while their series set is open). */
promql_labels pq_labels_copy(pq_eval *ev, promql_labels ls);

/* Interning of label sets: each distinct set gets a dense index (0, 1, ...) in first-seen
 * order. Zero-initialise; memory is in the query arena. */
typedef struct pq_labelset_table {
    promql_labels *labels;   /* [count]: the distinct sets */
    uint64_t *hashes;
    size_t *slots;           /* index + 1 into labels, 0 = empty */
    size_t cap, count;
} pq_labelset_table;
int pq_labelset_intern(pq_eval *ev, pq_labelset_table *t, promql_labels key, size_t *idx);
/* Fills a zeroed open-addressing slot array (entry index + 1, 0 = empty; cap a power of two,
 * linear probing) for 'count' entries with these hashes: a table's rehash when it grows. */
void pq_slots_rebuild(size_t *slots, size_t cap, const uint64_t *hashes, size_t count);

/* A nested evaluator over another step grid sharing arena, limits, annotations and errors
 * with 'parent'. pq_eval_sub_done() hands the accounting back. */
void pq_eval_sub_init(pq_eval *sub, const pq_eval *parent, int64_t start, int64_t end, int64_t interval);
void pq_eval_sub_done(pq_eval *parent, const pq_eval *sub);

/* Node kinds implemented outside eval.c. */
int pq_eval_vector_selector(pq_eval *ev, const pq_node *node, pq_value *out);
int pq_eval_matrix_selector(pq_eval *ev, const pq_node *node, pq_matrix *out);
int pq_eval_subquery(pq_eval *ev, const pq_node *node, pq_matrix *out);
int pq_eval_binary(pq_eval *ev, const pq_node *node, pq_value *out);
int pq_eval_aggregate(pq_eval *ev, const pq_node *node, pq_value *out);

/* Durations: the value of a range/offset/step, evaluating a duration expression when one was
 * written (errors as Prometheus's durationVisitor). */
int pq_eval_duration(pq_eval *ev, const pq_node *expr, int64_t written_ms, bool allow_negative,
                     int64_t *out_ms);
/* Check every duration expression of the tree up front, as Prometheus's preprocessing does. */
int pq_eval_check_durations(pq_eval *ev, const pq_node *node);
/* The effective offset and @ time of a selector or subquery: has_at is set when @ was given. */
int pq_eval_modifiers(pq_eval *ev, const pq_modifiers *mod, int64_t *offset_ms, bool *has_at, int64_t *at_ms);

/* Step invariance as Prometheus's preprocessExprHelper decides it. */
bool pq_step_invariant(const pq_node *node, bool *should_wrap);

/* Number of points a value holds (histograms by their size), as Prometheus counts samples. */
int64_t pq_value_points(const pq_value *v, size_t nsteps);
int64_t pq_hist_points(const promql_histogram *h);

/* Merge series of v with identical label sets (their steps must not overlap: "vector cannot
 * contain metrics with the same labelset"). */
int pq_vector_merge_same_labels(pq_eval *ev, pq_vector *v);

int64_t pq_monotonic_ns(void);

/* Go's float formatting: fmt's %g/%v (shortest digits; exponent form below 1e-4 and from
 * 1e6), strconv.FormatFloat(v, 'f', -1, 64); pq_format_float is %g into the arena. */
void pq_format_g(char *out, size_t len, double v);
void pq_format_f(char *out, size_t len, double v);
char *pq_format_float(pq_eval *ev, double v);

double pq_scalar_binop(pq_op op, double l, double r);

#endif
