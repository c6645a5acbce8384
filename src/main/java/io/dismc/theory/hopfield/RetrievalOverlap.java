package io.dismc.theory.hopfield;

/** One row of the AGS overlap table: the retrieval overlap m at (alpha, T), 0 where no retrieval state exists. */
public record RetrievalOverlap(double alpha, double temperature, double m) {}
