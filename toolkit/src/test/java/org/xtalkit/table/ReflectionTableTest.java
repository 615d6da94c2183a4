package org.xtalkit.table;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.refl.ReflReader;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ReflectionTableTest {

    /** Sorting by z of the observed centroid (what DIALS does before integration) keeps ties in table order. */
    @Test
    void sortedByIsAStableAscendingPermutation() {
        ReflectionTable t = ReflReader.read(SharedData.data("quartz_processed/strong.refl"));
        int n = t.size();
        int[] original = t.newInts("row");
        for (int i = 0; i < n; i++) original[i] = i;
        for (String by : new String[] {"xyzobs.px.value", "intensity.sum.value", "panel", "row"}) {
            ReflectionTable s = t.sortedBy(by);
            assertEquals(n, s.size());
            int[] rows = s.ints("row");
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertFalse(seen[rows[i]], "row " + rows[i] + " twice");
                seen[rows[i]] = true;
                if (i == 0) continue;
                double prev = key(t, by, rows[i - 1]), cur = key(t, by, rows[i]);
                assertTrue(prev <= cur, by + " not ascending at " + i);
                if (prev == cur) assertTrue(rows[i - 1] < rows[i], by + ": tie at " + i + " out of table order");
            }
            assertArrayEquals(s.int6("bbox"), t.select(rows).int6("bbox"));
        }
    }

    @Test
    void sortsLargeTablesWithTies() {
        Random r = new Random(7);
        int n = 100_003;
        ReflectionTable t = new ReflectionTable(n);
        int[] v = t.newInts("v");
        int[] row = t.newInts("row");
        for (int i = 0; i < n; i++) { v[i] = r.nextInt(1000); row[i] = i; }
        ReflectionTable s = t.sortedBy("v");
        int[] sv = s.ints("v"), srow = s.ints("row");
        for (int i = 1; i < n; i++)
            assertTrue(sv[i - 1] < sv[i] || (sv[i - 1] == sv[i] && srow[i - 1] < srow[i]), "at " + i);
    }

    private static double key(ReflectionTable t, String by, int row) {
        return switch (t.column(by).type()) {
            case VEC3 -> t.vec3(by)[3 * row + 2];
            case DOUBLE -> t.doubles(by)[row];
            case SIZE_T -> t.sizes(by)[row];
            default -> t.ints(by)[row];
        };
    }
}
