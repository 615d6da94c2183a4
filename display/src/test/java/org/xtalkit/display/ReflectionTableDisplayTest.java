package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;
import tech.tablesaw.api.Table;

class ReflectionTableDisplayTest {
    static ReflectionTable strong(int n) {
        ReflectionTable t = new ReflectionTable(n);
        double[] xyz = t.newVec3("xyzobs.px.value");
        int[] hkl = t.newMiller("miller_index");
        int[] bbox = t.newInt6("bbox");
        double[] intensity = t.newDoubles("intensity.sum.value");
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = 100 + i; xyz[3 * i + 1] = 200 + 2 * i; xyz[3 * i + 2] = 0.5 + i;
            hkl[3 * i] = i; hkl[3 * i + 1] = -i; hkl[3 * i + 2] = 1;
            bbox[6 * i] = 98 + i; bbox[6 * i + 1] = 103 + i; bbox[6 * i + 2] = 198; bbox[6 * i + 3] = 203; bbox[6 * i + 4] = i; bbox[6 * i + 5] = i + 1;
            intensity[i] = 10 * i;
            t.setFlag(i, Flag.STRONG);
            if (i % 2 == 0) t.setFlag(i, Flag.INDEXED);
        }
        return t;
    }

    @Test void toTableSplitsVectorsAndKeepsValues() {
        ReflectionTable t = strong(12);
        Table df = ReflectionTableDisplay.toTable(t);
        assertEquals(12, df.rowCount());
        assertTrue(df.columnNames().containsAll(java.util.List.of("xyzobs.px.value.x", "xyzobs.px.value.z",
                "miller_index.h", "miller_index.l", "bbox.x0", "bbox.z1", "intensity.sum.value", "flags")));
        assertEquals(111.0, df.doubleColumn("xyzobs.px.value.x").getDouble(11));
        assertEquals(-11, df.intColumn("miller_index.k").getInt(11));
        assertArrayEquals(t.doubles("intensity.sum.value"), df.doubleColumn("intensity.sum.value").asDoubleArray());
    }

    @Test void htmlSummarisesColumnsAndShowsHeadAndTail() {
        ReflectionTable t = strong(12);
        String html = ReflectionTableDisplay.html(t);
        assertTrue(html.contains("12 rows"), html);
        // the summary is dials.show's (the toolkit's ReflectionTableSummary): intensity 0..110, mean 55.0
        for (var c : org.xtalkit.table.ReflectionTableSummary.of(t).columns())
            assertTrue(html.contains(Html.escape(c.mean())), c.name() + " mean " + c.mean());
        assertTrue(html.contains(">55.0</td>"), html);
        assertTrue(html.contains(">strong</td>") && html.contains(">indexed</td>"), "flag counts");
        assertTrue(html.contains("(4, -4, 1)") && html.contains("(7, -7, 1)") && !html.contains("(5, -5, 1)"),
                "rows 0-4 and 7-11 shown, 5 and 6 elided");
        assertTrue(html.contains("…"));
    }

    @Test void stringsAreEscaped() {
        ReflectionTable t = new ReflectionTable(1);
        t.newStrings("note")[0] = "<script>alert(1)</script>";
        String html = ReflectionTableDisplay.html(t);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"));
    }
}
