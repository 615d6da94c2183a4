package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.spots.ImageStats;
import org.xtalkit.step.SpotResult;

/**
 * find_spots as dials.find_spots and dials.report show it: the spot count per image (all spots and
 * those at d &gt; 4 Å), the per-image resolution estimate, DIALS' histogram of spots per image and
 * the per-image statistics table.
 */
public final class FindSpotsDisplay {
    private FindSpotsDisplay() {}

    public static MimeBundle bundle(SpotResult r) {
        return MimeBundle.html(html(r), r.toString());
    }

    public static String html(SpotResult r) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(r.reflections().size()).append(" strong spots</p>");
        for (SpotResult.ImageSetSpots s : r.imageSets()) {
            if (r.imageSets().size() > 1) b.append("<p><b>Image set ").append(s.imageSet()).append("</b></p>");
            b.append(imageSetHtml(s.images(), s.histogram()));
            if (s.hotPixels() > 0) b.append("<p>").append(s.hotPixels()).append(" possible hot pixel(s)</p>");
        }
        return Html.section("Spot finding", b.toString());
    }

    /** One image set: plots, histogram (when given) and the folded per-image table. */
    public static String imageSetHtml(List<ImageStats> stats, String histogram) {
        List<String> plots = new ArrayList<>();
        if (stats.size() > 1) {
            plots.add(Charts.img(spotsPerImage(stats)));
            XYChart res = resolutionPerImage(stats);
            if (res != null) plots.add(Charts.img(res));
        }
        StringBuilder b = new StringBuilder(Html.row(plots));
        if (histogram != null && !histogram.isBlank())
            b.append("<p><b>Histogram of per-image spot count</b></p>").append(Html.pre(histogram));
        b.append(Html.details("Per-image statistics (" + stats.size() + " images)", table(stats), false));
        return b.toString();
    }

    public static final List<String> HEADER = List.of("image", "#spots", "#spots_4A", "total_intensity", "d_min (distl 1)");

    public static String table(List<ImageStats> stats) {
        List<List<String>> rows = new ArrayList<>();
        for (ImageStats s : stats)
            rows.add(List.of(Integer.toString(s.image()), Integer.toString(s.nSpots()), Integer.toString(s.nSpots4A()),
                    String.format(Locale.ROOT, "%.0f", s.totalIntensity()), s.dMin() > 0 ? String.format(Locale.ROOT, "%.2f", s.dMin()) : "-"));
        return Html.table(HEADER, rows, "xtalkit-stats");
    }

    public static XYChart spotsPerImage(List<ImageStats> stats) {
        int n = stats.size();
        double[] x = new double[n], all = new double[n], low = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = stats.get(i).image();
            all[i] = stats.get(i).nSpots();
            low[i] = stats.get(i).nSpots4A();
        }
        XYChart c = PerImage.chart("Spot count per image", "number of spots");
        PerImage.line(c, "all spots", x, all);
        PerImage.line(c, "spots d > 4 Å", x, low);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    /** The DISTL resolution estimate per image, or null when no image had enough spots. */
    public static XYChart resolutionPerImage(List<ImageStats> stats) {
        int n = stats.size();
        double[] x = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = stats.get(i).image();
            d[i] = stats.get(i).dMin() > 0 ? stats.get(i).dMin() : Double.NaN;
        }
        XYChart c = PerImage.chart("Resolution estimate per image", "d_min (Å)");
        c.getStyler().setLegendVisible(false);
        return PerImage.line(c, "d_min", x, d) == null ? null : c;
    }
}
