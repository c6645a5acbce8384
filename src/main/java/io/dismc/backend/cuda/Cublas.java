package io.dismc.backend.cuda;

import jcuda.Pointer;
import jcuda.driver.CUstream;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasOperation;
import jcuda.runtime.cudaStream_t;

/**
 * Optional cuBLAS (JCublas2 12.6, which needs libcublas.so.12). Probed once: where it does not load
 * (a CUDA-13-only machine, say) dismc's own kernels do the work and the reason is reported. Handles
 * are per thread because a handle's stream is per handle. Row-major products are computed as the
 * column-major transposed product: (A B)^T = B^T A^T.
 */
public final class Cublas {
    private static String problem;
    private static boolean probed;

    private final ThreadLocal<cublasHandle> handles = new ThreadLocal<>();

    private Cublas() {}

    /** Null when cuBLAS is usable, else why not. Must be called with the context current. */
    public static synchronized String problem(NativeConfig config) {
        if (!probed) {
            probed = true;
            if (!config.cublasEnabled()) {
                problem = "disabled in native-config/cuda.properties";
            } else {
                try {
                    NativeLibraries.preload(config.libraryPath(), "libcublasLt.so.12", "libcublas.so.12");
                    JCublas2.setExceptionsEnabled(true);
                    cublasHandle h = new cublasHandle();
                    JCublas2.cublasCreate(h);
                    JCublas2.cublasDestroy(h);
                } catch (Throwable t) {
                    problem = io.dismc.backend.CudaProbe.summarize(t);
                }
            }
        }
        return problem;
    }

    public static Cublas open() {
        return new Cublas();
    }

    private cublasHandle handle(CUstream stream) {
        cublasHandle h = handles.get();
        if (h == null) {
            h = new cublasHandle();
            JCublas2.cublasCreate(h);
            handles.set(h);
        }
        JCublas2.cublasSetStream(h, new cudaStream_t(stream));
        return h;
    }

    /** out (n x p, row-major) = a (n x k, row-major) times b (k x p, row-major), doubles. */
    public void dgemmRowMajor(CUstream stream, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, int n, int k, int p) {
        // column-major: out^T (p x n) = b^T (p x k) a^T (k x n); b^T is b's memory with ld = p
        JCublas2.cublasDgemm(handle(stream), cublasOperation.CUBLAS_OP_N, cublasOperation.CUBLAS_OP_N, p, n, k,
                Pointer.to(new double[] {1.0}), b.ptr(), p, a.ptr(), k, Pointer.to(new double[] {0.0}), out.ptr(), p);
    }

    /**
     * For each of count instances: out_b (n x p, row-major) = a_b (n x k) b_b (k x p), the instances
     * contiguous in each buffer (strided-batched DGEMM: one call for the whole stack).
     */
    public void dgemmRowMajorBatched(CUstream stream, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, int n, int k, int p, int count) {
        JCublas2.cublasDgemmStridedBatched(handle(stream), cublasOperation.CUBLAS_OP_N, cublasOperation.CUBLAS_OP_N, p, n, k,
                Pointer.to(new double[] {1.0}), b.ptr(), p, (long) k * p, a.ptr(), k, (long) n * k, Pointer.to(new double[] {0.0}),
                out.ptr(), p, (long) n * p, count);
    }

    /** out (n x n) = x x^T for x (n x k, row-major) in float: the benchmark's cuBLAS reference for the Hebbian product. */
    public void sgemmGram(CUstream stream, DeviceBuffer x, DeviceBuffer out, int n, int k) {
        JCublas2.cublasSgemm(handle(stream), cublasOperation.CUBLAS_OP_T, cublasOperation.CUBLAS_OP_N, n, n, k,
                Pointer.to(new float[] {1f}), x.ptr(), k, x.ptr(), k, Pointer.to(new float[] {0f}), out.ptr(), n);
    }
}
