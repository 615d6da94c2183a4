package org.xtalkit.bench;

import org.xtalkit.SharedData;
import org.xtalkit.progress.Progress;
import org.xtalkit.scale.ScaleParams;
import org.xtalkit.scale.Scaler;
import org.xtalkit.merge.ScaledInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time of xtalkit's scale beside dials.scale's (when installed) on the same input: the quartz
 * and L-cysteine-wedge integrated data, and with argument "4sweeps" also the four L-cysteine sweeps
 * rescaled from scratch (dials.scale takes minutes there).
 */
public final class ScaleBenchmark {
    public static void main(String[] args) throws Exception {
        Path q = SharedData.data("quartz_processed"), l = SharedData.data("l_cysteine_narrow_wedge");
        run("quartz", List.of(q.resolve("integrated.expt")), List.of(q.resolve("integrated.refl")), ScaleParams.defaults().withMinIh(10), "min_Ih=10");
        run("l_cysteine", List.of(l.resolve("11_integrated.expt"), l.resolve("23_integrated.expt")),
                List.of(l.resolve("11_integrated.refl"), l.resolve("23_integrated.refl")), ScaleParams.defaults(), null);
        if (args.length > 0 && args[0].equals("4sweeps")) {
            Path s = SharedData.data("l_cysteine_4_sweeps_scaled");
            run("l_cys 4 sweeps", List.of(s.resolve("scaled_20_25.expt"), s.resolve("scaled_30.expt"), s.resolve("scaled_35.expt")),
                    List.of(s.resolve("scaled_20_25.refl"), s.resolve("scaled_30.refl"), s.resolve("scaled_35.refl")), ScaleParams.defaults(),
                    "overwrite_existing_models=True reset_error_model=True");
        }
    }

    private static void run(String name, List<Path> expts, List<Path> refls, ScaleParams p, String dialsExtra) throws Exception {
        long t0 = System.nanoTime();
        ScaledInput in = ScaledInput.read(expts, refls);
        Scaler.run(in.experiments(), in.reflections(), p, Progress.NONE);
        double cold = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        in = ScaledInput.read(expts, refls);
        Scaler.run(in.experiments(), in.reflections(), p, Progress.NONE);
        double warm = (System.nanoTime() - t0) / 1e9;
        String dials = "dials.scale not installed";
        if (Files.isExecutable(Path.of("/usr/bin/dials.scale"))) {
            Path dir = Files.createTempDirectory("dials-scale-bench");
            List<String> cmd = new ArrayList<>(List.of("dials.scale"));
            for (int i = 0; i < expts.size(); i++) { cmd.add(expts.get(i).toString()); cmd.add(refls.get(i).toString()); }
            if (dialsExtra != null) cmd.addAll(List.of(dialsExtra.split(" ")));
            long d0 = System.nanoTime();
            int rc = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile()).start().waitFor();
            dials = String.format("dials.scale %.2f s%s", (System.nanoTime() - d0) / 1e9, rc == 0 ? "" : " (exit " + rc + ")");
        }
        System.out.printf("%-12s xtal scale %.2f s (cold JVM), %.2f s (warm)   %s%n", name, cold, warm, dials);
    }
}
