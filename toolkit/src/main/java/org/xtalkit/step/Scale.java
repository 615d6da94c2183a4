package org.xtalkit.step;

import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.scale.ScaleParams;
import org.xtalkit.scale.Scaler;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

/** dials.scale: scale integrated (or symmetrized) reflections with DIALS' physical model. */
public final class Scale {
    private Scale() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice("model", "auto", "scaling model: auto (physical, KB below 1° of rotation), physical or KB", "auto", "physical", "KB"),
            ParamSpec.of("anomalous", ParamType.BOOL, "False", "keep Friedel mates apart during scaling"),
            ParamSpec.choice("physical.absorption_level", "None", "absorption correction: low (lmax 4), medium or high (lmax 6)",
                    "None", "low", "medium", "high"),
            ParamSpec.choice("physical.absorption_correction", "auto", "absorption surface (auto: on above 60° of rotation)", "auto", "True", "False"),
            ParamSpec.of("physical.scale_interval", ParamType.STR, "auto", "rotation interval between scale parameters (degrees)"),
            ParamSpec.of("physical.decay_interval", ParamType.STR, "auto", "rotation interval between decay parameters (degrees)"),
            ParamSpec.of("physical.decay_restraint", ParamType.FLOAT, "0.1", "restraint weight of B parameters to zero"),
            ParamSpec.of("cut_data.d_min", ParamType.FLOAT, "None", "exclude reflections beyond this resolution (Å)"),
            ParamSpec.of("cut_data.partiality_cutoff", ParamType.FLOAT, "0.4", "exclude reflections below this partiality"),
            ParamSpec.of("reflection_selection.min_partiality", ParamType.FLOAT, "0.95", "least partiality of reflections used to determine the model"),
            ParamSpec.of("cut_data.min_isigi", ParamType.FLOAT, "-5", "exclude reflections below this I/σ"),
            ParamSpec.choice("outlier_rejection", "standard", "outlier rejection algorithm", "standard", "None"),
            ParamSpec.of("outlier_zmax", ParamType.FLOAT, "6.0", "normalised deviation above which a reflection is an outlier"),
            ParamSpec.choice("reflection_selection.intensity_choice", "combine", "profile, sum or the best combination of both",
                    "combine", "profile", "sum"),
            ParamSpec.choice("weighting.error_model.error_model", "basic", "error model", "basic", "None"),
            ParamSpec.of("weighting.error_model.basic.min_Ih", ParamType.FLOAT, "25.0", "error model: least g·<I> of groups used"),
            ParamSpec.of("weighting.error_model.basic.n_bins", ParamType.INT, "10", "error model: intensity bins"),
            ParamSpec.of("output.experiments", ParamType.PATH, "scaled.expt", "scaled experiments"),
            ParamSpec.of("output.reflections", ParamType.PATH, "scaled.refl", "scaled reflections"));

    public static ScaleParams params(ParamValues v) {
        String level = v.str("physical.absorption_level");
        String absCorr = v.str("physical.absorption_correction");
        return new ScaleParams(v.str("model") == null ? "auto" : v.str("model"), v.getBool("anomalous"), "None".equals(level) ? null : level,
                absCorr == null || absCorr.equalsIgnoreCase("auto") ? null : Boolean.parseBoolean(absCorr.toLowerCase()),
                interval(v, "physical.scale_interval"), interval(v, "physical.decay_interval"), v.getDouble("physical.decay_restraint"),
                v.doubleOrNull("cut_data.d_min") == null ? 0 : v.getDouble("cut_data.d_min"), v.getDouble("cut_data.partiality_cutoff"),
                v.getDouble("reflection_selection.min_partiality"), v.getDouble("cut_data.min_isigi"), v.getDouble("outlier_zmax"),
                "standard".equals(v.str("outlier_rejection")) ? "standard" : "none", v.str("reflection_selection.intensity_choice"),
                "basic".equals(v.str("weighting.error_model.error_model")), v.getDouble("weighting.error_model.basic.min_Ih"),
                v.getInt("weighting.error_model.basic.n_bins"), 100);
    }

    private static Double interval(ParamValues v, String key) {
        String s = v.str(key);
        if (s == null || s.equalsIgnoreCase("auto")) return null;
        try { return Double.parseDouble(s); }
        catch (NumberFormatException e) { throw new org.xtalkit.XtalException(key + "=" + s + ": expected auto or a number of degrees"); }
    }

    public static Scaler.Result run(ExperimentList experiments, ReflectionTable reflections, ParamValues v, Progress progress) {
        return Scaler.run(experiments, reflections, params(v), progress);
    }
}
