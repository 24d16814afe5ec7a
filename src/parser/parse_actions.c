/*
 * parse_actions.c -- the grammar's actions: build AST nodes in the arena and raise the errors
 * Prometheus's parser raises while parsing (parse.go's newAggregateExpr, addOffset, setTimestamp,
 * newLabelMatcher, the duration-expression helpers, ...), with the same messages and ranges.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse_internal.h"
#include "promql_parser.h"
#include "storage/regex.h"
#include "util/gotime.h"

/* ---- errors --------------------------------------------------------------------------------- */

void pq_ctx_error(pq_parse_ctx *ctx, uint32_t start, uint32_t end, const char *fmt, ...)
{
    if (ctx->has_error)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->message, sizeof ctx->message, fmt, ap);
    va_end(ap);
    ctx->has_error = true;
    ctx->err_start = start;
    ctx->err_end = end;
}

void pq_ctx_oom(pq_parse_ctx *ctx)
{
    if (!ctx->has_error)
        ctx->oom = true;
    pq_ctx_error(ctx, 0, 0, "out of memory");
}

void pq_ctx_syntax_error(pq_parse_ctx *ctx, int major, const pq_token *tok)
{
    if (ctx->bad_token_set)
        return;
    ctx->bad_token = *tok;
    ctx->bad_token.type = major;
    ctx->bad_token_set = true;
}

/* Item.desc() of lex.go for the token. */
static void token_desc(pq_parse_ctx *ctx, const pq_token *t, char *out, size_t n)
{
    const char *text = ctx->input + t->pos;
    size_t len = t->len;
    const char *kind = NULL;
    char *q;
    switch (t->type) {
    case TK_EOF:
        snprintf(out, n, "end of input");
        return;
    case TK_IDENTIFIER:
    case TK_METRIC_IDENTIFIER:
        q = pq_go_quote_string(text, len, 0);
        snprintf(out, n, "%s %s", t->type == TK_IDENTIFIER ? "identifier" : "metric identifier", q ? q : "");
        free(q);
        return;
    case TK_STRING: kind = "string"; break;
    case TK_NUMBER: kind = "number"; break;
    case TK_DURATION: kind = "duration"; break;
    case TK_BOOL: case TK_BY: case TK_GROUP_LEFT: case TK_GROUP_RIGHT: case TK_FILL:
    case TK_FILL_LEFT: case TK_FILL_RIGHT: case TK_IGNORING: case TK_OFFSET: case TK_SMOOTHED:
    case TK_ANCHORED: case TK_ON: case TK_WITHOUT:
        snprintf(out, n, "<%.*s>", (int)len, text);
        return;
    case TK_ADD: case TK_DIV: case TK_EQLC: case TK_EQL_REGEX: case TK_GTE: case TK_GTR:
    case TK_TRIM_UPPER: case TK_TRIM_LOWER: case TK_LAND: case TK_LOR: case TK_LSS: case TK_LTE:
    case TK_LUNLESS: case TK_MOD: case TK_MUL: case TK_NEQ: case TK_NEQ_REGEX: case TK_POW:
    case TK_SUB: case TK_AT: case TK_ATAN2:
        snprintf(out, n, "<op:%.*s>", (int)len, text);
        return;
    case TK_AVG: case TK_BOTTOMK: case TK_COUNT: case TK_COUNT_VALUES: case TK_GROUP: case TK_MAX:
    case TK_MIN: case TK_QUANTILE: case TK_STDDEV: case TK_STDVAR: case TK_SUM: case TK_TOPK:
    case TK_LIMITK: case TK_LIMIT_RATIO:
        snprintf(out, n, "<aggr:%.*s>", (int)len, text);
        return;
    default:
        break;
    }
    /* Item.String(): values longer than 10 bytes are cut to 10 runes and get "..." */
    if (len > 10) {
        q = pq_go_quote_string(text, len, 10);
        if (kind)
            snprintf(out, n, "%s %s...", kind, q ? q : "");
        else
            snprintf(out, n, "%s...", q ? q : "");
    } else {
        q = pq_go_quote_string(text, len, 0);
        if (kind)
            snprintf(out, n, "%s %s", kind, q ? q : "");
        else
            snprintf(out, n, "%s", q ? q : "");
    }
    free(q);
}

void pq_ctx_unexpected(pq_parse_ctx *ctx, const char *context, const char *expected)
{
    if (ctx->has_error || !ctx->bad_token_set)
        return;
    char desc[512];
    token_desc(ctx, &ctx->bad_token, desc, sizeof desc);
    char msg[1024];
    size_t o = (size_t)snprintf(msg, sizeof msg, "unexpected %s", desc);
    if (context && *context && o < sizeof msg)
        o += (size_t)snprintf(msg + o, sizeof msg - o, " in %s", context);
    if (expected && *expected && o < sizeof msg)
        snprintf(msg + o, sizeof msg - o, ", expected %s", expected);
    pq_ctx_error(ctx, ctx->bad_token.pos, ctx->bad_token.pos + ctx->bad_token.len, "%s", msg);
}

/* ---- allocation helpers ----------------------------------------------------------------------- */

static pq_node *new_node(pq_parse_ctx *ctx, pq_node_kind kind, uint32_t start, uint32_t end)
{
    pq_node *n = pq_node_new(ctx->arena, kind, start, end);
    if (!n)
        pq_ctx_oom(ctx);
    return n;
}

static void *grow(pq_parse_ctx *ctx, void *items, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *n = pq_arena_realloc(ctx->arena, items, *cap * elem, ncap * elem);
    if (!n) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    *cap = ncap;
    return n;
}

char *pq_tok_text(pq_parse_ctx *ctx, const pq_token *t)
{
    char *s = pq_arena_strndup(ctx->arena, ctx->input + t->pos, t->len);
    if (!s)
        pq_ctx_oom(ctx);
    return s;
}

/* ---- strings ------------------------------------------------------------------------------- */

