package org.xtalkit.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What dials.show prints for a reflection table: the row count, a min/max/mean row per numeric
 * column (columns sorted by name; int, std::size_t, double, vec3 and miller index columns, plus three
 * rows for a shoebox column), the count of rows with each flag, and the experiment identifiers.
 * Values are the strings dials.show formats (its per-column formats, Python's str() otherwise).
 *
 * @param rows        number of reflections
 * @param columns     the column table, in dials.show's order
 * @param flags       per distinct flag value, in ascending value order (dials.show show_flags=True)
 *                    (columns and flags are empty for an empty table, where dials.show prints only the count)
 * @param identifiers experiment id to identifier
 */
public record ReflectionTableSummary(int rows, List<ColumnSummary> columns, List<FlagCount> flags,
                                     Map<Integer, String> identifiers) {

    /**
     * One row of the column table. For a shoebox column dials.show adds rows named "summed I", "N pix"
     * and "N valid foreground pix" (of type SHOEBOX) after the column's own row, which has blank values.
     */
    public record ColumnSummary(String name, ColumnType type, String min, String max, String mean) {}

    /**
     * Rows with any bit of the flag set. {@code overlapsPrevious}: the flag shares bits with the one
     * before it (a composite such as integrated or bad_spot, which dials.show indents).
     */
    public record FlagCount(String name, long bits, int count, double percent, boolean overlapsPrevious) {}

    /** dials.show's formats per column (command_line/show.py); others use Python's str(). */
    private static final Map<String, String> FORMATS = formats(
            "miller_index", "%i, %i, %i", "d", "%.2f", "qe", "%.3f", "dqe", "%.3f", "id", "%i", "imageset_id", "%i",
            "panel", "%i", "flags", "%i", "background.mean", "%.1f", "background.dispersion", "%.1f",
            "background.mse", "%.1f", "background.sum.value", "%.1f", "background.sum.variance", "%.1f",
            "intensity.prf.value", "%.1f", "intensity.prf.variance", "%.1f", "intensity.sum.value", "%.1f",
            "intensity.sum.variance", "%.1f", "intensity.cor.value", "%.1f", "intensity.cor.variance", "%.1f",
            "intensity.scale.value", "%.1f", "intensity.scale.variance", "%.1f", "Ih_values", "%.1f", "lp", "%.3f",
            "num_pixels.background", "%i", "num_pixels.background_used", "%i", "num_pixels.foreground", "%i",
            "num_pixels.valid", "%i", "partial_id", "%i", "partiality", "%.4f", "profile.correlation", "%.3f",
            "profile.rmsd", "%.3f", "xyzcal.mm", "%.2f, %.2f, %.2f", "xyzcal.px", "%.2f, %.2f, %.2f",
            "delpsical.rad", "%.3f", "delpsical2", "%.3f", "delpsical.weights", "%.3f",
            "xyzobs.mm.value", "%.2f, %.2f, %.2f", "xyzobs.mm.variance", "%.4e, %.4e, %.4e",
            "xyzobs.px.value", "%.2f, %.2f, %.2f", "xyzobs.px.variance", "%.4f, %.4f, %.4f",
            "s1", "%.4f, %.4f, %.4f", "s2", "%.4f, %.4f, %.4f", "shoebox", "%.1f", "rlp", "%.4f, %.4f, %.4f",
            "zeta", "%.3f", "x_resid", "%.3f", "x_resid2", "%.3f", "y_resid", "%.3f", "y_resid2", "%.3f",
            "kapton_absorption_correction", "%.3f", "kapton_absorption_correction_sigmas", "%.3f",
            "inverse_scale_factor", "%.3f", "inverse_scale_factor_variance", "%.3f");

    public static ReflectionTableSummary of(ReflectionTable t) {
        List<ColumnSummary> cols = new ArrayList<>();
        int n = t.size();
        if (n > 0) {
            List<String> names = new ArrayList<>(t.columnNames());
            names.sort(null);
            for (String name : names) summarise(name, t.column(name), n, cols);
        }
        return new ReflectionTableSummary(n, List.copyOf(cols), n > 0 ? flagCounts(t) : List.of(),
                Map.copyOf(t.experimentIdentifiers()));
    }

    private static void summarise(String name, Column c, int n, List<ColumnSummary> out) {
        String fmt = FORMATS.getOrDefault(name, "%s");
        switch (c.type()) {
            case INT, SIZE_T, DOUBLE -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = switch (c.type()) {
                    case INT -> ((int[]) c.data())[i];
                    case SIZE_T -> unsigned(((long[]) c.data())[i]);
                    default -> ((double[]) c.data())[i];
                };
                out.add(scalarRow(name, c.type(), fmt, v));
            }
            case VEC3, MILLER -> {
                double[] min = new double[3], max = new double[3], sum = new double[3];
                java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < 3; k++) {
                        double x = c.type() == ColumnType.VEC3 ? ((double[]) c.data())[3 * i + k] : ((int[]) c.data())[3 * i + k];
                        min[k] = Math.min(min[k], x);
                        max[k] = Math.max(max[k], x);
                        sum[k] += x;
                    }
                String f = FORMATS.getOrDefault(name, "%.2f, %.2f, %.2f");
                out.add(new ColumnSummary(name, c.type(), DialsNumberFormat.format(f, min), DialsNumberFormat.format(f, max),
                        DialsNumberFormat.format(f, sum[0] * (1.0 / n), sum[1] * (1.0 / n), sum[2] * (1.0 / n))));
            }
            case SHOEBOX -> {
                Shoebox[] sb = (Shoebox[]) c.data();
                double[] summed = new double[n], pixels = new double[n], foreground = new double[n];
                for (int i = 0; i < n; i++) {
                    summed[i] = summedIntensity(sb[i]);
                    pixels[i] = (double) sb[i].volume();
                    foreground[i] = sb[i].count(MaskCode.VALID | MaskCode.FOREGROUND);
                }
                out.add(new ColumnSummary(name, ColumnType.SHOEBOX, "", "", ""));
                out.add(scalarRow("summed I", ColumnType.SHOEBOX, fmt, summed));
                out.add(scalarRow("N pix", ColumnType.SHOEBOX, fmt, pixels));
                out.add(scalarRow("N valid foreground pix", ColumnType.SHOEBOX, fmt, foreground));
            }
            default -> { }   // dials.show leaves out bool, int6, vec2, mat3 and string columns
        }
    }

    /** flex.min, flex.max and flex.mean (scitbx: running sum times 1/n) of a column, formatted. */
    private static ColumnSummary scalarRow(String name, ColumnType type, String fmt, double[] v) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        return new ColumnSummary(name, type, DialsNumberFormat.format(fmt, min), DialsNumberFormat.format(fmt, max),
                DialsNumberFormat.format(fmt, sum * (1.0 / v.length)));
    }

    /**
     * DIALS' Shoebox.summed_intensity(): foreground pixels that are valid and not overlapped, counts
     * minus background, summed in single precision as DIALS does.
     */
    static double summedIntensity(Shoebox s) {
        float signal = 0, background = 0;
        int[] mask = s.mask();
        float[] data = s.data(), bg = s.background();
        for (int k = 0; k < mask.length; k++) {
            int m = mask[k];
            if ((m & MaskCode.FOREGROUND) != 0 && (m & MaskCode.VALID) != 0 && (m & MaskCode.OVERLAPPED) == 0) {
                signal += data[k];
                background += bg.length == 0 ? 0 : bg[k];
            }
        }
        return signal - background;
    }

    private static List<FlagCount> flagCounts(ReflectionTable t) {
        // One entry per distinct value; where two names share a value DIALS shows the later one
        // (overlapped_bg, bad_spot), which is the later one in Flag too.
        TreeMap<Long, Flag> byValue = new TreeMap<>();
        for (Flag f : Flag.values()) byValue.put(f.bits, f);
        long[] flags = t.has("flags") ? t.sizes("flags") : new long[t.size()];
        List<FlagCount> out = new ArrayList<>();
        long previous = 0;
        for (Flag f : byValue.values()) {
            int count = 0;
            for (long v : flags) if ((v & f.bits) != 0) count++;
            out.add(new FlagCount(f.dialsName(), f.bits, count, 100.0 * count / t.size(), (previous & f.bits) != 0));
            previous = f.bits;
        }
        return List.copyOf(out);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) ((v >>> 1) | (v & 1)) * 2.0;   // round to odd, then exact doubling
    }

    private static Map<String, String> formats(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return Map.copyOf(m);
    }
}
