/*
 * fuzz_printer.c -- libFuzzer target over the printers: for every input that parses, the
 * canonical form, the prettified form (at Prometheus's 100-column limit and at a 10-column
 * limit, which splits nearly everything) and the AST JSON must be produced without a crash or
 * leak, and each prettified form must parse back to the same canonical form.
 *
 * Seed corpus: fuzz/corpus/parse/ (the parser's), dictionary fuzz/parse.dict.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "parser/printer_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *canonical_of(const char *q, size_t len)
{
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, len, NULL, &ast, &err) != 0)
        return NULL;
    char *s = pq_format(ast->root);
    pq_ast_free(ast);
    return s;
}

/* Whether the query may hold a NUL inside a string: matcher values and label names are C
 * strings in the AST, so such a value is cut at the NUL and cannot round-trip (known limitation
 * of pq_matcher, which has no length; printing still must not crash). */
static bool may_hold_nul(const char *q, size_t n)
{
    static const char *const escapes[] = {"\\x00", "\\000", "\\u0000", "\\U00000000"};
    if (memchr(q, 0, n))
        return true;
    for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++)
        if (memmem(q, n, escapes[i], strlen(escapes[i])))
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *q = malloc(size ? size : 1);   /* exact size: ASan sees any read past the end */
    if (!q)
        return 0;
    if (size)
        memcpy(q, data, size);
    pq_ast *ast = NULL;
    promql_error err;
    if (pq_parse(q, size, NULL, &ast, &err) == 0) {
        char *canonical = pq_format(ast->root);
        static const size_t limits[] = {100, 10};
        for (size_t i = 0; canonical && i < sizeof limits / sizeof limits[0]; i++) {
            char *pretty = pq_format_pretty_limit(ast->root, limits[i]);
            if (pretty) {
                char *back = canonical_of(pretty, strlen(pretty));
                if ((!back || strcmp(back, canonical) != 0) && !may_hold_nul(q, size))
                    abort();   /* the pretty form must be the same query */
                free(back);
                free(pretty);
            }
        }
        char *json = pq_ast_to_json(ast->root, q, size);
        if (json && json[0] != '{')
            abort();
        free(json);
        free(canonical);
        pq_ast_free(ast);
    }
    free(q);
    return 0;
}
