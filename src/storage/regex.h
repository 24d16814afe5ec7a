/*
 * regex.h -- label-matcher regular expressions: RE2 syntax as Prometheus accepts it, fully
 * anchored, '.' matching newline (3.x), executed by PCRE2 with JIT and match limits so that no
 * pattern can run away. Literal patterns, alternations of literals and literal prefixes are
 * matched without PCRE2 at all.
 */
#ifndef PQ_REGEX_H
#define PQ_REGEX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef struct pq_regex pq_regex;

/* Compile 'pattern'. On a syntax error returns NULL and writes Go's regexp error text
 * (e.g. "error parsing regexp: missing closing ): `(a`") into errbuf. The compiled object is
 * registered with the arena (pq_arena_defer) and freed with it. */
pq_regex *pq_regex_compile(pq_arena *a, const char *pattern, size_t len, char *errbuf, size_t errlen);
/* Whole-string match. A match that hits the engine's limits counts as no match. */
bool pq_regex_match(const pq_regex *re, const char *s, size_t len);
/* The same, always through PCRE2 (bypassing the literal fast paths): for tests that check the
 * fast paths agree with it. */
bool pq_regex_match_slow(const pq_regex *re, const char *s, size_t len);
/* For label_replace: match with capture groups. ovector gets 2*n offsets (start, end; -1 for an
 * unset group). Returns the number of groups filled (>0) on a match, 0 on no match. */
int pq_regex_match_groups(const pq_regex *re, const char *s, size_t len, long *ovector, int n);
/* Named group lookup for ${name} expansion: the group number or -1. */
int pq_regex_group_index(const pq_regex *re, const char *name, size_t len);
int pq_regex_group_count(const pq_regex *re);

#endif
