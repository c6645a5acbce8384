package io.dismc.dataset;

import java.nio.file.Path;

/**
 * MNIST's IDX files (LeCun, Cortes, Burges): a big-endian header, magic 0x00000803 for images (unsigned
 * bytes, 3 dimensions: count, rows, columns) or 0x00000801 for labels (1 dimension: count), then the
 * unsigned bytes in row-major order. Plain or gzip (the distributed .gz files).
 */
public final class MnistIdx {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private MnistIdx() {}

    /** Images as unsigned bytes, image i at pixels[i rows cols ..]. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int pixel(int image, int index) {
            return pixels[image * rows * cols + index] & 0xff;
        }
    }

    public static Images readImages(Path file) {
        byte[] b = DataFiles.readAll(file);
        checkMagic(file, b, IMAGES_MAGIC, "images (idx3-ubyte)");
        if (b.length < 16) {
            throw truncated(file, 16, b.length, "the 16-byte image header");
        }
        int count = int32(b, 4);
        int rows = int32(b, 8);
        int cols = int32(b, 12);
        if (count < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException(file + ": bad IDX image dimensions " + count + " x " + rows + " x " + cols);
        }
        long need = 16 + (long) count * rows * cols;
        if (b.length < need) {
            throw truncated(file, need, b.length, count + " images of " + rows + " x " + cols);
        }
        byte[] px = new byte[Math.toIntExact(need - 16)];
        System.arraycopy(b, 16, px, 0, px.length);
        return new Images(count, rows, cols, px);
    }

    /** Labels 0..255 (digits 0-9 for MNIST). */
    public static int[] readLabels(Path file) {
        byte[] b = DataFiles.readAll(file);
        checkMagic(file, b, LABELS_MAGIC, "labels (idx1-ubyte)");
        if (b.length < 8) {
            throw truncated(file, 8, b.length, "the 8-byte label header");
        }
        int count = int32(b, 4);
        if (count < 0) {
            throw new IllegalArgumentException(file + ": bad IDX label count " + count);
        }
        long need = 8 + (long) count;
        if (b.length < need) {
            throw truncated(file, need, b.length, count + " labels");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = b[8 + i] & 0xff;
        }
        return labels;
    }

    private static void checkMagic(Path file, byte[] b, int magic, String kind) {
        if (b.length < 4 || int32(b, 0) != magic) {
            String found = b.length < 4 ? "a " + b.length + "-byte file" : String.format("magic 0x%08x", int32(b, 0));
            throw new IllegalArgumentException(file + ": not an IDX " + kind + " file (expected magic "
                    + String.format("0x%08x", magic) + ", found " + found + ")");
        }
    }

    private static IllegalArgumentException truncated(Path file, long need, long have, String what) {
        return new IllegalArgumentException(file + ": truncated: the header announces " + what + " (" + need
                + " bytes) but the file holds " + have + " bytes");
    }

    static int int32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
