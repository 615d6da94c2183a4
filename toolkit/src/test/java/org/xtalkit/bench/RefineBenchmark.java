package org.xtalkit.bench;

import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Refine;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refinement wall time on the quartz fixture, as the DIALS script refines it, beside dials.refine on
 * the same input when DIALS is installed. Run: java -cp ... org.xtalkit.bench.RefineBenchmark
 * (from toolkit, with -Dxtalkit.shared=../../shared or beside the clone). Prints; asserts nothing.
 */
public final class RefineBenchmark {
    public static void main(String[] args) throws Exception {
        Path expt = SharedData.data("quartz_processed/indexed.expt"), refl = SharedData.data("quartz_processed/indexed.refl");
        String[] words = {"crystal.unit_cell.force_static=True", "detector.fix_list=Dist,Tau"};
        var experiments = ExptFile.read(expt);
        var reflections = ReflReader.read(refl);
        double best = Double.POSITIVE_INFINITY, first = 0;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            Refine.run(experiments, reflections, ParamValues.parse("refine", Refine.PARAMETERS, words), Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            if (run == 0) first = s;
            best = Math.min(best, s);
        }
        System.out.printf("xtalkit refine (quartz, static + scan-varying): first %.2f s, best of 5 %.2f s (in-process)%n", first, best);
        if (!onPath("dials.refine")) {
            System.out.println("dials.refine not installed: no DIALS figure");
            return;
        }
        Path dir = Files.createTempDirectory("refine-bench");
        ProcessBuilder pb = new ProcessBuilder("dials.refine", expt.toString(), refl.toString(), words[0], words[1])
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double dials = (System.nanoTime() - t0) / 1e9;
        System.out.printf("dials.refine (same input, same options): %.2f s wall (exit %d); ratio DIALS / xtalkit first run %.1f%n",
                dials, rc, dials / first);
    }

    private static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }
}
