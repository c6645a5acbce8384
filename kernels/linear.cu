// Products of stacks of Gaussian matrices with vectors: AMP's F a and F^T g (docs/models.md 4.6).
// Matrix b is M x N with F_b[mu][i] = gaussian(mu N + i) of stream streams[b] times scale = 1/sqrt(N),
// either stored (filled once by gaussian_fill) or regenerated inside the products from its counter
// address (instance, row, column); both read the same Box-Muller pairs, so they give the same bits.
// The summation orders are those of io.dismc.backend.cpu.MatrixEntries (the CPU twin):
//   (F x)_mu:   8 partial fused multiply-add sums (partial i mod 8, increasing i), combined as
//               ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
//   (F^T y)_i:  fused multiply-adds F_{mu i} y_mu in increasing mu, from 0;
//   squared:    each entry squared (rounded) first.
// Only the active instances run: blockIdx.y indexes the list instances[], whose vectors are packed in
// that order. Driver: io.dismc.backend.cuda.LinearDriver.
#include "philox.cuh"

#define ROWS_PER_BLOCK 64  // 4 threads per row, each owning partials 2q and 2q + 1

// Entries g and g + 1 of a matrix (g + 1 only when has1): one Box-Muller pair when g is even, else two
__device__ __forceinline__ void dismc_entry_pair(uint64_t seed, uint64_t stream, uint64_t g, int has1, double scale, double *e0,
                                                 double *e1) {
    double a0, a1;
    dismc_gaussian_pair(seed, stream, g >> 1, &a0, &a1);
    if ((g & 1) == 0) {
        *e0 = a0 * scale;
        *e1 = has1 ? a1 * scale : 0.0;
    } else {
        double b0, b1;
        *e0 = a1 * scale;
        if (has1) {
            dismc_gaussian_pair(seed, stream, (g >> 1) + 1, &b0, &b1);
            *e1 = b0 * scale;
        } else {
            *e1 = 0.0;
        }
    }
}

// matrix y: out[y * count + e] = gaussian e of stream streams[y] times scale (the stored matrices)
extern "C" __global__ void gaussian_fill(uint64_t seed, const uint64_t *streams, long long count, double scale, double *out) {
    long long stride = (long long)gridDim.x * blockDim.x;
    long long pairs = (count + 1) >> 1;
    uint64_t stream = streams[blockIdx.y];
    double *o = out + (long long)blockIdx.y * count;
    for (long long t = blockIdx.x * (long long)blockDim.x + threadIdx.x; t < pairs; t += stride) {
        double g0, g1;
        dismc_gaussian_pair(seed, stream, (uint64_t)t, &g0, &g1);
        o[2 * t] = g0 * scale;
        if (2 * t + 1 < count) o[2 * t + 1] = g1 * scale;
    }
}

// out[c * m + mu] = (F_b x_c)_mu, b = instances[c]; blocks of 256 threads = 64 rows x 4
extern "C" __global__ void gaussian_rows(const double *f, int stored, uint64_t seed, const uint64_t *streams, const int *instances,
                                         int m, int n, double scale, int squared, const double *x, double *out) {
    __shared__ double partials[ROWS_PER_BLOCK * 8];
    int local = threadIdx.x >> 2;
    int q = threadIdx.x & 3;
    int c = blockIdx.y;
    int b = instances[c];
    long long row = (long long)blockIdx.x * ROWS_PER_BLOCK + local;
    double s0 = 0.0, s1 = 0.0;
    if (row < m) {
        const double *xc = x + (long long)c * n;
        const double *fr = f + ((long long)b * m + row) * n;
        uint64_t stream = streams[b];
        for (int k = 2 * q; k < n; k += 8) {
            int has1 = k + 1 < n;
            double e0, e1;
            if (stored) {
                e0 = fr[k];
                e1 = has1 ? fr[k + 1] : 0.0;
            } else {
                dismc_entry_pair(seed, stream, (uint64_t)row * n + k, has1, scale, &e0, &e1);
            }
            if (squared) {
                e0 = e0 * e0;
                e1 = e1 * e1;
            }
            s0 = fma(xc[k], e0, s0);
            if (has1) s1 = fma(xc[k + 1], e1, s1);
        }
    }
    partials[local * 8 + 2 * q] = s0;
    partials[local * 8 + 2 * q + 1] = s1;
    __syncthreads();
    if (q == 0 && row < m) {
        const double *p = partials + local * 8;
        out[(long long)c * m + row] = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
    }
}

// out[c * n + i] = (F_b^T y_c)_i, b = instances[c]; one thread per pair of columns (2p, 2p + 1)
extern "C" __global__ void gaussian_columns(const double *f, int stored, uint64_t seed, const uint64_t *streams, const int *instances,
                                            int m, int n, double scale, int squared, const double *y, double *out) {
    int c = blockIdx.y;
    int b = instances[c];
    const double *yc = y + (long long)c * m;
    const double *fb = f + (long long)b * m * n;
    uint64_t stream = streams[b];
    long long pairs = ((long long)n + 1) >> 1;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long p = blockIdx.x * (long long)blockDim.x + threadIdx.x; p < pairs; p += stride) {
        long long i = 2 * p;
        int has1 = i + 1 < n;
        double o0 = 0.0, o1 = 0.0;
        for (int mu = 0; mu < m; mu++) {
            double e0, e1;
            if (stored) {
                const double *fr = fb + (long long)mu * n;
                e0 = fr[i];
                e1 = has1 ? fr[i + 1] : 0.0;
            } else {
                dismc_entry_pair(seed, stream, (uint64_t)mu * n + i, has1, scale, &e0, &e1);
            }
            if (squared) {
                e0 = e0 * e0;
                e1 = e1 * e1;
            }
            o0 = fma(e0, yc[mu], o0);
            if (has1) o1 = fma(e1, yc[mu], o1);
        }
        out[(long long)c * n + i] = o0;
        if (has1) out[(long long)c * n + i + 1] = o1;
    }
}
