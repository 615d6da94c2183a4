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

    /**
     * Issue 11: the four DIALS-scaled L-cysteine sweeps merged in one run log dials.merge's tables for
     * all of them (MERGING.md section 1: 11816 observations, 1565 unique) and a row per sweep whose
     * observations add up to them.
     */
    @Test
    void lCysteineLogsEachSweepAndAllTogether(@TempDir Path dir) throws Exception {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        List<String> files = new ArrayList<>();
        for (String s : new String[] {"scaled_20_25", "scaled_30", "scaled_35"})
            for (String ext : new String[] {".expt", ".refl"}) {
                Files.copy(d.resolve(s + ext), dir.resolve(s + ext));
                files.add(s + ext);
            }
        List<String> log = new ArrayList<>();
        MergeCommand cmd = new MergeCommand();
        cmd.run(files, ParamValues.parse("merge", cmd.parameters()), dir, new Progress() {
            @Override public void update(String stage, long done, long total) {}
            @Override public void log(String line) { log.add(line); }
        });
        assertTrue(log.stream().anyMatch(l -> l.startsWith("  6.81   0.59  11816   1565")), "overall row of MERGING.md section 1");
        int table = log.indexOf("Merging statistics of each sweep alone and of all together:");
        assertTrue(table > 0, "per-sweep table logged");
        long sum = 0;
        for (int e = 0; e < 4; e++) {
            String[] w = log.get(table + 2 + e).trim().split("\\s+");
            assertEquals(String.valueOf(e), w[0]);
            sum += Long.parseLong(w[3]);
            assertTrue(Double.parseDouble(w[6]) < 94.68, "sweep " + e + " alone is less complete than all: " + log.get(table + 2 + e));
        }
        String[] all = log.get(table + 6).trim().split("\\s+");
        assertEquals("all", all[0]);
        assertEquals(11816, Long.parseLong(all[3]));
        assertEquals(1565, Long.parseLong(all[4]));
        assertEquals(11816, sum, "the sweeps' observations add up to all");
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
