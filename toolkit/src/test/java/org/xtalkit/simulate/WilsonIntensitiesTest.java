package org.xtalkit.simulate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The true intensities obey I2₁3: Laue group m-3 (not m-3m), I-centring, Wilson statistics. */
class WilsonIntensitiesTest {
    private final WilsonIntensities w = new WilsonIntensities(42, 15, 0);

    @Test
    void symmetryMatesUnder23AndFriedelMatesAgree() {
        int[] m = new int[3];
        for (int[] h : new int[][] {{3, 5, 8}, {10, 2, 6}, {1, 1, 2}, {7, 0, 3}}) {
            double i = w.intensityB0(h[0], h[1], h[2]);
            for (int op = 0; op < PointGroup23.ORDER; op++) {
                PointGroup23.apply(op, h[0], h[1], h[2], m);
                assertEquals(i, w.intensityB0(m[0], m[1], m[2]), 0, "23 mate of " + h[0] + h[1] + h[2]);
                assertEquals(i, w.intensityB0(-m[0], -m[1], -m[2]), 0, "Friedel mate");
            }
        }
        assertEquals(0, w.intensityB0(1, 0, 0), "I-centring absence");
        assertEquals(0, w.intensityB0(2, 2, 1), "I-centring absence");
    }

    /** m-3m would make I(h,k,l) = I(k,h,l): in m-3 they are independent, so they do not correlate. */
    @Test
    void theFourFoldTwinRelatedIntensitiesAreUncorrelated() {
        double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        int n = 0;
        for (int h = 1; h < 40; h++)
            for (int k = h + 1; k < 40; k++)
                for (int l = k + 1; l < 40; l++) {
                    if (((h + k + l) & 1) != 0) continue;
                    double a = w.intensityB0(h, k, l), b = w.intensityB0(k, h, l);
                    sx += a; sy += b; sxy += a * b; sxx += a * a; syy += b * b; n++;
                }
        double cc = (sxy / n - sx / n * sy / n) / Math.sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
        assertTrue(Math.abs(cc) < 0.05, "CC(I(hkl), I(khl)) = " + cc + " over " + n);
    }

    /** Second moments <I²>/<I>²: 2 for acentric, 3 for centric reflections (general positions, ε = 1). */
    @Test
    void acentricAndCentricIntensitiesFollowWilson() {
        double a1 = 0, a2 = 0, c1 = 0, c2 = 0;
        int na = 0, nc = 0;
        for (int h = -40; h <= 40; h++)
            for (int k = -40; k <= 40; k++)
                for (int l = 0; l <= 40; l++) {
                    if (((h + k + l) & 1) != 0 || (h == 0 && k == 0 && l == 0) || w.epsilon(h, k, l) != 1) continue;
                    double i = w.intensityB0(h, k, l);
                    if (w.isCentric(h, k, l)) { c1 += i; c2 += i * i; nc++; }
                    else { a1 += i; a2 += i * i; na++; }
                }
        assertEquals(1, a1 / na, 0.03, "acentric mean");
        assertEquals(2, (a2 / na) / Math.pow(a1 / na, 2), 0.1, "acentric <I^2>/<I>^2");
        assertEquals(1, c1 / nc, 0.06, "centric mean");
        assertEquals(3, (c2 / nc) / Math.pow(c1 / nc, 2), 0.3, "centric <I^2>/<I>^2");
        assertTrue(w.isCentric(4, 6, 0) && !w.isCentric(4, 6, 2), "hk0 is a centric zone of 23");
        assertEquals(2, w.epsilon(0, 0, 4));
        assertEquals(3, w.epsilon(2, 2, 2));
    }

    @Test
    void anomalousSignalSplitsFriedelMatesConsistently() {
        WilsonIntensities anom = new WilsonIntensities(42, 15, 0.05);
        int[] m = new int[3];
        double rms = 0;
        int n = 0;
        for (int h = 1; h < 20; h++)
            for (int k = 1; k < 20; k++) {
                int l = (h + k) % 2 == 0 ? 2 : 1;
                double plus = anom.intensityB0(h, k, l), minus = anom.intensityB0(-h, -k, -l);
                assertEquals(w.intensityB0(h, k, l), 0.5 * (plus + minus), 1e-9 * plus, "mean of I+ and I-");
                for (int op = 0; op < PointGroup23.ORDER; op++) {
                    PointGroup23.apply(op, h, k, l, m);
                    assertEquals(plus, anom.intensityB0(m[0], m[1], m[2]), 0, "23 mates agree");
                    assertEquals(minus, anom.intensityB0(-m[0], -m[1], -m[2]), 0, "their Friedel mates agree");
                }
                double delta = (plus - minus) / (plus + minus);
                rms += delta * delta;
                n++;
            }
        assertEquals(0.05, Math.sqrt(rms / n), 0.01, "rms relative Friedel difference");
        assertEquals(anom.intensityB0(4, 6, 0), anom.intensityB0(-4, -6, 0), 0, "centric: no anomalous difference");
    }
}
