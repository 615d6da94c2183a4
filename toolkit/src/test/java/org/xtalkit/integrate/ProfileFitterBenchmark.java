package org.xtalkit.integrate;

/**
 * Single-thread speed of profile modelling and fitting on the synthetic insulin shoeboxes of
 * ProfileFitterTest (run by hand: java -cp ... org.xtalkit.integrate.ProfileFitterBenchmark).
 */
public final class ProfileFitterBenchmark {
    /** CPU time of this thread (ns): the machine is shared, wall time would measure the neighbours. */
    private static long cpu() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    public static void main(String[] args) {
        ProfileFitterTest.synthesise();
        var full = ProfileFitterTest.full;
        double voxels = 0;
        for (var r : full) voxels += r.noisy().volume();
        System.out.printf("%d reflections, mean shoebox %.0f pixels%n", full.size(), voxels / full.size());
        ProfileFitter f = null;
        long t0 = cpu();
        int refs = 0, rounds = 0;
        while (cpu() - t0 < 3e9 || rounds < 2) {
            f = new ProfileFitter(ProfileFitterTest.e, ProfileFitterTest.model);
            for (var r : full) {
                f.addReference(r.noisy(), r.s1(), r.phi(), r.frame());
                refs++;
            }
            rounds++;
        }
        double refRate = refs / ((cpu() - t0) * 1e-9);
        f.finishReferences();
        for (int warm = 0; warm < 3; warm++) for (var r : full) f.fit(r.noisy(), r.s1(), r.phi(), r.frame());
        long t1 = cpu();
        int fits = 0;
        double sink = 0;
        while (cpu() - t1 < 5e9) {
            for (var r : full) {
                sink += f.fit(r.noisy(), r.s1(), r.phi(), r.frame()).intensity();
                fits++;
            }
        }
        double fitRate = fits / ((cpu() - t1) * 1e-9);
        System.out.printf("one thread, CPU time: %.0f references/s, %.0f fits/s (%.1f µs per fit) [%g]%n",
                refRate, fitRate, 1e6 / fitRate, sink);
    }
}
