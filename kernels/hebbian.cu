// Hebbian numerators N J_ij = sum_mu xi_i^mu xi_j^mu, exact: patterns packed into 64-bit words (bit set
// for +1), N J_ij = P - 2 popcount(b_i XOR b_j), int32 counts, stored as int16, diagonal 0.
// For a stack of instances: blockIdx.z (pack_spins: blockIdx.y) is the instance.
// Driver: io.dismc.backend.cuda.HebbianDriver. CPU twin: io.dismc.backend.cpu.HebbianProduct.
#include <stdint.h>

// bits[i * words + w] from xi (n x p site-major); one thread per word
extern "C" __global__ void pack_spins(const int8_t *xi, unsigned long long *bits, int n, int p, int words) {
    long long total = (long long)n * words;
    xi += (long long)blockIdx.y * n * p;
    bits += (long long)blockIdx.y * total;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int i = (int)(e / words), w = (int)(e % words);
        unsigned long long v = 0;
        int mu0 = w * 64;
        for (int b = 0; b < 64 && mu0 + b < p; b++) {
            if (xi[(long long)i * p + mu0 + b] > 0) v |= 1ull << b;
        }
        bits[e] = v;
    }
}

#define HT 32     // tile of 32 x 32 couplings per block
#define HW 32     // words per shared-memory chunk

// block (32 x 8 threads) computes the tile rows blockIdx.y*32.., columns blockIdx.x*32..
extern "C" __global__ void hebbian_popcount(const unsigned long long *bits, int16_t *j, int n, int p, int words) {
    __shared__ unsigned long long a[HT][HW + 1];
    __shared__ unsigned long long b[HT][HW + 1];
    int tx = threadIdx.x, ty = threadIdx.y;
    int row0 = blockIdx.y * HT, col0 = blockIdx.x * HT;
    bits += (long long)blockIdx.z * n * words;
    j += (long long)blockIdx.z * n * n;
    int count[4] = {0, 0, 0, 0};
    for (int w0 = 0; w0 < words; w0 += HW) {
        for (int r = ty; r < HT; r += 8) {
            int w = w0 + tx;
            int gi = row0 + r, gj = col0 + r;
            a[r][tx] = (gi < n && w < words) ? bits[(long long)gi * words + w] : 0ull;
            b[r][tx] = (gj < n && w < words) ? bits[(long long)gj * words + w] : 0ull;
        }
        __syncthreads();
        for (int w = 0; w < HW; w++) {
            unsigned long long bj = b[tx][w];
            for (int q = 0; q < 4; q++) count[q] += __popcll(a[ty + 8 * q][w] ^ bj);
        }
        __syncthreads();
    }
    int gj = col0 + tx;
    if (gj >= n) return;
    for (int q = 0; q < 4; q++) {
        int gi = row0 + ty + 8 * q;
        if (gi < n) j[(long long)gi * n + gj] = gi == gj ? 0 : (int16_t)(p - 2 * count[q]);
    }
}
