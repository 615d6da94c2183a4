package org.xtalkit.spots;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spots and resolution per image, as dials.spot_counts_per_image reports them (the data of the
 * "spots per image" plot): spots whose z centroid lies on the image, those at d &gt; 4 Å, their
 * summed intensity and the resolution estimate of DISTL method 1 (Zhang et al. 2006, J. Appl.
 * Cryst. 39, 112-119) as dials' per_image_analysis computes it; -1 where fewer than 11 spots.
 *
 * @param image         image number (1-based, as DIALS prints it)
 * @param nSpots        spots on the image
 * @param nSpots4A      spots at lower resolution than 4 Å
 * @param totalIntensity summed intensity of the spots
 * @param dMin          resolution estimate, Å, or -1
 */
public record ImageStats(int image, int nSpots, int nSpots4A, double totalIntensity, double dMin) {

    /** Statistics for frames first..last (0-based array indices, inclusive). */
    public static List<ImageStats> of(List<Spot> spots, int first, int last, Detector detector, Beam beam) {
        int m = spots.size();
        int[] panel = new int[m];
        double[] xyz = new double[3 * m], intensity = new double[m];
        for (int i = 0; i < m; i++) {
            Spot s = spots.get(i);
            panel[i] = s.panel();
            System.arraycopy(s.xyz(), 0, xyz, 3 * i, 3);
            intensity[i] = s.intensity();
        }
        return of(panel, xyz, intensity, first, last, detector, beam);
    }

    /**
     * The same from a strong.refl (dials.spot_counts_per_image): columns panel, xyzobs.px.value and
     * intensity.sum.value of experiment {@code id}'s rows, over the experiment's scan.
     */
    public static List<ImageStats> of(org.xtalkit.table.ReflectionTable strong, org.xtalkit.model.Experiment e, int id) {
        int[] ids = strong.has("id") ? strong.ints("id") : null, panels = strong.intsOf("panel");
        double[] xyzAll = strong.vec3("xyzobs.px.value"), iAll = strong.doubles("intensity.sum.value");
        int m = 0;
        for (int i = 0; i < strong.size(); i++) if (ids == null || ids[i] == id) m++;
        int[] panel = new int[m];
        double[] xyz = new double[3 * m], intensity = new double[m];
        for (int i = 0, k = 0; i < strong.size(); i++) {
            if (ids != null && ids[i] != id) continue;
            panel[k] = panels[i];
            System.arraycopy(xyzAll, 3 * i, xyz, 3 * k, 3);
            intensity[k++] = iAll[i];
        }
        return of(panel, xyz, intensity, e.scan().firstImage() - 1, e.scan().lastImage() - 1, e.detector(), e.beam());
    }

    private static List<ImageStats> of(int[] panel, double[] xyz, double[] intensity, int first, int last, Detector detector, Beam beam) {
        int n = last - first + 1;
        List<List<double[]>> perImage = new ArrayList<>();
        for (int i = 0; i < n; i++) perImage.add(new ArrayList<>());
        Vec3 s0 = beam.s0();
        double k = 1 / beam.wavelength();
        for (int i = 0; i < panel.length; i++) {
            int f = (int) Math.floor(xyz[3 * i + 2]) - first;
            if (f < 0 || f >= n) continue;
            Vec3 s1 = detector.panel(panel[i]).pixelToLab(xyz[3 * i], xyz[3 * i + 1]).normalize().times(k);
            double dStar = s1.minus(s0).length();
            if (dStar > 0) perImage.get(f).add(new double[] {dStar, intensity[i]});
        }
        List<ImageStats> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<double[]> l = perImage.get(i);
            int n4 = 0;
            double total = 0;
            for (double[] r : l) { if (1 / r[0] > 4) n4++; total += r[1]; }
            double[] dStar = l.stream().mapToDouble(r -> r[0]).toArray();
            out.add(new ImageStats(first + i + 1, l.size(), n4, total, l.size() > 10 ? distlMethod1(dStar) : -1));
        }
        return out;
    }

    /** DISTL method 1 on the reciprocal lengths |d*| of one image's spots (all with variance > 0). */
    static double distlMethod1(double[] dStar) {
        int n = dStar.length;
        int step = 2;
        while ((double) n / step > 40) step++;
        double[] sorted = dStar.clone();
        Arrays.sort(sorted); // ascending d* = descending d
        int m = n / step;
        double[] ds3 = new double[m], d = new double[m];
        for (int i = 0; i < m; i++) {
            double v = sorted[i * step];
            ds3[i] = v * v * v;
            d[i] = 1 / v;
        }
        int skipFirst = 3;
        double[] slopes = new double[m - 1];
        for (int i = 1; i < m; i++) slopes[i - 1] = (ds3[i] - ds3[0]) / i;
        if (slopes.length <= skipFirst) return -1;
        int best = skipFirst;
        for (int i = skipFirst; i < slopes.length; i++) if (slopes[i] > slopes[best]) best = i;
        int pm = best + 1;
        // distance of each point from the line through point 0 and point pm
        double vx = ds3[pm] - ds3[0], vy = -(pm - 0.0);
        double norm = Math.hypot(vx, vy);
        vx /= norm; vy /= norm;
        double[] gaps = new double[pm];
        for (int i = 1; i < pm; i++) gaps[i] = Math.abs(vx * (0 - i) + vy * (ds3[0] - ds3[i]));
        double mean = 0;
        for (double g : gaps) mean += g;
        mean /= gaps.length;
        double var = 0;
        for (double g : gaps) var += (g - mean) * (g - mean);
        double sd = gaps.length > 1 ? Math.sqrt(var / (gaps.length - 1)) : 0;
        int pk = 0;
        for (int i = 1; i < gaps.length; i++) if (gaps[i] > gaps[pk]) pk = i;
        int pg = pk;
        for (int i = pk + 1; i < gaps.length; i++) if (gaps[i] > gaps[pk] - 0.5 * sd) pg = i;
        return d[pg];
    }
}
