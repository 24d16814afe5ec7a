/*
 * gen_deploy_data.c -- writes the "real deployment" benchmark scenario as OpenMetrics:
 * 1,000 instances of an API service scraped every 15 s for 2 hours, with
 *   http_requests_total{job,instance,route,code}        3 routes x 2 codes   (counters)
 *   http_request_duration_seconds_bucket{...,route,le}   2 routes x 20 buckets (classic histogram)
 *   http_request_duration_seconds_sum / _count           2 routes
 *   process_cpu_seconds_total{job,instance}, up{job,instance}
 * about 52,000 series and 25 million samples. Values come from a fixed-seed generator, so the
 * file is the same on every run; a few instances restart (counter resets) and one is down for
 * a while (up == 0), as real fleets do.
 *
 * usage: bench_gen_deploy_data [--instances N] > deploy.om
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1700000000       /* first scrape, Unix seconds */
#define SCRAPES 480         /* 2 h at 15 s */
#define BUCKETS 20

static const char *routes[] = {"/pay", "/refund", "/status"};
static const char *codes[] = {"200", "500"};
static const double bounds[BUCKETS - 1] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2,
                                           0.25, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 10};

static uint64_t rng_state = 42;

static double rnd(void)   /* xorshift64*: uniform in [0, 1) */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static int restarts_at(int inst)   /* scrape index where an instance restarts, or -1 */
{
    return inst % 97 == 3 ? 200 + inst % 50 : -1;
}

static void instance_name(char *buf, size_t n, int inst)
{
    snprintf(buf, n, "10.%d.%d.%d:8080", inst / 65536, (inst / 256) % 256, inst % 256);
}

int main(int argc, char **argv)
{
    int instances = 1000;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--instances") && i + 1 < argc)
            instances = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [--instances N] > deploy.om\n", argv[0]);
            return 2;
        }
    }
    if (instances < 1 || instances > 1000000) {
        fprintf(stderr, "--instances must be between 1 and 1000000\n");
        return 2;
    }
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    char inst[32];

    printf("# TYPE http_requests counter\n");
    for (int i = 0; i < instances; i++) {
        instance_name(inst, sizeof inst, i);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 2; c++) {
                double rate = (c == 0 ? 20.0 : 0.2) * (r == 2 ? 3 : 1) * (0.5 + rnd());
                double v = 0;
                for (int s = 0; s < SCRAPES; s++) {
                    if (s == restarts_at(i))
                        v = 0;
                    v += rate * 15 * (0.8 + 0.4 * rnd());
                    printf("http_requests_total{job=\"api\",instance=\"%s\",route=\"%s\",code=\"%s\"} %.1f %d\n",
                           inst, routes[r], codes[c], v, T0 + s * 15);
                }
            }
    }

    printf("# TYPE http_request_duration_seconds histogram\n");
    for (int i = 0; i < instances; i++) {
        instance_name(inst, sizeof inst, i);
        for (int r = 0; r < 2; r++) {
            /* Per scrape, n new observations spread over the buckets with a latency profile
             * centred on ~100 ms (route /pay) or ~250 ms (/refund). */
            double cum[BUCKETS] = {0}, sum = 0, count = 0;
            double centre = r == 0 ? 0.1 : 0.25;
            static double series[BUCKETS][SCRAPES], sums[SCRAPES], counts[SCRAPES];
            for (int s = 0; s < SCRAPES; s++) {
                if (s == restarts_at(i)) {
                    memset(cum, 0, sizeof cum);
                    sum = count = 0;
                }
                int n = 200 + (int)(rnd() * 100);
                for (int k = 0; k < n; k += 10) {   /* observations in lots of ten */
                    double lat = centre * (0.2 + 2.0 * rnd() * rnd() * 2);
                    int b = 0;
                    while (b < BUCKETS - 1 && lat > bounds[b])
                        b++;
                    for (int j = b; j < BUCKETS; j++)
                        cum[j] += 10;
                    sum += lat * 10;
                    count += 10;
                }
                for (int j = 0; j < BUCKETS; j++)
                    series[j][s] = cum[j];
                sums[s] = sum;
                counts[s] = count;
            }
            for (int j = 0; j < BUCKETS; j++) {
                char le[32];
                if (j == BUCKETS - 1)
                    strcpy(le, "+Inf");
                else
                    snprintf(le, sizeof le, "%g", bounds[j]);
                for (int s = 0; s < SCRAPES; s++)
                    printf("http_request_duration_seconds_bucket{job=\"api\",instance=\"%s\",route=\"%s\",le=\"%s\"} %.0f %d\n",
                           inst, routes[r], le, series[j][s], T0 + s * 15);
            }
            for (int s = 0; s < SCRAPES; s++)
                printf("http_request_duration_seconds_sum{job=\"api\",instance=\"%s\",route=\"%s\"} %.6f %d\n",
                       inst, routes[r], sums[s], T0 + s * 15);
            for (int s = 0; s < SCRAPES; s++)
                printf("http_request_duration_seconds_count{job=\"api\",instance=\"%s\",route=\"%s\"} %.0f %d\n",
                       inst, routes[r], counts[s], T0 + s * 15);
        }
    }

    printf("# TYPE process_cpu_seconds counter\n");
    for (int i = 0; i < instances; i++) {
        instance_name(inst, sizeof inst, i);
        double v = 0, load = 0.2 + rnd();
        for (int s = 0; s < SCRAPES; s++) {
            if (s == restarts_at(i))
                v = 0;
            v += load * 15 * (0.9 + 0.2 * rnd());
            printf("process_cpu_seconds_total{job=\"api\",instance=\"%s\"} %.3f %d\n", inst, v, T0 + s * 15);
        }
    }

    printf("# TYPE up gauge\n");
    for (int i = 0; i < instances; i++) {
        instance_name(inst, sizeof inst, i);
        for (int s = 0; s < SCRAPES; s++) {
            int down = i == 7 && s >= 300 && s < 330;
            printf("up{job=\"api\",instance=\"%s\"} %d %d\n", inst, down ? 0 : 1, T0 + s * 15);
        }
    }
    printf("# EOF\n");
    return ferror(stdout) ? 1 : 0;
}
