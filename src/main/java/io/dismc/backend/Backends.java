package io.dismc.backend;

import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.Curand;
import io.dismc.backend.cuda.NativeConfig;
import io.dismc.params.UsageError;
import java.io.PrintStream;
import java.util.List;

/** Opens the backend a user asked for: auto, cpu or cuda; and the bulk-disorder generator. */
public final class Backends {
    public static final List<String> CHOICES = List.of("auto", "cpu", "cuda");
    public static final List<String> RNGS = List.of("philox", "curand");

    private Backends() {}

    /**
     * auto: CUDA when a device opens, else CPU, with one line on log saying which and why. cuda: CUDA
     * or a UsageError saying what is missing. cpu: CPU. rng curand needs CUDA with cuRAND loaded.
     */
    public static Backend open(String choice, int threads, String rng, int device, PrintStream log) {
        boolean curand = rng.equals("curand");
        switch (choice) {
            case "cpu":
                if (curand) {
                    throw new UsageError("--rng curand: cuRAND needs the CUDA backend (accepted with --backend cpu: --rng philox)");
                }
                if (device != 0) {
                    throw new UsageError("--device: selects a GPU, which --backend cpu does not use (accepted: --backend cuda)");
                }
                return new CpuBackend(threads);
            case "cuda": {
                CudaProbe.Verdict v = CudaProbe.verdict();
                if (!v.usable()) {
                    throw new UsageError("--backend cuda: CUDA is not usable on this machine: " + v.reason()
                            + " (accepted here: --backend cpu or auto)");
                }
                CudaBackend b;
                try {
                    b = CudaBackend.open(threads, false, device);
                } catch (CudaFailure e) {
                    throw new UsageError("--backend cuda: " + v.device() + " could not be used: " + e.getMessage());
                }
                return withRng(b, threads, curand, device);
            }
            case "auto": {
                CudaProbe.Verdict v = CudaProbe.verdict();
                if (v.usable()) {
                    try {
                        CudaBackend b = CudaBackend.open(threads, false, device);
                        log.println("backend auto: using cuda (" + b.device().info().name() + ")");
                        return withRng(b, threads, curand, device);
                    } catch (CudaFailure e) {
                        log.println("backend auto: using cpu (" + v.device() + " found but unusable: " + e.getMessage() + ")");
                    }
                } else {
                    log.println("backend auto: using cpu (" + v.reason() + ")");
                }
                if (curand) {
                    throw new UsageError("--rng curand: cuRAND needs the CUDA backend, which is not usable here (accepted: --rng philox)");
                }
                if (device != 0) {
                    log.println("dismc: warning: --device " + device + " is ignored: the run uses the CPU");
                }
                return new CpuBackend(threads);
            }
            default:
                throw UsageError.option("backend", "unknown backend '" + choice + "'", String.join(", ", CHOICES));
        }
    }

    private static Backend withRng(CudaBackend b, int threads, boolean curand, int device) {
        if (!curand) {
            return b;
        }
        String problem = Curand.problem(NativeConfig.load());
        if (problem != null) {
            b.close();
            throw new UsageError("--rng curand: cuRAND is not usable here: " + problem + " (accepted: --rng philox)");
        }
        b.close();
        return CudaBackend.open(threads, true, device);
    }
}
