package org.xtalkit.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.xtalkit.display.Displays;
import org.xtalkit.display.MimeBundle;

/**
 * The xtalkit Jupyter kernel: Java cells run by JShell in this JVM, with the toolkit and the
 * display module on the class path, the common imports made and toolkit results shown through
 * {@link Displays}.
 *
 * <p>Usage (what kernel.json runs): {@code java -cp ... org.xtalkit.kernel.XtalKernel <connection file>}.
 */
public final class XtalKernel extends BaseKernel {
    /** Imports every cell can rely on; packages must exist (JShell rejects unknown ones). */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import org.xtalkit.math.*;",
            "import org.xtalkit.model.*;",
            "import org.xtalkit.table.*;",
            "import org.xtalkit.progress.*;",
            "import org.xtalkit.display.*;",
            "import org.xtalkit.display.image.*;",
            "import org.knowm.xchart.*;",
            "import static org.xtalkit.display.ReflectionTableDisplay.toTable;",
            "import static org.xtalkit.kernel.Notebook.*;");

    /** JShell starts in the background, after the sockets are up, so kernel_info is answered at once. */
    private final CompletableFuture<CellEvaluator> evaluator = new CompletableFuture<>();

    private XtalKernel(Builder b) {
        super(b.args.name, b.args.version, b.args.languageInfo, List.of(), b.args.history, b.args.io,
                b.args.comms, b.args.renderer, null, b.args.magics, false, b.args.styler);
    }

    /** Starts JShell on its own thread; cells wait for it. */
    void startEvaluator() {
        String classPath = System.getProperty("java.class.path", "");
        Thread t = new Thread(() -> {
            try {
                evaluator.complete(new CellEvaluator(classPath, STARTUP_IMPORTS));
            } catch (Throwable e) {
                evaluator.completeExceptionally(e);
            }
        }, "jshell-start");
        t.setDaemon(true);
        t.start();
    }

    private CellEvaluator evaluator() {
        try {
            return evaluator.get();
        } catch (ExecutionException | InterruptedException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new CellException("KernelStartupError", "JShell could not start: " + c,
                    List.of("JShell could not start: " + c));
        }
    }

    @Override public Object evalRaw(String code) {
        Object value = evaluator().eval(code);
        return value == CellEvaluator.NO_VALUE ? null : value == null ? NULL_VALUE : value;
    }

    @Override public DisplayData eval(String code) {
        Object value = evalRaw(code);
        return value == null ? null : render(value == NULL_VALUE ? null : value);
    }

    /** A value as Jupyter display data: xtalkit's own renderers first, then the library's. */
    DisplayData render(Object value) {
        if (value == null) return new DisplayData("null");
        MimeBundle bundle = Displays.render(value).orElse(null);
        if (bundle == null) return getRenderer().render(value);
        DisplayData dd = new DisplayData();
        bundle.data().forEach(dd::putData);
        return dd;
    }

    @Override public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator().documentation(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions c = evaluator().complete(code, at);
        return c.items().isEmpty() ? null : new ReplacementOptions(c.items(), c.start(), c.end());
    }

    @Override public String isComplete(String code) {
        try {
            return evaluator().isComplete(code);
        } catch (CellException e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override public void interrupt() {
        CellEvaluator e = evaluator.getNow(null);
        if (e != null) e.interrupt();
    }

    @Override public List<String> formatError(Throwable e) {
        if (e instanceof CellException c) return c.traceback();
        return super.formatError(e);
    }

    @Override public String getBanner() {
        return "xtalkit " + getVersion() + " on Java " + Runtime.version();
    }

    @Override public void onShutdown(boolean restart) {
        CellEvaluator e = evaluator.getNow(null);
        if (e != null) e.close();
    }

    /** Stands for a cell whose value is null (BaseKernel takes a null value for "nothing to show"). */
    private static final Object NULL_VALUE = new Object();

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: XtalKernel <connection file>  (Jupyter passes it; install with KernelInstall)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        KernelConnectionProperties props = KernelConnectionProperties.parse(readConnectionFile(Path.of(args[0])));
        XtalKernel kernel = new Builder().build();
        VerifyingConnection connection = new VerifyingConnection(props);
        Notebook.attach(kernel);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startEvaluator();
        connection.waitUntilClose();
        System.exit(0);
    }

    private static String readConnectionFile(Path p) throws IOException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the kernel connection file " + p + ": " + e.getMessage(), e);
        }
    }

    /** The library's builder hands out its defaults only to subclasses. */
    static final class Builder extends BaseKernelBuilder<Builder, XtalKernel> {
        private Args args;

        @Override public XtalKernel build() {
            args = new Args(buildName(), buildVersion(),
                    new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                            "java", "java", "script"),
                    buildHistoryManager(), buildJupyterIO(StandardCharsets.UTF_8), buildCommManager(),
                    buildRenderer(), buildMagicsRegistry(), buildErrorStyler());
            return new XtalKernel(this);
        }

        @Override protected String buildName() { return "xtalkit"; }
        @Override protected String buildVersion() {
            String v = XtalKernel.class.getPackage().getImplementationVersion();
            return v == null ? "0.1.0-SNAPSHOT" : v;
        }
    }

    private record Args(String name, String version, LanguageInfo languageInfo,
                        org.dflib.jjava.jupyter.kernel.history.HistoryManager history,
                        org.dflib.jjava.jupyter.kernel.JupyterIO io,
                        org.dflib.jjava.jupyter.kernel.comm.CommManager comms,
                        org.dflib.jjava.jupyter.kernel.display.Renderer renderer,
                        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics,
                        org.dflib.jjava.jupyter.kernel.util.StringStyler styler) {}
}