static int unhex(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t put_utf8(uint32_t r, char *out)
{
    if (r < 0x80) { out[0] = (char)r; return 1; }
    if (r < 0x800) { out[0] = (char)(0xC0 | (r >> 6)); out[1] = (char)(0x80 | (r & 0x3F)); return 2; }
    if (r >= 0xD800 && r <= 0xDFFF)
        r = 0xFFFD;
    if (r < 0x10000) {
        out[0] = (char)(0xE0 | (r >> 12)); out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
        out[2] = (char)(0x80 | (r & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (r >> 18)); out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((r >> 6) & 0x3F)); out[3] = (char)(0x80 | (r & 0x3F)); return 4;
}

int pq_unquote(pq_arena *a, const char *s, size_t n, char **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    if (n < 2)
        return -1;
    char quote = s[0];
    if (quote != s[n - 1])
        return -1;
    s++;
    n -= 2;
    if (quote == '`') {
        if (memchr(s, '`', n))
            return -1;
        *out = pq_arena_strndup(a, s, n);
        *outlen = n;
        return *out ? 0 : -2;
    }
    if (quote != '"' && quote != '\'')
        return -1;
    if (memchr(s, '\n', n))
        return -1;
    char *buf = pq_arena_alloc(a, n + 1);
    if (!buf)
        return -2;
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote)
            return -1;
        if (c != '\\') {
            buf[o++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n)
            return -1;
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'a': buf[o++] = '\a'; break;
        case 'b': buf[o++] = '\b'; break;
        case 'f': buf[o++] = '\f'; break;
        case 'n': buf[o++] = '\n'; break;
        case 'r': buf[o++] = '\r'; break;
        case 't': buf[o++] = '\t'; break;
        case 'v': buf[o++] = '\v'; break;
        case '\\': buf[o++] = '\\'; break;
        case '\'': case '"':
            if (e != quote)
                return -1;
            buf[o++] = e;
            break;
        case 'x': case 'u': case 'U': {
            size_t k = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
            if (n - i < k)
                return -1;
            uint32_t v = 0;
            for (size_t j = 0; j < k; j++) {
                int h = unhex(s[i + j]);
                if (h < 0)
                    return -1;
                v = (v << 4) | (uint32_t)h;
            }
            i += k;
            if (e == 'x') {
                buf[o++] = (char)v;
                break;
            }
            if (v > 0x10FFFF)
                return -1;
            /* \u and \U escapes expand to at most 4 bytes from 6 or 10 input bytes */
            o += put_utf8(v, buf + o);
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            if (n - i < 2)
                return -1;
            uint32_t v = (uint32_t)(e - '0');
            for (int j = 0; j < 2; j++) {
                int d = s[i + j] - '0';
                if (d < 0 || d > 7)
                    return -1;
                v = (v << 3) | (uint32_t)d;
            }
            i += 2;
            if (v > 255)
                return -1;
            buf[o++] = (char)v;
            break;
        }
        default:
            return -1;
        }
    }
    buf[o] = 0;
    *out = buf;
    *outlen = o;
    return 0;
}

char *pq_unquote_token(pq_parse_ctx *ctx, const pq_token *t, size_t *len)
{
    char *out;
    size_t n;
    int rc = pq_unquote(ctx->arena, ctx->input + t->pos, t->len, &out, &n);
    if (rc == -2) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    if (rc != 0) {
        char *q = pq_go_quote_string(ctx->input + t->pos, t->len, 0);
        pq_ctx_error(ctx, t->pos, t->pos + t->len, "error unquoting string %s: invalid syntax", q ? q : "");
        free(q);
        return NULL;
    }
    if (len)
        *len = n;
    return out;
}

/* ---- numbers and durations --------------------------------------------------------------- */

/* Go's underscoreOK: '_' only between digits (or after a base prefix). */
static int underscore_ok(const char *s, size_t n)
{
    char saw = '^';
    size_t i = 0;
    int hex = 0;
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' || s[1] == 'B' || s[1] == 'o' || s[1] == 'O')) {
        hex = s[1] == 'x' || s[1] == 'X';
        i = 2;
        saw = '0';
    }
    for (; i < n; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && unhex(c) >= 0)) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return 0;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return 0;
        saw = '!';
    }
    return saw != '_';
}

/* strconv.ParseInt(s, 0, 64) for the forms the lexer can produce. */
static int parse_go_int(const char *s, size_t n, double *out)
{
    if (n == 0 || n > 200)
        return -1;
    if (memchr(s, '_', n) && !underscore_ok(s, n))
        return -1;
    int base = 10;
    size_t i = 0;
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        i = 2;
    } else if (n >= 1 && s[0] == '0') {
        base = 8;
        i = 1;
        if (n == 1) {
            *out = 0;
            return 0;
        }
    }
    if (i >= n)
        return -1;
    uint64_t v = 0;
    int any = 0;
    for (; i < n; i++) {
        if (s[i] == '_')
            continue;
        int d = unhex(s[i]);
        if (d < 0 || d >= base)
            return -1;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return -1;
        v = v * (uint64_t)base + (uint64_t)d;
        any = 1;
    }
    if (!any || v > (uint64_t)INT64_MAX)
        return -1;
    *out = (double)(int64_t)v;
    return 0;
}

