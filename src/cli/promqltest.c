/*
 * promqltest.c -- reads promqltest scripts and runs them the way Prometheus's
 * promql/promqltest/test.go does: line by line (trimmed, '#' comments blanked), a blank line
 * ending each block, commands recognised by the same patterns (compiled with PCRE2, whose
 * Perl semantics match Go's RE2 for them), load blocks handed to the fixture loader, and each
 * eval run with the same engine settings and extra variants. Unlike the Go runner, a broken
 * command does not stop the script: it is reported as one failed item and reading goes on.
 */
#include "cli/promqltest.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/numfmt.h"
#include "cli/pqt_internal.h"
#include "util/labels.h"
#include "cli/timeparse.h"
#include "parser/parser.h"
#include "util/strbuf.h"
#include "util/gotime.h"

#define PQT_LOOKBACK_MS (5 * 60 * 1000)
#define PQT_MAX_SAMPLES 10000
#define PQT_TIMEOUT_MS (100 * 1000)

const char *pqt_failure_name(pqt_failure f)
{
    switch (f) {
    case PQT_OK: return "passed";
    case PQT_SCRIPT_ERROR: return "script error";
    case PQT_LOAD_ERROR: return "load error";
    case PQT_PARSE_ERROR: return "query does not parse";
    case PQT_UNEXPECTED_ERROR: return "unexpected error";
    case PQT_MISSING_ERROR: return "expected error not raised";
    case PQT_WRONG_ERROR: return "wrong error message";
    case PQT_ANNOTATIONS: return "annotations differ";
    case PQT_WRONG_RESULT: return "wrong result";
    case PQT_AT_MODIFIER: return "differs with @ modifier";
    case PQT_RANGE_MODE: return "differs in range mode";
    case PQT_LIMIT: return "over the runner's limits";
    }
    return "failed";
}

/* ---- small Go-compatible helpers ------------------------------------------------------------ */

