package org.xtalkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.kernel.KernelInstall;

/**
 * Every notebook in tutorials/ and notebooks/ executed headlessly by Jupyter (nbconvert --execute)
 * with the xtalkit kernel, installed into a private JUPYTER_PATH: no cell may error, and the outputs
 * a reader relies on must be there.
 *
 * <p>The tutorials run in order in one folder, handing files on as the DIALS tutorial does (and as a
 * reader runs them); then one of them runs again alone in an empty folder, where it must make the files
 * of the steps before it itself.
 */
class NotebookExecutionTest {
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final ObjectMapper JSON = new ObjectMapper();
    /** Run alone (in an empty folder) after the sequence: the one whose predecessors' files take most to remake by hand. */
    static final String ALONE = "05_refine.ipynb";
    @TempDir static Path tmp;

    /**
     * What a notebook must show: at least so many HTML tables and PNG plots (outputs of their own or
     * inside a step's HTML display), these words inside HTML tables, these words in printed text.
     */
    record Expect(int tables, int plots, List<String> inTables, List<String> inText) {
        static Expect of(int tables, int plots, String... inTables) { return new Expect(tables, plots, List.of(inTables), List.of()); }
        Expect printing(String... text) { return new Expect(tables, plots, inTables, List.of(text)); }
    }

    static final Map<String, Expect> EXPECT = Map.ofEntries(
            Map.entry("00_process.ipynb", Expect.of(2, 2, "wall time", "Merging statistics by resolution bin", "cc1/2")
                    .printing("CC of merged intensities with the truth: 0.99")),
            Map.entry("01_import.ipynb", Expect.of(1, 2, "Beam").printing("10.0° of rotation")),
            Map.entry("02_find_spots.ipynb", Expect.of(2, 3, "xyzobs.px.value", "Spot count per image")),
            Map.entry("03_index.ipynb", Expect.of(2, 2, "miller_index", "% indexed")),
            Map.entry("04_refine_bravais_settings.ipynb", Expect.of(1, 0, "Bravais", "cb_op", "cI").printing("reindexed.refl")),
            Map.entry("05_refine.ipynb", Expect.of(1, 2, "scan-varying", "RMSD")),
            Map.entry("06_integrate.ipynb", Expect.of(2, 2, "intensity.prf.value", "I/sigI")),
            Map.entry("07_symmetry.ipynb", Expect.of(1, 0, "Patterson group", "I m -3").printing("space group I 2 3")),
            Map.entry("08_scale.ipynb", Expect.of(2, 4, "Merging statistics by resolution bin", "cc1/2", "Error model")),
            Map.entry("09_merge_export.ipynb", Expect.of(2, 2, "Merging statistics by resolution bin", "IMEAN", "SIGF")
                    .printing("scaled.mtz", "CC of merged intensities with the truth: 0.99")),
            Map.entry("10_multi_sweep.ipynb", Expect.of(1, 1, "Merging statistics by resolution bin").printing("4 experiments, 1 crystal model")));

    @BeforeAll static void installKernel() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(JUPYTER),
                "Jupyter is not installed: kernel/ci-install.sh installs it (as .ci/run does)");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        KernelInstall.install(tmp.resolve("jupyter"), "xtalkit", cp);
    }

    @TestFactory Stream<DynamicTest> notebooksRunWithoutErrors() throws IOException {
        List<Path> tutorials = list("tutorials"), notebooks = list("notebooks");
        for (String name : EXPECT.keySet())
            assertTrue(tutorials.stream().anyMatch(p -> p.endsWith(name)), "tutorials/" + name + " is missing");
        Path together = tmp.resolve("tutorials"), alone = tmp.resolve("alone"), explorations = tmp.resolve("notebooks");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path nb : tutorials) tests.add(test(nb, together, ""));
        tests.add(test(ROOT.resolve("tutorials").resolve(ALONE), alone, " (alone)"));
        for (Path nb : notebooks) tests.add(test(nb, explorations, ""));
        return tests.stream();
    }

    private static DynamicTest test(Path notebook, Path folder, String note) {
        return DynamicTest.dynamicTest(ROOT.relativize(notebook) + note, () -> check(notebook, folder));
    }

    private static List<Path> list(String dir) throws IOException {
        Path d = ROOT.resolve(dir);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static void check(Path notebook, Path folder) throws Exception {
        JsonNode executed = execute(notebook, folder);
        List<String> errors = new ArrayList<>();
        StringBuilder tablesHtml = new StringBuilder(), text = new StringBuilder();
        int tables = 0, plots = 0;
        for (JsonNode cell : executed.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                String type = out.get("output_type").asText();
                if (type.equals("error")) errors.add(out.get("ename").asText() + ": " + out.get("evalue").asText());
                if (type.equals("stream") && out.get("name").asText().equals("stderr")) errors.add("stderr: " + out.get("text"));
                if (type.equals("stream")) text.append(text(out.get("text")));
                JsonNode data = out.path("data");
                if (data.has("text/plain")) text.append(text(data.get("text/plain")));
                String html = data.has("text/html") ? text(data.get("text/html")) : "";
                if (html.contains("<table")) {
                    tables++;
                    tablesHtml.append(html);
                }
                if (data.has("image/png")) plots++;
                plots += count(html, "data:image/png");   // plots inside a step's HTML display
            }
        }
        assertEquals(List.of(), errors, notebook + ": cells errored");
        Expect e = EXPECT.get(notebook.getFileName().toString());
        if (e == null) {   // an exploration: it must show something
            assertTrue(tables + plots > 0, notebook + " shows no table and no plot");
            return;
        }
        assertTrue(tables >= e.tables(), notebook + ": " + e.tables() + " HTML tables expected, found " + tables);
        assertTrue(plots >= e.plots(), notebook + ": " + e.plots() + " PNG plots expected, found " + plots);
        for (String w : e.inTables()) assertTrue(tablesHtml.indexOf(w) >= 0, notebook + ": no HTML table shows '" + w + "'");
        for (String w : e.inText()) assertTrue(text.indexOf(w) >= 0, notebook + ": the output does not say '" + w + "'");
    }

    /** Runs a copy of the notebook in the folder (notebooks write their files beside themselves). */
    private static JsonNode execute(Path notebook, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path copy = folder.resolve(notebook.getFileName());
        Files.copy(notebook, copy, StandardCopyOption.REPLACE_EXISTING);
        Path out = folder.resolve("executed-" + notebook.getFileName());
        ProcessBuilder pb = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--execute", "--to", "notebook",
                "--ExecutePreprocessor.kernel_name=xtalkit", "--ExecutePreprocessor.timeout=900",
                "--output", out.toString(), copy.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", tmp.resolve("jupyter").toString());
        pb.directory(folder.toFile());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "nbconvert did not finish");
        assertEquals(0, p.exitValue(), "nbconvert failed on " + notebook + ":\n" + log);
        return JSON.readTree(out.toFile());
    }

    private static int count(String s, String word) {
        int n = 0;
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length())) n++;
        return n;
    }

    private static String text(JsonNode n) {
        if (!n.isArray()) return n.asText();
        StringBuilder b = new StringBuilder();
        n.forEach(x -> b.append(x.asText()));
        return b.toString();
    }
}
