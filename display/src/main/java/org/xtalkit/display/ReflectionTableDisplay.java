package org.xtalkit.display;

import java.util.ArrayList;
import java.util.List;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.step.ShowReflections;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.ReflectionTableSummary;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A reflection table as a notebook shows it: a summary of each column, then the first and last
 * rows; and as a Tablesaw Table for users who want a data frame ({@link #toTable}).
 */
public final class ReflectionTableDisplay {
    /** Rows shown at the head and at the tail. */
    static final int EDGE_ROWS = 5;

    private ReflectionTableDisplay() {}

    /**
     * The table as a Tablesaw Table: one column per scalar, vector columns split into components
     * ({@code xyzobs.px.value.x/.y/.z}, {@code miller_index.h/.k/.l}, {@code bbox.x0 ... bbox.z1},
     * mat3 as {@code .0 ... .8}). Shoeboxes are not tabular and are left out.
     */
    public static Table toTable(ReflectionTable t) {
        Table out = Table.create("reflections");
        int n = t.size();
        for (String name : t.columnOrder()) {
            Column c = t.column(name);
            switch (c.type()) {
                case INT -> out.addColumns(IntColumn.create(name, (int[]) c.data()));
                case DOUBLE -> out.addColumns(DoubleColumn.create(name, (double[]) c.data()));
                case SIZE_T -> out.addColumns(LongColumn.create(name, (long[]) c.data()));
                case BOOL -> {
                    BooleanColumn b = BooleanColumn.create(name, n);
                    boolean[] v = (boolean[]) c.data();
                    for (int i = 0; i < n; i++) b.set(i, v[i]);
                    out.addColumns(b);
                }
                case STRING -> out.addColumns(StringColumn.create(name, (String[]) c.data()));
                case SHOEBOX -> { }
                default -> {
                    String[] parts = components(c.type());
                    for (int k = 0; k < parts.length; k++) {
                        String cn = name + "." + parts[k];
                        if (c.data() instanceof double[] d) out.addColumns(DoubleColumn.create(cn, component(d, parts.length, k, n)));
                        else out.addColumns(IntColumn.create(cn, component((int[]) c.data(), parts.length, k, n)));
                    }
                }
            }
        }
        return out;
    }

    private static String[] components(ColumnType type) {
        return switch (type) {
            case VEC2 -> new String[] {"x", "y"};
            case VEC3 -> new String[] {"x", "y", "z"};
            case MILLER -> new String[] {"h", "k", "l"};
            case INT6 -> new String[] {"x0", "x1", "y0", "y1", "z0", "z1"};
            case MAT3 -> new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "8"};
            default -> throw new IllegalArgumentException("not a vector column type: " + type.dialsName);
        };
    }

    private static double[] component(double[] d, int w, int k, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = d[i * w + k];
        return out;
    }

    private static int[] component(int[] d, int w, int k, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = d[i * w + k];
        return out;
    }

    public static MimeBundle bundle(ReflectionTable t) {
        return MimeBundle.html(html(t), String.join("\n", ShowReflections.table(t)) + "\n");
    }

    /** dials.show's column summary and flag counts (the toolkit's ReflectionTableSummary), then head and tail rows. */
    public static String html(ReflectionTable t) {
        ReflectionTableSummary s = ReflectionTableSummary.of(t);
        StringBuilder b = new StringBuilder("<div class=\"xtalkit-refl\">");
        b.append("<p><b>Reflection table</b>: ").append(s.rows()).append(" rows, ")
                .append(t.columnNames().size()).append(" columns");
        if (!s.identifiers().isEmpty()) b.append("; experiment identifiers ").append(Html.escape(s.identifiers().toString()));
        b.append("</p>");
        List<List<String>> rows = new ArrayList<>();
        for (ReflectionTableSummary.ColumnSummary c : s.columns())
            rows.add(List.of(c.name(), c.type().dialsName, c.min(), c.max(), c.mean()));
        if (!rows.isEmpty()) b.append(Html.table(List.of("column", "type", "min", "max", "mean"), rows, "xtalkit-summary"));
        if (t.has("flags") && !s.flags().isEmpty()) {
            List<List<String>> flags = new ArrayList<>();
            for (ReflectionTableSummary.FlagCount f : s.flags())
                flags.add(List.of((f.overlapsPrevious() ? "  " : "") + f.name(), Integer.toString(f.count()),
                        Html.fixed(f.percent(), 1) + "%"));
            b.append("<details><summary>flags</summary>")
                    .append(Html.table(List.of("flag", "rows", "of table"), flags, "xtalkit-flags")).append("</details>");
        }
        b.append(rowsHtml(t));
        return b.append("</div>").toString();
    }

    private static String rowsHtml(ReflectionTable t) {
        int n = t.size();
        if (n == 0) return "";
        List<String> names = new ArrayList<>(t.columnOrder());
        List<List<String>> rows = new ArrayList<>();
        int head = Math.min(n, EDGE_ROWS), tailStart = Math.max(head, n - EDGE_ROWS);
        for (int i = 0; i < head; i++) rows.add(row(t, names, i));
        if (tailStart > head) {
            List<String> gap = new ArrayList<>();
            gap.add("…");
            for (int j = 0; j < names.size(); j++) gap.add("…");
            rows.add(gap);
        }
        for (int i = tailStart; i < n; i++) rows.add(row(t, names, i));
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(names);
        return Html.table(header, rows, "xtalkit-rows");
    }

    private static List<String> row(ReflectionTable t, List<String> names, int i) {
        List<String> r = new ArrayList<>();
        r.add(Integer.toString(i));
        for (String name : names) r.add(cell(t.column(name), i));
        return r;
    }

    /** One cell as DIALS prints it: vectors in parentheses. */
    static String cell(Column c, int i) {
        int w = c.type().width;
        return switch (c.type()) {
            case INT -> Integer.toString(((int[]) c.data())[i]);
            case DOUBLE -> Html.number(((double[]) c.data())[i]);
            case SIZE_T -> Long.toString(((long[]) c.data())[i]);
            case BOOL -> Boolean.toString(((boolean[]) c.data())[i]);
            case STRING -> ((String[]) c.data())[i];
            case SHOEBOX -> {
                var s = ((org.xtalkit.table.Shoebox[]) c.data())[i];
                yield s == null ? "" : "shoebox " + s.xSize() + "×" + s.ySize() + "×" + s.zSize();
            }
            default -> {
                StringBuilder b = new StringBuilder("(");
                for (int k = 0; k < w; k++) {
                    if (k > 0) b.append(", ");
                    b.append(c.data() instanceof double[] d ? Html.number(d[i * w + k]) : Integer.toString(((int[]) c.data())[i * w + k]));
                }
                yield b.append(")").toString();
            }
        };
    }
}
