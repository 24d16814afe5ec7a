/*
 * test_support.h -- helpers the unit tests share: where Prometheus's promqltest scripts are
 * (used in place, never copied), reading a whole file, and cmocka fixtures for a file-wide
 * arena (test_arena).
 */
#ifndef PQ_TEST_SUPPORT_H
#define PQ_TEST_SUPPORT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/arena.h"

#ifndef PROMQL_SOURCE_DIR
#define PROMQL_SOURCE_DIR "."
#endif

/* The upstream scripts' folder: $PROMQL_UPSTREAM_TESTS, else next to the repository (../shared
 * from the integration checkout, ../../shared from a worktree under /work/wt); NULL when none
 * exists. */
static inline const char *test_upstream_dir(void)
{
    static const char *const candidates[] = {
        PROMQL_SOURCE_DIR "/../shared/promqltest-upstream",
        PROMQL_SOURCE_DIR "/../../shared/promqltest-upstream",
    };
    const char *env = getenv("PROMQL_UPSTREAM_TESTS");
    for (size_t i = 0; i <= sizeof candidates / sizeof candidates[0]; i++) {
        const char *dir = i == 0 ? env : candidates[i - 1];
        DIR *d = dir ? opendir(dir) : NULL;
        if (d) {
            closedir(d);
            return dir;
        }
    }
    return NULL;
}

/* The whole file, NUL-terminated, in malloc'd memory (*len bytes); NULL when it cannot be read. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
        buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = (size_t)n;
    }
    return buf;
}

/* A file-wide arena and the cmocka setup/teardown that make it fresh for each test. */
static pq_arena test_arena __attribute__((unused));

static inline int test_arena_setup(void **state)
{
    (void)state;
    pq_arena_init(&test_arena, 0);
    return 0;
}

static inline int test_arena_teardown(void **state)
{
    (void)state;
    pq_arena_free(&test_arena);
    return 0;
}

#endif