bool pqt_parse_number(const char *s, size_t len, double *out)
{
    /* strconv.ParseInt(s, 0, 64): sign, then 0x / 0o / 0b / leading-0 octal / decimal,
     * underscores allowed between digits when a base prefix was given. */
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int base = 10;
    bool prefixed = false;
    if (len - i >= 2 && s[i] == '0') {
        char p = (char)tolower((unsigned char)s[i + 1]);
        if (p == 'x') { base = 16; i += 2; prefixed = true; }
        else if (p == 'o') { base = 8; i += 2; prefixed = true; }
        else if (p == 'b') { base = 2; i += 2; prefixed = true; }
        else { base = 8; i += 1; prefixed = true; }
    }
    if (i < len) {
        unsigned long long v = 0;
        bool ok = true, any = false, overflow = false;
        char prev = prefixed ? '_' : 0;
        for (size_t k = i; k < len && ok; k++) {
            char c = s[k];
            if (c == '_' && prefixed) {
                if (prev == '_' && k != i)
                    ok = false;
                prev = '_';
                continue;
            }
            int d = isdigit((unsigned char)c) ? c - '0' : isalpha((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : 99;
            if (d >= base) {
                ok = false;
                break;
            }
            if (v > (~0ULL - (unsigned)d) / (unsigned)base)
                overflow = true;
            v = v * (unsigned)base + (unsigned)d;
            any = true;
            prev = c;
        }
        if (ok && any && prev != '_' && !overflow && v <= (neg ? 9223372036854775808ULL : 9223372036854775807ULL)) {
            *out = neg ? -(double)v : (double)v;
            return true;
        }
    } else if (prefixed && base == 8) {
        *out = 0;   /* "0" */
        return true;
    }
    return pq_go_parse_float(s, len, out);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void put_utf8(pq_strbuf *b, unsigned long r)
{
    char t[4];
    if (r < 0x80) { t[0] = (char)r; pq_strbuf_append(b, t, 1); }
    else if (r < 0x800) { t[0] = (char)(0xC0 | (r >> 6)); t[1] = (char)(0x80 | (r & 0x3F)); pq_strbuf_append(b, t, 2); }
    else if (r < 0x10000) {
        t[0] = (char)(0xE0 | (r >> 12)); t[1] = (char)(0x80 | ((r >> 6) & 0x3F)); t[2] = (char)(0x80 | (r & 0x3F));
        pq_strbuf_append(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (r >> 18)); t[1] = (char)(0x80 | ((r >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((r >> 6) & 0x3F)); t[3] = (char)(0x80 | (r & 0x3F));
        pq_strbuf_append(b, t, 4);
    }
}

int pqt_go_unquote(const char *s, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    if (len < 2 || s[0] != s[len - 1])
        return -1;
    char q = s[0];
    pq_strbuf b;
    pq_strbuf_init(&b);
    if (q == '`') {
        for (size_t i = 1; i + 1 < len; i++) {
            if (s[i] == '`')
                goto bad;
            if (s[i] != '\r')
                pq_strbuf_putc(&b, s[i]);
        }
    } else if (q == '"' || q == '\'') {
        size_t runes = 0;
        for (size_t i = 1; i + 1 < len;) {
            char c = s[i];
            if (c == q || c == '\n')
                goto bad;
            runes++;
            if (c != '\\') {
                pq_strbuf_putc(&b, c);
                if ((unsigned char)c >= 0x80)
                    runes -= ((unsigned char)c & 0xC0) == 0x80;   /* count runes, not bytes */
                i++;
                continue;
            }
            if (i + 2 >= len)
                goto bad;
            char e = s[i + 1];
            i += 2;
            switch (e) {
            case 'a': pq_strbuf_putc(&b, '\a'); break;
            case 'b': pq_strbuf_putc(&b, '\b'); break;
            case 'f': pq_strbuf_putc(&b, '\f'); break;
            case 'n': pq_strbuf_putc(&b, '\n'); break;
            case 'r': pq_strbuf_putc(&b, '\r'); break;
            case 't': pq_strbuf_putc(&b, '\t'); break;
            case 'v': pq_strbuf_putc(&b, '\v'); break;
            case '\\': pq_strbuf_putc(&b, '\\'); break;
            case '"': case '\'':
                if (e != q)
                    goto bad;
                pq_strbuf_putc(&b, e);
                break;
            case 'x': case 'u': case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + (size_t)n >= len)
                    goto bad;
                unsigned long r = 0;
                for (int k = 0; k < n; k++) {
                    int h = hexval(s[i + (size_t)k]);
                    if (h < 0)
                        goto bad;
                    r = r * 16 + (unsigned long)h;
                }
                i += (size_t)n;
                if (e == 'x') {
                    pq_strbuf_putc(&b, (char)r);
                } else {
                    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
                        goto bad;
                    put_utf8(&b, r);
                }
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    if (i + 2 >= len)
                        goto bad;
                    unsigned r = (unsigned)(e - '0');
                    for (int k = 0; k < 2; k++) {
                        char d = s[i + (size_t)k];
                        if (d < '0' || d > '7')
                            goto bad;
                        r = r * 8 + (unsigned)(d - '0');
                    }
                    if (r > 255)
                        goto bad;
                    i += 2;
                    pq_strbuf_putc(&b, (char)r);
                    break;
                }
                goto bad;
            }
        }
        if (q == '\'' && runes != 1)
            goto bad;
    } else {
        goto bad;
    }
    *out_len = b.len;
    *out = pq_strbuf_finish(&b);
    if (!*out) {
        *out = NULL;
        return -1;
    }
    return 0;
bad:
    pq_strbuf_free(&b);
    return -1;
}

/* ---- the runner state ----------------------------------------------------------------------- */

typedef struct pqt_line {
    const char *s;   /* trimmed; "" for blank and comment lines */
    size_t len;
} pqt_line;

typedef struct pqt_runner {
    const char *file;
    const pqt_config *cfg;
    pqt_report_fn report;
    void *arg;
    promql_memstore *store;
    promql_engine *engine;
    pcre2_code *re_load, *re_eval_instant, *re_eval_range, *re_expect, *re_expect_range;
    pcre2_match_data *md;
    pq_arena arena;           /* patterns; lives for the script */
    pqt_line *lines;
    size_t nlines;
    const char *data;
    size_t len;
    size_t evals;
    bool stop;
} pqt_runner;

/* Match a whole line against a compiled pattern (groups are read with group()). */
static bool line_match(pqt_runner *r, pcre2_code *re, const char *s, size_t len)
{
    return pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, r->md, NULL) >= 0;
}

static bool group(pqt_runner *r, const char *s, int g, const char **out, size_t *n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    uint32_t count = pcre2_get_ovector_count(r->md);
    if ((uint32_t)g >= count || ov[2 * g] == PCRE2_UNSET) {
        *out = "";
        *n = 0;
        return false;
    }
    *out = s + ov[2 * g];
    *n = ov[2 * g + 1] - ov[2 * g];
    return true;
}

static void emit(pqt_runner *r, int line, const char *expr, pqt_failure f, const char *msg, const char *variant,
                 const char *expected, const char *got)
{
    pqt_item it = {r->file, line, expr, f, f == PQT_OK ? NULL : msg, variant, expected, got};
    if (r->report)
        r->report(r->arg, &it);
}

static bool is_go_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int split_lines(pqt_runner *r)
{
    size_t n = 1;
    for (size_t i = 0; i < r->len; i++)
        n += r->data[i] == '\n';
    r->lines = pq_arena_calloc(&r->arena, n, sizeof *r->lines);
    if (!r->lines)
        return -1;
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= r->len; i++) {
        if (i < r->len && r->data[i] != '\n')
            continue;
        const char *s = r->data + start;
        size_t l = i - start;
        while (l && is_go_space(*s)) { s++; l--; }
        while (l && is_go_space(s[l - 1])) l--;
        if (l && s[0] == '#')
            l = 0;
        /* A NUL inside a line would cut the C strings the rest of the runner uses. */
        char *copy = pq_arena_strndup(&r->arena, s, l);
        if (!copy)
            return -1;
        if (memchr(s, '\0', l))
            l = strlen(copy);
        r->lines[k].s = copy;
        r->lines[k].len = l;
        k++;
        start = i + 1;
    }
    r->nlines = k;
    return 0;
}

/* ---- load ----------------------------------------------------------------------------------- */

/* Runs the load block starting at line i; returns the index of its last line. */
static size_t run_load(pqt_runner *r, size_t i)
{
    size_t end = i;
    while (end + 1 < r->nlines && r->lines[end + 1].len)
        end++;
    if (!line_match(r, r->re_load, r->lines[i].s, r->lines[i].len)) {
        emit(r, (int)i + 1, r->lines[i].s, PQT_SCRIPT_ERROR, "invalid load command. (load[_with_nhcb] <step:duration>)",
             NULL, NULL, NULL);
        return end;
    }
    /* The loader reads promqltest text itself; blank lines in front keep its line numbers
     * those of the script. */
    pq_strbuf b;
    pq_strbuf_init(&b);
    for (size_t k = 0; k < i; k++)
        pq_strbuf_putc(&b, '\n');
    for (size_t k = i; k <= end; k++) {
        if (k > i)
            pq_strbuf_puts(&b, "  ");
        pq_strbuf_append(&b, r->lines[k].s, r->lines[k].len);
        pq_strbuf_putc(&b, '\n');
    }
    if (b.oom) {
        pq_strbuf_free(&b);
        emit(r, (int)i + 1, r->lines[i].s, PQT_LOAD_ERROR, "out of memory", NULL, NULL, NULL);
        return end;
    }
    promql_error err;
    memset(&err, 0, sizeof err);
    if (pq_load_promqltest(r->store, r->file, b.data, b.len, &err) != 0)
        emit(r, (int)i + 1, r->lines[i].s, PQT_LOAD_ERROR, err.message[0] ? err.message : "load failed", NULL, NULL, NULL);
    pq_strbuf_free(&b);
    return end;
}

/* ---- eval: reading -------------------------------------------------------------------------- */

static int add_expect(pqt_eval *ev, pqt_expect_type t, pqt_expect e)
{
    size_t n = ev->nexpects[t];
    pqt_expect *grown = pq_arena_realloc(ev->arena, ev->expects[t], n * sizeof e, (n + 1) * sizeof e);
    if (!grown)
        return -1;
    grown[n] = e;
    ev->expects[t] = grown;
    ev->nexpects[t] = n + 1;
    return 0;
}

static int add_series(pqt_eval *ev, promql_labels ls, int pos, pq_point *vals, size_t nvals, bool unknown_hint)
{
    for (size_t i = 0; i < ev->nseries; i++)
        if (pq_labels_compare(ev->series[i].labels, ls) == 0) {
            ev->series[i] = (pqt_expected_series){ls, pos, vals, nvals, unknown_hint};
            return 0;
        }
    if (ev->nseries == ev->capseries) {
        size_t cap = ev->capseries ? ev->capseries * 2 : 8;
        pqt_expected_series *g = pq_arena_realloc(ev->arena, ev->series, ev->capseries * sizeof *g, cap * sizeof *g);
        if (!g)
            return -1;
        ev->series = g;
        ev->capseries = cap;
    }
    ev->series[ev->nseries++] = (pqt_expected_series){ls, pos, vals, nvals, unknown_hint};
    return 0;
}

static int parse_duration_str(const char *s, size_t n, int64_t *ms, char *err, size_t errlen)
{
    return pq_go_parse_duration(s, n, ms, err, errlen);
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
    size_t p = strlen(prefix);
    return len >= p && memcmp(s, prefix, p) == 0;
}

/* Reads the eval block at line i into ev. Returns the index of the block's last line; on a
 * script error sets *err (arena text) and *err_line. */
static size_t read_eval(pqt_runner *r, size_t i, pqt_eval *ev, const char **err, int *err_line)
{
    pq_arena *a = ev->arena;
    const char *l = r->lines[i].s;
    size_t len = r->lines[i].len;
    size_t last = i;
    while (last + 1 < r->nlines && r->lines[last + 1].len)
        last++;
    *err = NULL;
    *err_line = (int)i + 1;
    ev->line = (int)i + 1;
    ev->expected_string = "";
    const char *mod, *p1, *p2, *p3, *ex;
    size_t nmod, n1, n2, n3, nex;
    char ebuf[256];
    if (line_match(r, r->re_eval_instant, l, len)) {
        group(r, l, 1, &mod, &nmod);
        bool has_at = group(r, l, 2, &p1, &n1);
        group(r, l, 3, &ex, &nex);
        ev->expr = pq_arena_strndup(a, ex, nex);
        if (!has_at || parse_duration_str(p1, n1, &ev->eval_t, ebuf, sizeof ebuf) != 0) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid timestamp definition \"%.*s\": %s", ev->expr,
                                    ev->line, (int)n1, p1, has_at ? ebuf : "empty duration string");
            return last;
        }
        ev->start = ev->eval_t;
        ev->end_is_zero = true;
    } else if (line_match(r, r->re_eval_range, l, len)) {
        group(r, l, 1, &mod, &nmod);
        group(r, l, 2, &p1, &n1);
        group(r, l, 3, &p2, &n2);
        group(r, l, 4, &p3, &n3);
        group(r, l, 5, &ex, &nex);
        ev->expr = pq_arena_strndup(a, ex, nex);
        ev->is_range = true;
        if (parse_duration_str(p1, n1, &ev->start, ebuf, sizeof ebuf) != 0) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid start timestamp definition \"%.*s\": %s",
                                    ev->expr, ev->line, (int)n1, p1, ebuf);
            return last;
        }
        if (parse_duration_str(p2, n2, &ev->end, ebuf, sizeof ebuf) != 0) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid end timestamp definition \"%.*s\": %s",
                                    ev->expr, ev->line, (int)n2, p2, ebuf);
            return last;
        }
        if (ev->end < ev->start) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid test definition, end timestamp (%.*s) is before start timestamp (%.*s)",
                                    ev->expr, ev->line, (int)n2, p2, (int)n1, p1);
            return last;
        }
        if (parse_duration_str(p3, n3, &ev->step, ebuf, sizeof ebuf) != 0) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid step definition \"%.*s\": %s", ev->expr,
                                    ev->line, (int)n3, p3, ebuf);
            return last;
        }
    } else {
        *err = "invalid evaluation command. Must be either 'eval[_fail|_warn|_ordered] instant [at <offset:duration>] <query>' or 'eval[_fail|_warn] range from <from> to <to> step <step> <query>'";
        return last;
    }
    if (!ev->expr) {
        *err = "out of memory";
        return last;
    }
    if (nmod == 7 && memcmp(mod, "ordered", 7) == 0) ev->ordered = true;
    else if (nmod == 4 && memcmp(mod, "fail", 4) == 0) ev->fail = true;
    else if (nmod == 4 && memcmp(mod, "warn", 4) == 0) ev->warn = true;
    else if (nmod == 4 && memcmp(mod, "info", 4) == 0) ev->info = true;

    bool expect_range_vector = false;
    int j = 1;
    size_t k = i;
    for (; k + 1 < r->nlines; j++) {
        k++;
        const char *d = r->lines[k].s;
        size_t dl = r->lines[k].len;
        *err_line = (int)k + 1;
        if (dl == 0) {
            k--;
            break;
        }
        if (ev->fail && starts_with(d, dl, "expected_fail_message")) {
            const char *m = d + 21;
            size_t ml = dl - 21;
            while (ml && is_go_space(*m)) { m++; ml--; }
            ev->expected_fail_message = pq_arena_strndup(a, m, ml);
            break;
        }
        if (ev->fail && starts_with(d, dl, "expected_fail_regexp")) {
            const char *m = d + 20;
            size_t ml = dl - 20;
            while (ml && is_go_space(*m)) { m++; ml--; }
            ev->expected_fail_regexp.re_text = pq_arena_strndup(a, m, ml);
            ev->expected_fail_regexp.re = pqt_regex_compile(a, m, ml, false);
            if (!ev->expected_fail_regexp.re) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid regexp '%.*s' for expected_fail_regexp",
                                        ev->expr, ev->line, (int)ml, m);
                return last;
            }
            break;
        }
        if (starts_with(d, dl, "expect range vector")) {
            if (!line_match(r, r->re_expect_range, d, dl) || !group(r, d, 1, &p1, &n1) || !group(r, d, 2, &p2, &n2) ||
                !group(r, d, 3, &p3, &n3)) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid range vector definition \"%s\"", ev->expr,
                                        ev->line, d);
                return last;
            }
            int64_t from, to, step;
            if (parse_duration_str(p1, n1, &from, ebuf, sizeof ebuf) || parse_duration_str(p2, n2, &to, ebuf, sizeof ebuf) ||
                to < from || parse_duration_str(p3, n3, &step, ebuf, sizeof ebuf)) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid range vector definition \"%s\"", ev->expr,
                                        ev->line, d);
                return last;
            }
            expect_range_vector = true;
            ev->start = from;
            ev->end = to;
            ev->end_is_zero = false;
            ev->step = step;
            ev->eval_t = to;
            ev->exclude_from_range = true;
            continue;
        }
        if (starts_with(d, dl, "expect string")) {
            char *s = NULL;
            size_t sl = 0;
            if (dl <= 14 || d[13] != ' ' || pqt_go_unquote(d + 14, dl - 14, &s, &sl) != 0) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): expected string literal not valid - check that the string is correctly quoted",
                                        ev->expr, ev->line);
                return last;
            }
            char *copy = pq_arena_alloc(a, sl + 1);
            if (copy) {
                memcpy(copy, s, sl);
                copy[sl] = '\0';
            }
            free(s);
            ev->expected_string = copy ? copy : "";
            ev->expected_string_len = copy ? sl : 0;
            ev->exclude_from_range = true;
            continue;
        }
        /* strings.Split(defLine, " ")[0] == "expect" */
        if (starts_with(d, dl, "expect") && (dl == 6 || d[6] == ' ')) {
            if (!line_match(r, r->re_expect, d, dl)) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid expect statement, must match `expect <type> <match_type>: <string>` format",
                                        ev->expr, ev->line);
                return last;
            }
            const char *ty, *mt, *tx;
            size_t nty, nmt, ntx;
            group(r, d, 1, &ty, &nty);
            bool has_opt = group(r, d, 2, &mt, &nmt);
            group(r, d, 3, &tx, &ntx);
            static const char *const names[] = {"ordered", "fail", "warn", "no_warn", "info", "no_info"};
            int type = -1;
            for (int t = 0; t < PQT_EXPECT__COUNT; t++)
                if (strlen(names[t]) == nty && memcmp(names[t], ty, nty) == 0)
                    type = t;
            pqt_expect e = {NULL, NULL, NULL};
            while (ntx && is_go_space(*tx)) { tx++; ntx--; }
            while (ntx && is_go_space(tx[ntx - 1])) ntx--;
            if (has_opt && nmt == 3 && memcmp(mt, "msg", 3) == 0) {
                e.message = pq_arena_strndup(a, tx, ntx);
            } else {
                if (!has_opt) { tx = "^.*$"; ntx = 4; }
                e.re_text = pq_arena_strndup(a, tx, ntx);
                e.re = pqt_regex_compile(a, tx, ntx, false);
                if (!e.re) {
                    *err = pq_arena_sprintf(a, "error in eval %s (line %d): invalid regex %.*s for %.*s", ev->expr, ev->line,
                                            (int)ntx, tx, (int)nty, ty);
                    return last;
                }
            }
            if (type < 0 || add_expect(ev, (pqt_expect_type)type, e) != 0) {
                *err = "out of memory";
                return last;
            }
            j--;
            const char *v = NULL;
            if (ev->nexpects[PQT_EXPECT_INFO] && ev->nexpects[PQT_EXPECT_NO_INFO])
                v = "invalid expect lines, info and no_info cannot be used together";
            else if (ev->nexpects[PQT_EXPECT_WARN] && ev->nexpects[PQT_EXPECT_NO_WARN])
                v = "invalid expect lines, warn and no_warn cannot be used together";
            else if (ev->nexpects[PQT_EXPECT_FAIL] > 1)
                v = "invalid expect lines, multiple expect fail lines are not allowed";
            if (v) {
                *err = pq_arena_sprintf(a, "error in eval %s (line %d): %s", ev->expr, ev->line, v);
                return last;
            }
            continue;
        }
        double f;
        if (pqt_parse_number(d, dl, &f)) {
            pq_point *pt = pq_arena_calloc(a, 1, sizeof *pt);
            if (!pt) {
                *err = "out of memory";
                return last;
            }
            pt->kind = PQ_POINT_FLOAT;
            pt->value = f;
            /* expect(0, ...): the scalar sits under the key of the empty label set. */
            if (add_series(ev, (promql_labels){NULL, 0}, 0, pt, 1, false) != 0) {
                *err = "out of memory";
                return last;
            }
            ev->expect_scalar = true;
            break;
        }
        pq_series_desc desc;
        char sbuf[512];
        if (pq_parse_series_desc(d, dl, a, &desc, sbuf, sizeof sbuf) != 0) {
            *err = pq_arena_sprintf(a, "%d:%s", (int)k + 1, sbuf);
            return last;
        }
        if (desc.point_count > 1 && !ev->is_range && !expect_range_vector) {
            *err = pq_arena_sprintf(a, "error in eval %s (line %d): expecting multiple values in instant evaluation not allowed. consider using 'expect range vector' directive to enable a range vector result for an instant query",
                                    ev->expr, ev->line);
            return last;
        }
        ev->expect_scalar = false;
        if (add_series(ev, desc.labels, j, desc.points, desc.point_count,
                       memmem(d, dl, "counter_reset_hint:unknown", 26) != NULL) != 0) {
            *err = "out of memory";
            return last;
        }
    }
    /* Lines after a scalar or an expected_fail_* line are commands of their own (test.go
     * breaks out of the block there). */
    return k;
}

