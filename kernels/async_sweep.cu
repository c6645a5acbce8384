// Batched asynchronous Hopfield dynamics: one thread block per replica, exact asynchronous semantics.
// Mirrors io.dismc.dynamics.AsynchronousDynamics and SweepSchedule step for step: the same permutation
// (Fisher-Yates from the identity with words 4Nt + q), the same decision per position (T = 0: sign,
// ties keep the spin; T > 0: Glauber or Metropolis against the double uniform from words
// 4Nt + 2N + 2pos, +1), the same integer fields (PatternFormField / JFormField), hence the same
// trajectory as the Java backend. Integer sums are exact in any order, so the block reductions
// change nothing.
//
// form 0 (pattern): state = integer overlaps M (replicas x p), N h_i = xi_i . M - p s_i
// form 1 (J):       state = field numerators h (replicas x n), N J in int16 (n x n)
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

// Fields from scratch for every replica: M = xi^T s (form 0) or h = J s (form 1).
// grid.x covers the state length (p or n), grid.y = replica.
extern "C" __global__ void init_state(int form, int n, int p, const int8_t *xi, const int16_t *jn,
                                     const int8_t *spins, int *state) {
    int r = blockIdx.y;
    const int8_t *s = spins + (long long)r * n;
    int len = form == 0 ? p : n;
    int e = blockIdx.x * blockDim.x + threadIdx.x;
    if (e >= len) return;
    long long acc = 0;
    if (form == 0) {
        for (int j = 0; j < n; j++) acc += (int)xi[(long long)j * p + e] * s[j];
    } else {
        for (int k = 0; k < n; k++) acc += (int)jn[(long long)k * n + e] * s[k];  // J symmetric: column e = row e
    }
    state[(long long)r * len + e] = (int)acc;
}

extern "C" __global__ void async_sweeps(int form, int n, int p, const int8_t *xi, const int16_t *jn,
                                        int8_t *spins, int *state, int *perm,
                                        const unsigned long long *streams, unsigned long long seed,
                                        int sweep0, int sweepCount, double temperature, int metropolis,
                                        int stopAtFixedPoint, int *sweepsDone, int *converged,
                                        long long *flipsTotal, long long *spinTimesField) {
    __shared__ long long scratch[MAX_WARPS];
    __shared__ int decision;  // new spin of the current site, 0 for no flip
    __shared__ int sweepFlips;
    __shared__ int done;
    int r = blockIdx.x;
    int tid = threadIdx.x, bd = blockDim.x;
    int8_t *s = spins + (long long)r * n;
    int len = form == 0 ? p : n;
    int *st = state + (long long)r * len;
    int *order = perm + (long long)r * n;
    unsigned long long stream = streams[r];
    double beta = temperature > 0 ? 1.0 / temperature : 0.0;
    double invN = 1.0 / n;

    if (tid == 0) done = converged[r];
    __syncthreads();
    for (int t = sweep0; t < sweep0 + sweepCount && !done; t++) {
        unsigned long long base = 4ull * (unsigned long long)n * (unsigned long long)t;
        sweep_permutation(order, n, seed, stream, base);
        if (tid == 0) sweepFlips = 0;
        __syncthreads();
        for (int pos = 0; pos < n; pos++) {
            int i = order[pos];
            long long h;
            if (form == 0) {
                long long part = 0;
                const int8_t *x = xi + (long long)i * p;
                for (int mu = tid; mu < p; mu += bd) part += (int)x[mu] * st[mu];
                h = block_sum(part, scratch) - (long long)p * s[i];
            } else {
                h = st[i];
            }
            if (tid == 0) {
                int si = s[i], next;
                if (temperature == 0.0) {
                    next = h > 0 ? 1 : (h < 0 ? -1 : si);
                } else {
                    double u = acceptance_uniform(seed, stream, base, n, pos);
                    double hh = (double)h * invN;
                    if (metropolis) {
                        double dE = 2.0 * si * hh;
                        next = (dE <= 0 || u < exp(-beta * dE)) ? -si : si;
                    } else {
                        double pUp = 1.0 / (1.0 + exp(-2.0 * beta * hh));
                        next = u < pUp ? 1 : -1;
                    }
                }
                if (next != si) {
                    s[i] = (int8_t)next;
                    sweepFlips++;
                    decision = next;
                } else {
                    decision = 0;
                }
            }
            __syncthreads();
            int d = decision;
            if (d != 0) {
                int step = 2 * d;
                if (form == 0) {
                    const int8_t *x = xi + (long long)i * p;
                    for (int mu = tid; mu < p; mu += bd) st[mu] += step * x[mu];
                } else {
                    const int16_t *row = jn + (long long)i * n;
                    for (int k = tid; k < n; k += bd) st[k] += step * row[k];
                }
            }
            __syncthreads();
        }
        if (tid == 0) {
            sweepsDone[r] = t + 1;
            flipsTotal[r] += sweepFlips;
            if (sweepFlips == 0 && temperature == 0.0 && stopAtFixedPoint) {
                converged[r] = 1;
                done = 1;
            }
        }
        __syncthreads();
    }
    // sum_i s_i (N h_i): pattern form sum M^2 - N P, J form sum s_i h_i
    long long part = 0;
    if (form == 0) {
        for (int mu = tid; mu < p; mu += bd) part += (long long)st[mu] * st[mu];
    } else {
        for (int k = tid; k < n; k += bd) part += (long long)s[k] * st[k];
    }
    long long total = block_sum(part, scratch);
    if (tid == 0) spinTimesField[r] = form == 0 ? total - (long long)n * p : total;
}

// Simulated annealing of binary perceptrons (mirror: io.dismc.perceptron.BinaryAnnealing): the pattern
// form above with the perceptron's decision. Sites are the N weights, fields the P integer fields
// h^mu = w . xi^mu (set by init_state with form 0 and the weights as spins). A flip of w_i changes the
// number k of violated constraints (h^mu < threshold = kappa sqrt(N)) and the sum s of their fields;
// both changes are exact integer block reductions, and dE = dk (r = 0) or (dk thr - ds) / sqrt(N)
// (r = 1). Metropolis at beta_t; stop when no constraint is violated. One block per replica.
extern "C" __global__ void perceptron_anneal(int n, int p, const int8_t *xi, int8_t *weights, int *fields, int *perm,
                                             const unsigned long long *streams, unsigned long long seed,
                                             int sweep0, int sweepCount, int maxSweeps, double beta0, double beta1,
                                             double threshold, int energyExponent, double sqrtN, int *energyOut,
                                             long long *stepsTotal) {
    __shared__ long long scratch[MAX_WARPS];
    __shared__ int decision;
    __shared__ int energy;
    int r = blockIdx.x;
    int tid = threadIdx.x, bd = blockDim.x;
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
