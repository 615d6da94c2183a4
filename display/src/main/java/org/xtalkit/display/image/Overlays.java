package org.xtalkit.display.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.xtalkit.display.ResolutionAxis;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;
import org.xtalkit.table.ReflectionTable;

/** What is drawn over the image: spot boxes, predictions, resolution rings and the beam centre. */
final class Overlays {
    private Overlays() {}

    static final Color INDEXED = new Color(0x2ca02c), UNINDEXED = new Color(0xd62728), PREDICTED = new Color(0x1f77b4),
            RING = new Color(0x6a51a3);

    static void draw(ImageView v, DetectorPicture pic, BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.2f));
        // DIALS' frame z of image n is [n − 1, n) for a scan that starts at image 1 (array range from first − 1)
        double z0 = v.image() - 1, z1 = z0 + v.stack();
        if (v.rings()) rings(g, v, pic);
        if (v.spots() != null) spots(g, v, pic, z0, z1);
        if (v.predictions() != null) predictions(g, v, pic, z0, z1);
        beamCentre(g, v, pic);
        g.dispose();
    }

    /** Strong spots: their bbox on every image it spans (a cross at the centroid when there is none). */
    static void spots(Graphics2D g, ImageView v, DetectorPicture pic, double z0, double z1) {
        ReflectionTable t = v.spots();
        if (!t.has("xyzobs.px.value")) return;
        Detector det = v.experiment().detector();
        int[] panel = t.has("panel") ? t.intsOf("panel") : new int[t.size()], id = t.has("id") ? t.ints("id") : null;
        int[] bbox = t.has("bbox") ? t.int6("bbox") : null, hkl = t.has("miller_index") ? t.miller("miller_index") : null;
        double[] xyz = t.vec3("xyzobs.px.value");
        for (int i = 0; i < t.size(); i++) {
            if (id != null && id[i] != v.experimentId() && id[i] != -1) continue;
            boolean on = bbox != null ? bbox[6 * i + 4] < z1 && bbox[6 * i + 5] > z0 : xyz[3 * i + 2] >= z0 && xyz[3 * i + 2] < z1;
            if (!on || panel[i] >= det.size()) continue;
            boolean indexed = hkl != null && (id == null || id[i] >= 0)
                    && (hkl[3 * i] != 0 || hkl[3 * i + 1] != 0 || hkl[3 * i + 2] != 0);
            g.setColor(indexed ? INDEXED : UNINDEXED);
            Panel p = det.panel(panel[i]);
            if (bbox != null) {
                int b = 6 * i;
                polygon(g, pic, p, bbox[b], bbox[b + 2], bbox[b + 1], bbox[b + 3], 3);
            } else {
                double[] c = pic.toPicture(p, xyz[3 * i], xyz[3 * i + 1]);
                g.draw(new java.awt.geom.Line2D.Double(c[0] - 3, c[1], c[0] + 3, c[1]));
                g.draw(new java.awt.geom.Line2D.Double(c[0], c[1] - 3, c[0], c[1] + 3));
            }
        }
    }

    /** Predictions whose calculated centroid lies on the image(s): circles. */
    static void predictions(Graphics2D g, ImageView v, DetectorPicture pic, double z0, double z1) {
        ReflectionTable t = v.predictions();
        if (!t.has("xyzcal.px")) return;
        Detector det = v.experiment().detector();
        int[] panel = t.has("panel") ? t.intsOf("panel") : new int[t.size()], id = t.has("id") ? t.ints("id") : null;
        double[] cal = t.vec3("xyzcal.px");
        g.setColor(PREDICTED);
        for (int i = 0; i < t.size(); i++) {
            if (id != null && id[i] != v.experimentId()) continue;
            if (cal[3 * i + 2] < z0 || cal[3 * i + 2] >= z1 || panel[i] >= det.size()) continue;
            Panel p = det.panel(panel[i]);
            double[] c = pic.toPicture(p, cal[3 * i], cal[3 * i + 1]);
            double r = Math.max(4, 2.5 * p.pixelSizeFast() / pic.pitch());
            g.draw(new java.awt.geom.Ellipse2D.Double(c[0] - r, c[1] - r, 2 * r, 2 * r));
        }
    }

    /** A pixel rectangle of a panel as a polygon in the picture (at least minSize picture pixels across). */
    static void polygon(Graphics2D g, DetectorPicture pic, Panel p, double x0, double y0, double x1, double y1, double minSize) {
        double[] a = pic.toPicture(p, x0, y0), b = pic.toPicture(p, x1, y0), c = pic.toPicture(p, x1, y1), d = pic.toPicture(p, x0, y1);
        double w = Math.max(Math.abs(c[0] - a[0]), Math.abs(b[0] - d[0])), h = Math.max(Math.abs(c[1] - a[1]), Math.abs(b[1] - d[1]));
        if (w < minSize && h < minSize) {
            double cx = (a[0] + c[0]) / 2, cy = (a[1] + c[1]) / 2;
            g.draw(new java.awt.geom.Rectangle2D.Double(cx - minSize / 2, cy - minSize / 2, minSize, minSize));
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(a[0], a[1]);
        path.lineTo(b[0], b[1]);
        path.lineTo(c[0], c[1]);
        path.lineTo(d[0], d[1]);
        path.closePath();
        g.draw(path);
    }

    /** Rings at round resolutions between the detector's inscribed and corner resolutions, labelled in Å. */
    static void rings(Graphics2D g, ImageView v, DetectorPicture pic) {
        Beam beam = v.experiment().beam();
        Detector det = v.experiment().detector();
        double dMin = det.maxResolutionAtCorners(beam);
        double[] ds = ResolutionAxis.ticks(Math.max(4 * dMin, 8), dMin, 5);
        Vec3 s0 = beam.unitS0();
        Vec3 e1 = s0.cross(Math.abs(s0.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0)).normalize(), e2 = s0.cross(e1);
        g.setColor(RING);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
        int n = 720;
        for (double d : ds) {
            double twoTheta = 2 * Math.asin(Math.min(1, beam.wavelength() / (2 * d)));
            double[] prev = null;
            int prevPanel = -1;
            double[] label = null;
            for (int k = 0; k <= n; k++) {
                double phi = 2 * Math.PI * k / n;
                Vec3 dir = s0.times(Math.cos(twoTheta)).plus(e1.times(Math.sin(twoTheta) * Math.cos(phi))).plus(e2.times(Math.sin(twoTheta) * Math.sin(phi)));
                double[] pt = null;
                int hit = -1;
                for (int p = 0; p < det.size() && pt == null; p++) {
                    Panel panel = det.panel(p);
                    double[] mm = panel.rayIntersection(dir);
                    if (mm == null) continue;
                    double px = mm[0] / panel.pixelSizeFast(), py = mm[1] / panel.pixelSizeSlow();
                    if (!panel.contains(px, py)) continue;
                    pt = pic.toPicture(panel, px, py);
                    hit = p;
                }
                if (pt != null && prev != null && hit == prevPanel) g.draw(new java.awt.geom.Line2D.Double(prev[0], prev[1], pt[0], pt[1]));
                if (pt != null && pt[0] > 0 && pt[1] > 12 && pt[0] < pic.width() - 40 && pt[1] < pic.height() && (label == null || pt[1] < label[1])) label = pt;
                prev = pt;
                prevPanel = hit;
            }
            if (label != null) g.drawString(ResolutionAxis.label(d) + " Å", (float) label[0] + 3, (float) label[1] - 3);
        }
        g.setStroke(new BasicStroke(1.2f));
    }

    /** A small cross where the direct beam meets the detector. */
    static void beamCentre(Graphics2D g, ImageView v, DetectorPicture pic) {
        Detector det = v.experiment().detector();
        for (Panel p : det.panels()) {
            double[] mm = p.beamCentreMm(v.experiment().beam());
            if (mm == null) continue;
            double px = mm[0] / p.pixelSizeFast(), py = mm[1] / p.pixelSizeSlow();
            if (!p.contains(px, py) && det.size() > 1) continue;
            double[] c = pic.toPicture(p, px, py);
            g.setColor(new Color(0xff7f0e));
            g.draw(new java.awt.geom.Line2D.Double(c[0] - 6, c[1], c[0] + 6, c[1]));
            g.draw(new java.awt.geom.Line2D.Double(c[0], c[1] - 6, c[0], c[1] + 6));
            return;
        }
    }
}
