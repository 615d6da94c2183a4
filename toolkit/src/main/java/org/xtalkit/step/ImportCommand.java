package org.xtalkit.step;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal import <images or template> [key=value ...]} -> imported.expt, as dials.import. */
public final class ImportCommand implements StepCommand {
    @Override public String name() { return "import"; }

    @Override public String summary() { return "Import image files (or a template with #) into an experiment list"; }

    @Override public List<ParamSpec> parameters() { return Import.Params.SPECS; }

    @Override
    public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        Import.Params params = Import.Params.from(values);
        ExperimentList experiments = Import.run(params, inputs, progress);
        Path out = workDir.resolve(params.output());
        progress.log("Writing experiments to " + out);
        ExptFile.write(experiments, out);
    }
}
