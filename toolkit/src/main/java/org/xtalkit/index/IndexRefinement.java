package org.xtalkit.index;

import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;
import org.xtalkit.refine.LatticeConstraint;
import org.xtalkit.refine.Refiner;
import org.xtalkit.refine.RmsdSummary;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scan-static refinement as indexing and refine_bravais_settings use it: the refinement engine on
 * the chosen reflections (at most 100 per degree, as DIALS' reflections_per_degree), with the
 * cell constrained by the lattice system.
 */
public final class IndexRefinement {
    private IndexRefinement() {}

    /** The refined experiment, RMSDs (px, px, images), reflections used, and the positional rmsd in mm. */
    public record Outcome(Experiment experiment, double[] rmsds, int nUsed, double rmsdMm) {}

    public static Outcome refine(Experiment e, LatticeSystem system, ReflectionTable base, int[] miller, boolean[] use,
                                 List<String> fixDetector, Progress progress) {
        JointOutcome j = refine(ExperimentList.of(e), new int[base.size()], system, base, miller, use, fixDetector, progress);
        Experiment refined = j.experiments().get(0);
        double[] rmsds = j.rmsds().get(0);
        Panel p0 = e.detector().panel(0);
        double mm = Math.hypot(rmsds[0] * p0.pixelSizeFast(), rmsds[1] * p0.pixelSizeSlow());
        return new Outcome(refined, rmsds, j.nUsed(), mm);
    }

    /** Refined experiments (models shared by identity stay shared), RMSDs (px, px, images) of each, reflections used. */
    public record JointOutcome(ExperimentList experiments, List<double[]> rmsds, int nUsed) {}

    /**
     * Several sweeps refined together, as joint indexing needs: row i belongs to experiment
     * {@code experimentOfRow[i]}; each experiment's reflections subsampled on their own; beam,
     * detector and crystal shared by identity refine as one.
     */
    public static JointOutcome refine(ExperimentList experiments, int[] experimentOfRow, LatticeSystem system, ReflectionTable base,
                                      int[] miller, boolean[] use, List<String> fixDetector, Progress progress) {
        ReflectionTable t = base.copy();
        int n = t.size();
        boolean[] chosen = new boolean[n];
        for (int k = 0; k < experiments.size(); k++) {
            boolean[] mine = new boolean[n];
            for (int i = 0; i < n; i++) mine[i] = use[i] && experimentOfRow[i] == k;
            boolean[] kept = subsample(experiments.get(k), mine);
            for (int i = 0; i < n; i++) chosen[i] |= kept[i];
        }
        int[] id = t.has("id") ? t.ints("id") : t.newInts("id");
        long[] flags = t.flags();
        for (int i = 0; i < n; i++) {
            id[i] = chosen[i] ? experimentOfRow[i] : -1;
            flags[i] = chosen[i] ? flags[i] | Flag.INDEXED.bits : flags[i] & ~Flag.INDEXED.bits;
        }
        t.put("miller_index", new Column(ColumnType.MILLER, miller.clone()));
        List<String> fix = new ArrayList<>(fixDetector);
        // A departure from dials.index, which refines distance and tilts for electrons too: with λ < 0.1 Å
        // the Ewald sphere is almost flat and they trade off against the cell. DIALS' refinery stops when
        // no RMSD changes by 1e-4 (relative) and so stays near the indexing solution; our LM stops on a much
        // smaller objective change and walks along that valley (quartz hP 5.00 Å instead of 4.93, MyD88
        // b 62.3 instead of 61.6). With DIALS' stopping rule in refine/ this special case can go.
        if (experiments.get(0).beam().wavelength() < 0.1) { fix.add("Dist"); fix.add("Tau"); }
        Refiner.Options opt = Refiner.Options.defaults(constraint(system)).withFixDetector(fix);
        Refiner.Result r = Refiner.refine(experiments, t, opt, progress);
        List<double[]> rmsds = new ArrayList<>();
        int used = 0;
        for (int k = 0; k < experiments.size(); k++) {
            RmsdSummary last = r.last(k);
            rmsds.add(new double[] {last.rmsdXpx(), last.rmsdYpx(), last.rmsdZimages()});
            used += last.nref();
        }
        return new JointOutcome(r.experiments(), rmsds, used);
    }

    static LatticeConstraint constraint(LatticeSystem s) {
        return switch (s) {
            case TRICLINIC -> LatticeConstraint.TRICLINIC;
            case MONOCLINIC -> LatticeConstraint.MONOCLINIC;
            case ORTHORHOMBIC -> LatticeConstraint.ORTHORHOMBIC;
            case TETRAGONAL -> LatticeConstraint.TETRAGONAL;
            case HEXAGONAL -> LatticeConstraint.HEXAGONAL;
            case CUBIC -> LatticeConstraint.CUBIC;
        };
    }

    /** DIALS' reflections_per_degree = 100 with minimum_sample_size = 1000: a fixed random subset when there are more. */
    static boolean[] subsample(Experiment e, boolean[] use) {
        int n = 0;
        for (boolean b : use) if (b) n++;
        double width = Math.abs(e.scan().oscillationWidth()) * e.scan().numImages();
        int target = Math.max(1000, (int) Math.ceil(100 * width));
        boolean[] out = use.clone();
        if (n <= target) return out;
        Random rnd = new Random(42);
        double keep = (double) target / n;
        for (int i = 0; i < out.length; i++) if (out[i] && rnd.nextDouble() >= keep) out[i] = false;
        return out;
    }

    /** Nearest rotation to a matrix (polar decomposition by Newton iteration). */
    static Mat3 orthonormalise(Mat3 m) {
        Mat3 u = m;
        for (int i = 0; i < 30; i++) u = u.plus(u.inverse().transpose()).times(0.5);
        return u;
    }
}
