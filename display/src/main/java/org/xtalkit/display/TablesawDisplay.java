package org.xtalkit.display;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw Table as HTML: its shape, then its rows (head and tail of long ones; Tablesaw core has no HTML of its own). */
public final class TablesawDisplay {
    private TablesawDisplay() {}

    public static MimeBundle bundle(Table t) {
        return MimeBundle.html(html(t), t.printAll().length() < 4000 ? t.printAll() : t.print(10));
    }

    /** Tables up to this many rows are shown whole (a step table, merging statistics by shell); longer ones as head and tail. */
    static final int FULL_ROWS = 30;

    public static String html(Table t) {
        int n = t.rowCount(), edge = n <= FULL_ROWS ? n : ReflectionTableDisplay.EDGE_ROWS;
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(t.columnNames());
        List<List<String>> rows = new ArrayList<>();
        int head = Math.min(n, edge), tailStart = Math.max(head, n - edge);
        for (int i = 0; i < head; i++) rows.add(row(t, i));
        if (tailStart > head) {
            List<String> gap = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) gap.add("…");
            rows.add(gap);
        }
        for (int i = tailStart; i < n; i++) rows.add(row(t, i));
        return "<div class=\"xtalkit-table\"><p><b>" + Html.escape(t.name() == null ? "table" : t.name()) + "</b>: "
                + n + " rows, " + t.columnCount() + " columns</p>" + Html.table(header, rows, "xtalkit-rows") + "</div>";
    }

    private static List<String> row(Table t, int i) {
        List<String> r = new ArrayList<>();
        r.add(Integer.toString(i));
        for (Column<?> c : t.columns()) {
            Object v = c.get(i);
            r.add(v instanceof Double d ? Html.number(d) : v instanceof Float f ? Html.number(f) : c.getString(i));
        }
        return r;
    }
}
