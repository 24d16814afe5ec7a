/*
 * parse.c -- the public parsing entry points: options, promql_parse (a pq_parse wrapped in an
 * opaque handle), promql_expr_free, plus the library's version and error-name calls.
 */
#include <stdlib.h>
#include <string.h>

#include "api/expr.h"
#include "promql/promql.h"

unsigned promql_version_number(void)
{
    return PROMQL_VERSION_NUMBER;
}

const char *promql_version_string(void)
{
    return PROMQL_VERSION_STRING;
}

const char *promql_error_type_name(promql_error_code code)
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

void promql_parse_options_init(promql_parse_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->enable_experimental_functions = 1;
    opts->enable_extended_range_selectors = 1;
    opts->enable_binop_fill_modifiers = 1;
    opts->max_depth = 256;
}

promql_error_code promql_parse(const char *query, size_t len, const promql_parse_options *opts, promql_expr **out,
                               promql_error *err)
{
    promql_error local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    err->pos_start = err->pos_end = -1;
    if (!out)
        return PROMQL_ERR_BAD_DATA;
    *out = NULL;
    promql_expr *e = calloc(1, sizeof *e);
    if (!e) {
        err->code = PROMQL_ERR_RESOURCE;
        strcpy(err->message, "out of memory");
        return err->code;
    }
    if (pq_parse(query ? query : "", query ? len : 0, opts, &e->ast, err) != 0) {
        free(e);
        if (err->code == PROMQL_OK)
            err->code = PROMQL_ERR_BAD_DATA;
        return err->code;
    }
    *out = e;
    return PROMQL_OK;
}

void promql_expr_free(promql_expr *expr)
{
    if (!expr)
        return;
    pq_ast_free(expr->ast);
    free(expr);
}
