package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.lattice.MetricSubgroups;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * dials.refine_bravais_settings: every lattice compatible with the triclinic cell within
 * lepage_max_delta, each reindexed and refined with its cell constraints; the correlation of
 * intensities related by the lattice's rotations; DIALS' heuristic marks the likely ones.
 */
public final class BravaisSettings {
    private BravaisSettings() {}

    /**
     * One row of the table.
     *
     * @param number     solution number (1 = aP)
     * @param maxDelta   Le Page metric fit, degrees
     * @param rmsd       positional rmsd, mm
     * @param minCc      lowest correlation over the non-identity operators (NaN when too few pairs)
     * @param maxCc      highest
     * @param nSpots     reflections used in the refinement
     * @param bravais    lattice symbol
     * @param experiment the refined experiment, crystal in the lowest-symmetry group of the lattice
     * @param cbOp       from the input (P1) setting
     */
    public record Setting(int number, double maxDelta, double rmsd, double minCc, double maxCc, int nSpots, String bravais,
                          Experiment experiment, ChangeOfBasis cbOp, boolean recommended) {
        public UnitCell cell() { return experiment.crystal().unitCell(); }
    }

    public static List<Setting> run(Experiment indexed, ReflectionTable refl, double lepageMaxDelta, int nproc) {
        return run(indexed, refl, lepageMaxDelta, true, nproc);
    }

