/*
 * ast.h -- the PromQL abstract syntax tree, as the parser builds it and the printer and the
 * evaluator read it.
 *
 * One tagged node struct (kind + a union reached through small accessors), every node carrying
 * its byte range in the query and its result type after type checking. Every node, string and
 * array is allocated in the arena of the pq_ast that owns it, so freeing a query's AST is one
 * call. The tree mirrors Prometheus's parser.Expr types one to one, so semantics can be checked
 * against promql/parser/ast.go node by node.
 */
#ifndef PQ_AST_H
#define PQ_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "promql/storage.h"
#include "util/arena.h"

typedef enum pq_value_type {
    PQ_TYPE_NONE = 0,
    PQ_TYPE_SCALAR,
    PQ_TYPE_VECTOR,   /* instant vector */
    PQ_TYPE_MATRIX,   /* range vector */
    PQ_TYPE_STRING
} pq_value_type;

/* Prometheus's names for the types, as used in error messages: "scalar", "instant vector",
 * "range vector", "string". */
const char *pq_value_type_name(pq_value_type t);
/* Go's ValueType values ("scalar", "vector", "matrix", "string", "none"): the AST JSON and
 * the messages that print the type with %s. */
const char *pq_value_type_raw_name(pq_value_type t);

typedef enum pq_node_kind {
    PQ_NODE_NUMBER = 1,       /* NumberLiteral */
    PQ_NODE_STRING,           /* StringLiteral */
    PQ_NODE_VECTOR_SELECTOR,  /* VectorSelector */
    PQ_NODE_MATRIX_SELECTOR,  /* MatrixSelector: u.matrix.vs is a VECTOR_SELECTOR */
    PQ_NODE_SUBQUERY,         /* SubqueryExpr */
    PQ_NODE_UNARY,            /* UnaryExpr */
    PQ_NODE_BINARY,           /* BinaryExpr */
    PQ_NODE_PAREN,            /* ParenExpr */
    PQ_NODE_CALL,             /* Call */
    PQ_NODE_AGGREGATE,        /* AggregateExpr */
    PQ_NODE_DURATION,         /* DurationExpr (3.x duration arithmetic, step(), range(), ...) */
    PQ_NODE_STEP_INVARIANT    /* StepInvariantExpr: added by the engine's preprocessing only */
} pq_node_kind;

/* Operators: binary, unary, duration and aggregation operators share one enum. */
typedef enum pq_op {
    PQ_OP_NONE = 0,
    /* arithmetic */
    PQ_OP_ADD, PQ_OP_SUB, PQ_OP_MUL, PQ_OP_DIV, PQ_OP_MOD, PQ_OP_POW, PQ_OP_ATAN2,
    /* comparison */
    PQ_OP_EQLC, PQ_OP_NEQ, PQ_OP_GTR, PQ_OP_LSS, PQ_OP_GTE, PQ_OP_LTE,
    /* trim operators of 3.x: "</" (TRIM_UPPER) and ">/" (TRIM_LOWER) */
    PQ_OP_TRIM_UPPER, PQ_OP_TRIM_LOWER,
    /* set */
    PQ_OP_LAND, PQ_OP_LOR, PQ_OP_LUNLESS,
    /* aggregations */
    PQ_OP_SUM, PQ_OP_AVG, PQ_OP_COUNT, PQ_OP_MIN, PQ_OP_MAX, PQ_OP_GROUP, PQ_OP_STDDEV,
    PQ_OP_STDVAR, PQ_OP_TOPK, PQ_OP_BOTTOMK, PQ_OP_COUNT_VALUES, PQ_OP_QUANTILE,
    PQ_OP_LIMITK, PQ_OP_LIMIT_RATIO,
    /* duration-expression only */
    PQ_OP_STEP,      /* step()  */
    PQ_OP_RANGE,     /* range() */
    PQ_OP_MIN_OF,    /* min_of(a, b) in a duration */
    PQ_OP_MAX_OF,    /* max_of(a, b) in a duration */
    PQ_OP__COUNT
} pq_op;

/* The operator's text as Prometheus prints it ("+", "and", "sum", "step", ...). */
const char *pq_op_name(pq_op op);
bool pq_op_is_comparison(pq_op op);
bool pq_op_is_set(pq_op op);
bool pq_op_is_aggregation_with_param(pq_op op); /* topk bottomk quantile count_values limitk limit_ratio */

typedef enum pq_at_kind {
    PQ_AT_NONE = 0,
    PQ_AT_TIMESTAMP,   /* @ <number> */
    PQ_AT_START,       /* @ start() */
    PQ_AT_END          /* @ end() */
} pq_at_kind;

typedef enum pq_card {
    PQ_CARD_ONE_TO_ONE = 0,
    PQ_CARD_MANY_TO_ONE,   /* group_left */
    PQ_CARD_ONE_TO_MANY,   /* group_right */
    PQ_CARD_MANY_TO_MANY   /* set operators */
} pq_card;

typedef struct pq_node pq_node;

/* A list of label names (grouping, on/ignoring, group_x include lists). */
typedef struct pq_strlist {
    char **items;
    size_t count;
} pq_strlist;

