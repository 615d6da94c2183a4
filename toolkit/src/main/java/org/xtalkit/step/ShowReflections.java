package org.xtalkit.step;

import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.ReflectionTableSummary;

import java.util.ArrayList;
import java.util.List;

/** dials.show for a reflection table: the summary's min/max/mean rows drawn as dials.show's table. */
public final class ShowReflections {
    private ShowReflections() {}

    public static List<String> table(ReflectionTable t) { return lines(ReflectionTableSummary.of(t)); }

    public static List<String> lines(ReflectionTableSummary s) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Reflection list contains " + s.rows() + " reflections");
        if (s.columns().isEmpty()) return out;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Column", "min", "max", "mean"});
        for (ReflectionTableSummary.ColumnSummary c : s.columns()) rows.add(new String[] {c.name(), c.min(), c.max(), c.mean()});
        out.addAll(ShowText.psql(rows));
        return out;
    }
}
