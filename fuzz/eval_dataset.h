/*
 * eval_dataset.h -- the fixed small dataset the evaluator fuzz targets (fuzz_eval.c,
 * fuzz_differential.c) query: about fifty series over one hour with every kind of sample the
 * engine has code paths for. Built once per process into a memstore; deterministic, so a crash
 * input replays the same way anywhere.
 *
 *   http_requests_total{job,instance,method,status}  counters scraped every 15s, with resets
 *   node_temperature_celsius{instance,zone}          gauges, one with NaN and +Inf samples
 *   up{job,instance}                                 0/1, one series going stale at 30m and back
 *   request_duration_seconds_bucket{instance,le}     classic histogram (with _sum and _count)
 *   rpc_latency_seconds{instance}                    native histograms (exponential schema 0),
 *                                                    one with a reset
 *   rpc_size_bytes{instance}                         native histograms with custom buckets
 *   queue_depth_histogram{instance}                  gauge native histogram
 *   mixed_metric{instance}                           floats then histograms in one series
 *   target_info{instance,version}                    info metric
 *
 * Times run 0..3600 s. Header-only (static) so each fuzz target and test links it directly.
 */
#ifndef PQ_FUZZ_EVAL_DATASET_H
#define PQ_FUZZ_EVAL_DATASET_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "promql/promql.h"

#define PQ_DS_END_MS 3600000
#define PQ_DS_STEP_MS 15000