/* VectorMatching: present on a BINARY node when both sides are vectors (or for set ops). */
typedef struct pq_vector_matching {
    pq_card card;
    pq_strlist matching_labels;  /* on(...) / ignoring(...) labels */
    bool on;                     /* on (true) or ignoring (false) */
    bool has_on_or_ignoring;     /* written explicitly (for printing "ignoring ()") */
    pq_strlist include;          /* group_left/group_right extra labels */
    bool has_include_parens;     /* "group_left()" vs "group_left" (for printing) */
    /* fill modifiers (3.x, experimental): each side's fill value when set */
    bool has_fill_lhs;
    double fill_lhs;
    bool has_fill_rhs;
    double fill_rhs;
} pq_vector_matching;

/* Label matcher as parsed; the compiled regex (PCRE2) lives in 'compiled' after
 * pq_matcher_compile. It converts to promql_matcher for the storage call without copying. */
typedef struct pq_matcher {
    promql_match_type type;
    char *name;
    char *value;
    void *compiled;     /* pq_regex* for =~ and !~ (see storage/regex.h), else NULL */
} pq_matcher;

/* Offset / @ modifiers, shared by vector selectors and subqueries.
 *
 * Durations written as expressions (3.x: "offset (1h / 2)", "[5m + step()]", ...): the parser
 * keeps the expression node in *_expr for printing and, when it contains no step()/range(),
 * also stores its constant value (seconds rounded to ns as Go's time.Duration, then truncated
 * to ms) in the matching *_ms field. With step()/range() the *_ms field is 0 and the engine
 * evaluates the expression per query, as Prometheus's promql/durations.go does; the engine
 * also performs that file's checks (> 0, NaN/Inf, range) for every *_expr, folded or not.
 * A plain literal ("5m", "-7m", "1.5") leaves *_expr NULL and only fills *_ms. */
typedef struct pq_modifiers {
    int64_t original_offset_ms;   /* as written (after duration expression evaluation) */
    pq_node *offset_expr;         /* DURATION/NUMBER node when the offset was an expression */
    bool has_offset;              /* an offset was written (even "offset 0s") */
    pq_at_kind at_kind;
    int64_t at_ms;                /* for PQ_AT_TIMESTAMP */
    /* Filled by the engine's preprocessing: the effective offset and @ time. */
    int64_t offset_ms;
} pq_modifiers;

typedef struct pq_function pq_function;   /* parser/functions.h */

struct pq_node {
    pq_node_kind kind;
    pq_value_type type;          /* result type, set by the parser */
    uint32_t pos_start;          /* byte range [pos_start, pos_end) in the query */
    uint32_t pos_end;
    union {
        struct {
            double value;
            bool is_duration;    /* written as a duration ("5m"): printed back as one */
        } number;
        struct {
            char *value;         /* unescaped, NUL-terminated (may contain NUL: use len) */
            size_t len;
        } string;
        struct {
            char *name;          /* metric name as written, or NULL */
            pq_matcher *matchers;  /* all matchers, the name as a __name__= matcher included */
            size_t matcher_count;
            pq_modifiers mod;
            bool anchored;       /* extended range selectors (3.x experimental) */
            bool smoothed;
            bool bypass_empty_matcher_check;  /* info()'s second argument */
        } selector;
        struct {
            pq_node *vs;             /* a VECTOR_SELECTOR carrying offset/@/anchored */
            int64_t range_ms;        /* after duration expression evaluation */
            pq_node *range_expr;     /* DURATION/NUMBER node when written as an expression */
            uint32_t end_pos;
        } matrix;
        struct {
            pq_node *expr;
            int64_t range_ms;
            pq_node *range_expr;
            int64_t step_ms;         /* 0 = default (the engine's evaluation interval) */
            pq_node *step_expr;
            bool has_step;
            pq_modifiers mod;
            uint32_t end_pos;
        } subquery;
        struct {
            pq_op op;                /* PQ_OP_ADD or PQ_OP_SUB */
            pq_node *expr;
        } unary;
        struct {
            pq_op op;
            pq_node *lhs, *rhs;
            bool return_bool;
            pq_vector_matching *matching;  /* NULL unless both sides are vectors */
        } binary;
        struct {
            pq_node *expr;
        } paren;
        struct {
            const pq_function *func;
            pq_node **args;
            size_t arg_count;
        } call;
        struct {
            pq_op op;
            pq_node *expr;
            pq_node *param;          /* topk/bottomk/quantile/count_values/limitk/limit_ratio */
            pq_strlist grouping;
            bool without;
            bool has_grouping;       /* "by"/"without" was written (even with an empty list) */
        } aggregate;
        struct {
            pq_op op;                /* ADD SUB MUL DIV MOD POW; SUB with lhs NULL = unary minus;
                                        STEP, RANGE (no operands); MIN_OF, MAX_OF (lhs, rhs) */
            pq_node *lhs, *rhs;
            bool wrapped;            /* written in parentheses */
        } duration;
        struct {
            pq_node *expr;
        } step_invariant;
    } u;
};

/* An owned, parsed query: the arena holds every node. */
typedef struct pq_ast {
    pq_arena arena;
    pq_node *root;
    const char *query;    /* copy of the query text (in the arena), for positions */
    size_t query_len;
} pq_ast;

/* Helpers every layer needs. */
pq_node *pq_node_new(pq_arena *a, pq_node_kind kind, uint32_t start, uint32_t end);
/* Strip PAREN and STEP_INVARIANT wrappers. */
const pq_node *pq_node_unwrap(const pq_node *n);
/* 1-based line and column of a byte offset, computed as Prometheus computes them for messages. */
void pq_position_line_col(const char *query, size_t len, size_t offset, int *line, int *col);

#endif
