package org.xtalkit.integrate;

import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which predictions are reference spots, as dials.integrate decides: those an indexed strong spot
 * of the same experiment matches — same Miller index, the crossing nearest the spot's frame.
 */
final class ReferenceSpots {
    private ReferenceSpots() {}

    static boolean[] match(ReflectionTable predicted, ReflectionTable strong, int id) {
        int[] ph = predicted.miller("miller_index");
        double[] pz = predicted.vec3("xyzcal.px");
        Map<Long, List<Integer>> byHkl = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++)
            byHkl.computeIfAbsent(key(ph[3 * i], ph[3 * i + 1], ph[3 * i + 2]), k -> new ArrayList<>(2)).add(i);
        boolean[] ref = new boolean[predicted.size()];
        if (!strong.has("miller_index") || !strong.has("xyzobs.px.value")) return ref;
        int[] sh = strong.miller("miller_index");
        double[] sz = strong.vec3("xyzobs.px.value");
        int[] ids = strong.has("id") ? strong.ints("id") : new int[strong.size()];
        long[] flags = strong.flags();
        for (int j = 0; j < strong.size(); j++) {
            if (ids[j] != id || !Flag.INDEXED.allSetIn(flags[j])) continue;
            if (sh[3 * j] == 0 && sh[3 * j + 1] == 0 && sh[3 * j + 2] == 0) continue;
            List<Integer> rows = byHkl.get(key(sh[3 * j], sh[3 * j + 1], sh[3 * j + 2]));
            if (rows == null) continue;
            int best = -1;
            double bd = 2; // frames
            for (int i : rows) {
                double d = Math.abs(pz[3 * i + 2] - sz[3 * j + 2]);
                if (d < bd) { bd = d; best = i; }
            }
            if (best >= 0) ref[best] = true;
        }
        return ref;
    }

    private static long key(int h, int k, int l) {
        return ((long) (h + 1024) << 22) | ((long) (k + 1024) << 11) | (l + 1024);
    }
}
