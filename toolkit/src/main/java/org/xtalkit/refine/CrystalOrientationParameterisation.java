package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

/**
 * Crystal orientation as DIALS parameterises it: U = Φ3 Φ2 Φ1 U0 with Φi small rotations (mrad)
 * about the laboratory x, y and z axes, starting at zero.
 */
public final class CrystalOrientationParameterisation extends ModelParameterisation {
    private static final Vec3[] AXES = {new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)};
    private final Mat3 u0;
    private Mat3 u;
    private final Mat3[] dU = new Mat3[3];

    public CrystalOrientationParameterisation(Mat3 initialU) {
        super(new String[] {"Phi1", "Phi2", "Phi3"}, new double[3]);
        this.u0 = initialU;
        compose();
    }

    @Override protected void compose() {
        Mat3[] r = new Mat3[3], dr = new Mat3[3];
        for (int i = 0; i < 3; i++) {
            double a = values[i] / 1000;
            r[i] = Mat3.rotation(AXES[i], a);
            dr[i] = Rotations.dRotation(AXES[i], a).times(1.0 / 1000);
        }
        u = r[2].times(r[1]).times(r[0]).times(u0);
        dU[0] = r[2].times(r[1]).times(dr[0]).times(u0);
        dU[1] = r[2].times(dr[1]).times(r[0]).times(u0);
        dU[2] = dr[2].times(r[1]).times(r[0]).times(u0);
    }

    public Mat3 U() { return u; }
    public Mat3 dU(int i) { return dU[i]; }
}
