package org.xtalkit.symmetry;

import org.xtalkit.math.Erf;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Systematic absences along screw axes, DIALS' "direct" method: for each screw axis of the Laue
 * group the merged axial reflections are split into those the screw allows (index a multiple of
 * the repeat) and those it forbids; z = ⟨I/σ⟩ of each set (standard error 1) gives
 * P = Φ(z); the axis scores (1 − P_absent)·P_present, or P_present when the forbidden set is
 * insignificant, and each space group of the Laue class the product over its conditions.
 */
public final class ScrewAxes {
    private ScrewAxes() {}

    /** One screw axis: reflections along axis (0 = a*, 1 = b*, 2 = c*) present every {@code repeat}. */
    record Axis(String name, int[] axes, int repeat) {}

    /** A space group and its conditions per axis: TRUE screw, FALSE none, null either. */
    record Condition(String spaceGroup, Boolean[] screws) {}

    record LaueInfo(List<Axis> axes, List<Condition> groups, Map<String, String> enantiomorphs) {}

    /**
     * @param lines     one per screw axis: name, score, n present, n absent, ⟨I⟩ and ⟨I/σ⟩ of each
     * @param groups    the candidate space groups with their scores
     * @param best      the recommended space group
     */
    public record Result(String laueGroup, List<String[]> lines, List<String> groups, double[] scores, SpaceGroup best) {
        public String report() {
            if (lines.isEmpty()) return "No absences to check for this laue group";
            List<List<String>> rows = new ArrayList<>();
            for (String[] l : lines) rows.add(List.of(l));
            String t1 = Tabulate.psql(List.of("Screw axis", "Score", "No. present", "No. absent", "<I> present", "<I> absent",
                    "<I/sig> present", "<I/sig> absent"), rows);
            List<List<String>> g = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) g.add(List.of(groups.get(i), String.format(java.util.Locale.ROOT, "%.4f", scores[i])));
            return "Scoring method: direct\n" + t1 + "\n" + Tabulate.psql(List.of("Space group", "score"), g);
        }
    }

    private static Axis ax(String name, int repeat, int... axes) { return new Axis(name, axes, repeat); }

    private static Condition c(String sg, Boolean... s) { return new Condition(sg, s); }

    private static final Boolean T = Boolean.TRUE, F = Boolean.FALSE;

    private static final Map<String, LaueInfo> LAUE = new HashMap<>();

    static {
        Axis a21a = ax("21a", 2, 0), a21b = ax("21b", 2, 1), a21c = ax("21c", 2, 2), a31c = ax("31c", 3, 2);
        Axis a41c = ax("41c", 4, 2), a42c = ax("42c", 2, 2), a61c = ax("61c", 6, 2), a62c = ax("62c", 3, 2), a63c = ax("63c", 2, 2);
        LAUE.put("P 1 2/m 1", new LaueInfo(List.of(a21b), List.of(c("P 1 2 1", F), c("P 1 21 1", T)), Map.of()));
        LAUE.put("C m m m", new LaueInfo(List.of(a21c), List.of(c("C 2 2 2", F), c("C 2 2 21", T)), Map.of()));
        LAUE.put("P m m m", new LaueInfo(List.of(a21a, a21b, a21c), List.of(c("P 2 2 2", F, F, F), c("P 2 2 21", F, F, T),
                c("P 2 21 2", F, T, F), c("P 21 2 2", T, F, F), c("P 21 21 2", T, T, F), c("P 21 2 21", T, F, T),
                c("P 2 21 21", F, T, T), c("P 21 21 21", T, T, T)), Map.of()));
        LAUE.put("P 6/m", new LaueInfo(List.of(a61c, a62c, a63c), List.of(c("P 6", F, F, F), c("P 61", T), c("P 62", F, T),
                c("P 63", F, null, T)), Map.of("P 61", "P 65", "P 62", "P 64")));
        LAUE.put("P 6/m m m", new LaueInfo(List.of(a61c, a62c, a63c), List.of(c("P 6 2 2", F, F, F), c("P 61 2 2", T),
                c("P 62 2 2", F, T), c("P 63 2 2", F, null, T)), Map.of("P 61 2 2", "P 65 2 2", "P 62 2 2", "P 64 2 2")));
        LAUE.put("P -3", new LaueInfo(List.of(a31c), List.of(c("P 3", F), c("P 31", T)), Map.of("P 31", "P 32")));
        LAUE.put("P -3 1 m", new LaueInfo(List.of(a31c), List.of(c("P 3 1 2", F), c("P 31 1 2", T)), Map.of("P 31 1 2", "P 32 1 2")));
        LAUE.put("P -3 m 1", new LaueInfo(List.of(a31c), List.of(c("P 3 2 1", F), c("P 31 2 1", T)), Map.of("P 31 2 1", "P 32 2 1")));
        LAUE.put("P 4/m m m", new LaueInfo(List.of(a41c, ax("21a", 2, 0, 1), a42c), List.of(c("P 4 2 2", F, F, F),
                c("P 4 21 2", F, T, F), c("P 41 2 2", T, F), c("P 42 2 2", F, F, T), c("P 41 21 2", T, T), c("P 42 21 2", F, T, T)),
                Map.of("P 41 2 2", "P 43 2 2", "P 41 21 2", "P 43 21 2")));
        LAUE.put("P 4/m", new LaueInfo(List.of(a41c, a42c), List.of(c("P 4", F, F), c("P 41", T), c("P 42", F, T)), Map.of("P 41", "P 43")));
        LAUE.put("I 4/m", new LaueInfo(List.of(a41c), List.of(c("I 4", F), c("I 41", T)), Map.of()));
        LAUE.put("I 4/m m m", new LaueInfo(List.of(a41c), List.of(c("I 4 2 2", F), c("I 41 2 2", T)), Map.of()));
        LAUE.put("P m -3", new LaueInfo(List.of(ax("21a", 2, 0, 1, 2)), List.of(c("P 2 3", F), c("P 21 3", T)), Map.of()));
        LAUE.put("P m -3 m", new LaueInfo(List.of(ax("41a", 4, 0, 1, 2), a42c), List.of(c("P 4 3 2", F, F), c("P 41 3 2", T),
                c("P 42 3 2", F, T)), Map.of("P 41 3 2", "P 43 3 2")));
        LAUE.put("I m -3 m", new LaueInfo(List.of(ax("41a", 4, 0, 1, 2)), List.of(c("I 4 3 2", F), c("I 41 3 2", T)), Map.of()));
        LAUE.put("F m -3 m", new LaueInfo(List.of(ax("41a", 4, 0, 1, 2)), List.of(c("F 4 3 2", F), c("F 41 3 2", T)), Map.of()));
    }

    /**
     * @param patterson the best Patterson group's name
     * @param hkl       Miller indices in the best setting
     * @param I         intensities (merged here by symmetry)
     * @param sigma     their σ
     */
    /** Observations in the best setting: flat Miller indices, intensities, σ. */
    public record Input(int[] hkl, double[] i, double[] sigma) {}

    public static Result run(String patterson, Input in) {
        int[] hkl = in.hkl();
        double[] I = in.i(), sigma = in.sigma();
        String mx = LatticeSymmetry.mxOf(patterson);
        LaueInfo info = LAUE.get(patterson);
        if (info == null) return new Result(patterson, List.of(), List.of(mx), new double[] {1}, SpaceGroup.of(mx));
        SpaceGroup group = SpaceGroup.of(mx);
        double[][] merged = merge(group, hkl, I, sigma);
        List<String[]> lines = new ArrayList<>();
        double[] axisScore = new double[info.axes().size()];
        for (int a = 0; a < axisScore.length; a++) {
            Axis axis = info.axes().get(a);
            List<double[]> pres = new ArrayList<>(), abs = new ArrayList<>();
            for (double[] m : merged) {
                for (int ai : axis.axes()) {
                    if (m[(ai + 1) % 3] != 0 || m[(ai + 2) % 3] != 0) continue;
                    (Math.round(m[ai]) % axis.repeat() == 0 ? pres : abs).add(m);
                }
            }
            double[] r = score(pres, abs);
            axisScore[a] = r[0];
            lines.add(new String[] {axis.name(), f3(r[0]), Integer.toString(pres.size()), Integer.toString(abs.size()),
                    f3(r[1]), f3(r[2]), f3(r[3]), f3(r[4])});
        }
        List<String> names = new ArrayList<>();
        double[] scores = new double[info.groups().size()];
        int best = 0;
        for (int g = 0; g < scores.length; g++) {
            Condition cnd = info.groups().get(g);
            double s = 1;
            for (int a = 0; a < cnd.screws().length && a < axisScore.length; a++) {
                if (cnd.screws()[a] == null) continue;
                s *= cnd.screws()[a] ? axisScore[a] : 1 - axisScore[a];
            }
            scores[g] = s;
            names.add(cnd.spaceGroup());
            if (s > scores[best]) best = g;
        }
        return new Result(patterson, lines, names, scores, SpaceGroup.of(names.get(best)));
    }

    /** {score, ⟨I⟩ present, ⟨I⟩ absent, ⟨I/σ⟩ present, ⟨I/σ⟩ absent} as DIALS' score_axis_direct. */
    static double[] score(List<double[]> pres, List<double[]> abs) {
        if (pres.isEmpty() || abs.isEmpty()) return new double[] {0, 0, 0, 0, 0};
        double mIp = 0, mIa = 0, zp = 0, za = 0;
        for (double[] m : pres) { mIp += m[3]; zp += m[3] / m[4]; }
        for (double[] m : abs) { mIa += m[3]; za += m[3] / m[4]; }
        mIp /= pres.size(); zp /= pres.size(); mIa /= abs.size(); za /= abs.size();
        double pAbsent = phi(za), pPresent = phi(zp), cutoff = 1.645;
        boolean intensityTest = zp > 20 * za;
        double s;
        if (za > cutoff && !intensityTest) s = (1 - pAbsent) * pPresent;
        else if (za > cutoff) {
            if (abs.size() <= 1) s = pPresent;
            else {
                double[] v = new double[abs.size()];
                for (int i = 0; i < v.length; i++) v[i] = abs.get(i)[3] / abs.get(i)[4];
                Arrays.sort(v);
                double m = 0;
                for (int i = 0; i < v.length - 1; i++) m += v[i];
                m /= v.length - 1;
                if (m > cutoff) s = (1 - pAbsent) * pPresent;
                else { za = m; s = zp > cutoff ? pPresent : 0; }
            }
        } else s = zp > cutoff ? pPresent : 0;
        return new double[] {s, mIp, mIa, zp, za};
    }

    private static double phi(double z) { return 0.5 * (1 + Erf.erf(z / Math.sqrt(2))); }

    /** Inverse-variance means per asymmetric-unit index: rows {h, k, l, I, σ}. */
    static double[][] merge(SpaceGroup group, int[] hkl, double[] I, double[] sigma) {
        ReciprocalAsu asu = group.reciprocalAsu();
        Map<Long, double[]> acc = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (int j = 0; j < I.length; j++) {
            int[] a = asu.toAsu(hkl[3 * j], hkl[3 * j + 1], hkl[3 * j + 2]);
            long key = NormalisedIntensities.pack(a[0], a[1], a[2]);
            double[] s = acc.get(key);
            if (s == null) { s = new double[] {a[0], a[1], a[2], 0, 0}; acc.put(key, s); order.add(key); }
            double w = 1 / (sigma[j] * sigma[j]);
            s[3] += w * I[j];
            s[4] += w;
        }
        double[][] out = new double[order.size()][];
        for (int q = 0; q < out.length; q++) {
            double[] s = acc.get(order.get(q));
            out[q] = new double[] {s[0], s[1], s[2], s[3] / s[4], Math.sqrt(1 / s[4])};
        }
        return out;
    }

    private static String f3(double v) { return String.format(java.util.Locale.ROOT, "%.3f", v); }
}
