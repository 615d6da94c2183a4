package org.xtalkit.simulate;

import org.xtalkit.XtalException;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.StepCommand;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code xtal simulate insulin [nimages=] [binning=] ... [out=dir] [format=cbf|nxmx]}. */
public final class SimulateCommand implements StepCommand {
    @Override public String name() { return "simulate"; }

    @Override public String summary() {
        return "write the embedded default data set: a simulated cubic insulin sweep on the i04 Eiger 16M, with its truth";
    }

    @Override public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(SimulationParams.specs());
        specs.add(ParamSpec.of("out", ParamType.PATH, ".", "directory for the images and the truth files"));
        specs.addAll(SweepPlan.specs());
        specs.add(ParamSpec.choice("format", "cbf", "image files: miniCBF (one per image) or NXmx HDF5"
                + " (several sweeps are always NXmx, one file per sweep: only NXmx records the goniometer setting)", "cbf", "nxmx"));
        specs.add(ParamSpec.of("prefix", ParamType.STR, "insulin", "image file name prefix"));
        specs.add(ParamSpec.of("nproc", ParamType.INT, "Auto", "threads writing images (Auto: all cores)"));
        return specs;
    }

    @Override
    public void run(List<String> inputs, ParamValues values, Path workDir, Progress progress) {
        if (inputs.size() > 1 || (inputs.size() == 1 && !inputs.get(0).equals("insulin")))
            throw new XtalException("simulate: the only data set is 'insulin', got " + inputs);
        SimulationParams p = SimulationParams.from(values);
        Integer nproc = values.intOrNull("nproc");
        int threads = nproc == null ? Runtime.getRuntime().availableProcessors() : nproc;
        Path out = workDir.resolve(values.str("out") == null ? "." : values.str("out"));
        SimulationWriter.Format format = SimulationWriter.Format.valueOf(values.str("format").toUpperCase(Locale.ROOT));
        long t0 = System.nanoTime();
        SweepPlan plan = SweepPlan.from(values);
        if (plan.sweeps() > 1) {
            MultiSweepSimulation sims = Simulate.insulinSweeps(p, plan);
            progress.log(String.format(Locale.ROOT, "Simulated cubic insulin (I 21 3, a = %.1f A), seed %d: %d sweeps of %d images"
                    + " (binning %d), omega scans at phi/chi settings of a SmarGon", InsulinCrystal.A_INSULIN, p.seed(),
                    plan.sweeps(), p.nImages(), p.binning()));
            SimulationWriter.writeSweeps(sims, out, values.str("prefix"), threads, progress);
            progress.log(String.format(Locale.ROOT, "Done in %.1f s", (System.nanoTime() - t0) / 1e9));
            return;
        }
        Simulation sim = Simulate.insulin(p);
        progress.log(String.format(Locale.ROOT, "Simulated cubic insulin (I 21 3, a = %.1f A), seed %d: %d images of %d x %d px"
                        + " (binning %d), %d Ewald-sphere crossings (%.1f s)", InsulinCrystal.A_INSULIN, p.seed(),
                p.nImages(), sim.images().panelSize(0)[0], sim.images().panelSize(0)[1], p.binning(),
                sim.truth().reflections().size(), (System.nanoTime() - t0) / 1e9));
        SimulationWriter.write(sim, out, format, values.str("prefix"), threads, progress);
        progress.log(String.format(Locale.ROOT, "Done in %.1f s", (System.nanoTime() - t0) / 1e9));
    }
}
