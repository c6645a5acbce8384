// Langevin step, batched over replicas: w <- w - eta (grad + lambda w) + sqrt(2 eta T) z, z Gaussian
// number (step * n + i) of the replica's Philox stream, arithmetic in double, weights stored as float.
// Mirror: io.dismc.dynamics.LangevinStep (same formula, same draws).
#include "philox.cuh"

extern "C" __global__ void langevin_step(float *w, const float *grad, int hasGrad, int n, int replicas,
                                         const unsigned long long *streams, unsigned long long seed,
                                         long long step, double eta, double temperature, double decay) {
    long long total = (long long)n * replicas;
    long long stride = (long long)gridDim.x * blockDim.x;
    double noise = sqrt(2.0 * eta * temperature);
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / n), i = (int)(e % n);
        double wi = (double)w[e];
        double g = hasGrad ? (double)grad[e] : 0.0;
        double z = temperature > 0 ? dismc_gaussian(seed, streams[r], (unsigned long long)step * n + i) : 0.0;
        w[e] = (float)(wi - eta * (g + decay * wi) + noise * z);
    }
}

// Projection on the sphere |w|^2 = n: one block per replica, sum of squares in double.
extern "C" __global__ void sphere_project(float *w, int n) {
    __shared__ double partial[1024];
    float *x = w + (long long)blockIdx.x * n;
    double acc = 0;
    for (int i = threadIdx.x; i < n; i += blockDim.x) acc += (double)x[i] * x[i];
    partial[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x >> 1; s > 0; s >>= 1) {
        if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        __syncthreads();
    }
    double scale = sqrt((double)n / partial[0]);
    for (int i = threadIdx.x; i < n; i += blockDim.x) x[i] = (float)(x[i] * scale);
}
