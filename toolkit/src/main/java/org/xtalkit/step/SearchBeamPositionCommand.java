package org.xtalkit.step;

import org.xtalkit.index.BeamCentreSearch;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal search_beam_position imported.expt strong.refl} -> optimised.expt. */
public final class SearchBeamPositionCommand implements StepCommand {
    static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("default.mm_search_scope", ParamType.FLOAT, "4.0", "largest beam-centre shift searched, mm"),
            ParamSpec.of("output.experiments", ParamType.PATH, "optimised.expt", "experiments with the new beam centre"));

    @Override public String name() { return "search_beam_position"; }
    @Override public String summary() { return "search for the beam centre that makes the reciprocal lattice most periodic"; }
    @Override public List<ParamSpec> parameters() { return PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("search_beam_position", inputs, workDir, "xtal search_beam_position imported.expt strong.refl");
        BeamCentreSearch.Result r = BeamCentreSearch.run(ExptFile.read(files.experiment()), ReflReader.read(files.reflection()),
                values.getDouble("default.mm_search_scope"), progress);
        Path out = workDir.resolve(values.str("output.experiments"));
        ExptFile.write(r.optimised(), out);
        progress.log("Saved optimised experiments to " + out.getFileName());
    }
}
