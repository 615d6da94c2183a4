package org.xtalkit.display.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtalkit.display.Html;
import org.xtalkit.display.steps.FindSpotsDisplay;
import org.xtalkit.display.steps.IndexDisplay;
import org.xtalkit.display.steps.IntegrateDisplay;
import org.xtalkit.display.steps.MergeDisplay;
import org.xtalkit.display.steps.RefineDisplay;
import org.xtalkit.display.steps.ScaleDisplay;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.spots.ImageStats;
import org.xtalkit.table.ReflectionTable;

/**
 * The standalone HTML report of a processing folder, with dials.report's sections that the files
 * present can fill: spot finding (imported.expt + strong.refl), indexing (indexed.*), refinement
 * (refined.*), integration (integrated.*), scaling and merging statistics (scaled.*). Plots are
 * PNG data: URIs and the page has no script or link, so it opens anywhere without a network.
 */
public final class Report {
    private Report() {}

    /** One section: its anchor, title and HTML. */
    public record Section(String id, String title, String html) {}

    /** The sections the folder's files support, in workflow order; a missing pair is skipped, an unreadable one is reported. */
    public static List<Section> sections(Path dir, Progress progress) {
        List<Section> out = new ArrayList<>();
        add(out, dir, "spot-finding", "Spot finding", "imported.expt", "strong.refl", progress, (e, t) -> {
            StringBuilder b = new StringBuilder("<p>" + t.size() + " strong spots</p>");
            int[] id = t.has("id") ? t.ints("id") : null;
            for (int i = 0; i < e.size(); i++) {
                if (e.get(i).scan() == null) continue;
                if (e.size() > 1) b.append("<p><b>Experiment ").append(i).append("</b></p>");
                List<ImageStats> stats = ImageStats.of(t, e.get(i), i);
                double[] z = zOf(t, id, i);
                b.append(FindSpotsDisplay.imageSetHtml(stats, org.xtalkit.spots.SpotHistogram.render(z)));
            }
            return b.toString();
        });
        add(out, dir, "indexing", "Indexing", "indexed.expt", "indexed.refl", progress,
                (e, t) -> unwrap(IndexDisplay.html(e, t, null)));
        add(out, dir, "refinement", "Refinement", "refined.expt", "refined.refl", progress,
                (e, t) -> unwrap(RefineDisplay.html(e, t)));
        add(out, dir, "integration", "Integration", "integrated.expt", "integrated.refl", progress,
                (e, t) -> unwrap(IntegrateDisplay.html(e, t)));
        add(out, dir, "scaling", "Scaling", "scaled.expt", "scaled.refl", progress,
                (e, t) -> unwrap(ScaleDisplay.html(e, t)));
        Path se = dir.resolve("scaled.expt"), sr = dir.resolve("scaled.refl");
        if (Files.isRegularFile(se) && Files.isRegularFile(sr)) {
            try {
                ScaledInput in = ScaledInput.read(List.of(se), List.of(sr));
                ScaledIntensities data = ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true);
                MergingStatisticsResult stats = MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), 20);
                out.add(new Section("merging", "Merging statistics", unwrap(MergeDisplay.html(stats))));
            } catch (RuntimeException x) {
                progress.log("report: merging statistics left out: " + x.getMessage());
            }
        }
        return out;
    }

    /** The whole page. */
    public static String html(String title, List<Section> sections) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>")
                .append("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em 2.5em;color:#222}")
                .append("h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:0.2em;margin-top:1.6em}")
                .append("table{border-collapse:collapse;margin:0.4em 0;font-size:0.9em}")
                .append("th,td{border:1px solid #ddd;padding:2px 6px}th{background:#f3f3f3}")
                .append("nav a{margin-right:1em}img{max-width:100%}")
                .append("</style></head><body>\n<h1>").append(Html.escape(title)).append("</h1>\n<nav>");
        for (Section s : sections) b.append("<a href=\"#").append(s.id).append("\">").append(Html.escape(s.title)).append("</a>");
        b.append("</nav>\n");
        for (Section s : sections)
            b.append("<section id=\"").append(s.id).append("\"><h2>").append(Html.escape(s.title)).append("</h2>\n")
                    .append(s.html).append("</section>\n");
        b.append(String.format(Locale.ROOT, "<p style=\"color:#888;font-size:0.8em\">xtalkit %s</p>", version()));
        return b.append("</body></html>\n").toString();
    }

    private interface Body { String html(ExperimentList e, ReflectionTable t); }

    private static void add(List<Section> out, Path dir, String id, String title, String expt, String refl, Progress progress, Body body) {
        Path e = dir.resolve(expt), r = dir.resolve(refl);
        if (!Files.isRegularFile(e) || !Files.isRegularFile(r)) return;
        try {
            out.add(new Section(id, title, body.html(ExptFile.read(e), ReflReader.read(r))));
        } catch (RuntimeException x) {
            // one unreadable pair must not cost the whole report: say so in the page and the log
            progress.log("report: " + title + " left out: " + x.getMessage());
            out.add(new Section(id, title, "<p>Could not read " + Html.escape(expt) + " / " + Html.escape(refl) + ": "
                    + Html.escape(String.valueOf(x.getMessage())) + "</p>"));
        }
    }

    /** A step display without its own heading (the report's h2 replaces it). */
    static String unwrap(String section) {
        return section.replaceFirst("<h3 style=\"margin:0.4em 0\">[^<]*</h3>", "");
    }

    private static double[] zOf(ReflectionTable t, int[] id, int e) {
        double[] xyz = t.vec3("xyzobs.px.value");
        int n = 0;
        for (int i = 0; i < t.size(); i++) if (id == null || id[i] == e) n++;
        double[] z = new double[n];
        for (int i = 0, k = 0; i < t.size(); i++) if (id == null || id[i] == e) z[k++] = xyz[3 * i + 2];
        return z;
    }

    private static String version() {
        String v = Report.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
