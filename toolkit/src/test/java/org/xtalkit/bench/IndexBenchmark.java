package org.xtalkit.bench;

import org.xtalkit.index.SimulatedInsulin;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.IndexCommand;
import org.xtalkit.step.RefineBravaisSettingsCommand;
import org.xtalkit.step.params.ParamValues;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall time of xtal index and refine_bravais_settings beside dials.index and
 * dials.refine_bravais_settings (where installed) on the same files: the real spot lists in
 * ../shared/data, the simulated insulin sweep of the tests (binning 2, 100 images, its spots found
 * on the images; written as imported.expt + strong.refl under toolkit/target/) and, when given, a
 * directory holding imported.expt + strong.refl of a larger case.
 * xtalkit's time is the best of three runs in one JVM after a warm-up run; DIALS' is one run
 * (process start included, as a user sees it).
 *
 * <p>Run from toolkit/: java -cp target/classes:target/test-classes:&lt;deps&gt;
 * org.xtalkit.bench.IndexBenchmark [dir-with-imported.expt-and-strong.refl ...]
 */
public final class IndexBenchmark {
    record Case(String name, Path expt, Path refl, List<String> params) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("xtalkit.shared", "../shared")).resolve("data");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("quartz", data.resolve("quartz_processed/imported.expt"), data.resolve("quartz_processed/strong.refl"), List.of()),
                new Case("centroid_test_data", data.resolve("centroid_test_data/imported_experiments.json"), data.resolve("centroid_test_data/indexed.refl"), List.of()),
                new Case("centroid P422", data.resolve("centroid_test_data/imported_experiments.json"), data.resolve("centroid_test_data/indexed.refl"), List.of("space_group=P422"))));
        Path insulin = simulatedInsulin();
        cases.add(new Case("simulated insulin", insulin.resolve("imported.expt"), insulin.resolve("strong.refl"), List.of()));
        for (String a : args) cases.add(new Case(Path.of(a).getFileName().toString(), Path.of(a, "imported.expt"), Path.of(a, "strong.refl"), List.of()));
        boolean dials = onPath("dials.index");
        System.out.printf(Locale.ROOT, "%-20s %8s %12s %12s %14s %14s%n", "case", "spots", "xtal index", "dials.index", "xtal rbs", "dials rbs");
        for (Case c : cases) {
            Path dir = Files.createTempDirectory("xtal-bench");
            String exptName = c.expt.getFileName().toString();
            Files.copy(c.expt, dir.resolve(exptName));
            Files.copy(c.refl, dir.resolve("strong.refl"));
            int spots = org.xtalkit.io.refl.ReflReader.read(c.refl).size();
            double tIndex = best(() -> index(dir, exptName, c.params));
            double tRbs = c.params.isEmpty() ? best(() -> rbs(dir)) : Double.NaN;
            double dIndex = Double.NaN, dRbs = Double.NaN;
            if (dials) {
                Path dd = Files.createTempDirectory("dials-bench");
                Files.copy(c.expt, dd.resolve(exptName));
                Files.copy(c.refl, dd.resolve("strong.refl"));
                List<String> cmd = new ArrayList<>(List.of("dials.index", exptName, "strong.refl"));
                cmd.addAll(c.params);
                dIndex = time(dd, cmd);
                if (c.params.isEmpty()) dRbs = time(dd, List.of("dials.refine_bravais_settings", "indexed.expt", "indexed.refl", "nproc=2"));
            }
            System.out.printf(Locale.ROOT, "%-20s %8d %10.2f s %10.2f s %12.2f s %12.2f s%n", c.name, spots, tIndex, dIndex, tRbs, dRbs);
        }
    }

    interface Run { void run() throws Exception; }

    static double best(Run r) throws Exception {
        r.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    static void index(Path dir, String expt, List<String> params) {
        IndexCommand c = new IndexCommand();
        c.run(List.of(expt, "strong.refl"), ParamValues.parse("index", c.parameters(), params.toArray(new String[0])), dir, Progress.NONE);
    }

    static void rbs(Path dir) {
        RefineBravaisSettingsCommand c = new RefineBravaisSettingsCommand();
        c.run(List.of("indexed.expt", "indexed.refl"), ParamValues.parse("refine_bravais_settings", c.parameters(), "nproc=2"), dir, Progress.NONE);
    }

    static double time(Path dir, List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(cmd.get(0) + ".out").toFile()).start();
        int rc = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        return rc == 0 ? s : -s;
    }

    static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }

    /** The tests' simulated insulin sweep (simulated and spot-searched once) as imported.expt + strong.refl. */
    static Path simulatedInsulin() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "index-benchmark-insulin").toAbsolutePath());
        if (!Files.exists(dir.resolve("strong.refl"))) {
            SimulatedInsulin sim = SimulatedInsulin.get();
            ExptFile.write(sim.imported, dir.resolve("imported.expt"));
            ReflWriter.write(sim.strong, dir.resolve("strong.refl"));
        }
        return dir;
    }
}
