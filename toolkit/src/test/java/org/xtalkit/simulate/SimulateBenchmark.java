package org.xtalkit.simulate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Benchmark (a program, not a test): CPU time to set up a simulated sweep and to compute one image,
 * single-threaded, to compare with DIALS' spot finding per image on the written files
 * ({@code /usr/bin/time dials.find_spots imported.expt nproc=1}: user+sys / images).
 * Run: {@code java -cp toolkit/target/classes:toolkit/target/test-classes:... org.xtalkit.simulate.SimulateBenchmark binning=2}
 */
public final class SimulateBenchmark {
    private SimulateBenchmark() {}

    public static void main(String[] args) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        String[] words = args.length == 0 ? new String[] {"binning=2", "nimages=100"} : args;
        long c0 = bean.getCurrentThreadCpuTime();
        Simulation sim = Simulate.insulin(SimulationParams.parse(words));
        long c1 = bean.getCurrentThreadCpuTime();
        int n = sim.images().size(), warm = Math.min(10, n / 4);
        for (int i = 0; i < warm; i++) sim.images().read(i);
        long c2 = bean.getCurrentThreadCpuTime();
        long checksum = 0;
        for (int i = warm; i < n; i++) checksum += sim.images().read(i)[0][12345];
        long c3 = bean.getCurrentThreadCpuTime();
        int[] size = sim.images().panelSize(0);
        System.out.printf(Locale.ROOT, "%s: %d x %d px, %d crossings; setup %.2f s CPU; %.1f ms CPU per image (%d images, checksum %d)%n",
                String.join(" ", words), size[0], size[1], sim.truth().reflections().size(), (c1 - c0) / 1e9,
                (c3 - c2) / 1e6 / (n - warm), n - warm, checksum);
    }
}
