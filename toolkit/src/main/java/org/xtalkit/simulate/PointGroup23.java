package org.xtalkit.simulate;

/**
 * The twelve rotations of the cubic point group 23 acting on Miller indices: the three cyclic
 * permutations of (h, k, l) times the four sign patterns with an even number of minus signs.
 * Adding the inversion gives the Laue group m-3; the index swaps (k, h, l) that would make m-3m are
 * deliberately absent. Kept local and small: the simulation needs nothing else of space groups.
 */
final class PointGroup23 {
    static final int ORDER = 12;
    private static final int[][] SIGNS = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};

    private PointGroup23() {}

    /** Operator op (0..11) applied to h, written to out. */
    static void apply(int op, int h, int k, int l, int[] out) {
        int[] s = SIGNS[op & 3];
        int p = op >> 2;                       // 0: (h,k,l), 1: (k,l,h), 2: (l,h,k)
        int a = p == 0 ? h : p == 1 ? k : l;
        int b = p == 0 ? k : p == 1 ? l : h;
        int c = p == 0 ? l : p == 1 ? h : k;
        out[0] = s[0] * a;
        out[1] = s[1] * b;
        out[2] = s[2] * c;
    }

    /** One long per Miller index (|index| < 2^20), ordered as (h, k, l) lexicographically. */
    static long pack(int h, int k, int l) {
        return ((long) (h + (1 << 20)) << 42) | ((long) (k + (1 << 20)) << 21) | (l + (1 << 20));
    }

    /** The largest packed index of the orbit of h under 23: the same for every symmetry mate. */
    static long orbitKey(int h, int k, int l) {
        int[] m = new int[3];
        long best = Long.MIN_VALUE;
        for (int op = 0; op < ORDER; op++) {
            apply(op, h, k, l, m);
            best = Math.max(best, pack(m[0], m[1], m[2]));
        }
        return best;
    }

    /** Symmetry enhancement ε: how many of the operators leave h unchanged. */
    static int epsilon(int h, int k, int l) {
        int[] m = new int[3];
        int n = 0;
        for (int op = 0; op < ORDER; op++) {
            apply(op, h, k, l, m);
            if (m[0] == h && m[1] == k && m[2] == l) n++;
        }
        return n;
    }

    /** Centric: some rotation of the group takes h to -h (then I(h) = I(-h) and F has a fixed phase). */
    static boolean isCentric(int h, int k, int l) {
        return orbitKey(h, k, l) == orbitKey(-h, -k, -l);
    }
}
