package io.dismc.backend;

/**
 * Whether CUDA is usable here, decided once per process. The first touch of JCudaDriver loads its
 * native library; on a machine without the driver that throws UnsatisfiedLinkError and the class is
 * unusable for good, so the verdict is cached and every later caller reads it.
 */
public final class CudaProbe {
    /** usable, or why not; device names the GPU when usable. */
    public record Verdict(boolean usable, String reason, String device) {}

    private static Verdict verdict;

    private CudaProbe() {}

    public static synchronized Verdict verdict() {
        if (verdict == null) {
            verdict = probe();
        }
        return verdict;
    }

    private static Verdict probe() {
        try {
            jcuda.driver.JCudaDriver.setExceptionsEnabled(true);
            jcuda.driver.JCudaDriver.cuInit(0);
            int[] count = new int[1];
            jcuda.driver.JCudaDriver.cuDeviceGetCount(count);
            if (count[0] == 0) {
                return new Verdict(false, "the CUDA driver reports no device", null);
            }
            jcuda.driver.CUdevice dev = new jcuda.driver.CUdevice();
            jcuda.driver.JCudaDriver.cuDeviceGet(dev, 0);
            byte[] name = new byte[256];
            jcuda.driver.JCudaDriver.cuDeviceGetName(name, name.length, dev);
            String s = new String(name, java.nio.charset.StandardCharsets.US_ASCII).trim().replace("\0", "");
            return new Verdict(true, null, s);
        } catch (Throwable t) {
            return new Verdict(false, summarize(t), null);
        }
    }

    /** The most telling line of a native-loading failure: the missing library, else the innermost message. */
    public static String summarize(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null && all.length() < 100_000; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\w.+-]+\\.so[.\\d]*): cannot open shared object file")
                .matcher(all);
        String missing = null;
        while (m.find()) {
            missing = m.group(1); // the last one: the attempt that got furthest (resource, after file)
        }
        if (missing != null) {
            return missing.startsWith("libcuda.so") ? "no NVIDIA driver (libcuda.so.1 not found)" : missing + " not found";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        msg = msg.replace('\n', ' ').trim();
        return msg.length() > 160 ? msg.substring(0, 160) + "..." : msg;
    }
}
