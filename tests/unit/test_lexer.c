/*
 * test_lexer.c -- the lexer: Prometheus's lex_test.go cases (token types, offsets, texts), every
 * token kind, string escapes, the context rules (braces, brackets, duration keywords, fill
 * followed by "("), and the lexer's error messages and positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexer/lexer.h"
#include "promql_parser.h"
#include "lexer_upstream_cases.h"

static void test_upstream_cases(void **state)
{
    (void)state;
    int bad = 0;
    size_t n = sizeof LEX_CASES / sizeof LEX_CASES[0];
    for (size_t i = 0; i < n; i++) {
        const struct lex_case *c = &LEX_CASES[i];
        pq_lexer l;
        pq_lexer_init(&l, c->input, c->len);
        int failed = 0, mismatch = 0;
        size_t k = 0;
        for (;;) {
            pq_token t;
            int type = pq_lexer_next(&l, &t);
            if (type == PQ_TOKEN_ERROR) {
                failed = 1;
                if (!c->fail) {
                    /* an expected error item: same message and position */
                    if (k >= c->n || c->items[k].type != PQ_TOKEN_ERROR || c->items[k].pos != t.pos ||
                        strcmp(c->items[k].text, l.error) != 0)
                        mismatch = 1;
                    k = c->n;
                }
                break;
            }
            if (type == TK_EOF) {
                if (t.pos != c->len)
                    mismatch = 1;
                break;
            }
            if (c->fail)
                continue;
            if (k >= c->n || c->items[k].type != type || c->items[k].pos != t.pos ||
                strlen(c->items[k].text) != t.len || memcmp(c->items[k].text, c->input + t.pos, t.len) != 0) {
                mismatch = 1;
                break;
            }
            k++;
        }
        if (c->fail ? !failed : (mismatch || k != c->n)) {
            bad++;
            print_message("lex case %zu [%.60s] %s (error: %s)\n", i, c->input, c->fail ? "should fail" : "mismatch",
                          failed ? l.error : "-");
        }
    }
    print_message("%zu upstream lex_test.go cases\n", n);
    assert_true(n > 100);
    assert_int_equal(bad, 0);
}

/* Lex q and compare the token types (terminated by 0). */
static void expect_tokens(const char *q, const int *types)
{
    pq_lexer l;
    pq_lexer_init(&l, q, strlen(q));
    for (size_t i = 0;; i++) {
        pq_token t;
        int type = pq_lexer_next(&l, &t);
        if (types[i] == 0) {
            if (type != TK_EOF)
                fail_msg("[%s] token %zu: want EOF, got %d (%s)", q, i, type, type == PQ_TOKEN_ERROR ? l.error : "");
            return;
        }
        if (type != types[i])
            fail_msg("[%s] token %zu: want %d, got %d (%s)", q, i, types[i], type, type == PQ_TOKEN_ERROR ? l.error : "");
    }
}

static void expect_lex_error(const char *q, const char *msg, unsigned pos)
{
    pq_lexer l;
    pq_lexer_init(&l, q, strlen(q));
    for (int guard = 0; guard < 1000; guard++) {
        pq_token t;
        int type = pq_lexer_next(&l, &t);
        if (type == PQ_TOKEN_ERROR) {
            if (strcmp(l.error, msg) != 0 || t.pos != pos)
                fail_msg("[%s]: want %s @%u, got %s @%u", q, msg, pos, l.error, t.pos);
            /* after an error the lexer only reports EOF */
            assert_int_equal(pq_lexer_next(&l, &t), TK_EOF);
            return;
        }
        if (type == TK_EOF)
            fail_msg("[%s]: no error, want %s", q, msg);
    }
    fail_msg("[%s]: lexer did not terminate", q);
}

