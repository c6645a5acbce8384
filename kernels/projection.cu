// Patterns from features, for a stack of instances (blockIdx.z is the instance): sign(F C), exact in
// double when the inputs lie on the exact-projection grids (docs/models.md 5.6); and sparse mixtures
// sign(sum_q w_q F[:, k_q]) summed in q order. F: n x d row-major (int8 spins or doubles), C: d x p
// row-major, out: n x p int8, sign(0) = +1. Tiles of 64 x 64 outputs per 16 x 16 threads (4 x 4 each).
// Driver: io.dismc.backend.cuda.ProjectionDriver. CPU twin: io.dismc.backend.cpu.SignProjection.
#include <stdint.h>

#define TILE 64
#define KCHUNK 16

template <typename T>
__device__ __forceinline__ void project_tile(const T *f, const double *c, int8_t *out, int n, int d, int p) {
    // instance blockIdx.z of the stack
    f += (long long)blockIdx.z * n * d;
    c += (long long)blockIdx.z * d * p;
    out += (long long)blockIdx.z * n * p;
    __shared__ double fs[KCHUNK][TILE + 1];  // fs[k][row]
    __shared__ double cs[KCHUNK][TILE];      // cs[k][col]
    int tx = threadIdx.x, ty = threadIdx.y;  // 16 x 16
    int row0 = blockIdx.y * TILE, col0 = blockIdx.x * TILE;
    double acc[4][4];
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) acc[a][b] = 0.0;
    int tid = ty * 16 + tx;
    for (int k0 = 0; k0 < d; k0 += KCHUNK) {
        // 256 threads load 16 x 64 of F (transposed into fs) and 16 x 64 of C
        for (int e = tid; e < KCHUNK * TILE; e += 256) {
            int r = e / KCHUNK, k = e % KCHUNK;  // consecutive threads walk k: F rows are contiguous in k
            int gr = row0 + r, gk = k0 + k;
            fs[k][r] = (gr < n && gk < d) ? (double)f[(long long)gr * d + gk] : 0.0;
            int kk = e / TILE, cc = e % TILE;
            int gc = col0 + cc, gk2 = k0 + kk;
            cs[kk][cc] = (gk2 < d && gc < p) ? c[(long long)gk2 * p + gc] : 0.0;
        }
        __syncthreads();
        for (int k = 0; k < KCHUNK; k++) {
            double fr[4], cr[4];
            for (int a = 0; a < 4; a++) fr[a] = fs[k][ty + 16 * a];
            for (int b = 0; b < 4; b++) cr[b] = cs[k][tx + 16 * b];
            for (int a = 0; a < 4; a++)
                for (int b = 0; b < 4; b++) acc[a][b] = fma(fr[a], cr[b], acc[a][b]);
        }
        __syncthreads();
    }
    for (int a = 0; a < 4; a++) {
        int gr = row0 + ty + 16 * a;
        if (gr >= n) continue;
        for (int b = 0; b < 4; b++) {
            int gc = col0 + tx + 16 * b;
            if (gc < p) out[(long long)gr * p + gc] = acc[a][b] >= 0.0 ? 1 : -1;
        }
    }
}

extern "C" __global__ void sign_projection_spins(const int8_t *f, const double *c, int8_t *out, int n, int d, int p) {
    project_tile<int8_t>(f, c, out, n, d, p);
}

extern "C" __global__ void sign_projection_real(const double *f, const double *c, int8_t *out, int n, int d, int p) {
    project_tile<double>(f, c, out, n, d, p);
}

// Sparse mixtures: out[i, mu] = sign(sum_q w[mu l + q] f[i, k[mu l + q]]), the sum in q order, for
// instance blockIdx.y (chosen and weights are p x l per instance); a grid-stride loop over (i, mu).
template <typename T>
__device__ __forceinline__ void mix(const T *f, const int *chosen, const double *weights, int8_t *out, int n, int d, int p, int l) {
    long long b = blockIdx.y;
    f += b * n * d;
    chosen += b * p * l;
    weights += b * p * l;
    out += b * n * p;
    long long total = (long long)n * p;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int i = (int)(e / p), mu = (int)(e % p);
        double field = 0.0;
        for (int q = 0; q < l; q++) {
            field += weights[mu * l + q] * (double)f[(long long)i * d + chosen[mu * l + q]];
        }
        out[e] = field >= 0.0 ? 1 : -1;
    }
}

extern "C" __global__ void sparse_mixtures_spins(const int8_t *f, const int *chosen, const double *weights, int8_t *out, int n, int d,
                                                 int p, int l) {
    mix<int8_t>(f, chosen, weights, out, n, d, p, l);
}

extern "C" __global__ void sparse_mixtures_real(const double *f, const int *chosen, const double *weights, int8_t *out, int n, int d,
                                                int p, int l) {
    mix<double>(f, chosen, weights, out, n, d, p, l);
}

// After cuBLAS: out[i] = sign(values[i]); values is the n x p product in row-major order.
extern "C" __global__ void sign_of(const double *values, int8_t *out, long long count) {
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count; i += stride) {
        out[i] = values[i] >= 0.0 ? 1 : -1;
    }
}

// Before cuBLAS: +-1 bytes as doubles.
extern "C" __global__ void spins_to_double(const int8_t *in, double *out, long long count) {
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count; i += stride) {
        out[i] = (double)in[i];
    }
}
