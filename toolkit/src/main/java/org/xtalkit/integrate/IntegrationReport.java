package org.xtalkit.integrate;

import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dials.integrate's summary of one experiment, as data for tables and plots: the reflections binned by
 * image (xyzcal.px z; those predicted before the first or after the last image counted on it) and by
 * resolution (shells of equal reciprocal volume), and overall. Means are over the reflections each
 * method integrated, as DIALS' report computes them.
 *
 * @param experiment   experiment id
 * @param byImage      one bin per image (lo = image number from 1, hi = lo + 1)
 * @param byResolution shells from low to high resolution (lo = d_max, hi = d_min, Å)
 * @param overall      all reflections (lo = d_max, hi = d_min)
 */
public record IntegrationReport(int experiment, List<Bin> byImage, List<Bin> byResolution, Bin overall) {

    /**
     * One row: counts and means of the reflections in [lo, hi).
     *
     * @param full          fully recorded (partiality ≥ 0.99)
     * @param partial       partially recorded
     * @param overloaded    overloaded
     * @param summed        integrated_sum
     * @param fitted        integrated_prf
     * @param background    mean background.mean of the integrated
     * @param ioSigmaSum    mean I/σ(I) by summation
     * @param ioSigmaPrf    mean I/σ(I) by profile fitting
     * @param ccPrf         mean profile.correlation
     * @param rmsdXy        mean distance (px) of xyzobs from xyzcal of the summed
     */
    public record Bin(double lo, double hi, int full, int partial, int overloaded, int summed, int fitted,
                      double background, double ioSigmaSum, double ioSigmaPrf, double ccPrf, double rmsdXy) {}

    static final double FULL = 0.99;

    /** The report of the rows of {@code t} with id {@code id}; {@code numImages} of its scan, {@code shells} resolution bins. */
    public static IntegrationReport of(ReflectionTable t, int id, int numImages, int shells) {
        int n = t.size();
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        double[] d = t.doubles("d"), z = t.vec3("xyzcal.px");
        double dMin = Double.POSITIVE_INFINITY, dMax = 0;
        for (int i = 0; i < n; i++) if (ids[i] == id && d[i] > 0 && Double.isFinite(d[i])) {
            dMin = Math.min(dMin, d[i]);
            dMax = Math.max(dMax, d[i]);
        }
        Acc[] images = new Acc[Math.max(1, numImages)], res = new Acc[shells];
        for (int k = 0; k < images.length; k++) images[k] = new Acc();
        for (int k = 0; k < shells; k++) res[k] = new Acc();
        Acc all = new Acc();
        // equal reciprocal volume: shell k holds 1/d³ in [s0 + k·(s1 − s0)/shells, ...)
        double s0 = Math.pow(dMax, -3), s1 = Math.pow(dMin, -3);
        Columns c = new Columns(t);
        for (int i = 0; i < n; i++) {
            if (ids[i] != id) continue;
            int image = Math.max(0, Math.min(images.length - 1, (int) Math.floor(z[3 * i + 2])));
            images[image].add(c, i);
            int shell = (int) Math.floor((Math.pow(d[i], -3) - s0) / (s1 - s0) * shells);
            res[Math.max(0, Math.min(shells - 1, shell))].add(c, i);
            all.add(c, i);
        }
        List<Bin> byImage = new ArrayList<>(), byRes = new ArrayList<>();
        for (int k = 0; k < images.length; k++) byImage.add(images[k].bin(k + 1, k + 2));
        for (int k = 0; k < shells; k++)
            byRes.add(res[k].bin(Math.pow(s0 + k * (s1 - s0) / shells, -1 / 3.0), Math.pow(s0 + (k + 1) * (s1 - s0) / shells, -1 / 3.0)));
        return new IntegrationReport(id, byImage, byRes, all.bin(dMax, dMin));
    }

    /** The per-image table as dials.integrate prints it. */
    public List<String> imageTable() {
        List<String> out = new ArrayList<>();
        out.add(" Summary vs image number");
        out.add(String.format(" %3s %6s %7s %7s %7s %7s %7s %6s %9s %9s %7s %8s", "ID", "Image", "# full", "# part", "# over",
                "# sum", "# prf", "Ibg", "I/sigI", "I/sigI", "CC prf", "RMSD XY"));
        out.add(String.format(" %3s %6s %7s %7s %7s %7s %7s %6s %9s %9s %7s %8s", "", "", "", "", "", "", "", "", "(sum)", "(prf)", "", ""));
        for (Bin b : byImage) out.add(row(String.format("%3d %6d", experiment, (int) b.lo()), b));
        return out;
    }

