package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Panel;

/**
 * A single panel's position and orientation: Dist (shift along the normal), Shift1/Shift2 (along
 * the fast and slow axes), all mm, and Tau1/Tau2/Tau3 (mrad) rotations about the normal, fast and
 * slow axes through the panel centre. Values start at zero (offsets from the initial panel).
 */
public final class DetectorParameterisation extends ModelParameterisation {
    private final Panel initial;
    private final Vec3 f0, s0, n0, pivot, originFromPivot;
    private Vec3 fast, slow, origin;
    private final Vec3[][] dFrame = new Vec3[6][];

    public DetectorParameterisation(Panel panel) {
        super(new String[] {"Dist", "Shift1", "Shift2", "Tau1", "Tau2", "Tau3"}, new double[6]);
        this.initial = panel;
        this.f0 = panel.fastAxis();
        this.s0 = panel.slowAxis();
        Vec3 n = f0.cross(s0).normalize();
        // the normal that points away from the sample, so that Dist > 0 moves the panel away
        this.n0 = n.dot(panel.origin()) < 0 ? n.negate() : n;
        this.pivot = panel.labCoord(panel.imageSizeFast() * panel.pixelSizeFast() / 2,
                panel.imageSizeSlow() * panel.pixelSizeSlow() / 2);
        this.originFromPivot = panel.origin().minus(pivot);
        compose();
    }

    @Override protected void compose() {
        Vec3[] axes = {n0, f0, s0};
        Mat3[] r = new Mat3[3], dr = new Mat3[3];
        for (int i = 0; i < 3; i++) {
            double a = values[3 + i] / 1000;
            r[i] = Mat3.rotation(axes[i], a);
            dr[i] = Rotations.dRotation(axes[i], a).times(1.0 / 1000);
        }
        Mat3 rot = r[0].times(r[1]).times(r[2]);
        Vec3 shift = n0.times(values[0]).plus(f0.times(values[1])).plus(s0.times(values[2]));
        fast = rot.times(f0);
        slow = rot.times(s0);
        origin = pivot.plus(shift).plus(rot.times(originFromPivot));
        dFrame[0] = new Vec3[] {Vec3.ZERO, Vec3.ZERO, n0};
        dFrame[1] = new Vec3[] {Vec3.ZERO, Vec3.ZERO, f0};
        dFrame[2] = new Vec3[] {Vec3.ZERO, Vec3.ZERO, s0};
        Mat3[] dRot = {
            dr[0].times(r[1]).times(r[2]), r[0].times(dr[1]).times(r[2]), r[0].times(r[1]).times(dr[2])};
        for (int i = 0; i < 3; i++)
            dFrame[3 + i] = new Vec3[] {dRot[i].times(f0), dRot[i].times(s0), dRot[i].times(originFromPivot)};
    }

    /** The d matrix (columns fast, slow, origin). */
    public Mat3 d() { return Mat3.ofColumns(fast, slow, origin); }

    /** d(d matrix)/d parameter i. */
    public Mat3 dd(int i) { return Mat3.ofColumns(dFrame[i][0], dFrame[i][1], dFrame[i][2]); }

    public Panel panel() { return initial.withFrame(fast, slow, origin); }
}
