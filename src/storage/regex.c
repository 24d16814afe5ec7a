/*
 * regex.c -- label-matcher regexes: Go syntax checked and rewritten (regex_translate.c), run by
 * PCRE2 (JIT when available) fully anchored, with match and depth limits so that a catastrophic
 * pattern gives up (and counts as no match) instead of running away.
 *
 * Most label regexes are simple: a literal, an alternation of literals ("a|b|c"), or a literal
 * with ".*" / ".+" on either side. Those are recognised from the pattern text and matched with
 * memcmp / a sorted table / memmem, never reaching PCRE2. The PCRE2 program is compiled anyway
 * (it validates the pattern and serves capture groups for label_replace).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "storage/regex.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "storage/regex_translate.h"

/* valgrind cannot follow PCRE2's JIT-generated code and reports its reads as uninitialised
 * values; the interpreter gives the same answers, so it is used when running under valgrind.
 * The check is valgrind's client request (a few instructions), compiled in when the header
 * is there. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define PQ_UNDER_VALGRIND() RUNNING_ON_VALGRIND
#endif
#endif
#ifndef PQ_UNDER_VALGRIND
#define PQ_UNDER_VALGRIND() 0
#endif

#define PQ_REGEX_MATCH_LIMIT 1000000u
#define PQ_REGEX_DEPTH_LIMIT 100000u

typedef enum fast_kind {
    FAST_NONE,      /* PCRE2 only */
    FAST_AFFIX,     /* [.*|.+] literal [.*|.+] */
    FAST_SET        /* lit1|lit2|... */
} fast_kind;

enum { AFFIX_NONE, AFFIX_STAR, AFFIX_PLUS };

typedef struct lit {
    const char *s;
    size_t n;
} lit;

struct pq_regex {
    fast_kind fast;
    int lead, trail;          /* AFFIX_* around the literal */
    lit literal;
    lit *set;                 /* sorted by (length, bytes) */
    size_t set_count;
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    int group_count;
    char **group_names;
    struct regex_watch *watch;  /* the running evaluation's deadline (pq_regex_watch) */
};

/* Mutable through a const pq_regex, as the match data is: one evaluation at a time. */
struct regex_watch {
    int64_t deadline_ns;          /* CLOCK_MONOTONIC; 0 = none */
    const volatile int *cancel;
    unsigned slow_matches;        /* PCRE2 runs since the last clock check */
    bool expired;
    unsigned runs;                /* PCRE2 runs so far, until JIT compilation */
    bool jit_done;
    pcre2_jit_stack *jit_stack;
};

static void regex_release(void *arg)
{
    struct pq_regex *re = arg;
    pcre2_match_data_free(re->md);
    pcre2_match_context_free(re->mctx);
    if (re->watch)
        pcre2_jit_stack_free(re->watch->jit_stack);
    pcre2_code_free(re->code);
    pq_regex_translation tr = { .group_count = re->group_count, .group_names = re->group_names };
    pq_strbuf_init(&tr.pcre);
    pq_regex_translation_free(&tr);
}

/* ---- fast paths ----------------------------------------------------------------------------- */

static int is_meta(char c)
{
    return strchr("\\.+*?()|[]{}^$", c) != NULL && c != 0;
}

/* A run of plain characters or escaped punctuation, unescaped into the arena. Returns the number
 * of pattern bytes consumed; sets *ok = 0 on anything else inside [from, to). */
