package org.xtalkit.step.process;

import org.xtalkit.XtalException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One command run as a child process under {@code /usr/bin/time -v}: its wall time and peak
 * resident memory, the same measure for a DIALS command and an xtalkit step in its own JVM.
 *
 * @param wallSeconds wall-clock time of the child
 * @param peakMb      maximum resident set size, MB (from time -v)
 * @param exitCode    the command's exit code
 */
public record TimedRun(double wallSeconds, double peakMb, int exitCode) {

    public boolean ok() { return exitCode == 0; }

    /** Runs the command in dir; its output goes to {@code <name>.out} there. */
    public static TimedRun run(Path dir, String name, List<String> command) {
        Path timeFile = dir.resolve(name + ".time"), out = dir.resolve(name + ".out");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timeFile.toString()));
        cmd.addAll(command);
        long t0 = System.nanoTime();
        int code;
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            code = p.waitFor();
        } catch (IOException e) {
            throw new XtalException("bench: cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XtalException("bench: interrupted while running " + name, e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new TimedRun(wall, peakMb(timeFile), code);
    }

    /** "Maximum resident set size (kbytes): N" of GNU time's verbose report. */
    static double peakMb(Path timeFile) {
        String v = field(timeFile, "Maximum resident set size (kbytes)");
        return v == null ? Double.NaN : Long.parseLong(v) / 1024.0;
    }

    /** A successful earlier run recorded in {@code <name>.time} (GNU time's verbose report), or null. */
    public static TimedRun previous(Path dir, String name) {
        Path f = dir.resolve(name + ".time");
        if (!Files.isRegularFile(f)) return null;
        String status = field(f, "Exit status"), wall = field(f, "Elapsed (wall clock) time (h:mm:ss or m:ss)");
        if (!"0".equals(status) || wall == null) return null;
        double seconds = 0;
        for (String part : wall.split(":")) seconds = 60 * seconds + Double.parseDouble(part);
        return new TimedRun(seconds, peakMb(f), 0);
    }

    /** The value after "label: " in a time -v report (the label itself may contain colons). */
    private static String field(Path timeFile, String label) {
        try {
            for (String line : Files.readAllLines(timeFile, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.startsWith(label + ":")) return t.substring(label.length() + 1).trim();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
