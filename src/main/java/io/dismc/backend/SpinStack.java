package io.dismc.backend;

/**
 * Equally shaped +-1 matrices, one per instance of a batch (rows x cols each, row-major), resident on
 * the backend: device memory on a GPU, Java arrays on the CPU. Patterns are site-major (N x P, pattern
 * mu is column mu); a stack of replica states is R matrices of N x 1. Closing releases the memory.
 */
public interface SpinStack extends AutoCloseable {
    int count();

    int rows();

    int cols();

    @Override
    void close();
}
