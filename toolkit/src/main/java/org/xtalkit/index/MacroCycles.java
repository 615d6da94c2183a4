package org.xtalkit.index;

import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.model.Experiment;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.ReflectionTable;

import java.util.List;
import java.util.Locale;

/**
 * DIALS' refinement_protocol: n_macro_cycles of (assign indices, refine) using spots out to a
 * resolution that steps from the indexing d_min to the data's limit, then a final assignment of
 * every spot with the refined model. Reflections whose indices break the lattice centring are left
 * unindexed.
 */
final class MacroCycles {
    private MacroCycles() {}

    record Outcome(Experiment experiment, int[] miller, int[] crystalId, double[] rmsds, int nIndexed) {}

    static Outcome run(Experiment e, LatticeSystem system, ReflectionTable refl, boolean[] free, double dStart,
                       IndexParams params, Progress progress) {
        int n = refl.size();
        double[] rlp = refl.vec3("rlp"), mm = refl.vec3("xyzobs.mm.value"), px = refl.vec3("xyzobs.px.value");
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        double[] phi = new double[n], d = new double[n];
        double dFinal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            phi[i] = mm[3 * i + 2];
            d[i] = 1 / Math.sqrt(rlp[3 * i] * rlp[3 * i] + rlp[3 * i + 1] * rlp[3 * i + 1] + rlp[3 * i + 2] * rlp[3 * i + 2]);
            if (free[i]) dFinal = Math.min(dFinal, d[i]);
        }
        int cycles = Math.max(1, params.nMacroCycles());
        double[] rmsds = {Double.NaN, Double.NaN, Double.NaN};
        IndexAssignment.Result a = null;
        boolean[] lastUse = null;
        int[] lastMiller = null;
        for (int c = 0; c < cycles; c++) {
            double dCycle = cycles == 1 ? dFinal : dStart - c * (dStart - dFinal) / (cycles - 1);
            a = assign(e, px, panel, free, params);
            boolean[] use = new boolean[n];
            int nUse = 0;
            for (int i = 0; i < n; i++) if (a.crystalId()[i] >= 0 && d[i] >= dCycle - 1e-9) { use[i] = true; nUse++; }
            if (nUse < 10) break;
            // the same spots with the same indices would refine to the same model
            if (lastUse != null && java.util.Arrays.equals(use, lastUse) && java.util.Arrays.equals(a.miller(), lastMiller)) break;
            lastUse = use;
            lastMiller = a.miller().clone();
            IndexRefinement.Outcome r = IndexRefinement.refine(e, system, refl, a.miller(), use, params.detectorFixList(), Progress.NONE);
            e = r.experiment();
            rmsds = r.rmsds();
            progress.log(String.format(Locale.ROOT, "Macro-cycle %d: d_min %.2f, %d reflections, rmsd %.3f px %.3f px %.3f images, cell %s",
                    c + 1, dCycle, r.nUsed(), rmsds[0], rmsds[1], rmsds[2], Indexer.fmt(e.crystal().unitCell())));
        }
        a = assign(e, px, panel, free, params);
        return new Outcome(e, a.miller(), a.crystalId(), rmsds, a.count());
    }

    /** Indices of the free spots with the current model (rlp recomputed from the refined geometry). */
    static IndexAssignment.Result assign(Experiment e, double[] px, int[] panel, boolean[] free, IndexParams params) {
        int n = panel.length;
        double[] phi = new double[n];
        double[] rlp = remap(e, px, panel, phi);
        for (int i = 0; i < n; i++) if (!free[i]) rlp[3 * i] = rlp[3 * i + 1] = rlp[3 * i + 2] = 1e6;
        IndexAssignment.Result a = params.localAssignment()
                ? IndexAssignment.local(rlp, phi, List.of(e.crystal().A()), 0.05, 5, 0.8, 20)
                : IndexAssignment.simple(rlp, phi, List.of(e.crystal().A()), params.hklTolerance());
        char centring = e.crystal().spaceGroupHall().trim().charAt(0);
        int[] m = a.miller(), id = a.crystalId();
        for (int i = 0; i < n; i++) {
            if (!free[i]) { id[i] = -1; continue; }
            if (id[i] >= 0 && !allowed(centring, m[3 * i], m[3 * i + 1], m[3 * i + 2])) id[i] = -1;
        }
        return a;
    }

    /** Lattice centring conditions (reflections that exist). */
    static boolean allowed(char centring, int h, int k, int l) {
        return switch (centring) {
            case 'C' -> ((h + k) & 1) == 0;
            case 'A' -> ((k + l) & 1) == 0;
            case 'B' -> ((h + l) & 1) == 0;
            case 'I' -> ((h + k + l) & 1) == 0;
            case 'F' -> ((h + k) & 1) == 0 && ((k + l) & 1) == 0;
            case 'R' -> Math.floorMod(-h + k + l, 3) == 0;
            default -> true;
        };
    }

    /** rlp from the observations with the (refined) beam, detector and goniometer of e. */
    private static double[] remap(Experiment e, double[] px, int[] panel, double[] phiOut) {
        return remap(List.of(e), new int[panel.length], px, panel, phiOut);
    }

    /** The same for spots of several sweeps, row i seen through the geometry of experiment {@code which[i]}. */
    static double[] remap(List<Experiment> experiments, int[] which, double[] px, int[] panel, double[] phiOut) {
        int n = panel.length;
        double[] rlp = new double[3 * n];
        for (int i = 0; i < n; i++) {
            Experiment e = experiments.get(which[i]);
            var p = e.detector().panel(panel[i]);
            double[] xy = p.pixelToMm(px[3 * i], px[3 * i + 1]);
            phiOut[i] = Math.toRadians(e.scan().angleFromFrame(px[3 * i + 2]));
            var s1 = p.labCoord(xy[0], xy[1]).normalize().times(1 / e.beam().wavelength());
            var r = ReciprocalSpace.rlpAtZero(e, s1, phiOut[i]);
            rlp[3 * i] = r.x(); rlp[3 * i + 1] = r.y(); rlp[3 * i + 2] = r.z();
        }
        return rlp;
    }
}
