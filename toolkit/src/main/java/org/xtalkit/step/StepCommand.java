package org.xtalkit.step;

import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/**
 * A workflow step as the command line sees it ({@code xtal <name> files... key=value...}).
 * Implementations are thin: they read the input files, call the step's Java function, write
 * DIALS' output files (atomically) and report through {@code progress.log}; the CLI prints.
 * Registered with ServiceLoader (META-INF/services/org.xtalkit.step.StepCommand).
 */
public interface StepCommand {
    /** The DIALS-style step name: "import", "find_spots", "index", ... */
    String name();

    /** One line saying what the step does, for {@code xtal help}. */
    String summary();

    /** Every parameter the step accepts, with defaults and help. */
    List<ParamSpec> parameters();

    /**
     * Run the step.
     *
     * @param inputs   the positional arguments (files, templates, "demo"), as given
     * @param values   the parsed key=value parameters
     * @param workDir  where output files are written
     * @param progress where log lines and progress go
     */
    void run(List<String> inputs, ParamValues values, Path workDir, Progress progress);
}
