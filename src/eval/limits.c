/*
 * limits.c -- the max-samples accounting (Prometheus's currentSamples and peak), the deadline
 * and the cancel flag.
 */
#include <time.h>

#include "eval/eval.h"
#include "eval/evalint.h"

int pq_eval_add_samples(pq_eval *ev, int64_t n)
{
    ev->current_samples += n;
    if (ev->current_samples > ev->peak_samples)
        ev->peak_samples = ev->current_samples;
    if (ev->max_samples > 0 && ev->current_samples > ev->max_samples)
        return pq_eval_fail(ev, PROMQL_ERR_TOO_MANY_SAMPLES,
                            "query processing would load too many samples into memory in query execution");
    return 0;
}

void pq_eval_release_samples(pq_eval *ev, int64_t n)
{
    ev->current_samples -= n;
}

int64_t pq_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int pq_eval_check_interrupt(pq_eval *ev)
{
    if (ev->failed)
        return -1;
    if (ev->cancel_flag && *ev->cancel_flag)
        return pq_eval_fail(ev, PROMQL_ERR_CANCELED, "query was canceled in expression evaluation");
    if (ev->deadline_ns && pq_monotonic_ns() > ev->deadline_ns)
        return pq_eval_fail(ev, PROMQL_ERR_TIMEOUT, "query timed out in expression evaluation");
    if (ev->arena->failed)
        return pq_eval_fail(ev, PROMQL_ERR_RESOURCE, "out of memory in query evaluation");
    return 0;
}
