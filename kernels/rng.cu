// Bulk random fills of stacks of matrices: the same draws as io.dismc.rng.RandomStream (see philox.cuh),
// one Philox block per thread, grid-stride loops; blockIdx.y is the matrix, drawn from its own stream.
// Driver: io.dismc.backend.cuda.RngDriver. CPU twin: io.dismc.backend.cpu.RandomFills.
#include "philox.cuh"

// out[i] = word (first + i), i < count
extern "C" __global__ void philox_words(uint64_t seed, uint64_t stream, uint64_t first, long long count, uint32_t *out) {
    long long stride = (long long)gridDim.x * blockDim.x;
    // thread t owns block (first >> 2) + t and writes the words of that block that fall in range
    for (long long t = blockIdx.x * (long long)blockDim.x + threadIdx.x;; t += stride) {
        uint64_t b = (first >> 2) + (uint64_t)t;
        long long j0 = (long long)(b << 2) - (long long)first;  // index in out of the block's word 0
        if (j0 >= count) break;
        dismc_u32x4 w = dismc_block(seed, stream, b);
        for (int q = 0; q < 4; q++) {
            long long j = j0 + q;
            if (j >= 0 && j < count) out[j] = w.v[q];
        }
    }
}

// matrix b: out[b * count + i] = spin i of stream streams[b] as +-1 bytes
extern "C" __global__ void philox_spins(uint64_t seed, const uint64_t *streams, long long count, int8_t *out) {
    long long stride = (long long)gridDim.x * blockDim.x;
    long long words = (count + 31) >> 5;
    uint64_t stream = streams[blockIdx.y];
    int8_t *o = out + (long long)blockIdx.y * count;
    for (long long t = blockIdx.x * (long long)blockDim.x + threadIdx.x; t < words; t += stride) {
        uint32_t w = dismc_word(seed, stream, (uint64_t)t);
        long long j0 = t << 5;
        for (int q = 0; q < 32 && j0 + q < count; q++) o[j0 + q] = ((w >> q) & 1u) ? 1 : -1;
    }
}

// matrix b: out[b * count + i] = gaussian i of stream streams[b]
extern "C" __global__ void philox_gaussians(uint64_t seed, const uint64_t *streams, long long count, double *out) {
    long long stride = (long long)gridDim.x * blockDim.x;
    long long pairs = (count + 1) >> 1;
    uint64_t stream = streams[blockIdx.y];
    double *o = out + (long long)blockIdx.y * count;
    for (long long t = blockIdx.x * (long long)blockDim.x + threadIdx.x; t < pairs; t += stride) {
        double g0, g1;
        dismc_gaussian_pair(seed, stream, (uint64_t)t, &g0, &g1);
        o[2 * t] = g0;
        if (2 * t + 1 < count) o[2 * t + 1] = g1;
    }
}

// values[i] = rint(values[i] / step) * step: the exact-projection grid (step is a power of two: exact)
extern "C" __global__ void snap_to_grid(double *values, long long count, double step) {
    long long stride = (long long)gridDim.x * blockDim.x;
    double inv = 1.0 / step;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count; i += stride) {
        values[i] = rint(values[i] * inv) * step;
    }
}

// values[i] = sign(values[i]) as +-1.0, sign(0) = +1 (binary latents)
extern "C" __global__ void binarize(double *values, long long count) {
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count; i += stride) {
        values[i] = values[i] >= 0.0 ? 1.0 : -1.0;
    }
}

// --rng curand: 32-bit words from cuRAND to +-1 bytes (bit 0 of each word).
extern "C" __global__ void words_to_spins(const uint32_t *words, long long count, int8_t *out) {
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count; i += stride) {
        out[i] = (words[i] & 1u) ? 1 : -1;
    }
}
