package org.xtalkit.step;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal integrate refined.expt refined.refl} -> integrated.expt, integrated.refl. */
public final class IntegrateCommand implements StepCommand {
    @Override public String name() { return "integrate"; }
    @Override public String summary() { return "integrate every predicted reflection (summation) over the sweep"; }
    @Override public List<ParamSpec> parameters() { return Integrate.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("integrate", inputs, workDir, "xtal integrate refined.expt refined.refl");
        Path expt = files.experiment(), refl = files.reflection();
        Path base = expt.toAbsolutePath().getParent();
        Integrate.Result r = Integrate.run(ExptFile.read(expt), ReflReader.read(refl), values,
                (e, i) -> ImageSets.open(e, base), progress);
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saved integrated experiments to " + outExpt.getFileName() + ", reflections to " + outRefl.getFileName());
    }
}
