/*
 * fuzz_openmetrics.c -- libFuzzer target over the fixture loaders into a fresh store: any input
 * must load or fail cleanly (no crash, no leak, no read past the end: the data is an exact-size
 * copy without a NUL terminator). The first byte picks the dialect by name: 0 OpenMetrics
 * (".om"), 1 Prometheus text (".prom"), 2 promqltest (".test"), 3 rule-test YAML (".yml"),
 * so the series notation and the YAML reader are reached too. After a load, every series is
 * selected and drained, which checks the store and its index stayed consistent.
 *
 * Seed corpus: fuzz/corpus/openmetrics/ (first byte '0'..'3' as above).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture/fixture.h"
#include "promql/promql.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void drain(promql_memstore *store)
{
    const promql_storage *st = promql_memstore_storage(store);
    promql_matcher m = { PROMQL_MATCH_REGEX, "__name__", ".*", NULL };
    promql_series_set *set;
    char err[256];
    if (st->select(st->ctx, &m, 1, NULL, &set, err, sizeof err) != 0)
        return;
    promql_labels labels;
    promql_sample_iter *it;
    while (set->ops->next(set, &labels, &it, err, sizeof err) == 1) {
        promql_sample_batch b;
        int64_t last = INT64_MIN;
        while (it->ops->next_batch(it, &b, err, sizeof err) == 0 && b.count) {
            for (size_t i = 0; i < b.count; i++) {
                if (b.timestamps[i] <= last)
                    abort();   /* the store must keep timestamps strictly increasing */
                last = b.timestamps[i];
            }
        }
        it->ops->close(it);
    }
    set->ops->close(set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 16)
        return 0;
    static const char *const names[] = { "fuzz.om", "fuzz.prom", "fuzz.test", "fuzz.yml" };
    const char *name = names[data[0] & 3];
    size_t len = size - 1;
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return 0;
    memcpy(copy, data + 1, len);
    promql_memstore *store = promql_memstore_new();
    if (store) {
        promql_error err;
        promql_memstore_load_buffer(store, name, copy, len, &err);
        drain(store);
        promql_memstore_free(store);
    }
    free(copy);
    return 0;
}
