// The one-hidden-layer network's training step, batched over replicas (docs/models.md 3.1, 3.3), with
// every array resident on the device for a whole run: H = W X^T, then per example the pre-activations
// h = H / sqrt(N), phi = g(h), g'(h), the output f = c sum_k a_k phi_k and the error e = y - f; the
// backward factors B = (-e/P) a c g'(h) / sqrt(N) and the gradient B X; the gradient assembly (elastic
// term, muP hidden factor, rounding to float) before kernels/langevin.cu takes the step; SGD minibatch
// rows drawn from the replica's Philox stream; the losses and a packed snapshot at recorded times.
// Twin: io.dismc.backend.cpu.TwoLayerPasses (same formulas in double; the products and the readout
// gradient sum in another order, so values agree to rounding). Driver: io.dismc.backend.cuda.TwoLayerDriver.
// Activation codes are io.dismc.backend.ActivationFunction's ordinals.
#include <stdint.h>

#include "philox.cuh"

#define TILE 64
#define KCHUNK 16

// C_r (m x p) = A_r (m x d) B_r^T for B_r (p x d); row-major, A_r at a + r strideA with row stride lda,
// B_r at b + r strideB (0: one B shared by every replica), C_r at c + r strideC with row stride ldc.
// Grid: x over column tiles, y over replicas x row tiles (replica = firstReplica + blockIdx.y / rowTiles;
// the host splits batches whose grid would exceed 65535 in y). 16 x 16 threads, 4 x 4 outputs each.
template <typename TA>
__device__ __forceinline__ void matmul_nt_body(const TA *a, long long strideA, int lda, const double *b, long long strideB,
                                               double *c, long long strideC, int ldc, int m, int d, int p, int rowTiles,
                                               int firstReplica) {
    __shared__ double as[KCHUNK][TILE + 1];  // as[k][row]
    __shared__ double bs[KCHUNK][TILE + 1];  // bs[k][col]
    long long replica = firstReplica + blockIdx.y / rowTiles;
    a += replica * strideA;
    b += replica * strideB;
    c += replica * strideC;
    int tx = threadIdx.x, ty = threadIdx.y;
    int row0 = (blockIdx.y % rowTiles) * TILE, col0 = blockIdx.x * TILE;
    int tid = ty * 16 + tx;
    double acc[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) acc[i][j] = 0.0;
    for (int k0 = 0; k0 < d; k0 += KCHUNK) {
        // consecutive threads walk k: rows of A and of B are contiguous in k
        for (int e = tid; e < KCHUNK * TILE; e += 256) {
            int r = e / KCHUNK, k = e % KCHUNK, gk = k0 + k;
            as[k][r] = (row0 + r < m && gk < d) ? (double)a[(long long)(row0 + r) * lda + gk] : 0.0;
            bs[k][r] = (col0 + r < p && gk < d) ? b[(long long)(col0 + r) * d + gk] : 0.0;
        }
        __syncthreads();
        for (int k = 0; k < KCHUNK; k++) {
            double ar[4], br[4];
            for (int i = 0; i < 4; i++) ar[i] = as[k][ty + 16 * i];
            for (int j = 0; j < 4; j++) br[j] = bs[k][tx + 16 * j];
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) acc[i][j] = fma(ar[i], br[j], acc[i][j]);
        }
        __syncthreads();
    }
    for (int i = 0; i < 4; i++) {
        int gr = row0 + ty + 16 * i;
        if (gr >= m) continue;
        for (int j = 0; j < 4; j++) {
            int gc = col0 + tx + 16 * j;
            if (gc < p) c[(long long)gr * ldc + gc] = acc[i][j];
        }
    }
}

// The forward product H = W X^T with the float weights as they are stored.
extern "C" __global__ void matmul_nt_weights(const float *a, long long strideA, int lda, const double *b, long long strideB,
                                             double *c, long long strideC, int ldc, int m, int d, int p, int rowTiles,
                                             int firstReplica) {
    matmul_nt_body<float>(a, strideA, lda, b, strideB, c, strideC, ldc, m, d, p, rowTiles, firstReplica);
}

