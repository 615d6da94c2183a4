package org.xtalkit.merge;

import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scaled experiments and reflections from one or more .expt/.refl pairs, joined as
 * dials.combine_experiments joins them: experiment ids renumbered in file order.
 */
public record ScaledInput(ExperimentList experiments, ReflectionTable reflections) {

    public static ScaledInput read(List<Path> expts, List<Path> refls) {
        if (expts.size() != refls.size() || expts.isEmpty())
            throw new XtalException("give .expt and .refl files in pairs (got " + expts.size() + " .expt and " + refls.size() + " .refl)");
        List<Experiment> all = new ArrayList<>();
        ReflectionTable joined = null;
        for (int f = 0; f < refls.size(); f++) {
            ExperimentList el = ExptFile.read(expts.get(f));
            ReflectionTable t = ReflReader.read(refls.get(f));
            int offset = all.size();
            all.addAll(el.experiments());
            Map<Integer, String> ids = new java.util.TreeMap<>(t.experimentIdentifiers());   // a copy: clearIdentifiers empties the view
            int[] id = t.ints("id");
            for (int i = 0; i < id.length; i++) if (id[i] >= 0) id[i] += offset;
            t.clearIdentifiers();
            for (var e : ids.entrySet()) t.setIdentifier(e.getKey() + offset, e.getValue());
            joined = joined == null ? t : only(joined, t).concat(only(t, joined));
        }
        return new ScaledInput(new ExperimentList(all), joined);
    }

    /** A table without the columns the other lacks (files from different DIALS versions differ). */
    private static ReflectionTable only(ReflectionTable a, ReflectionTable b) {
        if (b.columnNames().containsAll(a.columnNames())) return a;
        ReflectionTable t = a.select(java.util.stream.IntStream.range(0, a.size()).toArray());
        for (String c : a.columnOrder()) if (!b.has(c)) t.remove(c);
        return t;
    }

    /** DIALS' best_unit_cell: the median of each cell parameter over the experiments. */
    public UnitCell medianCell() {
        double[] p = new double[6];
        int n = experiments.size();
        for (int j = 0; j < 6; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = experiments.get(i).crystal().unitCell().toArray()[j];
            Arrays.sort(v);
            p[j] = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        }
        return UnitCell.of(p);
    }

    /** The first experiment's space group, as dials.merge takes it. */
    public SpaceGroup spaceGroup() { return SpaceGroup.fromHall(experiments.get(0).crystal().spaceGroupHall()); }

    public double meanWavelength() {
        double s = 0;
        for (Experiment e : experiments) s += e.beam().wavelength();
        return s / experiments.size();
    }
}
