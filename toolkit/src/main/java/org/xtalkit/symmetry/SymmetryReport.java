package org.xtalkit.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two tables and the verdict of dials.symmetry's log, same columns and number formats. */
public final class SymmetryReport {
    private SymmetryReport() {}

    public static final List<String> ELEMENTS_HEADER = List.of("likelihood", "Z-CC", "CC", "N", "", "Operator");
    public static final List<String> SUBGROUPS_HEADER = List.of("Patterson group", "", "Likelihood", "NetZcc", "Zcc+", "Zcc-",
            "CC", "CC-", "delta", "Reindex operator");

    public static String elementsTable(LaueGroupAnalysis.Result r) {
        return Tabulate.psql(ELEMENTS_HEADER, elementsRows(r));
    }

    /** The rows of "Scoring individual symmetry elements", as printed (displays lay them out as HTML). */
    public static List<List<String>> elementsRows(LaueGroupAnalysis.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (ElementScore e : r.elements()) {
            String stars = e.likelihood() > 0.9 ? "***" : e.likelihood() > 0.7 ? "**" : e.likelihood() > 0.5 ? "*" : "";
            rows.add(List.of(f("%.3f", e.likelihood()), f("%.2f", e.zcc()), f("%.2f", e.cc()), Long.toString(e.n()), stars, e.operator()));
        }
        return rows;
    }

    public static String subgroupsTable(LaueGroupAnalysis.Result r) {
        return Tabulate.psql(SUBGROUPS_HEADER, subgroupsRows(r));
    }

    /** The rows of "Scoring all possible sub-groups", most likely first, as printed. */
    public static List<List<String>> subgroupsRows(LaueGroupAnalysis.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (SubgroupScore s : r.subgroups()) {
            String stars = s.likelihood() > 0.8 ? "***" : s.likelihood() > 0.6 ? "**" : s.likelihood() > 0.4 ? "*" : "";
            rows.add(List.of(s.candidate().patterson(), stars, f("%.3f", s.likelihood()), f("% .2f", s.zccNet()),
                    f("% .2f", s.zccFor()), f("% .2f", s.zccAgainst()), f("% .2f", s.ccFor()), f("% .2f", s.ccAgainst()),
                    f("%.1f", s.candidate().delta()), s.candidate().cbMinBest().toString()));
        }
        return rows;
    }

    /** Everything LaueGroupAnalysis prints after the input symmetry. */
    public static String format(LaueGroupAnalysis.Result r, LatticeSymmetry lattice) {
        StringBuilder sb = new StringBuilder();
        sb.append("Change of basis op to minimum cell: ").append(lattice.cbInpMin()).append('\n');
        sb.append("Crystal symmetry in minimum cell:\n").append("Unit cell: ").append(cell(lattice.minCell())).append('\n');
        sb.append("Space group: P 1 (No. 1)\n");
        sb.append("Lattice point group: ").append(lattice.candidates().get(0).patterson()).append('\n');
        sb.append(f("%nOverall CC for %d unrelated pairs: %.3f%n", r.nUnrelated(), r.ccUnrelated()));
        sb.append(f("Estimated expectation value of true correlation coefficient E(CC) = %.3f%n", r.eCcTrue()));
        sb.append(r.ccSigFac() != 0 ? f("Estimated sd(CC) = %.3f / sqrt(N)%n", r.ccSigFac()) : "Too few reflections to estimate sd(CC).\n");
        sb.append(f("Estimated E(CC) of true correlation coefficient from identity = %.3f%n", r.ccTrue()));
        sb.append('\n').append("-".repeat(80)).append("\n\nScoring individual symmetry elements\n\n");
        sb.append(elementsTable(r)).append('\n');
        sb.append('\n').append("-".repeat(80)).append("\n\nScoring all possible sub-groups\n\n");
        sb.append(subgroupsTable(r)).append('\n');
        SubgroupScore b = r.best();
        sb.append("\nBest solution: ").append(b.candidate().patterson()).append('\n');
        sb.append("Unit cell: ").append(cell(b.candidate().cbMinBest().apply(lattice.minCell()))).append('\n');
        sb.append("Reindex operator: ").append(b.candidate().cbMinBest()).append('\n');
        sb.append(f("Laue group probability: %.3f%n", b.likelihood()));
        sb.append(f("Laue group confidence: %.3f%n", b.confidence()));
        return sb.toString();
    }

    /** A cell as cctbx prints it: (a, b, c, alpha, beta, gamma) with six significant digits. */
    public static String cell(org.xtalkit.model.UnitCell c) {
        return f("(%s, %s, %s, %s, %s, %s)", g(c.a()), g(c.b()), g(c.c()), g(c.alpha()), g(c.beta()), g(c.gamma()));
    }

    private static String g(double v) { return Tabulate.shortest(v); }

    static String f(String fmt, Object... args) { return String.format(Locale.ROOT, fmt, args); }
}
