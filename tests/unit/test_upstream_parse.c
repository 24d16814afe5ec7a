/*
 * test_upstream_parse.c -- every query of an eval line in Prometheus 3.14's promqltest scripts
 * (../shared/promqltest-upstream, every .test file) must parse and type-check. Evals marked to fail
 * (eval_fail, or followed by "expect fail") may fail at parse or at run time, so they are
 * only counted. The directory is found beside the repository, as in CI.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parser/parser.h"

#ifndef PROMQL_SOURCE_DIR
#define PROMQL_SOURCE_DIR "."
#endif

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
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

/* The query of an eval line, or NULL when the line is not an eval. */
static const char *eval_query(const char *line, int *is_fail)
{
    const char *p;
    *is_fail = 0;
    if (strncmp(line, "eval_fail ", 10) == 0) {
        *is_fail = 1;
        p = line + 10;
    } else if (strncmp(line, "eval ", 5) == 0) {
        p = line + 5;
    } else {
        return NULL;
    }
    int words;
    if (strncmp(p, "instant ", 8) == 0)
        words = 3;   /* instant at <time> */
    else if (strncmp(p, "range ", 6) == 0)
        words = 7;   /* range from <a> to <b> step <s> */
    else
        return NULL;
    for (int i = 0; i < words; i++) {
        while (*p == ' ')
            p++;
        while (*p && *p != ' ')
            p++;
    }
    while (*p == ' ')
        p++;
    return p;
}

static void test_upstream_queries_parse(void **state)
{
    (void)state;
    /* beside the repository (CI), or beside a worktree folder of it (development) */
    const char *dir = getenv("PROMQL_UPSTREAM_TESTS");
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d)
        d = opendir(dir = PROMQL_SOURCE_DIR "/../shared/promqltest-upstream");
    if (!d)
        d = opendir(dir = PROMQL_SOURCE_DIR "/../../shared/promqltest-upstream");
    if (!d) {
        print_message("skipping: %s not found\n", dir);
        skip();
    }
    int parsed = 0, failed = 0, fail_evals = 0, fail_evals_rejected = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 5, ".test") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *buf = read_file(path, &len);
        assert_non_null(buf);
        char **lines = NULL;
        size_t nlines = 0, cap = 0;
        for (char *s = buf; s && *s;) {
            char *end = strchr(s, '\n');
            if (end)
                *end = 0;
            if (nlines == cap) {
                cap = cap ? cap * 2 : 256;
                lines = realloc(lines, cap * sizeof *lines);
                assert_non_null(lines);
            }
            lines[nlines++] = s;
            s = end ? end + 1 : NULL;
        }
        for (size_t i = 0; i < nlines; i++) {
            int is_fail;
            const char *q = eval_query(lines[i], &is_fail);
            if (!q)
                continue;
            /* "expect fail" among the indented expectation lines that follow */
            for (size_t j = i + 1; j < nlines && (lines[j][0] == ' ' || lines[j][0] == '\t'); j++) {
                const char *t = lines[j];
                while (*t == ' ' || *t == '\t')
                    t++;
                if (strncmp(t, "expect fail", 11) == 0)
                    is_fail = 1;
            }
            pq_ast *ast = NULL;
            promql_error err;
            int rc = pq_parse(q, strlen(q), NULL, &ast, &err);
            if (rc == 0)
                pq_ast_free(ast);
            if (is_fail) {
                fail_evals++;
                if (rc != 0)
                    fail_evals_rejected++;
                continue;
            }
            if (rc == 0) {
                parsed++;
            } else {
                failed++;
                print_message("%s:%zu: %s\n    %s\n", e->d_name, i + 1, q, err.message);
            }
        }
        free(lines);
        free(buf);
    }
    closedir(d);
    print_message("upstream evals: %d parsed, %d failed to parse; %d expected-to-fail evals (%d rejected by the parser)\n",
                  parsed, failed, fail_evals, fail_evals_rejected);
    assert_true(parsed > 1500);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_upstream_queries_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
