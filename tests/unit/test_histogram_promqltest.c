/*
 * test_histogram_promqltest.c -- the single-histogram function cases of upstream's
 * native_histograms.test (histogram_quantile, histogram_fraction, histogram_stddev/stdvar,
 * histogram_avg/count/sum applied directly to a loaded constant series), transcribed as C data:
 * the loaded histogram, the arguments and the expected value, compared with promqltest's
 * relative tolerance (1e-6, NaN equal to NaN); and the '</' / '>/' trim cases on one loaded
 * histogram, compared as promqltest compares histograms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "eval/histogram.h"

typedef enum { PQ_FN_QUANTILE, PQ_FN_FRACTION, PQ_FN_STDDEV, PQ_FN_STDVAR, PQ_FN_AVG, PQ_FN_COUNT, PQ_FN_SUM } fn_kind;

typedef struct promqltest_case {
    const char *name;
    fn_kind fn;
    double arg1, arg2;
    const promql_histogram *h;
    double want;
} promqltest_case;

typedef struct trim_case {
    const char *name;
    const promql_histogram *h;
    double rhs;
    bool upper;               /* '</' */
    const promql_histogram *want;
    bool compare_hint;
} trim_case;

static const promql_histogram h0 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const double cv1[] = {-2.0, 3.0};
static const promql_histogram h1 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cv1, .custom_value_count = 2};
static const promql_histogram h2 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const double cv3[] = {-2.0, 3.0};
static const promql_histogram h3 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cv3, .custom_value_count = 2};
static const promql_histogram h4 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const double cv5[] = {-2.0, 3.0};
static const promql_histogram h5 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cv5, .custom_value_count = 2};
static const promql_histogram h6 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const double cv7[] = {-2.0, 3.0};
static const promql_histogram h7 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cv7, .custom_value_count = 2};
static const promql_histogram h8 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const double cv9[] = {-2.0, 3.0};
static const promql_histogram h9 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cv9, .custom_value_count = 2};
static const promql_span ps10[] = {{0, 3}};
static const double pb10[] = {1.0, 2.0, 1.0};
static const promql_histogram h10 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps10, .positive_span_count = 1, .positive_buckets = pb10, .positive_bucket_count = 3};
static const promql_span ps11[] = {{0, 3}};
static const double pb11[] = {1.0, 2.0, 1.0};
static const promql_histogram h11 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps11, .positive_span_count = 1, .positive_buckets = pb11, .positive_bucket_count = 3};
static const promql_span ps12[] = {{0, 3}};
static const double pb12[] = {1.0, 2.0, 1.0};
static const promql_histogram h12 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps12, .positive_span_count = 1, .positive_buckets = pb12, .positive_bucket_count = 3};
static const promql_span ps13[] = {{0, 3}};
static const double pb13[] = {1.0, 2.0, 1.0};
static const promql_histogram h13 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps13, .positive_span_count = 1, .positive_buckets = pb13, .positive_bucket_count = 3};
static const promql_span ps14[] = {{0, 3}};
static const double pb14[] = {1.0, 2.0, 1.0};
static const promql_histogram h14 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps14, .positive_span_count = 1, .positive_buckets = pb14, .positive_bucket_count = 3};
static const promql_span ps15[] = {{0, 3}};
static const double pb15[] = {1.0, 2.0, 1.0};
static const promql_histogram h15 = {.schema = 0, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps15, .positive_span_count = 1, .positive_buckets = pb15, .positive_bucket_count = 3};
static const promql_histogram h16 = {.schema = 0, .count = 1.0, .sum = 0.25, .zero_count = 1.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram h17 = {.schema = 0, .count = 1.0, .sum = 0.25, .zero_count = 1.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram h18 = {.schema = 0, .count = 1.0, .sum = 0.25, .zero_count = 1.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram h19 = {.schema = 0, .count = 1.0, .sum = 0.25, .zero_count = 1.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram h20 = {.schema = 0, .count = 1.0, .sum = 0.25, .zero_count = 1.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span ns21[] = {{0, 3}};
static const double nb21[] = {1.0, 2.0, 1.0};
static const promql_histogram h21 = {.schema = 0, .count = 4.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns21, .negative_span_count = 1, .negative_buckets = nb21, .negative_bucket_count = 3};
static const promql_span ns22[] = {{0, 3}};
static const double nb22[] = {1.0, 2.0, 1.0};
static const promql_histogram h22 = {.schema = 0, .count = 4.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns22, .negative_span_count = 1, .negative_buckets = nb22, .negative_bucket_count = 3};
static const promql_span ns23[] = {{0, 3}};
static const double nb23[] = {1.0, 2.0, 1.0};
static const promql_histogram h23 = {.schema = 0, .count = 4.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns23, .negative_span_count = 1, .negative_buckets = nb23, .negative_bucket_count = 3};
static const promql_span ns24[] = {{0, 3}};
static const double nb24[] = {1.0, 2.0, 1.0};
static const promql_histogram h24 = {.schema = 0, .count = 4.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns24, .negative_span_count = 1, .negative_buckets = nb24, .negative_bucket_count = 3};
static const promql_span ns25[] = {{0, 3}};
static const double nb25[] = {1.0, 2.0, 1.0};
static const promql_histogram h25 = {.schema = 0, .count = 4.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns25, .negative_span_count = 1, .negative_buckets = nb25, .negative_bucket_count = 3};
static const promql_span ps26[] = {{0, 5}};
static const double pb26[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns26[] = {{0, 5}};
static const double nb26[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h26 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps26, .positive_span_count = 1, .positive_buckets = pb26, .positive_bucket_count = 5, .negative_spans = ns26, .negative_span_count = 1, .negative_buckets = nb26, .negative_bucket_count = 5};
static const promql_span ps27[] = {{0, 5}};
static const double pb27[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns27[] = {{0, 5}};
static const double nb27[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h27 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps27, .positive_span_count = 1, .positive_buckets = pb27, .positive_bucket_count = 5, .negative_spans = ns27, .negative_span_count = 1, .negative_buckets = nb27, .negative_bucket_count = 5};
static const promql_span ps28[] = {{0, 9}};
static const double pb28[] = {1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0};
static const promql_histogram h28 = {.schema = 2, .count = 4.0, .sum = 10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps28, .positive_span_count = 1, .positive_buckets = pb28, .positive_bucket_count = 9};
static const promql_span ps29[] = {{0, 9}};
static const double pb29[] = {1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0};
static const promql_histogram h29 = {.schema = 2, .count = 4.0, .sum = 10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps29, .positive_span_count = 1, .positive_buckets = pb29, .positive_bucket_count = 9};
static const promql_span ps30[] = {{0, 4}};
static const double pb30[] = {1.0, 2.0, 3.0, 4.0};
static const promql_histogram h30 = {.schema = 8, .count = 10.0, .sum = 10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps30, .positive_span_count = 1, .positive_buckets = pb30, .positive_bucket_count = 4};
static const promql_span ps31[] = {{0, 4}};
static const double pb31[] = {1.0, 2.0, 3.0, 4.0};
static const promql_histogram h31 = {.schema = 8, .count = 10.0, .sum = 10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps31, .positive_span_count = 1, .positive_buckets = pb31, .positive_bucket_count = 4};
static const promql_span ps32[] = {{0, 55}};
static const double pb32[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns32[] = {{0, 47}};
static const double nb32[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h32 = {.schema = 3, .count = 7.0, .sum = 62.0, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps32, .positive_span_count = 1, .positive_buckets = pb32, .positive_bucket_count = 55, .negative_spans = ns32, .negative_span_count = 1, .negative_buckets = nb32, .negative_bucket_count = 47};
static const promql_span ps33[] = {{0, 55}};
static const double pb33[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns33[] = {{0, 47}};
static const double nb33[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h33 = {.schema = 3, .count = 7.0, .sum = 62.0, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps33, .positive_span_count = 1, .positive_buckets = pb33, .positive_bucket_count = 55, .negative_spans = ns33, .negative_span_count = 1, .negative_buckets = nb33, .negative_bucket_count = 47};
static const promql_span ns34[] = {{0, 18}};
static const double nb34[] = {0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0};
static const promql_histogram h34 = {.schema = 0, .count = 10.0, .sum = -112946.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns34, .negative_span_count = 1, .negative_buckets = nb34, .negative_bucket_count = 18};
static const promql_span ns35[] = {{0, 18}};
static const double nb35[] = {0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0};
static const promql_histogram h35 = {.schema = 0, .count = 10.0, .sum = -112946.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns35, .negative_span_count = 1, .negative_buckets = nb35, .negative_bucket_count = 18};
static const promql_span ns36[] = {{0, 5}};
static const double nb36[] = {0.0, 0.0, 0.0, 0.0, 10.0};
static const promql_histogram h36 = {.schema = 0, .count = 10.0, .sum = -100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns36, .negative_span_count = 1, .negative_buckets = nb36, .negative_bucket_count = 5};
static const promql_span ns37[] = {{0, 5}};
static const double nb37[] = {0.0, 0.0, 0.0, 0.0, 10.0};
static const promql_histogram h37 = {.schema = 0, .count = 10.0, .sum = -100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns37, .negative_span_count = 1, .negative_buckets = nb37, .negative_bucket_count = 5};
static const promql_span ps38[] = {{0, 55}};
static const double pb38[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns38[] = {{0, 47}};
static const double nb38[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h38 = {.schema = 3, .count = 7.0, .sum = NAN, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps38, .positive_span_count = 1, .positive_buckets = pb38, .positive_bucket_count = 55, .negative_spans = ns38, .negative_span_count = 1, .negative_buckets = nb38, .negative_bucket_count = 47};
static const promql_span ps39[] = {{0, 55}};
static const double pb39[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns39[] = {{0, 47}};
static const double nb39[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h39 = {.schema = 3, .count = 7.0, .sum = NAN, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps39, .positive_span_count = 1, .positive_buckets = pb39, .positive_bucket_count = 55, .negative_spans = ns39, .negative_span_count = 1, .negative_buckets = nb39, .negative_bucket_count = 47};
static const promql_span ps40[] = {{0, 55}};
static const double pb40[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns40[] = {{0, 47}};
static const double nb40[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h40 = {.schema = 3, .count = 7.0, .sum = INFINITY, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps40, .positive_span_count = 1, .positive_buckets = pb40, .positive_bucket_count = 55, .negative_spans = ns40, .negative_span_count = 1, .negative_buckets = nb40, .negative_bucket_count = 47};
static const promql_span ps41[] = {{0, 55}};
static const double pb41[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_span ns41[] = {{0, 47}};
static const double nb41[] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
static const promql_histogram h41 = {.schema = 3, .count = 7.0, .sum = INFINITY, .zero_count = 1.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps41, .positive_span_count = 1, .positive_buckets = pb41, .positive_bucket_count = 55, .negative_spans = ns41, .negative_span_count = 1, .negative_buckets = nb41, .negative_bucket_count = 47};
static const promql_span ps42[] = {{0, 5}};
static const double pb42[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h42 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps42, .positive_span_count = 1, .positive_buckets = pb42, .positive_bucket_count = 5};
static const promql_span ps43[] = {{0, 5}};
static const double pb43[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h43 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps43, .positive_span_count = 1, .positive_buckets = pb43, .positive_bucket_count = 5};
static const promql_span ps44[] = {{0, 5}};
static const double pb44[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h44 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps44, .positive_span_count = 1, .positive_buckets = pb44, .positive_bucket_count = 5};
static const promql_span ps45[] = {{0, 5}};
static const double pb45[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h45 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps45, .positive_span_count = 1, .positive_buckets = pb45, .positive_bucket_count = 5};
static const promql_span ps46[] = {{0, 5}};
static const double pb46[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h46 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps46, .positive_span_count = 1, .positive_buckets = pb46, .positive_bucket_count = 5};
static const promql_span ps47[] = {{0, 5}};
static const double pb47[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h47 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps47, .positive_span_count = 1, .positive_buckets = pb47, .positive_bucket_count = 5};
static const promql_span ps48[] = {{0, 5}};
static const double pb48[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h48 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps48, .positive_span_count = 1, .positive_buckets = pb48, .positive_bucket_count = 5};
static const promql_span ps49[] = {{0, 5}};
static const double pb49[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h49 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps49, .positive_span_count = 1, .positive_buckets = pb49, .positive_bucket_count = 5};
static const promql_span ps50[] = {{0, 5}};
static const double pb50[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h50 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps50, .positive_span_count = 1, .positive_buckets = pb50, .positive_bucket_count = 5};
static const promql_span ns51[] = {{0, 5}};
static const double nb51[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h51 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns51, .negative_span_count = 1, .negative_buckets = nb51, .negative_bucket_count = 5};
static const promql_span ns52[] = {{0, 5}};
static const double nb52[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h52 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns52, .negative_span_count = 1, .negative_buckets = nb52, .negative_bucket_count = 5};
static const promql_span ns53[] = {{0, 5}};
static const double nb53[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h53 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns53, .negative_span_count = 1, .negative_buckets = nb53, .negative_bucket_count = 5};
static const promql_span ns54[] = {{0, 5}};
static const double nb54[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h54 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns54, .negative_span_count = 1, .negative_buckets = nb54, .negative_bucket_count = 5};
static const promql_span ns55[] = {{0, 5}};
static const double nb55[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h55 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns55, .negative_span_count = 1, .negative_buckets = nb55, .negative_bucket_count = 5};
static const promql_span ns56[] = {{0, 5}};
static const double nb56[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h56 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns56, .negative_span_count = 1, .negative_buckets = nb56, .negative_bucket_count = 5};
static const promql_span ns57[] = {{0, 5}};
static const double nb57[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h57 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns57, .negative_span_count = 1, .negative_buckets = nb57, .negative_bucket_count = 5};
static const promql_span ns58[] = {{0, 5}};
static const double nb58[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h58 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns58, .negative_span_count = 1, .negative_buckets = nb58, .negative_bucket_count = 5};
static const promql_span ps59[] = {{0, 5}};
static const double pb59[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns59[] = {{0, 5}};
static const double nb59[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h59 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps59, .positive_span_count = 1, .positive_buckets = pb59, .positive_bucket_count = 5, .negative_spans = ns59, .negative_span_count = 1, .negative_buckets = nb59, .negative_bucket_count = 5};
static const promql_span ps60[] = {{0, 5}};
static const double pb60[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns60[] = {{0, 5}};
static const double nb60[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h60 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps60, .positive_span_count = 1, .positive_buckets = pb60, .positive_bucket_count = 5, .negative_spans = ns60, .negative_span_count = 1, .negative_buckets = nb60, .negative_bucket_count = 5};
static const promql_span ps61[] = {{0, 5}};
static const double pb61[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns61[] = {{0, 5}};
static const double nb61[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h61 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps61, .positive_span_count = 1, .positive_buckets = pb61, .positive_bucket_count = 5, .negative_spans = ns61, .negative_span_count = 1, .negative_buckets = nb61, .negative_bucket_count = 5};
static const promql_span ps62[] = {{0, 5}};
static const double pb62[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns62[] = {{0, 5}};
static const double nb62[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h62 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps62, .positive_span_count = 1, .positive_buckets = pb62, .positive_bucket_count = 5, .negative_spans = ns62, .negative_span_count = 1, .negative_buckets = nb62, .negative_bucket_count = 5};
static const promql_span ps63[] = {{0, 5}};
static const double pb63[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns63[] = {{0, 5}};
static const double nb63[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h63 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps63, .positive_span_count = 1, .positive_buckets = pb63, .positive_bucket_count = 5, .negative_spans = ns63, .negative_span_count = 1, .negative_buckets = nb63, .negative_bucket_count = 5};
static const promql_span ps64[] = {{0, 5}};
static const double pb64[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns64[] = {{0, 5}};
static const double nb64[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h64 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps64, .positive_span_count = 1, .positive_buckets = pb64, .positive_bucket_count = 5, .negative_spans = ns64, .negative_span_count = 1, .negative_buckets = nb64, .negative_bucket_count = 5};
static const promql_span ps65[] = {{0, 5}};
static const double pb65[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns65[] = {{0, 5}};
static const double nb65[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h65 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps65, .positive_span_count = 1, .positive_buckets = pb65, .positive_bucket_count = 5, .negative_spans = ns65, .negative_span_count = 1, .negative_buckets = nb65, .negative_bucket_count = 5};
static const promql_span ps66[] = {{0, 5}};
static const double pb66[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns66[] = {{0, 5}};
static const double nb66[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h66 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps66, .positive_span_count = 1, .positive_buckets = pb66, .positive_bucket_count = 5, .negative_spans = ns66, .negative_span_count = 1, .negative_buckets = nb66, .negative_bucket_count = 5};
static const promql_span ps67[] = {{0, 5}};
static const double pb67[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns67[] = {{0, 5}};
static const double nb67[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h67 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps67, .positive_span_count = 1, .positive_buckets = pb67, .positive_bucket_count = 5, .negative_spans = ns67, .negative_span_count = 1, .negative_buckets = nb67, .negative_bucket_count = 5};
static const promql_span ps68[] = {{0, 5}};
static const double pb68[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns68[] = {{0, 5}};
static const double nb68[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h68 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps68, .positive_span_count = 1, .positive_buckets = pb68, .positive_bucket_count = 5, .negative_spans = ns68, .negative_span_count = 1, .negative_buckets = nb68, .negative_bucket_count = 5};
static const promql_span ps69[] = {{0, 5}};
static const double pb69[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns69[] = {{0, 5}};
static const double nb69[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h69 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps69, .positive_span_count = 1, .positive_buckets = pb69, .positive_bucket_count = 5, .negative_spans = ns69, .negative_span_count = 1, .negative_buckets = nb69, .negative_bucket_count = 5};
static const promql_span ps70[] = {{0, 5}};
static const double pb70[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns70[] = {{0, 5}};
static const double nb70[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h70 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps70, .positive_span_count = 1, .positive_buckets = pb70, .positive_bucket_count = 5, .negative_spans = ns70, .negative_span_count = 1, .negative_buckets = nb70, .negative_bucket_count = 5};
static const promql_span ps71[] = {{0, 5}};
static const double pb71[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns71[] = {{0, 5}};
static const double nb71[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h71 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps71, .positive_span_count = 1, .positive_buckets = pb71, .positive_bucket_count = 5, .negative_spans = ns71, .negative_span_count = 1, .negative_buckets = nb71, .negative_bucket_count = 5};
static const promql_span ps72[] = {{0, 2}};
static const double pb72[] = {0.0, 5.0};
static const promql_histogram h72 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps72, .positive_span_count = 1, .positive_buckets = pb72, .positive_bucket_count = 2};
static const promql_span ps73[] = {{0, 2}};
static const double pb73[] = {0.0, 5.0};
static const promql_histogram h73 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps73, .positive_span_count = 1, .positive_buckets = pb73, .positive_bucket_count = 2};
static const promql_span ps74[] = {{0, 2}};
static const double pb74[] = {0.0, 5.0};
static const promql_histogram h74 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps74, .positive_span_count = 1, .positive_buckets = pb74, .positive_bucket_count = 2};
static const promql_span ps75[] = {{0, 2}};
static const double pb75[] = {0.0, 5.0};
static const promql_histogram h75 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps75, .positive_span_count = 1, .positive_buckets = pb75, .positive_bucket_count = 2};
static const promql_span ps76[] = {{0, 2}};
static const double pb76[] = {0.0, 5.0};
static const promql_histogram h76 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps76, .positive_span_count = 1, .positive_buckets = pb76, .positive_bucket_count = 2};
static const promql_span ps77[] = {{0, 2}};
static const double pb77[] = {0.0, 5.0};
static const promql_histogram h77 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps77, .positive_span_count = 1, .positive_buckets = pb77, .positive_bucket_count = 2};
static const promql_span ps78[] = {{0, 3}};
static const double pb78[] = {0.0, 0.0, 5.0};
static const promql_histogram h78 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps78, .positive_span_count = 1, .positive_buckets = pb78, .positive_bucket_count = 3};
static const promql_span ps79[] = {{0, 3}};
static const double pb79[] = {0.0, 0.0, 5.0};
static const promql_histogram h79 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps79, .positive_span_count = 1, .positive_buckets = pb79, .positive_bucket_count = 3};
static const promql_span ps80[] = {{0, 3}};
static const double pb80[] = {0.0, 0.0, 5.0};
static const promql_histogram h80 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps80, .positive_span_count = 1, .positive_buckets = pb80, .positive_bucket_count = 3};
static const promql_span ps81[] = {{0, 3}};
static const double pb81[] = {0.0, 0.0, 5.0};
static const promql_histogram h81 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps81, .positive_span_count = 1, .positive_buckets = pb81, .positive_bucket_count = 3};
static const promql_span ps82[] = {{0, 3}};
static const double pb82[] = {0.0, 0.0, 5.0};
static const promql_histogram h82 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps82, .positive_span_count = 1, .positive_buckets = pb82, .positive_bucket_count = 3};
static const promql_span ps83[] = {{0, 3}};
static const double pb83[] = {0.0, 0.0, 5.0};
static const promql_histogram h83 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps83, .positive_span_count = 1, .positive_buckets = pb83, .positive_bucket_count = 3};
static const promql_span ns84[] = {{0, 2}};
static const double nb84[] = {0.0, 5.0};
static const promql_histogram h84 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns84, .negative_span_count = 1, .negative_buckets = nb84, .negative_bucket_count = 2};
static const promql_span ns85[] = {{0, 2}};
static const double nb85[] = {0.0, 5.0};
static const promql_histogram h85 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns85, .negative_span_count = 1, .negative_buckets = nb85, .negative_bucket_count = 2};
static const promql_span ns86[] = {{0, 2}};
static const double nb86[] = {0.0, 5.0};
static const promql_histogram h86 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns86, .negative_span_count = 1, .negative_buckets = nb86, .negative_bucket_count = 2};
static const promql_span ns87[] = {{0, 2}};
static const double nb87[] = {0.0, 5.0};
static const promql_histogram h87 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns87, .negative_span_count = 1, .negative_buckets = nb87, .negative_bucket_count = 2};
static const promql_span ns88[] = {{0, 2}};
static const double nb88[] = {0.0, 5.0};
static const promql_histogram h88 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns88, .negative_span_count = 1, .negative_buckets = nb88, .negative_bucket_count = 2};
static const promql_span ns89[] = {{0, 2}};
static const double nb89[] = {0.0, 5.0};
static const promql_histogram h89 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns89, .negative_span_count = 1, .negative_buckets = nb89, .negative_bucket_count = 2};
static const promql_span ns90[] = {{0, 3}};
static const double nb90[] = {0.0, 0.0, 5.0};
static const promql_histogram h90 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns90, .negative_span_count = 1, .negative_buckets = nb90, .negative_bucket_count = 3};
static const promql_span ns91[] = {{0, 3}};
static const double nb91[] = {0.0, 0.0, 5.0};
static const promql_histogram h91 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns91, .negative_span_count = 1, .negative_buckets = nb91, .negative_bucket_count = 3};
static const promql_span ns92[] = {{0, 3}};
static const double nb92[] = {0.0, 0.0, 5.0};
static const promql_histogram h92 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns92, .negative_span_count = 1, .negative_buckets = nb92, .negative_bucket_count = 3};
static const promql_span ns93[] = {{0, 3}};
static const double nb93[] = {0.0, 0.0, 5.0};
static const promql_histogram h93 = {.schema = -1, .count = 5.0, .sum = 6.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns93, .negative_span_count = 1, .negative_buckets = nb93, .negative_bucket_count = 3};
static const promql_span ns94[] = {{0, 3}};
static const double nb94[] = {0.0, 0.0, 5.0};
static const promql_histogram h94 = {.schema = 0, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns94, .negative_span_count = 1, .negative_buckets = nb94, .negative_bucket_count = 3};
static const promql_span ns95[] = {{0, 3}};
static const double nb95[] = {0.0, 0.0, 5.0};
static const promql_histogram h95 = {.schema = 1, .count = 5.0, .sum = 4.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns95, .negative_span_count = 1, .negative_buckets = nb95, .negative_bucket_count = 3};
static const promql_histogram h96 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span ps97[] = {{0, 5}};
static const double pb97[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h97 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps97, .positive_span_count = 1, .positive_buckets = pb97, .positive_bucket_count = 5};
static const promql_span ps98[] = {{0, 5}};
static const double pb98[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h98 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps98, .positive_span_count = 1, .positive_buckets = pb98, .positive_bucket_count = 5};
static const promql_span ps99[] = {{0, 5}};
static const double pb99[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h99 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps99, .positive_span_count = 1, .positive_buckets = pb99, .positive_bucket_count = 5};
static const promql_span ps100[] = {{0, 5}};
static const double pb100[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h100 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps100, .positive_span_count = 1, .positive_buckets = pb100, .positive_bucket_count = 5};
static const promql_span ps101[] = {{0, 5}};
static const double pb101[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h101 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps101, .positive_span_count = 1, .positive_buckets = pb101, .positive_bucket_count = 5};
static const promql_span ps102[] = {{0, 5}};
static const double pb102[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h102 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps102, .positive_span_count = 1, .positive_buckets = pb102, .positive_bucket_count = 5};
static const promql_span ps103[] = {{0, 5}};
static const double pb103[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h103 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps103, .positive_span_count = 1, .positive_buckets = pb103, .positive_bucket_count = 5};
static const promql_span ps104[] = {{0, 5}};
static const double pb104[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h104 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps104, .positive_span_count = 1, .positive_buckets = pb104, .positive_bucket_count = 5};
static const promql_span ps105[] = {{0, 5}};
static const double pb105[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h105 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps105, .positive_span_count = 1, .positive_buckets = pb105, .positive_bucket_count = 5};
static const promql_span ps106[] = {{0, 5}};
static const double pb106[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h106 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps106, .positive_span_count = 1, .positive_buckets = pb106, .positive_bucket_count = 5};
static const promql_span ps107[] = {{0, 5}};
static const double pb107[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h107 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps107, .positive_span_count = 1, .positive_buckets = pb107, .positive_bucket_count = 5};
static const promql_span ps108[] = {{0, 5}};
static const double pb108[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h108 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps108, .positive_span_count = 1, .positive_buckets = pb108, .positive_bucket_count = 5};
static const promql_span ps109[] = {{0, 5}};
static const double pb109[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h109 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps109, .positive_span_count = 1, .positive_buckets = pb109, .positive_bucket_count = 5};
static const promql_span ps110[] = {{0, 5}};
static const double pb110[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h110 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps110, .positive_span_count = 1, .positive_buckets = pb110, .positive_bucket_count = 5};
static const promql_span ps111[] = {{0, 5}};
static const double pb111[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h111 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps111, .positive_span_count = 1, .positive_buckets = pb111, .positive_bucket_count = 5};
static const promql_span ps112[] = {{0, 5}};
static const double pb112[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h112 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps112, .positive_span_count = 1, .positive_buckets = pb112, .positive_bucket_count = 5};
static const promql_span ps113[] = {{0, 5}};
static const double pb113[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h113 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps113, .positive_span_count = 1, .positive_buckets = pb113, .positive_bucket_count = 5};
static const promql_span ps114[] = {{0, 5}};
static const double pb114[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h114 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps114, .positive_span_count = 1, .positive_buckets = pb114, .positive_bucket_count = 5};
static const promql_span ps115[] = {{0, 5}};
static const double pb115[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h115 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps115, .positive_span_count = 1, .positive_buckets = pb115, .positive_bucket_count = 5};
static const promql_span ps116[] = {{0, 5}};
static const double pb116[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h116 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps116, .positive_span_count = 1, .positive_buckets = pb116, .positive_bucket_count = 5};
static const promql_span ps117[] = {{0, 5}};
static const double pb117[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h117 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps117, .positive_span_count = 1, .positive_buckets = pb117, .positive_bucket_count = 5};
static const promql_span ps118[] = {{0, 5}};
static const double pb118[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h118 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps118, .positive_span_count = 1, .positive_buckets = pb118, .positive_bucket_count = 5};
static const promql_span ps119[] = {{0, 5}};
static const double pb119[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h119 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps119, .positive_span_count = 1, .positive_buckets = pb119, .positive_bucket_count = 5};
static const promql_span ps120[] = {{0, 5}};
static const double pb120[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h120 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps120, .positive_span_count = 1, .positive_buckets = pb120, .positive_bucket_count = 5};
static const promql_span ps121[] = {{0, 5}};
static const double pb121[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h121 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps121, .positive_span_count = 1, .positive_buckets = pb121, .positive_bucket_count = 5};
static const promql_span ps122[] = {{0, 5}};
static const double pb122[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h122 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps122, .positive_span_count = 1, .positive_buckets = pb122, .positive_bucket_count = 5};
static const promql_span ps123[] = {{0, 5}};
static const double pb123[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h123 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps123, .positive_span_count = 1, .positive_buckets = pb123, .positive_bucket_count = 5};
static const promql_span ps124[] = {{0, 5}};
static const double pb124[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h124 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps124, .positive_span_count = 1, .positive_buckets = pb124, .positive_bucket_count = 5};
static const promql_span ps125[] = {{0, 5}};
static const double pb125[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h125 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps125, .positive_span_count = 1, .positive_buckets = pb125, .positive_bucket_count = 5};
static const promql_span ps126[] = {{0, 5}};
static const double pb126[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h126 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps126, .positive_span_count = 1, .positive_buckets = pb126, .positive_bucket_count = 5};
static const promql_span ns127[] = {{0, 5}};
static const double nb127[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h127 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns127, .negative_span_count = 1, .negative_buckets = nb127, .negative_bucket_count = 5};
static const promql_span ns128[] = {{0, 5}};
static const double nb128[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h128 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns128, .negative_span_count = 1, .negative_buckets = nb128, .negative_bucket_count = 5};
static const promql_span ns129[] = {{0, 5}};
static const double nb129[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h129 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns129, .negative_span_count = 1, .negative_buckets = nb129, .negative_bucket_count = 5};
static const promql_span ns130[] = {{0, 5}};
static const double nb130[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h130 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns130, .negative_span_count = 1, .negative_buckets = nb130, .negative_bucket_count = 5};
static const promql_span ns131[] = {{0, 5}};
static const double nb131[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h131 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns131, .negative_span_count = 1, .negative_buckets = nb131, .negative_bucket_count = 5};
static const promql_span ns132[] = {{0, 5}};
static const double nb132[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h132 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns132, .negative_span_count = 1, .negative_buckets = nb132, .negative_bucket_count = 5};
static const promql_span ns133[] = {{0, 5}};
static const double nb133[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h133 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns133, .negative_span_count = 1, .negative_buckets = nb133, .negative_bucket_count = 5};
static const promql_span ns134[] = {{0, 5}};
static const double nb134[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h134 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns134, .negative_span_count = 1, .negative_buckets = nb134, .negative_bucket_count = 5};
static const promql_span ns135[] = {{0, 5}};
static const double nb135[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h135 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns135, .negative_span_count = 1, .negative_buckets = nb135, .negative_bucket_count = 5};
static const promql_span ns136[] = {{0, 5}};
static const double nb136[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h136 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns136, .negative_span_count = 1, .negative_buckets = nb136, .negative_bucket_count = 5};
static const promql_span ns137[] = {{0, 5}};
static const double nb137[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h137 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns137, .negative_span_count = 1, .negative_buckets = nb137, .negative_bucket_count = 5};
static const promql_span ns138[] = {{0, 5}};
static const double nb138[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h138 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns138, .negative_span_count = 1, .negative_buckets = nb138, .negative_bucket_count = 5};
static const promql_span ns139[] = {{0, 5}};
static const double nb139[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h139 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns139, .negative_span_count = 1, .negative_buckets = nb139, .negative_bucket_count = 5};
static const promql_span ns140[] = {{0, 5}};
static const double nb140[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h140 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns140, .negative_span_count = 1, .negative_buckets = nb140, .negative_bucket_count = 5};
static const promql_span ns141[] = {{0, 5}};
static const double nb141[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h141 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns141, .negative_span_count = 1, .negative_buckets = nb141, .negative_bucket_count = 5};
static const promql_span ns142[] = {{0, 5}};
static const double nb142[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h142 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns142, .negative_span_count = 1, .negative_buckets = nb142, .negative_bucket_count = 5};
static const promql_span ns143[] = {{0, 5}};
static const double nb143[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h143 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns143, .negative_span_count = 1, .negative_buckets = nb143, .negative_bucket_count = 5};
static const promql_span ns144[] = {{0, 5}};
static const double nb144[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h144 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns144, .negative_span_count = 1, .negative_buckets = nb144, .negative_bucket_count = 5};
static const promql_span ns145[] = {{0, 5}};
static const double nb145[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h145 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns145, .negative_span_count = 1, .negative_buckets = nb145, .negative_bucket_count = 5};
static const promql_span ns146[] = {{0, 5}};
static const double nb146[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h146 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns146, .negative_span_count = 1, .negative_buckets = nb146, .negative_bucket_count = 5};
static const promql_span ns147[] = {{0, 5}};
static const double nb147[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h147 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns147, .negative_span_count = 1, .negative_buckets = nb147, .negative_bucket_count = 5};
static const promql_span ns148[] = {{0, 5}};
static const double nb148[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h148 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns148, .negative_span_count = 1, .negative_buckets = nb148, .negative_bucket_count = 5};
static const promql_span ns149[] = {{0, 5}};
static const double nb149[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h149 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns149, .negative_span_count = 1, .negative_buckets = nb149, .negative_bucket_count = 5};
static const promql_span ns150[] = {{0, 5}};
static const double nb150[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h150 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns150, .negative_span_count = 1, .negative_buckets = nb150, .negative_bucket_count = 5};
static const promql_span ns151[] = {{0, 5}};
static const double nb151[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h151 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns151, .negative_span_count = 1, .negative_buckets = nb151, .negative_bucket_count = 5};
static const promql_span ns152[] = {{0, 5}};
static const double nb152[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h152 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns152, .negative_span_count = 1, .negative_buckets = nb152, .negative_bucket_count = 5};
static const promql_span ns153[] = {{0, 5}};
static const double nb153[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h153 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns153, .negative_span_count = 1, .negative_buckets = nb153, .negative_bucket_count = 5};
static const promql_span ns154[] = {{0, 5}};
static const double nb154[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h154 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns154, .negative_span_count = 1, .negative_buckets = nb154, .negative_bucket_count = 5};
static const promql_span ns155[] = {{0, 5}};
static const double nb155[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h155 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns155, .negative_span_count = 1, .negative_buckets = nb155, .negative_bucket_count = 5};
static const promql_span ns156[] = {{0, 5}};
static const double nb156[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h156 = {.schema = 0, .count = 12.0, .sum = 100.0, .zero_count = 2.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = ns156, .negative_span_count = 1, .negative_buckets = nb156, .negative_bucket_count = 5};
static const promql_span ps157[] = {{0, 5}};
static const double pb157[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns157[] = {{0, 5}};
static const double nb157[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h157 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps157, .positive_span_count = 1, .positive_buckets = pb157, .positive_bucket_count = 5, .negative_spans = ns157, .negative_span_count = 1, .negative_buckets = nb157, .negative_bucket_count = 5};
static const promql_span ps158[] = {{0, 5}};
static const double pb158[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns158[] = {{0, 5}};
static const double nb158[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h158 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps158, .positive_span_count = 1, .positive_buckets = pb158, .positive_bucket_count = 5, .negative_spans = ns158, .negative_span_count = 1, .negative_buckets = nb158, .negative_bucket_count = 5};
static const promql_span ps159[] = {{0, 5}};
static const double pb159[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns159[] = {{0, 5}};
static const double nb159[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h159 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps159, .positive_span_count = 1, .positive_buckets = pb159, .positive_bucket_count = 5, .negative_spans = ns159, .negative_span_count = 1, .negative_buckets = nb159, .negative_bucket_count = 5};
static const promql_span ps160[] = {{0, 5}};
static const double pb160[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns160[] = {{0, 5}};
static const double nb160[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h160 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps160, .positive_span_count = 1, .positive_buckets = pb160, .positive_bucket_count = 5, .negative_spans = ns160, .negative_span_count = 1, .negative_buckets = nb160, .negative_bucket_count = 5};
static const promql_span ps161[] = {{0, 5}};
static const double pb161[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns161[] = {{0, 5}};
static const double nb161[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h161 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps161, .positive_span_count = 1, .positive_buckets = pb161, .positive_bucket_count = 5, .negative_spans = ns161, .negative_span_count = 1, .negative_buckets = nb161, .negative_bucket_count = 5};
static const promql_span ps162[] = {{0, 5}};
static const double pb162[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns162[] = {{0, 5}};
static const double nb162[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h162 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps162, .positive_span_count = 1, .positive_buckets = pb162, .positive_bucket_count = 5, .negative_spans = ns162, .negative_span_count = 1, .negative_buckets = nb162, .negative_bucket_count = 5};
static const promql_span ps163[] = {{0, 5}};
static const double pb163[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns163[] = {{0, 5}};
static const double nb163[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h163 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps163, .positive_span_count = 1, .positive_buckets = pb163, .positive_bucket_count = 5, .negative_spans = ns163, .negative_span_count = 1, .negative_buckets = nb163, .negative_bucket_count = 5};
static const promql_span ps164[] = {{0, 5}};
static const double pb164[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns164[] = {{0, 5}};
static const double nb164[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h164 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps164, .positive_span_count = 1, .positive_buckets = pb164, .positive_bucket_count = 5, .negative_spans = ns164, .negative_span_count = 1, .negative_buckets = nb164, .negative_bucket_count = 5};
static const promql_span ps165[] = {{0, 5}};
static const double pb165[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns165[] = {{0, 5}};
static const double nb165[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h165 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps165, .positive_span_count = 1, .positive_buckets = pb165, .positive_bucket_count = 5, .negative_spans = ns165, .negative_span_count = 1, .negative_buckets = nb165, .negative_bucket_count = 5};
static const promql_span ps166[] = {{0, 5}};
static const double pb166[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns166[] = {{0, 5}};
static const double nb166[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h166 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps166, .positive_span_count = 1, .positive_buckets = pb166, .positive_bucket_count = 5, .negative_spans = ns166, .negative_span_count = 1, .negative_buckets = nb166, .negative_bucket_count = 5};
static const promql_span ps167[] = {{0, 5}};
static const double pb167[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns167[] = {{0, 5}};
static const double nb167[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h167 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps167, .positive_span_count = 1, .positive_buckets = pb167, .positive_bucket_count = 5, .negative_spans = ns167, .negative_span_count = 1, .negative_buckets = nb167, .negative_bucket_count = 5};
static const promql_span ps168[] = {{0, 5}};
static const double pb168[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns168[] = {{0, 5}};
static const double nb168[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h168 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps168, .positive_span_count = 1, .positive_buckets = pb168, .positive_bucket_count = 5, .negative_spans = ns168, .negative_span_count = 1, .negative_buckets = nb168, .negative_bucket_count = 5};
static const promql_span ps169[] = {{0, 5}};
static const double pb169[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns169[] = {{0, 5}};
static const double nb169[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h169 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps169, .positive_span_count = 1, .positive_buckets = pb169, .positive_bucket_count = 5, .negative_spans = ns169, .negative_span_count = 1, .negative_buckets = nb169, .negative_bucket_count = 5};
static const promql_span ps170[] = {{0, 5}};
static const double pb170[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns170[] = {{0, 5}};
static const double nb170[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h170 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps170, .positive_span_count = 1, .positive_buckets = pb170, .positive_bucket_count = 5, .negative_spans = ns170, .negative_span_count = 1, .negative_buckets = nb170, .negative_bucket_count = 5};
static const promql_span ps171[] = {{0, 5}};
static const double pb171[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns171[] = {{0, 5}};
static const double nb171[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h171 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps171, .positive_span_count = 1, .positive_buckets = pb171, .positive_bucket_count = 5, .negative_spans = ns171, .negative_span_count = 1, .negative_buckets = nb171, .negative_bucket_count = 5};
static const promql_span ps172[] = {{0, 5}};
static const double pb172[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns172[] = {{0, 5}};
static const double nb172[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h172 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps172, .positive_span_count = 1, .positive_buckets = pb172, .positive_bucket_count = 5, .negative_spans = ns172, .negative_span_count = 1, .negative_buckets = nb172, .negative_bucket_count = 5};
static const promql_span ps173[] = {{0, 5}};
static const double pb173[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns173[] = {{0, 5}};
static const double nb173[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h173 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps173, .positive_span_count = 1, .positive_buckets = pb173, .positive_bucket_count = 5, .negative_spans = ns173, .negative_span_count = 1, .negative_buckets = nb173, .negative_bucket_count = 5};
static const promql_span ps174[] = {{0, 5}};
static const double pb174[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns174[] = {{0, 5}};
static const double nb174[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h174 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps174, .positive_span_count = 1, .positive_buckets = pb174, .positive_bucket_count = 5, .negative_spans = ns174, .negative_span_count = 1, .negative_buckets = nb174, .negative_bucket_count = 5};
static const promql_span ps175[] = {{0, 5}};
static const double pb175[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns175[] = {{0, 5}};
static const double nb175[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h175 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps175, .positive_span_count = 1, .positive_buckets = pb175, .positive_bucket_count = 5, .negative_spans = ns175, .negative_span_count = 1, .negative_buckets = nb175, .negative_bucket_count = 5};
static const promql_span ps176[] = {{0, 5}};
static const double pb176[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns176[] = {{0, 5}};
static const double nb176[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h176 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps176, .positive_span_count = 1, .positive_buckets = pb176, .positive_bucket_count = 5, .negative_spans = ns176, .negative_span_count = 1, .negative_buckets = nb176, .negative_bucket_count = 5};
static const promql_span ps177[] = {{0, 5}};
static const double pb177[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns177[] = {{0, 5}};
static const double nb177[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h177 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps177, .positive_span_count = 1, .positive_buckets = pb177, .positive_bucket_count = 5, .negative_spans = ns177, .negative_span_count = 1, .negative_buckets = nb177, .negative_bucket_count = 5};
static const promql_span ps178[] = {{0, 5}};
static const double pb178[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns178[] = {{0, 5}};
static const double nb178[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h178 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps178, .positive_span_count = 1, .positive_buckets = pb178, .positive_bucket_count = 5, .negative_spans = ns178, .negative_span_count = 1, .negative_buckets = nb178, .negative_bucket_count = 5};
static const promql_span ps179[] = {{0, 5}};
static const double pb179[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns179[] = {{0, 5}};
static const double nb179[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h179 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps179, .positive_span_count = 1, .positive_buckets = pb179, .positive_bucket_count = 5, .negative_spans = ns179, .negative_span_count = 1, .negative_buckets = nb179, .negative_bucket_count = 5};
static const promql_span ps180[] = {{0, 5}};
static const double pb180[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns180[] = {{0, 5}};
static const double nb180[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h180 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps180, .positive_span_count = 1, .positive_buckets = pb180, .positive_bucket_count = 5, .negative_spans = ns180, .negative_span_count = 1, .negative_buckets = nb180, .negative_bucket_count = 5};
static const promql_span ps181[] = {{0, 5}};
static const double pb181[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns181[] = {{0, 5}};
static const double nb181[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h181 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps181, .positive_span_count = 1, .positive_buckets = pb181, .positive_bucket_count = 5, .negative_spans = ns181, .negative_span_count = 1, .negative_buckets = nb181, .negative_bucket_count = 5};
static const promql_span ps182[] = {{0, 5}};
static const double pb182[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns182[] = {{0, 5}};
static const double nb182[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h182 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps182, .positive_span_count = 1, .positive_buckets = pb182, .positive_bucket_count = 5, .negative_spans = ns182, .negative_span_count = 1, .negative_buckets = nb182, .negative_bucket_count = 5};
static const promql_span ps183[] = {{0, 5}};
static const double pb183[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns183[] = {{0, 5}};
static const double nb183[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h183 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps183, .positive_span_count = 1, .positive_buckets = pb183, .positive_bucket_count = 5, .negative_spans = ns183, .negative_span_count = 1, .negative_buckets = nb183, .negative_bucket_count = 5};
static const promql_span ps184[] = {{0, 5}};
static const double pb184[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns184[] = {{0, 5}};
static const double nb184[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h184 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps184, .positive_span_count = 1, .positive_buckets = pb184, .positive_bucket_count = 5, .negative_spans = ns184, .negative_span_count = 1, .negative_buckets = nb184, .negative_bucket_count = 5};
static const promql_span ps185[] = {{0, 5}};
static const double pb185[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns185[] = {{0, 5}};
static const double nb185[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h185 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps185, .positive_span_count = 1, .positive_buckets = pb185, .positive_bucket_count = 5, .negative_spans = ns185, .negative_span_count = 1, .negative_buckets = nb185, .negative_bucket_count = 5};
static const promql_span ps186[] = {{0, 5}};
static const double pb186[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_span ns186[] = {{0, 5}};
static const double nb186[] = {2.0, 3.0, 0.0, 1.0, 4.0};
static const promql_histogram h186 = {.schema = 0, .count = 24.0, .sum = 100.0, .zero_count = 4.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps186, .positive_span_count = 1, .positive_buckets = pb186, .positive_bucket_count = 5, .negative_spans = ns186, .negative_span_count = 1, .negative_buckets = nb186, .negative_bucket_count = 5};
static const promql_span ps187[] = {{0, 3}};
static const double pb187[] = {1.0, 2.0, 1.0};
static const double cv187[] = {5.0, 10.0};
static const promql_histogram h187 = {.schema = -53, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps187, .positive_span_count = 1, .positive_buckets = pb187, .positive_bucket_count = 3, .custom_values = cv187, .custom_value_count = 2};
static const promql_span ps188[] = {{0, 3}};
static const double pb188[] = {1.0, 2.0, 1.0};
static const double cv188[] = {5.0, 10.0};
static const promql_histogram h188 = {.schema = -53, .count = 4.0, .sum = 5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = ps188, .positive_span_count = 1, .positive_buckets = pb188, .positive_bucket_count = 3, .custom_values = cv188, .custom_value_count = 2};
static const promql_span pst0[] = {{0, 4}};
static const double pbt0[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst0[] = {{0, 2}};
static const double nbt0[] = {1.0, 2.0};
static const promql_histogram ht0 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst0, .positive_span_count = 1, .positive_buckets = pbt0, .positive_bucket_count = 4, .negative_spans = nst0, .negative_span_count = 1, .negative_buckets = nbt0, .negative_bucket_count = 2};
static const promql_span pse0[] = {{0, 4}};
static const double pbe0[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nse0[] = {{0, 2}};
static const double nbe0[] = {1.0, 2.0};
static const promql_histogram he0 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse0, .positive_span_count = 1, .positive_buckets = pbe0, .positive_bucket_count = 4, .negative_spans = nse0, .negative_span_count = 1, .negative_buckets = nbe0, .negative_bucket_count = 2};
static const promql_span pst1[] = {{0, 4}};
static const double pbt1[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst1[] = {{0, 2}};
static const double nbt1[] = {1.0, 2.0};
static const promql_histogram ht1 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst1, .positive_span_count = 1, .positive_buckets = pbt1, .positive_bucket_count = 4, .negative_spans = nst1, .negative_span_count = 1, .negative_buckets = nbt1, .negative_bucket_count = 2};
static const promql_span pse1[] = {{0, 4}};
static const double pbe1[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nse1[] = {{0, 2}};
static const double nbe1[] = {1.0, 2.0};
static const promql_histogram he1 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse1, .positive_span_count = 1, .positive_buckets = pbe1, .positive_bucket_count = 4, .negative_spans = nse1, .negative_span_count = 1, .negative_buckets = nbe1, .negative_bucket_count = 2};
static const promql_span pst2[] = {{0, 4}};
static const double pbt2[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst2[] = {{0, 2}};
static const double nbt2[] = {1.0, 2.0};
static const promql_histogram ht2 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst2, .positive_span_count = 1, .positive_buckets = pbt2, .positive_bucket_count = 4, .negative_spans = nst2, .negative_span_count = 1, .negative_buckets = nbt2, .negative_bucket_count = 2};
static const promql_histogram he2 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span pst3[] = {{0, 4}};
static const double pbt3[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst3[] = {{0, 2}};
static const double nbt3[] = {1.0, 2.0};
static const promql_histogram ht3 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst3, .positive_span_count = 1, .positive_buckets = pbt3, .positive_bucket_count = 4, .negative_spans = nst3, .negative_span_count = 1, .negative_buckets = nbt3, .negative_bucket_count = 2};
static const promql_histogram he3 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span pst4[] = {{0, 4}};
static const double pbt4[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst4[] = {{0, 2}};
static const double nbt4[] = {1.0, 2.0};
static const promql_histogram ht4 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst4, .positive_span_count = 1, .positive_buckets = pbt4, .positive_bucket_count = 4, .negative_spans = nst4, .negative_span_count = 1, .negative_buckets = nbt4, .negative_bucket_count = 2};
static const promql_span pse4[] = {{0, 4}};
static const double pbe4[] = {2.0, 4.0, 8.0, 16.0};
static const promql_histogram he4 = {.schema = 0, .count = 30.5, .sum = 120.20840280171308, .zero_count = 0.5, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse4, .positive_span_count = 1, .positive_buckets = pbe4, .positive_bucket_count = 4};
static const promql_span pst5[] = {{0, 4}};
static const double pbt5[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst5[] = {{0, 2}};
static const double nbt5[] = {1.0, 2.0};
static const promql_histogram ht5 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst5, .positive_span_count = 1, .positive_buckets = pbt5, .positive_bucket_count = 4, .negative_spans = nst5, .negative_span_count = 1, .negative_buckets = nbt5, .negative_bucket_count = 2};
static const promql_span nse5[] = {{0, 2}};
static const double nbe5[] = {1.0, 2.0};
static const promql_histogram he5 = {.schema = 0, .count = 3.5, .sum = -3.5357839059327376, .zero_count = 0.5, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse5, .negative_span_count = 1, .negative_buckets = nbe5, .negative_bucket_count = 2};
static const promql_span pst6[] = {{0, 4}};
static const double pbt6[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst6[] = {{0, 2}};
static const double nbt6[] = {1.0, 2.0};
static const promql_histogram ht6 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst6, .positive_span_count = 1, .positive_buckets = pbt6, .positive_bucket_count = 4, .negative_spans = nst6, .negative_span_count = 1, .negative_buckets = nbt6, .negative_bucket_count = 2};
static const promql_span pse6[] = {{0, 2}};
static const double pbe6[] = {2.0, 2.0};
static const promql_span nse6[] = {{0, 2}};
static const double nbe6[] = {1.0, 2.0};
static const promql_histogram he6 = {.schema = 0, .count = 8.0, .sum = 0.2570938865989847, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse6, .positive_span_count = 1, .positive_buckets = pbe6, .positive_bucket_count = 2, .negative_spans = nse6, .negative_span_count = 1, .negative_buckets = nbe6, .negative_bucket_count = 2};
static const promql_span pst7[] = {{0, 4}};
static const double pbt7[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst7[] = {{0, 2}};
static const double nbt7[] = {1.0, 2.0};
static const promql_histogram ht7 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst7, .positive_span_count = 1, .positive_buckets = pbt7, .positive_bucket_count = 4, .negative_spans = nst7, .negative_span_count = 1, .negative_buckets = nbt7, .negative_bucket_count = 2};
static const promql_span pse7[] = {{0, 4}};
static const double pbe7[] = {0.0, 2.0, 8.0, 16.0};
static const promql_histogram he7 = {.schema = 0, .count = 26.0, .sum = 116.50067065070982, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse7, .positive_span_count = 1, .positive_buckets = pbe7, .positive_bucket_count = 4};
static const promql_span pst8[] = {{0, 5}};
static const double pbt8[] = {1.0, 2.0, 4.0, 7.0, 3.0};
static const promql_span nst8[] = {{0, 4}};
static const double nbt8[] = {1.0, 5.0, 3.0, 1.0};
static const promql_histogram ht8 = {.schema = 2, .count = 28.0, .sum = 12.8286080906, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst8, .positive_span_count = 1, .positive_buckets = pbt8, .positive_bucket_count = 5, .negative_spans = nst8, .negative_span_count = 1, .negative_buckets = nbt8, .negative_bucket_count = 4};
static const promql_span pse8[] = {{0, 2}};
static const double pbe8[] = {1.0, 1.410582181123704};
static const promql_span nse8[] = {{0, 4}};
static const double nbe8[] = {1.0, 5.0, 3.0, 1.0};
static const promql_histogram he8 = {.schema = 2, .count = 13.410582181123704, .sum = -9.385798726068233, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse8, .positive_span_count = 1, .positive_buckets = pbe8, .positive_bucket_count = 2, .negative_spans = nse8, .negative_span_count = 1, .negative_buckets = nbe8, .negative_bucket_count = 4};
static const promql_span pst9[] = {{0, 5}};
static const double pbt9[] = {1.0, 2.0, 4.0, 7.0, 3.0};
static const promql_span nst9[] = {{0, 4}};
static const double nbt9[] = {1.0, 5.0, 3.0, 1.0};
static const promql_histogram ht9 = {.schema = 2, .count = 28.0, .sum = 12.8286080906, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst9, .positive_span_count = 1, .positive_buckets = pbt9, .positive_bucket_count = 5, .negative_spans = nst9, .negative_span_count = 1, .negative_buckets = nbt9, .negative_bucket_count = 4};
static const promql_span pse9[] = {{1, 4}};
static const double pbe9[] = {0.589417818876296, 4.0, 7.0, 3.0};
static const promql_histogram he9 = {.schema = 2, .count = 14.589417818876296, .sum = 22.168126492693734, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse9, .positive_span_count = 1, .positive_buckets = pbe9, .positive_bucket_count = 4};
static const promql_span pst10[] = {{0, 5}};
static const double pbt10[] = {1.0, 2.0, 4.0, 7.0, 3.0};
static const promql_span nst10[] = {{0, 4}};
static const double nbt10[] = {1.0, 5.0, 3.0, 1.0};
static const promql_histogram ht10 = {.schema = 2, .count = 28.0, .sum = 12.8286080906, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst10, .positive_span_count = 1, .positive_buckets = pbt10, .positive_bucket_count = 5, .negative_spans = nst10, .negative_span_count = 1, .negative_buckets = nbt10, .negative_bucket_count = 4};
static const promql_span pse10[] = {{0, 5}};
static const double pbe10[] = {1.0, 2.0, 4.0, 7.0, 3.0};
static const promql_span nse10[] = {{0, 3}};
static const double nbe10[] = {1.0, 5.0, 1.54213947904476};
static const promql_histogram he10 = {.schema = 2, .count = 25.54213947904476, .sum = 16.29588491217537, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse10, .positive_span_count = 1, .positive_buckets = pbe10, .positive_bucket_count = 5, .negative_spans = nse10, .negative_span_count = 1, .negative_buckets = nbe10, .negative_bucket_count = 3};
static const promql_span pst11[] = {{0, 5}};
static const double pbt11[] = {1.0, 2.0, 4.0, 7.0, 3.0};
static const promql_span nst11[] = {{0, 4}};
static const double nbt11[] = {1.0, 5.0, 3.0, 1.0};
static const promql_histogram ht11 = {.schema = 2, .count = 28.0, .sum = 12.8286080906, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst11, .positive_span_count = 1, .positive_buckets = pbt11, .positive_bucket_count = 5, .negative_spans = nst11, .negative_span_count = 1, .negative_buckets = nbt11, .negative_bucket_count = 4};
static const promql_span nse11[] = {{2, 2}};
static const double nbe11[] = {1.45786052095524, 1.0};
static const promql_histogram he11 = {.schema = 2, .count = 2.45786052095524, .sum = -3.5189307983595066, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse11, .negative_span_count = 1, .negative_buckets = nbe11, .negative_bucket_count = 2};
static const promql_span pst12[] = {{0, 4}};
static const double pbt12[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst12[] = {{0, 2}};
static const double nbt12[] = {1.0, 2.0};
static const promql_histogram ht12 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst12, .positive_span_count = 1, .positive_buckets = pbt12, .positive_bucket_count = 4, .negative_spans = nst12, .negative_span_count = 1, .negative_buckets = nbt12, .negative_bucket_count = 2};
static const promql_span pse12[] = {{0, 2}};
static const double pbe12[] = {2.0, 4.0};
static const promql_span nse12[] = {{0, 2}};
static const double nbe12[] = {1.0, 2.0};
static const promql_histogram he12 = {.schema = 0, .count = 10.0, .sum = 3.5355339059327373, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse12, .positive_span_count = 1, .positive_buckets = pbe12, .positive_bucket_count = 2, .negative_spans = nse12, .negative_span_count = 1, .negative_buckets = nbe12, .negative_bucket_count = 2};
static const promql_span pst13[] = {{0, 4}};
static const double pbt13[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst13[] = {{0, 2}};
static const double nbt13[] = {1.0, 2.0};
static const promql_histogram ht13 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst13, .positive_span_count = 1, .positive_buckets = pbt13, .positive_bucket_count = 4, .negative_spans = nst13, .negative_span_count = 1, .negative_buckets = nbt13, .negative_bucket_count = 2};
static const promql_span pse13[] = {{2, 2}};
static const double pbe13[] = {8.0, 16.0};
static const promql_histogram he13 = {.schema = 0, .count = 24.0, .sum = 113.13708498984761, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse13, .positive_span_count = 1, .positive_buckets = pbe13, .positive_bucket_count = 2};
static const promql_span pst14[] = {{0, 4}};
static const double pbt14[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst14[] = {{0, 2}};
static const double nbt14[] = {1.0, 2.0};
static const promql_histogram ht14 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst14, .positive_span_count = 1, .positive_buckets = pbt14, .positive_bucket_count = 4, .negative_spans = nst14, .negative_span_count = 1, .negative_buckets = nbt14, .negative_bucket_count = 2};
static const promql_span pse14[] = {{0, 4}};
static const double pbe14[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nse14[] = {{0, 1}};
static const double nbe14[] = {1.0};
static const promql_histogram he14 = {.schema = 0, .count = 32.0, .sum = 119.50104602052653, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse14, .positive_span_count = 1, .positive_buckets = pbe14, .positive_bucket_count = 4, .negative_spans = nse14, .negative_span_count = 1, .negative_buckets = nbe14, .negative_bucket_count = 1};
static const promql_span pst15[] = {{0, 4}};
static const double pbt15[] = {2.0, 4.0, 8.0, 16.0};
static const promql_span nst15[] = {{0, 2}};
static const double nbt15[] = {1.0, 2.0};
static const promql_histogram ht15 = {.schema = 0, .count = 34.0, .sum = 123.75, .zero_count = 1.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst15, .positive_span_count = 1, .positive_buckets = pbt15, .positive_bucket_count = 4, .negative_spans = nst15, .negative_span_count = 1, .negative_buckets = nbt15, .negative_bucket_count = 2};
static const promql_span nse15[] = {{1, 1}};
static const double nbe15[] = {2.0};
static const promql_histogram he15 = {.schema = 0, .count = 2.0, .sum = -2.8284271247461903, .zero_count = 0.0, .zero_threshold = 0.001, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse15, .negative_span_count = 1, .negative_buckets = nbe15, .negative_bucket_count = 1};
static const promql_span pst16[] = {{0, 1}};
static const double pbt16[] = {10.0};
static const promql_histogram ht16 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst16, .positive_span_count = 1, .positive_buckets = pbt16, .positive_bucket_count = 1};
static const promql_span pse16[] = {{0, 1}};
static const double pbe16[] = {10.0};
static const promql_histogram he16 = {.schema = 0, .count = 10.0, .sum = 7.0710678118654755, .zero_count = 0.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse16, .positive_span_count = 1, .positive_buckets = pbe16, .positive_bucket_count = 1};
static const promql_span pst17[] = {{0, 1}};
static const double pbt17[] = {10.0};
static const promql_histogram ht17 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst17, .positive_span_count = 1, .positive_buckets = pbt17, .positive_bucket_count = 1};
static const promql_span pse17[] = {{0, 1}};
static const double pbe17[] = {10.0};
static const promql_histogram he17 = {.schema = 0, .count = 11.6, .sum = 7.551067811865476, .zero_count = 1.6, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse17, .positive_span_count = 1, .positive_buckets = pbe17, .positive_bucket_count = 1};
static const promql_span pst18[] = {{0, 1}};
static const double pbt18[] = {10.0};
static const promql_histogram ht18 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst18, .positive_span_count = 1, .positive_buckets = pbt18, .positive_bucket_count = 1};
static const promql_span pse18[] = {{0, 1}};
static const double pbe18[] = {10.0};
static const promql_histogram he18 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse18, .positive_span_count = 1, .positive_buckets = pbe18, .positive_bucket_count = 1};
static const promql_span pst19[] = {{0, 1}};
static const double pbt19[] = {10.0};
static const promql_histogram ht19 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst19, .positive_span_count = 1, .positive_buckets = pbt19, .positive_bucket_count = 1};
static const promql_histogram he19 = {.schema = 0, .count = 2.0, .sum = 0.5, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span pst20[] = {{0, 1}};
static const double pbt20[] = {10.0};
static const promql_histogram ht20 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst20, .positive_span_count = 1, .positive_buckets = pbt20, .positive_bucket_count = 1};
static const promql_histogram he20 = {.schema = 0, .count = 0.4, .sum = 0.02, .zero_count = 0.4, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span pst21[] = {{0, 1}};
static const double pbt21[] = {10.0};
static const promql_histogram ht21 = {.schema = 0, .count = 12.0, .sum = 8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst21, .positive_span_count = 1, .positive_buckets = pbt21, .positive_bucket_count = 1};
static const promql_histogram he21 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span nst22[] = {{0, 1}};
static const double nbt22[] = {10.0};
static const promql_histogram ht22 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst22, .negative_span_count = 1, .negative_buckets = nbt22, .negative_bucket_count = 1};
static const promql_span nse22[] = {{0, 1}};
static const double nbe22[] = {10.0};
static const promql_histogram he22 = {.schema = 0, .count = 10.0, .sum = -7.0710678118654755, .zero_count = 0.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse22, .negative_span_count = 1, .negative_buckets = nbe22, .negative_bucket_count = 1};
static const promql_span nst23[] = {{0, 1}};
static const double nbt23[] = {10.0};
static const promql_histogram ht23 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst23, .negative_span_count = 1, .negative_buckets = nbt23, .negative_bucket_count = 1};
static const promql_span nse23[] = {{0, 1}};
static const double nbe23[] = {10.0};
static const promql_histogram he23 = {.schema = 0, .count = 11.6, .sum = -7.551067811865476, .zero_count = 1.6, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse23, .negative_span_count = 1, .negative_buckets = nbe23, .negative_bucket_count = 1};
static const promql_span nst24[] = {{0, 1}};
static const double nbt24[] = {10.0};
static const promql_histogram ht24 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst24, .negative_span_count = 1, .negative_buckets = nbt24, .negative_bucket_count = 1};
static const promql_span nse24[] = {{0, 1}};
static const double nbe24[] = {10.0};
static const promql_histogram he24 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse24, .negative_span_count = 1, .negative_buckets = nbe24, .negative_bucket_count = 1};
static const promql_span nst25[] = {{0, 1}};
static const double nbt25[] = {10.0};
static const promql_histogram ht25 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst25, .negative_span_count = 1, .negative_buckets = nbt25, .negative_bucket_count = 1};
static const promql_histogram he25 = {.schema = 0, .count = 2.0, .sum = -0.5, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span nst26[] = {{0, 1}};
static const double nbt26[] = {10.0};
static const promql_histogram ht26 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst26, .negative_span_count = 1, .negative_buckets = nbt26, .negative_bucket_count = 1};
static const promql_histogram he26 = {.schema = 0, .count = 0.4, .sum = -0.02, .zero_count = 0.4, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span nst27[] = {{0, 1}};
static const double nbt27[] = {10.0};
static const promql_histogram ht27 = {.schema = 0, .count = 12.0, .sum = -8.021067811865475, .zero_count = 2.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nst27, .negative_span_count = 1, .negative_buckets = nbt27, .negative_bucket_count = 1};
static const promql_histogram he27 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.5, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht28 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he28 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht29 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he29 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht30 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he30 = {.schema = 0, .count = 1.25, .sum = 0.09375, .zero_count = 1.25, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht31 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he31 = {.schema = 0, .count = 3.75, .sum = -0.09375, .zero_count = 3.75, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht32 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he32 = {.schema = 0, .count = 2.5, .sum = 0.125, .zero_count = 2.5, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht33 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he33 = {.schema = 0, .count = 2.5, .sum = -0.125, .zero_count = 2.5, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht34 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he34 = {.schema = 0, .count = 3.75, .sum = 0.09375, .zero_count = 3.75, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht35 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he35 = {.schema = 0, .count = 1.25, .sum = -0.09375, .zero_count = 1.25, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht36 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he36 = {.schema = 0, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram ht37 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_histogram he37 = {.schema = 0, .count = 5.0, .sum = 0.0, .zero_count = 5.0, .zero_threshold = 0.1, .counter_reset_hint = PROMQL_HINT_UNKNOWN};
static const promql_span pst38[] = {{0, 5}};
static const double pbt38[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt38[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht38 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst38, .positive_span_count = 1, .positive_buckets = pbt38, .positive_bucket_count = 5, .custom_values = cvt38, .custom_value_count = 4};
static const promql_span pse38[] = {{0, 3}};
static const double pbe38[] = {1.0, 6.0, 4.0};
static const double cve38[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he38 = {.schema = -53, .count = 11.0, .sum = 97.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse38, .positive_span_count = 1, .positive_buckets = pbe38, .positive_bucket_count = 3, .custom_values = cve38, .custom_value_count = 4};
static const promql_span pst39[] = {{0, 5}};
static const double pbt39[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt39[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht39 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst39, .positive_span_count = 1, .positive_buckets = pbt39, .positive_bucket_count = 5, .custom_values = cvt39, .custom_value_count = 4};
static const promql_span pse39[] = {{3, 2}};
static const double pbe39[] = {3.0, 1.0};
static const double cve39[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he39 = {.schema = -53, .count = 4.0, .sum = 72.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse39, .positive_span_count = 1, .positive_buckets = pbe39, .positive_bucket_count = 2, .custom_values = cve39, .custom_value_count = 4};
static const promql_span pst40[] = {{0, 5}};
static const double pbt40[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt40[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht40 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst40, .positive_span_count = 1, .positive_buckets = pbt40, .positive_bucket_count = 5, .custom_values = cvt40, .custom_value_count = 4};
static const promql_span pse40[] = {{0, 3}};
static const double pbe40[] = {1.0, 6.0, 2.4};
static const double cve40[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he40 = {.schema = -53, .count = 9.4, .sum = 75.1, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse40, .positive_span_count = 1, .positive_buckets = pbe40, .positive_bucket_count = 3, .custom_values = cve40, .custom_value_count = 4};
static const promql_span pst41[] = {{0, 5}};
static const double pbt41[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt41[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht41 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst41, .positive_span_count = 1, .positive_buckets = pbt41, .positive_bucket_count = 5, .custom_values = cvt41, .custom_value_count = 4};
static const promql_span pse41[] = {{2, 3}};
static const double pbe41[] = {1.6, 3.0, 1.0};
static const double cve41[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he41 = {.schema = -53, .count = 5.6, .sum = 94.9, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse41, .positive_span_count = 1, .positive_buckets = pbe41, .positive_bucket_count = 3, .custom_values = cve41, .custom_value_count = 4};
static const promql_span pst42[] = {{0, 5}};
static const double pbt42[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt42[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht42 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst42, .positive_span_count = 1, .positive_buckets = pbt42, .positive_bucket_count = 5, .custom_values = cvt42, .custom_value_count = 4};
static const promql_span pse42[] = {{0, 2}};
static const double pbe42[] = {1.0, 3.0};
static const double cve42[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he42 = {.schema = -53, .count = 4.0, .sum = 21.25, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse42, .positive_span_count = 1, .positive_buckets = pbe42, .positive_bucket_count = 2, .custom_values = cve42, .custom_value_count = 4};
static const promql_span pst43[] = {{0, 5}};
static const double pbt43[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt43[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht43 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst43, .positive_span_count = 1, .positive_buckets = pbt43, .positive_bucket_count = 5, .custom_values = cvt43, .custom_value_count = 4};
static const promql_span pse43[] = {{0, 4}};
static const double pbe43[] = {1.0, 6.0, 4.0, 3.0};
static const double cve43[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he43 = {.schema = -53, .count = 14.0, .sum = 150.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse43, .positive_span_count = 1, .positive_buckets = pbe43, .positive_bucket_count = 4, .custom_values = cve43, .custom_value_count = 4};
static const promql_span pst44[] = {{0, 5}};
static const double pbt44[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt44[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht44 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst44, .positive_span_count = 1, .positive_buckets = pbt44, .positive_bucket_count = 5, .custom_values = cvt44, .custom_value_count = 4};
static const double cve44[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he44 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cve44, .custom_value_count = 4};
static const promql_span pst45[] = {{0, 5}};
static const double pbt45[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt45[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht45 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst45, .positive_span_count = 1, .positive_buckets = pbt45, .positive_bucket_count = 5, .custom_values = cvt45, .custom_value_count = 4};
static const double cve45[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he45 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cve45, .custom_value_count = 4};
static const promql_span pst46[] = {{0, 5}};
static const double pbt46[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt46[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht46 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst46, .positive_span_count = 1, .positive_buckets = pbt46, .positive_bucket_count = 5, .custom_values = cvt46, .custom_value_count = 4};
static const promql_span pse46[] = {{0, 5}};
static const double pbe46[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cve46[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he46 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse46, .positive_span_count = 1, .positive_buckets = pbe46, .positive_bucket_count = 5, .custom_values = cve46, .custom_value_count = 4};
static const promql_span pst47[] = {{0, 5}};
static const double pbt47[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt47[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht47 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst47, .positive_span_count = 1, .positive_buckets = pbt47, .positive_bucket_count = 5, .custom_values = cvt47, .custom_value_count = 4};
static const promql_span pse47[] = {{0, 5}};
static const double pbe47[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cve47[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he47 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse47, .positive_span_count = 1, .positive_buckets = pbe47, .positive_bucket_count = 5, .custom_values = cve47, .custom_value_count = 4};
static const promql_span pst48[] = {{0, 5}};
static const double pbt48[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt48[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht48 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst48, .positive_span_count = 1, .positive_buckets = pbt48, .positive_bucket_count = 5, .custom_values = cvt48, .custom_value_count = 4};
static const promql_span pse48[] = {{0, 5}};
static const double pbe48[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cve48[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he48 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse48, .positive_span_count = 1, .positive_buckets = pbe48, .positive_bucket_count = 5, .custom_values = cve48, .custom_value_count = 4};
static const promql_span pst49[] = {{0, 5}};
static const double pbt49[] = {1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt49[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht49 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst49, .positive_span_count = 1, .positive_buckets = pbt49, .positive_bucket_count = 5, .custom_values = cvt49, .custom_value_count = 4};
static const double cve49[] = {5.0, 10.0, 15.0, 20.0};
static const promql_histogram he49 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cve49, .custom_value_count = 4};
static const promql_span pst50[] = {{0, 6}};
static const double pbt50[] = {2.0, 1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt50[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht50 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst50, .positive_span_count = 1, .positive_buckets = pbt50, .positive_bucket_count = 6, .custom_values = cvt50, .custom_value_count = 5};
static const promql_span pse50[] = {{0, 2}};
static const double pbe50[] = {2.0, 0.8};
static const double cve50[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram he50 = {.schema = -53, .count = 2.8, .sum = -23.2, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse50, .positive_span_count = 1, .positive_buckets = pbe50, .positive_bucket_count = 2, .custom_values = cve50, .custom_value_count = 5};
static const promql_span pst51[] = {{0, 6}};
static const double pbt51[] = {2.0, 1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt51[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht51 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst51, .positive_span_count = 1, .positive_buckets = pbt51, .positive_bucket_count = 6, .custom_values = cvt51, .custom_value_count = 5};
static const promql_span pse51[] = {{0, 2}};
static const double pbe51[] = {2.0, 0.4};
static const double cve51[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram he51 = {.schema = -53, .count = 2.4, .sum = -22.8, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse51, .positive_span_count = 1, .positive_buckets = pbe51, .positive_bucket_count = 2, .custom_values = cve51, .custom_value_count = 5};
static const promql_span pst52[] = {{0, 6}};
static const double pbt52[] = {2.0, 1.0, 6.0, 4.0, 3.0, 1.0};
static const double cvt52[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram ht52 = {.schema = -53, .count = 15.0, .sum = 172.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst52, .positive_span_count = 1, .positive_buckets = pbt52, .positive_bucket_count = 6, .custom_values = cvt52, .custom_value_count = 5};
static const promql_span pse52[] = {{0, 1}};
static const double pbe52[] = {2.0};
static const double cve52[] = {-10.0, 5.0, 10.0, 15.0, 20.0};
static const promql_histogram he52 = {.schema = -53, .count = 2.0, .sum = -30.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse52, .positive_span_count = 1, .positive_buckets = pbe52, .positive_bucket_count = 1, .custom_values = cve52, .custom_value_count = 5};
static const promql_span pst53[] = {{0, 2}};
static const double pbt53[] = {2.0, 3.0};
static const promql_span nst53[] = {{0, 3}};
static const double nbt53[] = {1.0, 2.0, 3.0};
static const promql_histogram ht53 = {.schema = 0, .count = 0.0, .sum = -6.75, .zero_count = 5.0, .zero_threshold = 0.01, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst53, .positive_span_count = 1, .positive_buckets = pbt53, .positive_bucket_count = 2, .negative_spans = nst53, .negative_span_count = 1, .negative_buckets = nbt53, .negative_bucket_count = 3};
static const promql_span nse53[] = {{0, 3}};
static const double nbe53[] = {1.0, 2.0, 3.0};
static const promql_histogram he53 = {.schema = 0, .count = 7.25, .sum = -12.03019028017131, .zero_count = 1.25, .zero_threshold = 0.01, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .negative_spans = nse53, .negative_span_count = 1, .negative_buckets = nbe53, .negative_bucket_count = 3};
static const promql_span pst54[] = {{0, 2}};
static const double pbt54[] = {2.0, 3.0};
static const promql_span nst54[] = {{0, 3}};
static const double nbt54[] = {1.0, 2.0, 3.0};
static const promql_histogram ht54 = {.schema = 0, .count = 0.0, .sum = -6.75, .zero_count = 5.0, .zero_threshold = 0.01, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst54, .positive_span_count = 1, .positive_buckets = pbt54, .positive_bucket_count = 2, .negative_spans = nst54, .negative_span_count = 1, .negative_buckets = nbt54, .negative_bucket_count = 3};
static const promql_span pse54[] = {{0, 2}};
static const double pbe54[] = {2.0, 3.0};
static const promql_histogram he54 = {.schema = 0, .count = 7.5, .sum = 5.669354249492381, .zero_count = 2.5, .zero_threshold = 0.01, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse54, .positive_span_count = 1, .positive_buckets = pbe54, .positive_bucket_count = 2};
static const promql_span pst55[] = {{0, 1}};
static const double pbt55[] = {100.0};
static const promql_histogram ht55 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst55, .positive_span_count = 1, .positive_buckets = pbt55, .positive_bucket_count = 1};
static const promql_span pse55[] = {{0, 1}};
static const double pbe55[] = {0.0};
static const promql_histogram he55 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse55, .positive_span_count = 1, .positive_buckets = pbe55, .positive_bucket_count = 1};
static const promql_span pst56[] = {{0, 1}};
static const double pbt56[] = {100.0};
static const promql_histogram ht56 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst56, .positive_span_count = 1, .positive_buckets = pbt56, .positive_bucket_count = 1};
static const promql_span pse56[] = {{0, 1}};
static const double pbe56[] = {0.0};
static const promql_histogram he56 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse56, .positive_span_count = 1, .positive_buckets = pbe56, .positive_bucket_count = 1};
static const promql_span pst57[] = {{0, 1}};
static const double pbt57[] = {100.0};
static const promql_histogram ht57 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst57, .positive_span_count = 1, .positive_buckets = pbt57, .positive_bucket_count = 1};
static const promql_span pse57[] = {{0, 1}};
static const double pbe57[] = {100.0};
static const promql_histogram he57 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse57, .positive_span_count = 1, .positive_buckets = pbe57, .positive_bucket_count = 1};
static const promql_span pst58[] = {{0, 1}};
static const double pbt58[] = {100.0};
static const promql_histogram ht58 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst58, .positive_span_count = 1, .positive_buckets = pbt58, .positive_bucket_count = 1};
static const promql_span pse58[] = {{0, 1}};
static const double pbe58[] = {0.0};
static const promql_histogram he58 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse58, .positive_span_count = 1, .positive_buckets = pbe58, .positive_bucket_count = 1};
static const promql_span pst59[] = {{0, 1}};
static const double pbt59[] = {100.0};
static const promql_histogram ht59 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst59, .positive_span_count = 1, .positive_buckets = pbt59, .positive_bucket_count = 1};
static const promql_span pse59[] = {{0, 1}};
static const double pbe59[] = {100.0};
static const promql_histogram he59 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse59, .positive_span_count = 1, .positive_buckets = pbe59, .positive_bucket_count = 1};
static const promql_span pst60[] = {{0, 1}};
static const double pbt60[] = {100.0};
static const promql_histogram ht60 = {.schema = -53, .count = 100.0, .sum = 100.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst60, .positive_span_count = 1, .positive_buckets = pbt60, .positive_bucket_count = 1};
static const promql_span pse60[] = {{0, 1}};
static const double pbe60[] = {0.0};
static const promql_histogram he60 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse60, .positive_span_count = 1, .positive_buckets = pbe60, .positive_bucket_count = 1};
static const promql_span pst61[] = {{0, 2}};
static const double pbt61[] = {1.0, 100.0};
static const double cvt61[] = {0.0};
static const promql_histogram ht61 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst61, .positive_span_count = 1, .positive_buckets = pbt61, .positive_bucket_count = 2, .custom_values = cvt61, .custom_value_count = 1};
static const promql_span pse61[] = {{0, 2}};
static const double pbe61[] = {1.0, 0.0};
static const double cve61[] = {0.0};
static const promql_histogram he61 = {.schema = -53, .count = 1.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse61, .positive_span_count = 1, .positive_buckets = pbe61, .positive_bucket_count = 2, .custom_values = cve61, .custom_value_count = 1};
static const promql_span pst62[] = {{0, 2}};
static const double pbt62[] = {1.0, 100.0};
static const double cvt62[] = {0.0};
static const promql_histogram ht62 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst62, .positive_span_count = 1, .positive_buckets = pbt62, .positive_bucket_count = 2, .custom_values = cvt62, .custom_value_count = 1};
static const promql_span pse62[] = {{0, 2}};
static const double pbe62[] = {1.0, 0.0};
static const double cve62[] = {0.0};
static const promql_histogram he62 = {.schema = -53, .count = 1.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse62, .positive_span_count = 1, .positive_buckets = pbe62, .positive_bucket_count = 2, .custom_values = cve62, .custom_value_count = 1};
static const promql_span pst63[] = {{0, 2}};
static const double pbt63[] = {1.0, 100.0};
static const double cvt63[] = {0.0};
static const promql_histogram ht63 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst63, .positive_span_count = 1, .positive_buckets = pbt63, .positive_bucket_count = 2, .custom_values = cvt63, .custom_value_count = 1};
static const promql_span pse63[] = {{0, 2}};
static const double pbe63[] = {1.0, 0.0};
static const double cve63[] = {0.0};
static const promql_histogram he63 = {.schema = -53, .count = 1.0, .sum = -10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse63, .positive_span_count = 1, .positive_buckets = pbe63, .positive_bucket_count = 2, .custom_values = cve63, .custom_value_count = 1};
static const promql_span pst64[] = {{0, 2}};
static const double pbt64[] = {1.0, 100.0};
static const double cvt64[] = {0.0};
static const promql_histogram ht64 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst64, .positive_span_count = 1, .positive_buckets = pbt64, .positive_bucket_count = 2, .custom_values = cvt64, .custom_value_count = 1};
static const promql_span pse64[] = {{0, 2}};
static const double pbe64[] = {0.0, 100.0};
static const double cve64[] = {0.0};
static const promql_histogram he64 = {.schema = -53, .count = 100.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse64, .positive_span_count = 1, .positive_buckets = pbe64, .positive_bucket_count = 2, .custom_values = cve64, .custom_value_count = 1};
static const promql_span pst65[] = {{0, 2}};
static const double pbt65[] = {1.0, 100.0};
static const double cvt65[] = {0.0};
static const promql_histogram ht65 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst65, .positive_span_count = 1, .positive_buckets = pbt65, .positive_bucket_count = 2, .custom_values = cvt65, .custom_value_count = 1};
static const promql_span pse65[] = {{0, 2}};
static const double pbe65[] = {0.0, 100.0};
static const double cve65[] = {0.0};
static const promql_histogram he65 = {.schema = -53, .count = 100.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse65, .positive_span_count = 1, .positive_buckets = pbe65, .positive_bucket_count = 2, .custom_values = cve65, .custom_value_count = 1};
static const promql_span pst66[] = {{0, 2}};
static const double pbt66[] = {1.0, 100.0};
static const double cvt66[] = {0.0};
static const promql_histogram ht66 = {.schema = -53, .count = 100.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst66, .positive_span_count = 1, .positive_buckets = pbt66, .positive_bucket_count = 2, .custom_values = cvt66, .custom_value_count = 1};
static const promql_span pse66[] = {{0, 2}};
static const double pbe66[] = {0.0, 100.0};
static const double cve66[] = {0.0};
static const promql_histogram he66 = {.schema = -53, .count = 100.0, .sum = 1000.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse66, .positive_span_count = 1, .positive_buckets = pbe66, .positive_bucket_count = 2, .custom_values = cve66, .custom_value_count = 1};
static const promql_span pst67[] = {{0, 2}};
static const double pbt67[] = {1.0, 100.0};
static const double cvt67[] = {5.0};
static const promql_histogram ht67 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst67, .positive_span_count = 1, .positive_buckets = pbt67, .positive_bucket_count = 2, .custom_values = cvt67, .custom_value_count = 1};
static const promql_span pse67[] = {{0, 2}};
static const double pbe67[] = {1.0, 0.0};
static const double cve67[] = {5.0};
static const promql_histogram he67 = {.schema = -53, .count = 1.0, .sum = 2.5, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse67, .positive_span_count = 1, .positive_buckets = pbe67, .positive_bucket_count = 2, .custom_values = cve67, .custom_value_count = 1};
static const promql_span pst68[] = {{0, 2}};
static const double pbt68[] = {1.0, 100.0};
static const double cvt68[] = {5.0};
static const promql_histogram ht68 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst68, .positive_span_count = 1, .positive_buckets = pbt68, .positive_bucket_count = 2, .custom_values = cvt68, .custom_value_count = 1};
static const promql_span pse68[] = {{0, 2}};
static const double pbe68[] = {0.4, 0.0};
static const double cve68[] = {5.0};
static const promql_histogram he68 = {.schema = -53, .count = 0.4, .sum = 0.4, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse68, .positive_span_count = 1, .positive_buckets = pbe68, .positive_bucket_count = 2, .custom_values = cve68, .custom_value_count = 1};
static const promql_span pst69[] = {{0, 2}};
static const double pbt69[] = {1.0, 100.0};
static const double cvt69[] = {5.0};
static const promql_histogram ht69 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst69, .positive_span_count = 1, .positive_buckets = pbt69, .positive_bucket_count = 2, .custom_values = cvt69, .custom_value_count = 1};
static const double cve69[] = {5.0};
static const promql_histogram he69 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .custom_values = cve69, .custom_value_count = 1};
static const promql_span pst70[] = {{0, 2}};
static const double pbt70[] = {1.0, 100.0};
static const double cvt70[] = {5.0};
static const promql_histogram ht70 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst70, .positive_span_count = 1, .positive_buckets = pbt70, .positive_bucket_count = 2, .custom_values = cvt70, .custom_value_count = 1};
static const promql_span pse70[] = {{0, 2}};
static const double pbe70[] = {0.0, 0.0};
static const double cve70[] = {5.0};
static const promql_histogram he70 = {.schema = -53, .count = 0.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse70, .positive_span_count = 1, .positive_buckets = pbe70, .positive_bucket_count = 2, .custom_values = cve70, .custom_value_count = 1};
static const promql_span pst71[] = {{0, 2}};
static const double pbt71[] = {1.0, 100.0};
static const double cvt71[] = {5.0};
static const promql_histogram ht71 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst71, .positive_span_count = 1, .positive_buckets = pbt71, .positive_bucket_count = 2, .custom_values = cvt71, .custom_value_count = 1};
static const promql_span pse71[] = {{0, 2}};
static const double pbe71[] = {0.0, 100.0};
static const double cve71[] = {5.0};
static const promql_histogram he71 = {.schema = -53, .count = 100.0, .sum = 500.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse71, .positive_span_count = 1, .positive_buckets = pbe71, .positive_bucket_count = 2, .custom_values = cve71, .custom_value_count = 1};
static const promql_span pst72[] = {{0, 2}};
static const double pbt72[] = {1.0, 100.0};
static const double cvt72[] = {5.0};
static const promql_histogram ht72 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst72, .positive_span_count = 1, .positive_buckets = pbt72, .positive_bucket_count = 2, .custom_values = cvt72, .custom_value_count = 1};
static const promql_span pse72[] = {{0, 2}};
static const double pbe72[] = {1.0, 100.0};
static const double cve72[] = {5.0};
static const promql_histogram he72 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse72, .positive_span_count = 1, .positive_buckets = pbe72, .positive_bucket_count = 2, .custom_values = cve72, .custom_value_count = 1};
static const promql_span pst73[] = {{0, 2}};
static const double pbt73[] = {1.0, 100.0};
static const double cvt73[] = {5.0};
static const promql_histogram ht73 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst73, .positive_span_count = 1, .positive_buckets = pbt73, .positive_bucket_count = 2, .custom_values = cvt73, .custom_value_count = 1};
static const promql_span pse73[] = {{0, 2}};
static const double pbe73[] = {0.6, 100.0};
static const double cve73[] = {5.0};
static const promql_histogram he73 = {.schema = -53, .count = 100.6, .sum = 502.1, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse73, .positive_span_count = 1, .positive_buckets = pbe73, .positive_bucket_count = 2, .custom_values = cve73, .custom_value_count = 1};
static const promql_span pst74[] = {{0, 2}};
static const double pbt74[] = {1.0, 100.0};
static const double cvt74[] = {5.0};
static const promql_histogram ht74 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst74, .positive_span_count = 1, .positive_buckets = pbt74, .positive_bucket_count = 2, .custom_values = cvt74, .custom_value_count = 1};
static const promql_span pse74[] = {{0, 2}};
static const double pbe74[] = {0.0, 100.0};
static const double cve74[] = {5.0};
static const promql_histogram he74 = {.schema = -53, .count = 100.0, .sum = 1000.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse74, .positive_span_count = 1, .positive_buckets = pbe74, .positive_bucket_count = 2, .custom_values = cve74, .custom_value_count = 1};
static const promql_span pst75[] = {{0, 2}};
static const double pbt75[] = {1.0, 100.0};
static const double cvt75[] = {-5.0};
static const promql_histogram ht75 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst75, .positive_span_count = 1, .positive_buckets = pbt75, .positive_bucket_count = 2, .custom_values = cvt75, .custom_value_count = 1};
static const promql_span pse75[] = {{0, 2}};
static const double pbe75[] = {1.0, 0.0};
static const double cve75[] = {-5.0};
static const promql_histogram he75 = {.schema = -53, .count = 1.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse75, .positive_span_count = 1, .positive_buckets = pbe75, .positive_bucket_count = 2, .custom_values = cve75, .custom_value_count = 1};
static const promql_span pst76[] = {{0, 2}};
static const double pbt76[] = {1.0, 100.0};
static const double cvt76[] = {-5.0};
static const promql_histogram ht76 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst76, .positive_span_count = 1, .positive_buckets = pbt76, .positive_bucket_count = 2, .custom_values = cvt76, .custom_value_count = 1};
static const promql_span pse76[] = {{0, 2}};
static const double pbe76[] = {1.0, 0.0};
static const double cve76[] = {-5.0};
static const promql_histogram he76 = {.schema = -53, .count = 1.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse76, .positive_span_count = 1, .positive_buckets = pbe76, .positive_bucket_count = 2, .custom_values = cve76, .custom_value_count = 1};
static const promql_span pst77[] = {{0, 2}};
static const double pbt77[] = {1.0, 100.0};
static const double cvt77[] = {-5.0};
static const promql_histogram ht77 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst77, .positive_span_count = 1, .positive_buckets = pbt77, .positive_bucket_count = 2, .custom_values = cvt77, .custom_value_count = 1};
static const promql_span pse77[] = {{0, 2}};
static const double pbe77[] = {1.0, 0.0};
static const double cve77[] = {-5.0};
static const promql_histogram he77 = {.schema = -53, .count = 1.0, .sum = -5.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse77, .positive_span_count = 1, .positive_buckets = pbe77, .positive_bucket_count = 2, .custom_values = cve77, .custom_value_count = 1};
static const promql_span pst78[] = {{0, 2}};
static const double pbt78[] = {1.0, 100.0};
static const double cvt78[] = {-5.0};
static const promql_histogram ht78 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst78, .positive_span_count = 1, .positive_buckets = pbt78, .positive_bucket_count = 2, .custom_values = cvt78, .custom_value_count = 1};
static const promql_span pse78[] = {{0, 2}};
static const double pbe78[] = {1.0, 0.0};
static const double cve78[] = {-5.0};
static const promql_histogram he78 = {.schema = -53, .count = 1.0, .sum = -10.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse78, .positive_span_count = 1, .positive_buckets = pbe78, .positive_bucket_count = 2, .custom_values = cve78, .custom_value_count = 1};
static const promql_span pst79[] = {{0, 2}};
static const double pbt79[] = {1.0, 100.0};
static const double cvt79[] = {-5.0};
static const promql_histogram ht79 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst79, .positive_span_count = 1, .positive_buckets = pbt79, .positive_bucket_count = 2, .custom_values = cvt79, .custom_value_count = 1};
static const promql_span pse79[] = {{0, 2}};
static const double pbe79[] = {0.0, 100.0};
static const double cve79[] = {-5.0};
static const promql_histogram he79 = {.schema = -53, .count = 100.0, .sum = -500.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse79, .positive_span_count = 1, .positive_buckets = pbe79, .positive_bucket_count = 2, .custom_values = cve79, .custom_value_count = 1};
static const promql_span pst80[] = {{0, 2}};
static const double pbt80[] = {1.0, 100.0};
static const double cvt80[] = {-5.0};
static const promql_histogram ht80 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst80, .positive_span_count = 1, .positive_buckets = pbt80, .positive_bucket_count = 2, .custom_values = cvt80, .custom_value_count = 1};
static const promql_span pse80[] = {{0, 2}};
static const double pbe80[] = {0.0, 100.0};
static const double cve80[] = {-5.0};
static const promql_histogram he80 = {.schema = -53, .count = 100.0, .sum = -200.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse80, .positive_span_count = 1, .positive_buckets = pbe80, .positive_bucket_count = 2, .custom_values = cve80, .custom_value_count = 1};
static const promql_span pst81[] = {{0, 2}};
static const double pbt81[] = {1.0, 100.0};
static const double cvt81[] = {-5.0};
static const promql_histogram ht81 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst81, .positive_span_count = 1, .positive_buckets = pbt81, .positive_bucket_count = 2, .custom_values = cvt81, .custom_value_count = 1};
static const promql_span pse81[] = {{0, 2}};
static const double pbe81[] = {0.0, 100.0};
static const double cve81[] = {-5.0};
static const promql_histogram he81 = {.schema = -53, .count = 100.0, .sum = 0.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse81, .positive_span_count = 1, .positive_buckets = pbe81, .positive_bucket_count = 2, .custom_values = cve81, .custom_value_count = 1};
static const promql_span pst82[] = {{0, 2}};
static const double pbt82[] = {1.0, 100.0};
static const double cvt82[] = {-5.0};
static const promql_histogram ht82 = {.schema = -53, .count = 101.0, .sum = 33.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pst82, .positive_span_count = 1, .positive_buckets = pbt82, .positive_bucket_count = 2, .custom_values = cvt82, .custom_value_count = 1};
static const promql_span pse82[] = {{0, 2}};
static const double pbe82[] = {0.0, 100.0};
static const double cve82[] = {-5.0};
static const promql_histogram he82 = {.schema = -53, .count = 100.0, .sum = 1000.0, .zero_count = 0.0, .zero_threshold = 0.0, .counter_reset_hint = PROMQL_HINT_UNKNOWN, .positive_spans = pse82, .positive_span_count = 1, .positive_buckets = pbe82, .positive_bucket_count = 2, .custom_values = cve82, .custom_value_count = 1};

static const promqltest_case promqltest_cases[] = {
    {"histogram_count(empty_histogram) @1m", PQ_FN_COUNT, 0.0, 0.0, &h0, 0.0},
    {"histogram_count(empty_histogram) @1m", PQ_FN_COUNT, 0.0, 0.0, &h1, 0.0},
    {"histogram_sum(empty_histogram) @1m", PQ_FN_SUM, 0.0, 0.0, &h2, 0.0},
    {"histogram_sum(empty_histogram) @1m", PQ_FN_SUM, 0.0, 0.0, &h3, 0.0},
    {"histogram_avg(empty_histogram) @1m", PQ_FN_AVG, 0.0, 0.0, &h4, NAN},
    {"histogram_avg(empty_histogram) @1m", PQ_FN_AVG, 0.0, 0.0, &h5, NAN},
    {"histogram_fraction(-Inf, +Inf, empty_histogram) @1m", PQ_FN_FRACTION, -INFINITY, INFINITY, &h6, NAN},
    {"histogram_fraction(-Inf, +Inf, empty_histogram) @1m", PQ_FN_FRACTION, -INFINITY, INFINITY, &h7, NAN},
    {"histogram_fraction(0, 8, empty_histogram) @1m", PQ_FN_FRACTION, 0.0, 8.0, &h8, NAN},
    {"histogram_fraction(0, 8, empty_histogram) @1m", PQ_FN_FRACTION, 0.0, 8.0, &h9, NAN},
    {"histogram_count(single_histogram) @1m", PQ_FN_COUNT, 0.0, 0.0, &h10, 4.0},
    {"histogram_sum(single_histogram) @1m", PQ_FN_SUM, 0.0, 0.0, &h11, 5.0},
    {"histogram_avg(single_histogram) @1m", PQ_FN_AVG, 0.0, 0.0, &h12, 1.25},
    {"histogram_fraction(1, 2, single_histogram) @1m", PQ_FN_FRACTION, 1.0, 2.0, &h13, 0.5},
    {"histogram_fraction(0, 8, single_histogram) @1m", PQ_FN_FRACTION, 0.0, 8.0, &h14, 1.0},
    {"histogram_quantile(0.5, single_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h15, 1.414213562373095},
    {"histogram_count(single_zero_histogram) @1m", PQ_FN_COUNT, 0.0, 0.0, &h16, 1.0},
    {"histogram_sum(single_zero_histogram) @1m", PQ_FN_SUM, 0.0, 0.0, &h17, 0.25},
    {"histogram_avg(single_zero_histogram) @1m", PQ_FN_AVG, 0.0, 0.0, &h18, 0.25},
    {"histogram_fraction(-0.5, 0.5, single_zero_histogram) @1m", PQ_FN_FRACTION, -0.5, 0.5, &h19, 1.0},
    {"histogram_quantile(0.5, single_zero_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h20, 0.0},
    {"histogram_count(negative_histogram) @1m", PQ_FN_COUNT, 0.0, 0.0, &h21, 4.0},
    {"histogram_sum(negative_histogram) @1m", PQ_FN_SUM, 0.0, 0.0, &h22, -5.0},
    {"histogram_avg(negative_histogram) @1m", PQ_FN_AVG, 0.0, 0.0, &h23, -1.25},
    {"histogram_fraction(-2, -1, negative_histogram) @1m", PQ_FN_FRACTION, -2.0, -1.0, &h24, 0.5},
    {"histogram_quantile(0.5, negative_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h25, -1.414213562373095},
    {"histogram_count(histogram_count_sum_2) @10m", PQ_FN_COUNT, 0.0, 0.0, &h26, 24.0},
    {"histogram_sum(histogram_count_sum_2) @10m", PQ_FN_SUM, 0.0, 0.0, &h27, 100.0},
    {"histogram_stddev(histogram_stddev_stdvar_1) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h28, 1.0787993180043811},
    {"histogram_stdvar(histogram_stddev_stdvar_1) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h29, 1.163807968526718},
    {"histogram_stddev(histogram_stddev_stdvar_2) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h30, 0.0048960313898237465},
    {"histogram_stdvar(histogram_stddev_stdvar_2) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h31, 2.3971123370139447e-05},
    {"histogram_stddev(histogram_stddev_stdvar_3) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h32, 42.94723640026},
    {"histogram_stdvar(histogram_stddev_stdvar_3) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h33, 1844.4651144196398},
    {"histogram_stddev(histogram_stddev_stdvar_4) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h34, 27556.344499842},
    {"histogram_stdvar(histogram_stddev_stdvar_4) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h35, 759352122.1939945},
    {"histogram_stddev(histogram_stddev_stdvar_5) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h36, 1.3137084989848},
    {"histogram_stdvar(histogram_stddev_stdvar_5) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h37, 1.725830020304794},
    {"histogram_stddev(histogram_stddev_stdvar_6) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h38, NAN},
    {"histogram_stdvar(histogram_stddev_stdvar_6) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h39, NAN},
    {"histogram_stddev(histogram_stddev_stdvar_7) @10m", PQ_FN_STDDEV, 0.0, 0.0, &h40, INFINITY},
    {"histogram_stdvar(histogram_stddev_stdvar_7) @10m", PQ_FN_STDVAR, 0.0, 0.0, &h41, INFINITY},
    {"histogram_quantile(1.001, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 1.001, 0.0, &h42, INFINITY},
    {"histogram_quantile(1, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 1.0, 0.0, &h43, 16.0},
    {"histogram_quantile(0.99, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.99, 0.0, &h44, 15.67072476139083},
    {"histogram_quantile(0.9, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.9, 0.0, &h45, 12.99603834169977},
    {"histogram_quantile(0.6, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.6, 0.0, &h46, 4.594793419988138},
    {"histogram_quantile(0.5, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.5, 0.0, &h47, 1.5874010519681994},
    {"histogram_quantile(0.1, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.1, 0.0, &h48, 0.0006},
    {"histogram_quantile(0, histogram_quantile_1) @10m", PQ_FN_QUANTILE, 0.0, 0.0, &h49, 0.0},
    {"histogram_quantile(-1, histogram_quantile_1) @10m", PQ_FN_QUANTILE, -1.0, 0.0, &h50, -INFINITY},
    {"histogram_quantile(1.001, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 1.001, 0.0, &h51, INFINITY},
    {"histogram_quantile(1, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 1.0, 0.0, &h52, 0.0},
    {"histogram_quantile(0.99, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 0.99, 0.0, &h53, -6e-05},
    {"histogram_quantile(0.9, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 0.9, 0.0, &h54, -0.0006},
    {"histogram_quantile(0.5, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 0.5, 0.0, &h55, -1.5874010519681996},
    {"histogram_quantile(0.1, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 0.1, 0.0, &h56, -12.996038341699768},
    {"histogram_quantile(0, histogram_quantile_2) @10m", PQ_FN_QUANTILE, 0.0, 0.0, &h57, -16.0},
    {"histogram_quantile(-1, histogram_quantile_2) @10m", PQ_FN_QUANTILE, -1.0, 0.0, &h58, -INFINITY},
    {"histogram_quantile(1.001, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 1.001, 0.0, &h59, INFINITY},
    {"histogram_quantile(1, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 1.0, 0.0, &h60, 16.0},
    {"histogram_quantile(0.99, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.99, 0.0, &h61, 15.34822590920423},
    {"histogram_quantile(0.9, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.9, 0.0, &h62, 10.556063286183155},
    {"histogram_quantile(0.7, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.7, 0.0, &h63, 1.2030250360821164},
    {"histogram_quantile(0.55, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.55, 0.0, &h64, 0.0006},
    {"histogram_quantile(0.5, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.5, 0.0, &h65, 0.0},
    {"histogram_quantile(0.45, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.45, 0.0, &h66, -0.0006},
    {"histogram_quantile(0.3, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.3, 0.0, &h67, -1.2030250360821169},
    {"histogram_quantile(0.1, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.1, 0.0, &h68, -10.556063286183155},
    {"histogram_quantile(0.01, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.01, 0.0, &h69, -15.34822590920423},
    {"histogram_quantile(0, histogram_quantile_3) @10m", PQ_FN_QUANTILE, 0.0, 0.0, &h70, -16.0},
    {"histogram_quantile(-1, histogram_quantile_3) @10m", PQ_FN_QUANTILE, -1.0, 0.0, &h71, -INFINITY},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h72, 2.0},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h73, 1.4142135623730951},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h74, 1.189207},
    {"histogram_fraction(0, 2, var_res_histogram{schema=\"-1\"}) @1m", PQ_FN_FRACTION, 0.0, 2.0, &h75, 0.5},
    {"histogram_fraction(0, 1.4142135623730951, var_res_histogram{schema=\"0\"}) @1m", PQ_FN_FRACTION, 0.0, 1.4142135623730951, &h76, 0.5},
    {"histogram_fraction(0, 1.189207, var_res_histogram{schema=\"+1\"}) @1m", PQ_FN_FRACTION, 0.0, 1.189207, &h77, 0.5},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h78, 8.0},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h79, 2.82842712474619},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h80, 1.6817928305074292},
    {"histogram_fraction(0, 8, var_res_histogram{schema=\"-1\"}) @1m", PQ_FN_FRACTION, 0.0, 8.0, &h81, 0.5},
    {"histogram_fraction(0, 2.82842712474619, var_res_histogram{schema=\"0\"}) @1m", PQ_FN_FRACTION, 0.0, 2.82842712474619, &h82, 0.5},
    {"histogram_fraction(0, 1.6817928305074292, var_res_histogram{schema=\"+1\"}) @1m", PQ_FN_FRACTION, 0.0, 1.6817928305074292, &h83, 0.5},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h84, -2.0},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h85, -1.4142135623730951},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h86, -1.189207},
    {"histogram_fraction(-2, 0, var_res_histogram{schema=\"-1\"}) @1m", PQ_FN_FRACTION, -2.0, 0.0, &h87, 0.5},
    {"histogram_fraction(-1.4142135623730951, 0, var_res_histogram{schema=\"0\"}) @1m", PQ_FN_FRACTION, -1.4142135623730951, 0.0, &h88, 0.5},
    {"histogram_fraction(-1.189207, 0, var_res_histogram{schema=\"+1\"}) @1m", PQ_FN_FRACTION, -1.189207, 0.0, &h89, 0.5},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h90, -8.0},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h91, -2.82842712474619},
    {"histogram_quantile(0.5, var_res_histogram) @1m", PQ_FN_QUANTILE, 0.5, 0.0, &h92, -1.6817928305074292},
    {"histogram_fraction(-8, 0, var_res_histogram{schema=\"-1\"}) @1m", PQ_FN_FRACTION, -8.0, 0.0, &h93, 0.5},
    {"histogram_fraction(-2.82842712474619, 0, var_res_histogram{schema=\"0\"}) @1m", PQ_FN_FRACTION, -2.82842712474619, 0.0, &h94, 0.5},
    {"histogram_fraction(-1.6817928305074292, 0, var_res_histogram{schema=\"+1\"}) @1m", PQ_FN_FRACTION, -1.6817928305074292, 0.0, &h95, 0.5},
    {"histogram_fraction(3.1415, 42, histogram_fraction_1) @10m", PQ_FN_FRACTION, 3.1415, 42.0, &h96, NAN},
    {"histogram_fraction(0, +Inf, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, INFINITY, &h97, 1.0},
    {"histogram_fraction(-Inf, 0, histogram_fraction_2) @10m", PQ_FN_FRACTION, -INFINITY, 0.0, &h98, 0.0},
    {"histogram_fraction(-0.001, 0, histogram_fraction_2) @10m", PQ_FN_FRACTION, -0.001, 0.0, &h99, 0.0},
    {"histogram_fraction(0, 0.001, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, 0.001, &h100, 0.16666666666666666},
    {"histogram_fraction(0.001, inf, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.001, INFINITY, &h101, 0.8333333333333334},
    {"histogram_fraction(0, 0.0005, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, 0.0005, &h102, 0.08333333333333333},
    {"histogram_quantile(0.08333333333333333, histogram_fraction_2) @10m", PQ_FN_QUANTILE, 0.08333333333333333, 0.0, &h103, 0.0005},
    {"histogram_fraction(-inf, -0.001, histogram_fraction_2) @10m", PQ_FN_FRACTION, -INFINITY, -0.001, &h104, 0.0},
    {"histogram_fraction(1, 2, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1.0, 2.0, &h105, 0.25},
    {"histogram_fraction(0, 1.5, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, 1.5, &h106, 0.4795739585136224},
    {"histogram_fraction(1.5, 2, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1.5, 2.0, &h107, 0.10375937481971091},
    {"histogram_fraction(1, 8, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1.0, 8.0, &h108, 0.3333333333333333},
    {"histogram_fraction(0, 6, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, 6.0, &h109, 0.6320802083934297},
    {"histogram_quantile(0.6320802083934297, histogram_fraction_2) @10m", PQ_FN_QUANTILE, 0.6320802083934297, 0.0, &h110, 6.0},
    {"histogram_fraction(1, 6, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1.0, 6.0, &h111, 0.29874687506009634},
    {"histogram_fraction(1.5, 6, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1.5, 6.0, &h112, 0.15250624987980724},
    {"histogram_fraction(-2, -1, histogram_fraction_2) @10m", PQ_FN_FRACTION, -2.0, -1.0, &h113, 0.0},
    {"histogram_fraction(-2, -1.5, histogram_fraction_2) @10m", PQ_FN_FRACTION, -2.0, -1.5, &h114, 0.0},
    {"histogram_fraction(-8, -1, histogram_fraction_2) @10m", PQ_FN_FRACTION, -8.0, -1.0, &h115, 0.0},
    {"histogram_fraction(-6, -1, histogram_fraction_2) @10m", PQ_FN_FRACTION, -6.0, -1.0, &h116, 0.0},
    {"histogram_fraction(-6, -1.5, histogram_fraction_2) @10m", PQ_FN_FRACTION, -6.0, -1.5, &h117, 0.0},
    {"histogram_fraction(42, 3.1415, histogram_fraction_2) @10m", PQ_FN_FRACTION, 42.0, 3.1415, &h118, 0.0},
    {"histogram_fraction(0, 0, histogram_fraction_2) @10m", PQ_FN_FRACTION, 0.0, 0.0, &h119, 0.0},
    {"histogram_fraction(0.000001, 0.000001, histogram_fraction_2) @10m", PQ_FN_FRACTION, 1e-06, 1e-06, &h120, 0.0},
    {"histogram_fraction(42, 42, histogram_fraction_2) @10m", PQ_FN_FRACTION, 42.0, 42.0, &h121, 0.0},
    {"histogram_fraction(-3.1, -3.1, histogram_fraction_2) @10m", PQ_FN_FRACTION, -3.1, -3.1, &h122, 0.0},
    {"histogram_fraction(3.1415, NaN, histogram_fraction_2) @10m", PQ_FN_FRACTION, 3.1415, NAN, &h123, NAN},
    {"histogram_fraction(NaN, 42, histogram_fraction_2) @10m", PQ_FN_FRACTION, NAN, 42.0, &h124, NAN},
    {"histogram_fraction(NaN, NaN, histogram_fraction_2) @10m", PQ_FN_FRACTION, NAN, NAN, &h125, NAN},
    {"histogram_fraction(-Inf, +Inf, histogram_fraction_2) @10m", PQ_FN_FRACTION, -INFINITY, INFINITY, &h126, 1.0},
    {"histogram_fraction(0, +Inf, histogram_fraction_3) @10m", PQ_FN_FRACTION, 0.0, INFINITY, &h127, 0.0},
    {"histogram_fraction(-Inf, 0, histogram_fraction_3) @10m", PQ_FN_FRACTION, -INFINITY, 0.0, &h128, 1.0},
    {"histogram_fraction(-0.001, 0, histogram_fraction_3) @10m", PQ_FN_FRACTION, -0.001, 0.0, &h129, 0.16666666666666666},
    {"histogram_fraction(0, 0.001, histogram_fraction_3) @10m", PQ_FN_FRACTION, 0.0, 0.001, &h130, 0.0},
    {"histogram_fraction(-0.0005, 0, histogram_fraction_3) @10m", PQ_FN_FRACTION, -0.0005, 0.0, &h131, 0.08333333333333333},
    {"histogram_fraction(-inf, -0.0005, histogram_fraction_3) @10m", PQ_FN_FRACTION, -INFINITY, -0.0005, &h132, 0.9166666666666666},
    {"histogram_quantile(0.9166666666666666, histogram_fraction_3) @10m", PQ_FN_QUANTILE, 0.9166666666666666, 0.0, &h133, -0.0005},
    {"histogram_fraction(0.001, inf, histogram_fraction_3) @10m", PQ_FN_FRACTION, 0.001, INFINITY, &h134, 0.0},
    {"histogram_fraction(-inf, -0.001, histogram_fraction_3) @10m", PQ_FN_FRACTION, -INFINITY, -0.001, &h135, 0.8333333333333334},
    {"histogram_fraction(1, 2, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1.0, 2.0, &h136, 0.0},
    {"histogram_fraction(1.5, 2, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1.5, 2.0, &h137, 0.0},
    {"histogram_fraction(1, 8, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1.0, 8.0, &h138, 0.0},
    {"histogram_fraction(1, 6, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1.0, 6.0, &h139, 0.0},
    {"histogram_fraction(1.5, 6, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1.5, 6.0, &h140, 0.0},
    {"histogram_fraction(-2, -1, histogram_fraction_3) @10m", PQ_FN_FRACTION, -2.0, -1.0, &h141, 0.25},
    {"histogram_fraction(-2, -1.5, histogram_fraction_3) @10m", PQ_FN_FRACTION, -2.0, -1.5, &h142, 0.10375937481971091},
    {"histogram_fraction(-8, -1, histogram_fraction_3) @10m", PQ_FN_FRACTION, -8.0, -1.0, &h143, 0.3333333333333333},
    {"histogram_fraction(-inf, -6, histogram_fraction_3) @10m", PQ_FN_FRACTION, -INFINITY, -6.0, &h144, 0.36791979160657035},
    {"histogram_quantile(0.36791979160657035, histogram_fraction_3) @10m", PQ_FN_QUANTILE, 0.36791979160657035, 0.0, &h145, -6.0},
    {"histogram_fraction(-6, -1, histogram_fraction_3) @10m", PQ_FN_FRACTION, -6.0, -1.0, &h146, 0.29874687506009634},
    {"histogram_fraction(-6, -1.5, histogram_fraction_3) @10m", PQ_FN_FRACTION, -6.0, -1.5, &h147, 0.15250624987980724},
    {"histogram_fraction(42, 3.1415, histogram_fraction_3) @10m", PQ_FN_FRACTION, 42.0, 3.1415, &h148, 0.0},
    {"histogram_fraction(0, 0, histogram_fraction_3) @10m", PQ_FN_FRACTION, 0.0, 0.0, &h149, 0.0},
    {"histogram_fraction(0.000001, 0.000001, histogram_fraction_3) @10m", PQ_FN_FRACTION, 1e-06, 1e-06, &h150, 0.0},
    {"histogram_fraction(42, 42, histogram_fraction_3) @10m", PQ_FN_FRACTION, 42.0, 42.0, &h151, 0.0},
    {"histogram_fraction(-3.1, -3.1, histogram_fraction_3) @10m", PQ_FN_FRACTION, -3.1, -3.1, &h152, 0.0},
    {"histogram_fraction(3.1415, NaN, histogram_fraction_3) @10m", PQ_FN_FRACTION, 3.1415, NAN, &h153, NAN},
    {"histogram_fraction(NaN, 42, histogram_fraction_3) @10m", PQ_FN_FRACTION, NAN, 42.0, &h154, NAN},
    {"histogram_fraction(NaN, NaN, histogram_fraction_3) @10m", PQ_FN_FRACTION, NAN, NAN, &h155, NAN},
    {"histogram_fraction(-Inf, +Inf, histogram_fraction_3) @10m", PQ_FN_FRACTION, -INFINITY, INFINITY, &h156, 1.0},
    {"histogram_fraction(0, +Inf, histogram_fraction_4) @10m", PQ_FN_FRACTION, 0.0, INFINITY, &h157, 0.5},
    {"histogram_fraction(-Inf, 0, histogram_fraction_4) @10m", PQ_FN_FRACTION, -INFINITY, 0.0, &h158, 0.5},
    {"histogram_fraction(-0.001, 0, histogram_fraction_4) @10m", PQ_FN_FRACTION, -0.001, 0.0, &h159, 0.08333333333333333},
    {"histogram_fraction(0, 0.001, histogram_fraction_4) @10m", PQ_FN_FRACTION, 0.0, 0.001, &h160, 0.08333333333333333},
    {"histogram_fraction(-0.0005, 0.0005, histogram_fraction_4) @10m", PQ_FN_FRACTION, -0.0005, 0.0005, &h161, 0.08333333333333333},
    {"histogram_fraction(-inf, 0.0005, histogram_fraction_4) @10m", PQ_FN_FRACTION, -INFINITY, 0.0005, &h162, 0.5416666666666666},
    {"histogram_quantile(0.5416666666666666, histogram_fraction_4) @10m", PQ_FN_QUANTILE, 0.5416666666666666, 0.0, &h163, 0.0005},
    {"histogram_fraction(-inf, -0.0005, histogram_fraction_4) @10m", PQ_FN_FRACTION, -INFINITY, -0.0005, &h164, 0.4583333333333333},
    {"histogram_quantile(0.4583333333333333, histogram_fraction_4) @10m", PQ_FN_QUANTILE, 0.4583333333333333, 0.0, &h165, -0.0005},
    {"histogram_fraction(0.001, inf, histogram_fraction_4) @10m", PQ_FN_FRACTION, 0.001, INFINITY, &h166, 0.4166666666666667},
    {"histogram_fraction(-inf, -0.001, histogram_fraction_4) @10m", PQ_FN_FRACTION, -INFINITY, -0.001, &h167, 0.4166666666666667},
    {"histogram_fraction(1, 2, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1.0, 2.0, &h168, 0.125},
    {"histogram_fraction(1.5, 2, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1.5, 2.0, &h169, 0.051879687409855414},
    {"histogram_fraction(1, 8, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1.0, 8.0, &h170, 0.16666666666666666},
    {"histogram_fraction(1, 6, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1.0, 6.0, &h171, 0.14937343753004825},
    {"histogram_fraction(1.5, 6, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1.5, 6.0, &h172, 0.07625312493990366},
    {"histogram_fraction(-2, -1, histogram_fraction_4) @10m", PQ_FN_FRACTION, -2.0, -1.0, &h173, 0.125},
    {"histogram_fraction(-2, -1.5, histogram_fraction_4) @10m", PQ_FN_FRACTION, -2.0, -1.5, &h174, 0.051879687409855456},
    {"histogram_fraction(-8, -1, histogram_fraction_4) @10m", PQ_FN_FRACTION, -8.0, -1.0, &h175, 0.16666666666666666},
    {"histogram_fraction(-6, -1, histogram_fraction_4) @10m", PQ_FN_FRACTION, -6.0, -1.0, &h176, 0.14937343753004817},
    {"histogram_fraction(-6, -1.5, histogram_fraction_4) @10m", PQ_FN_FRACTION, -6.0, -1.5, &h177, 0.07625312493990362},
    {"histogram_fraction(42, 3.1415, histogram_fraction_4) @10m", PQ_FN_FRACTION, 42.0, 3.1415, &h178, 0.0},
    {"histogram_fraction(0, 0, histogram_fraction_4) @10m", PQ_FN_FRACTION, 0.0, 0.0, &h179, 0.0},
    {"histogram_fraction(0.000001, 0.000001, histogram_fraction_4) @10m", PQ_FN_FRACTION, 1e-06, 1e-06, &h180, 0.0},
    {"histogram_fraction(42, 42, histogram_fraction_4) @10m", PQ_FN_FRACTION, 42.0, 42.0, &h181, 0.0},
    {"histogram_fraction(-3.1, -3.1, histogram_fraction_4) @10m", PQ_FN_FRACTION, -3.1, -3.1, &h182, 0.0},
    {"histogram_fraction(3.1415, NaN, histogram_fraction_4) @10m", PQ_FN_FRACTION, 3.1415, NAN, &h183, NAN},
    {"histogram_fraction(NaN, 42, histogram_fraction_4) @10m", PQ_FN_FRACTION, NAN, 42.0, &h184, NAN},
    {"histogram_fraction(NaN, NaN, histogram_fraction_4) @10m", PQ_FN_FRACTION, NAN, NAN, &h185, NAN},
    {"histogram_fraction(-Inf, +Inf, histogram_fraction_4) @10m", PQ_FN_FRACTION, -INFINITY, INFINITY, &h186, 1.0},
    {"histogram_fraction(5, 10, custom_buckets_histogram) @5m", PQ_FN_FRACTION, 5.0, 10.0, &h187, 0.5},
    {"histogram_quantile(0.5, custom_buckets_histogram) @5m", PQ_FN_QUANTILE, 0.5, 0.0, &h188, 7.5},
};

static const trim_case trim_cases[] = {
    {"h_test >/ -Inf @1m", &ht0, -INFINITY, false, &he0, false},
    {"h_test </ +Inf @1m", &ht1, INFINITY, true, &he1, false},
    {"h_test >/ +Inf @1m", &ht2, INFINITY, false, &he2, false},
    {"h_test </ -Inf @1m", &ht3, -INFINITY, true, &he3, false},
    {"h_test >/ 0 @1m", &ht4, 0.0, false, &he4, false},
    {"h_test </ 0 @1m", &ht5, 0.0, true, &he5, false},
    {"h_test </ 1.4142135624 @1m", &ht6, 1.4142135624, true, &he6, false},
    {"h_test >/ 1.4142135624 @1m", &ht7, 1.4142135624, false, &he7, false},
    {"h_test_2 </ 1.13 @1m", &ht8, 1.13, true, &he8, false},
    {"h_test_2 >/ 1.13 @1m", &ht9, 1.13, false, &he9, false},
    {"h_test_2 >/ -1.3 @1m", &ht10, -1.3, false, &he10, false},
    {"h_test_2 </ -1.3 @1m", &ht11, -1.3, true, &he11, false},
    {"h_test </ 2 @1m", &ht12, 2.0, true, &he12, false},
    {"h_test >/ 2 @1m", &ht13, 2.0, false, &he13, false},
    {"h_test >/ -1 @1m", &ht14, -1.0, false, &he14, false},
    {"h_test </ -1 @1m", &ht15, -1.0, true, &he15, false},
    {"h_positive_buckets >/ 0.5 @1m", &ht16, 0.5, false, &he16, false},
    {"h_positive_buckets >/ 0.1 @1m", &ht17, 0.1, false, &he17, false},
    {"h_positive_buckets >/ 0 @1m", &ht18, 0.0, false, &he18, false},
    {"h_positive_buckets </ 0.5 @1m", &ht19, 0.5, true, &he19, false},
    {"h_positive_buckets </ 0.1 @1m", &ht20, 0.1, true, &he20, false},
    {"h_positive_buckets </ 0 @1m", &ht21, 0.0, true, &he21, false},
    {"h_negative_buckets </ -0.5 @1m", &ht22, -0.5, true, &he22, false},
    {"h_negative_buckets </ -0.1 @1m", &ht23, -0.1, true, &he23, false},
    {"h_negative_buckets </ 0 @1m", &ht24, 0.0, true, &he24, false},
    {"h_negative_buckets >/ -0.5 @1m", &ht25, -0.5, false, &he25, false},
    {"h_negative_buckets >/ -0.1 @1m", &ht26, -0.1, false, &he26, false},
    {"h_negative_buckets >/ 0 @1m", &ht27, 0.0, false, &he27, false},
    {"zero_bucket_only >/ 0.1 @1m", &ht28, 0.1, false, &he28, false},
    {"zero_bucket_only </ 0.1 @1m", &ht29, 0.1, true, &he29, false},
    {"zero_bucket_only >/ 0.05 @1m", &ht30, 0.05, false, &he30, false},
    {"zero_bucket_only </ 0.05 @1m", &ht31, 0.05, true, &he31, false},
    {"zero_bucket_only >/ 0 @1m", &ht32, 0.0, false, &he32, false},
    {"zero_bucket_only </ 0 @1m", &ht33, 0.0, true, &he33, false},
    {"zero_bucket_only >/ -0.05 @1m", &ht34, -0.05, false, &he34, false},
    {"zero_bucket_only </ -0.05 @1m", &ht35, -0.05, true, &he35, false},
    {"zero_bucket_only </ -0.1 @1m", &ht36, -0.1, true, &he36, false},
    {"zero_bucket_only >/ -0.1 @1m", &ht37, -0.1, false, &he37, false},
    {"cbh </ 15 @1m", &ht38, 15.0, true, &he38, false},
    {"cbh >/ 15 @1m", &ht39, 15.0, false, &he39, false},
    {"cbh </ 13 @1m", &ht40, 13.0, true, &he40, false},
    {"cbh >/ 13 @1m", &ht41, 13.0, false, &he41, false},
    {"cbh </ 7.5 @1m", &ht42, 7.5, true, &he42, false},
    {"cbh </ 50 @1m", &ht43, 50.0, true, &he43, false},
    {"cbh </ -Inf @1m", &ht44, -INFINITY, true, &he44, false},
    {"cbh >/ +Inf @1m", &ht45, INFINITY, false, &he45, false},
    {"cbh </ +Inf @1m", &ht46, INFINITY, true, &he46, false},
    {"cbh >/ -Inf @1m", &ht47, -INFINITY, false, &he47, false},
    {"cbh >/ 0 @1m", &ht48, 0.0, false, &he48, false},
    {"cbh </ 0 @1m", &ht49, 0.0, true, &he49, false},
    {"cbh_has_neg </ 2 @1m", &ht50, 2.0, true, &he50, false},
    {"cbh_has_neg </ -4 @1m", &ht51, -4.0, true, &he51, false},
    {"cbh_has_neg </ -15 @1m", &ht52, -15.0, true, &he52, false},
    {"zero_bucket </ -0.005 @1m", &ht53, -0.005, true, &he53, false},
    {"zero_bucket >/ 0 @1m", &ht54, 0.0, false, &he54, false},
    {"cbh_one_bucket </ 10.0 @1m", &ht55, 10.0, true, &he55, false},
    {"cbh_one_bucket >/ 10.0 @1m", &ht56, 10.0, false, &he56, false},
    {"cbh_one_bucket </ +Inf @1m", &ht57, INFINITY, true, &he57, false},
    {"cbh_one_bucket >/ +Inf @1m", &ht58, INFINITY, false, &he58, false},
    {"cbh_one_bucket >/ -Inf @1m", &ht59, -INFINITY, false, &he59, false},
    {"cbh_one_bucket </ -Inf @1m", &ht60, -INFINITY, true, &he60, false},
    {"cbh_two_buckets_split_at_zero </ 10.0 @1m", &ht61, 10.0, true, &he61, false},
    {"cbh_two_buckets_split_at_zero </ 0.0 @1m", &ht62, 0.0, true, &he62, false},
    {"cbh_two_buckets_split_at_zero </ -10.0 @1m", &ht63, -10.0, true, &he63, false},
    {"cbh_two_buckets_split_at_zero >/ -10.0 @1m", &ht64, -10.0, false, &he64, false},
    {"cbh_two_buckets_split_at_zero >/ 0.0 @1m", &ht65, 0.0, false, &he65, false},
    {"cbh_two_buckets_split_at_zero >/ 10.0 @1m", &ht66, 10.0, false, &he66, false},
    {"cbh_two_buckets_split_at_positive </ 10.0 @1m", &ht67, 10.0, true, &he67, false},
    {"cbh_two_buckets_split_at_positive </ 2.0 @1m", &ht68, 2.0, true, &he68, false},
    {"cbh_two_buckets_split_at_positive </ 0.0 @1m", &ht69, 0.0, true, &he69, false},
    {"cbh_two_buckets_split_at_positive </ -10.0 @1m", &ht70, -10.0, true, &he70, false},
    {"cbh_two_buckets_split_at_positive >/ -10.0 @1m", &ht71, -10.0, false, &he71, false},
    {"cbh_two_buckets_split_at_positive >/ 0.0 @1m", &ht72, 0.0, false, &he72, false},
    {"cbh_two_buckets_split_at_positive >/ 2.0 @1m", &ht73, 2.0, false, &he73, false},
    {"cbh_two_buckets_split_at_positive >/ 10.0 @1m", &ht74, 10.0, false, &he74, false},
    {"cbh_two_buckets_split_at_negative </ 10.0 @1m", &ht75, 10.0, true, &he75, false},
    {"cbh_two_buckets_split_at_negative </ 0.0 @1m", &ht76, 0.0, true, &he76, false},
    {"cbh_two_buckets_split_at_negative </ -2.0 @1m", &ht77, -2.0, true, &he77, false},
    {"cbh_two_buckets_split_at_negative </ -10.0 @1m", &ht78, -10.0, true, &he78, false},
    {"cbh_two_buckets_split_at_negative >/ -10.0 @1m", &ht79, -10.0, false, &he79, false},
    {"cbh_two_buckets_split_at_negative >/ -2.0 @1m", &ht80, -2.0, false, &he80, false},
    {"cbh_two_buckets_split_at_negative >/ 0.0 @1m", &ht81, 0.0, false, &he81, false},
    {"cbh_two_buckets_split_at_negative >/ 10.0 @1m", &ht82, 10.0, false, &he82, false},
};

/* util/almost.Equal with promqltest's epsilon. */
static bool almost_equal(double a, double b)
{
    const double eps = 1e-6, min_normal = 2.2250738585072014e-308;
    if (isnan(a) && isnan(b))
        return true;
    if (a == b)
        return true;
    double abs_sum = fabs(a) + fabs(b);
    double diff = fabs(a - b);
    if (a == 0 || b == 0 || abs_sum < min_normal)
        return diff < eps * min_normal;
    return diff / fmin(abs_sum, DBL_MAX) < eps;
}

static void test_native_histograms_test_cases(void **state)
{
    (void)state;
    int failures = 0;
    size_t n = sizeof promqltest_cases / sizeof promqltest_cases[0];
    for (size_t i = 0; i < n; i++) {
        const promqltest_case *c = &promqltest_cases[i];
        double got = NAN;
        switch (c->fn) {
        case PQ_FN_QUANTILE: got = pq_hist_quantile(c->arg1, c->h, NULL); break;
        case PQ_FN_FRACTION: got = pq_hist_fraction(c->arg1, c->arg2, c->h, NULL); break;
        case PQ_FN_STDDEV: got = pq_hist_stddev(c->h); break;
        case PQ_FN_STDVAR: got = pq_hist_stdvar(c->h); break;
        case PQ_FN_AVG: got = pq_hist_avg(c->h); break;
        case PQ_FN_COUNT: got = c->h->count; break;
        case PQ_FN_SUM: got = c->h->sum; break;
        }
        if (!almost_equal(got, c->want)) {
            print_message("FAIL %s: got %.17g, want %.17g\n", c->name, got, c->want);
            failures++;
        }
    }
    print_message("%zu native_histograms.test cases, %d failures\n", n, failures);
    assert_int_equal(failures, 0);
}

static void test_trim_cases(void **state)
{
    (void)state;
    int failures = 0;
    size_t n = sizeof trim_cases / sizeof trim_cases[0];
    for (size_t i = 0; i < n; i++) {
        const trim_case *c = &trim_cases[i];
        pq_arena a;
        pq_arena_init(&a, 0);
        promql_histogram got;
        bool eq = false;
        if (pq_hist_trim(&a, c->h, c->rhs, c->upper, &got) != PQ_HIST_OK ||
            pq_hist_test_equal(&a, c->want, &got, c->compare_hint, 1e-6, &eq) != PQ_HIST_OK || !eq) {
            pq_strbuf b;
            pq_strbuf_init(&b);
            pq_hist_format_test_expr(&b, &a, &got);
            char *s = pq_strbuf_finish(&b);
            print_message("FAIL %s: got %s\n", c->name, s ? s : "?");
            free(s);
            failures++;
        }
        pq_arena_free(&a);
    }
    print_message("%zu trim cases, %d failures\n", n, failures);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_native_histograms_test_cases),
        cmocka_unit_test(test_trim_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
