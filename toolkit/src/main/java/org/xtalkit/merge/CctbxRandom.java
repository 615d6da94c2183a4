package org.xtalkit.merge;

/**
 * MT19937 as scitbx.random.mersenne_twister uses it (seed + 1 = 1 by default; doubles with 53-bit
 * resolution from two draws). cctbx's half-dataset split starts a fresh generator for every
 * call, so with this generator and the same observation order the "random" CC½ split is DIALS'.
 */
public final class CctbxRandom {
    private final int[] mt = new int[624];
    private int index = 624;

    public CctbxRandom() { this(0); }

    /** scitbx's mersenne_twister(seed) and flex.set_random_seed(seed): MT19937 initialised with seed + 1. */
    public CctbxRandom(int seed) {
        mt[0] = seed + 1;
        for (int i = 1; i < 624; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }

    private int next() {
        if (index >= 624) twist();
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** The next 624 words of state (the generation step, without per-element modulo). */
    private void twist() {
        int i = 0;
        for (; i < 624 - 397; i++) {
            int y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
            mt[i] = mt[i + 397] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        }
        for (; i < 623; i++) {
            int y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
            mt[i] = mt[i + 397 - 624] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        }
        int y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
        mt[623] = mt[396] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        index = 0;
    }

    /** The next 32-bit output, unsigned. */
    public long nextUInt() { return next() & 0xffffffffL; }

    /** scitbx's random_permutation(size): 0..size-1, then each position i swapped with draw % size. */
    public int[] permutation(int size) {
        int[] p = new int[size];
        permutation(p);
        return p;
    }

    /** As {@link #permutation(int)} into p (its length is the size). */
    public void permutation(int[] p) {
        int size = p.length;
        for (int i = 0; i < size; i++) p[i] = i;
        for (int i = 0; i < size; i++) {
            int j = Integer.remainderUnsigned(next(), size);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
    }

    /**
     * flex.random_selection(population, sample): the first sample entries of a permutation of the
     * population, sorted. scratch (population long) is overwritten.
     */
    public int[] selection(int sample, int[] scratch) {
        permutation(scratch);
        int[] s = java.util.Arrays.copyOf(scratch, sample);
        java.util.Arrays.sort(s);
        return s;
    }

    /** Uniform on [0, 1), 53-bit resolution (genrand_res53). */
    public double nextDouble() {
        long a = (next() & 0xffffffffL) >>> 5, b = (next() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
