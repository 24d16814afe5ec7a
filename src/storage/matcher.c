/*
 * matcher.c -- promql_matcher evaluation: equality by strcmp, regexes through the compiled
 * pq_regex (compiled on the spot, in a scratch arena, when a caller built the matcher by hand
 * and never compiled it).
 */
#include "storage/matcher.h"

#include <string.h>

#include "storage/regex.h"

int pq_matcher_compile(pq_arena *a, promql_matcher *m, char *errbuf, size_t errlen)
{
    if (m->type != PROMQL_MATCH_REGEX && m->type != PROMQL_MATCH_NOT_REGEX)
        return 0;
    const char *v = m->value ? m->value : "";
    pq_regex *re = pq_regex_compile(a, v, strlen(v), errbuf, errlen);
    if (!re)
        return -1;
    m->compiled = re;
    return 0;
}

PROMQL_API int promql_matcher_matches(const promql_matcher *m, const char *value)
{
    const char *v = value ? value : "";
    const char *want = m->value ? m->value : "";
    switch (m->type) {
    case PROMQL_MATCH_EQUAL:
        return strcmp(v, want) == 0;
    case PROMQL_MATCH_NOT_EQUAL:
        return strcmp(v, want) != 0;
    case PROMQL_MATCH_REGEX:
    case PROMQL_MATCH_NOT_REGEX: {
        int hit;
        if (m->compiled)
            hit = pq_regex_match(m->compiled, v, strlen(v));
        else {
            pq_arena scratch;
            pq_arena_init(&scratch, 0);
            char err[8];
            pq_regex *re = pq_regex_compile(&scratch, want, strlen(want), err, sizeof err);
            /* An invalid regex matches nothing (the parser rejects it before it gets here). */
            hit = re ? pq_regex_match(re, v, strlen(v)) : 0;
            pq_arena_free(&scratch);
            if (!re)
                return 0;
        }
        return m->type == PROMQL_MATCH_REGEX ? hit : !hit;
    }
    }
    return 0;
}

int pq_matcher_matches_empty(const promql_matcher *m)
{
    return promql_matcher_matches(m, "");
}
