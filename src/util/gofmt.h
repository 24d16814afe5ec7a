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

/* utf8.EncodeRune of a valid rune (< U+110000, not a surrogate): its 1 to 4 bytes into out. */
size_t pq_go_encode_rune(uint32_t r, char out[4]);

/* strconv.Quote: double-quoted, with Go escapes (\a \b \f \n \r \t \v \\ \" \xNN \uNNNN
 * \UNNNNNNNN); printable UTF-8 passes through, invalid bytes become \xNN. */
void pq_go_quote(pq_strbuf *b, const char *s, size_t len);

/* strconv.Quote of the first max_runes runes of s (0: all of it), in malloc'd memory (NULL when
 * out of memory). */
char *pq_go_quote_string(const char *s, size_t len, size_t max_runes);

/* strconv.QuoteRune ('a', '\n', '\u00a0'; an invalid rune as U+FFFD) into buf of n bytes; an
 * empty string when it does not fit. Returns buf. */
const char *pq_go_quote_rune(int32_t r, char *buf, size_t n);

/* strconv.FormatFloat(v, fmt, -1, 64) for fmt 'f', 'e' or 'g': the shortest digits that
 * round-trip, "+Inf", "-Inf", "NaN". fmt.Sprint("%v", v) equals the 'g' form. */
void pq_go_format_float(pq_strbuf *b, double v, char fmt);

/* strconv.FormatFloat(v, fmt, prec, 64) for fmt 'e', 'E', 'f', 'g', 'G' and prec >= 0, or -1
 * for the shortest round-trip digits ('e'/'g' round to at most 30 significant digits). */
void pq_go_format_float_prec(pq_strbuf *b, double v, char fmt, int prec);

/* The longest shortest-digits form: 'f' of 5e-324 ("0." and 323 zeros and "5"), with a sign. */
#define PQ_GO_FLOAT_MAX 400

/* pq_go_format_float into buf (len >= PQ_GO_FLOAT_MAX holds every value; a shorter buffer
 * gets what fits of the leading part), NUL-terminated; returns the length. */
size_t pq_go_format_float_buf(char *buf, size_t len, double v, char fmt);

/* The shortest round-trip decimal digits of a finite |v| (sign ignored): digits gets them (no
 * dot, no trailing zeros, "" for zero) and value = 0.DIGITS * 10^*decpt. Returns their count. */
int pq_go_shortest_digits(double v, char digits[32], int *decpt);

/* Prometheus's jsonutil.MarshalFloat without its quotes (sample values in the HTTP API): the
 * 'e' form below 1e-6 and from 1e21 on, else 'f' ("1e-07", "0.1", "NaN"). Into buf as
 * pq_go_format_float_buf; returns the length. */
size_t pq_go_format_sample_value(char *buf, size_t len, double v);

/* encoding/json's float64: the same choice of form, exponents cleaned as Go does ("1e-7");
 * NaN and infinities, which JSON lacks, come out as "NaN", "+Inf", "-Inf". */
size_t pq_go_format_json_float(char *buf, size_t len, double v);

/* model.Duration(ms * time.Millisecond).String(): "0s", "1h30m", "2w", "90d", "1y",
 * "-5m" for negative values. */
void pq_go_format_duration_ms(pq_strbuf *b, int64_t ms);

/* model.LegacyValidation.IsValidLabelName: [a-zA-Z_][a-zA-Z0-9_]*, non-empty. */
bool pq_is_legacy_label_name(const char *s, size_t len);

#endif
