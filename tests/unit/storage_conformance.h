/*
 * storage_conformance.h -- a conformance suite any promql_storage backend can run against
 * itself (cmocka). Include it in one test file, load the dataset into the backend with
 * pq_conformance_load_dataset() through your own append callback, and put
 * PQ_CONFORMANCE_TESTS(setup, teardown) in your cmocka test table; 'setup' must leave a
 * `const promql_storage *` holding the dataset in *state.
 *
 * The dataset (timestamps in ms; an empty label value means the label is absent):
 *   up{instance="a",job="api"}                        0..9 at 0,1000,...,9000
 *   up{instance="b",job="api"}                        1 @0, 2 @1000, stale @2000, 4 @3000
 *   up{env="",instance="a",job="db"}                  5 @0     (stored without env)
 *   http_requests_total{code="200",job="api",method="GET"}   i*10 at i*15000, i = 0..9
 *   http_requests_total{job="api",method="POST"}      1 @0, NaN @15000 (an ordinary NaN)
 *   node_load1{host="x\ny"}                           0.5 @0
 *   {__name__="metric.with.dots","label.utf8"="\u00fc"}   1 @0
 * It checks the four matcher kinds, matchers that match the empty string (and so select
 * series lacking the label), labels no series has, regex alternations and '.' matching
 * newline, label ordering of the result, seek and batch iteration to the end, staleness
 * marker bits, label names and values.
 */
#ifndef PQ_STORAGE_CONFORMANCE_H
#define PQ_STORAGE_CONFORMANCE_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "promql/storage.h"

typedef int (*pq_conformance_append_fn)(void *ctx, const promql_labels *labels, int64_t t_ms, double v);

static inline double pq_conformance_stale(void)
{
    uint64_t bits = PROMQL_STALE_NAN_BITS;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* Append the dataset, series by series, in timestamp order. Returns 0 or the first non-zero
 * result of 'append'. */
static inline int pq_conformance_load_dataset(pq_conformance_append_fn append, void *ctx)
{
    int rc;
#define PQC_LABELS(...) \
    promql_label items[] = { __VA_ARGS__ }; \
    promql_labels ls = { items, sizeof items / sizeof *items }
    {
        PQC_LABELS({ "__name__", "up" }, { "instance", "a" }, { "job", "api" });
        for (int i = 0; i < 10; i++)
            if ((rc = append(ctx, &ls, i * 1000, i)))
                return rc;
    }
    {
        PQC_LABELS({ "__name__", "up" }, { "instance", "b" }, { "job", "api" });
        if ((rc = append(ctx, &ls, 0, 1)) || (rc = append(ctx, &ls, 1000, 2)) ||
            (rc = append(ctx, &ls, 2000, pq_conformance_stale())) || (rc = append(ctx, &ls, 3000, 4)))
            return rc;
    }
    {
        PQC_LABELS({ "__name__", "up" }, { "env", "" }, { "instance", "a" }, { "job", "db" });
        if ((rc = append(ctx, &ls, 0, 5)))
            return rc;
    }
    {
        PQC_LABELS({ "__name__", "http_requests_total" }, { "code", "200" }, { "job", "api" }, { "method", "GET" });
        for (int i = 0; i < 10; i++)
            if ((rc = append(ctx, &ls, i * 15000, i * 10)))
                return rc;
    }
    {
        PQC_LABELS({ "__name__", "http_requests_total" }, { "job", "api" }, { "method", "POST" });
        if ((rc = append(ctx, &ls, 0, 1)) || (rc = append(ctx, &ls, 15000, NAN)))
            return rc;
    }
    {
        PQC_LABELS({ "__name__", "node_load1" }, { "host", "x\ny" });
        if ((rc = append(ctx, &ls, 0, 0.5)))
            return rc;
    }
    {
        PQC_LABELS({ "__name__", "metric.with.dots" }, { "label.utf8", "\xc3\xbc" });
        if ((rc = append(ctx, &ls, 0, 1)))
            return rc;
    }
#undef PQC_LABELS
    return 0;
}

/* ---- helpers ------------------------------------------------------------------------------ */

#define PQC_MAX 16

typedef struct pq_conformance_result {
    size_t n;
    char names[PQC_MAX][256];    /* each series' labels as {a="b",...} */
} pq_conformance_result;

static inline void pq_conformance_format(const promql_labels *l, char *buf, size_t len)
{
    size_t o = (size_t)snprintf(buf, len, "{");
    for (size_t i = 0; i < l->count && o < len; i++)
        o += (size_t)snprintf(buf + o, len - o, "%s%s=\"%s\"", i ? "," : "", l->items[i].name, l->items[i].value);
    if (o < len)
        snprintf(buf + o, len - o, "}");
}

/* Run select() with matchers given as triples (type, name, value) and collect the label sets,
 * checking each iterator can be drained. */
static inline void pq_conformance_select(const promql_storage *st, const promql_matcher *ms, size_t n,
                                         pq_conformance_result *out)
{
    char err[256];
    promql_series_set *set = NULL;
    assert_int_equal(st->select(st->ctx, ms, n, NULL, &set, err, sizeof err), 0);
    assert_non_null(set);
    out->n = 0;
    promql_labels labels;
    promql_sample_iter *it;
    int r;
    while ((r = set->ops->next(set, &labels, &it, err, sizeof err)) == 1) {
        assert_true(out->n < PQC_MAX);
        pq_conformance_format(&labels, out->names[out->n], sizeof out->names[0]);
        out->n++;
        it->ops->close(it);
    }
    assert_int_equal(r, 0);
    set->ops->close(set);
}

#define PQC_M(t, n, v) { PROMQL_MATCH_##t, n, v, NULL }

static inline void pq_conformance_expect(const promql_storage *st, const promql_matcher *ms, size_t n,
                                         const char *const *want, size_t nwant)
{
    pq_conformance_result res;
    pq_conformance_select(st, ms, n, &res);
    if (res.n != nwant) {
        for (size_t i = 0; i < res.n; i++)
            print_message("got %s\n", res.names[i]);
        fail_msg("got %zu series, want %zu", res.n, nwant);
    }
    for (size_t i = 0; i < nwant; i++)
        assert_string_equal(res.names[i], want[i]);
}

#define PQC_EXPECT(st, ms, ...) do { \
        const char *const want_[] = { __VA_ARGS__ }; \
        pq_conformance_expect(st, ms, sizeof ms / sizeof *ms, want_, sizeof want_ / sizeof *want_); \
    } while (0)
