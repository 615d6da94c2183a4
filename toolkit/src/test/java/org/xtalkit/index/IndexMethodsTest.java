package org.xtalkit.index;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import static org.junit.jupiter.api.Assertions.*;

/** The other basis searches, local index assignment and several lattices. */
class IndexMethodsTest {
    static final UnitCell QUARTZ_P1 = new UnitCell(4.92824, 4.93489, 5.40562, 89.9624, 89.8488, 59.9932);

    private static Indexer.Result quartz(IndexParams p) {
        return IndexRealDataTest.index("quartz_processed/imported.expt", "quartz_processed/strong.refl", p);
    }

    @Test
    void fft1dIndexesQuartz() {
        Indexer.Result r = quartz(IndexParams.defaults().withMethod("fft1d"));
        IndexRealDataTest.assertSameReducedCell(QUARTZ_P1, r.experiments().get(0).crystal().unitCell());
        assertTrue(r.fractionIndexed() > 0.86, "fraction indexed " + r.fractionIndexed());
    }

    @Test
    void realSpaceGridSearchWithTheKnownCell() {
        Indexer.Result r = quartz(IndexParams.defaults().withMethod("real_space_grid_search")
                .withSymmetry(new UnitCell(4.92, 4.92, 5.40, 90, 90, 120), null));
        IndexRealDataTest.assertSameReducedCell(QUARTZ_P1, r.experiments().get(0).crystal().unitCell());
        assertTrue(r.fractionIndexed() > 0.86, "fraction indexed " + r.fractionIndexed());
    }

    @Test
    void localAssignmentIndexesAsManyAsSimple() {
        Indexer.Result simple = quartz(IndexParams.defaults());
        Indexer.Result local = quartz(IndexParams.defaults().withLocal(true));
        IndexRealDataTest.assertSameReducedCell(QUARTZ_P1, local.experiments().get(0).crystal().unitCell());
        assertTrue(local.nIndexed() >= simple.nIndexed() - 0.02 * simple.reflections().size(),
                "local " + local.nIndexed() + " vs simple " + simple.nIndexed());
    }

    @Test
    void twoCrystalsInTheBeamGiveTwoLattices() {
        Crystal c = new Crystal(new Vec3(41, 0, 0), new Vec3(0, 52, 0), new Vec3(0, 0, 63), " P 2 2");
        var geometry = SyntheticSweep.geometry(60, SyntheticSweep.randomOrientation(c, 11));
        SyntheticSweep one = new SyntheticSweep(geometry, 'P', 3.0, 0.3, 0, 1);
        SyntheticSweep two = new SyntheticSweep(geometry.withCrystal(SyntheticSweep.randomOrientation(c, 12)), 'P', 3.0, 0.3, 0, 2);
        var both = one.strong.concat(two.strong);
        Indexer.Result r = Indexer.run(one.imported, both, IndexParams.defaults().withMaxLattices(2), IndexRealDataTest.LOG);
        assertEquals(2, r.experiments().size());
        for (int l = 0; l < 2; l++)
            IndexRealDataTest.assertSameReducedCell(c.unitCell(), r.experiments().get(l).crystal().unitCell());
        assertTrue(r.fractionIndexed() > 0.9, "fraction indexed " + r.fractionIndexed());
        double angle = ModelRanking.angleBetween(r.experiments().get(0).crystal(), r.experiments().get(1).crystal());
        assertTrue(angle > 5, "the two lattices have different orientations: " + angle);
    }
}