int pq_parse_number_text(const char *s, size_t n, double *out, char *err, size_t errlen)
{
    if (parse_go_int(s, n, out) == 0)
        return 0;
    int ok = n > 0;
    if (ok && memchr(s, '_', n) && !underscore_ok(s, n))
        ok = 0;
    char *buf = ok ? malloc(n + 1) : NULL;
    size_t o = 0;
    if (buf) {
        for (size_t i = 0; i < n; i++)
            if (s[i] != '_')
                buf[o++] = s[i];
        buf[o] = 0;
        /* Go's ParseFloat needs a 'p' exponent for hex, which the lexer never lets through. */
        if (o >= 2 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X'))
            ok = 0;
    } else {
        ok = 0;
    }
    int rc = -1;
    const char *why = "invalid syntax";
    if (ok) {
        char *end;
        errno = 0;
        double v = strtod(buf, &end);
        if (end == buf + o) {
            if (errno == ERANGE && isinf(v)) {
                why = "value out of range";
            } else {
                *out = v;
                rc = 0;
            }
        }
    }
    free(buf);
    if (rc != 0) {
        char *q = pq_go_quote_string(s, n, 0);
        snprintf(err, errlen, "error parsing number: strconv.ParseFloat: parsing %s: %s", q ? q : "", why);
        free(q);
    }
    return rc;
}

/* model.ParseDuration of prometheus/common (util/gotime), and the value in seconds. */
int pq_parse_duration_text(const char *s, size_t n, int64_t *ms_out, double *seconds, char *err,
                           size_t errlen)
{
    if (pq_go_parse_duration(s, n, ms_out, err, errlen) != 0)
        return -1;
    *seconds = (double)*ms_out / 1000.0;
    return 0;
}

pq_node *pq_act_number(pq_parse_ctx *ctx, const pq_token *t)
{
    pq_node *n = new_node(ctx, PQ_NODE_NUMBER, t->pos, t->pos + t->len);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_SCALAR;
    char err[512];
    if (pq_parse_number_text(ctx->input + t->pos, t->len, &n->u.number.value, err, sizeof err) != 0)
        pq_ctx_error(ctx, t->pos, t->pos + t->len, "%s", err);
    return n;
}

pq_node *pq_act_duration(pq_parse_ctx *ctx, const pq_token *t)
{
    pq_node *n = new_node(ctx, PQ_NODE_NUMBER, t->pos, t->pos + t->len);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_SCALAR;
    n->u.number.is_duration = true;
    char err[512];
    int64_t ms;
    double sec = 0;
    if (pq_parse_duration_text(ctx->input + t->pos, t->len, &ms, &sec, err, sizeof err) != 0)
        pq_ctx_error(ctx, t->pos, t->pos + t->len, "%s", err);
    n->u.number.value = sec;
    return n;
}

/* The value of a (possibly signed) number or duration token of signed_or_unsigned_number. */
double pq_act_number_value(pq_parse_ctx *ctx, const pq_token *t)
{
    const char *s = ctx->input + t->pos;
    size_t n = t->len;
    double sign = 1;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        s++;
        n--;
        while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '#')) {
            if (*s == '#') {
                while (n > 0 && *s != '\n' && *s != '\r') { s++; n--; }
                continue;
            }
            s++;
            n--;
        }
    }
    pq_token tok = {t->type, (uint32_t)(s - ctx->input), (uint32_t)n};
    pq_node *nl = t->type == TK_DURATION ? pq_act_duration(ctx, &tok) : pq_act_number(ctx, &tok);
    return nl ? sign * nl->u.number.value : 0;
}

pq_node *pq_act_string(pq_parse_ctx *ctx, const pq_token *t)
{
    pq_node *n = new_node(ctx, PQ_NODE_STRING, t->pos, t->pos + t->len);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_STRING;
    size_t len = 0;
    n->u.string.value = pq_unquote_token(ctx, t, &len);
    n->u.string.len = len;
    if (!n->u.string.value)
        n->u.string.value = "";
    return n;
}

pq_node *pq_act_paren(pq_parse_ctx *ctx, const pq_token *l, pq_node *e, const pq_token *r)
{
    if (!e)
        return NULL;
    pq_node *n = new_node(ctx, PQ_NODE_PAREN, l->pos, r->pos + 1);
    if (!n)
        return NULL;
    n->u.paren.expr = e;
    n->type = e->type;
    return n;
}

pq_node *pq_act_unary(pq_parse_ctx *ctx, const pq_token *op, pq_node *e)
{
    if (!e)
        return NULL;
    if (e->kind == PQ_NODE_NUMBER) {
        if (op->type == TK_SUB)
            e->u.number.value = -e->u.number.value;
        e->pos_start = op->pos;
        return e;
    }
    pq_node *n = new_node(ctx, PQ_NODE_UNARY, op->pos, e->pos_end);
    if (!n)
        return NULL;
    n->u.unary.op = op->type == TK_SUB ? PQ_OP_SUB : PQ_OP_ADD;
    n->u.unary.expr = e;
    n->type = e->type;
    return n;
}

/* ---- binary expressions ------------------------------------------------------------------------ */

static pq_op token_op(int type)
{
    switch (type) {
    case TK_ADD: return PQ_OP_ADD;
    case TK_SUB: return PQ_OP_SUB;
    case TK_MUL: return PQ_OP_MUL;
    case TK_DIV: return PQ_OP_DIV;
    case TK_MOD: return PQ_OP_MOD;
    case TK_POW: return PQ_OP_POW;
    case TK_ATAN2: return PQ_OP_ATAN2;
    case TK_EQLC: return PQ_OP_EQLC;
    case TK_NEQ: return PQ_OP_NEQ;
    case TK_GTR: return PQ_OP_GTR;
    case TK_LSS: return PQ_OP_LSS;
    case TK_GTE: return PQ_OP_GTE;
    case TK_LTE: return PQ_OP_LTE;
    case TK_TRIM_UPPER: return PQ_OP_TRIM_UPPER;
    case TK_TRIM_LOWER: return PQ_OP_TRIM_LOWER;
    case TK_LAND: return PQ_OP_LAND;
    case TK_LOR: return PQ_OP_LOR;
    case TK_LUNLESS: return PQ_OP_LUNLESS;
    case TK_SUM: return PQ_OP_SUM;
    case TK_AVG: return PQ_OP_AVG;
    case TK_COUNT: return PQ_OP_COUNT;
    case TK_MIN: return PQ_OP_MIN;
    case TK_MAX: return PQ_OP_MAX;
    case TK_GROUP: return PQ_OP_GROUP;
    case TK_STDDEV: return PQ_OP_STDDEV;
    case TK_STDVAR: return PQ_OP_STDVAR;
    case TK_TOPK: return PQ_OP_TOPK;
    case TK_BOTTOMK: return PQ_OP_BOTTOMK;
    case TK_COUNT_VALUES: return PQ_OP_COUNT_VALUES;
    case TK_QUANTILE: return PQ_OP_QUANTILE;
    case TK_LIMITK: return PQ_OP_LIMITK;
    case TK_LIMIT_RATIO: return PQ_OP_LIMIT_RATIO;
    case TK_STEP: return PQ_OP_STEP;
    case TK_RANGE: return PQ_OP_RANGE;
    case TK_MIN_OF: return PQ_OP_MIN_OF;
    case TK_MAX_OF: return PQ_OP_MAX_OF;
    default: return PQ_OP_NONE;
    }
}