/* ---- eval: running -------------------------------------------------------------------------- */

typedef struct pqt_outcome {
    pqt_failure failure;
    const char *message;
    const char *variant;
    const char *got;
} pqt_outcome;

static bool fail_out(pqt_outcome *o, pqt_failure f, const char *msg, const char *variant, const char *got)
{
    o->failure = f;
    o->message = msg;
    o->variant = variant;
    o->got = got;
    return false;
}

static int64_t step_count(int64_t start, int64_t end, int64_t step)
{
    if (step <= 0)
        return 1;
    return (end - start) / step + 1;
}

static bool run_range_eval(pqt_runner *r, pqt_eval *ev, pqt_outcome *o)
{
    pq_arena *a = ev->arena;
    if (r->cfg && r->cfg->max_steps > 0 && step_count(ev->start, ev->end, ev->step) > r->cfg->max_steps)
        return fail_out(o, PQT_LIMIT, "range eval has more steps than the runner allows", NULL, NULL);
    promql_result *res = NULL;
    promql_error err;
    memset(&err, 0, sizeof err);
    promql_error_code rc = promql_query_range(r->engine, promql_memstore_storage(r->store), ev->expr, strlen(ev->expr),
                                              ev->start, ev->end, ev->step, &res, &err);
    if (rc != PROMQL_OK) {
        if (pqt_is_fail(ev)) {
            const char *m = pqt_check_expected_failure(ev, err.message);
            return m ? fail_out(o, PQT_WRONG_ERROR, m, NULL, pq_arena_sprintf(a, "error: %s", err.message)) : true;
        }
        return fail_out(o, PQT_UNEXPECTED_ERROR,
                        pq_arena_sprintf(a, "error evaluating query \"%s\" (line %d): %s", ev->expr, ev->line, err.message),
                        NULL, pq_arena_sprintf(a, "error: %s", err.message));
    }
    bool ok = true;
    pqt_value v;
    pqt_value_from_result(a, res, &v);
    if (pqt_is_fail(ev)) {
        ok = fail_out(o, PQT_MISSING_ERROR,
                      pq_arena_sprintf(a, "expected error evaluating query \"%s\" (line %d) but got none", ev->expr, ev->line),
                      NULL, pqt_describe_value(a, &v));
    } else {
        const char *m = pqt_check_annotations(ev, ev->expr, res);
        if (m) {
            ok = fail_out(o, PQT_ANNOTATIONS, m, NULL, pqt_describe_value(a, &v));
        } else if ((m = pqt_compare_result(ev, &v)) != NULL) {
            ok = fail_out(o, PQT_WRONG_RESULT,
                          pq_arena_sprintf(a, "error in eval %s (line %d): %s", ev->expr, ev->line, m), NULL,
                          pqt_describe_value(a, &v));
        }
    }
    /* The description strings live in the arena, so the result can go now. */
    promql_result_free(res);
    return ok;
}

