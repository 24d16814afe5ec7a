/*
 * regex_translate.c -- Go regexp/syntax (Perl flags + DotNL, as Prometheus parses label
 * matchers) checked and rewritten for PCRE2.
 *
 * The walk follows Go's parser token by token so that every pattern Go rejects is rejected here
 * with Go's text, and every accepted one is emitted in a form whose PCRE2 meaning is Go's:
 * literals and class members are written as \x{...} or escaped punctuation (so '{' or '#' can
 * never turn into PCRE2 syntax), \s and \v get Go's meanings, octal escapes become \x{...},
 * flag groups are emitted lazily just before the next atom (so "a(?i)*" repeats 'a' as Go
 * does), and a repetition of an assertion or of an already repeated atom is wrapped in (?:...).
 * Named groups become plain groups; their names are kept in a table, because Go allows names
 * PCRE2 does not (leading digits, duplicates).
 */
#include "storage/regex_translate.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GO_MAX_REPEAT 1000
#define GO_MAX_DEPTH 1000

enum { FLAG_I = 1, FLAG_M = 2, FLAG_S = 4, FLAG_U = 8 };

enum atom_kind { ATOM_NONE, ATOM_PLAIN, ATOM_WRAP };

typedef struct frame {
    size_t out_start;      /* output offset of the group's '(' */
    int saved_flags;       /* flags to restore at ')' */
    long maxval;           /* largest repetition product of an atom inside */
} frame;

typedef struct tr {
    const char *pat;
    size_t len;
    size_t pos;
    pq_strbuf *out;
    char *err;
    size_t errlen;
    int flags;             /* current Go flags */
    int emitted;           /* flags in force in the PCRE2 output */
    frame *frames;
    int depth;
    int frame_cap;
    long atom_start;       /* output offset of the last atom, -1 when none */
    int atom_kind;
    long atom_value;       /* product of {n,m} counts inside the last atom */
    int last_was_repeat;
    size_t last_repeat_start;
    int ncap;
    char **names;
    int names_cap;
} tr;

static int fail(tr *t, const char *code, const char *expr, size_t exprlen)
{
    if (t->errlen)
        snprintf(t->err, t->errlen, "error parsing regexp: %s: `%.*s`", code, (int)exprlen, expr);
    return -1;
}

/* Decode one UTF-8 rune at p (n bytes available); returns its length, or 0 when invalid.
 * Go's decoder rejects surrogates and overlong forms, so this does too. */
