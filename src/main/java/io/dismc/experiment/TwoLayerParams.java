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
    static final Param<String> DATASET = Param.text("dataset", "teacher", "inputs and targets (docs/models.md 3.2.5): teacher"
            + " (alias gaussian: Gaussian inputs, synthetic targets), mnistAB or cifarAB (two classes, labels -1/+1, D = 784),"
            + " FILE.csv, FILE.npy (label in the last column) or X.npy+Y.npy");
    static final Param<String> DATA_DIR = Param.text("data-dir", "data",
            "folder of the dataset files (MNIST IDX, CIFAR-10 binary batches; never downloaded)");

    /** w &lt;- w - eta c w diverges when eta c &gt;= 2: say so before running (c: weight decay or elastic coupling). */
    static void checkStable(Point pt, double c, String option) {
        double eta = pt.get(ETA);
        if (eta * c >= 2) {
            throw new io.dismc.params.UsageError("--" + option + ": eta x " + option + " = " + eta * c
                    + " makes gradient descent diverge (accepted: eta x " + option + " < 2)");
        }
    }

    /**
     * A task: P training examples and a test set with its targets. Synthetic (Gaussian inputs): a teacher, targets its
     * outputs (+ noise, or their signs), test targets its noiseless outputs. A real dataset (--dataset): its examples and
     * labels; the teacher is then a random one of the same shape, which no target depends on (synthetic false).
     */
    record Task(io.dismc.twolayer.TwoLayerTeacher teacher, io.dismc.twolayer.Dataset train, io.dismc.twolayer.Dataset test,
                double[] testTeacher, boolean synthetic) {}

    /**
     * The task of a unit, drawn from the instance streams (teacher, inputs, label noise, test inputs), or read from the
     * point's --dataset (a real dataset must have D = N inputs; the subsets are drawn from the instance stream INPUTS 0).
     */
    static Task task(Unit unit, List<Param<?>> instance, TwoLayerNetwork net, int kStar, int p, int testSize, boolean classification,
                     double noise) {
        int n = net.n();
        io.dismc.rng.StreamIds.Purpose teacherPurpose = io.dismc.rng.StreamIds.Purpose.TEACHER;
        io.dismc.twolayer.TwoLayerTeacher teacher = io.dismc.twolayer.TwoLayerTeacher.random(n, kStar, net.activation(),
                unit.instanceStream(instance, teacherPurpose, 0));
        io.dismc.dataset.LabelledData real = realData(unit, instance, n, p, testSize);
        if (real != null) {
            return new Task(teacher, real.train(), real.test(), real.yTest(), false);
        }
        io.dismc.twolayer.Dataset train = io.dismc.twolayer.Dataset.gaussianInputs(n, p,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.INPUTS, 0));
        train = train.withTargets(teacher.targets(train, classification, noise,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.INPUTS, 1)));
        io.dismc.twolayer.Dataset test = io.dismc.twolayer.Dataset.gaussianInputs(n, testSize,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.TEST_EXAMPLES, 0));
        return new Task(teacher, train, test, teacher.outputs(test), true);
    }

    /** The point's dataset, parsed (a UsageError naming --dataset when it is not one). */
    static io.dismc.dataset.Datasets.Choice dataset(Point pt) {
        if (!pt.has(DATASET)) {
            return io.dismc.dataset.Datasets.parse("teacher");
        }
        try {
            return io.dismc.dataset.Datasets.parse(pt.get(DATASET));
        } catch (IllegalArgumentException e) {
            throw new io.dismc.params.UsageError(e.getMessage());
        }
    }

    /** Checks --dataset and, for the image tasks (D = 784), that --n is their D; files are checked when read. */
    static void checkDataset(Point pt, int n) {
        int d = dataset(pt).knownDimension();
        if (d > 0 && d != n) {
            throw new io.dismc.params.UsageError("--n " + n + ": --dataset " + pt.get(DATASET) + " has D = " + d
                    + " inputs (accepted: --n " + d + ")");
        }
    }

    /**
     * The real dataset of the point (null for the synthetic ones): P training and testSize test examples read from
     * --data-dir, their subsets drawn from the instance stream INPUTS 0; its D must be n.
     */
    static io.dismc.dataset.LabelledData realData(Unit unit, List<Param<?>> instance, int n, int p, int testSize) {
        Point pt = unit.point();
        io.dismc.dataset.Datasets.Choice c = dataset(pt);
        if (c.synthetic()) {
            return null;
        }
        io.dismc.dataset.LabelledData d = io.dismc.dataset.Datasets.load(c, java.nio.file.Path.of(pt.get(DATA_DIR)), p, testSize,
                unit.instanceStream(instance, io.dismc.rng.StreamIds.Purpose.INPUTS, 0));
        if (d.d() != n) {
            throw new io.dismc.params.UsageError("--n " + n + ": --dataset " + pt.get(DATASET) + " has D = " + d.d()
                    + " inputs (accepted: --n " + d.d() + ")");
        }
        return d;
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
