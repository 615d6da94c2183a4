package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

/** dials.reindex: apply a change of basis (and optionally a space group) to crystals and Miller indices. */
public final class Reindex {
    private Reindex() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("change_of_basis_op", ParamType.STR, "a,b,c", "change of basis in DIALS' notation, e.g. b+c,a+c,a+b"),
            ParamSpec.of("space_group", ParamType.STR, "None", "space group of the reindexed crystal"),
            ParamSpec.of("output.experiments", ParamType.PATH, "reindexed.expt", "reindexed experiments"),
            ParamSpec.of("output.reflections", ParamType.PATH, "reindexed.refl", "reindexed reflections"));

    public record Result(ExperimentList experiments, ReflectionTable reflections) {}

    public static Result run(ExperimentList experiments, ReflectionTable reflections, ParamValues v) {
        ChangeOfBasis cb = ChangeOfBasis.parse(v.raw("change_of_basis_op"));
        String sg = v.str("space_group");
        return run(experiments, reflections, cb, sg == null ? null : SpaceGroups.lookup(sg));
    }

    /** Reindexed copies; the reflections may be null. */
    public static Result run(ExperimentList experiments, ReflectionTable reflections, ChangeOfBasis cb, SpaceGroups.Entry sg) {
        ExperimentList out = experiments.map(e -> {
            if (e.crystal() == null) return e;
            Crystal c = cb.apply(e.crystal());
            if (sg != null) c = c.withSpaceGroup(sg.hall());
            return e.withCrystal(c);
        });
        ReflectionTable refl = null;
        if (reflections != null) {
            refl = reflections.copy();
            if (refl.has("miller_index")) {
                int[] hkl = refl.miller("miller_index").clone();
                boolean[] ok = cb.applyToMiller(hkl);
                for (int i = 0; i < ok.length; i++)
                    if (!ok[i]) throw new XtalException("reindex: change_of_basis_op=" + cb + " gives non-integral indices for reflection " + i
                            + "; the operator does not suit this lattice");
                refl.put("miller_index", new Column(ColumnType.MILLER, hkl));
            }
        }
        return new Result(out, refl);
    }
}
