/*
 * cmd_test.c -- `promql-eval test [-v] [--xfail FILE | --write-xfail FILE] SCRIPT...`: runs
 * promqltest scripts, prints each failure (file:line, the query, the failure, the expected and
 * the obtained result) and closes with the line `N passed, N failed`.
 *
 * The conformance ratchet: with --xfail, evals listed as `file.test:LINE  # reason` may fail
 * without failing the run; a listed eval that passes fails the run (the list may only shrink),
 * as does an entry that names no eval of a script that was run. --write-xfail writes the list
 * of the current failures instead, each with its failure kind as the reason.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/promqltest.h"

#define MAX_SCRIPT_BYTES (64u << 20)

typedef struct xfail_entry {
    char *key;          /* "file.test:LINE" */
    bool used;
} xfail_entry;

typedef struct test_state {
    bool verbose;
    xfail_entry *xfail;
    size_t nxfail;
    FILE *write_xfail;
    size_t passed, failed, xfailed;
    const char *current_base;
} test_state;

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void print_indented(const char *label, const char *text)
{
    if (!text || !*text)
        return;
    printf("  %s:\n", label);
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("    %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

static xfail_entry *find_xfail(test_state *st, const char *key)
{
    for (size_t i = 0; i < st->nxfail; i++)
        if (strcmp(st->xfail[i].key, key) == 0)
            return &st->xfail[i];
    return NULL;
}

static void on_item(void *arg, const pqt_item *it)
{
    test_state *st = arg;
    char key[1024];
    snprintf(key, sizeof key, "%s:%d", base_name(it->file), it->line);
    xfail_entry *x = find_xfail(st, key);
    if (x)
        x->used = true;
    bool failed = it->failure != PQT_OK;
    if (st->write_xfail && failed) {
        /* One line per failing eval; the reason is the failure kind. */
        fprintf(st->write_xfail, "%s  # %s\n", key, pqt_failure_name(it->failure));
    }
    if (failed && x) {
        st->xfailed++;
        if (st->verbose)
            printf("XFAIL %s:%d: %s\n", it->file, it->line, it->expr);
        return;
    }
    if (!failed && x) {
        st->failed++;
        printf("FAIL %s:%d: %s\n  xfail now passes: remove it from the list\n", it->file, it->line, it->expr);
        return;
    }
    if (!failed) {
        st->passed++;
        if (st->verbose)
            printf("PASS %s:%d: %s\n", it->file, it->line, it->expr);
        return;
    }
    st->failed++;
    if (st->write_xfail && !st->verbose)
        return;
    printf("FAIL %s:%d: %s\n", it->file, it->line, it->expr);
    printf("  %s: %s\n", pqt_failure_name(it->failure), it->message ? it->message : "");
    if (it->variant)
        printf("  variant: %s\n", it->variant);
    print_indented("expected", it->expected);
    print_indented("got", it->got);
}

static int load_xfail(test_state *st, const char *path)
{
    char err[512];
    size_t len;
    char *data = pq_cli_read_file(path, MAX_SCRIPT_BYTES, &len, err, sizeof err);
    if (!data) {
        fprintf(stderr, "promql-eval: %s\n", err);
        return -1;
    }
    size_t cap = 0;
    int lineno = 0;
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *s = line;
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        char *e = s + strlen(s);
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            *--e = '\0';
        if (*s) {
            char *colon = strrchr(s, ':');
            if (!colon || colon == s || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1) ||
                strpbrk(s, " \t")) {
                fprintf(stderr, "promql-eval: %s:%d: expected 'file.test:LINE  # reason', got \"%s\"\n", path, lineno, s);
                free(data);
                return -1;
            }
            if (st->nxfail == cap) {
                cap = cap ? cap * 2 : 256;
                xfail_entry *g = realloc(st->xfail, cap * sizeof *g);
                if (!g) {
                    free(data);
                    fprintf(stderr, "promql-eval: out of memory\n");
                    return -1;
                }
                st->xfail = g;
            }
            st->xfail[st->nxfail].key = strdup(s);
            st->xfail[st->nxfail].used = false;
            if (!st->xfail[st->nxfail].key) {
                free(data);
                return -1;
            }
            st->nxfail++;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
    return 0;
}

int pq_cmd_test(int argc, char **argv)
{
    test_state st;
    memset(&st, 0, sizeof st);
    const char *xfail_path = NULL, *write_path = NULL;
    int first = argc;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            st.verbose = true;
        } else if (strcmp(a, "--xfail") == 0 || strcmp(a, "--write-xfail") == 0) {
            if (i + 1 >= argc)
                return pq_cli_usage_error("%s needs a file argument", a);
            if (a[2] == 'x')
                xfail_path = argv[++i];
            else
                write_path = argv[++i];
        } else if (strncmp(a, "--xfail=", 8) == 0) {
            xfail_path = a + 8;
        } else if (strncmp(a, "--write-xfail=", 14) == 0) {
            write_path = a + 14;
        } else if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (a[0] == '-' && a[1]) {
            return pq_cli_usage_error("test: unknown flag %s (usage: promql-eval test [-v] [--xfail FILE] [--write-xfail FILE] SCRIPT...)", a);
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc)
        return pq_cli_usage_error("test: no script given (usage: promql-eval test [-v] [--xfail FILE] SCRIPT...)");
    if (xfail_path && write_path)
        return pq_cli_usage_error("test: --xfail and --write-xfail exclude each other");
    if (xfail_path && load_xfail(&st, xfail_path) != 0)
        return PQ_EXIT_USAGE;
    if (write_path) {
        st.write_xfail = fopen(write_path, "w");
        if (!st.write_xfail) {
            fprintf(stderr, "promql-eval: cannot write %s: %s\n", write_path, strerror(errno));
            return PQ_EXIT_USAGE;
        }
        fprintf(st.write_xfail, "# Upstream promqltest evals that do not pass yet, one 'file.test:LINE  # reason' per line.\n"
                                "# Generated by 'promql-eval test --write-xfail'; the list may only shrink.\n");
    }
    pqt_config cfg;
    memset(&cfg, 0, sizeof cfg);
    int rc = 0;
    for (int i = first; i < argc; i++) {
        char err[512];
        size_t len;
        char *data = pq_cli_read_file(argv[i], MAX_SCRIPT_BYTES, &len, err, sizeof err);
        if (!data) {
            printf("FAIL %s: %s\n", argv[i], err);
            fprintf(stderr, "promql-eval: %s\n", err);
            st.failed++;
            continue;
        }
        st.current_base = base_name(argv[i]);
        if (pqt_run_script(argv[i], data, len, &cfg, on_item, &st, err, sizeof err) != 0) {
            printf("FAIL %s: %s\n", argv[i], err);
            st.failed++;
        }
        /* Entries naming this script but no eval of it are stale. */
        size_t blen = strlen(st.current_base);
        for (size_t k = 0; k < st.nxfail; k++) {
            const char *key = st.xfail[k].key;
            if (!st.xfail[k].used && strncmp(key, st.current_base, blen) == 0 && key[blen] == ':') {
                st.xfail[k].used = true;
                st.failed++;
                printf("FAIL %s: xfail entry names no eval or failing command of %s: remove it from the list\n", key,
                       argv[i]);
            }
        }
        free(data);
    }
    if (st.write_xfail) {
        if (fclose(st.write_xfail) != 0) {
            fprintf(stderr, "promql-eval: cannot write %s\n", write_path);
            rc = PQ_EXIT_FAIL;
        }
        printf("wrote %zu entries to %s\n", st.failed, write_path);
    }
    if (xfail_path)
        printf("%zu xfailed (listed in %s)\n", st.xfailed, xfail_path);
    printf("%zu passed, %zu failed\n", st.passed, st.failed);
    for (size_t k = 0; k < st.nxfail; k++)
        free(st.xfail[k].key);
    free(st.xfail);
    fflush(stdout);
    if (write_path)
        return rc;
    return st.failed ? PQ_EXIT_FAIL : 0;
}
