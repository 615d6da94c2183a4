package org.xtalkit.model;

import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * The maximum resolution a detector records, as dials.show prints it (dxtbx Detector): at the
 * panel corners, and inscribed — the full circle around the beam (for one panel, the edges on the
 * cross-hair through the beam centre; for several, the convex hull of the panel corners in a
 * stereographic projection about the beam).
 */
final class ResolutionLimits {
    private ResolutionLimits() {}

    static double atCorners(Detector d, Beam beam) {
        double dMin = Double.POSITIVE_INFINITY;
        for (Panel p : d.panels()) {
            int w = p.imageSizeFast(), h = p.imageSizeSlow();
            dMin = Math.min(dMin, Math.min(Math.min(p.resolutionAtPixel(beam, 0, 0), p.resolutionAtPixel(beam, 0, h)),
                    Math.min(p.resolutionAtPixel(beam, w, 0), p.resolutionAtPixel(beam, w, h))));
        }
        return dMin;
    }

    static double inscribed(Detector d, Beam beam) {
        if (d.size() == 1) {
            Panel p = d.panel(0);
            double[] c = p.beamCentrePx(beam);
            if (c != null) {
                int w = p.imageSizeFast(), h = p.imageSizeSlow();
                return Math.max(Math.max(p.resolutionAtPixel(beam, 0, c[1]), p.resolutionAtPixel(beam, w, c[1])),
                        Math.max(p.resolutionAtPixel(beam, c[0], 0), p.resolutionAtPixel(beam, c[0], h)));
            }
        }
        Vec3 s0 = beam.s0();
        Vec3 za = s0.normalize().negate();
        Vec3 ya = (za.dot(new Vec3(1, 0, 0)) < 0.9 ? za.cross(new Vec3(1, 0, 0)) : za.cross(new Vec3(0, 1, 0))).normalize();
        Vec3 xa = za.cross(ya).normalize();
        List<double[]> points = new ArrayList<>();
        for (Panel p : d.panels()) {
            int w = p.imageSizeFast(), h = p.imageSizeSlow();
            for (double[] c : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
                Vec3 v = p.pixelToLab(c[0], c[1]).normalize();
                double z = v.dot(za);
                points.add(new double[] {2 * v.dot(xa) / (1 - z), 2 * v.dot(ya) / (1 - z)});
            }
        }
        List<double[]> hull = hull(points);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0, j = hull.size() - 1; i < hull.size(); j = i++) min = Math.min(min, distanceToOrigin(hull.get(j), hull.get(i)));
        double angle = 2 * Math.atan(min / 2);
        return 1 / (2 * s0.length() * Math.sin(0.5 * angle));
    }

    /** Gift wrapping, as dxtbx: from the leftmost point, always turn to the most clockwise point. */
    private static List<double[]> hull(List<double[]> x) {
        int current = 0;
        for (int i = 1; i < x.size(); i++) if (x.get(i)[0] < x.get(current)[0]) current = i;
        int first = current;
        List<double[]> out = new ArrayList<>();
        do {
            out.add(x.get(current));
            int last = 0;
            for (int i = 1; i < x.size(); i++)
                if (last == current || isLeft(x.get(current), x.get(last), x.get(i))) last = i;
            current = last;
        } while (current != first && out.size() <= x.size());
        return out;
    }

    private static boolean isLeft(double[] a, double[] b, double[] p) {
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) > 0;
    }

    private static double distanceToOrigin(double[] a, double[] b) {
        double lx = b[0] - a[0], ly = b[1] - a[1];
        double t = (lx * -a[0] + ly * -a[1]) / (lx * lx + ly * ly);
        if (t <= 0) return Math.hypot(a[0], a[1]);
        if (t >= 1) return Math.hypot(b[0], b[1]);
        return Math.hypot(a[0] + t * lx, a[1] + t * ly);
    }
}