static double pq_ds_stale(void)
{
    uint64_t bits = PROMQL_STALE_NAN_BITS;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* Labels must be given sorted by name ("__name__" sorts first). */
static int pq_ds_float(promql_memstore *s, const promql_label *ls, size_t n, int64_t t, double v)
{
    promql_error err;
    promql_labels l = {ls, n};
    return promql_memstore_append(s, &l, t, v, &err) == PROMQL_OK ? 0 : -1;
}

static int pq_ds_hist(promql_memstore *s, const promql_label *ls, size_t n, int64_t t, const promql_histogram *h)
{
    promql_error err;
    promql_labels l = {ls, n};
    return promql_memstore_append_histogram(s, &l, t, h, &err) == PROMQL_OK ? 0 : -1;
}

static int pq_ds_counters(promql_memstore *s)
{
    static const char *inst[] = {"a:80", "b:80", "c:80"};
    static const char *meth[] = {"get", "post"};
    static const char *status[] = {"200", "500"};
    for (int i = 0; i < 3; i++)
        for (int m = 0; m < 2; m++)
            for (int st = 0; st < 2; st++) {
                promql_label ls[] = {{"__name__", "http_requests_total"}, {"instance", inst[i]}, {"job", "api"},
                                     {"method", meth[m]}, {"status", status[st]}};
                double v = 0, rate = (double)(1 + i + 3 * m) * (st ? 0.1 : 1.0);
                for (int64_t t = 0; t <= PQ_DS_END_MS; t += PQ_DS_STEP_MS) {
                    /* a reset every 20 minutes on instance b, every 50 on c */
                    if ((i == 1 && t % 1200000 == 0 && t) || (i == 2 && t == 3000000))
                        v = 0;
                    v += rate * 15;
                    if (pq_ds_float(s, ls, 5, t, v))
                        return -1;
                }
            }
    return 0;
}

static int pq_ds_gauges(promql_memstore *s)
{
    static const char *inst[] = {"a:80", "b:80", "c:80"};
    static const char *zone[] = {"east", "west"};
    for (int i = 0; i < 3; i++)
        for (int z = 0; z < 2; z++) {
            promql_label ls[] = {{"__name__", "node_temperature_celsius"}, {"instance", inst[i]}, {"zone", zone[z]}};
            for (int64_t t = 0; t <= PQ_DS_END_MS; t += 30000) {
                double v = 40 + 10 * sin((double)t / 600000.0 + i) + z * 3 - i;
                if (i == 2 && z == 1 && t == 900000)
                    v = NAN;
                if (i == 2 && z == 1 && t == 1800000)
                    v = INFINITY;
                if (pq_ds_float(s, ls, 3, t, v))
                    return -1;
            }
        }
    for (int i = 0; i < 3; i++) {
        promql_label ls[] = {{"__name__", "up"}, {"instance", inst[i]}, {"job", "api"}};
        for (int64_t t = 0; t <= PQ_DS_END_MS; t += PQ_DS_STEP_MS) {
            double v = (i == 1 && t > 600000 && t < 900000) ? 0 : 1;
            if (i == 2 && t == 1800000)
                v = pq_ds_stale(); /* the target vanished ... */
            else if (i == 2 && t > 1800000 && t < 2400000)
                continue; /* ... and came back 10 minutes later */
            if (pq_ds_float(s, ls, 3, t, v))
                return -1;
        }
        promql_label info[] = {{"__name__", "target_info"}, {"instance", inst[i]}, {"job", "api"},
                               {"version", i == 0 ? "1.0" : "2.1"}};
        for (int64_t t = 0; t <= PQ_DS_END_MS; t += 60000)
            if (pq_ds_float(s, info, 4, t, 1))
                return -1;
    }
    return 0;
}

static int pq_ds_classic(promql_memstore *s)
{
    static const char *inst[] = {"a:80", "b:80"};
    static const char *le[] = {"0.1", "0.5", "1", "5", "+Inf"};
    static const double frac[] = {0.2, 0.55, 0.8, 0.97, 1.0};
    for (int i = 0; i < 2; i++) {
        for (int b = 0; b < 5; b++) {
            promql_label ls[] = {{"__name__", "request_duration_seconds_bucket"}, {"instance", inst[i]}, {"le", le[b]}};
            for (int64_t t = 0; t <= PQ_DS_END_MS; t += PQ_DS_STEP_MS) {
                double n = (double)(t / PQ_DS_STEP_MS) * (10 + i);
                if (pq_ds_float(s, ls, 3, t, floor(n * frac[b])))
                    return -1;
            }
        }
        promql_label sum[] = {{"__name__", "request_duration_seconds_sum"}, {"instance", inst[i]}};
        promql_label cnt[] = {{"__name__", "request_duration_seconds_count"}, {"instance", inst[i]}};
        for (int64_t t = 0; t <= PQ_DS_END_MS; t += PQ_DS_STEP_MS) {
            double n = (double)(t / PQ_DS_STEP_MS) * (10 + i);
            if (pq_ds_float(s, sum, 2, t, n * 0.31) || pq_ds_float(s, cnt, 2, t, n))
                return -1;
        }
    }
    return 0;
}

static int pq_ds_native(promql_memstore *s)
{
    static const char *inst[] = {"a:80", "b:80"};
    static const promql_span pspans[] = {{0, 2}, {1, 2}};
    static const promql_span nspans[] = {{-1, 1}};
    static const promql_span cspans[] = {{0, 4}};
    static const double custom[] = {0.01, 0.1, 1, 10};
    for (int i = 0; i < 2; i++) {
        promql_label ls[] = {{"__name__", "rpc_latency_seconds"}, {"instance", inst[i]}};
        promql_label cs[] = {{"__name__", "rpc_size_bytes"}, {"instance", inst[i]}};
        promql_label gs[] = {{"__name__", "queue_depth_histogram"}, {"instance", inst[i]}};
        double k = 0;
        for (int64_t t = 0; t <= PQ_DS_END_MS; t += 60000) {
            k = (i == 1 && t == 2400000) ? 1 : k + 1; /* a counter reset on b */
            double pb[] = {k, 2 * k, k, 3 * k};
            double nb[] = {k / 2};
            promql_histogram h = {.schema = 0, .zero_threshold = 0.001, .zero_count = k, .count = 0, .sum = 3.5 * k,
                                  .positive_spans = pspans, .positive_span_count = 2, .positive_buckets = pb,
                                  .positive_bucket_count = 4, .negative_spans = nspans, .negative_span_count = 1,
                                  .negative_buckets = nb, .negative_bucket_count = 1};
            h.count = h.zero_count + k + 2 * k + k + 3 * k + k / 2;
            if (pq_ds_hist(s, ls, 2, t, &h))
                return -1;
            double cb[] = {k, k * 2, k * 0.5, k};
            promql_histogram c = {.schema = -53, .count = 4.5 * k, .sum = 20 * k, .positive_spans = cspans,
                                  .positive_span_count = 1, .positive_buckets = cb, .positive_bucket_count = 4,
                                  .custom_values = custom, .custom_value_count = 4};
            if (pq_ds_hist(s, cs, 2, t, &c))
                return -1;
            double g = 5 + 4 * sin((double)t / 300000.0 + i);
            double gb[] = {g, g / 2, 1, g};
            promql_histogram gh = {.schema = 1, .counter_reset_hint = PROMQL_HINT_GAUGE, .count = 0,
                                   .sum = g * 7, .positive_spans = pspans, .positive_span_count = 2,
                                   .positive_buckets = gb, .positive_bucket_count = 4};
            gh.count = g + g / 2 + 1 + g;
            if (pq_ds_hist(s, gs, 2, t, &gh))
                return -1;
        }
    }
    /* a series that changes from floats to histograms halfway */
    promql_label ms[] = {{"__name__", "mixed_metric"}, {"instance", "a:80"}};
    for (int64_t t = 0; t <= PQ_DS_END_MS; t += 60000) {
        if (t < 1800000) {
            if (pq_ds_float(s, ms, 2, t, (double)t / 60000))
                return -1;
        } else {
            double b[] = {1, 2, 3, 4};
            promql_histogram h = {.schema = 2, .count = 10, .sum = (double)t / 60000, .positive_spans = pspans,
                                  .positive_span_count = 2, .positive_buckets = b, .positive_bucket_count = 4};
            if (pq_ds_hist(s, ms, 2, t, &h))
                return -1;
        }
    }
    return 0;
}

/* The dataset in a new store, or NULL when something refused it (a bug the caller reports). */
static promql_memstore *pq_ds_build(void)
{
    promql_memstore *s = promql_memstore_new();
    if (!s)
        return NULL;
    if (pq_ds_counters(s) || pq_ds_gauges(s) || pq_ds_classic(s) || pq_ds_native(s)) {
        promql_memstore_free(s);
        return NULL;
    }
    return s;
}

#endif
