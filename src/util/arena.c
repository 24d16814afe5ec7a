/*
 * arena.c -- region allocation: bump pointer over blocks that double in size (malloc'ed, or mapped
 * directly when big), freed all at once, the big ones kept in a small cache for the next arena.
 */
#include "util/arena.h"

#include <pthread.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pq_arena_block {
    pq_arena_block *prev;
    size_t size;                    /* usable bytes in data */
    size_t map_len;                 /* bytes mmap'ed for the block, 0 when malloc'ed */
    size_t clean_from;              /* data from this offset on is known to be zero */
    _Alignas(16) unsigned char data[];
};

struct pq_arena_cleanup {
    pq_arena_cleanup *next;
    void (*fn)(void *);
    void *arg;
};

#define PQ_ARENA_MIN_BLOCK (16 * 1024)

/* Blocks of PQ_ARENA_MAP_MIN bytes or more are mapped directly, 2 MiB-aligned and advised as
 * transparent huge pages: a query that fills tens of MiB with result arrays (count_values
 * makes a dense array for each of 100,000 new series) otherwise takes a page fault every
 * 4 KiB, which cost more than the query's own work. Fresh mappings are zero, so the memory
 * a calloc gets from the untouched part of such a block needs no memset (clean_from). */
#define PQ_ARENA_MAP_MIN ((size_t)4 << 20)
#define PQ_ARENA_HUGE ((size_t)2 << 20)

/* A block of at least 'want' bytes and at most 'room' (the budget left). */
static pq_arena_block *block_new(size_t want, size_t room)
{
    size_t len = 0;   /* the mapping, whole huge pages */
    if (want <= SIZE_MAX / 2)
        len = (sizeof(pq_arena_block) + want + PQ_ARENA_HUGE - 1) & ~(PQ_ARENA_HUGE - 1);
    if (want >= PQ_ARENA_MAP_MIN && len && len - sizeof(pq_arena_block) <= room) {
        unsigned char *m = mmap(NULL, len + PQ_ARENA_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m != MAP_FAILED) {
            /* Trim to a 2 MiB boundary on both sides so every 2 MiB of the block can be a
             * huge page. */
            size_t lead = (PQ_ARENA_HUGE - ((uintptr_t)m & (PQ_ARENA_HUGE - 1))) & (PQ_ARENA_HUGE - 1);
            if (lead)
                munmap(m, lead);
            if (PQ_ARENA_HUGE - lead)
                munmap(m + lead + len, PQ_ARENA_HUGE - lead);
            pq_arena_block *b = (pq_arena_block *)(void *)(m + lead);
#ifdef MADV_HUGEPAGE
            (void)madvise(b, len, MADV_HUGEPAGE);
#endif
            b->size = len - sizeof(pq_arena_block);
            b->map_len = len;
            b->clean_from = 0;
            return b;
        }
    }
    pq_arena_block *b = malloc(sizeof(pq_arena_block) + want);
    if (b) {
        b->size = want;
        b->map_len = 0;
        b->clean_from = want;
    }
    return b;
}

static void block_free(pq_arena_block *b)
{
    if (b->map_len)
        munmap(b, b->map_len);
    else
        free(b);
}

/* Freed blocks are kept (up to PQ_ARENA_CACHE_BLOCKS blocks, PQ_ARENA_CACHE_BYTES in all)
 * for the next arena: a query's big blocks are then not unmapped and faulted in again by the
 * next query, and its small ones (16-128 KiB, at the top of malloc's heap) not handed back
 * with brk and asked for again (a quarter of a short query's time). One cache for the
 * process, under a lock taken once per block: a server running queries on many threads
 * keeps 64 MiB at most, not 64 MiB per thread. */
#define PQ_ARENA_CACHE_MIN PQ_ARENA_MIN_BLOCK
#define PQ_ARENA_CACHE_BLOCKS 16
#define PQ_ARENA_CACHE_BYTES ((size_t)64 << 20)

static struct {
    pthread_mutex_t lock;
    pq_arena_block *blocks[PQ_ARENA_CACHE_BLOCKS];
    size_t count;
    size_t bytes;
} block_cache = {PTHREAD_MUTEX_INITIALIZER, {NULL}, 0, 0};

