/*
 * promql.y -- the PromQL grammar (lemon input; CMake generates build/gen/promql_parser.{c,h}).
 *
 * It follows Prometheus 3.14's promql/parser/generated_parser.y rule for rule where it can.
 * goyacc silently resolves that grammar's conflicts (shift over reduce, earlier rule over later);
 * lemon refuses conflicts, so the places where goyacc's resolution decides the language are
 * spelled out here instead:
 *  - outside brackets a number is always an expression, never a duration expression;
 *  - after "offset" a literal, step(), range(), min_of/max_of(...) or a signed one ends the
 *    offset, while a parenthesised duration swallows the duration operators that follow it
 *    (offset_paren_chain), as goyacc's shift preference does;
 *  - "group_left (" always starts the include label list, "fill(" after an operator is a
 *    fill modifier.
 * Every postfix modifier ([...], offset, @, anchored, smoothed) binds tighter than any binary
 * operator; unary minus binds like '*' (so -1^2 is -(1^2)).
 *
 * Actions are one call into parse_actions.c (helpers tolerate NULL children: after the first
 * error the driver stops, and Prometheus reports only the first error anyway).
 */

%name pqParse
%token_prefix TK_
%token_type {pq_token}
%default_type {pq_node *}
%extra_context {pq_parse_ctx *ctx}
%stack_size 2000

/* Ownership: every semantic value (nodes, lists, names) lives in the AST arena, which the
 * driver frees in one call on success and on every error path; tokens are offsets into the
 * query. So the destructors lemon runs while unwinding after a syntax error have nothing to
 * free: they are explicit no-ops rather than missing. */
%default_destructor { (void)$$; }
%token_destructor { (void)$$; }

%include {
#include <assert.h>
#include <string.h>
#include "parser/parse_internal.h"
}

/* One helper records the offending token; the error productions below turn it into
 * Prometheus's "unexpected X in Y, expected Z" message. */
%syntax_error { pq_ctx_syntax_error(ctx, yymajor, &yyminor); }
%stack_overflow { pq_ctx_error(ctx, 0, 0, "query too complex: parser stack overflow"); }
%parse_failure { if (!ctx->has_error) pq_ctx_unexpected(ctx, "", ""); }

/* Tokens only the lexer produces (or that are never in a rule). */
%token EOF ERROR COMMENT IDENTIFIER METRIC_IDENTIFIER NUMBER DURATION STRING.

/* Precedence, lowest first. LOWEST resolves the two deliberate shift preferences. */
%nonassoc LOWEST.
%left LOR.
%left LAND LUNLESS.
%left EQLC GTE GTR LSS LTE NEQ TRIM_UPPER TRIM_LOWER.
%left ADD SUB.
%left MUL DIV MOD ATAN2.
%right POW.
%nonassoc OFFSET.
%right LEFT_BRACKET AT ANCHORED SMOOTHED LEFT_PAREN FILL FILL_LEFT FILL_RIGHT.

%start_symbol start

start ::= expr(A) EOF.             { ctx->root = A; }
start ::= EOF(T).                  { (void)T; pq_ctx_error(ctx, 0, 0, "no expression found in input"); }
start ::= error.                   { pq_ctx_unexpected(ctx, "", ""); }

/* ---- aggregations ------------------------------------------------------------------------ */

expr(A) ::= aggregate_op(O) aggregate_modifier(M) function_call_body(B).
        { A = pq_act_aggregate(ctx, &O, M, B, NULL); }
expr(A) ::= aggregate_op(O) function_call_body(B) aggregate_modifier(M).
        { A = pq_act_aggregate(ctx, &O, M, B, NULL); }
expr(A) ::= aggregate_op(O) function_call_body(B).
        { A = pq_act_aggregate(ctx, &O, NULL, B, NULL); }
expr(A) ::= aggregate_op(O) error.
        { pq_ctx_unexpected(ctx, "aggregation", ""); A = NULL; (void)O; }

%type aggregate_modifier {pq_node *}
aggregate_modifier(A) ::= BY grouping_labels(L).      { A = pq_act_agg_modifier(ctx, false, L, 0); }
aggregate_modifier(A) ::= WITHOUT grouping_labels(L). { A = pq_act_agg_modifier(ctx, true, L, 0); }

/* ---- binary expressions -------------------------------------------------------------------- */

