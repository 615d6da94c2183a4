package org.xtalkit.symmetry;

import org.xtalkit.XtalException;
import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.lattice.LatticeMath;
import org.xtalkit.lattice.MetricSubgroups;
import org.xtalkit.lattice.NiggliReduction;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.spacegroup.SymOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The lattice symmetry of a cell within lattice_symmetry_max_delta and every subgroup of it, as
 * cctbx's metric_subgroups(bravais_types_only=False) lists them for dials.symmetry: each candidate
 * Patterson group with its conventional name, its rotations in the minimum (Niggli) basis, the
 * change of basis from the minimum cell to its best cell, and δ (the largest Le Page angle of its
 * twofolds). Rotations act on direct-lattice coordinates (row-major integer matrices).
 */
public final class LatticeSymmetry {

    /**
     * One candidate Patterson group.
     *
     * @param patterson  its name, e.g. "P -3 m 1", "C 1 2/m 1"
     * @param mx         the corresponding acentric (MX) group, e.g. "P 3 2 1"
     * @param rotations  its proper rotations in the minimum basis (identity first)
     * @param cbMinBest  minimum cell -> best (conventional) cell
     * @param delta      largest Le Page δ of its twofolds, degrees
     */
    public record Candidate(String patterson, String mx, List<int[]> rotations, ChangeOfBasis cbMinBest, double delta) {
        public boolean contains(int[] r) { return MetricSubgroups.contains(rotations, r); }
    }

    private final UnitCell minCell;
    private final ChangeOfBasis cbInpMin;
    private final List<int[]> latticeRotations;
    private final List<Candidate> candidates;

    private LatticeSymmetry(UnitCell minCell, ChangeOfBasis cbInpMin, List<int[]> latticeRotations, List<Candidate> candidates) {
        this.minCell = minCell;
        this.cbInpMin = cbInpMin;
        this.latticeRotations = latticeRotations;
        this.candidates = candidates;
    }

    public UnitCell minCell() { return minCell; }
    public ChangeOfBasis cbInpMin() { return cbInpMin; }
    /** The lattice point group's proper rotations in the minimum basis. */
    public List<int[]> latticeRotations() { return latticeRotations; }
    /** The lattice group first, then its subgroups by decreasing order. */
    public List<Candidate> candidates() { return candidates; }

    /** The lattice symmetry of a primitive cell. */
    public static LatticeSymmetry of(UnitCell input, double maxDelta) { return of(input, 'P', maxDelta); }

    /**
     * The lattice symmetry of a cell with the given centring (P, A, B, C, I, F, R on hexagonal
     * axes): the centred cell is first taken to a primitive one, as cctbx does.
     */
    public static LatticeSymmetry of(UnitCell conventional, char centring, double maxDelta) {
        ChangeOfBasis toPrimitive = primitive(centring);
        LatticeSymmetry p = ofPrimitive(toPrimitive.apply(conventional), maxDelta);
        ChangeOfBasis cbInpMin = toPrimitive.then(p.cbInpMin);
        List<Candidate> near = new ArrayList<>();
        for (Candidate c : p.candidates) near.add(nearestToInput(bestMonoclinicBeta(c, p.minCell), cbInpMin, p.latticeRotations));
        return new LatticeSymmetry(p.minCell, cbInpMin, p.latticeRotations, List.copyOf(near));
    }

    /**
     * cctbx's best_monoclinic_beta: a C-centred monoclinic cell is given as I 1 2/m 1 when that
     * cell is less oblique (β nearer 90°).
     */
    private static Candidate bestMonoclinicBeta(Candidate c, UnitCell minCell) {
        if (!c.patterson().equals("C 1 2/m 1")) return c;
        ChangeOfBasis toI = c.cbMinBest().then(ChangeOfBasis.parse("-c,b,a+c"));
        double betaC = c.cbMinBest().apply(minCell).beta(), betaI = toI.apply(minCell).beta();
        if (Math.abs(betaI - 90) >= Math.abs(betaC - 90) - 1e-6) return c;
        return new Candidate("I 1 2/m 1", "I 1 2 1", c.rotations(), toI, c.delta());
    }

