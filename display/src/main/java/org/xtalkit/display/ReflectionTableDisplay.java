package org.xtalkit.display;

import java.util.ArrayList;
import java.util.List;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;
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
    /** Flags worth counting in the summary, in processing order. */
    private static final Flag[] SUMMARY_FLAGS = {Flag.STRONG, Flag.INDEXED, Flag.USED_IN_REFINEMENT, Flag.PREDICTED,
            Flag.INTEGRATED_SUM, Flag.INTEGRATED_PRF, Flag.OVERLOADED, Flag.SCALED, Flag.BAD_FOR_SCALING};

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
        return MimeBundle.html(html(t), t.toString());
    }

    /** Column summary, flag counts, then head and tail rows. */
    public static String html(ReflectionTable t) {
        StringBuilder b = new StringBuilder("<div class=\"xtalkit-refl\">");
        b.append("<p><b>Reflection table</b>: ").append(t.size()).append(" rows, ")
                .append(t.columnNames().size()).append(" columns");
        if (!t.experimentIdentifiers().isEmpty())
            b.append(", experiments ").append(Html.escape(t.experimentIdentifiers().keySet().toString()));
        b.append("</p>");
        b.append(Html.table(List.of("column", "type", "min", "mean", "max"), summaryRows(t), "xtalkit-summary"));
        String flags = flagCounts(t);
        if (!flags.isEmpty()) b.append("<p>flags: ").append(Html.escape(flags)).append("</p>");
        b.append(rowsHtml(t));
        return b.append("</div>").toString();
    }

    private static List<List<String>> summaryRows(ReflectionTable t) {
        List<List<String>> rows = new ArrayList<>();
        for (String name : t.columnOrder()) {
            Column c = t.column(name);
            String[] stats = stats(c, t.size());
            rows.add(List.of(name, c.type().dialsName, stats[0], stats[1], stats[2]));
        }
        return rows;
    }

    /** min, mean, max per component ("x, y, z" joined); empty for non-numeric columns. */
    private static String[] stats(Column c, int n) {
        if (n == 0 || c.type() == ColumnType.STRING || c.type() == ColumnType.SHOEBOX || c.type() == ColumnType.BOOL
                || c.type() == ColumnType.SIZE_T)
            return new String[] {"", "", ""};
        int w = c.type().width;
        String[] out = {"", "", ""};
        List<String> mins = new ArrayList<>(), means = new ArrayList<>(), maxs = new ArrayList<>();
        for (int k = 0; k < w; k++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                double v = c.data() instanceof double[] d ? d[i * w + k] : ((int[]) c.data())[i * w + k];
                if (Double.isNaN(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                count++;
            }
            mins.add(count == 0 ? "nan" : Html.number(min));
            means.add(count == 0 ? "nan" : Html.number(sum / count));
            maxs.add(count == 0 ? "nan" : Html.number(max));
        }
        out[0] = join(mins, w);
        out[1] = join(means, w);
        out[2] = join(maxs, w);
        return out;
    }

    private static String join(List<String> parts, int w) {
        return w == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private static String flagCounts(ReflectionTable t) {
        if (!t.has("flags")) return "";
        long[] fl = t.sizes("flags");
        StringBuilder b = new StringBuilder();
        for (Flag f : SUMMARY_FLAGS) {
            int count = 0;
            for (long v : fl) if (f.allSetIn(v)) count++;
            if (count > 0) b.append(b.length() == 0 ? "" : ", ").append(f.name().toLowerCase()).append(" ").append(count);
        }
        return b.toString();
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
