package org.xtalkit.index;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.List;

/**
 * DIALS' real_space_grid_search (Gildea et al. 2014) for a known cell: for each cell length L and
 * each direction u over a hemisphere, the functional Σ cos(2π L u·r) is large where u·L is a
 * lattice vector; the best directions for each length are the candidate vectors.
 */
public final class RealSpaceGridSearch {
    private RealSpaceGridSearch() {}

    public static List<Vec3> candidateVectors(double[] rlp, UnitCell cell, double dMin) {
        int m = rlp.length / 3;
        double[] dirs = Hemisphere.directions(Math.toRadians(1.0));
        int nd = dirs.length / 3;
        List<Vec3> vectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double[] lengths = {cell.a(), cell.b(), cell.c()};
        for (int li = 0; li < 3; li++) {
            double len = lengths[li];
            boolean dup = false;
            for (int lj = 0; lj < li; lj++) if (Math.abs(lengths[lj] - len) < 1e-3 * len) dup = true;
            if (dup) continue;
            double[] f = new double[nd];
            for (int d = 0; d < nd; d++) {
                double ux = dirs[3 * d] * len, uy = dirs[3 * d + 1] * len, uz = dirs[3 * d + 2] * len, s = 0;
                for (int i = 0; i < m; i++) s += Math.cos(2 * Math.PI * (rlp[3 * i] * ux + rlp[3 * i + 1] * uy + rlp[3 * i + 2] * uz));
                f[d] = s;
            }
            Integer[] order = new Integer[nd];
            for (int i = 0; i < nd; i++) order[i] = i;
            java.util.Arrays.sort(order, (x, y) -> Double.compare(f[y], f[x]));
            int taken = 0;
            for (int oi = 0; oi < nd && taken < 10; oi++) {
                int d = order[oi];
                Vec3 v = new Vec3(dirs[3 * d], dirs[3 * d + 1], dirs[3 * d + 2]).times(len);
                boolean near = false;
                for (Vec3 u : vectors) { double ang = Math.toDegrees(u.angle(v)); if (ang < 5 || ang > 175) { near = true; break; } }
                if (!near) { vectors.add(v); weights.add(f[d]); taken++; }
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) idx.add(i);
        idx.sort((x, y) -> Double.compare(weights.get(y), weights.get(x)));
        List<Vec3> out = new ArrayList<>();
        for (int i : idx) out.add(vectors.get(i));
        return out;
    }
}
