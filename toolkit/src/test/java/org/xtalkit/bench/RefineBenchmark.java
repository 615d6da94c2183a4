package org.xtalkit.bench;

import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Refine;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refinement time beside dials.refine on the same input and options: quartz (as the DIALS script
 * refines it), centroid_test_data (defaults), and any indexed.expt/.refl folders given as arguments
 * (e.g. a simulated insulin run of {@code xtal process demo stop_after=index}). Wall and CPU time of
 * each, since a loaded machine stretches wall time. Run: java -cp ... org.xtalkit.bench.RefineBenchmark
 * [folder ...] (from toolkit, with -Dxtalkit.shared=../../shared or beside the clone). Prints; asserts nothing.
 */
public final class RefineBenchmark {
    private record Case(String name, Path expt, Path refl, String[] words) {}

    public static void main(String[] args) throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("quartz", SharedData.data("quartz_processed/indexed.expt"), SharedData.data("quartz_processed/indexed.refl"),
                new String[] {"crystal.unit_cell.force_static=True", "detector.fix_list=Dist,Tau"}));
        cases.add(new Case("centroid_test_data", SharedData.data("centroid_test_data/indexed.expt"),
                SharedData.data("centroid_test_data/indexed.refl"), new String[0]));
        for (String a : args)
            cases.add(new Case(Path.of(a).getFileName().toString(), Path.of(a, "indexed.expt"), Path.of(a, "indexed.refl"), new String[0]));
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Case c : cases) {
            var experiments = ExptFile.read(c.expt());
            var reflections = ReflReader.read(c.refl());
            double best = Double.POSITIVE_INFINITY, first = 0, firstCpu = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime(), c0 = bean.getCurrentThreadCpuTime();
                Refine.run(experiments, reflections, ParamValues.parse("refine", Refine.PARAMETERS, c.words()), Progress.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                if (run == 0) { first = s; firstCpu = (bean.getCurrentThreadCpuTime() - c0) / 1e9; }
                best = Math.min(best, s);
            }
            System.out.printf("%s: xtalkit refine first %.2f s wall (%.2f s CPU), best of 3 %.2f s (in-process, %d reflections)%n",
                    c.name(), first, firstCpu, best, reflections.size());
            if (!onPath("dials.refine")) { System.out.println("  dials.refine not installed: no DIALS figure"); continue; }
            Path dir = Files.createTempDirectory("refine-bench");
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", dir.resolve("time.txt").toString(),
                    "dials.refine", c.expt().toString(), c.refl().toString()));
            cmd.addAll(List.of(c.words()));
            int rc = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile()).start().waitFor();
            String[] t = Files.readString(dir.resolve("time.txt")).trim().split("\\s+");
            double wall = Double.parseDouble(t[t.length - 3]), cpu = Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1]);
            System.out.printf("  dials.refine (same input, same options): %.2f s wall (%.2f s CPU), exit %d; DIALS / xtalkit first run:"
                    + " wall %.1f, CPU %.1f%n", wall, cpu, rc, wall / first, cpu / firstCpu);
        }
    }

    private static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }
}
