package org.xtalkit.bench;

import org.xtalkit.io.mtz.MtzWriter;
import org.xtalkit.merge.Merge;
import org.xtalkit.merge.MergedReflections;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.step.merge.MergedMtz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of merging (read .expt/.refl, filter, statistics in 20 shells, merge, French–Wilson,
 * write merged.mtz) on the DIALS-scaled fixtures, cold (first run in the JVM) and warm (best of
 * five); with DIALS installed, dials.merge's wall time on the same files in a scratch directory.
 *
 * <p>Run: java -cp toolkit/target/classes:toolkit/target/test-classes:&lt;deps&gt; org.xtalkit.bench.MergeBenchmark [shared dir]
 */
public final class MergeBenchmark {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared").toAbsolutePath();
        run("quartz", shared.resolve("data/quartz_processed"), List.of("scaled.expt"), List.of("scaled.refl"));
        run("l_cysteine_4_sweeps", shared.resolve("data/l_cysteine_4_sweeps_scaled"),
                List.of("scaled_20_25.expt", "scaled_30.expt", "scaled_35.expt"), List.of("scaled_20_25.refl", "scaled_30.refl", "scaled_35.refl"));
    }

    static void run(String name, Path dir, List<String> expts, List<String> refls) throws Exception {
        Path tmp = Files.createTempDirectory("merge-bench");
        double cold = once(dir, expts, refls, tmp), warm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) warm = Math.min(warm, once(dir, expts, refls, tmp));
        String dials = dialsMerge(dir, expts, refls, tmp);
        System.out.printf("%-22s xtalkit merge: %.2f s cold, %.3f s warm   dials.merge: %s%n", name, cold, warm, dials);
    }

    static double once(Path dir, List<String> expts, List<String> refls, Path out) {
        long t0 = System.nanoTime();
        ScaledInput in = ScaledInput.read(expts.stream().map(dir::resolve).toList(), refls.stream().map(dir::resolve).toList());
        ScaledIntensities data = ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true);
        MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), 20);
        MergedReflections m = Merge.run(data, in.spaceGroup(), in.medianCell());
        MtzWriter.write(MergedMtz.of(m, in.medianCell(), in.spaceGroup(), in.meanWavelength()), out.resolve("merged.mtz"));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** dials.merge on the same files (combined first when there are several, as MERGING.md did), or why not. */
    static String dialsMerge(Path dir, List<String> expts, List<String> refls, Path tmp) throws Exception {
        if (!onPath("dials.merge")) return "not installed";
        Path work = Files.createTempDirectory(tmp, "dials");
        List<String> files = new ArrayList<>(expts);
        files.addAll(refls);
        for (String f : files) Files.copy(dir.resolve(f), work.resolve(f));
        List<String> merge = new ArrayList<>(List.of("dials.merge"));
        if (expts.size() > 1) {
            List<String> combine = new ArrayList<>(List.of("dials.combine_experiments"));
            combine.addAll(files);
            exec(work, combine);
            merge.addAll(List.of("combined.expt", "combined.refl"));
        } else merge.addAll(files);
        long t0 = System.nanoTime();
        int rc = exec(work, merge);
        return rc == 0 ? String.format("%.2f s", (System.nanoTime() - t0) / 1e9) : "failed (exit " + rc + ")";
    }

    static int exec(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) { p.destroy(); return -1; }
        return p.exitValue();
    }

    static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(":")) if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }
}