#define PQC_EXPECT_NONE(st, ms) pq_conformance_expect(st, ms, sizeof ms / sizeof *ms, NULL, 0)

#define PQC_UP_A_API "{__name__=\"up\",instance=\"a\",job=\"api\"}"
#define PQC_UP_A_DB  "{__name__=\"up\",instance=\"a\",job=\"db\"}"
#define PQC_UP_B_API "{__name__=\"up\",instance=\"b\",job=\"api\"}"
#define PQC_HTTP_GET "{__name__=\"http_requests_total\",code=\"200\",job=\"api\",method=\"GET\"}"
#define PQC_HTTP_POST "{__name__=\"http_requests_total\",job=\"api\",method=\"POST\"}"

/* ---- the tests ---------------------------------------------------------------------------- */

static void pq_conformance_equal(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m1[] = { PQC_M(EQUAL, "__name__", "up") };
    PQC_EXPECT(st, m1, PQC_UP_A_API, PQC_UP_A_DB, PQC_UP_B_API);
    promql_matcher m2[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(EQUAL, "instance", "a") };
    PQC_EXPECT(st, m2, PQC_UP_A_API, PQC_UP_A_DB);
    promql_matcher m3[] = { PQC_M(EQUAL, "__name__", "nope") };
    PQC_EXPECT_NONE(st, m3);
    promql_matcher m4[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(EQUAL, "job", "nope") };
    PQC_EXPECT_NONE(st, m4);
}

static void pq_conformance_not_equal(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m1[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(NOT_EQUAL, "job", "api") };
    PQC_EXPECT(st, m1, PQC_UP_A_DB);
    /* a missing label is "", which differs from "200" */
    promql_matcher m2[] = { PQC_M(EQUAL, "__name__", "http_requests_total"), PQC_M(NOT_EQUAL, "code", "200") };
    PQC_EXPECT(st, m2, PQC_HTTP_POST);
}

static void pq_conformance_regex(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m1[] = { PQC_M(REGEX, "__name__", "up|http_requests_total"), PQC_M(REGEX, "job", "a.*") };
    PQC_EXPECT(st, m1, PQC_HTTP_GET, PQC_HTTP_POST, PQC_UP_A_API, PQC_UP_B_API);
    /* anchored: "p" alone does not match "up" */
    promql_matcher m2[] = { PQC_M(REGEX, "__name__", "p") };
    PQC_EXPECT_NONE(st, m2);
    promql_matcher m3[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(NOT_REGEX, "instance", "a") };
    PQC_EXPECT(st, m3, PQC_UP_B_API);
    /* '.' matches a newline */
    promql_matcher m4[] = { PQC_M(REGEX, "host", "x.y") };
    PQC_EXPECT(st, m4, "{__name__=\"node_load1\",host=\"x\ny\"}");
    promql_matcher m5[] = { PQC_M(REGEX, "label.utf8", "\\p{L}") };
    PQC_EXPECT(st, m5, "{__name__=\"metric.with.dots\",label.utf8=\"\xc3\xbc\"}");
    promql_matcher m6[] = { PQC_M(REGEX, "__name__", "up"), PQC_M(REGEX, "job", "db|nope") };
    PQC_EXPECT(st, m6, PQC_UP_A_DB);
}

