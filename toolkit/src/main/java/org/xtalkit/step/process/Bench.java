package org.xtalkit.step.process;

import org.xtalkit.XtalException;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ShellStatistics;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.params.ParamValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * xtalkit beside DIALS, step by step, on the same images and core count: each step is a child
 * process under /usr/bin/time -v (an xtalkit step is {@code xtal process from=S stop_after=S} in its
 * own JVM, a DIALS step its dials.* command), in folders xtalkit/ and dials/; then the same code
 * (RunQuality) reads both folders' files for the quality figures.
 */
public final class Bench {
    private Bench() {}

    /** Wall time and peak memory of one step for one program (NaN where it did not run). */
    public record Cell(double seconds, double peakMb, boolean ok) {
        static final Cell NONE = new Cell(Double.NaN, Double.NaN, false);
    }

    public record Result(Map<String, Cell> xtalkit, Map<String, Cell> dials, RunQuality xtalkitQuality,
                         RunQuality dialsQuality, String table) {}

    public static Result run(List<String> inputs, ParamValues v, Path workDir, boolean withDials, String javaOpts, Progress progress) {
        Integer n = v.intOrNull("nproc");
        int nproc = n != null ? n : Runtime.getRuntime().availableProcessors();
        Path xdir = mkdirs(workDir.resolve("xtalkit")), ddir = mkdirs(workDir.resolve("dials"));
        SimulationParams truth = null;
        List<String> images;
        if (inputs.size() == 1 && inputs.get(0).equals("demo")) {
            String words = String.format(Locale.ROOT, "nimages=%d binning=%d seed=%d anomalous=%s",
                    v.getInt("demo.nimages"), v.getInt("demo.binning"), v.getInt("demo.seed"), v.raw("demo.anomalous"));
            truth = SimulationParams.parse(words.split(" "));
            images = List.of(DemoData.write(truth, words, workDir.resolve(v.str("demo.out")), nproc, progress));
        } else {
            if (inputs.isEmpty()) throw new XtalException("bench: give image files (or a template with #), or 'demo'");
            images = inputs.stream().map(s -> workDir.resolve(s).toAbsolutePath().toString()).toList();
        }
        boolean anomalous = v.getBool("anomalous");
        // an earlier DIALS run in the same folder on the same data is reused (DIALS is the slow, unchanging side)
        String runKey = String.join(" ", images) + " nproc=" + nproc + " anomalous=" + anomalous;
        boolean reuse = withDials && runKey.equals(readString(ddir.resolve("bench.data")));
        if (withDials && !reuse) {
            for (String step : Pipeline.STEPS) deleteIfExists(ddir.resolve("dials." + step + ".time"));
            deleteIfExists(ddir.resolve("dials.scale2.time"));
            deleteIfExists(ddir.resolve("bench.d_min"));
            writeString(ddir.resolve("bench.data"), runKey);
        }
        Map<String, Cell> x = new LinkedHashMap<>(), d = new LinkedHashMap<>();
        boolean xOk = true, dOk = withDials;
        for (String step : Pipeline.STEPS) {
            Cell xc = Cell.NONE, dc = Cell.NONE;
            if (xOk) {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                if (!javaOpts.isBlank()) cmd.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.xtalkit.cli.Xtal", "process"));
                cmd.addAll(images);
                cmd.addAll(List.of("from=" + step, "stop_after=" + step, "nproc=" + nproc, "anomalous=" + anomalous));
                TimedRun r = TimedRun.run(xdir, "bench." + step, cmd);
                xc = new Cell(r.wallSeconds(), r.peakMb(), r.ok());
                xOk = r.ok();
            }
            if (dOk) {
                dc = dials(step, images, ddir, nproc, anomalous, reuse);
                dOk = dc.ok();
            }
            x.put(step, xc);
            d.put(step, dc);
            progress.log(String.format(Locale.ROOT, "%-24s xtalkit %s   DIALS %s", step, describe(xc), describe(dc)));
        }
        RunQuality xq = RunQuality.of(xdir, truth), dq = withDials ? RunQuality.of(ddir, truth) : null;
        String table = table(x, d, xq, dq, nproc);
        progress.log("");
        for (String line : table.split("\n")) progress.log(line);
        return new Result(x, d, xq, dq, table);
    }