expr(A) ::= expr(L) ADD(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) ATAN2(O) bin_modifier(M) expr(R).      { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) DIV(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) EQLC(O) bin_modifier(M) expr(R).       { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) GTE(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) GTR(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) TRIM_UPPER(O) bin_modifier(M) expr(R). { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) TRIM_LOWER(O) bin_modifier(M) expr(R). { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) LAND(O) bin_modifier(M) expr(R).       { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) LOR(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) LSS(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) LTE(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) LUNLESS(O) bin_modifier(M) expr(R).    { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) MOD(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) MUL(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) NEQ(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) POW(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }
expr(A) ::= expr(L) SUB(O) bin_modifier(M) expr(R).        { A = pq_act_binary(ctx, L, &O, M, R); }

%type bin_modifier {pq_binmod *}
%type group_modifiers {pq_binmod *}
%type on_or_ignoring {pq_binmod *}
%type bool_modifier {pq_binmod *}

bin_modifier(A) ::= group_modifiers(M). [LOWEST]                         { A = M; }
bin_modifier(A) ::= group_modifiers(M) FILL fill_value(V).               { A = pq_act_fill(ctx, M, V, V); }
bin_modifier(A) ::= group_modifiers(M) FILL_LEFT fill_value(V). [LOWEST] { A = pq_act_fill(ctx, M, V, NULL); }
bin_modifier(A) ::= group_modifiers(M) FILL_RIGHT fill_value(V). [LOWEST] { A = pq_act_fill(ctx, M, NULL, V); }
bin_modifier(A) ::= group_modifiers(M) FILL_LEFT fill_value(L) FILL_RIGHT fill_value(R).
        { A = pq_act_fill(ctx, M, L, R); }
bin_modifier(A) ::= group_modifiers(M) FILL_RIGHT fill_value(R) FILL_LEFT fill_value(L).
        { A = pq_act_fill(ctx, M, L, R); }

bool_modifier(A) ::= .       { A = pq_act_binmod(ctx, false); }
bool_modifier(A) ::= BOOL.   { A = pq_act_binmod(ctx, true); }

on_or_ignoring(A) ::= bool_modifier(M) IGNORING grouping_labels(L). { A = pq_act_on_ignoring(ctx, M, false, L); }
on_or_ignoring(A) ::= bool_modifier(M) ON grouping_labels(L).       { A = pq_act_on_ignoring(ctx, M, true, L); }

group_modifiers(A) ::= bool_modifier(M).  { A = M; }
group_modifiers(A) ::= on_or_ignoring(M). { A = M; }
group_modifiers(A) ::= on_or_ignoring(M) GROUP_LEFT maybe_grouping_labels(L).
        { A = pq_act_group(ctx, M, PQ_CARD_MANY_TO_ONE, L); }
group_modifiers(A) ::= on_or_ignoring(M) GROUP_RIGHT maybe_grouping_labels(L).
        { A = pq_act_group(ctx, M, PQ_CARD_ONE_TO_MANY, L); }

%type grouping_labels {pq_labellist *}
%type grouping_label_list {pq_labellist *}
%type maybe_grouping_labels {pq_labellist *}
%type grouping_label {pq_label_item}

grouping_labels(A) ::= LEFT_PAREN grouping_label_list(L) RIGHT_PAREN(R).
        { A = L; if (A) A->end = R.pos + 1; }
grouping_labels(A) ::= LEFT_PAREN grouping_label_list(L) COMMA RIGHT_PAREN(R).
        { A = L; if (A) A->end = R.pos + 1; }
grouping_labels(A) ::= LEFT_PAREN RIGHT_PAREN(R).
        { A = pq_labellist_new(ctx); if (A) A->end = R.pos + 1; }
grouping_labels(A) ::= error.
        { pq_ctx_unexpected(ctx, "grouping opts", "\"(\""); A = NULL; }

grouping_label_list(A) ::= grouping_label_list(L) COMMA grouping_label(I). { A = pq_labellist_add(ctx, L, &I); }
grouping_label_list(A) ::= grouping_label(I).  { A = pq_labellist_add(ctx, NULL, &I); }
grouping_label_list(A) ::= grouping_label_list(L) error.
        { pq_ctx_unexpected(ctx, "grouping opts", "\",\" or \")\""); A = L; }

