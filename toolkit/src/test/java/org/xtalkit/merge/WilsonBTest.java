package org.xtalkit.merge;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Wilson B of dials.merge's summary (../shared/reference/MERGING.md) from the DIALS-scaled
 * fixtures, to the printed digits: dials.merge fits the anomalous merged array (its default
 * anomalous=True), I(+) and I(−) as separate reflections.
 */
class WilsonBTest {
    private static double wilsonB(ScaledInput in) {
        MergedReflections m = MergeTest.merge(in);
        return WilsonB.estimate(m, in.spaceGroup(), in.medianCell());
    }

    @Test
    void quartz() {
        Path d = SharedData.data("quartz_processed");
        // MERGING.md: "Wilson B factor  -2.382"
        assertEquals(-2.382, wilsonB(ScaledInput.read(List.of(d.resolve("scaled.expt")), List.of(d.resolve("scaled.refl")))), 0.002);
    }

    @Test
    void lCysteineFourSweeps() {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        // MERGING.md: "Wilson B factor  2.387"
        assertEquals(2.387, wilsonB(ScaledInput.read(
                List.of(d.resolve("scaled_20_25.expt"), d.resolve("scaled_30.expt"), d.resolve("scaled_35.expt")),
                List.of(d.resolve("scaled_20_25.refl"), d.resolve("scaled_30.refl"), d.resolve("scaled_35.refl")))), 0.002);
    }
}
