// An emulating stand-in for the NVIDIA driver (libcuda.so.1): device memory is host memory, streams are
// synchronous, and launching a kernel runs the CUDA source itself, compiled for the host. The threads of
// a block are cooperative fibers (ucontext) on one host thread, switched at __syncthreads and at warp
// shuffles, blocks run one after another. It lets the CUDA backend's host code and every kernel run end
// to end on a machine without a GPU, so the GPU tests' comparisons with the Java backend run in CI
// (pom.xml: the emulated-gpu test execution). What it cannot check: timing, memory coalescing, races
// that real parallel threads would expose, the PTX itself (kernels/build.sh and ptxas check it), and the
// device math library (host libm here).
#include <ucontext.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// ---- the CUDA C++ surface the kernels use -------------------------------------------------------
struct dim3 {
    unsigned x = 1, y = 1, z = 1;
};
static dim3 threadIdx, blockIdx, blockDim, gridDim;

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static  // blocks run one at a time, so one copy serves each block in turn

namespace emu {
enum State { RUNNABLE, AT_BLOCK_BARRIER, AT_WARP_BARRIER, DONE };
struct Fiber {
    ucontext_t context;
    char *stack = nullptr;  // malloc'd, never zeroed: pages are touched only as far as a kernel uses them
    State state;
};
static std::vector<Fiber> fibers;
static ucontext_t scheduler;
static unsigned current;
static std::vector<double> lane_values;

static void yield(State s) {
    fibers[current].state = s;
    swapcontext(&fibers[current].context, &scheduler);
    threadIdx = dim3{current % blockDim.x, current / blockDim.x, 1};
}
}  // namespace emu

static void __syncthreads() { emu::yield(emu::AT_BLOCK_BARRIER); }

// all 32 lanes publish their value, wait for each other, read, and wait again before the slots are reused
template <typename T>
static T __shfl_down_sync(unsigned mask, T v, int offset) {
    (void)mask;
    unsigned tid = emu::current, lane = tid % 32;
    emu::lane_values[tid] = (double)v;
    emu::yield(emu::AT_WARP_BARRIER);
    T r = lane + offset < 32 ? (T)emu::lane_values[tid + offset] : v;
    emu::yield(emu::AT_WARP_BARRIER);
    return r;
}

static int __popcll(unsigned long long x) { return __builtin_popcountll(x); }

#include "two_layer.cu"
#include "langevin.cu"
#include "sphere_descent.cu"
#include "rng.cu"
#include "projection.cu"
#include "hebbian.cu"
#include "async_sweep.cu"
#include "anneal.cu"
#include "linear.cu"
#include "rsgd.cu"

// ---- launching ------------------------------------------------------------------------------------
using Launcher = void (*)(void **);

template <typename... A, std::size_t... I>
static void call(void (*k)(A...), void **p, std::index_sequence<I...>) {
    k(*reinterpret_cast<std::remove_cv_t<std::remove_reference_t<A>> *>(p[I])...);
}

template <typename F> struct arity;
template <typename... A> struct arity<void (*)(A...)> { static constexpr std::size_t value = sizeof...(A); };

template <auto K>
static void run_kernel(void **p) {
    call(K, p, std::make_index_sequence<arity<decltype(K)>::value>());
}

static const std::map<std::string, Launcher> &kernels() {
    static const std::map<std::string, Launcher> k = {
        {"matmul_nt", run_kernel<&matmul_nt>},
        {"matmul_nt_weights", run_kernel<&matmul_nt_weights>},
        {"matmul_nt_rows", run_kernel<&matmul_nt_rows>},
        {"matmul_nt_rows_weights", run_kernel<&matmul_nt_rows_weights>},
        {"two_layer_forward", run_kernel<&two_layer_forward>},
        {"two_layer_backward", run_kernel<&two_layer_backward>},
        {"two_layer_assemble", run_kernel<&two_layer_assemble>},
        {"two_layer_minibatch", run_kernel<&two_layer_minibatch>},
        {"two_layer_snapshot", run_kernel<&two_layer_snapshot>},
        {"langevin_step", run_kernel<&langevin_step>},
        {"sphere_project", run_kernel<&sphere_project>},
        {"descent_fields", run_kernel<&descent_fields>},
        {"descent_decide", run_kernel<&descent_decide>},
        {"descent_gradient", run_kernel<&descent_gradient>},
        {"philox_words", run_kernel<&philox_words>},
        {"philox_spins", run_kernel<&philox_spins>},
        {"philox_gaussians", run_kernel<&philox_gaussians>},
        {"snap_to_grid", run_kernel<&snap_to_grid>},
        {"binarize", run_kernel<&binarize>},
        {"sparse_mixtures_spins", run_kernel<&sparse_mixtures_spins>},
        {"sparse_mixtures_real", run_kernel<&sparse_mixtures_real>},
        {"start_states", run_kernel<&start_states>},
        {"overlaps", run_kernel<&overlaps>},
        {"anneal_fields", run_kernel<&anneal_fields>},
        {"words_to_spins", run_kernel<&words_to_spins>},
        {"sign_projection_spins", run_kernel<&sign_projection_spins>},
        {"sign_projection_real", run_kernel<&sign_projection_real>},
        {"sign_of", run_kernel<&sign_of>},
        {"spins_to_double", run_kernel<&spins_to_double>},
        {"pack_spins", run_kernel<&pack_spins>},
        {"hebbian_popcount", run_kernel<&hebbian_popcount>},
        {"init_state", run_kernel<&init_state>},
        {"async_sweeps", run_kernel<&async_sweeps>},
        {"perceptron_anneal", run_kernel<&perceptron_anneal>},
        {"gaussian_fill", run_kernel<&gaussian_fill>},
        {"gaussian_rows", run_kernel<&gaussian_rows>},
        {"gaussian_columns", run_kernel<&gaussian_columns>},
        {"rsgd_start", run_kernel<&rsgd_start>},
        {"rsgd_epochs", run_kernel<&rsgd_epochs>},
    };
    return k;
}

