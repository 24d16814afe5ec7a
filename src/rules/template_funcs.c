/*
 * template_funcs.c -- Prometheus's template functions (template/template.go and
 * prometheus/common's helpers/templates) over template values: humanize*, toTime, title,
 * reReplaceAll, match, stripPort, query, ... with Go's number formatting and error texts.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <locale.h>
#include <pthread.h>
#include <wctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "storage/regex_translate.h"
#include "rules/template_int.h"
#include "util/gofmt.h"
#include "util/gotime.h"

static const char *const known_funcs[] = {
    /* Go builtins */
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
    "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
    /* Prometheus */
    "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match",
    "title", "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "stripPort",
    "stripDomain", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
    "humanizeTimestamp", "toTime", "toDuration", "now", "pathPrefix", "externalURL",
    "parseDuration", "urlQueryEscape", NULL};

bool pq_tmpl_func_known(const char *name, size_t len)
{
    for (int i = 0; known_funcs[i]; i++)
        if (strlen(known_funcs[i]) == len && memcmp(known_funcs[i], name, len) == 0)
            return true;
    return false;
}

static int set_string(tfunc_ctx *c, tval *out, const char *s, size_t len, char *err, size_t el)
{
    char *d = pq_arena_strndup(c->arena, s, len);
    if (!d) {
        snprintf(err, el, "out of memory");
        return -1;
    }
    *out = (tval){.kind = TV_STRING, .s = d, .slen = len};
    return 0;
}

static int set_buf(tfunc_ctx *c, tval *out, pq_strbuf *b, char *err, size_t el)
{
    int r = b->oom ? (snprintf(err, el, "out of memory"), -1)
                   : set_string(c, out, b->data ? b->data : "", b->len, err, el);
    pq_strbuf_free(b);
    return r;
}

/* strconv.ParseFloat(s, 64) */
static int go_parse_float(const char *s, size_t len, double *v, char *err, size_t el)
{
    int r = pq_go_parse_float_ex(s, len, v);
    if (r == -2)
        snprintf(err, el, "strconv.ParseFloat: parsing \"%.*s\": value out of range", (int)(len > 200 ? 200 : len), s);
    else if (r < 0)
        snprintf(err, el, "strconv.ParseFloat: parsing \"%.*s\": invalid syntax", (int)(len > 200 ? 200 : len), s);
    return r < 0 ? -1 : 0;
}

/* common/helpers/templates.ConvertToFloat */
static int to_float(const tval *v, double *f, char *err, size_t el)
{
    switch (v->kind) {
    case TV_FLOAT: *f = v->f; return 0;
    case TV_INT: *f = (double)v->i; return 0;
    case TV_STRING: return go_parse_float(v->s, v->slen, f, err, el);
    default:
        snprintf(err, el, "can't convert %s to float", pq_tmpl_type_name(v));
        return -1;
    }
}

static void g4(pq_strbuf *b, double v) { pq_go_format_float_prec(b, v, 'g', 4); }

/* Unicode case mapping without touching the process locale: a C.UTF-8 locale object used with
 * tow*_l. Without one, only ASCII letters change case. */
static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;

static void utf8_locale_init(void)
{
    /* created once, read-only afterwards, never freed: process-wide character tables */
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

static wint_t map_case(wint_t c, int mode)
{
    if (c >= 0x80)
        pthread_once(&utf8_locale_once, utf8_locale_init);
    locale_t loc = utf8_locale;
    if (c < 0x80 || !loc)
        return mode ? (wint_t)toupper((int)c) : (wint_t)tolower((int)c);
    return mode ? towupper_l(c, loc) : towlower_l(c, loc);
}

static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n) {
        *cp = 0xFFFFFFFF;
        return 1;
    }
    uint32_t v = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFFFFFF;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

