package io.dismc.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** native-config/cuda.properties, as packaged in the jar (defaults when absent). */
public record NativeConfig(List<String> libraryPath, boolean cublasEnabled) {

    public static NativeConfig load() {
        Properties p = new Properties();
        try (InputStream in = NativeConfig.class.getResourceAsStream("/native-config/cuda.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // defaults below
        }
        List<String> path = new ArrayList<>();
        for (String dir : p.getProperty("cuda.library.path", "/usr/local/cuda/lib64").split(":")) {
            if (!dir.isBlank()) {
                path.add(stripComment(dir));
            }
        }
        boolean cublas = Boolean.parseBoolean(stripComment(p.getProperty("cublas.enabled", "true")));
        return new NativeConfig(path, cublas);
    }

    private static String stripComment(String v) {
        int hash = v.indexOf('#');
        return (hash >= 0 ? v.substring(0, hash) : v).trim();
    }
}
