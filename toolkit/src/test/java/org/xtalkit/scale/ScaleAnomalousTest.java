package org.xtalkit.scale;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.merge.Merge;
import org.xtalkit.merge.MergedReflections;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.merge.ShellStatistics;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * anomalous=True end to end on quartz: scaling with Friedel mates apart, the merging statistics
 * dials.scale prints afterwards and the I(+)/I(−) merge. dials.scale 3.12 with anomalous=True on the
 * same integrated.expt/.refl printed: CC½ 0.989, Rpim(I) 0.065, Rpim(I+/-) 0.078, anomalous
 * completeness 99.4 %, anomalous multiplicity 3.0, anomalous slope 1.064, dF/F 0.113, 1418
 * observations, 298 unique. (Electron diffraction: no anomalous signal, so its anomalous correlation
 * — 0.397 overall from shells of ~15 pairs — measures noise and is not compared.)
 */
class ScaleAnomalousTest {
    @Test
    void quartzScaledWithFriedelMatesApart() {
        Path d = SharedData.data("quartz_processed");
        ScaleTest.Scaled s = ScaleTest.scale(List.of(d.resolve("integrated.expt")), List.of(d.resolve("integrated.refl")),
                ScaleParams.defaults().withAnomalous(true));
        ShellStatistics o = s.stats().overall();
        assertTrue(o.ccHalf() >= 0.989 - 0.005, "CC½ " + o.ccHalf());
        assertTrue(o.rPim() <= 0.065 * 1.05, "Rpim " + o.rPim());
        assertTrue(o.rPimAnom() <= 0.078 * 1.05, "Rpim(I+/-) " + o.rPimAnom());
        assertEquals(99.4, 100 * o.anomCompleteness(), 0.5);
        assertEquals(3.0, o.anomMultiplicity(), 0.1);
        assertEquals(298, o.nUniq());
        assertEquals(1418, o.nObs(), 15);
        assertEquals(1.064, s.stats().anomalousSlope(), 0.1);
        assertEquals(0.113, s.stats().dFOverF(), 0.01);
        assertTrue(Double.isFinite(o.ccAnom()));
        // merged with I(+) and I(−) apart: every observation is counted once in N(+) or N(−)
        ScaledInput in = new ScaledInput(s.result().experiments(), s.result().reflections());
        ScaledIntensities data = ScaledIntensities.select(s.result().reflections(), 0, 0, 0.4, true);
        MergedReflections m = Merge.run(data, in.spaceGroup(), in.medianCell());
        long n = 0;
        int both = 0;
        for (int r = 0; r < m.size(); r++) {
            n += m.nPlus()[r] + m.nMinus()[r];
            if (m.nPlus()[r] > 0 && m.nMinus()[r] > 0) both++;
        }
        assertEquals(o.nObs(), n);
        assertTrue(both > 0.5 * m.size(), both + " of " + m.size() + " with both mates (centrics have I(+) only)");
    }
}
