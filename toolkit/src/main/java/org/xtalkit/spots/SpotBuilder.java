package org.xtalkit.spots;

import org.xtalkit.table.MaskCode;
import org.xtalkit.table.Shoebox;

/**
 * A region's shoebox, centroid and summed intensity as DIALS computes them for strong spots
 * (PixelListShoeboxCreator, Shoebox::centroid_valid, Shoebox::summed_intensity): the centroid is
 * the value-weighted mean of the region's pixel centres; its variance is the unbiased weighted
 * variance divided by the summed value, plus 1/12; a spot on one frame sits at z0 + 0.5.
 */
final class SpotBuilder {
    private SpotBuilder() {}

    static Spot build(Region r, int width) {
        int n = r.size();
        int[] fr = r.frame(), idx = r.index(), val = r.value();
        int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y0 = Integer.MAX_VALUE, y1 = Integer.MIN_VALUE;
        int z0 = fr[0], z1 = fr[n - 1] + 1;
        for (int t = 0; t < n; t++) {
            int y = idx[t] / width, x = idx[t] - y * width;
            if (x < x0) x0 = x;
            if (x >= x1) x1 = x + 1;
            if (y < y0) y0 = y;
            if (y >= y1) y1 = y + 1;
        }
        int xs = x1 - x0, ys = y1 - y0, zs = z1 - z0;
        float[] data = new float[xs * ys * zs];
        int[] mask = new int[data.length];
        double s = 0, s2 = 0, sx = 0, sy = 0, sz = 0;
        int peakT = 0;
        for (int t = 0; t < n; t++) {
            int y = idx[t] / width, x = idx[t] - y * width;
            int lx = x - x0, ly = y - y0, lz = fr[t] - z0;
            int q = (lz * ys + ly) * xs + lx;
            double v = val[t];
            data[q] = val[t];
            mask[q] = MaskCode.VALID | MaskCode.FOREGROUND;
            s += v;
            s2 += v * v;
            sx += v * (lx + 0.5);
            sy += v * (ly + 0.5);
            sz += v * (lz + 0.5);
            if (val[t] > val[peakT]) peakT = t;
        }
        double[] xyz, var;
        if (s > 0) {
            double mx = sx / s, my = sy / s, mz = sz / s;
            double dxx = 0, dyy = 0, dzz = 0;
            for (int t = 0; t < n; t++) {
                int y = idx[t] / width, x = idx[t] - y * width;
                double v = val[t];
                double ex = x - x0 + 0.5 - mx, ey = y - y0 + 0.5 - my, ez = fr[t] - z0 + 0.5 - mz;
                dxx += v * ex * ex;
                dyy += v * ey * ey;
                dzz += v * ez * ez;
            }
            xyz = new double[] {mx + x0, my + y0, zs == 1 ? z0 + 0.5 : mz + z0};
            if (s * s > s2) {
                double scale = s / (s * s - s2);
                var = new double[] {dxx * scale / s + 1.0 / 12, dyy * scale / s + 1.0 / 12, dzz * scale / s + 1.0 / 12};
            } else {
                var = new double[] {1.0 / 12, 1.0 / 12, 1.0 / 12};
            }
        } else {
            xyz = new double[] {(x0 + x1) / 2.0, (y0 + y1) / 2.0, (z0 + z1) / 2.0};
            var = new double[3];
        }
        int py = idx[peakT] / width, px = idx[peakT] - py * width;
        double[] peak = {px + 0.5, py + 0.5, fr[peakT] + 0.5};
        int[] bbox = {x0, x1, y0, y1, z0, z1};
        Shoebox sb = new Shoebox(r.panel(), bbox.clone(), data, mask, new float[data.length]);
        return new Spot(r.panel(), bbox, xyz, var, s, n, peak, sb, r.firstKey());
    }
}
