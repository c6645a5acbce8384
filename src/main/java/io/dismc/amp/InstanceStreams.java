package io.dismc.amp;

/**
 * The counter-addressed streams of one AMP instance (with the run's seed): its matrix F, its signal x0
 * (and the perturbation of an informed start) and its channel noise. The caller derives them from the
 * instance's coordinates (io.dismc.rng.StreamIds), so an instance is reproducible alone.
 * Addresses: F_{mu i} = Gaussian mu N + i of the matrix stream; x0 as {@link Prior#sample}; the informed
 * start's perturbation of component i = Gaussian 4N + i of the signal stream; the noise of output mu =
 * Gaussian mu of the noise stream.
 */
public record InstanceStreams(long matrix, long signal, long noise) {}
