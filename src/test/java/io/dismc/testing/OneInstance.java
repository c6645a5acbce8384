package io.dismc.testing;

import io.dismc.backend.Backend;
import io.dismc.backend.Column;
import io.dismc.backend.CouplingStack;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.Network;
import io.dismc.backend.RealStack;
import io.dismc.backend.RelaxationStats;
import io.dismc.backend.SpinStack;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/** The backend contract on single matrices and host arrays, as tests compare backends value by value. */
public final class OneInstance {
    private OneInstance() {}

    public static SpinMatrix spins(Backend b, RandomStream s, int rows, int cols) {
        try (SpinStack x = b.randomSpins(List.of(s), rows, cols)) {
            return b.read(x, 0);
        }
    }

    public static double[] gaussians(Backend b, RandomStream s, int count) {
        try (RealStack x = b.gaussians(List.of(s), 1, count)) {
            return b.read(x, 0).data();
        }
    }

    public static SpinMatrix projection(Backend b, SpinMatrix f, RealMatrix c) {
        try (SpinStack fs = b.spins(List.of(f)); RealStack cs = b.reals(List.of(c)); SpinStack out = b.signProjection(fs, cs)) {
            return b.read(out, 0);
        }
    }

    public static SpinMatrix projection(Backend b, RealMatrix f, RealMatrix c) {
        try (RealStack fs = b.reals(List.of(f)); RealStack cs = b.reals(List.of(c)); SpinStack out = b.signProjection(fs, cs)) {
            return b.read(out, 0);
        }
    }

    public static short[] hebbian(Backend b, SpinMatrix patterns) {
        try (SpinStack xi = b.spins(List.of(patterns)); CouplingStack j = b.hebbian(xi)) {
            return b.read(j, 0);
        }
    }

    /** Final states and statistics of replicas started from the given spins, on one network (J form when jForm). */
    public record Relaxed(List<byte[]> states, List<RelaxationStats> stats) {}

    public static Relaxed relax(Backend b, SpinMatrix patterns, boolean jForm, List<byte[]> starts, List<RandomStream> streams,
                                DynamicsSpec spec) {
        List<SpinMatrix> init = new ArrayList<>();
        for (byte[] s : starts) {
            init.add(new SpinMatrix(s.length, 1, s.clone()));
        }
        try (SpinStack xi = b.spins(List.of(patterns));
             Network net = jForm ? new Network.Couplings(b.hebbian(xi)) : new Network.Patterns(xi);
             SpinStack states = b.spins(init)) {
            List<RelaxationStats> stats = b.relax(net, new int[starts.size()], states, streams, spec);
            List<byte[]> out = new ArrayList<>();
            for (int r = 0; r < starts.size(); r++) {
                out.add(b.read(states, r).data());
            }
            return new Relaxed(out, stats);
        }
    }

    /** A column of a one-matrix stack, as a reference for {@link Backend#overlaps}. */
    public static Column column(SpinStack stack, int c) {
        return Column.of(stack, 0, c);
    }
}
