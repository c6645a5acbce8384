// Helpers shared by the sweep kernels (async_sweep.cu, anneal.cu): exact block reductions, the sweep's
// permutation and the acceptance uniforms, as io.dismc.rng.SweepSchedule defines them.
#ifndef DISMC_SWEEP_CUH
#define DISMC_SWEEP_CUH

#include "philox.cuh"

#define MAX_WARPS 32

__device__ __forceinline__ long long block_sum(long long v, long long *scratch) {
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    __syncthreads();  // scratch may still be read by a previous call
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    long long total = 0;
    if (threadIdx.x == 0) {
        int warps = (blockDim.x + 31) >> 5;
        for (int w = 0; w < warps; w++) total += scratch[w];
    }
    return total;  // valid in thread 0 only
}

// The sweep's permutation (SweepSchedule): identity, then Fisher-Yates by thread 0 with words base + q.
// Called by the whole block; order is visible to every thread on return.
__device__ __forceinline__ void sweep_permutation(int *order, int n, unsigned long long seed, unsigned long long stream,
                                                  unsigned long long base) {
    for (int i = threadIdx.x; i < n; i += blockDim.x) order[i] = i;
    __syncthreads();
    if (threadIdx.x == 0) {
        dismc_u32x4 w;
        unsigned long long cached = ~0ull;
        for (int q = 0; q < n - 1; q++) {
            unsigned long long word = base + (unsigned long long)q;
            if ((word >> 2) != cached) { cached = word >> 2; w = dismc_block(seed, stream, cached); }
            int i = n - 1 - q;
            int jj = (int)dismc_below(w.v[word & 3], (uint32_t)(i + 1));
            int tmp = order[i]; order[i] = order[jj]; order[jj] = tmp;
        }
    }
    __syncthreads();
}

// The double uniform deciding position pos of the sweep starting at word base (words base + 2n + 2pos, +1).
__device__ __forceinline__ double acceptance_uniform(unsigned long long seed, unsigned long long stream,
                                                     unsigned long long base, int n, int pos) {
    unsigned long long word = base + 2ull * n + 2ull * pos;  // lo word; hi = word + 1, same block
    dismc_u32x4 w = dismc_block(seed, stream, word >> 2);
    int q = (int)(word & 3);
    return dismc_unit_double(w.v[q], w.v[q + 1]);
}

#endif
