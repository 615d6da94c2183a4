package org.xtalkit.step.merge;

import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.io.mtz.MtzWriter;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.StepInputs;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal export scaled.expt scaled.refl} -> scaled.mtz (unmerged, with batch headers), as dials.export format=mtz. */
public final class ExportCommand implements StepCommand {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice("format", "mtz", "Output format", "mtz"),
            ParamSpec.of("mtz.combine_partials", ParamType.BOOL, "True", "Combine partials of one reflection"),
            ParamSpec.of("mtz.partiality_threshold", ParamType.FLOAT, "0.4", "Keep reflections with at least this partiality"),
            ParamSpec.of("mtz.min_isigi", ParamType.FLOAT, "-5", "Exclude observations with I/σ below this"),
            ParamSpec.of("mtz.d_min", ParamType.FLOAT, "None", "High resolution limit (Å)"),
            ParamSpec.of("mtz.hklout", ParamType.PATH, "scaled.mtz", "Unmerged MTZ file to write"));

    @Override public String name() { return "export"; }
    @Override public String summary() { return "export scaled reflections as an unmerged MTZ file (scaled.mtz)"; }
    @Override public List<ParamSpec> parameters() { return PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("export", inputs, workDir, "xtal export scaled.expt scaled.refl");
        ScaledInput in = ScaledInput.read(files.experiments(), files.reflections());
        Double dMin = values.doubleOrNull("mtz.d_min");
        ScaledIntensities data = ScaledIntensities.select(in.reflections(), dMin == null ? 0 : dMin, 0,
                values.getDouble("mtz.partiality_threshold"), values.getBool("mtz.combine_partials"))
                .withMinISigI(values.getDouble("mtz.min_isigi"));
        Mtz mtz = UnmergedMtz.of(in, data);
        Path out = workDir.resolve(values.str("mtz.hklout"));
        MtzWriter.write(mtz, out);
        progress.log("Saving " + mtz.rows() + " scaled reflections (" + mtz.batches().size() + " batches) to " + out.getFileName());
    }
}