static size_t scan_literal(pq_arena *a, const char *p, size_t from, size_t to, lit *out, int *ok)
{
    char *buf = pq_arena_alloc(a, to - from + 1);
    if (!buf) {
        *ok = 0;
        return 0;
    }
    size_t n = 0, i = from;
    while (i < to) {
        char c = p[i];
        if (c == '\\') {
            if (i + 1 >= to)
                break;
            char e = p[i + 1];
            if ((unsigned char)e < 0x80 && !((e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') ||
                                             (e >= 'A' && e <= 'Z'))) {
                buf[n++] = e;
                i += 2;
                continue;
            }
            break;
        }
        if (is_meta(c))
            break;
        buf[n++] = c;
        i++;
    }
    buf[n] = 0;
    out->s = buf;
    out->n = n;
    return i - from;
}

static int lit_cmp(const void *x, const void *y)
{
    const lit *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    return memcmp(a->s, b->s, a->n);
}

static int affix_at(const char *p, size_t len, size_t i)
{
    if (i + 2 <= len && p[i] == '.' && p[i + 1] == '*')
        return AFFIX_STAR;
    if (i + 2 <= len && p[i] == '.' && p[i + 1] == '+')
        return AFFIX_PLUS;
    return AFFIX_NONE;
}

static void analyse_fast(pq_arena *a, struct pq_regex *re, const char *p, size_t len)
{
    int ok = 1;
    /* [.*|.+] literal [.*|.+] */
    size_t i = 0;
    int lead = affix_at(p, len, 0);
    if (lead != AFFIX_NONE)
        i = 2;
    lit l;
    i += scan_literal(a, p, i, len, &l, &ok);
    if (!ok)
        return;
    int trail = AFFIX_NONE;
    if (i < len) {
        trail = affix_at(p, len, i);
        if (trail != AFFIX_NONE)
            i += 2;
    }
    if (i == len) {
        re->fast = FAST_AFFIX;
        re->lead = lead;
        re->trail = trail;
        re->literal = l;
        return;
    }
    /* lit1|lit2|... with no other syntax */
    size_t count = 1;
    for (size_t k = 0; k < len; k++) {
        if (p[k] == '\\')
            k++;
        else if (p[k] == '|')
            count++;
        else if (is_meta(p[k]))
            return;
    }
    if (count < 2)
        return;
    lit *set = pq_arena_alloc(a, count * sizeof *set);
    if (!set)
        return;
    size_t start = 0, n = 0;
    for (size_t k = 0; k <= len; k++) {
        if (k < len && p[k] == '\\') {
            k++;
            continue;
        }
        if (k == len || p[k] == '|') {
            size_t used = scan_literal(a, p, start, k, &set[n], &ok);
            if (!ok || start + used != k)
                return;
            n++;
            start = k + 1;
        }
    }
    qsort(set, n, sizeof *set, lit_cmp);
    re->fast = FAST_SET;
    re->set = set;
    re->set_count = n;
}

static bool match_affix(const struct pq_regex *re, const char *s, size_t len)
{
    const char *m = re->literal.s;
    size_t mn = re->literal.n;
    size_t lmin = re->lead == AFFIX_PLUS ? 1 : 0;
    size_t tmin = re->trail == AFFIX_PLUS ? 1 : 0;
    if (len < mn + lmin + tmin)
        return false;
    if (re->lead == AFFIX_NONE && re->trail == AFFIX_NONE)
        return len == mn && memcmp(s, m, mn) == 0;
    if (re->lead == AFFIX_NONE)
        return memcmp(s, m, mn) == 0;
    if (re->trail == AFFIX_NONE)
        return memcmp(s + len - mn, m, mn) == 0;
    /* both sides free: an occurrence starting at >= lmin and ending at <= len - tmin */
    size_t hay = len - lmin - tmin;
    if (mn == 0)
        return true;
    return memmem(s + lmin, hay, m, mn) != NULL;
}

static bool match_set(const struct pq_regex *re, const char *s, size_t len)
{
    lit key = { s, len };
    return bsearch(&key, re->set, re->set_count, sizeof key, lit_cmp) != NULL;
}

/* ---- compile and match ---------------------------------------------------------------------- */

pq_regex *pq_regex_compile(pq_arena *a, const char *pattern, size_t len, char *errbuf, size_t errlen)
{
    if (errlen)
        errbuf[0] = 0;
    pq_regex_translation tr;
    if (pq_regex_translate(pattern, len, &tr, errbuf, errlen) < 0)
        return NULL;
    struct pq_regex *re = pq_arena_calloc(a, 1, sizeof *re);
    if (!re) {
        pq_regex_translation_free(&tr);
        if (errlen)
            snprintf(errbuf, errlen, "out of memory compiling regexp");
        return NULL;
    }
    re->group_count = tr.group_count;
    re->group_names = tr.group_names;
    tr.group_names = NULL;

    /* Anchored at the start by PCRE2_ANCHORED, at the end by \z after the whole pattern
     * (grouped, so a top-level alternation is anchored as a whole). */
    pq_strbuf wrapped;
    pq_strbuf_init(&wrapped);
    pq_strbuf_puts(&wrapped, "(?:");
    pq_strbuf_append(&wrapped, tr.pcre.data ? tr.pcre.data : "", tr.pcre.len);
    pq_strbuf_puts(&wrapped, ")\\z");
    pq_regex_translation_free(&tr);
    if (wrapped.oom) {
        pq_strbuf_free(&wrapped);
        regex_release(re);
        if (errlen)
            snprintf(errbuf, errlen, "out of memory compiling regexp");
        return NULL;
    }
    int code;
    PCRE2_SIZE off;
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY |
                    PCRE2_ANCHORED | PCRE2_NEVER_BACKSLASH_C;
    re->code = pcre2_compile((PCRE2_SPTR)wrapped.data, wrapped.len, opts, &code, &off, NULL);
    pq_strbuf_free(&wrapped);
    if (!re->code) {
        /* Go accepted it (the translation succeeded), so this is a size limit of PCRE2's. */
        regex_release(re);
        if (errlen)
            snprintf(errbuf, errlen, "error parsing regexp: expression too large: `%.*s`", (int)len, pattern);
        return NULL;
    }
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->md || !re->mctx) {
        regex_release(re);
        if (errlen)
            snprintf(errbuf, errlen, "out of memory compiling regexp");
        return NULL;
    }
    re->watch = pq_arena_calloc(a, 1, sizeof *re->watch);
    if (!re->watch) {
        regex_release(re);
        if (errlen)
            snprintf(errbuf, errlen, "out of memory compiling regexp");
        return NULL;
    }
    pcre2_set_match_limit(re->mctx, PQ_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, PQ_REGEX_DEPTH_LIMIT);
    if (pq_arena_defer(a, regex_release, re) < 0) {
        if (errlen)
            snprintf(errbuf, errlen, "out of memory compiling regexp");
        return NULL;   /* regex_release already ran */
    }
    analyse_fast(a, re, pattern, len);
    return re;
}

