package org.xtalkit.index;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A strong-spot list made from a known crystal: every lattice point to d_min that crosses the
 * Ewald sphere during the scan and lands on the detector, with centroid noise and a few false
 * spots. The imported experiment (no crystal) and the truth are kept. Crossings come from the
 * same predictor the simulator and refinement use.
 */
final class SyntheticSweep {
    final Experiment truth;
    final ExperimentList imported;
    final ReflectionTable strong;

    /** An i04-like sweep: λ 0.9795 Å, 200 mm, 1030 x 1065 px of 0.15 mm, images of 0.5°. */
    static Experiment geometry(int nImages, Crystal crystal) {
        double pix = 0.15;
        int nx = 1030, ny = 1065;
        Panel p = new Panel("Panel", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0),
                new Vec3(-nx / 2.0 * pix, ny / 2.0 * pix, -200), new int[] {0, 0}, nx, ny, pix, pix, -1, 1e6,
                0.45, "Si", 0, "", List.of(), 1, 0, false, null);
        Scan scan = new Scan(1, nImages, 0, 0, 0.5, new double[nImages], new double[nImages]);
        return new Experiment("synthetic", Beam.simple(0.9795), new Detector(List.of(p)),
                Goniometer.singleAxis(new Vec3(1, 0, 0)), scan, crystal, null, null, null);
    }

    static Crystal randomOrientation(Crystal c, long seed) {
        Random rnd = new Random(seed);
        Vec3 axis = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        Mat3 r = Mat3.rotation(axis, rnd.nextDouble() * Math.PI);
        return c.withA(r.times(c.A()));
    }

    SyntheticSweep(Experiment truth, char centring, double dMin, double noisePx, double falseFraction, long seed) {
        this.truth = truth;
        this.imported = ExperimentList.of(truth.withCrystal(null));
        Random rnd = new Random(seed);
        Mat3 a = truth.crystal().A();
        RotationPredictor predictor = new RotationPredictor(a, truth.beam(), truth.goniometer());
        Panel panel = truth.detector().panel(0);
        double[] range = truth.scan().oscillationRange(), phis = new double[2];
        double mid = Math.toRadians((range[0] + range[1]) / 2);
        List<double[]> spots = new ArrayList<>();
        int hmax = (int) Math.ceil(truth.crystal().unitCell().a() / dMin) + 2;
        for (int h = -hmax; h <= hmax; h++)
            for (int k = -hmax; k <= hmax; k++)
                for (int l = -hmax; l <= hmax; l++) {
                    if ((h | k | l) == 0 || !MacroCycles.allowed(centring, h, k, l)) continue;
                    if (a.times(new Vec3(h, k, l)).length() > 1 / dMin || !predictor.rotationAngles(h, k, l, phis)) continue;
                    for (double phi : phis) {
                        double deg = Math.toDegrees(RotationPredictor.nearest(phi, mid));
                        if (deg < range[0] || deg >= range[1]) continue;
                        double[] px = panel.rayToPixel(predictor.s1(h, k, l, Math.toRadians(deg)));
                        if (px == null || !panel.contains(px[0], px[1])) continue;
                        double z = truth.scan().frameFromAngle(deg);
                        spots.add(new double[] {px[0] + noisePx * rnd.nextGaussian(), px[1] + noisePx * rnd.nextGaussian(), z + 0.1 * rnd.nextGaussian()});
                    }
                }
        int nFalse = (int) Math.round(falseFraction * spots.size());
        for (int i = 0; i < nFalse; i++)
            spots.add(new double[] {rnd.nextDouble() * panel.imageSizeFast(), rnd.nextDouble() * panel.imageSizeSlow(), rnd.nextDouble() * truth.scan().numImages()});
        strong = new ReflectionTable(spots.size());
        double[] xyz = strong.newVec3("xyzobs.px.value"), var = strong.newVec3("xyzobs.px.variance");
        double[] inten = strong.newDoubles("intensity.sum.value"), ivar = strong.newDoubles("intensity.sum.variance");
        strong.newInts("id");
        strong.newSizes("panel");
        for (int i = 0; i < spots.size(); i++) {
            System.arraycopy(spots.get(i), 0, xyz, 3 * i, 3);
            var[3 * i] = var[3 * i + 1] = 0.1; var[3 * i + 2] = 0.05;
            inten[i] = 1000 * (1 + rnd.nextDouble());
            ivar[i] = inten[i];
        }
    }
}