/* One instant query of an eval (the original or an '@' variant) and its range-mode check. */
static bool run_instant_query(pqt_runner *r, pqt_eval *ev, const char *q, int64_t t, bool variant, pqt_outcome *o)
{
    pq_arena *a = ev->arena;
    pqt_failure kind_result = variant ? PQT_AT_MODIFIER : PQT_WRONG_RESULT;
    const char *vq = variant ? q : NULL;
    promql_result *res = NULL;
    promql_error err;
    memset(&err, 0, sizeof err);
    promql_error_code rc = promql_query_instant(r->engine, promql_memstore_storage(r->store), q, strlen(q), t, &res, &err);
    if (rc != PROMQL_OK) {
        if (pqt_is_fail(ev)) {
            const char *m = pqt_check_expected_failure(ev, err.message);
            return m ? fail_out(o, variant ? PQT_AT_MODIFIER : PQT_WRONG_ERROR, m, vq,
                                pq_arena_sprintf(a, "error: %s", err.message))
                     : true;
        }
        return fail_out(o, variant ? PQT_AT_MODIFIER : PQT_UNEXPECTED_ERROR,
                        pq_arena_sprintf(a, "error evaluating query \"%s\" (line %d): %s", q, ev->line, err.message), vq,
                        pq_arena_sprintf(a, "error: %s", err.message));
    }
    pqt_value v;
    pqt_value_from_result(a, res, &v);
    if (pqt_is_fail(ev)) {
        bool ok = fail_out(o, variant ? PQT_AT_MODIFIER : PQT_MISSING_ERROR,
                           pq_arena_sprintf(a, "expected error evaluating query \"%s\" (line %d) but got none", q, ev->line),
                           vq, pqt_describe_value(a, &v));
        promql_result_free(res);
        return ok;
    }
    const char *m = pqt_check_annotations(ev, q, res);
    if (m) {
        bool ok = fail_out(o, variant ? PQT_AT_MODIFIER : PQT_ANNOTATIONS, m, vq, pqt_describe_value(a, &v));
        promql_result_free(res);
        return ok;
    }
    m = pqt_compare_result(ev, &v);
    promql_value_type instant_type = v.type;
    if (m) {
        bool ok = fail_out(o, kind_result, pq_arena_sprintf(a, "error in eval %s (line %d): %s", q, ev->line, m), vq,
                           pqt_describe_value(a, &v));
        promql_result_free(res);
        return ok;
    }
    promql_result_free(res);

    if (ev->exclude_from_range || (r->cfg && r->cfg->skip_variants))
        return true;
    /* reQueryContextFuncs: (start|end|range|step)\(\) anywhere in the text. */
    if (strstr(q, "start()") || strstr(q, "end()") || strstr(q, "range()") || strstr(q, "step()"))
        return true;
    res = NULL;
    memset(&err, 0, sizeof err);
    rc = promql_query_range(r->engine, promql_memstore_storage(r->store), q, strlen(q), t - 60000, t + 60000, 60000,
                            &res, &err);
    if (rc != PROMQL_OK)
        return fail_out(o, PQT_RANGE_MODE,
                        pq_arena_sprintf(a, "error evaluating query \"%s\" (line %d) in range mode: %s", q, ev->line,
                                         err.message),
                        q, pq_arena_sprintf(a, "error: %s", err.message));
    if (pqt_is_ordered(ev)) {
        promql_result_free(res);
        return true;
    }
    pqt_value mv;
    pqt_value_from_result(a, res, &mv);
    bool ok = true;
    if (mv.type != PROMQL_VALUE_MATRIX) {
        ok = fail_out(o, PQT_RANGE_MODE, pq_arena_sprintf(a, "range query \"%s\" (line %d) did not return a matrix", q, ev->line),
                      q, pqt_describe_value(a, &mv));
        promql_result_free(res);
        return ok;
    }
    for (size_t i = 0; i + 1 < mv.n; i++)
        if (pq_labels_compare(mv.series[i].labels, mv.series[i + 1].labels) > 0) {
            ok = fail_out(o, PQT_RANGE_MODE,
                          pq_arena_sprintf(a, "matrix results should always be sorted by labels, but matrix is not sorted (query \"%s\", line %d)",
                                           q, ev->line),
                          q, pqt_describe_value(a, &mv));
            promql_result_free(res);
            return ok;
        }
    /* The middle step as a vector. */
    pqt_value vec = {PROMQL_VALUE_VECTOR, pq_arena_calloc(a, mv.n ? mv.n : 1, sizeof(pqt_rseries)), 0, 0, t, NULL};
    if (!vec.series) {
        promql_result_free(res);
        return fail_out(o, PQT_RANGE_MODE, "out of memory", q, NULL);
    }
    for (size_t i = 0; i < mv.n; i++) {
        const pqt_rseries *s = &mv.series[i];
        pqt_rseries out = {s->labels, 0, NULL, NULL, 0, NULL, NULL};
        bool found = false;
        for (size_t k = 0; k < s->nf && !found; k++)
            if (s->ft[k] == t) {
                out.nf = 1;
                out.ft = &s->ft[k];
                out.fv = &s->fv[k];
                found = true;
            }
        for (size_t k = 0; k < s->nh && !out.nh; k++)
            if (s->ht[k] == t) {
                out.nh = 1;
                out.ht = &s->ht[k];
                out.hv = &s->hv[k];
                found = true;
            }
        if (found)
            vec.series[vec.n++] = out;
    }
    if (instant_type == PROMQL_VALUE_SCALAR) {
        if (vec.n == 0 || vec.series[0].nf == 0) {
            ok = fail_out(o, PQT_RANGE_MODE,
                          pq_arena_sprintf(a, "error in eval %s (line %d) range mode: no value at the eval time", q, ev->line),
                          q, pqt_describe_value(a, &mv));
        } else {
            pqt_value sv = {PROMQL_VALUE_SCALAR, NULL, 0, vec.series[0].fv[0], t, NULL};
            m = pqt_compare_result(ev, &sv);
            if (m)
                ok = fail_out(o, PQT_RANGE_MODE,
                              pq_arena_sprintf(a, "error in eval %s (line %d) range mode: %s", q, ev->line, m), q,
                              pqt_describe_value(a, &sv));
        }
    } else {
        m = pqt_compare_result(ev, &vec);
        if (m)
            ok = fail_out(o, PQT_RANGE_MODE, pq_arena_sprintf(a, "error in eval %s (line %d) range mode: %s", q, ev->line, m),
                          q, pqt_describe_value(a, &vec));
    }
    promql_result_free(res);
    return ok;
}