    /** The per-resolution table as dials.integrate prints it. */
    public List<String> resolutionTable() {
        List<String> out = new ArrayList<>();
        out.add(" Summary vs resolution");
        out.add(String.format(" %3s %6s %6s %7s %7s %7s %7s %7s %6s %9s %9s %7s %8s", "ID", "d min", "d max", "# full", "# part",
                "# over", "# sum", "# prf", "Ibg", "I/sigI", "I/sigI", "CC prf", "RMSD XY"));
        out.add(String.format(" %3s %6s %6s %7s %7s %7s %7s %7s %6s %9s %9s %7s %8s", "", "", "", "", "", "", "", "", "", "(sum)",
                "(prf)", "", ""));
        for (int k = byResolution.size() - 1; k >= 0; k--) {
            Bin b = byResolution.get(k);
            out.add(row(String.format(Locale.ROOT, "%3d %6.2f %6.2f", experiment, b.hi(), b.lo()), b));
        }
        return out;
    }

    private static String row(String head, Bin b) {
        return String.format(Locale.ROOT, " %s %7d %7d %7d %7d %7d %6.2f %9.2f %9.2f %7.2f %8.2f", head, b.full(), b.partial(),
                b.overloaded(), b.summed(), b.fitted(), b.background(), b.ioSigmaSum(), b.ioSigmaPrf(), b.ccPrf(), b.rmsdXy());
    }

    /** The columns the report reads (prf ones absent without profile fitting). */
    private static final class Columns {
        final long[] flags;
        final double[] partiality, bg, iSum, vSum, iPrf, vPrf, cc, cal, obs;

        Columns(ReflectionTable t) {
            flags = t.flags();
            partiality = t.doubles("partiality");
            bg = t.doubles("background.mean");
            iSum = t.doubles("intensity.sum.value");
            vSum = t.doubles("intensity.sum.variance");
            boolean prf = t.has("intensity.prf.value");
            iPrf = prf ? t.doubles("intensity.prf.value") : null;
            vPrf = prf ? t.doubles("intensity.prf.variance") : null;
            cc = prf && t.has("profile.correlation") ? t.doubles("profile.correlation") : null;
            cal = t.vec3("xyzcal.px");
            obs = t.has("xyzobs.px.value") ? t.vec3("xyzobs.px.value") : null;
        }
    }

    /** Sums over the reflections of one bin (I/σ taken as 0 where σ² ≤ 0, as DIALS does). */
    private static final class Acc {
        int full, partial, over, sum, prf, integrated, centroids;
        double bg, iosSum, iosPrf, cc, rmsd;

        void add(Columns c, int i) {
            long f = c.flags[i];
            if (c.partiality[i] >= FULL) full++;
            else partial++;
            if (Flag.OVERLOADED.allSetIn(f)) over++;
            boolean s = Flag.INTEGRATED_SUM.allSetIn(f), p = c.iPrf != null && Flag.INTEGRATED_PRF.allSetIn(f);
            if (s || p) {
                integrated++;
                bg += c.bg[i];
            }
            if (s) {
                sum++;
                if (c.vSum[i] > 0) iosSum += c.iSum[i] / Math.sqrt(c.vSum[i]);
                if (c.obs != null && (c.obs[3 * i] != 0 || c.obs[3 * i + 1] != 0)) { // no centroid without positive counts
                    rmsd += Math.hypot(c.obs[3 * i] - c.cal[3 * i], c.obs[3 * i + 1] - c.cal[3 * i + 1]);
                    centroids++;
                }
            }
            if (p) {
                prf++;
                if (c.vPrf[i] > 0) iosPrf += c.iPrf[i] / Math.sqrt(c.vPrf[i]);
                if (c.cc != null) cc += c.cc[i];
            }
        }

        Bin bin(double lo, double hi) {
            return new Bin(lo, hi, full, partial, over, sum, prf, mean(bg, integrated), mean(iosSum, sum), mean(iosPrf, prf),
                    mean(cc, prf), mean(rmsd, centroids));
        }

        private static double mean(double total, int count) { return count > 0 ? total / count : 0; }
    }
}
