/*
 * arena.h -- region allocation. The AST of a query lives in one arena, an evaluation in another;
 * each is freed with one call. Allocation failure returns NULL (never aborts); callers turn it
 * into PROMQL_ERR_RESOURCE. An optional byte budget makes the arena refuse allocations past it,
 * which is how a query's memory limit is enforced.
 */
#ifndef PQ_ARENA_H
#define PQ_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct pq_arena_block pq_arena_block;

typedef struct pq_arena_cleanup pq_arena_cleanup;

typedef struct pq_arena {
    pq_arena_block *head;
    pq_arena_cleanup *cleanups;  /* run (newest first) by pq_arena_free */   /* current block; older blocks chained behind it */
    size_t used;            /* bytes handed out from head */
    size_t total;           /* bytes reserved from malloc, all blocks */
    size_t limit;           /* 0 = unlimited; else pq_arena_alloc fails past this total */
    int failed;             /* set once an allocation failed (sticky), for error reporting */
    pq_arena_block *spare;  /* the last block pq_arena_reset_to dropped, kept for reuse */
} pq_arena;

void pq_arena_init(pq_arena *a, size_t limit);
void pq_arena_free(pq_arena *a);           /* frees every block; the arena can be reused */
void *pq_arena_alloc(pq_arena *a, size_t size);        /* 16-byte aligned, uninitialised */
void *pq_arena_calloc(pq_arena *a, size_t n, size_t size);  /* zeroed, overflow-checked */
char *pq_arena_strdup(pq_arena *a, const char *s);
char *pq_arena_strndup(pq_arena *a, const char *s, size_t n);
/* Grow a previous allocation (copies; the old memory stays in the arena until it is freed). */
void *pq_arena_realloc(pq_arena *a, void *old, size_t old_size, size_t new_size);
/* Register fn(arg) to run when the arena is freed: for objects the arena cannot hold itself
 * (compiled PCRE2 regexes). Returns 0, or -1 when out of memory (fn is then run at once). */
int pq_arena_defer(pq_arena *a, void (*fn)(void *), void *arg);
char *pq_arena_sprintf(pq_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A mark lets scratch allocations be dropped back to a point (only within the head block's
 * lifetime: blocks allocated after the mark are freed by pq_arena_reset_to). */
typedef struct pq_arena_mark {
    pq_arena_block *head;
    size_t used;
} pq_arena_mark;

pq_arena_mark pq_arena_get_mark(const pq_arena *a);
/* Freed big blocks are kept, 64 MiB at most for the whole process, for the next arena. */
size_t pq_arena_cached_bytes(void);
void pq_arena_release_cache(void);   /* unmap them now */
void pq_arena_reset_to(pq_arena *a, pq_arena_mark m);

#endif
