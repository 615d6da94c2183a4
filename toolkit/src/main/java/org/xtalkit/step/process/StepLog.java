package org.xtalkit.step.process;

import org.xtalkit.XtalException;
import org.xtalkit.progress.Progress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log of one step inside {@code xtal process}: every line goes to the pipeline's progress (the
 * user sees it) and to {@code xtal.<step>.log}, as if the step had been run on its own.
 */
final class StepLog implements Progress, AutoCloseable {
    private final Progress parent;
    private final Writer file;

    StepLog(Progress parent, Path workDir, String step) {
        this.parent = parent;
        Path p = workDir.resolve("xtal." + step + ".log");
        try {
            this.file = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw XtalException.badFile(p, "cannot write the step's log: " + e.getMessage(), e);
        }
    }

    @Override public void update(String stage, long done, long total) { parent.update(stage, done, total); }

    @Override public synchronized void log(String line) {
        parent.log(line);
        try {
            file.write(line);
            file.write('\n');
        } catch (IOException ignored) {
            // the log file copies what the user already saw; losing it must not stop the pipeline
        }
    }

    @Override public synchronized void close() {
        try { file.close(); } catch (IOException ignored) { }
    }
}
