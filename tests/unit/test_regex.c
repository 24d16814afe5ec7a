/*
 * test_regex.c -- label-matcher regexes: anchoring, '.' matching newline, the literal fast
 * paths agreeing with PCRE2, Go's syntax errors word for word, no runaway on catastrophic
 * patterns, UTF-8, capture groups for label_replace.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "promql/storage.h"
#include "storage/matcher.h"
#include "storage/regex.h"
#include "test_support.h"


static pq_regex *compile_ok(const char *pat)
{
    char err[256];
    pq_regex *re = pq_regex_compile(&test_arena, pat, strlen(pat), err, sizeof err);
    if (!re)
        fail_msg("compile %s: %s", pat, err);
    return re;
}

static bool m(const char *pat, const char *s)
{
    pq_regex *re = compile_ok(pat);
    bool fast = pq_regex_match(re, s, strlen(s));
    bool slow = pq_regex_match_slow(re, s, strlen(s));
    if (fast != slow)
        fail_msg("fast path disagrees with PCRE2 for /%s/ on \"%s\"", pat, s);
    return fast;
}

static void test_anchoring(void **state)
{
    assert_true(m("foo", "foo"));
    assert_false(m("foo", "foobar"));
    assert_false(m("foo", "xfoo"));
    assert_true(m("a|ab", "ab"));
    assert_true(m("ab|a", "a"));
    assert_false(m("a|b", "ab"));
    assert_true(m("", ""));
    assert_false(m("", "x"));
    assert_true(m("fo+", "fooo"));
    assert_false(m("fo+", "fooox"));
    /* $ is end of text only (not before a final newline), ^ start of text */
    assert_false(m("a$", "a\n"));
    assert_true(m("a\n", "a\n"));
    assert_true(m("(?m)a$\nb", "a\nb"));
    assert_true(m("^a", "a"));
}

static void test_dotall(void **state)
{
    assert_true(m(".*", "a\nb"));
    assert_true(m("a.b", "a\nb"));
    assert_false(m("(?-s)a.b", "a\nb"));
    assert_true(m("(?-s:a.)b|x", "a_b"));
    assert_false(m("(?-s:a.)b|x", "a\nb"));
    assert_true(m("[^a]", "\n"));
}

static void test_fast_paths(void **state)
{
    const char *pats[] = { "foo", "foo.*", ".*foo", ".*foo.*", ".+foo", "foo.+", ".+foo.+",
                           ".*", ".+", "a|b|cc", "prod|staging|dev", "foo\\.bar", "a\\|b|c",
                           ".*.*", "", "x.+" };
    const char *subjects[] = { "", "foo", "xfoo", "foox", "xfoox", "fo", "a", "b", "cc", "c",
                               "prod", "dev", "devx", "foo.bar", "fooxbar", "a|b", "\n", "f\noo",
                               "x\n", "x", "\xc3\xa9", "foo\xc3\xa9" };
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++)
        for (size_t j = 0; j < sizeof subjects / sizeof *subjects; j++)
            (void)m(pats[i], subjects[j]);   /* m() fails the test when fast != slow */
    assert_true(m("a|b|cc", "cc"));
    assert_false(m("a|b|cc", "c"));
    assert_true(m(".+foo", "xfoo"));
    assert_false(m(".+foo", "foo"));
    assert_true(m("foo\\.bar", "foo.bar"));
    assert_false(m("foo\\.bar", "fooxbar"));
    assert_true(m(".*", ""));
    assert_false(m(".+", ""));
    assert_true(m(".+", "\n"));
}

static void test_alternation_and_classes(void **state)
{
    assert_true(m("(a|b)+c", "ababc"));
    assert_true(m("[[:alpha:]]+", "abcXYZ"));
    assert_false(m("[[:alpha:]]+", "abc1"));
    assert_true(m("[[:^digit:]]", "x"));
    assert_true(m("\\pL+", "h\xc3\xa9llo"));
    assert_true(m("\\p{Greek}", "\xce\xb1"));
    assert_false(m("\\P{Greek}", "\xce\xb1"));
    assert_true(m("\\p{^Greek}", "a"));
    assert_true(m("\\d\\w\\s", "1a "));
    assert_false(m("\\s", "\v"));   /* Go's \s has no vertical tab */
    assert_true(m("\\v", "\v"));
    assert_true(m("\\S", "\v"));
    assert_true(m("[\\S]", "\v"));
    assert_true(m("a{2,3}", "aaa"));
    assert_false(m("a{2,3}", "aaaa"));
    assert_true(m("a{,3}", "a{,3}"));   /* not a repeat in Go: literal */
    assert_true(m("a{01}", "a{01}"));
    assert_true(m("x{", "x{"));
    assert_true(m("\\Q.*\\E", ".*"));
    assert_false(m("\\Q.*\\E", "ab"));
    assert_true(m("\\101", "A"));       /* octal */
    assert_true(m("\\x41\\x{42}", "AB"));
    assert_true(m("(?i)abc", "AbC"));
    assert_true(m("(?i:a)b", "Ab"));
    assert_false(m("(?i:a)b", "AB"));
    assert_true(m("a(?i)*", "aaa"));    /* the flag group does not take the repetition */
    assert_true(m("^*a", "a"));         /* an assertion can be repeated in Go */
    assert_true(m("a*(?i)*b", "aab"));
    assert_true(m("[]a]", "]"));
    assert_true(m("[a-]", "-"));
    assert_true(m("#x", "#x"));
    assert_true(m("\\p{Any}", "\n"));
    assert_true(m("[\\P{Any}a]", "a"));
}