static void pq_conformance_empty_matching(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m1[] = { PQC_M(EQUAL, "__name__", "http_requests_total"), PQC_M(EQUAL, "code", "") };
    PQC_EXPECT(st, m1, PQC_HTTP_POST);
    promql_matcher m2[] = { PQC_M(EQUAL, "__name__", "http_requests_total"), PQC_M(REGEX, "code", "2..|") };
    PQC_EXPECT(st, m2, PQC_HTTP_GET, PQC_HTTP_POST);
    promql_matcher m3[] = { PQC_M(EQUAL, "__name__", "http_requests_total"), PQC_M(NOT_REGEX, "code", ".+") };
    PQC_EXPECT(st, m3, PQC_HTTP_POST);
    promql_matcher m4[] = { PQC_M(EQUAL, "__name__", "http_requests_total"), PQC_M(REGEX, "code", ".*") };
    PQC_EXPECT(st, m4, PQC_HTTP_GET, PQC_HTTP_POST);
    /* the empty env value was stored as an absent label */
    promql_matcher m5[] = { PQC_M(EQUAL, "job", "db"), PQC_M(EQUAL, "env", "") };
    PQC_EXPECT(st, m5, PQC_UP_A_DB);
}

static void pq_conformance_absent_label(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m1[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(EQUAL, "nope", "") };
    PQC_EXPECT(st, m1, PQC_UP_A_API, PQC_UP_A_DB, PQC_UP_B_API);
    promql_matcher m2[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(NOT_EQUAL, "nope", "") };
    PQC_EXPECT_NONE(st, m2);
    promql_matcher m3[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(REGEX, "nope", ".+") };
    PQC_EXPECT_NONE(st, m3);
    promql_matcher m4[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(NOT_REGEX, "nope", "x") };
    PQC_EXPECT(st, m4, PQC_UP_A_API, PQC_UP_A_DB, PQC_UP_B_API);
}

static void pq_conformance_ordering(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m[] = { PQC_M(REGEX, "__name__", ".+") };
    PQC_EXPECT(st, m, PQC_HTTP_GET, PQC_HTTP_POST,
               "{__name__=\"metric.with.dots\",label.utf8=\"\xc3\xbc\"}",
               "{__name__=\"node_load1\",host=\"x\ny\"}", PQC_UP_A_API, PQC_UP_A_DB, PQC_UP_B_API);
}

/* Open the single series selected by 'm' and return its iterator (set closed later). */
static inline promql_sample_iter *pq_conformance_open(const promql_storage *st, const promql_matcher *m, size_t n,
                                                      promql_series_set **set)
{
    char err[256];
    assert_int_equal(st->select(st->ctx, m, n, NULL, set, err, sizeof err), 0);
    promql_labels labels;
    promql_sample_iter *it = NULL;
    assert_int_equal((*set)->ops->next(*set, &labels, &it, err, sizeof err), 1);
    return it;
}

/* Drain the iterator from its current position; returns the count and fills ts/vals. */
static inline size_t pq_conformance_drain(promql_sample_iter *it, int64_t *ts, double *vals, size_t cap)
{
    char err[256];
    size_t n = 0;
    for (int guard = 0; guard < 1000; guard++) {
        promql_sample_batch b;
        assert_int_equal(it->ops->next_batch(it, &b, err, sizeof err), 0);
        if (b.count == 0)
            return n;
        for (size_t i = 0; i < b.count; i++) {
            assert_true(n < cap);
            if (n)
                assert_true(b.timestamps[i] > ts[n - 1]);
            ts[n] = b.timestamps[i];
            memcpy(&vals[n], &b.values[i], sizeof(double));
            n++;
        }
    }
    fail_msg("iterator never ended");
    return n;
}

