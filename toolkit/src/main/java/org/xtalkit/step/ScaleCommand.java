package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.scale.Scaler;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code xtal scale a.expt a.refl [b.expt b.refl ...]} -> scaled.expt, scaled.refl. */
public final class ScaleCommand implements StepCommand {
    @Override public String name() { return "scale"; }
    @Override public String summary() { return "scale integrated reflections (physical model, outliers, error model)"; }
    @Override public List<ParamSpec> parameters() { return Scale.PARAMETERS; }

    @Override public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        List<Path> expts = new ArrayList<>(), refls = new ArrayList<>();
        for (String in : inputs) {
            if (in.endsWith(".expt") || in.endsWith(".json")) expts.add(workDir.resolve(in));
            else if (in.endsWith(".refl")) refls.add(workDir.resolve(in));
            else throw new XtalException("scale: expected .expt and .refl files, got '" + in + "'");
        }
        if (expts.isEmpty() || expts.size() != refls.size())
            throw new XtalException("scale: give .expt and .refl files in pairs, e.g. xtal scale integrated.expt integrated.refl");
        Input in = combine(expts, refls);
        Scaler.Result r = Scale.run(in.experiments(), in.reflections(), values, progress);
        Path outExpt = workDir.resolve(values.str("output.experiments")), outRefl = workDir.resolve(values.str("output.reflections"));
        ExptFile.write(r.experiments(), outExpt);
        ReflWriter.write(r.reflections(), outRefl);
        progress.log("Saving the scaled experiments to " + outExpt.getFileName());
        progress.log("Saving the scaled reflections to " + outRefl.getFileName());
    }

    /** Experiments and reflections of several files joined, ids renumbered in file order (as dials.scale joins them). */
    public record Input(ExperimentList experiments, ReflectionTable reflections) {}

    public static Input combine(List<Path> expts, List<Path> refls) {
        List<Experiment> all = new ArrayList<>();
        ReflectionTable joined = null;
        for (int f = 0; f < expts.size(); f++) {
            ExperimentList el = ExptFile.read(expts.get(f));
            ReflectionTable t = ReflReader.read(refls.get(f));
            int offset = all.size();
            int[] id = t.ints("id");
            for (int i = 0; i < id.length; i++) if (id[i] >= 0) id[i] += offset;
            var ids = new java.util.TreeMap<>(t.experimentIdentifiers());
            t.clearIdentifiers();
            ids.forEach((k, v) -> t.setIdentifier(k + offset, v));
            all.addAll(el.experiments());
            if (joined == null) joined = t;
            else {
                ReflectionTable a = joined, b = t;
                for (String c : a.columnOrder()) if (!b.has(c)) a.remove(c);
                for (String c : b.columnOrder()) if (!a.has(c)) b.remove(c);
                joined = a.concat(b);
            }
        }
        return new Input(new ExperimentList(all), joined);
    }
}
