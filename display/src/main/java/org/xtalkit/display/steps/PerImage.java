package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.xtalkit.display.Charts;

/**
 * Per-image means of a reflection quantity (RMSD, I/σ, scale) binned by the frame of each
 * reflection's centroid, and their plots. Images with no reflection are left out of the plot.
 */
final class PerImage {
    private PerImage() {}

    /**
     * Mean of value[i] over the rows with use[i], per image.
     *
     * @param z          frame of each row as DIALS counts it (image n spans z in [n − 1, n), whatever the scan's first image)
     * @param firstImage image number of frame 0
     * @param nImages    images in the scan
     * @return {image numbers, means, counts} (means NaN where no row)
     */
    static double[][] means(double[] z, boolean[] use, double[] value, int firstImage, int nImages) {
        double[] sum = new double[nImages], n = new double[nImages], image = new double[nImages];
        for (int i = 0; i < z.length; i++) {
            if (!use[i] || Double.isNaN(value[i])) continue;
            int f = (int) Math.floor(z[i]) - (firstImage - 1);
            if (f < 0 || f >= nImages) continue;
            sum[f] += value[i];
            n[f]++;
        }
        for (int f = 0; f < nImages; f++) {
            image[f] = firstImage + f;
            sum[f] = n[f] > 0 ? sum[f] / n[f] : Double.NaN;
        }
        return new double[][] {image, sum, n};
    }

    /** Root mean square per image: the square root of the mean of the squares. */
    static double[][] rms(double[] z, boolean[] use, double[] value, int firstImage, int nImages) {
        double[] sq = new double[value.length];
        for (int i = 0; i < value.length; i++) sq[i] = value[i] * value[i];
        double[][] m = means(z, use, sq, firstImage, nImages);
        for (int f = 0; f < nImages; f++) m[1][f] = Math.sqrt(m[1][f]);
        return m;
    }

    /** Adds a line series of y against x, leaving out NaN points; returns null when nothing is left. */
    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(y[i]) && !Double.isInfinite(y[i])) { xs.add(x[i]); ys.add(y[i]); }
        if (xs.isEmpty()) return null;
        XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        return s;
    }

    /**
     * Keeps the y range at least {@code span} wide around the data, so a drift far below what
     * matters (0.0002 Å of cell) draws as the flat line it is instead of filling the plot.
     */
    static void minimumSpan(XYChart c, double[][] ys, double span) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] y : ys) for (double v : y) if (!Double.isNaN(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi >= lo) || hi - lo >= span) return;
        double mid = 0.5 * (lo + hi);
        c.getStyler().setYAxisMin(mid - span / 2);
        c.getStyler().setYAxisMax(mid + span / 2);
    }

    /** A chart against image number in the house style. */
    static XYChart chart(String title, String yTitle) {
        XYChart c = Charts.xy(title, "image", yTitle);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setXAxisTickMarkSpacingHint(70);   // image numbers of three digits stay apart
        return c;
    }
}
