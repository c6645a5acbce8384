// Gradient descent / Langevin on the sphere for the spherical perceptron (docs/models.md 2), batched over
// replicas that share one instance, every array resident on the device: stabilities
// Delta^mu = w . xi^mu / sqrt(N), the loss L = sum_mu (kappa - Delta^mu)^r theta(kappa - Delta^mu)
// (r = 1, 2) and its gradient, the per-replica stopping rule (stop at the first step with no violated
// constraint, or at maxSteps). kernels/langevin.cu then moves the replicas still active. xi is
// N x P site-major (row i: xi_i^1..xi_i^P) and xit its transpose, so both sums read contiguous rows.
// Twin: io.dismc.backend.cpu.SphereDescent (the same sums in the same order: the same numbers).
// Driver: io.dismc.backend.cuda.SphereDescentDriver.

// One thread per (replica r, example mu) of the active replicas: h = sum_i w_i xi_i^mu in i order,
// gap = kappa - h / sqrtN; where gap > 0 the constraint is violated (flag 1) and the coefficient of
// xi^mu / sqrt(N) in -dL/dw is r gap^(r-1): 1, or 2 gap; 0 elsewhere.
extern "C" __global__ void descent_fields(const float *w, const double *xi, int n, int p, int replicas, const int *active,
                                          double kappa, int lossExponent, double sqrtN, double *coef, int *violated) {
    long long total = (long long)replicas * p;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / p), mu = (int)(e % p);
        if (!active[r]) continue;
        const float *wr = w + (long long)r * n;
        double h = 0.0;
        for (int i = 0; i < n; i++) h += (double)wr[i] * xi[(long long)i * p + mu];
        double gap = kappa - h / sqrtN;
        bool v = gap > 0;
        violated[e] = v ? 1 : 0;
        coef[e] = v ? (lossExponent == 1 ? 1.0 : 2.0 * gap) : 0.0;
    }
}

// One block per replica: the violations of an active replica (an exact integer sum); it stops (active
// = 0) when none is left or at t = maxSteps, and otherwise takes step t (steps + 1).
extern "C" __global__ void descent_decide(const int *violated, int p, long long t, long long maxSteps, int *active,
                                          int *violations, long long *steps) {
    __shared__ int partial[256];
    int r = blockIdx.x;
    if (!active[r]) return;
    int count = 0;
    for (int mu = threadIdx.x; mu < p; mu += blockDim.x) count += violated[(long long)r * p + mu];
    partial[threadIdx.x] = count;
    __syncthreads();
    for (int s = blockDim.x >> 1; s > 0; s >>= 1) {
        if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        violations[r] = partial[0];
        if (partial[0] == 0 || t == maxSteps) {
            active[r] = 0;
        } else {
            steps[r] += 1;
        }
    }
}

// One thread per (replica r, input i) of the active replicas: dL/dw_i = -(sum_mu coef^mu xi_i^mu) / sqrt(N)
// in mu order, rounded to float.
extern "C" __global__ void descent_gradient(const double *coef, const double *xit, int n, int p, int replicas, const int *active,
                                            double sqrtN, float *grad) {
    long long total = (long long)replicas * n;
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long e = blockIdx.x * (long long)blockDim.x + threadIdx.x; e < total; e += stride) {
        int r = (int)(e / n), i = (int)(e % n);
        if (!active[r]) continue;
        const double *c = coef + (long long)r * p;
        double g = 0.0;
        for (int mu = 0; mu < p; mu++) g += c[mu] * xit[(long long)mu * n + i];
        grad[e] = (float)(-g / sqrtN);
    }
}