    /** The DIALS command of a step; scale runs again at the CC½-fit limit, as xtal process does. */
    private static Cell dials(String step, List<String> images, Path dir, int nproc, boolean anomalous, boolean reuse) {
        String np = "nproc=" + nproc, an = "anomalous=" + (anomalous ? "True" : "False");
        List<String> cmd = switch (step) {
            case "import" -> {
                List<String> c = new ArrayList<>(List.of("dials.import"));
                for (String i : images) c.add(i.contains("#") ? "template=" + i : i);
                yield c;
            }
            case "find_spots" -> List.of("dials.find_spots", "imported.expt", np);
            case "index" -> List.of("dials.index", "imported.expt", "strong.refl");
            case "refine_bravais_settings" -> List.of("dials.refine_bravais_settings", "indexed.expt", "indexed.refl", np);
            case "refine" -> List.of("dials.refine", "indexed.expt", "indexed.refl");
            case "integrate" -> List.of("dials.integrate", "refined.expt", "refined.refl", np);
            case "symmetry" -> List.of("dials.symmetry", "integrated.expt", "integrated.refl");
            case "scale" -> List.of("dials.scale", "symmetrized.expt", "symmetrized.refl", an);
            case "merge" -> List.of("dials.merge", "scaled.expt", "scaled.refl", an);
            case "export" -> List.of("dials.export", "scaled.expt", "scaled.refl");
            default -> throw new IllegalStateException(step);
        };
        if (reuse) {
            TimedRun p = TimedRun.previous(dir, "dials." + step), p2 = TimedRun.previous(dir, "dials.scale2");
            if (p != null && step.equals("scale") && p2 != null)
                return new Cell(p.wallSeconds() + p2.wallSeconds(), Math.max(p.peakMb(), p2.peakMb()), true);
            if (p != null && (!step.equals("scale") || readCut(dir) == null)) return new Cell(p.wallSeconds(), p.peakMb(), true);
        }
        List<String> withCut = new ArrayList<>(cmd);
        Double cut = step.equals("merge") || step.equals("export") ? readCut(dir) : null;
        if (cut != null) withCut.add("d_min=" + cut);
        TimedRun r = TimedRun.run(dir, "dials." + step, withCut);
        if (!r.ok() || !step.equals("scale")) return new Cell(r.wallSeconds(), r.peakMb(), r.ok());
        RunQuality q = RunQuality.of(dir, null);
        ShellStatistics all = q.statistics().overall();
        double fit = q.statistics().suggestedDMin();
        if (!(fit > all.dMin() + 0.02)) return new Cell(r.wallSeconds(), r.peakMb(), true);
        double dMin = Math.round(fit * 100) / 100.0;
        writeCut(dir, dMin);
        List<String> again = new ArrayList<>(cmd);
        again.add("d_min=" + dMin);
        TimedRun r2 = TimedRun.run(dir, "dials.scale2", again);
        return new Cell(r.wallSeconds() + r2.wallSeconds(), Math.max(r.peakMb(), r2.peakMb()), r2.ok());
    }

    private static Double readCut(Path dir) {
        String s = readString(dir.resolve("bench.d_min"));
        return s == null ? null : Double.parseDouble(s);
    }

    private static void writeCut(Path dir, double dMin) { writeString(dir.resolve("bench.d_min"), Double.toString(dMin)); }

    private static String readString(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readString(f).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeString(Path f, String s) {
        try {
            Files.writeString(f, s);
        } catch (IOException e) {
            throw XtalException.badFile(f, "cannot write: " + e.getMessage(), e);
        }
    }

    private static void deleteIfExists(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw XtalException.badFile(f, "cannot delete: " + e.getMessage(), e);
        }
    }

