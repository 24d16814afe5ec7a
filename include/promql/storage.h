/*
 * promql/storage.h -- the interface a backend implements to be queried by libpromql.
 *
 * It is modelled on what time-series stores actually have: a select() over label matchers that
 * yields series, each with a sorted label set and a sample iterator that can seek and that hands
 * out samples in batches (a timestamps array and a values array). A backend that decodes
 * compressed chunks passes each decoded block as it is; the evaluator loops over arrays.
 *
 * Everything here is plain data plus function pointers: a mock storage in a test is just another
 * implementation of struct promql_storage. Included by promql.h; it may also be used alone.
 *
 * Thread-safety: the engine may call select() from several threads at once (one per running
 * query), so a backend that is read-only while queried needs no locking. Each series set and
 * iterator it returns is used by one thread only.
 */
#ifndef PROMQL_STORAGE_H_INCLUDED
#define PROMQL_STORAGE_H_INCLUDED

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef PROMQL_API
#  if defined(PROMQL_BUILDING) && defined(__GNUC__)
#    define PROMQL_API __attribute__((visibility("default")))
#  else
#    define PROMQL_API
#  endif
#endif

/* ---- labels ------------------------------------------------------------------------------- */

/* One label: both strings NUL-terminated UTF-8. The metric name is the label "__name__". */
typedef struct promql_label {
    const char *name;
    const char *value;
} promql_label;

/* A label set: sorted by name (byte order), names unique, no empty values. */
typedef struct promql_labels {
    const promql_label *items;
    size_t count;
} promql_labels;

/* ---- matchers ----------------------------------------------------------------------------- */

typedef enum promql_match_type {
    PROMQL_MATCH_EQUAL = 0,   /* =  */
    PROMQL_MATCH_NOT_EQUAL,   /* != */
    PROMQL_MATCH_REGEX,       /* =~ (RE2 syntax, fully anchored, '.' matches newline) */
    PROMQL_MATCH_NOT_REGEX    /* !~ */
} promql_match_type;

/* A label matcher handed to select(). A missing label matches as the empty string, as in
 * Prometheus. Backends may inspect type/name/value to use their own indexes, and call
 * promql_matcher_matches() for the exact semantics (it uses the compiled regex). */
typedef struct promql_matcher {
    promql_match_type type;
    const char *name;
    const char *value;
    const void *compiled;     /* library-private compiled form; never touched by backends */
} promql_matcher;

/* Whether value (the label's value, "" when absent) satisfies the matcher. */
PROMQL_API int promql_matcher_matches(const promql_matcher *m, const char *value);

/* ---- samples ------------------------------------------------------------------------------ */

/* Staleness markers are stored as this exact NaN bit pattern (Prometheus's value.StaleNaN).
 * Any other NaN is an ordinary value. */
#define PROMQL_STALE_NAN_BITS 0x7ff0000000000002ULL

/* A bucket span of a native histogram: 'offset' buckets skipped, then 'length' buckets. */
typedef struct promql_span {
    int32_t offset;
    uint32_t length;
} promql_span;

typedef enum promql_counter_reset_hint {
    PROMQL_HINT_UNKNOWN = 0,
    PROMQL_HINT_COUNTER_RESET,
    PROMQL_HINT_NOT_COUNTER_RESET,
    PROMQL_HINT_GAUGE
} promql_counter_reset_hint;

/* A native histogram sample in float form (bucket counts absolute, not deltas).
 * schema -4..8 are exponential; -53 has custom bucket bounds in custom_values (NHCB). */
typedef struct promql_histogram {
    int32_t schema;
    promql_counter_reset_hint counter_reset_hint;
    double zero_threshold;
    double zero_count;
    double count;
    double sum;
    const promql_span *positive_spans;
    size_t positive_span_count;
    const double *positive_buckets;
    size_t positive_bucket_count;
    const promql_span *negative_spans;
    size_t negative_span_count;
    const double *negative_buckets;
    size_t negative_bucket_count;
    const double *custom_values;
    size_t custom_value_count;
} promql_histogram;

