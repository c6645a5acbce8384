package io.dismc.backend;

import io.dismc.cli.UsageError;
import java.io.PrintStream;
import java.util.List;

/** Opens the backend a user asked for: auto, cpu or cuda. */
public final class Backends {
    public static final List<String> CHOICES = List.of("auto", "cpu", "cuda");

    private Backends() {}

    /**
     * auto: CUDA when usable, else CPU with one line on log saying why. cuda: CUDA or a UsageError that
     * says what is missing. cpu: CPU.
     */
    public static Backend open(String choice, int threads, PrintStream log) {
        switch (choice) {
            case "cpu":
                return new CpuBackend(threads);
            case "cuda": {
                CudaProbe.Verdict v = CudaProbe.verdict();
                if (!v.usable()) {
                    throw new UsageError("--backend cuda: CUDA is not usable on this machine: " + v.reason()
                            + " (accepted here: --backend cpu or auto)");
                }
                throw new UsageError("--backend cuda: found " + v.device()
                        + ", but this build has no CUDA backend yet (accepted: --backend cpu or auto)");
            }
            case "auto": {
                CudaProbe.Verdict v = CudaProbe.verdict();
                String why = v.usable() ? "found " + v.device() + ", but this build has no CUDA backend yet" : v.reason();
                log.println("backend auto: using cpu (" + why + ")");
                return new CpuBackend(threads);
            }
            default:
                throw UsageError.option("backend", "unknown backend '" + choice + "'", String.join(", ", CHOICES));
        }
    }
}
