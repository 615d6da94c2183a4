package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.symmetry.IntegratedIntensities;
import org.xtalkit.symmetry.LatticeSymmetry;
import org.xtalkit.symmetry.LaueGroupAnalysis;
import org.xtalkit.symmetry.NormalisedIntensities;
import org.xtalkit.symmetry.ScrewAxes;
import org.xtalkit.symmetry.SymmetryReport;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;

/**
 * dials.symmetry: the Laue group from integrated intensities, systematic absences for the space
 * group, and the experiments and reflections reindexed to the best setting ("symmetrized").
 */
public final class Symmetry {
    private Symmetry() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("d_min", ParamType.FLOAT, "Auto", "resolution limit for the analysis (Auto: from min_i_mean_over_sigma_mean)"),
            ParamSpec.of("min_i_mean_over_sigma_mean", ParamType.FLOAT, "4", "<I>/<sigma(I)> limit for the automatic d_min"),
            ParamSpec.of("min_cc_half", ParamType.FLOAT, "0.6", "CC1/2 limit for the automatic d_min"),
            ParamSpec.choice("normalisation", "ml_aniso", "intensity normalisation: ml_aniso (anisotropic Wilson maximum likelihood) "
                    + "or quasi (E^2 in resolution shells) or None", "ml_aniso", "quasi", "None"),
            ParamSpec.of("lattice_symmetry_max_delta", ParamType.FLOAT, "2.0", "largest Le Page delta (degrees) of the lattice symmetry"),
            ParamSpec.of("seed", ParamType.INT, "230", "random seed for the sd(CC) estimate"),
            ParamSpec.of("partiality_threshold", ParamType.FLOAT, "0.4", "use only reflections with a partiality above this threshold"),
            ParamSpec.of("systematic_absences.check", ParamType.BOOL, "True", "check systematic absences for the best Laue group"),
            ParamSpec.of("output.experiments", ParamType.PATH, "symmetrized.expt", "output experiment list"),
            ParamSpec.of("output.reflections", ParamType.PATH, "symmetrized.refl", "output reflection table"));

    /**
     * @param experiments  reindexed to the best setting, with the suggested space group
     * @param reflections  with reindexed miller_index
     * @param lattice      the lattice symmetry and its candidate Patterson groups
     * @param laue         the scores
     * @param absences     the screw-axis analysis (null when not checked)
     * @param spaceGroup   the suggested space group
     * @param normalised   the normalised unique intensities the Laue group analysis scored
     */
    public record Result(ExperimentList experiments, ReflectionTable reflections, LatticeSymmetry lattice,
                         LaueGroupAnalysis.Result laue, ScrewAxes.Result absences, SpaceGroup spaceGroup,
                         NormalisedIntensities normalised) {}

    public static Result run(ExperimentList experiments, ReflectionTable reflections, ParamValues p, Progress progress) {
        if (experiments.isEmpty()) throw new XtalException("symmetry: the experiment list is empty");
        for (int i = 0; i < experiments.size(); i++)
            if (experiments.get(i).crystal() == null) throw new XtalException("symmetry: experiment " + i + " has no crystal model (index first)");
        Experiment expt = experiments.get(0);
        SpaceGroup inputGroup = SpaceGroup.fromHall(expt.crystal().spaceGroupHall());
        progress.log("=".repeat(80) + "\n\nPerforming Laue group analysis\n");
        // integral centring absences carry no information and would give fractional indices in a primitive cell
        ReflectionTable table = reflections;
        if (inputGroup.centringType() != 'P') {
            int[] mi = reflections.miller("miller_index");
            table = reflections.select(r -> !absentByCentring(inputGroup, mi[3 * r], mi[3 * r + 1], mi[3 * r + 2]));
        }
        // several sweeps of one crystal form: one lattice (of the median cell) and one Laue group for all;
        // sweeps indexed in different settings are first each taken to the best cell of their lattice
        if (experiments.size() > 1 && !similarCells(experiments)) {
            ChangeOfBasis[] toBest = new ChangeOfBasis[experiments.size()];
            for (int i = 0; i < experiments.size(); i++) {
                LatticeSymmetry li = LatticeSymmetry.of(experiments.get(i).crystal().unitCell(), inputGroup.centringType(),
                        p.getDouble("lattice_symmetry_max_delta"));
                toBest[i] = li.cbInpMin().then(li.candidates().get(0).cbMinBest());
                progress.log("Experiment " + i + ": change of basis to the best cell of its lattice " + toBest[i]);
            }
            final ChangeOfBasis[] cbs = toBest;
            final List<Experiment> list = experiments.experiments();
            experiments = new ExperimentList(java.util.stream.IntStream.range(0, list.size())
                    .mapToObj(i -> reindex(ExperimentList.of(list.get(i)), cbs[i]).get(0)).toList());
            table = table.copy();
            int[] mi = table.miller("miller_index"), ids = table.ints("id");
            for (int r = 0; r < table.size(); r++) {
                if (ids[r] < 0 || ids[r] >= cbs.length) continue;
                int[] one = {mi[3 * r], mi[3 * r + 1], mi[3 * r + 2]};
                cbs[ids[r]].applyToMiller(one);
                System.arraycopy(one, 0, mi, 3 * r, 3);
            }
            expt = experiments.get(0);
        }
        org.xtalkit.model.UnitCell cell = experiments.size() == 1 ? expt.crystal().unitCell() : medianCell(experiments, inputGroup);
        List<IntegratedIntensities> sweeps = new ArrayList<>();
        if (experiments.size() == 1) sweeps.add(IntegratedIntensities.select(table, expt, p.getDouble("partiality_threshold")));
        else {
            int[] ids = table.ints("id");
            for (int i = 0; i < experiments.size(); i++) {
                final int id = i;
                sweeps.add(IntegratedIntensities.select(table.select(r -> ids[r] == id), experiments.get(i), p.getDouble("partiality_threshold")));
            }
        }
        IntegratedIntensities sel = IntegratedIntensities.concat(sweeps);
        progress.log("Selected " + sel.size() + " integrated reflections for symmetry analysis");
        LatticeSymmetry lattice = LatticeSymmetry.of(cell, inputGroup.centringType(), p.getDouble("lattice_symmetry_max_delta"));
        progress.log("Patterson group: " + lattice.candidates().get(0).patterson());
        Double dMin = p.doubleOrNull("d_min");
        double dm = dMin == null ? Double.NaN : dMin;
        NormalisedIntensities data = sweeps.size() == 1
                ? NormalisedIntensities.prepare(sel, lattice.cbInpMin(), lattice.minCell(), lattice.latticeRotations(),
                        String.valueOf(p.str("normalisation")), dm, p.getDouble("min_i_mean_over_sigma_mean"), p.getDouble("min_cc_half"), progress)
                : NormalisedIntensities.prepareAll(sweeps, lattice.cbInpMin(), lattice.minCell(), lattice.latticeRotations(),
                        String.valueOf(p.str("normalisation")), dm, p.getDouble("min_i_mean_over_sigma_mean"), p.getDouble("min_cc_half"), progress);
        LaueGroupAnalysis.Result laue = LaueGroupAnalysis.run(data, lattice, p.getInt("seed"));
        progress.log("\nInput crystal symmetry:\nUnit cell: " + SymmetryReport.cell(expt.crystal().unitCell()) + "\nSpace group: " + inputGroup);
        progress.log(SymmetryReport.format(laue, lattice));
        LatticeSymmetry.Candidate best = laue.best().candidate();
        progress.log(org.xtalkit.symmetry.Tabulate.psql(List.of("Patterson group", "Corresponding MX group"),
                List.of(List.of(best.patterson(), best.mx()))));

        ChangeOfBasis cb = lattice.cbInpMin().then(best.cbMinBest());
        ExperimentList reindexed = reindex(experiments, cb);
        ReflectionTable out = table.copy();
        int[] mi = out.miller("miller_index");
        cb.applyToMiller(mi);
        SpaceGroup group = SpaceGroup.of(best.mx());
        ScrewAxes.Result absences = null;
        if (p.getBool("systematic_absences.check")) {
            progress.log("=".repeat(80) + "\n\nAnalysing systematic absences\n\nLaue group: " + best.patterson());
            absences = ScrewAxes.run(best.patterson(), axial(sel, cb, reindexed.get(0).crystal().unitCell(), data.dMin()));
            progress.log(absences.report());
            group = absences.best();
            progress.log("Recommended space group: " + group.xhm());
        }
        final String hall = group.hall();
        reindexed = reindexed.map(e -> e.withCrystal(e.crystal().withSpaceGroup(hall)));
        return new Result(reindexed, out, lattice, laue, absences, group, data);
    }

    /** Every cell within DIALS' tolerances (5 % in lengths, 2° in angles) of the median cell. */
    static boolean similarCells(ExperimentList experiments) {
        try {
            medianCell(experiments, SpaceGroup.fromHall(experiments.get(0).crystal().spaceGroupHall()));
            return true;
        } catch (XtalException e) {
            return false;
        }
    }

    /**
     * The median of each cell parameter, as dials.symmetry takes it; every sweep's cell must lie
     * within 5 % in lengths and 2° in angles of it (DIALS' default tolerances) and share its centring.
     */
    static org.xtalkit.model.UnitCell medianCell(ExperimentList experiments, SpaceGroup first) {
        int n = experiments.size();
        double[][] p = new double[6][n];
        for (int i = 0; i < n; i++) {
            Crystal c = experiments.get(i).crystal();
            if (SpaceGroup.fromHall(c.spaceGroupHall()).centringType() != first.centringType())
                throw new XtalException("symmetry: experiment " + i + " has centring " + SpaceGroup.fromHall(c.spaceGroupHall()).centringType()
                        + ", experiment 0 " + first.centringType() + ": sweeps analysed together must share the lattice centring");
            double[] v = c.unitCell().toArray();
            for (int k = 0; k < 6; k++) p[k][i] = v[k];
        }
        double[] med = new double[6];
        for (int k = 0; k < 6; k++) {
            double[] s = p[k].clone();
            java.util.Arrays.sort(s);
            med[k] = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 6; k++) {
                boolean ok = k < 3 ? Math.abs(p[k][i] - med[k]) <= 0.05 * med[k] : Math.abs(p[k][i] - med[k]) <= 2;
                if (!ok) throw new XtalException(String.format("symmetry: the cell of experiment %d (%s) is not similar to the median cell %s"
                        + " (5 %% in lengths, 2° in angles): analyse those sweeps separately", i,
                        SymmetryReport.cell(experiments.get(i).crystal().unitCell()), SymmetryReport.cell(org.xtalkit.model.UnitCell.of(med))));
            }
        return org.xtalkit.model.UnitCell.of(med);
    }

    /** The selected intensities in the best setting, to d_min: {hkl, I, σ} for the absence tests. */
    private static ScrewAxes.Input axial(IntegratedIntensities sel, ChangeOfBasis cb, org.xtalkit.model.UnitCell cell, double dMin) {
        int[] h = sel.hkl().clone();
        cb.applyToMiller(h);
        int n = 0;
        int[] keep = new int[sel.size()];
        for (int j = 0; j < sel.size(); j++)
            if (Double.isNaN(dMin) || cell.dSpacing(h[3 * j], h[3 * j + 1], h[3 * j + 2]) > dMin) keep[n++] = j;
        int[] hk = new int[3 * n];
        double[] I = new double[n], s = new double[n];
        for (int q = 0; q < n; q++) {
            int j = keep[q];
            System.arraycopy(h, 3 * j, hk, 3 * q, 3);
            I[q] = sel.i()[j];
            s[q] = sel.sigma()[j];
        }
        return new ScrewAxes.Input(hk, I, s);
    }

    private static boolean absentByCentring(SpaceGroup g, int h, int k, int l) {
        for (org.xtalkit.spacegroup.SymOp c : g.centring())
            if (Math.floorMod(c.phaseShift(h, k, l), org.xtalkit.spacegroup.SymOp.DEN) != 0) return true;
        return false;
    }

    /** The crystals in the new basis: real axes a' = M a; per-scan-point A' = A M⁻¹. */
    static ExperimentList reindex(ExperimentList experiments, ChangeOfBasis cb) {
        Mat3 mInv = cb.matrix().inverse();
        return experiments.map(e -> {
            Crystal c = e.crystal();
            Crystal nc = cb.apply(c);
            nc = new Crystal(nc.realA(), nc.realB(), nc.realC(), c.spaceGroupHall(), c.mosaicity(), List.of(), null);
            if (c.isScanVarying()) {
                List<Mat3> pts = new ArrayList<>();
                for (Mat3 a : c.aAtScanPoints()) pts.add(a.times(mInv));
                nc = nc.withScanPoints(pts);
            }
            return e.withCrystal(nc);
        });
    }
}
