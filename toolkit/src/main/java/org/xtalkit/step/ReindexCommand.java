package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal reindex indexed.expt [indexed.refl] change_of_basis_op=... [space_group=...]}. */
public final class ReindexCommand implements StepCommand {
    @Override public String name() { return "reindex"; }
    @Override public String summary() { return "apply a change of basis and space group to experiments and reflections"; }
    @Override public List<ParamSpec> parameters() { return Reindex.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        String usage = "xtal reindex indexed.expt [indexed.refl] change_of_basis_op=a,-a-b,-c";
        StepInputs files = StepInputs.sort("reindex", inputs, workDir, usage);
        if (files.experiments().isEmpty()) throw new XtalException("reindex: give an experiment list (usage: " + usage + ")");
        Path expt = files.experiment(), refl = files.reflectionOrNull();
        Reindex.Result r = Reindex.run(ExptFile.read(expt), refl == null ? null : ReflReader.read(refl), values);
        Path outExpt = workDir.resolve(values.str("output.experiments"));
        ExptFile.write(r.experiments(), outExpt);
        progress.log("Saved reindexed experiments to " + outExpt.getFileName());
        if (r.reflections() != null) {
            Path outRefl = workDir.resolve(values.str("output.reflections"));
            ReflWriter.write(r.reflections(), outRefl);
            progress.log("Saved reindexed reflections to " + outRefl.getFileName());
        }
    }
}
