/*
 * template_parse.c -- lexer and recursive-descent parser for the Go text/template subset of
 * template.h, following text/template/parse's grammar and error texts so that a rule file that
 * Prometheus rejects is rejected here with the same words.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/template_int.h"

typedef enum tok_kind {
    K_EOF, K_TEXT, K_LDELIM, K_RDELIM, K_SPACE, K_IDENT, K_KEYWORD, K_BOOL, K_NIL, K_DOT,
    K_FIELD, K_VAR, K_STRING, K_RAWSTRING, K_CHAR, K_NUMBER, K_LPAREN, K_RPAREN, K_PIPE,
    K_DECLARE, K_ASSIGN, K_COMMA
} tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t pos;
    const char *s;
    size_t len;
    int line;
} tok;

typedef struct parser {
    pq_arena *a;
    const char *text;
    size_t len;
    const char *name;
    /* tokens */
    tok *toks;
    size_t ntoks, cap, cur;
    /* variables in scope */
    const char **vars;
    size_t nvars, varcap;
    int range_depth;
    int depth;            /* nesting of pipelines and control structures */
    char *err;
    size_t errlen;
    int failed;
} parser;

static int perr(parser *p, int line, const char *fmt, const char *arg)
{
    if (p->failed)
        return -1;
    p->failed = 1;
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    snprintf(p->err, p->errlen, "template: %s:%d: %s", p->name, line, msg);
    return -1;
}

static int push_tok(parser *p, tok_kind k, size_t pos, size_t len, int line)
{
    if (p->ntoks == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 64;
        tok *nt = pq_arena_realloc(p->a, p->toks, p->cap * sizeof *nt, nc * sizeof *nt);
        if (!nt)
            return perr(p, line, "out of memory", NULL);
        p->toks = nt;
        p->cap = nc;
    }
    p->toks[p->ntoks++] = (tok){k, pos, p->text + pos, len, line};
    return 0;
}

