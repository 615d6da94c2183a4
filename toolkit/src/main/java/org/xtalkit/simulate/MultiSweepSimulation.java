package org.xtalkit.simulate;

import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several simulated sweeps of one crystal ({@link Simulate#insulinSweeps}): each a {@link Simulation}
 * with its own goniometer setting, scan and images; crystal, intensities, beam and detector shared.
 *
 * @param sweeps the sweeps in the order they were recorded
 * @param plan   the goniometer settings they were recorded at
 */
public record MultiSweepSimulation(List<Simulation> sweeps, SweepPlan plan) {
    public MultiSweepSimulation { sweeps = List.copyOf(sweeps); }

    public int size() { return sweeps.size(); }

    public Simulation get(int k) { return sweeps.get(k); }

    /** What dials.import gives for all sweeps: one experiment per sweep, beam and detector shared. */
    public ExperimentList experiments() { return joined(Simulation::experiments); }

    /** The true models, one experiment per sweep, sharing one crystal orientation on its mount. */
    public ExperimentList truth() { return joined(s -> s.truth().experiments()); }

    private ExperimentList joined(Function<Simulation, ExperimentList> of) {
        List<Experiment> out = new ArrayList<>();
        Experiment first = null;
        for (Simulation s : sweeps) {
            Experiment e = of.apply(s).get(0);
            if (first == null) first = e;
            out.add(new Experiment(e.identifier(), first.beam(), first.detector(), e.goniometer(), e.scan(), e.crystal(),
                    e.imageSet(), e.profileJson(), e.scalingModelJson()));
        }
        return new ExperimentList(out);
    }
}
