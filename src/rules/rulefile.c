/*
 * rulefile.c -- decoding rule files from the YAML tree the way yaml.v3 decodes them into
 * rulefmt.RuleGroups (strict about unknown fields), then rulefmt's validation, with Prometheus
 * 3.x's UTF-8 name validation and its messages in its order.
 */
#include "rules/rulefile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/gofmt.h"
#include "rules/template.h"
#include "rules/yaml_tree.h"
#include "util/strbuf.h"
#include "util/gotime.h"
#include "rules/yaml_decode.h"
#include "util/labels.h"

void pq_msglist_add(pq_msglist *l, const char *fmt, ...)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        char **ni = realloc(l->items, nc * sizeof *ni);
        if (!ni)
            return;
        l->items = ni;
        l->cap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    if (s)
        l->items[l->n++] = s;
}

void pq_msglist_free(pq_msglist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

bool pq_rules_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n > len)
            return false;
        for (size_t k = 1; k < n; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

static bool legacy_name(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (p > s && c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

void pq_rules_labels_string(pq_strbuf *b, const promql_labels *ls)
{
    pq_strbuf_putc(b, '{');
    for (size_t i = 0; i < ls->count; i++) {
        if (i)
            pq_strbuf_puts(b, ", ");
        const char *n = ls->items[i].name;
        if (legacy_name(n))
            pq_strbuf_puts(b, n);
        else
            pq_go_quote(b, n, strlen(n));
        pq_strbuf_putc(b, '=');
        pq_go_quote(b, ls->items[i].value, strlen(ls->items[i].value));
    }
    pq_strbuf_putc(b, '}');
}

int pq_rules_labels_merge(pq_arena *a, const promql_labels *base, const promql_labels *over, promql_labels *out)
{
    size_t cap = base->count + over->count;
    promql_label *items = cap ? pq_arena_alloc(a, cap * sizeof *items) : NULL;
    if (cap && !items)
        return -1;
    size_t i = 0, j = 0, n = 0;
    while (i < base->count || j < over->count) {
        int c = i >= base->count ? 1 : j >= over->count ? -1 : strcmp(base->items[i].name, over->items[j].name);
        if (c < 0)
            items[n++] = base->items[i++];
        else if (c > 0)
            items[n++] = over->items[j++];
        else {
            items[n++] = over->items[j++];
            i++;
        }
    }
    out->items = items;
    out->count = n;
    return 0;
}

/* ---- decoding ---- */

typedef struct decoder {
    pq_ydec y;                /* yaml.v3's collected "line N: ..." type errors, arena, fatal */
    const pq_rulefile_options *opts;
} decoder;

static void check_fields(decoder *d, const pq_ynode *m, const char *const *known, const char *type)
{
    for (size_t i = 0; i < m->n; i++) {
        const pq_ynode *k = m->items[2 * i];
        const char *ks = k->kind == PQ_Y_SCALAR ? k->value : "";
        bool ok = false;
        for (int j = 0; known[j]; j++)
            if (strcmp(known[j], ks) == 0)
                ok = true;
        for (size_t j = 0; j < i && k->kind == PQ_Y_SCALAR; j++) {
            const pq_ynode *k2 = m->items[2 * j];
            if (k2->kind == PQ_Y_SCALAR && strcmp(k2->value, ks) == 0) {
                pq_ydec_error(&d->y, k->line, "mapping key \"%s\" already defined at line %d", ks, k2->line);
                break;
            }
        }
        if (!ok && !d->opts->ignore_unknown_fields)
            pq_ydec_error(&d->y, k->line, "field %s not found in type %s", ks, type);
    }
}

static const char *const group_fields[] = {"name", "interval", "query_offset", "limit", "rules", "labels", NULL};
static const char *const rule_fields[] = {"record", "alert", "expr", "for", "keep_firing_for", "labels",
                                          "annotations", NULL};

/* Positions of a rule's record/alert/expr value nodes ("0:0" when absent, as Go's zero Node). */
typedef struct rule_pos {
    int rl, rc, al, ac, el, ec;
    const char *record;       /* the 'record' value, "" when unset */
} rule_pos;

static void node_pos(const pq_ynode *n, int *l, int *c)
{
    *l = n ? n->line : 0;
    *c = n ? n->col : 0;
}

static void validate_rule(const pq_rule *r, const rule_pos *p, const char *path, const char *group, size_t idx,
                          pq_msglist *errs)
{
#define EMIT_AT(l, c, ...)                                                                                   \
    do {                                                                                                     \
        char m_[1500];                                                                                       \
        snprintf(m_, sizeof m_, __VA_ARGS__);                                                                \
        pq_msglist_add(errs, "%s: %d:%d: group \"%s\", rule %zu, \"%s\": %s", path, (l), (c), group, idx, r->name, m_); \
    } while (0)
#define EMIT(...)                                                                                            \
    do {                                                                                                     \
        char m_[1500];                                                                                       \
        snprintf(m_, sizeof m_, __VA_ARGS__);                                                                \
        pq_msglist_add(errs, "%s: group \"%s\", rule %zu, \"%s\": %s", path, group, idx, r->name, m_);       \
    } while (0)
    const char *record = p->record ? p->record : "";
    bool has_record = record[0] != 0;
    bool has_alert = r->is_alert;
    if (has_record && has_alert)
        pq_msglist_add(errs, "%s: %d:%d: %d:%d: group \"%s\", rule %zu, \"%s\": only one of 'record' and 'alert' must be set",
                       path, p->rl, p->rc, p->al, p->ac, group, idx, r->name);
    if (!has_record && !has_alert)
        pq_msglist_add(errs, "%s: %d:%d: %d:%d: group \"%s\", rule %zu, \"%s\": one of 'record' or 'alert' must be set",
                       path, p->rl, p->rc, p->al, p->ac, group, idx, r->name);
    if (!r->expr[0]) {
        EMIT_AT(p->el, p->ec, "field 'expr' must be set in rule");
    } else {
        promql_expr *e = NULL;
        promql_error perr;
        if (promql_parse(r->expr, strlen(r->expr), NULL, &e, &perr) != PROMQL_OK)
            EMIT_AT(p->el, p->ec, "could not parse expression: %.1200s", perr.message);
        promql_expr_free(e);
    }
    if (has_record) {
        if (r->annotations.count > 0)
            EMIT_AT(p->rl, p->rc, "invalid field 'annotations' in recording rule");
        if (r->for_ms != 0)
            EMIT_AT(p->rl, p->rc, "invalid field 'for' in recording rule");
        if (r->keep_firing_for_ms != 0)
            EMIT_AT(p->rl, p->rc, "invalid field 'keep_firing_for' in recording rule");
        const char *rec = record;
        if (!rec[0] || !pq_rules_utf8_valid(rec, strlen(rec)))
            EMIT_AT(p->rl, p->rc, "invalid recording rule name: %s", rec);
        if (strchr(rec, '{') || strchr(rec, '}'))
            EMIT_AT(p->rl, p->rc, "braces present in the recording rule name; should it be in expr?: %s", rec);
    }
    for (size_t i = 0; i < r->labels.count; i++) {
        const char *k = r->labels.items[i].name, *v = r->labels.items[i].value;
        if (!k[0] || !pq_rules_utf8_valid(k, strlen(k)) || strcmp(k, "__name__") == 0)
            EMIT("invalid label name: %s", k);
        if (!pq_rules_utf8_valid(v, strlen(v)))
            EMIT("invalid label value: %s", v);
    }
    for (size_t i = 0; i < r->annotations.count; i++) {
        const char *k = r->annotations.items[i].name;
        if (!k[0] || !pq_rules_utf8_valid(k, strlen(k)))
            EMIT("invalid annotation name: %s", k);
    }
    if (r->is_alert) {
        char tname[600];
        snprintf(tname, sizeof tname, "__alert_%s", r->name);
        for (int pass = 0; pass < 2; pass++) {
            const promql_labels *ls = pass == 0 ? &r->labels : &r->annotations;
            for (size_t i = 0; i < ls->count; i++) {
                pq_strbuf t;
                pq_strbuf_init(&t);
                pq_strbuf_puts(&t, PQ_TMPL_ALERT_DEFS);
                pq_strbuf_puts(&t, ls->items[i].value);
                char e[700];
                if (!t.oom && pq_tmpl_parse_check(t.data, t.len, tname, e, sizeof e))
                    EMIT("%s \"%s\": %s", pass == 0 ? "label" : "annotation", ls->items[i].name, e);
                pq_strbuf_free(&t);
            }
        }
    }
#undef EMIT
#undef EMIT_AT
}

pq_rule_file *pq_rule_file_parse(const char *path, const char *data, size_t len, const pq_rulefile_options *opts,
                                 pq_msglist *errs)
{
    pq_rulefile_options defopts = {false, true};
    if (!opts)
        opts = &defopts;
    pq_rule_file *f = calloc(1, sizeof *f);
    if (!f) {
        pq_msglist_add(errs, "%s: out of memory", path);
        return NULL;
    }
    pq_arena_init(&f->arena, 0);
    f->path = pq_arena_strdup(&f->arena, path);
    char yerr[512];
    bool extra;
    pq_ynode *root = pq_yaml_load(&f->arena, data, len, &extra, yerr, sizeof yerr);
    if (!root) {
        pq_msglist_add(errs, "%s: %s", path, yerr);
        pq_rule_file_free(f);
        return NULL;
    }
    decoder d;
    memset(&d, 0, sizeof d);
    d.y.a = &f->arena;
    d.opts = opts;
    pq_strbuf_init(&d.y.errs);

    /* positions kept for validation */
    rule_pos *pos = NULL;
    size_t npos = 0;
    const pq_ynode **gnodes = NULL;

    if (!pq_yaml_is_null(root)) {
        if (root->kind != PQ_Y_MAP) {
            pq_ydec_type_error(&d.y, root, "rulefmt.RuleGroups");
        } else {
            static const char *const top[] = {"groups", NULL};
            check_fields(&d, root, top, "rulefmt.RuleGroups");
            const pq_ynode *groups = pq_yaml_get(root, "groups");
            if (groups && !pq_yaml_is_null(groups) && groups->kind != PQ_Y_SEQ) {
                pq_ydec_type_error(&d.y, groups, "[]rulefmt.RuleGroup");
            } else if (groups && groups->kind == PQ_Y_SEQ) {
                f->groups = groups->n ? pq_arena_calloc(&f->arena, groups->n, sizeof *f->groups) : NULL;
                gnodes = groups->n ? pq_arena_calloc(&f->arena, groups->n, sizeof *gnodes) : NULL;
                size_t total_rules = 0;
                for (size_t i = 0; i < groups->n; i++)
                    if (groups->items[i]->kind == PQ_Y_MAP) {
                        const pq_ynode *rs = pq_yaml_get(groups->items[i], "rules");
                        if (rs && rs->kind == PQ_Y_SEQ)
                            total_rules += rs->n;
                    }
                pos = total_rules ? calloc(total_rules, sizeof *pos) : NULL;
                for (size_t i = 0; i < groups->n && f->groups; i++) {
                    const pq_ynode *g = groups->items[i];
                    pq_rule_group *rg = &f->groups[f->ngroups];
                    rg->file = f->path;
                    gnodes[f->ngroups] = g;
                    f->ngroups++;
                    rg->name = "";
                    if (pq_yaml_is_null(g))
                        continue;
                    if (g->kind != PQ_Y_MAP) {
                        pq_ydec_type_error(&d.y, g, "rulefmt.RuleGroup");
                        continue;
                    }
                    check_fields(&d, g, group_fields, "rulefmt.RuleGroup");
                    rg->name = pq_ydec_string(&d.y, pq_yaml_get(g, "name"));
                    rg->interval_ms = pq_ydec_duration(&d.y, pq_yaml_get(g, "interval"));
                    const pq_ynode *qo = pq_yaml_get(g, "query_offset");
                    if (qo && !pq_yaml_is_null(qo)) {
                        rg->has_query_offset = true;
                        rg->query_offset_ms = pq_ydec_duration(&d.y, qo);
                    }
                    const pq_ynode *lim = pq_yaml_get(g, "limit");
                    if (lim && !pq_yaml_is_null(lim)) {
                        char *end;
                        long long v = lim->kind == PQ_Y_SCALAR ? strtoll(lim->value, &end, 0) : 0;
                        if (lim->kind != PQ_Y_SCALAR || *end || !lim->len)
                            pq_ydec_type_error(&d.y, lim, "int");
                        else
                            rg->limit = v;
                    }
                    rg->labels = pq_ydec_string_map(&d.y, pq_yaml_get(g, "labels"), "map[string]string", true);
                    const pq_ynode *rs = pq_yaml_get(g, "rules");
                    if (rs && !pq_yaml_is_null(rs) && rs->kind != PQ_Y_SEQ) {
                        pq_ydec_type_error(&d.y, rs, "[]rulefmt.Rule");
                        continue;
                    }
                    if (!rs || rs->kind != PQ_Y_SEQ)
                        continue;
                    rg->rules = rs->n ? pq_arena_calloc(&f->arena, rs->n, sizeof *rg->rules) : NULL;
                    for (size_t k = 0; k < rs->n && rg->rules; k++) {
                        const pq_ynode *rn = rs->items[k];
                        pq_rule *r = &rg->rules[rg->nrules++];
                        rule_pos *rp = &pos[npos++];
                        r->name = "";
                        r->expr = "";
                        r->line = rn->line;
                        r->col = rn->col;
                        if (pq_yaml_is_null(rn))
                            continue;
                        if (rn->kind != PQ_Y_MAP) {
                            pq_ydec_type_error(&d.y, rn, "rulefmt.Rule");
                            continue;
                        }
                        check_fields(&d, rn, rule_fields, "rulefmt.Rule");
                        const pq_ynode *rec = pq_yaml_get(rn, "record"), *al = pq_yaml_get(rn, "alert"),
                                      *ex = pq_yaml_get(rn, "expr");
                        node_pos(rec, &rp->rl, &rp->rc);
                        node_pos(al, &rp->al, &rp->ac);
                        node_pos(ex, &rp->el, &rp->ec);
                        const char *recs = pq_ydec_string(&d.y, rec), *als = pq_ydec_string(&d.y, al);
                        rp->record = recs;
                        r->is_alert = als[0] != 0;
                        r->name = r->is_alert ? als : recs;
                        r->expr = pq_ydec_string(&d.y, ex);
                        r->for_ms = pq_ydec_duration(&d.y, pq_yaml_get(rn, "for"));
                        r->keep_firing_for_ms = pq_ydec_duration(&d.y, pq_yaml_get(rn, "keep_firing_for"));
                        r->labels = pq_ydec_string_map(&d.y, pq_yaml_get(rn, "labels"), "map[string]string", true);
                        r->annotations = pq_ydec_string_map(&d.y, pq_yaml_get(rn, "annotations"), "map[string]string", true);
                    }
                }
            }
        }
    }
    if (d.y.fatal[0] || d.y.nerrs) {
        if (d.y.fatal[0])
            pq_msglist_add(errs, "%s: %s", path, d.y.fatal);
        else
            pq_msglist_add(errs, "%s: yaml: unmarshal errors:%s", path, d.y.errs.data ? d.y.errs.data : "");
        pq_strbuf_free(&d.y.errs);
        free(pos);
        pq_rule_file_free(f);
        return NULL;
    }
    pq_strbuf_free(&d.y.errs);

    /* rulefmt validation */
    size_t pi = 0;
    for (size_t j = 0; j < f->ngroups; j++) {
        pq_rule_group *g = &f->groups[j];
        int gl = gnodes[j] ? gnodes[j]->line : 0, gc = gnodes[j] ? gnodes[j]->col : 0;
        if (!g->name[0])
            pq_msglist_add(errs, "%s: %d:%d: Groupname must not be empty", path, gl, gc);
        for (size_t k = 0; k < j; k++)
            if (strcmp(f->groups[k].name, g->name) == 0) {
                pq_msglist_add(errs, "%s: %d:%d: groupname: \"%s\" is repeated in the same file", path, gl, gc, g->name);
                break;
            }
        for (size_t k = 0; k < g->labels.count; k++) {
            const char *n = g->labels.items[k].name, *v = g->labels.items[k].value;
            if (!n[0] || !pq_rules_utf8_valid(n, strlen(n)) || strcmp(n, "__name__") == 0)
                pq_msglist_add(errs, "%s: invalid label name: %s", path, n);
            if (!pq_rules_utf8_valid(v, strlen(v)))
                pq_msglist_add(errs, "%s: invalid label value: %s", path, v);
        }
        for (size_t i = 0; i < g->nrules; i++) {
            rule_pos none = {0};
            validate_rule(&g->rules[i], pos ? &pos[pi] : &none, path, g->name, i + 1, errs);
            pi++;
        }
    }
    free(pos);
    return f;
}

pq_rule_file *pq_rule_file_load(const char *path, const pq_rulefile_options *opts, pq_msglist *errs)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        pq_msglist_add(errs, "%s: open %s: no such file or directory", path, path);
        return NULL;
    }
    pq_strbuf b;
    pq_strbuf_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        pq_strbuf_append(&b, buf, n);
    int rerr = ferror(fp);
    fclose(fp);
    if (rerr || b.oom) {
        pq_msglist_add(errs, "%s: read error", path);
        pq_strbuf_free(&b);
        return NULL;
    }
    pq_rule_file *f = pq_rule_file_parse(path, b.data ? b.data : "", b.len, opts, errs);
    pq_strbuf_free(&b);
    return f;
}

void pq_rule_file_free(pq_rule_file *f)
{
    if (!f)
        return;
    pq_arena_free(&f->arena);
    free(f);
}

size_t pq_rule_file_rule_count(const pq_rule_file *f)
{
    size_t n = 0;
    for (size_t i = 0; f && i < f->ngroups; i++)
        n += f->groups[i].nrules;
    return n;
}

typedef struct dup_entry {
    const char *metric;
    promql_labels labels;
} dup_entry;

static int cmp_dup(const void *x, const void *y)
{
    const dup_entry *a = x, *b = y;
    int c = strcmp(a->metric, b->metric);
    return c ? c : pq_labels_compare(a->labels, b->labels);
}

size_t pq_rule_file_lint_duplicates(const pq_rule_file *f, pq_msglist *lint)
{
    size_t n = pq_rule_file_rule_count(f);
    if (n < 2)
        return 0;
    pq_arena a;
    pq_arena_init(&a, 0);
    dup_entry *e = pq_arena_calloc(&a, n, sizeof *e);
    size_t k = 0;
    for (size_t i = 0; e && i < f->ngroups; i++)
        for (size_t j = 0; j < f->groups[i].nrules; j++) {
            e[k].metric = f->groups[i].rules[j].name;
            if (pq_rules_labels_merge(&a, &f->groups[i].labels, &f->groups[i].rules[j].labels, &e[k].labels))
                e[k].labels = (promql_labels){NULL, 0};
            k++;
        }
    if (!e) {
        pq_arena_free(&a);
        return 0;
    }
    qsort(e, n, sizeof *e, cmp_dup);
    dup_entry **dups = pq_arena_calloc(&a, n, sizeof *dups);
    size_t nd = 0;
    for (size_t i = 1; dups && i < n; i++)
        if (cmp_dup(&e[i - 1], &e[i]) == 0 && (nd == 0 || cmp_dup(dups[nd - 1], &e[i]) != 0))
            dups[nd++] = &e[i];
    if (nd) {
        pq_strbuf b;
        pq_strbuf_init(&b);
        pq_strbuf_printf(&b, "lint error %zu duplicate rule(s) found.\n", nd);
        for (size_t i = 0; i < nd; i++) {
            pq_strbuf_printf(&b, "Metric: %s\nLabel(s):\n", dups[i]->metric);
            for (size_t j = 0; j < dups[i]->labels.count; j++)
                pq_strbuf_printf(&b, "\t%s: %s\n", dups[i]->labels.items[j].name, dups[i]->labels.items[j].value);
        }
        pq_strbuf_puts(&b, "Might cause inconsistency while recording expressions");
        pq_msglist_add(lint, "%s", b.data ? b.data : "");
        pq_strbuf_free(&b);
    }
    pq_arena_free(&a);
    return nd;
}
