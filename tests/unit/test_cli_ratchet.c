/*
 * test_cli_ratchet.c -- `promql-eval test --xfail` as the conformance ratchet: a listed eval
 * that fails is expected, an unlisted failure fails the run, a listed eval that passes fails the
 * run, an entry naming no eval of a script that ran fails the run, entries for scripts that did
 * not run are ignored; --write-xfail writes exactly the failing evals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/cli/cli_util.c"
#include "../../src/cli/cmd_test.c"
#include "../../src/cli/jsonstr.c"
#include "../../src/cli/numfmt.c"
#include "../../src/cli/pqt_atmod.c"
#include "../../src/cli/pqt_check.c"
#include "../../src/cli/promqltest.c"
#include "../../src/cli/timeparse.c"

static char dir[64];
static char script[128], listfile[128], outfile[128];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/pq_ratchet_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(script, sizeof script, "%s/r.test", dir);
    snprintf(listfile, sizeof listfile, "%s/list.xfail", dir);
    snprintf(outfile, sizeof outfile, "%s/out.xfail", dir);
    /* Line 4 passes, line 7 fails. */
    write_file(script, "load 1m\n  m 1 2 3\n\n"
                       "eval instant at 2m m\n  m 3\n\n"
                       "eval instant at 2m m\n  m 4\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(script);
    unlink(listfile);
    unlink(outfile);
    rmdir(dir);
    return 0;
}

static int ratchet_run(const char *list_text)
{
    char *argv[4];
    int argc = 0;
    if (list_text) {
        write_file(listfile, list_text);
        argv[argc++] = "--xfail";
        argv[argc++] = listfile;
    }
    argv[argc++] = script;
    return pq_cmd_test(argc, argv);
}

static void test_ratchet(void **state)
{
    (void)state;
    assert_int_equal(ratchet_run(NULL), PQ_EXIT_FAIL);                                      /* a failure */
    assert_int_equal(ratchet_run("r.test:7  # wrong result\n"), 0);                          /* expected */
    assert_int_equal(ratchet_run("# only a comment\n"), PQ_EXIT_FAIL);                       /* unlisted */
    assert_int_equal(ratchet_run("r.test:7  # x\nr.test:4  # y\n"), PQ_EXIT_FAIL);           /* now passes */
    assert_int_equal(ratchet_run("r.test:7  # x\nr.test:99  # gone\n"), PQ_EXIT_FAIL);       /* stale */
    assert_int_equal(ratchet_run("r.test:7\nother.test:3  # another script\n"), 0);         /* not run */
    assert_int_equal(ratchet_run("r.test\n"), PQ_EXIT_USAGE);                                /* malformed */
}

static void test_write_xfail(void **state)
{
    (void)state;
    char *argv[] = {"--write-xfail", outfile, script};
    assert_int_equal(pq_cmd_test(3, argv), 0);
    char err[256];
    size_t len;
    char *text = pq_cli_read_file(outfile, 1 << 20, &len, err, sizeof err);
    assert_non_null(text);
    assert_non_null(strstr(text, "\nr.test:7  # wrong result\n"));
    assert_null(strstr(text, "r.test:4"));
    free(text);
    /* The written list makes the run pass. */
    char *argv2[] = {"--xfail", outfile, script};
    assert_int_equal(pq_cmd_test(3, argv2), 0);
}

static void test_usage(void **state)
{
    (void)state;
    char *none[] = {"-v"};
    assert_int_equal(pq_cmd_test(1, none), PQ_EXIT_USAGE);
    char *bad[] = {"--frobnicate", "x.test"};
    assert_int_equal(pq_cmd_test(2, bad), PQ_EXIT_USAGE);
    char *missing[] = {"/nonexistent/x.test"};
    assert_int_equal(pq_cmd_test(1, missing), PQ_EXIT_FAIL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ratchet),
        cmocka_unit_test(test_write_xfail),
        cmocka_unit_test(test_usage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