static void test_utf8(void **state)
{
    assert_true(m("\xc3\xa9", "\xc3\xa9"));
    assert_true(m(".", "\xc3\xa9"));
    assert_true(m("...", "a\xe2\x82\xac" "b"));
    assert_true(m("[\xc3\xa0-\xc3\xbf]", "\xc3\xa9"));
    assert_true(m("(?i)\xc3\x89", "\xc3\xa9"));
    /* invalid UTF-8 in the subject is no match, never an error */
    pq_regex *re = compile_ok("a.c");
    assert_false(pq_regex_match(re, "a\xff" "c", 3));
}

static void expect_error(const char *pat, const char *msg)
{
    char err[256];
    pq_regex *re = pq_regex_compile(&test_arena, pat, strlen(pat), err, sizeof err);
    if (re)
        fail_msg("/%s/ compiled, expected %s", pat, msg);
    assert_string_equal(err, msg);
}

static void test_errors(void **state)
{
    expect_error("(a", "error parsing regexp: missing closing ): `(a`");
    expect_error("a)", "error parsing regexp: unexpected ): `a)`");
    expect_error("*", "error parsing regexp: missing argument to repetition operator: `*`");
    expect_error("a|*", "error parsing regexp: missing argument to repetition operator: `*`");
    expect_error("(*a)", "error parsing regexp: missing argument to repetition operator: `*`");
    expect_error("+?", "error parsing regexp: missing argument to repetition operator: `+?`");
    expect_error("{2}", "error parsing regexp: missing argument to repetition operator: `{2}`");
    expect_error("a**", "error parsing regexp: invalid nested repetition operator: `**`");
    expect_error("a*+", "error parsing regexp: invalid nested repetition operator: `*+`");
    expect_error("a++", "error parsing regexp: invalid nested repetition operator: `++`");
    expect_error("a+?+", "error parsing regexp: invalid nested repetition operator: `+?+`");
    expect_error("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`");
    expect_error("\\8", "error parsing regexp: invalid escape sequence: `\\8`");
    expect_error("\\C", "error parsing regexp: invalid escape sequence: `\\C`");
    expect_error("\\Z", "error parsing regexp: invalid escape sequence: `\\Z`");
    expect_error("\\e", "error parsing regexp: invalid escape sequence: `\\e`");
    expect_error("\\x{zz}", "error parsing regexp: invalid escape sequence: `\\x{z`");
    expect_error("[\\b]", "error parsing regexp: invalid escape sequence: `\\b`");
    expect_error("(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
    expect_error("(?!a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?!`");
    expect_error("(?>a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?>`");
    expect_error("(?#c)", "error parsing regexp: invalid or unsupported Perl syntax: `(?#`");
    expect_error("(?P=n)", "error parsing regexp: invalid or unsupported Perl syntax: `(?P`");
    expect_error("(?-)", "error parsing regexp: invalid or unsupported Perl syntax: `(?-)`");
    expect_error("(?", "error parsing regexp: invalid or unsupported Perl syntax: `(?`");
    expect_error("(?<=a)b", "error parsing regexp: invalid named capture: `(?<=a)b`");
    expect_error("(?P<n!>a)", "error parsing regexp: invalid named capture: `(?P<n!>`");
    expect_error("[a", "error parsing regexp: missing closing ]: `[a`");
    expect_error("x[^", "error parsing regexp: missing closing ]: `[^`");
    expect_error("[z-a]", "error parsing regexp: invalid character class range: `z-a`");
    expect_error("[[:foo:]]", "error parsing regexp: invalid character class range: `[:foo:]`");
    expect_error("\\pX", "error parsing regexp: invalid character class range: `\\pX`");
    expect_error("\\p{Foo}", "error parsing regexp: invalid character class range: `\\p{Foo}`");
    expect_error("a\\", "error parsing regexp: trailing backslash at end of expression: ``");
    expect_error("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`");
    expect_error("a{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`");
    expect_error("(a{100}){20}", "error parsing regexp: invalid repeat count: `{20}`");
    expect_error("\xff", "error parsing regexp: invalid UTF-8: `\xff`");
    /* the limits themselves are fine */
    compile_ok("a{1000}");
    compile_ok("(a{10}){100}");
    compile_ok("(?P<name>a)(?<other>b)");
}

static void test_catastrophic(void **state)
{
    char s[20001];
    memset(s, 'a', sizeof s - 2);
    s[sizeof s - 2] = 'b';
    s[sizeof s - 1] = 0;
    const char *pats[] = { "(a+)+$", "(a|aa)+", "(a*)*c", "(x+x+)+y" };
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++) {
        pq_regex *re = compile_ok(pats[i]);
        clock_t t0 = clock();
        assert_false(pq_regex_match(re, s, strlen(s)));
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (secs > 2.0)
            fail_msg("/%s/ took %.2fs", pats[i], secs);
    }
    /* Interpreted for the first runs, JIT-compiled after: the same answers and the same
     * bounds on both sides of the switch. */
    pq_regex *re = compile_ok("(a|aa)+c|x(y+)z");
    clock_t t0 = clock();
    for (int run = 0; run < 100; run++) {
        assert_false(pq_regex_match(re, s, strlen(s)));
        assert_true(pq_regex_match(re, "aaac", 4));
        assert_true(pq_regex_match(re, "xyyz", 4));
        assert_false(pq_regex_match(re, "xz", 2));
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > 10.0)
        fail_msg("100 bounded runs took %.2fs", secs);
}

