package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.index.Indexer;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.ReflectionTable;

/** index as dials.index ends its log: a card per crystal model with its RMSDs, and the % indexed table. */
public final class IndexDisplay {
    private IndexDisplay() {}

    public static MimeBundle bundle(Indexer.Result r) {
        return MimeBundle.html(html(r.experiments(), r.reflections(), r.rmsds()), org.xtalkit.step.Index.summary(r));
    }

    /**
     * @param rmsds per crystal {X px, Y px, Z images} from the last macro-cycle, or null (then computed
     *              from the table's xyzcal.px where it has them)
     */
    public static String html(ExperimentList experiments, ReflectionTable reflections, List<double[]> rmsds) {
        StringBuilder b = new StringBuilder();
        List<String> cards = new ArrayList<>();
        int[] id = reflections.ints("id");
        for (int e = 0; e < experiments.size(); e++) {
            if (experiments.get(e).crystal() == null) continue;
            double[] rm = rmsds != null && e < rmsds.size() ? rmsds.get(e) : Rmsds.of(reflections, e, null);
            String card = CrystalCard.html("Crystal model " + (e + 1), experiments.get(e).crystal());
            if (rm != null)
                card += Html.table(List.of("RMSD X (px)", "RMSD Y (px)", "RMSD Z (images)"),
                        List.of(List.of(CrystalCard.f("%.4f", rm[0]), CrystalCard.f("%.4f", rm[1]), CrystalCard.f("%.4f", rm[2]))), "xtalkit-rmsd");
            cards.add(card);
        }
        b.append(Html.row(cards));
        b.append(indexedTable(id));
        return Html.section("Indexing", b.toString());
    }

    public static final List<String> HEADER = List.of("Imageset", "# indexed", "# unindexed", "% indexed");

    /** DIALS' table (one image set: xtalkit indexes one sweep at a time). */
    static String indexedTable(int[] id) {
        int idx = 0;
        for (int v : id) if (v >= 0) idx++;
        int n = id.length;
        return Html.table(HEADER, List.of(List.of("0", Integer.toString(idx), Integer.toString(n - idx),
                CrystalCard.f("%.1f", n == 0 ? 0 : 100.0 * idx / n))), "xtalkit-indexed");
    }
}
