/*
 * result_sort.c -- ordering result series by labels (Prometheus sorts every range query's
 * matrix), fast for results of many series.
 *
 * labels.Compare orders label sets as the byte strings "name\0value\0name\0value\0..." (names
 * and values hold no NUL; a set that is a prefix of another comes first). After the prefix all
 * series share, 8 bytes of that string, big-endian in an integer, decide most comparisons; a
 * radix sort on that key costs a few passes over n integers instead of n log n calls of a
 * comparator that walks labels with strcmp (which dominated count_values' 110,000 output
 * series). Series with equal keys are then ordered among themselves by the full comparison.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/result.h"
#include "util/labels.h"

/* Sequential reader of a label set's encoding; 0 past the end. */
typedef struct enc_cursor {
    promql_labels ls;
    size_t label;      /* current label */
    int part;          /* 0 name, 1 value */
    const char *p;     /* next byte of the current part, NULL at its terminating NUL */
} enc_cursor;

static void enc_init(enc_cursor *c, promql_labels ls)
{
    c->ls = ls;
    c->label = 0;
    c->part = 0;
    c->p = ls.count ? ls.items[0].name : NULL;
}

/* The next byte and whether there was one. */
static int enc_next(enc_cursor *c, unsigned char *out)
{
    if (c->label >= c->ls.count)
        return 0;
    if (*c->p) {
        *out = (unsigned char)*c->p++;
        return 1;
    }
    *out = 0;   /* the separator after a name or a value */
    if (c->part == 0) {
        c->part = 1;
        c->p = c->ls.items[c->label].value;
    } else {
        c->part = 0;
        if (++c->label < c->ls.count)
            c->p = c->ls.items[c->label].name;
    }
    return 1;
}

static void enc_skip(enc_cursor *c, size_t n)
{
    unsigned char b;
    while (n-- > 0 && enc_next(c, &b))
        ;
}

typedef struct sort_item {
    uint64_t key;
    const pq_result_series *s;
} sort_item;

static int item_cmp(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return pq_labels_compare(x->s->labels, y->s->labels);
}

static int series_cmp(const void *a, const void *b)
{
    const pq_result_series *x = a, *y = b;
    return pq_labels_compare(x->labels, y->labels);
}

int pq_sort_result_series(pq_arena *arena, pq_result_series *series, size_t n)
{
    /* Often in order already: selections come sorted, and dropping the one metric name all
     * series share keeps them so. */
    size_t sorted = 1;
    while (sorted < n && pq_labels_compare(series[sorted - 1].labels, series[sorted].labels) <= 0)
        sorted++;
    if (sorted >= n)
        return 0;
    if (n < 256) {
        qsort(series, n, sizeof *series, series_cmp);
        return 0;
    }
    sort_item *a = pq_arena_alloc(arena, n * sizeof *a);
    sort_item *b = pq_arena_alloc(arena, n * sizeof *b);
    pq_result_series *tmp = pq_arena_alloc(arena, n * sizeof *tmp);
    if (!a || !b || !tmp)
        return -1;
    /* The prefix every series shares with the first. */
    size_t lcp = SIZE_MAX;
    for (size_t i = 1; i < n && lcp > 0; i++) {
        enc_cursor x, y;
        enc_init(&x, series[0].labels);
        enc_init(&y, series[i].labels);
        size_t k = 0;
        unsigned char bx = 0, by = 0;
        while (k < lcp) {
            int hx = enc_next(&x, &bx), hy = enc_next(&y, &by);
            if (!hx || !hy || bx != by)
                break;
            k++;
        }
        lcp = k;
    }
    for (size_t i = 0; i < n; i++) {
        enc_cursor c;
        enc_init(&c, series[i].labels);
        enc_skip(&c, lcp);
        uint64_t key = 0;
        for (int j = 0; j < 8; j++) {
            unsigned char byte = 0;
            (void)enc_next(&c, &byte);
            key = key << 8 | byte;
        }
        a[i].key = key;
        a[i].s = &series[i];
    }
    /* LSD radix sort, a byte at a time, skipping bytes all keys share. */
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((a[i].key >> shift) & 0xff) + 1]++;
        if (count[((a[0].key >> shift) & 0xff) + 1] == n)
            continue;
        for (int d = 0; d < 256; d++)
            count[d + 1] += count[d];
        for (size_t i = 0; i < n; i++)
            b[count[(a[i].key >> shift) & 0xff]++] = a[i];
        sort_item *t = a;
        a = b;
        b = t;
    }
    /* Runs of equal keys: the full comparison. */
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && a[j].key == a[i].key)
            j++;
        if (j - i > 1)
            qsort(a + i, j - i, sizeof *a, item_cmp);
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        tmp[i] = *a[i].s;
    memcpy(series, tmp, n * sizeof *series);
    return 0;
}
