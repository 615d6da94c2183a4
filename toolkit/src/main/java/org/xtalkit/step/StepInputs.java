package org.xtalkit.step;

import org.xtalkit.XtalException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a step was given on the command line, sorted as DIALS sorts them: experiment lists
 * (.expt, legacy .json) and reflection tables (.refl), in the order given. Anything else is an error
 * that names the step and shows the usage.
 *
 * @param experiments the .expt files
 * @param reflections the .refl files
 */
public record StepInputs(List<Path> experiments, List<Path> reflections) {

    /** Sorts the positional arguments; both kinds must be present. {@code usage} is e.g. "xtal refine indexed.expt indexed.refl". */
    public static StepInputs of(String step, List<String> inputs, Path workDir, String usage) {
        StepInputs files = sort(step, inputs, workDir, usage);
        if (files.experiments.isEmpty() || files.reflections.isEmpty())
            throw new XtalException(step + ": give an experiment list and a reflection table (usage: " + usage + ")");
        return files;
    }

    /** Sorts the positional arguments without requiring either kind (for steps where one is optional). */
    public static StepInputs sort(String step, List<String> inputs, Path workDir, String usage) {
        List<Path> expts = new ArrayList<>(), refls = new ArrayList<>();
        for (String in : inputs) {
            if (in.endsWith(".expt") || in.endsWith(".json")) expts.add(workDir.resolve(in));
            else if (in.endsWith(".refl")) refls.add(workDir.resolve(in));
            else throw new XtalException(step + ": expected .expt and .refl files, got '" + in + "' (usage: " + usage + ")");
        }
        return new StepInputs(List.copyOf(expts), List.copyOf(refls));
    }

    /** The one .expt/.refl pair of steps that take exactly one. */
    public Path experiment() { return single(experiments, "experiment list"); }
    public Path reflection() { return single(reflections, "reflection table"); }

    /** The reflection table when one was given, else null. */
    public Path reflectionOrNull() { return reflections.isEmpty() ? null : reflection(); }

    private static Path single(List<Path> files, String what) {
        if (files.size() != 1) throw new XtalException("expected one " + what + ", got " + files.size() + ": " + files);
        return files.get(0);
    }
}
