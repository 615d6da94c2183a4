package org.xtalkit.index;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.List;

/**
 * DIALS' ModelRankFilter (after rstbx basis_choice): keep solutions indexing ≥ 5 % of the best,
 * drop cells that are a doubled version of another solution with the same orientation, keep
 * likelihood (1 − rmsd_xy in mm) ≥ 0.8 of the best, volume < 1.25 × the smallest, n_indexed ≥
 * 0.9 × the most; then the most likely.
 */
public final class ModelRanking {
    private ModelRanking() {}

    public record Solution(Crystal crystal, double likelihood, int nIndexed, double fractionIndexed, double rmsdXyMm) {}

    public static Solution best(List<Solution> all) {
        if (all.isEmpty()) return null;
        List<Solution> s = byIndexed(all, 0.05);
        s = notDoubled(s);
        double bestL = s.stream().mapToDouble(Solution::likelihood).max().orElse(0);
        double offset = 0;
        while (bestL + offset <= 0) offset += 1;
        final double off = offset, bl = bestL;
        s = s.stream().filter(x -> x.likelihood + off >= 0.8 * (bl + off)).toList();
        double minV = s.stream().mapToDouble(x -> x.crystal.unitCell().volume()).min().orElse(0);
        s = s.stream().filter(x -> x.crystal.unitCell().volume() < 1.25 * minV).toList();
        s = byIndexed(s, 0.9);
        Solution best = null;
        for (Solution x : s) if (best == null || x.likelihood > best.likelihood) best = x;
        return best;
    }

    private static List<Solution> byIndexed(List<Solution> s, double f) {
        int max = s.stream().mapToInt(Solution::nIndexed).max().orElse(0);
        return s.stream().filter(x -> x.nIndexed >= f * max).toList();
    }

    private static List<Solution> notDoubled(List<Solution> s) {
        int[][] mult = {{2, 1, 1}, {1, 2, 1}, {1, 1, 2}, {2, 2, 1}, {2, 1, 2}, {1, 2, 2}, {2, 2, 2}};
        List<Solution> out = new ArrayList<>();
        for (Solution s1 : s) {
            boolean doubled = false;
            for (int[] m : mult) {
                if (doubled) break;
                Vec3 a = s1.crystal.realA().times(1.0 / m[0]), b = s1.crystal.realB().times(1.0 / m[1]), c = s1.crystal.realC().times(1.0 / m[2]);
                Crystal halved = new Crystal(a, b, c, s1.crystal.spaceGroupHall());
                UnitCell hc = halved.unitCell();
                for (Solution s2 : s) {
                    if (s2 == s1) continue;
                    if (similar(hc, s2.crystal.unitCell(), 0.05, 10) && angleBetween(halved, s2.crystal) < 1
                            && s1.nIndexed < 1.1 * s2.nIndexed) { doubled = true; break; }
                }
            }
            if (!doubled) out.add(s1);
        }
        return out;
    }

    /** cctbx is_similar_to: relative length and absolute angle tolerances. */
    public static boolean similar(UnitCell a, UnitCell b, double relLength, double absAngle) {
        double[] x = a.toArray(), y = b.toArray();
        for (int i = 0; i < 3; i++) if (Math.abs(x[i] - y[i]) > relLength * Math.max(x[i], y[i])) return false;
        for (int i = 3; i < 6; i++) if (Math.abs(x[i] - y[i]) > absAngle) return false;
        return true;
    }

    /** Smallest rotation angle (degrees) between two crystals' orientation frames, over basis permutations-free comparison. */
    static double angleBetween(Crystal a, Crystal b) {
        var r = IndexRefinement.orthonormalise(a.U()).transpose().times(IndexRefinement.orthonormalise(b.U()));
        double tr = r.get(0, 0) + r.get(1, 1) + r.get(2, 2);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2))));
    }
}
