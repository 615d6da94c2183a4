package org.xtalkit.integrate;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.table.MaskCode;

/**
 * Foreground and background pixels of a shoebox, as DIALS' MaskCalculator3D: a pixel is
 * foreground when the corner of it nearest the reflection lies within Δb of s1 in the Kabsch
 * frame ((c1² + c2²)/Δb² ≤ 1), background otherwise; the same on every frame of the shoebox.
 */
final class ShoeboxMasker {
    private ShoeboxMasker() {}

    static void mask(Experiment e, ProfileModel model, ReflectionPixels r, Vec3 s1, double phi) {
        Panel p = e.detector().panel(r.panel);
        Vec3 s0 = e.beam().s0();
        double s0Length = s0.length();
        KabschFrame kf = new KabschFrame(e.goniometer().rotationAxisDatum(), s0, s1, phi);
        int x0 = r.bbox[0], y0 = r.bbox[2];
        int nx = r.bbox[1] - x0, ny = r.bbox[3] - y0, nz = r.bbox[5] - r.bbox[4];
        double rb2 = 1 / (model.deltaB() * model.deltaB());
        double[] corner = new double[(nx + 1) * (ny + 1)];
        for (int j = 0; j <= ny; j++)
            for (int i = 0; i <= nx; i++) {
                double[] c = kf.fromBeamVector(p.pixelToLab(x0 + i, y0 + j).normalize().times(s0Length));
                corner[j * (nx + 1) + i] = (c[0] * c[0] + c[1] * c[1]) * rb2;
            }
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                double d = Math.min(Math.min(corner[j * (nx + 1) + i], corner[(j + 1) * (nx + 1) + i]),
                        Math.min(corner[j * (nx + 1) + i + 1], corner[(j + 1) * (nx + 1) + i + 1]));
                int code = d <= 1 ? MaskCode.FOREGROUND : MaskCode.BACKGROUND;
                for (int k = 0; k < nz; k++) r.mask[(k * ny + j) * nx + i] |= code;
            }
    }
}
