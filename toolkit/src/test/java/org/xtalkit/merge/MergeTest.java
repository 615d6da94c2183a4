package org.xtalkit.merge;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Merged intensities and amplitudes against dials.merge's merged.mtz (as CSV in ../shared/reference). */
class MergeTest {

    static MergedReflections merge(ScaledInput in) {
        return Merge.run(ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true), in.spaceGroup(), in.medianCell());
    }

    @Test
    void quartz() throws Exception {
        Path d = SharedData.data("quartz_processed");
        compare(merge(ScaledInput.read(List.of(d.resolve("scaled.expt")), List.of(d.resolve("scaled.refl")))), "quartz.merged.csv", 0.03);
    }

    @Test
    void lCysteine() throws Exception {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        compare(merge(ScaledInput.read(
                List.of(d.resolve("scaled_20_25.expt"), d.resolve("scaled_30.expt"), d.resolve("scaled_35.expt")),
                List.of(d.resolve("scaled_20_25.refl"), d.resolve("scaled_30.refl"), d.resolve("scaled_35.refl")))),
                "l_cysteine_4_sweeps.merged.csv", 0.01);
    }

    /**
     * Intensities, σ and multiplicities as DIALS (float32 precision); amplitudes within fTol for weak
     * reflections (our French–Wilson table is integrated exactly, DIALS' is cctbx's 3-decimal one, and
     * equal-count prior shells split ties of d differently) and 1 % where ⟨I⟩/σ > 5.
     */
    private static void compare(MergedReflections m, String csv, double fTol) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.reference(csv));
        Map<String, String[]> ref = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] w = lines.get(i).split(",", -1);
            ref.put(w[0] + "," + w[1] + "," + w[2], w);
        }
        assertEquals(ref.size(), m.size(), "unique reflections");
        double[][] cols = {m.iMean(), m.sigIMean(), m.iPlus(), m.sigIPlus(), m.iMinus(), m.sigIMinus(), null, null,
                m.f(), m.sigF(), m.fPlus(), m.sigFPlus(), m.fMinus(), m.sigFMinus(), m.dano(), m.sigDano()};
        for (int r = 0; r < m.size(); r++) {
            String key = m.hkl()[3 * r] + "," + m.hkl()[3 * r + 1] + "," + m.hkl()[3 * r + 2];
            String[] w = ref.get(key);
            assertNotNull(w, "reflection " + key + " not in DIALS' merged file");
            assertEquals(w[9].isEmpty() ? 0 : Integer.parseInt(w[9]), m.nPlus()[r], key + " N(+)");
            assertEquals(w[10].isEmpty() ? 0 : Integer.parseInt(w[10]), m.nMinus()[r], key + " N(-)");
            boolean strong = m.iMean()[r] / m.sigIMean()[r] > 5;
            for (int c = 0; c < cols.length; c++) {
                if (cols[c] == null) continue;
                String s = w[3 + c];
                double mine = cols[c][r];
                assertEquals(s.isEmpty(), Double.isNaN(mine), key + " presence of column " + (3 + c));
                if (s.isEmpty()) continue;
                double want = Double.parseDouble(s);
                if (c < 6) assertEquals(want, mine, 2e-5 * Math.abs(want) + 1e-6, key + " column " + (3 + c));
                else if (c == 14) assertEquals(want, mine, fTol * 3 * Math.max(Math.abs(cols[8][r]), 1) + 1e-6, key + " DANO");
                else assertEquals(want, mine, (strong ? 0.01 : fTol) * Math.abs(want) + 1e-6, key + " column " + (3 + c));
            }
        }
    }

    @Test
    void frenchWilsonMomentsAtZero() {
        // h = 0: acentric posterior is a half-normal, ⟨J⟩ = √(2/π); centric ⟨J⟩ = √2·Γ(3/4)/Γ(1/4)
        double[][] a = FrenchWilson.table(false), c = FrenchWilson.table(true);
        assertEquals(Math.sqrt(2 / Math.PI), a[40][0], 1e-6);
        assertEquals(Math.sqrt(2) * 1.2254167024651776 / 3.6256099082219083, c[40][0], 1e-6);
        // strong acentric reflection: F → √I, σF → σ/(2F)
        double[][] f = FrenchWilson.amplitudes(new double[] {10000, 10000}, new double[] {10, 10}, new boolean[] {false, false}, new double[] {1, 1});
        assertEquals(Math.sqrt(10000 - 10 * 10 / 10000.0 / 1.0 * 0), f[0][0], 0.01);
        assertEquals(10 / (2 * f[0][0]), f[1][0], 1e-3);
    }
}
