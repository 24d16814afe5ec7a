/*
 * fuzz_rules.c -- libFuzzer target over the rules layer: the first input byte picks the
 * consumer, the rest is handed over without a NUL terminator:
 *   even: a rule file (YAML decoding, rulefmt validation, template parse checks, lint);
 *   odd:  an alert template, expanded with Prometheus's $labels/$value definitions.
 * Any input must succeed or fail with a message: no crash, leak, hang or read past the end.
 * Seed corpus: fuzz/corpus/rules/ (tests/rules and examples/rules files, templates).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rulefile.h"
#include "rules/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    int mode = data[0] & 1;
    size--;
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data + 1, size);
    if (mode == 0) {
        pq_msglist errs = {0}, lint = {0};
        pq_rule_file *f = pq_rule_file_parse("fuzz.yml", text, size, NULL, &errs);
        if (f)
            pq_rule_file_lint_duplicates(f, &lint);
        pq_msglist_free(&errs);
        pq_msglist_free(&lint);
        pq_rule_file_free(f);
    } else {
        promql_label ls[] = {{"__name__", "up"}, {"instance", "a:1"}, {"job", "j"}};
        pq_tmpl_data d = {{ls, 3}, {NULL, 0}, "http://x/", 0.25};
        pq_tmpl_env env = {"__alert_F", &d, 1000, NULL, NULL};
        pq_strbuf out;
        pq_strbuf_init(&out);
        char err[2048];
        (void)pq_tmpl_expand(text, size, &env, &out, err, sizeof err);
        pq_strbuf_free(&out);
    }
    free(text);
    return 0;
}
