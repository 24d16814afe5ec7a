/*
 * template_exec.c -- executes a parsed Go template (template_int.h) over Prometheus's alert
 * data, with Go's builtins (and, or, not, len, index, print*, comparisons), Go's value printing
 * and fmt verbs, and Go's error texts. Errors unwind through return codes; nothing aborts.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/gonum.h"
#include "util/gofmt.h"
#include "rules/template_int.h"

#define MAX_DEPTH 200
#define MAX_OUTPUT (1u << 22)
#define MAX_STEPS 1000000

typedef struct tvar {
    const char *name;
    tval val;
} tvar;

typedef struct exec_state {
    pq_arena *a;
    const pq_tmpl_env *env;
    const char *text;
    pq_strbuf *out;
    tvar *vars;
    size_t nvars, varcap;
    char *err;
    size_t errlen;
    int depth;
    long steps;
    const tnode *at;       /* node for error context */
    int control;           /* 1 break, 2 continue */
} exec_state;

static const char *DATA_TYPE = "struct { Labels map[string]string; ExternalLabels map[string]string; "
                               "ExternalURL string; Value interface {} }";

const char *pq_tmpl_type_name(const tval *v)
{
    switch (v->kind) {
    case TV_NIL: return "<nil>";
    case TV_BOOL: return "bool";
    case TV_INT: return "int";
    case TV_FLOAT: return "float64";
    case TV_STRING: return "string";
    case TV_MAP: return "map[string]string";
    case TV_DATA: return DATA_TYPE;
    case TV_TIME: return "*time.Time";
    case TV_DURATION: return "*time.Duration";
    case TV_SAMPLES: return "template.queryResult";
    case TV_SAMPLE: return "*template.sample";
    }
    return "?";
}

/* Error with Go's exec context: "template: NAME:LINE:COL: executing "NAME" at <CTX>: MSG". */
static int xerr(exec_state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int xerr(exec_state *s, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!s->at) {
        snprintf(s->err, s->errlen, "template: %s: %s", s->env->name, msg);
        return -1;
    }
    size_t pos = s->at->pos;
    int line = 1;
    size_t last_nl = (size_t)-1;
    for (size_t i = 0; i < pos; i++)
        if (s->text[i] == '\n') {
            line++;
            last_nl = i;
        }
    size_t col = last_nl == (size_t)-1 ? pos : pos - (last_nl + 1);
    pq_strbuf ctx;
    pq_strbuf_init(&ctx);
    pq_tmpl_node_string(&ctx, s->at);
    char cbuf[256];
    snprintf(cbuf, sizeof cbuf, "%s", ctx.data ? ctx.data : "");
    pq_strbuf_free(&ctx);
    snprintf(s->err, s->errlen, "template: %s:%d:%zu: executing \"%s\" at <%s>: %s", s->env->name, line, col,
             s->env->name, cbuf, msg);
    return -1;
}

bool pq_tmpl_truth(const tval *v)
{
    switch (v->kind) {
    case TV_NIL: return false;
    case TV_BOOL: return v->b;
    case TV_INT: return v->i != 0;
    case TV_FLOAT: return v->f != 0;
    case TV_STRING: return v->slen > 0;
    case TV_MAP: return v->map.count > 0;
    case TV_SAMPLES: return v->i > 0;
    default: return true;
    }
}

static void print_map(pq_strbuf *b, const promql_labels *m)
{
    pq_strbuf_puts(b, "map[");
    for (size_t i = 0; i < m->count; i++) {
        if (i)
            pq_strbuf_putc(b, ' ');
        pq_strbuf_printf(b, "%s:%s", m->items[i].name, m->items[i].value);
    }
    pq_strbuf_putc(b, ']');
}

void pq_tmpl_print_value(pq_strbuf *b, const tval *v)
{
    switch (v->kind) {
    case TV_NIL: pq_strbuf_puts(b, "<nil>"); break;
    case TV_BOOL: pq_strbuf_puts(b, v->b ? "true" : "false"); break;
    case TV_INT: pq_strbuf_printf(b, "%lld", (long long)v->i); break;
    case TV_FLOAT: pq_go_format_float(b, v->f, 'g'); break;
    case TV_STRING: pq_strbuf_append(b, v->s, v->slen); break;
    case TV_MAP: print_map(b, &v->map); break;
    case TV_DATA: pq_strbuf_puts(b, "{map[] map[]  0}"); break;
    case TV_TIME: {
        int64_t ns = v->i;
        int64_t sec = ns / 1000000000;
        int64_t rem = ns % 1000000000;
        if (rem < 0) {
            rem += 1000000000;
            sec--;
        }
        pq_gonum_time_string(b, sec, (int32_t)rem);
        break;
    }
    case TV_DURATION: {
        /* time.Duration String with nanosecond precision */
        int64_t ns = v->i;
        if (ns % 1000000 == 0) {
            pq_gonum_time_duration(b, ns / 1000000);
        } else {
            double sec = (double)ns / 1e9;
            pq_go_format_float_prec(b, sec, 'g', -1);
            pq_strbuf_putc(b, 's');
        }
        break;
    }
    case TV_SAMPLES:
        pq_strbuf_putc(b, '[');
        for (int64_t i = 0; i < v->i; i++) {
            if (i)
                pq_strbuf_putc(b, ' ');
            tval one = {.kind = TV_SAMPLE, .samples = &v->samples[i]};
            pq_tmpl_print_value(b, &one);
        }
        pq_strbuf_putc(b, ']');
        break;
    case TV_SAMPLE:
        pq_strbuf_puts(b, "&{");
        print_map(b, &v->samples->labels);
        pq_strbuf_putc(b, ' ');
        pq_go_format_float(b, v->samples->value, 'g');
        pq_strbuf_putc(b, '}');
        break;
    }
}

