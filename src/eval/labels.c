/*
 * labels.c -- label-set helpers of the evaluator: lookup, copy-with-changes, grouping, ordering,
 * Prometheus-compatible hashing (xxhash64 over the stringlabels encoding, so hash-based choices
 * such as limit_ratio pick the same series as Prometheus) and the String() form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"
#include "util/gofmt.h"

const char *pq_labels_get(promql_labels ls, const char *name)
{
    for (size_t i = 0; i < ls.count; i++)
        if (strcmp(ls.items[i].name, name) == 0)
            return ls.items[i].value;
    return NULL;
}

/* A copy of a label string in the evaluation's arena. Out of memory gives "" (never a NULL
 * that a later strcmp or hash would crash on) and fails the evaluation, which reports it. */
static const char *label_dup(pq_eval *ev, const char *s)
{
    const char *r = pq_arena_strdup(ev->arena, s);
    if (!r) {
        if (!ev->failed)
            pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
        return "";
    }
    return r;
}

static promql_labels labels_alloc(pq_eval *ev, size_t n, promql_label **items)
{
    promql_labels out = {NULL, 0};
    *items = pq_arena_alloc(ev->arena, (n ? n : 1) * sizeof(promql_label));
    out.items = *items;
    return out;
}

promql_labels pq_labels_set(pq_eval *ev, promql_labels ls, const char *name, const char *value)
{
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count + 1, &items);
    if (!items)
        return out;
    size_t n = 0;
    bool done = false;
    for (size_t i = 0; i < ls.count; i++) {
        int c = strcmp(ls.items[i].name, name);
        if (!done && c >= 0) {
            done = true;
            if (value && value[0])
                items[n++] = (promql_label){label_dup(ev, name), label_dup(ev, value)};
            if (c == 0)
                continue;
        }
        items[n++] = ls.items[i];
    }
    if (!done && value && value[0])
        items[n++] = (promql_label){label_dup(ev, name), label_dup(ev, value)};
    out.count = n;
    return out;
}

promql_labels pq_labels_without(pq_eval *ev, promql_labels ls, const char *name)
{
    if (!pq_labels_get(ls, name))
        return ls;
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count, &items);
    if (!items)
        return out;
    size_t n = 0;
    for (size_t i = 0; i < ls.count; i++)
        if (strcmp(ls.items[i].name, name) != 0)
            items[n++] = ls.items[i];
    out.count = n;
    return out;
}

static bool strlist_has(const pq_strlist *names, const char *s)
{
    for (size_t i = 0; i < names->count; i++)
        if (strcmp(names->items[i], s) == 0)
            return true;
    return false;
}

promql_labels pq_labels_group(pq_eval *ev, promql_labels ls, const pq_strlist *names, bool without)
{
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count, &items);
    if (!items)
        return out;
    size_t n = 0;
    for (size_t i = 0; i < ls.count; i++) {
        bool listed = strlist_has(names, ls.items[i].name);
        if (without) {
            if (listed || strcmp(ls.items[i].name, "__name__") == 0)
                continue;
        } else if (!listed) {
            continue;
        }
        items[n++] = ls.items[i];
    }
    out.count = n;
    return out;
}

promql_labels pq_labels_keep_drop(pq_eval *ev, promql_labels ls, const pq_strlist *names, bool keep,
                                  bool drop_name)
{
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count, &items);
    if (!items)
        return out;
    size_t n = 0;
    for (size_t i = 0; i < ls.count; i++) {
        bool listed = strlist_has(names, ls.items[i].name);
        if (keep ? !listed : listed)
            continue;
        if (drop_name && strcmp(ls.items[i].name, "__name__") == 0)
            continue;
        items[n++] = ls.items[i];
    }
    out.count = n;
    return out;
}

promql_labels pq_labels_drop_metadata(pq_eval *ev, promql_labels ls)
{
    bool any = false;
    for (size_t i = 0; i < ls.count; i++)
        if (pq_is_metadata_label(ls.items[i].name))
            any = true;
    if (!any)
        return ls;
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count, &items);
    if (!items)
        return out;
    size_t n = 0;
    for (size_t i = 0; i < ls.count; i++)
        if (!pq_is_metadata_label(ls.items[i].name))
            items[n++] = ls.items[i];
    out.count = n;
    return out;
}

