/*
 * lexer.h -- the PromQL lexer: a context-dependent scanner reproducing the state machine of
 * Prometheus's promql/parser/lex.go (inside braces, inside a range/subquery bracket, in a
 * duration expression, ...), with its error messages. Token codes are the lemon parser's
 * (build/gen/promql_parser.h); two extra codes mark comments and errors.
 *
 * Input is a pointer and a length: no NUL terminator is needed and nothing past the end is read.
 */
#ifndef PQ_LEXER_H
#define PQ_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/gofmt.h"

#define PQ_TOKEN_ERROR   (-1)   /* lexical error: message in pq_lexer.error */
#define PQ_TOKEN_COMMENT (-2)   /* "# ..." up to the end of the line */

typedef struct pq_token {
    int type;        /* TK_* of promql_parser.h, PQ_TOKEN_ERROR or PQ_TOKEN_COMMENT */
    uint32_t pos;    /* byte offset of the token's first byte */
    uint32_t len;    /* byte length (the text is input[pos, pos+len)) */
} pq_token;

typedef enum pq_lex_state {
    PQ_LEX_STATEMENTS = 0,
    PQ_LEX_INSIDE_BRACES,
    PQ_LEX_DURATION_EXPR,
    PQ_LEX_DONE
} pq_lex_state;

typedef struct pq_lexer {
    const char *input;
    size_t len;
    size_t pos;          /* next byte to read */
    size_t start;        /* start of the token being scanned */
    pq_lex_state state;
    int paren_depth;
    bool brace_open;
    bool bracket_open;
    bool got_colon;
    bool got_duration;
    char error[256];     /* message of the last PQ_TOKEN_ERROR */
} pq_lexer;

void pq_lexer_init(pq_lexer *l, const char *input, size_t len);
/* Scan the next token into *tok and return its type. After EOF or an error, EOF is returned
 * again. An error token's pos is where lex.go's item started (its 'start'). */
int pq_lexer_next(pq_lexer *l, pq_token *tok);

/* UTF-8 decoding as Go's utf8.DecodeRune: invalid input gives U+FFFD with width 1. */
int32_t pq_utf8_decode(const char *s, size_t len, int *width);
/* Go's QuoteRune and %q of a string (pq_go_quote_rune, pq_go_quote_string) are util/gofmt's. */

#endif
