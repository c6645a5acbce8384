package io.dismc.backend.cuda;

import jcuda.driver.CUstream;
import jcuda.jcurand.JCurand;
import jcuda.jcurand.curandGenerator;
import jcuda.jcurand.curandRngType;
import jcuda.runtime.cudaStream_t;

/**
 * Optional cuRAND generator for bulk disorder ({@code --rng curand}), where JCurand loads. Its
 * numbers are not Philox-addressed like dismc's, so a run that uses it cannot be compared value by
 * value with the CPU backend; run.json says so. The default stays dismc's Philox.
 */
public final class Curand {
    private static String problem;
    private static boolean probed;

    private Curand() {}

    /** Null when cuRAND is usable, else why not. */
    public static synchronized String problem(NativeConfig config) {
        if (!probed) {
            probed = true;
            try {
                NativeLibraries.preload(config.libraryPath(), "libcurand.so.10");
                JCurand.setExceptionsEnabled(true);
                curandGenerator g = new curandGenerator();
                JCurand.curandCreateGenerator(g, curandRngType.CURAND_RNG_PSEUDO_PHILOX4_32_10);
                JCurand.curandDestroyGenerator(g);
            } catch (Throwable t) {
                problem = io.dismc.backend.CudaProbe.summarize(t);
            }
        }
        return problem;
    }

    /** Fills a device buffer with count doubles N(0,1) (count even) from a generator seeded by (seed, stream). */
    public static void normalDoubles(CUstream stream, jcuda.Pointer out, long count, long seed, long streamId) {
        curandGenerator g = new curandGenerator();
        JCurand.curandCreateGenerator(g, curandRngType.CURAND_RNG_PSEUDO_PHILOX4_32_10);
        try {
            JCurand.curandSetStream(g, new cudaStream_t(stream));
            JCurand.curandSetPseudoRandomGeneratorSeed(g, seed ^ io.dismc.rng.StreamIds.mix(streamId));
            JCurand.curandGenerateNormalDouble(g, out, count, 0.0, 1.0);
        } finally {
            JCurand.curandDestroyGenerator(g);
        }
    }

    /** Fills count 32-bit words. */
    public static void words(CUstream stream, jcuda.Pointer out, long count, long seed, long streamId) {
        curandGenerator g = new curandGenerator();
        JCurand.curandCreateGenerator(g, curandRngType.CURAND_RNG_PSEUDO_PHILOX4_32_10);
        try {
            JCurand.curandSetStream(g, new cudaStream_t(stream));
            JCurand.curandSetPseudoRandomGeneratorSeed(g, seed ^ io.dismc.rng.StreamIds.mix(streamId));
            JCurand.curandGenerate(g, out, count);
        } finally {
            JCurand.curandDestroyGenerator(g);
        }
    }
}
