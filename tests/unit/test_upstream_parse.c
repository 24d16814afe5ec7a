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
#include "upstream_queries.h"

static void test_upstream_queries_parse(void **state)
{
    (void)state;
    const char *dir = test_upstream_dir();
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d) {
        print_message("skipping: the upstream scripts were not found\n");
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
        char *buf = test_read_file(path, &len);
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
            const char *q = upstream_eval_query(lines[i], &is_fail);
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