// The backward product B X (B = X^T as the shared operand).
extern "C" __global__ void matmul_nt(const double *a, long long strideA, int lda, const double *b, long long strideB, double *c,
                                     long long strideC, int ldc, int m, int d, int p, int rowTiles, int firstReplica) {
    matmul_nt_body<double>(a, strideA, lda, b, strideB, c, strideC, ldc, m, d, p, rowTiles, firstReplica);
}

// The same products for a few rows (narrow networks: K <= 4), where a 64-row tile would idle: one thread
// per output entry, its sum the sequential fused multiply-adds in k order, as the tiled kernel's
// (so both give the same bits). Grid-stride over every replica's m x p entries.
template <typename TA>
__device__ __forceinline__ void matmul_nt_rows_body(const TA *a, long long strideA, int lda, const double *b, long long strideB,
                                                    double *c, long long strideC, int ldc, int m, int d, int p, int replicas) {
    long long per = (long long)m * p;
    long long total = per * replicas;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        long long r = e / per;
        int row = (int)(e % per / p), col = (int)(e % p);
        const TA *ar = a + r * strideA + (long long)row * lda;
        const double *br = b + r * strideB + (long long)col * d;
        double acc = 0.0;
        for (int k = 0; k < d; k++) acc = fma((double)ar[k], br[k], acc);
        c[r * strideC + (long long)row * ldc + col] = acc;
    }
}

extern "C" __global__ void matmul_nt_rows_weights(const float *a, long long strideA, int lda, const double *b, long long strideB,
                                                  double *c, long long strideC, int ldc, int m, int d, int p, int replicas) {
    matmul_nt_rows_body<float>(a, strideA, lda, b, strideB, c, strideC, ldc, m, d, p, replicas);
}

extern "C" __global__ void matmul_nt_rows(const double *a, long long strideA, int lda, const double *b, long long strideB, double *c,
                                          long long strideC, int ldc, int m, int d, int p, int replicas) {
    matmul_nt_rows_body<double>(a, strideA, lda, b, strideB, c, strideC, ldc, m, d, p, replicas);
}

__device__ __forceinline__ double activation_g(int g, double h) {
    switch (g) {
        case 0: return h;
        case 1: return erf(h * 0.70710678118654752440);
        case 2: return tanh(h);
        case 3: return h > 0.0 ? h : 0.0;
        default: return h >= 0.0 ? 1.0 : -1.0;
    }
}

__device__ __forceinline__ double activation_derivative(int g, double h) {
    switch (g) {
        case 0: return 1.0;
        case 1: return 0.79788456080286535588 * exp(-h * h / 2);  // sqrt(2/pi) exp(-h^2/2)
        case 2: { double t = tanh(h); return 1.0 - t * t; }
        case 3: return h > 0.0 ? 1.0 : 0.0;
        default: return 0.0;
    }
}

// One thread per (replica, example mu): h = H inv for every unit u, phi = g(h), dphi = g'(h) stored
// (K x P per replica), f = sum_u (a_u c) phi_u summed in u order, and the error e = y^mu - f. a_u is
// w_r[k n + u] when the readout is trained, else 1; replica r's weights start at w + r dim, its
// targets at y + r yStride (0: shared targets).
extern "C" __global__ void two_layer_forward(int g, const double *h, double *phi, double *dphi, const float *w, long long dim,
                                             int trained, int k, int n, int p, int replicas, double scale, double inv,
                                             const double *y, long long yStride, double *err) {
    long long total = (long long)replicas * p;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / p), mu = (int)(e % p);
        long long base = (long long)r * k * p + mu;
        double s = 0.0;
        for (int u = 0; u < k; u++) {
            long long q = base + (long long)u * p;
            double x = h[q] * inv;
            double ph = activation_g(g, x);
            phi[q] = ph;
            dphi[q] = activation_derivative(g, x);
            double a = trained ? (double)w[r * dim + (long long)k * n + u] : 1.0;
            s += a * scale * ph;
        }
        err[e] = y[r * yStride + mu] - s;
    }
}