static bool run_instant_eval(pqt_runner *r, pqt_eval *ev, pqt_outcome *o)
{
    pq_arena *a = ev->arena;
    /* The '@' variant is prepared first, as test.go does (a parse failure fails the eval). */
    bool unsafe = false;
    char perr[PROMQL_ERROR_MESSAGE_MAX];
    char *atq = NULL;
    if (!(r->cfg && r->cfg->skip_variants)) {
        atq = pqt_at_modifier_query(ev->expr, ev->eval_t, &unsafe, perr, sizeof perr);
        if (!atq && !unsafe)
            return fail_out(o, PQT_PARSE_ERROR, pq_arena_sprintf(a, "%s", perr), NULL, NULL);
    }
    char *q = atq ? pq_arena_strdup(a, atq) : NULL;
    free(atq);
    if (!run_instant_query(r, ev, ev->expr, ev->eval_t, false, o))
        return false;
    if (!q)
        return true;
    int64_t ts = ev->eval_t;
    int64_t times[5];
    size_t nt;
    if (ts == 0) {
        times[0] = -1000; times[1] = 0; times[2] = 1000;
        nt = 3;
    } else {
        times[0] = -10 * ts; times[1] = 0; times[2] = ts / 5; times[3] = ts; times[4] = 10 * ts;
        nt = 5;
    }
    for (size_t i = 0; i < nt; i++)
        if (!run_instant_query(r, ev, q, times[i], true, o))
            return false;
    return true;
}

