/*
 * promqltest.h -- reader and runner of promqltest scripts (Prometheus's promql/promqltest
 * format, see /work/shared/PROMQLTEST.md), as the upstream Go runner runs them: load, clear,
 * eval instant / range with every expectation form, plus the runner's extra checks (each
 * instant query again with '@ <eval time>' at other times, and as a range query around the
 * eval time).
 *
 * The runner has no main() and prints nothing: each finished eval (or each broken command) is
 * handed to a callback as a pqt_item, so the CLI counts and prints, and a fuzz target can run
 * scripts with a cap on the work.
 */
#ifndef PQ_CLI_PROMQLTEST_H
#define PQ_CLI_PROMQLTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What went wrong, as a short phrase (also the reason written into an xfail list). */
typedef enum pqt_failure {
    PQT_OK = 0,
    PQT_SCRIPT_ERROR,      /* the command or its expectation lines could not be read */
    PQT_LOAD_ERROR,        /* a load block was rejected */
    PQT_PARSE_ERROR,       /* our parser rejected the eval's query (upstream requires it to parse) */
    PQT_UNEXPECTED_ERROR,  /* the query failed, no failure was expected */
    PQT_MISSING_ERROR,     /* a failure was expected, the query succeeded */
    PQT_WRONG_ERROR,       /* the query failed with another message than expected */
    PQT_ANNOTATIONS,       /* warnings / infos differ from the expectation */
    PQT_WRONG_RESULT,      /* result type, series, values or order differ */
    PQT_AT_MODIFIER,       /* only the '@ <eval time>' variant differs */
    PQT_RANGE_MODE,        /* only the range-query variant differs */
    PQT_LIMIT              /* skipped: over the runner's configured caps */
} pqt_failure;

const char *pqt_failure_name(pqt_failure f);

typedef struct pqt_item {
    const char *file;        /* the script name as given */
    int line;                /* 1-based line of the eval (or of the broken command) */
    const char *expr;        /* the query as written (or the command line) */
    pqt_failure failure;     /* PQT_OK when the eval passed */
    const char *message;     /* what failed, in the upstream runner's words; NULL when passed */
    const char *variant;     /* the query that failed when it was a variant, else NULL */
    const char *expected;    /* the expectation, one line per series; may be NULL */
    const char *got;         /* the result, one line per series; may be NULL */
} pqt_item;

typedef struct pqt_config {
    size_t max_evals;        /* stop after this many evals; 0 = no limit */
    int64_t max_steps;       /* range evals with more steps are skipped as PQT_LIMIT; 0 = no limit */
    bool skip_variants;      /* do not run the '@' and range-mode variants */
} pqt_config;

typedef void (*pqt_report_fn)(void *arg, const pqt_item *item);

/* Run one script (len bytes, no NUL needed). Returns 0, or -1 when the runner itself could not
 * start (out of memory), with a message in errbuf. */
int pqt_run_script(const char *file, const char *data, size_t len, const pqt_config *cfg,
                   pqt_report_fn report, void *arg, char *errbuf, size_t errlen);

/* Pieces exposed for the unit tests. */
/* Go's strconv.Unquote for "...", `...` and '.' literals; the result is malloc'ed. */
int pqt_go_unquote(const char *s, size_t len, char **out, size_t *out_len);
/* Go's strconv.ParseInt(s, 0, 64) then ParseFloat(s, 64), as parseNumber in test.go. */
bool pqt_parse_number(const char *s, size_t len, double *out);
/* util/almost.Equal with the runner's epsilon (1e-6): NaN equals NaN, StaleNaN only itself. */
bool pqt_almost_equal(double a, double b);

#endif
