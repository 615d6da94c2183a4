package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.progress.Progress;
import org.xtalkit.scale.Scaler;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal scale a.expt a.refl [b.expt b.refl ...]} -> scaled.expt, scaled.refl. */
public final class ScaleCommand implements StepCommand {
    @Override public String name() { return "scale"; }
    @Override public String summary() { return "scale integrated reflections (physical model, outliers, error model)"; }
    @Override public List<ParamSpec> parameters() { return Scale.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        String usage = "xtal scale integrated.expt integrated.refl [more pairs]";
        StepInputs files = StepInputs.of("scale", inputs, workDir, usage);
        if (files.experiments().size() != files.reflections().size())
            throw new XtalException("scale: give .expt and .refl files in pairs (usage: " + usage + ")");
        // joined as dials.scale joins several files: experiment ids renumbered in file order
        ScaledInput in = ScaledInput.read(files.experiments(), files.reflections());
        Scaler.Result r = Scale.run(in.experiments(), in.reflections(), values, progress);
        // dials.scale ends with the merging statistics of what it scaled (20 shells, anomalous figures included)
        ScaledInput scaled = new ScaledInput(r.experiments(), r.reflections());
        ScaledIntensities data = ScaledIntensities.select(r.reflections(), 0, 0, 0.4, true);
        if (data.size() > 0) {
            progress.log("");
            MergingStatistics.compute(data, scaled.spaceGroup(), scaled.medianCell(), 20).format().forEach(progress::log);
            progress.log("");
        }
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saving the scaled experiments to " + outExpt.getFileName());
        progress.log("Saving the scaled reflections to " + outRefl.getFileName());
    }
}
