package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** xtal scale writes what dials.merge reads: DIALS' columns and flags, and the scaling_model in the .expt. */
class ScaleCommandTest {

    static List<String> scale(Path dir, String... words) {
        Path d = SharedData.data("l_cysteine_narrow_wedge");
        List<String> log = new ArrayList<>();
        ScaleCommand cmd = new ScaleCommand();
        cmd.run(List.of(d.resolve("11_integrated.expt").toString(), d.resolve("11_integrated.refl").toString(),
                        d.resolve("23_integrated.expt").toString(), d.resolve("23_integrated.refl").toString()),
                ParamValues.parse("scale", cmd.parameters(), words), dir, new Progress() {
                    @Override public void update(String stage, long done, long total) {}
                    @Override public void log(String line) { log.add(line); }
                });
        return log;
    }

    @Test
    void writesDialsScaledFiles(@TempDir Path dir) {
        List<String> log = scale(dir);
        ExperimentList el = ExptFile.read(dir.resolve("scaled.expt"));
        assertEquals(2, el.size());
        for (var e : el) assertTrue(e.scalingModelJson().contains("\"__id__\":\"KB\""), e.scalingModelJson());
        ReflectionTable t = ReflReader.read(dir.resolve("scaled.refl"));
        for (String c : List.of("inverse_scale_factor", "inverse_scale_factor_variance", "intensity.scale.value", "intensity.scale.variance"))
            assertTrue(t.has(c), c);
        assertEquals(2, t.experimentIdentifiers().size(), "one identifier per experiment");
        int scaled = 0, excluded = 0;
        long[] f = t.flags();
        double[] isf = t.doubles("inverse_scale_factor"), v = t.doubles("intensity.scale.variance");
        for (int r = 0; r < t.size(); r++) {
            if (Flag.EXCLUDED_FOR_SCALING.isSetIn(f[r])) excluded++;
            else { scaled++; assertTrue(isf[r] > 0 && v[r] > 0, "row " + r); }
        }
        assertEquals(40, scaled, "dials.scale keeps 40 of these reflections");
        assertEquals(121, excluded);
        assertTrue(log.stream().anyMatch(l -> l.contains("estimated I/sigma asymptotic limit")), "error model printed as DIALS prints it");
    }

    @Test
    void rejectsUnknownModel(@TempDir Path dir) {
        assertThrows(RuntimeException.class, () -> scale(dir, "model=array"));
    }

    /** Developer check: DIALS' own dials.merge reads xtal scale's output (quartz: too few L-cysteine reflections for its Wilson plot). */
    @Test
    void dialsMergeReadsOutput(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("dials.merge");
        Path d = SharedData.data("quartz_processed");
        ScaleCommand cmd = new ScaleCommand();
        cmd.run(List.of(d.resolve("integrated.expt").toString(), d.resolve("integrated.refl").toString()),
                ParamValues.parse("scale", cmd.parameters(), "weighting.error_model.basic.min_Ih=10"), dir, Progress.NONE);
        Process p = new ProcessBuilder("dials.merge", "scaled.expt", "scaled.refl").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("out.txt")));
        assertTrue(Files.exists(dir.resolve("merged.mtz")));
    }
}
