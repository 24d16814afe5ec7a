/*
 * unittest.h -- `promtool test rules`: rule unit-test YAML files (rule_files, evaluation_interval,
 * group_eval_order, tests with input_series, alert_rule_test, promql_expr_test, external_labels,
 * external_url, start_timestamp, fuzzy_compare) run against our engine, with promtool's verdicts
 * and its messages. Output goes to two buffers standing for promtool's stdout and stderr; the
 * library never prints.
 */
#ifndef PQ_RULES_UNITTEST_H
#define PQ_RULES_UNITTEST_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

typedef struct pq_unittest_options {
    const char *run_regex;          /* only test groups whose name matches (NULL: all) */
    bool ignore_unknown_fields;
    bool debug;                     /* dump all series at the end of each test group */
    pq_strbuf *junit;               /* when set, this file's <testsuite> element is appended, as
                                       promtool --junit writes it (wrap in <testsuites>) */
} pq_unittest_options;

typedef struct pq_unittest_counts {
    size_t cases_passed;            /* test groups ("tests:" items) that passed */
    size_t cases_failed;
    size_t files_failed;
} pq_unittest_counts;

/* Where output goes: stream 1 is promtool's stdout, 2 its stderr, in the order promtool writes. */
typedef void (*pq_unittest_write_fn)(void *arg, int stream, const char *text, size_t len);

/* Run one test file, writing promtool's report through 'write' and adding to 'counts'.
 * Returns 0 when every test group passed, 1 otherwise. */
int pq_rules_unittest_file(const char *path, const pq_unittest_options *opts, pq_unittest_write_fn write,
                           void *write_arg, pq_unittest_counts *counts);

#endif
