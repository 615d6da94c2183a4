package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.lattice.NiggliReduction;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
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
 * experiments. Macro-cycles assign indices in every sweep and refine that crystal jointly by a
 * least-squares fit of A to the reciprocal-lattice points of all sweeps (constrained to the known
 * lattice), with beam and detector as imported; full geometry refinement of each sweep is
 * dials.refine's job. One experiment per imageset; unindexed spots keep their {@code imageset_id}.
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
        BasisSearch.Found found = BasisSearch.search(imported.experiments(), imageset, rlp, phi, refl, all, maxCell, params, progress);
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
        int cycles = Math.max(1, params.nMacroCycles());
        double dStart = found.dMin();
        for (int c = 0; c < cycles; c++) {
            double dCycle = cycles == 1 ? dFinal : dStart - c * (dStart - dFinal) / (cycles - 1);
            IndexAssignment.Result a = assign(crystal, rlp, phi, params);
            boolean[] use = new boolean[n];
            int nUse = 0;
            for (int i = 0; i < n; i++) if (a.crystalId()[i] >= 0 && d[i] >= dCycle - 1e-9) { use[i] = true; nUse++; }
            if (nUse < 10) break;
            int[] id = a.crystalId().clone();
            for (int i = 0; i < n; i++) if (!use[i]) id[i] = -1;
            Mat3 fitted = BasisSearch.fitA(rlp, new IndexAssignment.Result(a.miller(), id));
            if (fitted == null) break;
            crystal = constrain(crystal.withA(fitted), system);
            progress.log(String.format(Locale.ROOT, "Macro-cycle %d: d_min %.2f, %d reflections of %d sweeps, cell %s",
                    c + 1, dCycle, nUse, nExpt, Indexer.fmt(crystal.unitCell())));
        }
        IndexAssignment.Result a = assign(crystal, rlp, phi, params);
        int[] miller = a.miller();
        if (system == LatticeSystem.TRICLINIC) {
            var red = NiggliReduction.reduce(crystal.unitCell());
            if (!red.cbOp().isIdentity()) {
                crystal = red.cbOp().apply(crystal);
                red.cbOp().applyToMiller(miller);
            }
        }

        // one experiment per sweep, all holding the one crystal
        List<Experiment> out = new ArrayList<>();
        for (Experiment e : imported) out.add(e.withCrystal(crystal));
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
        return new Indexer.Result(new ExperimentList(out), refl, rmsds(refl, nExpt));
    }

    /** Indices of all spots with the one crystal (the rlp are in the common frame), lattice centring applied. */
    private static IndexAssignment.Result assign(Crystal crystal, double[] rlp, double[] phi, IndexParams params) {
        IndexAssignment.Result a = params.localAssignment()
                ? IndexAssignment.local(rlp, phi, List.of(crystal.A()), 0.05, 5, 0.8, 20)
                : IndexAssignment.simple(rlp, phi, List.of(crystal.A()), params.hklTolerance());
        char centring = crystal.spaceGroupHall().trim().charAt(0);
        int[] m = a.miller(), id = a.crystalId();
        for (int i = 0; i < id.length; i++)
            if (id[i] >= 0 && !MacroCycles.allowed(centring, m[3 * i], m[3 * i + 1], m[3 * i + 2])) id[i] = -1;
        return a;
    }

    /** The fitted crystal held to its lattice: the symmetrised cell with the nearest orientation. */
    private static Crystal constrain(Crystal c, LatticeSystem system) {
        if (system == LatticeSystem.TRICLINIC) return c;
        UnitCell sym = system.symmetrize(c.unitCell());
        Mat3 u = IndexRefinement.orthonormalise(c.A().times(sym.bMatrix().inverse()));
        return c.withA(u.times(sym.bMatrix()));
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
