package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.lattice.NiggliReduction;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * dials.index of several sweeps of one crystal together (the indexer's multi-imageset path): every
 * sweep's spots mapped to reciprocal space through its own goniometer (rlp at φ = 0 in the common
 * frame of the crystal mount), one basis search over all of them, one crystal shared by all
 * experiments. Macro-cycles assign indices in every sweep (through its current geometry) and refine
 * jointly as dials.index does: one crystal (constrained to the known lattice), beam and detector
 * shared by all sweeps, each with its own goniometer and scan. One experiment per imageset;
 * unindexed spots keep their {@code imageset_id}.
 */
final class JointIndexer {
    private JointIndexer() {}

    static Indexer.Result run(ExperimentList imported, ReflectionTable strong, IndexParams params, Progress progress) {
        int nExpt = imported.size();
        for (int j = 0; j < nExpt; j++) {
            Experiment e = imported.get(j);
            if (e.goniometer() == null || e.scan() == null || e.scan().isStill())
                throw new XtalException("index: joint indexing needs rotation scans; experiment " + j + " has none");
        }
        if (params.maxLattices() > 1)
            throw new XtalException("index: max_lattices=" + params.maxLattices() + " with several sweeps is not supported (one crystal is indexed across all sweeps)");
        ReflectionTable refl = strong.copy();
        int n = refl.size();
        if (!refl.has("id")) throw new XtalException("index: the strong spots of several imagesets need an id column (the imageset of each spot)");
        int[] imageset = refl.ints("id").clone();
        ReciprocalSpace.map(imported, refl);
        double[] rlp = refl.vec3("rlp"), mm = refl.vec3("xyzobs.mm.value");
        double[] phi = new double[n], phiDeg = new double[n];
        for (int i = 0; i < n; i++) { phi[i] = mm[3 * i + 2]; phiDeg[i] = Math.toDegrees(phi[i]); }
        progress.log(String.format(Locale.ROOT, "Indexing %d sweeps together: %d spots mapped to reciprocal space through each sweep's goniometer", nExpt, n));

        double maxCell;
        if (params.maxCell() != null) maxCell = params.maxCell();
        else if (params.unitCell() != null) maxCell = 1.5 * Math.max(params.unitCell().a(), Math.max(params.unitCell().b(), params.unitCell().c()));
        else maxCell = MaxCellEstimate.estimate(rlp, phiDeg, imageset, Indexer.nonOverlapping(refl), 1.3);
        progress.log(String.format(Locale.ROOT, "Found max_cell: %.1f Angstrom", maxCell));

        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        // candidates are scored by simple assignment, whose one-spot-per-hkl-within-45° rule must hold per sweep:
        // each sweep's φ moved by whole turns apart from the others for that rule only
        double[] phiApart = new double[n];
        for (int i = 0; i < n; i++) phiApart[i] = phi[i] + 4 * Math.PI * imageset[i];
        BasisSearch.Found found = BasisSearch.search(imported.experiments(), imageset, rlp, phiApart, refl, all, maxCell, params, progress);
        Crystal crystal = found.crystal();
        LatticeSystem system = LatticeSystem.TRICLINIC;
        if (params.spaceGroup() != null) {
            crystal = Indexer.toKnownSymmetry(imported.get(0).withCrystal(crystal), params).crystal();
            system = params.spaceGroup().system();
        }

        double[] d = new double[n];
        double dFinal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            d[i] = 1 / Math.sqrt(rlp[3 * i] * rlp[3 * i] + rlp[3 * i + 1] * rlp[3 * i + 1] + rlp[3 * i + 2] * rlp[3 * i + 2]);
            dFinal = Math.min(dFinal, d[i]);
        }
        // every sweep holds the one crystal; beam and detector stay shared as imported
        List<Experiment> current = new ArrayList<>();
        for (Experiment e : imported) current.add(e.withCrystal(crystal));
        double[] px = refl.vec3("xyzobs.px.value");
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        List<double[]> rmsds = null;
        int cycles = Math.max(1, params.nMacroCycles());
        double dStart = found.dMin();
        boolean[] lastUse = null;
        int[] lastMiller = null;
        for (int c = 0; c < cycles; c++) {
            double dCycle = cycles == 1 ? dFinal : dStart - c * (dStart - dFinal) / (cycles - 1);
            IndexAssignment.Result a = assign(current, imageset, px, panel, params);
            boolean[] use = new boolean[n];
            int nUse = 0;
            for (int i = 0; i < n; i++) if (a.crystalId()[i] >= 0 && d[i] >= dCycle - 1e-9) { use[i] = true; nUse++; }
            if (nUse < 10) break;
            if (lastUse != null && Arrays.equals(use, lastUse) && Arrays.equals(a.miller(), lastMiller)) break;
            lastUse = use;
            lastMiller = a.miller().clone();
            // joint static refinement: one crystal, beam and detector for all sweeps, each with its own goniometer and scan
            IndexRefinement.JointOutcome r = IndexRefinement.refine(new ExperimentList(current), imageset, system, refl,
                    a.miller(), use, params.detectorFixList(), Progress.NONE);
            current = new ArrayList<>(r.experiments().experiments());
            rmsds = r.rmsds();
            progress.log(String.format(Locale.ROOT, "Macro-cycle %d: d_min %.2f, %d reflections of %d sweeps, cell %s",
                    c + 1, dCycle, r.nUsed(), nExpt, Indexer.fmt(current.get(0).crystal().unitCell())));
        }
        IndexAssignment.Result a = assign(current, imageset, px, panel, params);
        int[] miller = a.miller();
        crystal = current.get(0).crystal();
        if (system == LatticeSystem.TRICLINIC) {
            var red = NiggliReduction.reduce(crystal.unitCell());
            if (!red.cbOp().isIdentity()) {
                Crystal reduced = red.cbOp().apply(crystal);
                current.replaceAll(e -> e.withCrystal(reduced));
                red.cbOp().applyToMiller(miller);
            }
        }

