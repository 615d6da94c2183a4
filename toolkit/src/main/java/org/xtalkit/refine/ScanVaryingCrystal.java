package org.xtalkit.refine;

import org.xtalkit.math.Mat3;

/**
 * A scan-varying crystal as dials.refine models it: each orientation angle and each free cell
 * parameter has values at the smoother's sample points; at a frame the instantaneous parameters are
 * their Gaussian-smoothed means, and d(state)/d(sample value k) = d(state)/d(parameter) · w_k(frame).
 */
public final class ScanVaryingCrystal implements CrystalModel {
    private final GaussianSmoother smoother;
    private final CrystalOrientationParameterisation instantOrientation;
    private final UnitCellParameterisation instantCell;
    private final Smoothed orientation, cell;
    private double[] w;
    private final int nSamples;

    /** @param cellVarying false keeps the cell static (DIALS' crystal.unit_cell.force_static) */
    public ScanVaryingCrystal(StaticCrystal start, GaussianSmoother smoother, boolean cellVarying) {
        this.smoother = smoother;
        this.nSamples = smoother.numValues();
        this.instantOrientation = start.orientation();
        this.instantCell = start.cell();
        this.orientation = new Smoothed(start.orientation(), nSamples);
        this.cell = cellVarying ? new Smoothed(start.cell(), nSamples) : null;
        at(0);
    }

    @Override public void at(double frame) {
        w = smoother.weights(frame);
        instantOrientation.setValues(orientation.valuesAt(w));
        if (cell != null) instantCell.setValues(cell.valuesAt(w));
    }

    @Override public Mat3 U() { return instantOrientation.U(); }
    @Override public Mat3 B() { return instantCell.B(); }

    @Override public Mat3 dU(int i) {
        double wk = w[i % nSamples];
        return wk == 0 ? null : instantOrientation.dU(i / nSamples).times(wk);
    }

    @Override public Mat3 dB(int i) {
        if (cell == null) return instantCell.dB(i);
        double wk = w[i % nSamples];
        return wk == 0 ? null : instantCell.dB(i / nSamples).times(wk);
    }

    @Override public ModelParameterisation orientation() { return orientation; }
    @Override public ModelParameterisation cell() { return cell != null ? cell : instantCell; }

    /** U at a frame (for writing A at every scan point). */
    public Mat3 UAt(double frame) { at(frame); return U(); }
    public Mat3 BAt(double frame) { at(frame); return B(); }

    /**
     * The sample values of a static parameterisation's parameters: value i = parameter i / n,
     * sample i % n. Starts with every sample at the static value; fixed static parameters stay fixed.
     */
    static final class Smoothed extends ModelParameterisation {
        private final int n;

        Smoothed(ModelParameterisation base, int n) {
            super(names(base, n), replicate(base.values(), n));
            this.n = n;
            for (int i = 0; i < base.size(); i++)
                if (!base.isFree(i)) for (int k = 0; k < n; k++) fix(base.name(i) + "_sample" + k);
        }

        double[] valuesAt(double[] w) {
            double[] v = new double[values.length / n];
            for (int p = 0; p < v.length; p++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += w[k] * values[p * n + k];
                v[p] = s;
            }
            return v;
        }

        @Override protected void compose() { }

        private static String[] names(ModelParameterisation base, int n) {
            String[] s = new String[base.size() * n];
            for (int i = 0; i < base.size(); i++) for (int k = 0; k < n; k++) s[i * n + k] = base.name(i) + "_sample" + k;
            return s;
        }

        private static double[] replicate(double[] v, int n) {
            double[] out = new double[v.length * n];
            for (int i = 0; i < v.length; i++) for (int k = 0; k < n; k++) out[i * n + k] = v[i];
            return out;
        }
    }
}
