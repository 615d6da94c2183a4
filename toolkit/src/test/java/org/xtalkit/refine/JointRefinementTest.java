package org.xtalkit.refine;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several sweeps of one crystal through different goniometer settings, refined together. */
class JointRefinementTest {
    private static final UnitCell CELL = new UnitCell(50, 60, 70, 90, 100, 90);
    private static final String P2 = "P 2y";
    private static final double OSC = 0.1, RANGE = 20, D_MIN = 3.0;
    /** The second sweep: the spindle turned 40° about the beam (a chi-like setting) with a phi offset inside it. */
    private static final Goniometer KAPPA = new Goniometer(new Vec3(1, 0, 0),
            Mat3.rotation(new Vec3(0, 1, 1), Math.toRadians(30)), Mat3.rotation(new Vec3(0, 0, 1), Math.toRadians(40)),
            List.of(), new double[0], List.of(), 0);

    private final SyntheticSweep one = new SyntheticSweep(CELL, LatticeConstraint.MONOCLINIC);
    private final SyntheticSweep two = new SyntheticSweep(CELL, LatticeConstraint.MONOCLINIC, KAPPA);

    private static Scan scan() {
        int n = (int) Math.round(RANGE / OSC);
        return new Scan(1, n, 0, 0, OSC, new double[n], new double[n]);
    }

    /** Reflections of every experiment in one table, id = experiment index, as indexed.refl has them. */
    private static ReflectionTable table(Observations... perExperiment) {
        int n = 0;
        for (Observations o : perExperiment) n += o.size();
        ReflectionTable t = new ReflectionTable(n);
        int[] id = t.newInts("id"), hkl = t.newMiller("miller_index");
        double[] xyz = t.newVec3("xyzobs.mm.value"), var = t.newVec3("xyzobs.mm.variance");
        long[] flags = t.flags();
        int at = 0;
        for (int e = 0; e < perExperiment.length; e++) {
            Observations o = perExperiment[e];
            System.arraycopy(o.miller(), 0, hkl, 3 * at, 3 * o.size());
            System.arraycopy(o.xyzObs(), 0, xyz, 3 * at, 3 * o.size());
            System.arraycopy(o.variances(), 0, var, 3 * at, 3 * o.size());
            for (int i = 0; i < o.size(); i++) {
                id[at + i] = e;
                flags[at + i] = Flag.INDEXED.bits;
            }
            at += o.size();
        }
        return t;
    }

    private static Crystal perturbed(SyntheticSweep s, double degrees, UnitCell cell) {
        Mat3 u = Mat3.rotation(new Vec3(1, 1, 0), Math.toRadians(degrees)).times(s.u);
        return Crystal.fromA(u.times(cell.bMatrix()), P2);
    }

    private static double angleDeg(Mat3 a, Mat3 b) {
        Mat3 d = a.times(b.transpose());
        return Math.toDegrees(Math.acos(Math.min(1, (d.get(0, 0) + d.get(1, 1) + d.get(2, 2) - 1) / 2)));
    }

    private static void assertTruth(SyntheticSweep s, Crystal c, String label) {
        UnitCell r = c.unitCell();
        for (int i = 0; i < 6; i++)
            assertEquals(CELL.toArray()[i], r.toArray()[i], CELL.toArray()[i] * 2e-4, label + " cell parameter " + i);
        assertTrue(angleDeg(c.U(), s.u) < 0.01, label + " orientation error " + angleDeg(c.U(), s.u) + "°");
    }

