/*
 * memstore.h -- private to the storage layer and the fixture loaders: the in-memory store's
 * structures and the fast append paths (by series id) the loaders use.
 *
 * Layout: series are interned by label set (hash table over label-set hashes); label strings
 * are interned once. Each series is columnar: a timestamps array and a values array (16 bytes a
 * float sample), a parallel array of histogram pointers only once the series holds one, and a
 * start-timestamps array only once a sample carries one (0 there means "unknown"). The inverted
 * index maps each (name, value) pair to the ascending ids of the series holding it, and each
 * name to its pairs.
 */
#ifndef PQ_MEMSTORE_H
#define PQ_MEMSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "promql/promql.h"
#include "util/arena.h"

typedef struct pq_postings {
    uint32_t *ids;       /* ascending series ids */
    size_t n, cap;
} pq_postings;

typedef struct pq_pair {
    const char *name;    /* interned */
    const char *value;   /* interned */
    pq_postings postings;
} pq_pair;

typedef struct pq_lname {
    const char *name;    /* interned */
    uint32_t *pairs;     /* indexes into store->pairs */
    size_t n, cap;
} pq_lname;

typedef struct pq_series {
    promql_labels labels;      /* items malloc'ed, strings interned */
    uint64_t hash;
    size_t n, cap;
    int64_t *ts;
    double *values;
    promql_histogram **hists;  /* NULL until the series gets a histogram */
    int64_t *start_ts;         /* NULL until a sample carries a start timestamp */
    int64_t hchunk_mint;       /* first timestamp of the emulated head histogram chunk */
} pq_series;

/* Open-addressing tables: slots hold index+1 (0 = empty). */
typedef struct pq_table {
    uint32_t *slots;
    size_t cap;                /* power of two */
    size_t count;
} pq_table;

struct promql_memstore {
    promql_storage storage;
    pq_arena strings;          /* interned label strings */
    char **interned;           /* open-addressing set of the interned strings */
    size_t interned_cap, interned_count;
    pq_series *series;
    size_t series_count, series_cap;
    pq_table series_table;     /* label-set hash -> series */
    pq_pair *pairs;
    size_t pair_count, pair_cap;
    pq_table pair_table;       /* (name ptr, value ptr) -> pair */
    pq_lname *names;
    size_t name_count, name_cap;
    pq_table name_table;       /* name ptr -> lname */
    size_t sample_count;
    uint32_t *rank;            /* rank[id]: position of the series in label order, or NULL */
    size_t rank_count;         /* series the ranks cover; stale once series_count differs */
};

/* Find or create the series for a label set (sorted by name, names unique; empty values are
 * dropped as Prometheus drops them). Returns the id, or -1 on OOM / invalid labels with err. */
int64_t pq_memstore_series_id(promql_memstore *s, const promql_labels *labels, promql_error *err);

/* Append one sample to a series by id. hist NULL: a float (its bits kept exactly). has_st: the
 * sample carries start timestamp st. Out-of-order and conflicting duplicates are errors. A
 * histogram's counter_reset_hint is replaced by the one it reads back with (memstore_hint.c). */
promql_error_code pq_memstore_append_id(promql_memstore *s, uint32_t id, int64_t t, double v,
                                        const promql_histogram *hist, bool has_st, int64_t st,
                                        promql_error *err);

/* Index lookups by content (NULL when the name / pair was never stored). */
const pq_lname *pq_memstore_find_name(const promql_memstore *s, const char *name);
const pq_pair *pq_memstore_find_pair(const promql_memstore *s, const char *name, const char *value);

/* Shrink every series' arrays to their exact size and rank the series in label order, so that
 * select() sorts its results by integer rank (after a bulk load; a new series voids the ranks
 * until the next compaction, select() then compares labels). */
void pq_memstore_compact(promql_memstore *s);

/* Bytes held for samples (timestamps, values, histogram pointers, start timestamps). */
size_t pq_memstore_sample_bytes(const promql_memstore *s);

/* The counter-reset hint histogram h, appended at t after the series' current last sample,
 * reads back with from Prometheus's TSDB head (memstore_hint.c); tracks the series' emulated
 * chunk start. */
promql_counter_reset_hint pq_memstore_stored_hint(pq_series *se, int64_t t, const promql_histogram *h);

/* Error helper: fill err (when non-NULL) and return code. */
promql_error_code pq_store_error(promql_error *err, promql_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* select / label_names / label_values callbacks (memstore_select.c). */
int pq_memstore_select(void *ctx, const promql_matcher *matchers, size_t matcher_count,
                       const promql_select_hints *hints, promql_series_set **out, char *errbuf,
                       size_t errlen);
int pq_memstore_label_names(void *ctx, int (*emit)(void *arg, const char *s), void *arg,
                            char *errbuf, size_t errlen);
int pq_memstore_label_values(void *ctx, const char *name, int (*emit)(void *arg, const char *s),
                             void *arg, char *errbuf, size_t errlen);

#endif