/* ---- fmt.Sprintf ---- */

static void pad(pq_strbuf *b, const char *s, size_t len, int width, int minus, int zero)
{
    /* width counts runes in Go; count UTF-8 lead bytes */
    int runes = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            runes++;
    int fill = width > runes ? width - runes : 0;
    if (!minus) {
        if (zero && len > 0 && (s[0] == '-' || s[0] == '+')) {
            pq_strbuf_putc(b, s[0]);
            s++;
            len--;
        }
        for (int i = 0; i < fill; i++)
            pq_strbuf_putc(b, zero ? '0' : ' ');
    }
    pq_strbuf_append(b, s, len);
    if (minus)
        for (int i = 0; i < fill; i++)
            pq_strbuf_putc(b, ' ');
}

static void bad_verb(pq_strbuf *b, char verb, const tval *v)
{
    pq_strbuf_printf(b, "%%!%c(", verb);
    if (v->kind == TV_NIL) {
        pq_strbuf_puts(b, "<nil>)");
        return;
    }
    pq_strbuf_printf(b, "%s=", pq_tmpl_type_name(v));
    pq_tmpl_print_value(b, v);
    pq_strbuf_putc(b, ')');
}

void pq_tmpl_sprintf(pq_strbuf *b, const char *f, size_t flen, const tval *args, size_t nargs)
{
    size_t ai = 0;
    for (size_t i = 0; i < flen;) {
        if (f[i] != '%') {
            pq_strbuf_putc(b, f[i++]);
            continue;
        }
        i++;
        if (i >= flen) {
            pq_strbuf_puts(b, "%!(NOVERB)");
            break;
        }
        int minus = 0, plus = 0, zero = 0, space = 0, sharp = 0;
        for (; i < flen; i++) {
            if (f[i] == '-') minus = 1;
            else if (f[i] == '+') plus = 1;
            else if (f[i] == '0') zero = !minus;
            else if (f[i] == ' ') space = 1;
            else if (f[i] == '#') sharp = 1;
            else break;
        }
        int width = -1, prec = -1;
        if (i < flen && f[i] == '*') {
            i++;
            if (ai < nargs && args[ai].kind == TV_INT) {
                width = (int)args[ai].i;
                if (width < 0) {
                    minus = 1;
                    width = -width;
                }
                if (width > 10000)
                    width = 10000;
            } else {
                pq_strbuf_puts(b, "%!(BADWIDTH)");
            }
            ai++;
        } else {
            while (i < flen && f[i] >= '0' && f[i] <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (f[i] - '0');
                if (width > 10000)
                    width = 10000;
                i++;
            }
        }
        if (i < flen && f[i] == '.') {
            i++;
            prec = 0;
            if (i < flen && f[i] == '*') {
                i++;
                if (ai < nargs && args[ai].kind == TV_INT)
                    prec = (int)args[ai].i;
                else
                    pq_strbuf_puts(b, "%!(BADPREC)");
                ai++;
                if (prec < 0)
                    prec = -1;
            } else {
                while (i < flen && f[i] >= '0' && f[i] <= '9') {
                    prec = prec * 10 + (f[i] - '0');
                    if (prec > 1000)
                        prec = 1000;
                    i++;
                }
            }
        }
        if (i >= flen) {
            pq_strbuf_puts(b, "%!(NOVERB)");
            break;
        }
        char verb = f[i++];
        if (verb == '%') {
            pq_strbuf_putc(b, '%');
            continue;
        }
        if (ai >= nargs) {
            pq_strbuf_printf(b, "%%!%c(MISSING)", verb);
            continue;
        }
        const tval *v = &args[ai++];
        pq_strbuf tmp;
        pq_strbuf_init(&tmp);
        int ok = 1;
        switch (v->kind) {
        case TV_FLOAT:
            if (strchr("eEfFgGv", verb)) {
                double x = v->f;
                if (!isnan(x) && !signbit(x) && (plus || space) && !isinf(x))
                    pq_strbuf_putc(&tmp, plus ? '+' : ' ');
                if (isinf(x) && x > 0 && !plus) {
                    /* Go prints +Inf for %v/%g/%f... unless asked otherwise: keep "+Inf" */
                }
                char fv = verb == 'v' ? 'g' : (verb == 'F' ? 'f' : verb);
                int p = prec;
                if (p < 0 && (fv == 'e' || fv == 'E' || fv == 'f'))
                    p = 6;
                pq_go_format_float_prec(&tmp, x, fv, p);
                (void)sharp;
            } else {
                ok = 0;
            }
            break;
        case TV_INT:
            if (verb == 'd' || verb == 'v') {
                if (v->i >= 0 && (plus || space))
                    pq_strbuf_putc(&tmp, plus ? '+' : ' ');
                pq_strbuf_printf(&tmp, "%lld", (long long)v->i);
            } else if (verb == 'x' || verb == 'X' || verb == 'o' || verb == 'b') {
                unsigned long long u = v->i < 0 ? (unsigned long long)(-(v->i + 1)) + 1 : (unsigned long long)v->i;
                if (v->i < 0)
                    pq_strbuf_putc(&tmp, '-');
                if (verb == 'b') {
                    char bits[70];
                    int nb = 0;
                    do {
                        bits[nb++] = (char)('0' + (u & 1));
                        u >>= 1;
                    } while (u);
                    while (nb)
                        pq_strbuf_putc(&tmp, bits[--nb]);
                } else {
                    pq_strbuf_printf(&tmp, verb == 'x' ? "%llx" : verb == 'X' ? "%llX" : "%llo", u);
                }
            } else if (verb == 'c') {
                pq_strbuf_putc(&tmp, (char)v->i);
            } else if (strchr("eEfFgG", verb)) {
                ok = 0;
            } else if (verb == 'q') {
                pq_strbuf_printf(&tmp, "'%c'", (char)v->i);
            } else {
                ok = 0;
            }
            break;
        case TV_STRING:
            if (verb == 's' || verb == 'v') {
                size_t l = v->slen;
                if (prec >= 0 && (size_t)prec < l)
                    l = (size_t)prec;
                pq_strbuf_append(&tmp, v->s, l);
            } else if (verb == 'q') {
                pq_go_quote(&tmp, v->s, v->slen);
            } else if (verb == 'x' || verb == 'X') {
                for (size_t k = 0; k < v->slen; k++)
                    pq_strbuf_printf(&tmp, verb == 'x' ? "%02x" : "%02X", (unsigned char)v->s[k]);
            } else {
                ok = 0;
            }
            break;
        case TV_BOOL:
            if (verb == 't' || verb == 'v')
                pq_strbuf_puts(&tmp, v->b ? "true" : "false");
            else
                ok = 0;
            break;
        case TV_NIL:
            if (verb == 'v')
                pq_strbuf_puts(&tmp, "<nil>");
            else
                ok = 0;
            break;
        default:
            if (verb == 'v' || verb == 's')
                pq_tmpl_print_value(&tmp, v);
            else
                ok = 0;
        }
        if (!ok) {
            pq_strbuf_free(&tmp);
            bad_verb(b, verb, v);
            continue;
        }
        pad(b, tmp.data ? tmp.data : "", tmp.len, width, minus,
            zero && v->kind != TV_STRING && v->kind != TV_BOOL);
        pq_strbuf_free(&tmp);
    }
    if (ai < nargs) {
        pq_strbuf_puts(b, "%!(EXTRA ");
        for (size_t k = ai; k < nargs; k++) {
            if (k > ai)
                pq_strbuf_puts(b, ", ");
            pq_strbuf_printf(b, "%s=", pq_tmpl_type_name(&args[k]));
            pq_tmpl_print_value(b, &args[k]);
        }
        pq_strbuf_putc(b, ')');
    }
}

