package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal show <file.expt|file.refl> ...}: the models, or the table's columns, as dials.show prints them. */
public final class ShowCommand implements StepCommand {
    @Override public String name() { return "show"; }

    @Override public String summary() { return "Show the models of an experiment list or the columns of a reflection table"; }

    @Override public List<ParamSpec> parameters() { return List.of(); }

    @Override
    public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        if (inputs.isEmpty()) throw new XtalException("show: give an .expt or .refl file");
        for (String in : inputs) {
            Path file = workDir.resolve(in);
            List<String> lines;
            if (in.endsWith(".refl")) lines = ShowReflections.table(ReflReader.read(file));
            else if (in.endsWith(".expt") || in.endsWith(".json")) lines = Show.experiments(ExptFile.read(file), file.toAbsolutePath().getParent());
            else throw XtalException.badFile(file, "show reads .expt and .refl files");
            lines.forEach(progress::log);
        }
    }
}
