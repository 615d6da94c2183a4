package org.xtalkit.scale;

/**
 * dials.scale's parameters that xtalkit honours (DIALS names in {@code Scale.PARAMETERS}).
 *
 * @param model              "auto" (physical unless the sweep is under 1°, then KB), "physical" or "KB"
 * @param anomalous          keep Friedel mates apart in scaling and outlier rejection
 * @param absorptionLevel    null, "low", "medium" or "high" (lmax 4/6/6, surface weight 5e5/5e4/5e3)
 * @param absorptionCorrection null for auto (on above 60° of rotation), or forced on/off
 * @param scaleInterval      degrees between scale parameters, null for auto
 * @param decayInterval      degrees between decay parameters, null for auto
 * @param decayRestraint     weight of the restraint of B parameters to zero
 * @param dMin               resolution cut (0: none)
 * @param partialityCutoff   reflections below are not used at all
 * @param minPartiality      reflections below are not used to determine the model
 * @param minIsigi           reflections with I/σ below are excluded
 * @param outlierZmax        normalised-deviation threshold of outlier rejection ("standard")
 * @param outlierRejection   "standard" or "none"
 * @param intensityChoice    "combine", "profile" or "sum"
 * @param errorModel         fit the basic error model (true) or keep σ (false)
 * @param minIh              error model: minimum g·Ih of groups used
 * @param errorModelBins     error model: intensity bins
 * @param maxIterations      LM iterations per round at most
 */
public record ScaleParams(String model, boolean anomalous, String absorptionLevel, Boolean absorptionCorrection,
                          Double scaleInterval, Double decayInterval, double decayRestraint, double dMin,
                          double partialityCutoff, double minPartiality, double minIsigi, double outlierZmax,
                          String outlierRejection, String intensityChoice, boolean errorModel, double minIh,
                          int errorModelBins, int maxIterations) {
    public static ScaleParams defaults() {
        return new ScaleParams("auto", false, null, null, null, null, 0.1, 0, 0.4, 0.95, -5, 6, "standard",
                "combine", true, 25, 10, 100);
    }

    public ScaleParams withMinIh(double v) {
        return new ScaleParams(model, anomalous, absorptionLevel, absorptionCorrection, scaleInterval, decayInterval, decayRestraint,
                dMin, partialityCutoff, minPartiality, minIsigi, outlierZmax, outlierRejection, intensityChoice, errorModel, v,
                errorModelBins, maxIterations);
    }

    public ScaleParams withAnomalous(boolean v) {
        return new ScaleParams(model, v, absorptionLevel, absorptionCorrection, scaleInterval, decayInterval, decayRestraint,
                dMin, partialityCutoff, minPartiality, minIsigi, outlierZmax, outlierRejection, intensityChoice, errorModel, minIh,
                errorModelBins, maxIterations);
    }
}
