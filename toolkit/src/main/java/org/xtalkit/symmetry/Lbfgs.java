package org.xtalkit.symmetry;

/**
 * Limited-memory BFGS (Liu &amp; Nocedal 1989) with the Moré–Thuente line search, step for step as
 * scitbx.lbfgs runs it (m = 5, maxfev 20, gtol 0.9, ftol 1e-4, xtol 1e-16, first step 1/|g|,
 * stop when |g| ≤ 1e-5·max(1, |x|) or after max_iterations). DIALS' curve fits stop this way long
 * before the least-squares minimum, so the figures it reports depend on the exact trajectory.
 * Where the line search fails on rounding errors scitbx returns the best point seen, as here;
 * other line-search failures are errors there and give null here.
 */
public final class Lbfgs {
    private Lbfgs() {}

    public interface Target {
        /** f(x), with its gradient written into g. */
        double evaluate(double[] x, double[] g);
    }

    private static final int M = 5, MAXFEV = 20;
    private static final double GTOL = 0.9, FTOL = 1e-4, XTOL = 1e-16, STPMIN = 1e-20, STPMAX = 1e20, EPS = 1e-5;

    /** The minimiser from x0 (not modified); null where scitbx would raise. */
    public static double[] minimise(Target t, double[] x0, int maxIterations) {
        int n = x0.length;
        double[] x = x0.clone(), g = new double[n];
        double f = t.evaluate(x, g);
        double fMin = f;
        double[] xMin = x.clone();
        double[][] s = new double[M][n], y = new double[M][n];
        double[] rho = new double[M], alpha = new double[M];
        int point = 0, iter = 0;
        double gnorm = Math.sqrt(dot(g, g));
        if (gnorm == 0) return x;
        double[] d = new double[n], gOld = new double[n], wa = new double[n];
        for (int i = 0; i < n; i++) d[i] = -g[i];
        while (true) {
            iter++;
            int bound = Math.min(iter - 1, M);
            if (iter != 1) {
                int last = (point + M - 1) % M;
                double ys = dot(y[last], s[last]), yy = dot(y[last], y[last]);
                rho[last] = 1 / ys;
                for (int i = 0; i < n; i++) d[i] = -g[i];
                int cp = point;
                for (int k = 0; k < bound; k++) {
                    cp = (cp + M - 1) % M;
                    alpha[cp] = rho[cp] * dot(s[cp], d);
                    for (int i = 0; i < n; i++) d[i] -= alpha[cp] * y[cp][i];
                }
                for (int i = 0; i < n; i++) d[i] *= ys / yy;
                for (int k = 0; k < bound; k++) {
                    double beta = alpha[cp] - rho[cp] * dot(y[cp], d);
                    for (int i = 0; i < n; i++) d[i] += beta * s[cp][i];
                    cp = (cp + 1) % M;
                }
            }
            double stp = iter == 1 ? 1 / gnorm : 1;
            System.arraycopy(g, 0, gOld, 0, n);
            // Moré–Thuente line search along d from x
            double dginit = dot(g, d);
            if (dginit >= 0) return null;  // not a descent direction
            LineState ls = new LineState();
            ls.width = STPMAX - STPMIN;
            ls.width1 = 2 * ls.width;
            System.arraycopy(x, 0, wa, 0, n);
            double finit = f, dgtest = FTOL * dginit;
            ls.fx = finit; ls.dgx = dginit; ls.fy = finit; ls.dgy = dginit;
            boolean stage1 = true;
            int nfev = 0, infoc = 1;
            while (true) {
                double stmin, stmax;
                if (ls.brackt) { stmin = Math.min(ls.stx, ls.sty); stmax = Math.max(ls.stx, ls.sty); }
                else { stmin = ls.stx; stmax = stp + 4 * (stp - ls.stx); }
                stp = Math.min(Math.max(stp, STPMIN), STPMAX);
                if ((ls.brackt && (stp <= stmin || stp >= stmax)) || nfev >= MAXFEV - 1 || infoc == 0
                        || (ls.brackt && stmax - stmin <= XTOL * stmax)) stp = ls.stx;
                for (int i = 0; i < n; i++) x[i] = wa[i] + stp * d[i];
                f = t.evaluate(x, g);
                if (f < fMin) { fMin = f; xMin = x.clone(); }
                nfev++;
                double dg = dot(g, d), ftest1 = finit + stp * dgtest;
                if ((ls.brackt && (stp <= stmin || stp >= stmax)) || infoc == 0) return xMin;  // rounding errors: the best point
                if ((stp == STPMAX && f <= ftest1 && dg <= dgtest) || (stp == STPMIN && (f > ftest1 || dg >= dgtest))
                        || nfev >= MAXFEV || (ls.brackt && stmax - stmin <= XTOL * stmax)) return null;
                if (f <= ftest1 && Math.abs(dg) <= GTOL * (-dginit)) break;
                if (stage1 && f <= ftest1 && dg >= Math.min(FTOL, GTOL) * dginit) stage1 = false;
                ls.stp = stp;
                if (stage1 && f <= ls.fx && f > ftest1) {
                    // the modified function ψ(α) = f(α) − f(0) − ftol·α·f'(0)
                    LineState m = ls.copy();
                    m.fx = ls.fx - ls.stx * dgtest; m.fy = ls.fy - ls.sty * dgtest;
                    m.dgx = ls.dgx - dgtest; m.dgy = ls.dgy - dgtest;
                    infoc = m.step(f - stp * dgtest, dg - dgtest, stmin, stmax);
                    ls.stx = m.stx; ls.sty = m.sty; ls.stp = m.stp; ls.brackt = m.brackt;
                    ls.fx = m.fx + m.stx * dgtest; ls.fy = m.fy + m.sty * dgtest;
                    ls.dgx = m.dgx + dgtest; ls.dgy = m.dgy + dgtest;
                } else {
                    infoc = ls.step(f, dg, stmin, stmax);
                }
                stp = ls.stp;
                if (ls.brackt) {
                    if (Math.abs(ls.sty - ls.stx) >= 0.66 * ls.width1) stp = ls.stx + 0.5 * (ls.sty - ls.stx);
                    ls.width1 = ls.width;
                    ls.width = Math.abs(ls.sty - ls.stx);
                }
            }
            for (int i = 0; i < n; i++) { s[point][i] = stp * d[i]; y[point][i] = g[i] - gOld[i]; }
            point = (point + 1) % M;
            if (Math.sqrt(dot(g, g)) <= EPS * Math.max(1, Math.sqrt(dot(x, x)))) return x;
            if (iter >= maxIterations) return x;
        }
    }