/* ---- builtins ---- */

enum basic_kind { BK_INVALID, BK_BOOL, BK_INT, BK_FLOAT, BK_STRING };

static enum basic_kind basic(const tval *v)
{
    switch (v->kind) {
    case TV_BOOL: return BK_BOOL;
    case TV_INT: return BK_INT;
    case TV_FLOAT: return BK_FLOAT;
    case TV_STRING: return BK_STRING;
    default: return BK_INVALID;
    }
}

static int cmp_str(const tval *a, const tval *b)
{
    size_t n = a->slen < b->slen ? a->slen : b->slen;
    int c = memcmp(a->s, b->s, n);
    if (c)
        return c;
    return a->slen < b->slen ? -1 : a->slen > b->slen;
}

/* eq: returns 1/0, or -1 with the error text in msg */
static int go_eq(const tval *a, const tval *b, char *msg, size_t ml)
{
    enum basic_kind k1 = basic(a), k2 = basic(b);
    if (a->kind == TV_NIL || b->kind == TV_NIL) {
        if (a->kind == TV_NIL && b->kind == TV_NIL)
            return 1;
        if (a->kind == TV_NIL || b->kind == TV_NIL) {
            /* Go: comparing nil with a value is an error unless both are nil-able */
            snprintf(msg, ml, "incompatible types for comparison");
            return -1;
        }
    }
    if (k1 == BK_INVALID || k2 == BK_INVALID) {
        if (a->kind == TV_MAP || b->kind == TV_MAP) {
            snprintf(msg, ml, "non-comparable type %s: %s", "map[string]string", "map[string]string");
            return -1;
        }
        snprintf(msg, ml, "invalid type for comparison");
        return -1;
    }
    if (k1 != k2) {
        snprintf(msg, ml, "incompatible types for comparison");
        return -1;
    }
    switch (k1) {
    case BK_BOOL: return a->b == b->b;
    case BK_INT: return a->i == b->i;
    case BK_FLOAT: return a->f == b->f;
    case BK_STRING: return cmp_str(a, b) == 0;
    default: return 0;
    }
}

