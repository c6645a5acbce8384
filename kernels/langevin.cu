// Langevin step, batched over replicas: w <- w - eta (grad + lambda w) + sqrt(2 eta T) z, z Gaussian
// number (step * n + i) of the replica's Philox stream, arithmetic in double, weights stored as float;
// then, on the sphere, w <- w sqrt(n) / |w|. grad may be null (no potential besides the weight decay);
// active (one int per replica) may be null (every replica moves), else replicas with active[r] == 0
// are left as they are. Twin: io.dismc.backend.cpu.LangevinStep (same formula, same draws, the same
// sequential sum of squares, so the same floats). Driver: io.dismc.backend.cuda.LangevinDriver.
#include "philox.cuh"

extern "C" __global__ void langevin_step(float *w, const float *grad, const int *active, int n, int replicas,
                                         const unsigned long long *streams, unsigned long long seed,
                                         long long step, double eta, double temperature, double decay) {
    long long total = (long long)n * replicas;
    long long stride = (long long)gridDim.x * blockDim.x;
    double noise = sqrt(2.0 * eta * temperature);
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / n), i = (int)(e % n);
        if (active && !active[r]) continue;
        double wi = (double)w[e];
        double g = grad ? (double)grad[e] : 0.0;
        double z = temperature > 0 ? dismc_gaussian(seed, streams[r], (unsigned long long)step * n + i) : 0.0;
        w[e] = (float)(wi - eta * (g + decay * wi) + noise * z);
    }
}

// Projection on the sphere |w|^2 = n: one block per replica. The sum of squares is the twin's, in
// double and in index order (thread 0; O(n) next to the O(n P) gradient that precedes every step),
// so both backends scale by the same number.
extern "C" __global__ void sphere_project(float *w, const int *active, int n) {
    __shared__ double scale;
    if (active && !active[blockIdx.x]) return;
    float *x = w + (long long)blockIdx.x * n;
    if (threadIdx.x == 0) {
        double acc = 0;
        for (int i = 0; i < n; i++) acc += (double)x[i] * x[i];
        scale = sqrt((double)n / acc);
    }
    __syncthreads();
    for (int i = threadIdx.x; i < n; i += blockDim.x) x[i] = (float)(x[i] * scale);
}
