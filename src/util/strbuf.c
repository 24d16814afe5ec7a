/*
 * strbuf.c -- growable byte string.
 */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pq_strbuf_init(pq_strbuf *b)
{
    memset(b, 0, sizeof *b);
}

void pq_strbuf_free(pq_strbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

static int reserve(pq_strbuf *b, size_t extra)
{
    if (b->oom || b->full)
        return 0;
    if (b->limit && extra > b->limit - (b->len < b->limit ? b->len : b->limit)) {
        b->full = 1;
        return 0;
    }
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void pq_strbuf_append(pq_strbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void pq_strbuf_puts(pq_strbuf *b, const char *s)
{
    pq_strbuf_append(b, s, strlen(s));
}

void pq_strbuf_putc(pq_strbuf *b, char c)
{
    pq_strbuf_append(b, &c, 1);
}

void pq_strbuf_printf(pq_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *pq_strbuf_finish(pq_strbuf *b)
{
    if (b->oom) {
        pq_strbuf_free(b);
        return NULL;
    }
    b->limit = 0;   /* a full buffer hands over what fit */
    b->full = 0;
    if (!reserve(b, 0)) {
        pq_strbuf_free(b);
        return NULL;
    }
    b->data[b->len] = 0;   /* an empty buffer was never terminated by an append */
    char *s = b->data;
    memset(b, 0, sizeof *b);
    return s;
}
