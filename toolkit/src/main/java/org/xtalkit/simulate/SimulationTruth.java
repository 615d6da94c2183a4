package org.xtalkit.simulate;

import org.xtalkit.model.ExperimentList;

/**
 * What the simulation put in, for checking what a processing step gets out.
 *
 * @param experiments    the true models: beam, detector (true centre and distance), goniometer, scan,
 *                       crystal (scan-varying when it drifts) and the profile (sigma_b, sigma_m)
 * @param crystal        the true crystal with its drift
 * @param intensities    true intensity of any h (with the overall B)
 * @param intensityScale counts of a full, corrected reflection per unit of true intensity
 * @param reflections    every Ewald-sphere crossing of the sweep: position, width, counts
 */
public record SimulationTruth(ExperimentList experiments, InsulinCrystal crystal, WilsonIntensities intensities,
                              double intensityScale, SimulatedSweep reflections) {}
