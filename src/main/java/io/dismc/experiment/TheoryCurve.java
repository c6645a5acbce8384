package io.dismc.experiment;

/** A theory line drawn on an experiment's figure (no error bars, no markers). */
public record TheoryCurve(String name, double[] x, double[] y) {}
