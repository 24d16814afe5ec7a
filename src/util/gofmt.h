/*
 * gofmt.h -- text formatting that matches Go's standard library byte for byte, because
 * Prometheus's output (query strings, label sets, numbers in messages) is produced by it:
 * strconv.Quote, strconv.FormatFloat with the shortest round-trip precision, fmt's %v for
 * floats, and prometheus/common's model.Duration.String.
 */
#ifndef PQ_GOFMT_H
#define PQ_GOFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020 (Unicode 15.0). */
bool pq_go_is_print(uint32_t r);

/* Decode one UTF-8 sequence as Go's utf8.DecodeRune does: on invalid input (overlong, surrogate,
 * truncated, > U+10FFFF) returns U+FFFD with *width 1. len must be > 0. */
uint32_t pq_go_decode_rune(const unsigned char *s, size_t len, size_t *width);

/* strconv.Quote: double-quoted, with Go escapes (\a \b \f \n \r \t \v \\ \" \xNN \uNNNN
 * \UNNNNNNNN); printable UTF-8 passes through, invalid bytes become \xNN. */
void pq_go_quote(pq_strbuf *b, const char *s, size_t len);

/* strconv.FormatFloat(v, fmt, -1, 64) for fmt 'f', 'e' or 'g': the shortest digits that
 * round-trip, "+Inf", "-Inf", "NaN". fmt.Sprint("%v", v) equals the 'g' form. */
void pq_go_format_float(pq_strbuf *b, double v, char fmt);

/* model.Duration(ms * time.Millisecond).String(): "0s", "1h30m", "2w", "90d", "1y",
 * "-5m" for negative values. */
void pq_go_format_duration_ms(pq_strbuf *b, int64_t ms);

/* model.LegacyValidation.IsValidLabelName: [a-zA-Z_][a-zA-Z0-9_]*, non-empty. */
bool pq_is_legacy_label_name(const char *s, size_t len);

#endif
