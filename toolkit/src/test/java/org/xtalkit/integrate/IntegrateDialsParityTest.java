package org.xtalkit.integrate;

import org.xtalkit.math.Correlation;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Integrate;
import org.xtalkit.step.IntegrateCommand;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.step.process.Pipeline;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Developer check beside DIALS (skipped without it): dials.integrate and xtalkit on the same refined
 * demo sweep (xtalkit's refined.expt/.refl), reflection by reflection — matched on miller_index and
 * the nearest xyzcal z, DIALS' pieces of reflections split at its job boundaries summed back. The
 * files stay in target/ and are reused.
 */
class IntegrateDialsParityTest {

    @Test void sameReflectionsSameIntensities() throws Exception {
        SharedData.assumeCommand("dials.integrate");
        Path dir = Path.of("target", "integrate-dials-parity", "demo_n30_b4").toAbsolutePath();
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve("refined.refl")))
            Pipeline.run(List.of("demo"), ParamValues.parse("process", Pipeline.PARAMETERS, "demo.nimages=30", "demo.binning=4",
                    "stop_after=refine", "nproc=2"), dir, Progress.NONE);
        Path dials = dir.resolve("dials");
        Files.createDirectories(dials);
        if (!Files.exists(dials.resolve("integrated.refl"))) {
            Process p = new ProcessBuilder("dials.integrate", "../refined.expt", "../refined.refl", "nproc=2",
                    "output_unintegrated_reflections=True").directory(dials.toFile()).redirectErrorStream(true)
                    .redirectOutput(dials.resolve("integrate.out").toFile()).start();
            assertEquals(0, p.waitFor(), "dials.integrate, see " + dials.resolve("integrate.out"));
        }
        Path ours = dir.resolve("xtalkit");
        Files.createDirectories(ours);
        new IntegrateCommand().run(List.of(dir.resolve("refined.expt").toString(), dir.resolve("refined.refl").toString()),
                ParamValues.parse("integrate", Integrate.PARAMETERS, "nproc=2"), ours, Progress.NONE);

        ReflectionTable x = ReflReader.read(ours.resolve("integrated.refl")), d = ReflReader.read(dials.resolve("integrated.refl"));
        // DIALS' rows joined by partial_id: summed intensities add, flags must hold for every piece
        Map<Long, List<Integer>> parts = new HashMap<>();
        long[] pid = d.sizes("partial_id");
        for (int j = 0; j < d.size(); j++) parts.computeIfAbsent(pid[j], k -> new ArrayList<>()).add(j);
        int[] dh = d.miller("miller_index");
        double[] dz = d.vec3("xyzcal.px"), dSum = d.doubles("intensity.sum.value"), dPrf = d.doubles("intensity.prf.value");
        long[] df = d.flags();
        Map<String, List<long[]>> byHkl = new HashMap<>(); // key -> {first row, pieces}
        int dialsSummed = 0;
        for (List<Integer> rows : parts.values()) {
            int j = rows.get(0);
            long all = -1L;
            for (int r : rows) all &= df[r];
            if (Flag.INTEGRATED_SUM.allSetIn(all)) dialsSummed++;
            byHkl.computeIfAbsent(dh[3 * j] + "," + dh[3 * j + 1] + "," + dh[3 * j + 2], k -> new ArrayList<>())
                    .add(new long[] {j, rows.size(), all});
        }
        int[] xh = x.miller("miller_index");
        double[] xz = x.vec3("xyzcal.px"), xSum = x.doubles("intensity.sum.value"), xPrf = x.doubles("intensity.prf.value");
        long[] xf = x.flags();
        int ourSummed = 0, bothSum = 0, eitherSum = 0, bothPrf = 0;
        double[] a = new double[x.size()], b = new double[x.size()], ap = new double[x.size()], bp = new double[x.size()];
        for (int i = 0; i < x.size(); i++) {
            boolean s = Flag.INTEGRATED_SUM.allSetIn(xf[i]);
            if (s) ourSummed++;
            long[] best = null;
            for (long[] c : byHkl.getOrDefault(xh[3 * i] + "," + xh[3 * i + 1] + "," + xh[3 * i + 2], List.of()))
                if (Math.abs(dz[3 * (int) c[0] + 2] - xz[3 * i + 2]) < 1
                        && (best == null || Math.abs(dz[3 * (int) c[0] + 2] - xz[3 * i + 2]) < Math.abs(dz[3 * (int) best[0] + 2] - xz[3 * i + 2])))
                    best = c;
            if (best == null) continue;
            boolean ds = Flag.INTEGRATED_SUM.allSetIn(best[2]);
            if (s || ds) eitherSum++;
            if (s && ds) {
                double sum = 0;
                for (int r : parts.get(pid[(int) best[0]])) sum += dSum[r];
                a[bothSum] = xSum[i];
                b[bothSum++] = sum;
            }
            if (best[1] == 1 && Flag.INTEGRATED_PRF.allSetIn(xf[i]) && Flag.INTEGRATED_PRF.allSetIn(best[2])) {
                ap[bothPrf] = xPrf[i];
                bp[bothPrf++] = dPrf[(int) best[0]];
            }
        }
        double ccSum = Correlation.pearson(a, b, bothSum), ccPrf = Correlation.pearson(ap, bp, bothPrf);
        System.out.printf("integrate vs DIALS: summed %d / %d, both %d of %d (%.4f), CC sum %.5f; both fitted %d, CC prf %.5f%n",
                ourSummed, dialsSummed, bothSum, eitherSum, (double) bothSum / eitherSum, ccSum, bothPrf, ccPrf);
        assertEquals(dialsSummed, ourSummed, 0.01 * dialsSummed, "reflections summed");
        assertTrue(bothSum >= 0.98 * eitherSum, "summed by both " + bothSum + " of " + eitherSum);
        assertTrue(ccSum >= 0.99 && ccPrf >= 0.99, "CC sum " + ccSum + ", CC prf " + ccPrf);
    }
}
