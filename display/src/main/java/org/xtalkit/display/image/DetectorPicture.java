package org.xtalkit.display.image;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

/**
 * Where each panel appears in a flat picture of the detector: its pixels projected along the lab z
 * axis (the beam) onto the lab x-y plane, picture x along lab x and picture y along −lab y, so a
 * conventional single panel shows as its raw image does and multi-panel detectors (DLS P12M
 * cylinders, Eiger modules) show in their real layout, as dials.image_viewer's "lab" projection.
 *
 * @param left   lab x (mm) of the picture's left edge
 * @param top    lab y (mm) of the picture's top edge
 * @param pitch  mm per picture pixel
 * @param width  picture width, pixels
 * @param height picture height, pixels
 */
public record DetectorPicture(double left, double top, double pitch, int width, int height) {

    /** The picture of lab region [x0, x1] × [y0, y1] (mm) at most maxSize pixels on its longer side, and no finer than fineness mm. */
    public static DetectorPicture of(double x0, double x1, double y0, double y1, int maxSize, double fineness) {
        double w = x1 - x0, h = y1 - y0;
        double pitch = Math.max(Math.max(w, h) / maxSize, fineness);
        return new DetectorPicture(x0, y1, pitch, Math.max(1, (int) Math.ceil(w / pitch)), Math.max(1, (int) Math.ceil(h / pitch)));
    }

    /** Lab bounding box {x0, x1, y0, y1} of all panels. */
    public static double[] extent(Detector d) {
        double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Panel p : d.panels()) include(e, p, 0, 0, p.imageSizeFast(), p.imageSizeSlow());
        return e;
    }

    /** Grows a bounding box by a pixel rectangle of a panel. */
    public static void include(double[] e, Panel p, double fx0, double fy0, double fx1, double fy1) {
        for (double[] c : new double[][] {{fx0, fy0}, {fx1, fy0}, {fx0, fy1}, {fx1, fy1}}) {
            Vec3 v = lab(p, c[0], c[1]);
            e[0] = Math.min(e[0], v.x());
            e[1] = Math.max(e[1], v.x());
            e[2] = Math.min(e[2], v.y());
            e[3] = Math.max(e[3], v.y());
        }
    }

    /** Lab position (mm) of a pixel coordinate on a panel's surface (geometry only; no parallax for a picture). */
    public static Vec3 lab(Panel p, double px, double py) {
        return p.origin().plus(p.fastAxis().times(px * p.pixelSizeFast())).plus(p.slowAxis().times(py * p.pixelSizeSlow()));
    }

    /** Picture coordinates {u, v} (pixels, continuous) of a lab point. */
    public double[] toPicture(Vec3 lab) {
        return new double[] {(lab.x() - left) / pitch, (top - lab.y()) / pitch};
    }

    /** Picture coordinates of a panel pixel coordinate. */
    public double[] toPicture(Panel p, double px, double py) {
        return toPicture(lab(p, px, py));
    }

    /**
     * The affine map from picture (u, v) to panel pixel (px, py): {a, b, c, d, e, f} with
     * px = a·u + b·v + c, py = d·u + e·v + f; null when the panel is seen edge-on.
     */
    public double[] inverse(Panel p) {
        // picture from pixel: u = (ox + fx·sf·px + sx·ss·py − left)/pitch, v = (top − oy − fy·sf·px − sy·ss·py)/pitch
        double m00 = p.fastAxis().x() * p.pixelSizeFast() / pitch, m01 = p.slowAxis().x() * p.pixelSizeSlow() / pitch;
        double m10 = -p.fastAxis().y() * p.pixelSizeFast() / pitch, m11 = -p.slowAxis().y() * p.pixelSizeSlow() / pitch;
        double t0 = (p.origin().x() - left) / pitch, t1 = (top - p.origin().y()) / pitch;
        double det = m00 * m11 - m01 * m10;
        if (Math.abs(det) < 1e-12) return null;
        double i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
        return new double[] {i00, i01, -(i00 * t0 + i01 * t1), i10, i11, -(i10 * t0 + i11 * t1)};
    }
}
