// Simulated annealing of binary perceptrons, batched over replicas, each on its own instance
// (instance[r] selects its labelled inputs in the stack). Driver: io.dismc.backend.cuda.AnnealDriver.
// CPU twin: io.dismc.backend.cpu.BinaryAnnealing.
#include "sweep.cuh"

// Fields h^mu = w . xi^mu of every replica (xi: n x p site-major +-1 inputs with labels folded in).
// grid.x covers p, grid.y = replica.
extern "C" __global__ void anneal_fields(int n, int p, const int8_t *xi, const int *instance, const int8_t *weights, int *fields) {
    int r = blockIdx.y;
    const int8_t *x = xi + (long long)instance[r] * n * p;
    const int8_t *w = weights + (long long)r * n;
    int mu = blockIdx.x * blockDim.x + threadIdx.x;
    if (mu >= p) return;
    long long acc = 0;
    for (int j = 0; j < n; j++) acc += (int)x[(long long)j * p + mu] * w[j];
    fields[(long long)r * p + mu] = (int)acc;
}

// The pattern form of async_sweep.cu with the perceptron's decision. Sites are the N weights, fields the P integer fields
// h^mu = w . xi^mu (set by anneal_fields). A flip of w_i changes the
// number k of violated constraints (h^mu < threshold = kappa sqrt(N)) and the sum s of their fields;
// both changes are exact integer block reductions, and dE = dk (r = 0) or (dk thr - ds) / sqrt(N)
// (r = 1). Metropolis at beta_t; stop when no constraint is violated. One block per replica.
extern "C" __global__ void perceptron_anneal(int n, int p, const int8_t *xi, const int *instance, int8_t *weights, int *fields, int *perm,
                                             const unsigned long long *streams, unsigned long long seed,
                                             int sweep0, int sweepCount, int maxSweeps, double beta0, double beta1,
                                             double threshold, int energyExponent, double sqrtN, int *energyOut,
                                             long long *stepsTotal) {
    __shared__ long long scratch[MAX_WARPS];
    __shared__ int decision;
    __shared__ int energy;
    int r = blockIdx.x;
    int tid = threadIdx.x, bd = blockDim.x;
    xi += (long long)instance[r] * n * p;
    int8_t *w = weights + (long long)r * n;
    int *f = fields + (long long)r * p;
    int *order = perm + (long long)r * n;
    unsigned long long stream = streams[r];

    long long part = 0;
    for (int mu = tid; mu < p; mu += bd) part += ((double)f[mu] < threshold) ? 1 : 0;
    long long e0 = block_sum(part, scratch);
    if (tid == 0) energy = (int)e0;
    __syncthreads();
    for (int t = sweep0; t < sweep0 + sweepCount && t < maxSweeps && energy > 0; t++) {
        unsigned long long base = 4ull * (unsigned long long)n * (unsigned long long)t;
        double beta = maxSweeps == 1 ? beta0 : beta0 + (beta1 - beta0) * t / (maxSweeps - 1);
        sweep_permutation(order, n, seed, stream, base);
        for (int pos = 0; pos < n && energy > 0; pos++) {
            int i = order[pos];
            int step = -2 * w[i];
            const int8_t *x = xi + (long long)i * p;
            long long d = 0, ds = 0;
            for (int mu = tid; mu < p; mu += bd) {
                int hAfter = f[mu] + step * x[mu];
                int before = ((double)f[mu] < threshold) ? 1 : 0;
                int after = ((double)hAfter < threshold) ? 1 : 0;
                d += after - before;
                ds += (after ? hAfter : 0) - (before ? f[mu] : 0);
            }
            long long delta = block_sum(d, scratch);
            long long deltaSum = block_sum(ds, scratch);
            if (tid == 0) {
                stepsTotal[r] += 1;
                double dE = energyExponent == 0 ? (double)delta : ((double)delta * threshold - (double)deltaSum) / sqrtN;
                double u = acceptance_uniform(seed, stream, base, n, pos);
                if (dE <= 0 || u < exp(-beta * dE)) {
                    w[i] = (int8_t)(-w[i]);
                    energy += (int)delta;
                    decision = step;
                } else {
                    decision = 0;
                }
            }
            __syncthreads();
            int st = decision;
            if (st != 0) {
                for (int mu = tid; mu < p; mu += bd) f[mu] += st * x[mu];
            }
            __syncthreads();
        }
    }
    if (tid == 0) energyOut[r] = energy;
}
