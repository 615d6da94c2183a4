package org.xtalkit.display;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xtalkit.progress.Progress;

/**
 * A step's progress drawn as bars (one per stage) and the last lines of its log, redrawn in place
 * through a {@link Sink} (the kernel shows the first drawing and replaces it afterwards).
 * Redraws at most every {@link #MIN_INTERVAL_MS} ms, except when a stage completes.
 */
public final class ProgressBar implements Progress {
    /** Where drawings go; the first call shows, later calls replace. */
    public interface Sink {
        void show(MimeBundle drawing);
    }

    static final long MIN_INTERVAL_MS = 200;
    private static final int LOG_LINES = 6;

    private final Sink sink;
    private final Map<String, long[]> stages = new LinkedHashMap<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private long lastDraw;

    public ProgressBar(Sink sink) { this.sink = sink; }

    @Override public synchronized void update(String stage, long done, long total) {
        stages.put(stage, new long[] {done, total});
        long now = System.currentTimeMillis();
        if (done >= total || now - lastDraw >= MIN_INTERVAL_MS) {
            lastDraw = now;
            sink.show(drawing());
        }
    }

    @Override public synchronized void log(String line) {
        log.addLast(line);
        while (log.size() > LOG_LINES) log.removeFirst();
        long now = System.currentTimeMillis();
        if (now - lastDraw >= MIN_INTERVAL_MS) {
            lastDraw = now;
            sink.show(drawing());
        }
    }

    /** Draws the final state (call when the step returns, so the last log lines are shown). */
    public synchronized void finish() { sink.show(drawing()); }

    synchronized MimeBundle drawing() {
        StringBuilder html = new StringBuilder("<div class=\"xtalkit-progress\" style=\"font-family:monospace\">");
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, long[]> e : stages.entrySet()) {
            long done = e.getValue()[0], total = e.getValue()[1];
            double f = total > 0 ? Math.min(1, (double) done / total) : 0;
            String pct = Math.round(100 * f) + "%";
            html.append("<div style=\"display:flex;align-items:center;gap:0.6em;margin:2px 0\"><span style=\"min-width:10em\">")
                    .append(Html.escape(e.getKey())).append("</span>")
                    .append("<span style=\"display:inline-block;width:20em;height:0.9em;background:#e6e6e6;border-radius:3px\">")
                    .append("<span style=\"display:block;height:100%;width:").append(Html.fixed(100 * f, 1))
                    .append("%;background:").append(done >= total ? "#2a9d8f" : "#4c78a8").append(";border-radius:3px\"></span></span>")
                    .append("<span>").append(pct).append(" (").append(done).append("/").append(total).append(")</span></div>");
            int filled = (int) Math.round(30 * f);
            text.append(String.format("%-20s [%s%s] %4s %d/%d%n", e.getKey(), "#".repeat(filled), ".".repeat(30 - filled), pct, done, total));
        }
        if (!log.isEmpty()) {
            html.append("<pre style=\"margin:4px 0;color:#555\">");
            for (String l : log) html.append(Html.escape(l)).append('\n');
            html.append("</pre>");
            for (String l : log) text.append(l).append('\n');
        }
        return MimeBundle.html(html.append("</div>").toString(), text.toString());
    }
}
