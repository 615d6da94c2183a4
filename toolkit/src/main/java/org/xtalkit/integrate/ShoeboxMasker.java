package org.xtalkit.integrate;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.MaskCode;

/**
 * Foreground and background pixels of a shoebox, as DIALS' MaskCalculator3D: a pixel is
 * foreground when the corner of it nearest the reflection lies within Δb of s1 in the Kabsch
 * frame ((c1² + c2²)/Δb² ≤ 1), background otherwise; the same on every frame of the shoebox.
 * A neighbour's pixels in the shoebox are marked overlapped where they lie inside the neighbour's
 * 3D ellipsoid ((c1² + c2²)/Δb² + c3²/Δm² ≤ 1), as DIALS masks adjacent reflections.
 */
final class ShoeboxMasker {
    private ShoeboxMasker() {}

    static void mask(Experiment e, ProfileModel model, ReflectionPixels r, Vec3 s1, double phi) {
        int nx = r.bbox[1] - r.bbox[0], ny = r.bbox[3] - r.bbox[2], nz = r.bbox[5] - r.bbox[4];
        double[] corner = cornerDistances(e, model, r, new KabschFrame(e.goniometer().rotationAxisDatum(), e.beam().s0(), s1, phi));
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                int code = nearest(corner, nx, i, j) <= 1 ? MaskCode.FOREGROUND : MaskCode.BACKGROUND;
                for (int k = 0; k < nz; k++) r.mask[(k * ny + j) * nx + i] |= code;
            }
    }

    /**
     * Marks overlapped the pixels of {@code r} that lie in the foreground ellipsoid of a neighbour
     * with diffracted beam {@code s1} at φ {@code phi} (rad). On each frame c3 is taken at the frame
     * edge nearer the neighbour, as DIALS does.
     */
    static void markOverlapped(Experiment e, ProfileModel model, ReflectionPixels r, Vec3 s1, double phi) {
        int nx = r.bbox[1] - r.bbox[0], ny = r.bbox[3] - r.bbox[2], nz = r.bbox[5] - r.bbox[4];
        Scan scan = e.scan();
        KabschFrame kf = new KabschFrame(e.goniometer().rotationAxisDatum(), e.beam().s0(), s1, phi);
        double rm2 = 1 / (model.deltaM() * model.deltaM());
        double[] corner = null;
        for (int k = 0; k < nz; k++) {
            int frame = r.bbox[4] + k;
            if (frame < 0 || frame >= scan.numImages()) continue;
            double gz1 = kf.fromRotationAngle(Math.toRadians(scan.angleFromFrame(frame)));
            double gz2 = kf.fromRotationAngle(Math.toRadians(scan.angleFromFrame(frame + 1)));
            double gz = Math.abs(gz1) < Math.abs(gz2) ? gz1 : gz2;
            double gzc2 = gz * gz * rm2;
            if (gzc2 > 1) continue;
            if (corner == null) corner = cornerDistances(e, model, r, kf);
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++)
                    if (nearest(corner, nx, i, j) + gzc2 <= 1) r.mask[(k * ny + j) * nx + i] |= MaskCode.OVERLAPPED;
        }
    }

    /** (c1² + c2²)/Δb² of every pixel corner of the shoebox, (ny+1) rows of (nx+1). */
    private static double[] cornerDistances(Experiment e, ProfileModel model, ReflectionPixels r, KabschFrame kf) {
        Panel p = e.detector().panel(r.panel);
        double s0Length = e.beam().s0().length();
        int x0 = r.bbox[0], y0 = r.bbox[2];
        int nx = r.bbox[1] - x0, ny = r.bbox[3] - y0;
        double rb2 = 1 / (model.deltaB() * model.deltaB());
        double[] corner = new double[(nx + 1) * (ny + 1)];
        for (int j = 0; j <= ny; j++)
            for (int i = 0; i <= nx; i++) {
                double[] c = kf.fromBeamVector(p.pixelToLab(x0 + i, y0 + j).normalize().times(s0Length));
                corner[j * (nx + 1) + i] = (c[0] * c[0] + c[1] * c[1]) * rb2;
            }
        return corner;
    }

    /** The smallest of a pixel's four corner distances: the corner nearest the reflection. */
    private static double nearest(double[] corner, int nx, int i, int j) {
        int w = nx + 1;
        return Math.min(Math.min(corner[j * w + i], corner[(j + 1) * w + i]), Math.min(corner[j * w + i + 1], corner[(j + 1) * w + i + 1]));
    }
}