    /**
     * Among the equivalent best settings of a candidate (its basis changed by a lattice symmetry
     * that maps the group onto itself) the one whose input-to-best operator is nearest the
     * identity, so data already in a conventional setting keep their indexing.
     */
    private static Candidate nearestToInput(Candidate c, ChangeOfBasis cbInpMin, List<int[]> lattice) {
        Mat3 ct = c.cbMinBest().matrix().transpose(), ctInv = ct.inverse();
        // in a centred conventional basis the lattice's rotations can have fractional entries: keep them real
        List<Mat3> group = new ArrayList<>(), lat = new ArrayList<>();
        for (int[] r : c.rotations()) group.add(ctInv.times(LatticeMath.toMat3(r)).times(ct));
        for (int[] r : lattice) lat.add(ctInv.times(LatticeMath.toMat3(r)).times(ct));
        ChangeOfBasis best = c.cbMinBest();
        double bestDist = distanceToIdentity(cbInpMin.then(best));
        for (Mat3 R : lat) {
            Mat3 Ri = R.inverse();
            boolean normalises = true;
            for (Mat3 g : group) {
                Mat3 conj = Ri.times(g).times(R);
                if (group.stream().noneMatch(x -> close(x, conj))) { normalises = false; break; }
            }
            if (!normalises) continue;
            // the basis change S = Rᵀ keeps the metric and, R normalising the group, the group's setting
            ChangeOfBasis alt = c.cbMinBest().then(ChangeOfBasis.fromMatrix(R.transpose()));
            double d = distanceToIdentity(cbInpMin.then(alt));
            if (d < bestDist - 1e-9) { best = alt; bestDist = d; }
        }
        return new Candidate(c.patterson(), c.mx(), c.rotations(), best, c.delta());
    }

    private static boolean close(Mat3 a, Mat3 b) {
        double[] x = a.toArray(), y = b.toArray();
        for (int i = 0; i < 9; i++) if (Math.abs(x[i] - y[i]) > 1e-6) return false;
        return true;
    }

    private static double distanceToIdentity(ChangeOfBasis cb) {
        double[] m = cb.matrix().toArray();
        double s = 0;
        for (int i = 0; i < 9; i++) s += Math.abs(m[i] - (i % 4 == 0 ? 1 : 0));
        return s;
    }

    /** Centred cell -> a primitive cell of the same lattice (the centring vectors become lattice vectors). */
    static ChangeOfBasis primitive(char centring) {
        double h = 0.5, t = 1.0 / 3;
        double[] m = switch (Character.toUpperCase(centring)) {
            case 'P' -> new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            case 'I' -> new double[] {-h, h, h, h, -h, h, h, h, -h};
            case 'F' -> new double[] {0, h, h, h, 0, h, h, h, 0};
            case 'C' -> new double[] {h, h, 0, -h, h, 0, 0, 0, 1};
            case 'A' -> new double[] {1, 0, 0, 0, h, h, 0, -h, h};
            case 'B' -> new double[] {h, 0, h, 0, 1, 0, -h, 0, h};
            case 'R' -> new double[] {2 * t, t, t, -t, t, t, -t, -2 * t, t};
            default -> throw new XtalException("unknown lattice centring '" + centring + "' (expected P, A, B, C, I, F or R)");
        };
        return ChangeOfBasis.fromMatrix(new Mat3(m));
    }