static void utf8_put(pq_strbuf *b, uint32_t cp)
{
    char o[4];
    if (cp < 0x80) {
        pq_strbuf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        pq_strbuf_append(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        pq_strbuf_append(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        pq_strbuf_append(b, o, 4);
    }
}

/* mode 0 lower, 1 upper, 2 title (upper-case the first letter of each word, keep the rest) */
static void change_case(pq_strbuf *b, const char *s, size_t n, int mode)
{
    int in_word = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (cp == 0xFFFFFFFF) {
            /* invalid UTF-8: Go's ToUpper/ToLower write U+FFFD */
            if (mode != 2)
                utf8_put(b, 0xFFFD);
            else
                pq_strbuf_putc(b, s[i]);
            i += l;
            in_word = 0;
            continue;
        }
        int letter = iswalnum((wint_t)cp) || cp >= 0x80 || cp == '_';
        uint32_t out = cp;
        if (mode == 1 || (mode == 2 && !in_word))
            out = (uint32_t)map_case((wint_t)cp, 1);
        else if (mode == 0)
            out = (uint32_t)map_case((wint_t)cp, 0);
        utf8_put(b, out);
        in_word = mode == 2 ? letter : 0;
        i += l;
    }
}

static int need_args(const char *name, size_t nargs, size_t want, char *err, size_t el)
{
    if (nargs != want) {
        snprintf(err, el, "wrong number of args for %s: want %zu got %zu", name, want, nargs);
        return -2;
    }
    return 0;
}

static int need_string(const tval *v, char *err, size_t el)
{
    if (v->kind != TV_STRING) {
        snprintf(err, el, "wrong type for value; expected string; got %s", pq_tmpl_type_name(v));
        return -2;
    }
    return 0;
}

/* humanize's and humanizeDuration's SI scaling of |v| < 1: multiplies *v by 1000 up to eight
 * times while it stays below 1 and returns the prefix reached ("m", "u", ... "y", or ""). */
static const char *scale_below_one(double *v)
{
    static const char *small[] = {"m", "u", "n", "p", "f", "a", "z", "y"};
    const char *prefix = "";
    for (int i = 0; i < 8; i++) {
        if (fabs(*v) >= 1)
            break;
        prefix = small[i];
        *v *= 1000;
    }
    return prefix;
}

static void humanize(pq_strbuf *b, double v)
{
    if (v == 0 || isnan(v) || isinf(v)) {
        g4(b, v);
        return;
    }
    static const char *big[] = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    const char *prefix = "";
    if (fabs(v) >= 1) {
        for (int i = 0; i < 8; i++) {
            if (fabs(v) < 1000)
                break;
            prefix = big[i];
            v /= 1000;
        }
    } else {
        prefix = scale_below_one(&v);
    }
    g4(b, v);
    pq_strbuf_puts(b, prefix);
}

static void humanize1024(pq_strbuf *b, double v)
{
    if (fabs(v) <= 1 || isnan(v) || isinf(v)) {
        g4(b, v);
        return;
    }
    static const char *p[] = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    const char *prefix = "";
    for (int i = 0; i < 8; i++) {
        if (fabs(v) < 1024)
            break;
        prefix = p[i];
        v /= 1024;
    }
    g4(b, v);
    pq_strbuf_puts(b, prefix);
}

static void humanize_duration(pq_strbuf *b, double v)
{
    if (isnan(v) || isinf(v)) {
        g4(b, v);
        return;
    }
    if (v == 0) {
        g4(b, v);
        pq_strbuf_putc(b, 's');
        return;
    }
    if (fabs(v) >= 1) {
        const char *sign = "";
        if (v < 0) {
            sign = "-";
            v = -v;
        }
        /* int64(v) saturates in our C; Go's conversion of huge floats is undefined anyway */
        /* Go's int64(v) of an out-of-range float is MinInt64 on amd64 */
        int64_t d = v >= 9223372036854775807.0 ? INT64_MIN : (int64_t)v;
        int64_t seconds = d % 60, minutes = (d / 60) % 60, hours = (d / 60 / 60) % 24, days = d / 60 / 60 / 24;
        if (days != 0)
            pq_strbuf_printf(b, "%s%lldd %lldh %lldm %llds", sign, (long long)days, (long long)hours,
                             (long long)minutes, (long long)seconds);
        else if (hours != 0)
            pq_strbuf_printf(b, "%s%lldh %lldm %llds", sign, (long long)hours, (long long)minutes, (long long)seconds);
        else if (minutes != 0)
            pq_strbuf_printf(b, "%s%lldm %llds", sign, (long long)minutes, (long long)seconds);
        else {
            pq_strbuf_puts(b, sign);
            g4(b, v);
            pq_strbuf_putc(b, 's');
        }
        return;
    }
    const char *prefix = scale_below_one(&v);
    g4(b, v);
    pq_strbuf_printf(b, "%ss", prefix);
}

/* FloatToTime: nanoseconds since the epoch, or an error */
static int float_to_time(double v, int64_t *ns, int *nan_inf, char *err, size_t el)
{
    *nan_inf = 0;
    if (isnan(v) || isinf(v)) {
        *nan_inf = 1;
        snprintf(err, el, "value is NaN or Inf");
        return -1;
    }
    double t = v * 1e9;
    if (t > 9223372036854775807.0 || t < -9223372036854775808.0) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_go_format_float(&b, v, 'g');
        snprintf(err, el, "%s cannot be represented as a nanoseconds timestamp since it overflows int64",
                 b.data ? b.data : "");
        pq_strbuf_free(&b);
        return -1;
    }
    *ns = t >= 9223372036854775807.0 ? INT64_MAX : (int64_t)t;
    return 0;
}

