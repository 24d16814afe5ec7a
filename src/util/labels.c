/*
 * labels.c -- label-set ordering and equality (see labels.h).
 */
#include "util/labels.h"

#include <string.h>

int pq_labels_compare(promql_labels a, promql_labels b)
{
    size_t n = a.count < b.count ? a.count : b.count;
    for (size_t i = 0; i < n; i++) {
        int c = strcmp(a.items[i].name, b.items[i].name);
        if (c)
            return c < 0 ? -1 : 1;
        c = strcmp(a.items[i].value, b.items[i].value);
        if (c)
            return c < 0 ? -1 : 1;
    }
    return a.count < b.count ? -1 : a.count > b.count ? 1 : 0;
}

bool pq_labels_equal(promql_labels a, promql_labels b)
{
    if (a.count != b.count)
        return false;
    for (size_t i = 0; i < a.count; i++)
        if (strcmp(a.items[i].name, b.items[i].name) || strcmp(a.items[i].value, b.items[i].value))
            return false;
    return true;
}
