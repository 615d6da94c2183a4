package org.xtalkit.cli;

import org.xtalkit.progress.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress for the shell: log lines go to stdout and to xtal.&lt;step&gt;.log; progress is one line on
 * stderr, redrawn in place on a terminal and printed every 10 % otherwise (logs of batch jobs stay short).
 */
final class CliProgress implements Progress, AutoCloseable {
    private final PrintStream out, err;
    private final Writer logFile;
    private final boolean terminal = System.console() != null;
    private String lastStage = "";
    private long lastPercent = -1;
    private boolean lineOpen;

    private CliProgress(PrintStream out, PrintStream err, Writer logFile) {
        this.out = out;
        this.err = err;
        this.logFile = logFile;
    }

    static CliProgress open(String step, Path workDir, PrintStream out, PrintStream err) {
        try {
            Writer w = Files.newBufferedWriter(workDir.resolve("xtal." + step + ".log"), StandardCharsets.UTF_8);
            return new CliProgress(out, err, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log file in " + workDir, e);
        }
    }

    @Override public synchronized void update(String stage, long done, long total) {
        long percent = total <= 0 ? 100 : Math.min(100, 100 * done / total);
        if (stage.equals(lastStage) && percent == lastPercent) return;
        boolean newStage = !stage.equals(lastStage);
        lastStage = stage;
        if (terminal) {
            int width = 30, filled = (int) (width * percent / 100);
            err.print("\r" + stage + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
            lineOpen = done < total;
            if (!lineOpen) err.println();
        } else if (newStage || percent / 10 != lastPercent / 10 || done == total) {
            err.println(stage + ": " + done + "/" + total + " (" + percent + "%)");
        }
        lastPercent = percent;
    }

    @Override public synchronized void log(String line) {
        closeLine();
        out.println(line);
        write(line);
    }

    synchronized void error(String message) {
        closeLine();
        err.println("Error: " + message);
        write("Error: " + message);
    }

    synchronized void internalError(Throwable e) {
        closeLine();
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        err.println("Internal error (a bug in xtalkit; the log has the details): " + e);
        write(sw.toString());
    }

    private void closeLine() {
        if (lineOpen) { err.println(); lineOpen = false; }
    }

    private void write(String line) {
        try {
            logFile.write(line);
            logFile.write('\n');
            logFile.flush();
        } catch (IOException ignored) {
            // the log file is a copy of what the user already saw; losing it must not stop the step
        }
    }

    @Override public synchronized void close() {
        closeLine();
        try { logFile.close(); } catch (IOException ignored) { }
    }
}
