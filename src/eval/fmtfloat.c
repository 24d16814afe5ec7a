/*
 * fmtfloat.c -- Go's float formatting where the evaluator's messages and labels need it, in
 * the char-buffer and arena forms its callers use; the digits and layout are util/gofmt's
 * strconv.FormatFloat: 'g' (%g and %v of fmt) and 'f' (count_values' label values).
 */
#include "eval/eval.h"
#include "eval/evalint.h"
#include "util/gofmt.h"

void pq_format_g(char *out, size_t len, double v)
{
    pq_go_format_float_buf(out, len, v, 'g');
}

void pq_format_f(char *out, size_t len, double v)
{
    pq_go_format_float_buf(out, len, v, 'f');
}

char *pq_format_float(pq_eval *ev, double v)
{
    char buf[PQ_GO_FLOAT_MAX];
    pq_format_g(buf, sizeof buf, v);
    return pq_arena_strdup(ev->arena, buf);
}
