package org.xtalkit.spots;

import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

import java.util.ArrayList;
import java.util.List;

/**
 * The mask that holds for every image of an image set, per panel (true = use the pixel), as
 * dxtbx's static mask and dials.util.masking.generate_mask together make it: the format's pixel
 * mask, the panels' untrusted rectangles, the border, the user's untrusted regions and the
 * resolution limits (d_min, d_max, resolution_range, ice rings). The trusted range depends on
 * the pixel values and is applied per image by the threshold.
 */
public final class PixelMasks {
    private PixelMasks() {}

    public static boolean[][] build(Detector detector, Beam beam, boolean[][] fileMask, MaskParams params) {
        boolean[][] out = new boolean[detector.size()][];
        for (int p = 0; p < detector.size(); p++) {
            Panel panel = detector.panel(p);
            int w = panel.imageSizeFast(), h = panel.imageSizeSlow();
            boolean[] m = new boolean[w * h];
            if (fileMask != null && fileMask[p] != null) {
                if (fileMask[p].length != m.length)
                    throw new XtalException("pixel mask of panel " + p + " has " + fileMask[p].length
                            + " pixels, the panel " + m.length);
                System.arraycopy(fileMask[p], 0, m, 0, m.length);
            } else {
                java.util.Arrays.fill(m, true);
            }
            for (int[] r : panel.mask()) // dxtbx untrusted rectangle: x0, y0, x1, y1
                fillRect(m, w, h, r[0], r[2], r[1], r[3]);
            applyUser(m, w, h, p, params);
            if (params.needsResolution()) applyResolution(m, panel, beam, params);
            out[p] = m;
        }
        return out;
    }

    private static void fillRect(boolean[] m, int w, int h, int x0, int x1, int y0, int y1) {
        x0 = Math.max(x0, 0); y0 = Math.max(y0, 0);
        x1 = Math.min(x1, w); y1 = Math.min(y1, h);
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) m[y * w + x] = false;
    }

    private static void applyUser(boolean[] m, int w, int h, int panel, MaskParams params) {
        int b = params.border();
        if (b > 0) {
            fillRect(m, w, h, 0, w, 0, b);
            fillRect(m, w, h, 0, w, h - b, h);
            fillRect(m, w, h, 0, b, 0, h);
            fillRect(m, w, h, w - b, w, 0, h);
        }
        for (MaskParams.Untrusted u : params.untrusted()) {
            if (u.panel() != panel) continue;
            if (u.circle() == null && u.rectangle() == null && u.pixel() == null) {
                java.util.Arrays.fill(m, false);
                continue;
            }
            if (u.circle() != null) {
                double xc = u.circle()[0], yc = u.circle()[1], r = u.circle()[2];
                // dxtbx mask_untrusted_circle: pixel corners (i, j) strictly inside the circle
                int x0 = Math.max((int) Math.floor(xc - r), 0), y0 = Math.max((int) Math.floor(yc - r), 0);
                int x1 = Math.min((int) Math.ceil(xc + r), w), y1 = Math.min((int) Math.ceil(yc + r), h);
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++)
                        if ((x - xc) * (x - xc) + (y - yc) * (y - yc) < r * r) m[y * w + x] = false;
            }
            if (u.rectangle() != null) {
                int[] r = u.rectangle(); // x0, x1, y0, y1 as DIALS' phil
                if (!(r[1] > r[0] && r[3] > r[2] && r[1] <= w && r[3] <= h && r[0] >= 0 && r[2] >= 0))
                    throw new XtalException("untrusted.rectangle=" + r[0] + "," + r[1] + "," + r[2] + "," + r[3]
                            + " is not x0,x1,y0,y1 inside panel " + panel + " (" + w + "x" + h + ")");
                fillRect(m, w, h, r[0], r[1], r[2], r[3]);
            }
            if (u.pixel() != null) {
                int y = u.pixel()[0], x = u.pixel()[1];
                if (x < 0 || y < 0 || x >= w || y >= h)
                    throw new XtalException("untrusted.pixel=" + y + "," + x + " is outside panel " + panel);
                m[y * w + x] = false;
            }
        }
    }

    /** Resolution ranges to mask on a panel: (d_min, d_max) pairs, masked when d_min <= d <= d_max. */
    static List<double[]> resolutionRanges(Panel panel, Beam beam, MaskParams params) {
        List<double[]> ranges = new ArrayList<>();
        if (params.dMin() != null) ranges.add(new double[] {0, params.dMin()});
        if (params.dMax() != null) ranges.add(new double[] {params.dMax(), Math.max(params.dMax() + 1, 1e9)});
        for (double[] r : params.resolutionRanges()) {
            double lo = Math.min(r[0], r[1]), hi = Math.max(r[0], r[1]);
            if (!(lo < hi)) throw new XtalException("resolution_range=" + r[0] + "," + r[1] + " needs d_min < d_max");
            ranges.add(new double[] {lo, hi});
        }
        if (params.iceRings()) {
            double dMin = params.iceRingDMin() != null ? params.iceRingDMin() : cornerResolution(panel, beam);
            ranges.addAll(IceRings.ranges(params.iceCell(), params.iceRingWidth(), dMin));
        }
        return ranges;
    }

    /** dxtbx get_max_resolution_at_corners: the smallest d at the four panel corners. */
    static double cornerResolution(Panel panel, Beam beam) {
        int w = panel.imageSizeFast(), h = panel.imageSizeSlow();
        double d = Double.POSITIVE_INFINITY;
        for (double[] c : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}})
            d = Math.min(d, panel.resolutionAtPixel(beam, c[0], c[1]));
        return d;
    }

    private static void applyResolution(boolean[] m, Panel panel, Beam beam, MaskParams params) {
        List<double[]> ranges = resolutionRanges(panel, beam, params);
        Panel geometry = params.disableParallax() ? withoutParallax(panel) : panel;
        int w = panel.imageSizeFast(), h = panel.imageSizeSlow();
        Vec3 s0 = beam.s0();
        double k = 1 / beam.wavelength();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                Vec3 s1 = geometry.pixelToLab(x + 0.5, y + 0.5).normalize().times(k);
                double d = 1 / s1.minus(s0).length();
                for (double[] r : ranges)
                    if (r[0] <= d && d <= r[1]) { m[y * w + x] = false; break; }
            }
    }

    private static Panel withoutParallax(Panel p) {
        return new Panel(p.name(), p.type(), p.fastAxis(), p.slowAxis(), p.origin(), p.rawImageOffset(),
                p.imageSizeFast(), p.imageSizeSlow(), p.pixelSizeFast(), p.pixelSizeSlow(), p.trustedMin(),
                p.trustedMax(), p.thickness(), p.material(), p.mu(), p.identifier(), p.mask(), p.gain(),
                p.pedestal(), false, p.projection2d());
    }
}
