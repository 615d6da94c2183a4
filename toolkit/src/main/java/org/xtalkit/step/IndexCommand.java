package org.xtalkit.step;

import org.xtalkit.index.Indexer;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal index imported.expt strong.refl [space_group=I213] [unit_cell=...]} -> indexed.expt, indexed.refl. */
public final class IndexCommand implements StepCommand {
    @Override public String name() { return "index"; }
    @Override public String summary() { return "find the crystal lattice of strong spots and assign Miller indices"; }
    @Override public List<ParamSpec> parameters() { return Index.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("index", inputs, workDir, "xtal index imported.expt strong.refl");
        Indexer.Result r = Index.run(ExptFile.read(files.experiment()), ReflReader.read(files.reflection()), values, progress);
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saving refined experiments to " + outExpt.getFileName() + "\nSaving refined reflections to " + outRefl.getFileName());
    }
}
