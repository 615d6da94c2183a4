/**
 * dials.scale for rotation data. {@link org.xtalkit.scale.Scaler#run} takes integrated (or
 * symmetrized) experiments and reflections and does what dials.scale 3.12 does with its defaults:
 * <ol>
 *   <li>{@code PartialSums}, {@code ScalingData}: partials summed, reflections selected (integrated,
 *       not bad_for_scaling, variance &gt; 0, partiality ≥ 0.4, I/σ ≥ −5), intensities × lp/qe;</li>
 *   <li>{@link org.xtalkit.scale.ScalingModel}: KB below 1° of rotation, else the physical model
 *       (scale and B Gaussian-smoothed in rotation, spherical-harmonic absorption above 60°);</li>
 *   <li>rounds of {@code OutlierRejection} (standard, zmax 6), Levenberg–Marquardt on
 *       {@code ScalingTarget} (Σw(I − g·Ih)² + restraints), {@code IntensityCombination}
 *       (prf/sum/Imid by Rmeas) and {@link org.xtalkit.scale.BasicErrorModel};</li>
 *   <li>output columns inverse_scale_factor(_variance), intensity.scale.value/variance, the
 *       outlier_in_scaling / excluded_for_scaling flags and each experiment's scaling_model JSON.</li>
 * </ol>
 * Not done (yet): DIALS' random reflection subsets for large data sets (all suitable reflections
 * are used), the array/dose_decay models, targeted/simple outlier rejection, free-set validation.
 */
package org.xtalkit.scale;
