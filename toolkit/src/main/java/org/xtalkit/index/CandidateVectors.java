package org.xtalkit.index;

import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * From raw periodicity peaks to candidate basis vectors, as DIALS' basis_vector_search utils:
 * group near-equal (or opposite) vectors, drop integer multiples of a shorter vector with a
 * bigger peak, and order by peak size.
 */
public final class CandidateVectors {
    private CandidateVectors() {}

    public static List<Vec3> select(List<Vec3> vectors, List<Double> weights) {
        // shortest first, then group
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> vectors.get(i).length()));
        List<List<Vec3>> groups = new ArrayList<>();
        List<Double> groupWeight = new ArrayList<>();
        for (int i : order) {
            Vec3 v = vectors.get(i);
            boolean matched = false;
            for (int g = 0; g < groups.size() && !matched; g++) {
                Vec3 mean = mean(groups.get(g));
                double lm = mean.length(), l = v.length();
                if (Math.abs(lm - l) / Math.max(lm, l) < 0.1) {
                    double angle = Math.toDegrees(mean.angle(v));
                    if (angle < 5) { groups.get(g).add(v); matched = true; }
                    else if (Math.abs(180 - angle) < 5) { groups.get(g).add(v.negate()); matched = true; }
                    if (matched) groupWeight.set(g, Math.max(groupWeight.get(g), weights.get(i)));
                }
            }
            if (!matched) { List<Vec3> ng = new ArrayList<>(); ng.add(v); groups.add(ng); groupWeight.add(weights.get(i)); }
        }
        List<Vec3> means = new ArrayList<>();
        for (List<Vec3> g : groups) means.add(mean(g));
        List<Integer> byLength = new ArrayList<>();
        for (int i = 0; i < means.size(); i++) byLength.add(i);
        byLength.sort(Comparator.comparingDouble(i -> means.get(i).length()));
        List<Vec3> unique = new ArrayList<>();
        List<Double> uniqueWeight = new ArrayList<>();
        for (int p : byLength) {
            Vec3 v = means.get(p);
            boolean isUnique = true;
            for (int u = 0; u < unique.size(); u++)
                if (uniqueWeight.get(u) > groupWeight.get(p) && isApproximateIntegerMultiple(unique.get(u), v)) { isUnique = false; break; }
            if (isUnique) { unique.add(v); uniqueWeight.add(groupWeight.get(p)); }
        }
        List<Integer> byWeight = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) byWeight.add(i);
        byWeight.sort((a, b) -> Double.compare(uniqueWeight.get(b), uniqueWeight.get(a)));
        List<Vec3> out = new ArrayList<>();
        for (int i : byWeight) out.add(unique.get(i));
        return out;
    }

    static boolean isApproximateIntegerMultiple(Vec3 a, Vec3 b) {
        double la = a.length(), lb = b.length();
        if (la > lb) { Vec3 t = a; a = b; b = t; double tl = la; la = lb; lb = tl; }
        double angle = Math.toDegrees(a.angle(b));
        if (angle < 5 || Math.abs(180 - angle) < 5) {
            double n = lb / la;
            return Math.abs(Math.round(n) - n) < 0.2;
        }
        return false;
    }

    private static Vec3 mean(List<Vec3> g) {
        Vec3 s = Vec3.ZERO;
        for (Vec3 v : g) s = s.plus(v);
        return s.times(1.0 / g.size());
    }
}