bool pq_is_metadata_label(const char *name)
{
    return strcmp(name, "__name__") == 0 || strcmp(name, "__type__") == 0 || strcmp(name, "__unit__") == 0;
}

promql_labels pq_labels_copy(pq_eval *ev, promql_labels ls)
{
    promql_label *items;
    promql_labels out = labels_alloc(ev, ls.count, &items);
    if (!items)
        return out;
    for (size_t i = 0; i < ls.count; i++) {
        items[i].name = label_dup(ev, ls.items[i].name);
        items[i].value = label_dup(ev, ls.items[i].value);
        if (!items[i].name || !items[i].value) {
            out.items = NULL;
            return out;
        }
    }
    out.count = ls.count;
    return out;
}

/* ---- xxhash64 (streaming), as github.com/cespare/xxhash ---------------------------------- */

#define XXH_P1 11400714785074694791ULL
#define XXH_P2 14029467366897019727ULL
#define XXH_P3 1609587929392839161ULL
#define XXH_P4 9650029242287828579ULL
#define XXH_P5 2870177450012600261ULL

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t rd64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t rd32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t xxh_round(uint64_t acc, uint64_t in)
{
    acc += in * XXH_P2;
    acc = rotl64(acc, 31);
    return acc * XXH_P1;
}
static inline uint64_t xxh_merge(uint64_t acc, uint64_t val)
{
    val = xxh_round(0, val);
    acc ^= val;
    return acc * XXH_P1 + XXH_P4;
}

void pq_xxh_init(pq_xxh *h)
{
    h->v1 = XXH_P1 + XXH_P2;
    h->v2 = XXH_P2;
    h->v3 = 0;
    h->v4 = (uint64_t)0 - XXH_P1;
    h->total = 0;
    h->n = 0;
}

void pq_xxh_write(pq_xxh *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    h->total += len;
    if (h->n + len < 32) {
        memcpy(h->mem + h->n, p, len);
        h->n += len;
        return;
    }
    if (h->n > 0) {
        size_t c = 32 - h->n;
        memcpy(h->mem + h->n, p, c);
        h->v1 = xxh_round(h->v1, rd64(h->mem));
        h->v2 = xxh_round(h->v2, rd64(h->mem + 8));
        h->v3 = xxh_round(h->v3, rd64(h->mem + 16));
        h->v4 = xxh_round(h->v4, rd64(h->mem + 24));
        p += c;
        len -= c;
        h->n = 0;
    }
    while (len >= 32) {
        h->v1 = xxh_round(h->v1, rd64(p));
        h->v2 = xxh_round(h->v2, rd64(p + 8));
        h->v3 = xxh_round(h->v3, rd64(p + 16));
        h->v4 = xxh_round(h->v4, rd64(p + 24));
        p += 32;
        len -= 32;
    }
    memcpy(h->mem, p, len);
    h->n = len;
}

uint64_t pq_xxh_sum(const pq_xxh *h)
{
    uint64_t acc;
    if (h->total >= 32) {
        acc = rotl64(h->v1, 1) + rotl64(h->v2, 7) + rotl64(h->v3, 12) + rotl64(h->v4, 18);
        acc = xxh_merge(acc, h->v1);
        acc = xxh_merge(acc, h->v2);
        acc = xxh_merge(acc, h->v3);
        acc = xxh_merge(acc, h->v4);
    } else {
        acc = h->v3 + XXH_P5;
    }
    acc += h->total;
    const unsigned char *p = h->mem;
    size_t n = h->n;
    while (n >= 8) {
        acc ^= xxh_round(0, rd64(p));
        acc = rotl64(acc, 27) * XXH_P1 + XXH_P4;
        p += 8;
        n -= 8;
    }
    if (n >= 4) {
        acc ^= (uint64_t)rd32(p) * XXH_P1;
        acc = rotl64(acc, 23) * XXH_P2 + XXH_P3;
        p += 4;
        n -= 4;
    }
    while (n > 0) {
        acc ^= (uint64_t)(*p) * XXH_P5;
        acc = rotl64(acc, 11) * XXH_P1;
        p++;
        n--;
    }
    acc ^= acc >> 33;
    acc *= XXH_P2;
    acc ^= acc >> 29;
    acc *= XXH_P3;
    acc ^= acc >> 32;
    return acc;
}

