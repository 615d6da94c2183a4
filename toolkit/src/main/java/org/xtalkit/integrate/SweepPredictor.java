package org.xtalkit.integrate;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.Arrays;

/**
 * Every reflection of a rotation sweep, as dials.predict: each h within d_min whose reciprocal
 * lattice point crosses the Ewald sphere inside the scan, at both crossings, with where it lands on
 * the detector. A scan-varying crystal is followed: φ is iterated with A interpolated between
 * scan points until it is consistent.
 */
public final class SweepPredictor {
    private SweepPredictor() {}

    /**
     * @param dMin resolution limit (Å); null for the detector's corner resolution
     * @return a table with miller_index, id, panel, entering, s1, xyzcal.px, xyzcal.mm, d, flags=predicted
     */
    public static ReflectionTable predict(Experiment e, int id, Double dMin) {
        return predict(e, id, dMin, 0);
    }

    /**
     * As {@link #predict(Experiment, int, Double)}, with crossings up to {@code paddingDeg} either side
     * of the scan (DIALS' prediction.padding, 1° for integration): the rocking curves of reflections
     * centred just outside the scan still reach into its first or last images.
     */
    public static ReflectionTable predict(Experiment e, int id, Double dMin, double paddingDeg) {
        Crystal c = e.crystal();
        Scan scan = e.scan();
        double limit = dMin != null ? dMin : cornerResolution(e);
        Mat3 a0 = c.isScanVarying() ? c.AAtScanPoint(scan.numImages() / 2) : c.A();
        Vec3 s0 = e.beam().s0();
        Mat3 real = Mat3.ofColumns(c.realA(), c.realB(), c.realC());
        int hMax = (int) Math.ceil(c.realA().length() / limit), kMax = (int) Math.ceil(c.realB().length() / limit),
                lMax = (int) Math.ceil(c.realC().length() / limit);
        double phiLo = Math.toRadians(scan.oscillationRange()[0] - paddingDeg),
                phiHi = Math.toRadians(scan.oscillationRange()[1] + paddingDeg);
        double phiMid = 0.5 * (phiLo + phiHi);
        double maxS2 = 1 / (limit * limit);

        Growable g = new Growable();
        RotationPredictor staticPred = new RotationPredictor(a0, e.beam(), e.goniometer());
        double[] angles = new double[2];
        for (int h = -hMax; h <= hMax; h++)
            for (int k = -kMax; k <= kMax; k++)
                for (int l = -lMax; l <= lMax; l++) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    Vec3 r = a0.times(new Vec3(h, k, l));
                    if (r.dot(r) > maxS2) continue;
                    if (!staticPred.rotationAngles(h, k, l, angles)) continue;
                    for (int which = 0; which < 2; which++) {
                        double phi = RotationPredictor.nearest(angles[which], phiMid);
                        if (c.isScanVarying()) phi = followScanVarying(e, h, k, l, which, phi);
                        if (!(phi >= phiLo && phi < phiHi)) continue;
                        g.add(e, h, k, l, which == 1, phi, c);
                    }
                }
        return g.table(e, id);
    }

    /** The resolution at the detector corner farthest from the beam, as dxtbx's max resolution. */
    static double cornerResolution(Experiment e) {
        double best = Double.POSITIVE_INFINITY;
        for (Panel p : e.detector().panels())
            for (double[] xy : new double[][] {{0, 0}, {p.imageSizeFast(), 0}, {0, p.imageSizeSlow()},
                    {p.imageSizeFast(), p.imageSizeSlow()}})
                best = Math.min(best, p.resolutionAtPixel(e.beam(), xy[0], xy[1]));
        return best;
    }

    /** Re-solve φ with A at the reflection's own frame until it stops moving. */
    private static double followScanVarying(Experiment e, int h, int k, int l, int which, double phi) {
        double[] angles = new double[2];
        for (int it = 0; it < 5; it++) {
            Mat3 a = aAtAngle(e, phi);
            RotationPredictor p = new RotationPredictor(a, e.beam(), e.goniometer());
            if (!p.rotationAngles(h, k, l, angles)) return Double.NaN;
            double next = RotationPredictor.nearest(angles[which], phi);
            if (Math.abs(next - phi) < 1e-9) return next;
            phi = next;
        }
        return phi;
    }

    /** A at φ (rad), linear between the scan points either side. */
    static Mat3 aAtAngle(Experiment e, double phi) {
        Crystal c = e.crystal();
        if (!c.isScanVarying()) return c.A();
        Scan scan = e.scan();
        double z = scan.frameFromAngle(Math.toDegrees(phi));
        int n = c.aAtScanPoints().size() - 1;
        double zc = Math.max(0, Math.min(n, z));
        int i = Math.min(n - 1, (int) Math.floor(zc));
        double f = zc - i;
        return c.AAtScanPoint(i).times(1 - f).plus(c.AAtScanPoint(i + 1).times(f));
    }

    /** Columns grown as reflections are found. */
    private static final class Growable {
        int n;
        int[] miller = new int[3 * 1024], panel = new int[1024];
        boolean[] entering = new boolean[1024];
        double[] s1 = new double[3 * 1024], px = new double[3 * 1024], mm = new double[3 * 1024], d = new double[1024];

        void add(Experiment e, int h, int k, int l, boolean enter, double phi, Crystal c) {
            Mat3 a = aAtAngle(e, phi);
            Vec3 rLab = e.goniometer().rotationAt(phi).times(a.times(new Vec3(h, k, l)));
            Vec3 s = e.beam().s0().plus(rLab);
            int p = e.detector().panelHitBy(s);
            if (p < 0) return;
            Panel pan = e.detector().panel(p);
            double[] xyMm = pan.rayIntersection(s);
            double[] xyPx = pan.mmToPixel(xyMm[0], xyMm[1]);
            if (n == panel.length) grow();
            miller[3 * n] = h;
            miller[3 * n + 1] = k;
            miller[3 * n + 2] = l;
            panel[n] = p;
            entering[n] = enter;
            s1[3 * n] = s.x();
            s1[3 * n + 1] = s.y();
            s1[3 * n + 2] = s.z();
            px[3 * n] = xyPx[0];
            px[3 * n + 1] = xyPx[1];
            px[3 * n + 2] = e.scan().frameFromAngle(Math.toDegrees(phi));
            mm[3 * n] = xyMm[0];
            mm[3 * n + 1] = xyMm[1];
            mm[3 * n + 2] = phi;
            d[n] = 1 / a.times(new Vec3(h, k, l)).length();
            n++;
        }

        private void grow() {
            int m = panel.length * 2;
            miller = Arrays.copyOf(miller, 3 * m);
            panel = Arrays.copyOf(panel, m);
            entering = Arrays.copyOf(entering, m);
            s1 = Arrays.copyOf(s1, 3 * m);
            px = Arrays.copyOf(px, 3 * m);
            mm = Arrays.copyOf(mm, 3 * m);
            d = Arrays.copyOf(d, m);
        }

        ReflectionTable table(Experiment e, int id) {
            ReflectionTable t = new ReflectionTable(n);
            System.arraycopy(miller, 0, t.newMiller("miller_index"), 0, 3 * n);
            Arrays.fill(t.newInts("id"), id);
            long[] pl = t.newSizes("panel");
            for (int i = 0; i < n; i++) pl[i] = panel[i];
            System.arraycopy(entering, 0, t.newBools("entering"), 0, n);
            System.arraycopy(s1, 0, t.newVec3("s1"), 0, 3 * n);
            System.arraycopy(px, 0, t.newVec3("xyzcal.px"), 0, 3 * n);
            System.arraycopy(mm, 0, t.newVec3("xyzcal.mm"), 0, 3 * n);
            System.arraycopy(d, 0, t.newDoubles("d"), 0, n);
            Arrays.fill(t.flags(), Flag.PREDICTED.bits);
            t.setIdentifier(id, e.identifier());
            return t;
        }
    }
}
