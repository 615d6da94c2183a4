package org.xtalkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the DIALS fixtures: ../shared beside the clone (system property xtalkit.shared). */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String p = System.getProperty("xtalkit.shared");
        Path root = p != null ? Path.of(p) : Path.of("..", "..", "shared");
        return root.toAbsolutePath().normalize();
    }

    /** A file under shared/data; fails the test clearly when the fixtures are missing. */
    public static Path data(String relative) { return existing(root().resolve("data").resolve(relative)); }

    /** A file under shared/reference. */
    public static Path reference(String relative) { return existing(root().resolve("reference").resolve(relative)); }

    private static Path existing(Path p) {
        if (!Files.exists(p)) throw new AssertionError("fixture missing: " + p + " (tests need ../shared beside the clone)");
        return p;
    }

    /** Skips (rather than fails) a developer-only check when a tool such as dials.* is not installed. */
    public static void assumeCommand(String command) {
        boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
        Assumptions.assumeTrue(found, command + " not installed");
    }
}
