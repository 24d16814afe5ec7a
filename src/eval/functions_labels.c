/*
 * functions_labels.c -- label_replace() and label_join(): they work on series, not samples.
 * The regex is RE2 syntax, fully anchored, '.' matching newlines (upstream compiles
 * "^(?s:<re>)$"); the replacement is expanded as Go's Regexp.Expand ($1, ${1}, $name, ${name},
 * $$). Series that end up with the same labels are merged (an error if both have a sample at
 * the same step), as upstream's mergeSeriesWithSameLabelset.
 */
#include <stdlib.h>
#include <string.h>

#include "eval/functions_impl.h"
#include "storage/regex.h"
#include "util/strbuf.h"

/* model.UTF8Validation.IsValidLabelName: non-empty, valid UTF-8. */
static bool valid_label_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        size_t n;
        unsigned min;
        if (c < 0x80) {
            p++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            n = 1;
            min = 0x80;
            c &= 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2;
            min = 0x800;
            c &= 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return false;
        }
        if ((size_t)(end - p) <= n)
            return false;
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            c = (c << 6) | (p[i] & 0x3f);
        }
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
            return false;
        p += n + 1;
    }
    return true;
}

static bool is_name_char(unsigned char c)
{
    /* letters, digits, '_' (non-ASCII bytes count as letters, as Go's unicode.IsLetter does
     * for the letters of other scripts) */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

/* Go's Regexp.Expand of template against src with the match offsets in ov. */
static void expand(pq_strbuf *b, const pq_regex *re, const char *tmpl, size_t tlen,
                   const char *src, const long *ov, int ngroups)
{
    size_t i = 0;
    while (i < tlen) {
        const char *dollar = memchr(tmpl + i, '$', tlen - i);
        if (!dollar) {
            pq_strbuf_append(b, tmpl + i, tlen - i);
            return;
        }
        size_t d = (size_t)(dollar - tmpl);
        pq_strbuf_append(b, tmpl + i, d - i);
        i = d + 1;
        if (i < tlen && tmpl[i] == '$') {
            pq_strbuf_putc(b, '$');
            i++;
            continue;
        }
        /* extract a name: {name} or name */
        size_t j = i;
        bool brace = false;
        if (j < tlen && tmpl[j] == '{') {
            brace = true;
            j++;
        }
        size_t ns = j;
        while (j < tlen && is_name_char((unsigned char)tmpl[j]))
            j++;
        size_t nlen = j - ns;
        bool ok = nlen > 0;
        if (ok && brace) {
            if (j >= tlen || tmpl[j] != '}')
                ok = false;
            else
                j++;
        }
        if (!ok) {
            pq_strbuf_putc(b, '$'); /* malformed: the '$' is literal text */
            continue;
        }
        const char *name = tmpl + ns;
        long num = 0;
        for (size_t k = 0; k < nlen; k++) {
            if (name[k] < '0' || name[k] > '9' || num >= 100000000) {
                num = -1;
                break;
            }
            num = num * 10 + (name[k] - '0');
        }
        if (name[0] == '0' && nlen > 1)
            num = -1; /* no leading zeros */
        i = j;
        if (num < 0) {
            int g = pq_regex_group_index(re, name, nlen);
            num = g;
        }
        if (num >= 0 && num < ngroups && ov[2 * num] >= 0)
            pq_strbuf_append(b, src + ov[2 * num], (size_t)(ov[2 * num + 1] - ov[2 * num]));
    }
}

/* A shallow copy of the argument's series array: labels change, sample arrays are shared. */
static int copy_vector(pq_eval *ev, pq_vector *v)
{
    pq_series *copy = pq_arena_alloc(ev->arena, (v->count + 1) * sizeof *copy);
    if (!copy)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    if (v->count)
        memcpy(copy, v->series, v->count * sizeof *copy);
    v->series = copy;
    v->cap = v->count + 1;
    return 0;
}

int pq_fn_label_replace_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    size_t dst_len, repl_len, src_len, re_len;
    const char *dst = pq_fn_string_arg(pq_fn_arg(call, 1), &dst_len);
    const char *repl = pq_fn_string_arg(pq_fn_arg(call, 2), &repl_len);
    const char *srcname = pq_fn_string_arg(pq_fn_arg(call, 3), &src_len);
    const char *restr = pq_fn_string_arg(pq_fn_arg(call, 4), &re_len);
    char errbuf[256];
    pq_regex *re = pq_regex_compile(ev->arena, restr, re_len, errbuf, sizeof errbuf);
    if (!re)
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                            "invalid regular expression in label_replace(): %s", restr);
    if (!valid_label_name(dst, dst_len) || memchr(dst, '\0', dst_len))
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                            "invalid destination label name in label_replace(): %s", dst);
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0 || copy_vector(ev, &in) != 0)
        return -1;
    int ngroups = pq_regex_group_count(re) + 1;
    if (ngroups < 1)
        ngroups = 1;
    long *ov = pq_arena_alloc(ev->arena, (size_t)ngroups * 2 * sizeof *ov);
    if (!ov)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    bool dst_is_name = strcmp(dst, "__name__") == 0;
    for (size_t i = 0; i < in.count; i++) {
        pq_series *s = &in.series[i];
        const char *sv = pq_labels_get(s->labels, srcname);
        if (!sv)
            sv = "";
        size_t svlen = strlen(sv);
        for (int g = 0; g < 2 * ngroups; g++)
            ov[g] = -1;
        int r = pq_regex_match_groups(re, sv, svlen, ov, ngroups);
        if (r <= 0)
            continue; /* only a match replaces */
        pq_strbuf b;
        pq_strbuf_init(&b);
        expand(&b, re, repl, repl_len, sv, ov, ngroups);
        char *res = pq_strbuf_finish(&b);
        const char *val = res ? pq_arena_strdup(ev->arena, res) : NULL;
        free(res);
        if (!val) {
            /* an empty expansion leaves the strbuf without data */
            val = "";
        }
        s->labels = pq_labels_set(ev, s->labels, dst, val);
        if (dst_is_name)
            s->drop_name = false;
    }
    if (pq_fn_merge_same_labels(ev, &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    out->u.vector = in;
    return 0;
}

int pq_fn_label_join_call(pq_eval *ev, const pq_node *call, pq_value *out)
{
    size_t dst_len, sep_len;
    const char *dst = pq_fn_string_arg(pq_fn_arg(call, 1), &dst_len);
    const char *sep = pq_fn_string_arg(pq_fn_arg(call, 2), &sep_len);
    size_t nsrc = pq_fn_nargs(call) - 3;
    const char **srcs = pq_arena_alloc(ev->arena, (nsrc + 1) * sizeof *srcs);
    if (!srcs)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
    for (size_t i = 0; i < nsrc; i++) {
        size_t len;
        srcs[i] = pq_fn_string_arg(pq_fn_arg(call, i + 3), &len);
        if (!valid_label_name(srcs[i], len))
            return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                                "invalid source label name in label_join(): %s", srcs[i]);
    }
    if (!valid_label_name(dst, dst_len))
        return pq_eval_fail(ev, PROMQL_ERR_EXECUTION,
                            "invalid destination label name in label_join(): %s", dst);
    pq_vector in;
    if (pq_fn_vector_arg(ev, pq_fn_arg(call, 0), &in) != 0 || copy_vector(ev, &in) != 0)
        return -1;
    bool dst_is_name = strcmp(dst, "__name__") == 0;
    for (size_t i = 0; i < in.count; i++) {
        pq_series *s = &in.series[i];
        pq_strbuf b;
        pq_strbuf_init(&b);
        for (size_t k = 0; k < nsrc; k++) {
            if (k > 0)
                pq_strbuf_append(&b, sep, sep_len);
            const char *v = pq_labels_get(s->labels, srcs[k]);
            if (v)
                pq_strbuf_puts(&b, v);
        }
        char *res = pq_strbuf_finish(&b);
        const char *val = res ? pq_arena_strdup(ev->arena, res) : "";
        free(res);
        if (!val)
            return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory");
        s->labels = pq_labels_set(ev, s->labels, dst, val);
        if (dst_is_name)
            s->drop_name = false;
    }
    if (pq_fn_merge_same_labels(ev, &in) != 0)
        return -1;
    out->type = PQ_TYPE_VECTOR;
    out->u.vector = in;
    return 0;
}
