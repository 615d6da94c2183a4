package org.xtalkit.model;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.List;

/**
 * One flat detector panel, as dxtbx's Panel. Lengths in mm in the laboratory frame.
 * Pixel (i, j) spans [i, i+1) x [j, j+1) in (fast, slow): the centre of the first pixel is (0.5, 0.5).
 *
 * @param name           panel name
 * @param type           "SENSOR_PAD", "SENSOR_CCD", ...
 * @param fastAxis       unit vector along increasing fast pixel index
 * @param slowAxis       unit vector along increasing slow pixel index
 * @param origin         lab position of the corner of pixel (0, 0), mm
 * @param rawImageOffset offset of this panel in the raw image (fast, slow), for multi-panel images
 * @param imageSizeFast  pixels along fast
 * @param imageSizeSlow  pixels along slow
 * @param pixelSizeFast  mm
 * @param pixelSizeSlow  mm
 * @param trustedMin     pixel values at or below are not trusted (dxtbx: value &gt; min is valid)
 * @param trustedMax     pixel values at or above are overloads (dxtbx: value &lt; max is valid)
 * @param thickness      sensor thickness, mm
 * @param material       sensor material ("Si", "CdTe")
 * @param mu             linear attenuation coefficient of the sensor, mm^-1 (for parallax correction)
 * @param identifier     serial number or other id
 * @param mask           untrusted rectangles (x0, y0, x1, y1), half-open in pixels, as dxtbx stores them
 * @param gain           detector gain (counts per photon)
 * @param pedestal       detector pedestal
 * @param parallax       true for ParallaxCorrectedPxMmStrategy, false for SimplePxMmStrategy
 * @param projection2d   optional 2D layout for image viewers (rotation 4 ints + translation 2 ints), or null
 */
public record Panel(String name, String type, Vec3 fastAxis, Vec3 slowAxis, Vec3 origin,
                    int[] rawImageOffset, int imageSizeFast, int imageSizeSlow,
                    double pixelSizeFast, double pixelSizeSlow, double trustedMin, double trustedMax,
                    double thickness, String material, double mu, String identifier,
                    List<int[]> mask, double gain, double pedestal, boolean parallax, int[] projection2d) {

    public Panel {
        mask = List.copyOf(mask);
        rawImageOffset = rawImageOffset.clone();
        projection2d = projection2d == null ? null : projection2d.clone();
    }

    /** Unit normal of the panel (fast x slow). */
    public Vec3 normal() { return fastAxis.cross(slowAxis).normalize(); }

    /** The d matrix of dxtbx: columns fast, slow, origin; lab = D (x_mm, y_mm, 1). */
    public Mat3 dMatrix() { return Mat3.ofColumns(fastAxis, slowAxis, origin); }

    /** Lab coordinate of a point given in panel mm (x along fast, y along slow). */
    public Vec3 labCoord(double xMm, double yMm) {
        return origin.plus(fastAxis.times(xMm)).plus(slowAxis.times(yMm));
    }

    /** Distance from the sample to the panel plane along its normal, mm. */
    public double distance() { return Math.abs(origin.dot(normal())); }

    /** Lab position (mm) of a pixel coordinate, with parallax correction where the panel uses it. */
    public Vec3 pixelToLab(double px, double py) {
        double[] mm = pixelToMm(px, py);
        return labCoord(mm[0], mm[1]);
    }

    /**
     * Pixel -> panel millimetres, as dxtbx's ParallaxCorrectedPxMmStrategy::to_millimeter: the
     * simple mm position shifted back by the mean absorption depth along the ray through that
     * position. This is dxtbx's one-step approximation of the inverse of {@link #mmToPixel} (not an
     * exact inverse; it agrees to well under a micrometre for real geometries), kept so that
     * pixel -> mm conversions give the numbers DIALS gives.
     */
    public double[] pixelToMm(double px, double py) {
        double x = px * pixelSizeFast, y = py * pixelSizeSlow;
        if (!parallax || mu <= 0 || thickness <= 0) return new double[] {x, y};
        double[] c = parallaxOffset(x, y);
        return new double[] {x - c[0], y - c[1]};
    }

    /** Panel millimetres (ray intersection with the surface) -> pixel coordinate. */
    public double[] mmToPixel(double xMm, double yMm) {
        double x = xMm, y = yMm;
        if (parallax && mu > 0 && thickness > 0) {
            double[] c = parallaxOffset(xMm, yMm);
            x += c[0];
            y += c[1];
        }
        return new double[] {x / pixelSizeFast, y / pixelSizeSlow};
    }

    /**
     * dxtbx parallax_correction: the mean penetration depth of the ray into a sensor of
     * thickness t with attenuation mu, projected onto the panel plane, along the ray direction.
     */
    private double[] parallaxOffset(double xMm, double yMm) {
        Vec3 s1 = labCoord(xMm, yMm).normalize();
        double cosT = Math.abs(s1.dot(normal()));
        double t0 = thickness;
        double att = 1 / mu;
        double o = att - (t0 / cosT + att) * Math.exp(-mu * t0 / cosT);
        return new double[] {o * s1.dot(fastAxis), o * s1.dot(slowAxis)};
    }

    /**
     * Where a ray from the sample along s1 hits the panel plane, in panel mm (surface point, no
     * parallax), or null when the ray runs away from the plane.
     */
    public double[] rayIntersection(Vec3 s1) {
        Mat3 dInv = dMatrix().inverse();
        Vec3 v = dInv.times(s1);
        if (v.z() <= 0) return null;
        return new double[] {v.x() / v.z(), v.y() / v.z()};
    }

    /** Pixel where a ray hits the panel (parallax corrected where used), or null. */
    public double[] rayToPixel(Vec3 s1) {
        double[] mm = rayIntersection(s1);
        return mm == null ? null : mmToPixel(mm[0], mm[1]);
    }

    /** True when the pixel coordinate lies on the panel. */
    public boolean contains(double px, double py) {
        return px >= 0 && py >= 0 && px < imageSizeFast && py < imageSizeSlow;
    }

    /** Resolution (Å) of a pixel coordinate for a beam. */
    public double resolutionAtPixel(Beam beam, double px, double py) {
        Vec3 s1 = pixelToLab(px, py).normalize().times(1 / beam.wavelength());
        Vec3 q = s1.minus(beam.s0());
        return 1 / q.length();
    }

    /** Intersection of the direct beam with the panel plane, panel mm (no parallax), or null. */
    public double[] beamCentreMm(Beam beam) { return rayIntersection(beam.s0()); }

    /** Direct beam position in pixels, or null. */
    public double[] beamCentrePx(Beam beam) {
        double[] mm = beamCentreMm(beam);
        return mm == null ? null : mmToPixel(mm[0], mm[1]);
    }

    /** A copy with another origin and axes (refinement, beam-centre search). */
    public Panel withFrame(Vec3 fast, Vec3 slow, Vec3 newOrigin) {
        return new Panel(name, type, fast, slow, newOrigin, rawImageOffset, imageSizeFast, imageSizeSlow,
                pixelSizeFast, pixelSizeSlow, trustedMin, trustedMax, thickness, material, mu, identifier,
                mask, gain, pedestal, parallax, projection2d);
    }

    public int pixelCount() { return imageSizeFast * imageSizeSlow; }
}