static const size_t STACK_BYTES = 128 * 1024;
static Launcher launching;
static void **launch_params;

static void fiber_main() {
    launching(launch_params);
    emu::fibers[emu::current].state = emu::DONE;
    // returning resumes uc_link: the scheduler
}

/** Runs one block: every fiber until it waits or ends; releases warps and the block barrier when complete. */
static bool run_block(unsigned threads) {
    for (unsigned t = 0; t < threads; t++) {
        emu::Fiber &f = emu::fibers[t];
        getcontext(&f.context);
        f.context.uc_stack.ss_sp = f.stack;
        f.context.uc_stack.ss_size = STACK_BYTES;
        f.context.uc_link = &emu::scheduler;
        makecontext(&f.context, fiber_main, 0);
        f.state = emu::RUNNABLE;
    }
    while (true) {
        bool ran = false;
        for (unsigned t = 0; t < threads; t++) {
            if (emu::fibers[t].state == emu::RUNNABLE) {
                emu::current = t;
                threadIdx = dim3{t % blockDim.x, t / blockDim.x, 1};
                swapcontext(&emu::scheduler, &emu::fibers[t].context);
                ran = true;
            }
        }
        if (ran) continue;
        bool released = false;
        for (unsigned w = 0; w < threads / 32; w++) {
            bool all = true;
            for (unsigned l = 0; l < 32; l++) all = all && emu::fibers[w * 32 + l].state == emu::AT_WARP_BARRIER;
            if (all) {
                for (unsigned l = 0; l < 32; l++) emu::fibers[w * 32 + l].state = emu::RUNNABLE;
                released = true;
            }
        }
        if (released) continue;
        bool done = true, block = true;
        for (unsigned t = 0; t < threads; t++) {
            done = done && emu::fibers[t].state == emu::DONE;
            block = block && (emu::fibers[t].state == emu::AT_BLOCK_BARRIER || emu::fibers[t].state == emu::DONE);
        }
        if (done) return true;
        if (!block) return false;  // threads wait at different barriers: a kernel bug on a real GPU too
        for (unsigned t = 0; t < threads; t++) {
            if (emu::fibers[t].state == emu::AT_BLOCK_BARRIER) emu::fibers[t].state = emu::RUNNABLE;
        }
    }
}