static void test_groups(void **state)
{
    pq_regex *re = compile_ok("(?P<first>[a-z]+)-(\\d+)?(x)?");
    assert_int_equal(pq_regex_group_count(re), 3);
    assert_int_equal(pq_regex_group_index(re, "first", 5), 1);
    assert_int_equal(pq_regex_group_index(re, "nope", 4), -1);
    long ov[8];
    assert_int_equal(pq_regex_match_groups(re, "abc-12", 6, ov, 4), 4);
    assert_int_equal(ov[0], 0);
    assert_int_equal(ov[1], 6);
    assert_int_equal(ov[2], 0);
    assert_int_equal(ov[3], 3);
    assert_int_equal(ov[4], 4);
    assert_int_equal(ov[5], 6);
    assert_int_equal(ov[6], -1);
    assert_int_equal(pq_regex_match_groups(re, "abc-12y", 7, ov, 4), 0);
    /* names Go allows and PCRE2 would not */
    re = compile_ok("(?P<1x>a)");
    assert_int_equal(pq_regex_group_index(re, "1x", 2), 1);
    /* group numbering counts only capturing groups */
    re = compile_ok("(?:a)(b)(?i:c)");
    assert_int_equal(pq_regex_group_count(re), 1);
}

static void test_matcher(void **state)
{
    promql_matcher eq = { PROMQL_MATCH_EQUAL, "job", "api", NULL };
    promql_matcher ne = { PROMQL_MATCH_NOT_EQUAL, "job", "api", NULL };
    promql_matcher re = { PROMQL_MATCH_REGEX, "job", "a.*", NULL };
    promql_matcher nre = { PROMQL_MATCH_NOT_REGEX, "job", "a.*", NULL };
    assert_true(promql_matcher_matches(&eq, "api"));
    assert_false(promql_matcher_matches(&ne, "api"));
    assert_true(promql_matcher_matches(&re, "abc"));   /* uncompiled: compiled on the spot */
    char err[128];
    assert_int_equal(pq_matcher_compile(&test_arena, &re, err, sizeof err), 0);
    assert_non_null(re.compiled);
    assert_true(promql_matcher_matches(&re, "abc"));
    assert_false(promql_matcher_matches(&re, "bc"));
    assert_false(promql_matcher_matches(&nre, "abc"));
    assert_true(promql_matcher_matches(&nre, ""));
    assert_true(pq_matcher_matches_empty(&ne));
    promql_matcher bad = { PROMQL_MATCH_REGEX, "job", "(", NULL };
    assert_int_equal(pq_matcher_compile(&test_arena, &bad, err, sizeof err), -1);
    assert_string_equal(err, "error parsing regexp: missing closing ): `(`");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_anchoring, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_dotall, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_fast_paths, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_alternation_and_classes, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_utf8, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_errors, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_catastrophic, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_groups, test_arena_setup, test_arena_teardown),
        cmocka_unit_test_setup_teardown(test_matcher, test_arena_setup, test_arena_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