pq_binmod *pq_act_binmod(pq_parse_ctx *ctx, bool return_bool)
{
    pq_binmod *m = pq_arena_calloc(ctx->arena, 1, sizeof *m);
    if (!m) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    m->return_bool = return_bool;
    m->vm.card = PQ_CARD_ONE_TO_ONE;
    return m;
}

static pq_strlist to_strlist(pq_labellist *l)
{
    pq_strlist s = {NULL, 0};
    if (l) {
        s.items = l->items;
        s.count = l->count;
    }
    return s;
}

pq_binmod *pq_act_on_ignoring(pq_parse_ctx *ctx, pq_binmod *m, bool on, pq_labellist *labels)
{
    if (!m)
        return NULL;
    m->vm.matching_labels = to_strlist(labels);
    m->vm.on = on;
    m->vm.has_on_or_ignoring = true;
    return m;
}

pq_binmod *pq_act_group(pq_parse_ctx *ctx, pq_binmod *m, pq_card card, pq_labellist *labels)
{
    if (!m)
        return NULL;
    m->vm.card = card;
    m->vm.include = to_strlist(labels);
    m->vm.has_include_parens = labels != NULL;
    return m;
}

pq_binmod *pq_act_fill(pq_parse_ctx *ctx, pq_binmod *m, pq_node *lhs, pq_node *rhs)
{
    if (!m)
        return NULL;
    if (lhs) {
        m->vm.has_fill_lhs = true;
        m->vm.fill_lhs = lhs->u.number.value;
    }
    if (rhs) {
        m->vm.has_fill_rhs = true;
        m->vm.fill_rhs = rhs->u.number.value;
    }
    return m;
}

pq_node *pq_act_fill_value(pq_parse_ctx *ctx, const pq_token *sign, pq_node *nl)
{
    if (!nl)
        return NULL;
    if (sign) {
        if (sign->type == TK_SUB)
            nl->u.number.value = -nl->u.number.value;
        nl->pos_start = sign->pos;
    }
    return nl;
}

pq_node *pq_act_binary(pq_parse_ctx *ctx, pq_node *lhs, const pq_token *op, pq_binmod *mod, pq_node *rhs)
{
    if (!lhs || !rhs || !mod)
        return NULL;
    pq_node *n = new_node(ctx, PQ_NODE_BINARY, lhs->pos_start, rhs->pos_end);
    if (!n)
        return NULL;
    n->u.binary.op = token_op(op->type);
    n->u.binary.lhs = lhs;
    n->u.binary.rhs = rhs;
    n->u.binary.return_bool = mod->return_bool;
    n->u.binary.matching = pq_arena_calloc(ctx->arena, 1, sizeof(pq_vector_matching));
    if (!n->u.binary.matching) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    *n->u.binary.matching = mod->vm;
    n->type = (lhs->type == PQ_TYPE_SCALAR && rhs->type == PQ_TYPE_SCALAR) ? PQ_TYPE_SCALAR : PQ_TYPE_VECTOR;
    if (!ctx->opts->enable_binop_fill_modifiers && (mod->vm.has_fill_lhs || mod->vm.has_fill_rhs))
        pq_ctx_error(ctx, n->pos_start, n->pos_end, "binop fill modifiers are experimental and not enabled");
    return n;
}

/* ---- grouping labels ----------------------------------------------------------------------- */

pq_labellist *pq_labellist_new(pq_parse_ctx *ctx)
{
    pq_labellist *l = pq_arena_calloc(ctx->arena, 1, sizeof *l);
    if (!l)
        pq_ctx_oom(ctx);
    return l;
}

pq_labellist *pq_labellist_add(pq_parse_ctx *ctx, pq_labellist *l, const pq_label_item *item)
{
    if (!l)
        l = pq_labellist_new(ctx);
    if (!l || !item->name)
        return l;
    char **items = grow(ctx, l->items, &l->cap, l->count, sizeof(char *));
    if (!items)
        return l;
    l->items = items;
    l->items[l->count++] = item->name;
    return l;
}

/* model.UTF8Validation.IsValidLabelName: non-empty valid UTF-8. */
static bool valid_label_name(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n;) {
        int w;
        int32_t r = pq_utf8_decode(s + i, n - i, &w);
        if (r == 0xFFFD && w == 1)
            return false;
        i += (size_t)w;
    }
    return true;
}

pq_label_item pq_act_grouping_label(pq_parse_ctx *ctx, const pq_token *t, bool quoted)
{
    pq_label_item it = {NULL, t->pos, t->pos + t->len};
    size_t len = t->len;
    if (quoted)
        it.name = pq_unquote_token(ctx, t, &len);
    else
        it.name = pq_tok_text(ctx, t);
    if (!it.name)
        return it;
    if (!valid_label_name(it.name, len)) {
        char *q = pq_go_quote_string(it.name, len, 0);
        pq_ctx_error(ctx, t->pos, t->pos + t->len, "invalid label name for grouping: %s", q ? q : "");
        free(q);
    }
    return it;
}

/* ---- aggregations and calls -------------------------------------------------------------------- */

pq_nodelist *pq_nodelist_add(pq_parse_ctx *ctx, pq_nodelist *l, pq_node *n)
{
    if (!l) {
        l = pq_arena_calloc(ctx->arena, 1, sizeof *l);
        if (!l) {
            pq_ctx_oom(ctx);
            return NULL;
        }
    }
    if (!n)
        return l;
    pq_node **items = grow(ctx, l->items, &l->cap, l->count, sizeof(pq_node *));
    if (!items)
        return l;
    l->items = items;
    l->items[l->count++] = n;
    return l;
}

pq_node *pq_act_agg_modifier(pq_parse_ctx *ctx, bool without, pq_labellist *labels, uint32_t end)
{
    pq_node *n = new_node(ctx, PQ_NODE_AGGREGATE, 0, labels ? labels->end : end);
    if (!n)
        return NULL;
    n->u.aggregate.without = without;
    n->u.aggregate.has_grouping = true;
    n->u.aggregate.grouping = to_strlist(labels);
    return n;
}

static const char *op_token_name(pq_op op)
{
    return pq_op_name(op);
}

