package io.dismc.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy .npy files (format versions 1.0, 2.0 and 3.0) of 1 or 2 dimensions: float64 or float32
 * (the inputs' usual types) and the integer types labels are often saved in (int8/16/32/64, uint8), either
 * byte order, C or Fortran order; values are widened to double, returned in C (row-major) order.
 * The engine's own writer is io.dismc.run.Npy (float64 only).
 */
public record NpyArray(int[] shape, double[] data) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public int rows() {
        return shape[0];
    }

    /** Columns of a 2-D array (1 for a 1-D one). */
    public int cols() {
        return shape.length == 2 ? shape[1] : 1;
    }

    public static NpyArray read(Path file) {
        byte[] b = DataFiles.readAll(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
        if (b.length < 10) {
            throw new IllegalArgumentException(file + ": not a .npy file (" + b.length + " bytes)");
        }
        for (byte m : magic) {
            if (buf.get() != m) {
                throw new IllegalArgumentException(file + ": not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = buf.get();
        buf.get();
        long headerLength = major == 1 ? buf.getShort() & 0xffff : buf.getInt() & 0xffffffffL;
        if (major < 1 || major > 3 || buf.position() + headerLength > b.length) {
            throw new IllegalArgumentException(file + ": truncated or unsupported .npy header (version " + major + ")");
        }
        byte[] h = new byte[(int) headerLength];
        buf.get(h);
        String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException(file + ": unsupported .npy dtype or header " + header.trim()
                    + " (accepted: float64, float32, int8/16/32/64, uint8; 1-D or 2-D)");
        }
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        boolean okSize = kind == 'f' ? size == 4 || size == 8 : kind == 'u' ? size == 1 : size == 1 || size == 2 || size == 4 || size == 8;
        if (!okSize) {
            throw new IllegalArgumentException(file + ": unsupported .npy dtype " + d.group() + " (accepted: float64, float32, int8/16/32/64, uint8)");
        }
        buf.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int[] shape = java.util.Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException(file + ": a " + shape.length + "-D array (accepted: 1-D labels, 2-D inputs)");
        }
        long count = 1;
        for (int n : shape) {
            count *= n;
        }
        long need = buf.position() + count * size;
        if (b.length < need) {
            throw new IllegalArgumentException(file + ": truncated: the header announces shape " + java.util.Arrays.toString(shape)
                    + " of " + size + "-byte values (" + need + " bytes) but the file holds " + b.length + " bytes");
        }
        double[] v = new double[Math.toIntExact(count)];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (kind) {
                case 'f' -> size == 8 ? buf.getDouble() : buf.getFloat();
                case 'u' -> buf.get() & 0xff;
                default -> switch (size) {
                    case 1 -> buf.get();
                    case 2 -> buf.getShort();
                    case 4 -> buf.getInt();
                    default -> (double) buf.getLong();
                };
            };
        }
        if (f.group(1).equals("True") && shape.length == 2) {
            // column-major on disk: element (r, c) at c rows + r
            double[] c = new double[v.length];
            for (int r = 0; r < shape[0]; r++) {
                for (int q = 0; q < shape[1]; q++) {
                    c[r * shape[1] + q] = v[q * shape[0] + r];
                }
            }
            v = c;
        }
        return new NpyArray(shape, v);
    }
}
