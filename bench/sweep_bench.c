// The same asynchronous Hopfield dynamics as io.dismc.dynamics.AsynchronousDynamics, in plain C, for
// `./dismc bench` to compare against (gcc -O3 -march=native). Same data types (int8 patterns, int16
// couplings, int32 overlaps/fields), same random numbers (kernels/philox.cuh), same permutation and
// decision rules: the final state's checksum must equal the Java run's.
//
// usage: sweep_bench N P FORM(pattern|j) T SWEEPS SEED
// prints: updates_per_s=<attempted spin updates per second> checksum=<hex> flips=<total>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../kernels/philox.cuh"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void words(uint64_t seed, uint64_t stream, uint64_t first, uint32_t *out, int count) {
    for (int i = 0; i < count; i++) out[i] = dismc_word(seed, stream, first + i);
}

// fill a buffer block by block (4 words per Philox call), like RandomStream.words
static void words_fast(uint64_t seed, uint64_t stream, uint64_t first, uint32_t *out, int count) {
    uint64_t j = first;
    int i = 0;
    while (i < count) {
        dismc_u32x4 w = dismc_block(seed, stream, j >> 2);
        for (int q = (int)(j & 3); q < 4 && i < count; q++, i++, j++) out[i] = w.v[q];
    }
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s N P pattern|j T SWEEPS SEED\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]), p = atoi(argv[2]);
    int jform = strcmp(argv[3], "j") == 0;
    double temperature = atof(argv[4]);
    int sweeps = atoi(argv[5]);
    uint64_t seed = strtoull(argv[6], NULL, 10);
    const uint64_t PATTERN_STREAM = 101, START_STREAM = 102, DYNAMICS_STREAM = 103;

    int8_t *xi = malloc((size_t)n * p);              // site-major: xi[i*p + mu]
    for (size_t e = 0; e < (size_t)n * p; e++) xi[e] = (int8_t)dismc_spin(seed, PATTERN_STREAM, e);
    int8_t *s = malloc(n);
    for (int i = 0; i < n; i++) s[i] = (int8_t)dismc_spin(seed, START_STREAM, i);

    int16_t *J = NULL;
    int32_t *field = NULL, *overlap = NULL;
    if (jform) {
        J = calloc((size_t)n * n, sizeof(int16_t));
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                int v = 0;
                for (int mu = 0; mu < p; mu++) v += xi[(size_t)i * p + mu] * xi[(size_t)j * p + mu];
                J[(size_t)i * n + j] = J[(size_t)j * n + i] = (int16_t)v;
            }
        field = calloc(n, sizeof(int32_t));
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++) field[i] += s[k] * J[(size_t)k * n + i];
    } else {
        overlap = calloc(p, sizeof(int32_t));
        for (int j = 0; j < n; j++)
            for (int mu = 0; mu < p; mu++) overlap[mu] += s[j] * xi[(size_t)j * p + mu];
    }

    int *order = malloc(sizeof(int) * n);
    uint32_t *perm_words = malloc(sizeof(uint32_t) * (n > 1 ? n - 1 : 1));
    uint32_t *accept_words = malloc(sizeof(uint32_t) * 2 * n);
    double beta = temperature > 0 ? 1.0 / temperature : INFINITY;
    double inv_n = 1.0 / n;
    long long flips = 0;

    double t0 = now();
    for (int t = 0; t < sweeps; t++) {
        uint64_t base = 4ull * n * t;
        words_fast(seed, DYNAMICS_STREAM, base, perm_words, n - 1);
        for (int i = 0; i < n; i++) order[i] = i;
        for (int q = 0; q < n - 1; q++) {
            int i = n - 1 - q;
            int j = (int)dismc_below(perm_words[q], (uint32_t)(i + 1));
            int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
        }
        if (temperature > 0) words_fast(seed, DYNAMICS_STREAM, base + 2ull * n, accept_words, 2 * n);
        for (int pos = 0; pos < n; pos++) {
            int i = order[pos];
            int h;
            if (jform) {
                h = field[i];
            } else {
                const int8_t *x = xi + (size_t)i * p;
                h = 0;
                for (int mu = 0; mu < p; mu++) h += x[mu] * overlap[mu];
                h -= p * s[i];
            }
            int si = s[i], next;
            if (temperature == 0) {
                next = h > 0 ? 1 : (h < 0 ? -1 : si);
            } else {
                double u = dismc_unit_double(accept_words[2 * pos], accept_words[2 * pos + 1]);
                double p_up = 1.0 / (1.0 + exp(-2.0 * beta * (h * inv_n)));
                next = u < p_up ? 1 : -1;
            }
            if (next != si) {
                s[i] = (int8_t)next;
                int d = 2 * next;
                if (jform) {
                    const int16_t *row = J + (size_t)i * n;
                    for (int k = 0; k < n; k++) field[k] += d * row[k];
                } else {
                    const int8_t *x = xi + (size_t)i * p;
                    for (int mu = 0; mu < p; mu++) overlap[mu] += d * x[mu];
                }
                flips++;
            }
        }
    }
    double dt = now() - t0;
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a of the final spins (as Java's Bench does)
    for (int i = 0; i < n; i++) { h ^= (uint8_t)s[i]; h *= 0x100000001b3ull; }
    printf("updates_per_s=%.6e checksum=%016llx flips=%lld\n", (double)n * sweeps / dt, (unsigned long long)h, flips);
    (void)words;
    return 0;
}
