package org.xtalkit.step.merge;

import org.xtalkit.io.mtz.MtzWriter;
import org.xtalkit.merge.Merge;
import org.xtalkit.merge.MergedReflections;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ShellStatistics;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.merge.WilsonB;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.StepInputs;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.List;

/** {@code xtal merge scaled.expt scaled.refl} -> merged.mtz, with dials.merge's statistics in the log. */
public final class MergeCommand implements StepCommand {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("d_min", ParamType.FLOAT, "None", "High resolution limit (Å) of the data to merge"),
            ParamSpec.of("d_max", ParamType.FLOAT, "None", "Low resolution limit (Å) of the data to merge"),
            ParamSpec.of("combine_partials", ParamType.BOOL, "True", "Combine partials of one reflection before merging"),
            ParamSpec.of("partiality_threshold", ParamType.FLOAT, "0.4", "Keep reflections (after combining partials) with at least this partiality"),
            ParamSpec.of("anomalous", ParamType.BOOL, "True", "Write I(+)/I(-) (and F(+)/F(-), DANO) as well as IMEAN"),
            ParamSpec.of("truncate", ParamType.BOOL, "True", "Derive amplitudes with French & Wilson's method"),
            ParamSpec.of("merging.n_bins", ParamType.INT, "20", "Resolution shells (of equal reciprocal volume) for the statistics"),
            ParamSpec.of("output.mtz", ParamType.PATH, "merged.mtz", "Merged MTZ file to write"));

    @Override public String name() { return "merge"; }
    @Override public String summary() { return "merge scaled reflections: statistics and merged.mtz (IMEAN, I(+/-), F, DANO)"; }
    @Override public List<ParamSpec> parameters() { return PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        StepInputs files = StepInputs.of("merge", inputs, workDir, "xtal merge scaled.expt scaled.refl");
        ScaledInput in = ScaledInput.read(files.experiments(), files.reflections());
        Double dMin = values.doubleOrNull("d_min"), dMax = values.doubleOrNull("d_max");
        ScaledIntensities data = ScaledIntensities.select(in.reflections(), dMin == null ? 0 : dMin, dMax == null ? 0 : dMax,
                values.getDouble("partiality_threshold"), values.getBool("combine_partials"));
        progress.log("Merging " + data.size() + " scaled observations in " + in.spaceGroup().shortName() + ", cell " + fmt(in.medianCell()));
        MergingStatisticsResult stats = MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), values.getInt("merging.n_bins"));
        MergedReflections merged = Merge.run(data, in.spaceGroup(), in.medianCell());
        // dials.merge fits the Wilson B to the array it writes: I(+)/I(−) apart when anomalous
        double wilsonB = values.getBool("anomalous") ? WilsonB.estimate(merged, in.spaceGroup(), in.medianCell())
                : WilsonB.estimate(merged.hkl(), merged.iMean(), merged.sigIMean(), in.spaceGroup(), in.medianCell());
        stats.format(wilsonB).forEach(progress::log);
        if (in.experiments().size() > 1) perSweep(data, in, values.getInt("merging.n_bins"), stats, progress);
        if (!values.getBool("anomalous") || !values.getBool("truncate")) merged = strip(merged, values.getBool("anomalous"), values.getBool("truncate"));
        Path out = workDir.resolve(values.str("output.mtz"));
        MtzWriter.write(MergedMtz.of(merged, in.medianCell(), in.spaceGroup(), in.meanWavelength()), out);
        progress.log("Writing merged data (" + merged.size() + " reflections) to " + out.getFileName());
    }

    /**
     * Several sweeps: each sweep's observations merged on their own (as xia2 reports them per sweep)
     * beside all of them, overall figures of each over its own resolution range.
     */
    private static void perSweep(ScaledIntensities data, ScaledInput in, int bins, MergingStatisticsResult all, Progress progress) {
        progress.log("");
        progress.log("Merging statistics of each sweep alone and of all together:");
        progress.log(" sweep   d_max  d_min    #obs  #uniq   mult.  %comp   <I/sI>   r_mrg   r_pim   cc1/2");
        for (int e = 0; e <= in.experiments().size(); e++) {
            boolean total = e == in.experiments().size();
            ScaledIntensities part = total ? data : data.ofExperiment(e);
            if (part.size() == 0) { progress.log(String.format(" %5d   (no observations)", e)); continue; }
            ShellStatistics s = total ? all.overall() : MergingStatistics.compute(part, in.spaceGroup(), in.medianCell(), bins).overall();
            progress.log(String.format(java.util.Locale.ROOT, " %5s  %6.2f %6.2f %7d %6d  %6.2f %6.2f %8.1f %7.3f %7.3f %7.3f",
                    total ? "all" : String.valueOf(e), s.dMax(), s.dMin(), s.nObs(), s.nUniq(), s.multiplicity(), 100 * s.completeness(),
                    s.meanIOverSigma(), s.rMerge(), s.rPim(), s.ccHalf()));
        }
    }

    /** Without anomalous or amplitude columns: the MTZ keeps them empty (NaN). */
    private static MergedReflections strip(MergedReflections m, boolean anomalous, boolean truncate) {
        double[] none = new double[m.size()];
        java.util.Arrays.fill(none, Double.NaN);
        int[] zero = new int[m.size()];
        return new MergedReflections(m.hkl(), m.iMean(), m.sigIMean(),
                anomalous ? m.iPlus() : none, anomalous ? m.sigIPlus() : none, anomalous ? m.iMinus() : none, anomalous ? m.sigIMinus() : none,
                anomalous ? m.nPlus() : zero, anomalous ? m.nMinus() : zero,
                truncate ? m.f() : none, truncate ? m.sigF() : none,
                anomalous && truncate ? m.fPlus() : none, anomalous && truncate ? m.sigFPlus() : none,
                anomalous && truncate ? m.fMinus() : none, anomalous && truncate ? m.sigFMinus() : none,
                anomalous && truncate ? m.dano() : none, anomalous && truncate ? m.sigDano() : none);
    }

    private static String fmt(org.xtalkit.model.UnitCell c) {
        return String.format("%.4f %.4f %.4f %.2f %.2f %.2f", c.a(), c.b(), c.c(), c.alpha(), c.beta(), c.gamma());
    }
}
