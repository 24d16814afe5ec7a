/*
 * embed.c -- how a backend embeds libpromql, using nothing but the public headers:
 *   1. its own storage behind struct promql_storage (here: a few series in static arrays,
 *      standing in for a TSDB's decoded chunks), handing out samples in batches;
 *   2. an engine, an instant and a range query over that storage, and walking the results.
 * Built and run by the test suite (ctest example_embed), so the API it shows cannot rot.
 *
 *   cc embed.c $(pkg-config --cflags --libs promql) -o embed && ./embed
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <promql/promql.h>

/* ---- a toy backend: three counters, one sample a minute for an hour ------------------------ */

#define SERIES 3
#define SAMPLES 61
#define BATCH 16   /* hand samples out in small batches, as a chunked store would */

typedef struct toy_series {
    promql_label labels[3];
    int64_t t[SAMPLES];
    double v[SAMPLES];
} toy_series;

static toy_series toy[SERIES];

static void toy_init(void)
{
    static const char *routes[SERIES] = {"/pay", "/refund", "/status"};
    for (int s = 0; s < SERIES; s++) {
        /* sorted by name: __name__ < job < route */
        toy[s].labels[0] = (promql_label){"__name__", "http_requests_total"};
        toy[s].labels[1] = (promql_label){"job", "api"};
        toy[s].labels[2] = (promql_label){"route", routes[s]};
        for (int i = 0; i < SAMPLES; i++) {
            toy[s].t[i] = (int64_t)i * 60000;
            toy[s].v[i] = (double)i * 60.0 * (s + 1);   /* s+1 requests per second */
        }
    }
}

typedef struct toy_iter {
    promql_sample_iter base;   /* first member: the library sees only this */
    const toy_series *series;
    size_t pos;
} toy_iter;

static int toy_seek(promql_sample_iter *it, int64_t t, char *errbuf, size_t errlen)
{
    (void)errbuf, (void)errlen;
    toy_iter *ti = (toy_iter *)it;
    ti->pos = 0;
    while (ti->pos < SAMPLES && ti->series->t[ti->pos] < t)
        ti->pos++;
    return 0;
}

static int toy_next_batch(promql_sample_iter *it, promql_sample_batch *b, char *errbuf, size_t errlen)
{
    (void)errbuf, (void)errlen;
    toy_iter *ti = (toy_iter *)it;
    size_t n = SAMPLES - ti->pos < BATCH ? SAMPLES - ti->pos : BATCH;
    memset(b, 0, sizeof *b);
    b->timestamps = ti->series->t + ti->pos;
    b->values = ti->series->v + ti->pos;
    b->count = n;
    ti->pos += n;
    return 0;
}

static void toy_iter_close(promql_sample_iter *it)
{
    free(it);
}

static const promql_sample_iter_ops toy_iter_ops = {toy_seek, toy_next_batch, toy_iter_close};

typedef struct toy_set {
    promql_series_set base;
    const promql_matcher *matchers;
    size_t matcher_count;
    int next;
} toy_set;

static const char *label_value(const toy_series *s, const char *name)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(s->labels[i].name, name))
            return s->labels[i].value;
    return "";   /* a missing label matches as the empty string */
}

static int toy_set_next(promql_series_set *set, promql_labels *labels, promql_sample_iter **iter,
                        char *errbuf, size_t errlen)
{
    toy_set *ts = (toy_set *)set;
    while (ts->next < SERIES) {
        const toy_series *s = &toy[ts->next++];
        int ok = 1;
        for (size_t m = 0; m < ts->matcher_count && ok; m++)
            ok = promql_matcher_matches(&ts->matchers[m], label_value(s, ts->matchers[m].name));
        if (!ok)
            continue;
        toy_iter *it = calloc(1, sizeof *it);
        if (!it) {
            snprintf(errbuf, errlen, "out of memory");
            return -1;
        }
        it->base.ops = &toy_iter_ops;
        it->series = s;
        *labels = (promql_labels){s->labels, 3};
        *iter = &it->base;
        return 1;
    }
    return 0;
}

