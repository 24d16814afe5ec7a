/*
 * ftoa.h -- shortest decimal digits of a double, Go's strconv algorithm in exact integer
 * arithmetic (see ftoa.c).
 */
#ifndef PQ_FTOA_H
#define PQ_FTOA_H

#include <stdbool.h>

/* v = 0.d[0]d[1]...d[nd-1] * 10^dp, no trailing zeros, d NUL-terminated; nd == 0 for zero. */
typedef struct pq_ftoa_digits {
    char d[40];
    int nd;
    int dp;
} pq_ftoa_digits;

/* The digits of |v| (v finite) Go's shortest formatting prints. False when |v| is outside the
 * range the exact 128-bit computation covers (about 1e-14 to 1e47): then use another method. */
bool pq_ftoa_shortest(double v, pq_ftoa_digits *g);

#endif
