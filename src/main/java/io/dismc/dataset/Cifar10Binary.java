package io.dismc.dataset;

import java.nio.file.Path;

/**
 * CIFAR-10's binary version (Krizhevsky 2009, "cifar-10-binary.tar.gz"): each of data_batch_1.bin ..
 * data_batch_5.bin and test_batch.bin is a sequence of 3073-byte records, one label byte (0-9) then the
 * 32 x 32 image as 1024 red, 1024 green and 1024 blue bytes, each plane row-major.
 */
public final class Cifar10Binary {
    public static final int SIDE = 32;
    public static final int PLANE = SIDE * SIDE;
    public static final int RECORD = 1 + 3 * PLANE;

    private Cifar10Binary() {}

    /** Records kept from one or more batch files: labels and the RGB planes (3072 bytes per image). */
    public record Records(int[] labels, byte[] rgb) {
        public int count() {
            return labels.length;
        }
    }

    /** The records of the files whose label is one of classes, in file order. */
    public static Records read(java.util.List<Path> files, int... classes) {
        boolean[] keep = new boolean[256];
        for (int c : classes) {
            if (c < 0 || c > 9) {
                throw new IllegalArgumentException("CIFAR-10 class " + c + " (accepted: 0-9)");
            }
            keep[c] = true;
        }
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        for (Path f : files) {
            byte[] b = DataFiles.readAll(f);
            if (b.length % RECORD != 0) {
                throw new IllegalArgumentException(f + ": truncated: " + b.length + " bytes is not a whole number of "
                        + RECORD + "-byte CIFAR-10 records (" + b.length / RECORD + " whole records and "
                        + b.length % RECORD + " bytes more)");
            }
            for (int r = 0; r < b.length / RECORD; r++) {
                int label = b[r * RECORD] & 0xff;
                if (label > 9) {
                    throw new IllegalArgumentException(f + ": record " + r + " has label " + label
                            + " (CIFAR-10 labels are 0-9; is this the CIFAR-100 or the Python version?)");
                }
                if (keep[label]) {
                    labels.add(label);
                    pixels.write(b, r * RECORD + 1, RECORD - 1);
                }
            }
        }
        return new Records(labels.stream().mapToInt(Integer::intValue).toArray(), pixels.toByteArray());
    }
}
