package org.xtalkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel as Jupyter sees it: one kernel process, spoken to over ZeroMQ with signed messages. */
class XtalKernelTest {
    @TempDir static Path dir;
    static KernelClient k;

    @BeforeAll static void start() throws Exception {
        k = new KernelClient(dir);
        String id = k.send(k.shell, "kernel_info_request", Map.of());
        JsonObject info = k.reply(k.shell, id, 30_000);
        assertNotNull(info, "no kernel_info_reply; log:\n" + log());
        System.out.printf("kernel_info_reply %.2f s after start%n", (System.nanoTime() - k.startedNanos) / 1e9);
        assertEquals("java", info.getAsJsonObject("language_info").get("name").getAsString());
    }

    @AfterAll static void stop() { if (k != null) k.close(); }

    static String log() throws Exception {
        Path p = dir.resolve("kernel.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    static List<JsonObject[]> run(String code) {
        return k.outputs(k.execute(code), 60_000);
    }

    static JsonObject only(List<JsonObject[]> out, String type) {
        return out.stream().filter(m -> m[0].get("msg_type").getAsString().equals(type)).map(m -> m[1])
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + out.stream().map(m -> m[0] + " " + m[1]).toList()));
    }

    @Test void evaluatesAndRendersToolkitValues() {
        JsonObject r = only(run("int x = 20; x + 1"), "execute_result");
        assertEquals("21", r.getAsJsonObject("data").get("text/plain").getAsString());
        // a closing semicolon makes the last line a statement: nothing shown (IPython's convention)
        assertTrue(run("System.out.printf(\"%d%n\", 7);").stream().noneMatch(m -> m[0].get("msg_type").getAsString().equals("execute_result")));
        // preloaded imports and a registered renderer: a ReflectionTable shows as an HTML table
        JsonObject t = only(run("var t = new ReflectionTable(3); double[] d = t.newDoubles(\"d\"); d[1] = 2.5; t"), "execute_result");
        String html = t.getAsJsonObject("data").get("text/html").getAsString();
        assertTrue(html.contains("<table") && html.contains("2.5"), html);
    }

    @Test void exceptionIsReadableAndKernelSurvives() {
        String id = k.execute("Object o = null;\no.hashCode();");
        List<JsonObject[]> out = k.outputs(id, 60_000);
        JsonObject err = only(out, "error");
        String trace = String.join("\n", k.GSON.fromJson(err.get("traceback"), String[].class));
        assertTrue(trace.startsWith("java.lang.NullPointerException"), trace);
        assertTrue(trace.contains("cell line"), trace);
        JsonObject after = only(run("6 * 7"), "execute_result");
        assertEquals("42", after.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test void compileErrorPointsAtTheCode() {
        JsonObject err = only(run("int y = \"text\";"), "error");
        String trace = String.join("\n", k.GSON.fromJson(err.get("traceback"), String[].class));
        assertTrue(trace.contains("incompatible types") && trace.contains("^"), trace);
    }

    @Test void rejectsUnsignedAndMisSignedMessages() throws Exception {
        Path marker = dir.resolve("executed");
        String code = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"x\")";
        Map<String, Object> content = Map.of("code", code, "silent", false, "store_history", true,
                "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true);
        String bad = k.send(k.shell, "execute_request", content, "not-the-key");
        String unsigned = k.send(k.shell, "execute_request", content, "");
        assertNull(k.reply(k.shell, bad, 2000), "a mis-signed request was answered");
        assertNull(k.reply(k.shell, unsigned, 500), "an unsigned request was answered");
        assertFalse(Files.exists(marker), "a rejected request ran");
        assertEquals("3", only(run("1 + 2"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test void bindsOnlyTheConnectionFileAddress() throws Exception {
        Path tcp = Path.of("/proc/net/tcp"), tcp6 = Path.of("/proc/net/tcp6");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(tcp), "needs Linux /proc/net/tcp");
        String port = String.format("%04X", k.shellPort);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(tcp));
        if (Files.exists(tcp6)) lines.addAll(Files.readAllLines(tcp6));
        List<String> listening = lines.stream().skip(0).filter(l -> !l.contains("local_address"))
                .filter(l -> l.trim().split("\\s+")[1].endsWith(":" + port) && l.trim().split("\\s+")[3].equals("0A")).toList();
        assertFalse(listening.isEmpty(), "shell port not listening");
        // 127.0.0.1, or the same address IPv4-mapped on a dual-stack socket (::ffff:127.0.0.1)
        for (String l : listening) {
            String local = l.trim().split("\\s+")[1];
            assertTrue(local.equals("0100007F:" + port) || local.equals("0000000000000000FFFF00000100007F:" + port),
                    "bound beyond 127.0.0.1: " + l);
        }
    }

    @Test void completesAndJudgesCompleteness() {
        String id = k.send(k.shell, "complete_request", Map.of("code", "ReflectionTable t2 = new Reflection", "cursor_pos", 35));
        JsonObject c = k.reply(k.shell, id, 30_000);
        assertNotNull(c);
        assertTrue(c.get("matches").toString().contains("ReflectionTable"), c.toString());
        String inc = k.send(k.shell, "is_complete_request", Map.of("code", "for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", k.reply(k.shell, inc, 30_000).get("status").getAsString());
        String ok = k.send(k.shell, "is_complete_request", Map.of("code", "int z = 1;"));
        assertEquals("complete", k.reply(k.shell, ok, 30_000).get("status").getAsString());
    }

    @Test void inspectShowsTheSignature() {
        String id = k.send(k.shell, "inspect_request", Map.of("code", "Math.max(1, 2)", "cursor_pos", 9, "detail_level", 0));
        JsonObject r = k.reply(k.shell, id, 30_000);
        assertNotNull(r);
        assertTrue(r.get("found").getAsBoolean(), r.toString());
        assertTrue(r.getAsJsonObject("data").get("text/plain").getAsString().contains("max("), r.toString());
    }

    @Test void displayAndInPlaceUpdate() {
        List<JsonObject[]> out = run("String id = display(\"first\"); updateDisplay(id, \"second\");");
        JsonObject shown = only(out, "display_data"), updated = only(out, "update_display_data");
        assertEquals(shown.getAsJsonObject("transient").get("display_id"), updated.getAsJsonObject("transient").get("display_id"));
        assertEquals("second", updated.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test void interruptStopsALongCell() throws Exception {
        String id = k.execute("long s = 0; while (true) { s++; }");
        Thread.sleep(1500);
        k.send(k.control, "interrupt_request", Map.of());
        List<JsonObject[]> out = k.outputs(id, 30_000);
        assertTrue(only(out, "error").get("evalue").getAsString().contains("interrupted"));
        assertEquals("5", only(run("2 + 3"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
    }
}