void pq_regex_watch(const pq_regex *re, int64_t deadline_ns, const volatile int *cancel)
{
    if (!re->watch)
        return;
    re->watch->deadline_ns = deadline_ns;
    re->watch->cancel = cancel;
    re->watch->slow_matches = 0;
    re->watch->expired = false;
}

bool pq_regex_expired(const pq_regex *re)
{
    return re->watch && re->watch->expired;
}

/* After a PCRE2 run: a run that hit a limit (a catastrophic pattern, milliseconds each) or
 * every 64th run looks at the clock and the cancel flag, so a pattern over many label values
 * cannot outlive the evaluation's deadline by more than one run. */
static void watch_after(const pq_regex *re, int rc)
{
    struct regex_watch *w = re->watch;
    if (!w || (!w->deadline_ns && !w->cancel))
        return;
    bool limit = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
    if (!limit && (++w->slow_matches & 63) != 0)
        return;
    if (w->cancel && *w->cancel)
        w->expired = true;
    if (w->deadline_ns) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        if ((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec > w->deadline_ns)
            w->expired = true;
    }
}

/* JIT compilation costs as much as a few dozen interpreted matches of a typical label pattern
 * (label_replace(x, "l2", "$1", "l", "(.*)") over one series: 11 us with JIT compiled up
 * front, most of it compiling), and many of a query's regexes run only a few times: a
 * label_replace over a few series, a matcher over the few values of a label. So a regex is
 * JIT-compiled before its PQ_REGEX_JIT_AFTER-th run, when it has shown it will be used. The
 * interpreter has the same match and depth limits. Not under valgrind (it cannot follow JIT
 * code). */
#define PQ_REGEX_JIT_AFTER 32

static int run_pcre2(const pq_regex *re, const char *s, size_t len)
{
    struct regex_watch *w = re->watch;
    if (w && !w->jit_done && ++w->runs >= PQ_REGEX_JIT_AFTER) {
        w->jit_done = true;
        if (!PQ_UNDER_VALGRIND() && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0) {
            w->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
            if (w->jit_stack)
                pcre2_jit_stack_assign(re->mctx, NULL, w->jit_stack);
        }
    }
    return pcre2_match(re->code, (PCRE2_SPTR)s, len, 0, 0, re->md, re->mctx);
}

bool pq_regex_match_slow(const pq_regex *re, const char *s, size_t len)
{
    if (re->watch && re->watch->expired)
        return false; /* the evaluation is over; its caller reports the timeout */
    int rc = run_pcre2(re, s, len);
    watch_after(re, rc);
    return rc >= 0;
}

bool pq_regex_match(const pq_regex *re, const char *s, size_t len)
{
    switch (re->fast) {
    case FAST_AFFIX:
        return match_affix(re, s, len);
    case FAST_SET:
        return match_set(re, s, len);
    default:
        return pq_regex_match_slow(re, s, len);
    }
}

int pq_regex_match_groups(const pq_regex *re, const char *s, size_t len, long *ovector, int n)
{
    if (re->watch && re->watch->expired)
        return 0;
    int rc = run_pcre2(re, s, len);
    watch_after(re, rc);
    if (rc < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
    uint32_t pairs = pcre2_get_ovector_count(re->md);
    int filled = re->group_count + 1;
    if (filled > n)
        filled = n;
    for (int i = 0; i < filled; i++) {
        if ((uint32_t)i < pairs && i < rc && ov[2 * i] != PCRE2_UNSET) {
            ovector[2 * i] = (long)ov[2 * i];
            ovector[2 * i + 1] = (long)ov[2 * i + 1];
        } else {
            ovector[2 * i] = -1;
            ovector[2 * i + 1] = -1;
        }
    }
    return filled;
}

int pq_regex_group_index(const pq_regex *re, const char *name, size_t len)
{
    if (!re->group_names)
        return -1;
    for (int i = 0; i < re->group_count; i++) {
        const char *g = re->group_names[i];
        if (g && strlen(g) == len && memcmp(g, name, len) == 0)
            return i + 1;
    }
    return -1;
}

int pq_regex_group_count(const pq_regex *re)
{
    return re->group_count;
}