static int go_lt(const tval *a, const tval *b, char *msg, size_t ml)
{
    enum basic_kind k1 = basic(a), k2 = basic(b);
    if (k1 == BK_INVALID || k2 == BK_INVALID || k1 == BK_BOOL || k2 == BK_BOOL) {
        snprintf(msg, ml, "invalid type for comparison");
        return -1;
    }
    if (k1 != k2) {
        snprintf(msg, ml, "incompatible types for comparison");
        return -1;
    }
    switch (k1) {
    case BK_INT: return a->i < b->i;
    case BK_FLOAT: return a->f < b->f;
    case BK_STRING: return cmp_str(a, b) < 0;
    default: return 0;
    }
}

/* ---- evaluation ---- */

static int eval_pipeline(exec_state *s, const tval *dot, const tnode *pipe, tval *out);
static int walk(exec_state *s, const tval *dot, const tnode *n);

static int push_var(exec_state *s, const char *name, const tval *v)
{
    if (s->nvars == s->varcap) {
        size_t nc = s->varcap ? s->varcap * 2 : 16;
        tvar *nv = pq_arena_realloc(s->a, s->vars, s->varcap * sizeof *nv, nc * sizeof *nv);
        if (!nv)
            return xerr(s, "out of memory");
        s->vars = nv;
        s->varcap = nc;
    }
    s->vars[s->nvars].name = name;
    s->vars[s->nvars].val = *v;
    s->nvars++;
    return 0;
}

static tval *find_var(exec_state *s, const char *name)
{
    for (size_t i = s->nvars; i-- > 0;)
        if (strcmp(s->vars[i].name, name) == 0)
            return &s->vars[i].val;
    return NULL;
}

static int field_of(exec_state *s, const tval *recv, const char *name, tval *out)
{
    switch (recv->kind) {
    case TV_DATA: {
        const pq_tmpl_data *d = s->env->data;
        if (strcmp(name, "Labels") == 0) {
            *out = (tval){.kind = TV_MAP, .map = d->labels};
            return 0;
        }
        if (strcmp(name, "ExternalLabels") == 0) {
            *out = (tval){.kind = TV_MAP, .map = d->external_labels};
            return 0;
        }
        if (strcmp(name, "ExternalURL") == 0) {
            const char *u = d->external_url ? d->external_url : "";
            *out = (tval){.kind = TV_STRING, .s = u, .slen = strlen(u)};
            return 0;
        }
        if (strcmp(name, "Value") == 0) {
            *out = (tval){.kind = TV_FLOAT, .f = d->value};
            return 0;
        }
        return xerr(s, "can't evaluate field %s in type %s", name, DATA_TYPE);
    }
    case TV_MAP:
        for (size_t i = 0; i < recv->map.count; i++)
            if (strcmp(recv->map.items[i].name, name) == 0) {
                *out = (tval){.kind = TV_STRING, .s = recv->map.items[i].value,
                              .slen = strlen(recv->map.items[i].value)};
                return 0;
            }
        *out = (tval){.kind = TV_STRING, .s = "", .slen = 0}; /* missingkey=zero */
        return 0;
    case TV_SAMPLE:
        if (strcmp(name, "Labels") == 0) {
            *out = (tval){.kind = TV_MAP, .map = recv->samples->labels};
            return 0;
        }
        if (strcmp(name, "Value") == 0) {
            *out = (tval){.kind = TV_FLOAT, .f = recv->samples->value};
            return 0;
        }
        return xerr(s, "can't evaluate field %s in type *template.sample", name);
    case TV_NIL:
        return xerr(s, "nil pointer evaluating interface {}.%s", name);
    default:
        return xerr(s, "can't evaluate field %s in type %s", name, pq_tmpl_type_name(recv));
    }
}

static int eval_arg(exec_state *s, const tval *dot, const tnode *n, tval *out);

/* Parameter kinds of Prometheus's template functions, one letter per parameter: S string,
 * A any (interface{}), Q queryResult, P *sample. NULL for Go's builtins (checked by hand). */
