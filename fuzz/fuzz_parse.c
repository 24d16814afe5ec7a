/*
 * fuzz_parse.c -- libFuzzer target over the parser: any input must parse or fail cleanly (no
 * crash, leak, or read past the end: the input is handed over without a NUL terminator).
 * When it parses, the canonical printed form must parse again and print identically
 * (printer/parser round trip).
 *
 * Seed corpus fuzz/corpus/parse/: hand-written seed_* files plus every eighth distinct query of
 * the upstream promqltest scripts, made from the repository root with
 *   grep -h '^eval' ../shared/promqltest-upstream/[a-z]*.test \
 *     | sed -E 's/^eval(_fail)? (instant at [^ ]+|range from [^ ]+ to [^ ]+ step [^ ]+) //' \
 *     | sort -u | awk 'NR % 8 == 1' | split -l 1 -d -a 3 - fuzz/corpus/parse/eval_
 * Dictionary: fuzz/parse.dict (keywords, function names, operators).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
        char *printed = pq_format(ast->root);
        if (printed) {
            pq_ast *again = NULL;
            promql_error err2;
            if (pq_parse(printed, strlen(printed), NULL, &again, &err2) != 0)
                abort();   /* the printed form of a valid query must parse */
            char *reprinted = pq_format(again->root);
            if (reprinted && strcmp(printed, reprinted) != 0)
                abort();   /* and print identically */
            free(reprinted);
            pq_ast_free(again);
            free(printed);
        }
        pq_ast_free(ast);
    } else if (ast != NULL || err.message[0] == 0) {
        abort();           /* a failure must say why and leave nothing behind */
    }
    free(q);
    return 0;
}
