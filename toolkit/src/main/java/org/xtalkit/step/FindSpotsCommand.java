package org.xtalkit.step;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code xtal find_spots imported.expt [key=value ...]} -> strong.refl, as dials.find_spots; image
 * files given instead of an experiment list are imported first with dials.import's defaults.
 */
public final class FindSpotsCommand implements StepCommand {
    @Override public String name() { return "find_spots"; }

    @Override public String summary() { return "Find strong spots on the images (dispersion threshold, connected regions)"; }

    @Override public List<ParamSpec> parameters() { return FindSpots.specs(); }

    @Override
    public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        FindSpots.Params params = FindSpots.Params.from(values);
        if (inputs.isEmpty())
            throw new org.xtalkit.XtalException("find_spots: give an experiment list (imported.expt) or image files");
        ExperimentList experiments;
        Path baseDir;
        boolean fromImages = !(inputs.size() == 1 && (inputs.get(0).endsWith(".expt") || inputs.get(0).endsWith(".json")));
        if (fromImages) {
            experiments = Import.run(Import.Params.defaults(), inputs, progress);
            baseDir = workDir;
        } else {
            Path expt = workDir.resolve(inputs.get(0));
            experiments = ExptFile.read(expt);
            baseDir = expt.toAbsolutePath().getParent();
        }
        SpotResult result = FindSpots.run(experiments, params, baseDir, progress);
        if (fromImages) result.reflections().clearIdentifiers(); // no experiment list is written to link them to
        Path out = workDir.resolve(params.output());
        progress.log("\n" + "-".repeat(80));
        ReflWriter.write(result.reflections(), out);
        progress.log("Saved " + result.reflections().size() + " reflections to " + out.getFileName());
    }
}
