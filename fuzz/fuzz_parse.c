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
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

/* Upstream quirk: after "offset", a bare number ends the modifier ("x offset 50 - 48" is
 * "(x offset 50s) - 48": yacc resolves that reduce/reduce conflict to the first rule), while
 * "x offset - -50 - 48" can only be one duration expression, which prints as "offset 50 - 48"
 * without parentheses, as Prometheus's printer prints it. Such a printed form parses, but not
 * back into the same tree; we reproduce Prometheus, so that case is exempt from identity. */
static bool has_bare_offset_expression(const pq_node *n)
{
    if (!n)
        return false;
    const pq_modifiers *mod = NULL;
    switch (n->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        mod = &n->u.selector.mod;
        break;
    case PQ_NODE_MATRIX_SELECTOR:
        return has_bare_offset_expression(n->u.matrix.vs);
    case PQ_NODE_SUBQUERY:
        mod = &n->u.subquery.mod;
        if (has_bare_offset_expression(n->u.subquery.expr))
            return true;
        break;
    case PQ_NODE_UNARY:
        return has_bare_offset_expression(n->u.unary.expr);
    case PQ_NODE_BINARY:
        return has_bare_offset_expression(n->u.binary.lhs) || has_bare_offset_expression(n->u.binary.rhs);
    case PQ_NODE_PAREN:
        return has_bare_offset_expression(n->u.paren.expr);
    case PQ_NODE_CALL:
        for (size_t i = 0; i < n->u.call.arg_count; i++)
            if (has_bare_offset_expression(n->u.call.args[i]))
                return true;
        return false;
    case PQ_NODE_AGGREGATE:
        return has_bare_offset_expression(n->u.aggregate.expr) || has_bare_offset_expression(n->u.aggregate.param);
    case PQ_NODE_STEP_INVARIANT:
        return has_bare_offset_expression(n->u.step_invariant.expr);
    default:
        return false;
    }
    const pq_node *e = mod->offset_expr;
    return e && e->kind == PQ_NODE_DURATION && !e->u.duration.wrapped;
}

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
        bool offset_quirk = has_bare_offset_expression(ast->root);
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
                if (strstr(printed, "offset (") || strstr(printed, "offset -("))
                    goto done;
                abort();   /* the printed form of a valid query must parse */
            }
            char *reprinted = pq_format(again->root);
            if (reprinted && strcmp(printed, reprinted) != 0 && !offset_quirk)
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