static size_t run_eval(pqt_runner *r, size_t i)
{
    pq_arena arena;
    pq_arena_init(&arena, 0);
    pqt_eval ev;
    memset(&ev, 0, sizeof ev);
    ev.arena = &arena;
    const char *err;
    int err_line;
    size_t last = read_eval(r, i, &ev, &err, &err_line);
    const char *expr = ev.expr ? ev.expr : r->lines[i].s;
    if (err) {
        emit(r, (int)i + 1, expr, PQT_SCRIPT_ERROR, err, NULL, NULL, NULL);
        pq_arena_free(&arena);
        return last;
    }
    if (r->cfg && r->cfg->max_evals && r->evals >= r->cfg->max_evals) {
        r->stop = true;
        pq_arena_free(&arena);
        return last;
    }
    r->evals++;
    /* parseEval parses the query first: a query that does not parse is a broken eval. */
    promql_parse_options popts;
    promql_parse_options_init(&popts);
    promql_expr *pe = NULL;
    promql_error perr;
    memset(&perr, 0, sizeof perr);
    if (promql_parse(ev.expr, strlen(ev.expr), &popts, &pe, &perr) != PROMQL_OK) {
        emit(r, ev.line, expr, PQT_PARSE_ERROR, pq_arena_sprintf(&arena, "%s", perr.message), NULL,
             pqt_describe_expected(&ev), NULL);
        pq_arena_free(&arena);
        return last;
    }
    promql_expr_free(pe);
    pqt_outcome o = {PQT_OK, NULL, NULL, NULL};
    bool ok = ev.is_range ? run_range_eval(r, &ev, &o) : run_instant_eval(r, &ev, &o);
    if (ok)
        emit(r, ev.line, expr, PQT_OK, NULL, NULL, NULL, NULL);
    else
        emit(r, ev.line, expr, o.failure, o.message, o.variant, pqt_describe_expected(&ev), o.got);
    pq_arena_free(&arena);
    return last;
}