static void toy_set_close(promql_series_set *set)
{
    free(set);
}

static const promql_series_set_ops toy_set_ops = {toy_set_next, toy_set_close};

static int toy_select(void *ctx, const promql_matcher *matchers, size_t matcher_count,
                      const promql_select_hints *hints, promql_series_set **out, char *errbuf,
                      size_t errlen)
{
    (void)ctx, (void)hints;   /* a real store would prune by hints->start_ms / end_ms */
    toy_set *set = calloc(1, sizeof *set);
    if (!set) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    set->base.ops = &toy_set_ops;
    set->matchers = matchers;   /* valid until the set is closed */
    set->matcher_count = matcher_count;
    *out = &set->base;
    return 0;
}

/* ---- using the engine ------------------------------------------------------------------------- */

static void print_labels(promql_labels ls)
{
    printf("{");
    for (size_t i = 0; i < ls.count; i++)
        printf("%s%s=\"%s\"", i ? ", " : "", ls.items[i].name, ls.items[i].value);
    printf("}");
}

int main(void)
{
    toy_init();
    promql_storage storage = {.ctx = NULL, .select = toy_select};

    promql_error err;
    promql_engine_options opts;
    promql_engine_options_init(&opts);
    promql_engine *engine = promql_engine_new(&opts, &err);
    if (!engine) {
        fprintf(stderr, "engine: %s\n", err.message);
        return 1;
    }
    printf("libpromql %s (Prometheus %s semantics)\n", promql_version_string(), PROMQL_PROMETHEUS_VERSION);

    /* An instant query: requests per second by route, 30 minutes in. */
    const char *q = "sum by (route) (rate(http_requests_total{route=~\"/pay|/refund\"}[5m]))";
    promql_result *res = NULL;
    if (promql_query_instant(engine, &storage, q, strlen(q), 30 * 60000, &res, &err) != PROMQL_OK) {
        fprintf(stderr, "query failed (%s): %s\n", promql_error_type_name(err.code), err.message);
        promql_engine_free(engine);
        return 1;
    }
    int bad = promql_result_type(res) != PROMQL_VALUE_VECTOR || promql_result_series_count(res) != 2;
    for (size_t i = 0; i < promql_result_series_count(res); i++) {
        const int64_t *t;
        const double *v;
        promql_result_series_floats(res, i, &t, &v);
        print_labels(promql_result_series_labels(res, i));
        printf(" %g @ %lld ms\n", v[0], (long long)t[0]);
        bad |= fabs(v[0] - (double)(i + 1)) > 1e-9;   /* /pay: 1/s, /refund: 2/s */
    }
    promql_result_free(res);

    /* A range query: the same over the last ten minutes at one-minute steps. */
    if (promql_query_range(engine, &storage, q, strlen(q), 50 * 60000, 60 * 60000, 60000, &res, &err) != PROMQL_OK) {
        fprintf(stderr, "range query failed: %s\n", err.message);
        promql_engine_free(engine);
        return 1;
    }
    for (size_t i = 0; i < promql_result_series_count(res); i++) {
        const int64_t *t;
        const double *v;
        size_t n = promql_result_series_floats(res, i, &t, &v);
        print_labels(promql_result_series_labels(res, i));
        printf(" %zu points\n", n);
        bad |= n != 11;
    }
    const promql_query_stats *stats = promql_result_stats(res);
    printf("samples touched %lld, peak %lld\n", (long long)stats->total_samples, (long long)stats->peak_samples);
    promql_result_free(res);

    /* A bad query is an error with Prometheus's message and a position, never a crash. */
    q = "sum by (route) (rate(http_requests_total[5m])";
    bad |= promql_query_instant(engine, &storage, q, strlen(q), 0, &res, &err) != PROMQL_ERR_BAD_DATA;
    printf("bad query: %s (byte %lld)\n", err.message, (long long)err.pos_start);

    promql_engine_free(engine);
    printf("%s\n", bad ? "FAILED" : "ok");
    return bad;
}