static int utf8_decode(const unsigned char *p, size_t n, int *r)
{
    if (n == 0)
        return 0;
    unsigned c = p[0];
    if (c < 0x80) {
        *r = (int)c;
        return 1;
    }
    int need;
    unsigned v, min;
    if ((c & 0xE0) == 0xC0) { need = 1; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { need = 2; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { need = 3; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < (size_t)need + 1)
        return 0;
    for (int i = 1; i <= need; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *r = (int)v;
    return need + 1;
}

/* The next rune at t->pos, advancing; -1 with Go's "invalid UTF-8" error. At the end of the
 * pattern it yields U+FFFD without error, as Go's nextRune does. */
static int next_rune(tr *t, int *r)
{
    if (t->pos >= t->len) {
        *r = 0xFFFD;
        return 0;
    }
    int n = utf8_decode((const unsigned char *)t->pat + t->pos, t->len - t->pos, r);
    if (n == 0)
        return fail(t, "invalid UTF-8", t->pat + t->pos, t->len - t->pos);
    t->pos += (size_t)n;
    return 0;
}

static int isalnum_ascii(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int unhex(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void emit_rune(pq_strbuf *b, int r)
{
    if (isalnum_ascii(r) || r == '_' || r == ' ')
        pq_strbuf_putc(b, (char)r);
    else if (r >= 0x21 && r < 0x7F) {
        pq_strbuf_putc(b, '\\');
        pq_strbuf_putc(b, (char)r);
    } else
        pq_strbuf_printf(b, "\\x{%x}", (unsigned)r);
}

/* Emit the flags group that brings the PCRE2 state from 'emitted' to 'flags'. */
static void flush_flags(tr *t)
{
    if (t->flags == t->emitted)
        return;
    static const struct { int bit; char c; } names[] = { { FLAG_I, 'i' }, { FLAG_M, 'm' }, { FLAG_S, 's' }, { FLAG_U, 'U' } };
    pq_strbuf_puts(t->out, "(?");
    for (int i = 0; i < 4; i++)
        if (t->flags & names[i].bit)
            pq_strbuf_putc(t->out, names[i].c);
    int off = 0;
    for (int i = 0; i < 4; i++)
        if (!(t->flags & names[i].bit)) {
            if (!off++)
                pq_strbuf_putc(t->out, '-');
            pq_strbuf_putc(t->out, names[i].c);
        }
    pq_strbuf_putc(t->out, ')');
    t->emitted = t->flags;
}

static void commit_atom(tr *t)
{
    frame *f = &t->frames[t->depth];
    if (t->atom_kind != ATOM_NONE && t->atom_value > f->maxval)
        f->maxval = t->atom_value;
    t->atom_kind = ATOM_NONE;
    t->atom_start = -1;
    t->atom_value = 1;
}

/* Start a new atom in the output: everything emitted from here to the next begin_atom is it. */
static void begin_atom(tr *t, int kind)
{
    commit_atom(t);
    flush_flags(t);
    t->atom_start = (long)t->out->len;
    t->atom_kind = kind;
    t->atom_value = 1;
}

/* ---- escapes -------------------------------------------------------------------------------- */

/* Go's parseEscape: t->pos at the backslash. */
static int parse_escape(tr *t, int *out)
{
    size_t start = t->pos;
    t->pos++;
    if (t->pos >= t->len)
        return fail(t, "trailing backslash at end of expression", "", 0);
    int c;
    if (next_rune(t, &c) < 0)
        return -1;
    switch (c) {
    case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        if (t->pos >= t->len || t->pat[t->pos] < '0' || t->pat[t->pos] > '7')
            break;
        /* fall through */
    case '0': {
        int r = c - '0';
        for (int i = 1; i < 3; i++) {
            if (t->pos >= t->len || t->pat[t->pos] < '0' || t->pat[t->pos] > '7')
                break;
            r = r * 8 + (t->pat[t->pos] - '0');
            t->pos++;
        }
        *out = r;
        return 0;
    }
    case 'x': {
        if (t->pos >= t->len)
            break;
        if (next_rune(t, &c) < 0)
            return -1;
        if (c == '{') {
            int nhex = 0;
            long r = 0;
            for (;;) {
                if (t->pos >= t->len)
                    goto invalid;
                if (next_rune(t, &c) < 0)
                    return -1;
                if (c == '}')
                    break;
                int v = unhex(c);
                if (v < 0)
                    goto invalid;
                r = r * 16 + v;
                if (r > 0x10FFFF)
                    goto invalid;
                nhex++;
            }
            if (nhex == 0)
                goto invalid;
            *out = (int)r;
            return 0;
        }
        int x = unhex(c);
        if (next_rune(t, &c) < 0)
            return -1;
        int y = unhex(c);
        if (x < 0 || y < 0)
            break;
        *out = x * 16 + y;
        return 0;
    }
    case 'a': *out = '\a'; return 0;
    case 'f': *out = '\f'; return 0;
    case 'n': *out = '\n'; return 0;
    case 'r': *out = '\r'; return 0;
    case 't': *out = '\t'; return 0;
    case 'v': *out = '\v'; return 0;
    default:
        if (c < 0x80 && !isalnum_ascii(c)) {
            *out = c;
            return 0;
        }
    }
invalid:
    return fail(t, "invalid escape sequence", t->pat + start, t->pos - start);
}

/* Whether PCRE2 knows the Unicode property 'name' (Go's names are categories and scripts;
 * PCRE2 also has a few of its own that Go lacks, which are refused). */
static int pcre_knows_property(const char *name, size_t n)
{
    if (n == 0 || n > 64)
        return 0;
    char lower[72];
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!(isalnum_ascii((unsigned char)c) || c == '_' || c == '-' || c == ' '))
            return 0;
        lower[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    lower[n] = 0;
    static const char *const pcre_only[] = { "xan", "xps", "xsp", "xwd", "xuc", NULL };
    for (int i = 0; pcre_only[i]; i++)
        if (strcmp(lower, pcre_only[i]) == 0)
            return 0;
    char pat[96];
    snprintf(pat, sizeof pat, "\\p{%.*s}", (int)n, name);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &off, NULL);
    if (!re)
        return 0;
    pcre2_code_free(re);
    return 1;
}

static int name_is(const char *name, size_t n, const char *want)
{
    /* Go's canonicalName: case-insensitive, ignoring '_', '-' and ' '. */
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (c == '_' || c == '-' || c == ' ')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (!want[j] || want[j] != c)
            return 0;
        j++;
    }
    return want[j] == 0;
}

/* \p{...} / \P{...} at t->pos (known to start with \p or \P). in_class: emit class members
 * (no brackets) rather than an atom. Returns 0, or -1 on error. */
static int parse_unicode_class(tr *t, int in_class)
{
    size_t start = t->pos;
    int sign = t->pat[t->pos + 1] == 'P' ? -1 : 1;
    t->pos += 2;
    int c;
    if (next_rune(t, &c) < 0)
        return -1;
    const char *name;
    size_t nlen;
    size_t seq_end;
    if (c != '{') {
        seq_end = t->pos;
        name = t->pat + start + 2;
        nlen = seq_end - (start + 2);
    } else {
        const char *close = memchr(t->pat + start, '}', t->len - start);
        if (!close) {
            for (size_t p = start; p < t->len;) {
                int r;
                int n = utf8_decode((const unsigned char *)t->pat + p, t->len - p, &r);
                if (!n)
                    return fail(t, "invalid UTF-8", t->pat + start, t->len - start);
                p += (size_t)n;
            }
            return fail(t, "invalid character class range", t->pat + start, t->len - start);
        }
        seq_end = (size_t)(close - t->pat) + 1;
        name = t->pat + start + 3;
        nlen = (size_t)(close - name);
        for (size_t p = 0; p < nlen;) {
            int r;
            int n = utf8_decode((const unsigned char *)name + p, nlen - p, &r);
            if (!n)
                return fail(t, "invalid UTF-8", name + p, t->len - (size_t)(name + p - t->pat));
            p += (size_t)n;
        }
    }
    t->pos = seq_end;
    if (nlen > 0 && name[0] == '^') {
        sign = -sign;
        name++;
        nlen--;
    }
    const char *member = NULL;   /* a class-member form for the special names */
    int member_sign = sign;
    if (name_is(name, nlen, "any"))
        member = "\\x{0}-\\x{10ffff}";
    else if (name_is(name, nlen, "ascii"))
        member = "\\x{0}-\\x{7f}";
    else if (name_is(name, nlen, "assigned")) {
        name = "Cn";
        nlen = 2;
        sign = -sign;
    } else if (!pcre_knows_property(name, nlen))
        return fail(t, "invalid character class range", t->pat + start, seq_end - start);

    if (!in_class)
        begin_atom(t, ATOM_PLAIN);
    if (member) {
        if (in_class) {
            if (member_sign > 0)
                pq_strbuf_puts(t->out, member);
            else if (name_is(name, nlen, "ascii"))
                pq_strbuf_puts(t->out, "\\x{80}-\\x{10ffff}");
            /* a negated Any adds nothing to a class */
        } else {
            pq_strbuf_puts(t->out, member_sign > 0 ? "[" : "[^");
            pq_strbuf_puts(t->out, member);
            pq_strbuf_putc(t->out, ']');
        }
        return 0;
    }
    pq_strbuf_printf(t->out, "\\%c{%.*s}", sign > 0 ? 'p' : 'P', (int)nlen, name);
    return 0;
}

/* Perl class escapes \d \D \s \S \w \W with Go's meanings (\s lacks \v). */
static const char *perl_class(char c, int in_class)
{
    switch (c) {
    case 'd': return in_class ? "\\d" : "[\\d]";
    case 'D': return in_class ? "\\x{0}-\\x{2f}\\x{3a}-\\x{10ffff}" : "[^\\d]";
    case 'w': return in_class ? "\\w" : "[\\w]";
    case 'W': return in_class ? "\\x{0}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{5e}\\x{60}\\x{7b}-\\x{10ffff}" : "[^\\w]";
    case 's': return in_class ? "\\t\\n\\f\\r\\x{20}" : "[\\t\\n\\f\\r\\x{20}]";
    case 'S': return in_class ? "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}"
                              : "[^\\t\\n\\f\\r\\x{20}]";
    }
    return NULL;
}

/* ---- character classes ---------------------------------------------------------------------- */

static const char *const posix_names[] = {
    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower",
    "print", "punct", "space", "upper", "word", "xdigit", NULL
};

static int class_char(tr *t, size_t class_start, int *r)
{
    if (t->pos >= t->len)
        return fail(t, "missing closing ]", t->pat + class_start, t->len - class_start);
    if (t->pat[t->pos] == '\\')
        return parse_escape(t, r);
    return next_rune(t, r);
}

static int parse_class(tr *t)
{
    size_t start = t->pos;
    t->pos++;
    begin_atom(t, ATOM_PLAIN);
    size_t open = t->out->len;
    int negated = 0;
    pq_strbuf_putc(t->out, '[');
    if (t->pos < t->len && t->pat[t->pos] == '^') {
        negated = 1;
        t->pos++;
        pq_strbuf_putc(t->out, '^');
    }
    size_t members = t->out->len;
    int first = 1;
    while (t->pos >= t->len || t->pat[t->pos] != ']' || first) {
        first = 0;
        if (t->len - t->pos > 2 && t->pat[t->pos] == '[' && t->pat[t->pos + 1] == ':') {
            const char *end = NULL;
            for (size_t p = t->pos + 2; p + 1 < t->len; p++)
                if (t->pat[p] == ':' && t->pat[p + 1] == ']') {
                    end = t->pat + p;
                    break;
                }
            if (end) {
                const char *nm = t->pat + t->pos + 2;
                size_t nl = (size_t)(end - nm);
                size_t whole = (size_t)(end + 2 - (t->pat + t->pos));
                const char *base = nm;
                size_t bl = nl;
                if (bl > 0 && base[0] == '^') {
                    base++;
                    bl--;
                }
                int ok = 0;
                for (int i = 0; posix_names[i]; i++)
                    if (strlen(posix_names[i]) == bl && memcmp(posix_names[i], base, bl) == 0)
                        ok = 1;
                if (!ok)
                    return fail(t, "invalid character class range", t->pat + t->pos, whole);
                pq_strbuf_append(t->out, t->pat + t->pos, whole);
                t->pos += whole;
                continue;
            }
        }
        if (t->len - t->pos >= 2 && t->pat[t->pos] == '\\' &&
            (t->pat[t->pos + 1] == 'p' || t->pat[t->pos + 1] == 'P')) {
            if (parse_unicode_class(t, 1) < 0)
                return -1;
            continue;
        }
        if (t->len - t->pos >= 2 && t->pat[t->pos] == '\\') {
            const char *pc = perl_class(t->pat[t->pos + 1], 1);
            if (pc) {
                pq_strbuf_puts(t->out, pc);
                t->pos += 2;
                continue;
            }
        }
        size_t rng = t->pos;
        int lo, hi;
        if (class_char(t, start, &lo) < 0)
            return -1;
        hi = lo;
        if (t->len - t->pos >= 2 && t->pat[t->pos] == '-' && t->pat[t->pos + 1] != ']') {
            t->pos++;
            if (class_char(t, start, &hi) < 0)
                return -1;
            if (hi < lo)
                return fail(t, "invalid character class range", t->pat + rng, t->pos - rng);
        }
        pq_strbuf_printf(t->out, "\\x{%x}", (unsigned)lo);
        if (hi != lo)
            pq_strbuf_printf(t->out, "-\\x{%x}", (unsigned)hi);
    }
    t->pos++;   /* ']' */
    if (t->out->len == members) {
        /* Only members that add nothing (a negated \p{Any}): an empty class matches nothing,
         * its negation anything. PCRE2 has no empty class syntax. */
        t->out->len = open;
        pq_strbuf_puts(t->out, negated ? "[\\x{0}-\\x{10ffff}]" : "(?!)");
        if (!negated)
            t->atom_kind = ATOM_WRAP;
        return 0;
    }
    pq_strbuf_putc(t->out, ']');
    return 0;
}

/* ---- groups, flags and repetition ----------------------------------------------------------- */

static int push_frame(tr *t, int saved_flags)
{
    if (t->depth + 1 >= GO_MAX_DEPTH)
        return fail(t, "expression nests too deeply", t->pat, t->len);
    if (t->depth + 1 >= t->frame_cap) {
        int cap = t->frame_cap * 2;
        frame *f = realloc(t->frames, (size_t)cap * sizeof *f);
        if (!f)
            return fail(t, "expression too large", t->pat, t->len);
        t->frames = f;
        t->frame_cap = cap;
    }
    t->depth++;
    t->frames[t->depth].out_start = t->out->len;
    t->frames[t->depth].saved_flags = saved_flags;
    t->frames[t->depth].maxval = 1;
    return 0;
}

static int add_name(tr *t, int index, const char *name, size_t n)
{
    if (index > t->names_cap) {
        int cap = t->names_cap ? t->names_cap * 2 : 8;
        while (cap < index)
            cap *= 2;
        char **nn = realloc(t->names, (size_t)cap * sizeof *nn);
        if (!nn)
            return -1;
        for (int i = t->names_cap; i < cap; i++)
            nn[i] = NULL;
        t->names = nn;
        t->names_cap = cap;
    }
    char *s = malloc(n + 1);
    if (!s)
        return -1;
    memcpy(s, name, n);
    s[n] = 0;
    t->names[index - 1] = s;
    return 0;
}

static int open_group(tr *t, int capture, const char *name, size_t nlen)
{
    commit_atom(t);
    flush_flags(t);
    if (push_frame(t, t->flags) < 0)
        return -1;
    if (capture) {
        t->ncap++;
        if (name && add_name(t, t->ncap, name, nlen) < 0)
            return fail(t, "expression too large", t->pat, t->len);
        pq_strbuf_putc(t->out, '(');
    } else
        pq_strbuf_puts(t->out, "(?:");
    return 0;
}

/* Go's parsePerlFlags: t->pos at "(?". */
static int parse_perl_flags(tr *t)
{
    const char *s = t->pat + t->pos;
    size_t slen = t->len - t->pos;
    int starts_p = slen > 4 && s[2] == 'P' && s[3] == '<';
    int starts_name = slen > 3 && s[2] == '<';
    if (starts_p || starts_name) {
        size_t expr_start = starts_p ? 4 : 3;
        const char *end = memchr(s, '>', slen);
        if (!end) {
            for (size_t p = 0; p < slen;) {
                int r;
                int n = utf8_decode((const unsigned char *)s + p, slen - p, &r);
                if (!n)
                    return fail(t, "invalid UTF-8", s + p, slen - p);
                p += (size_t)n;
            }
            return fail(t, "invalid named capture", s, slen);
        }
        size_t endi = (size_t)(end - s);
        const char *name = s + expr_start;
        size_t nlen = endi >= expr_start ? endi - expr_start : 0;
        for (size_t p = 0; p < nlen;) {
            int r;
            int n = utf8_decode((const unsigned char *)name + p, nlen - p, &r);
            if (!n)
                return fail(t, "invalid UTF-8", name + p, slen - (size_t)(name + p - s));
            p += (size_t)n;
        }
        int valid = nlen > 0 && endi >= expr_start;
        for (size_t i = 0; valid && i < nlen; i++)
            if (name[i] != '_' && !isalnum_ascii((unsigned char)name[i]))
                valid = 0;
        if (!valid)
            return fail(t, "invalid named capture", s, endi + 1);
        if (open_group(t, 1, name, nlen) < 0)
            return -1;
        t->pos += endi + 1;
        return 0;
    }

    size_t start = t->pos;
    t->pos += 2;
    int flags = t->flags;
    int sign = 1, saw = 0;
    while (t->pos < t->len) {
        int c;
        if (next_rune(t, &c) < 0)
            return -1;
        switch (c) {
        case 'i': flags = sign > 0 ? flags | FLAG_I : flags & ~FLAG_I; saw = 1; continue;
        case 'm': flags = sign > 0 ? flags | FLAG_M : flags & ~FLAG_M; saw = 1; continue;
        case 's': flags = sign > 0 ? flags | FLAG_S : flags & ~FLAG_S; saw = 1; continue;
        case 'U': flags = sign > 0 ? flags | FLAG_U : flags & ~FLAG_U; saw = 1; continue;
        case '-':
            if (sign < 0)
                break;
            sign = -1;
            saw = 0;
            continue;
        case ':':
        case ')':
            if (sign < 0 && !saw)
                break;
            if (c == ':') {
                if (open_group(t, 0, NULL, 0) < 0)
                    return -1;
                /* the group restores the flags from before the change */
            }
            t->flags = flags;
            return 0;
        default:
            break;
        }
        break;
    }
    return fail(t, "invalid or unsupported Perl syntax", t->pat + start, t->pos - start);
}

static int close_group(tr *t)
{
    if (t->depth == 0)
        return fail(t, "unexpected )", t->pat, t->len);
    commit_atom(t);
    frame f = t->frames[t->depth];
    t->depth--;
    pq_strbuf_putc(t->out, ')');
    t->flags = f.saved_flags;
    t->emitted = f.saved_flags;   /* PCRE2 restores the options in force at '(' */
    t->atom_start = (long)f.out_start;
    t->atom_kind = ATOM_PLAIN;
    t->atom_value = f.maxval;
    return 0;
}

/* Parse {min}, {min,} or {min,max} at t->pos; 0 when it is not one (then '{' is a literal).
 * A count above 1e8 comes back as -1, as Go's parseInt does. */
static int parse_int(const char *s, size_t n, size_t *i, long *v)
{
    if (*i >= n || s[*i] < '0' || s[*i] > '9')
        return 0;
    if (n - *i >= 2 && s[*i] == '0' && s[*i + 1] >= '0' && s[*i + 1] <= '9')
        return 0;
    long x = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        if (x >= 100000000)
            x = -1;
        else if (x >= 0)
            x = x * 10 + (s[*i] - '0');
        (*i)++;
    }
    *v = x;
    return 1;
}

static int parse_repeat_braces(const char *s, size_t n, size_t i, long *min, long *max, size_t *after)
{
    i++;
    if (!parse_int(s, n, &i, min))
        return 0;
    if (i >= n)
        return 0;
    if (s[i] != ',')
        *max = *min;
    else {
        i++;
        if (i >= n)
            return 0;
        if (s[i] == '}')
            *max = -1;
        else if (!parse_int(s, n, &i, max))
            return 0;
        else if (*max < 0)
            *min = -1;
    }
    if (i >= n || s[i] != '}')
        return 0;
    *after = i + 1;
    return 1;
}

static int apply_repeat(tr *t, size_t before, size_t after, long min, long max, int braces)
{
    int lazy = 0;
    if (after < t->len && t->pat[after] == '?') {
        after++;
        lazy = 1;
    }
    if (t->last_was_repeat)
        return fail(t, "invalid nested repetition operator", t->pat + t->last_repeat_start,
                    after - t->last_repeat_start);
    if (t->atom_kind == ATOM_NONE)
        return fail(t, "missing argument to repetition operator", t->pat + before, after - before);
    long value = t->atom_value;
    if (braces) {
        long m = max == -1 ? min : max;
        if (m > 0)
            value = m > GO_MAX_REPEAT ? GO_MAX_REPEAT + 1 : value * m;
        else
            value = 1;
        if ((min >= 2 || max >= 2) && value > GO_MAX_REPEAT)
            return fail(t, "invalid repeat count", t->pat + before, after - before);
    }
    if (t->atom_kind == ATOM_WRAP) {
        /* PCRE2 cannot repeat an assertion or a repeated atom directly: group it. */
        pq_strbuf *b = t->out;
        size_t at = (size_t)t->atom_start;
        size_t tail = b->len - at;
        pq_strbuf_append(b, "(?:", 3);
        if (b->oom)
            return fail(t, "expression too large", t->pat, t->len);
        memmove(b->data + at + 3, b->data + at, tail);
        memcpy(b->data + at, "(?:", 3);
        pq_strbuf_putc(b, ')');
    }
    if (!braces)
        pq_strbuf_putc(t->out, t->pat[before]);
    else if (max == min)
        pq_strbuf_printf(t->out, "{%ld}", min);
    else if (max < 0)
        pq_strbuf_printf(t->out, "{%ld,}", min);
    else
        pq_strbuf_printf(t->out, "{%ld,%ld}", min, max);
    if (lazy)
        pq_strbuf_putc(t->out, '?');
    t->atom_kind = ATOM_WRAP;
    t->atom_value = value;
    t->pos = after;
    t->last_repeat_start = before;
    return 1;   /* a repetition: the caller keeps last_was_repeat */
}

static int translate(tr *t)
{
    while (t->pos < t->len) {
        int is_repeat = 0;
        char c = t->pat[t->pos];
        switch (c) {
        case '(':
            if (t->len - t->pos >= 2 && t->pat[t->pos + 1] == '?') {
                if (parse_perl_flags(t) < 0)
                    return -1;
                break;
            }
            if (open_group(t, 1, NULL, 0) < 0)
                return -1;
            t->pos++;
            break;
        case '|':
            commit_atom(t);
            pq_strbuf_putc(t->out, '|');
            t->pos++;
            break;
        case ')':
            if (close_group(t) < 0)
                return -1;
            t->pos++;
            break;
        case '^':
        case '$':
            begin_atom(t, ATOM_WRAP);
            pq_strbuf_putc(t->out, c);
            t->pos++;
            break;
        case '.':
            begin_atom(t, ATOM_PLAIN);
            pq_strbuf_putc(t->out, '.');
            t->pos++;
            break;
        case '[':
            if (parse_class(t) < 0)
                return -1;
            break;
        case '*':
        case '+':
        case '?': {
            int rc = apply_repeat(t, t->pos, t->pos + 1, 0, 0, 0);
            if (rc < 0)
                return -1;
            is_repeat = 1;
            break;
        }
        case '{': {
            long min = 0, max = 0;
            size_t after;
            if (!parse_repeat_braces(t->pat, t->len, t->pos, &min, &max, &after)) {
                begin_atom(t, ATOM_PLAIN);
                emit_rune(t->out, '{');
                t->pos++;
                break;
            }
            if (min < 0 || min > GO_MAX_REPEAT || max > GO_MAX_REPEAT || (max >= 0 && min > max))
                return fail(t, "invalid repeat count", t->pat + t->pos, after - t->pos);
            if (apply_repeat(t, t->pos, after, min, max, 1) < 0)
                return -1;
            is_repeat = 1;
            break;
        }
        case '\\': {
            if (t->len - t->pos >= 2) {
                char e = t->pat[t->pos + 1];
                const char *assert = NULL;
                switch (e) {
                case 'A': assert = "\\A"; break;
                case 'b': assert = "\\b"; break;
                case 'B': assert = "\\B"; break;
                case 'z': assert = "\\z"; break;
                case 'C':
                    return fail(t, "invalid escape sequence", t->pat + t->pos, 2);
                case 'Q': {
                    size_t p = t->pos + 2;
                    size_t end = t->len, resume = t->len;
                    for (size_t q = p; q + 1 < t->len; q++)
                        if (t->pat[q] == '\\' && t->pat[q + 1] == 'E') {
                            end = q;
                            resume = q + 2;
                            break;
                        }
                    t->pos = p;
                    while (t->pos < end) {
                        int r;
                        int n = utf8_decode((const unsigned char *)t->pat + t->pos, end - t->pos, &r);
                        if (!n)
                            return fail(t, "invalid UTF-8", t->pat + t->pos, end - t->pos);
                        begin_atom(t, ATOM_PLAIN);
                        emit_rune(t->out, r);
                        t->pos += (size_t)n;
                    }
                    t->pos = resume;
                    goto next;
                }
                }
                if (assert) {
                    begin_atom(t, ATOM_WRAP);
                    pq_strbuf_puts(t->out, assert);
                    t->pos += 2;
                    break;
                }
                if (e == 'p' || e == 'P') {
                    if (parse_unicode_class(t, 0) < 0)
                        return -1;
                    break;
                }
                const char *pc = perl_class(e, 0);
                if (pc) {
                    begin_atom(t, ATOM_PLAIN);
                    pq_strbuf_puts(t->out, pc);
                    t->pos += 2;
                    break;
                }
            }
            int r;
            if (parse_escape(t, &r) < 0)
                return -1;
            begin_atom(t, ATOM_PLAIN);
            emit_rune(t->out, r);
            break;
        }
        default: {
            int r;
            if (next_rune(t, &r) < 0)
                return -1;
            begin_atom(t, ATOM_PLAIN);
            emit_rune(t->out, r);
            break;
        }
        }
    next:
        t->last_was_repeat = is_repeat;
        if (t->out->oom)
            return fail(t, "expression too large", t->pat, t->len);
    }
    if (t->depth != 0)
        return fail(t, "missing closing )", t->pat, t->len);
    return 0;
}

int pq_regex_translate(const char *pattern, size_t len, pq_regex_translation *out, char *errbuf,
                       size_t errlen)
{
    memset(out, 0, sizeof *out);
    pq_strbuf_init(&out->pcre);
    tr t;
    memset(&t, 0, sizeof t);
    t.pat = pattern;
    t.len = len;
    t.out = &out->pcre;
    t.err = errbuf;
    t.errlen = errlen;
    t.flags = t.emitted = FLAG_S;   /* Prometheus 3.x: '.' matches newline */
    t.frame_cap = 16;
    t.frames = malloc((size_t)t.frame_cap * sizeof *t.frames);
    t.atom_start = -1;
    t.atom_value = 1;
    if (!t.frames) {
        fail(&t, "expression too large", pattern, len);
        return -1;
    }
    t.frames[0].out_start = 0;
    t.frames[0].saved_flags = t.flags;
    t.frames[0].maxval = 1;
    int rc = translate(&t);
    free(t.frames);
    out->group_count = t.ncap;
    out->group_names = t.names;
    if (!t.names && t.ncap > 0) {
        /* no named groups: leave the table NULL */
    } else if (t.names && t.names_cap < t.ncap) {
        char **nn = realloc(t.names, (size_t)t.ncap * sizeof *nn);
        if (nn) {
            for (int i = t.names_cap; i < t.ncap; i++)
                nn[i] = NULL;
            out->group_names = nn;
        } else {
            rc = fail(&t, "expression too large", pattern, len);
            out->group_count = t.names_cap;   /* free only what the table holds */
        }
    }
    if (rc < 0) {
        pq_regex_translation_free(out);
        return -1;
    }
    return 0;
}

void pq_regex_translation_free(pq_regex_translation *t)
{
    if (t->group_names) {
        for (int i = 0; i < t->group_count; i++)
            free(t->group_names[i]);
        free(t->group_names);
    }
    t->group_names = NULL;
    pq_strbuf_free(&t->pcre);
}
