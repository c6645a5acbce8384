package io.dismc.backend.cuda;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import jcuda.driver.JCudaDriver;

/**
 * One host thread's released device buffers, by size class (powers of two from 256 bytes), for reuse:
 * a run allocates once per shape, not once per step or unit (cuMemFree would also serialize the
 * streams). Buffers are freed for good when the device closes, or when an allocation would otherwise
 * fail.
 */
final class BufferPool {
    private final Map<Long, ArrayDeque<DeviceBuffer>> free = new HashMap<>();
    private long cached;

    static long sizeClass(long bytes) {
        long b = Math.max(256, bytes);
        return Long.highestOneBit(b - 1) << 1;
    }

    synchronized DeviceBuffer take(long size) {
        ArrayDeque<DeviceBuffer> q = free.get(size);
        DeviceBuffer b = q == null ? null : q.poll();
        if (b != null) {
            cached -= size;
            b.reopen();
        }
        return b;
    }

    synchronized void release(DeviceBuffer b) {
        free.computeIfAbsent(b.bytes(), k -> new ArrayDeque<>()).add(b);
        cached += b.bytes();
    }

    synchronized long cachedBytes() {
        return cached;
    }

    /** Frees every cached buffer (the memory is needed for a larger one). */
    synchronized void releaseCached() {
        for (ArrayDeque<DeviceBuffer> q : free.values()) {
            for (DeviceBuffer b : q) {
                JCudaDriver.cuMemFree(b.ptr());
            }
        }
        free.clear();
        cached = 0;
    }

    synchronized void freeAll() {
        releaseCached();
    }
}
