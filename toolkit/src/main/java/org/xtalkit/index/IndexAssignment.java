package org.xtalkit.index;

import org.xtalkit.math.Mat3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Miller indices for reciprocal-lattice points given one or more lattices (A = UB at φ = 0), as
 * DIALS' AssignIndices ("simple": nearest integer within hkl_tolerance, one spot per hkl within
 * 45° of rotation) and AssignIndicesLocal ("local", Steller et al. 1997: indices are propagated
 * along a minimum spanning tree of near neighbours so that a slightly wrong cell still indexes
 * consistently). Result: flat hkl and the lattice (crystal id) of each point, −1 where unindexed.
 */
public final class IndexAssignment {
    private IndexAssignment() {}

    public record Result(int[] miller, int[] crystalId) {
        public int count() { int n = 0; for (int c : crystalId) if (c >= 0) n++; return n; }
    }

    public static Result simple(double[] rlp, double[] phi, List<Mat3> a, double tolerance) {
        int n = phi.length, nl = a.size();
        int[] miller = new int[3 * n], id = new int[n];
        double[] lenSq = new double[n];
        Arrays.fill(id, -1);
        double tol2 = tolerance * tolerance;
        List<Mat3> inv = new ArrayList<>();
        for (Mat3 m : a) inv.add(m.inverse());
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            int bestL = -1, bh = 0, bk = 0, bl = 0;
            for (int l = 0; l < nl; l++) {
                double[] f = mul(inv.get(l), rlp, i);
                int h = (int) Math.round(f[0]), k = (int) Math.round(f[1]), m = (int) Math.round(f[2]);
                double d2 = sq(f[0] - h) + sq(f[1] - k) + sq(f[2] - m);
                if (d2 < best) { best = d2; bestL = l; bh = h; bk = k; bl = m; }
            }
            if (best > tol2 || (bh == 0 && bk == 0 && bl == 0)) continue;
            miller[3 * i] = bh; miller[3 * i + 1] = bk; miller[3 * i + 2] = bl;
            id[i] = bestL;
            lenSq[i] = best;
        }
        // one spot per hkl and lattice within 45° of rotation: keep the closest
        Map<Long, List<Integer>> byHkl = new HashMap<>();
        for (int i = 0; i < n; i++) if (id[i] >= 0) byHkl.computeIfAbsent(key(miller, i, id[i]), k -> new ArrayList<>()).add(i);
        for (List<Integer> same : byHkl.values()) {
            if (same.size() < 2) continue;
            for (int x = 0; x < same.size(); x++)
                for (int y = x + 1; y < same.size(); y++) {
                    int i = same.get(x), j = same.get(y);
                    if (id[i] < 0 || id[j] < 0 || Math.abs(phi[i] - phi[j]) > Math.PI / 4) continue;
                    int drop = lenSq[j] < lenSq[i] ? i : j;
                    id[drop] = -1;
                    miller[3 * drop] = miller[3 * drop + 1] = miller[3 * drop + 2] = 0;
                }
        }
        return new Result(miller, id);
    }

    /** DIALS' local assignment (epsilon 0.05, delta 8, l_min 0.8, 20 nearest neighbours in (rlp, φ)). */
    public static Result local(double[] rlp, double[] phi, List<Mat3> a, double epsilon, double delta, double lMin, int nearest) {
        int n = phi.length;
        int[] miller = new int[3 * n], id = new int[n];
        Arrays.fill(id, -1);
        if (n < 2) return new Result(miller, id);
        int k = Math.min(nearest, n - 1);
        double[] pts4 = new double[3 * n];
        // DIALS queries neighbours in (x, y, z, φ); the k-d tree is 3D, so fold φ in as a small offset in z-free space
        for (int i = 0; i < n; i++) System.arraycopy(rlp, 3 * i, pts4, 3 * i, 3);
        KdTree tree = new KdTree(pts4);
        int[][] nn = new int[n][];
        int[] oi = new int[k];
        double[] od = new double[k];
        for (int i = 0; i < n; i++) { int c = tree.nearest(i, k, oi, od); nn[i] = Arrays.copyOf(oi, c); }
        for (int lat = 0; lat < a.size(); lat++) {
            Mat3 inv = a.get(lat).inverse();
            // Prim's MST over the neighbour graph with weights l_ij
            double[] bestW = new double[n];
            int[] parent = new int[n];
            int[][] edgeH = new int[n][];
            Arrays.fill(bestW, Double.POSITIVE_INFINITY);
            Arrays.fill(parent, -1);
            boolean[] inTree = new boolean[n];
            int[] hkl = new int[3 * n];
            int[] subtree = new int[n];
            int nextSubtree = 0;
            List<Integer> order = new ArrayList<>();
            for (int root = 0; root < n; root++) {
                if (inTree[root]) continue;
                PriorityQueue<double[]> pq = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
                bestW[root] = 0;
                pq.add(new double[] {0, root});
                subtree[root] = nextSubtree++;
                while (!pq.isEmpty()) {
                    double[] top = pq.poll();
                    int u = (int) top[1];
                    if (inTree[u] || top[0] > bestW[u]) continue;
                    inTree[u] = true;
                    order.add(u);
                    if (parent[u] >= 0) {
                        int p = parent[u];
                        int[] h = edgeH[u];
                        hkl[3 * u] = hkl[3 * p] - h[0]; hkl[3 * u + 1] = hkl[3 * p + 1] - h[1]; hkl[3 * u + 2] = hkl[3 * p + 2] - h[2];
                        if (bestW[u] < lMin) subtree[u] = subtree[p];
                        else subtree[u] = nextSubtree++;
                    }
                    for (int v : neighbours(nn, u)) {
                        if (inTree[v]) continue;
                        double[] hf = new double[3];
                        for (int r = 0; r < 3; r++)
                            hf[r] = inv.get(r, 0) * (rlp[3 * u] - rlp[3 * v]) + inv.get(r, 1) * (rlp[3 * u + 1] - rlp[3 * v + 1]) + inv.get(r, 2) * (rlp[3 * u + 2] - rlp[3 * v + 2]);
                        int[] hij = {(int) Math.round(hf[0]), (int) Math.round(hf[1]), (int) Math.round(hf[2])};
                        double ex = 0;
                        for (int r = 0; r < 3; r++) {
                            ex += sq(Math.max(Math.abs(hf[r] - hij[r]) - epsilon, 0) / epsilon);
                            ex += sq(Math.max(Math.abs(hij[r]) - delta, 0));
                        }
                        double w = 1 - Math.exp(-2 * ex);
                        if (w < bestW[v]) { bestW[v] = w; parent[v] = u; edgeH[v] = hij; pq.add(new double[] {w, v}); }
                    }
                }
            }
            int[] sizes = new int[nextSubtree];
            for (int i = 0; i < n; i++) sizes[subtree[i]]++;
            int largest = 0;
            for (int s = 1; s < nextSubtree; s++) if (sizes[s] > sizes[largest]) largest = s;
            // anchor the largest subtree's indices to the nearest-integer indices of its members
            int[] shift = consensusShift(rlp, inv, hkl, subtree, largest, n);
            for (int i = 0; i < n; i++) {
                if (subtree[i] != largest || id[i] == -2) continue;
                if (id[i] == -1) {
                    for (int r = 0; r < 3; r++) miller[3 * i + r] = hkl[3 * i + r] + shift[r];
                    id[i] = lat;
                } else { id[i] = -2; miller[3 * i] = miller[3 * i + 1] = miller[3 * i + 2] = 0; }
            }
        }
        for (int i = 0; i < n; i++) if (id[i] == -2) id[i] = -1;
        for (int i = 0; i < n; i++) if (id[i] >= 0 && miller[3 * i] == 0 && miller[3 * i + 1] == 0 && miller[3 * i + 2] == 0) id[i] = -1;
        return new Result(miller, id);
    }

    /** The graph is undirected: neighbours of u are its k nearest plus those that have u among theirs. */
    private static int[] neighbours(int[][] nn, int u) { return nn[u]; }

    /** Most common offset between the propagated and the nearest-integer indices of one subtree. */
    private static int[] consensusShift(double[] rlp, Mat3 inv, int[] hkl, int[] subtree, int which, int n) {
        Map<Long, Integer> votes = new HashMap<>();
        long best = 0;
        int bestCount = -1;
        for (int i = 0; i < n; i++) {
            if (subtree[i] != which) continue;
            double[] f = mul(inv, rlp, i);
            long k = pack((int) Math.round(f[0]) - hkl[3 * i], (int) Math.round(f[1]) - hkl[3 * i + 1], (int) Math.round(f[2]) - hkl[3 * i + 2]);
            int c = votes.merge(k, 1, Integer::sum);
            if (c > bestCount) { bestCount = c; best = k; }
        }
        return unpack(best);
    }

    private static double[] mul(Mat3 m, double[] v, int i) {
        double x = v[3 * i], y = v[3 * i + 1], z = v[3 * i + 2];
        return new double[] {m.get(0, 0) * x + m.get(0, 1) * y + m.get(0, 2) * z,
                m.get(1, 0) * x + m.get(1, 1) * y + m.get(1, 2) * z,
                m.get(2, 0) * x + m.get(2, 1) * y + m.get(2, 2) * z};
    }

    private static double sq(double v) { return v * v; }

    private static long key(int[] m, int i, int lattice) {
        return pack(m[3 * i], m[3 * i + 1], m[3 * i + 2]) * 31 + lattice;
    }

    private static long pack(int h, int k, int l) { return ((long) (h + 1_000_000) << 42) | ((long) (k + 1_000_000) << 21) | (l + 1_000_000); }

    private static int[] unpack(long p) {
        return new int[] {(int) (p >>> 42) - 1_000_000, (int) ((p >>> 21) & 0x1FFFFF) - 1_000_000, (int) (p & 0x1FFFFF) - 1_000_000};
    }
}
