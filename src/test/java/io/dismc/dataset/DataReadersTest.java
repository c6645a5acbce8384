package io.dismc.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.dataset.Cifar10Binary;
import io.dismc.dataset.Datasets;
import io.dismc.dataset.ImagePreprocessing;
import io.dismc.dataset.LabelledData;
import io.dismc.dataset.MnistIdx;
import io.dismc.dataset.NpyArray;
import io.dismc.dataset.Subsets;
import io.dismc.rng.RandomStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset readers on tiny files written here in each distribution format (docs/models.md, section datasets):
 * MNIST IDX plain and gzipped, CIFAR-10 binary batches, .npy (float64/float32, C and Fortran order) and CSV;
 * the preprocessing constants, class filtering and balancing, the counter-based selection, and the messages for a
 * missing and a truncated file.
 */
class DataReadersTest {
    @TempDir
    Path dir;

    /** Image i of a fake MNIST set: pixel q = (7 i + 3 q) mod 256, label labels[i]. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int q = 0; q < rows * cols; q++) {
                b.put((byte) ((7 * i + 3 * q) % 256));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x00000801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** A fake MNIST folder: 12 training images (labels cycling 0..5), 8 test images, 28 x 28, the training files gzipped. */
    void writeMnist(Path folder) throws IOException {
        Files.createDirectories(folder);
        int[] train = new int[12];
        int[] test = new int[8];
        for (int i = 0; i < train.length; i++) {
            train[i] = i % 6;
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = i % 4;
        }
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(12, 28, 28)));
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(train)));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), idxImages(8, 28, 28));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), idxLabels(test));
    }

    @Test
    void mnistIdxPlainAndGzipReadTheSame() throws IOException {
        byte[] raw = idxImages(3, 4, 5);
        Files.write(dir.resolve("a"), raw);
        Files.write(dir.resolve("a.gz"), gzip(raw));
        MnistIdx.Images plain = MnistIdx.readImages(dir.resolve("a"));
        MnistIdx.Images zipped = MnistIdx.readImages(dir.resolve("a.gz"));
        assertEquals(3, plain.count());
        assertEquals(4, plain.rows());
        assertEquals(5, plain.cols());
        assertArrayEquals(plain.pixels(), zipped.pixels());
        assertEquals((7 * 2 + 3 * 19) % 256, plain.pixel(2, 19));
    }

    @Test
    void mnist01KeepsTwoDigitsBalancedStandardizedAndLabelledPlusMinus() throws IOException {
        writeMnist(dir.resolve("mnist"));
        LabelledData d = Datasets.load("mnist01", dir, 4, 4, new RandomStream(3, 9));
        assertEquals(784, d.d());
        assertEquals(4, d.trainSize());
        assertEquals(4, d.testSize());
        assertEquals(2, Arrays.stream(d.yTrain()).filter(v -> v == -1).count(), "P/2 of digit 0");
        assertEquals(2, Arrays.stream(d.yTest()).filter(v -> v == 1).count(), "P_test/2 of digit 1");
        // each chosen training row is one of the images of its digit, standardized with (0.1307, 0.3081)
        for (int q = 0; q < 4; q++) {
            int digit = d.yTrain()[q] < 0 ? 0 : 1;
            boolean found = false;
            for (int i = digit; i < 12; i += 6) {
                boolean same = true;
                for (int k = 0; k < 784 && same; k++) {
                    double expected = (((7 * i + 3 * k) % 256) / 255.0 - 0.1307) / 0.3081;
                    same = Math.abs(d.xTrain()[q * 784 + k] - expected) < 1e-12;
                }
                found |= same;
            }
            assertTrue(found, "training row " + q + " is a standardized image of digit " + digit);
        }
        // the same stream gives the same selection; another stream may differ but keeps the balance
        assertArrayEquals(d.xTrain(), Datasets.load("mnist01", dir, 4, 4, new RandomStream(3, 9)).xTrain());
        // torchvision's layout DIR/MNIST/raw is found too
        Path other = dir.resolve("tv");
        writeMnist(other.resolve("MNIST").resolve("raw"));
        assertArrayEquals(d.xTest(), Datasets.load("mnist01", other, 4, 4, new RandomStream(3, 9)).xTest());
    }

    @Test
    void tooFewExamplesOfAClassIsAClearError() throws IOException {
        writeMnist(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("mnist01", dir, 6, 2, new RandomStream(1, 1)));
        assertTrue(e.getMessage().contains("3 training examples of class 0") && e.getMessage().contains("has 2"), e.getMessage());
    }

    @Test
    void aMissingFileNamesTheFileAndTheFoldersLookedIn() throws IOException {
        writeMnist(dir);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("mnist01", dir, 2, 2, new RandomStream(1, 1)));
        String m = e.getMessage();
        assertTrue(m.contains("t10k-labels-idx1-ubyte") && m.contains(dir.toString()) && m.contains(dir.resolve("mnist").toString())
                && m.contains("does not download"), m);
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("cifar01", dir, 2, 2, new RandomStream(1, 1)));
        assertTrue(c.getMessage().contains("data_batch_1.bin") && c.getMessage().contains("cifar-10-batches-bin"), c.getMessage());
    }

    @Test
    void aTruncatedFileSaysWhatTheHeaderAnnouncedAndWhatIsThere() throws IOException {
        byte[] raw = idxImages(3, 28, 28);
        Files.write(dir.resolve("cut"), Arrays.copyOf(raw, raw.length - 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MnistIdx.readImages(dir.resolve("cut")));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("3 images of 28 x 28")
                && e.getMessage().contains(String.valueOf(raw.length - 100)), e.getMessage());
        byte[] gz = gzip(raw);
        Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        IllegalArgumentException z = assertThrows(IllegalArgumentException.class, () -> MnistIdx.readImages(dir.resolve("cut.gz")));
        assertTrue(z.getMessage().contains("truncated"), z.getMessage());
        Files.write(dir.resolve("labels"), idxImages(1, 2, 2));
        IllegalArgumentException magic = assertThrows(IllegalArgumentException.class, () -> MnistIdx.readLabels(dir.resolve("labels")));
        assertTrue(magic.getMessage().contains("0x00000801") && magic.getMessage().contains("0x00000803"), magic.getMessage());
        byte[] batch = cifarBatch(new int[] {0, 1});
        Files.write(dir.resolve("short.bin"), Arrays.copyOf(batch, batch.length - 1));
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Binary.read(java.util.List.of(dir.resolve("short.bin")), 0, 1));
        assertTrue(cut.getMessage().contains("truncated") && cut.getMessage().contains("3073"), cut.getMessage());
    }

    /** CIFAR records: image of record r has red = r + 10, green = 2 r + 20 + column, blue = 200 - row (32 x 32). */
    static byte[] cifarBatch(int[] labels) {
        byte[] b = new byte[labels.length * Cifar10Binary.RECORD];
        for (int r = 0; r < labels.length; r++) {
            int o = r * Cifar10Binary.RECORD;
            b[o] = (byte) labels[r];
            for (int row = 0; row < 32; row++) {
                for (int col = 0; col < 32; col++) {
                    int q = row * 32 + col;
                    b[o + 1 + q] = (byte) (r + 10);
                    b[o + 1 + 1024 + q] = (byte) (2 * r + 20 + col);
                    b[o + 1 + 2048 + q] = (byte) (200 - row);
                }
            }
        }
        return b;
    }

    @Test
    void cifar01FiltersClassesResizesGreysAndStandardizes() throws IOException {
        Path folder = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(folder);
        for (int k = 1; k <= 5; k++) {
            Files.write(folder.resolve("data_batch_" + k + ".bin"), cifarBatch(new int[] {k % 2, 2, 3, (k + 1) % 2}));
        }
        Files.write(folder.resolve("test_batch.bin"), cifarBatch(new int[] {9, 0, 1, 1, 0}));
        Cifar10Binary.Records rec = Cifar10Binary.read(java.util.List.of(folder.resolve("test_batch.bin")), 0, 1);
        assertArrayEquals(new int[] {0, 1, 1, 0}, rec.labels(), "class 9 dropped, order kept");
        LabelledData d = Datasets.load("cifar01", dir, 10, 4, new RandomStream(2, 2));
        assertEquals(784, d.d());
        assertEquals(5, Arrays.stream(d.yTrain()).filter(v -> v == -1).count());
        // bilinear 32 -> 28 with half-pixel centres is exact on images linear in row and column, so the grey value
        // of output pixel (i, j) is 0.2989 R + 0.5870 (2 r + 20 + x_j) + 0.1140 (200 - y_i), x_j = (j + 1/2) 32/28 - 1/2
        // (clamped at the border, where x_0 = 1/14 is inside); test record 1 (r = 1) is a class-0 image
        double[] x = new double[784];
        ImagePreprocessing.cifar(rec, 0, x, 0);
        for (int i = 0; i < 28; i++) {
            for (int j = 0; j < 28; j++) {
                double xj = Math.min(31, (j + 0.5) * 32 / 28 - 0.5);
                double yi = Math.min(31, (i + 0.5) * 32 / 28 - 0.5);
                double grey = 0.2989 * (1 + 10) + 0.5870 * (2 + 20 + xj) + 0.1140 * (200 - yi);
                assertEquals((grey / 255 - 0.4799) / 0.2396, x[i * 28 + j], 1e-12, "pixel " + i + ", " + j);
            }
        }
        boolean inTest = false;
        for (int q = 0; q < 4; q++) {
            inTest |= Math.abs(d.xTest()[q * 784] - x[0]) < 1e-12;
        }
        assertTrue(inTest, "the test split is drawn from test_batch.bin's class-0/1 images");
    }

    static byte[] npy(String descr, boolean fortran, int[] shape, double[] values) {
        String sh = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + sh + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * size)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        b.order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            switch (descr.substring(1)) {
                case "f8" -> b.putDouble(v);
                case "f4" -> b.putFloat((float) v);
                case "i8" -> b.putLong((long) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return b.array();
    }

    @Test
    void npyFloat64Float32FortranAndIntegerLabels() throws IOException {
        double[] x = {1, 2, 3, 4, 5, 6}; // 3 x 2 row-major
        Files.write(dir.resolve("x64.npy"), npy("<f8", false, new int[] {3, 2}, x));
        Files.write(dir.resolve("x32.npy"), npy(">f4", false, new int[] {3, 2}, new double[] {1.5, 2, 3, 4, 5, 6.25}));
        Files.write(dir.resolve("xf.npy"), npy("<f8", true, new int[] {3, 2}, new double[] {1, 3, 5, 2, 4, 6}));
        Files.write(dir.resolve("y.npy"), npy("<i8", false, new int[] {3}, new double[] {1, -1, 1}));
        assertArrayEquals(x, NpyArray.read(dir.resolve("x64.npy")).data());
        assertArrayEquals(new double[] {1.5, 2, 3, 4, 5, 6.25}, NpyArray.read(dir.resolve("x32.npy")).data());
        assertArrayEquals(x, NpyArray.read(dir.resolve("xf.npy")).data(), "Fortran order is transposed to C order");
        NpyArray y = NpyArray.read(dir.resolve("y.npy"));
        assertArrayEquals(new int[] {3}, y.shape());
        LabelledData d = Datasets.load("x64.npy,y.npy", dir, 2, 1, new RandomStream(4, 4));
        assertEquals(2, d.d());
        double[] all = new double[6];
        System.arraycopy(d.xTrain(), 0, all, 0, 4);
        System.arraycopy(d.xTest(), 0, all, 4, 2);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        assertArrayEquals(x, sorted, "P + P_test distinct rows of the file");
        for (int q = 0; q < 2; q++) {
            int row = (int) (d.xTrain()[2 * q] - 1) / 2;
            assertEquals(row == 1 ? -1 : 1, d.yTrain()[q], "labels follow their rows");
        }
        byte[] good = npy("<f8", false, new int[] {3, 2}, x);
        Files.write(dir.resolve("cut.npy"), Arrays.copyOf(good, good.length - 8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyArray.read(dir.resolve("cut.npy")));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }

    @Test
    void csvWithHeaderCommentsAndLabelLast() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "x1,x2,y\n# a comment\n0.5,1,1\n\n2,3,-1\n4,5.5,1\n6,7,-1\n");
        LabelledData d = Datasets.load("d.csv", dir, 3, 1, new RandomStream(5, 5));
        assertEquals(2, d.d());
        assertEquals(3, d.trainSize());
        for (int q = 0; q < 3; q++) {
            double x1 = d.xTrain()[2 * q];
            assertEquals(x1 == 0.5 || x1 == 4 ? 1 : -1, d.yTrain()[q]);
        }
        Files.writeString(dir.resolve("bad.csv"), "1,2,3\n4,5\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("bad.csv", dir, 1, 0, new RandomStream(1, 1)));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> Datasets.load("d.csv", dir, 4, 1, new RandomStream(1, 1)));
        assertTrue(many.getMessage().contains("the file has 4"), many.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Datasets.load("nope.csv", dir, 1, 1, new RandomStream(1, 1)));
        assertTrue(none.getMessage().contains("nope.csv") && none.getMessage().contains("not found"), none.getMessage());
    }

    @Test
    void namesParse() {
        assertTrue(Datasets.parse("gaussian").synthetic());
        assertTrue(Datasets.parse("teacher").synthetic());
        assertArrayEquals(new int[] {3, 8}, Datasets.parse("mnist38").classes());
        assertEquals(Datasets.Kind.CIFAR, Datasets.parse("CIFAR01").kind());
        assertThrows(IllegalArgumentException.class, () -> Datasets.parse("mnist11"));
        assertThrows(IllegalArgumentException.class, () -> Datasets.parse("imagenet"));
    }

    @Test
    void subsetsAreDistinctUniformAndAddressed() {
        int[] s = Subsets.choose(10, 10, new RandomStream(8, 1));
        int[] sorted = s.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        // first element uniform over 0..4: 20000 draws, each count 4000 +- 4 sigma (sigma = 57)
        int[] counts = new int[5];
        for (int k = 0; k < 20000; k++) {
            counts[Subsets.choose(5, 1, new RandomStream(11, k))[0]]++;
        }
        for (int c : counts) {
            assertEquals(4000, c, 230, Arrays.toString(counts));
        }
    }
}