    private static LatticeSymmetry ofPrimitive(UnitCell input, double maxDelta) {
        NiggliReduction.Result red = NiggliReduction.reduce(input);
        ChangeOfBasis cbInpMin = red.cbOp();
        Mat3 gMin = red.cell().metricTensor();
        List<MetricSubgroups.Subgroup> bravais = MetricSubgroups.find(input, maxDelta);
        // each Bravais group's rotations expressed in the minimum basis
        List<List<int[]>> bravaisMin = new ArrayList<>();
        List<ChangeOfBasis> bravaisCb = new ArrayList<>();
        for (MetricSubgroups.Subgroup b : bravais) {
            ChangeOfBasis minToConv = cbInpMin.inverse().then(b.cbOp());
            Mat3 ct = minToConv.matrix().transpose(), ctInv = ct.inverse();
            List<int[]> rots = new ArrayList<>();
            for (int[] r : b.rotations()) rots.add(toInt(ct.times(LatticeMath.toMat3(r)).times(ctInv)));
            bravaisMin.add(rots);
            bravaisCb.add(minToConv);
        }
        List<int[]> lattice = bravaisMin.get(0);
        List<List<int[]>> groups = new ArrayList<>();
        for (int i = 0; i < lattice.size(); i++)
            for (int j = i; j < lattice.size(); j++) {
                List<int[]> g = MetricSubgroups.closure(List.of(lattice.get(i), lattice.get(j)));
                if (groups.stream().noneMatch(x -> sameSet(x, g))) groups.add(g);
            }
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Candidate> out = new ArrayList<>();
        for (List<int[]> g : groups) {
            String family = family(g);
            int best = -1;
            for (int k = 0; k < bravais.size(); k++) {
                if (!bravais.get(k).system().name().toLowerCase().startsWith(familyPrefix(family))) continue;
                List<int[]> bk = bravaisMin.get(k);
                if (!g.stream().allMatch(r -> MetricSubgroups.contains(bk, r))) continue;
                if (best < 0 || bravaisMin.get(k).size() < bravaisMin.get(best).size()) best = k;
            }
            if (best < 0) throw new XtalException("no Bravais setting of cell " + input + " holds a " + family + " subgroup of its lattice symmetry");
            ChangeOfBasis cb = bravaisCb.get(best);
            Mat3 ct = cb.matrix().transpose(), ctInv = ct.inverse();
            List<int[]> conv = new ArrayList<>();
            for (int[] r : g) conv.add(toInt(ctInv.times(LatticeMath.toMat3(r)).times(ct)));
            char centring = bravais.get(best).bravais().charAt(1);
            String name = name(family, centring, conv);
            double delta = 0;
            for (int[] r : g) if (trace(r) == -1) delta = Math.max(delta, lePageDelta(r, gMin));
            out.add(new Candidate(name, MX.getOrDefault(name, name), List.copyOf(g), cb, delta));
        }
        return new LatticeSymmetry(red.cell(), cbInpMin, lattice, List.copyOf(out));
    }

    /** Crystal family of a proper rotation group, from the orders of its elements. */
    static String family(List<int[]> g) {
        int threes = 0;
        boolean four = false, six = false;
        for (int[] r : g) {
            int t = trace(r);
            if (t == 0) threes++;
            if (t == 1) four = true;
            if (t == 2) six = true;
        }
        if (threes > 2) return "cubic";
        if (four) return "tetragonal";
        if (six) return "hexagonal";
        if (threes > 0) return "trigonal";
        return switch (g.size()) {
            case 1 -> "triclinic";
            case 2 -> "monoclinic";
            default -> "orthorhombic";
        };
    }

    private static String familyPrefix(String family) {
        return switch (family) {
            case "trigonal", "hexagonal" -> "h";  // hP or hR (LatticeSystem HEXAGONAL / RHOMBOHEDRAL)
            default -> family.substring(0, 4);
        };
    }

    private static final Map<String, List<String>> PATTERSON = Map.of(
            "triclinic", List.of("P -1"),
            "monoclinic", List.of("P 1 2/m 1", "C 1 2/m 1", "I 1 2/m 1"),
            "orthorhombic", List.of("P m m m", "C m m m", "I m m m", "F m m m", "A m m m"),
            "tetragonal", List.of("P 4/m", "P 4/m m m", "I 4/m", "I 4/m m m"),
            "trigonal", List.of("P -3", "P -3 1 m", "P -3 m 1", "R -3 :H", "R -3 m :H"),
            "hexagonal", List.of("P 6/m", "P 6/m m m"),
            "cubic", List.of("P m -3", "P m -3 m", "I m -3", "I m -3 m", "F m -3", "F m -3 m"));

    private static final Map<String, String> MX = Map.ofEntries(
            Map.entry("P -1", "P 1"), Map.entry("P 1 2/m 1", "P 1 2 1"), Map.entry("C 1 2/m 1", "C 1 2 1"),
            Map.entry("I 1 2/m 1", "I 1 2 1"), Map.entry("P m m m", "P 2 2 2"), Map.entry("C m m m", "C 2 2 2"),
            Map.entry("A m m m", "A 2 2 2"), Map.entry("I m m m", "I 2 2 2"), Map.entry("F m m m", "F 2 2 2"),
            Map.entry("P 4/m", "P 4"), Map.entry("P 4/m m m", "P 4 2 2"), Map.entry("I 4/m", "I 4"),
            Map.entry("I 4/m m m", "I 4 2 2"), Map.entry("P -3", "P 3"), Map.entry("P -3 1 m", "P 3 1 2"),
            Map.entry("P -3 m 1", "P 3 2 1"), Map.entry("R -3 :H", "R 3 :H"), Map.entry("R -3 m :H", "R 3 2 :H"),
            Map.entry("P 6/m", "P 6"), Map.entry("P 6/m m m", "P 6 2 2"), Map.entry("P m -3", "P 2 3"),
            Map.entry("P m -3 m", "P 4 3 2"), Map.entry("I m -3", "I 2 3"), Map.entry("I m -3 m", "I 4 3 2"),
            Map.entry("F m -3", "F 2 3"), Map.entry("F m -3 m", "F 4 3 2"));

