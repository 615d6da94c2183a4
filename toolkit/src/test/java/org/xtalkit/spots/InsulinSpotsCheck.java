package org.xtalkit.spots;

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
import java.util.Locale;

/** Developer check (not a test): found spots against the simulator's truth, with the misses and the unmatched listed. */
public final class InsulinSpotsCheck {
    public static void main(String[] args) throws Exception {
        // args: [refl=strong.refl to score instead of finding] [find_spots key=value ...]
        String words = "nimages=100 binning=2 seed=42 anomalous=0";
        Path dir = Path.of("toolkit/target/insulin-" + words.replace(' ', '_').replace('=', '-'));
        Path given = null;
        List<String> finder = new java.util.ArrayList<>(List.of("nproc=2"));
        for (String a : args) {
            if (a.startsWith("refl=")) given = Path.of(a.substring(5));
            else finder.add(a);
        }
        SimulationParams p = SimulationParams.parse(words.split(" "));
        long t0 = System.nanoTime();
        String template = DemoData.write(p, words, dir, 2, Progress.NONE);
        System.out.printf("images %.1f s%n", (System.nanoTime() - t0) / 1e9);
        ExperimentList imported = Import.run(Import.Params.defaults(), List.of(template));
        t0 = System.nanoTime();
        ReflectionTable strong = given != null ? org.xtalkit.io.refl.ReflReader.read(given)
                : FindSpots.run(imported, FindSpots.Params.parse(finder.toArray(String[]::new)), dir, Progress.NONE).reflections();
        if (given == null) org.xtalkit.io.refl.ReflWriter.write(strong, dir.resolveSibling("xtal-strong.refl"));
        System.out.printf("find_spots %.1f s, %d spots%n", (System.nanoTime() - t0) / 1e9, strong.size());
        Simulation sim = Simulate.insulin(p);
        TrueSpots truth = new TrueSpots(sim);
        double[] xyz = strong.vec3("xyzobs.px.value");
        TruthMatch m = new TruthMatch(truth, xyz, 10, 2, 3, 1);
        System.out.println(m.summary(truth, 10));
        boolean[] ok = sim.images().staticMask()[0];
        int nx = sim.truth().experiments().get(0).detector().panel(0).imageSizeFast();
        int[] byGap = new int[6];
        for (int r = 0; r < truth.n; r++)
            if (truth.iOverSigma(r) > 10 && m.spotsOf[r] == 0) byGap[Math.min(5, gapDistance(ok, nx, truth.x[r], truth.y[r]))]++;
        System.out.println("missed by chebyshev distance of the centre pixel to a gap or edge (0..4, >=5): " + java.util.Arrays.toString(byGap));
        int shown = 0;
        for (int r = 0; r < truth.n && shown < 40; r++) {
            if (truth.iOverSigma(r) > 10 && m.spotsOf[r] == 0 && gapDistance(ok, nx, truth.x[r], truth.y[r]) >= 5) {
                shown++;
                System.out.printf(Locale.ROOT, "missed %4d %4d %4d  xyz %.1f %.1f %.2f  sz %.2f  I %.0f B %.1f I/s %.1f  nearest: %s%n",
                        sim.truth().reflections().h(r), sim.truth().reflections().k(r), sim.truth().reflections().l(r),
                        truth.x[r], truth.y[r], truth.z[r], truth.sigmaZ[r], truth.counts[r], truth.background[r],
                        truth.iOverSigma(r), nearest(xyz, truth.x[r], truth.y[r], truth.z[r]));
            }
        }
        shown = 0;
        double[] iSum = strong.doubles("intensity.sum.value");
        int[] bbox = (int[]) strong.column("bbox").data();
        for (int s = 0; s < m.assigned.length && shown < 40; s++) {
            if (m.assigned[s] >= 0) continue;
            shown++;
            int r = nearestTruth(truth, xyz[3 * s], xyz[3 * s + 1], xyz[3 * s + 2]);
            System.out.printf(Locale.ROOT, "unmatched xyz %.1f %.1f %.2f I %.0f bbox %s  nearest truth xyz %.1f %.1f %.2f sz %.2f I %.0f I/s %.1f%n",
                    xyz[3 * s], xyz[3 * s + 1], xyz[3 * s + 2], iSum[s],
                    java.util.Arrays.toString(java.util.Arrays.copyOfRange(bbox, 6 * s, 6 * s + 6)),
                    truth.x[r], truth.y[r], truth.z[r], truth.sigmaZ[r], truth.counts[r], truth.iOverSigma(r));
        }
    }

    static int gapDistance(boolean[] ok, int nx, double x, double y) {
        int ny = ok.length / nx, i = (int) Math.floor(x), j = (int) Math.floor(y);
        for (int d = 0; d < 5; d++)
            for (int b = j - d; b <= j + d; b++)
                for (int a = i - d; a <= i + d; a++)
                    if (a < 0 || b < 0 || a >= nx || b >= ny || !ok[b * nx + a]) return d;
        return 5;
    }

    private static String nearest(double[] xyz, double x, double y, double z) {
        int best = -1;
        double bd = Double.MAX_VALUE;
        for (int s = 0; s < xyz.length / 3; s++) {
            double d = Math.hypot(xyz[3 * s] - x, xyz[3 * s + 1] - y);
            if (Math.abs(xyz[3 * s + 2] - z) < 20 && d < bd) { bd = d; best = s; }
        }
        return best < 0 ? "none" : String.format(Locale.ROOT, "%.1f %.1f %.2f (dxy %.1f)", xyz[3 * best], xyz[3 * best + 1], xyz[3 * best + 2], bd);
    }

    private static int nearestTruth(TrueSpots t, double x, double y, double z) {
        int best = -1;
        double bd = Double.MAX_VALUE;
        for (int r = 0; r < t.n; r++) {
            double d = Math.hypot(t.x[r] - x, t.y[r] - y) + Math.abs(t.z[r] - z) / 3;
            if (d < bd) { bd = d; best = r; }
        }
        return best;
    }
}
