// Batched asynchronous Hopfield dynamics: one thread block per replica, exact asynchronous semantics,
// each replica on its own network (instance[r] selects its patterns or couplings in the stack).
// Mirrors io.dismc.backend.cpu.AsynchronousDynamics and io.dismc.rng.SweepSchedule step for step: the
// same permutation (Fisher-Yates from the identity with words 4Nt + q), the same decision per position
// (T = 0: sign, ties keep the spin; T > 0: Glauber or Metropolis against the double uniform from words
// 4Nt + 2N + 2pos, +1), the same integer fields (PatternFormField / JFormField), hence the same
// trajectory as the Java backend. Integer sums are exact in any order, so the block reductions change
// nothing. Also here: starting states from columns of a stack, and overlaps with reference columns.
// Driver: io.dismc.backend.cuda.SweepDriver. CPU twin: io.dismc.backend.cpu.AsynchronousDynamics.
//
// form 0 (pattern): state = integer overlaps M (replicas x p), N h_i = xi_i . M - p s_i
// form 1 (J):       state = field numerators h (replicas x n), N J in int16 (n x n)
#include "sweep.cuh"

// Fields from scratch for every replica: M = xi^T s (form 0) or h = J s (form 1).
// grid.x covers the state length (p or n), grid.y = replica.
extern "C" __global__ void init_state(int form, int n, int p, const int8_t *xi, const int16_t *jn, const int *instance,
                                     const int8_t *spins, int *state) {
    int r = blockIdx.y;
    xi += (long long)instance[r] * n * p;
    jn += (long long)instance[r] * n * n;
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

extern "C" __global__ void async_sweeps(int form, int n, int p, const int8_t *xi, const int16_t *jn, const int *instance,
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
    xi += (long long)instance[r] * n * p;
    jn += (long long)instance[r] * n * n;
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

// Starting states: state dest[k] = column column[k] of matrix matrix[k] of a stack of (rows = n) x cols
// matrices, with the sites flipSites[flipStart[k] .. flipStart[k + 1]) reversed. One block per start.
extern "C" __global__ void start_states(const int8_t *stack, int n, int cols, const int *matrix, const int *column,
                                        const int *flipStart, const int *flipSites, const int *dest, int8_t *states) {
    int k = blockIdx.x;
    const int8_t *m = stack + (long long)matrix[k] * n * cols;
    int8_t *s = states + (long long)dest[k] * n;
    for (int i = threadIdx.x; i < n; i += blockDim.x) s[i] = m[(long long)i * cols + column[k]];
    __syncthreads();
    for (int q = flipStart[k] + threadIdx.x; q < flipStart[k + 1]; q += blockDim.x) s[flipSites[q]] = (int8_t)(-s[flipSites[q]]);
}

// Overlap numerators: out[dest[k]] = sum_i s_dest[k],i c_i with c column column[k] of matrix matrix[k]. One block each.
extern "C" __global__ void overlaps(const int8_t *states, const int8_t *stack, int n, int cols, const int *matrix, const int *column,
                                    const int *dest, long long *out) {
    __shared__ long long scratch[MAX_WARPS];
    int k = blockIdx.x;
    const int8_t *m = stack + (long long)matrix[k] * n * cols;
    const int8_t *s = states + (long long)dest[k] * n;
    long long part = 0;
    for (int i = threadIdx.x; i < n; i += blockDim.x) part += (int)s[i] * m[(long long)i * cols + column[k]];
    long long total = block_sum(part, scratch);
    if (threadIdx.x == 0) out[dest[k]] = total;
}
