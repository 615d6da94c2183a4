package org.xtalkit.simulate;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The true crystal: cubic insulin, I2₁3, a = 77.9 Å, in an orientation drawn uniformly from the
 * seed, with an optional linear drift of the cell edge and of the orientation (about a seeded axis)
 * through the sweep. Frame z runs from 0 (start of the first image) to n (end of the last).
 *
 * @param cellEdge   a at z = 0, Å
 * @param u0         orientation at z = 0
 * @param driftAxis  axis of the orientation drift
 * @param cellDrift  relative change of a from z = 0 to z = n
 * @param driftDeg   rotation from z = 0 to z = n, degrees
 * @param nFrames    n
 */
public record InsulinCrystal(double cellEdge, Mat3 u0, Vec3 driftAxis, double cellDrift, double driftDeg, int nFrames) {
    public static final double A_INSULIN = 77.9;
    /** I2₁3 (No. 199) as a Hall symbol, as dxtbx writes it into .expt files. */
    public static final String HALL_I213 = " I 2b 2c 3";

    public static InsulinCrystal of(long seed, double cellDrift, double driftDeg, int nFrames) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        // a uniform random rotation from a normalised 4D Gaussian (a uniform unit quaternion)
        double w = gauss(rng), x = gauss(rng), y = gauss(rng), z = gauss(rng);
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n; x /= n; y /= n; z /= n;
        Mat3 u = new Mat3(
                1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y));
        Vec3 axis = new Vec3(gauss(rng), gauss(rng), gauss(rng)).normalize();
        return new InsulinCrystal(A_INSULIN, u, axis, cellDrift, driftDeg, nFrames);
    }

    /** Cell edge at frame z. */
    public double cellEdgeAt(double z) { return cellEdge * (1 + cellDrift * z / nFrames); }

    /** U at frame z. */
    public Mat3 uAt(double z) {
        return driftDeg == 0 ? u0 : Mat3.rotation(driftAxis, Math.toRadians(driftDeg * z / nFrames)).times(u0);
    }

    /** A = UB at frame z (for a cubic cell B = I / a). */
    public Mat3 aAt(double z) { return uAt(z).times(1 / cellEdgeAt(z)); }

    public boolean drifts() { return cellDrift != 0 || driftDeg != 0; }

    /** The dxtbx crystal model: A at z = 0, and A at every scan point 0..n when the crystal drifts. */
    public Crystal model(double mosaicityDeg) { return model(mosaicityDeg, 0, nFrames); }

    /**
     * The crystal model of a sweep that records frames {@code from .. from+frames} of the exposure:
     * A at its start, and at each of its frames+1 scan points when the crystal drifts.
     */
    public Crystal model(double mosaicityDeg, int from, int frames) {
        Crystal c = Crystal.fromA(aAt(from), HALL_I213);
        c = new Crystal(c.realA(), c.realB(), c.realC(), HALL_I213, mosaicityDeg, List.of(), null);
        if (!drifts()) return c;
        List<Mat3> points = new ArrayList<>();
        for (int i = 0; i <= frames; i++) points.add(aAt(from + i));
        return c.withScanPoints(points);
    }

    private static double gauss(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