static void query_escape(pq_strbuf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~')
            pq_strbuf_putc(b, (char)ch);
        else if (ch == ' ')
            pq_strbuf_putc(b, '+');
        else
            pq_strbuf_printf(b, "%%%02X", ch);
    }
}

/* Go's regexp: the pattern is checked and translated by the storage layer's RE2-syntax
 * translator (Go's acceptance and error texts), then run by PCRE2 with Go's defaults ('.' does
 * not match newline, '$' only at the end) and a match limit. */
static pcre2_code *compile_re(const tval *pat, char *err, size_t el)
{
    pq_regex_translation tr;
    if (pq_regex_translate(pat->s, pat->slen, &tr, err, el))
        return NULL;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = tr.pcre.oom ? NULL
                                 : pcre2_compile((PCRE2_SPTR)(tr.pcre.data ? tr.pcre.data : ""), tr.pcre.len,
                                                 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY |
                                                     PCRE2_NEVER_BACKSLASH_C,
                                                 &ec, &eo, NULL);
    pq_regex_translation_free(&tr);
    if (!re)
        snprintf(err, el, "error parsing regexp: expression too large: `%.*s`", (int)(pat->slen > 200 ? 200 : pat->slen),
                 pat->s);
    return re;
}

static pcre2_match_context *match_ctx(void)
{
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (mc) {
        pcre2_set_match_limit(mc, 1000000);
        pcre2_set_depth_limit(mc, 10000);
    }
    return mc;
}

/* Go's Regexp.Expand template syntax: $1, ${1}, $name, ${name}, $$ */
static void expand_repl(pq_strbuf *b, const tval *repl, pcre2_code *re, const char *subj, PCRE2_SIZE *ov, int rc)
{
    const char *r = repl->s;
    size_t n = repl->slen;
    for (size_t i = 0; i < n; i++) {
        if (r[i] != '$' || i + 1 >= n) {
            pq_strbuf_putc(b, r[i]);
            continue;
        }
        if (r[i + 1] == '$') {
            pq_strbuf_putc(b, '$');
            i++;
            continue;
        }
        size_t st, en;
        int braced = r[i + 1] == '{';
        st = i + 1 + (size_t)braced;
        en = st;
        while (en < n && (isalnum((unsigned char)r[en]) || r[en] == '_'))
            en++;
        if (en == st || (braced && (en >= n || r[en] != '}'))) {
            pq_strbuf_putc(b, '$');
            continue;
        }
        char name[128];
        size_t nl = en - st < sizeof name - 1 ? en - st : sizeof name - 1;
        memcpy(name, r + st, nl);
        name[nl] = 0;
        int group = -1;
        char *endp;
        long g = strtol(name, &endp, 10);
        if (*endp == 0 && isdigit((unsigned char)name[0]))
            group = g > 1000 ? -1 : (int)g;
        else
            group = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
        if (group >= 0 && group < rc && ov[2 * group] != PCRE2_UNSET)
            pq_strbuf_append(b, subj + ov[2 * group], ov[2 * group + 1] - ov[2 * group]);
        i = braced ? en : en - 1;
    }
}

static int re_replace_all(tfunc_ctx *c, const tval *args, tval *out, char *err, size_t el)
{
    pcre2_code *re = compile_re(&args[0], err, el);
    if (!re)
        return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    pcre2_match_context *mc = match_ctx();
    pq_strbuf b;
    pq_strbuf_init(&b);
    const char *subj = args[2].s;
    size_t len = args[2].slen, pos = 0, last = 0;
    int prev_empty_end = -1;
    while (md && pos <= len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)subj, len, pos, 0, md, mc);
        if (rc <= 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t ms = ov[0], me = ov[1];
        if (ms == me && (long)ms == prev_empty_end) {
            /* an empty match right after the previous match is skipped, as Go does */
            pos = ms + 1;
            while (pos < len && ((unsigned char)subj[pos] & 0xC0) == 0x80)
                pos++;
            continue;
        }
        pq_strbuf_append(&b, subj + last, ms - last);
        expand_repl(&b, &args[1], re, subj, ov, rc);
        last = me;
        prev_empty_end = (int)me;
        if (me == ms) {
            pos = me + 1;
            while (pos < len && ((unsigned char)subj[pos] & 0xC0) == 0x80)
                pos++;
            if (pos <= len && me < len) {
                pq_strbuf_append(&b, subj + me, pos - me);
                last = pos;
            }
        } else {
            pos = me;
        }
    }
    if (last < len)
        pq_strbuf_append(&b, subj + last, len - last);
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    pcre2_code_free(re);
    return set_buf(c, out, &b, err, el);
}

