package org.xtalkit.step.process;

import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code xtal bench <images | demo> [nproc=] [dials=Auto]}: every step with xtalkit and DIALS, timed side by side. */
public final class BenchCommand implements StepCommand {
    @Override public String name() { return "bench"; }

    @Override public String summary() {
        return "benchmark: each step with xtalkit and (where installed) DIALS on the same data and cores, one table";
    }

    @Override public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>();
        for (ParamSpec s : Pipeline.PARAMETERS) if (!s.name().equals("from") && !s.name().equals("stop_after") && !s.name().equals("d_min")) p.add(s);
        p.add(ParamSpec.choice("dials", "Auto", "run DIALS too (Auto: when dials.import is on the PATH)", "Auto", "True", "False"));
        p.add(ParamSpec.of("java_opts", ParamType.STR, "Auto",
                "JVM options of the xtalkit child processes (Auto: those this JVM runs with, i.e. the xtal launcher's)"));
        return p;
    }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        String d = values.raw("dials");
        boolean dials = "True".equalsIgnoreCase(d) || ("Auto".equalsIgnoreCase(d) && onPath("dials.import"));
        if (!dials) progress.log("DIALS is not on the PATH (or dials=False): xtalkit only");
        String opts = values.raw("java_opts");
        // the children measure what `xtal <step>` costs, so they run with the launcher's JVM options
        if (opts == null || "Auto".equalsIgnoreCase(opts.trim()))
            opts = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        Bench.run(inputs, values, workDir, dials, opts, progress);
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, command)));
    }
}
