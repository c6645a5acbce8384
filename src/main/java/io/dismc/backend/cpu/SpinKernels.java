package io.dismc.backend.cpu;

/**
 * The inner loops of the spin dynamics on the CPU: +-1 bytes against integer overlaps or fields.
 * Two implementations: the Java Vector API (when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, as {@code ./dismc} and the tests do) and plain loops.
 * They return identical integers; the vector one is about 3x faster because the JIT does not
 * vectorize byte-to-int widening on its own (see README, performance).
 */
public interface SpinKernels {
    /** sum_k x[xOff+k] * m[k], k &lt; len. */
    int dot(byte[] x, int xOff, int[] m, int len);

    /** m[k] += scale * x[xOff+k], k &lt; len. */
    void addScaled(byte[] x, int xOff, int[] m, int len, int scale);

    /** h[k] += scale * j[jOff+k], k &lt; len. */
    void addScaled(short[] j, int jOff, int[] h, int len, int scale);

    String name();

    /** The fastest kernels this JVM can run. */
    static SpinKernels best() {
        return Holder.BEST;
    }

    static SpinKernels scalar() {
        return ScalarSpinKernels.INSTANCE;
    }

    /** Whether the Vector API module is in the boot layer. */
    static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    final class Holder {
        static final SpinKernels BEST = vectorApiAvailable() ? VectorSpinKernels.create() : ScalarSpinKernels.INSTANCE;

        private Holder() {}
    }
}
