package org.xtalkit.scale;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.Experiment;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the displays plot of a scaling model: its terms against frame and its absorption surface, on DIALS' quartz model. */
class ScalingModelSurfacesTest {
    static final Experiment E = ExptFile.read(SharedData.data("quartz_processed/scaled.expt")).get(0);
    static final ScalingModel M = ScalingModel.fromJson(E.scalingModelJson(), E.scan());

    @Test
    void scaleAndDecayReproduceDialsInverseScaleFactors() {
        ReflectionTable t = ReflReader.read(SharedData.data("quartz_processed/scaled.refl"));
        double[] g = t.doubles("inverse_scale_factor"), d = t.doubles("d"), xyz = t.vec3("xyzobs.px.value");
        long[] flags = t.flags();
        double zMin = Double.POSITIVE_INFINITY, zMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.size(); i++) {
            if (Flag.BAD_FOR_SCALING.isSetIn(flags[i]) || g[i] <= 0) continue;
            zMin = Math.min(zMin, xyz[3 * i + 2]);
            zMax = Math.max(zMax, xyz[3 * i + 2]);
        }
        int n = 0, close = 0;
        for (int i = 0; i < t.size(); i++) {
            if (Flag.BAD_FOR_SCALING.isSetIn(flags[i]) || g[i] <= 0) continue;
            double[][] cb = M.scaleAndDecay(zMax - zMin, new double[] {xyz[3 * i + 2] - zMin});
            double model = cb[0][0] * Math.exp(cb[1][0] / (2 * d[i] * d[i]));
            n++;
            // the absorption term (restrained, lmax 4) moves the scale by well under 1 %
            if (Math.abs(g[i] / model - 1) < 0.01) close++;
        }
        assertTrue(n > 1000);
        assertTrue(close > 0.99 * n, close + " of " + n + " inverse scales within 1 % of C·exp(B/2d²)");
    }

    @Test
    void absorptionSurfaceAveragesToOneOverTheSphere() {
        // harmonics of degree l ≥ 1 integrate to zero over the sphere: the mean correction is 1
        double sum = 0, weight = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 180; t++) {
            double theta = Math.toRadians(t + 0.5), w = Math.sin(theta);
            for (int p = 0; p < 360; p++) {
                double phi = Math.toRadians(p + 0.5);
                double a = M.absorptionAt(new double[] {Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)});
                sum += w * a;
                weight += w;
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
        }
        assertTrue(hi > lo, "the surface varies");
        assertEquals(1, sum / weight, 1e-3 * (hi - lo), "mean over the sphere");
    }
}
