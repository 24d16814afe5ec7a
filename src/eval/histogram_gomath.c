/*
 * histogram_gomath.c -- Go's math.Log, math.Log2 and math.Exp2, step for step, so that quantile
 * interpolation (which works on log2 of bucket bounds) gives Prometheus's results to the last
 * bit. The C library's log2/exp2 are more accurate but round differently now and then; Go's are
 * the fdlibm algorithms below (on amd64 Go's Log is assembly doing exactly these operations).
 */
#include "eval/histogram.h"

#include <math.h>

/* fdlibm's __ieee754_log, as Go's math.Log. */
double pq_go_log(double x)
{
    static const double ln2_hi = 6.93147180369123816490e-01; /* 0x3fe62e42fee00000 */
    static const double ln2_lo = 1.90821492927058770002e-10; /* 0x3dea39ef35793c76 */
    static const double l1 = 6.666666666666735130e-01;       /* 0x3FE5555555555593 */
    static const double l2 = 3.999999999940941908e-01;       /* 0x3FD999999997FA04 */
    static const double l3 = 2.857142874366239149e-01;       /* 0x3FD2492494229359 */
    static const double l4 = 2.222219843214978396e-01;       /* 0x3FCC71C51D8E78AF */
    static const double l5 = 1.818357216161805012e-01;       /* 0x3FC7466496CB03DE */
    static const double l6 = 1.531383769920937332e-01;       /* 0x3FC39A09D078C69F */
    static const double l7 = 1.479819860511658591e-01;       /* 0x3FC2F112DF3E5244 */
    if (isnan(x) || x == INFINITY)
        return x;
    if (x < 0)
        return NAN;
    if (x == 0)
        return -INFINITY;
    int ki;
    double f1 = frexp(x, &ki);
    if (f1 < 7.07106781186547524401e-01) { /* sqrt(2)/2 */
        f1 *= 2;
        ki--;
    }
    double f = f1 - 1;
    double k = (double)ki;
    /* volatile keeps each product rounded on its own: no contraction into fused operations. */
    volatile double s = f / (2 + f);
    volatile double s2 = s * s;
    volatile double s4 = s2 * s2;
    volatile double t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)));
    volatile double t2 = s4 * (l2 + s4 * (l4 + s4 * l6));
    volatile double r = t1 + t2;
    volatile double hfsq = 0.5 * f * f;
    return k * ln2_hi - ((hfsq - (s * (hfsq + r) + k * ln2_lo)) - f);
}

/* Go's math.Log2: exact for powers of two, else Log(frac) / ln 2 + exp. */
double pq_go_log2(double x)
{
    int e;
    double frac = frexp(x, &e);
    if (frac == 0.5)
        return (double)(e - 1);
    /* 1/Ln2 as Go's constant arithmetic rounds it. */
    volatile double l = pq_go_log(frac) * 1.4426950408889634073599246810018921;
    return l + (double)e;
}

/* Go's math.Exp2 (fdlibm-style reduction and expmulti). */
double pq_go_exp2(double x)
{
    static const double ln2_hi = 6.93147180369123816490e-01;
    static const double ln2_lo = 1.90821492927058770002e-10;
    static const double p1 = 1.66666666666666657415e-01;  /* 0x3FC5555555555555 */
    static const double p2 = -2.77777777770155933842e-03; /* 0xBF66C16C16BEBD93 */
    static const double p3 = 6.61375632143793436117e-05;  /* 0x3F11566AAF25DE2C */
    static const double p4 = -1.65339022054652515390e-06; /* 0xBEBBBD41C5D26BF1 */
    static const double p5 = 4.13813679705723846039e-08;  /* 0x3E66376972BEA4D0 */
    if (isnan(x) || x == INFINITY)
        return x;
    if (x == -INFINITY)
        return 0;
    if (x > 1.0239999999999999e+03)
        return INFINITY;
    if (x < -1.0740e+03)
        return 0;
    int k = 0;
    if (x > 0)
        k = (int)(x + 0.5);
    else if (x < 0)
        k = (int)(x - 0.5);
    volatile double t = x - (double)k;
    volatile double hi = t * ln2_hi;
    volatile double lo = -t * ln2_lo;
    volatile double r = hi - lo;
    volatile double tt = r * r;
    volatile double c = r - tt * (p1 + tt * (p2 + tt * (p3 + tt * (p4 + tt * p5))));
    volatile double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return ldexp(y, k);
}
