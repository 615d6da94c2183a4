package org.xtalkit.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A minimal Jupyter client for tests: starts the kernel as Jupyter would and speaks the wire protocol. */
final class KernelClient implements AutoCloseable {
    static final Gson GSON = new Gson();
    final String key = UUID.randomUUID().toString();
    final int shellPort, iopubPort, controlPort, stdinPort, hbPort;
    final Process process;
    final long startedNanos = System.nanoTime();
    private final ZContext ctx = new ZContext();
    final ZMQ.Socket shell, control, iopub;
    private final String session = UUID.randomUUID().toString();

    KernelClient(Path dir) throws IOException {
        shellPort = freePort(); iopubPort = freePort(); controlPort = freePort(); stdinPort = freePort(); hbPort = freePort();
        Path conn = dir.resolve("connection.json");
        Files.writeString(conn, GSON.toJson(Map.of("transport", "tcp", "ip", "127.0.0.1", "key", key,
                "signature_scheme", "hmac-sha256", "shell_port", shellPort, "iopub_port", iopubPort,
                "control_port", controlPort, "stdin_port", stdinPort, "hb_port", hbPort)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), XtalKernel.class.getName(), conn.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile()).start();
        shell = socket(SocketType.DEALER, shellPort);
        control = socket(SocketType.DEALER, controlPort);
        iopub = socket(SocketType.SUB, iopubPort);
        iopub.subscribe(new byte[0]);
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket s = ctx.createSocket(type);
        s.setReceiveTimeOut(200);
        s.connect("tcp://127.0.0.1:" + port);
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    /** Sends a request signed with the given key ("" sends it unsigned); returns its msg_id. */
    String send(ZMQ.Socket socket, String type, Map<String, Object> content, String signingKey) {
        String id = UUID.randomUUID().toString();
        String header = GSON.toJson(Map.of("msg_id", id, "session", session, "username", "test", "msg_type", type,
                "version", "5.3", "date", Instant.now().toString()));
        String[] parts = {header, "{}", "{}", GSON.toJson(content)};
        socket.sendMore("<IDS|MSG>");
        socket.sendMore(signingKey.isEmpty() ? "" : sign(signingKey, parts));
        for (int i = 0; i < 3; i++) socket.sendMore(parts[i]);
        socket.send(parts[3]);
        return id;
    }

    String send(ZMQ.Socket socket, String type, Map<String, Object> content) { return send(socket, type, content, key); }

    String execute(String code) {
        return send(shell, "execute_request", Map.of("code", code, "silent", false, "store_history", true,
                "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
    }

    static String sign(String key, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (String p : parts) mac.update(p.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message on a socket within the timeout, as {header, parent_header, content}, or null. */
    JsonObject[] receive(ZMQ.Socket socket, long timeoutMs) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            byte[] first = socket.recv();
            if (first == null) continue;
            List<String> frames = new ArrayList<>();
            frames.add(new String(first, StandardCharsets.UTF_8));
            while (socket.hasReceiveMore()) frames.add(new String(socket.recv(), StandardCharsets.UTF_8));
            int d = frames.indexOf("<IDS|MSG>");
            String sig = frames.get(d + 1);
            if (!sig.equals(sign(key, frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5))))
                throw new AssertionError("the kernel sent a message with a bad signature");
            return new JsonObject[] {JsonParser.parseString(frames.get(d + 2)).getAsJsonObject(),
                    JsonParser.parseString(frames.get(d + 3)).getAsJsonObject(),
                    JsonParser.parseString(frames.get(d + 5)).getAsJsonObject()};
        }
        return null;
    }

    /** The reply to a request on shell/control (other replies skipped), or null on timeout. */
    JsonObject reply(ZMQ.Socket socket, String msgId, long timeoutMs) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            JsonObject[] m = receive(socket, end - System.currentTimeMillis());
            if (m != null && m[1].has("msg_id") && m[1].get("msg_id").getAsString().equals(msgId)) return m[2];
        }
        return null;
    }

    /** IOPub messages for a request until its idle status: {msg_type, content} pairs. */
    List<JsonObject[]> outputs(String msgId, long timeoutMs) {
        List<JsonObject[]> out = new ArrayList<>();
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            JsonObject[] m = receive(iopub, end - System.currentTimeMillis());
            if (m == null || !m[1].has("msg_id") || !m[1].get("msg_id").getAsString().equals(msgId)) continue;
            String type = m[0].get("msg_type").getAsString();
            if (type.equals("status") && m[2].get("execution_state").getAsString().equals("idle")) return out;
            JsonObject t = new JsonObject();
            t.addProperty("msg_type", type);
            out.add(new JsonObject[] {t, m[2]});
        }
        throw new AssertionError("no idle status for " + msgId + " within " + timeoutMs + " ms; got " + out.size() + " messages");
    }

    @Override public void close() {
        process.destroy();
        ctx.close();
    }
}
