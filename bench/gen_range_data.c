/*
 * gen_range_data.c -- writes Prometheus's own BenchmarkRangeQuery dataset
 * (promql/bench_test.go, setupRangeQueryTestData) as OpenMetrics, so that promql-c and the
 * reference Prometheus load the very same file.
 *
 * Series, in upstream's order (which fixes each series' value offset i/1443):
 *   a_one, b_one, h_one{le="0".."9","+Inf"},
 *   for l in 0..9:  a_ten{l}, b_ten{l}, h_ten{l,le}
 *   for l in 0..99: a_hundred{l}, b_hundred{l}, h_hundred{l,le}
 * 18,640 samples each at 10 s from t=0; series i at step s has value s + i/1443; plus
 * sparse{l=s/372} with value s/1443. OpenMetrics wants each metric family contiguous, so the
 * file is written family by family, each series with its upstream index.
 *
 * usage: bench_gen_range_data [--intervals N] > range.om
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SERIES = 1443 };

typedef struct {
    const char *family;
    int l;      /* -1 when absent */
    int le;     /* -1 absent, 10 = +Inf */
} series_def;

static series_def defs[MAX_SERIES];
static int ndefs;

static void add(const char *family, int l, int le)
{
    defs[ndefs].family = family;
    defs[ndefs].l = l;
    defs[ndefs].le = le;
    ndefs++;
}

static void add_group(const char *suffix_a, const char *suffix_b, const char *suffix_h, int l)
{
    add(suffix_a, l, -1);
    add(suffix_b, l, -1);
    for (int j = 0; j <= 10; j++)
        add(suffix_h, l, j);
}

int main(int argc, char **argv)
{
    int intervals = 8640 + 10000;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--intervals") && i + 1 < argc)
            intervals = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [--intervals N] > range.om\n", argv[0]);
            return 2;
        }
    }
    if (intervals < 50) {
        fprintf(stderr, "--intervals must be at least 50\n");
        return 2;
    }
    add_group("a_one", "b_one", "h_one", -1);
    for (int l = 0; l < 10; l++)
        add_group("a_ten", "b_ten", "h_ten", l);
    for (int l = 0; l < 100; l++)
        add_group("a_hundred", "b_hundred", "h_hundred", l);

    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    const char *families[] = {"a_one", "b_one", "h_one", "a_ten", "b_ten", "h_ten",
                              "a_hundred", "b_hundred", "h_hundred"};
    for (size_t f = 0; f < sizeof families / sizeof *families; f++) {
        printf("# TYPE %s unknown\n", families[f]);
        for (int i = 0; i < ndefs; i++) {
            if (strcmp(defs[i].family, families[f]))
                continue;
            char le[16] = "", labels[80] = "";
            if (defs[i].le == 10)
                strcpy(le, "+Inf");
            else if (defs[i].le >= 0)
                snprintf(le, sizeof le, "%d", defs[i].le);
            if (defs[i].l >= 0 && *le)
                snprintf(labels, sizeof labels, "{l=\"%d\",le=\"%s\"}", defs[i].l, le);
            else if (defs[i].l >= 0)
                snprintf(labels, sizeof labels, "{l=\"%d\"}", defs[i].l);
            else if (*le)
                snprintf(labels, sizeof labels, "{le=\"%s\"}", le);
            for (int s = 0; s < intervals; s++)
                printf("%s%s %.17g %d\n", defs[i].family, labels,
                       (double)s + (double)i / (double)MAX_SERIES, s * 10);
        }
    }
    /* The sparse series: each value of l holds intervals/50 consecutive points. */
    int per = intervals / 50;
    printf("# TYPE sparse unknown\n");
    for (int s = 0; s < intervals; s++)
        printf("sparse{l=\"%d\"} %.17g %d\n", s / per, (double)s / (double)MAX_SERIES, s * 10);
    printf("# EOF\n");
    return ferror(stdout) ? 1 : 0;
}
