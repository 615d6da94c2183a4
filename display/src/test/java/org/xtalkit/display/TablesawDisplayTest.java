package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesawDisplayTest {
    static Table steps(int n) {
        Table t = Table.create("xtal process", StringColumn.create("step"), IntColumn.create("n"));
        for (int i = 0; i < n; i++) { t.stringColumn(0).append("step" + i); t.intColumn(1).append(i); }
        return t;
    }

    @Test void aShortTableIsShownWhole() {
        String html = TablesawDisplay.html(steps(12));
        for (int i = 0; i < 12; i++) assertTrue(html.contains(">step" + i + "<"), "row " + i);
        assertFalse(html.contains("…"));
    }

    @Test void aLongTableShowsHeadAndTail() {
        String html = TablesawDisplay.html(steps(100));
        assertTrue(html.contains(">step0<") && html.contains(">step99<") && html.contains("…"));
        assertFalse(html.contains(">step50<"));
        assertTrue(html.contains("100 rows"));
    }
}
