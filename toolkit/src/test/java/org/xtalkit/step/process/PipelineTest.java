package org.xtalkit.step.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.XtalException;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's own rules; the end-to-end run on the demo is ProcessDemoTest in the tests module. */
class PipelineTest {
    static ParamValues params(String... words) { return ParamValues.parse("process", Pipeline.PARAMETERS, words); }

    @Test void needsImagesOrDemo(@TempDir Path dir) {
        XtalException e = assertThrows(XtalException.class, () -> Pipeline.run(List.of(), params(), dir, Progress.NONE));
        assertTrue(e.getMessage().contains("demo"), e.getMessage());
    }

    @Test void rangeOfStepsMustBeInOrder(@TempDir Path dir) {
        XtalException e = assertThrows(XtalException.class,
                () -> Pipeline.run(List.of("demo"), params("from=scale", "stop_after=index"), dir, Progress.NONE));
        assertTrue(e.getMessage().contains("from=scale") && e.getMessage().contains("stop_after=index"), e.getMessage());
    }

    @Test void aFailingStepNamesItselfAndKeepsEarlierFiles(@TempDir Path dir) throws Exception {
        // refine without indexed files: the step's own error, prefixed by the step, and nothing else touched
        Files.writeString(dir.resolve("strong.refl"), "kept");
        XtalException e = assertThrows(XtalException.class,
                () -> Pipeline.run(List.of("x.cbf"), params("from=refine", "stop_after=refine"), dir, Progress.NONE));
        assertTrue(e.getMessage().startsWith("process: refine failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("indexed.expt"), e.getMessage());
        assertEquals("kept", Files.readString(dir.resolve("strong.refl")));
        assertTrue(Files.exists(dir.resolve("xtal.refine.log")));
    }

    @Test void stepsOfThisBuildAreAvailable() {
        for (String s : List.of("import", "find_spots", "refine", "integrate", "merge", "export")) assertTrue(Pipeline.available(s), s);
        assertFalse(Pipeline.available("no_such_step"));
    }
}
