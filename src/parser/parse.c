/*
 * parse.c -- the parse driver: feeds the lexer's tokens to the lemon parser, runs the type
 * checker, and turns the first error into a promql_error with Prometheus's
 * "line:col: parse error: message" text. The AST arena is freed on every error path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"
#include "parser/parser.h"
#include "promql_parser.h"

static void fill_error(promql_error *err, const pq_parse_ctx *ctx, const char *query, size_t len)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = ctx->oom ? PROMQL_ERR_RESOURCE : PROMQL_ERR_BAD_DATA;
    err->pos_start = ctx->err_start;
    err->pos_end = ctx->err_end;
    if (len == 0) {
        /* posrange.StartPosInput of an empty query */
        snprintf(err->message, sizeof err->message, "unknown position: parse error: %.3900s", ctx->message);
        err->line = 0;
        err->column = 0;
        return;
    }
    pq_position_line_col(query, len, ctx->err_start, &err->line, &err->column);
    snprintf(err->message, sizeof err->message, "%d:%d: parse error: %.3900s", err->line, err->column, ctx->message);
}

static void simple_error(promql_error *err, promql_error_code code, const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->pos_start = -1;
    err->pos_end = -1;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

int pq_parse(const char *query, size_t len, const promql_parse_options *opts_in, pq_ast **out,
             promql_error *err)
{
    promql_parse_options opts;
    if (opts_in)
        opts = *opts_in;
    else
        promql_parse_options_init(&opts);
    if (opts.max_depth <= 0)
        opts.max_depth = PQ_DEFAULT_MAX_DEPTH;
    *out = NULL;
    if (!query && len > 0) {
        simple_error(err, PROMQL_ERR_BAD_DATA, "query is NULL");
        return -1;
    }
    if (len > UINT32_MAX / 2) {
        simple_error(err, PROMQL_ERR_BAD_DATA, "query too long");
        return -1;
    }
    if (opts.max_query_length && len > opts.max_query_length) {
        char msg[128];
        snprintf(msg, sizeof msg, "query length %zu exceeds the limit of %zu bytes", len, opts.max_query_length);
        simple_error(err, PROMQL_ERR_BAD_DATA, msg);
        return -1;
    }
    pq_ast *ast = calloc(1, sizeof *ast);
    if (!ast) {
        simple_error(err, PROMQL_ERR_RESOURCE, "out of memory");
        return -1;
    }
    pq_arena_init(&ast->arena, 0);
    char *copy = pq_arena_alloc(&ast->arena, len + 1);
    if (!copy) {
        pq_arena_free(&ast->arena);
        free(ast);
        simple_error(err, PROMQL_ERR_RESOURCE, "out of memory");
        return -1;
    }
    if (len)
        memcpy(copy, query, len);
    copy[len] = 0;
    ast->query = copy;
    ast->query_len = len;

    pq_parse_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = &ast->arena;
    ctx.input = copy;
    ctx.len = len;
    ctx.opts = &opts;

    void *parser = pqParseAlloc(malloc, &ctx);
    if (!parser) {
        pq_arena_free(&ast->arena);
        free(ast);
        simple_error(err, PROMQL_ERR_RESOURCE, "out of memory");
        return -1;
    }
    pq_lexer lex;
    pq_lexer_init(&lex, copy, len);
    for (;;) {
        pq_token tok;
        int t = pq_lexer_next(&lex, &tok);
        if (t == PQ_TOKEN_COMMENT)
            continue;
        if (t == PQ_TOKEN_ERROR) {
            pqParsePendingReductions(parser);
            pq_ctx_error(&ctx, tok.pos, (uint32_t)len, "%s", lex.error);
            break;
        }
        if (lex.paren_depth > opts.max_depth) {
            pq_ctx_error(&ctx, tok.pos, tok.pos + tok.len, "query is nested too deeply (more than %d levels)",
                         opts.max_depth);
            break;
        }
        pqParse(parser, t, tok);
        ctx.last_end = tok.pos + tok.len;
        /* A syntax error whose recovery ran no error production still fails the parse (with
         * goyacc's fallback message) rather than letting recovery accept the input. */
        if (ctx.bad_token_set && !ctx.has_error)
            pq_ctx_unexpected(&ctx, "", "");
        if (ctx.has_error)
            break;
        if (t == TK_EOF) {
            pqParse(parser, 0, tok);
            break;
        }
    }
    pqParseFree(parser, free);

    if (!ctx.has_error && !ctx.root)
        pq_ctx_error(&ctx, 0, 0, "no expression found in input");
    if (!ctx.has_error)
        pq_check(&ctx, ctx.root);
    if (!ctx.has_error && ast->arena.failed)
        pq_ctx_oom(&ctx);
    if (ctx.has_error) {
        fill_error(err, &ctx, copy, len);
        pq_arena_free(&ast->arena);
        free(ast);
        return -1;
    }
    ast->root = ctx.root;
    if (err) {
        memset(err, 0, sizeof *err);
        err->pos_start = err->pos_end = -1;
    }
    *out = ast;
    return 0;
}

void pq_ast_free(pq_ast *ast)
{
    if (!ast)
        return;
    pq_arena_free(&ast->arena);
    free(ast);
}
