/*
 * rulefile.h -- Prometheus rule files (model/rulefmt): groups of recording and alerting rules
 * read from YAML, with the validation `promtool check rules` performs and its messages
 * ("FILE: LINE:COL: group \"g\", rule 2, \"name\": message").
 */
#ifndef PQ_RULES_RULEFILE_H
#define PQ_RULES_RULEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "promql/promql.h"
#include "util/arena.h"

/* A growable list of malloc'ed messages. */
typedef struct pq_msglist {
    char **items;
    size_t n, cap;
} pq_msglist;

void pq_msglist_add(pq_msglist *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pq_msglist_free(pq_msglist *l);

typedef struct pq_rule {
    bool is_alert;
    const char *name;              /* the record or alert name */
    const char *expr;
    int64_t for_ms;
    int64_t keep_firing_for_ms;
    promql_labels labels;          /* sorted by name */
    promql_labels annotations;     /* sorted by name */
    int line, col;                 /* of the rule's mapping */
} pq_rule;

typedef struct pq_rule_group {
    const char *name;
    const char *file;
    int64_t interval_ms;           /* 0 = the default */
    int64_t limit;
    bool has_query_offset;
    int64_t query_offset_ms;
    promql_labels labels;
    pq_rule *rules;
    size_t nrules;
} pq_rule_group;

typedef struct pq_rule_file {
    pq_arena arena;                /* everything below lives here */
    const char *path;
    pq_rule_group *groups;
    size_t ngroups;
} pq_rule_file;

typedef struct pq_rulefile_options {
    bool ignore_unknown_fields;
    bool check_templates;          /* parse alert templates (rulefmt does) */
} pq_rulefile_options;

/* Parse and validate 'data' (named 'path' in messages). Messages for every problem are appended
 * to 'errs', each prefixed with "PATH: ". Returns the file when the YAML could be decoded (even
 * if validation found problems: check errs->n), or NULL. Free with pq_rule_file_free. */
pq_rule_file *pq_rule_file_parse(const char *path, const char *data, size_t len,
                                 const pq_rulefile_options *opts, pq_msglist *errs);
/* Read the file from disk and parse it. */
pq_rule_file *pq_rule_file_load(const char *path, const pq_rulefile_options *opts, pq_msglist *errs);
void pq_rule_file_free(pq_rule_file *f);

/* promtool's duplicate-rules lint: appends "N duplicate rule(s) found.\n..." when rules with the
 * same name and labels (group labels merged) exist. Returns the number of duplicates. */
size_t pq_rule_file_lint_duplicates(const pq_rule_file *f, pq_msglist *lint);

/* Number of rules in the file. */
size_t pq_rule_file_rule_count(const pq_rule_file *f);

/* Label sets as "{a=\"b\", c=\"d\"}" (Prometheus's labels.Labels String()). */
struct pq_strbuf;
void pq_rules_labels_string(struct pq_strbuf *b, const promql_labels *ls);
/* Merge-sorted copy of two label sets, 'over' winning on equal names. */
int pq_rules_labels_merge(pq_arena *a, const promql_labels *base, const promql_labels *over, promql_labels *out);
bool pq_rules_utf8_valid(const char *s, size_t len);

#endif
