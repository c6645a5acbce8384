package io.dismc.dataset;

import io.dismc.rng.RandomStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The datasets of the two-layer experiments, named as on the command line (docs/models.md, section datasets):
 * <ul>
 *   <li>{@code gaussian}, {@code teacher}: the engine's synthetic inputs (drawn by the experiments, not here);</li>
 *   <li>{@code mnistAB} (e.g. mnist01): MNIST digits A (label -1) and B (label +1), P/2 training examples of A
 *       and P - P/2 of B from the 60000 training images, likewise P_test from the 10000 test images;</li>
 *   <li>{@code cifarAB} (e.g. cifar01, airplane vs automobile): the same with CIFAR-10 classes, 28 x 28 grey;</li>
 *   <li>a file: {@code data.csv} or {@code data.npy} (one example a row, the label in the last column), or
 *       {@code x.npy+y.npy} (or x.npy,y.npy: inputs P x D and labels P); P + P_test distinct rows are drawn, the first P
 *       for training. Used as given (no preprocessing).</li>
 * </ul>
 * Files are looked up under the data folder; nothing is ever downloaded.
 */
public final class Datasets {
    public static final List<String> MNIST_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    public static final List<String> CIFAR_TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    public static final String CIFAR_TEST_FILE = "test_batch.bin";
    private static final Pattern IMAGES = Pattern.compile("(mnist|cifar)(\\d)(\\d)");

    private Datasets() {}

    public enum Kind { GAUSSIAN, TEACHER, MNIST, CIFAR, FILE }

    /**
     * A parsed --dataset value.
     *
     * @param classes the two classes (label -1, label +1) of an image task, else empty
     * @param files   the user's file(s) as written, else empty
     */
    public record Choice(Kind kind, String name, int[] classes, List<String> files) {
        public boolean synthetic() {
            return kind == Kind.GAUSSIAN || kind == Kind.TEACHER;
        }

        /** The input dimension D when it is known before reading (784 for the image tasks), else 0. */
        public int knownDimension() {
            return kind == Kind.MNIST || kind == Kind.CIFAR ? ImagePreprocessing.SIDE * ImagePreprocessing.SIDE : 0;
        }
    }

