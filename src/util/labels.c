/*
 * labels.c -- label-set ordering (see labels.h).
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
