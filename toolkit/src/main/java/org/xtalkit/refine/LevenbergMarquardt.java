package org.xtalkit.refine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Levenberg–Marquardt for weighted least squares, as DIALS' default refinery: solve
 * (JᵀWJ + μ·diag(JᵀWJ)) δ = -JᵀWr, accept steps that lower the objective, adapt μ (Nielsen's
 * update), stop when the RMSD no longer improves by a relative tolerance or after max iterations.
 */
public final class LevenbergMarquardt {

    /** A weighted least-squares problem: residuals, weights and Jacobian at the current parameters. */
    public interface Problem {
        int parameterCount();
        double[] parameters();
        void setParameters(double[] p);
        /** Fills residuals (length m), weights (m) and the Jacobian (m × n, row-major) at the current parameters. */
        Evaluation evaluate(boolean withJacobian);
    }

    public record Evaluation(double[] residuals, double[] weights, double[] jacobian) {
        double objective() {
            double s = 0;
            for (int i = 0; i < residuals.length; i++) s += weights[i] * residuals[i] * residuals[i];
            return s;
        }
    }

    /** What happened: objective per accepted iteration, the final normal matrix (for esds). */
    public record Result(int iterations, double[] objectiveHistory, double[] normalMatrix, boolean converged) {}

    private final int maxIterations;
    private final double tolerance;
    private final int components;

    /** Stops when the objective falls by less than the fraction {@code tolerance} in an accepted step. */
    public LevenbergMarquardt(int maxIterations, double tolerance) {
        this(maxIterations, tolerance, 0);
    }

    /**
     * With {@code components} > 0 the residuals are taken as interleaved tuples (X, Y, φ for
     * refinement) and the fit stops, as DIALS' rmsd_tolerance, when every component's RMSD changes
     * by less than the fraction {@code tolerance} in an accepted step.
     */
    public LevenbergMarquardt(int maxIterations, double tolerance, int components) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.components = components;
    }

    /** Weighted sum of squares of each interleaved component. */
    private double[] componentSums(Evaluation ev) {
        double[] s = new double[components];
        double[] r = ev.residuals(), w = ev.weights();
        for (int i = 0; i < r.length; i++) s[i % components] += w[i] * r[i] * r[i];
        return s;
    }

    private boolean rmsdsSettled(double[] before, double[] after) {
        for (int c = 0; c < components; c++)
            if (before[c] > 0 && Math.abs(1 - Math.sqrt(after[c] / before[c])) >= tolerance) return false;
        return true;
    }

    public Result minimise(Problem problem) {
        int n = problem.parameterCount();
        if (n == 0) { // everything fixed: nothing to move (μ would stay 0 and no step could be taken)
            Evaluation ev0 = problem.evaluate(false);
            return new Result(0, new double[] {ev0.objective()}, new double[0], true);
        }
        double[] p = problem.parameters();
        Evaluation ev = problem.evaluate(true);
        double f = ev.objective();
        double[] sums = components > 0 ? componentSums(ev) : null;
        double mu = -1, nu = 2;
        java.util.List<Double> history = new java.util.ArrayList<>();
        history.add(f);
        DMatrixRMaj normal = new DMatrixRMaj(n, n), grad = new DMatrixRMaj(n, 1);
        boolean converged = false;
        int it = 0;
        while (it < maxIterations) {
            it++;
            buildNormal(ev, n, normal, grad);
            if (mu < 0) {
                double maxDiag = 0;
                for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, normal.get(i, i));
                mu = maxDiag > 0 ? 1e-3 * maxDiag : 1e-3;
            }
            boolean accepted = false;
            while (!accepted) {
                DMatrixRMaj a = normal.copy();
                for (int i = 0; i < n; i++) a.add(i, i, mu);
                DMatrixRMaj step = new DMatrixRMaj(n, 1);
                LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
                if (!solver.setA(a)) { mu *= 10; if (mu > 1e30) break; continue; }
                DMatrixRMaj rhs = grad.copy();
                CommonOps_DDRM.scale(-1, rhs);
                solver.solve(rhs, step);
                double[] trial = p.clone();
                for (int i = 0; i < n; i++) trial[i] += step.get(i);
                problem.setParameters(trial);
                // the Jacobian only for steps that are kept
                Evaluation trialEv = problem.evaluate(false);
                double tf = trialEv.objective();
                // gain ratio: actual / predicted reduction
                double predicted = 0;
                for (int i = 0; i < n; i++) predicted += step.get(i) * (mu * step.get(i) - grad.get(i));
                double rho = predicted > 0 ? (f - tf) / predicted : -1;
                if (rho > 0 && Double.isFinite(tf)) {
                    accepted = true;
                    double relative = (f - tf) / Math.max(f, 1e-300);
                    p = trial;
                    ev = problem.evaluate(true);
                    f = tf;
                    history.add(f);
                    mu *= Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3));
                    nu = 2;
                    if (components > 0) {
                        double[] now = componentSums(trialEv);
                        if (rmsdsSettled(sums, now)) converged = true;
                        sums = now;
                    } else if (relative < tolerance) converged = true;
                } else {
                    problem.setParameters(p);
                    mu *= nu;
                    nu *= 2;
                    if (mu > 1e30) break;
                }
            }
            if (!accepted) { converged = true; break; }
            if (converged) break;
        }
        problem.setParameters(p);
        buildNormal(problem.evaluate(true), n, normal, grad);
        return new Result(it, history.stream().mapToDouble(Double::doubleValue).toArray(), normal.data.clone(), converged);
    }

    /** JᵀWJ (n × n, row-major) of an evaluation with its Jacobian. */
    public static double[] normalMatrix(Evaluation ev, int n) {
        DMatrixRMaj normal = new DMatrixRMaj(n, n), grad = new DMatrixRMaj(n, 1);
        buildNormal(ev, n, normal, grad);
        return normal.data;
    }

    private static void buildNormal(Evaluation ev, int n, DMatrixRMaj normal, DMatrixRMaj grad) {
        normal.zero();
        grad.zero();
        double[] r = ev.residuals(), w = ev.weights(), j = ev.jacobian();
        double[] nm = normal.data, g = grad.data;
        for (int row = 0; row < r.length; row++) {
            double wi = w[row];
            if (wi == 0) continue;
            int o = row * n;
            for (int a = 0; a < n; a++) {
                double ja = j[o + a] * wi;
                if (ja == 0) continue;
                g[a] += ja * r[row];
                for (int b = a; b < n; b++) nm[a * n + b] += ja * j[o + b];
            }
        }
        for (int a = 0; a < n; a++) for (int b = 0; b < a; b++) nm[a * n + b] = nm[b * n + a];
    }
}
