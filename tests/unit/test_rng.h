/*
 * test_rng.h -- the deterministic pseudo-random numbers of the randomised unit tests
 * (xorshift64): the same sequence on every run and machine, so a failure reproduces.
 */
#ifndef PQ_TEST_RNG_H
#define PQ_TEST_RNG_H

#include <stdint.h>

static uint64_t test_rng_state = 0x9e3779b97f4a7c15ULL;

static inline uint64_t next(void)
{
    test_rng_state ^= test_rng_state << 13;
    test_rng_state ^= test_rng_state >> 7;
    test_rng_state ^= test_rng_state << 17;
    return test_rng_state;
}

#endif
