package org.xtalkit.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * Resolution axes as DIALS plots them: data against 1/d² (shells are equal-volume there, so points
 * spread evenly) with the ticks labelled in d (Å) at round d values. Every resolution plot goes
 * through here.
 */
public final class ResolutionAxis {
    /** Round resolutions a crystallographer reads off an axis, low to high resolution. */
    private static final double[] NICE = {100, 50, 30, 20, 15, 10, 8, 6, 5, 4, 3.5, 3, 2.8, 2.6, 2.5, 2.4, 2.2, 2.1, 2,
            1.9, 1.8, 1.7, 1.6, 1.5, 1.45, 1.4, 1.35, 1.3, 1.25, 1.2, 1.15, 1.1, 1.05, 1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5};

    private ResolutionAxis() {}

    /** x of a point at resolution d. */
    public static double x(double d) { return 1 / (d * d); }

    /**
     * Tick resolutions inside [dMin, dMax], at least a tenth of the 1/d² range apart, so at most
     * about ten labels; the highest-resolution round value is always kept.
     */
    public static double[] ticks(double dMax, double dMin, int maxTicks) {
        double lo = x(dMax), hi = x(dMin), gap = (hi - lo) / Math.max(1, maxTicks);
        List<Double> out = new ArrayList<>();
        double last = Double.POSITIVE_INFINITY;
        for (int i = NICE.length - 1; i >= 0; i--) {   // from the high-resolution end: its labels matter most
            double d = NICE[i], xv = x(d);
            if (d < dMin - 1e-9 || d > dMax + 1e-9) continue;
            if (last - xv < gap) continue;
            out.add(0, d);
            last = xv;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** d as a tick label: "2.5", "1.45", "10". */
    public static String label(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /**
     * Puts d ticks on a chart whose x is 1/d²: XChart's own x labels are hidden, each tick is a faint
     * vertical line with its d written above the axis; yMin is the bottom of the y range (set there).
     */
    public static void apply(XYChart c, double dMax, double dMin, double yMin, double yMax) {
        c.getStyler().setXAxisTicksVisible(false);
        c.getStyler().setXAxisMin(x(dMax));
        c.getStyler().setXAxisMax(x(dMin));
        c.getStyler().setYAxisMin(yMin);
        c.getStyler().setYAxisMax(yMax);
        c.getStyler().setAnnotationLineColor(new Color(0xcccccc));
        c.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
        c.getStyler().setAnnotationTextFont(c.getStyler().getAxisTickLabelsFont());
        double pad = 0.04 * (yMax - yMin);
        for (double d : ticks(dMax, dMin, 8)) {
            c.addAnnotation(new AnnotationLine(x(d), true, false));
            c.addAnnotation(new AnnotationText(label(d), x(d), yMin + pad, false));
        }
        if (c.getXAxisTitle() == null || c.getXAxisTitle().isEmpty() || !c.getXAxisTitle().contains("Å"))
            c.setXAxisTitle("resolution d (Å), axis linear in 1/d²");
    }
}
