/*
 * pqt_internal.h -- what the promqltest reader (promqltest.c), the result checks (pqt_check.c)
 * and the '@' rewrite (pqt_atmod.c) share: one parsed eval command and a flat view of a query
 * result. Everything is allocated in the eval's arena.
 */
#ifndef PQ_CLI_PQT_INTERNAL_H
#define PQ_CLI_PQT_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/promqltest.h"
#include "fixture/fixture.h"
#include "promql/promql.h"
#include "util/arena.h"

/* The `expect <type>` kinds of test.go, in its order. */
typedef enum pqt_expect_type {
    PQT_EXPECT_ORDERED = 0,
    PQT_EXPECT_FAIL,
    PQT_EXPECT_WARN,
    PQT_EXPECT_NO_WARN,
    PQT_EXPECT_INFO,
    PQT_EXPECT_NO_INFO,
    PQT_EXPECT__COUNT
} pqt_expect_type;

/* One expectation: an exact message, or a regex searched anywhere in the text. */
typedef struct pqt_expect {
    const char *message;   /* when re == NULL */
    pcre2_code *re;        /* freed with the arena */
    const char *re_text;
} pqt_expect;

typedef struct pqt_expected_series {
    promql_labels labels;
    int pos;               /* 1-based line position inside the block, for `expect ordered` */
    pq_point *vals;
    size_t nvals;
    /* The line writes "counter_reset_hint:unknown": an unknown hint is then expected, not
     * "don't care" (the series notation keeps no per-point record of what was written). */
    bool unknown_hint_written;
} pqt_expected_series;

typedef struct pqt_eval {
    pq_arena *arena;
    const char *expr;
    int line;
    bool is_range;
    int64_t start, end, step, eval_t;   /* milliseconds */
    bool end_is_zero;      /* an instant eval's 'end' is Go's zero time: before every point */
    bool fail, warn, ordered, info;     /* eval_fail / eval_warn / eval_ordered / eval_info */
    const char *expected_fail_message;  /* expected_fail_message line, or NULL */
    pqt_expect expected_fail_regexp;    /* expected_fail_regexp line (re == NULL: none) */
    pqt_expect *expects[PQT_EXPECT__COUNT];
    size_t nexpects[PQT_EXPECT__COUNT];
    bool expect_scalar;
    pqt_expected_series *series;        /* the expected map, keyed by labels */
    size_t nseries, capseries;
    const char *expected_string;        /* "" unless `expect string` */
    size_t expected_string_len;
    bool exclude_from_range;
} pqt_eval;

/* A result as the checks see it: a vector is series of one point each. */
typedef struct pqt_rseries {
    promql_labels labels;
    size_t nf;
    const int64_t *ft;
    const double *fv;
    size_t nh;
    const int64_t *ht;
    const promql_histogram *const *hv;
} pqt_rseries;

typedef struct pqt_value {
    promql_value_type type;
    pqt_rseries *series;
    size_t n;
    double scalar;
    int64_t t;
    const char *str;
} pqt_value;

/* pqt_check.c */
bool pqt_expect_matches(const pqt_expect *e, const char *s);
/* Compile a Go-syntax regex (freed with the arena); bytes: match bytes, not UTF-8 runes (for
 * the runner's own ASCII command patterns, so any line can be matched). NULL when invalid. */
pcre2_code *pqt_regex_compile(pq_arena *a, const char *pattern, size_t len, bool bytes);
void pqt_value_from_result(pq_arena *a, const promql_result *res, pqt_value *out);
/* NULL when the result matches, else the failure text (arena). */
const char *pqt_compare_result(const pqt_eval *ev, const pqt_value *v);
const char *pqt_check_annotations(const pqt_eval *ev, const char *expr, const promql_result *res);
const char *pqt_check_expected_failure(const pqt_eval *ev, const char *err);
bool pqt_is_ordered(const pqt_eval *ev);
bool pqt_is_fail(const pqt_eval *ev);
const char *pqt_labels_string(pq_arena *a, promql_labels ls);
const char *pqt_describe_expected(const pqt_eval *ev);
const char *pqt_describe_value(pq_arena *a, const pqt_value *v);
const char *pqt_histogram_string(pq_arena *a, const promql_histogram *h);

/* pqt_atmod.c: the query with '@ t' on every selector and subquery outside subqueries that
 * have one, as test.go's atModifierTestCases. Returns NULL with *unsafe set when the query
 * calls a function whose result depends on the evaluation time (no variant then), and NULL
 * with *errmsg set when the query does not parse. The string is malloc'ed. */
char *pqt_at_modifier_query(const char *expr, int64_t t_ms, bool *unsafe, char *errmsg, size_t errlen);

#endif
