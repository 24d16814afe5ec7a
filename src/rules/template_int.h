/*
 * template_int.h -- internals shared by the Go-template parser (template_parse.c), executor
 * (template_exec.c) and function library (template_funcs.c). Everything lives in one arena per
 * expansion.
 */
#ifndef PQ_RULES_TEMPLATE_INT_H
#define PQ_RULES_TEMPLATE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/template.h"
#include "util/arena.h"
#include "util/strbuf.h"

typedef enum tnode_kind {
    TN_LIST, TN_TEXT, TN_ACTION, TN_IF, TN_RANGE, TN_WITH, TN_BREAK, TN_CONTINUE,
    TN_PIPE, TN_COMMAND, TN_FIELD, TN_VARIABLE, TN_DOT, TN_NIL, TN_BOOL, TN_NUMBER,
    TN_STRING, TN_IDENT, TN_CHAIN
} tnode_kind;

typedef struct tnode tnode;
struct tnode {
    tnode_kind kind;
    size_t pos;               /* byte offset in the template text */
    int line;
    tnode **items;            /* LIST: nodes; PIPE: commands; COMMAND: args */
    size_t n;
    const char *text;         /* TEXT/STRING: the value; IDENT: the name; NUMBER/STRING: source */
    size_t text_len;
    const char *src;          /* original literal text (STRING, NUMBER) */
    size_t src_len;
    const char **idents;      /* FIELD/VARIABLE/CHAIN: the path ("$x" first for a variable) */
    size_t nidents;
    tnode *pipe, *list, *else_list;  /* IF/RANGE/WITH; ACTION uses pipe; CHAIN: node in pipe */
    const char **decl;        /* PIPE: declared variables */
    size_t ndecl;
    bool is_assign;           /* PIPE: '=' rather than ':=' */
    bool bval;                /* BOOL */
    bool is_int, is_float;    /* NUMBER */
    int64_t ival;
    double fval;
    bool is_char;
};

typedef struct tparse_result {
    tnode *root;
    char err[512];
} tparse_result;

/* Parse; returns the root list or NULL with "template: NAME:LINE: msg" in errbuf. */
tnode *pq_tmpl_parse(pq_arena *a, const char *text, size_t len, const char *name, char *errbuf,
                     size_t errlen);
/* Whether a function name is known at parse time. */
bool pq_tmpl_func_known(const char *name, size_t len);
/* Node as Go's String() prints it (for error contexts). */
void pq_tmpl_node_string(pq_strbuf *b, const tnode *n);

/* ---- values ---- */
typedef enum tval_kind {
    TV_NIL, TV_BOOL, TV_INT, TV_FLOAT, TV_STRING, TV_MAP, TV_DATA, TV_TIME, TV_DURATION,
    TV_SAMPLES, TV_SAMPLE
} tval_kind;

typedef struct tval {
    tval_kind kind;
    bool b;
    int64_t i;                /* INT; TIME: unix ns; DURATION: ns */
    double f;
    const char *s;            /* STRING */
    size_t slen;
    promql_labels map;        /* MAP */
    const pq_tmpl_sample *samples;  /* SAMPLES (count in i) / SAMPLE (one) */
} tval;

/* Go's type name of a value, for messages ("float64", "string", "map[string]string"). */
const char *pq_tmpl_type_name(const tval *v);
/* fmt.Sprint of one value. */
void pq_tmpl_print_value(pq_strbuf *b, const tval *v);
/* fmt.Sprintf with Go's verbs over template values. */
void pq_tmpl_sprintf(pq_strbuf *b, const char *fmt, size_t fmtlen, const tval *args, size_t nargs);
bool pq_tmpl_truth(const tval *v);

/* Call a non-builtin (Prometheus) function. Returns 0 with *out set, or -1 with the error text
 * (what Go puts after "error calling NAME: "), or -2 with a full message (argument errors). */
typedef struct tfunc_ctx {
    pq_arena *arena;
    const pq_tmpl_env *env;
} tfunc_ctx;
int pq_tmpl_call_func(tfunc_ctx *ctx, const char *name, const tval *args, size_t nargs, tval *out,
                      char *errbuf, size_t errlen);

#endif
