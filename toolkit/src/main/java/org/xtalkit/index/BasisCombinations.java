package org.xtalkit.index;

import org.xtalkit.lattice.NiggliReduction;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Candidate crystal models from candidate basis vectors, as DIALS' candidate_orientation_matrices:
 * triples i < j < k taken in order of i² + j² + k² (best peaks first), skipping near-collinear or
 * near-coplanar triples, made right-handed with obtuse angles, Niggli reduced, and kept when the
 * volume is above abc/100 (LABELIT's cutoff).
 */
public final class BasisCombinations {
    private BasisCombinations() {}

    public static List<Crystal> candidates(List<Vec3> vectors, int maxCombinations) {
        int n = Math.min(vectors.size(), 100);
        List<int[]> triples = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) for (int k = j + 1; k < n; k++) triples.add(new int[] {i, j, k});
        triples.sort(Comparator.comparingInt(t -> t[0] * t[0] + t[1] * t[1] + t[2] * t[2]));
        double minAngle = Math.toRadians(20), halfPi = Math.PI / 2;
        List<Crystal> out = new ArrayList<>();
        for (int[] t : triples) {
            if (out.size() >= maxCombinations) break;
            Vec3 a = vectors.get(t[0]), b = vectors.get(t[1]), c = vectors.get(t[2]);
            double gamma = a.angle(b);
            if (gamma < minAngle || Math.PI - gamma < minAngle) continue;
            if (gamma < halfPi) b = b.negate();
            Vec3 axb = a.cross(b);
            if (Math.abs(halfPi - axb.angle(c)) < minAngle) continue;
            if (b.angle(c) < halfPi) c = c.negate();
            if (axb.dot(c) < 0) { a = a.negate(); b = b.negate(); c = c.negate(); }
            Crystal model = new Crystal(a, b, c, " P 1");
            UnitCell uc = model.unitCell();
            NiggliReduction.Result red = NiggliReduction.reduce(uc);
            model = red.cbOp().apply(model);
            uc = model.unitCell();
            if (uc.volume() > uc.a() * uc.b() * uc.c() / 100) out.add(model);
        }
        return out;
    }
}
