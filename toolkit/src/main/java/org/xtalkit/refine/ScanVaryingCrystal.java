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
    private final int nSamples;
    /** States already composed at the current sample values, by frame (refinement asks at block centres). */
    private final java.util.Map<Double, State> cache = new java.util.HashMap<>();
    private long cachedVersion = -1;
    private State state;

    /** U, B and their derivatives by the instantaneous parameters, and the sample weights, at one frame. */
    private record State(double[] w, Mat3 u, Mat3 b, Mat3[] dU, Mat3[] dB) {}

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
        long version = orientation.version + (cell != null ? cell.version : 0) + instantCellVersion();
        if (version != cachedVersion) { cache.clear(); cachedVersion = version; }
        state = cache.computeIfAbsent(frame, this::compose);
    }

    /** A static cell refined alongside the smoothed orientation changes the states too. */
    private long instantCellVersion() {
        if (cell != null) return 0;
        long h = 0;
        for (int i = 0; i < instantCell.size(); i++) h = 31 * h + Double.hashCode(instantCell.value(i));
        return h;
    }

    private State compose(double frame) {
        double[] w = smoother.weights(frame);
        instantOrientation.setValues(orientation.valuesAt(w));
        if (cell != null) instantCell.setValues(cell.valuesAt(w));
        Mat3[] du = new Mat3[instantOrientation.size()], db = new Mat3[instantCell.size()];
        for (int i = 0; i < du.length; i++) du[i] = instantOrientation.dU(i);
        for (int i = 0; i < db.length; i++) db[i] = instantCell.dB(i);
        return new State(w, instantOrientation.U(), instantCell.B(), du, db);
    }

    @Override public Mat3 U() { return state.u(); }
    @Override public Mat3 B() { return state.b(); }

    @Override public Mat3 dU(int i) {
        double wk = state.w()[i % nSamples];
        return wk == 0 ? null : state.dU()[i / nSamples].times(wk);
    }

    @Override public Mat3 dB(int i) {
        if (cell == null) return state.dB()[i];
        double wk = state.w()[i % nSamples];
        return wk == 0 ? null : state.dB()[i / nSamples].times(wk);
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
        /** Counts changes of the sample values, so composed states are known to be stale. */
        long version;

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

        @Override protected void compose() { version++; }

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
