package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.lattice.MetricSubgroups;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dials.index for one rotation sweep: spots to reciprocal space, max_cell, a basis-vector search
 * (fft3d, fft1d or real-space grid search), candidate bases ranked as DIALS does, the known
 * symmetry applied, then macro-cycles of index assignment and static refinement at increasing
 * resolution; repeated on the unindexed spots up to max_lattices.
 */
public final class Indexer {
    private Indexer() {}

    /** Indexed experiments (one per lattice) and all reflections (id −1 where unindexed). */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<double[]> rmsds) {
        public int nIndexed() { int n = 0; for (int id : reflections.ints("id")) if (id >= 0) n++; return n; }
        public double fractionIndexed() { return (double) nIndexed() / reflections.size(); }
    }

    public static Result run(ExperimentList imported, ReflectionTable strong, IndexParams params, Progress progress) {
        if (imported.size() > 1) return JointIndexer.run(imported, strong, params, progress);
        if (imported.size() != 1) throw new XtalException("index: no experiment to index");
        Experiment expt = imported.get(0);
        if (expt.goniometer() == null || expt.scan() == null || expt.scan().isStill())
            throw new XtalException("index: needs a rotation scan (stills are not supported yet)");
        ReflectionTable refl = strong.copy();
        if (!refl.has("id")) refl.newInts("id");
        int[] ids = refl.ints("id");
        java.util.Arrays.fill(ids, 0);
        ReciprocalSpace.map(imported, refl);
        int n = refl.size();
        double[] rlp = refl.vec3("rlp"), mm = refl.vec3("xyzobs.mm.value");
        double[] phi = new double[n], phiDeg = new double[n];
        for (int i = 0; i < n; i++) { phi[i] = mm[3 * i + 2]; phiDeg[i] = Math.toDegrees(phi[i]); }

        double maxCell;
        if (params.maxCell() != null) maxCell = params.maxCell();
        else if (params.unitCell() != null) maxCell = 1.5 * Math.max(params.unitCell().a(), Math.max(params.unitCell().b(), params.unitCell().c()));
        else maxCell = MaxCellEstimate.estimate(rlp, phiDeg, new int[n], nonOverlapping(refl), 1.3);
        progress.log(String.format(Locale.ROOT, "Found max_cell: %.1f Angstrom", maxCell));

        List<Experiment> lattices = new ArrayList<>();
        List<double[]> rmsds = new ArrayList<>();
        int[] crystalId = new int[n];
        java.util.Arrays.fill(crystalId, -1);
        int[] miller = new int[3 * n];
        for (int lattice = 0; lattice < params.maxLattices(); lattice++) {
            boolean[] free = new boolean[n];
            int nFree = 0;
            for (int i = 0; i < n; i++) if (crystalId[i] < 0) { free[i] = true; nFree++; }
            if (nFree < 10) break;
            double[] freeRlp = select3(rlp, free);
            Crystal found;
            double dMinIndexing;
            try {
                BasisSearch.Found f = BasisSearch.search(expt, freeRlp, select(phi, free), refl, free, maxCell, params, progress);
                found = f.crystal();
                dMinIndexing = f.dMin();
            } catch (XtalException e) {
                if (lattice == 0) throw e;
                progress.log("No further lattice found: " + e.getMessage());
                break;
            }
            Experiment e = expt.withCrystal(found);
            LatticeSystem system = LatticeSystem.TRICLINIC;
            if (params.spaceGroup() != null) {
                e = toKnownSymmetry(e, params);
                system = params.spaceGroup().system();
            }
            MacroCycles.Outcome out = MacroCycles.run(e, system, refl, free, dMinIndexing, params, progress);
            e = out.experiment();
            if (system == LatticeSystem.TRICLINIC) {
                // refinement may leave the cell just outside the Niggli conditions: report the reduced setting
                var red = org.xtalkit.lattice.NiggliReduction.reduce(e.crystal().unitCell());
                if (!red.cbOp().isIdentity()) {
                    e = e.withCrystal(red.cbOp().apply(e.crystal()));
                    red.cbOp().applyToMiller(out.miller());
                }
            }
            for (int i = 0; i < n; i++) {
                if (!free[i] || out.crystalId()[i] < 0) continue;
                crystalId[i] = lattice;
                System.arraycopy(out.miller(), 3 * i, miller, 3 * i, 3);
            }
            lattices.add(e.withCrystal(e.crystal()));
            rmsds.add(out.rmsds());
            progress.log(String.format(Locale.ROOT, "Lattice %d: %s, %d indexed", lattice + 1, fmt(e.crystal().unitCell()), out.nIndexed()));
        }
        if (lattices.isEmpty()) throw new XtalException("Indexing failed: no lattice found");

        refl.put("miller_index", new org.xtalkit.table.Column(org.xtalkit.table.ColumnType.MILLER, miller));
        System.arraycopy(crystalId, 0, ids, 0, n);
        long[] flags = refl.flags();
        for (int i = 0; i < n; i++) {
            if (crystalId[i] >= 0) flags[i] |= Flag.INDEXED.bits; else flags[i] &= ~Flag.INDEXED.bits;
        }
        writeCalculated(refl, lattices);
        List<Experiment> named = new ArrayList<>();
        refl.clearIdentifiers();
        for (int l = 0; l < lattices.size(); l++) {
            String ident = l == 0 && expt.identifier() != null && !expt.identifier().isEmpty() ? expt.identifier() : java.util.UUID.nameUUIDFromBytes((expt.identifier() + l).getBytes()).toString();
            Experiment x = lattices.get(l);
            named.add(new Experiment(ident, x.beam(), x.detector(), x.goniometer(), x.scan(), x.crystal(), x.imageSet(), x.profileJson(), x.scalingModelJson()));
            refl.setIdentifier(l, ident);
        }
        return new Result(new ExperimentList(named), refl, rmsds);
    }

    /** The P1 solution in the requested setting: the metric subgroup of the right Bravais type (and cell). */
    static Experiment toKnownSymmetry(Experiment e, IndexParams params) {
        SpaceGroups.Entry sg = params.spaceGroup();
        String target = sg.bravais();
        MetricSubgroups.Subgroup best = null;
        for (MetricSubgroups.Subgroup s : MetricSubgroups.find(e.crystal().unitCell(), 5)) {
            if (!s.bravais().equals(target)) continue;
            UnitCell sym = s.system().symmetrize(s.cell());
            if (params.unitCell() != null && !ModelRanking.similar(sym, params.unitCell(), 0.1, 5)) continue;
            if (best == null || s.maxDelta() < best.maxDelta()) best = s;
        }
        if (best == null)
            throw new XtalException("index: no " + target + " lattice (space_group=" + sg.symbol().replace(" ", "")
                    + ") is compatible with the indexed cell " + fmt(e.crystal().unitCell()) + " within 5 degrees");
        Crystal c = best.cbOp().apply(e.crystal());
        UnitCell sym = best.system().symmetrize(c.unitCell());
        Mat3 u = IndexRefinement.orthonormalise(c.A().times(sym.bMatrix().inverse()));
        c = Crystal.fromA(u.times(sym.bMatrix()), sg.hall());
        return e.withCrystal(c);
    }

    /** Spots whose bounding boxes overlap no other spot's (DIALS leaves overlapped spots out of the max_cell estimate). */
    static boolean[] nonOverlapping(ReflectionTable refl) {
        int n = refl.size();
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        if (!refl.has("bbox")) return keep;
        int[] bb = refl.int6("bbox");
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        // sweep along x: boxes are a few pixels wide, the detector thousands, so few pairs are compared
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> panel[a] != panel[b] ? Integer.compare(panel[a], panel[b]) : Integer.compare(bb[6 * a], bb[6 * b]));
        for (int x = 0; x < n; x++) {
            int i = order[x];
            for (int y = x + 1; y < n; y++) {
                int j = order[y];
                if (panel[j] != panel[i] || bb[6 * j] >= bb[6 * i + 1]) break;
                if (bb[6 * i + 2] < bb[6 * j + 3] && bb[6 * j + 2] < bb[6 * i + 3] && bb[6 * i + 4] < bb[6 * j + 5] && bb[6 * j + 4] < bb[6 * i + 5]) {
                    keep[i] = false; keep[j] = false;
                }
            }
        }
        return keep;
    }

    /** xyzcal.px / xyzcal.mm and entering for indexed reflections. */
    static void writeCalculated(ReflectionTable refl, List<Experiment> lattices) {
        int n = refl.size();
        double[] calPx = refl.newVec3("xyzcal.px"), calMm = refl.newVec3("xyzcal.mm");
        boolean[] entering = refl.newBools("entering");
        int[] id = refl.ints("id"), m = refl.miller("miller_index");
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        double[] obs = refl.vec3("xyzobs.px.value"), s1 = refl.vec3("s1");
        List<Predictor> preds = new ArrayList<>();
        for (Experiment e : lattices) preds.add(Predictor.of(e));
        double[] tmp = new double[3];
        for (int i = 0; i < n; i++) {
            Experiment e = lattices.get(Math.max(id[i], 0));
            Vec3 s0 = e.beam().s0(), axis = e.goniometer().rotationAxisDatum();
            entering[i] = new Vec3(s1[3 * i], s1[3 * i + 1], s1[3 * i + 2]).dot(s0.cross(axis)) < 0;
            if (id[i] < 0) continue;
            if (!preds.get(id[i]).predict(m[3 * i], m[3 * i + 1], m[3 * i + 2], panel[i], obs[3 * i + 2], tmp, 0)) continue;
            System.arraycopy(tmp, 0, calPx, 3 * i, 3);
            var p = e.detector().panel(panel[i]);
            double[] mmXY = p.pixelToMm(tmp[0], tmp[1]);
            calMm[3 * i] = mmXY[0];
            calMm[3 * i + 1] = mmXY[1];
            calMm[3 * i + 2] = Math.toRadians(e.scan().angleFromFrame(tmp[2]));
        }
    }

    static double[] select3(double[] v, boolean[] keep) {
        int c = 0;
        for (boolean b : keep) if (b) c++;
        double[] out = new double[3 * c];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) { System.arraycopy(v, 3 * i, out, 3 * j, 3); j++; }
        return out;
    }

    static double[] select(double[] v, boolean[] keep) {
        int c = 0;
        for (boolean b : keep) if (b) c++;
        double[] out = new double[c];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) out[j++] = v[i];
        return out;
    }

    public static String fmt(UnitCell c) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f %.2f %.2f", c.a(), c.b(), c.c(), c.alpha(), c.beta(), c.gamma());
    }
}
