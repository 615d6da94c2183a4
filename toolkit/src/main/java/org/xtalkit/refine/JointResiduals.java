package org.xtalkit.refine;

import java.util.List;

/**
 * Several experiments refined together: each experiment's residuals stacked over one parameter
 * vector, so a model two experiments share (beam, detector, crystal) gets derivatives from both.
 */
public final class JointResiduals implements LevenbergMarquardt.Problem {
    private final ParameterVector vector;
    private final List<RotationResiduals> parts;

    /** @param parts one per experiment, each built over {@code vector} */
    public JointResiduals(ParameterVector vector, List<RotationResiduals> parts) {
        this.vector = vector;
        this.parts = List.copyOf(parts);
        for (RotationResiduals r : parts)
            if (r.vector() != vector) throw new IllegalArgumentException("every part must share the parameter vector");
    }

    public List<RotationResiduals> parts() { return parts; }
    public ParameterVector vector() { return vector; }

    @Override public int parameterCount() { return vector.count(); }
    @Override public double[] parameters() { return vector.get(); }
    @Override public void setParameters(double[] p) { vector.set(p); }

    @Override public LevenbergMarquardt.Evaluation evaluate(boolean withJacobian) {
        int np = vector.count(), m = 0;
        LevenbergMarquardt.Evaluation[] ev = new LevenbergMarquardt.Evaluation[parts.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = parts.get(i).evaluate(withJacobian);
            m += ev[i].residuals().length;
        }
        if (ev.length == 1) return ev[0];
        double[] r = new double[m], w = new double[m], jac = withJacobian ? new double[m * np] : null;
        int at = 0;
        for (LevenbergMarquardt.Evaluation e : ev) {
            int len = e.residuals().length;
            System.arraycopy(e.residuals(), 0, r, at, len);
            System.arraycopy(e.weights(), 0, w, at, len);
            if (withJacobian) System.arraycopy(e.jacobian(), 0, jac, at * np, len * np);
            at += len;
        }
        return new LevenbergMarquardt.Evaluation(r, w, jac);
    }
}
