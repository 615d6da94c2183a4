package org.xtalkit.refine;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.UnitCell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationResidualsTest {

    private RotationResiduals problem(SyntheticSweep s, Observations obs, Beam beam, Mat3 u, UnitCell cell,
                                      org.xtalkit.model.Panel panel, boolean freeWavelength) {
        BeamParameterisation bp = new BeamParameterisation(beam, s.goniometer);
        if (freeWavelength) { bp.release("nu"); bp.release("Mu1"); }
        return new RotationResiduals(obs, bp, new StaticCrystal(new CrystalOrientationParameterisation(u),
                new UnitCellParameterisation(cell, s.constraint)),
                new DetectorParameterisation[] {new DetectorParameterisation(panel)}, s.goniometer, 0, Math.toRadians(0.1));
    }

    @Test void everyAnalyticalDerivativeMatchesFiniteDifferences() {
        for (var c : new Object[][] {
                {new UnitCell(50, 60, 70, 90, 100, 90), LatticeConstraint.MONOCLINIC},
                {new UnitCell(41, 47, 53, 85, 97, 103), LatticeConstraint.TRICLINIC},
                {new UnitCell(77.9, 77.9, 77.9, 90, 90, 90), LatticeConstraint.CUBIC}}) {
            SyntheticSweep s = new SyntheticSweep((UnitCell) c[0], (LatticeConstraint) c[1]);
            Observations obs = s.observe(3.0, 10, 0, 1);
            Observations few = obs.select(java.util.stream.IntStream.range(0, Math.min(60, obs.size())).toArray());
            // move away from zero so that derivatives at non-trivial values are checked too
            RotationResiduals prob = problem(s, few, s.beam, s.u, s.cell, s.panel, true);
            double[] p0 = prob.parameters();
            for (int i = 0; i < p0.length; i++) p0[i] += 0.3 * ((i % 3) - 1) * (i < 5 ? 1 : 0.01 * Math.abs(p0[i]) + 0.1);
            prob.setParameters(p0);
            JacobianCheck.assertMatchesFiniteDifferences(prob, String.valueOf(c[1]));
        }
    }

    @Test void staticRefinementRecoversPerturbedModels() {
        SyntheticSweep s = new SyntheticSweep(new UnitCell(50, 60, 70, 90, 100, 90), LatticeConstraint.MONOCLINIC);
        Observations obs = s.observe(2.5, 30, 0.2, 7);
        assertTrue(obs.size() > 500, "enough reflections: " + obs.size());
        // start 1 mm off in the detector, 0.3° off in orientation, 0.5 % off in the cell, 0.05° in the beam
        Beam beam = s.beam.withS0(Mat3.rotation(new Vec3(0, 1, 0), Math.toRadians(0.05)).times(s.beam.s0()));
        Mat3 u = Mat3.rotation(new Vec3(1, 1, 0), Math.toRadians(0.3)).times(s.u);
        UnitCell cell = new UnitCell(50.25, 59.8, 70.3, 90, 100.3, 90);
        var panel = s.panel.withFrame(s.panel.fastAxis(), s.panel.slowAxis(), s.panel.origin().plus(new Vec3(0.5, -0.4, -1.0)));
        RotationResiduals prob = problem(s, obs, beam, u, cell, panel, false);
        var result = new LevenbergMarquardt(50, 1e-10).minimise(prob);
        assertTrue(result.converged());
        UnitCellParameterisation cp = (UnitCellParameterisation) prob.parameterisations().get(2);
        UnitCell refined = cp.unitCell();
        assertEquals(50, refined.a(), 50 * 2e-4);
        assertEquals(60, refined.b(), 60 * 2e-4);
        assertEquals(70, refined.c(), 70 * 2e-4);
        assertEquals(100, refined.beta(), 0.02);
        Mat3 uRef = ((CrystalOrientationParameterisation) prob.parameterisations().get(1)).U();
        Mat3 dU = uRef.times(s.u.transpose());
        double angle = Math.toDegrees(Math.acos(Math.min(1, (dU.get(0, 0) + dU.get(1, 1) + dU.get(2, 2) - 1) / 2)));
        assertTrue(angle < 0.01, "orientation error " + angle + "°");
        // RMSDs reach the noise level (0.2 px = 0.0344 mm)
        var ev = prob.evaluate(false);
        double sx = 0;
        int n = 0;
        for (int i = 0; i < ev.residuals().length; i += 3) { sx += ev.residuals()[i] * ev.residuals()[i]; n++; }
        assertEquals(0.2 * 0.172, Math.sqrt(sx / n), 0.005);
    }
}
