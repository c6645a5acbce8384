// Replicated SGD of binary perceptrons (docs/models.md 2.2.2), batched over independent runs: one block
// per run, run r on instance instance[r] of the stack. The y replicas of a run interact in turn, so they
// go one after another inside the block; the block's threads share each replica's step over the batch's
// patterns (violation flags) and over the weights (hidden-field update). Driver:
// io.dismc.backend.cuda.RsgdDriver. CPU twin: io.dismc.backend.cpu.ReplicatedSgdRun, whose order of
// operations and draws this follows exactly: fields are exact integers (bit-packed +-1 inputs,
// XOR/popcount), the counts of violated patterns are integers, and each hidden field takes the same two
// double operations in the same order (nvcc -fmad=false), so H agrees value for value. The kick's
// tanh table comes from the host (RsgdSpec.couplingTable), not from the device math library.
#include "sweep.cuh"

#define RSGD_THREADS 128
#define RSGD_STATE 8  // per run: epoch, solved, who, violations, min field, centre min field, fewest violations, spare

__device__ __forceinline__ int rsgd_min(int a, int b) { return a < b ? a : b; }

// Block-wide sum and min over RSGD_THREADS threads, the result in every thread.
__device__ __forceinline__ int rsgd_block_sum(int v, int *red) {
    int tid = threadIdx.x;
    red[tid] = v;
    __syncthreads();
    for (int s = RSGD_THREADS / 2; s > 0; s >>= 1) {
        if (tid < s) red[tid] += red[tid + s];
        __syncthreads();
    }
    int r = red[0];
    __syncthreads();
    return r;
}

__device__ __forceinline__ int rsgd_block_min(int v, int *red) {
    int tid = threadIdx.x;
    red[tid] = v;
    __syncthreads();
    for (int s = RSGD_THREADS / 2; s > 0; s >>= 1) {
        if (tid < s) red[tid] = rsgd_min(red[tid], red[tid + s]);
        __syncthreads();
    }
    int r = red[0];
    __syncthreads();
    return r;
}

// h^mu = w . xi^mu = n - 2 popcount(xi^mu XOR w) (padding bits are 0 in both).
__device__ __forceinline__ int rsgd_field(int n, int words, const unsigned long long *xb, int mu, const unsigned long long *wb) {
    const unsigned long long *x = xb + (long long)mu * words;
    int diff = 0;
    for (int k = 0; k < words; k++) diff += __popcll(x[k] ^ wb[k]);
    return n - 2 * diff;
}

// Violations (h < threshold) and the min field over all patterns of the bit-packed weights wb.
__device__ __forceinline__ void rsgd_evaluate(int n, int p, int words, const unsigned long long *xb, const unsigned long long *wb,
                                              int threshold, int *red, int *viol, int *minField) {
    int v = 0, m = 2147483647;
    for (int mu = threadIdx.x; mu < p; mu += blockDim.x) {
        int h = rsgd_field(n, words, xb, mu, wb);
        v += h < threshold ? 1 : 0;
        m = rsgd_min(m, h);
    }
    *viol = rsgd_block_sum(v, red);
    *minField = rsgd_block_min(m, red);
}

// The CPU twin's check(): the centre sign(S) (sign(0) = -1) first, then replicas 0.. while none solves;
// the reported configuration is the first with strictly fewer violations. Writes the state and the
// reported weights.
__device__ void rsgd_check(int n, int p, int y, int words, const unsigned long long *xb, const int8_t *w,
                           const unsigned long long *wbits, const int *sum, unsigned long long *cbits, int threshold, int *st,
                           int8_t *best, int *red) {
    int tid = threadIdx.x, bd = blockDim.x;
    for (int k = tid; k < words; k += bd) {
        unsigned long long word = 0;
        int i0 = k * 64, end = rsgd_min(n, i0 + 64);
        for (int i = i0; i < end; i++) word |= (sum[i] > 0 ? 1ull : 0ull) << (i - i0);
        cbits[k] = word;
    }
    __syncthreads();
    int viol, mn;
    rsgd_evaluate(n, p, words, xb, cbits, threshold, red, &viol, &mn);
    int who = -1, bestViol = viol, bestMin = mn, centreMin = mn;
    for (int a = 0; a < y && bestViol > 0; a++) {
        rsgd_evaluate(n, p, words, xb, wbits + (long long)a * words, threshold, red, &viol, &mn);
        if (viol < bestViol) {
            bestViol = viol;
            bestMin = mn;
            who = a;
        }
    }
    for (int i = tid; i < n; i += bd) best[i] = who < 0 ? (int8_t)(sum[i] > 0 ? 1 : -1) : w[(long long)who * n + i];
    if (tid == 0) {
        st[1] = bestViol == 0 ? 1 : 0;
        st[2] = who;
        st[3] = bestViol;
        st[4] = bestMin;
        st[5] = centreMin;
        st[6] = rsgd_min(st[6], bestViol);
    }
    __syncthreads();
}

