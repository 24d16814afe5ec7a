/*
 * memstore.c -- the in-memory store: label interning, series lookup, columnar appends with
 * Prometheus's ordering rules, the inverted index's upkeep, clear and free.
 * Queries over it are in memstore_select.c.
 */
#include "storage/memstore.h"
#include "util/labels.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

promql_error_code pq_store_error(promql_error *err, promql_error_code code, const char *fmt, ...)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->pos_start = err->pos_end = -1;
    }
    return code;
}

/* ---- hashing and tables ------------------------------------------------------------------- */

static uint64_t hash_bytes(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    h ^= 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static uint64_t labels_hash(const promql_labels *l)
{
    uint64_t h = 0;
    for (size_t i = 0; i < l->count; i++) {
        h = hash_bytes(l->items[i].name, strlen(l->items[i].name) + 1, h);
        h = hash_bytes(l->items[i].value, strlen(l->items[i].value) + 1, h);
    }
    return mix(h);
}

typedef uint64_t (*slot_hash_fn)(const promql_memstore *s, uint32_t index);

static int table_rehash(const promql_memstore *s, pq_table *t, slot_hash_fn fn)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        uint32_t v = t->slots[i];
        if (!v)
            continue;
        size_t j = fn(s, v - 1) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = v;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

static uint64_t series_slot_hash(const promql_memstore *s, uint32_t i)
{
    return s->series[i].hash;
}

static uint64_t pair_key_hash(const char *name, const char *value)
{
    return mix((uint64_t)(uintptr_t)name * 31 + (uint64_t)(uintptr_t)value);
}

static uint64_t pair_slot_hash(const promql_memstore *s, uint32_t i)
{
    return pair_key_hash(s->pairs[i].name, s->pairs[i].value);
}

static uint64_t name_slot_hash(const promql_memstore *s, uint32_t i)
{
    return mix((uint64_t)(uintptr_t)s->names[i].name);
}

/* ---- interning ---------------------------------------------------------------------------- */

static const char *intern(promql_memstore *s, const char *str)
{
    size_t n = strlen(str);
    if (s->interned_count * 2 >= s->interned_cap) {
        size_t cap = s->interned_cap ? s->interned_cap * 2 : 256;
        char **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return NULL;
        for (size_t i = 0; i < s->interned_cap; i++) {
            char *v = s->interned[i];
            if (!v)
                continue;
            size_t j = hash_bytes(v, strlen(v), 0) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = v;
        }
        free(s->interned);
        s->interned = slots;
        s->interned_cap = cap;
    }
    size_t j = hash_bytes(str, n, 0) & (s->interned_cap - 1);
    while (s->interned[j]) {
        if (strcmp(s->interned[j], str) == 0)
            return s->interned[j];
        j = (j + 1) & (s->interned_cap - 1);
    }
    char *copy = pq_arena_strndup(&s->strings, str, n);
    if (!copy)
        return NULL;
    s->interned[j] = copy;
    s->interned_count++;
    return copy;
}

static const char *find_interned(const promql_memstore *s, const char *str)
{
    if (!s->interned_cap)
        return NULL;
    size_t j = hash_bytes(str, strlen(str), 0) & (s->interned_cap - 1);
    while (s->interned[j]) {
        if (strcmp(s->interned[j], str) == 0)
            return s->interned[j];
        j = (j + 1) & (s->interned_cap - 1);
    }
    return NULL;
}

const pq_lname *pq_memstore_find_name(const promql_memstore *s, const char *name)
{
    const char *in = find_interned(s, name);
    if (!in || !s->name_table.cap)
        return NULL;
    size_t mask = s->name_table.cap - 1;
    for (size_t j = mix((uint64_t)(uintptr_t)in) & mask; s->name_table.slots[j]; j = (j + 1) & mask)
        if (s->names[s->name_table.slots[j] - 1].name == in)
            return &s->names[s->name_table.slots[j] - 1];
    return NULL;
}

const pq_pair *pq_memstore_find_pair(const promql_memstore *s, const char *name, const char *value)
{
    const char *n = find_interned(s, name);
    const char *v = n ? find_interned(s, value) : NULL;
    if (!v || !s->pair_table.cap)
        return NULL;
    size_t mask = s->pair_table.cap - 1;
    for (size_t j = pair_key_hash(n, v) & mask; s->pair_table.slots[j]; j = (j + 1) & mask) {
        const pq_pair *p = &s->pairs[s->pair_table.slots[j] - 1];
        if (p->name == n && p->value == v)
            return p;
    }
    return NULL;
}

/* ---- labels ------------------------------------------------------------------------------- */

static int label_cmp(const void *x, const void *y)
{
    const promql_label *a = x, *b = y;
    return strcmp(a->name, b->name);
}

static int labels_equal(const promql_labels *a, const promql_labels *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->items[i].name, b->items[i].name) || strcmp(a->items[i].value, b->items[i].value))
            return 0;
    return 1;
}

