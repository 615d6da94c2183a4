package org.xtalkit.simulate;

import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded default data set: a rotation sweep of cubic insulin (I2₁3, a = 77.9 Å) on the DLS
 * i04 Eiger 16M of the DIALS tutorial, simulated in memory.
 *
 * <pre>{@code
 * Simulation sim = Simulate.insulin(SimulationParams.parse("nimages=100", "binning=4"));
 * int[][] image1 = sim.images().read(0);
 * }</pre>
 */
public final class Simulate {
    private Simulate() {}

    public static Simulation insulin(SimulationParams p) {
        InsulinCrystal crystal = InsulinCrystal.of(p.seed(), p.cellDrift(), p.orientationDrift(), p.nImages());
        WilsonIntensities intensities = new WilsonIntensities(p.seed(), p.bFactor(), p.anomalous());
        return sweep(p, crystal, intensities, I04Eiger16M.goniometer(), 0);
    }

    /**
     * Several sweeps of one crystal (same orientation on its mount, same intensities), each of
     * {@code p.nImages()} images at its own goniometer setting; the exposure continues from sweep to
     * sweep, so B rises by {@code b_dose} per sweep and any drift runs through all of them.
     *
     * <pre>{@code
     * MultiSweepSimulation sims = Simulate.insulinSweeps(SimulationParams.parse("nimages=50", "binning=4"),
     *         SweepPlan.spread(4));
     * }</pre>
     */
    public static MultiSweepSimulation insulinSweeps(SimulationParams p, SweepPlan plan) {
        int n = plan.sweeps();
        InsulinCrystal crystal = InsulinCrystal.of(p.seed(), p.cellDrift(), p.orientationDrift(), n * p.nImages());
        WilsonIntensities intensities = new WilsonIntensities(p.seed(), p.bFactor(), p.anomalous());
        List<Simulation> sweeps = new ArrayList<>();
        for (int k = 0; k < n; k++)
            sweeps.add(sweep(p, crystal, intensities, plan.goniometer(k, p.oscillationStart()), k * p.nImages()));
        return new MultiSweepSimulation(sweeps, plan);
    }

    /** One sweep of the crystal through the goniometer, starting frameOffset images into its exposure. */
    private static Simulation sweep(SimulationParams p, InsulinCrystal crystal, WilsonIntensities intensities,
                                    Goniometer gonio, int frameOffset) {
        Beam beam = I04Eiger16M.beam();
        Scan scan = I04Eiger16M.scan(p.nImages(), p.oscillationStart(), p.oscillation(), frameOffset);
        Detector trueDetector = I04Eiger16M.detector(p.binning());
        Panel truePanel = trueDetector.panel(0);
        SimulatedSweep sweep = new SimulatedSweep(p, crystal, intensities, beam, gonio, truePanel, scan, frameOffset);
        SimulatedImageSource images = new SimulatedImageSource(p, sweep, truePanel, beam);

        Experiment imported = new Experiment("", beam, headerDetector(p), gonio, scan, null, null, null, null);
        Experiment truth = new Experiment("", beam, trueDetector, gonio, scan, crystal.model(Double.NaN, frameOffset, p.nImages()), null,
                profileJson(p, truePanel.distance()), null);
        return new Simulation(ExperimentList.of(imported),
                images, new SimulationTruth(ExperimentList.of(truth), crystal, intensities, p.intensityScale(), sweep), p);
    }

    /** The detector the image headers describe: the true one moved by beam_centre_offset and distance_offset. */
    public static Detector headerDetector(SimulationParams p) {
        return I04Eiger16M.detector(p.binning(),
                I04Eiger16M.BEAM_X_PX / p.binning() + p.beamCentreOffset()[0],
                I04Eiger16M.BEAM_Y_PX / p.binning() + p.beamCentreOffset()[1],
                I04Eiger16M.DISTANCE_MM + p.distanceOffset());
    }

    /** DIALS' Gaussian reciprocal-space profile model of the truth: sigma_b from the spot size, sigma_m. */
    private static String profileJson(SimulationParams p, double distanceMm) {
        double sigmaB = Math.toDegrees(p.spotSigmaMm() / distanceMm);
        return String.format(Locale.ROOT,
                "{\"__id__\": \"gaussian_rs\", \"n_sigma\": 3.0, \"sigma_b\": %.6f, \"sigma_m\": %.6f}", sigmaB, p.mosaicity());
    }
}
