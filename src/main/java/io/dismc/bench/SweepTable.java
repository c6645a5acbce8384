package io.dismc.bench;

import io.dismc.backend.CpuBackend;
import io.dismc.model.FieldForm;
import java.io.PrintStream;
import java.util.Locale;

/** The sweep section of the benchmark: Java against the C reference, per size, field form and temperature. */
final class SweepTable {
    private SweepTable() {}

    static void print(PrintStream out, CpuBackend one, CpuBackend all, int threads, int[] sizes, double seconds, boolean withC,
                       ExternalBaselines ext) throws java.io.IOException {
        out.println("Asynchronous sweeps, alpha = 0.1 (P = N/10), random start; attempted spin updates per second");
        out.printf(Locale.ROOT, "%-7s %-8s %-5s %9s %14s %14s %14s %9s %s%n", "N", "form", "T", "sweeps",
                "1 thread", threads + " threads", "C -O3 1 thr", "Java/C", "same result");
        for (int n : sizes) {
            for (FieldForm form : new FieldForm[] {FieldForm.PATTERN, FieldForm.J}) {
                SweepBenchmark b = new SweepBenchmark(n, n / 10, form, 1, all);
                for (double t : new double[] {0.0, 0.5}) {
                    b.run(one, t, 3, 1); // JIT warm-up
                    int sweeps = calibrate(b, one, t, seconds);
                    SweepBenchmark.Result r1 = b.run(one, t, sweeps, 1);
                    SweepBenchmark.Result rAll = b.run(all, t, sweeps, threads);
                    String c = "-";
                    String ratio = "-";
                    String same = "-";
                    if (withC && ext.cProgram().isPresent()) {
                        ExternalBaselines.CResult cr = ext.runC(n, n / 10, form == FieldForm.J ? "j" : "pattern", t, sweeps, 1);
                        c = BenchCommand.sci(cr.updatesPerSecond());
                        ratio = String.format(Locale.ROOT, "%.2f", r1.updatesPerSecond() / cr.updatesPerSecond());
                        same = cr.checksum() == r1.checksum() && cr.flips() == r1.flips() ? "yes" : "NO";
                    }
                    out.printf(Locale.ROOT, "%-7d %-8s %-5s %9d %14s %14s %14s %9s %s%n", n, form.name().toLowerCase(Locale.ROOT),
                            t == 0 ? "0" : "0.5", sweeps, BenchCommand.sci(r1.updatesPerSecond()), BenchCommand.sci(rAll.updatesPerSecond()), c, ratio, same);
                }
            }
        }
        if (withC && ext.cProgram().isEmpty()) {
            out.println("(C comparison skipped: " + ext.cProblem() + ")");
        }
    }

    /** Sweeps that take about the target time on one thread. */
    static int calibrate(SweepBenchmark b, CpuBackend one, double t, double seconds) {
        int sweeps = 2;
        while (true) {
            long t0 = System.nanoTime();
            b.run(one, t, sweeps, 1);
            double dt = (System.nanoTime() - t0) * 1e-9;
            if (dt > seconds / 4 || sweeps > 100_000) {
                return Math.max(2, (int) Math.ceil(sweeps * seconds / dt));
            }
            sweeps *= 4;
        }
    }
}
