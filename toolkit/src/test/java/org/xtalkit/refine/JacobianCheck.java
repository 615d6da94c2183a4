package org.xtalkit.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks a problem's analytical Jacobian against central finite differences at its current parameters. */
final class JacobianCheck {
    private JacobianCheck() {}

    /** Every element to 1e-6 relative (absolute below 1); {@code label} names the case in failures. */
    static void assertMatchesFiniteDifferences(RotationResiduals prob, String label) {
        assertMatchesFiniteDifferences(prob, prob.parameterNames(), label);
    }

    static void assertMatchesFiniteDifferences(LevenbergMarquardt.Problem prob, java.util.List<String> names, String label) {
        double[] p0 = prob.parameters();
        var ev = prob.evaluate(true);
        int np = p0.length, m = ev.residuals().length;
        for (int j = 0; j < np; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(p0[j]));
            double[] plus = p0.clone(), minus = p0.clone();
            plus[j] += h;
            minus[j] -= h;
            prob.setParameters(plus);
            double[] rp = prob.evaluate(false).residuals();
            prob.setParameters(minus);
            double[] rm = prob.evaluate(false).residuals();
            prob.setParameters(p0);
            for (int i = 0; i < m; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h), an = ev.jacobian()[i * np + j];
                assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), label + " " + names.get(j) + " residual " + i);
            }
        }
    }
}
