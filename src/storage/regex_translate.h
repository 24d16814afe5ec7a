/*
 * regex_translate.h -- private to the regex unit: checks a pattern against Go's regexp/syntax
 * rules (Perl flags, as Prometheus parses label matchers) and rewrites it into an equivalent
 * PCRE2 pattern. The checker is what produces Go's exact error texts; PCRE2 never sees a
 * pattern Go would reject, and never sees one of its own extensions (backreferences,
 * lookarounds, possessive quantifiers, \C, ...).
 */
#ifndef PQ_REGEX_TRANSLATE_H
#define PQ_REGEX_TRANSLATE_H

#include <stddef.h>

#include "util/strbuf.h"

typedef struct pq_regex_translation {
    pq_strbuf pcre;        /* the PCRE2 pattern (not anchored; the caller wraps it) */
    int group_count;       /* capturing groups, as Go numbers them */
    char **group_names;    /* malloc'ed: group_names[i] names group i+1, or NULL */
} pq_regex_translation;

/* 0 on success (out filled; release with pq_regex_translation_free), -1 on a syntax error with
 * Go's message ("error parsing regexp: ...") in errbuf. */
int pq_regex_translate(const char *pattern, size_t len, pq_regex_translation *out, char *errbuf,
                       size_t errlen);
void pq_regex_translation_free(pq_regex_translation *t);

#endif
