package io.dismc.backend.cuda;

import io.dismc.backend.Counters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

/**
 * One GPU through the JCuda driver API: the device's primary context (shared with cuBLAS), the PTX
 * modules loaded from the jar, one non-blocking stream per host thread, allocations and launches.
 * Every failure becomes a {@link CudaFailure} that says what was being done.
 */
public final class CudaDevice implements AutoCloseable {
    /** PTX modules shipped under /kernels in the jar. */
    public static final List<String> MODULES = List.of("rng", "projection", "hebbian", "async_sweep", "anneal", "langevin", "two_layer",
            "sphere_descent", "linear", "rsgd");

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final ThreadLocal<CUstream> streams = new ThreadLocal<>();
    private final List<CUstream> allStreams = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DeviceInfo info;
    private final Counters counters = new Counters();
    private final List<BufferPool> allPools = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<BufferPool> pools = ThreadLocal.withInitial(() -> {
        BufferPool p = new BufferPool();
        allPools.add(p);
        return p;
    });

    public CudaDevice(int ordinal) {
        JCudaDriver.setExceptionsEnabled(true);
        try {
            JCudaDriver.cuInit(0);
            int[] count = new int[1];
            JCudaDriver.cuDeviceGetCount(count);
            if (ordinal >= count[0]) {
                throw new CudaFailure("--device " + ordinal + ": this machine has " + count[0] + " GPU(s), numbered from 0");
            }
            JCudaDriver.cuDeviceGet(device, ordinal);
            JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
            JCudaDriver.cuCtxSetCurrent(context);
            this.info = DeviceInfo.of(device);
        } catch (CudaException e) {
            throw new CudaFailure("cannot open CUDA device " + ordinal + ": " + e.getMessage(), e);
        }
        try {
            for (String m : MODULES) {
                load(m);
            }
        } catch (RuntimeException e) {
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
            throw e;
        }
    }

    private void load(String module) {
        String ptx = readPtx(module);
        CUmodule mod = new CUmodule();
        try {
            // the String overload appends the terminating NUL the driver expects
            JCudaDriver.cuModuleLoadData(mod, ptx);
        } catch (CudaException e) {
            int[] version = new int[1];
            JCudaDriver.cuDriverGetVersion(version);
            throw new CudaFailure("cannot load kernels/" + module + ".ptx (" + e.getMessage() + "); driver supports CUDA "
                    + DeviceInfo.version(version[0]) + ", the PTX declares ISA " + isaOf(ptx)
                    + " (native-config/cuda.properties: ptx.isa.version)", e);
        }
        for (String line : ptx.split("\n")) {
            String t = line.trim();
            if (t.startsWith(".visible .entry ")) {
                String name = t.substring(".visible .entry ".length()).replaceAll("\\(.*", "").trim();
                CUfunction f = new CUfunction();
                JCudaDriver.cuModuleGetFunction(f, mod, name);
                functions.put(name, f);
            }
        }
    }

