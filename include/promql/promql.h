/*
 * promql/promql.h -- the public API of libpromql, a PromQL (Prometheus 3.x) query engine.
 *
 * One header, a promql_ prefix, opaque handles created and freed in pairs (freeing NULL is a
 * no-op), errors returned as codes with a message and a position. The library never prints,
 * never exits and never aborts on bad input, and it has no global state.
 *
 * Thread-safety: a promql_engine is immutable after creation and may run queries from several
 * threads at once over a storage that is read-only while queried. A promql_expr, a
 * promql_result and a promql_memstore are each used by one thread at a time.
 *
 * Memory: a query's memory comes from its own arena, freed when the query ends. Each thread
 * that runs queries keeps up to 64 MiB of freed large blocks for its next query (so big
 * queries do not fault their memory in afresh every time); they are freed when the thread
 * exits.
 */
#ifndef PROMQL_H_INCLUDED
#define PROMQL_H_INCLUDED

#include <stddef.h>
#include <stdint.h>

#include "promql/storage.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PROMQL_VERSION_MAJOR 0
#define PROMQL_VERSION_MINOR 1
#define PROMQL_VERSION_PATCH 0
#define PROMQL_VERSION_NUMBER (PROMQL_VERSION_MAJOR * 10000 + PROMQL_VERSION_MINOR * 100 + PROMQL_VERSION_PATCH)
#define PROMQL_VERSION_STRING "0.1.0"
/* The Prometheus release whose semantics this library follows. */
#define PROMQL_PROMETHEUS_VERSION "3.14.0"

/* Runtime version, to compare with the macros the caller was compiled against. */
PROMQL_API unsigned promql_version_number(void);
PROMQL_API const char *promql_version_string(void);

/* ---- errors ------------------------------------------------------------------------------- */

typedef enum promql_error_code {
    PROMQL_OK = 0,
    PROMQL_ERR_BAD_DATA,          /* the query or input is invalid (parse and type errors) */
    PROMQL_ERR_EXECUTION,         /* evaluation failed (e.g. many-to-many matching) */
    PROMQL_ERR_TIMEOUT,           /* the engine's timeout elapsed */
    PROMQL_ERR_CANCELED,          /* the cancel flag was raised */
    PROMQL_ERR_TOO_MANY_SAMPLES,  /* the max-samples limit was hit */
    PROMQL_ERR_STORAGE,           /* the storage backend reported an error */
    PROMQL_ERR_RESOURCE,          /* a memory, series or depth limit was hit, or out of memory */
    PROMQL_ERR_INTERNAL           /* a bug: please report it */
} promql_error_code;

#define PROMQL_ERROR_MESSAGE_MAX 4096

/* An error is plain data. 'message' is the text Prometheus would give (parse errors start with
 * "line:col: parse error: "). The position is a byte range of the query, or -1 when none. */
typedef struct promql_error {
    promql_error_code code;
    char message[PROMQL_ERROR_MESSAGE_MAX];
    int64_t pos_start;   /* byte offset of the offending expression, or -1 */
    int64_t pos_end;
    int line;            /* 1-based line and column (in runes) of pos_start, or 0 */
    int column;
} promql_error;

/* Prometheus's errorType word for a code: "bad_data", "execution", "timeout", "canceled", ... */
PROMQL_API const char *promql_error_type_name(promql_error_code code);

/* ---- parsing and printing ----------------------------------------------------------------- */

typedef struct promql_expr promql_expr;   /* a parsed, type-checked expression (owns its AST) */

typedef struct promql_parse_options {
    int enable_experimental_functions;   /* default on in promql_parse_options_init */
    int enable_extended_range_selectors; /* anchored, smoothed */
    int enable_binop_fill_modifiers;     /* fill, fill_left, fill_right */
    size_t max_query_length;             /* bytes; 0 = unlimited */
    int max_depth;                       /* nesting limit; default 1000. Each level costs about
                                            1 KB of stack (3 KB sanitized) in parsing and
                                            evaluation: lower it on small thread stacks */
} promql_parse_options;

PROMQL_API void promql_parse_options_init(promql_parse_options *opts);

