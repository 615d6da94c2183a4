package org.xtalkit.step;

import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.xtalkit.step.ShowText.py;

/** dials.show for a reflection table: each column's min, max and mean, formatted as DIALS does. */
public final class ShowReflections {
    private ShowReflections() {}

    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("miller_index", "%i, %i, %i"), Map.entry("d", "%.2f"), Map.entry("id", "%i"),
            Map.entry("imageset_id", "%i"), Map.entry("panel", "%i"), Map.entry("flags", "%i"),
            Map.entry("background.mean", "%.1f"), Map.entry("background.sum.value", "%.1f"),
            Map.entry("background.sum.variance", "%.1f"), Map.entry("intensity.prf.value", "%.1f"),
            Map.entry("intensity.prf.variance", "%.1f"), Map.entry("intensity.sum.value", "%.1f"),
            Map.entry("intensity.sum.variance", "%.1f"), Map.entry("intensity.scale.value", "%.1f"),
            Map.entry("intensity.scale.variance", "%.1f"), Map.entry("lp", "%.3f"), Map.entry("partiality", "%.4f"),
            Map.entry("num_pixels.background", "%i"), Map.entry("num_pixels.background_used", "%i"),
            Map.entry("num_pixels.foreground", "%i"), Map.entry("num_pixels.valid", "%i"),
            Map.entry("partial_id", "%i"), Map.entry("profile.correlation", "%.3f"), Map.entry("qe", "%.3f"),
            Map.entry("xyzcal.mm", "%.2f, %.2f, %.2f"), Map.entry("xyzcal.px", "%.2f, %.2f, %.2f"),
            Map.entry("xyzobs.mm.value", "%.2f, %.2f, %.2f"), Map.entry("xyzobs.mm.variance", "%.4e, %.4e, %.4e"),
            Map.entry("xyzobs.px.value", "%.2f, %.2f, %.2f"), Map.entry("xyzobs.px.variance", "%.4f, %.4f, %.4f"),
            Map.entry("s1", "%.4f, %.4f, %.4f"), Map.entry("rlp", "%.4f, %.4f, %.4f"), Map.entry("zeta", "%.3f"),
            Map.entry("shoebox", "%.1f"), Map.entry("inverse_scale_factor", "%.3f"),
            Map.entry("inverse_scale_factor_variance", "%.3f"), Map.entry("delpsical.rad", "%.3f"));

    public static List<String> table(ReflectionTable t) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Reflection list contains " + t.size() + " reflections");
        if (t.size() == 0) return out;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Column", "min", "max", "mean"});
        for (String name : new TreeSet<>(t.columnNames())) {
            Column c = t.column(name);
            ColumnType type = c.type();
            switch (type) {
                case INT, SIZE_T, DOUBLE -> rows.add(scalar(name, values(c)));
                case VEC3, MILLER -> rows.add(vector(name, c));
                case SHOEBOX -> shoeboxes(rows, name, t.shoeboxes(name));
                default -> { }   // DIALS leaves other column types out of this table
            }
        }
        out.addAll(ShowText.psql(rows));
        return out;
    }

    private static double[] values(Column c) {
        Object d = c.data();
        if (d instanceof double[] a) return a;
        if (d instanceof int[] a) { double[] r = new double[a.length]; for (int i = 0; i < a.length; i++) r[i] = a[i]; return r; }
        if (d instanceof long[] a) { double[] r = new double[a.length]; for (int i = 0; i < a.length; i++) r[i] = a[i]; return r; }
        throw new IllegalArgumentException("not a scalar column");
    }

    private static String[] scalar(String name, double[] v) { return scalar(name, v, FORMATS.get(name)); }

    private static String[] scalar(String name, double[] v, String fmt) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double x : v) { min = Math.min(min, x); max = Math.max(max, x); sum += x; }
        double mean = sum * (1.0 / v.length);   // as flex.mean: the sum times 1/n
        return fmt == null ? new String[] {name, py(min), py(max), py(mean)}
                : new String[] {name, ShowText.py(fmt, min), ShowText.py(fmt, max), ShowText.py(fmt, mean)};
    }

    private static String[] vector(String name, Column c) {
        int n = c.size();
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] sum = new double[3];
        double[] v = c.type() == ColumnType.MILLER ? values(c) : (double[]) c.data();
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 3; k++) {
                double x = v[3 * i + k];
                min[k] = Math.min(min[k], x); max[k] = Math.max(max[k], x); sum[k] += x;
            }
        String fmt = FORMATS.getOrDefault(name, "%.2f, %.2f, %.2f");
        return new String[] {name, ShowText.py(fmt, min), ShowText.py(fmt, max), ShowText.py(fmt, sum[0] * (1.0 / n), sum[1] * (1.0 / n), sum[2] * (1.0 / n))};
    }

    private static void shoeboxes(List<String[]> rows, String name, Shoebox[] boxes) {
        double[] summed = new double[boxes.length], npix = new double[boxes.length], valid = new double[boxes.length];
        int fg = MaskCode.VALID | MaskCode.FOREGROUND;
        for (int i = 0; i < boxes.length; i++) {
            Shoebox s = boxes[i];
            int[] b = s.bbox();
            npix[i] = (double) (b[5] - b[4]) * (b[3] - b[2]) * (b[1] - b[0]);
            double sum = 0;
            int count = 0;
            float[] data = s.data(), bg = s.background();
            int[] mask = s.mask();
            for (int k = 0; k < mask.length; k++) {
                if ((mask[k] & fg) != fg) continue;
                count++;
                if (k < data.length) sum += data[k] - (bg != null && k < bg.length ? bg[k] : 0);
            }
            summed[i] = sum;
            valid[i] = count;
        }
        rows.add(new String[] {name, "", "", ""});
        String fmt = FORMATS.get("shoebox");
        rows.add(scalar("summed I", summed, fmt));
        rows.add(scalar("N pix", npix, fmt));
        rows.add(scalar("N valid foreground pix", valid, fmt));
    }
}