/* ---- index upkeep ------------------------------------------------------------------------- */

static int postings_add(pq_postings *p, uint32_t id)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *ids = realloc(p->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        p->ids = ids;
        p->cap = cap;
    }
    p->ids[p->n++] = id;
    return 0;
}

static int index_label(promql_memstore *s, const char *name, const char *value, uint32_t id)
{
    /* the pair */
    if ((s->pair_count + 1) * 2 >= s->pair_table.cap &&
        table_rehash(s, &s->pair_table, pair_slot_hash) < 0)
        return -1;
    size_t mask = s->pair_table.cap - 1;
    size_t j = pair_key_hash(name, value) & mask;
    uint32_t found = 0;
    while (s->pair_table.slots[j]) {
        pq_pair *p = &s->pairs[s->pair_table.slots[j] - 1];
        if (p->name == name && p->value == value) {
            found = s->pair_table.slots[j];
            break;
        }
        j = (j + 1) & mask;
    }
    if (found)
        return postings_add(&s->pairs[found - 1].postings, id);

    if (s->pair_count == s->pair_cap) {
        size_t cap = s->pair_cap ? s->pair_cap * 2 : 64;
        pq_pair *np = realloc(s->pairs, cap * sizeof *np);
        if (!np)
            return -1;
        s->pairs = np;
        s->pair_cap = cap;
    }
    uint32_t pair_index = (uint32_t)s->pair_count;
    pq_pair *p = &s->pairs[s->pair_count++];
    p->name = name;
    p->value = value;
    memset(&p->postings, 0, sizeof p->postings);
    if (postings_add(&p->postings, id) < 0) {
        s->pair_count--;
        return -1;
    }
    s->pair_table.slots[j] = pair_index + 1;
    s->pair_table.count++;

    /* the name's list of pairs */
    if ((s->name_count + 1) * 2 >= s->name_table.cap &&
        table_rehash(s, &s->name_table, name_slot_hash) < 0)
        return -1;
    mask = s->name_table.cap - 1;
    j = mix((uint64_t)(uintptr_t)name) & mask;
    pq_lname *ln = NULL;
    while (s->name_table.slots[j]) {
        pq_lname *c = &s->names[s->name_table.slots[j] - 1];
        if (c->name == name) {
            ln = c;
            break;
        }
        j = (j + 1) & mask;
    }
    if (!ln) {
        if (s->name_count == s->name_cap) {
            size_t cap = s->name_cap ? s->name_cap * 2 : 16;
            pq_lname *nn = realloc(s->names, cap * sizeof *nn);
            if (!nn)
                return -1;
            s->names = nn;
            s->name_cap = cap;
        }
        ln = &s->names[s->name_count];
        memset(ln, 0, sizeof *ln);
        ln->name = name;
        s->name_table.slots[j] = (uint32_t)++s->name_count;
        s->name_table.count++;
    }
    if (ln->n == ln->cap) {
        size_t cap = ln->cap ? ln->cap * 2 : 4;
        uint32_t *np = realloc(ln->pairs, cap * sizeof *np);
        if (!np)
            return -1;
        ln->pairs = np;
        ln->cap = cap;
    }
    ln->pairs[ln->n++] = pair_index;
    return 0;
}

/* ---- series ------------------------------------------------------------------------------- */

