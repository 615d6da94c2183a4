package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.step.Symmetry;
import org.xtalkit.symmetry.LaueGroupAnalysis;
import org.xtalkit.symmetry.SubgroupScore;
import org.xtalkit.symmetry.SymmetryReport;

/**
 * symmetry as dials.symmetry reports it: the verdict, "Scoring individual symmetry elements" and
 * "Scoring all possible sub-groups" (the best solution highlighted), and the screw-axis analysis.
 * The rows are the toolkit's, the same as the log prints.
 */
public final class SymmetryDisplay {
    private SymmetryDisplay() {}

    public static MimeBundle bundle(Symmetry.Result r) {
        return MimeBundle.html(html(r), SymmetryReport.format(r.laue(), r.lattice()));
    }

    public static String html(Symmetry.Result r) {
        LaueGroupAnalysis.Result laue = r.laue();
        SubgroupScore best = laue.best();
        StringBuilder b = new StringBuilder();
        b.append("<p>Best solution: <b>").append(Html.escape(best.candidate().patterson())).append("</b>, space group <b>")
                .append(Html.escape(r.spaceGroup().shortName())).append("</b>")
                .append(String.format(Locale.ROOT, " (Laue group probability %.3f, confidence %.3f); reindex operator %s</p>",
                        best.likelihood(), best.confidence(), Html.escape(best.candidate().cbMinBest().toString())));
        b.append("<p><b>Scoring individual symmetry elements</b></p>");
        b.append(Html.table(SymmetryReport.ELEMENTS_HEADER, SymmetryReport.elementsRows(laue), "xtalkit-elements"));
        b.append("<p><b>Scoring all possible sub-groups</b></p>");
        b.append(Html.table(SymmetryReport.SUBGROUPS_HEADER, SymmetryReport.subgroupsRows(laue), "xtalkit-subgroups", java.util.Set.of(0)));
        if (r.absences() != null && !r.absences().lines().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (String[] l : r.absences().lines()) rows.add(List.of(l));
            b.append("<p><b>Systematic absences (screw axes)</b></p>");
            b.append(Html.table(SCREW_HEADER, rows, "xtalkit-screw"));
        }
        return Html.section("Symmetry", b.toString());
    }

    static final List<String> SCREW_HEADER = List.of("Screw axis", "Score", "No. present", "No. absent", "<I> present",
            "<I> absent", "<I/sig> present", "<I/sig> absent");
}