pq_node *pq_act_aggregate(pq_parse_ctx *ctx, const pq_token *op, pq_node *modifier, pq_nodelist *args,
                          const pq_token *unused)
{
    (void)unused;
    if (!args)
        return NULL;
    uint32_t end = args->pos_end;
    if (modifier && modifier->pos_end > end)
        end = modifier->pos_end;
    pq_node *n = new_node(ctx, PQ_NODE_AGGREGATE, op->pos, end);
    if (!n)
        return NULL;
    if (modifier)
        n->u.aggregate = modifier->u.aggregate;
    n->u.aggregate.op = token_op(op->type);
    n->type = PQ_TYPE_VECTOR;
    if (args->count == 0) {
        pq_ctx_error(ctx, n->pos_start, n->pos_end, "no arguments for aggregate expression provided");
        return n;
    }
    size_t desired = 1;
    if (pq_op_is_aggregation_with_param(n->u.aggregate.op)) {
        if (!ctx->opts->enable_experimental_functions &&
            (n->u.aggregate.op == PQ_OP_LIMITK || n->u.aggregate.op == PQ_OP_LIMIT_RATIO)) {
            pq_ctx_error(ctx, n->pos_start, n->pos_end,
                         "%s() is experimental and must be enabled with --enable-feature=promql-experimental-functions",
                         op_token_name(n->u.aggregate.op));
            return n;
        }
        desired = 2;
        n->u.aggregate.param = args->items[0];
    }
    if (args->count != desired) {
        pq_ctx_error(ctx, n->pos_start, n->pos_end,
                     "wrong number of arguments for aggregate expression provided, expected %zu, got %zu",
                     desired, args->count);
        return n;
    }
    n->u.aggregate.expr = args->items[desired - 1];
    return n;
}

pq_node *pq_act_call(pq_parse_ctx *ctx, const pq_token *name, pq_nodelist *args, uint32_t end)
{
    (void)end;
    if (!args)
        return NULL;
    const pq_function *fn = pq_function_lookup(ctx->input + name->pos, name->len);
    if (!fn) {
        char *q = pq_go_quote_string(ctx->input + name->pos, name->len, 0);
        pq_ctx_error(ctx, name->pos, name->pos + name->len, "unknown function with name %s", q ? q : "");
        free(q);
    } else if (fn->experimental && !ctx->opts->enable_experimental_functions) {
        char *q = pq_go_quote_string(ctx->input + name->pos, name->len, 0);
        pq_ctx_error(ctx, name->pos, name->pos + name->len, "function %s is not enabled", q ? q : "");
        free(q);
    }
    pq_node *n = new_node(ctx, PQ_NODE_CALL, name->pos, args->pos_end);
    if (!n)
        return NULL;
    n->u.call.func = fn;
    n->u.call.args = args->items;
    n->u.call.arg_count = args->count;
    n->type = fn ? fn->return_type : PQ_TYPE_NONE;
    return n;
}

/* ---- selectors ------------------------------------------------------------------------------- */

pq_name pq_act_name_token(pq_parse_ctx *ctx, const pq_token *t)
{
    pq_name n = {pq_tok_text(ctx, t), t->pos, t->pos + t->len, false};
    return n;
}

pq_name pq_act_name_string(pq_parse_ctx *ctx, const pq_token *t)
{
    size_t len = 0;
    pq_name n = {pq_unquote_token(ctx, t, &len), t->pos, 0, true};
    /* Prometheus keeps the unquoted value in an Item at the quote's position, so the item's
     * range is [pos, pos+len(unquoted)). */
    n.end = t->pos + (uint32_t)len;
    return n;
}

pq_matcherlist *pq_matcherlist_add(pq_parse_ctx *ctx, pq_matcherlist *l, pq_matcher *m)
{
    if (!l) {
        l = pq_arena_calloc(ctx->arena, 1, sizeof *l);
        if (!l) {
            pq_ctx_oom(ctx);
            return NULL;
        }
    }
    if (!m)
        return l;
    pq_matcher *items = grow(ctx, l->items, &l->cap, l->count, sizeof(pq_matcher));
    if (!items)
        return l;
    l->items = items;
    l->items[l->count++] = *m;
    return l;
}

static pq_matcher *make_matcher(pq_parse_ctx *ctx, promql_match_type type, char *name, char *value,
                                size_t vlen, uint32_t start, uint32_t end)
{
    pq_matcher *m = pq_arena_calloc(ctx->arena, 1, sizeof *m);
    if (!m) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    m->type = type;
    m->name = name;
    m->value = value;
    if (type == PROMQL_MATCH_REGEX || type == PROMQL_MATCH_NOT_REGEX) {
        char errbuf[512];
        errbuf[0] = 0;
        m->compiled = pq_regex_compile(ctx->arena, value, vlen, errbuf, sizeof errbuf);
        if (!m->compiled)
            pq_ctx_error(ctx, start, end, "%s", errbuf[0] ? errbuf : "error parsing regexp");
    }
    return m;
}

pq_matcher *pq_act_matcher(pq_parse_ctx *ctx, const pq_name *label, const pq_token *op, const pq_token *value)
{
    size_t vlen = 0;
    char *v = pq_unquote_token(ctx, value, &vlen);
    if (!v || !label->value)
        return NULL;
    promql_match_type type;
    switch (op->type) {
    case TK_EQL: type = PROMQL_MATCH_EQUAL; break;
    case TK_NEQ: type = PROMQL_MATCH_NOT_EQUAL; break;
    case TK_EQL_REGEX: type = PROMQL_MATCH_REGEX; break;
    default: type = PROMQL_MATCH_NOT_REGEX; break;
    }
    return make_matcher(ctx, type, label->value, v, vlen, label->pos, value->pos + value->len);
}

pq_matcher *pq_act_name_matcher(pq_parse_ctx *ctx, const pq_name *name)
{
    if (!name->value)
        return NULL;
    char *n = pq_arena_strdup(ctx->arena, "__name__");
    if (!n) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    return make_matcher(ctx, PROMQL_MATCH_EQUAL, n, name->value, strlen(name->value), name->pos, name->end);
}

pq_braces *pq_act_braces(pq_parse_ctx *ctx, const pq_token *l, pq_matcherlist *list, const pq_token *r)
{
    pq_braces *b = pq_arena_calloc(ctx->arena, 1, sizeof *b);
    if (!b) {
        pq_ctx_oom(ctx);
        return NULL;
    }
    b->list = list;
    b->pos = l->pos;
    b->end = r->pos + 1;
    return b;
}

