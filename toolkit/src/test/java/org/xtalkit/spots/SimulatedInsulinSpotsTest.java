package org.xtalkit.spots;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.step.FindSpots;
import org.xtalkit.step.Import;
import org.xtalkit.step.process.DemoData;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The acceptance bullet on the simulated insulin sweep (binning 2, 100 images of 0.1°, DIALS'
 * default parameters): true reflections with I/σ &gt; 10 are found, found spots are true reflections.
 * "True" is the simulator's truth as {@link TrueSpots} defines it, "match" as {@link TruthMatch}
 * does (centroid within 2 pixels and within the reflection's ±3σ rocking curve, at least ±1 image).
 *
 * <p>What is missed has two causes, both DIALS' (dials.find_spots finds exactly the same spots on
 * these images): dispersion_extended keeps a strong pixel only at chebyshev distance ≥ min(kernel_size)
 * from any pixel that is not flagged, and a module gap counts as not flagged, so spots centred within
 * 2 pixels of a gap (≈ 2 % of the reflections at binning 2) are lost; and reflections near the rotation
 * axis, spread over many images, fail max_separation (peak to centroid &gt; 2 px, mostly in φ) or
 * max_spot_size. The first is a property of the detector's geometry, known before looking at any
 * spot: the found fraction is asserted over the reflections centred at least min(kernel_size) pixels
 * from a gap or edge (the 98 %), and over all of them at the level the gap band allows.
 */
class SimulatedInsulinSpotsTest {
    static final String WORDS = "nimages=100 binning=2 seed=42 anomalous=0";
    static final double MIN_I_OVER_SIGMA = 10;
    /** DIALS' default kernel_size is 3,3: its erosion distance. */
    static final int EROSION = 3;

    private static TrueSpots truth;
    private static TruthMatch match;
    private static boolean[] ok;
    private static int nx, spots;

    @BeforeAll
    static void findSpots() {
        SimulationParams p = SimulationParams.parse(WORDS.split(" "));
        Path dir = Path.of("target", "insulin-" + WORDS.replace(' ', '_').replace('=', '-'));
        String template = DemoData.write(p, WORDS, dir, 2, Progress.NONE);
        ExperimentList imported = Import.run(Import.Params.defaults(), List.of(template));
        ReflectionTable strong = FindSpots.run(imported, FindSpots.Params.parse("nproc=2"), dir, Progress.NONE).reflections();
        spots = strong.size();
        Simulation sim = Simulate.insulin(p);
        truth = new TrueSpots(sim);
        ok = sim.images().staticMask()[0];
        nx = sim.truth().experiments().get(0).detector().panel(0).imageSizeFast();
        match = new TruthMatch(truth, strong.vec3("xyzobs.px.value"), MIN_I_OVER_SIGMA, 2, 3, 1);
    }

    @Test
    void findsTheStrongTrueReflections() {
        int strong = 0, found = 0, strongClear = 0, foundClear = 0;
        for (int r = 0; r < truth.n; r++) {
            if (!(truth.iOverSigma(r) > MIN_I_OVER_SIGMA)) continue;
            boolean isFound = match.spotsOf[r] > 0, clear = gapDistance(truth.x[r], truth.y[r]) >= EROSION;
            strong++;
            if (isFound) found++;
            if (clear) strongClear++;
            if (clear && isFound) foundClear++;
        }
        String summary = match.summary(truth, MIN_I_OVER_SIGMA) + String.format(
                "; away from gaps %d of %d (%.2f %%)", foundClear, strongClear, 100.0 * foundClear / strongClear);
        assertTrue(strong > 10000, summary);
        assertTrue(foundClear >= 0.98 * strongClear, summary);
        // outside the gap band (~2 % of the reflections at binning 2) only the wide near-axis reflections are missed
        assertTrue(strongClear - foundClear < 0.01 * strong, summary);
        assertTrue(found > 0.9 * strong, summary);
    }

    @Test
    void foundSpotsAreTrueReflections() {
        String summary = match.summary(truth, MIN_I_OVER_SIGMA);
        assertTrue(match.unmatched() < 0.01 * spots, summary);
        // spots split in two and neighbours merged into one are counted, and rare
        assertTrue(match.pieces() < 0.01 * spots, summary);
        assertTrue(match.merged() < 0.01 * spots, summary);
    }

    /** Chebyshev distance (pixels) of the pixel holding (x, y) to the nearest gap pixel or the image edge, up to EROSION. */
    private static int gapDistance(double x, double y) {
        int ny = ok.length / nx, i = (int) Math.floor(x), j = (int) Math.floor(y);
        for (int d = 0; d < EROSION; d++)
            for (int b = j - d; b <= j + d; b++)
                for (int a = i - d; a <= i + d; a++)
                    if (a < 0 || b < 0 || a >= nx || b >= ny || !ok[b * nx + a]) return d;
        return EROSION;
    }
}