// The shared start (spins 0..n-1 of family member 0) in every replica, H = W, S = y W, and the first check.
extern "C" __global__ void rsgd_start(int n, int p, int y, int words, const unsigned long long *xbits, const int *instance,
                                      const unsigned long long *seeds, const unsigned long long *ids, double *hidden, int8_t *weights,
                                      unsigned long long *wbits, int *sums, unsigned long long *cbits, int threshold, int *state,
                                      int8_t *best) {
    __shared__ int red[RSGD_THREADS];
    int r = blockIdx.x, tid = threadIdx.x, bd = blockDim.x;
    const unsigned long long *xb = xbits + (long long)instance[r] * p * words;
    unsigned long long seed = seeds[r];
    unsigned long long start = ids[(long long)r * (y + 2)];
    double *h = hidden + (long long)r * y * n;
    int8_t *w = weights + (long long)r * y * n;
    unsigned long long *wb = wbits + (long long)r * y * words;
    int *s = sums + (long long)r * n;
    int *st = state + (long long)r * RSGD_STATE;
    for (int i = tid; i < n; i += bd) {
        int v = dismc_spin(seed, start, (unsigned long long)i);
        for (int a = 0; a < y; a++) {
            w[(long long)a * n + i] = (int8_t)v;
            h[(long long)a * n + i] = (double)v;
        }
        s[i] = y * v;
    }
    __syncthreads();
    for (int k = tid; k < words; k += bd) {
        unsigned long long word = 0;
        int i0 = k * 64, end = rsgd_min(n, i0 + 64);
        for (int i = i0; i < end; i++) word |= (w[i] > 0 ? 1ull : 0ull) << (i - i0);
        for (int a = 0; a < y; a++) wb[(long long)a * words + k] = word;
    }
    if (tid == 0) {
        st[0] = 0;
        st[6] = 2147483647;
    }
    __syncthreads();
    rsgd_check(n, p, y, words, xb, w, wb, s, cbits + (long long)r * words, threshold, st, best + (long long)r * n, red);
}

// Epochs e0 .. e0 + count - 1 (below maxEpochs) of every run not yet solved. table holds, per epoch of
// the launch, eta, lambda and the 2y + 1 entries tanh(gamma s), s = -y..y.
extern "C" __global__ void rsgd_epochs(int n, int p, int y, int words, int batch, int batches, int maxEpochs, int e0, int count,
                                       const unsigned long long *xbits, const int *instance, const unsigned long long *seeds,
                                       const unsigned long long *ids, const double *table, double *hidden, int8_t *weights,
                                       unsigned long long *wbits, int *sums, unsigned long long *cbits, int *orders, int *replicaOrders,
                                       int *flags, int threshold, int *state, int8_t *best) {
    __shared__ int red[RSGD_THREADS];
    int r = blockIdx.x, tid = threadIdx.x, bd = blockDim.x;
    const unsigned long long *xb = xbits + (long long)instance[r] * p * words;
    unsigned long long seed = seeds[r];
    const unsigned long long *id = ids + (long long)r * (y + 2);
    double *h = hidden + (long long)r * y * n;
    int8_t *w = weights + (long long)r * y * n;
    unsigned long long *wb = wbits + (long long)r * y * words;
    int *s = sums + (long long)r * n;
    int *order = orders + (long long)r * y * p;
    int *rorder = replicaOrders + (long long)r * y;
    int *flag = flags + (long long)r * p;
    int *st = state + (long long)r * RSGD_STATE;
    int epoch = st[0];
    int solved = st[1];
    while (!solved && epoch < e0 + count && epoch < maxEpochs) {
        const double *tab = table + (long long)(epoch - e0) * (2 * y + 3);
        double eta = tab[0], lambda = tab[1];
        const double *tanhs = tab + 2;
        for (int a = 0; a < y; a++) {
            sweep_permutation(order + (long long)a * p, p, seed, id[2 + a], (unsigned long long)epoch * p);
        }
        for (int b = 0; b < batches; b++) {
            sweep_permutation(rorder, y, seed, id[1], ((unsigned long long)epoch * batches + b) * y);
            int from = b * batch, to = rsgd_min(p, from + batch);
            for (int k = 0; k < y; k++) {
                int a = rorder[k];
                const int *ord = order + (long long)a * p;
                unsigned long long *wa = wb + (long long)a * words;
                // energy step: the batch's violated patterns under W^a before the step
                for (int q = from + tid; q < to; q += bd) flag[q] = rsgd_field(n, words, xb, ord[q], wa) < threshold ? 1 : 0;
                __syncthreads();
                double *ha = h + (long long)a * n;
                int8_t *wv = w + (long long)a * n;
                for (int i = tid; i < n; i += bd) {
                    int c = 0;
                    int word = i >> 6, bit = i & 63;
                    for (int q = from; q < to; q++) {
                        if (flag[q]) c += ((xb[(long long)ord[q] * words + word] >> bit) & 1ull) ? 1 : -1;
                    }
                    double hi = ha[i] + eta * (double)c;
                    double wi = hi > 0 ? 1.0 : -1.0;  // W^a after the energy step
                    hi += lambda * (tanhs[s[i] + y] - wi);
                    ha[i] = hi;
                    int8_t next = (int8_t)(hi > 0 ? 1 : -1);
                    s[i] += next - wv[i];
                    wv[i] = next;
                }
                __syncthreads();
                for (int kw = tid; kw < words; kw += bd) {
                    unsigned long long packed = 0;
                    int i0 = kw * 64, end = rsgd_min(n, i0 + 64);
                    for (int i = i0; i < end; i++) packed |= (wv[i] > 0 ? 1ull : 0ull) << (i - i0);
                    wa[kw] = packed;
                }
                __syncthreads();
            }
        }
        epoch++;
        if (tid == 0) st[0] = epoch;
        rsgd_check(n, p, y, words, xb, w, wb, s, cbits + (long long)r * words, threshold, st, best + (long long)r * n, red);
        solved = st[1];
    }
}
