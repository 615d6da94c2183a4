package org.xtalkit.step.merge;

import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.merge.MergedReflections;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.ArrayList;
import java.util.List;

/** dials.merge's merged.mtz layout: one dataset (AUTOMATIC / XTAL / NATIVE), columns in DIALS' order. */
public final class MergedMtz {
    private MergedMtz() {}

    public static Mtz of(MergedReflections m, UnitCell cell, SpaceGroup sg, double wavelength) {
        int n = m.size();
        float[] h = new float[n], k = new float[n], l = new float[n];
        for (int r = 0; r < n; r++) { h[r] = m.hkl()[3 * r]; k[r] = m.hkl()[3 * r + 1]; l[r] = m.hkl()[3 * r + 2]; }
        List<Mtz.Column> c = new ArrayList<>();
        c.add(new Mtz.Column("H", 'H', 1, h));
        c.add(new Mtz.Column("K", 'H', 1, k));
        c.add(new Mtz.Column("L", 'H', 1, l));
        c.add(col("IMEAN", 'J', m.iMean()));
        c.add(col("SIGIMEAN", 'Q', m.sigIMean()));
        c.add(col("I(+)", 'K', m.iPlus()));
        c.add(col("SIGI(+)", 'M', m.sigIPlus()));
        c.add(col("I(-)", 'K', m.iMinus()));
        c.add(col("SIGI(-)", 'M', m.sigIMinus()));
        c.add(counts("N(+)", m.nPlus()));
        c.add(counts("N(-)", m.nMinus()));
        c.add(col("F", 'F', m.f()));
        c.add(col("SIGF", 'Q', m.sigF()));
        c.add(col("F(+)", 'G', m.fPlus()));
        c.add(col("SIGF(+)", 'L', m.sigFPlus()));
        c.add(col("F(-)", 'G', m.fMinus()));
        c.add(col("SIGF(-)", 'L', m.sigFMinus()));
        c.add(col("DANO", 'D', m.dano()));
        c.add(col("SIGDANO", 'Q', m.sigDano()));
        return new Mtz("From xtalkit merge", cell, sg,
                List.of(new Mtz.Dataset(1, "AUTOMATIC", "XTAL", "NATIVE", cell, wavelength)), c, List.of(), List.of());
    }

    private static Mtz.Column col(String label, char type, double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return new Mtz.Column(label, type, 1, f);
    }

    /** Multiplicities; 0 (never measured) is missing. */
    private static Mtz.Column counts(String label, int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i] == 0 ? Float.NaN : v[i];
        return new Mtz.Column(label, 'I', 1, f);
    }
}