pq_node *pq_act_selector(pq_parse_ctx *ctx, const pq_token *name, pq_braces *b)
{
    if (!name && !b)
        return NULL;
    uint32_t start = name ? name->pos : b->pos;
    uint32_t end = b ? b->end : name->pos + name->len;
    pq_node *n = new_node(ctx, PQ_NODE_VECTOR_SELECTOR, start, end);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_VECTOR;
    size_t count = (b && b->list) ? b->list->count : 0;
    size_t total = count + (name ? 1 : 0);
    if (total) {
        n->u.selector.matchers = pq_arena_calloc(ctx->arena, total, sizeof(pq_matcher));
        if (!n->u.selector.matchers) {
            pq_ctx_oom(ctx);
            return NULL;
        }
        if (count)
            memcpy(n->u.selector.matchers, b->list->items, count * sizeof(pq_matcher));
    }
    if (name) {
        n->u.selector.name = pq_tok_text(ctx, name);
        if (!n->u.selector.name)
            return NULL;
        pq_matcher *m = &n->u.selector.matchers[count];
        m->type = PROMQL_MATCH_EQUAL;
        m->name = pq_arena_strdup(ctx->arena, "__name__");
        m->value = n->u.selector.name;
        if (!m->name) {
            pq_ctx_oom(ctx);
            return NULL;
        }
    }
    n->u.selector.matcher_count = total;
    return n;
}

/* ---- modifiers --------------------------------------------------------------------------------- */

/* time.Duration(math.Round(seconds * 1e9)) in milliseconds, as the engine truncates. */
static int64_t seconds_to_ms(double s)
{
    double ns = round(s * 1e9);
    if (isnan(ns))   /* refused earlier as out of range; never convert NaN to an integer */
        return 0;
    if (ns >= 9.2e18)
        return INT64_MAX / 1000000;
    if (ns <= -9.2e18)
        return INT64_MIN / 1000000;
    return (int64_t)ns / 1000000;
}

/* The vector selector / subquery whose modifiers an offset or @ sets, or NULL with an error. */
static pq_modifiers *modifiers_of(pq_parse_ctx *ctx, pq_node *e, const char *what, pq_node **vs_out)
{
    *vs_out = NULL;
    switch (e->kind) {
    case PQ_NODE_VECTOR_SELECTOR:
        *vs_out = e;
        return &e->u.selector.mod;
    case PQ_NODE_MATRIX_SELECTOR:
        if (!e->u.matrix.vs || e->u.matrix.vs->kind != PQ_NODE_VECTOR_SELECTOR) {
            pq_ctx_error(ctx, e->pos_start, e->pos_end, "ranges only allowed for vector selectors");
            return NULL;
        }
        *vs_out = e->u.matrix.vs;
        return &e->u.matrix.vs->u.selector.mod;
    case PQ_NODE_SUBQUERY:
        return &e->u.subquery.mod;
    default:
        pq_ctx_error(ctx, e->pos_start, e->pos_end,
                     "%s modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                     what);
        return NULL;
    }
}

static void set_end(pq_node *e, uint32_t end)
{
    e->pos_end = end;
    if (e->kind == PQ_NODE_MATRIX_SELECTOR)
        e->u.matrix.end_pos = end;
    else if (e->kind == PQ_NODE_SUBQUERY)
        e->u.subquery.end_pos = end;
}

static int duration_value_depth(const pq_node *d, double *out, int depth, int max_depth);

/* The constant value of a duration expression: 0 and *out set, -1 when it depends on step() or
 * range(), or -2 (with an error raised) when it nests deeper than the depth limit. */
static int duration_value_ctx(pq_parse_ctx *ctx, const pq_node *d, double *out)
{
    int rc = duration_value_depth(d, out, 0, ctx->opts->max_depth);
    if (rc == -2)
        pq_ctx_error(ctx, d->pos_start, d->pos_end, "query is nested too deeply (more than %d levels)",
                     ctx->opts->max_depth);
    return rc;
}
#define duration_value(d, out) duration_value_ctx(ctx, (d), (out))

pq_node *pq_act_offset(pq_parse_ctx *ctx, pq_node *e, pq_node *dur)
{
    if (!e || !dur)
        return e;
    pq_node *vs;
    pq_modifiers *mod = modifiers_of(ctx, e, "offset", &vs);
    if (!mod)
        return e;
    if (mod->original_offset_ms != 0 || mod->offset_expr) {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "offset may not be set multiple times");
    } else if (dur->kind == PQ_NODE_NUMBER) {
        mod->original_offset_ms = seconds_to_ms(dur->u.number.value);
        mod->offset_ms = mod->original_offset_ms;
        mod->has_offset = true;
    } else {
        double v;
        mod->offset_expr = dur;
        mod->has_offset = true;
        if (duration_value(dur, &v) == 0) {
            mod->original_offset_ms = seconds_to_ms(v);
            mod->offset_ms = mod->original_offset_ms;
        }
    }
    set_end(e, ctx->last_end > dur->pos_end ? ctx->last_end : dur->pos_end);
    return e;
}

pq_node *pq_act_anchored(pq_parse_ctx *ctx, pq_node *e, const pq_token *kw, bool smoothed)
{
    (void)kw;
    if (!e)
        return NULL;
    const char *name = smoothed ? "smoothed" : "anchored";
    if (!ctx->opts->enable_extended_range_selectors) {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "%s modifier is experimental and not enabled", name);
        return e;
    }
    pq_node *vs = NULL;
    if (e->kind == PQ_NODE_VECTOR_SELECTOR)
        vs = e;
    else if (e->kind == PQ_NODE_MATRIX_SELECTOR) {
        vs = e->u.matrix.vs;
        if (!vs || vs->kind != PQ_NODE_VECTOR_SELECTOR)
            return e;
    } else if (e->kind == PQ_NODE_SUBQUERY) {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "%s modifier is not supported for subqueries", name);
        return e;
    } else {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "%s modifier not implemented", name);
        return e;
    }
    if (smoothed)
        vs->u.selector.smoothed = true;
    else
        vs->u.selector.anchored = true;
    if (vs->u.selector.smoothed && vs->u.selector.anchored)
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "anchored and smoothed modifiers cannot be used together");
    return e;
}