/* ---- the script --------------------------------------------------------------------------- */

static pcre2_code *compile_fixed(pqt_runner *r, const char *pattern)
{
    return pqt_regex_compile(&r->arena, pattern, strlen(pattern), true);
}

int pqt_run_script(const char *file, const char *data, size_t len, const pqt_config *cfg, pqt_report_fn report,
                   void *arg, char *errbuf, size_t errlen)
{
    pqt_runner r;
    memset(&r, 0, sizeof r);
    r.file = file;
    r.cfg = cfg;
    r.report = report;
    r.arg = arg;
    r.data = data;
    r.len = len;
    pq_arena_init(&r.arena, 0);
    int rc = -1;
    r.re_load = compile_fixed(&r, "^load(?:_(with_nhcb))?\\s+(.+?)$");
    r.re_eval_instant = compile_fixed(&r, "^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    r.re_eval_range = compile_fixed(&r, "^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
    r.re_expect = compile_fixed(&r, "^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");
    r.re_expect_range = compile_fixed(&r, "^expect range vector\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+)$");
    if (!r.re_load || !r.re_eval_instant || !r.re_eval_range || !r.re_expect || !r.re_expect_range) {
        snprintf(errbuf, errlen, "cannot compile the script patterns");
        goto out;
    }
    r.md = pcre2_match_data_create(16, NULL);
    r.store = promql_memstore_new();
    if (!r.md || !r.store || split_lines(&r) != 0) {
        snprintf(errbuf, errlen, "out of memory");
        goto out;
    }
    promql_engine_options eo;
    promql_engine_options_init(&eo);
    eo.lookback_delta_ms = PQT_LOOKBACK_MS;
    eo.max_samples = PQT_MAX_SAMPLES;
    eo.timeout_ms = PQT_TIMEOUT_MS;
    eo.enable_experimental_functions = 1;
    eo.enable_extended_range_selectors = 1;
    eo.enable_binop_fill_modifiers = 1;
    eo.enable_at_modifier = 1;
    eo.enable_negative_offset = 1;
    eo.enable_delayed_name_removal = 1;
    eo.default_subquery_step_ms = 60 * 1000;   /* NoStepSubqueryIntervalFn: 1m */
    eo.use_start_timestamps = 1;                /* UseStartTimestamps: true */
    promql_error err;
    memset(&err, 0, sizeof err);
    r.engine = promql_engine_new(&eo, &err);
    if (!r.engine) {
        snprintf(errbuf, errlen, "cannot create the engine: %s", err.message);
        goto out;
    }
    for (size_t i = 0; i < r.nlines && !r.stop; i++) {
        const pqt_line *l = &r.lines[i];
        if (l->len == 0)
            continue;
        /* The command word: up to the first space or tab, lowercased. */
        size_t w = 0;
        while (w < l->len && l->s[w] != ' ' && l->s[w] != '\t')
            w++;
        char word[16];
        size_t wl = w < sizeof word - 1 ? w : sizeof word - 1;
        for (size_t k = 0; k < wl; k++)
            word[k] = (char)tolower((unsigned char)l->s[k]);
        word[wl] = '\0';
        if (w == 5 && strcmp(word, "clear") == 0)
            promql_memstore_clear(r.store);
        else if (strncmp(word, "load", 4) == 0)
            i = run_load(&r, i);
        else if (strncmp(word, "eval", 4) == 0)
            i = run_eval(&r, i);
        else {
            char msg[256];
            snprintf(msg, sizeof msg, "invalid command \"%.200s\"", l->s);
            emit(&r, (int)i + 1, l->s, PQT_SCRIPT_ERROR, msg, NULL, NULL, NULL);
            while (i + 1 < r.nlines && r.lines[i + 1].len)   /* skip the rest of its block */
                i++;
        }
    }
    rc = 0;
out:
    promql_engine_free(r.engine);
    promql_memstore_free(r.store);
    pcre2_match_data_free(r.md);
    pq_arena_free(&r.arena);
    return rc;
}