static void test_token_kinds(void **state)
{
    (void)state;
    expect_tokens("a + b - c * d / e % f ^ g", (int[]){TK_IDENTIFIER, TK_ADD, TK_IDENTIFIER, TK_SUB, TK_IDENTIFIER, TK_MUL,
                                                       TK_IDENTIFIER, TK_DIV, TK_IDENTIFIER, TK_MOD, TK_IDENTIFIER, TK_POW,
                                                       TK_IDENTIFIER, 0});
    expect_tokens("== != < <= > >= </ >/ = @", (int[]){TK_EQLC, TK_NEQ, TK_LSS, TK_LTE, TK_GTR, TK_GTE, TK_TRIM_UPPER,
                                                       TK_TRIM_LOWER, TK_EQL, TK_AT, 0});
    expect_tokens("and or unless atan2 AND", (int[]){TK_LAND, TK_LOR, TK_LUNLESS, TK_ATAN2, TK_LAND, 0});
    expect_tokens("sum avg count min max group stddev stdvar topk bottomk count_values quantile limitk limit_ratio",
                  (int[]){TK_SUM, TK_AVG, TK_COUNT, TK_MIN, TK_MAX, TK_GROUP, TK_STDDEV, TK_STDVAR, TK_TOPK, TK_BOTTOMK,
                          TK_COUNT_VALUES, TK_QUANTILE, TK_LIMITK, TK_LIMIT_RATIO, 0});
    expect_tokens("offset smoothed anchored by without on ignoring group_left group_right bool",
                  (int[]){TK_OFFSET, TK_SMOOTHED, TK_ANCHORED, TK_BY, TK_WITHOUT, TK_ON, TK_IGNORING, TK_GROUP_LEFT,
                          TK_GROUP_RIGHT, TK_BOOL, 0});
    expect_tokens("start end step range max_of min_of", (int[]){TK_START, TK_END, TK_STEP, TK_RANGE, TK_MAX_OF, TK_MIN_OF, 0});
    /* fill keywords only before "(" */
    expect_tokens("fill (1) fill_left(1) fill_right (1)", (int[]){TK_FILL, TK_LEFT_PAREN, TK_NUMBER, TK_RIGHT_PAREN,
                                                                  TK_FILL_LEFT, TK_LEFT_PAREN, TK_NUMBER, TK_RIGHT_PAREN,
                                                                  TK_FILL_RIGHT, TK_LEFT_PAREN, TK_NUMBER, TK_RIGHT_PAREN, 0});
    expect_tokens("fill + fill_left", (int[]){TK_IDENTIFIER, TK_ADD, TK_IDENTIFIER, 0});
    /* numbers and durations */
    expect_tokens("1 1.5 .5 1e10 1E-3 0x1F 0X_ff 1_000 Inf NaN nan -inf", (int[]){TK_NUMBER, TK_NUMBER, TK_NUMBER,
        TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_NUMBER, TK_SUB, TK_NUMBER, 0});
    expect_tokens("5m 1h30m 1ms 1y 2w 3d 10s 1y2w3d4h5m6s7ms", (int[]){TK_DURATION, TK_DURATION, TK_DURATION, TK_DURATION,
        TK_DURATION, TK_DURATION, TK_DURATION, TK_DURATION, 0});
    /* identifiers */
    expect_tokens("foo foo:bar :x _a1", (int[]){TK_IDENTIFIER, TK_METRIC_IDENTIFIER, TK_METRIC_IDENTIFIER, TK_IDENTIFIER, 0});
    /* inside braces keywords are label names and strings of all three quotings */
    expect_tokens("{sum=\"a\", by!='b', on=~`c`, \"x.y\"!~\"d\"}",
                  (int[]){TK_LEFT_BRACE, TK_IDENTIFIER, TK_EQL, TK_STRING, TK_COMMA, TK_IDENTIFIER, TK_NEQ, TK_STRING,
                          TK_COMMA, TK_IDENTIFIER, TK_EQL_REGEX, TK_STRING, TK_COMMA, TK_STRING, TK_NEQ_REGEX, TK_STRING,
                          TK_RIGHT_BRACE, 0});
    /* brackets: durations, colon, duration keywords, arithmetic */
    expect_tokens("x[5m:1m]", (int[]){TK_IDENTIFIER, TK_LEFT_BRACKET, TK_DURATION, TK_COLON, TK_DURATION, TK_RIGHT_BRACKET, 0});
    expect_tokens("x[step()*2 + min_of(1m, range())]",
                  (int[]){TK_IDENTIFIER, TK_LEFT_BRACKET, TK_STEP, TK_LEFT_PAREN, TK_RIGHT_PAREN, TK_MUL, TK_NUMBER, TK_ADD,
                          TK_MIN_OF, TK_LEFT_PAREN, TK_DURATION, TK_COMMA, TK_RANGE, TK_LEFT_PAREN, TK_RIGHT_PAREN,
                          TK_RIGHT_PAREN, TK_RIGHT_BRACKET, 0});
    /* comments are tokens of their own, up to the end of the line */
    expect_tokens("foo # c\n+ 1", (int[]){TK_IDENTIFIER, PQ_TOKEN_COMMENT, TK_ADD, TK_NUMBER, 0});
    expect_tokens("{# c\na=\"b\"}", (int[]){TK_LEFT_BRACE, PQ_TOKEN_COMMENT, TK_IDENTIFIER, TK_EQL, TK_STRING, TK_RIGHT_BRACE, 0});
}