    /** The acentric (MX) group of a Patterson group's name, e.g. "P 3 2 1" for "P -3 m 1". */
    public static String mxOf(String patterson) { return MX.getOrDefault(patterson, patterson); }

    /** The name of the Patterson group whose proper rotations in the conventional basis are {@code conv}. */
    private static String name(String family, char centring, List<int[]> conv) {
        for (String cand : PATTERSON.get(family)) {
            char c = cand.charAt(0) == 'R' ? 'R' : cand.charAt(0);
            if (c != centring && !(centring == 'R' && c == 'R')) continue;
            List<int[]> ref = properRotations(SpaceGroup.of(cand));
            if (sameSet(ref, conv)) return cand;
        }
        // a non-standard setting: name it by its operators
        List<SymOp> gens = new ArrayList<>();
        for (int[] r : conv) gens.add(SymOp.of(r, new int[3]));
        gens.add(SymOp.IDENTITY.negated());
        return SpaceGroup.fromOperators(gens, List.of(SymOp.IDENTITY)).toString();
    }

    private static List<int[]> properRotations(SpaceGroup sg) {
        List<int[]> out = new ArrayList<>();
        for (SymOp s : sg.symops()) {
            int[] r = new int[9];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[3 * i + j] = s.r(i, j);
            if (LatticeMath.det(r) > 0 && !MetricSubgroups.contains(out, r)) out.add(r);
        }
        return out;
    }

    static boolean sameSet(List<int[]> a, List<int[]> b) {
        return a.size() == b.size() && a.stream().allMatch(r -> MetricSubgroups.contains(b, r));
    }

    static int trace(int[] r) { return r[0] + r[4] + r[8]; }

    /** Rotation order from the trace of a proper rotation. */
    static int order(int[] r) {
        return switch (trace(r)) { case 3 -> 1; case -1 -> 2; case 0 -> 3; case 1 -> 4; case 2 -> 6; default -> 0; };
    }

    /** The rotation axis as a primitive integer direct-lattice vector ((0,0,0) for the identity). */
    static int[] axis(int[] r) {
        int n = order(r);
        if (n == 1) return new int[3];
        // Σ R^k over the cyclic group projects onto the axis; any nonzero column is parallel to it
        int[] sum = new int[9], p = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 9; i++) sum[i] += p[i];
            p = LatticeMath.mul(p, r);
        }
        for (int c = 0; c < 3; c++) {
            int[] v = {sum[c], sum[3 + c], sum[6 + c]};
            if (v[0] == 0 && v[1] == 0 && v[2] == 0) continue;
            int g = Math.max(1, gcd(gcd(Math.abs(v[0]), Math.abs(v[1])), Math.abs(v[2])));
            for (int i = 0; i < 3; i++) v[i] /= g;
            return v;
        }
        return new int[3];
    }

    /** Le Page δ of a twofold: the angle between its direct axis and its reciprocal-lattice axis. */
    static double lePageDelta(int[] r, Mat3 g) {
        int[] u = axis(r);
        int[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        int[] h = axis(rt);
        Mat3 gs = g.inverse();
        double uh = u[0] * h[0] + u[1] * h[1] + u[2] * h[2];
        double cos = Math.abs(uh) / Math.sqrt(quad(g, u) * quad(gs, h));
        return Math.toDegrees(Math.acos(Math.min(1, cos)));
    }

    private static double quad(Mat3 g, int[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s += v[i] * g.get(i, j) * v[j];
        return s;
    }

    static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    static int[] toInt(Mat3 m) {
        int[] r = new int[9];
        double[] a = m.toArray();
        for (int i = 0; i < 9; i++) r[i] = (int) Math.round(a[i]);
        return r;
    }

    static String key(int[] r) { return Arrays.toString(r); }
}
