/*
 * parse_internal.h -- what the lemon grammar (grammar/promql.y), the parse driver (parse.c),
 * the grammar actions (parse_actions.c) and the type checker (check.c) share: the parse
 * context, the small list types the grammar builds, and the action helpers.
 *
 * Everything is allocated in the AST arena. Only the first error counts (Prometheus reports
 * the first of its ParseErrors), so after it the driver stops feeding tokens and actions may
 * see NULL children: every helper tolerates them.
 */
#ifndef PQ_PARSE_INTERNAL_H
#define PQ_PARSE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/functions.h"
#include "promql/promql.h"

typedef struct pq_parse_ctx {
    pq_arena *arena;
    const char *input;
    size_t len;
    const promql_parse_options *opts;
    pq_node *root;
    /* first error */
    bool has_error;
    char message[PROMQL_ERROR_MESSAGE_MAX];
    uint32_t err_start, err_end;
    /* the token the parser failed on (set by %syntax_error) */
    pq_token bad_token;
    bool bad_token_set;
    bool oom;
    /* end of the last token the parser consumed before the current lookahead: Prometheus's
     * "lastClosing" at the moments it uses it (ends of offset and @ modifiers) */
    uint32_t last_end;
} pq_parse_ctx;

/* A growable array of node pointers, label names or matchers (arena memory). */
typedef struct pq_nodelist {
    pq_node **items;
    size_t count, cap;
    uint32_t pos_start, pos_end;
} pq_nodelist;

typedef struct pq_label_item {
    char *name;
    uint32_t pos, end;
} pq_label_item;

typedef struct pq_labellist {
    char **items;
    size_t count, cap;
    uint32_t end;     /* end of the closing ')' */
} pq_labellist;

typedef struct pq_matcherlist {
    pq_matcher *items;
    size_t count, cap;
} pq_matcherlist;

/* bin_modifier: what goes between a binary operator and its right operand. */
typedef struct pq_binmod {
    bool return_bool;
    pq_vector_matching vm;
} pq_binmod;

/* label_matchers before assembly into a selector */
typedef struct pq_braces {
    pq_matcherlist *list;   /* may be NULL for "{}" */
    uint32_t pos, end;
} pq_braces;

/* A name written as a metric identifier (token text) or as a quoted string (unquoted). */
typedef struct pq_name {
    char *value;
    uint32_t pos, end;
    bool quoted;
} pq_name;

