package io.dismc.run;

import io.dismc.data.NdArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format, version 1.0, float64 little-endian, C order: readable by numpy.load and by
 * Julia's NPZ.jl without anything else. The header is padded so the data starts on a 64-byte boundary.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {}

    public static byte[] encode(NdArray a) {
        // Python tuple syntax: "()", "(7,)", "(3, 4)"
        String[] dims = java.util.Arrays.stream(a.shape()).mapToObj(Integer::toString).toArray(String[]::new);
        String shape = dims.length == 1 ? "(" + dims[0] + ",)" : "(" + String.join(", ", dims) + ")";
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 8 * a.data().length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : a.data()) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    public static void write(Path file, NdArray a) throws IOException {
        AtomicFiles.write(file, encode(a));
    }

    /** Reads what {@link #write} writes (float64, little-endian, C order). */
    public static NdArray read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (buf.get() != m) {
                throw new IOException(file + " is not a .npy file");
            }
        }
        buf.get();
        buf.get();
        int len = buf.getShort() & 0xffff;
        byte[] h = new byte[len];
        buf.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": only float64 C-order arrays are supported");
        }
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": no shape in the header");
        }
        String[] parts = m.group(1).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count++] = Integer.parseInt(p.trim());
            }
        }
        int[] dims = java.util.Arrays.copyOf(shape, count);
        long size = 1;
        for (int d : dims) {
            size *= d;
        }
        double[] data = new double[Math.toIntExact(size)];
        for (int i = 0; i < data.length; i++) {
            data[i] = buf.getDouble();
        }
        return new NdArray(dims, data);
    }
}
