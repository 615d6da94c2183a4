package org.xtalkit.bench;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Wall time of symmetry determination (read integrated .expt/.refl, Laue group scoring, absences,
 * reindexing; no writing) on DIALS-integrated fixtures, cold and warm (best of five), beside
 * dials.symmetry's wall time on the same files when DIALS is installed; also on simulated insulin
 * integrated here and written as .expt/.refl. With "-v" the first run's
 * log is printed.
 *
 * <p>Run: java -cp toolkit/target/classes:toolkit/target/test-classes:&lt;deps&gt; org.xtalkit.bench.SymmetryBenchmark [shared dir] [-v]
 */
public final class SymmetryBenchmark {
    public static void main(String[] args) throws Exception {
        boolean verbose = List.of(args).contains("-v");
        String sharedArg = args.length > 0 && !args[0].equals("-v") ? args[0] : "../shared";
        Path data = Path.of(sharedArg).toAbsolutePath().resolve("data");
        run("quartz", data.resolve("quartz_processed"), "integrated.expt", "integrated.refl", verbose);
        run("l_cysteine_narrow_wedge", data.resolve("l_cysteine_narrow_wedge"), "11_integrated.expt", "11_integrated.refl", verbose);
        run("simulated insulin", simulatedInsulin(), "integrated.expt", "integrated.refl", verbose);
    }

    /** Simulate.insulin (100 images, binning 4) integrated by summation with the true models, written as DIALS files. */
    static Path simulatedInsulin() throws Exception {
        var sim = org.xtalkit.simulate.Simulate.insulin(org.xtalkit.simulate.SimulationParams.parse("nimages=100", "binning=4"));
        var truth = sim.truth().experiments().get(0);
        var t = org.xtalkit.integrate.Integrator.integrate(truth, 0, sim.images(),
                org.xtalkit.integrate.ProfileModel.fromJson(truth.profileJson()), null,
                org.xtalkit.integrate.Integrator.Options.defaults(), Progress.NONE);
        Path dir = Files.createTempDirectory("symmetry-insulin");
        ExptFile.write(org.xtalkit.model.ExperimentList.of(truth), dir.resolve("integrated.expt"));
        org.xtalkit.io.refl.ReflWriter.write(t, dir.resolve("integrated.refl"));
        return dir;
    }

    static void run(String name, Path dir, String expt, String refl, boolean verbose) throws Exception {
        Progress log = verbose ? new Progress() {
            @Override public void update(String stage, long done, long total) {}
            @Override public void log(String line) { System.out.println(line); }
        } : Progress.NONE;
        double cold = once(dir, expt, refl, log), warm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) warm = Math.min(warm, once(dir, expt, refl, Progress.NONE));
        String dials = dials(dir, expt, refl);
        System.out.printf("%-24s xtalkit symmetry: %.2f s cold, %.3f s warm   dials.symmetry: %s%n", name, cold, warm, dials);
    }

    static double once(Path dir, String expt, String refl, Progress log) {
        long t0 = System.nanoTime();
        Symmetry.run(ExptFile.read(dir.resolve(expt)), ReflReader.read(dir.resolve(refl)),
                ParamValues.parse("symmetry", Symmetry.PARAMETERS), log);
        return (System.nanoTime() - t0) / 1e9;
    }

    static String dials(Path dir, String expt, String refl) throws Exception {
        if (!MergeBenchmark.onPath("dials.symmetry")) return "not installed";
        Path work = Files.createTempDirectory("symmetry-bench");
        long t0 = System.nanoTime();
        int rc = MergeBenchmark.exec(work, List.of("dials.symmetry", dir.resolve(expt).toString(), dir.resolve(refl).toString()));
        return rc == 0 ? String.format("%.2f s", (System.nanoTime() - t0) / 1e9) : "failed (exit " + rc + ")";
    }
}
