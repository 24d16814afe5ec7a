/*
 * promql.re -- the PromQL lexer (re2c input; CMake generates build/gen/promql_lexer.c).
 *
 * PromQL's lexical grammar is context dependent (lex.go is a state machine): label names inside
 * braces are never keywords, a '[' switches to duration-expression scanning, and ':' or
 * "step" mean different things inside and outside brackets. So the scanner is a small state
 * machine mirroring lex.go's states one to one (its error messages and error positions
 * included), and re2c does the part that is pure lexical matching: classifying a scanned word
 * as a keyword (case-insensitively, as lex.go lowercases before its map lookup).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "util/gofmt.h"
#include "promql_parser.h"

#define LEX_EOF (-1)

/* ---- UTF-8 (Go quoting is util/gofmt's) ------------------------------------------------ */

int32_t pq_utf8_decode(const char *str, size_t len, int *width)
{
    if (len == 0) {
        *width = 0;
        return LEX_EOF;
    }
    size_t w;
    uint32_t r = pq_go_decode_rune((const unsigned char *)str, len, &w);
    *width = (int)w;
    return (int32_t)r;
}

/* Go's strconv.IsPrint (the table lives in util/unicode_print.c). */
static int go_is_print(int32_t r)
{
    return r >= 0 && pq_go_is_print((uint32_t)r);
}

/* ---- scanner primitives, as lex.go's next/peek/backup ----------------------------------- */

static int32_t next_rune(pq_lexer *l, int *w)
{
    int32_t r = pq_utf8_decode(l->input + l->pos, l->len - l->pos, w);
    l->pos += (size_t)*w;
    return r;
}

static int32_t peek_rune(const pq_lexer *l)
{
    int w;
    return pq_utf8_decode(l->input + l->pos, l->len - l->pos, &w);
}

static int peek_byte(const pq_lexer *l)
{
    return l->pos < l->len ? (unsigned char)l->input[l->pos] : LEX_EOF;
}

