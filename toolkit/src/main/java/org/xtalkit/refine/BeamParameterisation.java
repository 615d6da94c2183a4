package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Goniometer;

/**
 * The beam as DIALS parameterises it: two small rotations of s0 (Mu1, Mu2 in mrad) about axes in
 * the plane normal to s0 — Mu1 in the spindle-beam plane, Mu2 normal to it — and the wavenumber
 * nu = |s0| (Å⁻¹). DIALS' defaults are kept: Mu1 is fixed (with a goniometer it rotates s0 about
 * the spindle, which a rotation of the crystal about the spindle mimics exactly) and so is nu
 * (it correlates with the detector distance).
 */
public final class BeamParameterisation extends ModelParameterisation {
    private final Beam initial;
    private final Vec3 unitS0, axis1, axis2;
    private Vec3 s0;
    private final Vec3[] ds0 = new Vec3[3];

    public BeamParameterisation(Beam beam, Goniometer goniometer) {
        super(new String[] {"Mu1", "Mu2", "nu"}, new double[] {0, 0, 1 / beam.wavelength()});
        this.initial = beam;
        Vec3 s = beam.s0();
        this.unitS0 = s.normalize();
        if (goniometer != null) {
            Vec3 spindle = goniometer.rotationAxisDatum();
            axis2 = s.cross(spindle).normalize();
            axis1 = axis2.cross(s).normalize();
        } else {
            Vec3 ortho = Math.abs(unitS0.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
            axis1 = unitS0.cross(ortho).normalize();
            axis2 = unitS0.cross(axis1).normalize();
        }
        fix("Mu1");
        fix("nu");
        compose();
    }

    @Override protected void compose() {
        double mu1 = values[0] / 1000, mu2 = values[1] / 1000, nu = values[2];
        Mat3 r1 = Mat3.rotation(axis1, mu1), r2 = Mat3.rotation(axis2, mu2);
        Vec3 dir = r2.times(r1).times(unitS0);
        s0 = dir.times(nu);
        ds0[0] = r2.times(Rotations.dRotation(axis1, mu1)).times(unitS0).times(nu / 1000);
        ds0[1] = Rotations.dRotation(axis2, mu2).times(r1).times(unitS0).times(nu / 1000);
        ds0[2] = dir;
    }

    public Vec3 s0() { return s0; }

    /** d s0 / d parameter i. */
    public Vec3 ds0(int i) { return ds0[i]; }

    public Beam beam() { return initial.withS0(s0); }
}