// ---- the driver API entry points dismc reaches ------------------------------------------------------
extern "C" {
typedef int CUresult;
typedef unsigned long long CUdeviceptr;
enum { CUDA_SUCCESS = 0, CUDA_ERROR_INVALID_VALUE = 1, CUDA_ERROR_OUT_OF_MEMORY = 2, CUDA_ERROR_NOT_FOUND = 500,
       CUDA_ERROR_LAUNCH_FAILED = 719 };

struct Function {
    std::string name;
};

CUresult cuInit(unsigned int) { return CUDA_SUCCESS; }
CUresult cuDeviceGetCount(int *count) { *count = 1; return CUDA_SUCCESS; }
CUresult cuDeviceGet(int *dev, int ordinal) { *dev = ordinal; return CUDA_SUCCESS; }
CUresult cuDeviceGetName(char *name, int len, int) { strncpy(name, "Emulated GPU (host threads)", len); return CUDA_SUCCESS; }
CUresult cuDevicePrimaryCtxRetain(void **ctx, int) { static int c; *ctx = &c; return CUDA_SUCCESS; }
CUresult cuDevicePrimaryCtxRelease_v2(int) { return CUDA_SUCCESS; }
CUresult cuCtxSetCurrent(void *) { return CUDA_SUCCESS; }
CUresult cuCtxSynchronize() { return CUDA_SUCCESS; }
CUresult cuCtxGetDevice(int *dev) { *dev = 0; return CUDA_SUCCESS; }
CUresult cuDeviceTotalMem_v2(size_t *bytes, int) { *bytes = (size_t)4 << 30; return CUDA_SUCCESS; }
CUresult cuMemGetInfo_v2(size_t *free, size_t *total) { *free = *total = (size_t)4 << 30; return CUDA_SUCCESS; }
CUresult cuDriverGetVersion(int *v) { *v = 12040; return CUDA_SUCCESS; }
CUresult cuDeviceGetAttribute(int *v, int attr, int) {
    // compute capability 8.0, 4 multiprocessors, and nominal clock/bus figures for the rooflines
    switch (attr) {
        case 75: *v = 8; break;   // CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR
        case 76: *v = 0; break;   // ..._MINOR
        case 16: *v = 4; break;   // ..._MULTIPROCESSOR_COUNT
        default: *v = 1; break;
    }
    return CUDA_SUCCESS;
}
CUresult cuModuleLoadData(void **module, const void *) { static int m; *module = &m; return CUDA_SUCCESS; }
CUresult cuModuleUnload(void *) { return CUDA_SUCCESS; }
CUresult cuModuleGetFunction(void **f, void *, const char *name) {
    *f = new Function{name};
    return CUDA_SUCCESS;
}
CUresult cuStreamCreate(void **s, unsigned int) { static int st; *s = &st; return CUDA_SUCCESS; }
CUresult cuStreamDestroy_v2(void *) { return CUDA_SUCCESS; }
CUresult cuStreamSynchronize(void *) { return CUDA_SUCCESS; }
CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
    void *m = calloc(1, bytes);
    if (!m) return CUDA_ERROR_OUT_OF_MEMORY;
    *p = (CUdeviceptr)m;
    return CUDA_SUCCESS;
}
CUresult cuMemFree_v2(CUdeviceptr p) { free((void *)p); return CUDA_SUCCESS; }
CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void *src, size_t bytes, void *) {
    memcpy((void *)dst, src, bytes);
    return CUDA_SUCCESS;
}
CUresult cuMemcpyDtoHAsync_v2(void *dst, CUdeviceptr src, size_t bytes, void *) {
    memcpy(dst, (const void *)src, bytes);
    return CUDA_SUCCESS;
}
CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes) { memcpy((void *)dst, src, bytes); return CUDA_SUCCESS; }
CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes) { memcpy(dst, (const void *)src, bytes); return CUDA_SUCCESS; }
CUresult cuMemsetD8Async(CUdeviceptr p, unsigned char v, size_t n, void *) { memset((void *)p, v, n); return CUDA_SUCCESS; }
CUresult cuMemsetD8_v2(CUdeviceptr p, unsigned char v, size_t n) { memset((void *)p, v, n); return CUDA_SUCCESS; }

CUresult cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz, unsigned shmem,
                        void *stream, void **params, void **extra) {
    (void)shmem; (void)stream; (void)extra;
    static std::mutex one_at_a_time;  // host threads share the emulated grid state
    std::lock_guard<std::mutex> lock(one_at_a_time);
    auto k = kernels().find(static_cast<Function *>(f)->name);
    unsigned threads = bx * by;
    if (k == kernels().end() || bz != 1 || threads % 32 != 0 || threads > 1024) return CUDA_ERROR_LAUNCH_FAILED;
    gridDim = dim3{gx, gy, gz};
    blockDim = dim3{bx, by, 1};
    if (emu::fibers.size() < threads) emu::fibers.resize(threads);
    for (unsigned t = 0; t < threads; t++) {
        if (emu::fibers[t].stack == nullptr) emu::fibers[t].stack = static_cast<char *>(malloc(STACK_BYTES));
    }
    emu::lane_values.assign(threads, 0.0);
    launching = k->second;
    launch_params = params;
    for (unsigned z = 0; z < gz; z++) {
        for (unsigned y = 0; y < gy; y++) {
            for (unsigned x = 0; x < gx; x++) {
                blockIdx = dim3{x, y, z};
                if (!run_block(threads)) return CUDA_ERROR_LAUNCH_FAILED;
            }
        }
    }
    return CUDA_SUCCESS;
}

CUresult cuGetErrorName(CUresult, const char **s) { *s = "CUDA_ERROR_LAUNCH_FAILED"; return CUDA_SUCCESS; }
CUresult cuGetErrorString(CUresult, const char **s) { *s = "emulated launch failed (unknown kernel or shape)"; return CUDA_SUCCESS; }
}