static void test_strings(void **state)
{
    (void)state;
    expect_tokens("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\x41\\101\\u00e9\\U0001F600\"", (int[]){TK_STRING, 0});
    expect_tokens("'\\''", (int[]){TK_STRING, 0});
    expect_tokens("`a\nb\\q`", (int[]){TK_STRING, 0});
    expect_tokens("\"\xc3\xa9\"", (int[]){TK_STRING, 0});
    expect_lex_error("\"\\q\"", "unknown escape sequence U+0071 'q'", 0);
    expect_lex_error("\"\\'\"", "unknown escape sequence U+0027 '''", 0);
    expect_lex_error("'\\\"'", "unknown escape sequence U+0022 '\"'", 0);
    expect_lex_error("\"\\x4g\"", "illegal character U+0067 'g' in escape sequence", 0);
    expect_lex_error("\"\\400\"", "escape sequence is an invalid Unicode code point", 0);
    expect_lex_error("\"\\ud800\"", "escape sequence is an invalid Unicode code point", 0);
    expect_lex_error("\"\\U00110000\"", "escape sequence is an invalid Unicode code point", 0);
    expect_lex_error("\"\\x4", "escape sequence not terminated", 0);
    expect_lex_error("\"\\", "escape sequence not terminated", 0);
    expect_lex_error("a + \"abc", "unterminated quoted string", 4);
    expect_lex_error("\"a\nb\"", "unterminated quoted string", 0);
    expect_lex_error("`abc", "unterminated raw string", 0);
    expect_lex_error("\"\xff\"", "invalid UTF-8 rune", 0);
    expect_lex_error("`\xc3`", "invalid UTF-8 rune", 0);
}

static void test_errors(void **state)
{
    (void)state;
    expect_lex_error("(foo", "unclosed left parenthesis", 4);
    expect_lex_error("foo)", "unexpected right parenthesis ')'", 4);
    expect_lex_error("foo[5m", "unclosed left bracket", 6);
    expect_lex_error("foo[", "unexpected end of input in duration expression", 4);
    expect_lex_error("foo]", "unexpected right bracket ']'", 3);
    expect_lex_error("foo[5m[", "unexpected left bracket '['", 6);
    expect_lex_error("foo{", "unexpected end of input inside braces", 4);
    expect_lex_error("{a{", "unexpected left brace '{'", 2);
    expect_lex_error("{a:b=\"c\"}", "unexpected character inside braces: ':'", 2);
    expect_lex_error("{a!b}", "unexpected character after '!' inside braces: 'b'", 2);
    expect_lex_error("a =~ b", "unexpected character after '=': '~'", 2);
    expect_lex_error("a ! b", "unexpected character after '!': ' '", 2);
    expect_lex_error("$", "unexpected character: '$'", 0);
    expect_lex_error("\x01", "unexpected character: '\\x01'", 0);
    expect_lex_error("\xc3\xa9", "unexpected character: '\xc3\xa9'", 0);
    expect_lex_error("\xff", "unexpected character: '\xef\xbf\xbd'", 0);
    expect_lex_error("2.5.", "bad number or duration syntax: \"2.5.\"", 0);
    expect_lex_error("1a", "bad number or duration syntax: \"1\"", 0);
    expect_lex_error("5mx", "bad number or duration syntax: \"5mx\"", 0);
    expect_lex_error("foo[5m:1m:]", "unexpected colon ':'", 9);
    expect_lex_error("foo[:5m]", "unexpected colon before duration in duration expression", 5);
    expect_lex_error("foo[5m::]", "unexpected colon ':'", 7);
    /* gotDuration is never reset in lex.go, so an earlier number makes the second message */
    expect_lex_error("foo[1m] + bar[step()::]", "unexpected repeated colon in duration expression", 22);
    expect_lex_error("foo[(1m))]", "unexpected right parenthesis ')'", 9);
    expect_lex_error("foo[5m] ]", "unexpected right bracket ']'", 8);
    expect_lex_error("foo[5m x]", "unexpected character: 'x', expected ':'", 7);
    expect_lex_error("foo[x]", "unexpected character in duration expression: 'x'", 4);
    expect_lex_error("foo[sx]", "unexpected character in duration expression: 's'", 4);
    expect_lex_error("foo[#]", "unexpected character in duration expression: '#'", 4);
}

static void test_no_read_past_end(void **state)
{
    (void)state;
    /* every prefix of a query exercising each state, lexed from an exact-size heap copy */
    const char *q = "sum by (a) (rate(foo{a=~\"x\\u00e9\",b!=`y`}[5m:30s] offset -1h @ start())) # c\n"
                    " + 0x1F * 1.5e3 > bool fill(0) x[step()+1m]";
    size_t n = strlen(q);
    for (size_t len = 0; len <= n; len++) {
        char *copy = malloc(len ? len : 1);
        assert_non_null(copy);
        memcpy(copy, q, len);
        pq_lexer l;
        pq_lexer_init(&l, copy, len);
        for (int guard = 0; guard < 1000; guard++) {
            pq_token t;
            int type = pq_lexer_next(&l, &t);
            assert_true(t.pos + t.len <= len);
            if (type == TK_EOF || type == PQ_TOKEN_ERROR)
                break;
        }
        free(copy);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_upstream_cases),
        cmocka_unit_test(test_token_kinds),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_no_read_past_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
