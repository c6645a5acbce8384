package io.dismc.experiment;

import io.dismc.params.Param;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.List;
import java.util.Locale;

/** Parameters shared by the one-hidden-layer experiments (docs/models.md 3). */
final class TwoLayerParams {
    private TwoLayerParams() {}

    static Param<Integer> n(String def) {
        return Param.integer("n", def, 1, 100_000, "input dimension N");
    }

    static Param<Integer> k(String def) {
        return Param.integer("k", def, 1, 100_000, "hidden units K of the student");
    }

    static Param<Integer> teacherK(String def) {
        return Param.integer("teacher-k", def, 1, 100_000, "hidden units K* of the teacher");
    }

    /** The names every two-layer point reads them by (experiments declare their own defaults). */
    static final Param<Integer> N = n("100");
    static final Param<Integer> K = k("2");
    static final Param<Integer> TEACHER_K = teacherK("1");
    static final Param<String> PARAMETERIZATION = parameterization("ntk");
    static final Param<Double> ETA = eta("1");
    static final Param<Double> TEMPERATURE = temperature("0");
    static final Param<Integer> STEPS = steps("1");

    static final Param<String> ACTIVATION = Param.choice("activation", "erf", List.of("erf", "linear", "tanh", "relu"),
            "hidden activation g (erf means erf(h/sqrt 2))");
    static Param<String> parameterization(String def) {
        return Param.choice("parameterization", def, List.of("ntk", "mup"),
                "readout scale gamma/sqrt(K) (ntk) or gamma/K with the hidden learning rate times K (mup)");
    }
    static final Param<Double> GAMMA = Param.real("gamma", "1", 0, false, 1e6, true, "readout scale gamma");
    static final Param<String> READOUT = Param.choice("readout", "fixed", List.of("fixed", "trained"), "readout weights a: fixed at 1, or trained");
    static Param<Double> eta(String def) {
        return Param.real("eta", def, 0, false, 1e6, true, "learning rate eta");
    }
    static Param<Double> temperature(String def) {
        return Param.real("temperature", def, 0, true, 1e6, true, "Langevin temperature T (0: gradient descent)");
    }
    static final Param<Double> LAMBDA = Param.real("lambda", "0", 0, true, 1e6, true, "weight decay lambda");
    static Param<Integer> steps(String def) {
        return Param.integer("steps", def, 1, 100_000_000, "training steps");
    }
    static final Param<Integer> BATCH = Param.integer("batch", "0", 0, 100_000_000, "minibatch size for SGD (0: full batch)");
    static final Param<Integer> TEST = Param.integer("test-size", "2000", 10, 10_000_000, "fresh examples for the measured test error");
    static final Param<Integer> TIMES = Param.integer("time-points", "24", 1, 10_000, "log-spaced times at which curves are recorded");

    /** w &lt;- w - eta c w diverges when eta c &gt;= 2: say so before running (c: weight decay or elastic coupling). */
    static void checkStable(Point pt, double c, String option) {
        double eta = pt.get(ETA);
        if (eta * c >= 2) {
            throw new io.dismc.params.UsageError("--" + option + ": eta x " + option + " = " + eta * c
                    + " makes gradient descent diverge (accepted: eta x " + option + " < 2)");
        }
    }

    /** A teacher, its P training examples (targets: outputs, + noise, or signs) and a test set with the teacher's outputs. */
    record Task(io.dismc.twolayer.TwoLayerTeacher teacher, io.dismc.twolayer.Dataset train, io.dismc.twolayer.Dataset test,
                double[] testTeacher) {}

    /** The task of a unit, drawn from the instance streams (teacher, inputs, label noise, test inputs). */
    static Task task(Unit unit, List<Param<?>> instance, TwoLayerNetwork net, int kStar, int p, int testSize, boolean classification,
                     double noise) {
        int n = net.n();
        io.dismc.rng.StreamIds.Purpose teacherPurpose = io.dismc.rng.StreamIds.Purpose.TEACHER;
        io.dismc.twolayer.TwoLayerTeacher teacher = io.dismc.twolayer.TwoLayerTeacher.random(n, kStar, net.activation(),
                unit.instanceStream(instance, teacherPurpose, 0));
        io.dismc.twolayer.Dataset train = io.dismc.twolayer.Dataset.gaussianInputs(n, p,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.INPUTS, 0));
        train = train.withTargets(teacher.targets(train, classification, noise,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.INPUTS, 1)));
        io.dismc.twolayer.Dataset test = io.dismc.twolayer.Dataset.gaussianInputs(n, testSize,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.TEST_EXAMPLES, 0));
        return new Task(teacher, train, test, teacher.outputs(test));
    }

    static TwoLayerNetwork network(Point pt, int k, boolean trainReadout) {
        return new TwoLayerNetwork(pt.get(N), k, activation(pt), Parameterization.valueOf(pt.get(PARAMETERIZATION).toUpperCase(Locale.ROOT)),
                pt.get(GAMMA), trainReadout);
    }

    static Activation activation(Point pt) {
        return Activation.valueOf(pt.get(ACTIVATION).toUpperCase(Locale.ROOT));
    }

    static TrainingSpec training(Point pt, double elastic) {
        return new TrainingSpec(pt.get(ETA), pt.get(TEMPERATURE), pt.get(LAMBDA), elastic, pt.get(STEPS), pt.get(BATCH),
                pt.get(TIMES));
    }
}