int64_t pq_memstore_series_id(promql_memstore *s, const promql_labels *in, promql_error *err)
{
    if (in->count > 100000)
        return pq_store_error(err, PROMQL_ERR_BAD_DATA, "too many labels"), -1;
    promql_label stackbuf[32];
    promql_label *items = in->count <= 32 ? stackbuf : malloc(in->count * sizeof *items);
    if (!items)
        return pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory"), -1;
    size_t n = 0;
    for (size_t i = 0; i < in->count; i++)
        if (in->items[i].value && in->items[i].value[0])
            items[n++] = in->items[i];
    int sorted = 1;
    for (size_t i = 1; i < n; i++)
        if (strcmp(items[i - 1].name, items[i].name) >= 0)
            sorted = 0;
    if (!sorted)
        qsort(items, n, sizeof *items, label_cmp);
    int64_t result = -1;
    for (size_t i = 1; i < n; i++)
        if (strcmp(items[i - 1].name, items[i].name) == 0) {
            pq_store_error(err, PROMQL_ERR_BAD_DATA, "label name \"%s\" is not unique", items[i].name);
            goto out;
        }
    promql_labels ls = { items, n };
    uint64_t h = labels_hash(&ls);
    if (s->series_table.cap) {
        size_t mask = s->series_table.cap - 1;
        for (size_t j = h & mask; s->series_table.slots[j]; j = (j + 1) & mask) {
            pq_series *c = &s->series[s->series_table.slots[j] - 1];
            if (c->hash == h && labels_equal(&c->labels, &ls)) {
                result = s->series_table.slots[j] - 1;
                goto out;
            }
        }
    }
    if (s->series_count >= UINT32_MAX - 1) {
        pq_store_error(err, PROMQL_ERR_RESOURCE, "too many series");
        goto out;
    }
    /* New series: intern, store, index. */
    promql_label *own = malloc((n ? n : 1) * sizeof *own);
    if (!own)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        own[i].name = intern(s, items[i].name);
        own[i].value = intern(s, items[i].value);
        if (!own[i].name || !own[i].value) {
            free(own);
            goto oom;
        }
    }
    if ((s->series_count + 1) * 2 >= s->series_table.cap &&
        table_rehash(s, &s->series_table, series_slot_hash) < 0) {
        free(own);
        goto oom;
    }
    if (s->series_count == s->series_cap) {
        size_t cap = s->series_cap ? s->series_cap * 2 : 64;
        pq_series *ns = realloc(s->series, cap * sizeof *ns);
        if (!ns) {
            free(own);
            goto oom;
        }
        s->series = ns;
        s->series_cap = cap;
    }
    uint32_t id = (uint32_t)s->series_count;
    pq_series *se = &s->series[id];
    memset(se, 0, sizeof *se);
    se->labels.items = own;
    se->labels.count = n;
    se->hash = h;
    s->series_count++;
    size_t mask = s->series_table.cap - 1;
    size_t j = h & mask;
    while (s->series_table.slots[j])
        j = (j + 1) & mask;
    s->series_table.slots[j] = id + 1;
    s->series_table.count++;
    for (size_t i = 0; i < n; i++)
        if (index_label(s, own[i].name, own[i].value, id) < 0)
            goto oom;   /* the series stays, partly indexed: the store is only good to clear */
    result = id;
    goto out;
oom:
    pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory");
out:
    if (items != stackbuf)
        free(items);
    return result;
}

/* ---- samples ------------------------------------------------------------------------------ */