        List<Experiment> out = current;
        int[] ids = refl.ints("id");
        long[] flags = refl.flags();
        for (int i = 0; i < n; i++) {
            boolean indexed = a.crystalId()[i] >= 0;
            ids[i] = indexed ? imageset[i] : -1;
            flags[i] = indexed ? flags[i] | Flag.INDEXED.bits : flags[i] & ~Flag.INDEXED.bits;
        }
        refl.put("miller_index", new Column(ColumnType.MILLER, miller));
        refl.put("imageset_id", new Column(ColumnType.INT, imageset));
        Indexer.writeCalculated(refl, out);
        refl.clearIdentifiers();
        for (int j = 0; j < nExpt; j++) refl.setIdentifier(j, out.get(j).identifier());
        return new Indexer.Result(new ExperimentList(out), refl, rmsds != null ? rmsds : rmsds(refl, nExpt));
    }

    /** Indices of every sweep's spots (rlp through its current geometry) with the one crystal, lattice centring applied. */
    private static IndexAssignment.Result assign(List<Experiment> experiments, int[] which, double[] px, int[] panel, IndexParams params) {
        double[] phi = new double[panel.length];
        double[] rlp = MacroCycles.remap(experiments, which, px, panel, phi);
        Crystal crystal = experiments.get(0).crystal();
        // per imageset, as DIALS' AssignIndicesGlobal: one spot per hkl within 45° holds within a sweep, while
        // sweeps that scan the same omega range record the same hkl at the same angle
        int n = panel.length;
        int[] m = new int[3 * n], id = new int[n];
        Arrays.fill(id, -1);
        for (int k = 0; k < experiments.size(); k++) {
            boolean[] mine = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) if (which[i] == k) { mine[i] = true; count++; }
            if (count == 0) continue;
            double[] r = Indexer.select3(rlp, mine), p = Indexer.select(phi, mine);
            IndexAssignment.Result part = params.localAssignment()
                    ? IndexAssignment.local(r, p, List.of(crystal.A()), 0.05, 5, 0.8, 20)
                    : IndexAssignment.simple(r, p, List.of(crystal.A()), params.hklTolerance());
            for (int i = 0, j = 0; i < n; i++) {
                if (!mine[i]) continue;
                id[i] = part.crystalId()[j];
                System.arraycopy(part.miller(), 3 * j, m, 3 * i, 3);
                j++;
            }
        }
        IndexAssignment.Result a = new IndexAssignment.Result(m, id);
        char centring = crystal.spaceGroupHall().trim().charAt(0);
        for (int i = 0; i < id.length; i++)
            if (id[i] >= 0 && !MacroCycles.allowed(centring, m[3 * i], m[3 * i + 1], m[3 * i + 2])) id[i] = -1;
        return a;
    }

    /** Positional RMSDs (X px, Y px, Z images) of each experiment's indexed spots. */
    private static List<double[]> rmsds(ReflectionTable refl, int nExpt) {
        double[] obs = refl.vec3("xyzobs.px.value"), cal = refl.vec3("xyzcal.px");
        int[] id = refl.ints("id");
        double[][] ss = new double[nExpt][4];
        for (int i = 0; i < id.length; i++) {
            if (id[i] < 0 || (cal[3 * i] == 0 && cal[3 * i + 1] == 0 && cal[3 * i + 2] == 0)) continue;
            for (int x = 0; x < 3; x++) { double r = obs[3 * i + x] - cal[3 * i + x]; ss[id[i]][x] += r * r; }
            ss[id[i]][3]++;
        }
        List<double[]> out = new ArrayList<>();
        for (double[] s : ss) out.add(new double[] {Math.sqrt(s[0] / s[3]), Math.sqrt(s[1] / s[3]), Math.sqrt(s[2] / s[3])});
        return out;
    }
}
