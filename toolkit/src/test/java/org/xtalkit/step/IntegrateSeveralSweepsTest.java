package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.xtalkit.integrate.IntegrateTestSupport;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sweeps (own images, scan, crystal orientation) integrated in one run: each keeps its id and
 * identifier and comes out exactly as when it is integrated alone.
 */
class IntegrateSeveralSweepsTest {

    @Test void eachSweepAsIfAlone() {
        Simulation a = Simulate.insulin(SimulationParams.parse("nimages=6", "binning=4", "d_min=3.0", "seed=1"));
        Simulation b = Simulate.insulin(SimulationParams.parse("nimages=6", "binning=4", "d_min=3.0", "seed=2", "oscillation_start=40"));
        Experiment ea = a.truth().experiments().get(0), eb0 = b.truth().experiments().get(0);
        Experiment eb = new Experiment(ea.identifier() + "-second", eb0.beam(), eb0.detector(), eb0.goniometer(), eb0.scan(),
                eb0.crystal(), eb0.imageSet(), eb0.profileJson(), eb0.scalingModelJson());
        ReflectionTable sa = IntegrateTestSupport.strong(a, ea, 0), sb = IntegrateTestSupport.strong(b, eb, 1);
        ImageSource[] images = {a.images(), b.images()};
        ParamValues p = ParamValues.parse("integrate", Integrate.PARAMETERS, "prediction.d_min=3.0", "nproc=2");

        Integrate.Result both = Integrate.run(new ExperimentList(java.util.List.of(ea, eb)), sa.concat(sb), p,
                (e, i) -> images[i], Progress.NONE);
        Integrate.Result alone = Integrate.run(ExperimentList.of(eb), IntegrateTestSupport.strong(b, eb, 0), p,
                (e, i) -> images[1], Progress.NONE);

        ReflectionTable t = both.reflections();
        assertEquals(2, both.experiments().size());
        assertEquals(2, both.reports().size());
        assertEquals(Map.of(0, ea.identifier(), 1, eb.identifier()), t.experimentIdentifiers());
        int[] ids = t.ints("id");
        long[] flags = t.flags();
        int[] summed = new int[2];
        for (int i = 0; i < t.size(); i++) if (Flag.INTEGRATED_SUM.allSetIn(flags[i])) summed[ids[i]]++;
        assertTrue(summed[0] > 100 && summed[1] > 100, "summed per sweep: " + Arrays.toString(summed));
        assertEquals(both.reports().get(1).overall().summed(), summed[1]);

        // sweep 1 in the joint run is sweep 0 of its own run: same reflections, same intensities
        ReflectionTable one = alone.reflections();
        Map<String, Integer> row = new HashMap<>();
        int[] h1 = one.miller("miller_index");
        double[] z1 = one.vec3("xyzcal.px");
        for (int i = 0; i < one.size(); i++) row.put(h1[3 * i] + "," + h1[3 * i + 1] + "," + h1[3 * i + 2] + "," + Math.round(z1[3 * i + 2]), i);
        int[] h = t.miller("miller_index");
        double[] z = t.vec3("xyzcal.px"), iPrf = t.doubles("intensity.prf.value"), iPrf1 = one.doubles("intensity.prf.value");
        double[] iSum = t.doubles("intensity.sum.value"), iSum1 = one.doubles("intensity.sum.value");
        int compared = 0;
        for (int i = 0; i < t.size(); i++) {
            if (ids[i] != 1) continue;
            Integer j = row.get(h[3 * i] + "," + h[3 * i + 1] + "," + h[3 * i + 2] + "," + Math.round(z[3 * i + 2]));
            assertTrue(j != null, "reflection of sweep 2 predicted alone too");
            assertEquals(one.flags()[j], flags[i], "flags");
            if (!Flag.INTEGRATED_SUM.allSetIn(flags[i])) continue;
            assertEquals(iSum1[j], iSum[i], 1e-9 * Math.max(1, Math.abs(iSum1[j])));
            if (Flag.INTEGRATED_PRF.allSetIn(flags[i])) assertEquals(iPrf1[j], iPrf[i], 1e-9 * Math.max(1, Math.abs(iPrf1[j])));
            compared++;
        }
        assertEquals(summed[1], compared);
        assertEquals(one.size(), (int) Arrays.stream(ids).filter(x -> x == 1).count(), "every prediction of sweep 2 kept");
    }
}
