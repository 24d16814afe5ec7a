/*
 * load_bench.c -- loader throughput: generates an OpenMetrics backfill file (default about
 * 100 MB in /tmp: series x samples, realistic label sets, float values, second timestamps),
 * then loads it into a fresh store and reports samples/second and the store's bytes per
 * sample. Usage: bench_load_bench [series [samples-per-series [path]]].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fixture/fixture.h"
#include "storage/memstore.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int generate(const char *path, long series, long samples)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    static char buf[1 << 20];
    setvbuf(f, buf, _IOFBF, sizeof buf);
    fprintf(f, "# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n");
    /* Time-major order, as a scrape history is written: every series at t, then at t+15s. */
    for (long t = 0; t < samples; t++) {
        for (long s = 0; s < series; s++) {
            fprintf(f, "http_requests_total{job=\"api-%ld\",instance=\"10.0.%ld.%ld:9090\",method=\"%s\",code=\"%d\"} %ld.%ld %ld.%03ld\n",
                    s % 10, (s / 256) % 256, s % 256, (s & 1) ? "GET" : "POST", 200 + (int)(s % 5) * 100,
                    t * 7 + s, (t * 13 + s) % 10, 1700000000L + t * 15, (t * 7) % 1000);
        }
    }
    fprintf(f, "# EOF\n");
    return fclose(f);
}

int main(int argc, char **argv)
{
    long series = argc > 1 ? atol(argv[1]) : 2000;
    long samples = argc > 2 ? atol(argv[2]) : 500;
    const char *path = argc > 3 ? argv[3] : "/tmp/promql_load_bench.om";
    if (series <= 0 || samples <= 0) {
        fprintf(stderr, "usage: %s [series [samples-per-series [path]]]\n", argv[0]);
        return 2;
    }
    double t0 = now();
    if (generate(path, series, samples) != 0) {
        perror(path);
        return 1;
    }
    double t1 = now();
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    char *data = malloc((size_t)st.st_size);
    if (!data || fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        fprintf(stderr, "read failed\n");
        return 1;
    }
    fclose(f);
    promql_memstore *store = promql_memstore_new();
    promql_error err;
    double t2 = now(), c2 = cpu_now();
    if (pq_load_openmetrics(store, path, data, (size_t)st.st_size, &err) != 0) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t3 = now(), c3 = cpu_now();
    size_t n = promql_memstore_sample_count(store);
    printf("generated %.1f MB in %.2fs\n", (double)st.st_size / 1e6, t1 - t0);
    printf("loaded %zu samples of %zu series in %.3fs: %.2f M samples/s, %.1f MB/s\n", n,
           promql_memstore_series_count(store), t3 - t2, (double)n / (t3 - t2) / 1e6,
           (double)st.st_size / 1e6 / (t3 - t2));
    /* CPU time is the fairer figure on a shared machine */
    printf("cpu time %.3fs: %.2f M samples/s per core\n", c3 - c2, (double)n / (c3 - c2) / 1e6);
    printf("sample storage: %.2f bytes/sample\n", (double)pq_memstore_sample_bytes(store) / (double)n);
    promql_memstore_free(store);
    free(data);
    remove(path);
    return 0;
}
