package org.xtalkit.step;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal refine indexed.expt indexed.refl} -> refined.expt, refined.refl. */
public final class RefineCommand implements StepCommand {
    @Override public String name() { return "refine"; }
    @Override public String summary() { return "refine beam, crystal and detector models (static, then scan-varying)"; }
    @Override public List<ParamSpec> parameters() { return Refine.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("refine", inputs, workDir, "xtal refine indexed.expt indexed.refl");
        Path expt = files.experiment(), refl = files.reflection();
        ExperimentList experiments = ExptFile.read(expt);
        ReflectionTable reflections = ReflReader.read(refl);
        Refine.Result r = Refine.run(experiments, reflections, values, progress);
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saved refined experiments to " + outExpt.getFileName() + ", reflections to " + outRefl.getFileName());
    }
}
