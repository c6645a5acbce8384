package io.dismc.backend.cuda;

import jcuda.driver.CUdeviceptr;

/**
 * A device allocation from a thread's {@link BufferPool}: closing it returns it to the pool for the
 * next buffer of its size class on that thread.
 */
public final class DeviceBuffer implements AutoCloseable {
    private final CUdeviceptr ptr;
    private final long bytes;
    private final BufferPool pool;
    private boolean released;

    DeviceBuffer(CUdeviceptr ptr, long bytes, BufferPool pool) {
        this.ptr = ptr;
        this.bytes = bytes;
        this.pool = pool;
    }

    public CUdeviceptr ptr() {
        return ptr;
    }

    /** The buffer's capacity (its size class, at least what was asked). */
    public long bytes() {
        return bytes;
    }

    void reopen() {
        released = false;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            pool.release(this);
        }
    }
}
