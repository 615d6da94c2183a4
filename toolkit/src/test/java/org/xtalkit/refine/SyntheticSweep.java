package org.xtalkit.refine;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small rotation experiment with exact predicted centroids, for refinement tests. */
final class SyntheticSweep {
    final Beam beam = Beam.simple(0.9795);
    final Goniometer goniometer;
    final Panel panel = new Panel("Panel", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0),
            new Vec3(-211.0, 219.0, -190.0), new int[] {0, 0}, 2463, 2527, 0.172, 0.172, -1, 1e6,
            0.32, "Si", 3.9, "", List.of(), 1, 0, false, null);
    final UnitCell cell;
    final Mat3 u = Mat3.rotation(new Vec3(0.3, -0.5, 0.8), 0.6);
    final LatticeConstraint constraint;

    SyntheticSweep(UnitCell cell, LatticeConstraint constraint) {
        this(cell, constraint, Goniometer.singleAxis(new Vec3(1, 0, 0)));
    }

    /** The same crystal (at φ = 0 of a datum setting) seen through another goniometer setting. */
    SyntheticSweep(UnitCell cell, LatticeConstraint constraint, Goniometer goniometer) {
        this.cell = cell;
        this.constraint = constraint;
        this.goniometer = goniometer;
    }

    /** Observations of every reflection to dMin predicted on the panel within φ range (degrees). */
    Observations observe(double dMin, double phiRangeDeg, double noisePx, long seed) {
        Mat3 a = u.times(cell.bMatrix());
        return observe(dMin, phiRangeDeg, noisePx, seed, phi -> a);
    }

    /** A at φ (radians) for a crystal that changes through the sweep. */
    Mat3 driftingA(double phi, double phiMax, double cellDrift, double orientationDriftDeg) {
        double f = phi / phiMax;
        UnitCell c = new UnitCell(cell.a() * (1 + cellDrift * f), cell.b() * (1 + cellDrift * f),
                cell.c() * (1 + cellDrift * f), cell.alpha(), cell.beta(), cell.gamma());
        Mat3 rot = Mat3.rotation(new Vec3(0, 1, 1), Math.toRadians(orientationDriftDeg * f));
        return rot.times(u).times(c.bMatrix());
    }

    Observations observe(double dMin, double phiRangeDeg, double noisePx, long seed,
                         java.util.function.DoubleFunction<Mat3> aAt) {
        Random rnd = new Random(seed);
        Mat3 a = aAt.apply(0);
        Vec3 s0 = beam.s0();
        Mat3 f = goniometer.fixedRotation(), set = goniometer.settingRotation();
        Vec3 s0Datum = set.transpose().times(s0);
        int hmax = (int) Math.ceil(cell.a() / dMin), kmax = (int) Math.ceil(cell.b() / dMin), lmax = (int) Math.ceil(cell.c() / dMin);
        List<int[]> m = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        Mat3 dInv = panel.dMatrix().inverse();
        double phiMax = Math.toRadians(phiRangeDeg);
        for (int h = -hmax; h <= hmax; h++)
            for (int k = -kmax; k <= kmax; k++)
                for (int l = -lmax; l <= lmax; l++) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    if (cell.dSpacing(h, k, l) < dMin) continue;
                    Vec3 xv0 = f.times(a.times(new Vec3(h, k, l)));
                    double[] phis = new double[2];
                    if (!RotationPredictor.crossings(xv0.x(), xv0.y(), xv0.z(), goniometer.rotationAxis().toArray(), s0Datum.toArray(),
                            s0.dot(s0), phis)) continue;
                    for (int which = 0; which < 2; which++) {
                        double phi = RotationPredictor.nearest(phis[which], phiMax / 2);
                        Vec3 xv = xv0;
                        // a crystal that changes with φ: iterate to the self-consistent crossing
                        for (int it = 0; it < 4; it++) {
                            xv = f.times(aAt.apply(phi).times(new Vec3(h, k, l)));
                            double[] ps = new double[2];
                            if (!RotationPredictor.crossings(xv.x(), xv.y(), xv.z(), goniometer.rotationAxis().toArray(), s0Datum.toArray(),
                                    s0.dot(s0), ps)) { phi = Double.NaN; break; }
                            phi = RotationPredictor.nearest(ps[which], phi);
                        }
                        if (!(phi >= 0 && phi <= phiMax)) continue;
                        Vec3 s1 = s0.plus(set.times(Mat3.rotation(goniometer.rotationAxis(), phi)).times(xv));
                        Vec3 v = dInv.times(s1);
                        if (v.z() <= 0) continue;
                        double xmm = v.x() / v.z(), ymm = v.y() / v.z();
                        if (xmm < 0 || ymm < 0 || xmm > 2463 * 0.172 || ymm > 2527 * 0.172) continue;
                        double sxy = noisePx * 0.172, sphi = Math.toRadians(0.02);
                        m.add(new int[] {h, k, l});
                        x.add(new double[] {xmm + sxy * rnd.nextGaussian(), ymm + sxy * rnd.nextGaussian(),
                                phi + (noisePx > 0 ? sphi * rnd.nextGaussian() : 0)});
                    }
                }
        int n = m.size();
        int[] mi = new int[3 * n], p = new int[n];
        double[] xyz = new double[3 * n], var = new double[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m.get(i), 0, mi, 3 * i, 3);
            System.arraycopy(x.get(i), 0, xyz, 3 * i, 3);
            double sxy = Math.max(noisePx, 0.1) * 0.172, sphi = Math.toRadians(0.02);
            var[3 * i] = sxy * sxy;
            var[3 * i + 1] = sxy * sxy;
            var[3 * i + 2] = sphi * sphi;
        }
        return new Observations(mi, p, xyz, var);
    }
}
