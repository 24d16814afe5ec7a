/*
 * ftoa.c -- the shortest decimal digits of a double, as Go's strconv.FormatFloat(v, _, -1, 64)
 * picks them, without printf.
 *
 * Go computes the interval of reals that read back as v (computeBounds: its neighbours'
 * midpoints, a narrower step below a power of two), scales the three bounds by a power of ten
 * 10^q chosen from the binary exponent, and drops decimal digits while a shorter number stays
 * inside the interval, rounding the centre to the nearest survivor (Ryū). It scales with
 * 128-bit approximations of 10^q plus exactness tracking. Here the scaling is exact: the
 * bound is X * 2^e2 * 10^q = X * 5^q * 2^(e2+q), an integer product and a shift (or, for
 * large v, a 128-bit division by 5^-q), so the floors and the position of the dropped fraction
 * are known exactly. The digit dropping, including Go's nine-digit first step and the way it
 * settles ties there, follows Go's order of decisions, so the digits are Go's.
 *
 * The exact products fit 128 bits for roughly 1e-14 <= v < 1e47 (q within +-31); outside,
 * pq_ftoa_shortest returns false and gofmt.c uses its printf-based search. count_values,
 * which formats a label for every input point, and JSON output spend their time here.
 */
#include "util/ftoa.h"

#include <stdint.h>
#include <string.h>

typedef unsigned __int128 u128;

#define MAX_Q 31

/* 5^0 .. 5^27 (5^27 < 2^63); larger powers are products of two. */
static const uint64_t pow5_64[28] = {
    UINT64_C(1), UINT64_C(5), UINT64_C(25), UINT64_C(125), UINT64_C(625), UINT64_C(3125),
    UINT64_C(15625), UINT64_C(78125), UINT64_C(390625), UINT64_C(1953125), UINT64_C(9765625),
    UINT64_C(48828125), UINT64_C(244140625), UINT64_C(1220703125), UINT64_C(6103515625),
    UINT64_C(30517578125), UINT64_C(152587890625), UINT64_C(762939453125), UINT64_C(3814697265625),
    UINT64_C(19073486328125), UINT64_C(95367431640625), UINT64_C(476837158203125),
    UINT64_C(2384185791015625), UINT64_C(11920928955078125), UINT64_C(59604644775390625),
    UINT64_C(298023223876953125), UINT64_C(1490116119384765625), UINT64_C(7450580596923828125),
};

static u128 pow5(int n)
{
    return n <= 27 ? (u128)pow5_64[n] : (u128)pow5_64[27] * pow5_64[n - 27];
}

/* floor(x * 2^e2 * 10^q) with the dropped fraction compared to 1/2 (half: -1, 0, 1) and
 * whether it is zero. False when the exact product does not fit. */
typedef struct scaled {
    uint64_t q;
    int half;
    bool exact;
} scaled;

static bool scale(uint64_t x, int e2, int q, u128 p5, scaled *out)
{
    u128 num = q > 0 ? (u128)x * p5 : (u128)x;   /* < 2^55 * 5^31 < 2^127 */
    int sh = e2 + q;                              /* the power of two left over */
    u128 quo, rem = 0;
    out->half = -1;
    if (sh >= 0) {
        if (sh > 127 || (num >> (127 - sh)) != 0)
            return false;
        num <<= sh;
        quo = num;
        if (q < 0) {
            quo = num / p5;
            rem = num - quo * p5;
            out->half = 2 * rem > p5 ? 1 : 2 * rem == p5 ? 0 : -1;
        }
    } else {
        int s = -sh;
        if (s > 127)
            return false;
        quo = num >> s;
        rem = num & (((u128)1 << s) - 1);
        u128 half = (u128)1 << (s - 1);
        out->half = rem > half ? 1 : rem == half ? 0 : -1;
    }
    if (quo >> 64)
        return false;
    out->q = (uint64_t)quo;
    out->exact = rem == 0;
    return true;
}

/* floor(x * log10(2)) for |x| <= 1600, as Go's mulByLog2Log10 (78913 / 2^18). */
static int floor_log10_pow2(int x)
{
    return x >= 0 ? (x * 78913) >> 18 : -((-x * 78913 + (1 << 18) - 1) >> 18);
}

/* Digits of a number below 1e9 into d[nd..endindex] (Go's ryuDigits32): drop digits while
 * ceil(lower/10) <= floor(upper/10), remembering the last dropped digit of the centre and
 * whether all below it were zero, then round the centre up if that is nearer and allowed. */
