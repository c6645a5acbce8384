package io.dismc.backend;

/**
 * What a training session brings back at a recorded time: the step, every replica's weights and its
 * data-term loss L = (1/(2P)) sum_mu (y^mu - f(x^mu))^2 at those weights (of step t's minibatch for SGD).
 */
public record TrainingSnapshot(int step, float[][] weights, double[] losses) {}