static pq_modifiers *at_modifiers(pq_parse_ctx *ctx, pq_node *e)
{
    pq_node *vs;
    pq_modifiers *mod = modifiers_of(ctx, e, "@", &vs);
    if (!mod)
        return NULL;
    if (mod->at_kind != PQ_AT_NONE) {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "@ <timestamp> may not be set multiple times");
        return NULL;
    }
    return mod;
}

static void go_float_f(double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "NaN");
    else if (isinf(v))
        snprintf(buf, n, v > 0 ? "+Inf" : "-Inf");
    else
        snprintf(buf, n, "%f", v);
}

pq_node *pq_act_at_number(pq_parse_ctx *ctx, pq_node *e, double ts, uint32_t end)
{
    if (!e)
        return NULL;
    if (isinf(ts) || isnan(ts) || ts >= 9223372036854775807.0 || ts <= -9223372036854775808.0) {
        char buf[400];
        go_float_f(ts, buf, sizeof buf);
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "timestamp out of bounds for @ modifier: %s", buf);
    }
    pq_modifiers *mod = at_modifiers(ctx, e);
    if (!mod)
        return e;
    mod->at_kind = PQ_AT_TIMESTAMP;
    double ms = round(ts * 1000.0);
    if (!(ms < 9.2e18 && ms > -9.2e18))
        ms = 0;
    mod->at_ms = (int64_t)ms;
    set_end(e, end);
    return e;
}

pq_node *pq_act_at_preproc(pq_parse_ctx *ctx, pq_node *e, const pq_token *which, uint32_t end)
{
    if (!e)
        return NULL;
    pq_modifiers *mod = at_modifiers(ctx, e);
    if (!mod)
        return e;
    mod->at_kind = which->type == TK_START ? PQ_AT_START : PQ_AT_END;
    set_end(e, end);
    return e;
}

pq_node *pq_act_matrix(pq_parse_ctx *ctx, pq_node *e, const pq_token *lb, pq_node *range, const pq_token *rb)
{
    if (!e || !range)
        return NULL;
    const char *msg = NULL;
    if (e->kind != PQ_NODE_VECTOR_SELECTOR)
        msg = "ranges only allowed for vector selectors";
    else if (e->u.selector.mod.original_offset_ms != 0 || e->u.selector.mod.offset_expr)
        msg = "no offset modifiers allowed before range";
    else if (e->u.selector.mod.at_kind != PQ_AT_NONE)
        msg = "no @ modifiers allowed before range";
    if (msg)
        pq_ctx_error(ctx, lb->pos, rb->pos + 1, "%s", msg);
    pq_node *n = new_node(ctx, PQ_NODE_MATRIX_SELECTOR, e->pos_start, rb->pos + 1);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_MATRIX;
    n->u.matrix.vs = e;
    n->u.matrix.end_pos = rb->pos + 1;
    double v;
    if (range->kind == PQ_NODE_NUMBER) {
        n->u.matrix.range_ms = seconds_to_ms(range->u.number.value);
    } else {
        n->u.matrix.range_expr = range;
        if (duration_value(range, &v) == 0)
            n->u.matrix.range_ms = seconds_to_ms(v);
    }
    return n;
}

pq_node *pq_act_subquery(pq_parse_ctx *ctx, pq_node *e, pq_node *range, pq_node *step, const pq_token *rb)
{
    if (!e || !range)
        return NULL;
    pq_node *n = new_node(ctx, PQ_NODE_SUBQUERY, e->pos_start, rb->pos + 1);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_MATRIX;
    n->u.subquery.expr = e;
    n->u.subquery.end_pos = rb->pos + 1;
    double v;
    if (range->kind == PQ_NODE_NUMBER) {
        n->u.subquery.range_ms = seconds_to_ms(range->u.number.value);
    } else {
        n->u.subquery.range_expr = range;
        if (duration_value(range, &v) == 0)
            n->u.subquery.range_ms = seconds_to_ms(v);
    }
    if (step) {
        n->u.subquery.has_step = true;
        if (step->kind == PQ_NODE_NUMBER) {
            n->u.subquery.step_ms = seconds_to_ms(step->u.number.value);
        } else {
            n->u.subquery.step_expr = step;
            if (duration_value(step, &v) == 0)
                n->u.subquery.step_ms = seconds_to_ms(v);
        }
    }
    return n;
}

/* ---- duration expressions ------------------------------------------------------------------- */

/* Prometheus's durationLiteralOutOfRange, which lets NaN through (every comparison with NaN is
 * false) into a float-to-integer conversion Go leaves implementation-defined. We refuse NaN as
 * out of range, as 3.x's duration expressions refuse it ("duration is NaN or infinite"). */
static bool out_of_range(double v)
{
    return isnan(v) || v > 9223372036.854775807 || v < -9223372036.854775808;
}

static pq_node *zero_literal(pq_parse_ctx *ctx)
{
    pq_node *n = new_node(ctx, PQ_NODE_NUMBER, 0, 0);
    if (n)
        n->type = PQ_TYPE_SCALAR;
    return n;
}

/* Constant value (seconds) of a duration expression without step()/range(); -1 if it has one
 * (the engine evaluates those per query) or is not a number; -2 past the depth limit. */
