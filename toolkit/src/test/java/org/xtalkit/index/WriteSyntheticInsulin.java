package org.xtalkit.index;

import org.xtalkit.bench.IndexBenchmark;
import org.xtalkit.model.ImageSetRef;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the tests' synthetic cubic-insulin sweep as imported.expt + strong.refl (for the benchmark and DIALS). */
public final class WriteSyntheticInsulin {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "synthetic_insulin"));
        SyntheticSweep s = IndexSyntheticInsulinTest.SWEEP;
        var imported = s.imported.map(e -> e.withScan(e.scan()).withCrystal(null));
        imported = new org.xtalkit.model.ExperimentList(imported.experiments().stream()
                .map(e -> new org.xtalkit.model.Experiment("synthetic-insulin", e.beam(), e.detector(), e.goniometer(), e.scan(), null,
                        ImageSetRef.sequence("synthetic_#####.cbf"), null, null)).toList());
        var strong = s.strong.copy();
        strong.setIdentifier(0, "synthetic-insulin");
        // bbox and flags as strong spots carry them
        int[] bb = strong.newInt6("bbox");
        double[] xyz = strong.vec3("xyzobs.px.value");
        for (int i = 0; i < strong.size(); i++) {
            int x = (int) xyz[3 * i], y = (int) xyz[3 * i + 1], z = (int) xyz[3 * i + 2];
            bb[6 * i] = x - 2; bb[6 * i + 1] = x + 3; bb[6 * i + 2] = y - 2; bb[6 * i + 3] = y + 3; bb[6 * i + 4] = z; bb[6 * i + 5] = z + 1;
            strong.setFlag(i, org.xtalkit.table.Flag.STRONG);
        }
        IndexBenchmark.writeSynthetic(dir, imported, strong);
        System.out.println("wrote " + dir.resolve("imported.expt") + " and strong.refl (" + strong.size() + " spots)");
    }
}