    /** @param bestMonoclinicBeta I 1 2 1 ("mI") instead of C 1 2 1 where it gives a less oblique cell (DIALS' default) */
    public static List<Setting> run(Experiment indexed, ReflectionTable refl, double lepageMaxDelta, boolean bestMonoclinicBeta, int nproc) {
        if (indexed.crystal() == null) throw new XtalException("refine_bravais_settings: the experiment has no crystal; index first");
        List<MetricSubgroups.Subgroup> subgroups = MetricSubgroups.find(indexed.crystal().unitCell(), lepageMaxDelta, bestMonoclinicBeta);
        int n = refl.size();
        int[] id = refl.ints("id"), hkl = refl.miller("miller_index");
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) use[i] = id[i] == 0 && (hkl[3 * i] != 0 || hkl[3 * i + 1] != 0 || hkl[3 * i + 2] != 0);
        double[] isig = intensityOverSigma(refl);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nproc));
        try {
            List<Future<Setting>> futures = new ArrayList<>();
            for (int s = 0; s < subgroups.size(); s++) {
                MetricSubgroups.Subgroup sg = subgroups.get(s);
                int number = subgroups.size() - s;
                futures.add(pool.submit(() -> refineOne(number, sg, indexed, refl, hkl, use, isig)));
            }
            List<Setting> out = new ArrayList<>();
            for (Future<Setting> f : futures) out.add(f.get());
            return recommend(out);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new XtalException("refine_bravais_settings failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
    }

    private static Setting refineOne(int number, MetricSubgroups.Subgroup sg, Experiment indexed, ReflectionTable refl,
                                     int[] hklP1, boolean[] use, double[] isig) {
        int[] hkl = hklP1.clone();
        boolean[] integral = sg.cbOp().applyToMiller(hkl);
        boolean[] u = use.clone();
        for (int i = 0; i < u.length; i++) u[i] &= integral[i];
        SpaceGroups.Entry lowest = SpaceGroups.lowestSymmetry(sg.bravais());
        Crystal c = sg.cbOp().apply(indexed.crystal());
        LatticeSystem system = sg.system();
        UnitCell sym = system.symmetrize(c.unitCell());
        Mat3 rot = IndexRefinement.orthonormalise(c.A().times(sym.bMatrix().inverse()));
        Experiment start = indexed.withCrystal(Crystal.fromA(rot.times(sym.bMatrix()), lowest.hall()));
        IndexRefinement.Outcome r = IndexRefinement.refine(start, system, refl, hkl, u, List.of(), Progress.NONE);
        double[] cc = correlations(lowestGroupRotations(sg), hkl, u, isig);
        return new Setting(number, sg.maxDelta(), r.rmsdMm(), cc[0], cc[1], r.nUsed(), sg.bravais(), r.experiment(), sg.cbOp(), false);
    }

    /** DIALS' identify_likely_solutions. */
    static List<Setting> recommend(List<Setting> all) {
        Setting p1 = null;
        for (Setting s : all) if (s.number == 1) p1 = s;
        double rmsdP1 = p1 == null ? Double.NaN : p1.rmsd;
        List<Setting> out = new ArrayList<>();
        for (Setting s : all) {
            boolean noCc = Double.isNaN(s.minCc);
            boolean ok;
            if (s.maxDelta < 0.5) ok = !((noCc || s.minCc < 0.5) && s.rmsd > 1.5 * rmsdP1);
            else if ((noCc || s.minCc < 0.7) && s.rmsd > 2.0 * rmsdP1) ok = false;
            else ok = !(s.rmsd > 3 * rmsdP1);
            out.add(new Setting(s.number, s.maxDelta, s.rmsd, s.minCc, s.maxCc, s.nSpots, s.bravais, s.experiment, s.cbOp, ok));
        }
        return out;
    }

    /** The rotations of the lowest-symmetry space group of the lattice (P2, P222, P4, P3/R3, P23) in its setting. */
    static List<int[]> lowestGroupRotations(MetricSubgroups.Subgroup sg) {
        List<int[]> out = new ArrayList<>();
        for (int[] r : sg.rotations()) {
            int tr = r[0] + r[4] + r[8];
            boolean keep = switch (sg.system()) {
                case TRICLINIC, MONOCLINIC, ORTHORHOMBIC -> true;
                case TETRAGONAL, HEXAGONAL -> r[2] == 0 && r[5] == 0 && r[8] == 1 && (sg.system() == LatticeSystem.TETRAGONAL || tr == 3 || tr == 0);
                case CUBIC -> tr == 3 || tr == 0 || (tr == -1 && isDiagonal(r));
            };
            if (keep) out.add(r);
        }
        return out;
    }

    private static boolean isDiagonal(int[] r) { return r[1] == 0 && r[2] == 0 && r[3] == 0 && r[5] == 0 && r[6] == 0 && r[7] == 0; }

    /** min and max over non-identity operators of the correlation between I/σ(h) and I/σ(R h); pairs ≤ 10 are skipped. */
    static double[] correlations(List<int[]> rotations, int[] hkl, boolean[] use, double[] isig) {
        if (isig == null) return new double[] {Double.NaN, Double.NaN};
        Map<Long, double[]> byHkl = new HashMap<>();
        for (int i = 0; i < use.length; i++) {
            if (!use[i] || Double.isNaN(isig[i])) continue;
            double[] acc = byHkl.computeIfAbsent(friedelKey(hkl[3 * i], hkl[3 * i + 1], hkl[3 * i + 2]), k -> new double[2]);
            acc[0] += isig[i];
            acc[1] += 1;
        }
        double min = Double.NaN, max = Double.NaN;
        for (int[] r : rotations) {
            if (r[0] == 1 && r[4] == 1 && r[8] == 1 && r[1] == 0 && r[2] == 0 && r[3] == 0 && r[5] == 0 && r[6] == 0 && r[7] == 0) continue;
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            int np = 0;
            for (var e : byHkl.entrySet()) {
                int[] h = unpack(e.getKey());
                // h' = Rᵀ h
                int a = r[0] * h[0] + r[3] * h[1] + r[6] * h[2], b = r[1] * h[0] + r[4] * h[1] + r[7] * h[2], c = r[2] * h[0] + r[5] * h[1] + r[8] * h[2];
                double[] o = byHkl.get(friedelKey(a, b, c));
                if (o == null) continue;
                double x = e.getValue()[0] / e.getValue()[1], y = o[0] / o[1];
                sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; np++;
            }
            if (np <= 10) continue;
            double cc = (np * sxy - sx * sy) / Math.sqrt((np * sxx - sx * sx) * (np * syy - sy * sy));
            min = Double.isNaN(min) ? cc : Math.min(min, cc);
            max = Double.isNaN(max) ? cc : Math.max(max, cc);
        }
        return new double[] {min, max};
    }

    private static double[] intensityOverSigma(ReflectionTable refl) {
        if (!refl.has("intensity.sum.value") || !refl.has("intensity.sum.variance")) return null;
        double[] v = refl.doubles("intensity.sum.value"), var = refl.doubles("intensity.sum.variance");
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = var[i] > 0 ? v[i] / Math.sqrt(var[i]) : Double.NaN;
        return out;
    }

    private static long friedelKey(int h, int k, int l) {
        boolean flip = h < 0 || (h == 0 && (k < 0 || (k == 0 && l < 0)));
        if (flip) { h = -h; k = -k; l = -l; }
        return ((long) (h + 100000) << 40) | ((long) (k + 100000) << 20) | (l + 100000);
    }

    private static int[] unpack(long p) {
        return new int[] {(int) (p >>> 40) - 100000, (int) ((p >>> 20) & 0xFFFFF) - 100000, (int) (p & 0xFFFFF) - 100000};
    }

    /** The table as dials.refine_bravais_settings prints it. */
    public static String table(List<Setting> settings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(TABLE_HEADER.toArray(String[]::new));
        rows.addAll(tableRows(settings));
        return layout(rows);
    }

    public static final List<String> TABLE_HEADER = List.of("Solution", "Metric fit", "rmsd", "min/max cc", "#spots", "lattice",
            "unit_cell", "volume", "cb_op");

    /** The rows of the table as printed ("*" before the recommended solutions' numbers). */
    public static List<String[]> tableRows(List<Setting> settings) {
        List<String[]> rows = new ArrayList<>();
        for (Setting s : settings) {
            UnitCell c = s.cell();
            rows.add(new String[] {
                    String.format(Locale.ROOT, "%1s%7d", s.recommended ? "*" : "", s.number),
                    String.format(Locale.ROOT, "%6.4f", s.maxDelta),
                    String.format(Locale.ROOT, "%5.3f", s.rmsd),
                    Double.isNaN(s.minCc) ? "-/-" : String.format(Locale.ROOT, "%.3f/%.3f", s.minCc, s.maxCc),
                    String.valueOf(s.nSpots), s.bravais,
                    String.format(Locale.ROOT, "%6.2f %6.2f %6.2f %6.2f %6.2f %6.2f", c.a(), c.b(), c.c(), c.alpha(), c.beta(), c.gamma()),
                    String.format(Locale.ROOT, "%.0f", c.volume()), s.cbOp.toString()});
        }
        return rows;
    }

    private static String layout(List<String[]> rows) {
        int[] w = new int[9];
        for (String[] r : rows) for (int i = 0; i < 9; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : "  ");
                sb.append(i == 0 ? pad(r[i], w[i], true) : pad(r[i], w[i], false));
            }
            sb.append('\n');
            if (ri == 0) {
                for (int i = 0; i < 9; i++) sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
                sb.append('\n');
            }
        }
        sb.append("* = recommended solution\n");
        return sb.toString();
    }

    /** For each lattice in the table, the chiral space groups it allows, as DIALS lists them ("tI: I4 I41 I422 I4122"). */
    public static String chiralSpaceGroups(List<Setting> settings) {
        StringBuilder sb = new StringBuilder("Chiral space groups corresponding to each Bravais lattice:\n");
        List<String> present = settings.stream().map(Setting::bravais).toList();
        for (var e : SpaceGroups.chiralSymbolsByBravais().entrySet()) {
            if (!present.contains(e.getKey())) continue;
            sb.append(e.getKey()).append(": ").append(String.join(" ", e.getValue().stream().map(BravaisSettings::shortName).toList())).append('\n');
        }
        return sb.toString();
    }

    /** DIALS' short_space_group_name: "P 1 21 1" -> "P21", "R 3 :H" -> "R3:H", "P 1" -> "P1". */
    static String shortName(String symbol) {
        String s = symbol.equals("P 1") ? symbol : symbol.replace(" 1", "");
        return s.replace(" ", "");
    }

    private static String pad(String s, int w, boolean right) {
        String p = " ".repeat(Math.max(0, w - s.length()));
        return right ? p + s : s + p;
    }
}