static void pq_conformance_seek_and_batches(void **state)
{
    const promql_storage *st = *state;
    char err[256];
    promql_matcher m[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(EQUAL, "instance", "a"), PQC_M(EQUAL, "job", "api") };
    promql_series_set *set;
    int64_t ts[64];
    double vals[64];

    promql_sample_iter *it = pq_conformance_open(st, m, 3, &set);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 64), 10);
    assert_int_equal(ts[0], 0);
    assert_int_equal(ts[9], 9000);
    assert_true(vals[9] == 9);
    it->ops->close(it);
    set->ops->close(set);

    it = pq_conformance_open(st, m, 3, &set);
    assert_int_equal(it->ops->seek(it, 4500, err, sizeof err), 0);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 64), 5);
    assert_int_equal(ts[0], 5000);
    it->ops->close(it);
    set->ops->close(set);

    it = pq_conformance_open(st, m, 3, &set);
    assert_int_equal(it->ops->seek(it, 5000, err, sizeof err), 0);   /* exact hit */
    assert_int_equal(pq_conformance_drain(it, ts, vals, 64), 5);
    assert_int_equal(ts[0], 5000);
    it->ops->close(it);
    set->ops->close(set);

    it = pq_conformance_open(st, m, 3, &set);
    assert_int_equal(it->ops->seek(it, -100000, err, sizeof err), 0);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 64), 10);
    it->ops->close(it);
    set->ops->close(set);

    it = pq_conformance_open(st, m, 3, &set);
    assert_int_equal(it->ops->seek(it, 9001, err, sizeof err), 0);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 64), 0);
    it->ops->close(it);
    set->ops->close(set);
}

static void pq_conformance_stale_bits(void **state)
{
    const promql_storage *st = *state;
    promql_matcher m[] = { PQC_M(EQUAL, "__name__", "up"), PQC_M(EQUAL, "instance", "b") };
    promql_series_set *set;
    int64_t ts[16];
    double vals[16];
    promql_sample_iter *it = pq_conformance_open(st, m, 2, &set);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 16), 4);
    uint64_t bits;
    memcpy(&bits, &vals[2], sizeof bits);
    assert_true(bits == PROMQL_STALE_NAN_BITS);
    assert_int_equal(ts[2], 2000);
    assert_true(vals[3] == 4);
    it->ops->close(it);
    set->ops->close(set);

    /* an ordinary NaN is not a staleness marker */
    promql_matcher m2[] = { PQC_M(EQUAL, "method", "POST") };
    it = pq_conformance_open(st, m2, 1, &set);
    assert_int_equal(pq_conformance_drain(it, ts, vals, 16), 2);
    memcpy(&bits, &vals[1], sizeof bits);
    assert_true(isnan(vals[1]));
    assert_true(bits != PROMQL_STALE_NAN_BITS);
    it->ops->close(it);
    set->ops->close(set);
}

typedef struct pq_conformance_strings {
    size_t n;
    char v[32][64];
    size_t stop_after;
} pq_conformance_strings;

static inline int pq_conformance_collect(void *arg, const char *s)
{
    pq_conformance_strings *c = arg;
    if (c->n < 32)
        snprintf(c->v[c->n], sizeof c->v[0], "%s", s);
    c->n++;
    return c->stop_after && c->n >= c->stop_after;
}

static void pq_conformance_label_names_values(void **state)
{
    const promql_storage *st = *state;
    char err[256];
    if (!st->label_names || !st->label_values)
        skip();
    pq_conformance_strings c = { 0 };
    assert_int_equal(st->label_names(st->ctx, pq_conformance_collect, &c, err, sizeof err), 0);
    const char *names[] = { "__name__", "code", "host", "instance", "job", "label.utf8", "method" };
    assert_int_equal(c.n, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(c.v[i], names[i]);
    pq_conformance_strings v = { 0 };
    assert_int_equal(st->label_values(st->ctx, "job", pq_conformance_collect, &v, err, sizeof err), 0);
    assert_int_equal(v.n, 2);
    assert_string_equal(v.v[0], "api");
    assert_string_equal(v.v[1], "db");
    pq_conformance_strings none = { 0 };
    assert_int_equal(st->label_values(st->ctx, "nope", pq_conformance_collect, &none, err, sizeof err), 0);
    assert_int_equal(none.n, 0);
    /* emit returning non-zero stops early */
    pq_conformance_strings one = { 0 };
    one.stop_after = 1;
    assert_int_equal(st->label_values(st->ctx, "__name__", pq_conformance_collect, &one, err, sizeof err), 0);
    assert_int_equal(one.n, 1);
    assert_string_equal(one.v[0], "http_requests_total");
}

#define PQ_CONFORMANCE_TESTS(setup, teardown) \
    cmocka_unit_test_setup_teardown(pq_conformance_equal, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_not_equal, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_regex, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_empty_matching, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_absent_label, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_ordering, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_seek_and_batches, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_stale_bits, setup, teardown), \
    cmocka_unit_test_setup_teardown(pq_conformance_label_names_values, setup, teardown)

#endif
