package org.xtalkit.step.process;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.simulate.SweepPlan;
import org.xtalkit.step.FindSpots;
import org.xtalkit.step.Import;
import org.xtalkit.step.Integrate;
import org.xtalkit.step.Refine;
import org.xtalkit.step.SpotResult;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * {@code xtal process}, xia2 for xtalkit (named Pipeline, not Process, to stay clear of java.lang.Process): import, find_spots, index, refine_bravais_settings (reported), refine, integrate,
 * symmetry, scale, merge and export in one go, with the choices xia2 makes (scan-varying refinement
 * on a wide enough sweep, the space group from symmetry, the resolution limit from the CC½ fit then
 * scaling again). Each step writes the files and the log it writes on its own, so a run can be
 * inspected or resumed step by step; a failing step stops the run with its own error and leaves
 * the files of the steps before it. Steps whose Java call is part of this build run in-process;
 * the others run through their registered {@link StepCommand}; a step that neither has stops the
 * run saying so (never a made-up result).
 */
public final class Pipeline {
    private Pipeline() {}

    /** The steps in order, with DIALS' names. */
    public static final List<String> STEPS = List.of("import", "find_spots", "index", "refine_bravais_settings", "refine",
            "integrate", "symmetry", "scale", "merge", "export");

    /** Below this sweep width (degrees) refinement stays scan-static, as xia2 does for narrow sweeps. */
    static final double SCAN_VARYING_MIN_DEGREES = 5;

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("nproc", ParamType.INT, "Auto", "threads for spot finding, Bravais settings and integration (Auto: all cores)"),
            ParamSpec.of("d_min", ParamType.FLOAT, "None", "high-resolution limit (Å) for scaling and merging; None: from the CC½ fit"),
            ParamSpec.of("anomalous", ParamType.BOOL, "False", "keep Friedel mates apart in scaling"),
            ParamSpec.choice("from", "import", "start at this step (the files of the steps before it are in the folder)",
                    STEPS.toArray(String[]::new)),
            ParamSpec.choice("stop_after", "export", "stop after this step", STEPS.toArray(String[]::new)),
            ParamSpec.of("demo.nimages", ParamType.INT, "300", "demo: number of images (0.1° each)"),
            ParamSpec.of("demo.binning", ParamType.INT, "2", "demo: detector binning 1, 2 or 4"),
            ParamSpec.of("demo.seed", ParamType.INT, "42", "demo: seed of orientation, intensities and noise"),
            ParamSpec.of("demo.anomalous", ParamType.FLOAT, "0", "demo: rms relative Friedel difference"),
            ParamSpec.of("demo.sweeps", ParamType.INT, "1", "demo: sweeps of the crystal at different phi/chi (more than 1: NXmx files, one per sweep)"),
            ParamSpec.of("demo.out", ParamType.PATH, "demo_images", "demo: folder for the simulated images and the truth"));

    /** One step of a run: its name, wall time and what it reports in one line. */
    public record StepRun(String step, double wallSeconds, String summary) {}

    /**
     * What a run did.
     *
     * @param steps      the steps run, in order
     * @param statistics merging statistics of the final scaled data (null if scaling was not reached)
     * @param dMin       the resolution limit applied (NaN: none)
     * @param ccToTruth  CC of merged intensities with the truth (demo only, else NaN)
     */
    public record Result(List<StepRun> steps, MergingStatisticsResult statistics, double dMin, double ccToTruth) {
        public Result { steps = List.copyOf(steps); }
    }

    /** Whether this build can run the step (its Java call is here or a command is registered). */
    public static boolean available(String step) {
        return switch (step) {
            case "import", "find_spots", "refine", "integrate" -> true;
            default -> command(step) != null;
        };
    }

    public static Result run(List<String> inputs, ParamValues v, Path workDir, Progress progress) {
        Run r = new Run(v, workDir, progress);
        return r.all(inputs);
    }

    /** The state of one run: parameters, folder, the steps done. */
    private static final class Run {
        final ParamValues v;
        final Path dir;
        final Progress progress;
        final int nproc;
        final String from, stopAfter;
        final List<StepRun> done = new ArrayList<>();
        SimulationParams demo;

        Run(ParamValues v, Path dir, Progress progress) {
            this.v = v;
            this.dir = dir;
            this.progress = progress;
            Integer n = v.intOrNull("nproc");
            this.nproc = n != null ? n : Runtime.getRuntime().availableProcessors();
            this.from = v.str("from");
            this.stopAfter = v.str("stop_after");
            if (STEPS.indexOf(from) > STEPS.indexOf(stopAfter))
                throw new XtalException("process: from=" + from + " comes after stop_after=" + stopAfter);
        }

        Result all(List<String> inputs) {
            List<String> images = images(inputs);
            if (wanted("import")) step("import", log -> {
                ExperimentList e = Import.run(Import.Params.defaults(), images, log);
                ExptFile.write(e, dir.resolve("imported.expt"));
                int frames = 0;
                for (var x : e) frames += x.scan() == null ? 0 : x.scan().numImages();
                return e.size() + " sweep(s), " + (e.get(0).scan() == null ? "no scan" : frames + " images");
            });
            if (wanted("find_spots")) step("find_spots", log -> {
                FindSpots.Params p = FindSpots.Params.defaults().withNproc(nproc);
                SpotResult r = FindSpots.run(ExptFile.read(dir.resolve("imported.expt")), p, dir, log);
                ReflWriter.write(r.reflections(), dir.resolve("strong.refl"));
                log.log("Saved " + r.reflections().size() + " reflections to strong.refl");
                return r.reflections().size() + " strong spots";
            });
            if (wanted("index")) command("index", List.of("imported.expt", "strong.refl"));
            if (wanted("refine_bravais_settings")) command("refine_bravais_settings", List.of("indexed.expt", "indexed.refl"), "nproc=" + nproc);
            if (wanted("refine")) step("refine", log -> {
                ExperimentList indexed = ExptFile.read(dir.resolve("indexed.expt"));
                String sv = scanVarying(indexed, log);
                Refine.Result r = Refine.run(indexed, ReflReader.read(dir.resolve("indexed.refl")),
                        ParamValues.parse("refine", Refine.PARAMETERS, "scan_varying=" + sv), log);
                ExptFile.write(r.experiments(), dir.resolve("refined.expt"));
                ReflWriter.write(r.reflections(), dir.resolve("refined.refl"));
                var last = r.refinement().last(0);
                return String.format(Locale.ROOT, "rmsd %.3f, %.3f px, %.3f images (%s)", last.rmsdXpx(), last.rmsdYpx(),
                        last.rmsdZimages(), "False".equals(sv) ? "scan-static" : "scan-varying");
            });
            if (wanted("integrate")) step("integrate", log -> {
                ExperimentList refined = ExptFile.read(dir.resolve("refined.expt"));
                Integrate.Result r = Integrate.run(refined, ReflReader.read(dir.resolve("refined.refl")),
                        ParamValues.parse("integrate", Integrate.PARAMETERS, "nproc=" + nproc),
                        (e, i) -> ImageSets.open(e, dir), log);
                ExptFile.write(r.experiments(), dir.resolve("integrated.expt"));
                ReflWriter.write(r.reflections(), dir.resolve("integrated.refl"));
                return integratedCount(r.reflections()) + " reflections integrated";
            });
            if (wanted("symmetry")) command("symmetry", List.of("integrated.expt", "integrated.refl"));

            Double userDMin = v.doubleOrNull("d_min");
            double dMin = userDMin == null ? Double.NaN : userDMin;
            String anomalous = "anomalous=" + (v.getBool("anomalous") ? "True" : "False");
            MergingStatisticsResult stats = null;
            if (wanted("scale")) {
                List<String> symmetrized = List.of("symmetrized.expt", "symmetrized.refl");
                command("scale", symmetrized, withDMin(userDMin, "d_min", anomalous));
                stats = statistics(userDMin);
                if (userDMin == null) {
                    double fit = stats.suggestedDMin();
                    progress.log(String.format(Locale.ROOT, "Resolution limit from the CC½ fit (CC½ = 0.3): %.2f Å (data extend to %.2f Å)",
                            fit, stats.overall().dMin()));
                    if (fit > stats.overall().dMin() + 0.02) {
                        dMin = Math.round(fit * 100) / 100.0;
                        progress.log(String.format(Locale.ROOT, "Scaling again with d_min=%.2f", dMin));
                        command("scale", symmetrized, withDMin(dMin, "d_min", anomalous));
                        stats = statistics(dMin);
                    }
                }
            }
            Double cut = Double.isNaN(dMin) ? null : dMin;
            double cc = Double.NaN;
            if (wanted("merge")) {
                command("merge", List.of("scaled.expt", "scaled.refl"), withDMin(cut, "d_min", anomalous));
                if (demo != null) cc = DemoData.ccToTruth(dir.resolve("merged.mtz"), demo);
            }
            if (wanted("export")) {
                command("export", List.of("scaled.expt", "scaled.refl"), withDMin(cut, "mtz.d_min"));
                // report.html comes from the report step (issue 9) when the build has it; it is not a processing step
                if (Pipeline.command("report") != null) command("report", List.of("scaled.expt", "scaled.refl"));
                else progress.log("(no report step in this build: report.html is not written)");
            }
            if (stats == null && (wanted("merge") || wanted("export"))) stats = statistics(cut);
            if (!stopAfter.equals("export")) progress.log("Stopping after " + stopAfter + " (stop_after=" + stopAfter + ")");
            return summary(stats, dMin, cc);
        }

        /** Whether the step is in the requested range from..stop_after. */
        boolean wanted(String step) {
            int i = STEPS.indexOf(step);
            return i >= STEPS.indexOf(from) && i <= STEPS.indexOf(stopAfter);
        }

        /** The image files, or the demo sweep written to demo.out. */
        List<String> images(List<String> inputs) {
            if (inputs.isEmpty()) throw new XtalException("process: give image files (or a template with #), or 'demo'");
            if (inputs.size() == 1 && inputs.get(0).equals("demo")) {
                String words = String.format(Locale.ROOT, "nimages=%d binning=%d seed=%d anomalous=%s",
                        v.getInt("demo.nimages"), v.getInt("demo.binning"), v.getInt("demo.seed"), v.raw("demo.anomalous"));
                demo = SimulationParams.parse(words.split(" "));
                int sweeps = v.getInt("demo.sweeps");
                if (sweeps > 1)
                    return DemoData.writeSweeps(demo, SweepPlan.spread(sweeps), words + " sweeps=" + sweeps,
                            dir.resolve(v.str("demo.out")), nproc, progress);
                return List.of(DemoData.write(demo, words, dir.resolve(v.str("demo.out")), nproc, progress));
            }
            return inputs.stream().map(s -> dir.resolve(s).toString()).toList();
        }

        /** xia2's rule: scan-varying (after a static cycle) when the sweep is wide enough. */
        String scanVarying(ExperimentList indexed, Progress log) {
            Scan s = indexed.get(0).scan();
            double width = s == null ? 0 : s.numImages() * s.oscillationWidth();
            boolean sv = width >= SCAN_VARYING_MIN_DEGREES;
            log.log(String.format(Locale.ROOT, "Sweep of %.1f°: %s refinement", width, sv
                    ? "scan-static then scan-varying" : "scan-static (narrower than " + SCAN_VARYING_MIN_DEGREES + "°)"));
            return sv ? "Auto" : "False";
        }

        MergingStatisticsResult statistics(Double dMin) {
            ScaledInput in = ScaledInput.read(List.of(dir.resolve("scaled.expt")), List.of(dir.resolve("scaled.refl")));
            ScaledIntensities data = ScaledIntensities.select(in.reflections(), dMin == null ? 0 : dMin, 0, 0.4, true);
            return MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), 20);
        }

        Result summary(MergingStatisticsResult stats, double dMin, double cc) {
            progress.log("");
            progress.log("xtal process: steps and wall time");
            for (StepRun s : done) progress.log(String.format(Locale.ROOT, "  %-24s %8.1f s  %s", s.step(), s.wallSeconds(), s.summary()));
            if (stats == null) return result(null, dMin, cc);
            progress.log("");
            List<String> lines = stats.format();
            int from = 0;
            for (int j = 0; j < lines.size(); j++) if (lines.get(j).contains("Summary of merging statistics")) from = j;
            lines.subList(from, lines.size()).forEach(progress::log);
            if (!Double.isNaN(cc)) progress.log(String.format(Locale.ROOT, "CC of merged intensities with the truth: %.4f", cc));
            return result(stats, dMin, cc);
        }

        Result result(MergingStatisticsResult stats, double dMin, double cc) { return new Result(done, stats, dMin, cc); }

        /** A step through its registered command (the files it reads are in the run's folder). */
        void command(String name, List<String> files, String... words) {
            StepCommand c = Pipeline.command(name);
            if (c == null) throw new XtalException("process: the " + name + " step is not available yet in this build of"
                    + " xtalkit, so the run stops here; the files of the steps before it are in " + dir
                    + (STEPS.indexOf(name) > 0 ? " (stop_after=" + STEPS.get(STEPS.indexOf(name) - 1) + " stops before it)" : ""));
            step(name, log -> {
                c.run(files, ParamValues.parse(name, c.parameters(), words), dir, log);
                return "";
            });
        }

        interface Body { String run(Progress log); }

        void step(String name, Body body) {
            progress.log("");
            progress.log("=".repeat(30) + " " + name + " " + "=".repeat(Math.max(2, 48 - name.length())));
            long t0 = System.nanoTime();
            String summary;
            try (StepLog log = new StepLog(progress, dir, name)) {
                summary = body.run(log);
            } catch (XtalException e) {
                throw new XtalException("process: " + name + " failed: " + e.getMessage()
                        + " (the files of the steps before it are kept in " + dir + ")", e);
            }
            done.add(new StepRun(name, (System.nanoTime() - t0) / 1e9, summary));
        }
    }

    private static String[] withDMin(Double dMin, String key, String... more) {
        List<String> w = new ArrayList<>(List.of(more));
        if (dMin != null) w.add(key + "=" + dMin);
        return w.toArray(String[]::new);
    }

    static int integratedCount(ReflectionTable t) {
        int n = 0;
        for (long f : t.flags()) if (Flag.INTEGRATED_SUM.allSetIn(f)) n++;
        return n;
    }

    static StepCommand command(String name) {
        for (StepCommand c : ServiceLoader.load(StepCommand.class)) if (c.name().equals(name)) return c;
        return null;
    }
}
