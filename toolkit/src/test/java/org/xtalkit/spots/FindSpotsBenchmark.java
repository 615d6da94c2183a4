package org.xtalkit.spots;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.FindSpots;
import org.xtalkit.io.image.ImageSets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Spot-finding throughput, side by side with the streaming limit and with DIALS (not a test).
 *
 * <pre>
 * mvn -q -o -DskipTests install &amp;&amp; mvn -q -o -pl kernel package -DskipTests   # kernel/target/lib = dependencies
 * java -cp toolkit/target/test-classes:toolkit/target/classes:kernel/target/lib/'*' \
 *      org.xtalkit.spots.FindSpotsBenchmark [nproc=N] [repeats=R] [file.expt ...]
 * </pre>
 *
 * For each experiment list it prints: pixels/s of a bare decode-and-sum pass over the images
 * (nproc threads, one image per task: the streaming limit); pixels/s of FindSpots.run on the same
 * images and threads (first call, then the best of the repeats once the JIT has warmed up); and,
 * where dials.find_spots is on the PATH, DIALS' wall time for the same images and nproc and the
 * ratio of throughputs. On a shared machine wall times say little, so it also prints the CPU
 * seconds (all threads; DIALS' user+sys from /usr/bin/time) of the bare pass, of our warm run and
 * of DIALS. Without file arguments it runs on the reference images of ../shared.
 */
public final class FindSpotsBenchmark {
    public static void main(String[] args) throws Exception {
        int nproc = Runtime.getRuntime().availableProcessors(), repeats = 3;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("nproc=")) nproc = Integer.parseInt(a.substring(6));
            else if (a.startsWith("repeats=")) repeats = Integer.parseInt(a.substring(8));
            else files.add(Path.of(a));
        }
        if (files.isEmpty()) {
            Path ref = org.xtalkit.SharedData.root().resolve("reference");
            for (String n : new String[] {"DLS_I03_smargon_0001", "dlsnxs2cbf_therm_0001", "DLS_I23_P12M_thau_00001",
                    "thaumatin_grid", "nexus/eiger_master"})
                if (Files.exists(ref.resolve(n + ".imported.expt"))) files.add(ref.resolve(n + ".imported.expt"));
        }
        boolean dials = onPath("dials.find_spots");
        System.out.printf("nproc=%d, repeats=%d, DIALS %s%n", nproc, repeats, dials ? "found" : "not installed");
        System.out.printf("%-24s %8s %10s %10s %10s %8s %8s %8s | %7s %7s %7s %8s %8s%n", "data", "Mpixels", "bare Mpx/s",
                "ours Mpx/s", "ours warm", "DIALS s", "vs DIALS", "vs bare", "bare cpu", "our cpu", "DIALS cpu", "vs DIALS", "vs bare");
        for (Path expt : files) {
            ExperimentList el = ExptFile.read(expt);
            Path base = expt.toAbsolutePath().getParent();
            long pixels = pixels(el, base);
            double bare = Double.MAX_VALUE, bareCpu = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                double c = cpu();
                bare = Math.min(bare, barePass(el, base, nproc));
                bareCpu = Math.min(bareCpu, cpu() - c);
            }
            FindSpots.Params params = FindSpots.Params.parse("nproc=" + nproc);
            long t0 = System.nanoTime();
            int n = FindSpots.run(el, params, base, Progress.NONE).reflections().size();
            double first = (System.nanoTime() - t0) / 1e9, warm = Double.MAX_VALUE, warmCpu = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                double c = cpu();
                FindSpots.run(el, params, base, Progress.NONE);
                warm = Math.min(warm, (System.nanoTime() - t) / 1e9);
                warmCpu = Math.min(warmCpu, cpu() - c);
            }
            double[] d = dials ? dialsWall(expt, nproc) : new double[] {Double.NaN, Double.NaN};
            String name = expt.getFileName().toString().replace(".imported.expt", "");
            System.out.printf("%-24s %8.1f %10.1f %10.1f %10.1f %8.2f %8s %8.2f | %7.2f %7.2f %7.2f %8s %8.2f  (%d spots)%n",
                    name, pixels / 1e6, pixels / bare / 1e6, pixels / first / 1e6, pixels / warm / 1e6, d[0],
                    dials ? String.format("%.2fx", d[0] / first) : "-", warm / bare, bareCpu, warmCpu, d[1],
                    dials ? String.format("%.2fx", d[1] / warmCpu) : "-", warmCpu / bareCpu, n);
        }
    }

    private static List<ImageSource> sources(ExperimentList el, Path base) {
        List<ImageSetRef> sets = new ArrayList<>();
        List<ImageSource> out = new ArrayList<>();
        for (Experiment e : el) {
            if (sets.contains(e.imageSet())) continue;
            sets.add(e.imageSet());
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (Experiment x : el) {
                Scan s = x.scan();
                if (x.imageSet().equals(e.imageSet()) && s != null) { lo = Math.min(lo, s.firstImage()); hi = Math.max(hi, s.lastImage()); }
            }
            out.add(ImageSets.open(e.imageSet(), lo == Integer.MAX_VALUE ? 1 : lo, hi == Integer.MIN_VALUE ? Integer.MAX_VALUE : hi, base));
        }
        return out;
    }

    private static long pixels(ExperimentList el, Path base) {
        long n = 0;
        for (ImageSource s : sources(el, base))
            for (int p = 0; p < s.numPanels(); p++) n += (long) s.panelSize(p)[0] * s.panelSize(p)[1] * s.size();
        return n;
    }

    /** Seconds to decode every image and sum its pixels, nproc images at a time. */
    private static double barePass(ExperimentList el, Path base, int nproc) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(nproc);
        try {
            long total = 0;
            for (ImageSource s : sources(el, base)) {
                List<Future<Long>> f = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    int index = i;
                    f.add(pool.submit(() -> {
                        long sum = 0;
                        for (int[] panel : s.read(index)) for (int v : panel) sum += v;
                        return sum;
                    }));
                }
                for (Future<Long> x : f) total += x.get();
            }
            if (total == 42) System.out.print("");
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Process CPU seconds so far (all threads). */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** DIALS' wall seconds and CPU seconds (user + sys, from /usr/bin/time when present). */
    private static double[] dialsWall(Path expt, int nproc) throws Exception {
        Path dir = Files.createTempDirectory("dials-bench");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", dir.resolve("time.txt").toString()));
        cmd.addAll(List.of("dials.find_spots", expt.toAbsolutePath().toString(), "nproc=" + nproc));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double t = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            System.out.println("dials.find_spots failed, see " + dir.resolve("out.txt"));
            return new double[] {Double.NaN, Double.NaN};
        }
        double c = Double.NaN;
        if (timed) {
            String[] f = Files.readString(dir.resolve("time.txt")).trim().split("\\s+");
            c = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
        }
        return new double[] {t, c};
    }

    private static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }
}
