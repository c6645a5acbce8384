/* A stand-in for the NVIDIA driver (libcuda.so.1) so that tests can exercise dismc's handling of
   machines where a driver is present but unusable, on machines without any GPU:
     -DSTUB_NO_DEVICE   cuInit fails with CUDA_ERROR_NO_DEVICE (a driver without a GPU)
     -DSTUB_OLD_DRIVER  a device exists, but the driver (CUDA 11.0) cannot JIT our PTX
   Only the entry points dismc reaches are defined; JCuda binds the rest lazily and never calls them. */
#include <string.h>

typedef int CUresult;
#define CUDA_SUCCESS 0
#define CUDA_ERROR_NO_DEVICE 100
#define CUDA_ERROR_UNSUPPORTED_PTX_VERSION 222

CUresult cuInit(unsigned int flags) {
    (void)flags;
#ifdef STUB_NO_DEVICE
    return CUDA_ERROR_NO_DEVICE;
#else
    return CUDA_SUCCESS;
#endif
}
CUresult cuDeviceGetCount(int *count) { *count = 1; return CUDA_SUCCESS; }
CUresult cuDeviceGet(int *dev, int ordinal) { *dev = ordinal; return CUDA_SUCCESS; }
CUresult cuDeviceGetName(char *name, int len, int dev) { (void)dev; strncpy(name, "Stub GPU", len); return CUDA_SUCCESS; }
CUresult cuDevicePrimaryCtxRetain(void **ctx, int dev) { (void)dev; static int c; *ctx = &c; return CUDA_SUCCESS; }
CUresult cuDevicePrimaryCtxRelease_v2(int dev) { (void)dev; return CUDA_SUCCESS; }
CUresult cuCtxSetCurrent(void *ctx) { (void)ctx; return CUDA_SUCCESS; }
CUresult cuDeviceTotalMem_v2(size_t *bytes, int dev) { (void)dev; *bytes = (size_t)1 << 30; return CUDA_SUCCESS; }
CUresult cuDriverGetVersion(int *v) { *v = 11000; return CUDA_SUCCESS; }
CUresult cuDeviceGetAttribute(int *v, int attr, int dev) { (void)attr; (void)dev; *v = 1; return CUDA_SUCCESS; }
CUresult cuModuleLoadData(void **module, const void *image) { (void)module; (void)image; return CUDA_ERROR_UNSUPPORTED_PTX_VERSION; }
CUresult cuGetErrorName(CUresult e, const char **s) { (void)e; *s = "stub"; return CUDA_SUCCESS; }
CUresult cuGetErrorString(CUresult e, const char **s) { (void)e; *s = "stub"; return CUDA_SUCCESS; }
