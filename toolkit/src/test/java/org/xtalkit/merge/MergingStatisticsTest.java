package org.xtalkit.merge;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** dials.merge's statistics tables (../shared/reference/MERGING.md) from the DIALS-scaled reflection files. */
class MergingStatisticsTest {

    static MergingStatisticsResult quartz() {
        Path d = SharedData.data("quartz_processed");
        return statistics(ScaledInput.read(List.of(d.resolve("scaled.expt")), List.of(d.resolve("scaled.refl"))));
    }

    static MergingStatisticsResult lCysteine() {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        return statistics(ScaledInput.read(
                List.of(d.resolve("scaled_20_25.expt"), d.resolve("scaled_30.expt"), d.resolve("scaled_35.expt")),
                List.of(d.resolve("scaled_20_25.refl"), d.resolve("scaled_30.refl"), d.resolve("scaled_35.refl"))));
    }

    static MergingStatisticsResult statistics(ScaledInput in) {
        ScaledIntensities data = ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true);
        return MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), 20);
    }

    @Test
    void quartzMatchesDials() throws Exception { compare(quartz(), section("## 2.")); }

    @Test
    void lCysteineFourSweepsMatchDials() throws Exception {
        MergingStatisticsResult r = lCysteine();
        compare(r, section("## 1."));
        assertEquals(0.59, r.suggestedDMin(), 0.005, "every shell's CC½ is above 0.3: the data limit");
    }

    /** Lines of one section's two tables in MERGING.md. */
    private static List<String> section(String header) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.reference("MERGING.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(header)) start = i;
        assertTrue(start >= 0, header);
        List<String> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) out.add(lines.get(i));
        return out;
    }

    private static void compare(MergingStatisticsResult r, List<String> ref) {
        // by-shell table: rows after the header line, then the overall row
        int h = 0;
        while (!ref.get(h).trim().startsWith("d_max")) h++;
        List<ShellStatistics> rows = new ArrayList<>(r.shells());
        rows.add(r.overall());
        for (int i = 0; i < rows.size(); i++) {
            String want = ref.get(h + 1 + i);
            ShellStatistics s = rows.get(i);
            String[] w = want.trim().split("\\s+");
            // columns: d_max d_min #obs #uniq mult %comp <I> <I/sI> r_mrg r_meas r_pim [r_anom] cc1/2[*] cc_ano
            close(w[0], s.dMax(), want);
            close(w[1], s.dMin(), want);
            assertEquals(Long.parseLong(w[2]), s.nObs(), want);
            assertEquals(Long.parseLong(w[3]), s.nUniq(), want);
            close(w[4], s.multiplicity(), want);
            close(w[5], 100 * s.completeness(), want);
            close(w[6], s.meanI(), want);
            close(w[7], s.meanIOverSigma(), want);
            close(w[8], s.rMerge(), want);
            close(w[9], s.rMeas(), want);
            close(w[10], s.rPim(), want);
            int c = w.length == 14 ? 12 : 11;
            if (w.length == 14) close(w[11], s.rAnom(), want);
            else assertTrue(Double.isNaN(s.rAnom()), "no Bijvoet pairs: " + want);
            assertEquals(w[c].endsWith("*"), s.ccHalfSignificant(), want);
            // the half-dataset split is random in DIALS too: ±0.01 is the acceptance; we use cctbx's generator and order
            assertEquals(Double.parseDouble(w[c].replace("*", "")), s.ccHalf(), 0.01, want);
            assertEquals(Double.parseDouble(w[c + 1]), s.ccAnom(), 0.05, want);
        }
        // summary table
        ShellStatistics o = r.overall(), lo = r.shells().get(0), hi = r.shells().get(r.shells().size() - 1);
        summary(ref, "Rmerge(I+/-)", o.rMergeAnom(), lo.rMergeAnom(), hi.rMergeAnom());
        summary(ref, "Rmeas(I+/-)", o.rMeasAnom(), lo.rMeasAnom(), hi.rMeasAnom());
        summary(ref, "Rpim(I+/-)", o.rPimAnom(), lo.rPimAnom(), hi.rPimAnom());
        summary(ref, "Anomalous completeness", 100 * o.anomCompleteness(), 100 * lo.anomCompleteness(), 100 * hi.anomCompleteness());
        summary(ref, "Anomalous multiplicity", o.anomMultiplicity(), lo.anomMultiplicity(), hi.anomMultiplicity());
        summary(ref, "Anomalous slope", r.anomalousSlope());
        summary(ref, "dF/F", r.dFOverF());
        summary(ref, "dI/s(dI)", r.dIOverSigmaDI());
    }

    private static void summary(List<String> ref, String name, double... got) {
        for (String line : ref)
            if (line.startsWith(name + " ")) {
                String[] w = line.substring(name.length()).trim().split("\\s+");
                for (int i = 0; i < got.length; i++) close(w[i], got[i], line);
                return;
            }
        fail("no '" + name + "' in MERGING.md");
    }

    /** Within 0.5 % relative, or half a unit of the last printed digit when that is coarser. */
    static void close(String printed, double got, String context) {
        double want = Double.parseDouble(printed);
        int dot = printed.indexOf('.');
        double ulp = dot < 0 ? 1 : Math.pow(10, -(printed.length() - dot - 1));
        double tol = Math.max(0.005 * Math.abs(want), 0.5 * ulp + 1e-9);
        assertEquals(want, got, tol, context);
    }

    @Test
    void printedTablesAreDialsOwn() throws Exception {
        List<String> ours = quartz().format();
        List<String> ref = section("## 2.");
        for (int i = 3; i < 24; i++) assertTrue(ref.contains(ours.get(i)), "row not in MERGING.md: '" + ours.get(i) + "'");
    }

    @Test
    void sigmaTauAgreesWithTheHalfDatasetSplitWhereTheSignalIsStrong() {
        MergingStatisticsResult r = lCysteine();
        for (ShellStatistics s : r.shells()) assertEquals(s.ccHalf(), s.ccHalfSigmaTau(), 0.02, s.format());
        assertEquals(r.overall().ccHalf(), r.overall().ccHalfSigmaTau(), 0.005);
    }

    /** Issue 11: each sweep alone, and the four together (shells of each set over its own d range). */
    @Test
    void perSweepStatisticsAddUpToTheCombinedCounts() {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        ScaledInput in = ScaledInput.read(
                List.of(d.resolve("scaled_20_25.expt"), d.resolve("scaled_30.expt"), d.resolve("scaled_35.expt")),
                List.of(d.resolve("scaled_20_25.refl"), d.resolve("scaled_30.refl"), d.resolve("scaled_35.refl")));
        ScaledIntensities all = ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true);
        MergingStatisticsResult combined = MergingStatistics.compute(all, in.spaceGroup(), in.medianCell(), 20);
        long obs = 0;
        for (int e = 0; e < in.experiments().size(); e++) {
            ScaledIntensities one = all.ofExperiment(e);
            assertTrue(one.size() > 0, "sweep " + e);
            ShellStatistics s = MergingStatistics.compute(one, in.spaceGroup(), in.medianCell(), 20).overall();
            obs += s.nObs();
            assertTrue(s.multiplicity() < combined.overall().multiplicity(), "sweep " + e + " alone is less redundant");
            assertTrue(s.nUniq() <= combined.overall().nUniq());
        }
        assertEquals(combined.overall().nObs(), obs);
    }
}
