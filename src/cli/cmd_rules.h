/*
 * cmd_rules.h -- `promql-eval rules check|test|eval ...`.
 * argv[0] is the subcommand word ("check", "test", "eval"); a leading "rules" is skipped too.
 */
#ifndef PQ_CLI_CMD_RULES_H
#define PQ_CLI_CMD_RULES_H

int pq_cmd_rules(int argc, char **argv);
int pq_cli_rules(int argc, char **argv);

#endif