/* errors */
void pq_ctx_error(pq_parse_ctx *ctx, uint32_t start, uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void pq_ctx_oom(pq_parse_ctx *ctx);
/* Prometheus's parser.unexpected(context, expected) on the token recorded by %syntax_error. */
void pq_ctx_unexpected(pq_parse_ctx *ctx, const char *context, const char *expected);
void pq_ctx_syntax_error(pq_parse_ctx *ctx, int major, const pq_token *tok);

/* token helpers */
char *pq_tok_text(pq_parse_ctx *ctx, const pq_token *t);
char *pq_unquote_token(pq_parse_ctx *ctx, const pq_token *t, size_t *len);
/* Go's strutil.Unquote; returns 0 or -1 (invalid syntax). *out is arena memory. */
int pq_unquote(pq_arena *a, const char *s, size_t n, char **out, size_t *outlen);
int pq_parse_number_text(const char *s, size_t n, double *out, char *err, size_t errlen);
int pq_parse_duration_text(const char *s, size_t n, int64_t *ms_out, double *seconds, char *err,
                           size_t errlen);

/* builders used by the grammar */
pq_node *pq_act_number(pq_parse_ctx *ctx, const pq_token *t);
pq_node *pq_act_duration(pq_parse_ctx *ctx, const pq_token *t);
double pq_act_number_value(pq_parse_ctx *ctx, const pq_token *t);
pq_node *pq_act_string(pq_parse_ctx *ctx, const pq_token *t);
pq_node *pq_act_paren(pq_parse_ctx *ctx, const pq_token *l, pq_node *e, const pq_token *r);
pq_node *pq_act_unary(pq_parse_ctx *ctx, const pq_token *op, pq_node *e);
pq_node *pq_act_binary(pq_parse_ctx *ctx, pq_node *lhs, const pq_token *op, pq_binmod *mod, pq_node *rhs);
pq_binmod *pq_act_binmod(pq_parse_ctx *ctx, bool return_bool);
pq_binmod *pq_act_on_ignoring(pq_parse_ctx *ctx, pq_binmod *m, bool on, pq_labellist *labels);
pq_binmod *pq_act_group(pq_parse_ctx *ctx, pq_binmod *m, pq_card card, pq_labellist *labels);
pq_binmod *pq_act_fill(pq_parse_ctx *ctx, pq_binmod *m, pq_node *lhs, pq_node *rhs);
pq_node *pq_act_fill_value(pq_parse_ctx *ctx, const pq_token *sign, pq_node *nl);

pq_labellist *pq_labellist_new(pq_parse_ctx *ctx);
pq_labellist *pq_labellist_add(pq_parse_ctx *ctx, pq_labellist *l, const pq_label_item *item);
pq_label_item pq_act_grouping_label(pq_parse_ctx *ctx, const pq_token *t, bool quoted);

pq_nodelist *pq_nodelist_add(pq_parse_ctx *ctx, pq_nodelist *l, pq_node *n);
pq_node *pq_act_aggregate(pq_parse_ctx *ctx, const pq_token *op, pq_node *modifier, pq_nodelist *args,
                          const pq_token *rparen_end);
pq_node *pq_act_agg_modifier(pq_parse_ctx *ctx, bool without, pq_labellist *labels, uint32_t end);
pq_node *pq_act_call(pq_parse_ctx *ctx, const pq_token *name, pq_nodelist *args, uint32_t end);

pq_name pq_act_name_token(pq_parse_ctx *ctx, const pq_token *t);
pq_name pq_act_name_string(pq_parse_ctx *ctx, const pq_token *t);
pq_matcherlist *pq_matcherlist_add(pq_parse_ctx *ctx, pq_matcherlist *l, pq_matcher *m);
pq_matcher *pq_act_matcher(pq_parse_ctx *ctx, const pq_name *label, const pq_token *op, const pq_token *value);
pq_matcher *pq_act_name_matcher(pq_parse_ctx *ctx, const pq_name *name);
pq_braces *pq_act_braces(pq_parse_ctx *ctx, const pq_token *l, pq_matcherlist *list, const pq_token *r);
pq_node *pq_act_selector(pq_parse_ctx *ctx, const pq_token *name, pq_braces *b);

pq_node *pq_act_offset(pq_parse_ctx *ctx, pq_node *e, pq_node *dur);
pq_node *pq_act_anchored(pq_parse_ctx *ctx, pq_node *e, const pq_token *kw, bool smoothed);
pq_node *pq_act_at_number(pq_parse_ctx *ctx, pq_node *e, double ts, uint32_t end);
pq_node *pq_act_at_preproc(pq_parse_ctx *ctx, pq_node *e, const pq_token *which, uint32_t end);
pq_node *pq_act_matrix(pq_parse_ctx *ctx, pq_node *e, const pq_token *lb, pq_node *range, const pq_token *rb);
pq_node *pq_act_subquery(pq_parse_ctx *ctx, pq_node *e, pq_node *range, pq_node *step, const pq_token *rb);

/* duration expressions */
pq_node *pq_act_dur_literal(pq_parse_ctx *ctx, pq_node *nl);
pq_node *pq_act_dur_unary(pq_parse_ctx *ctx, const pq_token *op, pq_node *e, bool wrapped);
pq_node *pq_act_dur_binary(pq_parse_ctx *ctx, pq_node *lhs, const pq_token *op, pq_node *rhs);
pq_node *pq_act_dur_call(pq_parse_ctx *ctx, const pq_token *kw, const pq_token *rparen);
pq_node *pq_act_dur_minmax(pq_parse_ctx *ctx, const pq_token *kw, pq_node *a, pq_node *b, const pq_token *rparen);
pq_node *pq_act_dur_paren(pq_parse_ctx *ctx, const pq_token *l, pq_node *e, const pq_token *r);
pq_node *pq_act_dur_signed(pq_parse_ctx *ctx, const pq_token *op, pq_node *inner);
pq_node *pq_act_dur_positive(pq_parse_ctx *ctx, pq_node *e);
pq_node *pq_act_offset_literal(pq_parse_ctx *ctx, const pq_token *sign, pq_node *nl);

/* type checking (check.c) */
void pq_check(pq_parse_ctx *ctx, pq_node *root);

/* lemon entry points (generated) */
void *pqParseAlloc(void *(*mallocProc)(size_t), pq_parse_ctx *ctx);
void pqParse(void *parser, int major, pq_token minor);
void pqParseFree(void *parser, void (*freeProc)(void *));
void pqParsePendingReductions(void *parser);

#endif