static const char *func_signature(const char *name)
{
    static const struct { const char *name, *sig; } sigs[] = {
        {"humanize", "A"}, {"humanize1024", "A"}, {"humanizeDuration", "A"}, {"humanizePercentage", "A"},
        {"humanizeTimestamp", "A"}, {"toTime", "A"}, {"toDuration", "A"}, {"title", "S"}, {"toUpper", "S"},
        {"toLower", "S"}, {"safeHtml", "S"}, {"urlQueryEscape", "S"}, {"stripPort", "S"}, {"stripDomain", "S"},
        {"graphLink", "S"}, {"tableLink", "S"}, {"parseDuration", "S"}, {"query", "S"}, {"reReplaceAll", "SSS"},
        {"match", "SS"}, {"first", "Q"}, {"label", "SP"}, {"value", "P"}, {"strvalue", "P"}, {"sortByLabel", "SQ"},
        {"now", ""}, {"pathPrefix", ""}, {"externalURL", ""},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (strcmp(sigs[i].name, name) == 0)
            return sigs[i].sig;
    return NULL;
}

static int call_builtin_or_func(exec_state *s, const tval *dot, const tnode *cmd, const tnode *ident,
                                const tnode *const *argn, size_t nargn, const tval *final, tval *out)
{
    const char *name = ident->text;
    size_t total = nargn + (final ? 1 : 0);
    /* and / or: short-circuit over unevaluated args */
    if (strcmp(name, "and") == 0 || strcmp(name, "or") == 0) {
        int is_and = name[0] == 'a';
        if (total == 0) {
            s->at = ident;
            return xerr(s, "wrong number of args for %s: want at least 1 got 0", name);
        }
        tval v = {0};
        for (size_t i = 0; i < total; i++) {
            if (i < nargn) {
                if (eval_arg(s, dot, argn[i], &v))
                    return -1;
            } else {
                v = *final;
            }
            if (pq_tmpl_truth(&v) != is_and) {
                *out = v;
                return 0;
            }
        }
        *out = v;
        return 0;
    }
    const char *sig = func_signature(name);
    if (sig && strlen(sig) != total) {
        s->at = ident;
        return xerr(s, "wrong number of args for %s: want %zu got %zu", name, strlen(sig), total);
    }
    tval *args = total ? pq_arena_calloc(s->a, total, sizeof *args) : NULL;
    if (total && !args)
        return xerr(s, "out of memory");
    for (size_t i = 0; i < nargn; i++) {
        const tnode *an = argn[i];
        char kind = sig ? sig[i] : 'A';
        bool literal = an->kind == TN_NUMBER || an->kind == TN_BOOL || an->kind == TN_STRING || an->kind == TN_NIL;
        if (literal && kind != 'A' && !(kind == 'S' && an->kind == TN_STRING)) {
            /* Go's evalArg: a constant of the wrong kind for a typed parameter */
            s->at = an;
            pq_strbuf nb;
            pq_strbuf_init(&nb);
            pq_tmpl_node_string(&nb, an);
            int r = kind == 'S' ? xerr(s, "expected string; found %s", nb.data ? nb.data : "")
                                : xerr(s, "can't handle %s for arg of type %s", nb.data ? nb.data : "",
                                       kind == 'Q' ? "template.queryResult" : "*template.sample");
            pq_strbuf_free(&nb);
            return r;
        }
        if (eval_arg(s, dot, an, &args[i]))
            return -1;
        if (kind != 'A') {
            const char *want = kind == 'S' ? "string" : kind == 'Q' ? "template.queryResult" : "*template.sample";
            tval_kind wk = kind == 'S' ? TV_STRING : kind == 'Q' ? TV_SAMPLES : TV_SAMPLE;
            if (args[i].kind != wk) {
                s->at = an;
                return xerr(s, "wrong type for value; expected %s; got %s", want, pq_tmpl_type_name(&args[i]));
            }
        }
    }
    if (final && sig && sig[total - 1] != 'A') {
        char kind = sig[total - 1];
        tval_kind wk = kind == 'S' ? TV_STRING : kind == 'Q' ? TV_SAMPLES : TV_SAMPLE;
        if (final->kind != wk) {
            s->at = cmd;
            return xerr(s, "wrong type for value; expected %s; got %s",
                        kind == 'S' ? "string" : kind == 'Q' ? "template.queryResult" : "*template.sample",
                        pq_tmpl_type_name(final));
        }
    }
    if (final)
        args[nargn] = *final;
    s->at = cmd;
    char msg[600];
    if (strcmp(name, "not") == 0) {
        if (total != 1) {
            s->at = ident;
            return xerr(s, "wrong number of args for not: want 1 got %zu", total);
        }
        *out = (tval){.kind = TV_BOOL, .b = !pq_tmpl_truth(&args[0])};
        return 0;
    }
    if (strcmp(name, "len") == 0) {
        if (total != 1) {
            s->at = ident;
            return xerr(s, "wrong number of args for len: want 1 got %zu", total);
        }
        if (args[0].kind == TV_STRING)
            *out = (tval){.kind = TV_INT, .i = (int64_t)args[0].slen};
        else if (args[0].kind == TV_MAP)
            *out = (tval){.kind = TV_INT, .i = (int64_t)args[0].map.count};
        else if (args[0].kind == TV_SAMPLES)
            *out = (tval){.kind = TV_INT, .i = args[0].i};
        else
            return xerr(s, "error calling len: len of type %s", pq_tmpl_type_name(&args[0]));
        return 0;
    }
    if (strcmp(name, "index") == 0) {
        if (total < 1)
            return xerr(s, "wrong number of args for index: want at least 1 got 0");
        tval cur = args[0];
        for (size_t i = 1; i < total; i++) {
            if (cur.kind == TV_MAP) {
                if (args[i].kind != TV_STRING)
                    return xerr(s, "error calling index: value has type %s; should be string",
                                pq_tmpl_type_name(&args[i]));
                tval r;
                field_of(s, &cur, args[i].s, &r);
                cur = r;
            } else if (cur.kind == TV_SAMPLES) {
                if (args[i].kind != TV_INT)
                    return xerr(s, "error calling index: cannot index slice/array with type %s",
                                pq_tmpl_type_name(&args[i]));
                if (args[i].i < 0 || args[i].i >= cur.i)
                    return xerr(s, "error calling index: index out of range: %lld", (long long)args[i].i);
                cur = (tval){.kind = TV_SAMPLE, .samples = &cur.samples[args[i].i]};
            } else if (cur.kind == TV_NIL) {
                return xerr(s, "error calling index: index of untyped nil");
            } else {
                return xerr(s, "error calling index: can't index item of type %s", pq_tmpl_type_name(&cur));
            }
        }
        *out = cur;
        return 0;
    }
    if (strcmp(name, "print") == 0 || strcmp(name, "println") == 0 || strcmp(name, "printf") == 0 ||
        strcmp(name, "urlquery") == 0) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        if (name[5] == 'f') {
            if (total < 1 || args[0].kind != TV_STRING) {
                pq_strbuf_free(&b);
                if (total < 1)
                    return xerr(s, "wrong number of args for printf: want at least 1 got 0");
                return xerr(s, "wrong type for value; expected string; got %s", pq_tmpl_type_name(&args[0]));
            }
            pq_tmpl_sprintf(&b, args[0].s, args[0].slen, args + 1, total - 1);
        } else {
            int ln = name[5] == 'l';
            for (size_t i = 0; i < total; i++) {
                /* Sprint: space between operands when neither is a string; Sprintln: always */
                if (i > 0 && (ln || (args[i].kind != TV_STRING && args[i - 1].kind != TV_STRING)))
                    pq_strbuf_putc(&b, ' ');
                pq_tmpl_print_value(&b, &args[i]);
            }
            if (ln)
                pq_strbuf_putc(&b, '\n');
            if (name[0] == 'u') {
                /* urlquery: QueryEscape of the printed args */
                char *raw = pq_strbuf_finish(&b);
                pq_strbuf_init(&b);
                for (const char *c = raw ? raw : ""; *c; c++) {
                    unsigned char ch = (unsigned char)*c;
                    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                        ch == '-' || ch == '_' || ch == '.' || ch == '~')
                        pq_strbuf_putc(&b, (char)ch);
                    else if (ch == ' ')
                        pq_strbuf_putc(&b, '+');
                    else
                        pq_strbuf_printf(&b, "%%%02X", ch);
                }
                free(raw);
            }
        }
        if (b.oom) {
            pq_strbuf_free(&b);
            return xerr(s, "out of memory");
        }
        char *r = pq_arena_strndup(s->a, b.data ? b.data : "", b.len);
        size_t rl = b.len;
        pq_strbuf_free(&b);
        if (!r)
            return xerr(s, "out of memory");
        *out = (tval){.kind = TV_STRING, .s = r, .slen = rl};
        return 0;
    }
    if (strcmp(name, "eq") == 0 || strcmp(name, "ne") == 0) {
        int is_eq = name[0] == 'e';
        if (total < 2 && is_eq)
            return xerr(s, "wrong number of args for eq: want at least 1 got %zu", total);
        if (!is_eq && total != 2)
            return xerr(s, "wrong number of args for ne: want 2 got %zu", total);
        int res = 0;
        for (size_t i = 1; i < total; i++) {
            int r = go_eq(&args[0], &args[i], msg, sizeof msg);
            if (r < 0)
                return xerr(s, "error calling %s: %s", name, msg);
            if (r) {
                res = 1;
                break;
            }
        }
        *out = (tval){.kind = TV_BOOL, .b = is_eq ? res : !res};
        return 0;
    }
    if (strcmp(name, "lt") == 0 || strcmp(name, "le") == 0 || strcmp(name, "gt") == 0 || strcmp(name, "ge") == 0) {
        if (total != 2)
            return xerr(s, "wrong number of args for %s: want 2 got %zu", name, total);
        int lt = go_lt(&args[0], &args[1], msg, sizeof msg);
        if (lt < 0)
            return xerr(s, "error calling %s: %s", name, msg);
        int eq = go_eq(&args[0], &args[1], msg, sizeof msg);
        if (eq < 0)
            return xerr(s, "error calling %s: %s", name, msg);
        int r;
        if (strcmp(name, "lt") == 0) r = lt;
        else if (strcmp(name, "le") == 0) r = lt || eq;
        else if (strcmp(name, "gt") == 0) r = !lt && !eq;
        else r = !lt;
        *out = (tval){.kind = TV_BOOL, .b = r};
        return 0;
    }
    tfunc_ctx fc = {s->a, s->env};
    int rc = pq_tmpl_call_func(&fc, name, args, total, out, msg, sizeof msg);
    if (rc == -2)
        s->at = ident;
    if (rc == -1)
        return xerr(s, "error calling %s: %s", name, msg);
    if (rc == -2)
        return xerr(s, "%s", msg);
    return 0;
}