static int split_host_port(const char *s, size_t len, size_t *hs, size_t *hl, size_t *ps, size_t *pl)
{
    if (len > 0 && s[0] == '[') {
        const char *rb = memchr(s, ']', len);
        if (!rb)
            return -1;
        size_t e = (size_t)(rb - s);
        if (e + 1 >= len || s[e + 1] != ':')
            return -1;
        *hs = 1;
        *hl = e - 1;
        *ps = e + 2;
        *pl = len - e - 2;
        if (memchr(s + *ps, ':', *pl))
            return -1;
        return 0;
    }
    const char *colon = NULL;
    int ncolon = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ':') {
            colon = s + i;
            ncolon++;
        }
    if (ncolon != 1)
        return -1;
    *hs = 0;
    *hl = (size_t)(colon - s);
    *ps = *hl + 1;
    *pl = len - *ps;
    return 0;
}

static int call(tfunc_ctx *c, const char *name, const tval *args, size_t nargs, tval *out, char *err, size_t el)
{
    int r;
    double f;
    pq_strbuf b;
#define ARGS(n) do { if ((r = need_args(name, nargs, (n), err, el))) return r; } while (0)
#define STR(i) do { if ((r = need_string(&args[i], err, el))) return r; } while (0)
    if (!strcmp(name, "humanize") || !strcmp(name, "humanize1024") || !strcmp(name, "humanizePercentage") ||
        !strcmp(name, "humanizeDuration") || !strcmp(name, "humanizeTimestamp") || !strcmp(name, "toTime") ||
        !strcmp(name, "toDuration")) {
        ARGS(1);
        if (to_float(&args[0], &f, err, el))
            return -1;
        pq_strbuf_init(&b);
        if (!strcmp(name, "humanize"))
            humanize(&b, f);
        else if (!strcmp(name, "humanize1024"))
            humanize1024(&b, f);
        else if (!strcmp(name, "humanizePercentage")) {
            g4(&b, f * 100);
            pq_strbuf_putc(&b, '%');
        } else if (!strcmp(name, "humanizeDuration"))
            humanize_duration(&b, f);
        else if (!strcmp(name, "toDuration")) {
            pq_strbuf_free(&b);
            double ns = f * 1e9;
            *out = (tval){.kind = TV_DURATION,
                          .i = isnan(ns) ? INT64_MIN : ns >= 9.2e18 ? INT64_MAX : ns <= -9.2e18 ? INT64_MIN : (int64_t)ns};
            return 0;
        } else {
            int64_t ns;
            int nan_inf;
            if (float_to_time(f, &ns, &nan_inf, err, el)) {
                if (!(nan_inf && !strcmp(name, "humanizeTimestamp"))) {
                    pq_strbuf_free(&b);
                    return -1;
                }
                g4(&b, f);
            } else if (!strcmp(name, "toTime")) {
                pq_strbuf_free(&b);
                *out = (tval){.kind = TV_TIME, .i = ns};
                return 0;
            } else {
                /* model.TimeFromUnixNano keeps milliseconds only */
                tval t = {.kind = TV_TIME, .i = (ns / 1000000) * 1000000};
                pq_tmpl_print_value(&b, &t);
            }
        }
        return set_buf(c, out, &b, err, el);
    }
    if (!strcmp(name, "toUpper") || !strcmp(name, "toLower") || !strcmp(name, "title") ||
        !strcmp(name, "safeHtml") || !strcmp(name, "urlQueryEscape") || !strcmp(name, "stripPort") ||
        !strcmp(name, "stripDomain") || !strcmp(name, "graphLink") || !strcmp(name, "tableLink")) {
        ARGS(1);
        STR(0);
        const char *s = args[0].s;
        size_t n = args[0].slen;
        pq_strbuf_init(&b);
        if (!strcmp(name, "toUpper") || !strcmp(name, "toLower")) {
            change_case(&b, s, n, name[2] == 'U');
        } else if (!strcmp(name, "title")) {
            change_case(&b, s, n, 2);
        } else if (!strcmp(name, "safeHtml")) {
            pq_strbuf_append(&b, s, n);
        } else if (!strcmp(name, "urlQueryEscape")) {
            query_escape(&b, s, n);
        } else if (!strcmp(name, "graphLink") || !strcmp(name, "tableLink")) {
            pq_strbuf_puts(&b, "/graph?g0.expr=");
            query_escape(&b, s, n);
            pq_strbuf_puts(&b, name[0] == 'g' ? "&g0.tab=0" : "&g0.tab=1");
        } else {
            size_t hs = 0, hl = 0, ps = 0, pl = 0;
            int ok = split_host_port(s, n, &hs, &hl, &ps, &pl) == 0;
            if (!strcmp(name, "stripPort")) {
                if (ok)
                    pq_strbuf_append(&b, s + hs, hl);
                else
                    pq_strbuf_append(&b, s, n);
            } else {
                if (!ok) {
                    hs = 0;
                    hl = n;
                    pl = 0;
                }
                char host[256];
                unsigned char tmp[16];
                size_t cl = hl < sizeof host - 1 ? hl : sizeof host - 1;
                memcpy(host, s + hs, cl);
                host[cl] = 0;
                if (inet_pton(AF_INET, host, tmp) == 1 || inet_pton(AF_INET6, host, tmp) == 1) {
                    pq_strbuf_append(&b, s, n);
                } else {
                    const char *dot = memchr(s + hs, '.', hl);
                    size_t first = dot ? (size_t)(dot - (s + hs)) : hl;
                    int need_brackets = memchr(s + hs, ':', first) != NULL;
                    if (pl > 0 || (ok && pl == 0)) {
                        if (need_brackets)
                            pq_strbuf_putc(&b, '[');
                        pq_strbuf_append(&b, s + hs, first);
                        if (need_brackets)
                            pq_strbuf_putc(&b, ']');
                        pq_strbuf_putc(&b, ':');
                        pq_strbuf_append(&b, s + ps, pl);
                    } else {
                        pq_strbuf_append(&b, s + hs, first);
                    }
                }
            }
        }
        return set_buf(c, out, &b, err, el);
    }
    if (!strcmp(name, "reReplaceAll")) {
        ARGS(3);
        STR(0);
        STR(1);
        STR(2);
        r = re_replace_all(c, args, out, err, el);
        if (r < 0) {
            /* Go's MustCompile panics; text/template turns the panic into a call error */
            char m[600];
            snprintf(m, sizeof m, "regexp: Compile(`%.*s`): %.400s", (int)(args[0].slen > 150 ? 150 : args[0].slen),
                     args[0].s, err);
            snprintf(err, el, "%s", m);
            return -1;
        }
        return 0;
    }
    if (!strcmp(name, "match")) {
        ARGS(2);
        STR(0);
        STR(1);
        pcre2_code *re = compile_re(&args[0], err, el);
        if (!re)
            return -1;
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
        pcre2_match_context *mc = match_ctx();
        int rc = md ? pcre2_match(re, (PCRE2_SPTR)args[1].s, args[1].slen, 0, 0, md, mc) : -1;
        pcre2_match_data_free(md);
        pcre2_match_context_free(mc);
        pcre2_code_free(re);
        *out = (tval){.kind = TV_BOOL, .b = rc > 0};
        return 0;
    }
    if (!strcmp(name, "now")) {
        ARGS(0);
        *out = (tval){.kind = TV_FLOAT, .f = (double)c->env->now_ms / 1000.0};
        return 0;
    }
    if (!strcmp(name, "externalURL") || !strcmp(name, "pathPrefix")) {
        ARGS(0);
        const char *u = c->env->data && c->env->data->external_url ? c->env->data->external_url : "";
        if (name[0] == 'p') {
            /* the path part of the URL */
            const char *sch = strstr(u, "://");
            const char *path = sch ? strchr(sch + 3, '/') : (u[0] == '/' ? u : NULL);
            if (!path)
                path = "";
            size_t pl = strcspn(path, "?#");
            return set_string(c, out, path, pl, err, el);
        }
        return set_string(c, out, u, strlen(u), err, el);
    }
    if (!strcmp(name, "parseDuration")) {
        ARGS(1);
        STR(0);
        const char *s = args[0].s;
        size_t n = args[0].slen;
        int neg = n > 0 && s[0] == '-';
        int64_t ms;
        if (pq_go_parse_duration(s + neg, n - (size_t)neg, &ms, err, el))
            return -1;
        *out = (tval){.kind = TV_FLOAT, .f = (neg ? -(double)ms : (double)ms) / 1000.0};
        return 0;
    }
    if (!strcmp(name, "query")) {
        ARGS(1);
        STR(0);
        if (!c->env->query) {
            snprintf(err, el, "query() is not available here");
            return -1;
        }
        pq_tmpl_sample *res = NULL;
        size_t cnt = 0;
        char *q = pq_arena_strndup(c->arena, args[0].s, args[0].slen);
        if (!q) {
            snprintf(err, el, "out of memory");
            return -1;
        }
        if (c->env->query(c->env->query_arg, q, c->env->now_ms, &res, &cnt, err, el))
            return -1;
        *out = (tval){.kind = TV_SAMPLES, .samples = res, .i = (int64_t)cnt};
        return 0;
    }
    if (!strcmp(name, "first")) {
        ARGS(1);
        if (args[0].kind != TV_SAMPLES) {
            snprintf(err, el, "wrong type for value; expected template.queryResult; got %s", pq_tmpl_type_name(&args[0]));
            return -2;
        }
        if (args[0].i == 0) {
            snprintf(err, el, "first() called on vector with no elements");
            return -1;
        }
        *out = (tval){.kind = TV_SAMPLE, .samples = args[0].samples};
        return 0;
    }
    if (!strcmp(name, "label") || !strcmp(name, "value") || !strcmp(name, "strvalue")) {
        size_t want = name[0] == 'l' ? 2 : 1;
        ARGS(want);
        const tval *sv = &args[want - 1];
        if (want == 2)
            STR(0);
        if (sv->kind != TV_SAMPLE) {
            snprintf(err, el, "wrong type for value; expected *template.sample; got %s", pq_tmpl_type_name(sv));
            return -2;
        }
        if (name[0] == 'v') {
            *out = (tval){.kind = TV_FLOAT, .f = sv->samples->value};
            return 0;
        }
        const char *key = name[0] == 'l' ? args[0].s : "__value__";
        const promql_labels *ls = &sv->samples->labels;
        for (size_t i = 0; i < ls->count; i++)
            if (!strcmp(ls->items[i].name, key))
                return set_string(c, out, ls->items[i].value, strlen(ls->items[i].value), err, el);
        return set_string(c, out, "", 0, err, el);
    }
    if (!strcmp(name, "sortByLabel")) {
        ARGS(2);
        STR(0);
        if (args[1].kind != TV_SAMPLES) {
            snprintf(err, el, "wrong type for value; expected template.queryResult; got %s", pq_tmpl_type_name(&args[1]));
            return -2;
        }
        size_t n = (size_t)args[1].i;
        pq_tmpl_sample *copy = n ? pq_arena_alloc(c->arena, n * sizeof *copy) : NULL;
        if (n && !copy) {
            snprintf(err, el, "out of memory");
            return -1;
        }
        if (n)
            memcpy(copy, args[1].samples, n * sizeof *copy);
        /* stable insertion sort by the label's value */
        for (size_t i = 1; i < n; i++) {
            pq_tmpl_sample x = copy[i];
            const char *xv = "";
            for (size_t k = 0; k < x.labels.count; k++)
                if (!strcmp(x.labels.items[k].name, args[0].s))
                    xv = x.labels.items[k].value;
            size_t j = i;
            while (j > 0) {
                const char *pv = "";
                for (size_t k = 0; k < copy[j - 1].labels.count; k++)
                    if (!strcmp(copy[j - 1].labels.items[k].name, args[0].s))
                        pv = copy[j - 1].labels.items[k].value;
                if (strcmp(pv, xv) <= 0)
                    break;
                copy[j] = copy[j - 1];
                j--;
            }
            copy[j] = x;
        }
        *out = (tval){.kind = TV_SAMPLES, .samples = copy, .i = (int64_t)n};
        return 0;
    }
    snprintf(err, el, "function %s is not supported by promql-c templates", name);
    return -2;
#undef ARGS
#undef STR
}

int pq_tmpl_call_func(tfunc_ctx *ctx, const char *name, const tval *args, size_t nargs, tval *out, char *errbuf,
                      size_t errlen)
{
    return call(ctx, name, args, nargs, out, errbuf, errlen);
}