    @Test void sharedCrystalBeamAndDetectorAreRefinedOnceFromBothSweeps() {
        Beam beam = one.beam.withS0(Mat3.rotation(new Vec3(0, 1, 0), Math.toRadians(0.05)).times(one.beam.s0()));
        Panel panel = one.panel.withFrame(one.panel.fastAxis(), one.panel.slowAxis(),
                one.panel.origin().plus(new Vec3(0.5, -0.4, -1.0)));
        Detector det = new Detector(List.of(panel));
        Crystal crystal = perturbed(one, 0.3, new UnitCell(50.25, 59.8, 70.3, 90, 100.3, 90));
        ExperimentList el = new ExperimentList(List.of(
                new Experiment("a", beam, det, one.goniometer, scan(), crystal, null, null, null),
                new Experiment("b", beam, det, KAPPA, scan(), crystal, null, null, null)));
        ReflectionTable t = table(one.observe(D_MIN, RANGE, 0.2, 7), two.observe(D_MIN, RANGE, 0.2, 8));

        Refiner.Result r = Refiner.refine(el, t, Refiner.Options.defaults(null), Progress.NONE);

        Experiment a = r.experiments().get(0), b = r.experiments().get(1);
        assertSame(a.crystal(), b.crystal(), "one crystal model for both sweeps");
        assertSame(a.detector(), b.detector());
        assertSame(a.beam(), b.beam());
        assertSame(KAPPA, b.goniometer());
        assertTruth(one, a.crystal(), "shared crystal");
        assertEquals(0, a.detector().panel(0).origin().minus(one.panel.origin()).length(), 0.05, "detector origin (mm)");
        // one beam (Mu2), one crystal (3 + 4 monoclinic cell), one detector (6)
        assertEquals(14, r.parameterNames().size(), r.parameterNames().toString());
        assertTrue(r.parameterNames().contains("Crystal1.Phi2") && !r.parameterNames().toString().contains("Crystal2"));
        for (int e = 0; e < 2; e++) {
            RmsdSummary s = r.last(e);
            assertTrue(s.nref() > 2000, "experiment " + e + " used " + s.nref());
            assertEquals(0.2, s.rmsdXpx(), 0.03, "experiment " + e + " RMSD X");
            assertEquals(0.2, s.rmsdYpx(), 0.03, "experiment " + e + " RMSD Y");
            assertTrue(r.initial(e).rmsdXpx() > 2, "started off: " + r.initial(e));
        }
        // every used reflection of either sweep carries its calculated centroid
        double[] cal = r.reflections().vec3("xyzcal.mm"), obs = r.reflections().vec3("xyzobs.mm.value");
        boolean[] used = r.reflections().getFlags(Flag.USED_IN_REFINEMENT);
        int[] id = r.reflections().ints("id");
        int[] usedBy = new int[2];
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) continue;
            usedBy[id[i]]++;
            assertEquals(obs[3 * i], cal[3 * i], 0.3, "row " + i);
        }
        assertEquals(r.last(0).nref(), usedBy[0]);
        assertEquals(r.last(1).nref(), usedBy[1]);
    }

    @Test void oneCrystalPerExperimentIsRefinedIndependentlyUnderSharedInstrumentModels() {
        Detector det = new Detector(List.of(one.panel.withFrame(one.panel.fastAxis(), one.panel.slowAxis(),
                one.panel.origin().plus(new Vec3(0, 0, -0.6)))));
        ExperimentList el = new ExperimentList(List.of(
                new Experiment("a", one.beam, det, one.goniometer, scan(),
                        perturbed(one, 0.2, new UnitCell(50.2, 60.1, 69.8, 90, 99.8, 90)), null, null, null),
                new Experiment("b", one.beam, det, KAPPA, scan(),
                        perturbed(two, -0.25, new UnitCell(49.8, 60.2, 70.2, 90, 100.2, 90)), null, null, null)));
        ReflectionTable t = table(one.observe(D_MIN, RANGE, 0.2, 9), two.observe(D_MIN, RANGE, 0.2, 10));

        Refiner.Result r = Refiner.refine(el, t, Refiner.Options.defaults(null), Progress.NONE);

        assertNotSame(r.experiments().get(0).crystal(), r.experiments().get(1).crystal());
        assertSame(r.experiments().get(0).detector(), r.experiments().get(1).detector());
        assertTruth(one, r.experiments().get(0).crystal(), "crystal 1");
        assertTruth(two, r.experiments().get(1).crystal(), "crystal 2");
        assertEquals(1 + 2 * 7 + 6, r.parameterNames().size(), r.parameterNames().toString());
    }

    @Test void scanVaryingRefinementGivesEachSweepItsOwnCrystal() {
        // sweep 1's cell grows by 0.3 % over its range; sweep 2's stays put: after the shared static
        // macrocycle the crystal is split, so each follows its own
        double phiMax = Math.toRadians(RANGE);
        Observations o1 = one.observe(D_MIN, RANGE, 0.2, 11, phi -> one.driftingA(phi, phiMax, 0.003, 0));
        Observations o2 = two.observe(D_MIN, RANGE, 0.2, 12);
        Crystal crystal = perturbed(one, 0.05, new UnitCell(50.05, 60.05, 70.05, 90, 100.02, 90));
        Detector det = new Detector(List.of(one.panel));
        ExperimentList el = new ExperimentList(List.of(
                new Experiment("a", one.beam, det, one.goniometer, scan(), crystal, null, null, null),
                new Experiment("b", one.beam, det, KAPPA, scan(), crystal, null, null, null)));
        Refiner.Options opt = Refiner.Options.defaults(null).withScanVarying(true, false)
                .withFixDetector(List.of("all")).withIntervalWidth(10);
        Refiner.Result r = Refiner.refine(el, table(o1, o2), opt, Progress.NONE);

        Crystal c1 = r.experiments().get(0).crystal(), c2 = r.experiments().get(1).crystal();
        assertNotSame(c1, c2);
        assertEquals(scan().numImages() + 1, c1.aAtScanPoints().size());
        for (int z = 0; z <= scan().numImages(); z += 50) {
            double f = z * OSC / RANGE;
            double a1 = UnitCell.fromVectors(c1.AAtScanPoint(z).inverse().transpose().column(0),
                    c1.AAtScanPoint(z).inverse().transpose().column(1), c1.AAtScanPoint(z).inverse().transpose().column(2)).a();
            double a2 = UnitCell.fromVectors(c2.AAtScanPoint(z).inverse().transpose().column(0),
                    c2.AAtScanPoint(z).inverse().transpose().column(1), c2.AAtScanPoint(z).inverse().transpose().column(2)).a();
            assertEquals(50 * (1 + 0.003 * f), a1, 50 * 3e-4, "sweep 1 a at image " + z);
            assertEquals(50, a2, 50 * 3e-4, "sweep 2 a at image " + z);
        }
        assertEquals(2, r.macrocycles().size());
        assertTrue(r.last(0).rmsdXpx() < 0.25 && r.last(1).rmsdXpx() < 0.25, r.last(0) + " " + r.last(1));
    }

    @Test void jointDerivativesMatchFiniteDifferencesThroughASettingRotation() {
        Crystal crystal = perturbed(one, 0.1, new UnitCell(50.1, 60, 70, 90, 100.1, 90));
        ExperimentList el = new ExperimentList(List.of(
                new Experiment("a", one.beam, new Detector(List.of(one.panel)), one.goniometer, scan(), crystal, null, null, null),
                new Experiment("b", one.beam, new Detector(List.of(one.panel)), KAPPA, scan(), crystal, null, null, null)));
        Refiner.Options opt = Refiner.Options.defaults(null);
        SharedModels models = new SharedModels(el.experiments(), opt);
        ParameterVector v = models.vector(models.crystal);
        Observations[] obs = {one.observe(3.0, 10, 0, 1), two.observe(3.0, 10, 0, 2)};
        List<RotationResiduals> parts = new java.util.ArrayList<>();
        for (int e = 0; e < 2; e++) {
            int[] few = java.util.stream.IntStream.range(0, Math.min(40, obs[e].size())).toArray();
            parts.add(new RotationResiduals(obs[e].select(few), models.beam[e], models.crystal[e], models.panels[e],
                    el.get(e).goniometer(), 0, Math.toRadians(OSC), v));
        }
        JointResiduals joint = new JointResiduals(v, parts);
        double[] p0 = joint.parameters();
        for (int i = 0; i < p0.length; i++) p0[i] += 0.2 * Math.sin(i + 1);
        joint.setParameters(p0);
        // two detectors (not shared): each sweep's residuals depend on its own only
        assertEquals(1 + 7 + 12, v.count(), v.names().toString());
        JacobianCheck.assertMatchesFiniteDifferences(joint, v.names(), "joint");
    }
}
