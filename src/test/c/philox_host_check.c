/* Prints draws computed with kernels/philox.cuh on the host, for PhiloxHeaderTest to compare with
   io.dismc.rng.RandomStream: words, spins, float/double uniforms, Gaussians. */
#include <stdio.h>
#include <math.h>
#include "../../../kernels/philox.cuh"

int main(void) {
    unsigned long long seed = 0x0123456789abcdefull, stream = 0xfedcba9876543210ull;
    for (unsigned long long j = 0; j < 64; j++) {
        unsigned int w = dismc_word(seed, stream, j);
        printf("w %llu %u %d %.9g %.17g\n", j, w, dismc_spin(seed, stream, j), (double)dismc_unit_float(w),
               dismc_gaussian(seed, stream, j));
    }
    return 0;
}
