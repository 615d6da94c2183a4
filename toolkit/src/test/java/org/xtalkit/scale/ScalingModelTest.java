package org.xtalkit.scale;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The physical model's configuration and its inverse scales, checked against what DIALS wrote. */
class ScalingModelTest {

    @Test
    void autoIntervalsMatchDialsConfiguration() {
        // dials.scale on the 100° quartz sweep: 15° → 14.2857° scale interval, 20° decay interval
        double[] s = ScalingModel.smoothInput(new double[] {-50, 50}, 1.0, 15.0);
        assertEquals(9, (int) s[0]);
        assertEquals(0.06993, s[1], 1e-12);
        assertEquals(14.285714285714286, s[2], 1e-9);
        double[] d = ScalingModel.smoothInput(new double[] {-50, 50}, 1.0, 20.0);
        assertEquals(7, (int) d[0]);
        assertEquals(0.04995, d[1], 1e-12);
        assertEquals(20.0, d[2], 1e-9);
        // narrow sweeps: 2 or 3 parameters
        assertEquals(2, (int) ScalingModel.smoothInput(new double[] {0, 1}, 0.1, 1.0)[0]);
        assertEquals(3, (int) ScalingModel.smoothInput(new double[] {0, 1.5}, 0.1, 1.0)[0]);
    }

    /** DIALS' own parameters, evaluated by xtalkit's model, reproduce DIALS' inverse_scale_factor. */
    @Test
    void dialsParametersGiveDialsInverseScales() {
        Path dir = SharedData.data("quartz_processed");
        ExperimentList el = ExptFile.read(dir.resolve("scaled.expt"));
        ReflectionTable t = ReflReader.read(dir.resolve("scaled.refl"));
        ScalingModel m = ScalingModel.fromJson(el.get(0).scalingModelJson(), el.get(0).scan());
        assertEquals(24, m.absorptionParameters().length);
        // the model's rotation origin is the smallest z of the reflections DIALS found suitable
        long[] fl = t.flags();
        for (int r = 0; r < t.size(); r++) fl[r] &= ~(Flag.OUTLIER_IN_SCALING.bits | Flag.SCALED.bits);
        ScalingData data = new ScalingData(el.experiments(), t, List.of(m), false, 0.4, -5, 0, false);
        double[] isf = t.doubles("inverse_scale_factor");
        int n = 0;
        double worst = 0;
        for (int q = 0; q < data.n; q++) {
            double g = ScalingData.scale(data, q, m, null, null, null);
            worst = Math.max(worst, Math.abs(g / isf[data.row[q]] - 1));
            n++;
        }
        assertTrue(n > 1000, "compared " + n);
        assertTrue(worst < 1e-3, "largest relative difference " + worst);
    }

    @Test
    void harmonicsAreDialsRealCombinations() {
        // l = 1, m = 0 term: ½(Y10(s0) + Y10(s1)), Y10 = √(3/4π) cos θ
        double[] out = new double[SphericalHarmonics.count(1)];
        SphericalHarmonics.terms(1, new double[] {0, 0, 1}, new double[] {0, 0, 1}, out);
        assertEquals(Math.sqrt(3 / (4 * Math.PI)), out[1], 1e-12);
        assertEquals(0, out[0], 1e-12);
        assertEquals(0, out[2], 1e-12);
        assertEquals(24, SphericalHarmonics.count(4));
        assertEquals(48, SphericalHarmonics.count(6));
    }
}
