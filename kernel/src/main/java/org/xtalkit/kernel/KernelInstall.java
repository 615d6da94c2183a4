package org.xtalkit.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the kernelspec ({@code kernels/xtalkit/kernel.json}) so Jupyter can start the kernel.
 *
 * <p>{@code java -cp <kernel classpath> org.xtalkit.kernel.KernelInstall [--dir <jupyter data dir>] [--name xtalkit]}
 * <br>Where: {@code --dir} if given, else the first entry of JUPYTER_PATH, else JUPYTER_DATA_DIR, else
 * {@code ~/.local/share/jupyter} (Jupyter's user data directory on Linux; ~/Library/Jupyter on macOS,
 * %APPDATA%\jupyter on Windows). The kernel runs with the same java and class path as the installer.
 */
public final class KernelInstall {
    private KernelInstall() {}

    public static void main(String[] args) throws IOException {
        Path dir = null;
        String name = "xtalkit";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                case "--name" -> name = value(args, ++i, "--name");
                default -> fail("unknown argument '" + args[i] + "'; usage: KernelInstall [--dir <jupyter data dir>] [--name <kernel name>]");
            }
        }
        if (!name.matches("[a-zA-Z0-9._-]+")) fail("kernel name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
        Path spec = install(dir == null ? dataDir() : dir, name);
        System.out.println("installed kernel '" + name + "' in " + spec.getParent());
    }

    /** Writes kernel.json under dataDir/kernels/name for this JVM's class path; returns its path. */
    public static Path install(Path dataDir, String name) throws IOException {
        return install(dataDir, name, System.getProperty("java.class.path"));
    }

    /** Writes kernel.json under dataDir/kernels/name, the kernel running on the given class path. */
    public static Path install(Path dataDir, String name, String classPath) throws IOException {
        Path kernelDir = dataDir.resolve("kernels").resolve(name);
        Files.createDirectories(kernelDir);
        Path spec = kernelDir.resolve("kernel.json");
        Path tmp = Files.createTempFile(kernelDir, "kernel", ".json.tmp");
        Files.writeString(tmp, kernelJson(name, classPath), StandardCharsets.UTF_8);
        Files.move(tmp, spec, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return spec;
    }

    static String kernelJson(String name, String classPath) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java,
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", absoluteClassPath(classPath), XtalKernel.class.getName(), "{connection_file}"));
        StringBuilder b = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) b.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        b.append("],\n  \"display_name\": ").append(quote(name.equals("xtalkit") ? "xtalkit (Java)" : "xtalkit (" + name + ")"))
                .append(",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n  \"env\": {}\n}\n");
        return b.toString();
    }

    private static String absoluteClassPath(String classPath) {
        StringBuilder b = new StringBuilder();
        for (String p : classPath.split(File.pathSeparator)) {
            if (p.isBlank()) continue;
            if (b.length() > 0) b.append(File.pathSeparator);
            b.append(p.endsWith("*") ? Path.of(p.substring(0, p.length() - 1)).toAbsolutePath() + File.separator + "*"
                    : Path.of(p).toAbsolutePath().normalize().toString());
        }
        return b.toString();
    }

    /** The first JUPYTER_PATH entry, else JUPYTER_DATA_DIR, else Jupyter's per-user data directory. */
    static Path dataDir() {
        String jp = System.getenv("JUPYTER_PATH");
        if (jp != null && !jp.isBlank()) return Path.of(jp.split(File.pathSeparator)[0]);
        String dd = System.getenv("JUPYTER_DATA_DIR");
        if (dd != null && !dd.isBlank()) return Path.of(dd);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("mac")) return Path.of(home, "Library", "Jupyter");
        if (os.contains("win")) return Path.of(System.getenv().getOrDefault("APPDATA", home), "jupyter");
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : Path.of(home, ".local", "share", "jupyter");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) fail(flag + " needs a value");
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("xtal kernel install: " + message);
        System.exit(2);
    }
}
