package org.xtalkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One JShell session in the kernel's JVM: evaluates cells (several snippets each), completes,
 * judges completeness and finds documentation. Errors come back as CellException, readable.
 */
final class CellEvaluator implements AutoCloseable {
    /** The value of a cell whose last snippet has none (a declaration, a statement). */
    static final Object NO_VALUE = new Object();

    private final JShell shell;
    private final InProcessExecution execution;

    CellEvaluator(String classPath, List<String> startupImports) {
        SnippetClassLoader loader = new SnippetClassLoader(CellEvaluator.class.getClassLoader());
        execution = new InProcessExecution(loader);
        shell = JShell.builder()
                .executionEngine(InProcessExecution.provider(execution), java.util.Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        for (String p : classPath.split(java.io.File.pathSeparator))
            if (!p.isBlank()) shell.addToClasspath(p);
        for (String imp : startupImports) {
            List<SnippetEvent> ev = shell.eval(imp);
            if (ev.isEmpty() || ev.get(0).status() == Snippet.Status.REJECTED)
                throw new IllegalStateException("startup import failed: " + imp);
        }
    }

    /** Runs a cell; returns the last snippet's value, null, or NO_VALUE. */
    Object eval(String code) throws CellException {
        execution.clearResults();
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = code;
        Object last = NO_VALUE;
        while (!remaining.isBlank()) {
            CompletionInfo info = sca.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) break;
            if (c == Completeness.DEFINITELY_INCOMPLETE)
                throw new CellException("CompilationException", "incomplete input",
                        List.of("The cell ends before this statement does:", remaining.strip()));
            String source = c == Completeness.UNKNOWN ? remaining : info.source();
            String before = remaining;
            remaining = c == Completeness.UNKNOWN ? "" : info.remaining();
            last = run(source);
            // as in IPython, a closing semicolon says "a statement": System.out.printf(...); shows nothing
            String typed = before.substring(0, before.length() - remaining.length()).strip();
            if (typed.endsWith(";")) last = NO_VALUE;
        }
        return last;
    }

    private Object run(String source) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) continue; // consequences of redefinitions
            Snippet s = ev.snippet();
            if (ev.status() == Snippet.Status.REJECTED) throw compileError(s);
            if (ev.exception() != null) throw runtimeError(ev.exception(), s);
            if (execution.takeInterrupted())
                throw new CellException("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was stopped."));
            if (showsValue(s)) value = execution.takeResult(ev.value());
            else value = NO_VALUE;
        }
        if (execution.takeInterrupted())
            throw new CellException("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was stopped."));
        return value;
    }

    private static boolean showsValue(Snippet s) {
        if (s instanceof ExpressionSnippet e) return !"void".equals(e.typeName());
        return s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && !"void".equals(v.typeName());
    }

    private CellException compileError(Snippet s) {
        List<String> lines = new ArrayList<>();
        String src = s.source();
        List<Diag> diags = shell.diagnostics(s).collect(Collectors.toList());
        for (Diag d : diags) {
            if (!d.isError()) continue;
            lines.add("error: " + d.getMessage(Locale.ROOT));
            lines.addAll(markSource(src, (int) d.getStartPosition(), (int) d.getEndPosition()));
        }
        if (s instanceof jdk.jshell.DeclarationSnippet ds) {
            shell.unresolvedDependencies(ds).forEach(u -> lines.add("cannot find symbol: " + u));
        }
        if (lines.isEmpty()) lines.add("error: the snippet was rejected: " + src.strip());
        String first = lines.get(0).replaceFirst("^error: ", "");
        return new CellException("CompilationException", first, lines);
    }

    /** The source line holding [start, end) with carets under it. */
    private static List<String> markSource(String src, int start, int end) {
        if (start < 0 || start > src.length()) return List.of(src.strip());
        int lineStart = src.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) lineStart = 0;
        int lineEnd = src.indexOf('\n', start);
        if (lineEnd < 0) lineEnd = src.length();
        String line = src.substring(lineStart, lineEnd);
        int from = start - lineStart, to = Math.max(from + 1, Math.min(end, lineEnd) - lineStart);
        return List.of(line, " ".repeat(from) + "^".repeat(to - from));
    }

    private CellException runtimeError(JShellException e, Snippet s) {
        if (e instanceof UnresolvedReferenceException u) {
            String what = u.getSnippet().source().strip();
            return new CellException("UnresolvedReferenceException",
                    "uses a declaration that does not compile: " + what, List.of("Unresolved reference in: " + what));
        }
        EvalException ee = (EvalException) e;
        List<String> lines = new ArrayList<>();
        lines.add(ee.getExceptionClassName() + (ee.getMessage() == null ? "" : ": " + ee.getMessage()));
        Throwable t = ee;
        while (t != null) {
            if (t != ee) {
                String name = t instanceof EvalException c ? c.getExceptionClassName() : t.getClass().getName();
                lines.add("Caused by: " + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            for (StackTraceElement el : t.getStackTrace()) {
                String cls = el.getClassName();
                // the kernel's own frames and reflection say nothing to the user
                if (cls.startsWith("jdk.internal.") || cls.startsWith("java.lang.reflect.")
                        || cls.startsWith("org.xtalkit.kernel.") || cls.startsWith("jdk.jshell.")) continue;
                String file = el.getFileName();
                lines.add("    at " + (file != null && file.startsWith("#") ? "cell line " + el.getLineNumber()
                        + " (snippet " + file + ")" : el.toString()));
            }
            t = t.getCause();
        }
        return new CellException(ee.getExceptionClassName(), lines.get(0), lines);
    }

    /** Completions at cursor: the replacements and the range of the cell they replace. */
    Completions complete(String code, int cursor) {
        int offset = 0;
        String rest = code;
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        // complete within the snippet the cursor is in
        while (true) {
            CompletionInfo info = sca.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) break;
            int consumed = rest.length() - info.remaining().length();
            if (offset + consumed >= cursor || consumed <= 0) break;
            offset += consumed;
            rest = info.remaining();
        }
        String snippet = code.substring(offset);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> s = sca.completionSuggestions(snippet, cursor - offset, anchor);
        List<String> items = new ArrayList<>();
        boolean anyMatch = s.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        for (SourceCodeAnalysis.Suggestion sg : s)
            if ((!anyMatch || sg.matchesType()) && !items.contains(sg.continuation())) items.add(sg.continuation());
        return new Completions(items, offset + anchor[0], cursor);
    }

    record Completions(List<String> items, int start, int end) {}

    /** "complete", "invalid", "unknown" or the indent for the next line (incomplete). */
    String isComplete(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = sca.analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE: return "    ";
                case UNKNOWN: return "invalid";
                case EMPTY: return "complete";
                default: rest = info.remaining();
            }
        }
        return "complete";
    }

    /** Signatures and javadoc of what is under the cursor, or an empty string. */
    String documentation(String code, int cursor) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, true).stream()
                .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n"));
    }

    void interrupt() { execution.interruptCell(); }

    @Override public void close() { shell.close(); }
}
