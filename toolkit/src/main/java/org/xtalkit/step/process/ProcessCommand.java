package org.xtalkit.step.process;

import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal process <images | demo> [nproc=] [d_min=] [anomalous=]}: the whole workflow, as xia2 runs DIALS. */
public final class ProcessCommand implements StepCommand {
    @Override public String name() { return "process"; }

    @Override public String summary() {
        return "the whole workflow from images (or 'demo') to merged.mtz and scaled.mtz, with xia2's automatic choices";
    }

    @Override public List<ParamSpec> parameters() { return Pipeline.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        Pipeline.run(inputs, values, workDir, progress);
    }
}
