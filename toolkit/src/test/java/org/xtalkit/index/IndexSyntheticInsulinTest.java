package org.xtalkit.index;

import org.junit.jupiter.api.Test;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Cubic insulin (I 21 3, a = 77.9 Å) on an i04-like sweep of 100 images, spots made from the truth. */
class IndexSyntheticInsulinTest {

    static final SyntheticSweep SWEEP = new SyntheticSweep(
            SyntheticSweep.geometry(100, SyntheticSweep.randomOrientation(
                    new Crystal(new Vec3(77.9, 0, 0), new Vec3(0, 77.9, 0), new Vec3(0, 0, 77.9), " I 2b 2c 3"), 2718)),
            'I', 2.8, 0.3, 0.02, 31415);

    @Test
    void defaultIndexingFindsThePrimitiveCellOfTheBodyCentredCube() {
        Indexer.Result r = Indexer.run(SWEEP.imported, SWEEP.strong, IndexParams.defaults(), IndexRealDataTest.LOG);
        double p = 77.9 * Math.sqrt(3) / 2;
        IndexRealDataTest.assertSameReducedCell(new UnitCell(p, p, p, 109.4712, 109.4712, 109.4712), r.experiments().get(0).crystal().unitCell());
        assertTrue(r.fractionIndexed() >= 0.95, "fraction indexed " + r.fractionIndexed());

        List<BravaisSettings.Setting> s = BravaisSettings.run(r.experiments().get(0), r.reflections(), 5, 2);
        IndexRealDataTest.LOG.log(BravaisSettings.table(s));
        assertEquals("cI", s.get(0).bravais());
        assertTrue(s.get(0).recommended());
        assertEquals(22, s.size());
        assertEquals(77.9, s.get(0).cell().a(), 0.003 * 77.9);
    }

    @Test
    void spaceGroupI213GivesTheCubeDirectly() {
        Indexer.Result r = Indexer.run(SWEEP.imported, SWEEP.strong,
                IndexParams.defaults().withSymmetry(null, SpaceGroups.lookup("I213")), IndexRealDataTest.LOG);
        UnitCell c = r.experiments().get(0).crystal().unitCell();
        assertEquals(77.9, c.a(), 0.003 * 77.9);
        assertEquals(77.9, c.c(), 0.003 * 77.9);
        assertEquals(90, c.beta(), 1e-6);
        assertEquals("I 2b 2c 3", r.experiments().get(0).crystal().spaceGroupHall().trim());
        assertTrue(r.fractionIndexed() >= 0.95, "fraction indexed " + r.fractionIndexed());
    }

    /** The imported geometry with the detector moved 1 mm along fast and slow: the beam centre is 1.4 mm off. */
    static org.xtalkit.model.ExperimentList withBeamCentreError(double dxMm, double dyMm) {
        return SWEEP.imported.map(e -> {
            var p = e.detector().panel(0);
            var moved = p.withFrame(p.fastAxis(), p.slowAxis(), p.origin().plus(p.fastAxis().times(dxMm)).plus(p.slowAxis().times(dyMm)));
            return e.withDetector(e.detector().withPanels(List.of(moved)));
        });
    }

    @Test
    void searchBeamPositionBringsAOneMillimetreErrorUnderATenth() {
        BeamCentreSearch.Result r = BeamCentreSearch.run(withBeamCentreError(1, 1), SWEEP.strong, 2, IndexRealDataTest.LOG);
        var e = r.optimised().get(0);
        double[] found = e.detector().panel(0).beamCentreMm(e.beam());
        double[] truth = SWEEP.truth.detector().panel(0).beamCentreMm(SWEEP.truth.beam());
        assertTrue(Math.hypot(found[0] - truth[0], found[1] - truth[1]) < 0.1,
                "beam centre error " + Math.hypot(found[0] - truth[0], found[1] - truth[1]) + " mm");
    }
}
