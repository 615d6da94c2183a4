package org.xtalkit.step.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedRunTest {
    static final String REPORT = """
            \tCommand being timed: "dials.integrate refined.expt refined.refl nproc=2"
            \tUser time (seconds): 101.52
            \tElapsed (wall clock) time (h:mm:ss or m:ss): 1:03.72
            \tMaximum resident set size (kbytes): 2029568
            \tExit status: %d
            """;

    @Test void readsWallTimeAndPeakMemoryOfAnEarlierRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dials.integrate.time"), REPORT.formatted(0));
        TimedRun r = TimedRun.previous(dir, "dials.integrate");
        assertEquals(63.72, r.wallSeconds(), 1e-9);
        assertEquals(2029568 / 1024.0, r.peakMb(), 1e-9);
        Files.writeString(dir.resolve("long.time"), REPORT.formatted(0).replace("1:03.72", "1:02:03.5"));
        assertEquals(3723.5, TimedRun.previous(dir, "long").wallSeconds(), 1e-9);
    }

    @Test void aFailedOrMissingRunIsNotReused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dials.scale.time"), REPORT.formatted(1));
        assertNull(TimedRun.previous(dir, "dials.scale"));
        assertNull(TimedRun.previous(dir, "dials.merge"));
    }

    @Test void measuresAChildProcess(@TempDir Path dir) {
        TimedRun r = TimedRun.run(dir, "sleep", List.of("sleep", "0.3"));
        assertTrue(r.ok());
        assertTrue(r.wallSeconds() >= 0.3 && r.wallSeconds() < 10, "wall " + r.wallSeconds());
        assertTrue(r.peakMb() > 0 && r.peakMb() < 100, "peak " + r.peakMb());
        assertEquals(r.wallSeconds(), TimedRun.previous(dir, "sleep").wallSeconds(), 0.1);
    }
}