static int duration_value_depth(const pq_node *d, double *out, int depth, int max_depth)
{
    if (!d)
        return -1;
    if (depth > max_depth)
        return -2;
    if (d->kind == PQ_NODE_NUMBER) {
        *out = d->u.number.value;
        return 0;
    }
    if (d->kind != PQ_NODE_DURATION)
        return -1;
    double a = 0, b = 0;
    if (d->u.duration.op == PQ_OP_STEP || d->u.duration.op == PQ_OP_RANGE)
        return -1;
    /* visit both sides even when one depends on step()/range(), so the depth check sees all */
    int rl = d->u.duration.lhs ? duration_value_depth(d->u.duration.lhs, &a, depth + 1, max_depth) : 0;
    if (rl == -2)
        return -2;
    int rr = duration_value_depth(d->u.duration.rhs, &b, depth + 1, max_depth);
    if (rr != 0)
        return rr;
    if (rl != 0)
        return rl;
    if (!d->u.duration.lhs) {
        *out = d->u.duration.op == PQ_OP_SUB ? -b : b;
        return 0;
    }
    switch (d->u.duration.op) {
    case PQ_OP_ADD: *out = a + b; return 0;
    case PQ_OP_SUB: *out = a - b; return 0;
    case PQ_OP_MUL: *out = a * b; return 0;
    case PQ_OP_DIV: if (b == 0) return -1; *out = a / b; return 0;
    case PQ_OP_MOD: if (b == 0) return -1; *out = fmod(a, b); return 0;
    case PQ_OP_POW: *out = pow(a, b); return 0;
    case PQ_OP_MIN_OF: *out = a < b ? a : b; return 0;
    case PQ_OP_MAX_OF: *out = a > b ? a : b; return 0;
    default: return -1;
    }
}

static pq_node *new_duration(pq_parse_ctx *ctx, pq_op op, pq_node *lhs, pq_node *rhs, uint32_t start, uint32_t end)
{
    pq_node *n = new_node(ctx, PQ_NODE_DURATION, start, end);
    if (!n)
        return NULL;
    n->type = PQ_TYPE_SCALAR;
    n->u.duration.op = op;
    n->u.duration.lhs = lhs;
    n->u.duration.rhs = rhs;
    return n;
}

pq_node *pq_act_dur_literal(pq_parse_ctx *ctx, pq_node *nl)
{
    if (!nl)
        return NULL;
    if (out_of_range(nl->u.number.value)) {
        pq_ctx_error(ctx, nl->pos_start, nl->pos_end, "duration out of range");
        return zero_literal(ctx);
    }
    return nl;
}

static pq_node *wrap_paren(pq_parse_ctx *ctx, pq_node *e, uint32_t start, uint32_t end)
{
    if (e->kind == PQ_NODE_DURATION) {
        e->u.duration.wrapped = true;
        return e;
    }
    pq_node *n = new_duration(ctx, PQ_OP_ADD, NULL, e, start, end);
    if (n)
        n->u.duration.wrapped = true;
    return n;
}

pq_node *pq_act_dur_unary(pq_parse_ctx *ctx, const pq_token *op, pq_node *e, bool wrapped)
{
    if (!e)
        return NULL;
    if (wrapped) {
        e = wrap_paren(ctx, e, e->pos_start, e->pos_end);
        if (!e)
            return NULL;
    }
    if (e->kind == PQ_NODE_DURATION) {
        if (op->type == TK_SUB)
            return new_duration(ctx, PQ_OP_SUB, NULL, e, op->pos, e->pos_end);
        return e;
    }
    if (e->kind == PQ_NODE_NUMBER) {
        if (op->type == TK_SUB)
            e->u.number.value = -e->u.number.value;
        if (out_of_range(e->u.number.value)) {
            pq_ctx_error(ctx, op->pos, op->pos + op->len, "duration out of range");
            return zero_literal(ctx);
        }
        e->pos_start = op->pos;
        return e;
    }
    pq_ctx_error(ctx, op->pos, op->pos + op->len, "expected number literal or duration expression");
    return zero_literal(ctx);
}

pq_node *pq_act_dur_binary(pq_parse_ctx *ctx, pq_node *lhs, const pq_token *op, pq_node *rhs)
{
    if (!lhs || !rhs)
        return NULL;
    pq_op o = token_op(op->type);
    if (o == PQ_OP_DIV && rhs->kind == PQ_NODE_NUMBER && rhs->u.number.value == 0) {
        pq_ctx_error(ctx, op->pos, op->pos + op->len, "division by zero");
        return zero_literal(ctx);
    }
    if (o == PQ_OP_MOD && rhs->kind == PQ_NODE_NUMBER && rhs->u.number.value == 0) {
        pq_ctx_error(ctx, op->pos, op->pos + op->len, "modulo by zero");
        return zero_literal(ctx);
    }
    return new_duration(ctx, o, lhs, rhs, lhs->pos_start, rhs->pos_end);
}

pq_node *pq_act_dur_call(pq_parse_ctx *ctx, const pq_token *kw, const pq_token *rparen)
{
    return new_duration(ctx, token_op(kw->type), NULL, NULL, kw->pos, rparen->pos + 1);
}

pq_node *pq_act_dur_minmax(pq_parse_ctx *ctx, const pq_token *kw, pq_node *a, pq_node *b, const pq_token *rparen)
{
    if (!a || !b)
        return NULL;
    return new_duration(ctx, token_op(kw->type), a, b, kw->pos, rparen->pos + 1);
}

pq_node *pq_act_dur_paren(pq_parse_ctx *ctx, const pq_token *l, pq_node *e, const pq_token *r)
{
    if (!e)
        return NULL;
    return wrap_paren(ctx, e, l->pos, r->pos + 1);
}

pq_node *pq_act_dur_signed(pq_parse_ctx *ctx, const pq_token *op, pq_node *inner)
{
    if (!inner)
        return NULL;
    return new_duration(ctx, op->type == TK_SUB ? PQ_OP_SUB : PQ_OP_ADD, NULL, inner, op->pos, inner->pos_end);
}

pq_node *pq_act_dur_positive(pq_parse_ctx *ctx, pq_node *e)
{
    if (!e)
        return NULL;
    if (e->kind == PQ_NODE_NUMBER && e->u.number.value <= 0) {
        pq_ctx_error(ctx, e->pos_start, e->pos_end, "duration must be greater than 0");
        return zero_literal(ctx);
    }
    return e;
}

pq_node *pq_act_offset_literal(pq_parse_ctx *ctx, const pq_token *sign, pq_node *nl)
{
    if (!nl)
        return NULL;
    if (sign && sign->type == TK_SUB)
        nl->u.number.value = -nl->u.number.value;
    if (out_of_range(nl->u.number.value)) {
        if (sign)
            pq_ctx_error(ctx, sign->pos, sign->pos + sign->len, "duration out of range");
        else
            pq_ctx_error(ctx, nl->pos_start, nl->pos_end, "duration out of range");
        return zero_literal(ctx);
    }
    if (sign)
        nl->pos_start = sign->pos;
    return nl;
}
