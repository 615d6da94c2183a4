package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-image and per-resolution summaries count and average what dials.integrate's report does. */
class IntegrationReportTest {

    @Test void binsByImageAndResolution() {
        int n = 400;
        ReflectionTable t = new ReflectionTable(n);
        double[] d = t.newDoubles("d"), z = t.newVec3("xyzcal.px"), obs = t.newVec3("xyzobs.px.value");
        double[] part = t.newDoubles("partiality"), bg = t.newDoubles("background.mean");
        double[] iSum = t.newDoubles("intensity.sum.value"), vSum = t.newDoubles("intensity.sum.variance");
        double[] iPrf = t.newDoubles("intensity.prf.value"), vPrf = t.newDoubles("intensity.prf.variance"), cc = t.newDoubles("profile.correlation");
        t.newInts("id");
        long[] flags = t.flags();
        for (int i = 0; i < n; i++) {
            d[i] = 1.0 + 3.0 * i / n;                    // 1 to 4 Å
            z[3 * i + 2] = -2 + 14.0 * i / n;            // frames -2 .. 12 of a 10-image scan
            z[3 * i] = 100;
            obs[3 * i] = 100.3;                          // 0.3 px off in x
            obs[3 * i + 1] = 0.4;                        // 0.4 px off in y: 0.5 px
            part[i] = i % 4 == 0 ? 0.5 : 1.0;
            bg[i] = 2;
            iSum[i] = 100;
            vSum[i] = 400;                               // I/σ 5
            iPrf[i] = 100;
            vPrf[i] = 100;                               // I/σ 10
            cc[i] = 0.9;
            flags[i] = Flag.PREDICTED.bits | Flag.INTEGRATED_SUM.bits | (i % 2 == 0 ? Flag.INTEGRATED_PRF.bits : 0);
            if (i % 10 == 0) flags[i] = Flag.PREDICTED.bits | Flag.FAILED_DURING_SUMMATION.bits;
        }
        IntegrationReport r = IntegrationReport.of(t, 0, 10, 20);
        assertEquals(10, r.byImage().size());
        assertEquals(20, r.byResolution().size());
        int images = 0, shells = 0;
        for (IntegrationReport.Bin b : r.byImage()) images += b.full() + b.partial();
        for (IntegrationReport.Bin b : r.byResolution()) shells += b.full() + b.partial();
        assertEquals(n, images, "every reflection on an image (before/after the scan: first/last)");
        assertEquals(n, shells, "every reflection in a shell");
        IntegrationReport.Bin first = r.byImage().get(0);
        assertTrue(first.full() + first.partial() > 2 * n / 14, "padded reflections counted on image 1");
        IntegrationReport.Bin all = r.overall();
        assertEquals(n / 4, all.partial());
        assertEquals(n - n / 10, all.summed());
        assertEquals(n / 2 - n / 10, all.fitted());
        assertEquals(5, all.ioSigmaSum(), 1e-12);
        assertEquals(10, all.ioSigmaPrf(), 1e-12);
        assertEquals(0.9, all.ccPrf(), 1e-12);
        assertEquals(0.5, all.rmsdXy(), 1e-9);
        assertEquals(2, all.background(), 1e-12);
        assertEquals(4.0, all.lo(), 0.01);
        assertEquals(1.0, all.hi(), 0.01);
        // shells of equal reciprocal volume: d_max falls, 1/d³ steps are equal
        for (int k = 1; k < 20; k++) {
            IntegrationReport.Bin a = r.byResolution().get(k - 1), b = r.byResolution().get(k);
            assertEquals(a.hi(), b.lo(), 1e-12);
            assertEquals(Math.pow(a.hi(), -3) - Math.pow(a.lo(), -3), Math.pow(b.hi(), -3) - Math.pow(b.lo(), -3), 1e-9);
        }
        assertTrue(r.imageTable().get(3).contains("   0      1"), r.imageTable().get(3));
        assertEquals(20 + 3, r.resolutionTable().size());
    }
}