static int eval_fields(exec_state *s, const tnode *n, tval cur, const char *const *idents, size_t nid, tval *out)
{
    for (size_t i = 0; i < nid; i++) {
        s->at = n;
        tval r = {0};
        if (field_of(s, &cur, idents[i], &r))
            return -1;
        cur = r;
    }
    *out = cur;
    return 0;
}

static int eval_arg(exec_state *s, const tval *dot, const tnode *n, tval *out)
{
    s->at = n;
    switch (n->kind) {
    case TN_DOT: *out = *dot; return 0;
    case TN_NIL: *out = (tval){.kind = TV_NIL}; return 0;
    case TN_BOOL: *out = (tval){.kind = TV_BOOL, .b = n->bval}; return 0;
    case TN_STRING: *out = (tval){.kind = TV_STRING, .s = n->text, .slen = n->text_len}; return 0;
    case TN_NUMBER: {
        /* Go's idealConstant: a literal with '.', 'e' or 'p' (not a hex int) is a float64. */
        bool hex = n->src_len > 2 && n->src[0] == '0' && (n->src[1] == 'x' || n->src[1] == 'X') &&
                   !memchr(n->src, 'p', n->src_len) && !memchr(n->src, 'P', n->src_len);
        bool floaty = false;
        for (size_t k = 0; k < n->src_len; k++)
            if (strchr(".eEpP", n->src[k]))
                floaty = true;
        if (n->is_float && !hex && !n->is_char && floaty)
            *out = (tval){.kind = TV_FLOAT, .f = n->fval};
        else if (n->is_int)
            *out = (tval){.kind = TV_INT, .i = n->ival};
        else if (n->is_float)
            *out = (tval){.kind = TV_FLOAT, .f = n->fval};
        else
            return xerr(s, "%.*s overflows int", (int)n->src_len, n->src);
        return 0;
    }
    case TN_VARIABLE: {
        tval *v = find_var(s, n->idents[0]);
        if (!v)
            return xerr(s, "undefined variable: %s", n->idents[0]);
        return eval_fields(s, n, *v, n->idents + 1, n->nidents - 1, out);
    }
    case TN_FIELD: return eval_fields(s, n, *dot, n->idents, n->nidents, out);
    case TN_PIPE: return eval_pipeline(s, dot, n, out);
    case TN_IDENT: return call_builtin_or_func(s, dot, n, n, NULL, 0, NULL, out);
    case TN_CHAIN: {
        tval base;
        if (eval_arg(s, dot, n->pipe, &base))
            return -1;
        return eval_fields(s, n, base, n->idents, n->nidents, out);
    }
    default: return xerr(s, "can't handle node");
    }
}