    /** The interval of uncertainty [stx, sty] and the trial step of the Moré–Thuente search. */
    private static final class LineState {
        double stx, fx, dgx, sty, fy, dgy, stp, width, width1;
        boolean brackt;

        LineState copy() {
            LineState c = new LineState();
            c.stx = stx; c.fx = fx; c.dgx = dgx; c.sty = sty; c.fy = fy; c.dgy = dgy; c.stp = stp; c.brackt = brackt;
            return c;
        }

        /** MINPACK-2's dcstep (mcstep): a safeguarded cubic/quadratic step; 0 when the input is inconsistent. */
        int step(double fp, double dp, double stpmin, double stpmax) {
            if ((brackt && (stp <= Math.min(stx, sty) || stp >= Math.max(stx, sty))) || dgx * (stp - stx) >= 0 || stpmax < stpmin) return 0;
            double sgnd = dp * (dgx / Math.abs(dgx)), stpf, stpc, stpq, theta, s, gamma, p, q, r;
            boolean bound;
            int info;
            if (fp > fx) {
                info = 1; bound = true;
                theta = 3 * (fx - fp) / (stp - stx) + dgx + dp;
                s = max3(theta, dgx, dp);
                gamma = s * Math.sqrt(sq(theta / s) - (dgx / s) * (dp / s));
                if (stp < stx) gamma = -gamma;
                p = (gamma - dgx) + theta;
                q = ((gamma - dgx) + gamma) + dp;
                r = p / q;
                stpc = stx + r * (stp - stx);
                stpq = stx + ((dgx / ((fx - fp) / (stp - stx) + dgx)) / 2) * (stp - stx);
                stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
                brackt = true;
            } else if (sgnd < 0) {
                info = 2; bound = false;
                theta = 3 * (fx - fp) / (stp - stx) + dgx + dp;
                s = max3(theta, dgx, dp);
                gamma = s * Math.sqrt(sq(theta / s) - (dgx / s) * (dp / s));
                if (stp > stx) gamma = -gamma;
                p = (gamma - dp) + theta;
                q = ((gamma - dp) + gamma) + dgx;
                r = p / q;
                stpc = stp + r * (stx - stp);
                stpq = stp + (dp / (dp - dgx)) * (stx - stp);
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                brackt = true;
            } else if (Math.abs(dp) < Math.abs(dgx)) {
                info = 3; bound = true;
                theta = 3 * (fx - fp) / (stp - stx) + dgx + dp;
                s = max3(theta, dgx, dp);
                gamma = s * Math.sqrt(Math.max(0, sq(theta / s) - (dgx / s) * (dp / s)));
                if (stp > stx) gamma = -gamma;
                p = (gamma - dp) + theta;
                q = (gamma + (dgx - dp)) + gamma;
                r = p / q;
                if (r < 0 && gamma != 0) stpc = stp + r * (stx - stp);
                else stpc = stp > stx ? stpmax : stpmin;
                stpq = stp + (dp / (dp - dgx)) * (stx - stp);
                if (brackt) stpf = Math.abs(stp - stpc) < Math.abs(stp - stpq) ? stpc : stpq;
                else stpf = Math.abs(stp - stpc) > Math.abs(stp - stpq) ? stpc : stpq;
            } else {
                info = 4; bound = false;
                if (brackt) {
                    theta = 3 * (fp - fy) / (sty - stp) + dgy + dp;
                    s = max3(theta, dgy, dp);
                    gamma = s * Math.sqrt(sq(theta / s) - (dgy / s) * (dp / s));
                    if (stp > sty) gamma = -gamma;
                    p = (gamma - dp) + theta;
                    q = ((gamma - dp) + gamma) + dgy;
                    r = p / q;
                    stpf = stp + r * (sty - stp);
                } else stpf = stp > stx ? stpmax : stpmin;
            }
            if (fp > fx) { sty = stp; fy = fp; dgy = dp; }
            else {
                if (sgnd < 0) { sty = stx; fy = fx; dgy = dgx; }
                stx = stp; fx = fp; dgx = dp;
            }
            stpf = Math.max(stpmin, Math.min(stpmax, stpf));
            stp = stpf;
            if (brackt && bound) stp = sty > stx ? Math.min(stx + 0.66 * (sty - stx), stp) : Math.max(stx + 0.66 * (sty - stx), stp);
            return info;
        }
    }

    private static double max3(double a, double b, double c) { return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c))); }

    private static double sq(double v) { return v * v; }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
