package org.xtalkit.display.image;

import java.awt.image.BufferedImage;
import java.util.List;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

/** Counts of an image (stack) → picture pixels → colours, then the overlays. */
final class ImageRenderer {
    private ImageRenderer() {}

    static final byte NONE = 0, VALID = 1, MASKED = 2, OVERLOAD = 3;

    static BufferedImage render(ImageView v, ImageSource src) {
        Detector det = v.experiment().detector();
        int first = v.experiment().scan() == null ? 1 : v.experiment().scan().firstImage();
        int index = v.image() - first;
        if (index < 0 || index + v.stack() > src.size())
            throw new XtalException("image viewer: image " + v.image() + (v.stack() > 1 ? " (stack of " + v.stack() + ")" : "")
                    + " is outside the image set (" + first + ".." + (first + src.size() - 1) + ")");
        int[][] counts = src.read(index);
        for (int k = 1; k < v.stack(); k++) {
            int[][] next = src.read(index + k);
            for (int p = 0; p < counts.length; p++) for (int i = 0; i < counts[p].length; i++) counts[p][i] = Math.max(counts[p][i], next[p][i]);
        }
        byte[][] state = states(det, counts, src.staticMask());
        Contrast contrast = v.min() != null && v.max() != null ? Contrast.minMax(v.min(), v.max(), v.scheme())
                : brightness(v, counts, state);

        DetectorPicture pic = picture(v, det);
        double[] val = new double[pic.width() * pic.height()];
        byte[] st = new byte[val.length];
        double minPixel = Double.POSITIVE_INFINITY;
        for (Panel p : det.panels()) minPixel = Math.min(minPixel, Math.min(p.pixelSizeFast(), p.pixelSizeSlow()));
        if (pic.pitch() >= minPixel * 0.999) splat(det, counts, state, pic, val, st);
        else sample(det, counts, state, pic, val, st);

        BufferedImage img = new BufferedImage(pic.width(), pic.height(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[val.length];
        for (int i = 0; i < val.length; i++)
            rgb[i] = switch (st[i]) {
                case VALID -> contrast.rgb(val[i]);
                case MASKED -> Contrast.MASKED;
                case OVERLOAD -> Contrast.OVERLOAD;
                default -> Contrast.OUTSIDE;
            };
        img.setRGB(0, 0, pic.width(), pic.height(), rgb, 0, pic.width());
        Overlays.draw(v, pic, img);
        return img;
    }

    /** Per pixel: valid, masked (gaps, file mask, at or below trusted minimum, untrusted rectangles) or overload. */
    static byte[][] states(Detector det, int[][] counts, boolean[][] fileMask) {
        byte[][] s = new byte[counts.length][];
        for (int p = 0; p < counts.length; p++) {
            Panel panel = det.panel(p);
            int[] c = counts[p];
            byte[] out = new byte[c.length];
            boolean[] m = fileMask == null ? null : fileMask[p];
            for (int i = 0; i < c.length; i++)
                out[i] = (m != null && !m[i]) || c[i] <= panel.trustedMin() ? MASKED : c[i] >= panel.trustedMax() ? OVERLOAD : VALID;
            int w = panel.imageSizeFast();
            for (int[] r : panel.mask())
                for (int y = Math.max(0, r[1]); y < Math.min(panel.imageSizeSlow(), r[3]); y++)
                    for (int x = Math.max(0, r[0]); x < Math.min(w, r[2]); x++) out[y * w + x] = MASKED;
            s[p] = out;
        }
        return s;
    }

    /** DIALS' brightness rule over a sample of the valid pixels (every k-th, at most ~2 million). */
    static Contrast brightness(ImageView v, int[][] counts, byte[][] state) {
        long total = 0;
        for (int[] c : counts) total += c.length;
        int stride = (int) Math.max(1, total / 2_000_000);
        int[] sample = new int[(int) (total / stride) + counts.length];
        int n = 0;
        for (int p = 0; p < counts.length; p++)
            for (int i = 0; i < counts[p].length; i += stride) if (state[p][i] == VALID) sample[n++] = counts[p][i];
        return Contrast.brightness(v.brightness(), sample, n, v.scheme());
    }

    static DetectorPicture picture(ImageView v, Detector det) {
        if (v.zoom() == null) {
            double[] e = DetectorPicture.extent(det);
            double fine = Double.POSITIVE_INFINITY;
            for (Panel p : det.panels()) fine = Math.min(fine, Math.min(p.pixelSizeFast(), p.pixelSizeSlow()));
            return DetectorPicture.of(e[0], e[1], e[2], e[3], v.maxSize(), fine);
        }
        double[] z = v.zoom();
        Panel p = det.panel((int) z[0]);
        double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        DetectorPicture.include(e, p, z[1], z[2], z[3], z[4]);
        // magnify up to 16 picture pixels per detector pixel: individual pixels stay visible
        return DetectorPicture.of(e[0], e[1], e[2], e[3], v.maxSize(), Math.min(p.pixelSizeFast(), p.pixelSizeSlow()) / 16);
    }

    /** Downsampling: each detector pixel lands on one picture pixel, which keeps the largest count (spots stay visible). */
    static void splat(Detector det, int[][] counts, byte[][] state, DetectorPicture pic, double[] val, byte[] st) {
        int w = pic.width(), h = pic.height();
        for (int p = 0; p < det.size(); p++) {
            Panel panel = det.panel(p);
            double[] o = pic.toPicture(panel, 0.5, 0.5), fx = pic.toPicture(panel, 1.5, 0.5), fy = pic.toPicture(panel, 0.5, 1.5);
            double duX = fx[0] - o[0], dvX = fx[1] - o[1], duY = fy[0] - o[0], dvY = fy[1] - o[1];
            int nf = panel.imageSizeFast(), ns = panel.imageSizeSlow();
            int[] c = counts[p];
            byte[] s = state[p];
            for (int y = 0; y < ns; y++) {
                double u0 = o[0] + y * duY, v0 = o[1] + y * dvY;
                for (int x = 0; x < nf; x++) {
                    int u = (int) Math.floor(u0 + x * duX), vv = (int) Math.floor(v0 + x * dvX);
                    if (u < 0 || vv < 0 || u >= w || vv >= h) continue;
                    int k = vv * w + u, i = y * nf + x;
                    merge(val, st, k, c[i], s[i]);
                }
            }
        }
    }

    /** Upsampling (zoom): each picture pixel looks up the detector pixel under its centre. */
    static void sample(Detector det, int[][] counts, byte[][] state, DetectorPicture pic, double[] val, byte[] st) {
        int w = pic.width(), h = pic.height();
        List<Panel> panels = det.panels();
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            double[] a = pic.inverse(panel);
            if (a == null) continue;
            int nf = panel.imageSizeFast(), ns = panel.imageSizeSlow();
            for (int vv = 0; vv < h; vv++)
                for (int u = 0; u < w; u++) {
                    double px = a[0] * (u + 0.5) + a[1] * (vv + 0.5) + a[2], py = a[3] * (u + 0.5) + a[4] * (vv + 0.5) + a[5];
                    if (px < 0 || py < 0 || px >= nf || py >= ns) continue;
                    int i = (int) py * nf + (int) px;
                    merge(val, st, vv * w + u, counts[p][i], state[p][i]);
                }
        }
    }

    /** Valid beats masked, an overload beats both, and among valid counts the larger wins. */
    private static void merge(double[] val, byte[] st, int k, int count, byte state) {
        byte cur = st[k];
        if (state == OVERLOAD || cur == NONE || (cur == MASKED && state == VALID)) { st[k] = state; val[k] = count; }
        else if (state == VALID && cur == VALID && count > val[k]) val[k] = count;
    }
}
