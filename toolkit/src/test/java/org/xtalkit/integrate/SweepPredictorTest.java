package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.model.Experiment;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.table.ReflectionTable;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPredictorTest {
    @Test void predictsWhatTheSimulatorPutOnTheImages() {
        Simulation sim = Simulate.insulin(SimulationParams.parse("nimages=20", "binning=4", "d_min=2.0"));
        Experiment truth = sim.truth().experiments().get(0);
        ReflectionTable p = SweepPredictor.predict(truth, 0, 2.0);
        var sweep = sim.truth().reflections();
        Map<String, Integer> byKey = new HashMap<>();
        int[] hkl = p.miller("miller_index");
        double[] px = p.vec3("xyzcal.px");
        for (int i = 0; i < p.size(); i++)
            byKey.put(hkl[3 * i] + "," + hkl[3 * i + 1] + "," + hkl[3 * i + 2] + "," + Math.round(px[3 * i + 2] * 2), i);
        int matched = 0, inside = 0;
        double maxDxy = 0, maxDz = 0;
        for (int r = 0; r < sweep.size(); r++) {
            double z = sweep.z(r);
            if (z < 0.5 || z > 19.5 || sweep.d(r) < 2.0) continue; // edges of the scan and resolution
            inside++;
            Integer i = byKey.get(sweep.h(r) + "," + sweep.k(r) + "," + sweep.l(r) + "," + Math.round(z * 2));
            if (i == null) continue;
            matched++;
            maxDxy = Math.max(maxDxy, Math.hypot(px[3 * i] - sweep.x(r), px[3 * i + 1] - sweep.y(r)));
            maxDz = Math.max(maxDz, Math.abs(px[3 * i + 2] - z));
        }
        assertTrue(inside > 1000, "simulated reflections inside: " + inside);
        assertTrue(matched >= 0.99 * inside, matched + " of " + inside + " matched");
        assertEquals(0, maxDxy, 0.01, "max xy difference (px)");
        assertEquals(0, maxDz, 0.001, "max z difference (images)");
    }
}
