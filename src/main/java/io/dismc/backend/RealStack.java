package io.dismc.backend;

/** Equally shaped real matrices (doubles), one per instance of a batch, resident on the backend; see {@link SpinStack}. */
public interface RealStack extends AutoCloseable {
    int count();

    int rows();

    int cols();

    @Override
    void close();
}