    public static Choice parse(String dataset) {
        String s = dataset.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("gaussian")) {
            return new Choice(Kind.GAUSSIAN, lower, new int[0], List.of());
        }
        if (lower.equals("teacher")) {
            return new Choice(Kind.TEACHER, lower, new int[0], List.of());
        }
        Matcher m = IMAGES.matcher(lower);
        if (m.matches()) {
            int a = m.group(2).charAt(0) - '0';
            int b = m.group(3).charAt(0) - '0';
            if (a == b) {
                throw new IllegalArgumentException("--dataset " + s + ": the two classes must differ");
            }
            return new Choice(m.group(1).equals("mnist") ? Kind.MNIST : Kind.CIFAR, lower, new int[] {a, b}, List.of());
        }
        // X.npy+Y.npy on the command line (where commas separate the values of a sweep), X.npy,Y.npy in code
        List<String> files = List.of(s.split("[,+]"));
        boolean ok = files.size() == 1 ? lower.endsWith(".csv") || lower.endsWith(".npy") || lower.endsWith(".csv.gz")
                || lower.endsWith(".npy.gz")
                : files.size() == 2 && files.stream().allMatch(f -> f.toLowerCase(Locale.ROOT).endsWith(".npy"));
        if (!ok) {
            throw new IllegalArgumentException("--dataset " + s + ": not a known dataset (accepted: gaussian, teacher, mnist01 "
                    + "(any two digits), cifar01 (any two classes), FILE.csv, FILE.npy, X.npy+Y.npy)");
        }
        return new Choice(Kind.FILE, s, new int[0], files);
    }

    /** Loads a real dataset (not gaussian/teacher): P training and pTest test examples chosen by stream. */
    public static LabelledData load(Choice c, Path dataDir, int p, int pTest, RandomStream stream) {
        if (p < 1 || pTest < 0) {
            throw new IllegalArgumentException(c.name() + ": P = " + p + ", P_test = " + pTest + " (accepted: P >= 1, P_test >= 0)");
        }
        return switch (c.kind()) {
            case MNIST -> mnist(c, dataDir, p, pTest, stream);
            case CIFAR -> cifar(c, dataDir, p, pTest, stream);
            case FILE -> file(c, dataDir, p, pTest, stream);
            default -> throw new IllegalArgumentException(c.name() + " is synthetic: the experiment draws it");
        };
    }

    public static LabelledData load(String dataset, Path dataDir, int p, int pTest, RandomStream stream) {
        return load(parse(dataset), dataDir, p, pTest, stream);
    }

    /** Where MNIST's files may lie: the data folder itself, DIR/mnist, DIR/MNIST/raw (torchvision's layout). */
    public static List<Path> mnistFolders(Path dataDir) {
        return List.of(dataDir, dataDir.resolve("mnist"), dataDir.resolve("MNIST").resolve("raw"));
    }

    /** Where CIFAR-10's batches may lie: the data folder itself or DIR/cifar-10-batches-bin (the tarball's folder). */
    public static List<Path> cifarFolders(Path dataDir) {
        return List.of(dataDir, dataDir.resolve("cifar-10-batches-bin"));
    }

    private static LabelledData mnist(Choice c, Path dir, int p, int pTest, RandomStream stream) {
        String hint = "Put the four MNIST IDX files (" + String.join(", ", MNIST_FILES)
                + ", plain or .gz) in one of these folders, or pass --data-dir; dismc does not download.";
        List<Path> folders = mnistFolders(dir);
        Path trainImages = DataFiles.locate(c.name(), folders, MNIST_FILES.get(0), hint);
        Path trainLabels = DataFiles.locate(c.name(), folders, MNIST_FILES.get(1), hint);
        Path testImages = DataFiles.locate(c.name(), folders, MNIST_FILES.get(2), hint);
        Path testLabels = DataFiles.locate(c.name(), folders, MNIST_FILES.get(3), hint);
        Split train = mnistSplit(c, "training", trainImages, trainLabels, p, stream.family().stream(0));
        Split test = mnistSplit(c, "test", testImages, testLabels, pTest, stream.family().stream(1));
        return new LabelledData(c.name(), train.d, train.x, train.y, test.x, test.y);
    }

    private record Split(int d, double[] x, double[] y) {}

    private static Split mnistSplit(Choice c, String which, Path imageFile, Path labelFile, int m, RandomStream stream) {
        MnistIdx.Images images = MnistIdx.readImages(imageFile);
        int[] labels = MnistIdx.readLabels(labelFile);
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(c.name() + ": " + imageFile + " holds " + images.count() + " images but "
                    + labelFile + " " + labels.length + " labels");
        }
        int d = images.rows() * images.cols();
        int[] chosen = balanced(c, which, labels, m, stream);
        double[] x = new double[chosen.length * d];
        double[] y = new double[chosen.length];
        for (int q = 0; q < chosen.length; q++) {
            ImagePreprocessing.mnist(images, chosen[q], x, q * d);
            y[q] = labels[chosen[q]] == c.classes()[0] ? -1 : 1;
        }
        return new Split(d, x, y);
    }

    private static LabelledData cifar(Choice c, Path dir, int p, int pTest, RandomStream stream) {
        String hint = "Put CIFAR-10's binary version (" + String.join(", ", CIFAR_TRAIN_FILES) + ", " + CIFAR_TEST_FILE
                + ", from cifar-10-binary.tar.gz) in one of these folders, or pass --data-dir; dismc does not download.";
        List<Path> folders = cifarFolders(dir);
        List<Path> trainFiles = new ArrayList<>();
        for (String f : CIFAR_TRAIN_FILES) {
            trainFiles.add(DataFiles.locate(c.name(), folders, f, hint));
        }
        Path testFile = DataFiles.locate(c.name(), folders, CIFAR_TEST_FILE, hint);
        Split train = cifarSplit(c, "training", Cifar10Binary.read(trainFiles, c.classes()), p, stream.family().stream(0));
        Split test = cifarSplit(c, "test", Cifar10Binary.read(List.of(testFile), c.classes()), pTest, stream.family().stream(1));
        return new LabelledData(c.name(), train.d, train.x, train.y, test.x, test.y);
    }

    private static Split cifarSplit(Choice c, String which, Cifar10Binary.Records r, int m, RandomStream stream) {
        int d = ImagePreprocessing.SIDE * ImagePreprocessing.SIDE;
        int[] chosen = balanced(c, which, r.labels(), m, stream);
        double[] x = new double[chosen.length * d];
        double[] y = new double[chosen.length];
        for (int q = 0; q < chosen.length; q++) {
            ImagePreprocessing.cifar(r, chosen[q], x, q * d);
            y[q] = r.labels()[chosen[q]] == c.classes()[0] ? -1 : 1;
        }
        return new Split(d, x, y);
    }

    /**
     * m/2 examples of the first class and m - m/2 of the second, each a random subset (streams 0 and 1 of
     * the family), then shuffled together (stream 2).
     */
    static int[] balanced(Choice c, String which, int[] labels, int m, RandomStream stream) {
        int[] need = {m / 2, m - m / 2};
        int[] picked = new int[m];
        int at = 0;
        for (int k = 0; k < 2; k++) {
            int cls = c.classes()[k];
            int[] pool = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            if (pool.length < need[k]) {
                throw new IllegalArgumentException(c.name() + ": " + need[k] + " " + which + " examples of class " + cls
                        + " asked for, the " + which + " set has " + pool.length + " (lower P or P_test)");
            }
            for (int i : Subsets.choose(pool.length, need[k], stream.family().stream(k))) {
                picked[at++] = pool[i];
            }
        }
        int[] order = Subsets.permutation(m, stream.family().stream(2));
        int[] out = new int[m];
        for (int q = 0; q < m; q++) {
            out[q] = picked[order[q]];
        }
        return out;
    }

    private static Path resolveUserFile(Choice c, Path dataDir, String f) {
        Path p = Path.of(f);
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path q = dataDir.resolve(f);
        if (Files.isRegularFile(q)) {
            return q;
        }
        throw new IllegalArgumentException("--dataset " + c.name() + ": file " + f + " not found (looked at " + p.toAbsolutePath()
                + " and " + q.toAbsolutePath() + ")");
    }

    private static NpyArray table(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".npy") || n.endsWith(".npy.gz") ? NpyArray.read(file) : CsvTable.read(file);
    }

    private static LabelledData file(Choice c, Path dataDir, int p, int pTest, RandomStream stream) {
        double[] x;
        double[] y;
        int d;
        if (c.files().size() == 2) {
            Path xf = resolveUserFile(c, dataDir, c.files().get(0));
            Path yf = resolveUserFile(c, dataDir, c.files().get(1));
            NpyArray xa = NpyArray.read(xf);
            NpyArray ya = NpyArray.read(yf);
            if (xa.shape().length != 2) {
                throw new IllegalArgumentException(xf + ": inputs must be a 2-D array (examples x D), got shape "
                        + java.util.Arrays.toString(xa.shape()));
            }
            if (ya.data().length != xa.rows() || ya.cols() != 1) {
                throw new IllegalArgumentException(yf + ": " + ya.data().length + " labels of shape " + java.util.Arrays.toString(ya.shape())
                        + " for " + xa.rows() + " examples in " + xf);
            }
            d = xa.cols();
            x = xa.data();
            y = ya.data();
        } else {
            Path f = resolveUserFile(c, dataDir, c.files().get(0));
            NpyArray t = table(f);
            if (t.shape().length != 2 || t.cols() < 2) {
                throw new IllegalArgumentException(f + ": need a table of examples x (D inputs + 1 label), got shape "
                        + java.util.Arrays.toString(t.shape()));
            }
            d = t.cols() - 1;
            x = new double[t.rows() * d];
            y = new double[t.rows()];
            for (int r = 0; r < t.rows(); r++) {
                System.arraycopy(t.data(), r * t.cols(), x, r * d, d);
                y[r] = t.data()[r * t.cols() + d];
            }
        }
        int n = y.length;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(c.name() + ": the inputs hold a non-finite value");
            }
        }
        if ((long) p + pTest > n) {
            throw new IllegalArgumentException(c.name() + ": P + P_test = " + (p + pTest) + " examples asked for, the file has " + n);
        }
        int[] chosen = Subsets.choose(n, p + pTest, stream.family().stream(0));
        double[] xTrain = new double[p * d];
        double[] yTrain = new double[p];
        double[] xTest = new double[pTest * d];
        double[] yTest = new double[pTest];
        for (int q = 0; q < p + pTest; q++) {
            boolean tr = q < p;
            int at = tr ? q : q - p;
            System.arraycopy(x, chosen[q] * d, tr ? xTrain : xTest, at * d, d);
            (tr ? yTrain : yTest)[at] = y[chosen[q]];
        }
        return new LabelledData(c.name(), d, xTrain, yTrain, xTest, yTest);
    }
}