    private static String describe(Cell c) {
        if (Double.isNaN(c.seconds())) return "not run";
        return String.format(Locale.ROOT, "%.1f s, %.0f MB%s", c.seconds(), c.peakMb(), c.ok() ? "" : " (failed)");
    }

    /** One row per step: times, ratio, peak memory, and the quality figure that step is judged by. */
    static String table(Map<String, Cell> x, Map<String, Cell> d, RunQuality xq, RunQuality dq, int nproc) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "xtalkit beside DIALS, nproc=%d (ratio = DIALS time / xtalkit time; MB = peak RSS)%n", nproc));
        String head = String.format(Locale.ROOT, "| %-23s | %9s | %9s | %6s | %7s | %7s | %-34s | %-34s |",
                "step", "xtalkit s", "DIALS s", "ratio", "xtal MB", "DIALS MB", "xtalkit", "DIALS");
        String rule = head.replaceAll("[^|]", "-");
        sb.append(rule).append('\n').append(head).append('\n').append(rule).append('\n');
        double tx = 0, td = 0, mx = 0, md = 0;
        boolean allX = true, allD = true;
        for (String step : x.keySet()) {
            Cell a = x.get(step), b = d.get(step);
            boolean okA = a.ok(), okB = b.ok();
            allX &= okA; allD &= okB;
            if (okA) { tx += a.seconds(); mx = Math.max(mx, a.peakMb()); }
            if (okB) { td += b.seconds(); md = Math.max(md, b.peakMb()); }
            sb.append(String.format(Locale.ROOT, "| %-23s | %9s | %9s | %6s | %7s | %7s | %-34s | %-34s |%n", step,
                    okA ? f1(a.seconds()) : a.seconds() > 0 ? "failed" : "-", okB ? f1(b.seconds()) : b.seconds() > 0 ? "failed" : "-",
                    okA && okB ? String.format(Locale.ROOT, "%.2f", b.seconds() / a.seconds()) : "-",
                    okA ? String.format(Locale.ROOT, "%.0f", a.peakMb()) : "-", okB ? String.format(Locale.ROOT, "%.0f", b.peakMb()) : "-",
                    okA ? quality(step, xq) : "", okB && dq != null ? quality(step, dq) : ""));
        }
        sb.append(rule).append('\n');
        sb.append(String.format(Locale.ROOT, "| %-23s | %9s | %9s | %6s | %7.0f | %7.0f | %-34s | %-34s |%n", "total (steps run)",
                f1(tx), f1(td), allX && allD ? String.format(Locale.ROOT, "%.2f", td / tx) : "-", mx, md,
                allX ? "" : "incomplete", allD ? "" : "incomplete"));
        sb.append(rule).append('\n');
        return sb.toString();
    }

    private static String f1(double s) { return String.format(Locale.ROOT, "%.1f", s); }

    static String quality(String step, RunQuality q) {
        return switch (step) {
            case "find_spots" -> q.strong() + " spots";
            case "index" -> q.indexedCell() == null ? "" : String.format(Locale.ROOT, "%.1f %% indexed, a=%.2f", 100 * q.fractionIndexed(),
                    q.indexedCell().a());
            case "refine" -> q.rmsd() == null ? "" : String.format(Locale.ROOT, "rmsd %.3f %.3f px %.3f img", q.rmsd()[0], q.rmsd()[1], q.rmsd()[2]);
            case "integrate" -> q.integrated() + " integrated (sum)";
            case "scale" -> {
                MergingStatisticsResult s = q.statistics();
                yield s == null ? "" : String.format(Locale.ROOT, "CC½ %.4f Rpim %.4f d_min %.2f", s.overall().ccHalf(), s.overall().rPim(),
                        s.overall().dMin());
            }
            case "merge" -> Double.isNaN(q.ccToTruth()) ? "" : String.format(Locale.ROOT, "CC to truth %.4f", q.ccToTruth());
            default -> "";
        };
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw XtalException.badFile(p, "cannot create: " + e.getMessage(), e);
        }
    }
}