static int count_lines(const char *s, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        if (s[i] == '\n')
            n++;
    return n;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool is_alnum_(char c) { return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80; }

static const char *keywords[] = {"if", "else", "end", "range", "with", "define", "template", "block",
                                 "break", "continue", NULL};

/* Lex the whole text into p->toks. */
static int lex(parser *p)
{
    const char *s = p->text;
    size_t n = p->len, i = 0;
    int line = 1;
    int trim_next_text = 0;
    while (i < n) {
        /* text up to the next "{{" */
        const char *d = NULL;
        for (size_t k = i; k + 1 < n; k++)
            if (s[k] == '{' && s[k + 1] == '{') {
                d = s + k;
                break;
            }
        size_t tend = d ? (size_t)(d - s) : n;
        size_t tstart = i;
        if (trim_next_text)
            while (tstart < tend && is_space(s[tstart]))
                tstart++;
        size_t tstop = tend;
        int left_trim = d && tend + 3 < n + 1 && tend + 2 < n && s[tend + 2] == '-' && tend + 3 < n &&
                        is_space(s[tend + 3]);
        if (left_trim)
            while (tstop > tstart && is_space(s[tstop - 1]))
                tstop--;
        if (tstop > tstart && push_tok(p, K_TEXT, tstart, tstop - tstart, line + count_lines(s, i, tstart)))
            return -1;
        line += count_lines(s, i, tend);
        trim_next_text = 0;
        if (!d)
            break;
        i = tend;
        int dline = line;
        if (push_tok(p, K_LDELIM, i, 2, line))
            return -1;
        i += 2;
        if (left_trim)
            i += 2;
        /* comment */
        {
            size_t j = i;
            if (j + 1 < n && s[j] == '/' && s[j + 1] == '*') {
                const char *e = NULL;
                for (size_t k = j + 2; k + 1 < n; k++)
                    if (s[k] == '*' && s[k + 1] == '/') {
                        e = s + k;
                        break;
                    }
                if (!e)
                    return perr(p, dline, "unclosed comment", NULL);
                size_t k = (size_t)(e - s) + 2;
                line += count_lines(s, j, k);
                if (k + 2 <= n && s[k] == '}' && s[k + 1] == '}') {
                    i = k + 2;
                } else if (k + 4 <= n && is_space(s[k]) && s[k + 1] == '-' && s[k + 2] == '}' && s[k + 3] == '}') {
                    i = k + 4;
                    trim_next_text = 1;
                } else {
                    return perr(p, dline, "comment ends before closing delimiter", NULL);
                }
                p->ntoks--; /* drop the LDELIM: comments produce nothing */
                continue;
            }
        }
        int parens = 0;
        for (;;) {
            if (i >= n)
                return perr(p, line, "unclosed action", NULL);
            char c = s[i];
            /* right delimiter, possibly with a trim marker */
            if (c == '}' && i + 1 < n && s[i + 1] == '}') {
                if (parens > 0)
                    return perr(p, line, "unclosed left paren", NULL);
                if (push_tok(p, K_RDELIM, i, 2, line))
                    return -1;
                i += 2;
                break;
            }
            if (is_space(c)) {
                size_t j = i;
                while (j < n && is_space(s[j]))
                    j++;
                if (j + 2 < n + 0 && s[j] == '-' && s[j + 1] == '}' && s[j + 2] == '}' && j > i) {
                    if (parens > 0)
                        return perr(p, line, "unclosed left paren", NULL);
                    line += count_lines(s, i, j);
                    if (push_tok(p, K_RDELIM, j + 1, 2, line))
                        return -1;
                    i = j + 3;
                    trim_next_text = 1;
                    break;
                }
                if (push_tok(p, K_SPACE, i, j - i, line))
                    return -1;
                line += count_lines(s, i, j);
                i = j;
                continue;
            }
            size_t st = i;
            tok_kind k;
            if (c == '=') {
                k = K_ASSIGN;
                i++;
            } else if (c == ':') {
                if (i + 1 >= n || s[i + 1] != '=')
                    return perr(p, line, "expected :=", NULL);
                k = K_DECLARE;
                i += 2;
            } else if (c == '|') {
                k = K_PIPE;
                i++;
            } else if (c == ',') {
                k = K_COMMA;
                i++;
            } else if (c == '(') {
                k = K_LPAREN;
                parens++;
                i++;
            } else if (c == ')') {
                parens--;
                if (parens < 0)
                    return perr(p, line, "unexpected right paren", NULL);
                k = K_RPAREN;
                i++;
            } else if (c == '"') {
                i++;
                while (i < n && s[i] != '"') {
                    if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\n')
                        i++;
                    else if (s[i] == '\n')
                        return perr(p, line, "unterminated quoted string", NULL);
                    i++;
                }
                if (i >= n)
                    return perr(p, line, "unterminated quoted string", NULL);
                i++;
                k = K_STRING;
            } else if (c == '`') {
                i++;
                while (i < n && s[i] != '`')
                    i++;
                if (i >= n)
                    return perr(p, line, "unterminated raw quoted string", NULL);
                i++;
                k = K_RAWSTRING;
            } else if (c == '\'') {
                i++;
                while (i < n && s[i] != '\'') {
                    if (s[i] == '\\' && i + 1 < n)
                        i++;
                    if (s[i] == '\n')
                        return perr(p, line, "unterminated character constant", NULL);
                    i++;
                }
                if (i >= n)
                    return perr(p, line, "unterminated character constant", NULL);
                i++;
                k = K_CHAR;
            } else if (c == '$') {
                i++;
                while (i < n && is_alnum_(s[i]))
                    i++;
                k = K_VAR;
            } else if (c == '.' && !(i + 1 < n && isdigit((unsigned char)s[i + 1]))) {
                i++;
                if (i < n && is_alnum_(s[i])) {
                    while (i < n && is_alnum_(s[i]))
                        i++;
                    k = K_FIELD;
                } else {
                    k = K_DOT;
                }
            } else if (c == '+' || c == '-' || c == '.' || isdigit((unsigned char)c)) {
                i++;
                while (i < n && (is_alnum_(s[i]) || s[i] == '.' ||
                                 ((s[i] == '+' || s[i] == '-') && strchr("eEpP", s[i - 1]))))
                    i++;
                k = K_NUMBER;
            } else if (is_alnum_(c)) {
                while (i < n && is_alnum_(s[i]))
                    i++;
                k = K_IDENT;
                size_t l = i - st;
                for (int w = 0; keywords[w]; w++)
                    if (strlen(keywords[w]) == l && memcmp(keywords[w], s + st, l) == 0)
                        k = K_KEYWORD;
                if ((l == 4 && memcmp(s + st, "true", 4) == 0) || (l == 5 && memcmp(s + st, "false", 5) == 0))
                    k = K_BOOL;
                if (l == 3 && memcmp(s + st, "nil", 3) == 0)
                    k = K_NIL;
            } else {
                char b[64];
                snprintf(b, sizeof b, "U+%04X '%c'", (unsigned char)c, c);
                return perr(p, line, "unrecognized character in action: %s", b);
            }
            if ((k == K_IDENT || k == K_FIELD || k == K_KEYWORD || k == K_BOOL || k == K_NIL || k == K_VAR) &&
                i < n) {
                char t = s[i];
                bool term = is_space(t) || t == '.' || t == ',' || t == '|' || t == ':' || t == ')' ||
                            t == '(' || t == '=' || (t == '}' && i + 1 < n && s[i + 1] == '}');
                if (!term) {
                    char b[64];
                    snprintf(b, sizeof b, "U+%04X '%c'", (unsigned char)t, t);
                    return perr(p, line, "bad character %s", b);
                }
            }
            if (push_tok(p, k, st, i - st, line))
                return -1;
        }
    }
    return push_tok(p, K_EOF, n, 0, line);
}

/* ---- parser ---- */

static tok *peek(parser *p) { return &p->toks[p->cur < p->ntoks ? p->cur : p->ntoks - 1]; }
static tok *next(parser *p)
{
    tok *t = peek(p);
    if (p->cur < p->ntoks - 1)
        p->cur++;
    return t;
}
static tok *peek_ns(parser *p)
{
    while (peek(p)->kind == K_SPACE)
        next(p);
    return peek(p);
}
static tok *next_ns(parser *p)
{
    peek_ns(p);
    return next(p);
}

static tnode *mk(parser *p, tnode_kind k, const tok *t)
{
    tnode *nd = pq_arena_calloc(p->a, 1, sizeof *nd);
    if (!nd) {
        perr(p, t ? t->line : 0, "out of memory", NULL);
        return NULL;
    }
    nd->kind = k;
    nd->pos = t ? t->pos : 0;
    nd->line = t ? t->line : 0;
    return nd;
}

static int add_item(parser *p, tnode *list, tnode *item)
{
    tnode **ni = pq_arena_realloc(p->a, list->items, list->n * sizeof *ni, (list->n + 1) * sizeof *ni);
    if (!ni)
        return perr(p, list->line, "out of memory", NULL);
    ni[list->n++] = item;
    list->items = ni;
    return 0;
}

static int add_ident(parser *p, tnode *nd, const char *s, size_t len)
{
    const char **ni = pq_arena_realloc(p->a, nd->idents, nd->nidents * sizeof *ni, (nd->nidents + 1) * sizeof *ni);
    char *c = pq_arena_strndup(p->a, s, len);
    if (!ni || !c)
        return perr(p, nd->line, "out of memory", NULL);
    ni[nd->nidents++] = c;
    nd->idents = ni;
    return 0;
}

static int push_var(parser *p, const char *name)
{
    if (p->nvars == p->varcap) {
        size_t nc = p->varcap ? p->varcap * 2 : 16;
        const char **nv = pq_arena_realloc(p->a, p->vars, p->varcap * sizeof *nv, nc * sizeof *nv);
        if (!nv)
            return perr(p, 0, "out of memory", NULL);
        p->vars = nv;
        p->varcap = nc;
    }
    p->vars[p->nvars++] = name;
    return 0;
}

static bool var_defined(parser *p, const char *s, size_t len)
{
    for (size_t i = p->nvars; i-- > 0;)
        if (strlen(p->vars[i]) == len && memcmp(p->vars[i], s, len) == 0)
            return true;
    return false;
}

/* Go string literal unquoting (interpreted strings and char constants). */
static int unquote(parser *p, const tok *t, char **out, size_t *outlen)
{
    char *b = pq_arena_alloc(p->a, t->len * 4 + 1);
    if (!b)
        return perr(p, t->line, "out of memory", NULL);
    size_t o = 0;
    if (t->kind == K_RAWSTRING) {
        for (size_t i = 1; i + 1 < t->len; i++)
            if (t->s[i] != '\r')
                b[o++] = t->s[i];
        b[o] = 0;
        *out = b;
        *outlen = o;
        return 0;
    }
    for (size_t i = 1; i + 1 < t->len; i++) {
        char c = t->s[i];
        if (c != '\\') {
            b[o++] = c;
            continue;
        }
        i++;
        if (i + 1 >= t->len + 0 && i >= t->len - 1)
            goto bad;
        c = t->s[i];
        switch (c) {
        case 'n': b[o++] = '\n'; break;
        case 't': b[o++] = '\t'; break;
        case 'r': b[o++] = '\r'; break;
        case 'a': b[o++] = '\a'; break;
        case 'b': b[o++] = '\b'; break;
        case 'f': b[o++] = '\f'; break;
        case 'v': b[o++] = '\v'; break;
        case '\\': b[o++] = '\\'; break;
        case '"': b[o++] = '"'; break;
        case '\'': b[o++] = '\''; break;
        case 'x': {
            if (i + 2 >= t->len)
                goto bad;
            char h[3] = {t->s[i + 1], t->s[i + 2], 0};
            if (!isxdigit((unsigned char)h[0]) || !isxdigit((unsigned char)h[1]))
                goto bad;
            b[o++] = (char)strtol(h, NULL, 16);
            i += 2;
            break;
        }
        case 'u':
        case 'U': {
            int nd = c == 'u' ? 4 : 8;
            if (i + (size_t)nd >= t->len)
                goto bad;
            unsigned long cp = 0;
            for (int k = 1; k <= nd; k++) {
                char h = t->s[i + (size_t)k];
                if (!isxdigit((unsigned char)h))
                    goto bad;
                cp = cp * 16 + (unsigned long)(isdigit((unsigned char)h) ? h - '0' : (tolower((unsigned char)h) - 'a' + 10));
            }
            i += (size_t)nd;
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                goto bad;
            if (cp < 0x80) {
                b[o++] = (char)cp;
            } else if (cp < 0x800) {
                b[o++] = (char)(0xC0 | (cp >> 6));
                b[o++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                b[o++] = (char)(0xE0 | (cp >> 12));
                b[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                b[o++] = (char)(0x80 | (cp & 0x3F));
            } else {
                b[o++] = (char)(0xF0 | (cp >> 18));
                b[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                b[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                b[o++] = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default:
            if (c >= '0' && c <= '7' && i + 2 < t->len) {
                int v = 0;
                for (int k = 0; k < 3; k++) {
                    char h = t->s[i + (size_t)k];
                    if (h < '0' || h > '7')
                        goto bad;
                    v = v * 8 + (h - '0');
                }
                if (v > 255)
                    goto bad;
                b[o++] = (char)v;
                i += 2;
                break;
            }
            goto bad;
        }
    }
    b[o] = 0;
    *out = b;
    *outlen = o;
    return 0;
bad: {
    char q[256];
    snprintf(q, sizeof q, "%.*s", (int)t->len, t->s);
    return perr(p, t->line, "invalid syntax: %s", q);
}
}

static tnode *number(parser *p, const tok *t)
{
    tnode *nd = mk(p, TN_NUMBER, t);
    if (!nd)
        return NULL;
    nd->src = t->s;
    nd->src_len = t->len;
    char buf[128];
    if (t->kind == K_CHAR) {
        char *v;
        size_t vl;
        if (unquote(p, t, &v, &vl))
            return NULL;
        /* decode one UTF-8 rune */
        const unsigned char *u = (const unsigned char *)v;
        int64_t cp = 0;
        if (vl == 1)
            cp = u[0];
        else if (vl == 2)
            cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        else if (vl == 3)
            cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        else if (vl == 4)
            cp = ((int64_t)(u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        else {
            snprintf(buf, sizeof buf, "%.*s", (int)t->len, t->s);
            perr(p, t->line, "malformed character constant: %s", buf);
            return NULL;
        }
        nd->is_int = nd->is_float = true;
        nd->is_char = true;
        nd->ival = cp;
        nd->fval = (double)cp;
        return nd;
    }
    if (t->len >= sizeof buf) {
        perr(p, t->line, "bad number syntax: %s", "(too long)");
        return NULL;
    }
    /* strip underscores (Go allows them between digits) */
    size_t o = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->s[i] != '_')
            buf[o++] = t->s[i];
    buf[o] = 0;
    char *end;
    errno = 0;
    const char *digits = buf;
    int neg = 0;
    if (*digits == '+' || *digits == '-') {
        neg = *digits == '-';
        digits++;
    }
    int base = 10;
    const char *d = digits;
    if (d[0] == '0' && (d[1] == 'x' || d[1] == 'X'))
        base = 16, d += 2;
    else if (d[0] == '0' && (d[1] == 'b' || d[1] == 'B'))
        base = 2, d += 2;
    else if (d[0] == '0' && (d[1] == 'o' || d[1] == 'O'))
        base = 8, d += 2;
    else if (d[0] == '0' && d[1] && isdigit((unsigned char)d[1]))
        base = 8, d += 1;
    unsigned long long u = strtoull(d, &end, base);
    if (*d && *end == 0 && errno == 0 && !strchr(d, '-') && !strchr(d, '+')) {
        if (u <= (unsigned long long)INT64_MAX || (neg && u == (unsigned long long)INT64_MAX + 1)) {
            nd->is_int = true;
            nd->ival = neg ? (int64_t)(0 - u) : (int64_t)u;
        }
        nd->is_float = true;
        nd->fval = neg ? -(double)u : (double)u;
        return nd;
    }
    errno = 0;
    double f = strtod(buf, &end);
    if (*end != 0 || end == buf || (base != 10 && base != 16) || !strpbrk(buf, "0123456789")) {
        snprintf(buf, sizeof buf, "%.*s", (int)t->len, t->s);
        perr(p, t->line, "bad number syntax: \"%s\"", buf);
        return NULL;
    }
    nd->is_float = true;
    nd->fval = f;
    if (f >= -9.2e18 && f <= 9.2e18 && f == (double)(int64_t)f && !strpbrk(buf, ".eEpP")) {
        nd->is_int = true;
        nd->ival = (int64_t)f;
    }
    return nd;
}

static tnode *pipeline(parser *p, const char *context, tok_kind end);

static tnode *term(parser *p)
{
    tok *t = next_ns(p);
    char buf[256];
    switch (t->kind) {
    case K_IDENT: {
        if (!pq_tmpl_func_known(t->s, t->len)) {
            snprintf(buf, sizeof buf, "%.*s", (int)t->len, t->s);
            perr(p, t->line, "function \"%s\" not defined", buf);
            return NULL;
        }
        tnode *nd = mk(p, TN_IDENT, t);
        if (nd) {
            nd->text = pq_arena_strndup(p->a, t->s, t->len);
            nd->text_len = t->len;
        }
        return nd;
    }
    case K_DOT: return mk(p, TN_DOT, t);
    case K_NIL: return mk(p, TN_NIL, t);
    case K_VAR: {
        if (!var_defined(p, t->s, t->len)) {
            snprintf(buf, sizeof buf, "%.*s", (int)t->len, t->s);
            perr(p, t->line, "undefined variable \"%s\"", buf);
            return NULL;
        }
        tnode *nd = mk(p, TN_VARIABLE, t);
        if (nd && add_ident(p, nd, t->s, t->len))
            return NULL;
        return nd;
    }
    case K_FIELD: {
        tnode *nd = mk(p, TN_FIELD, t);
        if (nd && add_ident(p, nd, t->s + 1, t->len - 1))
            return NULL;
        return nd;
    }
    case K_BOOL: {
        tnode *nd = mk(p, TN_BOOL, t);
        if (nd)
            nd->bval = t->s[0] == 't';
        return nd;
    }
    case K_CHAR:
    case K_NUMBER: return number(p, t);
    case K_LPAREN: return pipeline(p, "parenthesized pipeline", K_RPAREN);
    case K_STRING:
    case K_RAWSTRING: {
        tnode *nd = mk(p, TN_STRING, t);
        if (!nd)
            return NULL;
        char *v;
        size_t vl;
        if (unquote(p, t, &v, &vl))
            return NULL;
        nd->text = v;
        nd->text_len = vl;
        nd->src = t->s;
        nd->src_len = t->len;
        return nd;
    }
    default:
        p->cur--;
        return NULL;
    }
}

static tnode *operand(parser *p)
{
    tnode *nd = term(p);
    if (!nd)
        return NULL;
    if (peek(p)->kind == K_FIELD) {
        if (nd->kind == TN_FIELD || nd->kind == TN_VARIABLE) {
            /* Go positions a field chain at its second element */
            nd->pos = peek(p)->pos;
            while (peek(p)->kind == K_FIELD) {
                tok *f = next(p);
                if (add_ident(p, nd, f->s + 1, f->len - 1))
                    return NULL;
            }
            return nd;
        }
        tnode *ch = mk(p, TN_CHAIN, peek(p));
        if (!ch)
            return NULL;
        ch->pos = nd->pos;
        ch->pipe = nd;
        while (peek(p)->kind == K_FIELD) {
            tok *f = next(p);
            if (add_ident(p, ch, f->s + 1, f->len - 1))
                return NULL;
        }
        if (nd->kind == TN_BOOL || nd->kind == TN_STRING || nd->kind == TN_NUMBER || nd->kind == TN_NIL ||
            nd->kind == TN_DOT) {
            char b[128];
            pq_strbuf sb;
            pq_strbuf_init(&sb);
            pq_tmpl_node_string(&sb, nd);
            snprintf(b, sizeof b, "%s", sb.data ? sb.data : "");
            pq_strbuf_free(&sb);
            perr(p, ch->line, "unexpected . after term \"%s\"", b);
            return NULL;
        }
        return ch;
    }
    return nd;
}

static tnode *command(parser *p)
{
    tnode *cmd = mk(p, TN_COMMAND, peek_ns(p));
    if (!cmd)
        return NULL;
    for (;;) {
        peek_ns(p);
        tnode *op = operand(p);
        if (p->failed)
            return NULL;
        if (op) {
            if (add_item(p, cmd, op))
                return NULL;
        }
        tok *t = next(p);
        switch (t->kind) {
        case K_SPACE:
            continue;
        case K_RDELIM:
        case K_RPAREN:
            p->cur--;
            break;
        case K_PIPE:
            break;
        default: {
            char b[128];
            snprintf(b, sizeof b, "%.*s", (int)(t->len > 60 ? 60 : t->len), t->s);
            if (t->kind == K_EOF)
                perr(p, t->line, "unexpected EOF in operand", NULL);
            else
                perr(p, t->line, "unexpected \"%s\" in operand", b);
            return NULL;
        }
        }
        break;
    }
    if (cmd->n == 0) {
        perr(p, cmd->line, "empty command", NULL);
        return NULL;
    }
    return cmd;
}

/* Each level of nesting costs about five recursive frames (pipeline, command, operand, term);
 * 200 levels stay far inside any thread's stack, sanitizers included, and far beyond what a
 * real template nests. The messages below spell the number out: keep them in step. */
#define MAX_PARSE_DEPTH 200

static tnode *pipeline_inner(parser *p, const char *context, tok_kind end);

static tnode *pipeline(parser *p, const char *context, tok_kind end)
{
    if (++p->depth > MAX_PARSE_DEPTH) {
        perr(p, peek(p)->line, "template nested too deeply (more than %s levels)", "200");
        return NULL;
    }
    tnode *r = pipeline_inner(p, context, end);
    p->depth--;
    return r;
}

static tnode *pipeline_inner(parser *p, const char *context, tok_kind end)
{
    tok *t0 = peek_ns(p);
    tnode *pipe = mk(p, TN_PIPE, t0);
    if (!pipe)
        return NULL;
    /* declarations: $x := / $x = / $k, $v := */
    if (t0->kind == K_VAR) {
        size_t save = p->cur;
        tok *v = next(p);
        tok *nt = peek_ns(p);
        if (nt->kind == K_DECLARE || nt->kind == K_ASSIGN ||
            (nt->kind == K_COMMA && strcmp(context, "range") == 0)) {
            const char *names[2];
            size_t nn = 0;
            names[nn++] = pq_arena_strndup(p->a, v->s, v->len);
            if (nt->kind == K_COMMA) {
                next(p);
                tok *v2 = next_ns(p);
                if (v2->kind != K_VAR) {
                    perr(p, v2->line, "range can only initialize variables", NULL);
                    return NULL;
                }
                names[nn++] = pq_arena_strndup(p->a, v2->s, v2->len);
                nt = peek_ns(p);
                if (nt->kind != K_DECLARE && nt->kind != K_ASSIGN) {
                    perr(p, nt->line, "unexpected \"%s\" in range", ",");
                    return NULL;
                }
            }
            next(p);
            pipe->is_assign = nt->kind == K_ASSIGN;
            pipe->decl = pq_arena_alloc(p->a, sizeof(char *) * 2);
            if (!pipe->decl || !names[0] || (nn > 1 && !names[1])) {
                perr(p, v->line, "out of memory", NULL);
                return NULL;
            }
            for (size_t i = 0; i < nn; i++) {
                if (pipe->is_assign) {
                    if (!var_defined(p, names[i], strlen(names[i]))) {
                        perr(p, v->line, "undefined variable \"%s\"", names[i]);
                        return NULL;
                    }
                } else if (push_var(p, names[i])) {
                    return NULL;
                }
                pipe->decl[pipe->ndecl++] = names[i];
            }
        } else {
            p->cur = save;
        }
    }
    for (;;) {
        tok *t = peek_ns(p);
        if (t->kind == end) {
            next(p);
            if (pipe->n == 0) {
                perr(p, t->line, "missing value for %s", context);
                return NULL;
            }
            /* only the first command may be a non-executable literal */
            for (size_t i = 1; i < pipe->n; i++) {
                tnode *a0 = pipe->items[i]->items[0];
                if (a0->kind == TN_BOOL || a0->kind == TN_DOT || a0->kind == TN_NIL || a0->kind == TN_NUMBER ||
                    a0->kind == TN_STRING) {
                    pq_strbuf sb;
                    pq_strbuf_init(&sb);
                    pq_tmpl_node_string(&sb, a0);
                    perr(p, t->line, "non executable command in pipeline stage %s",
                         (char[]){(char)('0' + (i + 1 > 9 ? 9 : (int)i + 1)), 0});
                    pq_strbuf_free(&sb);
                    return NULL;
                }
            }
            return pipe;
        }
        switch (t->kind) {
        case K_BOOL: case K_CHAR: case K_DOT: case K_FIELD: case K_IDENT: case K_NUMBER: case K_NIL:
        case K_RAWSTRING: case K_STRING: case K_VAR: case K_LPAREN: {
            tnode *c = command(p);
            if (!c || add_item(p, pipe, c))
                return NULL;
            break;
        }
        case K_EOF:
            perr(p, t->line, "unclosed action", NULL);
            return NULL;
        default: {
            char b[128];
            snprintf(b, sizeof b, "%.*s", (int)(t->len > 60 ? 60 : t->len), t->s);
            if (t->kind == K_RDELIM)
                snprintf(b, sizeof b, "}}");
            perr(p, t->line, "unexpected \"%s\"", b);
            if (p->failed) {
                /* Go: unexpected %s in %s */
                char m[300];
                snprintf(m, sizeof m, "unexpected \"%s\" in %s", b, context);
                snprintf(p->err, p->errlen, "template: %s:%d: %s", p->name, t->line, m);
            }
            return NULL;
        }
        }
    }
}

static tnode *item_list(parser *p, tok_kind *ended_by, tok **end_tok);

/* Parses after "{{if" / "{{range" / "{{with": pipeline, list, optional else, end. */
static tnode *control_inner(parser *p, tnode_kind kind, const tok *kw, const char *context);

static tnode *control(parser *p, tnode_kind kind, const tok *kw, const char *context)
{
    if (++p->depth > MAX_PARSE_DEPTH) {
        perr(p, kw->line, "template nested too deeply (more than %s levels)", "200");
        return NULL;
    }
    tnode *r = control_inner(p, kind, kw, context);
    p->depth--;
    return r;
}

static tnode *control_inner(parser *p, tnode_kind kind, const tok *kw, const char *context)
{
    size_t vars_mark = p->nvars;
    tnode *nd = mk(p, kind, kw);
    if (!nd)
        return NULL;
    nd->pipe = pipeline(p, context, K_RDELIM);
    if (!nd->pipe)
        return NULL;
    if (kind == TN_RANGE)
        p->range_depth++;
    tok_kind ended;
    tok *et;
    nd->list = item_list(p, &ended, &et);
    if (kind == TN_RANGE)
        p->range_depth--;
    if (!nd->list)
        return NULL;
    if (ended == K_KEYWORD && et->len == 4 && memcmp(et->s, "else", 4) == 0) {
        /* "else if" / "else with" chain: treat as a nested control in the else list */
        tok *t = peek_ns(p);
        if (t->kind == K_KEYWORD && ((kind == TN_IF && t->len == 2 && memcmp(t->s, "if", 2) == 0) ||
                                     (kind == TN_WITH && t->len == 4 && memcmp(t->s, "with", 4) == 0))) {
            next(p);
            tnode *inner = control(p, kind, t, context);
            if (!inner)
                return NULL;
            tnode *lst = mk(p, TN_LIST, t);
            if (!lst || add_item(p, lst, inner))
                return NULL;
            nd->else_list = lst;
            p->nvars = vars_mark;
            return nd;
        }
        tok *rd = next_ns(p);
        if (rd->kind != K_RDELIM) {
            perr(p, rd->line, "unexpected \"%s\" in else", "?");
            return NULL;
        }
        if (kind == TN_RANGE)
            p->range_depth++;
        nd->else_list = item_list(p, &ended, &et);
        if (kind == TN_RANGE)
            p->range_depth--;
        if (!nd->else_list)
            return NULL;
        if (!(ended == K_KEYWORD && et->len == 3 && memcmp(et->s, "end", 3) == 0)) {
            perr(p, et->line, "expected end; found {{else}}", NULL);
            return NULL;
        }
    } else if (!(ended == K_KEYWORD && et->len == 3 && memcmp(et->s, "end", 3) == 0)) {
        perr(p, et->line, "unexpected EOF", NULL);
        return NULL;
    }
    p->nvars = vars_mark;
    return nd;
}

/* Parses nodes until {{end}} / {{else}} (reported through ended_by) or EOF. */
static tnode *item_list(parser *p, tok_kind *ended_by, tok **end_tok)
{
    tnode *list = mk(p, TN_LIST, peek(p));
    if (!list)
        return NULL;
    for (;;) {
        tok *t = next(p);
        if (t->kind == K_EOF) {
            *ended_by = K_EOF;
            *end_tok = t;
            return list;
        }
        if (t->kind == K_TEXT) {
            tnode *nd = mk(p, TN_TEXT, t);
            if (!nd)
                return NULL;
            nd->text = t->s;
            nd->text_len = t->len;
            if (add_item(p, list, nd))
                return NULL;
            continue;
        }
        /* K_LDELIM */
        tok *k = peek_ns(p);
        if (k->kind == K_KEYWORD) {
            next(p);
            if ((k->len == 3 && memcmp(k->s, "end", 3) == 0) || (k->len == 4 && memcmp(k->s, "else", 4) == 0)) {
                if (k->s[1] == 'n') {
                    tok *rd = next_ns(p);
                    if (rd->kind != K_RDELIM) {
                        perr(p, rd->line, "unexpected \"%s\" in end", "?");
                        return NULL;
                    }
                }
                *ended_by = K_KEYWORD;
                *end_tok = k;
                return list;
            }
            tnode *nd = NULL;
            if (k->len == 2 && memcmp(k->s, "if", 2) == 0)
                nd = control(p, TN_IF, k, "if");
            else if (k->len == 5 && memcmp(k->s, "range", 5) == 0)
                nd = control(p, TN_RANGE, k, "range");
            else if (k->len == 4 && memcmp(k->s, "with", 4) == 0)
                nd = control(p, TN_WITH, k, "with");
            else if ((k->len == 5 && memcmp(k->s, "break", 5) == 0) ||
                     (k->len == 8 && memcmp(k->s, "continue", 8) == 0)) {
                const char *w = k->len == 5 ? "break" : "continue";
                if (p->range_depth == 0) {
                    perr(p, k->line, "{{%s}} outside {{range}}", w);
                    return NULL;
                }
                tok *rd = next_ns(p);
                if (rd->kind != K_RDELIM) {
                    perr(p, rd->line, "unexpected \"%s\" in {{break}}", "?");
                    return NULL;
                }
                nd = mk(p, k->len == 5 ? TN_BREAK : TN_CONTINUE, k);
            } else {
                char w[32];
                snprintf(w, sizeof w, "%.*s", (int)k->len, k->s);
                perr(p, k->line, "{{%s}} is not supported by promql-c templates", w);
                return NULL;
            }
            if (!nd || add_item(p, list, nd))
                return NULL;
            continue;
        }
        tnode *act = mk(p, TN_ACTION, k);
        if (!act)
            return NULL;
        act->pipe = pipeline(p, "command", K_RDELIM);
        if (!act->pipe || add_item(p, list, act))
            return NULL;
    }
}

tnode *pq_tmpl_parse(pq_arena *a, const char *text, size_t len, const char *name, char *errbuf, size_t errlen)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.a = a;
    p.text = text;
    p.len = len;
    p.name = name;
    p.err = errbuf;
    p.errlen = errlen;
    if (push_var(&p, "$") || lex(&p))
        return NULL;
    tok_kind ended;
    tok *et;
    tnode *root = item_list(&p, &ended, &et);
    if (!root)
        return NULL;
    if (ended != K_EOF) {
        char w[32];
        snprintf(w, sizeof w, "%.*s", (int)et->len, et->s);
        perr(&p, et->line, "unexpected {{%s}}", w);
        return NULL;
    }
    return root;
}

void pq_tmpl_node_string(pq_strbuf *b, const tnode *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case TN_IDENT: pq_strbuf_append(b, n->text, n->text_len); break;
    case TN_DOT: pq_strbuf_putc(b, '.'); break;
    case TN_NIL: pq_strbuf_puts(b, "nil"); break;
    case TN_BOOL: pq_strbuf_puts(b, n->bval ? "true" : "false"); break;
    case TN_NUMBER:
    case TN_STRING: pq_strbuf_append(b, n->src, n->src_len); break;
    case TN_FIELD:
        for (size_t i = 0; i < n->nidents; i++) {
            pq_strbuf_putc(b, '.');
            pq_strbuf_puts(b, n->idents[i]);
        }
        break;
    case TN_VARIABLE:
        for (size_t i = 0; i < n->nidents; i++) {
            if (i)
                pq_strbuf_putc(b, '.');
            pq_strbuf_puts(b, n->idents[i]);
        }
        break;
    case TN_CHAIN:
        if (n->pipe && n->pipe->kind == TN_PIPE) {
            pq_strbuf_putc(b, '(');
            pq_tmpl_node_string(b, n->pipe);
            pq_strbuf_putc(b, ')');
        } else {
            pq_tmpl_node_string(b, n->pipe);
        }
        for (size_t i = 0; i < n->nidents; i++) {
            pq_strbuf_putc(b, '.');
            pq_strbuf_puts(b, n->idents[i]);
        }
        break;
    case TN_COMMAND:
        for (size_t i = 0; i < n->n; i++) {
            if (i)
                pq_strbuf_putc(b, ' ');
            if (n->items[i]->kind == TN_PIPE) {
                pq_strbuf_putc(b, '(');
                pq_tmpl_node_string(b, n->items[i]);
                pq_strbuf_putc(b, ')');
            } else {
                pq_tmpl_node_string(b, n->items[i]);
            }
        }
        break;
    case TN_PIPE:
        for (size_t i = 0; i < n->ndecl; i++) {
            if (i)
                pq_strbuf_puts(b, ", ");
            pq_strbuf_puts(b, n->decl[i]);
        }
        if (n->ndecl)
            pq_strbuf_puts(b, n->is_assign ? " = " : " := ");
        for (size_t i = 0; i < n->n; i++) {
            if (i)
                pq_strbuf_puts(b, " | ");
            pq_tmpl_node_string(b, n->items[i]);
        }
        break;
    case TN_ACTION:
        pq_strbuf_puts(b, "{{");
        pq_tmpl_node_string(b, n->pipe);
        pq_strbuf_puts(b, "}}");
        break;
    default: break;
    }
}
