package org.xtalkit.cli;

import org.xtalkit.XtalException;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamValues;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The command line: {@code xtal <step> [files...] [key=value...]}, as DIALS' {@code dials.<step>}.
 * It finds the steps (ServiceLoader), parses parameters, runs the step in the current directory,
 * prints what the step logs and keeps the same text in {@code xtal.<step>.log}.
 */
public final class Xtal {
    private Xtal() {}

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 user error, 2 internal error). */
    public static int run(String[] args, Path workDir, PrintStream out, PrintStream err) {
        Map<String, StepCommand> steps = steps();
        if (args.length == 0 || args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(usage(steps));
            return 0;
        }
        String name = args[0];
        if (name.equals("version") || name.equals("--version")) {
            out.println("xtalkit " + version());
            return 0;
        }
        StepCommand step = steps.get(name);
        if (step == null) {
            err.println("xtal: unknown step '" + name + "'. Steps: " + String.join(", ", steps.keySet()));
            return 1;
        }
        List<String> positional = new ArrayList<>(), words = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--show-config")) {
                out.print(ParamValues.describe(name, step.parameters()));
                return 0;
            }
            if (isKeyValue(a)) words.add(a); else positional.add(a);
        }
        try (CliProgress progress = CliProgress.open(name, workDir, out, err)) {
            try {
                ParamValues values = ParamValues.parse(name, step.parameters(), words.toArray(String[]::new));
                progress.log("xtalkit " + version() + ": xtal " + String.join(" ", args));
                step.run(positional, values, workDir, progress);
                return 0;
            } catch (XtalException e) {
                progress.error(e.getMessage());
                return 1;
            } catch (RuntimeException | OutOfMemoryError e) {
                progress.internalError(e);
                return 2;
            }
        }
    }

    /** key=value where key looks like a (dotted) parameter name; a file path with '=' stays positional. */
    static boolean isKeyValue(String a) {
        int eq = a.indexOf('=');
        return eq > 0 && a.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.]*");
    }

    static Map<String, StepCommand> steps() {
        Map<String, StepCommand> m = new TreeMap<>();
        for (StepCommand s : ServiceLoader.load(StepCommand.class)) m.put(s.name(), s);
        return m;
    }

    static String usage(Map<String, StepCommand> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("xtalkit ").append(version()).append(": X-ray diffraction data processing, the DIALS way\n\n");
        sb.append("usage: xtal <step> [files...] [key=value...]    xtal <step> -c   (list a step's parameters)\n\n");
        sb.append("steps:\n");
        steps.values().forEach(s -> sb.append(String.format("  %-24s %s%n", s.name(), s.summary())));
        return sb.toString();
    }

    static String version() {
        String v = Xtal.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
