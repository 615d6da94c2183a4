package org.xtalkit.step.merge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.io.mtz.MtzReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamValues;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class MergeCommandTest {

    static Path mergeQuartz(Path dir, List<String> log) throws Exception {
        Path d = SharedData.data("quartz_processed");
        Files.copy(d.resolve("scaled.expt"), dir.resolve("scaled.expt"));
        Files.copy(d.resolve("scaled.refl"), dir.resolve("scaled.refl"));
        MergeCommand cmd = new MergeCommand();
        cmd.run(List.of("scaled.expt", "scaled.refl"), ParamValues.parse("merge", cmd.parameters()), dir, new Progress() {
            @Override public void update(String stage, long done, long total) {}
            @Override public void log(String line) { log.add(line); }
        });
        return dir.resolve("merged.mtz");
    }

    @Test
    void writesDialsColumnsAndLogsTheStatistics(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        Mtz m = MtzReader.read(mergeQuartz(dir, log));
        Mtz ref = MtzReader.read(SharedData.reference("quartz.merged.mtz"));
        assertEquals(ref.columns().stream().map(c -> c.label() + c.type()).toList(), m.columns().stream().map(c -> c.label() + c.type()).toList());
        assertEquals(ref.rows(), m.rows());
        assertEquals(ref.spaceGroup(), m.spaceGroup());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("  5.40   0.56   1401    298")), "overall row in the log");
    }

    /** gemmi (CCP4's reader of reference) lists our columns, cell, space group and counts. */
    @Test
    void gemmiReadsOurMergedMtz(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("gemmi");
        Path mtz = mergeQuartz(dir, new ArrayList<>());
        String out = run("gemmi", "mtz", mtz.toString());
        assertTrue(out.contains("Number of Columns = 19"), out);
        assertTrue(out.contains("Number of Reflections = 298"), out);
        assertTrue(out.contains("Number of Batches = 0"), out);
        assertTrue(out.contains("Space Group: P 31 2 1"), out);
        assertTrue(out.contains("Space Group Number: 152"), out);
        assertTrue(out.contains("cell  4.9249  4.9249  5.4014      90     90    120"), out);
        for (String c : List.of("IMEAN", "SIGIMEAN", "I(+)", "SIGI(+)", "I(-)", "SIGI(-)", "N(+)", "N(-)", "F ", "SIGF ",
                "F(+)", "SIGF(+)", "F(-)", "SIGF(-)", "DANO", "SIGDANO"))
            assertTrue(out.lines().anyMatch(l -> l.startsWith(c)), "column " + c + " in\n" + out);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
