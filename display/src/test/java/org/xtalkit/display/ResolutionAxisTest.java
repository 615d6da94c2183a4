package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResolutionAxisTest {
    @Test void ticksAreRoundResolutionsInsideTheRangeAndSpreadIn1OverDSquared() {
        double[] t = ResolutionAxis.ticks(27.5, 1.07, 8);
        assertTrue(t.length >= 4 && t.length <= 9, "a readable number of ticks: " + t.length);
        double gap = (ResolutionAxis.x(1.07) - ResolutionAxis.x(27.5)) / 8;
        for (int i = 0; i < t.length; i++) {
            assertTrue(t[i] >= 1.07 && t[i] <= 27.5, "inside the data: " + t[i]);
            assertEquals(t[i], Math.round(t[i] * 20) / 20.0, 1e-12, "round to 0.05 Å: " + t[i]);
            if (i > 0) {
                assertTrue(t[i] < t[i - 1], "low to high resolution");
                assertTrue(ResolutionAxis.x(t[i]) - ResolutionAxis.x(t[i - 1]) >= gap - 1e-12, "spread in 1/d²");
            }
        }
        assertEquals(1.1, t[t.length - 1], 1e-12, "the highest round resolution inside the data is labelled");
    }

    @Test void smallMoleculeRangeGetsSubAngstromTicks() {
        double[] t = ResolutionAxis.ticks(5.4, 0.56, 8);
        assertEquals(0.6, t[t.length - 1], 1e-12);
        assertTrue(t[0] >= 1.0, "the low-resolution end is labelled too: " + t[0]);
    }

    @Test void labelsDropTrailingZeros() {
        assertEquals("2", ResolutionAxis.label(2.0));
        assertEquals("2.5", ResolutionAxis.label(2.5));
        assertEquals("1.35", ResolutionAxis.label(1.35));
    }
}
