package org.xtalkit.integrate;

import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.Shoebox;

import java.util.SplittableRandom;

/**
 * Shoeboxes of reflections whose profile is exactly the gaussian_rs model: a Gaussian of σ_b in
 * (c1, c2) and σ_m in c3 of the Kabsch frame, integrated over each pixel (4×4 sub-pixels, each
 * weighted by its solid angle in (c1, c2)) and each frame (erf), on a flat background, with
 * Poisson noise. Masks as DIALS' MaskCalculator3D: foreground where a pixel corner lies inside
 * the n_sigma ellipse of (c1, c2), background elsewhere, all pixels valid.
 */
final class SyntheticShoeboxes {
    private static final int SUB = 4;

    private final Experiment e;
    private final ProfileModel model;

    SyntheticShoeboxes(Experiment e, ProfileModel model) {
        this.e = e;
        this.model = model;
    }

    /** The expected counts (intensity × profile + background) of a reflection's shoebox, or null when off the panel. */
    Shoebox expected(Vec3 s1, double phi, double frame, double intensity, double background) {
        int[] bbox = model.bbox(e, s1, frame, 0);
        Panel p = e.detector().panel(0);
        if (bbox == null || bbox[0] < 0 || bbox[2] < 0 || bbox[1] > p.imageSizeFast() || bbox[3] > p.imageSizeSlow())
            return null;
        KabschFrame kf = new KabschFrame(e.goniometer().rotationAxisDatum(), e.beam().s0(), s1, phi);
        int nx = bbox[1] - bbox[0], ny = bbox[3] - bbox[2], nz = bbox[5] - bbox[4];
        double sb = model.sigmaB(), db2 = model.deltaB() * model.deltaB();
        double[] c1 = new double[(nx + 1) * (ny + 1)], c2 = new double[c1.length];
        for (int j = 0; j <= ny; j++)
            for (int i = 0; i <= nx; i++) {
                Vec3 u = p.pixelToLab(bbox[0] + i, bbox[2] + j).normalize();
                c1[j * (nx + 1) + i] = kf.e1().dot(u);
                c2[j * (nx + 1) + i] = kf.e2().dot(u);
            }
        double[] f2 = new double[nx * ny];
        boolean[] fg = new boolean[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                int a = j * (nx + 1) + i, b = a + 1, c = a + nx + 2, d = a + nx + 1;
                double area = 0.5 * Math.abs((c1[c] - c1[a]) * (c2[d] - c2[b]) - (c1[d] - c1[b]) * (c2[c] - c2[a]));
                double sum = 0;
                for (int v = 0; v < SUB; v++)
                    for (int w = 0; w < SUB; w++) {
                        double fx = (w + 0.5) / SUB, fy = (v + 0.5) / SUB;
                        double x = (1 - fx) * (1 - fy) * c1[a] + fx * (1 - fy) * c1[b] + fx * fy * c1[c] + (1 - fx) * fy * c1[d];
                        double y = (1 - fx) * (1 - fy) * c2[a] + fx * (1 - fy) * c2[b] + fx * fy * c2[c] + (1 - fx) * fy * c2[d];
                        sum += Math.exp(-(x * x + y * y) / (2 * sb * sb));
                    }
                f2[j * nx + i] = sum / (SUB * SUB) * area / (2 * Math.PI * sb * sb);
                double r2 = Double.POSITIVE_INFINITY;
                for (int q : new int[] {a, b, c, d}) r2 = Math.min(r2, c1[q] * c1[q] + c2[q] * c2[q]);
                fg[j * nx + i] = r2 <= db2;
            }
        Scan scan = e.scan();
        float[] data = new float[nx * ny * nz], bg = new float[data.length];
        int[] mask = new int[data.length];
        for (int k = 0; k < nz; k++) {
            double za = kf.zeta() * (Math.toRadians(scan.angleFromFrame(bbox[4] + k)) - phi);
            double zb = kf.zeta() * (Math.toRadians(scan.angleFromFrame(bbox[4] + k + 1)) - phi);
            double f3 = Erf.normalFraction(Math.min(za, zb), Math.max(za, zb), 0, model.sigmaM());
            for (int q = 0; q < nx * ny; q++) {
                int idx = k * nx * ny + q;
                data[idx] = (float) (intensity * f2[q] * f3 + background);
                bg[idx] = (float) background;
                mask[idx] = MaskCode.VALID | (fg[q] ? MaskCode.FOREGROUND : MaskCode.BACKGROUND);
            }
        }
        return new Shoebox(0, bbox, data, mask, bg);
    }

    /** The same shoebox with Poisson noise drawn. */
    static Shoebox noisy(Shoebox expected, SplittableRandom rng) {
        float[] d = expected.data().clone();
        for (int i = 0; i < d.length; i++) d[i] = poisson(d[i], rng);
        return new Shoebox(expected.panel(), expected.bbox(), d, expected.mask(), expected.background());
    }

    /** Poisson deviate: inversion below 30, a rounded normal above (counts in a pixel). */
    static int poisson(double lambda, SplittableRandom rng) {
        if (lambda <= 0) return 0;
        if (lambda >= 30) return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
        double u = rng.nextDouble(), p = Math.exp(-lambda), c = p;
        int n = 0;
        while (u > c && n < 200) {
            n++;
            p *= lambda / n;
            c += p;
        }
        return n;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
