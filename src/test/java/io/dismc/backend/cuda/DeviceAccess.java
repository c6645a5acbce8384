package io.dismc.backend.cuda;

/** Tests reach the device's raw launch, which only the drivers use, to check what a refused launch says. */
public final class DeviceAccess {
    private DeviceAccess() {}

    public static void launch(CudaDevice device, String kernel, int gridX, int blockX, String sizes, Object... args) {
        device.launch(kernel, gridX, 1, blockX, 1, sizes, args);
    }
}
