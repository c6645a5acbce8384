package io.dismc.cli;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.CudaProbe;
import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.Curand;
import io.dismc.backend.cuda.NativeConfig;
import java.io.PrintStream;

/** {@code dismc info}: the backends this machine offers. */
public final class InfoCommand {
    private InfoCommand() {}

    public static int run(PrintStream out) {
        int threads = Runtime.getRuntime().availableProcessors();
        try (CpuBackend cpu = new CpuBackend(threads)) {
            out.println("cpu:  " + cpu.description());
        }
        CudaProbe.Verdict v = CudaProbe.verdict();
        if (!v.usable()) {
            out.println("cuda: not usable: " + v.reason());
            return 0;
        }
        try (CudaBackend cuda = CudaBackend.open(1, false)) {
            out.println("cuda: " + cuda.device().info().describe());
            out.println("      PTX kernels loaded (" + String.join(", ", io.dismc.backend.cuda.CudaDevice.MODULES) + ")");
            out.println("      cuBLAS: " + (cuda.cublasProblem() == null ? "loaded" : "not loaded: " + cuda.cublasProblem()));
            String curand = Curand.problem(NativeConfig.load());
            out.println("      cuRAND: " + (curand == null ? "loaded (--rng curand available)" : "not loaded: " + curand));
        } catch (CudaFailure e) {
            out.println("cuda: " + v.device() + " found but unusable: " + e.getMessage());
        }
        return 0;
    }
}
