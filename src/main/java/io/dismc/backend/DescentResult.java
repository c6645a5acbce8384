package io.dismc.backend;

/** Where one replica's spherical descent ended: its weights, the violated constraints left and the steps it took. */
public record DescentResult(float[] weights, int violations, long steps) {
    public boolean solved() {
        return violations == 0;
    }
}
