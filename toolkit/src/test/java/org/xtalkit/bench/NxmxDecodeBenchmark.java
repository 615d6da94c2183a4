package org.xtalkit.bench;

import org.xtalkit.io.image.nexus.NxmxFormat;
import org.xtalkit.io.image.nexus.NxmxImageSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * NXmx image decode throughput (MB/s of decoded pixels, 4 bytes each) through the public image
 * source: chunk read, bitshuffle/LZ4 filter and conversion to int[], 1 thread and all cores.
 * Wall-clock figures depend on what else runs; MB per thread-CPU-second is what one core does.
 *
 * <p>Run: java -cp toolkit/target/classes:toolkit/target/test-classes:&lt;deps&gt;
 * org.xtalkit.bench.NxmxDecodeBenchmark [master.h5|file.nxs] [passes]
 */
public final class NxmxDecodeBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/nexus/eiger_master/sim_master.h5");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        try (NxmxImageSource src = new NxmxFormat().open(file)) {
            int n = src.size();
            long bytesPerImage = 4L * src.panelSize(0)[0] * src.panelSize(0)[1];
            run(src, 1, 1); // warm-up: JIT, page cache
            for (int threads : new int[] {1, cores}) {
                double best = 0, bestCpu = 0;
                for (int p = 0; p < passes; p++) {
                    long t0 = System.nanoTime();
                    long cpu = run(src, threads, 1);
                    double s = (System.nanoTime() - t0) / 1e9;
                    best = Math.max(best, n * bytesPerImage / 1e6 / s);
                    bestCpu = Math.max(bestCpu, n * bytesPerImage / 1e6 / (cpu / 1e9) );
                }
                System.out.printf("%s: %d images of %.1f MB, %d thread(s): %.0f MB/s wall, %.0f MB/s per thread-CPU-second"
                        + " (best of %d passes; load average %.1f)%n", file.getFileName(), n, bytesPerImage / 1e6, threads,
                        best, bestCpu, passes, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** Reads every image once over {@code threads} threads; returns the CPU nanoseconds they used. */
    private static long run(NxmxImageSource src, int threads, int repeat) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int start = t;
                jobs.add(pool.submit(() -> {
                    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int r = 0; r < repeat; r++)
                        for (int i = start; i < src.size(); i += threads) src.read(i);
                    return mx.getCurrentThreadCpuTime() - c0;
                }));
            }
            long cpu = 0;
            for (Future<Long> j : jobs) cpu += j.get();
            return cpu;
        } finally {
            pool.shutdown();
        }
    }
}