/* Parse and type-check 'len' bytes of 'query' (no NUL terminator needed). On success *out owns
 * the expression; free it with promql_expr_free. On failure returns the error code, fills *err
 * (when non-NULL) and sets *out to NULL. opts may be NULL for the defaults. */
PROMQL_API promql_error_code promql_parse(const char *query, size_t len, const promql_parse_options *opts,
                                          promql_expr **out, promql_error *err);
PROMQL_API void promql_expr_free(promql_expr *expr);

/* Print an expression in Prometheus's canonical one-line form, or in its prettified multi-line
 * form (pretty != 0). Returns a malloc'ed NUL-terminated string the caller frees, or NULL when
 * out of memory. */
PROMQL_API char *promql_expr_format(const promql_expr *expr, int pretty);

/* The expression's AST as JSON (node types, children, positions), malloc'ed. */
PROMQL_API char *promql_expr_to_json(const promql_expr *expr);

/* ---- in-memory storage -------------------------------------------------------------------- */

/* A columnar in-memory store with an inverted index, usable as a promql_storage. */
typedef struct promql_memstore promql_memstore;

PROMQL_API promql_memstore *promql_memstore_new(void);
PROMQL_API void promql_memstore_free(promql_memstore *store);
/* The storage view of the store (valid while the store lives). */
PROMQL_API const promql_storage *promql_memstore_storage(promql_memstore *store);
/* Append one float sample. Samples of a series must come in increasing timestamp order;
 * an older or equal timestamp is an error (PROMQL_ERR_BAD_DATA), nothing is changed. */
PROMQL_API promql_error_code promql_memstore_append(promql_memstore *store, const promql_labels *labels,
                                                    int64_t t_ms, double value, promql_error *err);
/* Append one histogram sample (copied). As Prometheus's TSDB, the store does not keep the
 * counter_reset_hint it is given: samples read back with the hint Prometheus's head chunks give
 * (unknown at a chunk's first sample, not_reset after it, gauge throughout a gauge chunk; a
 * chunk starts at a counter reset, an explicit reset hint, a gauge/counter or layout change). */
PROMQL_API promql_error_code promql_memstore_append_histogram(promql_memstore *store, const promql_labels *labels,
                                                              int64_t t_ms, const promql_histogram *h,
                                                              promql_error *err);
/* Drop all data. */
PROMQL_API void promql_memstore_clear(promql_memstore *store);
PROMQL_API size_t promql_memstore_series_count(const promql_memstore *store);
PROMQL_API size_t promql_memstore_sample_count(const promql_memstore *store);

/* Load a fixture file into the store: OpenMetrics / Prometheus text (.om .prom .txt), promqltest
 * load blocks (.test), promtool rule-test input_series (.yml .yaml); the format is picked by
 * extension, else by content. Errors name "file:line:col: message". */
PROMQL_API promql_error_code promql_memstore_load_file(promql_memstore *store, const char *path, promql_error *err);
/* The same from memory; 'name' is used in error messages and to pick the format. */
PROMQL_API promql_error_code promql_memstore_load_buffer(promql_memstore *store, const char *name,
                                                         const char *data, size_t len, promql_error *err);

/* ---- engine and queries ------------------------------------------------------------------- */

typedef struct promql_engine promql_engine;

typedef struct promql_engine_options {
    int64_t lookback_delta_ms;           /* default 5m */
    int64_t max_samples;                 /* default 50,000,000 (Prometheus's default) */
    int64_t timeout_ms;                  /* 0 = none */
    const volatile int *cancel_flag;     /* when non-NULL and set non-zero, queries stop */
    size_t max_series_per_select;        /* 0 = unlimited */
    size_t max_memory_bytes;             /* per query evaluation; 0 = unlimited */
    int enable_experimental_functions;   /* default on */
    int enable_extended_range_selectors; /* default on */
    int enable_binop_fill_modifiers;     /* default on */
    int enable_at_modifier;              /* default on */
    int enable_negative_offset;          /* default on */
    int enable_delayed_name_removal;     /* default off, as in Prometheus 3.14, where it is the
                                            experimental flag promql-delayed-name-removal; the
                                            promqltest runner turns it on as upstream's does */
    int64_t default_subquery_step_ms;    /* step of a subquery written without one; default 1m
                                            (Prometheus's global evaluation interval) */
    int use_start_timestamps;            /* hand the storage's start (created) timestamps to
                                            rate() and friends; default off, as Prometheus
                                            (promqltest runs with it on) */
} promql_engine_options;