static int eval_command(exec_state *s, const tval *dot, const tnode *cmd, const tval *final, tval *out)
{
    const tnode *first = cmd->items[0];
    s->at = first;
    switch (first->kind) {
    case TN_NIL:
        return xerr(s, "nil is not a command");
    case TN_IDENT:
        return call_builtin_or_func(s, dot, cmd, first, (const tnode *const *)cmd->items + 1, cmd->n - 1, final, out);
    case TN_FIELD:
    case TN_VARIABLE:
    case TN_CHAIN:
        if (cmd->n > 1 || final) {
            /* Fields with arguments would be method calls; our data has no methods. */
            tval v;
            if (eval_arg(s, dot, first, &v))
                return -1;
            s->at = first;
            return xerr(s, "can't give argument to non-function %s", "field");
        }
        return eval_arg(s, dot, first, out);
    default:
        if (cmd->n > 1 || final) {
            s->at = first;
            pq_strbuf sb;
            pq_strbuf_init(&sb);
            pq_tmpl_node_string(&sb, first);
            int r = xerr(s, "can't give argument to non-function %s", sb.data ? sb.data : "");
            pq_strbuf_free(&sb);
            return r;
        }
        return eval_arg(s, dot, first, out);
    }
}

static int eval_pipeline(exec_state *s, const tval *dot, const tnode *pipe, tval *out)
{
    if (++s->depth > MAX_DEPTH) {
        s->at = pipe;
        return xerr(s, "exceeded maximum template depth (%d)", MAX_DEPTH);
    }
    tval v = {.kind = TV_NIL};
    int have = 0;
    for (size_t i = 0; i < pipe->n; i++) {
        tval r;
        if (eval_command(s, dot, pipe->items[i], have ? &v : NULL, &r))
            return -1;
        v = r;
        have = 1;
    }
    for (size_t i = 0; i < pipe->ndecl; i++) {
        if (pipe->is_assign) {
            tval *var = find_var(s, pipe->decl[i]);
            if (var)
                *var = v;
        } else if (push_var(s, pipe->decl[i], &v)) {
            return -1;
        }
    }
    s->depth--;
    *out = v;
    return 0;
}

static int walk_list(exec_state *s, const tval *dot, const tnode *list)
{
    for (size_t i = 0; i < list->n; i++) {
        if (walk(s, dot, list->items[i]))
            return -1;
        if (s->control)
            return 0;
    }
    return 0;
}

