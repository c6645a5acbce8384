package io.dismc.run;

/**
 * How a run is carried out, not what it computes: worker threads, backend, bulk generator, device,
 * run folder, and what is printed or drawn. The command line builds one; tests and scripts can too.
 */
public record RunOptions(int threads, String backend, String rng, int device, String out, boolean quiet, boolean plot) {}
