/*
 * ruleeval.h -- evaluating rule groups over a promql_memstore as Prometheus's rule manager does
 * (rules/group.go, alerting.go, recording.go): recording rules append their output back into the
 * store so later rules see it, alerting rules run the pending/firing/inactive state machine with
 * 'for' and 'keep_firing_for', write ALERTS and ALERTS_FOR_STATE, expand label and annotation
 * templates, honour query_offset and limit, and mark vanished series stale.
 */
#ifndef PQ_RULES_RULEEVAL_H
#define PQ_RULES_RULEEVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "promql/promql.h"
#include "rules/rulefile.h"

#define PQ_TIME_UNSET INT64_MIN

typedef enum pq_alert_state {
    PQ_ALERT_INACTIVE = 1,
    PQ_ALERT_PENDING = 2,
    PQ_ALERT_FIRING = 3
} pq_alert_state;

const char *pq_alert_state_name(pq_alert_state s);   /* "inactive", "pending", "firing" */

typedef struct pq_alert {
    pq_alert_state state;
    promql_labels labels;          /* owned (one malloc block with the strings) */
    promql_labels annotations;     /* owned */
    double value;
    int64_t active_at_ms;          /* PQ_TIME_UNSET when unset */
    int64_t fired_at_ms;
    int64_t resolved_at_ms;
    int64_t keep_firing_since_ms;
    uint64_t hash;
} pq_alert;

typedef struct pq_rule_manager pq_rule_manager;

/* A transition of one alert, for timelines: from 0 means "new". */
typedef void (*pq_alert_event_fn)(void *arg, const pq_rule_group *g, const pq_rule *r, const pq_alert *a,
                                  pq_alert_state from, pq_alert_state to, int64_t t_ms);
/* A recorded sample, for printing what recording rules wrote. */
typedef void (*pq_record_fn)(void *arg, const pq_rule *r, const promql_labels *ls, int64_t t_ms, double v);

typedef struct pq_rule_manager_options {
    promql_labels external_labels;
    const char *external_url;
    int64_t default_interval_ms;   /* for groups without 'interval'; default 1m */
    pq_alert_event_fn on_alert;
    pq_record_fn on_record;
    void *event_arg;
} pq_rule_manager_options;

/* The engine and the store are borrowed and must outlive the manager. */
pq_rule_manager *pq_rule_manager_new(promql_engine *engine, promql_memstore *store,
                                     const pq_rule_manager_options *opts);
void pq_rule_manager_free(pq_rule_manager *m);

/* Add every group of a validated rule file (the file must outlive the manager). Returns 0, or -1
 * with a message when an expression fails to parse. */
int pq_rule_manager_add_file(pq_rule_manager *m, const pq_rule_file *f, char *errbuf, size_t errlen);

size_t pq_rule_manager_group_count(const pq_rule_manager *m);
const pq_rule_group *pq_rule_manager_group(const pq_rule_manager *m, size_t gi);
int64_t pq_rule_manager_group_interval(const pq_rule_manager *m, size_t gi);

/* Evaluate one group at t_ms (every rule in order). */
void pq_rule_manager_eval_group(pq_rule_manager *m, size_t gi, int64_t t_ms);

/* The last evaluation error of rule ri of group gi, or NULL. */
const char *pq_rule_manager_rule_error(const pq_rule_manager *m, size_t gi, size_t ri);

/* The alerts of an alerting rule currently held (pending, firing, and resolved ones kept for
 * 15 minutes). */
size_t pq_rule_manager_alerts(const pq_rule_manager *m, size_t gi, size_t ri, const pq_alert *const **out);

#endif