static void digits32(pq_ftoa_digits *g, uint32_t lower, uint32_t central, uint32_t upper, bool c0, bool cup,
                     int endindex)
{
    if (upper == 0) {
        g->dp = endindex + 1;
        return;
    }
    int trimmed = 0;
    uint32_t next = 0;
    while (upper > 0) {
        uint32_t l = (lower + 9) / 10, c = central / 10, cd = central % 10, u = upper / 10;
        if (l > u)
            break;
        if (l == c + 1 && c < u) {
            /* the centre, floored, fell below the lower bound: take the bound */
            c++;
            cd = 0;
            cup = false;
        }
        trimmed++;
        c0 = c0 && next == 0;
        next = cd;
        lower = l;
        central = c;
        upper = u;
    }
    if (trimmed > 0)
        cup = next > 5 || (next == 5 && (!c0 || (central & 1)));
    if (central < upper && cup)
        central++;
    endindex -= trimmed;
    for (int n = endindex; n >= g->nd; n--) {
        g->d[n] = (char)('0' + central % 10);
        central /= 10;
    }
    g->nd = endindex + 1;
    g->dp = g->nd + trimmed;
}

/* Go's ryuDigits: the high nine digits first, dropped at once when the bounds differ there. */
static void digits64(pq_ftoa_digits *g, uint64_t lower, uint64_t central, uint64_t upper, bool c0, bool cup)
{
    uint32_t lhi = (uint32_t)(lower / 1000000000), llo = (uint32_t)(lower % 1000000000);
    uint32_t chi = (uint32_t)(central / 1000000000), clo = (uint32_t)(central % 1000000000);
    uint32_t uhi = (uint32_t)(upper / 1000000000), ulo = (uint32_t)(upper % 1000000000);
    g->nd = 0;
    g->dp = 0;
    if (uhi == 0) {
        digits32(g, llo, clo, ulo, c0, cup, 8);
    } else if (lhi < uhi) {
        if (llo != 0)
            lhi++;
        c0 = c0 && clo == 0;
        cup = clo > 500000000 || (clo == 500000000 && cup);
        digits32(g, lhi, chi, uhi, c0, cup, 8);
        g->dp += 9;
    } else {
        char tmp[10];
        int n = 0;
        for (uint32_t v = chi; v > 0; v /= 10)
            tmp[n++] = (char)('0' + v % 10);
        for (int i = 0; i < n; i++)
            g->d[i] = tmp[n - 1 - i];
        g->nd = n;
        digits32(g, llo, clo, ulo, c0, cup, g->nd + 8);
    }
    while (g->nd > 0 && g->d[g->nd - 1] == '0')
        g->nd--;
    int z = 0;
    while (z < g->nd && g->d[z] == '0')
        z++;
    if (z) {
        memmove(g->d, g->d + z, (size_t)(g->nd - z));
        g->nd -= z;
        g->dp -= z;
    }
}

bool pq_ftoa_shortest(double v, pq_ftoa_digits *g)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int be = (int)((bits >> 52) & 0x7ff);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    if (be == 0x7ff)
        return false;
    uint64_t mant = be ? frac | (UINT64_C(1) << 52) : frac;
    int exp = be ? be - 1075 : -1074;
    if (mant == 0) {
        g->nd = g->dp = 0;
        g->d[0] = 0;
        return true;
    }
    /* An integer with no more bits than the mantissa: its own digits (its neighbours are
     * integers too, so no shorter number reads back). */
    if (exp <= 0 && __builtin_ctzll(mant) >= -exp) {
        mant >>= -exp;
        digits64(g, mant, mant, mant, true, false);
        g->d[g->nd] = 0;
        return true;
    }
    uint64_t ml, mc, mu;
    int e2;
    if (mant != (UINT64_C(1) << 52) || exp == -1074) {
        ml = 2 * mant - 1;
        mc = 2 * mant;
        mu = 2 * mant + 1;
        e2 = exp - 1;
    } else {
        /* a power of two: the neighbour below is half as far */
        ml = 4 * mant - 1;
        mc = 4 * mant;
        mu = 4 * mant + 2;
        e2 = exp - 2;
    }
    if (e2 == 0) {
        digits64(g, ml, mc, mu, true, false);
        g->d[g->nd] = 0;
        return true;
    }
    /* Go's choice: the smallest 10^q above 2^-e2 (floor(-e2 * log10(2)) + 1). */
    int q = floor_log10_pow2(-e2) + 1;
    if (q > MAX_Q || q < -MAX_Q)
        return false;
    u128 p5 = pow5(q < 0 ? -q : q);
    scaled l, c, u;
    if (!scale(ml, e2, q, p5, &l) || !scale(mc, e2, q, p5, &c) || !scale(mu, e2, q, p5, &u))
        return false;
    bool even = (mant & 1) == 0;
    uint64_t dl = l.q, dc = c.q, du = u.q;
    if (u.exact && !even)
        du--;   /* the upper midpoint reads back as the even neighbour */
    if (!(l.exact && even))
        dl++;   /* ceil, or exclusive */
    bool cup = c.half > 0 || (c.half == 0 && (dc & 1));
    digits64(g, dl, dc, du, c.exact, cup);
    g->dp -= q;
    g->d[g->nd] = 0;
    return true;
}
