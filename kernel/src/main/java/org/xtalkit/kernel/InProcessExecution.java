package org.xtalkit.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's JVM (so results are live objects the renderers can show),
 * each on its own thread so that an interrupt can stop it while the kernel keeps serving.
 *
 * <p>A cell's value is kept here under a key that JShell carries as the snippet's "value string";
 * the kernel trades the key back for the object.
 */
final class InProcessExecution extends DirectExecutionControl {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long an interrupted cell may take to notice before it is stopped by force. */
    private static final long GRACE_MS = 1000;

    private final SnippetClassLoader loader;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicInteger keys = new AtomicInteger();
    private volatile Thread running;
    private volatile boolean interrupted;

    InProcessExecution(SnippetClassLoader loader) {
        super(loader);
        this.loader = loader;
    }

    /** The JShell execution engine that hands out one InProcessExecution. */
    static ExecutionControlProvider provider(InProcessExecution control) {
        return new ExecutionControlProvider() {
            @Override public String name() { return "xtalkit-in-process"; }
            @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> params) { return control; }
        };
    }

    @Override protected String invoke(Method doit) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = doit.invoke(null);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "xtalkit-cell-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(loader);
        running = t;
        t.start();
        try {
            while (t.isAlive()) {
                t.join(50);
                if (interrupted) {
                    stopThread(t);
                    throw new StoppedException();
                }
            }
        } finally {
            running = null;
        }
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] != null) throw new java.lang.reflect.InvocationTargetException(failure[0]);
        String key = "xtalkit$" + keys.incrementAndGet();
        results.put(key, result[0] == null ? NULL : result[0]);
        return key;
    }

    /** Interrupts the running cell: cooperative first (Thread.interrupt), by force after a grace period. */
    void interruptCell() {
        if (running != null) interrupted = true;
    }

    /** True once, after a cell was stopped by an interrupt. */
    boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /** The value a snippet produced, or null when the key is not one of ours. */
    Object takeResult(String key) {
        Object o = key == null ? null : results.remove(key);
        return o == NULL ? null : o;
    }

    /** Forget values that were never asked for (declarations, intermediate snippets). */
    void clearResults() { results.clear(); }

    boolean hasResult(String key) { return key != null && results.containsKey(key); }

    @Override public void stop() { interruptCell(); }

    @SuppressWarnings("removal")
    private static void stopThread(Thread t) throws InterruptedException {
        t.interrupt();
        t.join(GRACE_MS);
        if (!t.isAlive()) return;
        try {
            // Thread.stop is the only way to end a loop that never checks interruption; JDK 20+
            // refuse it, and the runaway daemon thread is then abandoned while the kernel goes on.
            Thread.class.getMethod("stop").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // nothing more can be done from inside the JVM
        }
        t.join(GRACE_MS);
    }

    private static final Object NULL = new Object();
}
