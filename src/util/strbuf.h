/*
 * strbuf.h -- a growable byte string on malloc, for printers and output formatters.
 * An allocation failure is sticky: later appends are no-ops and pq_strbuf_finish returns NULL.
 */
#ifndef PQ_STRBUF_H
#define PQ_STRBUF_H

#include <stddef.h>

typedef struct pq_strbuf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
    /* Optional: with limit > 0, an append that would grow the string past limit bytes is
     * dropped and sets full, so a writer can stop early (e.g. "is this longer than N?");
     * pq_strbuf_finish then hands over what fit. */
    size_t limit;
    int full;
} pq_strbuf;

void pq_strbuf_init(pq_strbuf *b);
void pq_strbuf_free(pq_strbuf *b);
void pq_strbuf_append(pq_strbuf *b, const char *s, size_t n);
void pq_strbuf_puts(pq_strbuf *b, const char *s);
void pq_strbuf_putc(pq_strbuf *b, char c);
void pq_strbuf_printf(pq_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the NUL-terminated string to the caller (who frees it); the buffer is reset. */
char *pq_strbuf_finish(pq_strbuf *b);

#endif
