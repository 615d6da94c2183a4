package org.xtalkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XtalTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Xtal.run(args, dir, new PrintStream(o, true), new PrintStream(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    @Test void usageListsSteps() {
        Run r = run();
        assertEquals(0, r.code);
        assertTrue(r.out.contains("usage: xtal <step>"), r.out);
    }

    @Test void unknownStepIsAnErrorNamingIt() {
        Run r = run("find_spotz", "x.expt");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("unknown step 'find_spotz'"), r.err);
    }

    @Test void keyValueWordsAreTellFromFiles() {
        assertTrue(Xtal.isKeyValue("d_min=2.0"));
        assertTrue(Xtal.isKeyValue("spotfinder.threshold.algorithm=dispersion"));
        assertFalse(Xtal.isKeyValue("/data/run=3/image_0001.cbf"));
        assertFalse(Xtal.isKeyValue("image_0001.cbf"));
    }
}