/* One string in Prometheus's stringlabels encoding: a 1-byte length (< 255) or 255 followed by a
 * 3-byte little-endian length, then the bytes. */
static void xxh_write_labelstr(pq_xxh *h, const char *s)
{
    size_t n = strlen(s);
    unsigned char sz[4];
    if (n < 255) {
        sz[0] = (unsigned char)n;
        pq_xxh_write(h, sz, 1);
    } else {
        sz[0] = 255;
        sz[1] = (unsigned char)n;
        sz[2] = (unsigned char)(n >> 8);
        sz[3] = (unsigned char)(n >> 16);
        pq_xxh_write(h, sz, 4);
    }
    pq_xxh_write(h, s, n);
}

uint64_t pq_labels_hash(promql_labels ls)
{
    pq_xxh h;
    pq_xxh_init(&h);
    for (size_t i = 0; i < ls.count; i++) {
        xxh_write_labelstr(&h, ls.items[i].name);
        xxh_write_labelstr(&h, ls.items[i].value);
    }
    return pq_xxh_sum(&h);
}

/* ---- String() -------------------------------------------------------------------------- */

static bool legacy_label_name(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (p != s && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

char *pq_labels_string(pq_eval *ev, promql_labels ls)
{
    pq_strbuf b;
    pq_strbuf_init(&b);
    pq_strbuf_putc(&b, '{');
    for (size_t i = 0; i < ls.count; i++) {
        if (i)
            pq_strbuf_puts(&b, ", ");
        if (legacy_label_name(ls.items[i].name))
            pq_strbuf_puts(&b, ls.items[i].name);
        else
            pq_go_quote(&b, ls.items[i].name, strlen(ls.items[i].name));
        pq_strbuf_putc(&b, '=');
        pq_go_quote(&b, ls.items[i].value, strlen(ls.items[i].value));
    }
    pq_strbuf_putc(&b, '}');
    char *s = pq_strbuf_finish(&b);
    if (!s)
        return NULL;
    char *r = pq_arena_strdup(ev->arena, s);
    free(s);
    return r;
}

/* Open addressing over label-set hashes, equal sets compared in full; the table lives in the
 * query arena. Grouping (aggregations) and vector matching (binary operators) both use it. */
void pq_slots_rebuild(size_t *slots, size_t cap, const uint64_t *hashes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        size_t x = hashes[i] & (cap - 1);
        while (slots[x])
            x = (x + 1) & (cap - 1);
        slots[x] = i + 1;
    }
}

int pq_labelset_intern(pq_eval *ev, pq_labelset_table *t, promql_labels key, size_t *idx)
{
    if ((t->count + 1) * 2 > t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 64;
        size_t *ns = pq_arena_calloc(ev->arena, ncap, sizeof *ns);
        promql_labels *nk = pq_arena_realloc(ev->arena, t->labels, t->count * sizeof *nk, ncap * sizeof *nk);
        uint64_t *nh = pq_arena_realloc(ev->arena, t->hashes, t->count * sizeof *nh, ncap * sizeof *nh);
        if (!ns || !nk || !nh)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
        pq_slots_rebuild(ns, ncap, nh, t->count);
        t->slots = ns;
        t->labels = nk;
        t->hashes = nh;
        t->cap = ncap;
    }
    uint64_t h = pq_labels_hash(key);
    size_t s = h & (t->cap - 1);
    while (t->slots[s]) {
        size_t i = t->slots[s] - 1;
        if (t->hashes[i] == h && pq_labels_equal(t->labels[i], key)) {
            *idx = i;
            return 0;
        }
        s = (s + 1) & (t->cap - 1);
    }
    t->labels[t->count] = key;
    t->hashes[t->count] = h;
    t->slots[s] = t->count + 1;
    *idx = t->count++;
    return 0;
}
