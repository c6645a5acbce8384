package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dismc.backend.CudaBackend;
import io.dismc.backend.CudaProbe;

/**
 * GPU tests skip cleanly where no device is usable (CI has none) and fail instead when
 * -Ddismc.requireGpu=true (scripts/gpu-check.sh sets it, so a broken device setup is not a green run).
 */
final class Gpu {
    private static CudaBackend shared;

    private Gpu() {}

    static synchronized CudaBackend backend() {
        CudaProbe.Verdict v = CudaProbe.verdict();
        if (!v.usable()) {
            if (Boolean.getBoolean("dismc.requireGpu")) {
                fail("a GPU is required here but CUDA is not usable: " + v.reason());
            }
            assumeTrue(false, "no usable CUDA device: " + v.reason());
        }
        if (shared == null) {
            shared = CudaBackend.open(2, false);
        }
        return shared;
    }
}
