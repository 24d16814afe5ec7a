/*
 * eval_mock_storage.h -- a tiny promql_storage for the evaluator's unit tests: float series with
 * equality matchers, samples handed out in batches of three to exercise batch boundaries.
 * Header-only; include it in one test file.
 */
#ifndef EVAL_MOCK_STORAGE_H
#define EVAL_MOCK_STORAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "promql/storage.h"

/* ---- mock storage: series with float samples, equality matchers only ---------------------- */

#define MAXS 16
#define MAXP 64

typedef struct mock_series {
    promql_label labels[4];
    size_t nlabels;
    int64_t t[MAXP];
    double v[MAXP];
    size_t n;
} mock_series;

typedef struct mock_db {
    mock_series s[MAXS];
    size_t n;
} mock_db;

typedef struct mock_iter {
    promql_sample_iter base;
    const mock_series *s;
    size_t pos;
} mock_iter;

typedef struct mock_set {
    promql_series_set base;
    const mock_db *db;
    const promql_matcher *ms;
    size_t nm;
    size_t pos;
} mock_set;

static int it_seek(promql_sample_iter *it, int64_t t, char *e, size_t el)
{
    mock_iter *m = (mock_iter *)it;
    m->pos = 0;
    while (m->pos < m->s->n && m->s->t[m->pos] < t)
        m->pos++;
    return 0;
}

static int it_next(promql_sample_iter *it, promql_sample_batch *b, char *e, size_t el)
{
    mock_iter *m = (mock_iter *)it;
    /* Batches of at most 3 samples, to exercise batch boundaries. */
    size_t left = m->s->n - m->pos, c = left < 3 ? left : 3;
    b->timestamps = m->s->t + m->pos;
    b->values = m->s->v + m->pos;
    b->histograms = NULL;
    b->start_ts = NULL;
    b->count = c;
    m->pos += c;
    return 0;
}

static void it_close(promql_sample_iter *it) { free(it); }

static const promql_sample_iter_ops iter_ops = {it_seek, it_next, it_close};

static const char *label_of(const mock_series *s, const char *name)
{
    for (size_t i = 0; i < s->nlabels; i++)
        if (!strcmp(s->labels[i].name, name))
            return s->labels[i].value;
    return "";
}

static int set_next(promql_series_set *set, promql_labels *ls, promql_sample_iter **iter, char *e, size_t el)
{
    mock_set *m = (mock_set *)set;
    while (m->pos < m->db->n) {
        const mock_series *s = &m->db->s[m->pos++];
        bool ok = true;
        for (size_t i = 0; i < m->nm && ok; i++) {
            bool eq = !strcmp(label_of(s, m->ms[i].name), m->ms[i].value);
            ok = m->ms[i].type == PROMQL_MATCH_EQUAL ? eq : !eq;
        }
        if (!ok)
            continue;
        ls->items = s->labels;
        ls->count = s->nlabels;
        mock_iter *it = calloc(1, sizeof *it);
        it->base.ops = &iter_ops;
        it->s = s;
        *iter = &it->base;
        return 1;
    }
    return 0;
}

static void set_close(promql_series_set *set) { free(set); }

static const promql_series_set_ops set_ops = {set_next, set_close};

static int mock_select(void *ctx, const promql_matcher *ms, size_t nm, const promql_select_hints *h,
                       promql_series_set **out, char *e, size_t el)
{
    mock_set *m = calloc(1, sizeof *m);
    m->base.ops = &set_ops;
    m->db = ctx;
    m->ms = ms;
    m->nm = nm;
    *out = &m->base;
    return 0;
}

/* Add a series: labels as "name", "value" pairs (sorted by the caller), samples every
 * 'interval' ms from 0; NAN_STALE marks a staleness marker, NAN_SKIP a missing sample. */
#define SKIP 1e300
#define STALE 2e300
static void add_series(mock_db *db, const char *metric, const char *lname, const char *lval, int64_t interval,
                       int n, const double *vals)
{
    mock_series *s = &db->s[db->n++];
    s->labels[s->nlabels++] = (promql_label){"__name__", metric};
    if (lname)
        s->labels[s->nlabels++] = (promql_label){lname, lval};
    for (int i = 0; i < n; i++) {
        if (vals[i] == SKIP)
            continue;
        s->t[s->n] = i * interval;
        if (vals[i] == STALE) {
            uint64_t bits = PROMQL_STALE_NAN_BITS;
            memcpy(&s->v[s->n], &bits, 8);
        } else {
            s->v[s->n] = vals[i];
        }
        s->n++;
    }
}

#endif
