package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.lattice.MetricSubgroups;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From reciprocal-lattice points to the best primitive (Niggli) crystal model: candidate vectors
 * by the chosen method, candidate bases, a filter for the known symmetry, each basis scored by the
 * spots it indexes and the positional rmsd after a quick fit, then DIALS' ranking.
 */
final class BasisSearch {
    private BasisSearch() {}

    record Found(Crystal crystal, double dMin) {}

    static Found search(Experiment expt, double[] rlp, double[] phi, ReflectionTable refl, boolean[] free,
                        double maxCell, IndexParams params, Progress progress) {
        return search(List.of(expt), new int[refl.size()], rlp, phi, refl, free, maxCell, params, progress);
    }

    /**
     * Several sweeps: rlp of all of them in the common frame; {@code experimentOfRow} says which
     * experiment's geometry predicts each row of refl (for the positional rmsd of a candidate).
     */
    static Found search(List<Experiment> experiments, int[] experimentOfRow, double[] rlp, double[] phi, ReflectionTable refl,
                        boolean[] free, double maxCell, IndexParams params, Progress progress) {
        int nPoints = Fft3d.adjustGridding(params.nPoints());
        double dMin = Fft3d.autoDMin(maxCell, nPoints, rlp);
        List<Vec3> vectors = switch (params.method()) {
            case "fft3d" -> Fft3d.candidateVectors(rlp, maxCell, nPoints, dMin, Double.NaN);
            case "fft1d" -> Fft1d.candidateVectors(rlp, maxCell, dMin);
            case "real_space_grid_search" -> {
                if (params.unitCell() == null)
                    throw new XtalException("index: indexing.method=real_space_grid_search needs unit_cell=");
                yield RealSpaceGridSearch.candidateVectors(rlp, params.unitCell(), dMin);
            }
            default -> throw new XtalException("index: unknown indexing.method=" + params.method());
        };
        progress.log(String.format(Locale.ROOT, "Setting d_min: %.2f; %d candidate basis vectors", dMin, vectors.size()));
        List<Crystal> candidates = BasisCombinations.candidates(vectors, 2000);
        if (params.spaceGroup() != null || params.unitCell() != null) candidates = knownSymmetry(candidates, params, params.maxRefine());
        if (candidates.isEmpty()) throw new XtalException("Indexing failed: no candidate basis from " + vectors.size() + " vectors"
                + (params.spaceGroup() != null || params.unitCell() != null ? " matches the known symmetry" : ""));

        // the spots within d_min, with their observed positions for the rmsd
        int n = phi.length;
        boolean[] inRes = new boolean[n];
        for (int i = 0; i < n; i++) inRes[i] = norm2(rlp, i) <= 1 / (dMin * dMin);
        double[] r = Indexer.select3(rlp, inRes), p = Indexer.select(phi, inRes);
        int[] rows = rowsOf(free);
        double[] pxAll = refl.vec3("xyzobs.px.value");
        int[] panelAll = refl.has("panel") ? refl.intsOf("panel") : new int[refl.size()];
        int m = p.length;
        double[] px = new double[3 * m];
        int[] panel = new int[m], expt = new int[m];
        for (int i = 0, j = 0; i < n; i++)
            if (inRes[i]) { System.arraycopy(pxAll, 3 * rows[i], px, 3 * j, 3); panel[j] = panelAll[rows[i]]; expt[j] = experimentOfRow[rows[i]]; j++; }

        List<ModelRanking.Solution> solutions = new ArrayList<>();
        for (Crystal c : candidates) {
            if (solutions.size() >= params.maxRefine()) break;
            IndexAssignment.Result a = IndexAssignment.simple(r, p, List.of(c.A()), params.hklTolerance());
            if (a.count() < 10) continue;
            Mat3 fitted = fitA(r, a);
            if (fitted == null) continue;
            Crystal cf = c.withA(fitted);
            a = IndexAssignment.simple(r, p, List.of(cf.A()), params.hklTolerance());
            List<Experiment> with = new ArrayList<>();
            for (Experiment e : experiments) with.add(e.withCrystal(cf));
            double rmsd = rmsdXyMm(with, expt, a, panel, px);
            if (Double.isNaN(rmsd)) continue;
            solutions.add(new ModelRanking.Solution(cf, 1 - rmsd, a.count(), (double) a.count() / m, rmsd));
        }
        ModelRanking.Solution best = ModelRanking.best(solutions);
        if (best == null) throw new XtalException("Indexing failed: no candidate basis indexes enough spots");
        progress.log(String.format(Locale.ROOT, "Best candidate: %s, %d indexed (%.0f%%), rmsd_xy %.3f mm",
                Indexer.fmt(best.crystal().unitCell()), best.nIndexed(), 100 * best.fractionIndexed(), best.rmsdXyMm()));
        return new Found(best.crystal(), dMin);
    }

