package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.index.IndexParams;
import org.xtalkit.index.Indexer;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * dials.index: find the lattice(s) of strong spots, honour a known unit cell / space group, refine
 * and assign Miller indices. Logs the crystal models and the "% indexed" table as DIALS does.
 */
public final class Index {
    private Index() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice("indexing.method", "fft3d", "basis vector search", "fft3d", "fft1d", "real_space_grid_search"),
            ParamSpec.of("indexing.known_symmetry.space_group", ParamType.STR, "None", "space group to index in (e.g. I213, P422)"),
            ParamSpec.of("indexing.known_symmetry.unit_cell", ParamType.FLOATS, "None", "unit cell a,b,c,alpha,beta,gamma"),
            ParamSpec.of("indexing.max_cell", ParamType.FLOAT, "Auto", "maximum length of a basis vector (Å); Auto: nearest-neighbour estimate"),
            ParamSpec.of("indexing.fft3d.reciprocal_space_grid.n_points", ParamType.INT, "256", "FFT grid points per axis"),
            ParamSpec.choice("indexing.index_assignment.method", "simple", "how Miller indices are assigned", "simple", "local"),
            ParamSpec.of("indexing.index_assignment.simple.hkl_tolerance", ParamType.FLOAT, "0.3", "largest distance from an integer hkl"),
            ParamSpec.of("indexing.refinement_protocol.n_macro_cycles", ParamType.INT, "5", "assign-refine cycles"),
            ParamSpec.of("indexing.basis_vector_combinations.max_refine", ParamType.INT, "50", "candidate bases evaluated"),
            ParamSpec.of("indexing.max_lattices", ParamType.INT, "1", "index up to this many lattices"),
            ParamSpec.of("refinement.parameterisation.detector.fix_list", ParamType.STR, "None", "detector parameters to fix: Dist, Shift1, Shift2, Tau1, Tau2, Tau3"),
            ParamSpec.choice("refinement.parameterisation.detector.fix", "None", "fix detector parameters", "None", "all", "position", "orientation", "distance"),
            ParamSpec.of("output.experiments", ParamType.PATH, "indexed.expt", "indexed experiments"),
            ParamSpec.of("output.reflections", ParamType.PATH, "indexed.refl", "indexed reflections"));

    /** Parameters as the algorithm takes them. */
    public static IndexParams params(ParamValues v) {
        SpaceGroups.Entry sg = v.str("indexing.known_symmetry.space_group") == null ? null : SpaceGroups.lookup(v.str("indexing.known_symmetry.space_group"));
        double[] uc = v.doubles("indexing.known_symmetry.unit_cell");
        if (uc != null && uc.length != 6) throw new XtalException("index: unit_cell needs six numbers a,b,c,alpha,beta,gamma, got " + uc.length);
        List<String> fix = new java.util.ArrayList<>();
        String fl = v.str("refinement.parameterisation.detector.fix_list");
        if (fl != null) fix.addAll(Arrays.asList(fl.split("[,\\s]+")));
        String f = v.str("refinement.parameterisation.detector.fix");
        if (f != null) switch (f) {
            case "all" -> fix.add("all");
            case "position" -> fix.addAll(List.of("Dist", "Shift"));
            case "orientation" -> fix.add("Tau");
            case "distance" -> fix.add("Dist");
            default -> { }
        }
        return new IndexParams(v.str("indexing.method"), uc == null ? null : UnitCell.of(uc), sg, v.doubleOrNull("indexing.max_cell"),
                v.getInt("indexing.fft3d.reciprocal_space_grid.n_points"), v.getDouble("indexing.index_assignment.simple.hkl_tolerance"),
                "local".equals(v.str("indexing.index_assignment.method")), v.getInt("indexing.refinement_protocol.n_macro_cycles"),
                v.getInt("indexing.max_lattices"), v.getInt("indexing.basis_vector_combinations.max_refine"), fix);
    }

    public static Indexer.Result run(ExperimentList imported, ReflectionTable strong, ParamValues values, Progress progress) {
        return run(imported, strong, params(values), progress);
    }

    public static Indexer.Result run(ExperimentList imported, ReflectionTable strong, IndexParams params, Progress progress) {
        Indexer.Result r = Indexer.run(imported, strong, params, progress);
        progress.log(summary(r));
        return r;
    }

    /** The refined crystal models and the % indexed table, as dials.index ends its log. */
    public static String summary(Indexer.Result r) {
        StringBuilder sb = new StringBuilder();
        List<Crystal> crystals = new java.util.ArrayList<>();
        for (int i = 0; i < r.experiments().size(); i++) {
            Crystal c = r.experiments().get(i).crystal();
            if (crystals.stream().anyMatch(x -> x == c)) continue;   // sweeps indexed together share one crystal
            crystals.add(c);
            UnitCell u = c.unitCell();
            sb.append(String.format(Locale.ROOT, "Crystal model %d:%n  Unit cell: %.3f, %.3f, %.3f, %.3f, %.3f, %.3f%n  Space group: %s%n",
                    crystals.size(), u.a(), u.b(), u.c(), u.alpha(), u.beta(), u.gamma(), hallToSymbol(c.spaceGroupHall())));
        }
        for (int i = 0; i < r.rmsds().size(); i++) {
            double[] rm = r.rmsds().get(i);
            sb.append(String.format(Locale.ROOT, "  RMSDs%s: X %.4f px, Y %.4f px, Z %.4f images%n",
                    r.rmsds().size() > 1 ? " of experiment " + i : "", rm[0], rm[1], rm[2]));
        }
        ReflectionTable t = r.reflections();
        int[] id = t.ints("id");
        int[] imageset = t.has("imageset_id") ? t.ints("imageset_id") : new int[t.size()];
        int sets = 1;
        for (int s : imageset) sets = Math.max(sets, s + 1);
        int[] indexed = new int[sets], total = new int[sets];
        for (int i = 0; i < id.length; i++) { total[imageset[i]]++; if (id[i] >= 0) indexed[imageset[i]]++; }
        sb.append(String.format(Locale.ROOT, "%n  Imageset | # indexed | # unindexed | %% indexed%n"));
        for (int s = 0; s < sets; s++)
            sb.append(String.format(Locale.ROOT, "  %8d | %9d | %11d | %9.1f%n", s, indexed[s], total[s] - indexed[s],
                    total[s] == 0 ? 0.0 : 100.0 * indexed[s] / total[s]));
        return sb.toString();
    }

    static String hallToSymbol(String hall) {
        for (SpaceGroups.Entry e : SpaceGroups.all()) if (e.hall().trim().equals(hall.trim())) return e.symbol();
        return hall.trim();
    }
}
