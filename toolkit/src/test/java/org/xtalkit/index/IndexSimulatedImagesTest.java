package org.xtalkit.index;

import org.junit.jupiter.api.Test;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.UnitCell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The acceptance of indexing on simulated cubic insulin (I 21 3, a = 77.9 Å) through the images:
 * simulate -> find_spots -> index, as the DIALS tutorial runs it on the real sweep.
 */
class IndexSimulatedImagesTest {
    static final double A = 77.9;

    @Test
    void defaultIndexingFindsThePrimitiveCellAndBravaisSettingsRankCubicIFirst() {
        SimulatedInsulin sim = SimulatedInsulin.get();
        Indexer.Result r = Indexer.run(sim.imported, sim.strong, IndexParams.defaults(), IndexRealDataTest.LOG);
        double p = A * Math.sqrt(3) / 2;
        IndexRealDataTest.assertSameReducedCell(new UnitCell(p, p, p, 109.4712, 109.4712, 109.4712),
                r.experiments().get(0).crystal().unitCell());
        assertTrue(r.fractionIndexed() >= 0.95, "fraction indexed " + r.fractionIndexed());

        List<BravaisSettings.Setting> s = BravaisSettings.run(r.experiments().get(0), r.reflections(), 5, 2);
        IndexRealDataTest.LOG.log(BravaisSettings.table(s));
        assertEquals("cI", s.get(0).bravais());
        assertTrue(s.get(0).recommended());
        assertEquals(A, s.get(0).cell().a(), 0.003 * A);
        // the lattices of the table dials.refine_bravais_settings prints for insulin (22 solutions, cI down to aP; mI by best_monoclinic_beta)
        Set<String> lattices = new TreeSet<>();
        for (BravaisSettings.Setting x : s) lattices.add(x.bravais());
        assertEquals(new TreeSet<>(List.of("aP", "cI", "hR", "mI", "oF", "oI", "tI")), lattices);
        assertEquals(22, s.size());
    }

    @Test
    void spaceGroupI213GivesTheCubeDirectly() {
        SimulatedInsulin sim = SimulatedInsulin.get();
        Indexer.Result r = Indexer.run(sim.imported, sim.strong,
                IndexParams.defaults().withSymmetry(null, SpaceGroups.lookup("I213")), IndexRealDataTest.LOG);
        UnitCell c = r.experiments().get(0).crystal().unitCell();
        for (double edge : new double[] {c.a(), c.b(), c.c()}) assertEquals(A, edge, 0.003 * A);
        assertEquals(90, c.alpha(), 1e-6);
        assertEquals(90, c.beta(), 1e-6);
        assertEquals("I 2b 2c 3", r.experiments().get(0).crystal().spaceGroupHall().trim());
        assertTrue(r.fractionIndexed() >= 0.95, "fraction indexed " + r.fractionIndexed());
    }

    @Test
    void aOneMillimetreBeamCentreErrorIsFoundBySearchBeamPosition() {
        SimulatedInsulin sim = SimulatedInsulin.get();
        double px = sim.imported.get(0).detector().panel(0).pixelSizeFast();
        // 1 mm along fast and along slow (1.4 mm in all), in binned pixels as the simulator takes it
        var wrong = sim.withBeamCentreOffset(1 / px, 1 / px);
        assertTrue(centreError(wrong.get(0), sim) > 1.3);
        BeamCentreSearch.Result r = BeamCentreSearch.run(wrong, sim.strong, 2, IndexRealDataTest.LOG);
        assertTrue(centreError(r.optimised().get(0), sim) < 0.1,
                "beam centre error after search " + centreError(r.optimised().get(0), sim) + " mm");
    }

    static double centreError(Experiment e, SimulatedInsulin sim) {
        double[] found = e.detector().panel(0).beamCentreMm(e.beam());
        double[] t = sim.trueDetector.panel(0).beamCentreMm(e.beam());
        return Math.hypot(found[0] - t[0], found[1] - t[1]);
    }
}
