/*
 * fuzz_parse.c -- libFuzzer target over the parser: any input must parse or fail cleanly (no
 * crash, leak, or read past the end: the input is handed over without a NUL terminator).
 * When it parses, the canonical printed form must parse again and print identically
 * (printer/parser round trip; PQ_FUZZ_NO_ROUNDTRIP=1 turns that part off).
 *
 * Seed corpus fuzz/corpus/parse/: hand-written seed_* files plus every eighth distinct query of
 * the upstream promqltest scripts, made from the repository root with
 *   grep -h '^eval' ../shared/promqltest-upstream/[a-z]*.test \
 *     | sed -E 's/^eval(_fail)? (instant at [^ ]+|range from [^ ]+ to [^ ]+ step [^ ]+) //' \
 *     | sort -u | awk 'NR % 8 == 1' | split -l 1 -d -a 3 - fuzz/corpus/parse/eval_
 * Dictionary: fuzz/parse.dict (keywords, function names, operators).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* PQ_FUZZ_NO_ROUNDTRIP=1 fuzzes the parser alone (e.g. while a printer bug is open). */
static int no_round_trip(void)
{
    static int cached = -1;
    if (cached < 0) {
        const char *v = getenv("PQ_FUZZ_NO_ROUNDTRIP");
        cached = v && *v && *v != '0';
    }
    return cached;
}

static int may_hold_nul(const char *q, size_t n)
{
    static const char *const escapes[] = {"\\x00", "\\000", "\\u0000", "\\U00000000"};
    if (memchr(q, 0, n))
        return 1;
    for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++)
        if (memmem(q, n, escapes[i], strlen(escapes[i])))
            return 1;
    return 0;
}

/* Whether a printed query has an offset written as a duration expression ("offset (1m)",
 * "offset 8 - (8 - 2)", "offset step()"): Prometheus prints a plain offset as a duration with
 * units ("8s") and an expression as written, and its grammar lets an expression offset swallow
 * the operators after it, so such a print need not reparse to the same tree upstream either. */
static int offset_is_expression(const char *p)
{
    while ((p = strstr(p, "offset "))) {
        p += 7;
        const char *q = p;
        if (*q == '-')
            q++;
        if (!isdigit((unsigned char)*q))
            return 1;
        while (isdigit((unsigned char)*q) || *q == '.')
            q++;
        if (!isalpha((unsigned char)*q))
            return 1;   /* a bare number: a duration expression's literal */
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    /* an exact-size copy, so ASan catches any read past the end */
    char *q = malloc(size ? size : 1);
    if (!q)
        return 0;
    if (size)
        memcpy(q, data, size);
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, size, NULL, &ast, &err) == 0) {
        /* NUL bytes in strings cannot survive a NUL-terminated printed form: no round trip */
        char *printed = (no_round_trip() || may_hold_nul(q, size)) ? NULL : pq_format(ast->root);
        /* Prometheus prints +Inf with its sign, so "+Inf ^ x" reparses as +(Inf ^ x): the
         * upstream printer is not idempotent there either. */
        if (printed && strstr(printed, "+Inf")) {
            free(printed);
            printed = NULL;
        }
        if (printed) {
            pq_ast *again = NULL;
            promql_error err2;
            if (pq_parse(printed, strlen(printed), NULL, &again, &err2) != 0) {
                /* Upstream quirk: a parenthesised offset duration swallows the duration
                 * operators after it, so "x @ end() offset (1m) - y" (the printed order of
                 * "x offset (1m) @ end() - y") does not parse in Prometheus either. */
                if (offset_is_expression(printed))
                    goto done;
                abort();   /* the printed form of a valid query must parse */
            }
            char *reprinted = pq_format(again->root);
            if (reprinted && strcmp(printed, reprinted) != 0 && !offset_is_expression(printed))
                abort();   /* and print identically */
            free(reprinted);
            pq_ast_free(again);
        done:
            free(printed);
        }
        pq_ast_free(ast);
    } else if (ast != NULL || err.message[0] == 0) {
        abort();           /* a failure must say why and leave nothing behind */
    }
    free(q);
    return 0;
}
