package org.xtalkit.display.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.XtalException;
import org.xtalkit.display.Fixtures;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamValues;

/** xtal report on DIALS' quartz processing folder: every section dials.report has that the files fill, self-contained. */
class ReportCommandTest {
    @TempDir Path out;

    @Test void reportOfAProcessingFolderHasEverySectionAndNeedsNoNetwork() throws Exception {
        Path folder = Fixtures.quartz("scaled.expt").getParent();
        StepCommand report = ServiceLoader.load(StepCommand.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals("report")).findFirst().orElseThrow(() -> new AssertionError("report is not registered"));
        report.run(List.of(folder.resolve("scaled.expt").toString(), folder.resolve("scaled.refl").toString()),
                ParamValues.parse("report", report.parameters()), out, Progress.NONE);
        Path html = out.resolve("report.html");
        assertTrue(Files.isRegularFile(html));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count(), "only report.html: no temporary file left behind");
        }
        String s = Files.readString(html);
        for (String id : List.of("spot-finding", "indexing", "refinement", "integration", "scaling", "merging"))
            assertTrue(s.contains("<section id=\"" + id + "\">"), "section " + id);
        for (String text : List.of("Spot count per image", "% indexed", "RMSD X (px)", "&lt;I/sigI&gt; (sum)", "Error model", "cc1/2"))
            assertTrue(s.contains(text), text);
        assertFalse(s.contains("<script"), "no script");
        assertFalse(s.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from a network");
        assertTrue(Fixtures.images(s).size() >= 10, "plots embedded as data: URIs");
        assertTrue(s.contains("Could not read") == false, "every pair of files was read");
    }

    @Test void aFolderWithoutProcessingFilesIsAnErrorThatNamesIt() {
        XtalException e = assertThrows(XtalException.class, () -> new ReportCommand().run(List.of(),
                ParamValues.parse("report", ReportCommand.PARAMETERS), out, Progress.NONE));
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("strong.refl"), e.getMessage());
        assertFalse(Files.exists(out.resolve("report.html")));
    }

    @Test void aMissingInputIsNamed() {
        XtalException e = assertThrows(XtalException.class, () -> new ReportCommand().run(List.of("nowhere.expt"),
                ParamValues.parse("report", ReportCommand.PARAMETERS), out, Progress.NONE));
        assertTrue(e.getMessage().contains("nowhere.expt"));
    }
}
