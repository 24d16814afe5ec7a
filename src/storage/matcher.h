/*
 * matcher.h -- label matchers handed in by API callers: compiling their regex into the
 * library-private 'compiled' field of a promql_matcher (promql_matcher_matches is in
 * storage.h).
 */
#ifndef PQ_MATCHER_H
#define PQ_MATCHER_H

#include <stddef.h>

#include "promql/storage.h"
#include "util/arena.h"

/* For =~ and !~ matchers, compile m->value (arena-owned) into m->compiled; a no-op for = and !=.
 * On a bad regex returns -1 with Go's error text in errbuf. */
int pq_matcher_compile(pq_arena *a, promql_matcher *m, char *errbuf, size_t errlen);

/* Whether the matcher matches the empty string (so it also selects series lacking the label). */
int pq_matcher_matches_empty(const promql_matcher *m);

#endif
