package org.xtalkit.merge;

import java.util.List;

/**
 * dials.merge's statistics: per resolution shell and overall, plus the anomalous summary.
 *
 * @param shells          equal-volume resolution shells, low to high resolution
 * @param overall         all data
 * @param anomalousSlope  slope of the normal probability plot of ΔI/σ(ΔI) (|x| < 0.9)
 * @param dFOverF         anomalous signal √(2⟨(F+−F−)²⟩/⟨F+²+F−²⟩)
 * @param dIOverSigmaDI   ⟨|ΔI|⟩/⟨σ(ΔI)⟩
 * @param suggestedDMin   resolution where a tanh fit of CC½ against d*² falls to 0.3 (the data limit when it never does), Å
 */
public record MergingStatisticsResult(List<ShellStatistics> shells, ShellStatistics overall, double anomalousSlope,
                                      double dFOverF, double dIOverSigmaDI, double suggestedDMin) {
    public MergingStatisticsResult { shells = List.copyOf(shells); }

    /** The by-shell table and the summary, as dials.merge logs them (without the Wilson B). */
    public List<String> format() { return format(Double.NaN); }

    /** As {@link #format()}, with the Wilson B row of dials.merge's summary when wilsonB is a number ({@link WilsonB}). */
    public List<String> format(double wilsonB) {
        List<String> out = new java.util.ArrayList<>();
        out.add("            ----------Merging statistics by resolution bin----------           ");
        out.add("");
        out.add(" d_max  d_min   #obs  #uniq   mult.  %comp       <I>  <I/sI>    r_mrg   r_meas    r_pim   r_anom   cc1/2   cc_ano");
        for (ShellStatistics s : shells) out.add(s.format());
        out.add(overall.format());
        out.add("");
        out.add("            -------------Summary of merging statistics--------------           ");
        out.add("");
        ShellStatistics lo = shells.get(0), hi = shells.get(shells.size() - 1);
        out.add(String.format("%-44s %8s %7s %7s", "", "Overall", "Low", "High"));
        row(out, "High resolution limit", "%.2f", overall.dMin(), lo.dMin(), hi.dMin());
        row(out, "Low resolution limit", "%.2f", overall.dMax(), lo.dMax(), hi.dMax());
        row(out, "Completeness", "%.1f", 100 * overall.completeness(), 100 * lo.completeness(), 100 * hi.completeness());
        row(out, "Multiplicity", "%.1f", overall.multiplicity(), lo.multiplicity(), hi.multiplicity());
        row(out, "I/sigma", "%.1f", overall.meanIOverSigma(), lo.meanIOverSigma(), hi.meanIOverSigma());
        row(out, "Rmerge(I)", "%.3f", overall.rMerge(), lo.rMerge(), hi.rMerge());
        row(out, "Rmerge(I+/-)", "%.3f", overall.rMergeAnom(), lo.rMergeAnom(), hi.rMergeAnom());
        row(out, "Rmeas(I)", "%.3f", overall.rMeas(), lo.rMeas(), hi.rMeas());
        row(out, "Rmeas(I+/-)", "%.3f", overall.rMeasAnom(), lo.rMeasAnom(), hi.rMeasAnom());
        row(out, "Rpim(I)", "%.3f", overall.rPim(), lo.rPim(), hi.rPim());
        row(out, "Rpim(I+/-)", "%.3f", overall.rPimAnom(), lo.rPimAnom(), hi.rPimAnom());
        row(out, "CC half", "%.3f", overall.ccHalf(), lo.ccHalf(), hi.ccHalf());
        if (!Double.isNaN(wilsonB)) out.add(String.format("%-44s %8.3f", "Wilson B factor", wilsonB));
        row(out, "Anomalous completeness", "%.1f", 100 * overall.anomCompleteness(), 100 * lo.anomCompleteness(), 100 * hi.anomCompleteness());
        row(out, "Anomalous multiplicity", "%.1f", overall.anomMultiplicity(), lo.anomMultiplicity(), hi.anomMultiplicity());
        row(out, "Anomalous correlation", "%.3f", overall.ccAnom(), lo.ccAnom(), hi.ccAnom());
        out.add(String.format("%-44s %8.3f", "Anomalous slope", anomalousSlope));
        out.add(String.format("%-44s %8.3f", "dF/F", dFOverF));
        out.add(String.format("%-44s %8.3f", "dI/s(dI)", dIOverSigmaDI));
        out.add(String.format("%-44s %8d %7d %7d", "Total observations", overall.nObs(), lo.nObs(), hi.nObs()));
        out.add(String.format("%-44s %8d %7d %7d", "Total unique", overall.nUniq(), lo.nUniq(), hi.nUniq()));
        out.add(String.format("Resolution limit suggested from CC½ fit (limit CC½=0.3): %.2f", suggestedDMin));
        return out;
    }

    private static void row(List<String> out, String name, String fmt, double a, double b, double c) {
        out.add(String.format("%-44s %8s %7s %7s", name, String.format(fmt, a), String.format(fmt, b), String.format(fmt, c)));
    }
}
