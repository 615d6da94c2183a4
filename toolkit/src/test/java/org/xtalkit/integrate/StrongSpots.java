package org.xtalkit.integrate;

import org.xtalkit.model.Experiment;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.step.FindSpots;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/** Strong spots of a simulated sweep with Miller indices and xyzcal from the true model, as refinement would leave them. */
final class StrongSpots {
    private StrongSpots() {}

    static ReflectionTable assigned(Simulation sim, Experiment truth) {
        Experiment im = sim.experiments().get(0);
        Experiment withSet = new Experiment(im.identifier(), im.beam(), im.detector(), im.goniometer(), im.scan(), null,
                org.xtalkit.model.ImageSetRef.sequence("simulated_####.cbf"), null, null);
        ReflectionTable strong = FindSpots.run(org.xtalkit.model.ExperimentList.of(withSet), FindSpots.Params.defaults(),
                (ref, a, b) -> sim.images(), Progress.NONE).reflections();
        ReflectionTable pred = SweepPredictor.predict(truth, 0, null);
        double[] pp = pred.vec3("xyzcal.px"), pm = pred.vec3("xyzcal.mm");
        int[] ph = pred.miller("miller_index");
        double[] obs = strong.vec3("xyzobs.px.value");
        int[] hkl = strong.newMiller("miller_index");
        double[] cal = strong.newVec3("xyzcal.mm");
        long[] flags = strong.flags();
        // nearest prediction within 1.5 px and 1 image: a crude but sufficient index assignment for tests
        java.util.Map<Long, java.util.List<Integer>> grid = new java.util.HashMap<>();
        for (int j = 0; j < pred.size(); j++)
            grid.computeIfAbsent(key((int) pp[3 * j] / 4, (int) pp[3 * j + 1] / 4), k -> new java.util.ArrayList<>()).add(j);
        for (int i = 0; i < strong.size(); i++) {
            int best = -1;
            double bd = 0.5; // px: as tight as refinement outlier rejection leaves matches
            int gx = (int) obs[3 * i] / 4, gy = (int) obs[3 * i + 1] / 4;
            for (int dx = -1; dx <= 1; dx++)
                for (int dy = -1; dy <= 1; dy++)
                    for (int j : grid.getOrDefault(key(gx + dx, gy + dy), java.util.List.of())) {
                        double d = Math.hypot(pp[3 * j] - obs[3 * i], pp[3 * j + 1] - obs[3 * i + 1]);
                        if (d < bd && Math.abs(pp[3 * j + 2] - obs[3 * i + 2]) < 0.5) { bd = d; best = j; }
                    }
            if (best < 0) { cal[3 * i] = Double.NaN; continue; }
            System.arraycopy(ph, 3 * best, hkl, 3 * i, 3);
            System.arraycopy(pm, 3 * best, cal, 3 * i, 3);
            flags[i] |= Flag.INDEXED.bits | Flag.USED_IN_REFINEMENT.bits;
        }
        return strong;
    }

    private static long key(int x, int y) { return ((long) x << 32) ^ (y & 0xffffffffL); }

}
