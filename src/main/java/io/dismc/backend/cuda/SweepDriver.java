package io.dismc.backend.cuda;

/**
 * The one driver of kernels/async_sweep.cu: fields from scratch, batched asynchronous sweeps (each
 * replica on its own network of the stack), starting states from columns, overlaps with columns.
 * CPU twin: io.dismc.backend.cpu.AsynchronousDynamics.
 */
public final class SweepDriver {
    private final CudaDevice device;

    public SweepDriver(CudaDevice device) {
        this.device = device;
    }

    /** Block size for a reduction over len entries: a multiple of 32, at most 256. */
    static int threadsFor(long len) {
        return (int) Math.min(256, Math.max(32, (len + 31) / 32 * 32));
    }

    /** form 0: integer overlaps M = xi^T s; form 1: field numerators h = J s; replica r on network instance[r]. */
    public void initState(int form, int n, int p, DeviceBuffer xi, DeviceBuffer jn, DeviceBuffer instance, DeviceBuffer spins,
                          DeviceBuffer state, int replicas, String sizes) {
        int len = form == 0 ? p : n;
        device.launch("init_state", (len + 255) / 256, replicas, 256, 1, sizes, form, n, p, xi, jn, instance, spins, state);
    }

    /** Sweeps sweep0 .. sweep0 + count - 1 of every replica (one block each), stopping those that reach a fixed point. */
    public void sweeps(int form, int n, int p, DeviceBuffer xi, DeviceBuffer jn, DeviceBuffer instance, DeviceBuffer spins,
                       DeviceBuffer state, DeviceBuffer perm, DeviceBuffer streams, long seed, int sweep0, int count, double temperature,
                       boolean metropolis, boolean stopAtFixedPoint, DeviceBuffer sweepsDone, DeviceBuffer converged, DeviceBuffer flips,
                       DeviceBuffer spinTimesField, int replicas, String sizes) {
        device.launchSweep("async_sweeps", replicas, threadsFor(form == 0 ? p : n), sizes + " sweeps " + sweep0 + ".." + (sweep0 + count - 1),
                form, n, p, xi, jn, instance, spins, state, perm, streams, seed, sweep0, count, temperature, metropolis ? 1 : 0,
                stopAtFixedPoint ? 1 : 0, sweepsDone, converged, flips, spinTimesField);
    }

    /** State dest[k] = column column[k] of matrix matrix[k] of stack (n x cols matrices), flips applied. */
    public void startStates(DeviceBuffer stack, int n, int cols, DeviceBuffer matrix, DeviceBuffer column, DeviceBuffer flipStart,
                            DeviceBuffer flipSites, DeviceBuffer dest, DeviceBuffer states, int starts) {
        device.launch("start_states", starts, 1, threadsFor(n), 1, "states N=" + n + " starts=" + starts, stack, n, cols, matrix, column,
                flipStart, flipSites, dest, states);
    }

    /** out[dest[k]] = sum_i s_dest[k],i times column column[k] of matrix matrix[k] of stack. */
    public void overlaps(DeviceBuffer states, DeviceBuffer stack, int n, int cols, DeviceBuffer matrix, DeviceBuffer column,
                         DeviceBuffer dest, DeviceBuffer out, int references) {
        device.launch("overlaps", references, 1, threadsFor(n), 1, "overlaps N=" + n + " references=" + references, states, stack, n, cols,
                matrix, column, dest, out);
    }
}
