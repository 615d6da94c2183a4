package org.xtalkit.step;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal symmetry integrated.expt integrated.refl} -> symmetrized.expt, symmetrized.refl. */
public final class SymmetryCommand implements StepCommand {
    @Override public String name() { return "symmetry"; }
    @Override public String summary() { return "determine the Laue group and space group, reindex to the best setting"; }
    @Override public List<ParamSpec> parameters() { return Symmetry.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("symmetry", inputs, workDir, "xtal symmetry integrated.expt integrated.refl");
        if (files.experiments().size() != files.reflections().size())
            throw new org.xtalkit.XtalException("symmetry: give .expt and .refl files in pairs (xtal symmetry a.expt a.refl [b.expt b.refl ...])");
        // several pairs are joined as dials.symmetry joins them: experiment ids renumbered in file order
        org.xtalkit.merge.ScaledInput in = org.xtalkit.merge.ScaledInput.read(files.experiments(), files.reflections());
        Symmetry.Result r = Symmetry.run(in.experiments(), in.reflections(), values, progress);
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saving reindexed experiments to " + outExpt.getFileName() + " in space group " + r.spaceGroup().xhm());
        progress.log("Saving " + r.reflections().size() + " reindexed reflections to " + outRefl.getFileName());
    }
}