    static String readPtx(String module) {
        try (InputStream in = CudaDevice.class.getResourceAsStream("/kernels/" + module + ".ptx")) {
            if (in == null) {
                throw new CudaFailure("kernels/" + module + ".ptx is missing from the jar (rebuild with mvn package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CudaFailure("cannot read kernels/" + module + ".ptx: " + e.getMessage(), e);
        }
    }

    static String isaOf(String ptx) {
        for (String line : ptx.split("\n")) {
            if (line.startsWith(".version")) {
                return line.substring(".version".length()).trim();
            }
        }
        return "?";
    }

    public DeviceInfo info() {
        return info;
    }

    /** Makes the context current on the calling thread and returns the thread's stream. */
    public CUstream enter() {
        JCudaDriver.cuCtxSetCurrent(context);
        CUstream s = streams.get();
        if (s == null) {
            s = new CUstream();
            JCudaDriver.cuStreamCreate(s, CUstream_flags.CU_STREAM_NON_BLOCKING);
            streams.set(s);
            allStreams.add(s);
        }
        return s;
    }

    /**
     * A buffer of at least {@code bytes} from the calling thread's pool: a buffer released earlier on
     * this thread (and so only ever used on this thread's stream, which orders its reuse after the work
     * that used it) or a new allocation. Out of memory says how much was asked, how much is free, and
     * what to do.
     */
    public DeviceBuffer alloc(long bytes, String what) {
        enter(); // a pool thread may touch the device for the first time here
        BufferPool pool = pools.get();
        long size = BufferPool.sizeClass(bytes);
        DeviceBuffer reused = pool.take(size);
        if (reused != null) {
            return reused;
        }
        CUdeviceptr p = new CUdeviceptr();
        try {
            JCudaDriver.cuMemAlloc(p, size);
        } catch (CudaException e) {
            pool.releaseCached();
            try {
                JCudaDriver.cuMemAlloc(p, size);
            } catch (CudaException again) {
                long[] free = new long[1];
                long[] total = new long[1];
                try {
                    JCudaDriver.cuMemGetInfo(free, total);
                } catch (CudaException ignored) {
                    // report what we know
                }
                throw new CudaFailure(String.format(Locale.ROOT,
                        "CUDA %s allocating %s for %s: %s free of %s on %s; use fewer replicas/samples per batch or a smaller N",
                        again.getMessage(), gib(size), what, gib(free[0]), gib(total[0]), info.name()), again);
            }
        }
        counters.allocation();
        return new DeviceBuffer(p, size, pool);
    }

    /** The device's free memory plus what the pools hold: what batches may plan for. */
    public long freeBytes() {
        enter();
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        long cached = 0;
        for (BufferPool pool : allPools) {
            cached += pool.cachedBytes();
        }
        return free[0] + cached;
    }

    public Counters counters() {
        return counters;
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    /**
     * Copies a Java array to a new device buffer, queued on the thread's stream. Copies from pageable
     * memory are staged by the driver before the call returns, so the array may change afterwards, and
     * the host need not wait.
     */
    public DeviceBuffer upload(Object array, String what) {
        long bytes = bytesOf(array);
        DeviceBuffer b = alloc(bytes, what);
        try {
            copyIn(array, b, what);
        } catch (CudaFailure e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** Copies a Java array into an existing buffer (from its start), queued on the thread's stream. */
    public void copyIn(Object array, DeviceBuffer b, String what) {
        long bytes = bytesOf(array);
        if (bytes > b.bytes()) {
            throw new IllegalArgumentException(what + ": " + bytes + " bytes do not fit a buffer of " + b.bytes());
        }
        CUstream s = enter();
        try {
            if (bytes > 0) {
                JCudaDriver.cuMemcpyHtoDAsync(b.ptr(), pointerTo(array), bytes, s);
                counters.toDevice(bytes);
            }
        } catch (CudaException e) {
            throw new CudaFailure("copying " + what + " (" + bytes + " bytes) to the device: " + e.getMessage(), e);
        }
    }

    /** Copies a buffer's first bytes into a Java array: the host needs them, so it waits for the stream. */
    public void download(DeviceBuffer b, Object array, String what) {
        long bytes = bytesOf(array);
        CUstream s = enter();
        try {
            if (bytes > 0) {
                JCudaDriver.cuMemcpyDtoHAsync(pointerTo(array), b.ptr(), bytes, s);
                JCudaDriver.cuStreamSynchronize(s);
                counters.toHost(bytes);
                counters.synchronization();
            }
        } catch (CudaException e) {
            throw new CudaFailure("copying " + what + " (" + bytes + " bytes) from the device: " + e.getMessage(), e);
        }
    }

    /** Copies bytes from offset of a buffer into a Java array (one matrix of a stack): the host waits for it. */
    public void download(DeviceBuffer b, long offsetBytes, Object array, String what) {
        long bytes = bytesOf(array);
        if (offsetBytes + bytes > b.bytes()) {
            throw new IllegalArgumentException(what + ": bytes " + offsetBytes + ".." + (offsetBytes + bytes) + " outside a buffer of " + b.bytes());
        }
        CUstream s = enter();
        try {
            if (bytes > 0) {
                JCudaDriver.cuMemcpyDtoHAsync(pointerTo(array), b.ptr().withByteOffset(offsetBytes), bytes, s);
                JCudaDriver.cuStreamSynchronize(s);
                counters.toHost(bytes);
                counters.synchronization();
            }
        } catch (CudaException e) {
            throw new CudaFailure("copying " + what + " (" + bytes + " bytes) from the device: " + e.getMessage(), e);
        }
    }

    /** Waits for everything queued on the calling thread's stream (benchmarks time kernels this way). */
    public void synchronize() {
        CUstream s = enter();
        JCudaDriver.cuStreamSynchronize(s);
        counters.synchronization();
    }

    public DeviceBuffer zeros(long bytes, String what) {
        DeviceBuffer b = alloc(bytes, what);
        CUstream s = enter();
        JCudaDriver.cuMemsetD8Async(b.ptr(), (byte) 0, b.bytes(), s);
        return b;
    }

    static long bytesOf(Object a) {
        if (a instanceof byte[] x) {
            return x.length;
        } else if (a instanceof short[] x) {
            return 2L * x.length;
        } else if (a instanceof int[] x) {
            return 4L * x.length;
        } else if (a instanceof float[] x) {
            return 4L * x.length;
        } else if (a instanceof long[] x) {
            return 8L * x.length;
        } else if (a instanceof double[] x) {
            return 8L * x.length;
        }
        throw new IllegalArgumentException("unsupported array " + a.getClass());
    }

    static Pointer pointerTo(Object a) {
        if (a instanceof byte[] x) {
            return Pointer.to(x);
        } else if (a instanceof short[] x) {
            return Pointer.to(x);
        } else if (a instanceof int[] x) {
            return Pointer.to(x);
        } else if (a instanceof float[] x) {
            return Pointer.to(x);
        } else if (a instanceof long[] x) {
            return Pointer.to(x);
        } else if (a instanceof double[] x) {
            return Pointer.to(x);
        }
        throw new IllegalArgumentException("unsupported array " + a.getClass());
    }

    /**
     * Queues a kernel on the thread's stream (the host does not wait: a later download or
     * {@link #synchronize} does). Arguments: DeviceBuffer (pointer), Integer (int), Long (64-bit
     * integer), Double. sizes describes the problem for error messages. Only the kernels' drivers (this
     * package) call it, each giving its kernels typed methods; sweepReplicas (0 for other kernels) feeds
     * the counters.
     */
    void launch(String kernel, int gridX, int gridY, int blockX, int blockY, String sizes, Object... args) {
        launch(kernel, gridX, gridY, 1, blockX, blockY, 0, sizes, args);
    }

    /** A launch whose grid's third dimension is the instance of a stack. */
    void launchZ(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, String sizes, Object... args) {
        launch(kernel, gridX, gridY, gridZ, blockX, blockY, 0, sizes, args);
    }

    /** A launch of a sweep kernel: one block per replica, counted as a sweep launch over that many replicas. */
    void launchSweep(String kernel, int replicas, int blockX, String sizes, Object... args) {
        launch(kernel, replicas, 1, 1, blockX, 1, replicas, sizes, args);
    }

    void launch(String kernel, int gridX, int gridY, int blockX, int blockY, int sweepReplicas, String sizes, Object... args) {
        launch(kernel, gridX, gridY, 1, blockX, blockY, sweepReplicas, sizes, args);
    }

    private void launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, int sweepReplicas, String sizes,
                        Object... args) {
        CUfunction f = functions.get(kernel);
        if (f == null) {
            throw new CudaFailure("no kernel '" + kernel + "' in the loaded PTX modules");
        }
        Pointer[] params = new Pointer[args.length];
        for (int k = 0; k < args.length; k++) {
            Object a = args[k];
            if (a instanceof DeviceBuffer b) {
                params[k] = Pointer.to(b.ptr());
            } else if (a instanceof CUdeviceptr d) {
                params[k] = Pointer.to(d);
            } else if (a instanceof Integer i) {
                params[k] = Pointer.to(new int[] {i});
            } else if (a instanceof Long l) {
                params[k] = Pointer.to(new long[] {l});
            } else if (a instanceof Double d) {
                params[k] = Pointer.to(new double[] {d});
            } else {
                throw new IllegalArgumentException("unsupported kernel argument " + a);
            }
        }
        CUstream s = enter();
        try {
            JCudaDriver.cuLaunchKernel(f, gridX, gridY, gridZ, blockX, blockY, 1, 0, s, Pointer.to(params), null);
            if (sweepReplicas > 0) {
                counters.sweepLaunch(sweepReplicas);
            } else {
                counters.launch();
            }
        } catch (CudaException e) {
            throw new CudaFailure(String.format(Locale.ROOT, "kernel %s (grid %dx%dx%d, block %dx%d; %s) failed: %s",
                    kernel, gridX, gridY, gridZ, blockX, blockY, sizes, e.getMessage()), e);
        }
    }

    /** Grid size for a grid-stride loop over count elements. */
    public int gridFor(long count, int block) {
        long blocks = (count + block - 1) / block;
        return (int) Math.max(1, Math.min(blocks, 65535L * 4));
    }

    public CUcontext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            JCudaDriver.cuCtxSetCurrent(context);
            for (CUstream s : allStreams) {
                JCudaDriver.cuStreamSynchronize(s);
            }
            for (BufferPool pool : allPools) {
                pool.freeAll();
            }
            for (CUstream s : allStreams) {
                JCudaDriver.cuStreamDestroy(s);
            }
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
        } catch (CudaException ignored) {
            // closing: nothing useful to report
        }
    }

    /** What ./dismc info and run.json say about the device. */
    public record DeviceInfo(String name, long totalMemory, int driverVersion, int ccMajor, int ccMinor, int multiprocessors,
                             int memoryClockKHz, int busWidthBits) {
        static DeviceInfo of(CUdevice dev) {
            byte[] name = new byte[256];
            JCudaDriver.cuDeviceGetName(name, name.length, dev);
            long[] mem = new long[1];
            JCudaDriver.cuDeviceTotalMem(mem, dev);
            int[] v = new int[1];
            JCudaDriver.cuDriverGetVersion(v);
            return new DeviceInfo(new String(name, StandardCharsets.US_ASCII).replace("\0", "").trim(), mem[0], v[0],
                    attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                    attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                    attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                    attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE),
                    attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH));
        }

        static int attr(CUdevice dev, int a) {
            int[] v = new int[1];
            JCudaDriver.cuDeviceGetAttribute(v, a, dev);
            return v[0];
        }

        static String version(int v) {
            return (v / 1000) + "." + (v % 1000) / 10;
        }

        /** Peak memory bandwidth from clock and bus width (DDR: two transfers per clock). */
        public double peakBandwidthBytesPerSecond() {
            return 2.0 * memoryClockKHz * 1e3 * busWidthBits / 8.0;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s, %s, compute capability %d.%d, %d SMs, driver CUDA %s", name,
                    gib(totalMemory), ccMajor, ccMinor, multiprocessors, version(driverVersion));
        }
    }
}
