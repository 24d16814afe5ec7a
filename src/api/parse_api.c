/*
 * parse_api.c -- the public parsing API of promql.h: options, promql_parse, printing and JSON
 * wrappers (the printer layer's pq_format, pq_format_pretty, pq_ast_to_json), version and
 * error-type names. A promql_expr simply owns a pq_ast.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "promql/promql.h"

struct promql_expr {
    pq_ast *ast;
};

PROMQL_API void promql_parse_options_init(promql_parse_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->enable_experimental_functions = 1;
    opts->enable_extended_range_selectors = 1;
    opts->enable_binop_fill_modifiers = 1;
    opts->max_query_length = 0;
    opts->max_depth = PQ_DEFAULT_MAX_DEPTH;
}

PROMQL_API promql_error_code promql_parse(const char *query, size_t len, const promql_parse_options *opts,
                                          promql_expr **out, promql_error *err)
{
    if (!out)
        return PROMQL_ERR_INTERNAL;
    *out = NULL;
    pq_ast *ast = NULL;
    promql_error local;
    promql_error *e = err ? err : &local;
    if (pq_parse(query, len, opts, &ast, e) != 0)
        return e->code ? e->code : PROMQL_ERR_BAD_DATA;
    promql_expr *x = malloc(sizeof *x);
    if (!x) {
        pq_ast_free(ast);
        memset(e, 0, sizeof *e);
        e->code = PROMQL_ERR_RESOURCE;
        e->pos_start = e->pos_end = -1;
        strcpy(e->message, "out of memory");
        return PROMQL_ERR_RESOURCE;
    }
    x->ast = ast;
    *out = x;
    return PROMQL_OK;
}

PROMQL_API void promql_expr_free(promql_expr *expr)
{
    if (!expr)
        return;
    pq_ast_free(expr->ast);
    free(expr);
}

PROMQL_API char *promql_expr_format(const promql_expr *expr, int pretty)
{
    if (!expr || !expr->ast)
        return NULL;
    return pretty ? pq_format_pretty(expr->ast->root) : pq_format(expr->ast->root);
}

PROMQL_API char *promql_expr_to_json(const promql_expr *expr)
{
    if (!expr || !expr->ast)
        return NULL;
    return pq_ast_to_json(expr->ast->root, expr->ast->query, expr->ast->query_len);
}

PROMQL_API unsigned promql_version_number(void)
{
    return PROMQL_VERSION_NUMBER;
}

PROMQL_API const char *promql_version_string(void)
{
    return PROMQL_VERSION_STRING;
}

PROMQL_API const char *promql_error_type_name(promql_error_code code)
{
    switch (code) {
    case PROMQL_OK: return "";
    case PROMQL_ERR_BAD_DATA: return "bad_data";
    case PROMQL_ERR_EXECUTION: return "execution";
    case PROMQL_ERR_TIMEOUT: return "timeout";
    case PROMQL_ERR_CANCELED: return "canceled";
    case PROMQL_ERR_TOO_MANY_SAMPLES: return "execution";
    case PROMQL_ERR_STORAGE: return "internal";
    case PROMQL_ERR_RESOURCE: return "execution";
    case PROMQL_ERR_INTERNAL: return "internal";
    }
    return "internal";
}
