package io.dismc.backend.cuda;

/** A CUDA error, described with what was being done: the kernel, its launch shape, the sizes. */
public final class CudaFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CudaFailure(String message) {
        super(message);
    }

    public CudaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