/* The smallest cached block with room for 'want' bytes (and within the budget), or NULL. */
static pq_arena_block *cache_take(size_t want, size_t room)
{
    pq_arena_block *b = NULL;
    pthread_mutex_lock(&block_cache.lock);
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < block_cache.count; i++) {
        size_t sz = block_cache.blocks[i]->size;
        if (sz >= want && sz <= room && (best == SIZE_MAX || sz < block_cache.blocks[best]->size))
            best = i;
    }
    if (best != SIZE_MAX) {
        b = block_cache.blocks[best];
        block_cache.blocks[best] = block_cache.blocks[--block_cache.count];
        block_cache.bytes -= b->size;
    }
    pthread_mutex_unlock(&block_cache.lock);
    return b;
}

static void block_release(pq_arena_block *b)
{
    b->clean_from = b->size;  /* it was used: no longer known to be zero */
    if (b->size < PQ_ARENA_CACHE_MIN || b->size > PQ_ARENA_CACHE_BYTES) {
        block_free(b);
        return;
    }
    pq_arena_block *drop[PQ_ARENA_CACHE_BLOCKS + 1];
    size_t ndrop = 0;
    pthread_mutex_lock(&block_cache.lock);
    /* Make room by dropping smaller cached blocks first. */
    while (block_cache.count > 0 &&
           (block_cache.count == PQ_ARENA_CACHE_BLOCKS || block_cache.bytes + b->size > PQ_ARENA_CACHE_BYTES)) {
        size_t small = 0;
        for (size_t i = 1; i < block_cache.count; i++)
            if (block_cache.blocks[i]->size < block_cache.blocks[small]->size)
                small = i;
        if (block_cache.blocks[small]->size >= b->size)
            break;
        block_cache.bytes -= block_cache.blocks[small]->size;
        drop[ndrop++] = block_cache.blocks[small];
        block_cache.blocks[small] = block_cache.blocks[--block_cache.count];
    }
    if (block_cache.count < PQ_ARENA_CACHE_BLOCKS && block_cache.bytes + b->size <= PQ_ARENA_CACHE_BYTES) {
        block_cache.blocks[block_cache.count++] = b;
        block_cache.bytes += b->size;
        b = NULL;
    }
    pthread_mutex_unlock(&block_cache.lock);
    for (size_t i = 0; i < ndrop; i++)   /* unmapping outside the lock */
        block_free(drop[i]);
    if (b)
        block_free(b);
}

size_t pq_arena_cached_bytes(void)
{
    pthread_mutex_lock(&block_cache.lock);
    size_t n = block_cache.bytes;
    pthread_mutex_unlock(&block_cache.lock);
    return n;
}

void pq_arena_release_cache(void)
{
    pthread_mutex_lock(&block_cache.lock);
    pq_arena_block *blocks[PQ_ARENA_CACHE_BLOCKS];
    size_t n = block_cache.count;
    memcpy(blocks, block_cache.blocks, n * sizeof *blocks);
    block_cache.count = 0;
    block_cache.bytes = 0;
    pthread_mutex_unlock(&block_cache.lock);
    for (size_t i = 0; i < n; i++)
        block_free(blocks[i]);
}

void pq_arena_init(pq_arena *a, size_t limit)
{
    memset(a, 0, sizeof *a);
    a->limit = limit;
}

void pq_arena_free(pq_arena *a)
{
    /* Cleanups live in the blocks themselves, so run them before freeing any block. */
    for (pq_arena_cleanup *c = a->cleanups; c; c = c->next)
        c->fn(c->arg);
    a->cleanups = NULL;
    pq_arena_block *b = a->head;
    while (b) {
        pq_arena_block *prev = b->prev;
        block_release(b);
        b = prev;
    }
    if (a->spare)
        block_release(a->spare);
    a->spare = NULL;
    a->head = NULL;
    a->used = 0;
    a->total = 0;
    a->failed = 0;
}