static promql_histogram *histogram_copy(const promql_histogram *h)
{
    size_t ps = h->positive_span_count * sizeof(promql_span);
    size_t ns = h->negative_span_count * sizeof(promql_span);
    size_t pb = h->positive_bucket_count * sizeof(double);
    size_t nb = h->negative_bucket_count * sizeof(double);
    size_t cv = h->custom_value_count * sizeof(double);
    size_t head = (sizeof(promql_histogram) + 7) & ~(size_t)7;
    char *mem = malloc(head + ps + ns + pb + nb + cv);
    if (!mem)
        return NULL;
    promql_histogram *c = (promql_histogram *)mem;
    *c = *h;
    char *p = mem + head;
    /* doubles first so they stay 8-aligned, then the 8-byte spans */
    double *d = (double *)p;
    if (pb) memcpy(d, h->positive_buckets, pb);
    c->positive_buckets = pb ? d : NULL;
    d += h->positive_bucket_count;
    if (nb) memcpy(d, h->negative_buckets, nb);
    c->negative_buckets = nb ? d : NULL;
    d += h->negative_bucket_count;
    if (cv) memcpy(d, h->custom_values, cv);
    c->custom_values = cv ? d : NULL;
    d += h->custom_value_count;
    promql_span *sp = (promql_span *)d;
    if (ps) memcpy(sp, h->positive_spans, ps);
    c->positive_spans = ps ? sp : NULL;
    sp += h->positive_span_count;
    if (ns) memcpy(sp, h->negative_spans, ns);
    c->negative_spans = ns ? sp : NULL;
    return c;
}

static int doubles_equal(const double *a, const double *b, size_t n)
{
    return n == 0 || memcmp(a, b, n * sizeof(double)) == 0;
}

static int histograms_equal(const promql_histogram *a, const promql_histogram *b)
{
    /* the hint is not compared: the head rewrites it (memstore_hint.c), as Go's Equals */
    return a->schema == b->schema &&
           memcmp(&a->zero_threshold, &b->zero_threshold, sizeof(double)) == 0 &&
           memcmp(&a->zero_count, &b->zero_count, sizeof(double)) == 0 &&
           memcmp(&a->count, &b->count, sizeof(double)) == 0 &&
           memcmp(&a->sum, &b->sum, sizeof(double)) == 0 &&
           a->positive_span_count == b->positive_span_count &&
           a->negative_span_count == b->negative_span_count &&
           a->positive_bucket_count == b->positive_bucket_count &&
           a->negative_bucket_count == b->negative_bucket_count &&
           a->custom_value_count == b->custom_value_count &&
           (a->positive_span_count == 0 ||
            memcmp(a->positive_spans, b->positive_spans, a->positive_span_count * sizeof(promql_span)) == 0) &&
           (a->negative_span_count == 0 ||
            memcmp(a->negative_spans, b->negative_spans, a->negative_span_count * sizeof(promql_span)) == 0) &&
           doubles_equal(a->positive_buckets, b->positive_buckets, a->positive_bucket_count) &&
           doubles_equal(a->negative_buckets, b->negative_buckets, a->negative_bucket_count) &&
           doubles_equal(a->custom_values, b->custom_values, a->custom_value_count);
}

static int series_reserve(pq_series *se, size_t want)
{
    if (want <= se->cap)
        return 0;
    size_t cap = se->cap ? se->cap * 2 : 8;
    while (cap < want)
        cap *= 2;
    int64_t *ts = realloc(se->ts, cap * sizeof *ts);
    if (!ts)
        return -1;
    se->ts = ts;
    double *v = realloc(se->values, cap * sizeof *v);
    if (!v)
        return -1;
    se->values = v;
    if (se->hists) {
        promql_histogram **h = realloc(se->hists, cap * sizeof *h);
        if (!h)
            return -1;
        se->hists = h;
    }
    if (se->start_ts) {
        int64_t *st = realloc(se->start_ts, cap * sizeof *st);
        if (!st)
            return -1;
        se->start_ts = st;
    }
    se->cap = cap;
    return 0;
}

static void format_labels(const pq_series *se, char *buf, size_t len)
{
    size_t o = 0;
    o += (size_t)snprintf(buf + o, len - o, "{");
    for (size_t i = 0; i < se->labels.count && o < len; i++)
        o += (size_t)snprintf(buf + o, len - o, "%s%s=\"%s\"", i ? ", " : "", se->labels.items[i].name,
                              se->labels.items[i].value);
    if (o < len)
        snprintf(buf + o, len - o, "}");
}

