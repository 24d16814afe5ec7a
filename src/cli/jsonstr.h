/*
 * jsonstr.h -- JSON string escaping as Prometheus's two encoders do it. Both escape '<', '>'
 * and '&' as \u003c \u003e \u0026, U+2028/U+2029, and replace each byte of invalid UTF-8 with
 * \ufffd; they differ on \b and \f: jsoniter (labels, errors, warnings) writes \u0008 and
 * \u000c, Go's encoding/json (a string result's value) writes \b and \f.
 */
#ifndef PQ_CLI_JSONSTR_H
#define PQ_CLI_JSONSTR_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* Append s (len bytes) as a quoted JSON string. std_json selects encoding/json's escapes. */
void pq_cli_json_string(pq_strbuf *b, const char *s, size_t len, bool std_json);

/* Decode one UTF-8 rune as Go's utf8.DecodeRune: returns the rune and its size, or -1 and
 * size 1 for an invalid byte. */
long pq_cli_utf8_decode(const unsigned char *s, size_t len, size_t *size);

#endif