grouping_label(A) ::= maybe_label(T).  { A = pq_act_grouping_label(ctx, &T, false); }
grouping_label(A) ::= STRING(T).       { A = pq_act_grouping_label(ctx, &T, true); }
grouping_label(A) ::= error.
        { pq_ctx_unexpected(ctx, "grouping opts", "label"); memset(&A, 0, sizeof A); }

maybe_grouping_labels(A) ::= . [LOWEST]        { A = NULL; }
maybe_grouping_labels(A) ::= grouping_labels(L). { A = L; if (!A) A = pq_labellist_new(ctx); }

fill_value(A) ::= LEFT_PAREN number_duration_literal(N) RIGHT_PAREN.             { A = pq_act_fill_value(ctx, NULL, N); }
fill_value(A) ::= LEFT_PAREN unary_op(S) number_duration_literal(N) RIGHT_PAREN. { A = pq_act_fill_value(ctx, &S, N); }

/* ---- function calls -------------------------------------------------------------------------- */

%type function_call_body {pq_nodelist *}
%type function_call_args {pq_nodelist *}

expr(A) ::= IDENTIFIER(N) function_call_body(B).  { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= START(N) function_call_body(B).       { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= END(N) function_call_body(B).         { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= STEP(N) function_call_body(B).        { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= RANGE(N) function_call_body(B).       { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= MAX_OF(N) function_call_body(B).      { A = pq_act_call(ctx, &N, B, 0); }
expr(A) ::= MIN_OF(N) function_call_body(B).      { A = pq_act_call(ctx, &N, B, 0); }

function_call_body(A) ::= LEFT_PAREN(L) function_call_args(B) RIGHT_PAREN(R).
        { A = B; if (A) { A->pos_start = L.pos; A->pos_end = R.pos + 1; } }
function_call_body(A) ::= LEFT_PAREN(L) RIGHT_PAREN(R).
        { A = pq_nodelist_add(ctx, NULL, NULL); if (A) { A->pos_start = L.pos; A->pos_end = R.pos + 1; } }

function_call_args(A) ::= function_call_args(L) COMMA expr(E). { A = pq_nodelist_add(ctx, L, E); }
function_call_args(A) ::= expr(E).                            { A = pq_nodelist_add(ctx, NULL, E); }
function_call_args(A) ::= function_call_args(L) COMMA(C).
        { pq_ctx_error(ctx, C.pos, C.pos + C.len, "trailing commas not allowed in function call args"); A = L; }

/* ---- parentheses, literals, unary ------------------------------------------------------------- */

expr(A) ::= LEFT_PAREN(L) expr(E) RIGHT_PAREN(R).  { A = pq_act_paren(ctx, &L, E, &R); }
expr(A) ::= number_duration_literal(N).           { A = N; }
expr(A) ::= STRING(S).                            { A = pq_act_string(ctx, &S); }
expr(A) ::= unary_op(O) expr(E). [MUL]            { A = pq_act_unary(ctx, &O, E); }

%type unary_op {pq_token}
unary_op(A) ::= ADD(T). { A = T; }
unary_op(A) ::= SUB(T). { A = T; }

number_duration_literal(A) ::= NUMBER(T).   { A = pq_act_number(ctx, &T); }
number_duration_literal(A) ::= DURATION(T). { A = pq_act_duration(ctx, &T); }

/* ---- offset, anchored, smoothed, @ ---------------------------------------------------------- */

expr(A) ::= expr(E) OFFSET offset_duration_expr(D).  { A = pq_act_offset(ctx, E, D); }
expr(A) ::= expr(E) OFFSET error.
        { pq_ctx_unexpected(ctx, "offset", "number, duration, step(), or range()"); A = E; }
expr(A) ::= expr(E) ANCHORED(K).  { A = pq_act_anchored(ctx, E, &K, false); }
expr(A) ::= expr(E) SMOOTHED(K).  { A = pq_act_anchored(ctx, E, &K, true); }

%type signed_or_unsigned_number {pq_token}
expr(A) ::= expr(E) AT signed_or_unsigned_number(N).
        { A = pq_act_at_number(ctx, E, N.pos == UINT32_MAX ? 0 : pq_act_number_value(ctx, &N), N.pos + N.len); }
expr(A) ::= expr(E) AT at_modifier_preprocessors(P) LEFT_PAREN RIGHT_PAREN(R).
        { A = pq_act_at_preproc(ctx, E, &P, R.pos + 1); }
expr(A) ::= expr(E) AT error.
        { pq_ctx_unexpected(ctx, "@", "timestamp"); A = E; }

/* The signed forms carry the sign in the token: pos/len cover sign and number. */
signed_or_unsigned_number(A) ::= NUMBER(T).        { A = T; }
signed_or_unsigned_number(A) ::= DURATION(T).      { A = T; }
signed_or_unsigned_number(A) ::= ADD(S) NUMBER(T).   { A = T; A.len = T.pos + T.len - S.pos; A.pos = S.pos; }
signed_or_unsigned_number(A) ::= ADD(S) DURATION(T). { A = T; A.len = T.pos + T.len - S.pos; A.pos = S.pos; }
signed_or_unsigned_number(A) ::= SUB(S) NUMBER(T).   { A = T; A.len = T.pos + T.len - S.pos; A.pos = S.pos; }
signed_or_unsigned_number(A) ::= SUB(S) DURATION(T). { A = T; A.len = T.pos + T.len - S.pos; A.pos = S.pos; }

%type at_modifier_preprocessors {pq_token}
at_modifier_preprocessors(A) ::= START(T). { A = T; }
at_modifier_preprocessors(A) ::= END(T).   { A = T; }

/* ---- range and subquery selectors ------------------------------------------------------------ */

expr(A) ::= expr(E) LEFT_BRACKET(L) positive_duration_expr(D) RIGHT_BRACKET(R).
        { A = pq_act_matrix(ctx, E, &L, D, &R); }
expr(A) ::= expr(E) LEFT_BRACKET positive_duration_expr(D) COLON positive_duration_expr(S) RIGHT_BRACKET(R).
        { A = pq_act_subquery(ctx, E, D, S, &R); }
expr(A) ::= expr(E) LEFT_BRACKET positive_duration_expr(D) COLON RIGHT_BRACKET(R).
        { A = pq_act_subquery(ctx, E, D, NULL, &R); }
expr(A) ::= expr(E) LEFT_BRACKET positive_duration_expr COLON positive_duration_expr error.
        { pq_ctx_unexpected(ctx, "subquery selector", "\"]\""); A = E; }
expr(A) ::= expr(E) LEFT_BRACKET positive_duration_expr COLON error.
        { pq_ctx_unexpected(ctx, "subquery selector", "number, duration, step(), range(), or \"]\""); A = E; }
expr(A) ::= expr(E) LEFT_BRACKET positive_duration_expr error.
        { pq_ctx_unexpected(ctx, "subquery or range", "\":\" or \"]\""); A = E; }
expr(A) ::= expr(E) LEFT_BRACKET error.
        { pq_ctx_unexpected(ctx, "subquery or range selector", "number, duration, step(), or range()"); A = E; }

/* ---- vector selectors ------------------------------------------------------------------------ */

%type metric_identifier {pq_token}
%type label_matchers {pq_braces *}
%type label_match_list {pq_matcherlist *}
%type label_matcher {pq_matcher *}
%type string_identifier {pq_name}
%type match_op {pq_token}

expr(A) ::= metric_identifier(N) label_matchers(M). { A = pq_act_selector(ctx, &N, M); }
expr(A) ::= metric_identifier(N).                   { A = pq_act_selector(ctx, &N, NULL); }
expr(A) ::= label_matchers(M).                      { A = pq_act_selector(ctx, NULL, M); }

label_matchers(A) ::= LEFT_BRACE(L) label_match_list(M) RIGHT_BRACE(R).       { A = pq_act_braces(ctx, &L, M, &R); }
label_matchers(A) ::= LEFT_BRACE(L) label_match_list(M) COMMA RIGHT_BRACE(R). { A = pq_act_braces(ctx, &L, M, &R); }
label_matchers(A) ::= LEFT_BRACE(L) RIGHT_BRACE(R).                          { A = pq_act_braces(ctx, &L, NULL, &R); }

label_match_list(A) ::= label_match_list(L) COMMA label_matcher(M). { A = pq_matcherlist_add(ctx, L, M); }
label_match_list(A) ::= label_matcher(M).                          { A = pq_matcherlist_add(ctx, NULL, M); }
label_match_list(A) ::= label_match_list(L) error.
        { pq_ctx_unexpected(ctx, "label matching", "\",\" or \"}\""); A = L; }

label_matcher(A) ::= IDENTIFIER(N) match_op(O) STRING(V).
        { pq_name n = pq_act_name_token(ctx, &N); A = pq_act_matcher(ctx, &n, &O, &V); }
label_matcher(A) ::= string_identifier(N) match_op(O) STRING(V). { A = pq_act_matcher(ctx, &N, &O, &V); }
label_matcher(A) ::= string_identifier(N).                       { A = pq_act_name_matcher(ctx, &N); }
label_matcher(A) ::= string_identifier match_op error.
        { pq_ctx_unexpected(ctx, "label matching", "string"); A = NULL; }
label_matcher(A) ::= IDENTIFIER match_op error.
        { pq_ctx_unexpected(ctx, "label matching", "string"); A = NULL; }
label_matcher(A) ::= IDENTIFIER error.
        { pq_ctx_unexpected(ctx, "label matching", "label matching operator"); A = NULL; }
label_matcher(A) ::= error.
        { pq_ctx_unexpected(ctx, "label matching", "identifier or \"}\""); A = NULL; }

string_identifier(A) ::= STRING(T). { A = pq_act_name_string(ctx, &T); }

match_op(A) ::= EQL(T).       { A = T; }
match_op(A) ::= NEQ(T).       { A = T; }
match_op(A) ::= EQL_REGEX(T). { A = T; }
match_op(A) ::= NEQ_REGEX(T). { A = T; }

metric_identifier(A) ::= AVG(T).          { A = T; }
metric_identifier(A) ::= BOTTOMK(T).      { A = T; }
metric_identifier(A) ::= BY(T).           { A = T; }
metric_identifier(A) ::= COUNT(T).        { A = T; }
metric_identifier(A) ::= COUNT_VALUES(T). { A = T; }
metric_identifier(A) ::= FILL(T).         { A = T; }
metric_identifier(A) ::= FILL_LEFT(T).    { A = T; }
metric_identifier(A) ::= FILL_RIGHT(T).   { A = T; }
metric_identifier(A) ::= GROUP(T).        { A = T; }
metric_identifier(A) ::= IDENTIFIER(T).   { A = T; }
metric_identifier(A) ::= LAND(T).         { A = T; }
metric_identifier(A) ::= LOR(T).          { A = T; }
metric_identifier(A) ::= LUNLESS(T).      { A = T; }
metric_identifier(A) ::= MAX(T).          { A = T; }
metric_identifier(A) ::= METRIC_IDENTIFIER(T). { A = T; }
metric_identifier(A) ::= MIN(T).          { A = T; }
metric_identifier(A) ::= OFFSET(T).       { A = T; }
metric_identifier(A) ::= QUANTILE(T).     { A = T; }
metric_identifier(A) ::= STDDEV(T).       { A = T; }
metric_identifier(A) ::= STDVAR(T).       { A = T; }
metric_identifier(A) ::= SUM(T).          { A = T; }
metric_identifier(A) ::= TOPK(T).         { A = T; }
metric_identifier(A) ::= WITHOUT(T).      { A = T; }
metric_identifier(A) ::= START(T).        { A = T; }
metric_identifier(A) ::= END(T).          { A = T; }
metric_identifier(A) ::= LIMITK(T).       { A = T; }
metric_identifier(A) ::= LIMIT_RATIO(T).  { A = T; }
metric_identifier(A) ::= STEP(T).         { A = T; }
metric_identifier(A) ::= RANGE(T).        { A = T; }
metric_identifier(A) ::= ANCHORED(T).     { A = T; }
metric_identifier(A) ::= SMOOTHED(T).     { A = T; }
metric_identifier(A) ::= MAX_OF(T).       { A = T; }
metric_identifier(A) ::= MIN_OF(T).       { A = T; }

%type aggregate_op {pq_token}
aggregate_op(A) ::= AVG(T).          { A = T; }
aggregate_op(A) ::= BOTTOMK(T).      { A = T; }
aggregate_op(A) ::= COUNT(T).        { A = T; }
aggregate_op(A) ::= COUNT_VALUES(T). { A = T; }
aggregate_op(A) ::= GROUP(T).        { A = T; }
aggregate_op(A) ::= MAX(T).          { A = T; }
aggregate_op(A) ::= MIN(T).          { A = T; }
aggregate_op(A) ::= QUANTILE(T).     { A = T; }
aggregate_op(A) ::= STDDEV(T).       { A = T; }
aggregate_op(A) ::= STDVAR(T).       { A = T; }
aggregate_op(A) ::= SUM(T).          { A = T; }
aggregate_op(A) ::= TOPK(T).         { A = T; }
aggregate_op(A) ::= LIMITK(T).       { A = T; }
aggregate_op(A) ::= LIMIT_RATIO(T).  { A = T; }

%type maybe_label {pq_token}
maybe_label(A) ::= AVG(T).          { A = T; }
maybe_label(A) ::= BOOL(T).         { A = T; }
maybe_label(A) ::= BOTTOMK(T).      { A = T; }
maybe_label(A) ::= BY(T).           { A = T; }
maybe_label(A) ::= COUNT(T).        { A = T; }
maybe_label(A) ::= COUNT_VALUES(T). { A = T; }
maybe_label(A) ::= GROUP(T).        { A = T; }
maybe_label(A) ::= GROUP_LEFT(T).   { A = T; }
maybe_label(A) ::= GROUP_RIGHT(T).  { A = T; }
maybe_label(A) ::= FILL(T).         { A = T; }
maybe_label(A) ::= FILL_LEFT(T).    { A = T; }
maybe_label(A) ::= FILL_RIGHT(T).   { A = T; }
maybe_label(A) ::= IDENTIFIER(T).   { A = T; }
maybe_label(A) ::= IGNORING(T).     { A = T; }
maybe_label(A) ::= LAND(T).         { A = T; }
maybe_label(A) ::= LOR(T).          { A = T; }
maybe_label(A) ::= LUNLESS(T).      { A = T; }
maybe_label(A) ::= MAX(T).          { A = T; }
maybe_label(A) ::= METRIC_IDENTIFIER(T). { A = T; }
maybe_label(A) ::= MIN(T).          { A = T; }
maybe_label(A) ::= OFFSET(T).       { A = T; }
maybe_label(A) ::= ON(T).           { A = T; }
maybe_label(A) ::= QUANTILE(T).     { A = T; }
maybe_label(A) ::= STDDEV(T).       { A = T; }
maybe_label(A) ::= STDVAR(T).       { A = T; }
maybe_label(A) ::= SUM(T).          { A = T; }
maybe_label(A) ::= TOPK(T).         { A = T; }
maybe_label(A) ::= START(T).        { A = T; }
maybe_label(A) ::= END(T).          { A = T; }
maybe_label(A) ::= ATAN2(T).        { A = T; }
maybe_label(A) ::= LIMITK(T).       { A = T; }
maybe_label(A) ::= LIMIT_RATIO(T).  { A = T; }
maybe_label(A) ::= STEP(T).         { A = T; }
maybe_label(A) ::= RANGE(T).        { A = T; }
maybe_label(A) ::= ANCHORED(T).     { A = T; }
maybe_label(A) ::= SMOOTHED(T).     { A = T; }
maybe_label(A) ::= MAX_OF(T).       { A = T; }
maybe_label(A) ::= MIN_OF(T).       { A = T; }

/* ---- duration expressions ------------------------------------------------------------------- */

positive_duration_expr(A) ::= duration_expr(D). { A = pq_act_dur_positive(ctx, D); }

%type max_of_min_of {pq_token}
max_of_min_of(A) ::= MAX_OF(T). { A = T; }
max_of_min_of(A) ::= MIN_OF(T). { A = T; }

duration_expr(A) ::= number_duration_literal(N).          { A = pq_act_dur_literal(ctx, N); }
duration_expr(A) ::= unary_op(O) duration_expr(D). [MUL]  { A = pq_act_dur_unary(ctx, &O, D, false); }
duration_expr(A) ::= duration_expr(L) ADD(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= duration_expr(L) SUB(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= duration_expr(L) MUL(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= duration_expr(L) DIV(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= duration_expr(L) MOD(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= duration_expr(L) POW(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
duration_expr(A) ::= STEP(K) LEFT_PAREN RIGHT_PAREN(R).   { A = pq_act_dur_call(ctx, &K, &R); }
duration_expr(A) ::= RANGE(K) LEFT_PAREN RIGHT_PAREN(R).  { A = pq_act_dur_call(ctx, &K, &R); }
duration_expr(A) ::= max_of_min_of(K) LEFT_PAREN duration_expr(X) COMMA duration_expr(Y) RIGHT_PAREN(R).
        { A = pq_act_dur_minmax(ctx, &K, X, Y, &R); }
duration_expr(A) ::= LEFT_PAREN(L) duration_expr(D) RIGHT_PAREN(R). { A = pq_act_dur_paren(ctx, &L, D, &R); }

/* After "offset" (see the top comment). */
offset_duration_expr(A) ::= number_duration_literal(N).              { A = pq_act_offset_literal(ctx, NULL, N); }
offset_duration_expr(A) ::= unary_op(S) number_duration_literal(N).  { A = pq_act_offset_literal(ctx, &S, N); }
offset_duration_expr(A) ::= STEP(K) LEFT_PAREN RIGHT_PAREN(R).        { A = pq_act_dur_call(ctx, &K, &R); }
offset_duration_expr(A) ::= RANGE(K) LEFT_PAREN RIGHT_PAREN(R).       { A = pq_act_dur_call(ctx, &K, &R); }
offset_duration_expr(A) ::= unary_op(S) STEP(K) LEFT_PAREN RIGHT_PAREN(R).
        { A = pq_act_dur_signed(ctx, &S, pq_act_dur_call(ctx, &K, &R)); }
offset_duration_expr(A) ::= unary_op(S) RANGE(K) LEFT_PAREN RIGHT_PAREN(R).
        { A = pq_act_dur_signed(ctx, &S, pq_act_dur_call(ctx, &K, &R)); }
offset_duration_expr(A) ::= max_of_min_of(K) LEFT_PAREN duration_expr(X) COMMA duration_expr(Y) RIGHT_PAREN(R).
        { A = pq_act_dur_minmax(ctx, &K, X, Y, &R); }
offset_duration_expr(A) ::= unary_op(S) max_of_min_of(K) LEFT_PAREN duration_expr(X) COMMA duration_expr(Y) RIGHT_PAREN(R).
        { A = pq_act_dur_signed(ctx, &S, pq_act_dur_minmax(ctx, &K, X, Y, &R)); }
offset_duration_expr(A) ::= unary_op(S) LEFT_PAREN duration_expr(D) RIGHT_PAREN.
        { A = pq_act_dur_unary(ctx, &S, D, true); }
offset_duration_expr(A) ::= offset_paren_chain(C). [LOWEST] { A = C; }

offset_paren_chain(A) ::= LEFT_PAREN(L) duration_expr(D) RIGHT_PAREN(R). { A = pq_act_dur_paren(ctx, &L, D, &R); }
/* "offset - -5m": goyacc reaches this through duration_expr's unary rule, which then also
 * swallows the operators that follow, like a parenthesised duration. */
offset_paren_chain(A) ::= unary_op(S) unary_op(T) duration_expr(D). [MUL]
        { A = pq_act_dur_unary(ctx, &S, pq_act_dur_unary(ctx, &T, D, false), false); }
offset_paren_chain(A) ::= offset_paren_chain(L) ADD(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
offset_paren_chain(A) ::= offset_paren_chain(L) SUB(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
offset_paren_chain(A) ::= offset_paren_chain(L) MUL(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
offset_paren_chain(A) ::= offset_paren_chain(L) DIV(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
offset_paren_chain(A) ::= offset_paren_chain(L) MOD(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }
offset_paren_chain(A) ::= offset_paren_chain(L) POW(O) duration_expr(R). { A = pq_act_dur_binary(ctx, L, &O, R); }

%code {
/* goyacc performs the reductions of states that have nothing to shift before it reads the
 * next token; lemon defers them until the next token arrives. When the next token is a lexer
 * error, Prometheus has already run those actions (and reported their errors, e.g. an unknown
 * function name) before the lexer error: this runs them the same way. */
void pqParsePendingReductions(void *parser)
{
    yyParser *yypParser = (yyParser *)parser;
    pq_parse_ctx *ctx = yypParser->ctx;
    pq_token none;
    memset(&none, 0, sizeof none);
    YYACTIONTYPE yyact = yypParser->yytos->stateno;
    while (yyact >= YY_MIN_REDUCE && yyact <= YY_MAX_REDUCE && !ctx->has_error)
        yyact = yy_reduce(yypParser, yyact - YY_MIN_REDUCE, YYNOCODE, none, ctx);
}
}