PROMQL_API void promql_engine_options_init(promql_engine_options *opts);
PROMQL_API promql_engine *promql_engine_new(const promql_engine_options *opts, promql_error *err);
PROMQL_API void promql_engine_free(promql_engine *engine);
/* Query memory is freed when a result is freed, except the last few big blocks (64 MiB at
 * most for the whole process), which are kept for the next query so that it does not fault
 * its memory in again page by page. This returns them to the system now (thread-safe). */
PROMQL_API void promql_release_cached_memory(void);

typedef struct promql_result promql_result;

/* Evaluate at one instant (milliseconds since the epoch). */
PROMQL_API promql_error_code promql_query_instant(promql_engine *engine, const promql_storage *storage,
                                                  const char *query, size_t len, int64_t t_ms,
                                                  promql_result **out, promql_error *err);
/* Evaluate over [start, end] every step (> 0) milliseconds. */
PROMQL_API promql_error_code promql_query_range(promql_engine *engine, const promql_storage *storage,
                                                const char *query, size_t len, int64_t start_ms,
                                                int64_t end_ms, int64_t step_ms,
                                                promql_result **out, promql_error *err);
/* The same on an already parsed expression (not consumed). */
PROMQL_API promql_error_code promql_eval_instant(promql_engine *engine, const promql_storage *storage,
                                                 const promql_expr *expr, int64_t t_ms,
                                                 promql_result **out, promql_error *err);
PROMQL_API promql_error_code promql_eval_range(promql_engine *engine, const promql_storage *storage,
                                               const promql_expr *expr, int64_t start_ms, int64_t end_ms,
                                               int64_t step_ms, promql_result **out, promql_error *err);

/* ---- results ------------------------------------------------------------------------------ */

typedef enum promql_value_type {
    PROMQL_VALUE_NONE = 0,
    PROMQL_VALUE_SCALAR,
    PROMQL_VALUE_STRING,
    PROMQL_VALUE_VECTOR,
    PROMQL_VALUE_MATRIX
} promql_value_type;

/* A result owns all its memory; everything it hands out lives until promql_result_free. */
PROMQL_API void promql_result_free(promql_result *result);
PROMQL_API promql_value_type promql_result_type(const promql_result *result);

/* Scalar: its time and value. String: its time and text. */
PROMQL_API double promql_result_scalar(const promql_result *result, int64_t *t_ms);
PROMQL_API const char *promql_result_string(const promql_result *result, int64_t *t_ms);

/* Vector and matrix: the series, in the engine's output order (sorted by labels for matrices). */
PROMQL_API size_t promql_result_series_count(const promql_result *result);
PROMQL_API promql_labels promql_result_series_labels(const promql_result *result, size_t i);
/* Float points of series i (a vector series has exactly one point, float or histogram). */
PROMQL_API size_t promql_result_series_floats(const promql_result *result, size_t i,
                                              const int64_t **timestamps, const double **values);
/* Histogram points of series i. */
PROMQL_API size_t promql_result_series_histograms(const promql_result *result, size_t i,
                                                  const int64_t **timestamps,
                                                  const promql_histogram *const **histograms);

typedef enum promql_annotation_kind {
    PROMQL_ANNOTATION_WARNING = 1,
    PROMQL_ANNOTATION_INFO = 2
} promql_annotation_kind;

/* Annotations, each with Prometheus's text (ending in the position " (line:col)"). */
PROMQL_API size_t promql_result_annotation_count(const promql_result *result);
PROMQL_API const char *promql_result_annotation(const promql_result *result, size_t i,
                                                promql_annotation_kind *kind);

typedef struct promql_query_stats {
    int64_t total_samples;        /* samples read from storage and touched by evaluation */
    int64_t peak_samples;         /* peak samples held at once, as Prometheus counts them */
    double parse_seconds;
    double eval_seconds;          /* inner evaluation */
    double total_seconds;
} promql_query_stats;

PROMQL_API const promql_query_stats *promql_result_stats(const promql_result *result);

#ifdef __cplusplus
}
#endif
#endif /* PROMQL_H_INCLUDED */
