package org.xtalkit.display;

import java.util.ArrayList;
import java.util.List;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.step.Show;

/**
 * Experiments as dials.show summarises them. The content is the toolkit's {@link Show} (the same
 * lines `xtal show` prints, checked against dials.show); here it is only laid out: one card per
 * model block (Panel, Beam, Beam centre, Scan, Goniometer, Crystal) with its key/value lines.
 */
public final class ExperimentListDisplay {
    private ExperimentListDisplay() {}

    /** A titled block of dials.show lines. */
    record Block(String title, List<String[]> lines) {}

    public static MimeBundle bundle(ExperimentList experiments) {
        return MimeBundle.html(html(experiments), text(experiments));
    }

    public static String text(ExperimentList experiments) {
        return String.join("\n", Show.experiments(experiments)) + "\n";
    }

    public static String html(ExperimentList experiments) {
        List<String> lines = Show.experiments(experiments);
        StringBuilder b = new StringBuilder("<div class=\"xtalkit-expt\">");
        b.append("<p><b>Experiment list</b>: ").append(experiments.size())
                .append(experiments.size() == 1 ? " experiment" : " experiments").append("</p>");
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean next = i == lines.size() || (i > start && lines.get(i).matches("Experiment \\d+:"));
            if (!next) continue;
            experimentHtml(lines.subList(start, i), start == 0, b);
            start = i;
        }
        return b.append("</div>").toString();
    }

    private static void experimentHtml(List<String> lines, boolean open, StringBuilder b) {
        if (lines.isEmpty()) return;
        List<Block> blocks = blocks(lines.subList(1, lines.size()));
        b.append("<details").append(open ? " open" : "").append("><summary><b>")
                .append(Html.escape(lines.get(0).replaceAll(":$", ""))).append("</b></summary>")
                .append("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start\">");
        for (Block blk : blocks) {
            List<List<String>> rows = new ArrayList<>();
            for (String[] kv : blk.lines()) rows.add(List.of(kv[0], kv[1]));
            b.append("<div>");
            if (!blk.title().isEmpty())
                b.append("<p style=\"margin:0.3em 0\"><b>").append(Html.escape(blk.title())).append("</b></p>");
            b.append(Html.table(List.of(), rows, "xtalkit-kv")).append("</div>");
        }
        b.append("</div></details>");
    }

    /**
     * dials.show's layout: a line "Title:" at the margin opens a block, indented lines belong to it,
     * "key: value" lines at the margin (identifier, template, resolution limits) go to an untitled block.
     */
    static List<Block> blocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        Block loose = new Block("", new ArrayList<>());
        out.add(loose);
        Block current = loose;
        for (String line : lines) {
            if (line.isBlank()) continue;
            boolean margin = !Character.isWhitespace(line.charAt(0));
            String trimmed = line.strip();
            if (margin && trimmed.endsWith(":")) {
                current = new Block(trimmed.substring(0, trimmed.length() - 1), new ArrayList<>());
                out.add(current);
                continue;
            }
            Block target = margin ? loose : current;
            int colon = trimmed.indexOf(':');
            target.lines().add(colon < 0 ? new String[] {"", trimmed}
                    : new String[] {trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip()});
            if (margin) current = loose;
        }
        out.removeIf(blk -> blk.lines().isEmpty());
        return out;
    }
}
