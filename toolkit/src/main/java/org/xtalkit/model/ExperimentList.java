package org.xtalkit.model;

import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An ordered list of experiments, as dxtbx's ExperimentList. Models shared between experiments
 * (one detector for four sweeps) are shared by identity, and written once to .expt.
 */
public record ExperimentList(List<Experiment> experiments) implements Iterable<Experiment> {
    public ExperimentList {
        experiments = List.copyOf(experiments);
    }

    public static ExperimentList of(Experiment... e) { return new ExperimentList(List.of(e)); }

    public Experiment get(int i) { return experiments.get(i); }
    public int size() { return experiments.size(); }
    public boolean isEmpty() { return experiments.isEmpty(); }
    @Override public Iterator<Experiment> iterator() { return experiments.iterator(); }

    /** Index of the experiment with this identifier, or -1. */
    public int indexOf(String identifier) {
        for (int i = 0; i < experiments.size(); i++)
            if (experiments.get(i).identifier().equals(identifier)) return i;
        return -1;
    }

    public ExperimentList map(UnaryOperator<Experiment> f) {
        return new ExperimentList(experiments.stream().map(f).toList());
    }
}
