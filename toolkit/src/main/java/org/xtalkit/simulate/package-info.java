/**
 * The embedded default data set: a rotation sweep of cubic insulin (I2₁3, a = 77.9 Å) on the DLS i04
 * Eiger 16M of the DIALS tutorial (binned 1, 2 or 4), simulated in memory or written as miniCBF/NXmx.
 *
 * <ul>
 *   <li>{@link org.xtalkit.simulate.Simulate#insulin} → {@link org.xtalkit.simulate.Simulation}: the
 *       imported experiment (header geometry), the images ({@link org.xtalkit.simulate.SimulatedImageSource},
 *       computed on demand, per-image seeded, thread-safe) and the truth.</li>
 *   <li>{@link org.xtalkit.simulate.WilsonIntensities}: Wilson intensities per unique reflection of
 *       I2₁3 (Laue group m-3), optional Friedel differences.</li>
 *   <li>{@link org.xtalkit.simulate.SimulatedSweep}: every Ewald-sphere crossing (via
 *       {@link org.xtalkit.geometry.RotationPredictor}) with its spot centre, rocking-curve width σ_m/|ζ|
 *       and counts K·I·qe/lp; per image the partiality, an absorption-like scale and dose decay.</li>
 *   <li>{@link org.xtalkit.simulate.SimulationWriter}, {@code xtal simulate insulin}: images and truth
 *       ({@code truth.json}, {@code true_model.expt}, {@code true_intensities.csv}, {@code true_reflections.csv}).</li>
 * </ul>
 */
package org.xtalkit.simulate;