static int is_space(int32_t r) { return r == ' ' || r == '\t' || r == '\n' || r == '\r'; }
static int is_digit(int32_t r) { return r >= '0' && r <= '9'; }
static int is_alpha(int32_t r) { return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'); }
static int is_alnum(int32_t r) { return is_alpha(r) || is_digit(r); }

/* accept: consume the next byte if it is in 'valid' (all sets here are ASCII). */
static int accept(pq_lexer *l, const char *valid)
{
    int c = peek_byte(l);
    if (c != LEX_EOF && c != 0 && strchr(valid, c)) {
        l->pos++;
        return 1;
    }
    return 0;
}

static int is_in(const pq_lexer *l, const char *valid)
{
    int c = peek_byte(l);
    return c != LEX_EOF && c != 0 && strchr(valid, c) != NULL;
}

static int emit(pq_lexer *l, pq_token *tok, int type)
{
    tok->type = type;
    tok->pos = (uint32_t)l->start;
    tok->len = (uint32_t)(l->pos - l->start);
    l->start = l->pos;
    return type;
}

static int lex_error(pq_lexer *l, pq_token *tok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int lex_error(pq_lexer *l, pq_token *tok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->error, sizeof l->error, fmt, ap);
    va_end(ap);
    tok->type = PQ_TOKEN_ERROR;
    tok->pos = (uint32_t)l->start;
    tok->len = (uint32_t)(l->len - l->start);
    l->state = PQ_LEX_DONE;
    return PQ_TOKEN_ERROR;
}

static void skip_spaces(pq_lexer *l)
{
    while (l->pos < l->len && is_space((unsigned char)l->input[l->pos]))
        l->pos++;
    l->start = l->pos;
}

/* Go's %#U: U+0071 'q' (the quoted char only when printable). */
static void go_sharp_u(int32_t r, char *buf, size_t n)
{
    if (r < 0)
        r = 0xFFFD;
    if (go_is_print(r)) {
        char tmp[8];
        size_t k = pq_go_encode_rune((uint32_t)r, tmp);
        tmp[k] = 0;
        snprintf(buf, n, "U+%04X '%s'", (unsigned)r, tmp);
    } else {
        snprintf(buf, n, "U+%04X", (unsigned)r);
    }
}

/* ---- keywords (re2c) ---------------------------------------------------------------------- */

/* Classify the word [s, s+n): a keyword's token code, TK_NUMBER for Inf/NaN, 0 otherwise.
 * YYPEEK yields 0 at the limit (a word never holds NUL), so nothing past the end is read. */
static int keyword_token(const char *s, size_t n)
{
    const char *YYCURSOR = s, *YYLIMIT = s + n, *YYMARKER = s;
    (void)YYMARKER;
    int tok = 0;
    /*!re2c
        re2c:api = custom;
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:define:YYPEEK = "(YYCURSOR < YYLIMIT ? (unsigned char)*YYCURSOR : 0)";
        re2c:define:YYSKIP = "++YYCURSOR;";
        re2c:define:YYBACKUP = "YYMARKER = YYCURSOR;";
        re2c:define:YYRESTORE = "YYCURSOR = YYMARKER;";

        'and'          { tok = TK_LAND; goto done; }
        'or'           { tok = TK_LOR; goto done; }
        'unless'       { tok = TK_LUNLESS; goto done; }
        'atan2'        { tok = TK_ATAN2; goto done; }
        'sum'          { tok = TK_SUM; goto done; }
        'avg'          { tok = TK_AVG; goto done; }
        'count'        { tok = TK_COUNT; goto done; }
        'min'          { tok = TK_MIN; goto done; }
        'max'          { tok = TK_MAX; goto done; }
        'group'        { tok = TK_GROUP; goto done; }
        'stddev'       { tok = TK_STDDEV; goto done; }
        'stdvar'       { tok = TK_STDVAR; goto done; }
        'topk'         { tok = TK_TOPK; goto done; }
        'bottomk'      { tok = TK_BOTTOMK; goto done; }
        'count_values' { tok = TK_COUNT_VALUES; goto done; }
        'quantile'     { tok = TK_QUANTILE; goto done; }
        'limitk'       { tok = TK_LIMITK; goto done; }
        'limit_ratio'  { tok = TK_LIMIT_RATIO; goto done; }
        'offset'       { tok = TK_OFFSET; goto done; }
        'smoothed'     { tok = TK_SMOOTHED; goto done; }
        'anchored'     { tok = TK_ANCHORED; goto done; }
        'by'           { tok = TK_BY; goto done; }
        'without'      { tok = TK_WITHOUT; goto done; }
        'on'           { tok = TK_ON; goto done; }
        'ignoring'     { tok = TK_IGNORING; goto done; }
        'group_left'   { tok = TK_GROUP_LEFT; goto done; }
        'group_right'  { tok = TK_GROUP_RIGHT; goto done; }
        'fill'         { tok = TK_FILL; goto done; }
        'fill_left'    { tok = TK_FILL_LEFT; goto done; }
        'fill_right'   { tok = TK_FILL_RIGHT; goto done; }
        'bool'         { tok = TK_BOOL; goto done; }
        'start'        { tok = TK_START; goto done; }
        'end'          { tok = TK_END; goto done; }
        'step'         { tok = TK_STEP; goto done; }
        'range'        { tok = TK_RANGE; goto done; }
        'max_of'       { tok = TK_MAX_OF; goto done; }
        'min_of'       { tok = TK_MIN_OF; goto done; }
        'inf' | 'nan'  { tok = TK_NUMBER; goto done; }
        *              { return 0; }
    */
done:
    return YYCURSOR == YYLIMIT ? tok : 0;
}

/* Duration keywords valid inside brackets (lex.go's durationKeywordTokens). */
static int duration_keyword_token(const char *s, size_t n)
{
    int t = keyword_token(s, n);
    return (t == TK_STEP || t == TK_RANGE || t == TK_MAX_OF || t == TK_MIN_OF) ? t : 0;
}

static int is_duration_keyword_start(int32_t r)
{
    if (r >= 'A' && r <= 'Z')
        r += 'a' - 'A';
    return r == 's' || r == 'r' || r == 'm';
}

/* scanDurationKeyword: absorb letters and '_' then look the lowercased word up. */
static int scan_duration_keyword(pq_lexer *l, pq_token *tok)
{
    while (l->pos < l->len && is_alpha((unsigned char)l->input[l->pos]))
        l->pos++;
    int t = duration_keyword_token(l->input + l->start, l->pos - l->start);
    if (t)
        return emit(l, tok, t);
    return 0;
}

/* ---- numbers and durations (scanNumber / acceptRemainingDuration) ---------------------- */

static int scan_number(pq_lexer *l)
{
    size_t initial = l->pos;
    const char *digits = "0123456789";
    int hex = 0;
    if (accept(l, "0")) {
        if (accept(l, "xX")) {
            accept(l, "_");
            digits = "0123456789abcdefABCDEF";
            hex = 1;
        }
    }
    accept(l, ".");
    accept(l, digits);
    int dot = 0, expo = 0;
    const char *set = hex ? "0123456789abcdefABCDEF._eE" : "0123456789._eE";
    while (is_in(l, set)) {
        if (is_in(l, ".") && dot) {
            accept(l, ".");
            return 0;
        }
        if (is_in(l, "eE") && expo) {
            accept(l, "eE");
            return 0;
        }
        if (accept(l, ".")) {
            dot = 1;
            if (accept(l, "_."))
                return 0;
            if (hex)
                return 0;
            continue;
        }
        if (accept(l, "eE")) {
            expo = 1;
            accept(l, "+-");
            if (accept(l, "._eE") || l->pos >= l->len)
                return 0;
            continue;
        }
        if (accept(l, "_")) {
            if (accept(l, "._eE") || l->pos >= l->len)
                return 0;
            continue;
        }
        while (accept(l, digits))
            ;
    }
    if (l->pos == initial)
        return 0;
    return !is_alnum(peek_rune(l));
}

static int accept_remaining_duration(pq_lexer *l)
{
    if (!accept(l, "smhdwy"))
        return 0;
    accept(l, "s");
    while (accept(l, "0123456789")) {
        while (accept(l, "0123456789"))
            ;
        if (!accept(l, "smhdw"))
            return 0;
        accept(l, "s");
    }
    /* lex.go consumes one more rune here and backs up on success. */
    int32_t r = peek_rune(l);
    if (is_alnum(r)) {
        l->pos++;   /* consumed (ASCII), part of the error text */
        return 0;
    }
    return 1;
}

static int lex_number_or_duration(pq_lexer *l, pq_token *tok)
{
    l->state = PQ_LEX_STATEMENTS;
    if (scan_number(l))
        return emit(l, tok, TK_NUMBER);
    if (accept_remaining_duration(l))
        return emit(l, tok, TK_DURATION);
    char *q = pq_go_quote_string(l->input + l->start, l->pos - l->start, 0);
    lex_error(l, tok, "bad number or duration syntax: %s", q ? q : "");
    free(q);
    return PQ_TOKEN_ERROR;
}

/* ---- strings ------------------------------------------------------------------------------ */

static int digit_val(int32_t c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 16;
}

/* lexEscape: the backslash has been consumed. Returns 0 when fine, else an error token. */
static int lex_escape(pq_lexer *l, pq_token *tok, int32_t quote)
{
    int w, n;
    uint32_t base, maxv;
    char u[32];
    int32_t ch = next_rune(l, &w);
    switch (ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        return 0;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3; base = 8; maxv = 255;
        break;
    case 'x':
        ch = next_rune(l, &w); n = 2; base = 16; maxv = 255;
        break;
    case 'u':
        ch = next_rune(l, &w); n = 4; base = 16; maxv = 0x10FFFF;
        break;
    case 'U':
        ch = next_rune(l, &w); n = 8; base = 16; maxv = 0x10FFFF;
        break;
    case LEX_EOF:
        return lex_error(l, tok, "escape sequence not terminated");
    default:
        if (ch == quote)
            return 0;
        go_sharp_u(ch, u, sizeof u);
        return lex_error(l, tok, "unknown escape sequence %s", u);
    }
    uint32_t x = 0;
    while (n > 0) {
        uint32_t d = (uint32_t)digit_val(ch);
        if (d >= base) {
            if (ch == LEX_EOF)
                return lex_error(l, tok, "escape sequence not terminated");
            go_sharp_u(ch, u, sizeof u);
            return lex_error(l, tok, "illegal character %s in escape sequence", u);
        }
        x = x * base + d;
        n--;
        if (n > 0)
            ch = next_rune(l, &w);
    }
    if (x > maxv || (x >= 0xD800 && x < 0xE000))
        return lex_error(l, tok, "escape sequence is an invalid Unicode code point");
    return 0;
}

static int lex_string(pq_lexer *l, pq_token *tok, int32_t quote)
{
    for (;;) {
        int w;
        int32_t r = next_rune(l, &w);
        if (r == '\\') {
            int e = lex_escape(l, tok, quote);
            if (e)
                return e;
            continue;
        }
        if (r == 0xFFFD)
            return lex_error(l, tok, "invalid UTF-8 rune");
        if (r == LEX_EOF || r == '\n')
            return lex_error(l, tok, "unterminated quoted string");
        if (r == quote)
            break;
    }
    return emit(l, tok, TK_STRING);
}

static int lex_raw_string(pq_lexer *l, pq_token *tok)
{
    for (;;) {
        int w;
        int32_t r = next_rune(l, &w);
        if (r == 0xFFFD)
            return lex_error(l, tok, "invalid UTF-8 rune");
        if (r == LEX_EOF)
            return lex_error(l, tok, "unterminated raw string");
        if (r == '`')
            break;
    }
    return emit(l, tok, TK_STRING);
}

/* ---- identifiers and keywords ------------------------------------------------------------ */

static int followed_by_left_paren(const pq_lexer *l)
{
    for (size_t p = l->pos; p < l->len; p++) {
        if (!is_space((unsigned char)l->input[p]))
            return l->input[p] == '(';
    }
    return 0;
}

static int lex_keyword_or_identifier(pq_lexer *l, pq_token *tok)
{
    int colon = 0;
    while (l->pos < l->len) {
        unsigned char c = (unsigned char)l->input[l->pos];
        if (!is_alnum(c) && c != ':')
            break;
        if (c == ':')
            colon = 1;
        l->pos++;
    }
    int kw = keyword_token(l->input + l->start, l->pos - l->start);
    if (kw) {
        if ((kw == TK_FILL || kw == TK_FILL_LEFT || kw == TK_FILL_RIGHT) && !followed_by_left_paren(l))
            return emit(l, tok, TK_IDENTIFIER);
        return emit(l, tok, kw);
    }
    return emit(l, tok, colon ? TK_METRIC_IDENTIFIER : TK_IDENTIFIER);
}

static int lex_comment(pq_lexer *l, pq_token *tok)
{
    l->pos++;
    while (l->pos < l->len && l->input[l->pos] != '\n' && l->input[l->pos] != '\r')
        l->pos++;
    return emit(l, tok, PQ_TOKEN_COMMENT);
}

/* ---- states -------------------------------------------------------------------------------- */

static int lex_inside_braces(pq_lexer *l, pq_token *tok)
{
    char q[32];
    for (;;) {
        if (l->pos < l->len && l->input[l->pos] == '#')
            return lex_comment(l, tok);
        int w;
        int32_t r = next_rune(l, &w);
        if (r == LEX_EOF)
            return lex_error(l, tok, "unexpected end of input inside braces");
        if (is_space(r)) {
            skip_spaces(l);
            continue;
        }
        if (is_alpha(r)) {
            while (l->pos < l->len && is_alnum((unsigned char)l->input[l->pos]))
                l->pos++;
            return emit(l, tok, TK_IDENTIFIER);
        }
        switch (r) {
        case ',':
            return emit(l, tok, TK_COMMA);
        case '"': case '\'':
            return lex_string(l, tok, r);
        case '`':
            return lex_raw_string(l, tok);
        case '=':
            if (accept(l, "~"))
                return emit(l, tok, TK_EQL_REGEX);
            return emit(l, tok, TK_EQL);
        case '!': {
            int32_t nr = next_rune(l, &w);
            if (nr == '~')
                return emit(l, tok, TK_NEQ_REGEX);
            if (nr == '=')
                return emit(l, tok, TK_NEQ);
            return lex_error(l, tok, "unexpected character after '!' inside braces: %s",
                             pq_go_quote_rune(nr, q, sizeof q));
        }
        case '{':
            return lex_error(l, tok, "unexpected left brace '{'");
        case '}':
            l->brace_open = false;
            l->state = PQ_LEX_STATEMENTS;
            return emit(l, tok, TK_RIGHT_BRACE);
        default:
            return lex_error(l, tok, "unexpected character inside braces: %s",
                             pq_go_quote_rune(r, q, sizeof q));
        }
    }
}

static int lex_duration_expr(pq_lexer *l, pq_token *tok)
{
    char q[32];
    for (;;) {
        int w;
        int32_t r = next_rune(l, &w);
        if (r == LEX_EOF)
            return lex_error(l, tok, "unexpected end of input in duration expression");
        if (is_space(r)) {
            skip_spaces(l);
            continue;
        }
        switch (r) {
        case ']':
            l->bracket_open = false;
            l->got_colon = false;
            l->state = PQ_LEX_STATEMENTS;
            return emit(l, tok, TK_RIGHT_BRACKET);
        case ':':
            emit(l, tok, TK_COLON);
            if (!l->got_duration)
                return lex_error(l, tok, "unexpected colon before duration in duration expression");
            if (l->got_colon)
                return lex_error(l, tok, "unexpected repeated colon in duration expression");
            l->got_colon = true;
            return TK_COLON;
        case '(':
            l->paren_depth++;
            return emit(l, tok, TK_LEFT_PAREN);
        case ')':
            emit(l, tok, TK_RIGHT_PAREN);
            if (--l->paren_depth < 0)
                return lex_error(l, tok, "unexpected right parenthesis ')'");
            return TK_RIGHT_PAREN;
        case '+': return emit(l, tok, TK_ADD);
        case '-': return emit(l, tok, TK_SUB);
        case '*': return emit(l, tok, TK_MUL);
        case '/': return emit(l, tok, TK_DIV);
        case '%': return emit(l, tok, TK_MOD);
        case '^': return emit(l, tok, TK_POW);
        case ',': return emit(l, tok, TK_COMMA);
        default:
            break;
        }
        if (is_duration_keyword_start(r)) {
            int t = scan_duration_keyword(l, tok);
            if (t)
                return t;
            return lex_error(l, tok, "unexpected character in duration expression: %s",
                             pq_go_quote_rune(r, q, sizeof q));
        }
        if (is_digit(r) || (r == '.' && is_digit(peek_rune(l)))) {
            l->pos -= (size_t)w;
            l->got_duration = true;
            return lex_number_or_duration(l, tok);
        }
        return lex_error(l, tok, "unexpected character in duration expression: %s",
                         pq_go_quote_rune(r, q, sizeof q));
    }
}

static int lex_statements(pq_lexer *l, pq_token *tok)
{
    char q[32];
    for (;;) {
        if (l->brace_open)
            return lex_inside_braces(l, tok);
        if (l->pos < l->len && l->input[l->pos] == '#')
            return lex_comment(l, tok);
        int w;
        int32_t r = next_rune(l, &w);
        if (r == LEX_EOF) {
            if (l->paren_depth != 0)
                return lex_error(l, tok, "unclosed left parenthesis");
            if (l->bracket_open)
                return lex_error(l, tok, "unclosed left bracket");
            l->state = PQ_LEX_DONE;
            return emit(l, tok, TK_EOF);
        }
        if (is_space(r)) {
            skip_spaces(l);
            continue;
        }
        switch (r) {
        case ',': return emit(l, tok, TK_COMMA);
        case '*': return emit(l, tok, TK_MUL);
        case '/': return emit(l, tok, TK_DIV);
        case '%': return emit(l, tok, TK_MOD);
        case '+': return emit(l, tok, TK_ADD);
        case '-': return emit(l, tok, TK_SUB);
        case '^': return emit(l, tok, TK_POW);
        case '=':
            if (accept(l, "="))
                return emit(l, tok, TK_EQLC);
            if (peek_byte(l) == '~')
                return lex_error(l, tok, "unexpected character after '=': '~'");
            return emit(l, tok, TK_EQL);
        case '!': {
            int32_t t = next_rune(l, &w);
            if (t != '=')
                return lex_error(l, tok, "unexpected character after '!': %s", pq_go_quote_rune(t, q, sizeof q));
            return emit(l, tok, TK_NEQ);
        }
        case '<':
            if (accept(l, "="))
                return emit(l, tok, TK_LTE);
            if (accept(l, "/"))
                return emit(l, tok, TK_TRIM_UPPER);
            return emit(l, tok, TK_LSS);
        case '>':
            if (accept(l, "="))
                return emit(l, tok, TK_GTE);
            if (accept(l, "/"))
                return emit(l, tok, TK_TRIM_LOWER);
            return emit(l, tok, TK_GTR);
        case '"': case '\'':
            return lex_string(l, tok, r);
        case '`':
            return lex_raw_string(l, tok);
        case '(':
            l->paren_depth++;
            return emit(l, tok, TK_LEFT_PAREN);
        case ')':
            emit(l, tok, TK_RIGHT_PAREN);
            if (--l->paren_depth < 0)
                return lex_error(l, tok, "unexpected right parenthesis ')'");
            return TK_RIGHT_PAREN;
        case '{':
            l->brace_open = true;
            l->state = PQ_LEX_INSIDE_BRACES;
            return emit(l, tok, TK_LEFT_BRACE);
        case '[':
            if (l->bracket_open)
                return lex_error(l, tok, "unexpected left bracket '['");
            l->got_colon = false;
            emit(l, tok, TK_LEFT_BRACKET);
            skip_spaces(l);
            l->bracket_open = true;
            l->state = PQ_LEX_DURATION_EXPR;
            return TK_LEFT_BRACKET;
        case ']':
            if (!l->bracket_open)
                return lex_error(l, tok, "unexpected right bracket ']'");
            l->bracket_open = false;
            return emit(l, tok, TK_RIGHT_BRACKET);
        case '@':
            return emit(l, tok, TK_AT);
        default:
            break;
        }
        if (is_digit(r) || (r == '.' && is_digit(peek_rune(l)))) {
            l->pos -= (size_t)w;
            return lex_number_or_duration(l, tok);
        }
        if (is_alpha(r) || r == ':') {
            if (!l->bracket_open) {
                l->pos -= (size_t)w;
                return lex_keyword_or_identifier(l, tok);
            }
            if (r == ':') {
                if (l->got_colon)
                    return lex_error(l, tok, "unexpected colon ':'");
                l->got_colon = true;
                return emit(l, tok, TK_COLON);
            }
            if (is_duration_keyword_start(r)) {
                int t = scan_duration_keyword(l, tok);
                if (t)
                    return t;
            }
            return lex_error(l, tok, "unexpected character: %s, expected ':'", pq_go_quote_rune(r, q, sizeof q));
        }
        return lex_error(l, tok, "unexpected character: %s", pq_go_quote_rune(r, q, sizeof q));
    }
}

void pq_lexer_init(pq_lexer *l, const char *input, size_t len)
{
    memset(l, 0, sizeof *l);
    l->input = input;
    l->len = len;
}

int pq_lexer_next(pq_lexer *l, pq_token *tok)
{
    switch (l->state) {
    case PQ_LEX_DONE:
        tok->type = TK_EOF;
        tok->pos = (uint32_t)l->len;
        tok->len = 0;
        return TK_EOF;
    case PQ_LEX_INSIDE_BRACES:
        return lex_inside_braces(l, tok);
    case PQ_LEX_DURATION_EXPR:
        return lex_duration_expr(l, tok);
    case PQ_LEX_STATEMENTS:
    default:
        return lex_statements(l, tok);
    }
}
