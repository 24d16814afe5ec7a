/*
 * template.h -- the subset of Go's text/template that Prometheus alerting rules use for their
 * labels and annotations, with Prometheus's template functions.
 *
 * Supported: text and {{ actions }} with trim markers and comments; pipelines; variables
 * ($x := / $x =, $ for the data); fields (.Labels.x, $labels.x, .Value, .ExternalLabels,
 * .ExternalURL); literals (strings, raw strings, chars, numbers, true/false/nil); parenthesised
 * pipelines; if / else if / else, range (maps in key order, query results), with / else,
 * break / continue; the builtins and, or, not, len, index, print, printf, println, eq, ne, lt,
 * le, gt, ge, urlquery; Prometheus's humanize, humanize1024, humanizePercentage,
 * humanizeDuration, humanizeTimestamp, toTime, toDuration, now, title, toUpper, toLower,
 * reReplaceAll, match, stripPort, stripDomain, safeHtml, args, externalURL, pathPrefix,
 * parseDuration, urlQueryEscape, graphLink, tableLink, and query / first / label / value /
 * strvalue / sortByLabel when the caller supplies a query callback.
 * Not supported (an error naming the construct): define / template / block, call, slice, html,
 * js. Errors are Go's texts ("template: NAME:1:12: executing ... at <...>: ...") wherever we
 * emit the same error Go does.
 */
#ifndef PQ_RULES_TEMPLATE_H
#define PQ_RULES_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "promql/promql.h"
#include "util/strbuf.h"

/* One sample of a query result handed to a template (labels may include __name__). */
typedef struct pq_tmpl_sample {
    promql_labels labels;
    double value;
} pq_tmpl_sample;

/* Runs a PromQL query for the template 'query' function. Returns 0 and fills *out / *count
 * (memory owned by the callee until the expansion ends, e.g. an arena), or -1 with a message. */
typedef int (*pq_tmpl_query_fn)(void *arg, const char *query, int64_t t_ms, pq_tmpl_sample **out,
                                size_t *count, char *errbuf, size_t errlen);

/* What an alert template sees: .Labels, .ExternalLabels, .ExternalURL, .Value. */
typedef struct pq_tmpl_data {
    promql_labels labels;
    promql_labels external_labels;
    const char *external_url;   /* may be NULL (= "") */
    double value;
} pq_tmpl_data;

typedef struct pq_tmpl_env {
    const char *name;            /* template name in messages, e.g. "__alert_HighLatency" */
    const pq_tmpl_data *data;    /* NULL: the data is nil */
    int64_t now_ms;              /* evaluation time, for now() and query */
    pq_tmpl_query_fn query;      /* NULL: query() fails with an error */
    void *query_arg;
} pq_tmpl_env;

/* Expand 'text'. On success appends the result to 'out' and returns 0; on failure returns -1 with
 * Go's message in errbuf: "error parsing template NAME: ..." or "error executing template NAME:
 * ...", as Prometheus's Expander.Expand returns it. Never crashes on any input. */
int pq_tmpl_expand(const char *text, size_t len, const pq_tmpl_env *env, pq_strbuf *out,
                   char *errbuf, size_t errlen);

/* Only parse (Prometheus's ParseTest): 0, or -1 with "template: NAME:LINE: message". */
int pq_tmpl_parse_check(const char *text, size_t len, const char *name, char *errbuf, size_t errlen);

/* The text Prometheus prepends to alert label and annotation templates, defining $labels,
 * $externalLabels, $externalURL and $value. */
#define PQ_TMPL_ALERT_DEFS "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}" \
    "{{$externalURL := .ExternalURL}}{{$value := .Value}}"

#endif
