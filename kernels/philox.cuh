// Philox4x32-10 (Random123, Salmon et al. SC11) and dismc's conversions, for CUDA kernels and for the
// C benchmark alike. Mirrors io.dismc.rng.Philox4x32 and io.dismc.rng.RandomStream bit for bit:
//   key = (seed lo, seed hi), counter = (block lo, block hi, stream lo, stream hi)
//   word j = word (j & 3) of block j >> 2; spin j = bit (j & 31) of word j >> 5 (1 -> +1, 0 -> -1)
//   below(w, n) = (w * n) >> 32; double uniform from (lo, hi) = (hi:lo >> 11) * 2^-53
#ifndef DISMC_PHILOX_CUH
#define DISMC_PHILOX_CUH

#include <stdint.h>

#ifdef __CUDACC__
#define DISMC_HD __host__ __device__ __forceinline__
#else
#define DISMC_HD static inline
#endif

typedef struct { uint32_t v[4]; } dismc_u32x4;

DISMC_HD dismc_u32x4 dismc_philox(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1) {
#ifdef __CUDACC__
#pragma unroll
#endif
    for (int r = 0; r < 10; r++) {
        if (r > 0) { k0 += 0x9E3779B9u; k1 += 0xBB67AE85u; }
        uint64_t p0 = (uint64_t)0xD2511F53u * c0;
        uint64_t p1 = (uint64_t)0xCD9E8D57u * c2;
        uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
        uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
        c1 = (uint32_t)p1;
        c3 = (uint32_t)p0;
        c0 = n0;
        c2 = n2;
    }
    dismc_u32x4 out = {{c0, c1, c2, c3}};
    return out;
}

/* Block b of stream (seed, stream). */
DISMC_HD dismc_u32x4 dismc_block(uint64_t seed, uint64_t stream, uint64_t b) {
    return dismc_philox((uint32_t)b, (uint32_t)(b >> 32), (uint32_t)stream, (uint32_t)(stream >> 32),
                        (uint32_t)seed, (uint32_t)(seed >> 32));
}

DISMC_HD uint32_t dismc_word(uint64_t seed, uint64_t stream, uint64_t j) {
    return dismc_block(seed, stream, j >> 2).v[j & 3];
}

DISMC_HD uint32_t dismc_below(uint32_t w, uint32_t n) {
    return (uint32_t)(((uint64_t)w * n) >> 32);
}

DISMC_HD double dismc_unit_double(uint32_t lo, uint32_t hi) {
    return (double)((((uint64_t)hi << 32) | lo) >> 11) * 0x1.0p-53;
}

DISMC_HD int dismc_spin(uint64_t seed, uint64_t stream, uint64_t j) {
    return ((dismc_word(seed, stream, j >> 5) >> (j & 31)) & 1u) ? 1 : -1;
}

/* Float uniform in [0,1) from one word: (w >> 8) * 2^-24. */
DISMC_HD float dismc_unit_float(uint32_t w) {
    return (float)(w >> 8) * 0x1.0p-24f;
}

/* The Box-Muller pair of block b: gaussians 2b (cos) and 2b+1 (sin). u1 in (0,1], u2 in [0,1).
   Computed in double; CUDA's log/sin/cos (<= 1-2 ulp) may differ from Java's in the last ulp. */
DISMC_HD void dismc_gaussian_pair(uint64_t seed, uint64_t stream, uint64_t b, double *g0, double *g1) {
    dismc_u32x4 w = dismc_block(seed, stream, b);
    double u1 = (double)(((((uint64_t)w.v[1] << 32) | w.v[0]) >> 11) + 1) * 0x1.0p-53;
    double u2 = dismc_unit_double(w.v[2], w.v[3]);
    double r = sqrt(-2.0 * log(u1));
    double theta = 2.0 * 3.141592653589793 * u2;
    *g0 = r * cos(theta);
    *g1 = r * sin(theta);
}

DISMC_HD double dismc_gaussian(uint64_t seed, uint64_t stream, uint64_t j) {
    double g0, g1;
    dismc_gaussian_pair(seed, stream, j >> 1, &g0, &g1);
    return (j & 1) ? g1 : g0;
}

#endif