promql_error_code pq_memstore_append_id(promql_memstore *s, uint32_t id, int64_t t, double v,
                                        const promql_histogram *hist, bool has_st, int64_t st,
                                        promql_error *err)
{
    pq_series *se = &s->series[id];
    if (se->n > 0) {
        int64_t last = se->ts[se->n - 1];
        if (t < last) {
            char lb[512];
            format_labels(se, lb, sizeof lb);
            return pq_store_error(err, PROMQL_ERR_BAD_DATA,
                                  "out of order sample: series %s: timestamp %lld is before the last one (%lld)",
                                  lb, (long long)t, (long long)last);
        }
        if (t == last) {
            const promql_histogram *prev = se->hists ? se->hists[se->n - 1] : NULL;
            int same;
            if (hist || prev)
                same = hist && prev && histograms_equal(hist, prev);
            else
                same = memcmp(&v, &se->values[se->n - 1], sizeof v) == 0;
            if (same)
                return PROMQL_OK;   /* Prometheus ignores an exact duplicate */
            char lb[512];
            format_labels(se, lb, sizeof lb);
            return pq_store_error(err, PROMQL_ERR_BAD_DATA,
                                  "duplicate sample for timestamp: series %s at %lld", lb, (long long)t);
        }
    }
    if (series_reserve(se, se->n + 1) < 0)
        return pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory");
    if (hist && !se->hists) {
        se->hists = calloc(se->cap, sizeof *se->hists);
        if (!se->hists)
            return pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory");
    }
    if (has_st && st != 0 && !se->start_ts) {
        se->start_ts = calloc(se->cap, sizeof *se->start_ts);
        if (!se->start_ts)
            return pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory");
    }
    promql_histogram *copy = NULL;
    if (hist) {
        copy = histogram_copy(hist);
        if (!copy)
            return pq_store_error(err, PROMQL_ERR_RESOURCE, "out of memory");
        copy->counter_reset_hint = pq_memstore_stored_hint(se, t, hist);
    }
    size_t i = se->n;
    se->ts[i] = t;
    if (hist) {
        double zero = 0;
        memcpy(&se->values[i], &zero, sizeof zero);
    } else
        memcpy(&se->values[i], &v, sizeof v);   /* keep NaN payloads (stale markers) exact */
    if (se->hists)
        se->hists[i] = copy;
    if (se->start_ts)
        se->start_ts[i] = has_st ? st : 0;
    se->n++;
    s->sample_count++;
    return PROMQL_OK;
}

typedef struct rank_rec {
    const promql_labels *labels;
    uint32_t id;
} rank_rec;

static int rank_cmp(const void *a, const void *b)
{
    return pq_labels_compare(*((const rank_rec *)a)->labels, *((const rank_rec *)b)->labels);
}

static void build_ranks(promql_memstore *s)
{
    free(s->rank);
    s->rank = NULL;
    s->rank_count = 0;
    size_t n = s->series_count;
    if (!n)
        return;
    rank_rec *recs = malloc(n * sizeof *recs);
    uint32_t *rank = malloc(n * sizeof *rank);
    if (!recs || !rank) {
        free(recs);
        free(rank);
        return;   /* no ranks: select() compares labels */
    }
    for (size_t i = 0; i < n; i++) {
        recs[i].labels = &s->series[i].labels;
        recs[i].id = (uint32_t)i;
    }
    qsort(recs, n, sizeof *recs, rank_cmp);
    for (size_t i = 0; i < n; i++)
        rank[recs[i].id] = (uint32_t)i;
    free(recs);
    s->rank = rank;
    s->rank_count = n;
}

void pq_memstore_compact(promql_memstore *s)
{
    build_ranks(s);
    for (size_t i = 0; i < s->series_count; i++) {
        pq_series *se = &s->series[i];
        if (se->n == se->cap || se->n == 0)
            continue;
        int64_t *ts = realloc(se->ts, se->n * sizeof *ts);
        double *v = ts ? realloc(se->values, se->n * sizeof *v) : NULL;
        if (ts)
            se->ts = ts;
        if (v)
            se->values = v;
        if (!ts || !v)
            continue;   /* keep the larger arrays: still valid */
        int ok = 1;
        if (se->hists) {
            promql_histogram **h = realloc(se->hists, se->n * sizeof *h);
            if (h) se->hists = h; else ok = 0;
        }
        if (se->start_ts) {
            int64_t *st = realloc(se->start_ts, se->n * sizeof *st);
            if (st) se->start_ts = st; else ok = 0;
        }
        /* Capacity can only drop to n when every array did. */
        if (ok)
            se->cap = se->n;
        else {
            /* some array still has the old capacity while others shrank: grow back lazily by
             * pretending capacity is n (realloc on the next append fixes every array) */
            se->cap = se->n;
        }
    }
}

