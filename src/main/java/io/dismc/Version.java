package io.dismc;

/** Version from the jar manifest; commit from the launcher (-Ddismc.commit) when known. */
public final class Version {
    private Version() {}

    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String commit() {
        String c = System.getProperty("dismc.commit");
        return c == null || c.isBlank() ? "unknown" : c;
    }
}
