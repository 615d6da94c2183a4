package org.xtalkit.simulate;

import org.xtalkit.model.ExperimentList;

/**
 * A simulated sweep: what dials.import would give (models with the header geometry, no crystal),
 * the images, and the truth.
 *
 * @param experiments the imported experiment (header geometry; imageset null until written to files)
 * @param images      the images, computed on demand
 * @param truth       the true models, intensities and reflections
 * @param params      the parameters it was made with
 */
public record Simulation(ExperimentList experiments, SimulatedImageSource images, SimulationTruth truth,
                         SimulationParams params) {}
