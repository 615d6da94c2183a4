package org.xtalkit.progress;

/**
 * How steps report while they run: the toolkit never prints. The CLI prints a line, the kernel
 * draws a bar, tests stay quiet. Implementations must be thread-safe (blocks report in parallel).
 */
public interface Progress {
    /** Work done of total in the named stage (e.g. "find_spots", 120 of 1200 images). */
    void update(String stage, long done, long total);

    /** A line of the step's log, as DIALS writes it to dials.&lt;step&gt;.log. */
    void log(String line);

    Progress NONE = new Progress() {
        @Override public void update(String stage, long done, long total) {}
        @Override public void log(String line) {}
    };
}
