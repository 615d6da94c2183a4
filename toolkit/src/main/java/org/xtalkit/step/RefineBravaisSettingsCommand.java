package org.xtalkit.step;

import org.xtalkit.index.BravaisSettings;
import org.xtalkit.io.AtomicWrite;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code xtal refine_bravais_settings indexed.expt indexed.refl} -> bravais_setting_N.expt, bravais_summary.json. */
public final class RefineBravaisSettingsCommand implements StepCommand {
    @Override public String name() { return "refine_bravais_settings"; }
    @Override public String summary() { return "refine every Bravais lattice compatible with the triclinic cell and recommend the likely ones"; }
    @Override public List<ParamSpec> parameters() { return RefineBravaisSettings.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("refine_bravais_settings", inputs, workDir, "xtal refine_bravais_settings indexed.expt indexed.refl");
        List<BravaisSettings.Setting> s = RefineBravaisSettings.run(ExptFile.read(files.experiment()), ReflReader.read(files.reflection()), values, progress);
        String prefix = values.str("output.prefix") == null ? "" : values.str("output.prefix") + "_";
        for (BravaisSettings.Setting x : s) {
            Path out = workDir.resolve(prefix + "bravais_setting_" + x.number() + ".expt");
            ExptFile.write(ExperimentList.of(x.experiment()), out);
        }
        Path summary = workDir.resolve(prefix + "bravais_summary.json");
        AtomicWrite.write(summary, RefineBravaisSettings.summaryJson(s).getBytes(StandardCharsets.UTF_8));
        progress.log("Saving summary as " + summary.getFileName());
    }
}