size_t pq_memstore_sample_bytes(const promql_memstore *s)
{
    size_t b = 0;
    for (size_t i = 0; i < s->series_count; i++) {
        const pq_series *se = &s->series[i];
        b += se->cap * (sizeof(int64_t) + sizeof(double));
        if (se->hists)
            b += se->cap * sizeof(void *);
        if (se->start_ts)
            b += se->cap * sizeof(int64_t);
    }
    return b;
}

/* ---- public API --------------------------------------------------------------------------- */

static void store_init(promql_memstore *s)
{
    memset(s, 0, sizeof *s);
    pq_arena_init(&s->strings, 0);
    s->storage.ctx = s;
    s->storage.select = pq_memstore_select;
    s->storage.label_names = pq_memstore_label_names;
    s->storage.label_values = pq_memstore_label_values;
}

static void store_release(promql_memstore *s)
{
    for (size_t i = 0; i < s->series_count; i++) {
        pq_series *se = &s->series[i];
        if (se->hists)
            for (size_t k = 0; k < se->n; k++)
                free(se->hists[k]);
        free(se->hists);
        free(se->start_ts);
        free(se->ts);
        free(se->values);
        free((void *)se->labels.items);
    }
    free(s->series);
    for (size_t i = 0; i < s->pair_count; i++)
        free(s->pairs[i].postings.ids);
    free(s->pairs);
    for (size_t i = 0; i < s->name_count; i++)
        free(s->names[i].pairs);
    free(s->names);
    free(s->series_table.slots);
    free(s->pair_table.slots);
    free(s->name_table.slots);
    free(s->interned);
    free(s->rank);
    pq_arena_free(&s->strings);
}

PROMQL_API promql_memstore *promql_memstore_new(void)
{
    promql_memstore *s = malloc(sizeof *s);
    if (s)
        store_init(s);
    return s;
}

PROMQL_API void promql_memstore_free(promql_memstore *s)
{
    if (!s)
        return;
    store_release(s);
    free(s);
}

PROMQL_API const promql_storage *promql_memstore_storage(promql_memstore *s)
{
    return &s->storage;
}

PROMQL_API void promql_memstore_clear(promql_memstore *s)
{
    store_release(s);
    store_init(s);
}

PROMQL_API size_t promql_memstore_series_count(const promql_memstore *s)
{
    return s->series_count;
}

PROMQL_API size_t promql_memstore_sample_count(const promql_memstore *s)
{
    return s->sample_count;
}

static promql_error_code append_common(promql_memstore *s, const promql_labels *labels, int64_t t,
                                       double v, const promql_histogram *h, promql_error *err)
{
    if (!s || !labels)
        return pq_store_error(err, PROMQL_ERR_BAD_DATA, "no store or labels");
    int64_t id = pq_memstore_series_id(s, labels, err);
    if (id < 0)
        return err ? err->code : PROMQL_ERR_RESOURCE;
    return pq_memstore_append_id(s, (uint32_t)id, t, v, h, false, 0, err);
}

PROMQL_API promql_error_code promql_memstore_append(promql_memstore *s, const promql_labels *labels,
                                                    int64_t t_ms, double value, promql_error *err)
{
    return append_common(s, labels, t_ms, value, NULL, err);
}

PROMQL_API promql_error_code promql_memstore_append_histogram(promql_memstore *s, const promql_labels *labels,
                                                              int64_t t_ms, const promql_histogram *h,
                                                              promql_error *err)
{
    if (!h)
        return pq_store_error(err, PROMQL_ERR_BAD_DATA, "no histogram");
    return append_common(s, labels, t_ms, 0, h, err);
}
