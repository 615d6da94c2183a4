package org.xtalkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 */
class NotebookExecutionTest {
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;

    @BeforeAll static void installKernel() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(JUPYTER),
                "Jupyter is not installed: kernel/ci-install.sh installs it (as .ci/run does)");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        KernelInstall.install(tmp.resolve("jupyter"), "xtalkit", cp);
    }

    @TestFactory Stream<DynamicTest> notebooksRunWithoutErrors() throws IOException {
        List<Path> notebooks = new ArrayList<>();
        for (String dir : new String[] {"tutorials", "notebooks"}) {
            Path d = ROOT.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
        }
        assertTrue(notebooks.stream().anyMatch(p -> p.endsWith("01_import.ipynb")), "tutorials/01_import.ipynb is missing");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(ROOT.relativize(nb).toString(), () -> check(nb)));
    }

    private static void check(Path notebook) throws Exception {
        JsonNode executed = execute(notebook);
        List<String> errors = new ArrayList<>();
        int html = 0, png = 0;
        for (JsonNode cell : executed.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                String type = out.get("output_type").asText();
                if (type.equals("error")) errors.add(out.get("ename").asText() + ": " + out.get("evalue").asText());
                if (type.equals("stream") && out.get("name").asText().equals("stderr")) errors.add("stderr: " + out.get("text"));
                JsonNode data = out.path("data");
                if (data.has("text/html") && text(data.get("text/html")).contains("<table")) html++;
                if (data.has("image/png")) png++;
            }
        }
        assertEquals(List.of(), errors, notebook + ": cells errored");
        if (notebook.endsWith("01_import.ipynb")) {
            assertTrue(html >= 2, "the experiment list and the reflection table show as HTML tables; found " + html);
            assertTrue(png >= 2, "the two plots show as PNG; found " + png);
        }
    }

    /** Runs the notebook in a scratch copy of its directory (notebooks write files beside themselves). */
    private static JsonNode execute(Path notebook) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("run-" + notebook.getParent().getFileName()));
        Path copy = work.resolve(notebook.getFileName());
        Files.copy(notebook, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = work.resolve("executed-" + notebook.getFileName());
        ProcessBuilder pb = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--execute", "--to", "notebook",
                "--ExecutePreprocessor.kernel_name=xtalkit", "--ExecutePreprocessor.timeout=600",
                "--output", out.toString(), copy.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", tmp.resolve("jupyter").toString());
        pb.directory(work.toFile());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "nbconvert did not finish");
        assertEquals(0, p.exitValue(), "nbconvert failed on " + notebook + ":\n" + log);
        return JSON.readTree(out.toFile());
    }

    private static String text(JsonNode n) {
        if (!n.isArray()) return n.asText();
        StringBuilder b = new StringBuilder();
        n.forEach(x -> b.append(x.asText()));
        return b.toString();
    }
}
