package org.xtalkit.spots;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.FindSpots;
import org.xtalkit.table.ReflectionTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * find_spots on the real images against what DIALS 3.12 found on them (../shared/reference/*.strong.csv),
 * with the acceptance check of compare_strong.py: spot count within 1 %, and at least 99 % of
 * DIALS' spots matched by one of ours on the same panel with the centroid within 0.05 px and the
 * summed intensity within 1 %.
 */
class StrongParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"DLS_I03_smargon_0001", "dlsnxs2cbf_therm_0001", "DLS_I23_P12M_thau_00001"})
    void matchesDials(String name) throws IOException {
        Path expt = SharedData.reference(name + ".imported.expt");
        Path csv = SharedData.reference(name + ".strong.csv");
        check(expt, csv);
    }

    static void check(Path expt, Path csv) throws IOException {
        ExperimentList experiments = ExptFile.read(expt);
        ReflectionTable ours = FindSpots.run(experiments, FindSpots.Params.parse("nproc=2"), expt.getParent(), Progress.NONE)
                .reflections();
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(","));
        int cPanel = head.indexOf("panel"), cx = head.indexOf("xyzobs.px.value.x"), cI = head.indexOf("intensity.sum.value"),
                cId = head.indexOf("id");
        int nRef = lines.size() - 1;
        double[] xyz = ours.vec3("xyzobs.px.value"), in = ours.doubles("intensity.sum.value");
        long[] panel = ours.sizes("panel");
        int[] id = ours.ints("id");
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < ours.size(); i++) grid.computeIfAbsent(key(panel[i], xyz[3 * i], xyz[3 * i + 1]), k -> new java.util.ArrayList<>()).add(i);
        int matched = 0, sameId = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int p = Integer.parseInt(f[cPanel]);
            double x = Double.parseDouble(f[cx]), y = Double.parseDouble(f[cx + 1]), z = Double.parseDouble(f[cx + 2]);
            double intensity = Double.parseDouble(f[cI]);
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int gx = -1; gx <= 1; gx++)
                for (int gy = -1; gy <= 1; gy++)
                    for (int i : grid.getOrDefault(key(p, x + gx, y + gy), List.of())) {
                        double d = Math.sqrt(sq(xyz[3 * i] - x) + sq(xyz[3 * i + 1] - y) + sq(xyz[3 * i + 2] - z));
                        if (d < bestD) { bestD = d; best = i; }
                    }
            if (best >= 0 && bestD < 0.05 && Math.abs(in[best] - intensity) <= 0.01 * Math.max(Math.abs(intensity), 1)) {
                matched++;
                if (id[best] == Integer.parseInt(f[cId])) sameId++;
            }
        }
        double ratio = (double) ours.size() / nRef, frac = (double) matched / nRef;
        String msg = csv.getFileName() + ": " + ours.size() + " spots vs DIALS' " + nRef + ", matched " + matched;
        assertTrue(Math.abs(ratio - 1) <= 0.01, msg);
        assertTrue(frac >= 0.99, msg);
        assertEquals(matched, sameId, "matched spots belong to the same experiment: " + msg);
    }

    private static long key(long panel, double x, double y) {
        return (panel << 40) ^ ((long) Math.floor(x) << 20) ^ (long) Math.floor(y);
    }

    private static double sq(double v) { return v * v; }
}
