/*
 * jsonstr.c -- JSON string escaping compatible with jsoniter and encoding/json (see jsonstr.h).
 */
#include "cli/jsonstr.h"

long pq_cli_utf8_decode(const unsigned char *s, size_t len, size_t *size)
{
    *size = 1;
    if (len == 0)
        return -1;
    unsigned c = s[0];
    if (c < 0x80)
        return (long)c;
    int n;
    long r, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; r = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; r = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; r = c & 0x07; min = 0x10000;
    } else {
        return -1;
    }
    if (len < (size_t)n)
        return -1;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        r = (r << 6) | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return -1;
    *size = (size_t)n;
    return r;
}

void pq_cli_json_string(pq_strbuf *b, const char *s, size_t len, bool std_json)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    pq_strbuf_putc(b, '"');
    size_t i = 0, start = 0;
    while (i < len) {
        unsigned c = u[i];
        const char *esc = NULL;
        char tmp[8];
        size_t adv = 1;
        if (c < 0x80) {
            if (c == '"') esc = "\\\"";
            else if (c == '\\') esc = "\\\\";
            else if (c == '\n') esc = "\\n";
            else if (c == '\r') esc = "\\r";
            else if (c == '\t') esc = "\\t";
            else if (std_json && c == '\b') esc = "\\b";
            else if (std_json && c == '\f') esc = "\\f";
            else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                tmp[0] = '\\'; tmp[1] = 'u'; tmp[2] = '0'; tmp[3] = '0';
                tmp[4] = hex[c >> 4]; tmp[5] = hex[c & 15]; tmp[6] = '\0';
                esc = tmp;
            }
        } else {
            long r = pq_cli_utf8_decode(u + i, len - i, &adv);
            if (r < 0) esc = "\\ufffd";
            else if (r == 0x2028) esc = "\\u2028";
            else if (r == 0x2029) esc = "\\u2029";
        }
        if (esc) {
            pq_strbuf_append(b, s + start, i - start);
            pq_strbuf_puts(b, esc);
            i += adv;
            start = i;
        } else {
            i += adv;
        }
    }
    pq_strbuf_append(b, s + start, len - start);
    pq_strbuf_putc(b, '"');
}
