package org.xtalkit.display.steps;

import java.util.List;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.index.BravaisSettings;

/**
 * refine_bravais_settings: DIALS' table of lattices compatible with the metric, recommended rows in
 * bold on green (the "*" of DIALS' log). The rows are the toolkit's, so the notebook and the log agree.
 */
public final class BravaisDisplay {
    private BravaisDisplay() {}

    public static MimeBundle bundle(List<BravaisSettings.Setting> settings) {
        return MimeBundle.html(html(settings), BravaisSettings.table(settings));
    }

    public static String html(List<BravaisSettings.Setting> settings) {
        List<List<String>> rows = new java.util.ArrayList<>();
        java.util.Set<Integer> recommended = new java.util.HashSet<>();
        List<String[]> printed = BravaisSettings.tableRows(settings);
        for (int i = 0; i < printed.size(); i++) {
            rows.add(List.of(printed.get(i)));
            if (settings.get(i).recommended()) recommended.add(i);
        }
        StringBuilder b = new StringBuilder(Html.table(BravaisSettings.TABLE_HEADER, rows, "xtalkit-bravais", recommended));
        b.append("<p>* = recommended solution (highlighted)</p>");
        return Html.section("Bravais lattices (refine_bravais_settings)", b.toString());
    }

    /** Whether a value is the list refine_bravais_settings returns (the renderer's test). */
    public static boolean isSettings(Object o) {
        return o instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof BravaisSettings.Setting);
    }

    @SuppressWarnings("unchecked")
    public static MimeBundle bundleOf(Object o) {
        return bundle((List<BravaisSettings.Setting>) o);
    }

}
