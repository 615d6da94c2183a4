package org.xtalkit.refine;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanVaryingTest {
    private static final double OSC = Math.toRadians(0.1);

    @Test void smootherWeightsSumToOneAndFollowALinearTrend() {
        GaussianSmoother s = new GaussianSmoother(0, 900, GaussianSmoother.intervals(90, 36));
        assertEquals(3, s.numValues()); // 90° / 36° = 2 intervals -> 3 sample values
        for (double z = 0; z <= 900; z += 37.5) {
            double sum = 0;
            for (double w : s.weights(z)) sum += w;
            assertEquals(1, sum, 1e-12);
        }
    }

    private RotationResiduals svProblem(SyntheticSweep s, Observations obs, int nImages, int intervals) {
        BeamParameterisation bp = new BeamParameterisation(s.beam, s.goniometer);
        StaticCrystal st = new StaticCrystal(new CrystalOrientationParameterisation(s.u),
                new UnitCellParameterisation(s.cell, s.constraint));
        ScanVaryingCrystal sv = new ScanVaryingCrystal(st, new GaussianSmoother(0, nImages, intervals), true);
        DetectorParameterisation[] dp = {new DetectorParameterisation(s.panel)};
        dp[0].fixAll();
        return new RotationResiduals(obs, bp, sv, dp, s.goniometer, 0, OSC);
    }

    @Test void scanVaryingDerivativesMatchFiniteDifferences() {
        SyntheticSweep s = new SyntheticSweep(new UnitCell(50, 60, 70, 90, 100, 90), LatticeConstraint.MONOCLINIC);
        Observations obs = s.observe(3.0, 90, 0, 2);
        int[] rows = java.util.stream.IntStream.range(0, obs.size()).filter(i -> i % 60 == 0).toArray();
        RotationResiduals prob = svProblem(s, obs.select(rows), 900, 2);
        double[] p0 = prob.parameters();
        for (int i = 0; i < p0.length; i++) p0[i] += 0.05 * Math.sin(i);
        prob.setParameters(p0);
        JacobianCheck.assertMatchesFiniteDifferences(prob, "scan-varying");
    }

    @Test void scanVaryingCellFollowsALinearDrift() {
        SyntheticSweep s = new SyntheticSweep(new UnitCell(50, 60, 70, 90, 100, 90), LatticeConstraint.MONOCLINIC);
        double phiMax = Math.toRadians(90);
        Observations obs = s.observe(2.5, 90, 0.2, 11, phi -> s.driftingA(phi, phiMax, 0.003, 0.05));
        int nImages = 900;
        RotationResiduals prob = svProblem(s, obs, nImages, GaussianSmoother.intervals(90, 36));
        var lm = new LevenbergMarquardt(50, 1e-10).minimise(prob);
        assertTrue(lm.converged());
        ScanVaryingCrystal sv = (ScanVaryingCrystal) crystalOf(prob);
        for (int image = 0; image <= nImages; image += 100) {
            double phi = image * OSC;
            Mat3 bTrue = UnitCell.fromVectors(
                    s.driftingA(phi, phiMax, 0.003, 0.05).inverse().transpose().column(0),
                    s.driftingA(phi, phiMax, 0.003, 0.05).inverse().transpose().column(1),
                    s.driftingA(phi, phiMax, 0.003, 0.05).inverse().transpose().column(2)).bMatrix();
            double aTrue = 1 / bTrue.get(0, 0), aRef = 1 / sv.BAt(image).get(0, 0);
            assertEquals(aTrue, aRef, aTrue * 3e-4, "a at image " + image);
        }
    }

    private static CrystalModel crystalOf(RotationResiduals r) { return r.crystal(); }
}
