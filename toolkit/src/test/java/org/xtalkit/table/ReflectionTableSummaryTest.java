package org.xtalkit.table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtalkit.SharedData;
import org.xtalkit.io.refl.ReflReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The summary equals, cell for cell, what DIALS 3.12's dials.show printed for the fixtures (test resources). */
class ReflectionTableSummaryTest {

    @ParameterizedTest
    @ValueSource(strings = {"quartz_processed/strong.refl", "quartz_processed/integrated.refl",
            "centroid_test_data/integrated.refl", "l_cysteine_4_sweeps_scaled/scaled_30.refl",
            "l_cysteine_narrow_wedge/11_integrated.refl"})
    void matchesDialsShow(String fixture) throws IOException {
        ReflectionTableSummary s = ReflectionTableSummary.of(ReflReader.read(SharedData.data(fixture)));
        List<String> lines = dialsShow(fixture);
        assertEquals("Reflection list contains " + s.rows() + " reflections", lines.get(0));

        List<String[]> expectedColumns = tableRows(lines, 1);
        assertEquals(expectedColumns.size(), s.columns().size(), "rows of the column table");
        for (int i = 0; i < expectedColumns.size(); i++) {
            String[] e = expectedColumns.get(i);
            ReflectionTableSummary.ColumnSummary c = s.columns().get(i);
            assertArrayEquals(e, new String[] {c.name(), c.min(), c.max(), c.mean()}, fixture + " row " + i);
        }

        int flagsAt = lines.indexOf("Reflection flags:");
        Map<String, Integer> expectedFlags = new LinkedHashMap<>();
        for (String[] r : tableRows(lines, flagsAt + 1)) expectedFlags.put(r[0], Integer.parseInt(r[1]));
        Map<String, Integer> flags = new LinkedHashMap<>();
        for (ReflectionTableSummary.FlagCount f : s.flags()) flags.put(f.name(), f.count());
        assertEquals(expectedFlags, flags, fixture + " flag counts, in dials.show's order");

        Map<Integer, String> ids = new LinkedHashMap<>();
        for (String l : lines)
            if (l.startsWith("id:")) {
                String[] kv = l.substring(3).split(" -> experiment identifier:", 2);
                ids.put(Integer.parseInt(kv[0]), kv[1]);
            }
        assertEquals(ids, s.identifiers());
    }

    private static List<String> dialsShow(String fixture) throws IOException {
        String name = "dials_show/" + fixture.replace('/', '_').replace(".refl", ".txt");
        try (InputStream in = ReflectionTableSummaryTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Body rows of the tabulate table starting at line {@code from} (a +---+ border). */
    private static List<String[]> tableRows(List<String> lines, int from) {
        List<String[]> rows = new ArrayList<>();
        int borders = 0;
        for (int i = from; i < lines.size() && borders < 2; i++) {
            String l = lines.get(i);
            if (l.startsWith("+")) { borders++; continue; }
            if (l.startsWith("|-") || borders == 0 || i == from + 1) continue;   // header and its rule
            String[] cells = l.substring(1, l.length() - 1).split("\\|", -1);
            for (int k = 0; k < cells.length; k++) cells[k] = cells[k].trim();
            rows.add(cells);
        }
        return rows;
    }
}