// One warp per (replica, unit u): with the residual res = -e / P, back_r[u][mu] = res (a_u c) g'(h) inv,
// and when the readout is trained its gradient sum_mu res c phi_r[u][mu] into grad_r[k n + u]
// (replica r's gradient at grad + r dim).
extern "C" __global__ void two_layer_backward(const double *err, const double *phi, const double *dphi, const float *w,
                                              long long dim, int trained, int k, int n, int p, int replicas, double scale,
                                              double inv, double *back, double *grad) {
    int lane = threadIdx.x & 31;
    long long warps = (long long)gridDim.x * blockDim.x / 32;
    for (long long wid = (blockIdx.x * (long long)blockDim.x + threadIdx.x) / 32; wid < (long long)replicas * k; wid += warps) {
        int r = (int)(wid / k), u = (int)(wid % k);
        double ac = (trained ? (double)w[r * dim + (long long)k * n + u] : 1.0) * scale;
        long long row = wid * p;
        double ga = 0.0;
        for (int mu = lane; mu < p; mu += 32) {
            double rm = -err[(long long)r * p + mu] / p;
            back[row + mu] = rm * ac * dphi[row + mu] * inv;
            ga += rm * scale * phi[row + mu];
        }
        for (int off = 16; off > 0; off >>= 1) ga += __shfl_down_sync(0xffffffffu, ga, off);
        if (trained && lane == 0) grad[r * dim + (long long)k * n + u] = ga;
    }
}

// The step's gradient, rounded to float: g + elastic (w - anchor) (the difference taken in float, as the
// twin's float arrays do; only when elastic > 0), times hiddenFactor on the K N hidden weights.
extern "C" __global__ void two_layer_assemble(const double *grad, const float *w, const float *anchor, double elastic,
                                              double hiddenFactor, long long hidden, long long dim, int replicas, float *out) {
    long long total = (long long)replicas * dim;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        double gi = grad[e];
        if (elastic > 0) gi += elastic * (double)(w[e] - anchor[e]);
        out[e] = (float)(e % dim < hidden ? gi * hiddenFactor : gi);
    }
}

// SGD minibatch of step t: one block per (replica r, row q) draws word (2^40 + t b + q) of the replica's
// stream, mu = below(word, P), and copies example mu: xb_r row q (b x n), xbt_r column q (n x b), yb_r[q].
extern "C" __global__ void two_layer_minibatch(const double *x, const double *y, int n, int p, int b, int replicas,
                                               const unsigned long long *streams, unsigned long long seed, long long t,
                                               double *xb, double *xbt, double *yb) {
    for (long long blk = blockIdx.x; blk < (long long)replicas * b; blk += gridDim.x) {
        int r = (int)(blk / b), q = (int)(blk % b);
        unsigned long long j = (1ULL << 40) + (unsigned long long)t * b + q;
        int mu = (int)dismc_below(dismc_word(seed, streams[r], j), (uint32_t)p);
        const double *row = x + (long long)mu * n;
        double *dst = xb + blk * n;
        double *dstT = xbt + (long long)r * n * b + q;
        for (int i = threadIdx.x; i < n; i += blockDim.x) {
            double v = row[i];
            dst[i] = v;
            dstT[(long long)i * b] = v;
        }
        if (threadIdx.x == 0) yb[blk] = y[mu];
    }
}

// The packed snapshot of a recorded time: losses L_r = sum_mu e^2 / (2P) (summed in mu order, one
// thread per replica) as doubles, followed by the float weights, so that one copy brings both back.
extern "C" __global__ void two_layer_snapshot(const double *err, int p, int replicas, const float *w, long long dim,
                                              unsigned char *snapshot) {
    double *loss = (double *)snapshot;
    float *weights = (float *)(snapshot + 8LL * replicas);
    long long total = (long long)replicas * dim;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total || e < replicas; e += stride) {
        if (e < total) weights[e] = w[e];
        if (e < replicas) {
            const double *er = err + e * p;
            double s = 0.0;
            for (int mu = 0; mu < p; mu++) s += er[mu] * er[mu];
            loss[e] = s / (2 * p);
        }
    }
}