    /** The first {@code limit} candidates compatible with the known symmetry (DIALS' filter_known_symmetry). */
    private static List<Crystal> knownSymmetry(List<Crystal> candidates, IndexParams params, int limit) {
        List<Crystal> out = new ArrayList<>();
        for (Crystal c : candidates) {
            if (out.size() >= limit) break;
            UnitCell uc = c.unitCell();
            boolean ok = false;
            for (MetricSubgroups.Subgroup s : MetricSubgroups.find(uc, 5)) {
                if (params.spaceGroup() != null && !s.bravais().equals(params.spaceGroup().bravais())) continue;
                if (params.unitCell() != null) {
                    UnitCell sym = s.system().symmetrize(s.cell());
                    UnitCell target = params.unitCell();
                    if (params.spaceGroup() == null) {
                        // unit cell alone: compare reduced cells
                        sym = org.xtalkit.lattice.NiggliReduction.reduce(uc).cell();
                        target = org.xtalkit.lattice.NiggliReduction.reduce(target).cell();
                    }
                    if (!ModelRanking.similar(sym, target, 0.1, 5)) continue;
                }
                ok = true;
                break;
            }
            if (ok) out.add(c);
        }
        return out;
    }

    /** Least-squares A from indexed points: A = (Σ r hᵀ)(Σ h hᵀ)⁻¹. */
    static Mat3 fitA(double[] rlp, IndexAssignment.Result a) {
        double[] rh = new double[9], hh = new double[9];
        int[] m = a.miller();
        for (int i = 0; i < a.crystalId().length; i++) {
            if (a.crystalId()[i] < 0) continue;
            for (int x = 0; x < 3; x++)
                for (int y = 0; y < 3; y++) {
                    rh[3 * x + y] += rlp[3 * i + x] * m[3 * i + y];
                    hh[3 * x + y] += m[3 * i + x] * m[3 * i + y];
                }
        }
        Mat3 h = new Mat3(hh);
        if (Math.abs(h.determinant()) < 1e-9) return null;
        return new Mat3(rh).times(h.inverse());
    }

    static double rmsdXyMm(Experiment e, IndexAssignment.Result a, int[] panel, double[] px) {
        return rmsdXyMm(List.of(e), new int[panel.length], a, panel, px);
    }

    /** As for one experiment, each spot predicted with the geometry of its own experiment. */
    static double rmsdXyMm(List<Experiment> experiments, int[] expt, IndexAssignment.Result a, int[] panel, double[] px) {
        Predictor[] preds = new Predictor[experiments.size()];
        for (int j = 0; j < preds.length; j++) preds[j] = Predictor.of(experiments.get(j));
        Experiment e = experiments.get(0);
        double[] tmp = new double[3];
        double ss = 0;
        int n = 0;
        var p0 = e.detector().panel(0);
        for (int i = 0; i < panel.length; i++) {
            if (a.crystalId()[i] < 0) continue;
            int[] m = a.miller();
            if (!preds[expt[i]].predict(m[3 * i], m[3 * i + 1], m[3 * i + 2], panel[i], px[3 * i + 2], tmp, 0)) continue;
            double dx = (tmp[0] - px[3 * i]) * p0.pixelSizeFast(), dy = (tmp[1] - px[3 * i + 1]) * p0.pixelSizeSlow();
            ss += dx * dx + dy * dy;
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }

    private static int[] rowsOf(boolean[] free) {
        int c = 0;
        for (boolean b : free) if (b) c++;
        int[] out = new int[c];
        for (int i = 0, j = 0; i < free.length; i++) if (free[i]) out[j++] = i;
        return out;
    }

    private static double norm2(double[] v, int i) { return v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]; }
}