static int walk_range(exec_state *s, const tval *dot, const tnode *n)
{
    size_t mark = s->nvars;
    tval v;
    if (eval_pipeline(s, dot, n->pipe, &v))
        return -1;
    /* the pipeline pushed its declared variables with the whole value; reassign per element */
    size_t nelem = 0;
    if (v.kind == TV_MAP)
        nelem = v.map.count;
    else if (v.kind == TV_SAMPLES)
        nelem = (size_t)v.i;
    else if (v.kind == TV_INT)
        nelem = v.i > 0 ? (size_t)v.i : 0;
    else if (v.kind == TV_NIL)
        nelem = 0;
    else {
        s->at = n;
        return xerr(s, "range can't iterate over %s", "value");
    }
    for (size_t k = 0; k < nelem; k++) {
        if (++s->steps > MAX_STEPS)
            return xerr(s, "template too expensive");
        tval key, elem;
        if (v.kind == TV_MAP) {
            key = (tval){.kind = TV_STRING, .s = v.map.items[k].name, .slen = strlen(v.map.items[k].name)};
            elem = (tval){.kind = TV_STRING, .s = v.map.items[k].value, .slen = strlen(v.map.items[k].value)};
        } else if (v.kind == TV_SAMPLES) {
            key = (tval){.kind = TV_INT, .i = (int64_t)k};
            elem = (tval){.kind = TV_SAMPLE, .samples = &v.samples[k]};
        } else {
            key = (tval){.kind = TV_INT, .i = (int64_t)k};
            elem = key;
        }
        if (n->pipe->ndecl == 1) {
            s->vars[mark].val = elem;
        } else if (n->pipe->ndecl == 2) {
            s->vars[mark].val = key;
            s->vars[mark + 1].val = elem;
        }
        size_t inner = s->nvars;
        if (walk_list(s, &elem, n->list))
            return -1;
        s->nvars = inner;
        if (s->control == 1) {
            s->control = 0;
            break;
        }
        s->control = 0;
    }
    if (nelem == 0 && n->else_list && walk_list(s, dot, n->else_list))
        return -1;
    s->nvars = mark;
    return 0;
}

static int walk(exec_state *s, const tval *dot, const tnode *n)
{
    if (++s->steps > MAX_STEPS) {
        s->at = n;
        return xerr(s, "template too expensive");
    }
    if (s->out->len > MAX_OUTPUT) {
        s->at = n;
        return xerr(s, "template output too large");
    }
    switch (n->kind) {
    case TN_TEXT:
        pq_strbuf_append(s->out, n->text, n->text_len);
        return 0;
    case TN_ACTION: {
        tval v;
        if (eval_pipeline(s, dot, n->pipe, &v))
            return -1;
        if (n->pipe->ndecl == 0) {
            if (v.kind == TV_NIL)
                pq_strbuf_puts(s->out, "<no value>");
            else
                pq_tmpl_print_value(s->out, &v);
        }
        return 0;
    }
    case TN_IF:
    case TN_WITH: {
        size_t mark = s->nvars;
        tval v;
        if (eval_pipeline(s, dot, n->pipe, &v))
            return -1;
        int r = 0;
        if (pq_tmpl_truth(&v))
            r = walk_list(s, n->kind == TN_WITH ? &v : dot, n->list);
        else if (n->else_list)
            r = walk_list(s, dot, n->else_list);
        s->nvars = mark;
        return r;
    }
    case TN_RANGE: return walk_range(s, dot, n);
    case TN_BREAK: s->control = 1; return 0;
    case TN_CONTINUE: s->control = 2; return 0;
    case TN_LIST: return walk_list(s, dot, n);
    default: return 0;
    }
}

int pq_tmpl_expand(const char *text, size_t len, const pq_tmpl_env *env, pq_strbuf *out, char *errbuf,
                   size_t errlen)
{
    pq_arena a;
    pq_arena_init(&a, 64u << 20);
    char perrbuf[512];
    tnode *root = pq_tmpl_parse(&a, text, len, env->name, perrbuf, sizeof perrbuf);
    if (!root) {
        snprintf(errbuf, errlen, "error parsing template %s: %s", env->name, perrbuf);
        pq_arena_free(&a);
        return -1;
    }
    exec_state s;
    memset(&s, 0, sizeof s);
    s.a = &a;
    s.env = env;
    s.text = text;
    s.out = out;
    char xbuf[1200];
    s.err = xbuf;
    s.errlen = sizeof xbuf;
    tval dot = env->data ? (tval){.kind = TV_DATA} : (tval){.kind = TV_NIL};
    size_t start = out->len;
    int rc = push_var(&s, "$", &dot);
    if (rc == 0)
        rc = walk_list(&s, &dot, root);
    if (rc == 0 && out->oom)
        rc = xerr(&s, "out of memory");
    if (rc) {
        snprintf(errbuf, errlen, "error executing template %s: %s", env->name, xbuf);
        if (out->len > start)
            out->len = start;
        if (out->data)
            out->data[out->len] = 0;
    }
    pq_arena_free(&a);
    return rc;
}

int pq_tmpl_parse_check(const char *text, size_t len, const char *name, char *errbuf, size_t errlen)
{
    pq_arena a;
    pq_arena_init(&a, 64u << 20);
    tnode *root = pq_tmpl_parse(&a, text, len, name, errbuf, errlen);
    pq_arena_free(&a);
    return root ? 0 : -1;
}
