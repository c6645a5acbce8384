package io.dismc.dataset;

/**
 * The image preprocessing of the adaptive-kernel paper's code (Lauditi, Bordelon, Pehlevan 2025; docs/models.md,
 * section datasets), pixel values v in 0..255:
 * <ul>
 *   <li>MNIST: x = (v / 255 - 0.1307) / 0.3081, the 28 x 28 image flattened row-major (D = 784);</li>
 *   <li>CIFAR-10: each colour plane resized 32 x 32 -&gt; 28 x 28 by bilinear interpolation with half-pixel
 *       centres and no antialiasing (TensorFlow 2's tf.image.resize default, which the authors call), then
 *       grey = 0.2989 R + 0.5870 G + 0.1140 B (tf.image.rgb_to_grayscale's luma weights, ITU-R BT.601
 *       rounded), then x = (grey / 255 - 0.4799) / 0.2396 (the authors' constants), flattened (D = 784).</li>
 * </ul>
 * Resizing and the grey conversion are both linear, so their order only changes rounding; here they run
 * in double precision (TensorFlow: float32).
 */
public final class ImagePreprocessing {
    public static final double MNIST_MEAN = 0.1307;
    public static final double MNIST_STD = 0.3081;
    public static final double CIFAR_GRAY_MEAN = 0.4799;
    public static final double CIFAR_GRAY_STD = 0.2396;
    public static final double[] LUMA = {0.2989, 0.5870, 0.1140};
    public static final int SIDE = 28;

    private ImagePreprocessing() {}

    /** Standardized MNIST image i as D = rows cols inputs, into out[off ..]. */
    public static void mnist(MnistIdx.Images images, int i, double[] out, int off) {
        int d = images.rows() * images.cols();
        for (int q = 0; q < d; q++) {
            out[off + q] = (images.pixel(i, q) / 255.0 - MNIST_MEAN) / MNIST_STD;
        }
    }

    /** CIFAR-10 record i: resized to 28 x 28, grey, standardized, into out[off .. off + 783]. */
    public static void cifar(Cifar10Binary.Records records, int i, double[] out, int off) {
        double[] plane = new double[Cifar10Binary.PLANE];
        double[] resized = new double[SIDE * SIDE];
        java.util.Arrays.fill(out, off, off + SIDE * SIDE, 0.0);
        int base = i * 3 * Cifar10Binary.PLANE;
        for (int c = 0; c < 3; c++) {
            for (int q = 0; q < Cifar10Binary.PLANE; q++) {
                plane[q] = records.rgb()[base + c * Cifar10Binary.PLANE + q] & 0xff;
            }
            resizeBilinear(plane, Cifar10Binary.SIDE, Cifar10Binary.SIDE, resized, SIDE, SIDE);
            for (int q = 0; q < resized.length; q++) {
                out[off + q] += LUMA[c] * resized[q];
            }
        }
        for (int q = 0; q < resized.length; q++) {
            out[off + q] = (out[off + q] / 255.0 - CIFAR_GRAY_MEAN) / CIFAR_GRAY_STD;
        }
    }

    /**
     * Bilinear resize with half-pixel centres: output pixel (r, c) samples the input at
     * ((r + 1/2) h/H - 1/2, (c + 1/2) w/W - 1/2), clamped to the image, from its four neighbours.
     */
    public static void resizeBilinear(double[] in, int h, int w, double[] out, int outH, int outW) {
        for (int r = 0; r < outH; r++) {
            double y = Math.max(0, (r + 0.5) * h / outH - 0.5);
            int y0 = Math.min((int) y, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = y - y0;
            for (int c = 0; c < outW; c++) {
                double x = Math.max(0, (c + 0.5) * w / outW - 0.5);
                int x0 = Math.min((int) x, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = x - x0;
                double top = in[y0 * w + x0] + (in[y0 * w + x1] - in[y0 * w + x0]) * fx;
                double bottom = in[y1 * w + x0] + (in[y1 * w + x1] - in[y1 * w + x0]) * fx;
                out[r * outW + c] = top + (bottom - top) * fy;
            }
        }
    }
}