void *pq_arena_alloc(pq_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    if (a->head && a->head->size - a->used >= size) {
        void *p = a->head->data + a->used;
        a->used += size;
        return p;
    }
    /* The spare block a reset left behind (see pq_arena_reset_to) is reused when large enough:
     * a scratch loop that allocates past the head block and resets would otherwise malloc and
     * free a large block on every iteration. It is still counted in 'total'. */
    if (a->spare && a->spare->size >= size) {
        pq_arena_block *b = a->spare;
        a->spare = NULL;
        b->prev = a->head;
        a->head = b;
        a->used = size;
        return b->data;
    }
    if (a->spare) {
        a->total -= a->spare->size;
        block_free(a->spare);
        a->spare = NULL;
    }
    /* New block: at least double the last one so the number of blocks stays logarithmic. */
    size_t want = a->head ? a->head->size * 2 : PQ_ARENA_MIN_BLOCK;
    if (want > ((size_t)64 << 20))
        want = (size_t)64 << 20;
    if (want < size)
        want = size;
    if (want > SIZE_MAX - sizeof(pq_arena_block) ||
        (a->limit && (a->total + want > a->limit || want > a->limit))) {
        /* Under a budget, retry with exactly what is needed before giving up. */
        if (a->limit && a->total + size <= a->limit)
            want = size;
        else {
            a->failed = 1;
            return NULL;
        }
    }
    size_t room = a->limit ? a->limit - a->total : SIZE_MAX;
    pq_arena_block *b = want >= PQ_ARENA_CACHE_MIN ? cache_take(want, room) : NULL;
    if (!b)
        b = block_new(want, room);
    if (!b) {
        a->failed = 1;
        return NULL;
    }
    want = b->size;
    b->prev = a->head;
    a->head = b;
    a->total += want;
    a->used = size;
    return b->data;
}

void *pq_arena_calloc(pq_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        a->failed = 1;
        return NULL;
    }
    void *p = pq_arena_alloc(a, n * size);
    /* p is in the head block now; past clean_from nothing was ever handed out. */
    if (p && (size_t)((unsigned char *)p - a->head->data) < a->head->clean_from)
        memset(p, 0, n * size);
    return p;
}

int pq_arena_defer(pq_arena *a, void (*fn)(void *), void *arg)
{
    pq_arena_cleanup *c = pq_arena_alloc(a, sizeof *c);
    if (!c) {
        fn(arg);
        return -1;
    }
    c->fn = fn;
    c->arg = arg;
    c->next = a->cleanups;
    a->cleanups = c;
    return 0;
}

char *pq_arena_strndup(pq_arena *a, const char *s, size_t n)
{
    char *p = pq_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

char *pq_arena_strdup(pq_arena *a, const char *s)
{
    return pq_arena_strndup(a, s, strlen(s));
}

void *pq_arena_realloc(pq_arena *a, void *old, size_t old_size, size_t new_size)
{
    if (new_size <= old_size && old)
        return old;
    void *p = pq_arena_alloc(a, new_size);
    if (p && old && old_size)
        memcpy(p, old, old_size);
    return p;
}

char *pq_arena_sprintf(pq_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = pq_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

pq_arena_mark pq_arena_get_mark(const pq_arena *a)
{
    pq_arena_mark m = {a->head, a->used};
    return m;
}

void pq_arena_reset_to(pq_arena *a, pq_arena_mark m)
{
    while (a->head && a->head != m.head) {
        pq_arena_block *prev = a->head->prev;
        /* Keep the largest dropped block as the spare (still counted in 'total', so a memory
         * budget holds); free the rest. */
        pq_arena_block *drop = a->head;
        drop->clean_from = drop->size;
        if (!a->spare || a->spare->size < drop->size) {
            drop = a->spare;
            a->spare = a->head;
        }
        if (drop) {
            a->total -= drop->size;
            block_release(drop);
        }
        a->head = prev;
    }
    size_t to = m.head ? m.used : 0;
    /* What lies between the mark and the old top was handed out: no longer zero. */
    if (a->head && a->used > to && a->head->clean_from < a->used)
        a->head->clean_from = a->used;
    a->used = to;
}
