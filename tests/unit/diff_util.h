/* Shared by the differential tests (test_*_diff.c, new code against old): a
 * random stream and the number of cases. The includer defines DIFF_SEED, the
 * stream's start, before including this. */
#ifndef SOCINV_DIFF_UTIL_H
#define SOCINV_DIFF_UTIL_H

#include <stdint.h>
#include <stdlib.h>

static uint64_t rng = DIFF_SEED;

static uint64_t next(void)
{
    /* splitmix64 */
    uint64_t z = (rng += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number 0..n-1. */
static size_t below(size_t n)
{
    return (size_t)(next() % n);
}

/* SOCINV_DIFF_CASES, or 20000 (a second or so). */
static size_t cases(void)
{
    const char *env = getenv("SOCINV_DIFF_CASES");
    long n = env ? strtol(env, NULL, 10) : 0;
    return n > 0 ? (size_t)n : 20000;
}

#endif
