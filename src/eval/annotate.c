/*
 * annotate.c -- errors and annotations of an evaluation. The first error wins. Annotations are
 * deduplicated on their text without position, as Prometheus's annotation map does, and carry
 * the position of the first occurrence as " (line:col)" (line and byte column, as
 * posrange.StartPosInput computes them).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eval/eval.h"
#include "eval/evalint.h"

int pq_eval_fail(pq_eval *ev, promql_error_code code, const char *fmt, ...)
{
    if (!ev->failed) {
        ev->failed = 1;
        if (ev->err) {
            ev->err->code = code;
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(ev->err->message, sizeof ev->err->message, fmt, ap);
            va_end(ap);
            ev->err->pos_start = -1;
            ev->err->pos_end = -1;
            ev->err->line = 0;
            ev->err->column = 0;
        }
    }
    return -1;
}

void pq_eval_annotate(pq_eval *ev, promql_annotation_kind kind, const pq_node *node, const char *fmt, ...)
{
    char raw[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    size_t raw_len = strlen(raw);
    for (size_t i = 0; i < ev->annotation_count; i++) {
        pq_annotation *a = &ev->annotations[i];
        if (a->raw_len == raw_len && memcmp(a->text, raw, raw_len) == 0)
            return;
    }
    char pos[64] = "";
    if (node && ev->query) {
        size_t p = node->pos_start;
        if (p <= ev->query_len) {
            int line = 1;
            size_t last_break = (size_t)-1;
            for (size_t i = 0; i < p; i++)
                if (ev->query[i] == '\n') {
                    line++;
                    last_break = i;
                }
            long col = (long)p - (last_break == (size_t)-1 ? -1L : (long)last_break);
            snprintf(pos, sizeof pos, " (%d:%ld)", line, col);
        }
    }
    if (ev->annotation_count == ev->annotation_cap) {
        size_t ncap = ev->annotation_cap ? ev->annotation_cap * 2 : 8;
        pq_annotation *na = pq_arena_realloc(ev->arena, ev->annotations, ev->annotation_cap * sizeof *na,
                                             ncap * sizeof *na);
        if (!na)
            return;
        ev->annotations = na;
        ev->annotation_cap = ncap;
    }
    char *text = pq_arena_sprintf(ev->arena, "%s%s", raw, pos);
    if (!text)
        return;
    ev->annotations[ev->annotation_count++] = (pq_annotation){kind, text, raw_len};
}
