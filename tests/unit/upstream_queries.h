/*
 * upstream_queries.h -- every query of an eval command in Prometheus's conformance scripts
 * (the .test files of ../shared/promqltest-upstream, used in place), for sweeping tests of the printer,
 * prettier and AST JSON over about 2,200 real queries.
 */
#ifndef PQ_TEST_UPSTREAM_QUERIES_H
#define PQ_TEST_UPSTREAM_QUERIES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_support.h"

/* The query of an eval line, or NULL: "eval instant at T Q", "eval range from A to B step S Q",
 * "eval_fail instant at T Q" (and eval_warn, eval_info, eval_ordered). *is_fail (when not NULL)
 * tells an eval_fail. */
static inline const char *upstream_eval_query(const char *line, int *is_fail)
{
    if (is_fail)
        *is_fail = strncmp(line, "eval_fail ", 10) == 0;
    if (strncmp(line, "eval", 4) != 0)
        return NULL;
    const char *p = strchr(line, ' ');
    if (!p)
        return NULL;
    int skip;   /* words to skip after "eval*" */
    if (strncmp(p, " instant at ", 12) == 0)
        skip = 3;
    else if (strncmp(p, " range from ", 12) == 0)
        skip = 7;
    else
        return NULL;
    while (skip-- > 0) {
        while (*p == ' ')
            p++;
        while (*p && *p != ' ')
            p++;
    }
    while (*p == ' ')
        p++;
    return *p ? p : NULL;
}

/* Calls fn(query, len, file, line_no, arg) for each eval query; returns the number of queries,
 * or -1 when the scripts cannot be found or read. */
static inline int for_each_upstream_query(void (*fn)(const char *q, size_t len, const char *file,
                                                     int line_no, void *arg),
                                          void *arg)
{
    const char *dir = test_upstream_dir();
    if (!dir)
        return -1;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".test") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f) {
            closedir(d);
            return -1;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        int line_no = 0;
        while ((len = getline(&line, &cap, f)) >= 0) {
            line_no++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = 0;
            const char *q = upstream_eval_query(line, NULL);
            if (q) {
                fn(q, strlen(q), e->d_name, line_no, arg);
                count++;
            }
        }
        free(line);
        fclose(f);
    }
    closedir(d);
    return count;
}

#endif
