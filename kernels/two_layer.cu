// The one-hidden-layer network's forward and backward passes, batched over replicas that share one
// dataset (docs/models.md 3.1, 3.3): H = W X^T / sqrt(N), phi = g(H), f = c sum_k a_k phi_k, then with the
// residuals res = dL/df the backward factors B = res a c g'(H) / sqrt(N) and the gradient B X.
// Mirror: io.dismc.twolayer.TwoLayerNetwork.lossAndGradient (same formulas in double; the products
// sum in another order, so results agree to rounding). Activation codes are Activation's ordinals.
#include <stdint.h>

#define TILE 64
#define KCHUNK 16

// C_r (m x p) = A_r (m x d) B^T for B (p x d) shared by all replicas; row-major, A_r at a + r strideA
// with row stride lda, C_r at c + r strideC with row stride ldc. Grid: x over column tiles, y over
// replicas x row tiles (replica = firstReplica + blockIdx.y / rowTiles; the host splits batches whose
// grid would exceed 65535 in y). 16 x 16 threads, 4 x 4 outputs each.
extern "C" __global__ void matmul_nt(const double *a, long long strideA, int lda, const double *b, double *c,
                                     long long strideC, int ldc, int m, int d, int p, int rowTiles, int firstReplica) {
    __shared__ double as[KCHUNK][TILE + 1];  // as[k][row]
    __shared__ double bs[KCHUNK][TILE + 1];  // bs[k][col]
    long long replica = firstReplica + blockIdx.y / rowTiles;
    a += replica * strideA;
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
            as[k][r] = (row0 + r < m && gk < d) ? a[(long long)(row0 + r) * lda + gk] : 0.0;
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

// h <- h inv (the pre-activation), phi = g(h), dphi = g'(h), over count entries.
extern "C" __global__ void two_layer_activate(int g, double *h, double *phi, double *dphi, long long count, double inv) {
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < count; e += stride) {
        double x = h[e] * inv;
        h[e] = x;
        phi[e] = activation_g(g, x);
        dphi[e] = activation_derivative(g, x);
    }
}

// f_r^mu = sum_u (a_u c) phi_r[u][mu], one thread per (replica, mu); a_u = w_r[k n + u] when the readout
// is trained, else 1. Weights of replica r start at w + r dim.
extern "C" __global__ void two_layer_output(const double *phi, const double *w, long long dim, int trained, int k, int n,
                                            int p, int replicas, double scale, double *f) {
    long long total = (long long)replicas * p;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / p), mu = (int)(e % p);
        const double *ph = phi + (long long)r * k * p + mu;
        double s = 0.0;
        for (int u = 0; u < k; u++) {
            double a = trained ? w[r * dim + (long long)k * n + u] : 1.0;
            s += a * scale * ph[(long long)u * p];
        }
        f[e] = s;
    }
}

// One warp per (replica, unit u): back_r[u][mu] = res_r^mu (a_u c) g'(h) inv, and when the readout is
// trained its gradient sum_mu res_r^mu c phi_r[u][mu] into grad_r[k n + u] (replica r's gradient at grad + r dim).
extern "C" __global__ void two_layer_backward(const double *res, const double *phi, const double *dphi, const double *w,
                                              long long dim, int trained, int k, int n, int p, int replicas, double scale,
                                              double inv, double *back, double *grad) {
    int lane = threadIdx.x & 31;
    long long warps = (long long)gridDim.x * blockDim.x / 32;
    for (long long wid = (blockIdx.x * (long long)blockDim.x + threadIdx.x) / 32; wid < (long long)replicas * k; wid += warps) {
        int r = (int)(wid / k), u = (int)(wid % k);
        double ac = (trained ? w[r * dim + (long long)k * n + u] : 1.0) * scale;
        long long row = wid * p;
        double ga = 0.0;
        for (int mu = lane; mu < p; mu += 32) {
            double rm = res[(long long)r * p + mu];
            back[row + mu] = rm * ac * dphi[row + mu] * inv;
            ga += rm * scale * phi[row + mu];
        }
        for (int off = 16; off > 0; off >>= 1) ga += __shfl_down_sync(0xffffffffu, ga, off);
        if (trained && lane == 0) grad[r * dim + (long long)k * n + u] = ga;
    }
}