/* A batch of consecutive samples of one series, in timestamp order (milliseconds since the
 * epoch). The arrays stay valid until the next call on the same iterator.
 *   start_ts:   created ("start") timestamps, or NULL when the series has none.
 *   histograms: NULL when every sample of the batch is a float; otherwise histograms[i] is
 *               the histogram of sample i, or NULL when sample i is a float (values[i]). */
typedef struct promql_sample_batch {
    const int64_t *timestamps;
    const double *values;
    const int64_t *start_ts;
    const promql_histogram *const *histograms;
    size_t count;
} promql_sample_batch;

/* Hints about what the evaluator will read, as Prometheus's SelectHints: a backend may use
 * them to prune (mint/maxt) or to push work down; it may also ignore them all. */
typedef struct promql_select_hints {
    int64_t start_ms;         /* earliest timestamp the evaluator needs (inclusive) */
    int64_t end_ms;           /* latest timestamp it needs (inclusive) */
    int64_t step_ms;          /* query step; 0 for an instant query */
    int64_t range_ms;         /* range of the enclosing matrix selector, else 0 */
    const char *func;         /* enclosing function or aggregation name, or NULL */
    const char *const *grouping;  /* grouping labels of the enclosing aggregation */
    size_t grouping_count;
    int by;                   /* 1 for 'by', 0 for 'without' (with grouping) */
} promql_select_hints;

/* ---- iterators and series sets ------------------------------------------------------------ */

typedef struct promql_sample_iter promql_sample_iter;
typedef struct promql_series_set promql_series_set;

/* Return codes of storage callbacks: 0 on success, non-zero on failure with a message written
 * into errbuf (NUL-terminated, at most errlen bytes). */
typedef struct promql_sample_iter_ops {
    /* Position at the first sample with timestamp >= t. */
    int (*seek)(promql_sample_iter *it, int64_t t, char *errbuf, size_t errlen);
    /* Fill *batch with the next samples from the current position; batch->count == 0 at the end. */
    int (*next_batch)(promql_sample_iter *it, promql_sample_batch *batch, char *errbuf, size_t errlen);
    void (*close)(promql_sample_iter *it);
} promql_sample_iter_ops;

/* A backend embeds this as the first member of its own iterator struct. */
struct promql_sample_iter {
    const promql_sample_iter_ops *ops;
};

typedef struct promql_series_set_ops {
    /* Next series: its labels (valid until the set is closed) and a new iterator that the caller
     * closes. Returns 1 when a series was produced, 0 at the end, -1 on error (errbuf set). */
    int (*next)(promql_series_set *set, promql_labels *labels, promql_sample_iter **iter,
                char *errbuf, size_t errlen);
    void (*close)(promql_series_set *set);
} promql_series_set_ops;

struct promql_series_set {
    const promql_series_set_ops *ops;
};

/* The storage a query runs over. 'ctx' is the backend's own handle, passed back to each call. */
typedef struct promql_storage {
    void *ctx;
    /* Series matching all matchers (at least one non-empty-matching matcher is guaranteed by the
     * parser), in label order or not (the engine sorts). 0 on success. */
    int (*select)(void *ctx, const promql_matcher *matchers, size_t matcher_count,
                  const promql_select_hints *hints, promql_series_set **out,
                  char *errbuf, size_t errlen);
    /* Optional (may be NULL): distinct label names / values of one name, for tooling. The strings
     * are handed to 'emit' one by one, in sorted order; 'emit' returning non-zero stops early. */
    int (*label_names)(void *ctx, int (*emit)(void *arg, const char *s), void *arg,
                       char *errbuf, size_t errlen);
    int (*label_values)(void *ctx, const char *name, int (*emit)(void *arg, const char *s),
                        void *arg, char *errbuf, size_t errlen);
} promql_storage;

#ifdef __cplusplus
}
#endif
#endif /* PROMQL_STORAGE_H_INCLUDED */
