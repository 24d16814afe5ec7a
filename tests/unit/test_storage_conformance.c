/*
 * test_storage_conformance.c -- the storage conformance suite (storage_conformance.h) run on
 * the in-memory store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "promql/promql.h"
#include "storage/memstore.h"
#include "storage_conformance.h"

static int append(void *ctx, const promql_labels *labels, int64_t t, double v)
{
    promql_error err;
    return promql_memstore_append(ctx, labels, t, v, &err) == PROMQL_OK ? 0 : -1;
}

static promql_memstore *store;

static int setup(void **state)
{
    store = promql_memstore_new();
    if (!store || pq_conformance_load_dataset(append, store) != 0)
        return -1;
    *state = (void *)promql_memstore_storage(store);
    return 0;
}

/* The same after compaction: results are then ordered by precomputed label ranks. */
static int setup_compacted(void **state)
{
    if (setup(state) != 0)
        return -1;
    pq_memstore_compact(store);
    return 0;
}

static int teardown(void **state)
{
    promql_memstore_free(store);
    store = NULL;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = { PQ_CONFORMANCE_TESTS(setup, teardown),
                                        PQ_CONFORMANCE_TESTS(setup_compacted, teardown) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
