package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Correlation;
import org.xtalkit.model.Experiment;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegratorTest {

    /**
     * CI runs 30 images; the acceptance sweep (300 images) is the same test with
     * {@code -Dxtalkit.integrate.nimages=300}.
     */
    @Test void summedIntensitiesFollowTheTruth() {
        String images = System.getProperty("xtalkit.integrate.nimages", "30");
        Simulation sim = Simulate.insulin(SimulationParams.parse("nimages=" + images, "binning=2", "d_min=2.0"));
        Experiment truth = sim.truth().experiments().get(0);
        ReflectionTable strong = StrongSpots.assigned(sim, truth);
        ProfileModel model = ProfileModelEstimator.estimate(truth, strong, 0);
        ProfileModel physical = ProfileModel.fromJson(truth.profileJson());
        // σ_m is the simulated rocking width; σ_b also holds the pixel size, as DIALS' estimate does
        assertEquals(physical.sigmaM(), model.sigmaM(), 0.15 * physical.sigmaM(), "sigma_m");
        assertTrue(model.sigmaB() > physical.sigmaB() && model.sigmaB() < 2 * physical.sigmaB(),
                "sigma_b " + Math.toDegrees(model.sigmaB()) + "° vs physical " + Math.toDegrees(physical.sigmaB()) + "°");
        ReflectionTable t = Integrator.integrate(truth, 0, sim.images(), model, strong, new Integrator.Options(2.0, null, 2), Progress.NONE);
        var sweep = sim.truth().reflections();
        Map<String, Integer> truthRow = new HashMap<>();
        for (int r = 0; r < sweep.size(); r++)
            truthRow.put(sweep.h(r) + "," + sweep.k(r) + "," + sweep.l(r) + "," + Math.round(sweep.z(r) * 2), r);
        int[] hkl = t.miller("miller_index");
        double[] px = t.vec3("xyzcal.px"), iSum = t.doubles("intensity.sum.value"), vSum = t.doubles("intensity.sum.variance");
        double[] part = t.doubles("partiality"), d = t.doubles("d");
        long[] flags = t.flags();
        int[] bb = t.int6("bbox");
        int n = 0, integrated = 0, accounted = 0;
        double[] a = new double[t.size()], b = new double[t.size()], ap = new double[t.size()];
        double[] iPrf = t.doubles("intensity.prf.value"), vPrf = t.doubles("intensity.prf.variance");
        int np = 0;
        double[] bp = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            long f = flags[i];
            if (Flag.INTEGRATED_SUM.allSetIn(f)) integrated++;
            if (Flag.INTEGRATED_SUM.allSetIn(f) || Flag.DONT_INTEGRATE.allSetIn(f) || Flag.FAILED_DURING_SUMMATION.allSetIn(f)
                    || Flag.FAILED_DURING_BACKGROUND_MODELLING.allSetIn(f)) accounted++;
            if (!Flag.INTEGRATED_SUM.allSetIn(f) || part[i] < 0.99 || d[i] < 2.5) continue;
            Integer r = truthRow.get(hkl[3 * i] + "," + hkl[3 * i + 1] + "," + hkl[3 * i + 2] + "," + Math.round(px[3 * i + 2] * 2));
            if (r == null) continue;
            // what the simulator deposited on the frames of this reflection's shoebox
            double expected = 0;
            for (int im = bb[6 * i + 4]; im < bb[6 * i + 5]; im++) expected += sweep.expectedCounts(r, im);
            a[n] = iSum[i];
            b[n] = expected;
            n++;
            if (Flag.INTEGRATED_PRF.allSetIn(f)) {
                // prf estimates the whole reflection: compare with everything the simulator deposited
                double whole = 0;
                for (int im = 0; im < sim.params().nImages(); im++) whole += sweep.expectedCounts(r, im);
                ap[np] = iPrf[i];
                bp[np] = whole;
                np++;
            }
        }
        assertTrue(accounted == t.size(), "every prediction integrated or flagged: " + accounted + " of " + t.size());
        assertTrue(integrated > 0.8 * t.size(), integrated + " of " + t.size() + " integrated");
        assertTrue(n > 300, "fully recorded reflections compared: " + n);
        double c = Correlation.pearson(a, b, n);
        assertTrue(c > 0.99, "CC(I_sum, truth) = " + c + " over " + n);
        assertTrue(np > 0.9 * n, "profile-fitted " + np + " of " + n);
        double cp = Correlation.pearson(ap, bp, np);
        assertTrue(cp > 0.995, "CC(I_prf, truth) = " + cp + " over " + np);
        // the outer resolution shell: profile fitting is at least as precise as summation
        double sumIs = 0, prfIs = 0;
        int outer = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!Flag.INTEGRATED_PRF.allSetIn(flags[i]) || d[i] > 2.2 || vSum[i] <= 0 || vPrf[i] <= 0) continue;
            sumIs += iSum[i] / Math.sqrt(vSum[i]);
            prfIs += iPrf[i] / Math.sqrt(vPrf[i]);
            outer++;
        }
        assertTrue(outer > 100 && prfIs >= sumIs, "outer shell <I/sigma> prf " + prfIs / outer + " vs sum " + sumIs / outer);
    }
}
