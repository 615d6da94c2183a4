package org.xtalkit.index;

import org.xtalkit.lattice.MetricSubgroups;

/** Developer timing of the indexing stages on the synthetic sweep (not a test). */
public final class ProfileMain {
    public static void main(String[] a) {
        SyntheticSweep s = IndexSyntheticInsulinTest.SWEEP;
        var refl = s.strong.copy();
        refl.newInts("id");
        long t0 = System.nanoTime();
        ReciprocalSpace.map(s.imported, refl);
        double[] rlp = refl.vec3("rlp");
        long t1 = System.nanoTime();
        int n = refl.size();
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) phi[i] = Math.toDegrees(refl.vec3("xyzobs.mm.value")[3 * i + 2]);
        double mc = MaxCellEstimate.estimate(rlp, phi, new int[n], null, 1.3);
        long t2 = System.nanoTime();
        var v = Fft3d.candidateVectors(rlp, mc, 256, Fft3d.autoDMin(mc, 256, rlp), Double.NaN);
        long t3 = System.nanoTime();
        var c = BasisCombinations.candidates(v, 2000);
        long t4 = System.nanoTime();
        for (int i = 0; i < 50 && i < c.size(); i++) MetricSubgroups.find(c.get(i).unitCell(), 5);
        long t5 = System.nanoTime();
        System.out.printf("map %.2f maxcell %.2f fft %.2f combos %.2f (%d) subgroups50 %.2f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, c.size(), (t5 - t4) / 1e9);
        long t6 = System.nanoTime();
        Indexer.run(s.imported, s.strong, IndexParams.defaults(), IndexRealDataTest.LOG);
        System.out.printf("index total %.2f%n", (System.nanoTime() - t6) / 1e9);
    }
}
